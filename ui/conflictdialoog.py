"""The dialog shown when someone else saved the same item first: what they changed, and the choice to reload."""

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget)

from registry.wijzigingslog import WijzigingRij, lokale_tijd


class WijzigingenModel(QAbstractTableModel):
    """The other user's changes, read-only: veld, oud, nieuw, door, wanneer (local time)."""

    def __init__(self, wijzigingen: list[WijzigingRij], veldnamen: dict[str, str] | None = None, parent=None):
        super().__init__(parent)
        self._rijen = list(wijzigingen)
        self._veldnamen = veldnamen or {}
        self._koppen = [self.tr("Veld"), self.tr("Oud"), self.tr("Nieuw"), self.tr("Door"), self.tr("Wanneer")]

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rijen)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._koppen)

    def _tekst(self, rij: WijzigingRij, kolom: int) -> str:
        leeg = self.tr("(leeg)")
        if kolom == 0:
            return self._veldnamen.get(rij.veld, rij.veld)
        if kolom == 1:
            return rij.oud if rij.oud is not None else leeg
        if kolom == 2:
            return rij.nieuw if rij.nieuw is not None else leeg
        if kolom == 3:
            return rij.gebruiker
        return f"{lokale_tijd(rij.tijdstip):%d-%m-%Y %H:%M}"

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rijen):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._tekst(self._rijen[index.row()], index.column())
        return None

    def headerData(self, sectie: int, richting: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and richting == Qt.Orientation.Horizontal \
                and 0 <= sectie < len(self._koppen):
            return self._koppen[sectie]
        return None


class ConflictDialoog(QDialog):
    """"Gelijktijdige wijziging": the message, the other user's changes, and Opnieuw laden (accept) / Annuleren.

    Run it through `ui.vragen.voer_uit` so that tests can answer it.
    """

    def __init__(self, melding: str, wijzigingen: list[WijzigingRij], *, veldnamen: dict[str, str] | None = None,
                 uitleg: str | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Gelijktijdige wijziging"))
        laag = QVBoxLayout(self)

        # The register's message lists the changes line by line as well; with a table, its first line is enough.
        regels = melding.splitlines()
        self.melding = QLabel(regels[0] if wijzigingen and regels else melding, self)
        self.melding.setTextFormat(Qt.TextFormat.PlainText)
        self.melding.setWordWrap(True)
        laag.addWidget(self.melding)

        self.model = WijzigingenModel(wijzigingen, veldnamen, self)
        self.tabel = QTableView(self)
        self.tabel.setModel(self.model)
        self.tabel.setAccessibleName(self.tr("Wijzigingen van de andere gebruiker"))
        self.tabel.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.tabel.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.tabel.setTabKeyNavigation(False)
        self.tabel.verticalHeader().setVisible(False)
        self.tabel.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.tabel.horizontalHeader().setStretchLastSection(True)
        self.tabel.setWordWrap(False)
        kop = QLabel(self.tr("&Wijzigingen door een andere gebruiker:"), self)
        kop.setBuddy(self.tabel)
        laag.addWidget(kop)
        laag.addWidget(self.tabel)
        if not wijzigingen:
            self.tabel.hide()
            kop.hide()

        if uitleg:
            self.uitleg = QLabel(uitleg, self)
            self.uitleg.setWordWrap(True)
            laag.addWidget(self.uitleg)

        knoppen = QDialogButtonBox(self)
        self.opnieuw_laden = knoppen.addButton(self.tr("&Opnieuw laden"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.annuleren = knoppen.addButton(self.tr("Annuleren"), QDialogButtonBox.ButtonRole.RejectRole)
        self.opnieuw_laden.setDefault(True)
        knoppen.accepted.connect(self.accept)
        knoppen.rejected.connect(self.reject)
        laag.addWidget(knoppen)
        regel = self.fontMetrics().averageCharWidth()
        self.resize(max(self.sizeHint().width(), 90 * regel), self.sizeHint().height())
