"""Choosing items to link (measures to a recommendation, or recommendations to a measure): search, select, accept.

One dialog serves both directions; it only chooses codes, the caller writes the links. Run it through
`ui.vragen.voer_uit` so that tests can answer it.
"""

from PySide6 import QtGui
from PySide6.QtCore import QItemSelection, QItemSelectionModel, QModelIndex, QPersistentModelIndex, QStringListModel, Qt
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QLabel, QLineEdit, QListView,
                               QVBoxLayout, QWidget)

from registry.tekst import normaliseer
from ui import vragen

GRIJS = "#6b6b6b"  # already linked: readable (contrast ≥ 4.5:1 on white), clearly not choosable
TOOLTIP_MAXIMUM = 2000  # characters: a tooltip is read at a glance, and a 100,000-character one fills the screen

_Index = QModelIndex | QPersistentModelIndex
_KEUZEBAAR = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
_NIET_KEUZEBAAR = Qt.ItemFlag.ItemNeverHasChildren


def als_tooltip(tekst: str, maximum: int = TOOLTIP_MAXIMUM) -> str:
    """User text as a tooltip that shows it as typed: Qt renders a tooltip that looks like markup as rich text."""
    if len(tekst) > maximum:
        tekst = tekst[:maximum - 1].rstrip() + "…"
    return QtGui.Qt.convertFromPlainText(tekst)


class _Keuzemodel(QStringListModel):
    """The choices the search leaves visible; the texts of those rows are the string list.

    Counting and laying out rows stays in C++ (a Python `rowCount` is called for every row on each layout: 10,000
    measures made each keystroke cost tens of milliseconds); Python answers only for the rows being drawn.
    """

    CODE_ROL = Qt.ItemDataRole.UserRole

    def __init__(self, keuzes: list[tuple[str, str]], al_gekoppeld: set[str], tekst_gekoppeld: str,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.codes = [code for code, _ in keuzes]
        teksten = [f"{code} — {omschrijving}" if omschrijving else code for code, omschrijving in keuzes]
        self.gekoppeld = [code in al_gekoppeld for code in self.codes]
        self.zoekteksten = [normaliseer(t) for t in teksten]
        self.teksten = [tekst_gekoppeld % t if gekoppeld else t for t, gekoppeld in zip(teksten, self.gekoppeld)]
        self.tooltips = teksten
        self.zichtbaar: list[int] = list(range(len(keuzes)))  # positions in `keuzes` of the rows shown, in order
        self._woorden: list[str] = []
        self.setStringList(self.teksten)

    def filter(self, tekst: str) -> None:
        """Show the choices holding every word of `tekst` (case and accents ignored)."""
        woorden = normaliseer(tekst).split()
        if woorden == self._woorden:
            return
        # Typing on only narrows: a choice that held the old words holds what extends them, so search those only.
        verder = self._woorden and " ".join(woorden).startswith(" ".join(self._woorden))
        kandidaten = self.zichtbaar if verder else range(len(self.codes))
        zoek = self.zoekteksten
        if len(woorden) == 1:
            woord = woorden[0]
            zichtbaar = [i for i in kandidaten if woord in zoek[i]]
        else:
            zichtbaar = [i for i in kandidaten if all(w in zoek[i] for w in woorden)]
        self._woorden = woorden
        self.zichtbaar = zichtbaar
        self.setStringList([self.teksten[i] for i in zichtbaar])

    def positie(self, rij: int) -> int:
        return self.zichtbaar[rij]

    def keuzebaar(self, rij: int) -> bool:
        return 0 <= rij < len(self.zichtbaar) and not self.gekoppeld[self.zichtbaar[rij]]

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return _KEUZEBAAR if self.keuzebaar(index.row()) else _NIET_KEUZEBAAR

    def data(self, index: _Index, rol: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.zichtbaar):
            return None
        i = self.zichtbaar[index.row()]
        if rol in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.teksten[i]
        if rol == Qt.ItemDataRole.ToolTipRole:
            return als_tooltip(self.tooltips[i])
        if rol == Qt.ItemDataRole.ForegroundRole and self.gekoppeld[i]:
            return QColor(GRIJS)
        if rol == self.CODE_ROL:
            return self.codes[i]
        return None


class _Zoekveld(QLineEdit):
    """The search box: arrow down moves into the list, so that typing and choosing need no mouse."""

    def __init__(self, lijst: QListView, parent: QWidget | None = None):
        super().__init__(parent)
        self._lijst = lijst

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_PageDown):
            self._lijst.setFocus(Qt.FocusReason.TabFocusReason)
            model = self._lijst.model()
            if not self._lijst.selectionModel().hasSelection():
                eerste = next((r for r in range(model.rowCount()) if model.keuzebaar(r)), None)
                if eerste is not None:
                    self._lijst.setCurrentIndex(model.index(eerste, 0))
            return
        super().keyPressEvent(event)


