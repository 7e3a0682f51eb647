"""The Aanbevelingen view: every recommendation, filtered; deciding on one (opvolging) and linking measures to it.

The page holds the recommendations as plain rows and filters them in Python (there are tens to hundreds). A decision
goes through `beslis_opvolging` with the version the page loaded, so a colleague's decision in between is refused
(ConflictFout) rather than overwritten; links are outside that version (see `registry.aanbeveling`), so linking a
measure never discards, and is never blocked by, a motivation being written.
"""

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import (QAbstractTableModel, QItemSelectionModel, QModelIndex, QPersistentModelIndex, Qt,
                            QTimer, Signal)
from PySide6.QtGui import QColor, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QFormLayout, QFrame, QGridLayout, QGroupBox,
                               QHBoxLayout, QHeaderView, QLabel, QLineEdit, QListWidget, QListWidgetItem,
                               QPlainTextEdit, QPushButton, QScrollArea, QSpinBox, QSplitter,
                               QVBoxLayout, QWidget)

from registry.aanbeveling import (AanbevelingFilter, AanbevelingRij, GekoppeldeMaatregel, OpvolgingRegel, aanbevelingen,
                                  beslis_opvolging, bronnen_met_aanbevelingen, filter_aanbevelingen,
                                  gekoppelde_maatregelen, haal_aanbeveling, koppel, koppelbare_maatregelen, ontkoppel,
                                  opvolgingshistorie, themas)
from registry.bron import bronnen
from registry.domein import domeinen
from registry.fouten import ConflictFout, NietGevonden, RegisterFout, ValidatieFout
from registry.tekst import natuurlijke_sleutel, normaliseer
from registry.vocabulaire import OPVOLGING, OPVOLGINGSKLEUR, STATUS
from registry.wijzigingslog import lokale_tijd
from ui import vragen
from ui.foutlabel import foutlabel
from ui.koppeldialoog import als_tooltip, kies_om_te_koppelen
from ui.statusdialoog import datumtekst
from ui.tabelweergave import alleen_lezen_tabel

_Index = QModelIndex | QPersistentModelIndex
_KIESBAAR = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
_ROLLEN = frozenset({Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.ForegroundRole,
                     Qt.ItemDataRole.FontRole})

#: How much of a long title a label or a table cell shows, and of a motivation a history line. Texts may be 100,000
#: characters: laying that out on every selection takes seconds, and nobody reads it there; the text box (or the
#: tooltip) has the text.
KORT = 300
KORT_HISTORIE = 1000

#: The page's mnemonics must not be those of the main window's menus (&Bestand, Be&werken, Bee&ld, &Help): Qt gives
#: a shared Alt+letter to the first in line and the user's first press only moves the focus.
MENULETTERS = frozenset("bwlh")


def ingekort(tekst: str, maximum: int = KORT) -> str:
    """`tekst` up to `maximum` characters, with "…" when there was more."""
    return tekst if len(tekst) <= maximum else tekst[:maximum - 1].rstrip() + "…"


def deadlinetekst(deadline) -> str:
    """A vague deadline in Dutch ("2e helft 2025"), with the source's own words when they differ."""
    if deadline is None:
        return ""
    nederlands = deadline.nederlands()
    return nederlands if nederlands.casefold() == deadline.tekst.casefold() else f"{nederlands} (“{deadline.tekst}”)"


# --- the table ------------------------------------------------------------------------------------------------------

