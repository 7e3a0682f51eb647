"""The Prioritering view (issue 9): the ranking of open measures, the fit into IV capacity, and scenarios.

The page reads the register once (`lees_invoer`) and computes everything else in Python: a scenario change (a
capacity or a measure's input) makes a new immutable `Scenario`, recomputes its plan beside the current one and
resets the models (`werk_bij`, ≤ 100 ms for 10,000 measures). Nothing is written until the user saves the scenario
as a decision (`bewaar_scenario`, one unit of work); a decision on one measure and a hand-set rank are written at
once through their own dialogs.
"""

from collections import Counter
from collections.abc import Callable
from operator import attrgetter
from dataclasses import replace

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QFormLayout, QFrame, QGroupBox, QHBoxLayout,
                               QHeaderView, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QScrollArea, QSizePolicy,
                               QSplitter, QTableView, QTabWidget, QVBoxLayout, QWidget)

from registry.fouten import ConflictFout, RegisterFout, ValidatieFout
from registry.maatregel import GETALVELDEN, controleer_weken, weken_als_tekst
from registry.prioritering.besluit import besluit_van, besluiten, leg_prioriteit_vast, rang_van, zet_rang
from registry.prioritering.capaciteit import keten_sleutel
from registry.prioritering.inpassing import maak_plan
from registry.prioritering.invoer import lees_invoer
from registry.prioritering.model import (Capaciteitsvak, Plan, Prioinvoer, Prioriteringsinvoer, Scenario,
                                         Verschuiving)
from registry.prioritering.scenario import (aantal_wijzigingen, bewaar_scenario, beschrijf, gevolgen, met_capaciteit,
                                            met_invoer, pas_toe, vergelijk)
from registry.vocabulaire import EFFECT_BASIS, IV_OMVANG, VERWACHT_EFFECT, Vocabulaire
from ui import vragen
from ui.conflictdialoog import ConflictDialoog
from ui.foutlabel import foutlabel, toon_melding
from ui.prioriteringsdialogen import BesluitDialoog, CapaciteitDialoog, OpslaanDialoog, RangDialoog
from ui.prioriteringsmodellen import (BESLUITUITLEG, BesluitenModel, CapaciteitModel, KringlopenModel,
                                      MaatregelbesluitenModel, PlanModel, RangordeModel, UitkomstenModel,
                                      VerschuivingenModel, besluit_tekst)
from ui.tabelweergave import alleen_lezen_tabel

#: The tabs of the lists below the ranking.
PLAN_TAB, PASTNIET_TAB, GEBLOKKEERD_TAB, KRINGLOPEN_TAB, VERSCHUIVINGEN_TAB, MAATREGELBESLUITEN_TAB, SCENARIOS_TAB \
    = range(7)
_PLANLIJSTEN = range(PLAN_TAB, VERSCHUIVINGEN_TAB + 1)  # the lists that follow the plan in view

def _tabel(model, naam: str, beschrijving: str = "") -> QTableView:
    """A read-only table: fixed row heights (the view never measures 10,000 rows), interactive column widths."""
    tabel = alleen_lezen_tabel(model, naam, beschrijving)
    tabel.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    tabel.verticalHeader().setDefaultSectionSize(tabel.fontMetrics().lineSpacing() + 8)
    kop = tabel.horizontalHeader()
    kop.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    kop.setHighlightSections(False)
    kop.setStretchLastSection(True)
    return tabel


def _geen_iv(plan: Plan) -> frozenset[int]:
    """The measures the plan says need no IV capacity."""
    return frozenset(i for i, u in plan.uitkomsten.items() if u.soort == "geen_iv")


def _vakvolgorde(vak: Capaciteitsvak) -> tuple:
    """Slots as the plan lists them: by period, then chain."""
    return vak.periode.van, vak.periode.tot, vak.keten_sleutel


def _breedtes(tabel: QTableView, tekens: list[int]) -> None:
    teken = tabel.fontMetrics().averageCharWidth()
    for kolom, n in enumerate(tekens):
        tabel.setColumnWidth(kolom, teken * n + 12)


