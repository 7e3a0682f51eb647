"""Importing measures from a team's own workbook or CSV (issue 8).

The import dialog reads the file and plans the import off the GUI thread, lets the user correct how each column is
read (step 1, Kolommen), shows what would be created, changed and rejected (step 2, Voorbeeld), and only then imports
everything in one unit of work, or nothing. The importer decides every rule; the dialog shows what it says.
"""

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer, Qt
from PySide6.QtGui import QCloseEvent, QColor, QFont, QShowEvent
from PySide6.QtWidgets import (QComboBox, QDialog, QHBoxLayout, QHeaderView, QLabel, QPlainTextEdit, QProgressBar,
                               QPushButton, QStackedWidget, QVBoxLayout, QWidget)

from registry.fouten import RegisterFout
from registry.rekenblad.importeren import VELDLABELS, Importbestand, Importplan, Importresultaat, Kolomkeuze, Rijplan
from ui import vragen
from ui.achtergrondwerk import Achtergrondwerk, wacht_met_wachtcursor
from ui.foutlabel import FOUTKLEUR, foutlabel
from ui.koppeldialoog import GRIJS
from ui.rijenmodel import Rijenmodel
from ui.tabelweergave import alleen_lezen_tabel

SOORTEN_IMPORT = "Excel- en CSV-bestanden (*.xlsx *.xlsm *.csv)"
NIET_IMPORTEREN = "(niet importeren)"
ACTIES = {"nieuw": "Nieuw", "wijzigen": "Wijzigen", "ongewijzigd": "Ongewijzigd", "afgewezen": "Afgewezen"}
TONEN = {None: "Alle rijen", "afgewezen": "Afgewezen", "nieuw": "Nieuw", "wijzigen": "Gewijzigd",
         "ongewijzigd": "Ongewijzigd"}  # the preview's filter: which rows to show
_PLANVERTRAGING = 300  # ms after the last change of a column's field before the preview is planned again


# --- models ---------------------------------------------------------------------------------------------------------


class Kolommenmodel(Rijenmodel):
    """The file's columns as step 1 shows them (one Kolomkeuze each); a combo over column ALS chooses the field."""

    LETTER, KOP, ALS, REDEN, VOORBEELDEN = range(5)

    def kolommen(self):
        return [
            (self.tr("Kolom"), lambda k: k.letter, lambda k: (len(k.letter), k.letter)),
            (self.tr("Kop in het bestand"), lambda k: k.kop, None),
            (self.tr("Importeren als"), lambda k: VELDLABELS.get(k.veld, k.veld) if k.veld else NIET_IMPORTEREN,
             None),
            (self.tr("Reden"), lambda k: k.reden, None),
            (self.tr("Voorbeelden"), lambda k: " · ".join(k.voorbeelden), None),
        ]

    def data(self, index, rol=Qt.ItemDataRole.DisplayRole):
        if rol == Qt.ItemDataRole.ForegroundRole:
            k = self.rij_van(index)
            return QColor(GRIJS) if k is not None and k.veld is None else None  # not imported: stands back
        return super().data(index, rol)

    def zet_veld(self, rij: int, veld: str | None) -> None:
        self._rijen[rij] = replace(self._rijen[rij], veld=veld)
        self.dataChanged.emit(self.index(rij, 0), self.index(rij, self.columnCount() - 1))

    def toewijzing(self) -> dict[int, str | None]:
        return {k.index: k.veld for k in self._rijen}


_KOLOMVOLGORDE = {label: i for i, label in enumerate(VELDLABELS.values())}


def _wat(r: Rijplan) -> str:
    if r.problemen:
        return "; ".join(f"{p.kolom}: {p.melding}" if p.kolom else p.melding for p in r.problemen)
    if r.actie == "nieuw":
        return "nieuwe maatregel"  # every field it has is new: listing them says nothing
    if r.actie == "ongewijzigd":
        return "geen verschil met het register"
    return ", ".join(sorted(r.wijzigingen, key=lambda label: _KOLOMVOLGORDE.get(label, len(_KOLOMVOLGORDE))))