class KoppelDialoog(QDialog):
    """A search box over a list of (code, description); several can be chosen; already linked ones are greyed out.

    After acceptance `gekozen` holds the chosen codes in list order. What is hidden by the search is never chosen:
    the user links exactly what they see selected.
    """

    CODE_ROL = _Keuzemodel.CODE_ROL

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

        self.model = _Keuzemodel(keuzes, al_gekoppeld, self.tr("%s (al gekoppeld)"), self)
        self.lijst = QListView(self)
        self.lijst.setModel(self.model)
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
        self.lijst.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.lijst.setUniformItemSizes(True)  # thousands of measures: no per-item size calculation
        self.lijst.doubleClicked.connect(lambda index: self.model.keuzebaar(index.row()) and self._aanvaard())
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
        self.lijst.selectionModel().selectionChanged.connect(self._werk_bij)
        self._werk_bij()
        self.zoekveld.setFocus()

    # --- behaviour --------------------------------------------------------------------------------------------------

    def zichtbare_codes(self) -> list[str]:
        return [self.model.codes[i] for i in self.model.zichtbaar]

    def index_van(self, code: str) -> QModelIndex:
        """The row showing `code` (invalid while the search hides it)."""
        rij = next((r for r, i in enumerate(self.model.zichtbaar) if self.model.codes[i] == code), None)
        return self.model.index(rij, 0) if rij is not None else QModelIndex()

    def _filter(self, tekst: str) -> None:
        """Show what matches; what stays in sight stays chosen, what drops out of sight is no longer chosen."""
        selectie = self.lijst.selectionModel()
        gekozen = {self.model.zichtbaar[rij] for rij in self._geselecteerde_rijen()}
        huidig = self.lijst.currentIndex()
        huidig = self.model.positie(huidig.row()) if huidig.isValid() else None
        self.model.filter(tekst)  # resets the model, and with it the selection
        if gekozen or huidig is not None:
            nieuw = QItemSelection()
            begin = None
            for rij, i in enumerate([*self.model.zichtbaar, None]):  # selected runs of rows, one range each
                if i is not None and i in gekozen:
                    begin = rij if begin is None else begin
                elif begin is not None:
                    nieuw.select(self.model.index(begin, 0), self.model.index(rij - 1, 0))
                    begin = None
            rij = next((r for r, i in enumerate(self.model.zichtbaar) if i == huidig), None)
            if rij is not None:
                selectie.setCurrentIndex(self.model.index(rij, 0), QItemSelectionModel.SelectionFlag.NoUpdate)
            selectie.select(nieuw, QItemSelectionModel.SelectionFlag.Select)  # one call: one count update
        self._werk_bij()

    def _geselecteerde_rijen(self) -> list[int]:
        """The selected rows, read from the selection's ranges (asking Qt per row costs a Python call per row)."""
        rijen: set[int] = set()
        for bereik in self.lijst.selectionModel().selection():
            rijen.update(range(bereik.top(), bereik.bottom() + 1))
        return sorted(rijen)

    def _gekozen_rijen(self) -> list[int]:
        return [r for r in self._geselecteerde_rijen() if self.model.keuzebaar(r)]

    def _werk_bij(self, *_args) -> None:
        aantal = len(self._gekozen_rijen())
        self.telling.setText(self.tr("%d gekozen · %d van %d getoond")
                             % (aantal, len(self.model.zichtbaar), len(self.model.codes)))
        self.knop_ok.setEnabled(aantal > 0)

    def _enter_in_zoekveld(self) -> None:
        """Enter accepts the selection; with nothing selected and exactly one match, that match."""
        if not self._gekozen_rijen():
            kandidaten = [r for r in range(self.model.rowCount()) if self.model.keuzebaar(r)]
            if len(kandidaten) != 1:
                return
            self.lijst.selectionModel().select(self.model.index(kandidaten[0], 0),
                                               QItemSelectionModel.SelectionFlag.Select)
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
        gekozen = [self.model.codes[self.model.positie(r)] for r in self._gekozen_rijen()]
        if not gekozen:
            return
        self.gekozen = gekozen
        self.accept()


def kies_om_te_koppelen(ouder: QWidget, titel: str, uitleg: str, keuzes: list[tuple[str, str]],
                        al_gekoppeld: set[str]) -> list[str]:
    """Ask through `ui.vragen` which items to link; the chosen codes, or [] when the user cancelled."""
    dialoog = KoppelDialoog(titel, uitleg, keuzes, al_gekoppeld, ouder)
    try:
        return list(dialoog.gekozen) if vragen.voer_uit(dialoog) else []
    finally:
        dialoog.deleteLater()
