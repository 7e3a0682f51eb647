"""A measure's status history: its current status up front, then every entry newest first, corrections included."""

from collections.abc import Callable
from html import escape

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QFrame, QHBoxLayout, QHeaderView, QLabel, QPushButton, QVBoxLayout, QWidget

from registry.bron import bronnen
from registry.fouten import NietGevonden
from registry.maatregel import MaatregelDetail, haal_maatregel
from registry.status import HistorieRij, historie
from registry.vocabulaire import FASE, STATUS, STATUSKLEUR
from ui import vragen
from ui.brontekst import BrontekstVenster, open_bron
from ui.statusdialoog import CorrectieDialoog, datumtekst, statustekst
from ui.tabelweergave import alleen_lezen_tabel

GRIJS = "#6b6b6b"  # superseded entries: still readable (contrast ≥ 4.5:1 on white), clearly not current

_Index = QModelIndex | QPersistentModelIndex


class HistorieModel(QAbstractTableModel):
    """History entries of one measure, newest first (by date, then by order of entry)."""

    DATUM, STATUS_, FASE_, TOELICHTING, DOOR, BRON = range(6)
    RIJ_ROL = Qt.ItemDataRole.UserRole  # the HistorieRij itself

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rijen: list[HistorieRij] = []
        self._datum_van: dict[int, HistorieRij] = {}
        self._koppen = [self.tr("Datum"), self.tr("Status"), self.tr("Fase"), self.tr("Toelichting"),
                        self.tr("Door"), self.tr("Bron")]

    def zet_rijen(self, rijen: list[HistorieRij]) -> None:
        self.beginResetModel()
        self._rijen = sorted(rijen, key=lambda r: (r.datum, r.id), reverse=True)
        self._datum_van = {r.id: r for r in rijen}
        self.endResetModel()

    def rij(self, index: _Index) -> HistorieRij | None:
        if not index.isValid() or not 0 <= index.row() < len(self._rijen):
            return None
        return self._rijen[index.row()]

    def rijen(self) -> list[HistorieRij]:
        return list(self._rijen)

    # --- Qt --------------------------------------------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rijen)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._koppen)

    def headerData(self, sectie: int, richting: Qt.Orientation, rol: int = Qt.ItemDataRole.DisplayRole):
        if richting == Qt.Orientation.Horizontal and rol == Qt.ItemDataRole.DisplayRole \
                and 0 <= sectie < len(self._koppen):
            return self._koppen[sectie]
        return None

    def data(self, index: _Index, rol: int = Qt.ItemDataRole.DisplayRole):
        r = self.rij(index)
        if r is None:
            return None
        kolom = index.column()
        if rol == Qt.ItemDataRole.DisplayRole:
            return self._tekst(r, kolom)
        if rol == Qt.ItemDataRole.AccessibleTextRole:
            tekst = self._tekst(r, kolom)
            return f"{tekst} ({self.tr('vervangen')})" if r.vervangen and kolom == self.DATUM else tekst
        if rol == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(r)
        if rol == Qt.ItemDataRole.FontRole:
            if r.vervangen:
                font = QFont()
                font.setStrikeOut(True)
                return font
            return None
        if rol == Qt.ItemDataRole.ForegroundRole:
            if r.vervangen:
                return QColor(GRIJS)
            if kolom == self.STATUS_:
                return QColor(STATUSKLEUR.get(r.nieuw, "#000000"))
            return None
        if rol == self.RIJ_ROL:
            return r
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    # --- texts -----------------------------------------------------------------------------------------------------

    def _tekst(self, r: HistorieRij, kolom: int) -> str:
        if kolom == self.DATUM:
            return datumtekst(r.datum)
        if kolom == self.STATUS_:
            return f"{statustekst(r.oud)} → {statustekst(r.nieuw)}" if r.oud else f"→ {statustekst(r.nieuw)}"
        if kolom == self.FASE_:
            return FASE.label(r.fase)
        if kolom == self.TOELICHTING:
            eerste = " ".join(r.toelichting.split())
            if len(eerste) > 160:
                eerste = eerste[:159].rstrip() + "…"
            return f"{self._correctie(r)}: {eerste}" if r.vervangt else eerste
        if kolom == self.DOOR:
            return r.gebruiker
        if kolom == self.BRON:
            return ", ".join(x for x in (r.bron, r.vindplaats) if x)
        return ""

    def _correctie(self, r: HistorieRij) -> str:
        vervangen = self._datum_van.get(r.vervangt)
        datum = datumtekst(vervangen.datum) if vervangen else "?"
        return self.tr("Corrigeert regel van %s") % datum

    def _tooltip(self, r: HistorieRij) -> str:
        delen = [f"<b>{escape(datumtekst(r.datum))}: {escape(self._tekst(r, self.STATUS_))}</b>"]
        if r.fase:
            delen.append(escape(self.tr("Fase: %s") % FASE.label(r.fase)))
        delen.append(escape(self.tr("Afgeleid door de redactie") if r.afgeleid
                            else self.tr("Uitdrukkelijk vermeld in de bron")))
        if r.vervangen:
            delen.append(f"<i>{escape(self.tr('Vervangen door een correctie; telt niet meer mee.'))}</i>")
        if r.vervangt:
            delen.append(escape(self._correctie(r)))
        delen.append(escape(r.toelichting).replace("\n", "<br>"))
        if r.brontekst:
            delen.append(f"<i>“{escape(r.brontekst)}”</i>")
        bron = ", ".join(x for x in (r.bron, r.vindplaats) if x)
        if bron:
            delen.append(escape(self.tr("Bron: %s") % bron))
        delen.append(escape(self.tr("Vastgelegd door %s op %s") % (r.gebruiker, r.geregistreerd_op.strftime(
            "%d-%m-%Y %H:%M"))))
        return "<qt>" + "<br>".join(delen) + "</qt>"


