"""The main window: the register table with its filter panel, the detail pane, and the actions on measures.

The window only wires widgets to use cases: rows come from `registry.filters`, changes go through `registry` use cases
in one unit of work each, and every question to the user goes through `ui.vragen` (so tests can answer it).
"""

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QModelIndex, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (QAbstractItemView, QDockWidget, QHeaderView, QLabel, QMainWindow, QMenu, QProgressBar,
                               QSplitter, QTableView, QTabWidget, QToolButton)

from registry.domein import domeinen, toeslagen
from registry.filters import Filter, Voorwaarde, voorwaarde, zoek_maatregelen, zoekteksten
from registry.fouten import ConflictFout, NietGevonden, RegisterFout
from registry.maatregel import archiveer, dupliceer, haal_maatregel
from registry.signalen import signalen
from ui import vragen
from ui.detailpaneel import DetailPaneel
from ui.filterpaneel import FilterPaneel
from ui.historie import HistorieWidget
from ui.instellingen import Instellingen
from ui.paginas import LuiePagina
from ui.registermodel import CODE, RegisterModel
from ui.signalenpaneel import SignalenPaneel

ALLES = Filter(met_gearchiveerd=True)  # the model holds every row; the filter panel decides what shows

SNELTOETSEN = """<table cellpadding="3">
<tr><td><b>Ctrl+F</b></td><td>zoeken in code, naam en omschrijving</td></tr>
<tr><td><b>Ctrl+Shift+F</b></td><td>alle filters wissen</td></tr>
<tr><td><b>Ctrl+N</b></td><td>nieuwe maatregel</td></tr>
<tr><td><b>Ctrl+D</b></td><td>geselecteerde maatregel dupliceren</td></tr>
<tr><td><b>Ctrl+S</b></td><td>wijzigingen opslaan</td></tr>
<tr><td><b>Ctrl+P</b></td><td>PDF-overzicht exporteren</td></tr>
<tr><td><b>Ctrl+I</b></td><td>maatregelen importeren uit Excel of CSV</td></tr>
<tr><td><b>Ctrl+Shift+E</b></td><td>huidige selectie exporteren naar Excel</td></tr>
<tr><td><b>Ctrl+T</b></td><td>status wijzigen (ook voor meerdere geselecteerde maatregelen)</td></tr>
<tr><td><b>Ctrl+Delete</b></td><td>maatregel archiveren</td></tr>
<tr><td><b>Ctrl+1 / Ctrl+2</b></td><td>naar de tabel / naar de details</td></tr>
<tr><td><b>Alt+1 … Alt+5</b></td><td>Maatregelen, Aanbevelingen, Effectmetingen, Dashboard, Prioritering</td></tr>
<tr><td><b>Ctrl+Z</b></td><td>Prioritering: de laatste wijziging van het scenario ongedaan maken</td></tr>
<tr><td><b>Alt+Links</b></td><td>terug naar waar u vandaan kwam (na openen van een maatregel of aanbeveling)</td></tr>
<tr><td><b>F5</b></td><td>opnieuw laden uit de database</td></tr>
<tr><td><b>Ctrl+,</b></td><td>instellingen</td></tr>
</table>"""


def _open_database(locatie: str | None, wachtwoord: str | None):
    """Open the database a setting names (a file path or a server URL); a new one gets the starter register."""
    from db.openen import open_register
    from db.paden import standaard_database
    from registry.startregister import laad_startregister

    if locatie and "://" in locatie:
        from sqlalchemy.engine import make_url

        url = make_url(locatie)
        if wachtwoord:
            url = url.set(password=wachtwoord)
        return open_register(url=url, vullen=laad_startregister)
    return open_register(pad=locatie or standaard_database(), vullen=laad_startregister)


def _aaneengesloten(rijen: list[int]):
    """Sorted row numbers as (first, last) runs: [1, 2, 3, 7] -> (1, 3), (7, 7)."""
    begin = vorige = None
    for r in rijen:
        if begin is None:
            begin = vorige = r
        elif r == vorige + 1:
            vorige = r
        else:
            yield begin, vorige
            begin = vorige = r
    if begin is not None:
        yield begin, vorige