class PrioriteringsPagina(QWidget):
    """Ranking, capacity, the selected measure's inputs and decision, and the plan's lists; scenarios on top."""

    maatregelGekozen = Signal(str)  # Enter or a double-click on a measure: the window opens it
    gewijzigd = Signal()  # after something was written to the register (`gewijzigde_codes` says which measures)

    def __init__(self, register, gebruiker: Callable[[], str], parent: QWidget | None = None):
        super().__init__(parent)
        self._gebruiker = gebruiker
        self._invoer: Prioriteringsinvoer | None = None
        self._per_id: dict[int, Prioinvoer] = {}
        self._plan: Plan | None = None  # the register's plan; recomputed only when the register is reread
        self._scenario = Scenario()
        self._vorige: list[Scenario] = []  # for Ongedaan maken (Ctrl+Z)
        self._register = register
        self.gewijzigde_codes: tuple[str, ...] = ()  # the measures the last write changed (capacities are no measure)
        self._scenarioplan: Plan | None = None
        self._verschuivingen: tuple[Verschuiving, ...] = ()
        self._gekozen_id: int | None = None  # the measure whose inputs the panel shows
        self._laden = False  # True while the page fills widgets itself
        self._lijsten_verouderd: set[int] = set()  # the plan's lists not yet filled for the plan in view
        self._splitters_gezet = False
        self._capaciteitkolommen_voor: int | None = None  # the slot count the capacity columns were fitted to
        self._ketens_van: tuple[Plan | None, dict[str, str]] = (None, {})  # the chains, for the register's plan
        self._geen_iv_van: tuple[Plan | None, frozenset[int]] = (None, frozenset())  # for the register's plan
        self._tellingen_van: tuple[Plan | None, dict[str, int]] = (None, {})  # the register's plan's, unfiltered

        self._bouw()
        self.ververs()

    # --- building ---------------------------------------------------------------------------------------------------

    def _bouw(self) -> None:
        laag = QVBoxLayout(self)
        laag.setContentsMargins(4, 4, 4, 4)

        kop = QHBoxLayout()
        self.samenvatting = QLabel(self)
        self.samenvatting.setTextFormat(Qt.TextFormat.PlainText)
        self.samenvatting.setAccessibleName(self.tr("Samenvatting van het plan"))
        self.samenvatting.setWordWrap(True)
        self.ketenkeuze = QComboBox(self)
        self.ketenkeuze.setAccessibleName(self.tr("Filter op IV-keten"))
        self.ketenkeuze.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.ketenkeuze.setMinimumContentsLength(16)
        ketenlabel = QLabel(self.tr("IV-&keten:"), self)
        ketenlabel.setBuddy(self.ketenkeuze)
        self.alleen_iv = QCheckBox(self.tr("&Alleen maatregelen die IV-capaciteit vragen"), self)
        self.alleen_iv.setChecked(True)
        self.alleen_iv.setToolTip(self.tr("Maatregelen die geen IV-capaciteit nodig hebben niet in de rangorde tonen; "
                                          "de samenvatting telt ze wel mee"))
        kop.addWidget(self.samenvatting, 1)
        kop.addWidget(self.alleen_iv)
        kop.addSpacing(12)
        kop.addWidget(ketenlabel)
        kop.addWidget(self.ketenkeuze)
        laag.addLayout(kop)

        laag.addWidget(self._bouw_scenariobalk())

        self.hoofdsplitter = QSplitter(Qt.Orientation.Vertical, self)
        self.hoofdsplitter.setChildrenCollapsible(False)
        boven = QSplitter(Qt.Orientation.Horizontal, self.hoofdsplitter)
        boven.setChildrenCollapsible(False)
        boven.addWidget(self._bouw_rangorde())
        boven.addWidget(self._bouw_zijkant())
        boven.setStretchFactor(0, 3)
        boven.setStretchFactor(1, 2)
        self.bovensplitter = boven
        self.hoofdsplitter.addWidget(boven)
        self.hoofdsplitter.addWidget(self._bouw_lijsten())
        self.hoofdsplitter.setStretchFactor(0, 3)
        self.hoofdsplitter.setStretchFactor(1, 2)
        laag.addWidget(self.hoofdsplitter, 1)

        self.ketenkeuze.currentIndexChanged.connect(lambda _: self._toon())
        self.alleen_iv.toggled.connect(lambda _: self._toon())
        ongedaan = QShortcut(QKeySequence(QKeySequence.StandardKey.Undo), self)
        ongedaan.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        ongedaan.activated.connect(self.maak_ongedaan)


    def _bouw_scenariobalk(self) -> QFrame:
        """Shown while a scenario is tried: what it changes, and saving, discarding or undoing it."""
        balk = QFrame(self)
        balk.setFrameShape(QFrame.Shape.StyledPanel)
        balk.setStyleSheet("QFrame#scenariobalk { background: #fff4e5; }")
        balk.setObjectName("scenariobalk")
        rij = QHBoxLayout(balk)
        rij.setContentsMargins(6, 2, 6, 2)
        self.scenariolabel = QLabel(balk)
        self.scenariolabel.setTextFormat(Qt.TextFormat.PlainText)
        self.scenariolabel.setAccessibleName(self.tr("Scenario"))
        self.knop_opslaan = QPushButton(self.tr("Op&slaan als besluit…"), balk)
        self.knop_opslaan.setToolTip(self.tr("De wijzigingen van het scenario in het register vastleggen, met een "
                                             "motivatie"))
        self.knop_verwerpen = QPushButton(self.tr("Verwerpe&n"), balk)
        self.knop_verwerpen.setToolTip(self.tr("Het scenario weggooien; het register blijft zoals het is"))
        self.knop_ongedaan = QPushButton(self.tr("Ongedaan &maken"), balk)
        self.knop_ongedaan.setToolTip(self.tr("De laatste wijziging van het scenario terugdraaien (Ctrl+Z)"))
        rij.addWidget(self.scenariolabel, 1)
        for knop in (self.knop_opslaan, self.knop_verwerpen, self.knop_ongedaan):
            rij.addWidget(knop)
        self.knop_opslaan.clicked.connect(self.sla_scenario_op)
        self.knop_verwerpen.clicked.connect(self.verwerp_scenario)
        self.knop_ongedaan.clicked.connect(self.maak_ongedaan)
        balk.hide()
        self.scenariobalk = balk
        return balk

    def _bouw_rangorde(self) -> QWidget:
        kant = QWidget(self)
        laag = QVBoxLayout(kant)
        laag.setContentsMargins(0, 0, 0, 0)
        kop = QHBoxLayout()
        label = QLabel(self.tr("&Rangorde van de open maatregelen"), kant)
        self.rangtelling = QLabel(kant)
        self.rangtelling.setAccessibleName(self.tr("Aantal maatregelen in de rangorde"))
        kop.addWidget(label)
        kop.addStretch(1)
        kop.addWidget(self.rangtelling)
        laag.addLayout(kop)

        self.model = RangordeModel(self)
        self.tabel = _tabel(self.model, self.tr("Rangorde"),
                            self.tr("De open maatregelen op volgorde van prioriteit. Enter of dubbelklik opent de "
                                    "maatregel."))
        label.setBuddy(self.tabel)
        self.tabel.horizontalHeader().setSortIndicator(RangordeModel.RANG, Qt.SortOrder.AscendingOrder)
        self.tabel.setSortingEnabled(True)
        self.tabel.horizontalHeader().setStretchLastSection(False)
        # What a reader decides on fits a laptop's screen (Rang … Besluit, and the reason filling what is left, in
        # full in its tooltip); the score's parts follow to the right.
        _breedtes(self.tabel, [4, 4, 6, 18, 16, 20, 5, 5, 40, 18, 7, 13, 8, 20])
        kopletter = self.tabel.horizontalHeader().fontMetrics()
        for kolom in (RangordeModel.RANG, RangordeModel.RANG_KETEN, RangordeModel.SCORE, RangordeModel.BESLUIT):
            tekst = self.model.headerData(kolom, Qt.Orientation.Horizontal)
            self.tabel.setColumnWidth(kolom, max(self.tabel.columnWidth(kolom), kopletter.size(0, tekst).width() + 22))
        self.tabel.setColumnHidden(RangordeModel.SCENARIO, True)
        self.tabel.viewport().installEventFilter(self)
        self.tabel.selectionModel().currentRowChanged.connect(self._rij_gekozen)
        self.tabel.activated.connect(self._geactiveerd)
        laag.addWidget(self.tabel, 1)
        return kant

    def _bouw_zijkant(self) -> QWidget:
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setMinimumWidth(320)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        inhoud = QWidget(scroll)
        laag = QVBoxLayout(inhoud)
        laag.setContentsMargins(6, 0, 0, 0)
        laag.addWidget(self._bouw_capaciteit(inhoud))  # the page's main input: always in view
        laag.addWidget(self._bouw_invoer(inhoud))
        laag.addStretch(1)
        scroll.setWidget(inhoud)
        self.zijkant = scroll
        return scroll

    def _keuze(self, ouder: QWidget, vocabulaire: Vocabulaire, naam: str) -> QComboBox:
        keuze = QComboBox(ouder)
        keuze.addItem(self.tr("(onbekend)"), None)
        for term in vocabulaire.termen:
            keuze.addItem(term.label, term.code)
        keuze.setAccessibleName(naam)
        # As narrow as the side panel allows: a long label is cut in the box, never the panel.
        keuze.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        keuze.setMinimumContentsLength(8)
        return keuze

    def _bouw_invoer(self, ouder: QWidget) -> QGroupBox:
        groep = QGroupBox(self.tr("Gekozen maatregel"), ouder)
        laag = QVBoxLayout(groep)
        self.maatregeltitel = QLabel(groep)
        self.maatregeltitel.setTextFormat(Qt.TextFormat.PlainText)
        self.maatregeltitel.setWordWrap(True)
        vet = self.maatregeltitel.font()
        vet.setBold(True)
        self.maatregeltitel.setFont(vet)
        laag.addWidget(self.maatregeltitel)

        vorm = QFormLayout()
        vorm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.effect = self._keuze(groep, VERWACHT_EFFECT, self.tr("Verwacht effect"))
        self.basis = self._keuze(groep, EFFECT_BASIS, self.tr("Onderbouwing van het effect"))
        self.omvang = self._keuze(groep, IV_OMVANG, self.tr("Omvang van de IV-inspanning"))
        self.iv_weken = QLineEdit(groep)
        self.iv_weken.setAccessibleName(self.tr("IV-weken"))
        self.iv_weken.setPlaceholderText(self.tr("bijv. 12 of 2,5; leeg: volgens omvang"))
        self.personeel = QLineEdit(groep)
        self.personeel.setAccessibleName(self.tr("Personeel in weken"))
        self.personeel.setPlaceholderText(self.tr("bijv. 8"))
        self.veldfout = {"iv_weken": foutlabel(groep), "personeel_weken": foutlabel(groep)}
        self.invoervelden: dict[str, QWidget] = {"verwacht_effect": self.effect, "effect_basis": self.basis,
                                                 "iv_weken": self.iv_weken, "iv_omvang": self.omvang,
                                                 "personeel_weken": self.personeel}
        for tekst, veld in ((self.tr("Verwacht &effect:"), "verwacht_effect"),
                            (self.tr("&Onderbouwing:"), "effect_basis"),
                            (self.tr("&IV-weken:"), "iv_weken"),
                            (self.tr("Om&vang:"), "iv_omvang"),
                            (self.tr("&Personeel (weken):"), "personeel_weken")):
            widget = self.invoervelden[veld]
            label = QLabel(tekst, groep)
            label.setBuddy(widget)
            if veld in self.veldfout:
                kolom = QVBoxLayout()
                kolom.setSpacing(2)
                kolom.addWidget(widget)
                kolom.addWidget(self.veldfout[veld])
                vorm.addRow(label, kolom)
            else:
                vorm.addRow(label, widget)
        laag.addLayout(vorm)
        uitleg = QLabel(self.tr("Wijzigingen hier gaan in het scenario; het register verandert pas bij "
                                "‘Opslaan als besluit’."), groep)
        uitleg.setWordWrap(True)
        uitleg.setStyleSheet("QLabel { color: #555555; }")
        laag.addWidget(uitleg)

        self.gegevens: dict[str, QLabel] = {}
        gegevens = QFormLayout()
        gegevens.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for sleutel, tekst in (("plan", self.tr("Plan:")), ("besluit", self.tr("Besluit:")),
                               ("rang", self.tr("Handmatige rang:")), ("afhankelijk", self.tr("Hangt af van:"))):
            waarde = QLabel(groep)
            waarde.setTextFormat(Qt.TextFormat.PlainText)
            waarde.setWordWrap(True)
            waarde.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            waarde.setAccessibleName(tekst.rstrip(":"))
            gegevens.addRow(QLabel(tekst, groep), waarde)
            self.gegevens[sleutel] = waarde
        laag.addLayout(gegevens)

        knoppen = QHBoxLayout()
        self.knop_besluit = QPushButton(self.tr("Besl&uit vastleggen…"), groep)
        self.knop_besluit.setToolTip(self.tr("Prioriteit nu, later of niet vastleggen, met motivatie (direct in het "
                                             "register).") + "\n" + BESLUITUITLEG)
        self.knop_rang = QPushButton(self.tr("Ran&g aanpassen…"), groep)
        self.knop_rang.setToolTip(self.tr("De plaats in de rangorde met de hand zetten, met motivatie (direct in het "
                                          "register)"))
        knoppen.addWidget(self.knop_besluit)
        knoppen.addWidget(self.knop_rang)
        knoppen.addStretch(1)
        laag.addLayout(knoppen)
        self.knop_besluit.clicked.connect(self.leg_besluit_vast)
        self.knop_rang.clicked.connect(self.pas_rang_aan)

        for veld in ("verwacht_effect", "effect_basis", "iv_omvang"):
            self.invoervelden[veld].activated.connect(lambda _i, v=veld: self._keuze_gewijzigd(v))
        for veld in ("iv_weken", "personeel_weken"):
            veldwidget: QLineEdit = self.invoervelden[veld]
            veldwidget.textEdited.connect(lambda _t, v=veld: self._controleer_weken(v))
            veldwidget.editingFinished.connect(lambda v=veld: self._weken_gewijzigd(v))
        self.invoergroep = groep
        return groep

    def _bouw_capaciteit(self, ouder: QWidget) -> QGroupBox:
        groep = QGroupBox(self.tr("IV-capaciteit"), ouder)
        laag = QVBoxLayout(groep)
        self.capaciteitmodel = CapaciteitModel(self)
        self.capaciteitmodel.bewerker = self._capaciteit_bewerkt
        self.capaciteittabel = _tabel(self.capaciteitmodel, self.tr("Capaciteit per keten en periode"),
                                      self.tr("F2 wijzigt de capaciteit; dat gaat in het scenario."))
        self.capaciteittabel.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                             | QAbstractItemView.EditTrigger.EditKeyPressed
                                             | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.capaciteittabel.setColumnHidden(CapaciteitModel.HUIDIG_, True)
        self.capaciteittabel.horizontalHeader().setStretchLastSection(False)
        # As wide as the panel, never wider: a narrow window scrolls the table, not the panel. As high as its rows
        # (up to a few), so that the chosen measure follows right under it.
        self.capaciteittabel.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        # The buttons and a refusal right under the title: seen without scrolling, whatever the number of slots.
        knoppen = QHBoxLayout()
        label = QLabel(self.tr("&Capaciteit (IV-weken):"), groep)
        label.setBuddy(self.capaciteittabel)
        self.knop_periode = QPushButton(self.tr("Perio&de toevoegen…"), groep)
        self.knop_periode.setToolTip(self.tr("Capaciteit voor een keten in een periode toevoegen (in het scenario)"))
        self.knop_verwijder = QPushButton(self.tr("Verwi&jderen"), groep)
        self.knop_verwijder.setToolTip(self.tr("De gekozen capaciteit weghalen (in het scenario)"))
        knoppen.addWidget(self.knop_periode)
        knoppen.addWidget(self.knop_verwijder)
        knoppen.addStretch(1)
        laag.addLayout(knoppen)
        self.capaciteitfout = foutlabel(groep)
        laag.addWidget(self.capaciteitfout)
        laag.addWidget(label)
        laag.addWidget(self.capaciteittabel)
        self.knop_periode.clicked.connect(self.voeg_periode_toe)
        self.knop_verwijder.clicked.connect(self.verwijder_capaciteit)
        self.capaciteittabel.selectionModel().currentRowChanged.connect(lambda *_: self._werk_knoppen_bij())
        return groep

    def _bouw_lijsten(self) -> QTabWidget:
        self.lijsten = QTabWidget(self)
        self.lijsten.setAccessibleName(self.tr("Plan en lijsten"))
        self.planmodel = PlanModel(self)
        self.plantabel = _tabel(self.planmodel, self.tr("Plan per keten en periode"))
        _breedtes(self.plantabel, [18, 9, 9, 8, 7])
        self.pastnietmodel = UitkomstenModel(self)
        self.pastniettabel = _tabel(self.pastnietmodel, self.tr("Maatregelen die niet passen"),
                                    self.tr("Enter of dubbelklik opent de maatregel."))
        self.geblokkeerdmodel = UitkomstenModel(self)
        self.geblokkeerdtabel = _tabel(self.geblokkeerdmodel, self.tr("IV-geblokkeerd zonder capaciteit"),
                                       self.tr("Enter of dubbelklik opent de maatregel."))
        for tabel in (self.pastniettabel, self.geblokkeerdtabel):
            _breedtes(tabel, [5, 8, 30, 16, 8, 14])
        self.kringloopmodel = KringlopenModel(self)
        self.kringlooptabel = _tabel(self.kringloopmodel, self.tr("Kringlopen in afhankelijkheden"))
        _breedtes(self.kringlooptabel, [50])
        self.verschuivingmodel = VerschuivingenModel(self)
        self.verschuivingtabel = _tabel(self.verschuivingmodel, self.tr("Verschuivingen in het scenario"),
                                        self.tr("Enter of dubbelklik opent de maatregel."))
        _breedtes(self.verschuivingtabel, [7, 30, 14, 20, 20])

        self.maatregelbesluitenmodel = MaatregelbesluitenModel(self)
        self.maatregelbesluitentabel = _tabel(self.maatregelbesluitenmodel, self.tr("Besluiten per maatregel"),
                                              self.tr("Prioriteiten en handmatige rangen met motivatie, datum en wie. "
                                                      "Enter of dubbelklik opent de maatregel."))
        _breedtes(self.maatregelbesluitentabel, [7, 30, 9, 50, 12])
        self.maatregelbesluitentabel.setSortingEnabled(True)
        self.maatregelbesluitentabel.horizontalHeader().setSortIndicatorShown(False)

        self.besluitenmodel = BesluitenModel(self)
        self.besluitentabel = _tabel(self.besluitenmodel, self.tr("Vastgelegde scenario's"))
        _breedtes(self.besluitentabel, [10, 14, 40, 10])
        self.besluittekst = QPlainTextEdit(self)
        self.besluittekst.setReadOnly(True)
        self.besluittekst.setTabChangesFocus(True)
        self.besluittekst.setAccessibleName(self.tr("Het gekozen besluit"))
        besluiten_ = QSplitter(Qt.Orientation.Horizontal, self)
        besluiten_.addWidget(self.besluitentabel)
        besluiten_.addWidget(self.besluittekst)
        besluiten_.setStretchFactor(0, 1)
        besluiten_.setStretchFactor(1, 1)
        self.besluitentabel.selectionModel().currentRowChanged.connect(self._besluit_gekozen)

        for widget in (self.plantabel, self.pastniettabel, self.geblokkeerdtabel, self.kringlooptabel,
                       self.verschuivingtabel, self.maatregelbesluitentabel, besluiten_):
            self.lijsten.addTab(widget, "")
        self.lijsten.currentChanged.connect(self._vul_lijst)
        for tabel in (self.pastniettabel, self.geblokkeerdtabel):
            tabel.activated.connect(lambda index, t=tabel: self._open_uit(t.model().rij(index.row())[0]
                                                                          .maatregel.code))
        self.verschuivingtabel.activated.connect(
            lambda index: self._open_uit(self.verschuivingmodel.rij(index.row()).code))
        self.maatregelbesluitentabel.activated.connect(
            lambda index: self._open_uit(self.maatregelbesluitenmodel.rij(index.row())[0].code))
        return self.lijsten

    # --- reading ----------------------------------------------------------------------------------------------------

    @property
    def register(self):
        return self._register

    @register.setter
    def register(self, register) -> None:
        """Another database (the window switched): a scenario names that other register's measures, so it goes."""
        if register is not self._register:
            self._scenario = Scenario()
            self._vorige.clear()
            self._gekozen_id = None
        self._register = register

    def ververs(self) -> None:
        """Reread the register and recompute; the scenario, the chain filter and the chosen measure stay."""
        with self.register.sessie() as sessie:
            invoer = lees_invoer(sessie)
            besluitrijen = besluiten(sessie)
        self._invoer = invoer
        self._per_id = {m.id: m for m in invoer.maatregelen}
        self._plan = None
        bestaand = {i: v for i, v in self._scenario.invoer.items() if i in self._per_id}
        if len(bestaand) != len(self._scenario.invoer):  # a measure that is gone has nothing left to try
            self._scenario = replace(self._scenario, invoer=bestaand)
        maatregelbesluiten = MaatregelbesluitenModel.rijen_uit(invoer.maatregelen)
        self.maatregelbesluitenmodel.zet_rijen(maatregelbesluiten)
        self.lijsten.setTabText(MAATREGELBESLUITEN_TAB, self.tr("Besluiten per maatregel (%d)")
                                % len(maatregelbesluiten))
        self.besluitenmodel.zet_rijen(besluitrijen)
        self.lijsten.setTabText(SCENARIOS_TAB, self.tr("Vastgelegde scenario's (%d)") % len(besluitrijen))
        if besluitrijen and not self.besluitentabel.currentIndex().isValid():
            self.besluitentabel.selectRow(0)
        self.werk_bij()

    def werk_bij(self) -> None:
        """Recompute the scenario's plan (the register's only after a reread) and refresh every model."""
        if self._invoer is None:
            return
        if self._plan is None:
            self._plan = maak_plan(self._invoer)
        if self._scenario.is_leeg:
            self._scenarioplan, self._verschuivingen = None, ()
        else:
            self._scenarioplan = maak_plan(pas_toe(self._invoer, self._scenario))
            self._verschuivingen = vergelijk(self._plan, self._scenarioplan)
        self._vul_ketenkeuze()
        self._toon()

    def _ketens(self) -> dict[str, str]:
        """keten_sleutel → the chain's one spelling (the plan's), for each chain with an open measure or a capacity."""
        if self._ketens_van[0] is not self._plan:  # the measures' chains change only on a reread
            sleutels = {r.maatregel.keten_sleutel for r in self._plan.rangorde} | {v.keten_sleutel
                                                                                 for v in self._plan.vakken}
            self._ketens_van = (self._plan, {s: self._plan.ketennamen.get(s, s) for s in sleutels if s})
        ketens = dict(self._ketens_van[1])
        if self._scenarioplan is not None:  # a scenario adds slots, and may name a chain anew
            for sleutel in {v.keten_sleutel for v in self._scenarioplan.vakken} | set(ketens):
                ketens[sleutel] = self._scenarioplan.ketennamen.get(sleutel, ketens.get(sleutel, sleutel))
        return ketens

    def _vul_ketenkeuze(self) -> None:
        ketens = self._ketens()
        items = [(None, self.tr("Alle ketens"))] + sorted(ketens.items(), key=lambda p: p[1].casefold())
        if [(self.ketenkeuze.itemData(i), self.ketenkeuze.itemText(i)) for i in range(self.ketenkeuze.count())] \
                == items:
            return
        gekozen = self.ketenkeuze.currentData()
        self.ketenkeuze.blockSignals(True)
        try:
            self.ketenkeuze.clear()
            for sleutel, tekst in items:
                self.ketenkeuze.addItem(tekst, sleutel)
            self.ketenkeuze.setCurrentIndex(max(0, self.ketenkeuze.findData(gekozen)) if gekozen else 0)
        finally:
            self.ketenkeuze.blockSignals(False)

    def keten_filter(self) -> str | None:
        """The keten_sleutel the page is narrowed to, or None for all chains."""
        return self.ketenkeuze.currentData()

    def zet_keten_filter(self, keten: str | None) -> None:
        self.ketenkeuze.setCurrentIndex(max(0, self.ketenkeuze.findData(keten_sleutel(keten) if keten else None)))

    # --- showing ----------------------------------------------------------------------------------------------------

    def _toon(self) -> None:
        """Fill the models from the plans (no database, no work per row): the ranking, the capacity, the summary, and
        the list below that is in view (the others when their tab is chosen)."""
        plan, scenarioplan = self._plan, self._scenarioplan
        filter_ = self.keten_filter()
        getoond = scenarioplan or plan
        rijen = getoond.rangorde
        if filter_:
            rijen = [r for r in rijen if r.maatregel.keten_sleutel == filter_]
        zichtbaar = self._vragen_capaciteit(rijen) if self.alleen_iv.isChecked() else rijen
        per_code_verschoven = {v.code: v for v in self._verschuivingen}

        if scenarioplan is None:
            self.model.zet_plan(zichtbaar, plan.uitkomsten, plaatsen_in_keten=getoond.plaats_in_keten)
        else:
            self.model.zet_plan(zichtbaar, plan.uitkomsten, scenarioplan.uitkomsten, per_code_verschoven,
                                plan.rangorde, getoond.plaats_in_keten)
        if self.tabel.isColumnHidden(RangordeModel.SCENARIO) != (scenarioplan is None):
            self.tabel.setColumnHidden(RangordeModel.SCENARIO, scenarioplan is None)
            self._pas_toelichting_aan()
        self.rangtelling.setText(
            (self.tr("%d maatregelen") % len(zichtbaar) if len(zichtbaar) != 1 else self.tr("1 maatregel"))
            if len(zichtbaar) == len(rijen) else self.tr("%d van %d maatregelen") % (len(zichtbaar), len(rijen)))
        self._selecteer_id(self._gekozen_id)

        self.capaciteitmodel.zet_rijen(self._capaciteitrijen(filter_))
        self.capaciteittabel.setColumnHidden(CapaciteitModel.HUIDIG_, scenarioplan is None)
        if self._capaciteitkolommen_voor != self.capaciteitmodel.rowCount():  # measuring costs a scenario change
            self._capaciteitkolommen_voor = self.capaciteitmodel.rowCount()  # 35 ms: only when slots come or go
            self._pas_capaciteitkolommen_aan()

        if filter_ or self._tellingen_van[0] is not plan:  # the register's plan stays while a scenario changes
            self._tellingen_van = (None if filter_ else plan, self._tellingen(rijen, plan, filter_))
        tellingen = self._tellingen_van[1]
        s_tellingen = self._tellingen(rijen, scenarioplan, filter_) if scenarioplan is not None else None
        t = s_tellingen or tellingen
        n_verschoven = (len(self._verschuivingen) if not filter_
                        else sum(r.maatregel.code in per_code_verschoven for r in rijen))
        plan_naam = self.tr("Plan") + (self.tr(" (scenario)") if scenarioplan else "")
        for i, tekst in zip(_PLANLIJSTEN, (plan_naam, self.tr("Past niet (%d)") % t["past_niet"],
                                           self.tr("IV-geblokkeerd zonder capaciteit (%d)") % t["geblokkeerd"],
                                           self.tr("Kringlopen (%d)") % len(getoond.kringlopen),
                                           self.tr("Verschuivingen (%d)") % n_verschoven)):
            if self.lijsten.tabText(i) != tekst:  # a tab bar lays itself out anew on every text it is given
                self.lijsten.setTabText(i, tekst)
        if self.lijsten.isTabEnabled(VERSCHUIVINGEN_TAB) != (scenarioplan is not None):
            self.lijsten.setTabEnabled(VERSCHUIVINGEN_TAB, scenarioplan is not None)
        self._lijsten_verouderd = set(_PLANLIJSTEN)
        self._vul_lijst(self.lijsten.currentIndex())

        self._werk_samenvatting_bij(len(rijen), tellingen, s_tellingen, filter_)
        self._werk_scenariobalk_bij()
        self._toon_invoer()
        self._werk_knoppen_bij()

    def _vragen_capaciteit(self, rijen):
        """The rows without the measures that need no IV capacity: `geen_iv` in the register's plan and (while one is
        tried) in the scenario's, so that a measure the scenario moves in or out of needing IV stays in view."""
        if self._geen_iv_van[0] is not self._plan:  # the register's plan stays while a scenario changes
            self._geen_iv_van = (self._plan, _geen_iv(self._plan))
        geen_iv = self._geen_iv_van[1]
        # Whether a measure needs IV depends on the measure alone: the very same ranking (a capacity change) has
        # the same ones.
        if self._scenarioplan is not None and self._scenarioplan.rangorde is not self._plan.rangorde:
            geen_iv = geen_iv & _geen_iv(self._scenarioplan)
        return [r for r in rijen if r.maatregel.id not in geen_iv]

    def _pas_capaciteitkolommen_aan(self) -> None:
        """Columns as wide as their contents (a few dozen slots at most), a long chain name cut short; the table as
        high as its rows, up to six (more scroll inside it)."""
        tabel = self.capaciteittabel
        tabel.resizeColumnsToContents()
        maximum = tabel.fontMetrics().averageCharWidth() * 16
        tabel.setColumnWidth(CapaciteitModel.KETEN, min(tabel.columnWidth(CapaciteitModel.KETEN), maximum))
        rijen = min(max(self.capaciteitmodel.rowCount(), 2), 6)
        tabel.setFixedHeight(tabel.horizontalHeader().sizeHint().height() + rijen * tabel.verticalHeader()
                             .defaultSectionSize() + 2 * tabel.frameWidth()
                             + tabel.horizontalScrollBar().sizeHint().height())

    def _pas_toelichting_aan(self) -> None:
        """The reason fills the room the columns before it leave (it is in full in its tooltip); the score's parts
        follow it, to the right."""
        tabel = self.tabel
        kop = tabel.horizontalHeader()
        voor = sum(tabel.columnWidth(k) for k in range(kop.count())
                   if kop.visualIndex(k) < kop.visualIndex(RangordeModel.TOELICHTING) and not tabel.isColumnHidden(k))
        minimum = tabel.fontMetrics().averageCharWidth() * 12
        tabel.setColumnWidth(RangordeModel.TOELICHTING, max(minimum, tabel.viewport().width() - voor))

    def eventFilter(self, bron: QObject, gebeurtenis: QEvent) -> bool:
        if bron is self.tabel.viewport() and gebeurtenis.type() == QEvent.Type.Resize:
            self._pas_toelichting_aan()
        return super().eventFilter(bron, gebeurtenis)

    def _vul_lijst(self, index: int) -> None:
        """Fill one of the lists below from the plan in view (the scenario's while one is tried)."""
        if index not in self._lijsten_verouderd or self._plan is None:
            return
        self._lijsten_verouderd.discard(index)
        getoond = self._scenarioplan or self._plan
        filter_ = self.keten_filter()

        def in_keten(m: Prioinvoer) -> bool:
            return not filter_ or m.keten_sleutel == filter_

        uitkomsten = getoond.uitkomsten
        if index == PLAN_TAB:
            self.planmodel.zet_rijen([v for v in getoond.vakken if not filter_ or v.keten_sleutel == filter_])
        elif index == PASTNIET_TAB:
            self.pastnietmodel.zet_rijen([(r, uitkomsten[r.maatregel.id]) for r in getoond.met_soort("past_niet")
                                          if in_keten(r.maatregel)])
        elif index == GEBLOKKEERD_TAB:
            self.geblokkeerdmodel.zet_rijen([(r, uitkomsten[r.maatregel.id]) for r in getoond.geblokkeerd_regels()
                                             if in_keten(r.maatregel)])
        elif index == KRINGLOPEN_TAB:
            self.kringloopmodel.zet_rijen(list(getoond.kringlopen))
        elif index == VERSCHUIVINGEN_TAB:
            zichtbaar = None if not filter_ else {r.maatregel.code for r in getoond.rangorde
                                                  if in_keten(r.maatregel)}
            self.verschuivingmodel.zet_rijen([v for v in self._verschuivingen
                                              if zichtbaar is None or v.code in zichtbaar])

    def vul_alle_lijsten(self) -> None:
        """Every list below filled now (they are otherwise filled when their tab is first shown)."""
        for index in _PLANLIJSTEN:
            self._vul_lijst(index)

    def _capaciteitrijen(self, filter_: str | None) -> list[tuple]:
        """Each slot once as (the scenario's slot or None, the register's or None): with a scenario, its slots beside
        the register's (added and removed ones too)."""
        def sleutel(vak: Capaciteitsvak) -> tuple:
            return vak.keten_sleutel, vak.periode.van, vak.periode.tot

        if self._scenarioplan is None:
            rijen = [(v, v) for v in self._plan.vakken]
        else:
            huidig = {sleutel(v): v for v in self._plan.vakken}
            scenario = {sleutel(v): v for v in self._scenarioplan.vakken}
            rijen = [(v, huidig.get(k)) for k, v in scenario.items()]
            rijen += [(None, v) for k, v in huidig.items() if k not in scenario]
            rijen.sort(key=lambda r: _vakvolgorde(r[0] or r[1]))
        return [r for r in rijen if not filter_ or (r[0] or r[1]).keten_sleutel == filter_]

    def _tellingen(self, rijen, plan: Plan, filter_: str | None) -> dict[str, int]:
        """How many of the shown measures the plan puts in each outcome, and the IV-blocked ones never planned."""
        if not filter_:
            uitkomsten = plan.uitkomsten.values()
            geblokkeerd = len(plan.geblokkeerd_zonder_capaciteit)
        else:
            uitkomsten = [plan.uitkomsten[r.maatregel.id] for r in rijen if r.maatregel.id in plan.uitkomsten]
            codes = set(plan.geblokkeerd_zonder_capaciteit)
            geblokkeerd = sum(1 for r in rijen if r.maatregel.code in codes)
        soorten = Counter(map(attrgetter("soort"), uitkomsten))
        return {"gepland": soorten["gepland"], "past_niet": soorten["past_niet"], "geblokkeerd": geblokkeerd}

    def _werk_samenvatting_bij(self, aantal: int, tellingen: dict[str, int], s_tellingen: dict[str, int] | None,
                               filter_: str | None) -> None:
        tekst = self.tr("%d open maatregelen · %d gepland · %d past niet · %d IV-geblokkeerd zonder capaciteit") % (
            aantal, tellingen["gepland"], tellingen["past_niet"], tellingen["geblokkeerd"])
        if s_tellingen is not None:
            tekst += "\n" + self.tr("Scenario: %d gepland · %d past niet · %d IV-geblokkeerd zonder capaciteit") % (
                s_tellingen["gepland"], s_tellingen["past_niet"], s_tellingen["geblokkeerd"])
        if filter_:
            tekst = self.tr("Keten %s: ") % self.ketenkeuze.currentText() + tekst
        self.samenvatting.setText(tekst)

    def _werk_scenariobalk_bij(self) -> None:
        actief = not self._scenario.is_leeg
        self.scenariobalk.setVisible(actief)
        if actief:
            telling = Counter(v.richting for v in self._verschuivingen)
            n = aantal_wijzigingen(self._scenario)
            self.scenariolabel.setText(
                (self.tr("Scenario: 1 wijziging") if n == 1 else self.tr("Scenario: %d wijzigingen") % n)
                + self.tr(" — %d erin, %d eruit, %d verschoven, %d anders") % (
                    telling["erin"], telling["eruit"], telling["verschoven"], telling["anders"])
                + self.tr(" (nog niet opgeslagen)"))
            self.scenariolabel.setToolTip(self.tr("Anders: de maatregel blijft buiten het plan, maar om een andere "
                                                  "reden (zie de kolom Scenario)"))
        self.knop_ongedaan.setEnabled(bool(self._vorige))

    # --- the chosen measure -----------------------------------------------------------------------------------------

    def _selecteer_id(self, mid: int | None) -> None:
        """Select a measure's row again after a reset, without touching the panel's fields."""
        rij = None
        if mid is not None:
            code = self._per_id[mid].code if mid in self._per_id else None
            rij = self.model.rij_van_code(code) if code else None
        selectie = self.tabel.selectionModel()
        self._laden = True
        try:
            if rij is None:  # gone, closed, or hidden by the filters: its fields would edit what is not in view
                selectie.clear()
                self._gekozen_id = None
            else:
                index = self.model.index(rij, RangordeModel.CODE)
                selectie.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                                         | QItemSelectionModel.SelectionFlag.Rows)
                self.tabel.scrollTo(index)
        finally:
            self._laden = False

    def _rij_gekozen(self, huidig: QModelIndex, _vorig: QModelIndex) -> None:
        if self._laden or not huidig.isValid():
            return
        self._gekozen_id = self.model.rij(huidig.row()).maatregel.id
        self._toon_invoer()
        self._werk_knoppen_bij()

    def huidige_code(self) -> str | None:
        m = self._gekozen_maatregel()
        return m.code if m else None

    def selecteer(self, code: str) -> bool:
        """Choose a measure in the ranking (the filters are lifted when they hide it); False when not open."""
        m = next((m for m in self._per_id.values() if m.code == code), None)
        if m is None:
            return False
        if self.model.rij_van_code(code) is None and self.keten_filter() is not None:
            self.ketenkeuze.setCurrentIndex(0)
        if self.model.rij_van_code(code) is None and self.alleen_iv.isChecked():
            self.alleen_iv.setChecked(False)
        rij = self.model.rij_van_code(code)
        if rij is None:
            return False
        self.tabel.selectionModel().setCurrentIndex(self.model.index(rij, RangordeModel.CODE),
                                                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                                                    | QItemSelectionModel.SelectionFlag.Rows)
        self.tabel.scrollTo(self.model.index(rij, RangordeModel.CODE))
        return self.huidige_code() == code

    def _waarde(self, m: Prioinvoer, veld: str):
        """The field as the scenario has it, else as the register has it."""
        return self._scenario.invoer.get(m.id, {}).get(veld, getattr(m, veld))

    def _toon_invoer(self) -> None:
        m = self._gekozen_maatregel()
        regel_rij = self.model.rij_van_code(m.code) if m is not None else None
        self._laden = True
        try:
            self.invoergroep.setEnabled(m is not None)
            if m is None:
                self.maatregeltitel.setText(self.tr("Kies een maatregel in de rangorde"))
            else:
                self.maatregeltitel.setText(f"{m.code} — {m.naam}")
            for veld in ("verwacht_effect", "effect_basis", "iv_omvang"):
                keuze: QComboBox = self.invoervelden[veld]
                keuze.setCurrentIndex(max(0, keuze.findData(self._waarde(m, veld))) if m else 0)
                self._markeer(keuze, m is not None and veld in self._scenario.invoer.get(m.id, {}))
            for veld in ("iv_weken", "personeel_weken"):
                regel: QLineEdit = self.invoervelden[veld]
                self._markeer(regel, m is not None and veld in self._scenario.invoer.get(m.id, {}))
                if regel.hasFocus() and self.veldfout[veld].isVisible():  # keep what the user is fixing
                    regel.setAccessibleDescription(self.veldfout[veld].text())
                else:
                    regel.setText(weken_als_tekst(self._waarde(m, veld)) if m else "")
                    self.veldfout[veld].hide()
            if m is None:
                for label in self.gegevens.values():
                    label.setText("")
                return
            regel = self.model.rij(regel_rij) if regel_rij is not None else None
            self.gegevens["plan"].setText(self._plantekst(regel) if regel is not None else "")
            self.gegevens["besluit"].setText(besluit_van(m) or self.tr("(nog geen besluit)"))
            self.gegevens["rang"].setText(rang_van(m) or self.tr("(volgens score)"))
            afhankelijk = [self._per_id[i].code for i in m.afhankelijk_van if i in self._per_id]
            self.gegevens["afhankelijk"].setText(", ".join(afhankelijk) or self.tr("(geen)"))
        finally:
            self._laden = False

    def _plantekst(self, regel) -> str:
        """Where the fit puts the measure and why; with a scenario that moved it, the register's plan too."""
        def uitleg(u) -> str:
            """The reason, after the outcome unless the reason starts with it ("2027-H1, Innen: 4 van 10 weken")."""
            return u.reden if u.reden.casefold().startswith(u.kort().casefold()) else f"{u.kort()} — {u.reden}"

        uitkomst = self.model.uitkomst(regel)
        if uitkomst is None:
            return ""
        tekst = uitleg(uitkomst)
        nu = self.model.huidige_uitkomst(regel)
        if self.model.verschuiving(regel) is not None and nu is not None:
            tekst += "\n" + self.tr("Zonder het scenario: %s") % uitleg(nu)
        return tekst

    @staticmethod
    def _markeer(widget: QWidget, in_scenario: bool) -> None:
        """A field the scenario changed has the scenario's colour (and says so to a screen reader)."""
        widget.setStyleSheet("background: #fdf0c8;" if in_scenario else "")
        widget.setAccessibleDescription("gewijzigd in het scenario" if in_scenario else "")

    def _werk_knoppen_bij(self) -> None:
        gekozen = self._gekozen_id is not None and self.model.rij_van_code(self.huidige_code() or "") is not None
        self.knop_besluit.setEnabled(gekozen)
        self.knop_rang.setEnabled(gekozen)
        self.knop_verwijder.setEnabled(self._gekozen_capaciteit() is not None)

    def _geactiveerd(self, index: QModelIndex) -> None:
        if index.isValid():
            self._open_uit(self.model.rij(index.row()).maatregel.code)

    def _open_uit(self, code: str) -> None:
        self.maatregelGekozen.emit(code)

    # --- the scenario -----------------------------------------------------------------------------------------------

    def scenario(self) -> Scenario:
        return self._scenario

    def _zet_scenario(self, nieuw: Scenario) -> None:
        """Try `nieuw` instead of the current scenario; the previous one can be had back (Ctrl+Z)."""
        if nieuw == self._scenario:
            return
        self._vorige.append(self._scenario)
        del self._vorige[:-100]
        self._scenario = nieuw
        self.werk_bij()

    def maak_ongedaan(self) -> None:
        if not self._vorige:
            return
        self._scenario = self._vorige.pop()
        self.werk_bij()

    def _met_invoer(self, m: Prioinvoer, veld: str, waarde) -> Scenario:
        """The scenario with `veld` of `m` set; back to the register's value means no change in the scenario."""
        return met_invoer(self._invoer, self._scenario, m.id, veld, waarde)

    def _keuze_gewijzigd(self, veld: str) -> None:
        m = self._gekozen_maatregel()
        if self._laden or m is None:
            return
        self._zet_scenario(self._met_invoer(m, veld, self.invoervelden[veld].currentData()))

    def _controleer_weken(self, veld: str) -> float | None | bool:
        """The weeks typed in `veld`, or False (with the message at the field) when they are refused."""
        widget: QLineEdit = self.invoervelden[veld]
        try:
            waarde = controleer_weken(widget.text(), veld, GETALVELDEN[veld])
        except ValidatieFout as fout:
            toon_melding(self.veldfout[veld], widget, fout.melding)
            return False
        toon_melding(self.veldfout[veld], widget, "")
        return waarde

    def _weken_gewijzigd(self, veld: str) -> None:
        m = self._gekozen_maatregel()
        if self._laden or m is None:
            return
        waarde = self._controleer_weken(veld)
        if waarde is False or waarde == self._waarde(m, veld):
            return
        self._zet_scenario(self._met_invoer(m, veld, waarde))

    def zet_invoer(self, veld: str, waarde) -> None:
        """Try a value for the chosen measure's input in the scenario (what the fields do); ValidatieFout when
        the register would refuse it."""
        m = self._gekozen_maatregel()
        if m is not None:
            self._zet_scenario(self._met_invoer(m, veld, waarde))

    def _capaciteit_bewerkt(self, rij: tuple, tekst: str) -> bool:
        """An edited capacity cell: checked as the register would, then into the scenario (after the edit ends)."""
        vak = rij[0]
        try:
            nieuw = met_capaciteit(self._invoer, self._scenario, vak.keten, vak.periode, tekst)
        except ValidatieFout as fout:
            toon_melding(self.capaciteitfout, self.capaciteittabel, fout.melding)
            return False
        toon_melding(self.capaciteitfout, self.capaciteittabel, "",
                     self.tr("F2 wijzigt de capaciteit; dat gaat in het scenario."))
        # The models are reset only once the editor has closed: resetting inside setData pulls the editor away.
        QTimer.singleShot(0, self, lambda: self._zet_scenario(nieuw))
        return True

    def zet_capaciteit(self, keten: str, periode, weken) -> None:
        """Try a capacity in the scenario (checked as the register would; ValidatieFout when refused)."""
        self._zet_scenario(met_capaciteit(self._invoer, self._scenario, keten, periode, weken))

    def _gekozen_capaciteit(self) -> tuple | None:
        index = self.capaciteittabel.currentIndex()
        return self.capaciteitmodel.rij(index.row()) if index.isValid() else None

    def voeg_periode_toe(self) -> None:
        ketens = list(self._ketens().values())
        # The dialog shows a refusal (an overlapping period too) beside its field and stays open.
        dialoog = CapaciteitDialoog(ketens, self, controle=lambda keten, periode, weken: met_capaciteit(
            self._invoer, self._scenario, keten, periode, weken))
        try:
            if not vragen.voer_uit(dialoog):
                return
            keten, periode, weken = dialoog.waarden()
            self.zet_capaciteit(keten, periode, weken)
        except ValidatieFout as fout:  # the dialog checks on OK; this is only a second line of defence
            vragen.meld_fout(self, self.tr("Capaciteit toevoegen"), fout.melding)
        finally:
            dialoog.deleteLater()

    def verwijder_capaciteit(self) -> None:
        rij = self._gekozen_capaciteit()
        if rij is None or rij[0] is None:
            return
        self._zet_scenario(met_capaciteit(self._invoer, self._scenario, rij[0].keten, rij[0].periode, None))

    def mag_verlaten(self) -> bool:
        """May the scenario be lost (the window closes or opens another database)? Asks when there is one."""
        if self._scenario.is_leeg:
            return True
        n = aantal_wijzigingen(self._scenario)
        return vragen.bevestig(
            self, self.tr("Scenario niet opgeslagen"),
            (self.tr("Het scenario met 1 wijziging is niet als besluit opgeslagen en gaat verloren.") if n == 1
             else self.tr("Het scenario met %d wijzigingen is niet als besluit opgeslagen en gaat verloren.") % n)
            + " " + self.tr("Toch doorgaan?"), ja=self.tr("Scenario verwerpen"), nee=self.tr("Annuleren"))

    def verwerp_scenario(self) -> None:
        if self._scenario.is_leeg:
            return
        n = aantal_wijzigingen(self._scenario)
        if not vragen.bevestig(self, self.tr("Scenario verwerpen"),
                               (self.tr("De wijziging van het scenario verwerpen?") if n == 1
                                else self.tr("Alle %d wijzigingen van het scenario verwerpen?") % n)
                               + " " + self.tr("Het register blijft zoals het is; met Ctrl+Z haalt u het scenario "
                                               "terug."), ja=self.tr("Verwerpen")):
            return
        self._zet_scenario(Scenario())

    def sla_scenario_op(self) -> bool:
        """Save the scenario as a decision (one unit of work); True when written."""
        if self._scenario.is_leeg or self._invoer is None:
            return False
        titel = self.tr("Scenario opslaan als besluit")
        dialoog = OpslaanDialoog(beschrijf(self._invoer, self._scenario), gevolgen(self._verschuivingen),
                                 self._gebruiker(), self)
        try:
            if not vragen.voer_uit(dialoog):
                return False
            motivatie, datum = dialoog.waarden()
        finally:
            dialoog.deleteLater()
        codes = tuple(self._per_id[i].code for i in self._scenario.invoer if i in self._per_id)
        try:
            with self.register.werk() as sessie:
                bewaar_scenario(sessie, self._invoer, self._scenario, motivatie, self._gebruiker(), datum)
        except ConflictFout as fout:
            self._conflict(fout, self.tr(
                "Er is niets opgeslagen. Met ‘Opnieuw laden’ haalt u het register opnieuw op; uw scenario blijft staan "
                "en wordt op de nieuwste gegevens toegepast. Controleer het en sla opnieuw op."))
            return False
        except RegisterFout as fout:
            vragen.meld_fout(self, titel, fout.melding)
            return False
        self._scenario = Scenario()
        self._vorige.clear()
        self.ververs()
        self.gewijzigde_codes = codes
        self.gewijzigd.emit()
        return True

    def _conflict(self, fout: ConflictFout, uitleg: str) -> None:
        """Someone changed a measure or a capacity since it was read: nothing was saved; reload on request."""
        dialoog = ConflictDialoog(fout.melding, fout.wijzigingen, parent=self, uitleg=uitleg)
        try:
            if vragen.voer_uit(dialoog):
                self.ververs()
        finally:
            dialoog.deleteLater()

    # --- decisions written at once ----------------------------------------------------------------------------------

    def _gekozen_maatregel(self) -> Prioinvoer | None:
        return self._per_id.get(self._gekozen_id) if self._gekozen_id is not None else None

    def leg_besluit_vast(self) -> bool:
        m = self._gekozen_maatregel()
        if m is None:
            return False
        dialoog = BesluitDialoog(m, self._gebruiker(), self)
        try:
            if not vragen.voer_uit(dialoog):
                return False
            prioriteit, motivatie, datum = dialoog.waarden()
        finally:
            dialoog.deleteLater()
        return self._schrijf(self.tr("Besluit niet vastgelegd"), m.code,
                             lambda sessie: leg_prioriteit_vast(sessie, m.code, prioriteit, motivatie,
                                                                self._gebruiker(), m.versie, datum))

    def pas_rang_aan(self) -> bool:
        m = self._gekozen_maatregel()
        if m is None or self._plan is None:
            return False
        rang = next((r.rang for r in self._plan.rangorde if r.maatregel.id == m.id), 1)
        dialoog = RangDialoog(m, rang, len(self._plan.rangorde), self)
        try:
            if not vragen.voer_uit(dialoog):
                return False
            nieuwe_rang, motivatie = dialoog.waarden()
        finally:
            dialoog.deleteLater()
        return self._schrijf(self.tr("Rang niet aangepast"), m.code,
                             lambda sessie: zet_rang(sessie, m.code, nieuwe_rang, motivatie, self._gebruiker(),
                                                     m.versie))

    def _schrijf(self, titel: str, code: str, werk: Callable) -> bool:
        """Write one measure's decision or rank in one unit of work; the page rereads and tells the window."""
        try:
            with self.register.werk() as sessie:
                werk(sessie)
        except ConflictFout as fout:
            self._conflict(fout, self.tr("Er is niets vastgelegd. Met ‘Opnieuw laden’ haalt u de nieuwste gegevens "
                                         "op; kijk of uw besluit nog klopt en leg het dan opnieuw vast."))
            return False
        except RegisterFout as fout:
            vragen.meld_fout(self, titel, fout.melding)
            return False
        self.ververs()
        self.gewijzigde_codes = (code,)
        self.gewijzigd.emit()
        return True

    # --- the decisions list -----------------------------------------------------------------------------------------

    def _besluit_gekozen(self, index: QModelIndex, _vorig: QModelIndex) -> None:
        rij = self.besluitenmodel.rij_van(index)
        self.besluittekst.setPlainText(besluit_tekst(rij) if rij is not None else "")

    # --- Qt ---------------------------------------------------------------------------------------------------------

    def showEvent(self, event) -> None:
        if not self._splitters_gezet:  # the first time the page has its real size: the ranking gets the most room
            self._splitters_gezet = True
            breedte = max(self.bovensplitter.width(), 1000)
            zijkant = min(max(350, breedte * 30 // 100), 500)
            self.bovensplitter.setSizes([breedte - zijkant, zijkant])
            hoogte = max(self.hoofdsplitter.height(), 600)
            self.hoofdsplitter.setSizes([hoogte * 64 // 100, hoogte * 36 // 100])
        super().showEvent(event)
        QTimer.singleShot(0, self, self._focus_op_tabel)

    def _focus_op_tabel(self) -> None:
        """The ranking has the focus whenever the page is shown (Alt+5 lands there, ready for the arrow keys)."""
        if self.isVisible():
            self.tabel.setFocus(Qt.FocusReason.OtherFocusReason)
