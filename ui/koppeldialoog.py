"""Choosing items to link (measures to a recommendation, or recommendations to a measure): search, select, accept.

One dialog serves both directions; it only chooses codes, the caller writes the links. Run it through
`ui.vragen.voer_uit` so that tests can answer it.
"""

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QLabel, QLineEdit, QListWidget,
                               QListWidgetItem, QVBoxLayout, QWidget)

from registry.tekst import normaliseer

GRIJS = "#6b6b6b"  # already linked: readable (contrast ≥ 4.5:1 on white), clearly not choosable


class _Zoekveld(QLineEdit):
    """The search box: arrow down moves into the list, so that typing and choosing need no mouse."""

    def __init__(self, lijst: QListWidget, parent: QWidget | None = None):
        super().__init__(parent)
        self._lijst = lijst

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_PageDown):
            self._lijst.setFocus(Qt.FocusReason.TabFocusReason)
            if not self._lijst.selectedItems():
                eerste = next((self._lijst.item(i) for i in range(self._lijst.count())
                               if not self._lijst.item(i).isHidden()
                               and self._lijst.item(i).flags() & Qt.ItemFlag.ItemIsEnabled), None)
                if eerste is not None:
                    self._lijst.setCurrentItem(eerste)
            return
        super().keyPressEvent(event)


class KoppelDialoog(QDialog):
    """A search box over a list of (code, description); several can be chosen; already linked ones are greyed out.

    After acceptance `gekozen` holds the chosen codes in list order. What is hidden by the search is never chosen:
    the user links exactly what they see selected.
    """

    CODE_ROL = Qt.ItemDataRole.UserRole

    def __init__(self, titel: str, uitleg: str, keuzes: list[tuple[str, str]], al_gekoppeld: set[str],
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(titel)
        self.setMinimumSize(560, 460)
        self.gekozen: list[str] = []
        laag = QVBoxLayout(self)

        self.uitleg = QLabel(uitleg, self)
        self.uitleg.setWordWrap(True)
        self.uitleg.setTextFormat(Qt.TextFormat.PlainText)
        laag.addWidget(self.uitleg)

        self.lijst = QListWidget(self)
        self.zoekveld = _Zoekveld(self.lijst, self)
        self.zoekveld.setPlaceholderText(self.tr("Typ een deel van de code of de omschrijving"))
        self.zoekveld.setAccessibleName(self.tr("Zoeken"))
        self.zoekveld.setClearButtonEnabled(True)
        zoeklabel = QLabel(self.tr("&Zoeken:"), self)
        zoeklabel.setBuddy(self.zoekveld)
        laag.addWidget(zoeklabel)
        laag.addWidget(self.zoekveld)

        lijstlabel = QLabel(self.tr("&Keuzes (Ctrl of Shift voor meer dan één):"), self)
        lijstlabel.setBuddy(self.lijst)
        self.lijst.setAccessibleName(titel)
        self.lijst.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.lijst.setUniformItemSizes(True)  # thousands of measures: no per-item size calculation
        self._zoek: list[str] = []
        for code, omschrijving in keuzes:
            gekoppeld = code in al_gekoppeld
            tekst = f"{code} — {omschrijving}" if omschrijving else code
            item = QListWidgetItem(self.tr("%s (al gekoppeld)") % tekst if gekoppeld else tekst)
            item.setData(self.CODE_ROL, code)
            item.setToolTip(tekst)
            if gekoppeld:
                item.setFlags(item.flags() & ~(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable))
                item.setForeground(QColor(GRIJS))
            self.lijst.addItem(item)
            self._zoek.append(normaliseer(tekst))
        self.lijst.itemDoubleClicked.connect(lambda _item: self._aanvaard())
        laag.addWidget(lijstlabel)
        laag.addWidget(self.lijst, 1)

        self.telling = QLabel(self)
        self.telling.setAccessibleName(self.tr("Aantal gekozen"))
        laag.addWidget(self.telling)

        self.knoppen = QDialogButtonBox(self)
        self.knop_ok = self.knoppen.addButton(self.tr("&Koppelen"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.knop_ok.setDefault(True)
        self.knop_annuleren = self.knoppen.addButton(self.tr("Annuleren"), QDialogButtonBox.ButtonRole.RejectRole)
        self.knoppen.accepted.connect(self._aanvaard)
        self.knoppen.rejected.connect(self.reject)
        laag.addWidget(self.knoppen)

        self.zoekveld.textChanged.connect(self._filter)
        self.lijst.itemSelectionChanged.connect(self._werk_bij)
        self._filter("")
        self.zoekveld.setFocus()

    # --- behaviour --------------------------------------------------------------------------------------------------

    def zichtbare_codes(self) -> list[str]:
        return [self.lijst.item(i).data(self.CODE_ROL) for i in range(self.lijst.count())
                if not self.lijst.item(i).isHidden()]

    def _filter(self, tekst: str) -> None:
        woorden = normaliseer(tekst).split()
        self.lijst.setUpdatesEnabled(False)
        try:
            for i, zoek in enumerate(self._zoek):
                verborgen = not all(w in zoek for w in woorden)
                item = self.lijst.item(i)
                if item.isHidden() != verborgen:
                    item.setHidden(verborgen)
                    if verborgen:
                        item.setSelected(False)  # what is out of sight is not chosen
        finally:
            self.lijst.setUpdatesEnabled(True)
        self._werk_bij()

    def _keuzebaar(self, item: QListWidgetItem) -> bool:
        return not item.isHidden() and bool(item.flags() & Qt.ItemFlag.ItemIsEnabled)

    def _gekozen_items(self) -> list[QListWidgetItem]:
        return [self.lijst.item(i) for i in range(self.lijst.count())
                if self.lijst.item(i).isSelected() and self._keuzebaar(self.lijst.item(i))]

    def _werk_bij(self) -> None:
        aantal = len(self._gekozen_items())
        zichtbaar = sum(1 for i in range(self.lijst.count()) if not self.lijst.item(i).isHidden())
        self.telling.setText(self.tr("%d gekozen · %d van %d getoond") % (aantal, zichtbaar, self.lijst.count()))
        self.knop_ok.setEnabled(aantal > 0)

    def _enter_in_zoekveld(self) -> None:
        """Enter accepts the selection; with nothing selected and exactly one match, that match."""
        if not self._gekozen_items():
            kandidaten = [self.lijst.item(i) for i in range(self.lijst.count()) if self._keuzebaar(self.lijst.item(i))]
            if len(kandidaten) != 1:
                return
            kandidaten[0].setSelected(True)
        self._aanvaard()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter in the search box or the list lands here (both pass it on); a focused button handles its own.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.focusWidget() is self.zoekveld:
                self._enter_in_zoekveld()
            else:
                self._aanvaard()
            return
        super().keyPressEvent(event)

    def _aanvaard(self) -> None:
        gekozen = [item.data(self.CODE_ROL) for item in self._gekozen_items()]
        if not gekozen:
            return
        self.gekozen = gekozen
        self.accept()