class Hoofdvenster(QMainWindow):
    def __init__(self, register, instellingen: Instellingen | None = None,
                 open_database: Callable = _open_database):
        super().__init__()
        self.register = register
        self.instellingen = instellingen or Instellingen()
        self._open_database = open_database
        self._huidige_code: str | None = None
        self._bezig_met_selecteren = False
        self._filter = Filter()
        self._signaal: tuple[str, frozenset[str]] | None = None  # the register shows only a signal's measures
        self._rapportdialoog = None  # the export dialog, kept while open: it may be building a PDF
        self._excelwerk = None  # the Excel export being written in the background, if any

        with register.sessie() as sessie:
            self._domeinen = domeinen(sessie)
            self._toeslagen = toeslagen(sessie)
            rijen = zoek_maatregelen(sessie, ALLES)

        self.model = RegisterModel({d.code: d.naam for d in self._domeinen}, self._zoekteksten, self)
        self.model.zet_drempel(self.instellingen.drempels.status_niet_bijgewerkt)
        self.model.laad(rijen)
        self._maak_tabel()
        self.detail = DetailPaneel(register, self.gebruiker, self)
        self.historie = HistorieWidget(register, self.gebruiker, self)
        self.detail.voeg_tab_toe(self.historie, self.tr("Status en historie"), 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.tabel)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self._maak_paginas()

        self.filterpaneel = FilterPaneel(self.instellingen, [(d.code, d.naam) for d in self._domeinen],
                                         [(t.code, t.naam) for t in self._toeslagen], self._iv_ketens(), self)
        self.filterdock = QDockWidget(self.tr("Filters"), self)
        self.filterdock.setObjectName("filterdock")
        self.filterdock.setWidget(self.filterpaneel)
        self.filterdock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                                    | QDockWidget.DockWidgetFeature.DockWidgetClosable)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.filterdock)
        self.signalenpaneel = SignalenPaneel(self)
        self.signalendock = QDockWidget(self.tr("Signalen"), self)
        self.signalendock.setObjectName("signalendock")
        self.signalendock.setWidget(self.signalenpaneel)
        self.signalendock.setFeatures(self.filterdock.features())
        self.splitDockWidget(self.filterdock, self.signalendock, Qt.Orientation.Vertical)

        self._maak_acties()
        self._maak_menus()
        self._maak_statusbalk()
        self._verbind()
        self._herstel_vensterstand()
        self._werk_titel_bij()
        self._werk_acties_bij()

    # --- building ------------------------------------------------------------------------------------------------

    MAATREGELEN, AANBEVELINGEN, EFFECTMETINGEN, DASHBOARD, PRIORITERING = range(5)

    def _maak_paginas(self) -> None:
        """The register is the first page; the others are built when first shown (their modules load then too)."""
        self.paginas = QTabWidget(self)
        self.paginas.setObjectName("paginas")
        self.paginas.setDocumentMode(True)
        self.paginas.addTab(self.splitter, self.tr("Maatregelen"))
        self.aanbevelingen = LuiePagina(self._maak_aanbevelingenpagina, parent=self)
        self.effectmetingen = LuiePagina(self._maak_effectmetingenpagina, parent=self)
        self.dashboard = LuiePagina(self._maak_dashboard, lambda p: p.ververs(self.model.alle_rijen()), self)
        self.paginas.addTab(self.aanbevelingen, self.tr("Aanbevelingen"))
        self.paginas.addTab(self.effectmetingen, self.tr("Effectmetingen"))
        self.paginas.addTab(self.dashboard, self.tr("Dashboard"))
        self.prioritering = LuiePagina(self._maak_prioriteringspagina, parent=self)
        self.paginas.addTab(self.prioritering, self.tr("Prioritering"))
        self._terug: list[tuple[int, str | None]] = []  # where "Terug" (Alt+Left) returns to: page and item code
        self._filterdock_was_zichtbaar: bool | None = None  # set while another page hides the filters
        self.setCentralWidget(self.paginas)

    def _maak_aanbevelingenpagina(self):
        from ui.aanbevelingenpagina import AanbevelingenPagina

        pagina = AanbevelingenPagina(self.register, self.gebruiker, self.instellingen.drempels.aanbeveling_open)
        pagina.maatregelGekozen.connect(lambda code: self._open_maatregel(code, self.AANBEVELINGEN,
                                                                          pagina.huidige_code()))
        pagina.gewijzigd.connect(self._aanbevelingen_gewijzigd)
        return pagina

    def _maak_effectmetingenpagina(self):
        from ui.effectmetingen import EffectmetingenPagina

        pagina = EffectmetingenPagina(self.register)
        pagina.maatregelGekozen.connect(lambda code: self._open_maatregel(code, self.EFFECTMETINGEN, None))
        return pagina

    def _maak_dashboard(self):
        from ui.dashboard import DashboardPagina

        pagina = DashboardPagina(self.register)
        pagina.ververs(self.model.alle_rijen())
        return pagina

    def _maak_prioriteringspagina(self):
        from ui.prioriteringspagina import PrioriteringsPagina

        pagina = PrioriteringsPagina(self.register, self.gebruiker)
        pagina.maatregelGekozen.connect(lambda code: self._open_maatregel(code, self.PRIORITERING,
                                                                          pagina.huidige_code()))
        pagina.gewijzigd.connect(self._prioritering_gewijzigd)
        return pagina

    def _gebouwde_paginas(self) -> list:
        return [lui.pagina for lui in self._luie_paginas() if lui.pagina]

    def _luie_paginas(self) -> tuple[LuiePagina, ...]:
        return self.aanbevelingen, self.effectmetingen, self.dashboard, self.prioritering

    def _maak_tabel(self) -> None:
        self.tabel = QTableView(self)
        self.tabel.setObjectName("registertabel")
        self.tabel.setAccessibleName(self.tr("Maatregelen"))
        self.tabel.setModel(self.model)
        self.tabel.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tabel.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tabel.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tabel.setAlternatingRowColors(True)
        self.tabel.setWordWrap(False)
        self.tabel.setTabKeyNavigation(False)  # Tab leaves the table for the next pane; arrows move within it
        # Qt's default indicator is descending; set ours first so enabling sorting sorts only once.
        self.tabel.horizontalHeader().setSortIndicator(CODE, Qt.SortOrder.AscendingOrder)
        self.tabel.setSortingEnabled(True)
        self.tabel.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tabel.verticalHeader().setVisible(False)
        # Fixed row heights: the view never measures 10,000 rows' contents.
        self.tabel.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.tabel.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        kop = self.tabel.horizontalHeader()
        kop.setSectionsMovable(True)
        kop.setHighlightSections(False)
        breedte = self.fontMetrics().horizontalAdvance("M")
        for kolom, tekens in enumerate((6, 30, 13, 12, 11, 13, 13, 11, 10, 11)):
            kop.resizeSection(kolom, breedte * tekens)
        kop.setStretchLastSection(False)

    def _actie(self, tekst: str, slot, sneltoets=None, uitleg: str | None = None, checkbaar: bool = False) -> QAction:
        actie = QAction(tekst, self)
        if sneltoets is not None:
            actie.setShortcut(QKeySequence(sneltoets))
        if uitleg:
            actie.setStatusTip(uitleg)
            actie.setToolTip(f"{uitleg} ({actie.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})"
                             if sneltoets is not None else uitleg)
        actie.setCheckable(checkbaar)
        actie.triggered.connect(slot)
        self.addAction(actie)  # shortcuts work even when the menu bar is hidden
        return actie

    def _maak_acties(self) -> None:
        t = self.tr
        self.actie_nieuw = self._actie(t("&Nieuwe maatregel…"), self.nieuwe_maatregel, QKeySequence.StandardKey.New,
                                       t("Een nieuwe maatregel toevoegen"))
        self.actie_dupliceren = self._actie(t("&Dupliceren"), self.dupliceer, "Ctrl+D",
                                            t("Een kopie van de geselecteerde maatregel maken"))
        self.actie_opslaan = self._actie(t("&Opslaan"), self.opslaan, QKeySequence.StandardKey.Save,
                                         t("De wijzigingen in de details opslaan"))
        self.actie_herstellen = self._actie(t("&Herstellen"), self.detail.herstel, None,
                                            t("De wijzigingen in de details ongedaan maken"))
        self.actie_status = self._actie(t("S&tatus wijzigen…"), self.wijzig_status, "Ctrl+T",
                                        t("De status van de geselecteerde maatregelen wijzigen"))
        self.actie_archiveren = self._actie(t("&Archiveren…"), self.archiveer, "Ctrl+Delete",
                                            t("De geselecteerde maatregel archiveren"))
        self.actie_terugzetten = self._actie(t("&Terugzetten uit archief"), self.zet_terug, None,
                                             t("De gearchiveerde maatregel weer actief maken"))
        self.actie_zoeken = self._actie(t("&Zoeken"), self.zoek, QKeySequence.StandardKey.Find,
                                        t("Zoeken in code, naam en omschrijving"))
        self.actie_wissen = self._actie(t("&Filters wissen"), self.wis_filters, "Ctrl+Shift+F",
                                        t("Alle filters en het gekozen signaal wissen"))
        self.actie_signaal_opheffen = self._actie(t("Signaal &opheffen"), self.hef_signaal_op, None,
                                                  t("Weer alle maatregelen tonen die aan het filter voldoen"))
        self.actie_signaal_opheffen.setVisible(False)
        self.actie_archief_tonen = self._actie(t("&Gearchiveerde maatregelen tonen"), self._toon_archief, None,
                                               t("Gearchiveerde maatregelen in de tabel tonen"), checkbaar=True)
        self.actie_vernieuwen = self._actie(t("&Vernieuwen"), self.ververs, QKeySequence.StandardKey.Refresh,
                                            t("Het register opnieuw uit de database laden"))
        self.actie_instellingen = self._actie(t("&Instellingen…"), self.open_instellingen, "Ctrl+,",
                                              t("Database, gebruikersnaam en signaaldrempels"))
        self.actie_pdf = self._actie(t("&PDF-overzicht exporteren…"), self.exporteer_pdf, "Ctrl+P",
                                     t("Het overzicht voor de Periodieke Rapportage Toeslagen als PDF maken"))
        self.actie_importeren = self._actie(t("I&mporteren uit Excel of CSV…"), self.importeer_rekenblad, "Ctrl+I",
                                            t("Maatregelen inlezen uit een Excel-werkmap of CSV-bestand, met eerst "
                                              "een voorbeeld"))
        self.actie_excel = self._actie(t("&Exporteren naar Excel…"), self.exporteer_excel, "Ctrl+Shift+E",
                                       t("De maatregelen van de huidige selectie als Excel-werkmap opslaan"))
        self.actie_vastgesteld = self._actie(t("Vastgestelde &rapporten…"), self.toon_vastgestelde_rapporten, None,
                                             t("De rapporten die naar de Kamer zijn gestuurd, openen of opslaan"))
        self.actie_afsluiten = self._actie(t("&Afsluiten"), self.close, QKeySequence.StandardKey.Quit)
        self.actie_naar_tabel = self._actie(t("Naar de &tabel"), self.tabel.setFocus, "Ctrl+1")
        self.actie_naar_details = self._actie(t("Naar de &details"), lambda: self.detail.tabs.setFocus(), "Ctrl+2")
        self.actie_paginas = [
            self._actie(titel, lambda _=False, i=i: self.toon_pagina(i), f"Alt+{i + 1}", uitleg)
            for i, (titel, uitleg) in enumerate([
                (t("&Maatregelen"), t("Het register van maatregelen")),
                (t("&Aanbevelingen"), t("Aanbevelingen en wat ermee gedaan is")),
                (t("&Effectmetingen"), t("Alle effectmetingen, en de maatregelen zonder")),
                (t("&Dashboard"), t("Status per domein, IV-blokkades, opvolging en effect in grafieken")),
                (t("Pr&ioritering"), t("Rangorde, IV-capaciteit per keten en periode, en scenario's")),
            ])]
        self.actie_terug = self._actie(t("Te&rug"), self.ga_terug, QKeySequence.StandardKey.Back,
                                       t("Terug naar waar u vandaan kwam"))
        self.actie_terug.setEnabled(False)
        self.actie_sneltoetsen = self._actie(t("&Sneltoetsen"), self.toon_sneltoetsen, QKeySequence.StandardKey.HelpContents)
        self.actie_over = self._actie(t("&Over Maatregelenregister"), self.toon_over)

    def _maak_menus(self) -> None:
        t = self.tr
        balk = self.menuBar()
        bestand = balk.addMenu(t("&Bestand"))
        bestand.addAction(self.actie_importeren)
        bestand.addSeparator()
        bestand.addActions([self.actie_excel, self.actie_pdf, self.actie_vastgesteld])
        bestand.addSeparator()
        bestand.addActions([self.actie_instellingen, self.actie_vernieuwen])
        bestand.addSeparator()
        bestand.addAction(self.actie_afsluiten)
        bewerken = balk.addMenu(t("Be&werken"))
        bewerken.addActions([self.actie_nieuw, self.actie_dupliceren])
        bewerken.addSeparator()
        bewerken.addActions([self.actie_opslaan, self.actie_herstellen])
        bewerken.addSeparator()
        bewerken.addActions([self.actie_status, self.actie_archiveren, self.actie_terugzetten])
        beeld = balk.addMenu(t("Bee&ld"))
        beeld.addActions([self.actie_zoeken, self.actie_wissen])
        filterpaneel = self.filterdock.toggleViewAction()
        filterpaneel.setText(t("Filter&paneel"))
        beeld.addAction(filterpaneel)
        signalenpaneel = self.signalendock.toggleViewAction()
        signalenpaneel.setText(t("&Signalen"))
        beeld.addAction(signalenpaneel)
        beeld.addAction(self.actie_signaal_opheffen)
        beeld.addAction(self.actie_archief_tonen)
        beeld.addSeparator()
        beeld.addActions(self.actie_paginas)
        beeld.addAction(self.actie_terug)
        beeld.addSeparator()
        beeld.addActions([self.actie_naar_tabel, self.actie_naar_details])
        hulp = balk.addMenu(t("&Help"))
        hulp.addActions([self.actie_sneltoetsen, self.actie_over])

        werkbalk = self.addToolBar(t("Werkbalk"))
        werkbalk.setObjectName("werkbalk")
        werkbalk.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        werkbalk.addActions([self.actie_nieuw, self.actie_dupliceren, self.actie_opslaan, self.actie_herstellen])
        werkbalk.addSeparator()
        werkbalk.addActions([self.actie_status, self.actie_archiveren])
        werkbalk.addSeparator()
        werkbalk.addActions([self.actie_vernieuwen, self.actie_terug])
        werkbalk.addSeparator()
        werkbalk.addActions([self.actie_importeren, self.actie_excel, self.actie_pdf])
        self.actie_pdf.setIconText(t("PDF-overzicht…"))  # the toolbar's shorter texts
        self.actie_importeren.setIconText(t("Importeren…"))
        self.actie_excel.setIconText(t("Naar Excel…"))
        # Qt's own "more buttons" arrow, shown when the window is too narrow for the toolbar, gets a name too.
        meer = werkbalk.findChild(QToolButton, "qt_toolbar_ext_button")
        if meer is not None:
            meer.setAccessibleName(t("Meer knoppen"))

    def _maak_statusbalk(self) -> None:
        self.tellingen = QLabel(self)
        self.tellingen.setAccessibleName(self.tr("Aantallen"))
        self.databaselabel = QLabel(self)
        self.statusBar().addWidget(self.tellingen, 1)
        self.signaalknop = QToolButton(self)
        self.signaalknop.setDefaultAction(self.actie_signaal_opheffen)
        self.statusBar().addWidget(self.signaalknop)
        self.signaalknop.setVisible(False)
        self.excelvoortgang = QProgressBar(self)  # busy while an Excel export is written
        self.excelvoortgang.setRange(0, 0)
        self.excelvoortgang.setTextVisible(False)
        self.excelvoortgang.setMaximumWidth(160)
        self.excelvoortgang.setAccessibleName(self.tr("Bezig met exporteren naar Excel"))
        self.statusBar().addPermanentWidget(self.excelvoortgang)
        self.excelvoortgang.hide()
        self.statusBar().addPermanentWidget(self.databaselabel)

    def _verbind(self) -> None:
        self.filterpaneel.filterGewijzigd.connect(self.pas_filter_toe)
        self.filterpaneel.wisknop.clicked.connect(self.hef_signaal_op)
        self.signalenpaneel.maatregelenGekozen.connect(self.toon_signaal)
        self.signalenpaneel.aanbevelingenGekozen.connect(self._toon_aanbevelingen_van_signaal)
        self.tabel.selectionModel().currentRowChanged.connect(self._huidige_rij_gewijzigd)
        self.tabel.selectionModel().selectionChanged.connect(lambda *_: self._werk_acties_bij())
        self.tabel.customContextMenuRequested.connect(self._contextmenu)
        self.detail.gewijzigdVeranderd.connect(lambda _: (self._werk_titel_bij(), self._werk_acties_bij()))
        self.detail.opgeslagen.connect(lambda code: self._ververs_maatregelen([code]))
        self.detail.maatregelGekozen.connect(self.selecteer)
        self.detail.aanbevelingGekozen.connect(
            lambda code: self._open_aanbeveling(code, self.MAATREGELEN, self._huidige_code))
        self.detail.aanbevelingenGewijzigd.connect(lambda _: (self.ververs_signalen(), self._paginas_verouderd()))
        self.detail.effectmetingenGewijzigd.connect(lambda _: (self.ververs_signalen(), self._paginas_verouderd()))
        self.paginas.currentChanged.connect(self._pagina_gewijzigd)
        self.historie.statusWijzigenGevraagd.connect(self.wijzig_status_huidige)
        self.historie.gewijzigd.connect(lambda code: self._na_wijziging([code]))
        self.historie.mag_wijzigen = self.detail.mag_verlaten  # a correction raises the version the edits rest on

    # --- the user's data -----------------------------------------------------------------------------------------

    def gebruiker(self) -> str:
        return self.register.gebruiker(self.instellingen.gebruiker)

    def _zoekteksten(self, ids: list[int] | None) -> dict[int, str]:
        with self.register.sessie() as sessie:
            return zoekteksten(sessie, ids)

    def _iv_ketens(self) -> list[str]:
        return sorted({r.iv_keten for r in self.model.alle_rijen() if r.iv_keten}, key=str.casefold)

    def pas_filter_toe(self, f: Filter) -> None:
        """Filter the cached rows in Python: a keystroke in the search box lands here."""
        try:
            with self.register.sessie() as sessie:
                past = voorwaarde(sessie, f)
        except RegisterFout as fout:  # a saved view naming a domain that was renamed, for instance
            self.statusBar().showMessage(fout.melding, 10_000)
            return
        if self._signaal is not None:
            past = past.en("code", "in", self._signaal[1])
        self._filter = f
        self.actie_archief_tonen.setChecked(f.met_gearchiveerd)
        if self._rapportdialoog is not None:
            self._rapportdialoog.zet_filter(f)
        self._met_behoud_van_selectie(lambda: self.model.zet_voorwaarde(past))

    def _met_behoud_van_selectie(self, wijziging: Callable[[], None]) -> None:
        """Run a model reset and select the same measures again (the detail pane keeps its measure regardless)."""
        gekozen = self.geselecteerde_codes()
        self._bezig_met_selecteren = True
        try:
            wijziging()
            selectie = self.tabel.selectionModel()
            if gekozen:
                # One selection of row ranges, one signal: per-row calls take seconds for a few hundred rows.
                positie = {self.model.rij(r).code: r for r in range(self.model.rowCount())}
                rijen = sorted(positie[c] for c in gekozen if c in positie)
                bereik = QItemSelection()
                for begin, eind in _aaneengesloten(rijen):
                    bereik.select(self.model.index(begin, 0), self.model.index(eind, 0))
                selectie.select(bereik, QItemSelectionModel.SelectionFlag.Select
                                | QItemSelectionModel.SelectionFlag.Rows)
            rij = self.model.rij_van_code(self._huidige_code) if self._huidige_code else None
            if rij is not None:
                selectie.setCurrentIndex(self.model.index(rij, 0), QItemSelectionModel.SelectionFlag.NoUpdate)
                self.tabel.scrollTo(self.model.index(rij, 0))
        finally:
            self._bezig_met_selecteren = False
        self._werk_tellingen_bij()
        self._werk_acties_bij()

    def _ververs_maatregelen(self, codes: list[str], behalve=None) -> None:
        """Reload the rows of these measures after a change (not all 10,000); `behalve`: a page that has just reread
        itself."""
        gezocht = set(codes)
        bekend = {r.code: r.id for r in self.model.alle_rijen() if r.code in gezocht}
        with self.register.sessie() as sessie:
            nieuw = [haal_maatregel(sessie, c).id for c in gezocht - bekend.keys()]  # not in the table yet
            rijen = zoek_maatregelen(sessie, ALLES, ids=[*bekend.values(), *nieuw])
        self._met_behoud_van_selectie(lambda: self.model.vervang(rijen))
        self.filterpaneel.zet_iv_ketens(self._iv_ketens())
        self.ververs_signalen()
        self._paginas_verouderd(behalve)

    def _na_wijziging(self, codes: list[str]) -> None:
        """After a status change or correction: fresh rows, and the shown measure reloaded (its version changed)."""
        self._ververs_maatregelen(codes)
        if self._huidige_code in codes:
            if not self.detail.is_gewijzigd():
                self.detail.toon(self._huidige_code)
            self.historie.toon(self._huidige_code)

    def ververs(self) -> None:
        if not self._alles_mag_verlaten(scenario=False):  # a scenario survives a reload
            return
        self._herlaad()
        self._toon_maatregel(self._huidige_code)

    def _herlaad(self) -> None:
        """Every row read again, with the filter's chain list, the signals and the pages (a reload or an import)."""
        with self.register.sessie() as sessie:
            rijen = zoek_maatregelen(sessie, ALLES)
        self._met_behoud_van_selectie(lambda: self.model.laad(rijen))
        self.filterpaneel.zet_iv_ketens(self._iv_ketens())
        self.ververs_signalen()
        self._paginas_verouderd()

    # --- selection -----------------------------------------------------------------------------------------------

    def geselecteerde_codes(self) -> list[str]:
        rijen = sorted({i.row() for i in self.tabel.selectionModel().selectedRows()})
        return [self.model.rij(r).code for r in rijen]

    def _geselecteerde_rijen(self):
        return [self.model.rij(i.row()) for i in sorted(self.tabel.selectionModel().selectedRows(),
                                                        key=lambda i: i.row())]

    def selecteer(self, code: str) -> bool:
        """Select a measure in the table; the filter is cleared when it hides the measure (and archived measures are
        shown when it is archived). False when the measure does not exist."""
        rij = self.model.rij_van_code(code)
        if rij is None:
            bekend = next((r for r in self.model.alle_rijen() if r.code == code), None)
            if bekend is None:  # perhaps made by a colleague since the table was read
                try:
                    self._ververs_maatregelen([code])
                except NietGevonden:
                    return False
                bekend = next((r for r in self.model.alle_rijen() if r.code == code), None)
            self.hef_signaal_op()
            self.filterpaneel.wis()
            if bekend is not None and bekend.gearchiveerd:
                self.filterpaneel.zet_filter(replace(self.filterpaneel.filter(), met_gearchiveerd=True))
            rij = self.model.rij_van_code(code)
        if rij is None:
            self.tabel.clearSelection()  # actions then fall back to the measure in the details
            return False
        self._kies_rij(rij)
        return self._huidige_code == code

    def _kies_rij(self, rij: int) -> None:
        """Make `rij` the only selected row and the current one (as a plain click does)."""
        index = self.model.index(rij, CODE)
        self.tabel.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                                                    | QItemSelectionModel.SelectionFlag.Rows)
        self.tabel.scrollTo(index)

    def _huidige_rij_gewijzigd(self, huidig: QModelIndex, vorig: QModelIndex) -> None:
        if self._bezig_met_selecteren or not huidig.isValid():
            return
        code = self.model.rij(huidig.row()).code
        if code == self._huidige_code:
            return
        if not self.detail.mag_verlaten():
            # Stay on the measure with the unsaved changes; go back once this selection change has finished.
            QTimer.singleShot(0, lambda: self._zet_huidige_terug(self._huidige_code))
            return
        self._toon_maatregel(code)
        # Saving on the way out reloads the table rows, which puts the selection back on the measure just left:
        # make the chosen one the table's current row again, so table and details show the same measure.
        if self._code_van(self.tabel.currentIndex()) != code:
            QTimer.singleShot(0, lambda: self._zet_huidige_terug(code))

    def _code_van(self, index: QModelIndex) -> str | None:
        return self.model.rij(index.row()).code if index.isValid() else None

    def _zet_huidige_terug(self, code: str | None) -> None:
        rij = self.model.rij_van_code(code) if code else None
        self._bezig_met_selecteren = True
        try:
            if rij is None:
                self.tabel.clearSelection()
            else:
                self._kies_rij(rij)
        finally:
            self._bezig_met_selecteren = False

    def _toon_maatregel(self, code: str | None) -> None:
        self._huidige_code = code
        self.detail.toon(code)
        self.historie.toon(code)
        self._werk_acties_bij()

    # --- actions -------------------------------------------------------------------------------------------------

    def zoek(self) -> None:
        self.filterdock.show()
        self.filterpaneel.focus_zoeken()

    def opslaan(self) -> None:
        """Ctrl+S saves what the page in view holds unsaved: a decision on a recommendation, else the measure."""
        pagina = self.aanbevelingen.pagina
        if self.paginas.currentIndex() == self.AANBEVELINGEN and pagina is not None and pagina.is_gewijzigd():
            pagina.besluit_vastleggen()
        elif self.detail.is_gewijzigd():
            self.detail.opslaan()

    def nieuwe_maatregel(self) -> None:
        from ui.nieuwemaatregel import NieuweMaatregelDialoog

        if not self.detail.mag_verlaten():
            return
        huidig = self.model.rij(self.tabel.currentIndex().row()).domein if self.tabel.currentIndex().isValid() else None
        dialoog = NieuweMaatregelDialoog(self.register, self._domeinen, self.gebruiker(), huidig, self)
        if vragen.voer_uit(dialoog) and dialoog.code:
            self._nieuw_aangemaakt(dialoog.code)

    def _nieuw_aangemaakt(self, code: str) -> None:
        self.toon_pagina(self.MAATREGELEN)
        self._ververs_maatregelen([code])
        if not self.selecteer(code):
            self._toon_maatregel(code)
        self.detail.tabs.setCurrentIndex(0)
        self.statusBar().showMessage(self.tr("Maatregel %s aangemaakt.") % code, 8000)

    def dupliceer(self) -> None:
        if self._huidige_code is None or not self.detail.mag_verlaten():
            return
        try:
            with self.register.werk() as sessie:
                kopie = dupliceer(sessie, self._huidige_code, self.gebruiker())
        except RegisterFout as fout:
            vragen.meld_fout(self, self.tr("Dupliceren"), fout.melding)
            return
        self._nieuw_aangemaakt(kopie.code)

    def wijzig_status_huidige(self) -> None:
        """From the history tab: the status of the measure shown, whatever else is selected."""
        if self._huidige_code:
            self._wijzig_status_van([self._huidige_code])

    def wijzig_status(self) -> None:
        codes = self.geselecteerde_codes() or ([self._huidige_code] if self._huidige_code else [])
        if codes:
            self._wijzig_status_van(codes)

    def _wijzig_status_van(self, codes: list[str]) -> None:
        from ui.statusdialoog import StatusDialoog

        if self._huidige_code in codes and not self.detail.mag_verlaten():
            return
        versies = {r.code: r.versie for r in self.model.alle_rijen()}
        dialoog = StatusDialoog(self.register, [(c, versies[c]) for c in codes], self.gebruiker(), self)
        if vragen.voer_uit(dialoog):
            self._na_wijziging(codes)
            self.statusBar().showMessage(self.tr("Status vastgelegd voor %s.") % ", ".join(codes), 8000)

    def archiveer(self) -> None:
        # Unsaved edits first: saving them raises the version that archiving must name.
        if self._huidige_code in self.geselecteerde_codes() and not self.detail.mag_verlaten():
            return
        rijen = [r for r in self._geselecteerde_rijen() if not r.gearchiveerd]
        if not rijen:
            return
        lijst = ", ".join(f"{r.code} ({r.naam})" for r in rijen[:10]) + (" …" if len(rijen) > 10 else "")
        vraag = (self.tr("Maatregel %s archiveren?") % rijen[0].code if len(rijen) == 1
                 else self.tr("%d maatregelen archiveren?") % len(rijen)) + "\n\n" + lijst + "\n\n" + self.tr(
            "Gearchiveerde maatregelen blijven met hun historie bewaard, maar verdwijnen uit de tabel en de "
            "overzichten. U kunt ze terugzetten via Beeld › Gearchiveerde maatregelen tonen.")
        if not vragen.bevestig(self, self.tr("Archiveren"), vraag, ja=self.tr("Archiveren")):
            return
        self._zet_archief(rijen, True)

    def zet_terug(self) -> None:
        rijen = [r for r in self._geselecteerde_rijen() if r.gearchiveerd]
        if rijen:
            self._zet_archief(rijen, False)

    def _zet_archief(self, rijen, gearchiveerd: bool) -> None:
        try:
            with self.register.werk() as sessie:
                for r in rijen:
                    archiveer(sessie, r.code, self.gebruiker(), r.versie, gearchiveerd)
        except ConflictFout as fout:
            vragen.meld_fout(self, self.tr("Gelijktijdige wijziging"), fout.melding)
            self._ververs_maatregelen([r.code for r in rijen])
            return
        except RegisterFout as fout:
            vragen.meld_fout(self, self.tr("Archiveren"), fout.melding)
            return
        self._na_wijziging([r.code for r in rijen])
        tekst = self.tr("gearchiveerd") if gearchiveerd else self.tr("teruggezet")
        self.statusBar().showMessage(f"{', '.join(r.code for r in rijen)} {tekst}.", 8000)

    def _toon_archief(self, aan: bool) -> None:
        if aan != self._filter.met_gearchiveerd:
            self.filterpaneel.zet_filter(replace(self.filterpaneel.filter(), met_gearchiveerd=aan))

    def exporteer_pdf(self) -> None:
        """The export dialog, not modal: the PDF builds in the background while the user works on."""
        from ui.rapportdialoog import RapportDialoog

        dialoog = self._rapportdialoog
        if dialoog is not None and (dialoog.isVisible() or dialoog.is_bezig()):
            dialoog.show()
            dialoog.raise_()
            dialoog.activateWindow()
            return
        try:
            nieuw = RapportDialoog(self.register, self.instellingen, self._filter, self.gebruiker, self)
        except RegisterFout as fout:
            vragen.meld_fout(self, self.tr("PDF-overzicht exporteren"), fout.melding)
            return
        if dialoog is not None:
            dialoog.deleteLater()
        nieuw.geexporteerd.connect(self._na_export)
        self._rapportdialoog = nieuw
        nieuw.show()

    def _na_export(self, uitkomst) -> None:
        tekst = self.tr("PDF-overzicht opgeslagen als %s.") % uitkomst.pad
        if uitkomst.vastgesteld is not None:
            tekst += " " + self.tr("Vastgesteld als rapport voor de Kamer.")
        self.statusBar().showMessage(tekst, 10_000)

    def _export_mag_stoppen(self) -> bool:
        """A PDF still being built is cancelled (after asking) and its thread has ended before the caller goes on."""
        dialoog = self._rapportdialoog
        if dialoog is None or not dialoog.is_bezig():
            return True
        if not vragen.bevestig(self, self.tr("PDF-overzicht"),
                               self.tr("Er wordt nog een PDF-overzicht gemaakt. Wilt u dat afbreken?"),
                               self.tr("Afbreken"), self.tr("Doorgaan met exporteren")):
            return False
        dialoog.annuleer_en_wacht()
        return True

    def _sluit_rapportdialoog(self) -> None:
        if self._rapportdialoog is not None:
            self._rapportdialoog.close()
            self._rapportdialoog.deleteLater()
            self._rapportdialoog = None

    # --- Excel and CSV -----------------------------------------------------------------------------------------------

    def importeer_rekenblad(self) -> None:
        """Choose a workbook or CSV, then the import dialog: columns, preview, and everything or nothing."""
        from ui import importdialoog

        # Unsaved edits first: the import may change the same measure, and would then refuse those edits later.
        if not self.detail.mag_verlaten():
            return
        map_ = self.instellingen.laatste_map("import_map")
        pad = vragen.vraag_bestand_openen(self, self.tr("Importeren uit Excel of CSV"), str(map_),
                                          importdialoog.SOORTEN_IMPORT)
        if not pad:
            return
        self.instellingen.onthoud_map("import_map", Path(pad))
        dialoog = importdialoog.ImportDialoog(self.register, pad, self.gebruiker, self)
        try:
            vragen.voer_uit(dialoog)
        finally:
            dialoog.wacht()  # never destroyed while its thread runs
            resultaat = dialoog.resultaat
            dialoog.deleteLater()
        if resultaat is not None:
            self._na_import(resultaat)

    def _na_import(self, resultaat) -> None:
        """Every row reloaded (an import may touch thousands), the measure shown too, and a report of what changed."""
        from ui.achtergrondwerk import aantal_maatregelen

        codes = [*resultaat.aangemaakt, *resultaat.gewijzigd]
        self._herlaad()
        if self._huidige_code in codes:
            self._toon_maatregel(self._huidige_code)
        tekst = self.tr("Import uit %1: %2 aangemaakt, %3 gewijzigd.").replace("%1", resultaat.plan.bestand) \
            .replace("%2", aantal_maatregelen(len(resultaat.aangemaakt))).replace("%3", str(len(resultaat.gewijzigd)))
        self.statusBar().showMessage(tekst, 10_000)
        vragen.meld(self, self.tr("Importeren"), tekst)

    def is_excelexport_bezig(self) -> bool:
        return self._excelwerk is not None

    def exporteer_excel(self) -> None:
        """The measures of the current selection as a workbook, written in the background (whole or not at all)."""
        from ui.achtergrondwerk import Achtergrondwerk

        titel = self.tr("Exporteren naar Excel")
        if self._excelwerk is not None:
            self.statusBar().showMessage(self.tr("Er wordt al een Excel-werkmap gemaakt."), 5000)
            return
        voorstel = self.instellingen.laatste_map("excel_map") / f"maatregelen-{date.today().isoformat()}.xlsx"
        gekozen = vragen.vraag_bestand_opslaan(self, titel, str(voorstel), self.tr("Excel-werkmap (*.xlsx)"))
        if not gekozen:
            return
        pad = vragen.met_extensie(gekozen, ".xlsx")
        register, f = self.register, self._filter

        def taak():
            from registry.rekenblad.export import schrijf_werkmap

            with register.sessie() as sessie:
                return pad, schrijf_werkmap(sessie, pad, f)

        werk = Achtergrondwerk(taak, "Er ging iets onverwachts mis bij het exporteren naar Excel; er is geen "
                                     "bestand geschreven.", self)
        werk.klaar.connect(self._bij_excel_klaar)
        werk.mislukt.connect(self._bij_excel_mislukt)
        self._excelwerk = werk
        self.actie_excel.setEnabled(False)
        self.excelvoortgang.show()
        self.statusBar().showMessage(self.tr("Excel-werkmap maken: %s…") % pad.name)
        werk.start()

    def _klaar_met_excel(self) -> None:
        werk, self._excelwerk = self._excelwerk, None
        if werk is not None:
            werk.wait()
            werk.deleteLater()
        self.actie_excel.setEnabled(True)
        self.excelvoortgang.hide()
        self.statusBar().clearMessage()

    def _wacht_op_excelexport(self) -> None:
        """A workbook being written is finished first (its file is written whole): before closing or switching."""
        werk = self._excelwerk
        if werk is None:
            return
        from ui.achtergrondwerk import wacht_met_wachtcursor

        wacht_met_wachtcursor(werk)
        self._klaar_met_excel()

    def _bij_excel_klaar(self, uitkomst) -> None:
        from ui.achtergrondwerk import aantal_maatregelen

        if self.sender() is not self._excelwerk:
            return
        self._klaar_met_excel()
        pad, resultaat = uitkomst
        self.instellingen.onthoud_map("excel_map", pad)
        titel = self.tr("Exporteren naar Excel")
        tekst = self.tr("%1 geëxporteerd naar %2.").replace("%1", aantal_maatregelen(resultaat.aantal_maatregelen)) \
            .replace("%2", str(pad))
        self.statusBar().showMessage(tekst, 10_000)
        if vragen.bevestig(self, titel, tekst + "\n\n" + self.tr("Nu openen?"), self.tr("Openen"),
                           self.tr("Niet openen")) and not vragen.open_bestand(pad):
            vragen.meld_fout(self, titel, self.tr(
                "Er is geen programma gevonden dat Excel-werkmappen opent. De werkmap staat in %s.") % pad)

    def _bij_excel_mislukt(self, melding: str, _fout) -> None:
        if self.sender() is not self._excelwerk:
            return
        self._klaar_met_excel()
        vragen.meld_fout(self, self.tr("Exporteren naar Excel"), melding)

    def toon_vastgestelde_rapporten(self) -> None:
        from ui.vastgesteldelijst import VastgesteldeRapportenDialoog

        try:
            dialoog = VastgesteldeRapportenDialoog(self.register, self.instellingen, self)
        except RegisterFout as fout:
            vragen.meld_fout(self, self.tr("Vastgestelde rapporten"), fout.melding)
            return
        vragen.voer_uit(dialoog)
        dialoog.deleteLater()

    def open_instellingen(self) -> None:
        from ui.instellingendialoog import InstellingenDialoog

        vorige = self.instellingen.database or ""
        dialoog = InstellingenDialoog(self.instellingen, self.register.omschrijving, not self.register.is_sqlite, self)
        if not vragen.voer_uit(dialoog):
            return
        self.model.zet_drempel(self.instellingen.drempels.status_niet_bijgewerkt)
        self.ververs_signalen()
        if self.aanbevelingen.pagina is not None:
            self.aanbevelingen.pagina.zet_open_maanden(self.instellingen.drempels.aanbeveling_open)
        if dialoog.database_gewijzigd:
            self.wissel_database(dialoog.nieuwe_database, dialoog.wachtwoord, vorige=vorige)

    def wissel_database(self, locatie: str | None, wachtwoord: str | None = None,
                        vorige: str | None = None) -> bool:
        """Reconnect to another database; on failure the current one stays open and in use.

        `vorige`: the database setting before the settings dialog changed it, restored when the switch fails.
        """
        if not self._alles_mag_verlaten() or not self._export_mag_stoppen():
            if vorige is not None:
                self.instellingen.database = vorige
            return False
        self._wacht_op_excelexport()  # it reads the database that is about to close
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            nieuw = self._open_database(locatie, wachtwoord)
        except RegisterFout as fout:
            QGuiApplication.restoreOverrideCursor()
            if vorige is not None:
                self.instellingen.database = vorige  # the setting names the database that is actually in use
            vragen.meld_fout(self, self.tr("Database openen"), fout.melding)
            return False
        QGuiApplication.restoreOverrideCursor()
        oud, self.register = self.register, nieuw
        self._sluit_rapportdialoog()  # it reads and writes the database it was opened on
        self.detail.register = self.historie.register = self.detail.tab_effectmetingen.register = nieuw
        for pagina in self._gebouwde_paginas():
            pagina.register = nieuw
        self._terug.clear()
        self._werk_terug_bij()
        oud.sluit()
        with nieuw.sessie() as sessie:
            rijen = zoek_maatregelen(sessie, ALLES)
        self._huidige_code = None
        self.model.zet_voorwaarde(Voorwaarde([("gearchiveerd", "onwaar", None)]))
        self.model.laad(rijen)
        self._toon_maatregel(None)
        self.filterpaneel.zet_iv_ketens(self._iv_ketens())
        self._signaal = None
        self._toon_signaalknop(False)
        self.pas_filter_toe(self.filterpaneel.filter())
        self.ververs_signalen()
        self._paginas_verouderd()
        self._werk_titel_bij()
        for waarschuwing in nieuw.waarschuwingen:
            vragen.meld(self, self.tr("Database"), waarschuwing)
        return True

    def ververs_signalen(self) -> None:
        """Recount the signals from the rows the table holds (no second read of 10,000 measures)."""
        with self.register.sessie() as sessie:
            self.signalenpaneel.zet_signalen(signalen(sessie, self.instellingen.drempels,
                                                      rijen=self.model.alle_rijen()))

    def toon_signaal(self, titel: str, codes) -> None:
        """Show only a signal's measures: the filters are cleared, so that all of them show."""
        self.toon_pagina(self.MAATREGELEN)
        self._signaal = None
        self.filterpaneel.wis()
        self._signaal = (titel, frozenset(codes))
        self._toon_signaalknop(True)
        self.pas_filter_toe(self.filterpaneel.filter())

    def hef_signaal_op(self) -> None:
        if self._signaal is not None:
            self._signaal = None
            self._toon_signaalknop(False)
            self.pas_filter_toe(self.filterpaneel.filter())

    def _toon_signaalknop(self, zichtbaar: bool) -> None:
        self.actie_signaal_opheffen.setVisible(zichtbaar)
        self.signaalknop.setVisible(zichtbaar)  # a tool button does not follow its action's visibility

    def wis_filters(self) -> None:
        self.hef_signaal_op()
        self.filterpaneel.wis()

    def _toon_aanbevelingen_van_signaal(self, titel: str, codes) -> None:
        self.toon_pagina(self.AANBEVELINGEN)
        self.aanbevelingen.zorg().toon_signaal(titel, codes)

    # --- pages and going back ------------------------------------------------------------------------------------

    def toon_pagina(self, index: int) -> None:
        self.paginas.setCurrentIndex(index)

    def _pagina_gewijzigd(self, index: int) -> None:
        """The filters belong to the register page: hidden on the others, back as the user left them."""
        op_register = index == self.MAATREGELEN
        if op_register:
            if self._filterdock_was_zichtbaar is not None:
                self.filterdock.setVisible(self._filterdock_was_zichtbaar)
                self._filterdock_was_zichtbaar = None
        elif self._filterdock_was_zichtbaar is None:
            self._filterdock_was_zichtbaar = self.filterdock.isVisible()
            self.filterdock.hide()
        self._werk_acties_bij()

    def _paginas_verouderd(self, behalve=None) -> None:
        """Data changed: pages showing it reread now if visible, else when next shown."""
        for lui in self._luie_paginas():
            if lui.pagina is not behalve:
                lui.markeer_verouderd()

    def _aanbevelingen_gewijzigd(self, maatregelcodes) -> None:
        """A decision or link on the recommendations page: signals, the measure's tab and the dashboard follow."""
        self.ververs_signalen()
        self._paginas_verouderd(behalve=self.aanbevelingen.pagina)
        if self._huidige_code and self._huidige_code in tuple(maatregelcodes or ()):
            self.detail.ververs_aanbevelingen()

    def _prioritering_gewijzigd(self) -> None:
        """A decision, a hand-set rank or a saved scenario was written: the rows of the measures it changed are
        reread (their version went up), and the measure shown too when it has no unsaved edits. Capacities are
        not in the table: a change of capacity alone rereads nothing here."""
        pagina = self.prioritering.pagina
        codes = list(pagina.gewijzigde_codes) if pagina is not None else []
        if codes:
            self._ververs_maatregelen(codes, behalve=pagina)
        else:
            self._paginas_verouderd(behalve=pagina)
        if self._huidige_code in codes and not self.detail.is_gewijzigd():
            self._toon_maatregel(self._huidige_code)

    def _werk_terug_bij(self) -> None:
        """The action names where it goes: the item, or else the page."""
        self.actie_terug.setEnabled(bool(self._terug))
        if not self._terug:
            self.actie_terug.setText(self.tr("Te&rug"))
            return
        pagina, code = self._terug[-1]
        self.actie_terug.setText(self.tr("Te&rug naar %s") % (code or self.paginas.tabText(pagina)))

    def _onthoud_terug(self, pagina: int, code: str | None) -> None:
        self._terug.append((pagina, code))
        del self._terug[:-20]
        self._werk_terug_bij()

    def _open_maatregel(self, code: str, vanaf: int, vanaf_code: str | None) -> None:
        """Jump to a measure from another page; Alt+Left comes back. Unsaved edits of the measure shown are
        settled first, on the page the user is on (choosing to stay keeps everything as it was)."""
        if self._huidige_code != code and not self.detail.mag_verlaten():
            return
        self.toon_pagina(self.MAATREGELEN)
        if self.selecteer(code):
            self._onthoud_terug(vanaf, vanaf_code)
        else:
            self.toon_pagina(vanaf)
            vragen.meld_fout(self, self.tr("Maatregel openen"),
                             self.tr("Maatregel %s staat niet (meer) in het register.") % code)

    def _open_aanbeveling(self, code: str, vanaf: int, vanaf_code: str | None) -> None:
        self.toon_pagina(self.AANBEVELINGEN)
        if self.aanbevelingen.zorg().selecteer(code):
            self._onthoud_terug(vanaf, vanaf_code)
        else:  # the user stayed with an unsaved decision, or the recommendation is gone
            self.toon_pagina(vanaf)

    def ga_terug(self) -> None:
        if not self._terug:
            return
        pagina, code = self._terug.pop()
        self._werk_terug_bij()
        self.toon_pagina(pagina)
        if code is None:
            return
        if pagina == self.MAATREGELEN:
            self.selecteer(code)
        elif pagina == self.AANBEVELINGEN:
            self.aanbevelingen.zorg().selecteer(code)
        elif pagina == self.PRIORITERING:
            self.prioritering.zorg().selecteer(code)

    def toon_sneltoetsen(self) -> None:
        vragen.meld(self, self.tr("Sneltoetsen"), SNELTOETSEN)

    def toon_over(self) -> None:
        vragen.meld(self, self.tr("Over Maatregelenregister"), self.tr(
            "Maatregelenregister Toeslagen\n\nHet overzicht van de verbetermaatregelen voor het toeslagenstelsel, "
            "met hun status, historie, IV-afhankelijkheden, effectmetingen en aanbevelingen.\n\nDatabase: %s")
            % self.register.omschrijving)

    def _contextmenu(self, positie) -> None:
        if not self.tabel.indexAt(positie).isValid():
            return
        menu = QMenu(self)
        menu.addActions([self.actie_status, self.actie_dupliceren])
        menu.addSeparator()
        kopieer = menu.addAction(self.tr("Code(s) kopiëren"))
        kopieer.triggered.connect(lambda: QGuiApplication.clipboard().setText("\n".join(self.geselecteerde_codes())))
        menu.addSeparator()
        menu.addActions([self.actie_archiveren, self.actie_terugzetten])
        menu.popup(self.tabel.viewport().mapToGlobal(positie))

    # --- window state --------------------------------------------------------------------------------------------

    def _werk_titel_bij(self) -> None:
        self.setWindowTitle(self.tr("Maatregelenregister Toeslagen — %s[*]") % self.register.omschrijving)
        self.setWindowModified(self.detail.is_gewijzigd())
        self.paginas.setTabText(self.MAATREGELEN, self.tr("Maatregelen *") if self.detail.is_gewijzigd()
                                else self.tr("Maatregelen"))
        self.databaselabel.setText(self.register.omschrijving)

    def _werk_tellingen_bij(self) -> None:
        zichtbaar = self.model.rowCount()
        totaal = self.model.aantal_alle() if self._filter.met_gearchiveerd else self.model.aantal_totaal()
        tekst = self.tr("%1 van %2 maatregelen").replace("%1", str(zichtbaar)).replace("%2", str(totaal))
        tekst += " · " + self.tr("%n met IV-blokkade", "", self.model.aantal_iv_blokkade())
        if self._signaal is not None:
            tekst = self.tr("Signaal „%s”") % self._signaal[0] + " · " + tekst
        self.tellingen.setText(tekst)

    def _werk_acties_bij(self) -> None:
        # On another page the measure actions would act on a table the user cannot see.
        op_register = self.paginas.currentIndex() == self.MAATREGELEN
        rijen = self._geselecteerde_rijen() if self.tabel.selectionModel() and op_register else []
        gewijzigd = self.detail.is_gewijzigd()
        # Unsaved measure edits can be saved from any page (the tab is marked); a decision on its own page.
        op_aanbevelingen = self.paginas.currentIndex() == self.AANBEVELINGEN
        self.actie_opslaan.setEnabled(gewijzigd or op_aanbevelingen)
        self.actie_herstellen.setEnabled(gewijzigd and op_register)
        self.actie_status.setEnabled(op_register and (bool(rijen) or self._huidige_code is not None))
        self.actie_dupliceren.setEnabled(op_register and self._huidige_code is not None)
        self.actie_archiveren.setEnabled(any(not r.gearchiveerd for r in rijen))
        self.actie_terugzetten.setEnabled(any(r.gearchiveerd for r in rijen))

    def _herstel_vensterstand(self) -> None:
        s = self.instellingen
        if (g := s.bytes("geometrie")) is None or not self.restoreGeometry(g):
            scherm = QGuiApplication.primaryScreen().availableGeometry()
            self.resize(min(1500, scherm.width() - 40), min(900, scherm.height() - 60))
        if (st := s.bytes("stand")) is not None:
            self.restoreState(st)
        if (k := s.bytes("kolommen")) is not None:
            self.tabel.horizontalHeader().restoreState(k)
        if (sp := s.bytes("splitter")) is not None:
            self.splitter.restoreState(sp)
        else:
            breedte = self.width() - self.filterdock.width()
            self.splitter.setSizes([int(breedte * 0.56), int(breedte * 0.44)])
        laatste = s.laatste_filter
        self.filterpaneel.zet_filter(laatste)
        self.pas_filter_toe(self.filterpaneel.filter())
        # The first measure's details load just after the window is first painted: the table shows sooner.
        QTimer.singleShot(0, self._kies_eerste_rij)

    def _kies_eerste_rij(self) -> None:
        self.model.laad_zoekteksten()  # so that the first keystroke in the search box is as quick as the rest
        self.ververs_signalen()
        if self._huidige_code is None and self.model.rowCount() and not self.tabel.selectionModel().hasSelection():
            self._kies_rij(0)

    def bewaar_vensterstand(self) -> None:
        s = self.instellingen
        s.zet_bytes("geometrie", self.saveGeometry())
        verborgen = self._filterdock_was_zichtbaar
        if verborgen:  # hidden only because another page shows: remember it as the user left it
            self.filterdock.setVisible(True)
        s.zet_bytes("stand", self.saveState())
        if verborgen:
            self.filterdock.setVisible(False)
        s.zet_bytes("kolommen", self.tabel.horizontalHeader().saveState())
        s.zet_bytes("splitter", self.splitter.saveState())
        s.laatste_filter = self._filter
        s.bewaar()

    def _alles_mag_verlaten(self, scenario: bool = True) -> bool:
        """Unsaved edits anywhere (measure details, a recommendation's decision) are saved, dropped or kept; with
        `scenario`, a prioritering scenario not saved as a decision is dropped or kept too."""
        if not self.detail.mag_verlaten():
            self.toon_pagina(self.MAATREGELEN)
            return False
        pagina = self.aanbevelingen.pagina
        if pagina is not None and not pagina.mag_verlaten():
            self.toon_pagina(self.AANBEVELINGEN)
            return False
        pagina = self.prioritering.pagina
        if scenario and pagina is not None and not pagina.mag_verlaten():  # a scenario not saved as a decision
            self.toon_pagina(self.PRIORITERING)
            return False
        return True

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._alles_mag_verlaten() or not self._export_mag_stoppen():
            event.ignore()
            return
        self._sluit_rapportdialoog()
        self._wacht_op_excelexport()
        self.bewaar_vensterstand()
        event.accept()