class AanbevelingenTabelModel(QAbstractTableModel):
    """The filtered recommendations; sorting happens here on the Python list (natural code order by default)."""

    CODE, TITEL, BRON, THEMA, DATUM, DEADLINE, OPVOLGING_ = range(7)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rijen: list[AanbevelingRij] = []
        self._sortering: tuple[int, Qt.SortOrder] = (self.CODE, Qt.SortOrder.AscendingOrder)
        self._koppen = [self.tr("Code"), self.tr("Titel"), self.tr("Bron"), self.tr("Thema"), self.tr("Datum"),
                        self.tr("Deadline"), self.tr("Opvolging")]
        # A row's cell texts, made when first drawn: every repaint asks for them again (a date or a vague deadline
        # formatted anew each time made a search keystroke's repaint slow). Keyed by id, holding the row itself.
        self._teksten: dict[int, tuple[AanbevelingRij, tuple[str, ...]]] = {}
        self._kleuren = {code: QColor(kleur) for code, kleur in OPVOLGINGSKLEUR.items()}
        self._vet = QFont()
        self._vet.setBold(True)
        self._codesleutels: dict[str, tuple] = {}  # natural sort keys, made once per code (each keystroke sorts)

    def zet_rijen(self, rijen: list[AanbevelingRij]) -> None:
        self.beginResetModel()
        self._rijen = self._gesorteerd(rijen)
        oud = self._teksten
        self._teksten = {id(r): oud[id(r)] for r in self._rijen if id(r) in oud and oud[id(r)][0] is r}
        self.endResetModel()

    def rij(self, nummer: int) -> AanbevelingRij:
        return self._rijen[nummer]

    def rijen(self) -> list[AanbevelingRij]:
        return list(self._rijen)

    def rij_van(self, code: str) -> int | None:
        return next((i for i, r in enumerate(self._rijen) if r.code == code), None)

    # --- sorting ----------------------------------------------------------------------------------------------------

    def _sleutel(self, kolom: int) -> Callable[[AanbevelingRij], object]:
        """The sort key of a row in `kolom`; None for an empty cell."""
        if kolom == self.TITEL:
            return lambda r: normaliseer(r.titel)
        if kolom == self.BRON:
            return lambda r: natuurlijke_sleutel(r.bron) if r.bron else None
        if kolom == self.THEMA:
            return lambda r: natuurlijke_sleutel(r.thema) if r.thema else None
        if kolom == self.DATUM:
            return lambda r: r.datum
        if kolom == self.DEADLINE:
            return lambda r: (r.deadline.tot, r.deadline.van) if r.deadline else None
        if kolom == self.OPVOLGING_:
            return lambda r: OPVOLGING.codes.index(r.opvolging) if r.opvolging in OPVOLGING else len(OPVOLGING.codes)
        return lambda r: ()

    def _codesleutel(self, r: AanbevelingRij) -> tuple:
        sleutel = self._codesleutels.get(r.code)
        if sleutel is None:
            sleutel = self._codesleutels[r.code] = natuurlijke_sleutel(r.code)
        return sleutel

    def _gesorteerd(self, rijen: list[AanbevelingRij]) -> list[AanbevelingRij]:
        """Sorted on the chosen column, ties in code order; empty cells last in both directions (as the register)."""
        kolom, volgorde = self._sortering
        aflopend = volgorde == Qt.SortOrder.DescendingOrder
        rijen = sorted(rijen, key=self._codesleutel)  # the tie-breaker, and column Code itself
        if kolom == self.CODE:
            return rijen[::-1] if aflopend else rijen
        sleutel = self._sleutel(kolom)
        sleutels = [(sleutel(r), r) for r in rijen]
        gevuld = sorted((p for p in sleutels if p[0] is not None), key=lambda p: p[0], reverse=aflopend)
        return [r for _, r in gevuld] + [r for k, r in sleutels if k is None]

    def sort(self, kolom: int, volgorde: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= kolom < len(self._koppen):
            return
        self.layoutAboutToBeChanged.emit()
        self._sortering = (kolom, volgorde)
        oud = self.persistentIndexList()
        oude_rijen = self._rijen
        self._rijen = self._gesorteerd(self._rijen)
        positie = {id(r): i for i, r in enumerate(self._rijen)}
        self.changePersistentIndexList(oud, [self.index(positie[id(oude_rijen[i.row()])], i.column()) for i in oud])
        self.layoutChanged.emit()

    # --- Qt ---------------------------------------------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rijen)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._koppen)

    def headerData(self, sectie: int, richting: Qt.Orientation, rol: int = Qt.ItemDataRole.DisplayRole):
        if richting == Qt.Orientation.Horizontal and rol == Qt.ItemDataRole.DisplayRole \
                and 0 <= sectie < len(self._koppen):
            return self._koppen[sectie]
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        return _KIESBAAR if index.isValid() else Qt.ItemFlag.NoItemFlags

    def _celteksten(self, r: AanbevelingRij) -> tuple[str, ...]:
        opgeslagen = self._teksten.get(id(r))
        if opgeslagen is None or opgeslagen[0] is not r:
            opgeslagen = self._teksten[id(r)] = (r, tuple(self._tekst(r, k) for k in range(len(self._koppen))))
        return opgeslagen[1]

    def _tekst(self, r: AanbevelingRij, kolom: int) -> str:
        if kolom == self.CODE:
            return r.code
        if kolom == self.TITEL:
            return ingekort(r.titel)  # one line in a cell: the rest would only slow the drawing down
        if kolom == self.BRON:
            return r.bron or ""
        if kolom == self.THEMA:
            return r.thema or ""
        if kolom == self.DATUM:
            return datumtekst(r.datum)
        if kolom == self.DEADLINE:
            return r.deadline.nederlands() if r.deadline else ""
        if kolom == self.OPVOLGING_:
            return OPVOLGING.label(r.opvolging) or r.opvolging
        return ""

    def data(self, index: _Index, rol: int = Qt.ItemDataRole.DisplayRole):
        if rol not in _ROLLEN or not index.isValid() or not 0 <= index.row() < len(self._rijen):
            return None  # the roles asked for on every repaint that this model leaves to the view come back first
        r, kolom = self._rijen[index.row()], index.column()
        if rol == Qt.ItemDataRole.DisplayRole:
            return self._celteksten(r)[kolom]
        if rol == Qt.ItemDataRole.ToolTipRole:  # user text, shown as typed (a tooltip would render markup)
            if kolom == self.TITEL:
                return als_tooltip(r.titel)
            if kolom == self.DEADLINE and r.deadline:
                return als_tooltip(deadlinetekst(r.deadline))
            if kolom == self.OPVOLGING_ and r.motivatie:
                return als_tooltip(r.motivatie)
            tekst = self._celteksten(r)[kolom]
            return als_tooltip(tekst) if tekst else None
        if rol == Qt.ItemDataRole.ForegroundRole and kolom == self.OPVOLGING_:
            return self._kleuren.get(r.opvolging)  # the dashboard's hue for the same opvolging
        if rol == Qt.ItemDataRole.FontRole and kolom == self.OPVOLGING_ and r.opvolging in ("open", "afgewezen"):
            return self._vet
        return None


# --- the page -------------------------------------------------------------------------------------------------------

class _Tekstvak(QPlainTextEdit):
    """A multi-line text field; Tab leaves it, so the form stays keyboard-reachable."""

    def __init__(self, regels: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setFixedHeight(self.fontMetrics().lineSpacing() * regels + 12)


class AanbevelingenPagina(QWidget):
    """Filter bar and table of recommendations beside the chosen one's details, decision and links."""

    maatregelGekozen = Signal(str)  # the user wants to open this measure (the window jumps there)
    gewijzigd = Signal(object)  # after a committed change: tuple of the measure codes whose links changed

    def __init__(self, register, gebruiker: Callable[[], str], open_maanden: int = 6, parent: QWidget | None = None):
        super().__init__(parent)
        self.register = register
        self._gebruiker = gebruiker
        self._alle: list[AanbevelingRij] = []
        self._signaal: tuple[str, frozenset[str]] | None = None
        self._rij: AanbevelingRij | None = None  # the recommendation in the detail pane
        self._basis: tuple[str, str | None, int] | None = None  # opvolging, motivatie, versie the edits rest on
        self._links: list[GekoppeldeMaatregel] = []
        self._bron_titels: dict[str, str] = {}
        self._domeinnamen: dict[str, str] = {}
        self._laden = False  # True while the page fills widgets: those changes are not the user's
        self._selecteren = False  # True while the page moves the table's selection itself
        self._splitter_gezet = False

        self._bouw(open_maanden)
        self.ververs()

    # --- building ---------------------------------------------------------------------------------------------------

    def _bouw(self, open_maanden: int) -> None:
        laag = QVBoxLayout(self)
        laag.setContentsMargins(4, 4, 4, 4)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self._bouw_lijstkant(open_maanden))
        self.splitter.addWidget(self._bouw_detailkant())
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        laag.addWidget(self.splitter)
        self.setTabOrder(self.knop_wis, self.tabel)
        self.setTabOrder(self.tabel, self.tekst)

    def _bouw_lijstkant(self, open_maanden: int) -> QWidget:
        kant = QWidget(self)
        laag = QVBoxLayout(kant)
        laag.setContentsMargins(0, 0, 0, 0)

        balk = QGridLayout()
        balk.setContentsMargins(0, 0, 0, 0)
        self.bron_keuze = self._filterkeuze()
        self.bron_keuze.setAccessibleName(self.tr("Filter op bron"))
        self.thema_keuze = self._filterkeuze()
        self.thema_keuze.setAccessibleName(self.tr("Filter op thema"))
        self.opvolging_keuze = self._filterkeuze()
        self.opvolging_keuze.setAccessibleName(self.tr("Filter op opvolging"))
        self.opvolging_keuze.addItem(self.tr("Alle opvolgingen"), None)
        for term in OPVOLGING.termen:
            self.opvolging_keuze.addItem(term.label, term.code)
        for kolom, (tekst, keuze) in enumerate(((self.tr("B&ron:"), self.bron_keuze),
                                                (self.tr("&Thema:"), self.thema_keuze),
                                                (self.tr("Opvol&ging:"), self.opvolging_keuze))):
            label = QLabel(tekst, kant)
            label.setBuddy(keuze)
            balk.addWidget(label, 0, 2 * kolom)
            balk.addWidget(keuze, 0, 2 * kolom + 1)
            balk.setColumnStretch(2 * kolom + 1, 1)

        tweede = QHBoxLayout()
        self.open_vakje = QCheckBox(self.tr("L&anger open dan"), kant)
        self.open_vakje.setToolTip(self.tr("Alleen aanbevelingen die open staan en ouder zijn dan dit aantal maanden "
                                           "(naar hun datum): stilzwijgend blijven liggen?"))
        self.open_maanden = QSpinBox(kant)
        self.open_maanden.setRange(1, 240)
        self.open_maanden.setValue(open_maanden)
        self.open_maanden.setSuffix(self.tr(" maanden"))
        self.open_maanden.setAccessibleName(self.tr("Aantal maanden open"))
        self.zonder_vakje = QCheckBox(self.tr("Zo&nder gekoppelde maatregel"), kant)
        tweede.addWidget(self.open_vakje)
        tweede.addWidget(self.open_maanden)
        tweede.addSpacing(12)
        tweede.addWidget(self.zonder_vakje)
        tweede.addStretch(1)
        balk.addLayout(tweede, 1, 0, 1, 6)

        derde = QHBoxLayout()
        self.zoekveld = QLineEdit(kant)
        self.zoekveld.setPlaceholderText(self.tr("Zoek in code, titel, tekst of nummer"))
        self.zoekveld.setClearButtonEnabled(True)
        self.zoekveld.setAccessibleName(self.tr("Zoeken in aanbevelingen"))
        zoeklabel = QLabel(self.tr("&Zoeken:"), kant)
        zoeklabel.setBuddy(self.zoekveld)
        self.knop_wis = QPushButton(self.tr("Wis &filters"), kant)
        derde.addWidget(zoeklabel)
        derde.addWidget(self.zoekveld, 1)
        derde.addWidget(self.knop_wis)
        balk.addLayout(derde, 2, 0, 1, 6)
        laag.addLayout(balk)

        # Shown only while a signal narrows the list: the user must see why rows are missing, and how to undo it.
        self.signaalbalk = QFrame(kant)
        self.signaalbalk.setFrameShape(QFrame.Shape.StyledPanel)
        self.signaalbalk.setStyleSheet("QFrame { background: #fff4e5; }")
        signaallaag = QHBoxLayout(self.signaalbalk)
        signaallaag.setContentsMargins(6, 2, 6, 2)
        self.signaallabel = QLabel(self.signaalbalk)
        self.signaallabel.setTextFormat(Qt.TextFormat.PlainText)
        self.signaallabel.setWordWrap(True)
        self.knop_signaal_opheffen = QPushButton(self.tr("Signaal o&pheffen"), self.signaalbalk)
        signaallaag.addWidget(self.signaallabel, 1)
        signaallaag.addWidget(self.knop_signaal_opheffen)
        self.signaalbalk.hide()
        laag.addWidget(self.signaalbalk)

        kop = QHBoxLayout()
        tabellabel = QLabel(self.tr("Aanbe&velingen"), kant)
        self.telling = QLabel(kant)
        self.telling.setAccessibleName(self.tr("Aantal aanbevelingen"))
        kop.addWidget(tabellabel)
        kop.addStretch(1)
        kop.addWidget(self.telling)
        laag.addLayout(kop)

        self.model = AanbevelingenTabelModel(self)
        self.tabel = alleen_lezen_tabel(self.model, self.tr("Aanbevelingen"), ouder=kant)
        tabellabel.setBuddy(self.tabel)
        kopregel = self.tabel.horizontalHeader()
        kopregel.setHighlightSections(False)
        kopregel.setSortIndicator(AanbevelingenTabelModel.CODE, Qt.SortOrder.AscendingOrder)
        self.tabel.setSortingEnabled(True)
        for kolom in range(self.model.columnCount()):
            kopregel.setSectionResizeMode(kolom, QHeaderView.ResizeMode.Interactive)
        kopregel.setSectionResizeMode(AanbevelingenTabelModel.TITEL, QHeaderView.ResizeMode.Stretch)
        self.tabel.verticalHeader().setDefaultSectionSize(self.fontMetrics().lineSpacing() + 8)
        self._kolommen_gepast = False
        self.tabel.selectionModel().currentRowChanged.connect(self._huidige_rij_gewijzigd)
        laag.addWidget(self.tabel, 1)

        for keuze in (self.bron_keuze, self.thema_keuze, self.opvolging_keuze):
            keuze.currentIndexChanged.connect(self._pas_filter_toe)
        self.open_vakje.toggled.connect(self._pas_filter_toe)
        self.open_maanden.valueChanged.connect(lambda _: self.open_vakje.isChecked() and self._pas_filter_toe())
        self.zonder_vakje.toggled.connect(self._pas_filter_toe)
        self.zoekveld.textChanged.connect(self._pas_filter_toe)
        self.knop_wis.clicked.connect(self.wis_filters)
        self.knop_signaal_opheffen.clicked.connect(self.hef_signaal_op)
        return kant

    def _filterkeuze(self) -> QComboBox:
        keuze = QComboBox(self)
        keuze.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        keuze.setMinimumContentsLength(6)  # narrow windows: the list that opens shows the whole name
        return keuze

    def _bouw_detailkant(self) -> QWidget:
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setMinimumWidth(300)
        inhoud = QWidget(scroll)
        laag = QVBoxLayout(inhoud)
        laag.setContentsMargins(8, 0, 0, 0)

        self.titel = QLabel(inhoud)
        self.titel.setTextFormat(Qt.TextFormat.PlainText)  # titles with markup characters show as typed
        self.titel.setWordWrap(True)
        self.titel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        lettertype = self.titel.font()
        lettertype.setPointSizeF(lettertype.pointSizeF() * 1.25)
        lettertype.setBold(True)
        self.titel.setFont(lettertype)
        laag.addWidget(self.titel)

        self.tekst = _Tekstvak(6, inhoud)
        self.tekst.setReadOnly(True)
        self.tekst.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                           | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.tekst.setAccessibleName(self.tr("Tekst van de aanbeveling"))
        tekstlabel = QLabel(self.tr("Tek&st:"), inhoud)
        tekstlabel.setBuddy(self.tekst)
        laag.addWidget(tekstlabel)
        laag.addWidget(self.tekst)

        gegevens = QFormLayout()
        gegevens.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        gegevens.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.gegevens: dict[str, QLabel] = {}
        for sleutel, tekst in (("bron", self.tr("Bron:")), ("vindplaats", self.tr("Vindplaats:")),
                               ("nummer", self.tr("Nummer:")), ("thema", self.tr("Thema:")),
                               ("datum", self.tr("Datum:")), ("deadline", self.tr("Deadline:"))):
            waarde = QLabel(inhoud)
            waarde.setTextFormat(Qt.TextFormat.PlainText)
            waarde.setWordWrap(True)
            waarde.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            waarde.setAccessibleName(tekst.rstrip(":"))
            waarde.setObjectName(sleutel)
            gegevens.addRow(QLabel(tekst, inhoud), waarde)  # no buddy: the value is read, not edited
            self.gegevens[sleutel] = waarde
        laag.addLayout(gegevens)

        laag.addWidget(self._bouw_opvolging(inhoud))

        self.links = QListWidget(inhoud)
        self.links.setAccessibleName(self.tr("Gekoppelde maatregelen"))
        self.links.setAccessibleDescription(self.tr("Enter of dubbelklik opent de maatregel."))
        self.links.setSizeAdjustPolicy(QListWidget.SizeAdjustPolicy.AdjustToContents)
        self.links.setMaximumHeight(self.fontMetrics().lineSpacing() * 8)
        linklabel = QLabel(self.tr("Gekoppel&de maatregelen:"), inhoud)
        linklabel.setBuddy(self.links)
        laag.addWidget(linklabel)
        laag.addWidget(self.links)
        knoppen = QHBoxLayout()
        self.knop_koppelen = QPushButton(self.tr("&Koppelen…"), inhoud)
        self.knop_koppelen.setToolTip(self.tr("Een of meer maatregelen aan deze aanbeveling koppelen"))
        self.knop_ontkoppelen = QPushButton(self.tr("Ontkoppel&en…"), inhoud)
        self.knop_ontkoppelen.setToolTip(self.tr("De gekozen maatregel loskoppelen van deze aanbeveling"))
        # No mnemonic: the page has more controls than free letters, and Enter in the list does the same.
        self.knop_openen = QPushButton(self.tr("Openen"), inhoud)
        self.knop_openen.setToolTip(self.tr("De gekozen maatregel openen in het register (Enter in de lijst)"))
        for knop in (self.knop_koppelen, self.knop_ontkoppelen, self.knop_openen):
            knoppen.addWidget(knop)
        knoppen.addStretch(1)
        laag.addLayout(knoppen)
        self.knop_koppelen.clicked.connect(self.koppel_maatregelen)
        self.knop_ontkoppelen.clicked.connect(self.ontkoppel_maatregel)
        self.knop_openen.clicked.connect(self.open_maatregel)
        self.links.itemActivated.connect(lambda _item: self.open_maatregel())
        self.links.currentItemChanged.connect(lambda *_: self._werk_knoppen_bij())

        self.historie = QListWidget(inhoud)
        self.historie.setAccessibleName(self.tr("Historie van de opvolging, nieuwste eerst"))
        self.historie.setWordWrap(True)
        self.historie.setAlternatingRowColors(True)
        self.historie.setMinimumHeight(self.fontMetrics().lineSpacing() * 5)
        historielabel = QLabel(self.tr("H&istorie (nieuwste eerst):"), inhoud)
        historielabel.setBuddy(self.historie)
        laag.addWidget(historielabel)
        laag.addWidget(self.historie, 1)

        scroll.setWidget(inhoud)
        self.detail, self.detailscroll = inhoud, scroll
        return scroll

    def _bouw_opvolging(self, ouder: QWidget) -> QGroupBox:
        groep = QGroupBox(self.tr("Besluit over de opvolging"), ouder)
        vorm = QFormLayout(groep)
        vorm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.opvolging = QComboBox(groep)
        for term in OPVOLGING.termen:
            self.opvolging.addItem(term.label, term.code)
        self.opvolging.setAccessibleName(self.tr("Opvolging"))
        opvolginglabel = QLabel(self.tr("&Opvolging:"), groep)
        opvolginglabel.setBuddy(self.opvolging)
        rij = QHBoxLayout()
        rij.addWidget(self.opvolging)
        self.gewijzigd_label = QLabel(self.tr("● Niet vastgelegd"), groep)
        self.gewijzigd_label.hide()
        rij.addWidget(self.gewijzigd_label)
        rij.addStretch(1)
        vorm.addRow(opvolginglabel, rij)

        self.motivatie = _Tekstvak(4, groep)
        self.motivatie.setAccessibleName(self.tr("Motivatie"))
        self.motivatie.setPlaceholderText(self.tr("Waarom dit besluit? Bij afwijzen verplicht."))
        self.motivatie_melding = foutlabel(groep)
        motivatielabel = QLabel(self.tr("&Motivatie:"), groep)
        motivatielabel.setBuddy(self.motivatie)
        kolom = QVBoxLayout()
        kolom.addWidget(self.motivatie)
        kolom.addWidget(self.motivatie_melding)
        vorm.addRow(motivatielabel, kolom)

        self.besluit_melding = foutlabel(groep)  # a refusal that concerns no single field
        vorm.addRow(self.besluit_melding)

        knoprij = QHBoxLayout()
        self.knop_besluit = QPushButton(self.tr("Besl&uit vastleggen"), groep)
        self.knop_besluit.setToolTip(self.tr("Het besluit over de opvolging vastleggen (Ctrl+Enter)"))
        self.knop_besluit.clicked.connect(self.besluit_vastleggen)
        self.besloten = QLabel(groep)
        self.besloten.setTextFormat(Qt.TextFormat.PlainText)
        self.besloten.setWordWrap(True)
        self.besloten.setAccessibleName(self.tr("Besloten door"))
        knoprij.addWidget(self.knop_besluit)
        knoprij.addWidget(self.besloten, 1)
        vorm.addRow(knoprij)
        for toets in ("Ctrl+Return", "Ctrl+Enter"):
            sneltoets = QShortcut(QKeySequence(toets), groep)
            sneltoets.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            sneltoets.activated.connect(lambda: self.knop_besluit.isEnabled() and self.besluit_vastleggen())

        self.opvolging.currentIndexChanged.connect(self._besluit_bewerkt)
        self.motivatie.textChanged.connect(self._besluit_bewerkt)
        self.opvolgingsgroep = groep
        return groep

    # --- reading ----------------------------------------------------------------------------------------------------

    def ververs(self) -> None:
        """Reread everything from the database; the filter, the chosen recommendation and unsaved edits stay."""
        with self.register.sessie() as sessie:
            self._alle = aanbevelingen(sessie)
            bron_keuzes = bronnen_met_aanbevelingen(sessie, self._alle)
            self._bron_titels = {b.code: b.titel for b in bronnen(sessie)}
            self._domeinnamen = {d.code: d.naam for d in domeinen(sessie)}
        self._vul_filterkeuzes(bron_keuzes)
        self._pas_filter_toe()
        if self._rij is not None:
            self._herlaad(self._rij.code)
        else:
            self._toon_detail(None)

    def _vul_filterkeuzes(self, bron_keuzes: list[tuple[str, str]]) -> None:
        """Offer what exists; keep what the user chose (a value that no longer exists falls back to all)."""
        thema_keuzes = [(f"{t} — {self._domeinnamen[t]}" if t in self._domeinnamen else t, t)
                        for t in themas(self._alle)]
        for keuze, alle, items in ((self.bron_keuze, self.tr("Alle bronnen"),
                                    [(f"{code} — {titel}", code) for code, titel in bron_keuzes]),
                                   (self.thema_keuze, self.tr("Alle thema's"), thema_keuzes)):
            gekozen = keuze.currentData()
            keuze.blockSignals(True)
            try:
                keuze.clear()
                keuze.addItem(alle, None)
                for tekst, waarde in items:
                    keuze.addItem(tekst, waarde)
                    keuze.setItemData(keuze.count() - 1, als_tooltip(tekst), Qt.ItemDataRole.ToolTipRole)
                keuze.setCurrentIndex(max(0, keuze.findData(gekozen)) if gekozen is not None else 0)
            finally:
                keuze.blockSignals(False)

    def filter(self) -> AanbevelingFilter:
        """What the filter bar (and an active signal) asks for."""
        return AanbevelingFilter(
            bron=self.bron_keuze.currentData(), thema=self.thema_keuze.currentData(),
            opvolging=self.opvolging_keuze.currentData(),
            open_langer_dan=self.open_maanden.value() if self.open_vakje.isChecked() else None,
            zonder_maatregel=self.zonder_vakje.isChecked(), zoektekst=self.zoekveld.text(),
            codes=self._signaal[1] if self._signaal else None)

    def zichtbare_codes(self) -> list[str]:
        return [r.code for r in self.model.rijen()]

    def _pas_filter_toe(self, *_args) -> None:
        rijen = filter_aanbevelingen(self._alle, self.filter(), date.today())
        self.model.zet_rijen(rijen)
        if rijen and not self._kolommen_gepast:
            self._pas_kolommen_aan()
        self.telling.setText(self.tr("%d van %d aanbeveling") % (len(rijen), len(self._alle)) if len(self._alle) == 1
                             else self.tr("%d van %d aanbevelingen") % (len(rijen), len(self._alle)))
        self._selecteer_in_tabel(self._rij.code if self._rij else None)

    def _pas_kolommen_aan(self) -> None:
        """Fit the short columns to their contents once; after that the user's widths stay."""
        self._kolommen_gepast = True
        teken = self.fontMetrics().horizontalAdvance("M")
        for kolom, maximum in ((AanbevelingenTabelModel.CODE, 8), (AanbevelingenTabelModel.BRON, 10),
                               (AanbevelingenTabelModel.THEMA, 6), (AanbevelingenTabelModel.DATUM, 9),
                               (AanbevelingenTabelModel.DEADLINE, 9), (AanbevelingenTabelModel.OPVOLGING_, 11)):
            self.tabel.resizeColumnToContents(kolom)
            self.tabel.setColumnWidth(kolom, min(self.tabel.columnWidth(kolom), teken * maximum))

    def showEvent(self, event) -> None:
        if not self._splitter_gezet:  # the first time the page has its real width: table 62 %, details 38 %
            self._splitter_gezet = True
            breedte = max(self.splitter.width(), 1000)
            self.splitter.setSizes([breedte * 62 // 100, breedte * 38 // 100])
        super().showEvent(event)

    def _selecteer_in_tabel(self, code: str | None) -> None:
        """Move the table's selection without asking anything (the detail pane already shows `code`)."""
        rij = self.model.rij_van(code) if code else None
        self._selecteren = True
        try:
            selectie = self.tabel.selectionModel()
            if rij is None:
                selectie.clear()
            else:
                index = self.model.index(rij, 0)
                selectie.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                                         | QItemSelectionModel.SelectionFlag.Rows)
                self.tabel.scrollTo(index)
        finally:
            self._selecteren = False

    def _huidige_rij_gewijzigd(self, nieuw: QModelIndex, _oud: QModelIndex) -> None:
        if self._selecteren or not nieuw.isValid():
            return  # a filter that hides the shown recommendation leaves the detail pane (and its edits) alone
        code = self.model.rij(nieuw.row()).code
        if self._rij is not None and code == self._rij.code:
            return
        if not self.mag_verlaten():
            # Back to the row being edited once the click or key press that moved the selection has finished
            # (a mouse press selects after it sets the current row).
            terug = self._rij.code if self._rij else None
            QTimer.singleShot(0, self, lambda: self._selecteer_in_tabel(terug))
            return
        self._herlaad(code, nieuw_gekozen=True)
        # Recording the decision on the way out reloads the table, which puts the selection back on the row just
        # left: make the chosen row current again once the key press or click has finished, so that table and
        # details show the same recommendation.
        QTimer.singleShot(0, self, lambda: self.huidige_code() == code and self._selecteer_in_tabel(code))

    def _herlaad(self, code: str, nieuw_gekozen: bool = False) -> None:
        """Read one recommendation fresh and show it; its row in the table follows."""
        try:
            with self.register.sessie() as sessie:
                rij = haal_aanbeveling(sessie, code)
                links = gekoppelde_maatregelen(sessie, code)
                historie = opvolgingshistorie(sessie, code)
        except NietGevonden:
            self._alle = [r for r in self._alle if r.code != code]
            self._toon_detail(None)
            self._pas_filter_toe()
            return
        oud = next((r for r in self._alle if r.code == code), None)
        if oud != rij:
            self._alle = [rij if r.code == code else r for r in self._alle]
            if oud is None:
                self._alle.append(rij)
                self._alle.sort(key=lambda r: natuurlijke_sleutel(r.code))
        self._toon_detail(rij, links, historie, houd_bewerking=not nieuw_gekozen)
        if oud != rij:
            self._pas_filter_toe()

    # --- the detail pane --------------------------------------------------------------------------------------------

    def _toon_detail(self, rij: AanbevelingRij | None, links: list[GekoppeldeMaatregel] = (),
                     historie: list[OpvolgingRegel] = (), houd_bewerking: bool = False) -> None:
        """Show `rij`; with `houd_bewerking` and unsaved decision edits, those edits and their version stay."""
        bewaren = houd_bewerking and rij is not None and self._rij is not None and self._rij.code == rij.code \
            and self.is_gewijzigd()
        self._laden = True
        try:
            self._rij = rij
            self._links = list(links)
            self.detail.setEnabled(rij is not None)
            self.titel.setText(ingekort(f"{rij.code} — {rij.titel}") if rij else self.tr("Geen aanbeveling gekozen"))
            self.titel.setToolTip(als_tooltip(rij.titel) if rij and len(rij.titel) > KORT else "")
            self.tekst.setPlainText((rij.tekst or "") if rij else "")
            self._vul_gegevens(rij)
            if not bewaren:
                self._basis = (rij.opvolging, rij.motivatie, rij.versie) if rij else None
                index = self.opvolging.findData(rij.opvolging) if rij else 0
                self.opvolging.setCurrentIndex(max(index, 0))
                self.motivatie.setPlainText((rij.motivatie or "") if rij else "")
                self._wis_meldingen()
            if rij is not None and rij.besloten_door and rij.besloten_op:
                self.besloten.setText(self.tr("Besloten door %s op %s") % (rij.besloten_door,
                                                                         datumtekst(rij.besloten_op)))
            elif rij is not None and rij.besloten_door:
                self.besloten.setText(self.tr("Besloten door %s") % rij.besloten_door)
            elif rij is not None and rij.besloten_op:
                self.besloten.setText(self.tr("Besloten op %s") % datumtekst(rij.besloten_op))
            else:
                self.besloten.setText(self.tr("Nog geen besluit vastgelegd.") if rij else "")
            self._vul_links()
            self._vul_historie(historie)
        finally:
            self._laden = False
        self._werk_knoppen_bij()

    def _vul_gegevens(self, rij: AanbevelingRij | None) -> None:
        leeg = self.tr("(onbekend)")
        bron = ""
        if rij and rij.bron:
            titel = self._bron_titels.get(rij.bron)
            bron = f"{rij.bron} — {titel}" if titel else rij.bron
        thema = ""
        if rij and rij.thema:
            thema = f"{rij.thema} — {self._domeinnamen[rij.thema]}" if rij.thema in self._domeinnamen else rij.thema
        waarden = {
            "bron": bron, "vindplaats": rij.vindplaats if rij else "", "nummer": rij.nummer if rij else "",
            "thema": thema, "datum": datumtekst(rij.datum) if rij else "",
            "deadline": deadlinetekst(rij.deadline) if rij else "",
        }
        for sleutel, label in self.gegevens.items():
            label.setText((waarden[sleutel] or (self.tr("(geen)") if sleutel == "deadline" else leeg)) if rij else "")

    def _vul_links(self) -> None:
        self.links.clear()
        for m in self._links:
            status = STATUS[m.status] if m.status in STATUS else None
            tekst = f"{status.symbool} {m.code} — {m.naam}" if status else f"{m.code} — {m.naam}"
            if m.gearchiveerd:
                tekst += self.tr(" (gearchiveerd)")
            item = QListWidgetItem(tekst)
            item.setData(Qt.ItemDataRole.UserRole, m.code)
            item.setToolTip(als_tooltip(f"{status.label}: {m.naam}" if status else m.naam))
            if status:
                item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{m.code} — {m.naam}, {status.label}")
            self.links.addItem(item)
        if self._rij is not None and not self._links:
            item = QListWidgetItem(self.tr("(geen maatregel gekoppeld)"))
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.links.addItem(item)
        elif self._links:
            self.links.setCurrentRow(0)

    def _vul_historie(self, historie: list[OpvolgingRegel]) -> None:
        self.historie.clear()
        for regel in historie:
            item = QListWidgetItem(self._historietekst(regel))
            if regel.motivatie and len(regel.motivatie) > KORT_HISTORIE:
                item.setToolTip(als_tooltip(regel.motivatie))
            self.historie.addItem(item)
        if self._rij is not None and not historie:
            self.historie.addItem(self.tr("(geen historie vastgelegd)"))

    def _historietekst(self, r: OpvolgingRegel) -> str:
        kop = f"{lokale_tijd(r.tijdstip):%d-%m-%Y %H:%M} · {r.gebruiker}: "
        if r.soort == "gekoppeld":
            return kop + self.tr("maatregel %s gekoppeld") % r.maatregel
        if r.soort == "ontkoppeld":
            return kop + self.tr("maatregel %s ontkoppeld") % r.maatregel
        nieuw = OPVOLGING.label(r.nieuw) or r.nieuw or ""
        if r.soort == "aangemaakt":
            tekst = kop + self.tr("vastgelegd als %s") % nieuw
        elif r.oud != r.nieuw:
            tekst = kop + f"{OPVOLGING.label(r.oud) or r.oud or ''} → {nieuw}"
        else:
            tekst = kop + self.tr("%s, motivatie gewijzigd") % nieuw
        if r.motivatie and (r.motivatie_gewijzigd or r.oud != r.nieuw):
            tekst += "\n" + self.tr("Motivatie: %s") % ingekort(r.motivatie, KORT_HISTORIE)
        elif r.motivatie_gewijzigd and r.soort != "aangemaakt":
            tekst += "\n" + self.tr("Motivatie weggehaald (de vorige staat in de regel eronder)")
        return tekst

    def _werk_knoppen_bij(self) -> None:
        gekozen = self._gekozen_link()
        self.knop_koppelen.setEnabled(self._rij is not None)
        self.knop_ontkoppelen.setEnabled(gekozen is not None)
        self.knop_openen.setEnabled(gekozen is not None)
        gewijzigd = self.is_gewijzigd()
        self.knop_besluit.setEnabled(gewijzigd)
        self.gewijzigd_label.setVisible(gewijzigd)

    def _gekozen_link(self) -> str | None:
        item = self.links.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    # --- deciding ---------------------------------------------------------------------------------------------------

    def _besluit(self) -> tuple[str, str | None]:
        """The decision as the widgets hold it; an empty motivation is None."""
        tekst = self.motivatie.toPlainText()
        return self.opvolging.currentData(), tekst if tekst.strip() else None

    def is_gewijzigd(self) -> bool:
        if self._rij is None or self._basis is None:
            return False
        return self._besluit() != self._basis[:2]

    def _besluit_bewerkt(self, *_args) -> None:
        if self._laden:
            return
        self._wis_meldingen()
        self._werk_knoppen_bij()

    def _wis_meldingen(self) -> None:
        for label in (self.motivatie_melding, self.besluit_melding):
            label.clear()
            label.hide()
        self.motivatie.setAccessibleDescription("")

    def besluit_vastleggen(self) -> bool:
        """Record the decision in the widgets; False (a message shown, nothing written) when it is refused."""
        if self._rij is None or self._basis is None:
            return False
        if not self.is_gewijzigd():
            return True
        self._wis_meldingen()
        code = self._rij.code
        opvolging, motivatie = self._besluit()
        try:
            with self.register.werk() as sessie:
                beslis_opvolging(sessie, code, opvolging, motivatie, self._gebruiker(), self._basis[2])
        except ValidatieFout as fout:
            self._toon_fout(fout.melding, fout.veld)
            return False
        except ConflictFout as fout:
            vragen.meld_fout(self, self.tr("Besluit niet vastgelegd"), fout.melding)
            self._laad_nieuwste_met_eigen_besluit(code)
            return False
        except NietGevonden as fout:
            vragen.meld_fout(self, self.tr("Besluit niet vastgelegd"), fout.melding)
            self.ververs()
            return False
        except RegisterFout as fout:
            vragen.meld_fout(self, self.tr("Besluit niet vastgelegd"), fout.melding)
            return False
        self._herlaad(code, nieuw_gekozen=True)
        # The measures' own tabs show the opvolging of their recommendations: they must follow.
        self.gewijzigd.emit(tuple(self._rij.maatregelen) if self._rij is not None else ())
        return True

    def _laad_nieuwste_met_eigen_besluit(self, code: str) -> None:
        """After a conflict: the newest version, with the user's own choice and motivation still in the fields."""
        eigen = (self.opvolging.currentIndex(), self.motivatie.toPlainText())
        self._herlaad(code, nieuw_gekozen=True)
        if self._rij is None:
            return
        self._laden = True
        try:
            self.opvolging.setCurrentIndex(eigen[0])
            self.motivatie.setPlainText(eigen[1])
        finally:
            self._laden = False
        self._werk_knoppen_bij()

    def _toon_fout(self, melding: str, veld: str | None) -> None:
        label = self.motivatie_melding if veld == "motivatie" else self.besluit_melding
        label.setText(melding)
        label.show()
        doel = self.motivatie if veld == "motivatie" else self.opvolging
        self.motivatie.setAccessibleDescription(melding if veld == "motivatie" else "")
        doel.setFocus(Qt.FocusReason.OtherFocusReason)
        self.detailscroll.ensureWidgetVisible(label)

    def mag_verlaten(self) -> bool:
        """May another recommendation (or another page) be shown? Asks about an unsaved decision."""
        if not self.is_gewijzigd():
            return True
        antwoord = vragen.vraag_opslaan(
            self, self.tr("Het besluit over aanbeveling %s is nog niet vastgelegd. Wilt u het vastleggen?")
            % self._rij.code)
        if antwoord == vragen.OPSLAAN:
            return self.besluit_vastleggen()
        if antwoord == vragen.VERWERPEN:
            self.herstel()
            return True
        return False

    def herstel(self) -> None:
        """Back to the decision as recorded."""
        if self._rij is None or self._basis is None:
            return
        self._laden = True
        try:
            self.opvolging.setCurrentIndex(max(self.opvolging.findData(self._basis[0]), 0))
            self.motivatie.setPlainText(self._basis[1] or "")
        finally:
            self._laden = False
        self._wis_meldingen()
        self._werk_knoppen_bij()

    # --- linking ----------------------------------------------------------------------------------------------------

    def koppel_maatregelen(self) -> None:
        if self._rij is None:
            return
        code = self._rij.code
        with self.register.sessie() as sessie:
            keuzes = koppelbare_maatregelen(sessie)
        gekozen = kies_om_te_koppelen(
            self, self.tr("Maatregelen koppelen"),
            self.tr("Kies de maatregelen waarmee aanbeveling %s wordt opgevolgd. Typ om te zoeken; met Ctrl of "
                    "Shift kiest u er meer dan één.") % code,
            keuzes, {m.code for m in self._links})
        if not gekozen:
            return
        try:
            with self.register.werk() as sessie:
                for maatregel in gekozen:
                    koppel(sessie, code, maatregel, self._gebruiker())
        except RegisterFout as fout:
            vragen.meld_fout(self, self.tr("Koppelen mislukt"), fout.melding)
            self._herlaad(code)
            return
        self._herlaad(code)
        self._kies_link(gekozen[0])
        self.gewijzigd.emit(tuple(gekozen))

    def ontkoppel_maatregel(self) -> None:
        maatregel = self._gekozen_link()
        if self._rij is None or maatregel is None:
            return
        code = self._rij.code
        if not vragen.bevestig(self, self.tr("Maatregel ontkoppelen"),
                               self.tr("Maatregel %s loskoppelen van aanbeveling %s? De maatregel zelf blijft "
                                       "bestaan.") % (maatregel, code), ja=self.tr("Ontkoppelen")):
            return
        try:
            with self.register.werk() as sessie:
                ontkoppel(sessie, code, maatregel, self._gebruiker())
        except RegisterFout as fout:
            vragen.meld_fout(self, self.tr("Ontkoppelen mislukt"), fout.melding)
            self._herlaad(code)
            return
        self._herlaad(code)
        self.gewijzigd.emit((maatregel,))

    def _kies_link(self, maatregel: str) -> None:
        for i in range(self.links.count()):
            if self.links.item(i).data(Qt.ItemDataRole.UserRole) == maatregel:
                self.links.setCurrentRow(i)
                return

    def gekoppelde_codes(self) -> list[str]:
        return [m.code for m in self._links]

    def open_maatregel(self) -> None:
        maatregel = self._gekozen_link()
        if maatregel is not None:
            self.maatregelGekozen.emit(maatregel)

    # --- the window's interface -------------------------------------------------------------------------------------

    def huidige_code(self) -> str | None:
        return self._rij.code if self._rij else None

    def selecteer(self, code: str) -> bool:
        """Show recommendation `code`, clearing the filters that hide it; False when it does not exist or the user
        chose to stay with unsaved edits."""
        if not any(r.code == code for r in self._alle):
            self.ververs()
            if not any(r.code == code for r in self._alle):
                return False
        if self._rij is not None and self._rij.code == code:
            self._selecteer_in_tabel(code)
            return True
        if not self.mag_verlaten():  # before the filters go: on Annuleren the user keeps what they had
            return False
        if self.model.rij_van(code) is None:
            self._wis_filterwidgets()
            self._zet_signaal(None)
            self._pas_filter_toe()
        rij = self.model.rij_van(code)
        self.tabel.selectionModel().setCurrentIndex(
            self.model.index(rij, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.tabel.scrollTo(self.model.index(rij, 0), QAbstractItemView.ScrollHint.PositionAtCenter)
        return self.huidige_code() == code

    def toon_signaal(self, titel: str, codes) -> None:
        """Only the signal's recommendations, other filters cleared; a bar says so and lifts it."""
        self._wis_filterwidgets()
        self._zet_signaal((titel, frozenset(codes)))
        self._pas_filter_toe()

    def hef_signaal_op(self) -> None:
        if self._signaal is not None:
            self._zet_signaal(None)
            self._pas_filter_toe()

    def wis_filters(self) -> None:
        self._wis_filterwidgets()
        self._zet_signaal(None)
        self._pas_filter_toe()

    def zet_open_maanden(self, n: int) -> None:
        self.open_maanden.setValue(n)

    def _zet_signaal(self, signaal: tuple[str, frozenset[str]] | None) -> None:
        self._signaal = signaal
        if signaal is not None:
            aantal = len(signaal[1])
            self.signaallabel.setText(self.tr("Signaal: %s — 1 aanbeveling") % signaal[0] if aantal == 1
                                      else self.tr("Signaal: %s — %d aanbevelingen") % (signaal[0], aantal))
        self.signaalbalk.setVisible(signaal is not None)

    def _wis_filterwidgets(self) -> None:
        widgets = (self.bron_keuze, self.thema_keuze, self.opvolging_keuze, self.open_vakje, self.zonder_vakje,
                   self.zoekveld)
        for w in widgets:
            w.blockSignals(True)
        try:
            for keuze in (self.bron_keuze, self.thema_keuze, self.opvolging_keuze):
                keuze.setCurrentIndex(0)
            self.open_vakje.setChecked(False)
            self.zonder_vakje.setChecked(False)
            self.zoekveld.clear()
        finally:
            for w in widgets:
                w.blockSignals(False)