class HistorieWidget(QWidget):
    """The current status and the status history of one measure; opens cited passages and corrects entries."""

    statusWijzigenGevraagd = Signal()
    gewijzigd = Signal(str)  # a measure's code, after a correction was written

    def __init__(self, register, gebruiker: Callable[[], str], parent: QWidget | None = None):
        super().__init__(parent)
        self.register = register
        self._gebruiker = gebruiker
        self.code: str | None = None
        self.maatregel: MaatregelDetail | None = None
        self.brontekstvenster: BrontekstVenster | None = None
        self._met_tekst: set[str] = set()  # codes of the sources whose text the application holds
        # Asked before a correction is written; the window asks about unsaved edits in the details here.
        self.mag_wijzigen: Callable[[], bool] = lambda: True
        self.setAccessibleName(self.tr("Statushistorie"))

        laag = QVBoxLayout(self)
        laag.setContentsMargins(0, 0, 0, 0)

        # The current status, prominently.
        self.huidig = QFrame(self)
        self.huidig.setFrameShape(QFrame.Shape.StyledPanel)
        self.huidig.setAccessibleName(self.tr("Huidige status"))
        huidiglaag = QHBoxLayout(self.huidig)
        tekstlaag = QVBoxLayout()
        self.statuslabel = QLabel(self.huidig)
        self.statuslabel.setTextFormat(Qt.TextFormat.RichText)
        self.statuslabel.setAccessibleName(self.tr("Huidige status"))
        self.detaillabel = QLabel(self.huidig)
        self.detaillabel.setTextFormat(Qt.TextFormat.PlainText)
        self.detaillabel.setWordWrap(True)
        self.detaillabel.setAccessibleName(self.tr("Fase, peildatum en grondslag"))
        self.citaatlabel = QLabel(self.huidig)
        self.citaatlabel.setTextFormat(Qt.TextFormat.RichText)
        self.citaatlabel.setWordWrap(True)
        self.citaatlabel.setAccessibleName(self.tr("Tekst van de bron"))
        self.citaatlabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        for w in (self.statuslabel, self.detaillabel, self.citaatlabel):
            tekstlaag.addWidget(w)
        huidiglaag.addLayout(tekstlaag, 1)
        self.knop_wijzigen = QPushButton(self.tr("&Status wijzigen…"), self.huidig)
        self.knop_wijzigen.setAccessibleName(self.tr("Status wijzigen"))
        self.knop_wijzigen.clicked.connect(self.statusWijzigenGevraagd)
        huidiglaag.addWidget(self.knop_wijzigen, 0, Qt.AlignmentFlag.AlignTop)
        laag.addWidget(self.huidig)

        kop = QLabel(self.tr("&Historie (nieuwste eerst)"), self)
        laag.addWidget(kop)
        self.model = HistorieModel(self)
        self.tabel = alleen_lezen_tabel(self.model, self.tr("Statushistorie, nieuwste eerst"), ouder=self)
        kop.setBuddy(self.tabel)
        kopregel = self.tabel.horizontalHeader()
        kopregel.setHighlightSections(False)
        for kolom in (HistorieModel.DATUM, HistorieModel.STATUS_, HistorieModel.FASE_, HistorieModel.DOOR):
            kopregel.setSectionResizeMode(kolom, QHeaderView.ResizeMode.ResizeToContents)
        kopregel.setSectionResizeMode(HistorieModel.TOELICHTING, QHeaderView.ResizeMode.Stretch)
        kopregel.setSectionResizeMode(HistorieModel.BRON, QHeaderView.ResizeMode.Interactive)
        kopregel.resizeSection(HistorieModel.BRON, self.fontMetrics().horizontalAdvance("M") * 10)
        self.tabel.activated.connect(self._geactiveerd)
        self.tabel.selectionModel().currentRowChanged.connect(self._werk_knoppen_bij)
        self.model.modelReset.connect(self._werk_knoppen_bij)
        laag.addWidget(self.tabel, 1)
        # The whole of the selected entry, wrapped: a narrow pane cuts the table's reason column short.
        self.regeldetail = QLabel(self)
        self.regeldetail.setTextFormat(Qt.TextFormat.RichText)
        self.regeldetail.setWordWrap(True)
        self.regeldetail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.regeldetail.setAccessibleName(self.tr("Gekozen historieregel"))
        self.regeldetail.setFrameShape(QFrame.Shape.StyledPanel)
        self.regeldetail.setMargin(6)
        laag.addWidget(self.regeldetail)

        knoplaag = QHBoxLayout()
        self.knop_bron = QPushButton(self.tr("&Bron openen"), self)
        self.knop_bron.setAccessibleName(self.tr("Geciteerde passage in de bron openen"))
        self.knop_bron.clicked.connect(self.open_bron_van_huidige_regel)
        self.knop_corrigeren = QPushButton(self.tr("&Corrigeren…"), self)
        self.knop_corrigeren.setAccessibleName(self.tr("Historieregel corrigeren"))
        self.knop_corrigeren.setToolTip(self.tr("Een correctie vervangt de regel; de oude regel blijft zichtbaar, "
                                                "doorgestreept."))
        self.knop_corrigeren.clicked.connect(self.corrigeer_huidige_regel)
        knoplaag.addWidget(self.knop_bron)
        knoplaag.addWidget(self.knop_corrigeren)
        knoplaag.addStretch(1)
        laag.addLayout(knoplaag)

        self.toon(None)

    # --- showing ---------------------------------------------------------------------------------------------------

    def toon(self, code: str | None) -> None:
        """Show measure `code` (None: nothing selected)."""
        self.code, self.maatregel = code, None
        rijen: list[HistorieRij] = []
        if code:
            try:
                with self.register.sessie() as sessie:
                    self.maatregel = haal_maatregel(sessie, code)
                    rijen = historie(sessie, code)
                    self._met_tekst = {b.code for b in bronnen(sessie) if b.bestand}
            except NietGevonden:
                self.code = None
        self.model.zet_rijen(rijen)
        self._toon_huidig()
        if rijen:
            self.tabel.setCurrentIndex(self.model.index(0, 0))

    def _toon_huidig(self) -> None:
        m = self.maatregel
        self.knop_wijzigen.setEnabled(m is not None)
        if m is None:
            self.statuslabel.setText(self.tr("Geen maatregel gekozen."))
            self.detaillabel.clear()
            self.citaatlabel.clear()
            self.citaatlabel.hide()
            return
        term = STATUS[m.status]
        self.statuslabel.setText(
            f'<span style="font-size:16pt; font-weight:600; color:{STATUSKLEUR[m.status]}">'
            f"{escape(term.symbool)} {escape(term.label)}</span>")
        self.statuslabel.setAccessibleDescription(self.tr("Status: %s") % term.label)
        delen = []
        if m.fase:
            delen.append(self.tr("Fase: %s") % FASE.label(m.fase))
        if m.status_datum:
            delen.append(self.tr("peildatum %s") % datumtekst(m.status_datum))
        delen.append(self.tr("afgeleid") if m.status_afgeleid else self.tr("uitdrukkelijk vermeld"))
        self.detaillabel.setText(" · ".join(delen))
        self.citaatlabel.setVisible(bool(m.status_brontekst))
        self.citaatlabel.setText(f"<i>“{escape(m.status_brontekst)}”</i>" if m.status_brontekst else "")

    def huidige_regel(self) -> HistorieRij | None:
        return self.model.rij(self.tabel.currentIndex())

    def _werk_knoppen_bij(self, *_args) -> None:
        r = self.huidige_regel()
        self.regeldetail.setVisible(r is not None)
        self.regeldetail.setText(self.model.data(self.tabel.currentIndex(), Qt.ItemDataRole.ToolTipRole) or "")
        # Only sources whose text the application holds can be opened; say so rather than lead to a dead end.
        self.knop_bron.setEnabled(bool(r and r.bron in self._met_tekst))
        self.knop_bron.setToolTip(
            "" if not r or not r.bron or r.bron in self._met_tekst
            else self.tr("De tekst van %s zit niet in de toepassing.") % r.bron)
        self.knop_corrigeren.setEnabled(bool(r and not r.vervangen and self.maatregel is not None))

    # --- actions ---------------------------------------------------------------------------------------------------

    def _geactiveerd(self, index: QModelIndex) -> None:
        r = self.model.rij(index)
        if r is not None and r.bron:
            self._open_bron(r)

    def open_bron_van_huidige_regel(self) -> None:
        r = self.huidige_regel()
        if r is not None and r.bron:
            self._open_bron(r)

    def _open_bron(self, r: HistorieRij) -> None:
        venster = open_bron(self, self.register, r.bron, r.brontekst, r.vindplaats)
        if venster is not None:
            self.brontekstvenster = venster

    def corrigeer_huidige_regel(self) -> None:
        r = self.huidige_regel()
        if r is None or r.vervangen or self.maatregel is None or not self.mag_wijzigen():
            return
        code = self.code
        with self.register.sessie() as sessie:  # saving the details just now may have raised the version
            versie = haal_maatregel(sessie, code).versie
        dialoog = CorrectieDialoog(self.register, r, versie, self._gebruiker(), self)
        try:
            geaccepteerd = vragen.voer_uit(dialoog)
        finally:
            dialoog.deleteLater()
        # Reload either way: a refused correction may have been refused because someone else changed the measure.
        self.toon(code)
        if geaccepteerd:
            self._selecteer_correctie_van(r.id)
            self.gewijzigd.emit(code)

    def _selecteer_correctie_van(self, regel_id: int) -> None:
        for rij, r in enumerate(self.model.rijen()):
            if r.vervangt == regel_id:
                self.tabel.setCurrentIndex(self.model.index(rij, 0))
                return