class Rijplanmodel(Rijenmodel):
    """The planned rows of step 2: what happens to each row of the sheet, and why a row is refused."""

    RIJ, ACTIE, CODE, NAAM, WAT = range(5)

    def kolommen(self):
        return [
            (self.tr("Rij"), lambda r: str(r.rij), lambda r: r.rij),
            (self.tr("Actie"), lambda r: ACTIES.get(r.actie, r.actie), None),
            (self.tr("Code"), lambda r: r.code or "", None),
            (self.tr("Naam"), lambda r: r.naam, None),
            (self.tr("Wat verandert of wat er mis is"), _wat, None),
        ]

    def data(self, index, rol=Qt.ItemDataRole.DisplayRole):
        if rol in (Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.FontRole) and index.column() == self.ACTIE:
            r = self.rij_van(index)
            if r is None or r.actie != "afgewezen":
                return None
            if rol == Qt.ItemDataRole.ForegroundRole:
                return QColor(FOUTKLEUR)
            vet = QFont()
            vet.setBold(True)
            return vet
        return super().data(index, rol)


# --- the dialog -----------------------------------------------------------------------------------------------------


class ImportDialoog(QDialog):
    """Import `pad` into the register: columns, preview, then all or nothing. Run it with `vragen.voer_uit`.

    After acceptance `resultaat` holds the Importresultaat. Reading starts when the dialog is first shown.
    """

    STATUS, KOLOMMEN, VOORBEELD = range(3)  # pages: reading or a refusal, step 1, step 2

    def __init__(self, register, pad: str | Path, gebruiker: Callable[[], str], parent: QWidget | None = None):
        super().__init__(parent)
        self.register = register
        self.pad = Path(pad)
        self.gebruiker = gebruiker
        self.bestand: Importbestand | None = None
        self.plan: Importplan | None = None  # the plan for the columns as chosen; None while it is being made
        self.resultaat: Importresultaat | None = None
        self._werk: Achtergrondwerk | None = None
        self._soort_werk = ""  # "lezen", "plannen" or "importeren"
        self._opnieuw_plannen = False  # the choice changed while a plan was being made: that plan is stale
        self._gestart = False
        self._combos: list[QComboBox] = []
        self.setWindowTitle(self.tr("Importeren uit Excel of CSV — %s") % self.pad.name)
        self.setAccessibleName(self.tr("Importeren uit Excel of CSV"))
        self.setMinimumSize(760, 480)
        self.resize(1100, 680)

        self._plantimer = QTimer(self)
        self._plantimer.setSingleShot(True)
        self._plantimer.setInterval(_PLANVERTRAGING)
        self._plantimer.timeout.connect(self._plan)

        laag = QVBoxLayout(self)
        self.stap = QLabel(self)
        self.stap.setTextFormat(Qt.TextFormat.PlainText)
        kopfont = self.stap.font()
        kopfont.setBold(True)
        kopfont.setPointSizeF(kopfont.pointSizeF() * 1.15)
        self.stap.setFont(kopfont)
        laag.addWidget(self.stap)
        self.bronlabel = QLabel(self)
        self.bronlabel.setTextFormat(Qt.TextFormat.PlainText)
        self.bronlabel.setWordWrap(True)
        self.bronlabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.bronlabel.setAccessibleName(self.tr("Bestand"))
        laag.addWidget(self.bronlabel)

        self.paginas = QStackedWidget(self)
        laag.addWidget(self.paginas, 1)
        self.paginas.addWidget(self._maak_statuspagina())
        self.paginas.addWidget(self._maak_kolommenpagina())
        self.paginas.addWidget(self._maak_voorbeeldpagina())

        self.voortgang = QProgressBar(self)
        self.voortgang.setRange(0, 0)  # busy: the importer reports no steps
        self.voortgang.setTextVisible(False)
        self.voortgang.setAccessibleName(self.tr("Bezig"))
        self.voortgang.setMaximumHeight(self.fontMetrics().height())
        self.bezigtekst = QLabel(self)
        self.bezigtekst.setTextFormat(Qt.TextFormat.PlainText)
        bezig = QHBoxLayout()
        bezig.addWidget(self.bezigtekst)
        bezig.addWidget(self.voortgang, 1)
        laag.addLayout(bezig)

        self.reden = foutlabel(self)  # why Importeren is disabled
        self.reden.setAccessibleName(self.tr("Waarom niet geïmporteerd kan worden"))
        laag.addWidget(self.reden)

        knoppen = QHBoxLayout()
        knoppen.addStretch(1)
        self.knop_vorige = QPushButton(self.tr("< V&orige"), self)
        self.knop_volgende = QPushButton(self.tr("&Volgende >"), self)
        self.knop_importeren = QPushButton(self.tr("&Importeren"), self)
        self.knop_annuleren = QPushButton(self.tr("Annuleren"), self)
        for knop in (self.knop_vorige, self.knop_volgende, self.knop_importeren, self.knop_annuleren):
            knop.setAccessibleName(knop.text().replace("&", "").strip("<> "))
            knoppen.addWidget(knop)
        # Enter goes on to the preview; it never imports. Importing is a deliberate click, Space or Alt+I.
        self.knop_volgende.setDefault(True)
        self.knop_importeren.setAutoDefault(False)
        self.knop_vorige.setAutoDefault(False)
        self.knop_annuleren.setAutoDefault(False)
        self.knop_importeren.setToolTip(self.tr("Alle rijen importeren in één keer; bij een fout wordt niets "
                                                "geïmporteerd."))
        laag.addLayout(knoppen)
        self.knop_vorige.clicked.connect(lambda: self._toon_stap(self.KOLOMMEN))
        self.knop_volgende.clicked.connect(self.volgende)
        self.knop_importeren.clicked.connect(self.importeer)
        self.knop_annuleren.clicked.connect(self.reject)

        self._toon_bezig(self.tr("Bestand lezen…"))
        self.statustekst.setText(self.tr("Het bestand %s wordt gelezen…") % self.pad)
        self.paginas.setCurrentIndex(self.STATUS)
        self.stap.setText(self.tr("Bestand lezen"))
        self.bronlabel.setText(str(self.pad))
        self._werk_knoppen_bij()

    # --- building --------------------------------------------------------------------------------------------------

    def _maak_statuspagina(self) -> QWidget:
        pagina = QWidget(self)
        laag = QVBoxLayout(pagina)
        self.statustekst = QLabel(pagina)
        self.statustekst.setTextFormat(Qt.TextFormat.PlainText)
        self.statustekst.setWordWrap(True)
        laag.addWidget(self.statustekst)
        self.foutmelding = QPlainTextEdit(pagina)  # a refusal can list many problems: scrollable and copyable
        self.foutmelding.setReadOnly(True)
        self.foutmelding.setAccessibleName(self.tr("Foutmelding"))
        self.foutmelding.setStyleSheet(f"QPlainTextEdit {{ color: {FOUTKLEUR}; }}")
        self.foutmelding.hide()
        laag.addWidget(self.foutmelding, 1)
        laag.addStretch(0)
        return pagina

    def _maak_kolommenpagina(self) -> QWidget:
        pagina = QWidget(self)
        laag = QVBoxLayout(pagina)
        laag.setContentsMargins(0, 0, 0, 0)
        self.kolommenmodel = Kolommenmodel(self)
        label = QLabel(self.tr("&Kolommen in het bestand — kies per kolom als wat hij wordt geïmporteerd:"), pagina)
        self.kolomtabel = alleen_lezen_tabel(self.kolommenmodel, self.tr("Kolommen in het bestand"),
                                             self.tr("Per kolom: letter, kop, als wat hij wordt geïmporteerd, waarom, "
                                                     "en voorbeelden uit het bestand"), pagina)
        label.setBuddy(self.kolomtabel)
        kop = self.kolomtabel.horizontalHeader()
        teken = self.fontMetrics().horizontalAdvance("M")
        for kolom, tekens in ((Kolommenmodel.LETTER, 5), (Kolommenmodel.KOP, 16), (Kolommenmodel.ALS, 17),
                              (Kolommenmodel.REDEN, 20)):
            kop.resizeSection(kolom, teken * tekens)
        kop.setStretchLastSection(True)
        self.kolomtabel.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        laag.addWidget(label)
        laag.addWidget(self.kolomtabel, 1)
        self.kolomfout = foutlabel(pagina)  # the importer refused the columns as chosen
        laag.addWidget(self.kolomfout)
        self.waarschuwingen = QLabel(pagina)
        self.waarschuwingen.setTextFormat(Qt.TextFormat.PlainText)
        self.waarschuwingen.setWordWrap(True)
        self.waarschuwingen.setAccessibleName(self.tr("Waarschuwingen"))
        self.waarschuwingen.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        laag.addWidget(self.waarschuwingen)
        return pagina

    def _maak_voorbeeldpagina(self) -> QWidget:
        pagina = QWidget(self)
        laag = QVBoxLayout(pagina)
        laag.setContentsMargins(0, 0, 0, 0)
        bovenrij = QHBoxLayout()
        self.aantallen = QLabel(pagina)
        self.aantallen.setTextFormat(Qt.TextFormat.PlainText)
        self.aantallen.setAccessibleName(self.tr("Aantallen"))
        vet = self.aantallen.font()
        vet.setBold(True)
        self.aantallen.setFont(vet)
        bovenrij.addWidget(self.aantallen, 1)
        tonenlabel = QLabel(self.tr("&Tonen:"), pagina)
        self.tonen = QComboBox(pagina)
        self.tonen.setAccessibleName(self.tr("Tonen"))
        for actie, tekst in TONEN.items():
            self.tonen.addItem(self.tr(tekst), actie)
        tonenlabel.setBuddy(self.tonen)
        self.tonen.currentIndexChanged.connect(self._toon_rijen)
        bovenrij.addWidget(tonenlabel)
        bovenrij.addWidget(self.tonen)
        laag.addLayout(bovenrij)

        rijenlabel = QLabel(self.tr("&Rijen:"), pagina)
        self.rijenmodel = Rijplanmodel(self)
        self.rijtabel = alleen_lezen_tabel(self.rijenmodel, self.tr("Voorbeeld van de import"),
                                           self.tr("Per rij van het blad: wat er gebeurt, de code, de naam, en wat er "
                                                   "verandert of waarom de rij wordt afgewezen"), pagina)
        rijenlabel.setBuddy(self.rijtabel)
        self.rijtabel.setSortingEnabled(True)
        self.rijtabel.horizontalHeader().setSortIndicator(Rijplanmodel.RIJ, Qt.SortOrder.AscendingOrder)
        self.rijtabel.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.rijtabel.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        kop = self.rijtabel.horizontalHeader()
        teken = self.fontMetrics().horizontalAdvance("M")
        for kolom, tekens in ((Rijplanmodel.RIJ, 4), (Rijplanmodel.ACTIE, 10), (Rijplanmodel.CODE, 6),
                              (Rijplanmodel.NAAM, 30)):
            kop.resizeSection(kolom, teken * tekens)
        kop.setStretchLastSection(True)
        laag.addWidget(rijenlabel)
        laag.addWidget(self.rijtabel, 3)

        self.problemenlabel = QLabel(self.tr("&Problemen:"), pagina)
        self.problemen = QPlainTextEdit(pagina)
        self.problemen.setReadOnly(True)
        self.problemen.setAccessibleName(self.tr("Problemen"))
        self.problemen.setTabChangesFocus(True)
        self.problemenlabel.setBuddy(self.problemen)
        laag.addWidget(self.problemenlabel)
        laag.addWidget(self.problemen, 1)
        return pagina

    def _maak_combos(self, kolommen: tuple[Kolomkeuze, ...]) -> None:
        """One "Importeren als" combo per column, in the table and in the Tab order after it."""
        self._combos = []
        for rij, k in enumerate(kolommen):
            combo = QComboBox()
            combo.addItem(NIET_IMPORTEREN, None)
            for veld, label in VELDLABELS.items():
                combo.addItem(label, veld)
            combo.setCurrentIndex(max(0, combo.findData(k.veld)) if k.veld else 0)
            combo.setAccessibleName(self.tr("Kolom %1 (%2) importeren als").replace("%1", k.letter)
                                    .replace("%2", k.kop or self.tr("zonder kop")))
            combo.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            combo.installEventFilter(self)
            combo.currentIndexChanged.connect(lambda _, rij=rij: self._veld_gekozen(rij))
            self.kolomtabel.setIndexWidget(self.kolommenmodel.index(rij, Kolommenmodel.ALS), combo)
            self._combos.append(combo)
        # Tab: the table, each column's combo, then step 2's fields, then the buttons (hidden pages are skipped).
        volgorde = [self.kolomtabel, *self._combos, self.tonen, self.rijtabel, self.problemen, self.knop_vorige,
                    self.knop_volgende, self.knop_importeren, self.knop_annuleren]
        for eerste, tweede in zip(volgorde, volgorde[1:]):
            QWidget.setTabOrder(eerste, tweede)
        if self._combos:  # rows as high as a combo, so that none is squeezed
            self.kolomtabel.verticalHeader().setDefaultSectionSize(self._combos[0].sizeHint().height() + 4)

    def eventFilter(self, bron: QObject, event: QEvent) -> bool:
        if isinstance(bron, QComboBox) and bron in self._combos:
            if event.type() == QEvent.Type.Wheel and not bron.hasFocus():
                return True  # scrolling the table must not change a column's field on the way
            if event.type() == QEvent.Type.FocusIn:
                index = self.kolommenmodel.index(self._combos.index(bron), Kolommenmodel.ALS)
                self.kolomtabel.scrollTo(index)
                self.kolomtabel.selectRow(index.row())
        return super().eventFilter(bron, event)

    # --- state -----------------------------------------------------------------------------------------------------

    def is_bezig(self) -> bool:
        return self._werk is not None

    def toewijzing(self) -> dict[int, str | None]:
        """The columns as chosen: column index -> field (None: not imported)."""
        return self.kolommenmodel.toewijzing()

    def _toon_bezig(self, tekst: str | None) -> None:
        self.bezigtekst.setText(tekst or "")
        self.bezigtekst.setVisible(bool(tekst))
        self.voortgang.setVisible(bool(tekst))
        if tekst:
            self.setCursor(Qt.CursorShape.BusyCursor)
        else:
            self.unsetCursor()

    def _werk_knoppen_bij(self) -> None:
        pagina = self.paginas.currentIndex()
        importeert = self._soort_werk == "importeren"
        klaar = self.plan is not None and not self._plantimer.isActive() and not self.is_bezig()
        self.knop_vorige.setEnabled(pagina == self.VOORBEELD and not importeert)
        self.knop_volgende.setEnabled(pagina == self.KOLOMMEN and klaar)
        reden = self._reden_niet_importeren() if pagina == self.VOORBEELD and klaar else None
        self.knop_importeren.setEnabled(pagina == self.VOORBEELD and klaar and reden is None)
        self.reden.setText(reden or "")
        self.reden.setVisible(bool(reden))
        self.knop_annuleren.setEnabled(not importeert)
        mislukt = pagina == self.STATUS and not self.is_bezig()
        self.knop_annuleren.setText(self.tr("Sluiten") if mislukt else self.tr("Annuleren"))
        self.knop_annuleren.setAccessibleName(self.knop_annuleren.text())
        self.kolomtabel.setEnabled(not importeert)

    def _reden_niet_importeren(self) -> str | None:
        plan = self.plan
        if plan is None:
            return None
        if not plan.kan_importeren:
            if plan.aantal("afgewezen"):
                return self.tr("Niets wordt geïmporteerd zolang er afgewezen rijen zijn: pas het bestand aan of de "
                               "koppeling.")
            return self.tr("Niets wordt geïmporteerd zolang er problemen zijn: pas het bestand aan of de koppeling.")
        if not plan.aantal("nieuw") and not plan.aantal("wijzigen"):
            return self.tr("Er is niets te importeren: elke rij is gelijk aan wat het register al heeft.")
        return None

    # --- the work off the GUI thread -------------------------------------------------------------------------------

    def _start(self, soort: str, taak: Callable[[], object], bezig: str, onverwacht: str) -> None:
        werk = Achtergrondwerk(taak, onverwacht, self)
        werk.klaar.connect(self._bij_klaar)
        werk.mislukt.connect(self._bij_mislukt)
        self._werk, self._soort_werk = werk, soort
        self._toon_bezig(bezig)
        self._werk_knoppen_bij()
        werk.start()

    def _klaar_met_werk(self) -> str:
        werk, soort = self._werk, self._soort_werk
        self._werk, self._soort_werk = None, ""
        if werk is not None:
            werk.wait()  # it has sent its result: only the thread's exit remains
            werk.deleteLater()
        self._toon_bezig(None)
        return soort

    def wacht(self) -> None:
        """Wait until the running work has ended (reading and planning write nothing; an import is whole)."""
        self._plantimer.stop()
        werk = self._werk
        if werk is None:
            return
        wacht_met_wachtcursor(werk)
        soort = self._klaar_met_werk()
        if soort == "importeren" and self.resultaat is None:
            self.resultaat = werk.uitkomst

    def _lees(self) -> None:
        register, pad = self.register, self.pad

        def taak():
            from registry.rekenblad.importeren import lees_import, maak_plan

            bestand = lees_import(pad)
            with register.sessie() as sessie:
                return bestand, maak_plan(sessie, bestand)

        self._start("lezen", taak, self.tr("Bestand lezen…"),
                    "Er ging iets onverwachts mis bij het lezen van het bestand; er is niets geïmporteerd.")

    def _plan(self) -> None:
        if self.bestand is None:
            return
        if self.is_bezig():
            self._opnieuw_plannen = self._soort_werk == "plannen"
            return
        register, bestand, toewijzing = self.register, self.bestand, self.toewijzing()

        def taak():
            from registry.rekenblad.importeren import maak_plan

            with register.sessie() as sessie:
                return maak_plan(sessie, bestand, toewijzing)

        self._start("plannen", taak, self.tr("Voorbeeld bijwerken…"),
                    "Er ging iets onverwachts mis bij het maken van het voorbeeld; er is niets geïmporteerd.")

    def importeer(self) -> None:
        """Import every row in one unit of work; on any problem nothing is written and the dialog says why."""
        if self.is_bezig() or self.plan is None or not self.knop_importeren.isEnabled():
            return
        try:
            gebruiker = self.gebruiker()
        except RegisterFout as fout:  # a server that is gone
            vragen.meld_fout(self, self.tr("Importeren"), fout.melding)
            return
        register, bestand, toewijzing = self.register, self.bestand, self.toewijzing()

        def taak():
            from registry.rekenblad.importeren import importeer

            with register.werk() as sessie:  # all or nothing: an ImportFout rolls every row back
                return importeer(sessie, bestand, gebruiker, toewijzing)

        self._start("importeren", taak, self.tr("Importeren…"),
                    "Er ging iets onverwachts mis bij het importeren; er is niets geïmporteerd.")

    def _is_huidig(self) -> bool:
        return self._werk is not None and self.sender() is self._werk

    def _bij_klaar(self, uitkomst) -> None:
        if not self._is_huidig():
            return
        soort = self._klaar_met_werk()
        if soort == "lezen":
            self.bestand, plan = uitkomst
            self._toon_bestand()
            self._nieuw_plan(plan)
            self._toon_stap(self.KOLOMMEN)
        elif soort == "plannen":
            if self._opnieuw_plannen or self._plantimer.isActive():
                self._opnieuw_plannen = False
                self._plantimer.start()
                self._werk_knoppen_bij()
                return
            self._nieuw_plan(uitkomst)
        elif soort == "importeren":
            self.resultaat = uitkomst
            self.accept()
            return
        self._werk_knoppen_bij()

    def _bij_mislukt(self, melding: str, fout) -> None:
        if not self._is_huidig():
            return
        soort = self._klaar_met_werk()
        if soort == "lezen":
            self.stap.setText(self.tr("Dit bestand kan niet worden geïmporteerd"))
            self.statustekst.setText(self.tr("Er is niets geïmporteerd. Pas het bestand aan en probeer het opnieuw."))
            self.foutmelding.setPlainText(melding)
            self.foutmelding.show()
            self.knop_annuleren.setFocus()
        elif soort == "plannen":
            self.plan = None
            self.kolomfout.setText(melding)
            self.kolomfout.show()
            if self._opnieuw_plannen:
                self._opnieuw_plannen = False
                self._plantimer.start()
        elif soort == "importeren":
            vragen.meld_fout(self, self.tr("Importeren"), self.tr("Er is niets geïmporteerd.") + "\n\n" + melding)
            self._plan()  # the register or the file may have changed: show what an import would do now
            return
        self._werk_knoppen_bij()

    # --- showing ---------------------------------------------------------------------------------------------------

    def _toon_bestand(self) -> None:
        b = self.bestand
        self.bronlabel.setText(self.tr('Bestand %1 · blad "%2", kopregel %3').replace("%1", b.naam)
                               .replace("%2", b.blad).replace("%3", str(b.koprij)))
        self.kolommenmodel.zet_rijen(list(b.kolommen))
        self._maak_combos(b.kolommen)

    def _veld_gekozen(self, rij: int) -> None:
        self.kolommenmodel.zet_veld(rij, self._combos[rij].currentData())
        self.plan = None
        self.kolomfout.hide()
        self._plantimer.start()  # restarted by every change: one plan after the user paused
        self._werk_knoppen_bij()

    def _nieuw_plan(self, plan: Importplan) -> None:
        self.plan = plan
        self.kolomfout.hide()
        waarschuwingen = list(plan.waarschuwingen)
        self.waarschuwingen.setText(self.tr("Let op:") + "\n" + "\n".join(f"• {w}" for w in waarschuwingen)
                                    if waarschuwingen else "")
        self.waarschuwingen.setVisible(bool(waarschuwingen))
        aantal = {actie: plan.aantal(actie) for actie in ACTIES}
        self.aantallen.setText(self.tr("%1 nieuw · %2 gewijzigd · %3 ongewijzigd · %4 afgewezen")
                               .replace("%1", str(aantal["nieuw"])).replace("%2", str(aantal["wijzigen"]))
                               .replace("%3", str(aantal["ongewijzigd"])).replace("%4", str(aantal["afgewezen"])))
        for i in range(self.tonen.count()):
            actie = self.tonen.itemData(i)
            n = len(plan.rijen) if actie is None else aantal[actie]
            self.tonen.setItemText(i, f"{self.tr(TONEN[actie])} ({n})")
        self._toon_rijen()
        heeft_problemen = bool(plan.problemen)
        self.problemenlabel.setText(self.tr("&Problemen (%d):") % len(plan.problemen))
        self.problemen.setPlainText("\n".join(str(p) for p in plan.problemen))
        self.problemenlabel.setVisible(heeft_problemen)
        self.problemen.setVisible(heeft_problemen)

    def _toon_rijen(self, *_) -> None:
        if self.plan is None:
            return
        actie = self.tonen.currentData()
        self.rijenmodel.zet_rijen([r for r in self.plan.rijen if actie is None or r.actie == actie])

    def _toon_stap(self, pagina: int) -> None:
        self.paginas.setCurrentIndex(pagina)
        if pagina == self.KOLOMMEN:
            self.stap.setText(self.tr("Stap 1 van 2: Kolommen"))
            self.kolomtabel.setFocus()
        elif pagina == self.VOORBEELD:
            self.stap.setText(self.tr("Stap 2 van 2: Voorbeeld — er is nog niets geïmporteerd"))
            self.rijtabel.setFocus()
        self._werk_knoppen_bij()

    def volgende(self) -> None:
        if self.paginas.currentIndex() == self.KOLOMMEN and self.knop_volgende.isEnabled():
            self._toon_stap(self.VOORBEELD)

    # --- closing ---------------------------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._gestart:
            self._gestart = True
            self._lees()

    def done(self, resultaat: int) -> None:
        """Esc and Annuleren close without writing; while an import is being written they wait for it to end."""
        if self._soort_werk == "importeren" and resultaat != QDialog.DialogCode.Accepted:
            return
        self.wacht()
        super().done(resultaat)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._soort_werk == "importeren":
            event.ignore()
            return
        super().closeEvent(event)
