"""The filter panel beside the register table: search, every filter of brief §5, and saved views (weergaven).

The panel only builds a `Filter` and announces it; the table model applies it to its cached rows. Each user action
emits exactly one `filterGewijzigd`; setting a whole filter at once (a saved view, "Wis alle filters") emits once too.
"""

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QIcon, QKeySequence, QPainter, QPixmap, QShortcut
from PySide6.QtWidgets import (QCheckBox, QComboBox, QFrame, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton,
                               QScrollArea, QSizePolicy, QToolButton, QVBoxLayout, QWidget)

from registry.filters import Filter
from registry.tekst import normaliseer
from registry.vocabulaire import DOMEINEN, FASE, STATUS, STATUSKLEUR
from ui import vragen
from ui.instellingen import Instellingen

_VOLLEDIGE_DOMEINNAAM = {code: volledig for code, _, volledig in DOMEINEN}


def _tekst_of_niets(tekst: str) -> str | None:
    return tekst if tekst.strip() else None


def _symboolicoon(symbool: str, kleur: str) -> QIcon:
    """A status symbol in its colour, as an icon; drawn at several sizes so it stays crisp at 150 % and beyond."""
    icoon = QIcon()
    for grootte in (16, 20, 24, 32, 48, 64):
        pixmap = QPixmap(grootte, grootte)
        pixmap.fill(Qt.GlobalColor.transparent)
        schilder = QPainter(pixmap)
        schilder.setRenderHint(QPainter.RenderHint.Antialiasing)
        schilder.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        lettertype = QFont(schilder.font())
        lettertype.setPixelSize(max(1, round(grootte * 0.8)))
        lettertype.setBold(True)
        schilder.setFont(lettertype)
        schilder.setPen(QColor(kleur))
        schilder.drawText(pixmap.rect(), Qt.AlignmentFlag.AlignCenter, symbool)
        schilder.end()
        icoon.addPixmap(pixmap)
    return icoon


class _Zoekveld(QLineEdit):
    """The search box. Escape empties it; an empty box lets Escape through, so that a window's own Escape works."""

    def event(self, gebeurtenis: QEvent) -> bool:
        if (gebeurtenis.type() == QEvent.Type.ShortcutOverride and gebeurtenis.key() == Qt.Key.Key_Escape
                and self.text()):
            gebeurtenis.accept()  # claim Escape before a window shortcut does
            return True
        return super().event(gebeurtenis)

    def keyPressEvent(self, gebeurtenis) -> None:
        if gebeurtenis.key() == Qt.Key.Key_Escape and self.text():
            self.clear()
            gebeurtenis.accept()
            return
        super().keyPressEvent(gebeurtenis)


class _Sectie(QWidget):
    """A less-used group that folds away. Its mnemonic opens it (never closes it) and moves focus inside.

    Whether it is open is remembered in the settings; a filter that sets one of its values opens it, so that no active
    filter hides behind a folded section.
    """

    def __init__(self, titel: str, toegankelijk: str, sleutel: str, instellingen: Instellingen, parent: QWidget):
        super().__init__(parent)
        self._instellingen = instellingen
        self._sleutel = f"filterpaneel/{sleutel}_open"
        laag = QVBoxLayout(self)
        laag.setContentsMargins(0, 0, 0, 0)
        laag.setSpacing(0)
        self.knop = QToolButton(self)
        self.knop.setText(titel)
        self.knop.setShortcut(QKeySequence())  # the mnemonic below opens; a second press must not fold it away
        self.knop.setCheckable(True)
        self.knop.setAutoRaise(True)
        self.knop.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.knop.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.knop.setAccessibleName(toegankelijk)
        vet = QFont(self.knop.font())
        vet.setBold(True)
        self.knop.setFont(vet)
        laag.addWidget(self.knop)
        self.inhoud = QWidget(self)
        self.inhoudlaag = QVBoxLayout(self.inhoud)
        self.inhoudlaag.setContentsMargins(12, 2, 0, 4)
        self.inhoudlaag.setSpacing(2)
        laag.addWidget(self.inhoud)
        sneltoets = QShortcut(QKeySequence.mnemonic(titel), self)
        sneltoets.activated.connect(self.open_en_focus)
        open_ = str(instellingen.waarde(self._sleutel, "false")).lower() == "true"
        self.knop.setChecked(open_)
        self._toon(open_)
        self.knop.toggled.connect(self._bij_omklappen)

    def _toon(self, open_: bool) -> None:
        self.inhoud.setVisible(open_)
        self.knop.setArrowType(Qt.ArrowType.DownArrow if open_ else Qt.ArrowType.RightArrow)

    def _bij_omklappen(self, open_: bool) -> None:
        self._toon(open_)
        self._instellingen.zet_waarde(self._sleutel, open_)

    def open(self) -> None:
        self.knop.setChecked(True)

    def open_en_focus(self) -> None:
        self.open()
        for kind in self.inhoud.findChildren(QWidget):
            if kind.focusPolicy() & Qt.FocusPolicy.TabFocus and kind.isEnabled():
                kind.setFocus(Qt.FocusReason.ShortcutFocusReason)
                return
        self.knop.setFocus(Qt.FocusReason.ShortcutFocusReason)


class FilterPaneel(QWidget):
    """Search box, filters and saved views; emits the new `Filter` on every change."""

    filterGewijzigd = Signal(object)

    def __init__(self, instellingen: Instellingen, domeinen: list[tuple[str, str]], toeslagen: list[tuple[str, str]],
                 iv_ketens: list[str], parent: QWidget | None = None):
        super().__init__(parent)
        self._instellingen = instellingen
        self._stil = False  # True while zet_filter sets several controls: one signal afterwards, not one per control
        self._weergaven: dict[str, Filter] = {}
        self.setAccessibleName(self.tr("Filters"))

        laag = QVBoxLayout(self)
        laag.setContentsMargins(6, 6, 6, 6)
        laag.setSpacing(6)

        # --- search, the filter in words, clear ---------------------------------------------------------------
        zoekrij = QHBoxLayout()
        zoeklabel = QLabel(self.tr("&Zoeken:"), self)
        self.zoekveld: QLineEdit = _Zoekveld(self)
        self.zoekveld.setPlaceholderText(self.tr("Zoeken in code, naam en omschrijving"))
        self.zoekveld.setToolTip(self.tr("Zoeken in code, naam en omschrijving; elk woord moet voorkomen. "
                                         "Esc maakt het veld leeg."))
        self.zoekveld.setClearButtonEnabled(True)
        self.zoekveld.setAccessibleName(self.tr("Zoeken in code, naam en omschrijving"))
        zoeklabel.setBuddy(self.zoekveld)
        self.zoekveld.textChanged.connect(self._bij_wijziging)  # every keystroke: the table filters cached rows
        zoekrij.addWidget(zoeklabel)
        zoekrij.addWidget(self.zoekveld, 1)
        laag.addLayout(zoekrij)

        self.omschrijving = QLabel(self)
        self.omschrijving.setTextFormat(Qt.TextFormat.PlainText)  # the search text is the user's: never markup
        self.omschrijving.setWordWrap(True)
        self.omschrijving.setAccessibleName(self.tr("Actief filter"))
        self.omschrijving.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.omschrijving.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        laag.addWidget(self.omschrijving)

        self.wisknop = QPushButton(self.tr("Wis &alle filters"), self)
        self.wisknop.setAccessibleName(self.tr("Wis alle filters"))
        self.wisknop.setToolTip(self.tr("Alle filters en de zoekterm leegmaken"))
        self.wisknop.clicked.connect(self.wis)
        wisrij = QHBoxLayout()
        wisrij.addWidget(self.wisknop)
        wisrij.addStretch(1)
        laag.addLayout(wisrij)

        # --- the filters, scrollable -------------------------------------------------------------------------
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        inhoud = QWidget(scroll)
        groepen = QVBoxLayout(inhoud)
        groepen.setContentsMargins(0, 0, 0, 0)
        groepen.setSpacing(6)

        groep = self._groep(self.tr("&Domein"), inhoud)
        self.domeinvakken: dict[str, QCheckBox] = {}
        self._domeinnamen: dict[str, str] = {}
        for code, naam in domeinen:
            vak = self._vak(naam, self.tr("Domein %s") % naam, groep)
            vak.setToolTip(_VOLLEDIGE_DOMEINNAAM.get(code, naam))
            self.domeinvakken[code] = vak
            self._domeinnamen[code] = naam
        groepen.addWidget(groep)

        groep = self._groep(self.tr("&Status"), inhoud)
        self.statusvakken: dict[str, QCheckBox] = {}
        for term in STATUS.termen:
            vak = self._vak(term.label, self.tr("Status %s") % term.label, groep)
            vak.setIcon(_symboolicoon(term.symbool, STATUSKLEUR.get(term.code, "#000000")))
            hoogte = vak.fontMetrics().height()
            vak.setIconSize(QSize(hoogte, hoogte))
            vak.setAccessibleDescription(term.symbool)
            self.statusvakken[term.code] = vak
        groepen.addWidget(groep)

        groep = self._groep(self.tr("&IV"), inhoud)
        self.iv_afhankelijk_vak = self._vak(self.tr("alleen IV-afhankelijk"), self.tr("Alleen IV-afhankelijk"), groep)
        self.iv_blokkade_vak = self._vak(self.tr("alleen IV-blokkade"), self.tr("Alleen IV-blokkade"), groep)
        ketenlabel = QLabel(self.tr("IV-&keten:"), groep)
        self.iv_ketenkeuze = QComboBox(groep)
        self.iv_ketenkeuze.setEditable(True)
        self.iv_ketenkeuze.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.iv_ketenkeuze.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.iv_ketenkeuze.setMinimumContentsLength(8)
        self.iv_ketenkeuze.setAccessibleName(self.tr("IV-keten"))
        self.iv_ketenkeuze.setToolTip(self.tr("Kies een keten of typ een deel van de naam"))
        self.iv_ketenkeuze.lineEdit().setPlaceholderText(self.tr("alle ketens"))
        self.iv_ketenkeuze.lineEdit().setClearButtonEnabled(True)
        # No completion: a typed part is a substring filter, and inline completion would turn "Inn" into the whole
        # chain name; the list is short and the drop-down shows it.
        self.iv_ketenkeuze.setCompleter(None)
        ketenlabel.setBuddy(self.iv_ketenkeuze)
        groep.layout().addWidget(ketenlabel)
        groep.layout().addWidget(self.iv_ketenkeuze)
        self._vul_ketens(iv_ketens)
        self.iv_ketenkeuze.currentTextChanged.connect(self._bij_wijziging)
        groepen.addWidget(groep)

        self.fasesectie = _Sectie(self.tr("&Fase"), self.tr("Fase"), "fase", instellingen, inhoud)
        self.fasevakken: dict[str, QCheckBox] = {}
        for term in FASE.termen:
            vak = self._vak(term.label, self.tr("Fase %s") % term.label, self.fasesectie.inhoud)
            self.fasevakken[term.code] = vak
        groepen.addWidget(self.fasesectie)

        self.toeslagsectie = _Sectie(self.tr("&Toeslag"), self.tr("Toeslag"), "toeslag", instellingen, inhoud)
        self.toeslagvakken: dict[str, QCheckBox] = {}
        self._toeslagnamen: dict[str, str] = {}
        for code, naam in toeslagen:
            vak = self._vak(naam, self.tr("Toeslag %s") % naam, self.toeslagsectie.inhoud)
            self.toeslagvakken[code] = vak
            self._toeslagnamen[code] = naam
        groepen.addWidget(self.toeslagsectie)

        self.overigsectie = _Sectie(self.tr("&Overige filters"), self.tr("Overige filters"), "overig", instellingen,
                                    inhoud)
        eigenaarlabel = QLabel(self.tr("&Eigenaar:"), self.overigsectie.inhoud)
        self.eigenaarveld = QLineEdit(self.overigsectie.inhoud)
        self.eigenaarveld.setClearButtonEnabled(True)
        self.eigenaarveld.setPlaceholderText(self.tr("team of persoon"))
        self.eigenaarveld.setAccessibleName(self.tr("Eigenaar"))
        self.eigenaarveld.setToolTip(self.tr("Deel van de naam van de eigenaar"))
        eigenaarlabel.setBuddy(self.eigenaarveld)
        self.overigsectie.inhoudlaag.addWidget(eigenaarlabel)
        self.overigsectie.inhoudlaag.addWidget(self.eigenaarveld)
        self.eigenaarveld.textChanged.connect(self._bij_wijziging)
        self.planning_verstreken_vak = self._vak(self.tr("alleen planning verstreken\n(niet ingevoerd)"),
                                                 self.tr("Alleen planning verstreken, niet ingevoerd"),
                                                 self.overigsectie.inhoud)
        self.planning_verstreken_vak.setToolTip(
            self.tr("Alleen maatregelen waarvan de huidige planning verstreken is en die niet ingevoerd zijn"))
        self.gearchiveerd_vak = self._vak(self.tr("gearchiveerde maatregelen tonen"),
                                          self.tr("Gearchiveerde maatregelen tonen"), self.overigsectie.inhoud)
        groepen.addWidget(self.overigsectie)
        groepen.addStretch(1)

        scroll.setWidget(inhoud)
        # No horizontal scrolling: the panel is never narrower than its widest filter (plus the vertical scroll bar),
        # folded sections included, so that opening one never clips it.
        secties = (self.fasesectie, self.toeslagsectie, self.overigsectie)
        for sectie in secties:
            sectie.inhoud.setVisible(True)
            sectie.updateGeometry()
        groepen.invalidate()  # not shown yet: Qt has not processed the layout requests, so the cached sizes are stale
        balk = self.style().pixelMetric(self.style().PixelMetric.PM_ScrollBarExtent)
        scroll.setMinimumWidth(inhoud.minimumSizeHint().width() + balk + 2)
        for sectie in secties:
            sectie.inhoud.setVisible(sectie.knop.isChecked())
        laag.addWidget(scroll, 1)

        # --- saved views -------------------------------------------------------------------------------------
        lijn = QFrame(self)
        lijn.setFrameShape(QFrame.Shape.HLine)
        lijn.setFrameShadow(QFrame.Shadow.Sunken)
        laag.addWidget(lijn)
        weergaverij = QHBoxLayout()
        weergavelabel = QLabel(self.tr("&Weergave:"), self)
        self.weergavekeuze = QComboBox(self)
        self.weergavekeuze.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.weergavekeuze.setMinimumContentsLength(8)
        self.weergavekeuze.setAccessibleName(self.tr("Bewaarde weergave"))
        self.weergavekeuze.setToolTip(self.tr("Een bewaard filter toepassen"))
        weergavelabel.setBuddy(self.weergavekeuze)
        weergaverij.addWidget(weergavelabel)
        weergaverij.addWidget(self.weergavekeuze, 1)
        laag.addLayout(weergaverij)
        knoppenrij = QHBoxLayout()
        self.bewaarknop = QPushButton(self.tr("Bewa&ren…"), self)
        self.bewaarknop.setAccessibleName(self.tr("Weergave bewaren"))
        self.bewaarknop.setToolTip(self.tr("Het huidige filter onder een naam bewaren"))
        self.verwijderknop = QPushButton(self.tr("Verwijderen"), self)
        self.verwijderknop.setAccessibleName(self.tr("Weergave verwijderen"))
        self.verwijderknop.setToolTip(self.tr("De gekozen weergave verwijderen"))
        knoppenrij.addWidget(self.bewaarknop)
        knoppenrij.addWidget(self.verwijderknop)
        knoppenrij.addStretch(1)
        laag.addLayout(knoppenrij)
        self.weergavekeuze.activated.connect(self._bij_weergave_gekozen)  # user choices only
        self.bewaarknop.clicked.connect(self.bewaar_weergave)
        self.verwijderknop.clicked.connect(self.verwijder_weergave)

        self._laatste = self.filter()
        self._lees_weergaven()
        self._werk_bij(self._laatste)

    # --- building blocks ---------------------------------------------------------------------------------------

    def _groep(self, titel: str, parent: QWidget) -> QGroupBox:
        groep = QGroupBox(titel, parent)
        groep.setAccessibleName(titel.replace("&", ""))
        groeplaag = QVBoxLayout(groep)
        groeplaag.setSpacing(2)
        return groep

    def _vak(self, tekst: str, toegankelijk: str, parent: QWidget) -> QCheckBox:
        vak = QCheckBox(tekst, parent)
        vak.setAccessibleName(toegankelijk)
        parent.layout().addWidget(vak)
        vak.toggled.connect(self._bij_wijziging)
        return vak

    def _vul_ketens(self, ketens: list[str]) -> None:
        self.iv_ketenkeuze.clear()
        self.iv_ketenkeuze.addItem("")
        self.iv_ketenkeuze.addItems(sorted({k for k in ketens if k and k.strip()}, key=normaliseer))

    # --- the filter ------------------------------------------------------------------------------------------

    def filter(self) -> Filter:
        def aangevinkt(vakken: dict[str, QCheckBox], waarde=lambda code: code) -> tuple[str, ...]:
            return tuple(waarde(code) for code, vak in vakken.items() if vak.isChecked())

        return Filter(
            domeinen=aangevinkt(self.domeinvakken, self._domeinnamen.__getitem__),
            statussen=aangevinkt(self.statusvakken),
            fasen=aangevinkt(self.fasevakken),
            iv_blokkade=self.iv_blokkade_vak.isChecked(),
            iv_afhankelijk=self.iv_afhankelijk_vak.isChecked(),
            iv_keten=_tekst_of_niets(self.iv_ketenkeuze.currentText()),
            toeslagen=aangevinkt(self.toeslagvakken, self._toeslagnamen.__getitem__),
            eigenaar=_tekst_of_niets(self.eigenaarveld.text()),
            zoek=_tekst_of_niets(self.zoekveld.text()),
            planning_verstreken=self.planning_verstreken_vak.isChecked(),
            met_gearchiveerd=self.gearchiveerd_vak.isChecked(),
        )

    def zet_filter(self, f: Filter) -> None:
        """Show a whole filter (a saved view, the last filter of a previous run); emits once.

        Domains and toeslagen may be given by code or (short or full) name, statuses and phases by code, label or
        symbol. A value this panel does not know (a domain removed since the view was saved) is left out.
        """
        domeinen = {normaliseer(d).strip() for d in f.domeinen}
        toeslagen = {normaliseer(t).strip() for t in f.toeslagen}
        statussen = {STATUS.herken(s) for s in f.statussen}
        fasen = {FASE.herken(x) for x in f.fasen}
        self._stil = True
        try:
            for code, vak in self.domeinvakken.items():
                namen = {code, self._domeinnamen[code], _VOLLEDIGE_DOMEINNAAM.get(code, "")}
                vak.setChecked(any(normaliseer(n) in domeinen for n in namen if n))
            for code, vak in self.statusvakken.items():
                vak.setChecked(code in statussen)
            for code, vak in self.fasevakken.items():
                vak.setChecked(code in fasen)
            for code, vak in self.toeslagvakken.items():
                vak.setChecked(normaliseer(code) in toeslagen or normaliseer(self._toeslagnamen[code]) in toeslagen)
            self.iv_afhankelijk_vak.setChecked(f.iv_afhankelijk)
            self.iv_blokkade_vak.setChecked(f.iv_blokkade)
            self.iv_ketenkeuze.setEditText(f.iv_keten or "")
            self.eigenaarveld.setText(f.eigenaar or "")
            self.zoekveld.setText(f.zoek or "")
            self.planning_verstreken_vak.setChecked(f.planning_verstreken)
            self.gearchiveerd_vak.setChecked(f.met_gearchiveerd)
        finally:
            self._stil = False
        if f.fasen:
            self.fasesectie.open()
        if f.toeslagen:
            self.toeslagsectie.open()
        if f.eigenaar or f.planning_verstreken or f.met_gearchiveerd:
            self.overigsectie.open()
        self._meld(altijd=True)

    def wis(self) -> None:
        """Clear every filter and the search text (also 'gearchiveerde tonen'); emits once."""
        self.zet_filter(Filter())

    def focus_zoeken(self) -> None:
        self.zoekveld.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.zoekveld.selectAll()

    def zet_iv_ketens(self, ketens: list[str]) -> None:
        """Refresh the IV-chain choices after the data changed; what is typed or chosen stays."""
        tekst = self.iv_ketenkeuze.currentText()
        self._stil = True
        try:
            self._vul_ketens(ketens)
            self.iv_ketenkeuze.setEditText(tekst)
        finally:
            self._stil = False
        self._meld()

    def _bij_wijziging(self, *_) -> None:
        if not self._stil:
            self._meld()

    def _meld(self, altijd: bool = False) -> None:
        f = self.filter()
        if altijd or f != self._laatste:
            self._laatste = f
            self._werk_bij(f)
            self.filterGewijzigd.emit(f)

    def _werk_bij(self, f: Filter) -> None:
        self.omschrijving.setText(f.omschrijving())
        self.wisknop.setEnabled(f != Filter())
        self._toon_weergave(f)

    # --- saved views ---------------------------------------------------------------------------------------

    def _lees_weergaven(self) -> None:
        self._weergaven = self._instellingen.weergaven
        self.weergavekeuze.clear()
        self.weergavekeuze.addItem(self.tr("(geen)"), None)
        for naam, f in self._weergaven.items():
            self.weergavekeuze.addItem(naam, naam)
            self.weergavekeuze.setItemData(self.weergavekeuze.count() - 1, f.omschrijving(),
                                           Qt.ItemDataRole.ToolTipRole)

    def _toon_weergave(self, f: Filter) -> None:
        """Show the view the current filter is (or '(geen)' once the user changed it)."""
        gekozen = self.weergavekeuze.currentData()
        if gekozen is None or self._weergaven.get(gekozen) != f:
            gekozen = next((naam for naam, w in self._weergaven.items() if w == f), None)
            self.weergavekeuze.setCurrentIndex(max(0, self.weergavekeuze.findData(gekozen)) if gekozen else 0)
        self.verwijderknop.setEnabled(gekozen is not None)

    def _bij_weergave_gekozen(self, index: int) -> None:
        naam = self.weergavekeuze.itemData(index)
        if naam is None:
            self.verwijderknop.setEnabled(False)
            return
        self.zet_filter(self._weergaven[naam])
        self.weergavekeuze.setCurrentIndex(index)  # two views with the same filter: keep the one chosen
        self.verwijderknop.setEnabled(True)

    def bewaar_weergave(self) -> None:
        """Ask a name and store the current filter under it; an existing name is overwritten only when confirmed."""
        naam = vragen.vraag_tekst(self, "Weergave bewaren", "Naam van de weergave:")
        naam = (naam or "").strip()
        if not naam:
            return
        if naam in self._weergaven and not vragen.bevestig(
                self, self.tr("Weergave vervangen"),
                self.tr("Er is al een weergave “%s”. Vervangen door het huidige filter?") % naam,
                ja=self.tr("Vervangen")):
            return
        self._instellingen.bewaar_weergave(naam, self.filter())
        self._instellingen.bewaar()
        self._lees_weergaven()
        self.weergavekeuze.setCurrentIndex(self.weergavekeuze.findData(naam))
        self.verwijderknop.setEnabled(True)

    def verwijder_weergave(self) -> None:
        """Remove the chosen view after confirmation; the filter itself stays as it is."""
        naam = self.weergavekeuze.currentData()
        if naam is None:
            return
        if not vragen.bevestig(self, self.tr("Weergave verwijderen"),
                               self.tr("Weergave “%s” verwijderen?") % naam, ja=self.tr("Verwijderen")):
            return
        self._instellingen.verwijder_weergave(naam)
        self._instellingen.bewaar()
        self._lees_weergaven()
        self._toon_weergave(self._laatste)
