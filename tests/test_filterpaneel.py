"""The filter panel, used as a user would: clicking checkboxes, typing, Escape, saved views."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import (QAbstractButton, QCheckBox, QComboBox, QGroupBox, QLineEdit, QPushButton, QToolButton,
                               QWidget)

from registry.filters import Filter
from registry.vocabulaire import DOMEINEN, FASE, STATUS, TOESLAGEN
from ui import vragen
from ui.filterpaneel import FilterPaneel
from ui.instellingen import Instellingen

KETENS = ["Innen en Betalen", "Toeslagen Verstrekken", "Klantbeeld"]


def maak_paneel(qtbot, ketens=KETENS) -> FilterPaneel:
    paneel = FilterPaneel(Instellingen(), [(c, n) for c, n, _ in DOMEINEN], list(TOESLAGEN), ketens)
    qtbot.addWidget(paneel)
    toon(qtbot, paneel)
    return paneel


def toon(qtbot, venster: QWidget) -> None:
    """Show a window and wait until it is the active one (keyboard shortcuts only work in the active window)."""
    with qtbot.waitActive(venster):
        venster.show()
        venster.activateWindow()


@pytest.fixture
def paneel(qtbot) -> FilterPaneel:
    return maak_paneel(qtbot)


@pytest.fixture
def signalen(paneel) -> list[Filter]:
    """Every filter the panel announces, in order."""
    ontvangen: list[Filter] = []
    paneel.filterGewijzigd.connect(ontvangen.append)
    return ontvangen


def klik(qtbot, knop: QAbstractButton) -> None:
    """A mouse click where a user clicks a checkbox: on its box, at the left."""
    qtbot.mouseClick(knop, Qt.MouseButton.LeftButton, pos=QPoint(6, knop.height() // 2))


def open_secties(qtbot, paneel: FilterPaneel) -> None:
    for sectie in (paneel.fasesectie, paneel.toeslagsectie, paneel.overigsectie):
        if not sectie.knop.isChecked():
            qtbot.mouseClick(sectie.knop, Qt.MouseButton.LeftButton)


def test_een_nieuw_paneel_filtert_niets(paneel):
    assert paneel.filter() == Filter()
    assert paneel.omschrijving.text() == "Alle maatregelen"
    assert not paneel.wisknop.isEnabled()


def test_aanvinken_geeft_het_filter_met_een_signaal_per_klik(qtbot, paneel, signalen):
    klik(qtbot, paneel.domeinvakken["IN"])
    klik(qtbot, paneel.statusvakken["deels"])
    klik(qtbot, paneel.statusvakken["niet"])
    klik(qtbot, paneel.iv_blokkade_vak)

    assert len(signalen) == 4
    verwacht = Filter(domeinen=("Invordering",), statussen=("deels", "niet"), iv_blokkade=True)
    assert signalen[-1] == verwacht == paneel.filter()
    assert signalen[0] == Filter(domeinen=("Invordering",))


def test_het_actieve_filter_staat_in_woorden_boven_de_filters(qtbot, paneel):
    for vak in (paneel.domeinvakken["IN"], paneel.statusvakken["deels"], paneel.statusvakken["niet"],
                paneel.iv_blokkade_vak):
        klik(qtbot, vak)
    assert paneel.omschrijving.text() == (
        "Domein: Invordering · Status: Deels, Niet ingevoerd · alleen IV-blokkade")


def test_uitvinken_haalt_de_waarde_weer_uit_het_filter(qtbot, paneel, signalen):
    klik(qtbot, paneel.domeinvakken["TV"])
    klik(qtbot, paneel.domeinvakken["TV"])
    assert signalen == [Filter(domeinen=("Terugvorderingen",)), Filter()]


def test_fase_toeslag_iv_en_overige_filters_komen_in_het_filter(qtbot, paneel, signalen):
    open_secties(qtbot, paneel)
    klik(qtbot, paneel.fasevakken["pilot"])
    klik(qtbot, paneel.fasevakken["on_hold"])
    klik(qtbot, paneel.toeslagvakken["KOT"])
    klik(qtbot, paneel.iv_afhankelijk_vak)
    klik(qtbot, paneel.planning_verstreken_vak)
    klik(qtbot, paneel.gearchiveerd_vak)
    qtbot.keyClicks(paneel.eigenaarveld, "Team")
    qtbot.keyClicks(paneel.iv_ketenkeuze.lineEdit(), "Innen")

    assert paneel.filter() == Filter(fasen=("pilot", "on_hold"), toeslagen=("Kinderopvangtoeslag",),
                                     iv_afhankelijk=True, planning_verstreken=True, met_gearchiveerd=True,
                                     eigenaar="Team", iv_keten="Innen")
    assert len(signalen) == 6 + len("Team") + len("Innen")
    assert signalen[-1] == paneel.filter()


def test_een_getypt_deel_van_de_iv_keten_wordt_niet_aangevuld(qtbot, paneel):
    """The chain filter matches by substring: typing "Toesl" must not silently become the whole chain name."""
    qtbot.keyClicks(paneel.iv_ketenkeuze.lineEdit(), "Toesl")
    assert paneel.filter().iv_keten == "Toesl"


def test_een_iv_keten_kiezen_uit_de_lijst(qtbot, paneel, signalen):
    paneel.iv_ketenkeuze.setFocus()
    qtbot.keyClick(paneel.iv_ketenkeuze, Qt.Key.Key_Down)
    assert paneel.filter().iv_keten == paneel.iv_ketenkeuze.itemText(1)
    assert len(signalen) == 1


def test_typen_in_het_zoekveld_geeft_een_signaal_per_toets(qtbot, paneel, signalen):
    qtbot.keyClicks(paneel.zoekveld, "begel")
    assert [f.zoek for f in signalen] == ["b", "be", "beg", "bege", "begel"]
    assert paneel.omschrijving.text() == "Zoekterm: “begel”"


def test_escape_maakt_het_zoekveld_leeg(qtbot, paneel, signalen):
    klik(qtbot, paneel.domeinvakken["NG"])
    qtbot.keyClicks(paneel.zoekveld, "abc")
    qtbot.keyClick(paneel.zoekveld, Qt.Key.Key_Escape)
    assert paneel.zoekveld.text() == ""
    assert signalen[-1] == Filter(domeinen=("Niet-gebruik",))  # only the search is cleared
    assert len(signalen) == 1 + 3 + 1


def test_wis_alle_filters_maakt_alles_leeg_met_een_signaal(qtbot, paneel, signalen):
    open_secties(qtbot, paneel)
    for vak in (paneel.domeinvakken["BU"], paneel.statusvakken["ingevoerd"], paneel.fasevakken["idee"],
                paneel.toeslagvakken["HT"], paneel.iv_blokkade_vak, paneel.gearchiveerd_vak):
        klik(qtbot, vak)
    qtbot.keyClicks(paneel.zoekveld, "x")
    qtbot.keyClicks(paneel.eigenaarveld, "y")
    qtbot.keyClicks(paneel.iv_ketenkeuze.lineEdit(), "z")
    signalen.clear()

    klik(qtbot, paneel.wisknop)

    assert signalen == [Filter()]
    assert paneel.filter() == Filter()
    assert paneel.zoekveld.text() == paneel.eigenaarveld.text() == paneel.iv_ketenkeuze.currentText() == ""
    assert not any(v.isChecked() for v in paneel.findChildren(QCheckBox))
    assert paneel.omschrijving.text() == "Alle maatregelen"


def test_zet_filter_zet_alle_velden_met_een_signaal(paneel, signalen):
    f = Filter(domeinen=("Terugvorderingen", "Dienstverlening"), statussen=("ingevoerd",), fasen=("staand",),
               iv_blokkade=True, iv_afhankelijk=True, iv_keten="Innen en Betalen", toeslagen=("Zorgtoeslag",),
               eigenaar="Directie", zoek="brief", planning_verstreken=True, met_gearchiveerd=True)
    paneel.zet_filter(f)
    assert signalen == [f]
    assert paneel.filter() == f
    assert paneel.omschrijving.text() == f.omschrijving()


def test_zet_filter_opent_een_ingeklapte_sectie_met_een_actieve_waarde(paneel):
    assert not paneel.fasesectie.inhoud.isVisibleTo(paneel)
    paneel.zet_filter(Filter(fasen=("pilot",)))
    assert paneel.fasevakken["pilot"].isVisibleTo(paneel)


def test_zet_filter_herkent_codes_volledige_namen_en_symbolen(paneel):
    paneel.zet_filter(Filter(domeinen=("IN", "Verbeteringen in beleid en uitvoering"),
                             statussen=("●", "Niet ingevoerd"), fasen=("Staande praktijk",),
                             toeslagen=("HT", "zorgtoeslag")))
    assert paneel.filter() == Filter(domeinen=("Invordering", "Beleid en uitvoering"), statussen=("deels", "niet"),
                                     fasen=("staand",), toeslagen=("Huurtoeslag", "Zorgtoeslag"))


def _deelrij(waarden):
    """A subset of the values, in their own order (the order the panel lists them)."""
    return st.sets(st.sampled_from(waarden)).map(lambda gekozen: tuple(w for w in waarden if w in gekozen))


_TEKST = st.text(st.characters(blacklist_categories=("Cc", "Cs", "Cn", "Co", "Zl", "Zp")), min_size=1,
                 max_size=40).filter(str.strip)
_FILTERS = st.builds(
    Filter,
    domeinen=_deelrij([naam for _, naam, _ in DOMEINEN]),
    statussen=_deelrij(list(STATUS.codes)),
    fasen=_deelrij(list(FASE.codes)),
    iv_blokkade=st.booleans(),
    iv_afhankelijk=st.booleans(),
    iv_keten=st.none() | st.sampled_from(KETENS) | _TEKST,
    toeslagen=_deelrij([naam for _, naam in TOESLAGEN]),
    eigenaar=st.none() | _TEKST,
    zoek=st.none() | _TEKST,
    planning_verstreken=st.booleans(),
    met_gearchiveerd=st.booleans(),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(f=_FILTERS)
def test_zet_filter_en_filter_geven_elk_filter_ongewijzigd_terug(paneel, f):
    ontvangen = []
    paneel.filterGewijzigd.connect(ontvangen.append)
    try:
        paneel.zet_filter(f)
    finally:
        paneel.filterGewijzigd.disconnect(ontvangen.append)
    assert paneel.filter() == f
    assert ontvangen == [f]
    assert paneel.omschrijving.text() == f.omschrijving()


def test_nieuwe_iv_ketens_laten_de_getypte_keten_staan_zonder_signaal(qtbot, paneel, signalen):
    qtbot.keyClicks(paneel.iv_ketenkeuze.lineEdit(), "Inn")
    signalen.clear()
    paneel.zet_iv_ketens(["Nieuwe keten", "Innen en Betalen", "Nieuwe keten", ""])
    assert signalen == []
    assert paneel.filter().iv_keten == "Inn"
    keuzes = [paneel.iv_ketenkeuze.itemText(i) for i in range(paneel.iv_ketenkeuze.count())]
    assert keuzes == ["", "Innen en Betalen", "Nieuwe keten"]


def test_focus_zoeken_selecteert_de_zoektekst(qtbot, paneel):
    paneel.zet_filter(Filter(zoek="begeleiding"))
    paneel.focus_zoeken()
    assert paneel.focusWidget() is paneel.zoekveld
    assert paneel.zoekveld.selectedText() == "begeleiding"


def test_elk_bedieningselement_heeft_een_nederlandse_toegankelijke_naam(paneel):
    elementen = [w for w in paneel.findChildren(QWidget)
                 if isinstance(w, QCheckBox | QLineEdit | QComboBox | QPushButton | QToolButton | QGroupBox)
                 and not isinstance(w.parentWidget(), QLineEdit | QComboBox)]  # a line edit's own clear button
    assert len(elementen) > 30
    zonder = [w for w in elementen if not w.accessibleName()]
    assert zonder == []
    assert paneel.statusvakken["deels"].accessibleName() == "Status Deels"


def test_groepen_hebben_een_sneltoets(paneel):
    titels = [g.title() for g in paneel.findChildren(QGroupBox)]
    titels += [s.knop.text() for s in (paneel.fasesectie, paneel.toeslagsectie, paneel.overigsectie)]
    assert sorted(titels) == sorted(["&Domein", "&Status", "&IV", "&Fase", "&Toeslag", "&Overige filters"])


def test_met_tab_is_elk_filter_bereikbaar(qtbot, paneel):
    open_secties(qtbot, paneel)
    qtbot.keyClicks(paneel.zoekveld, "x")  # something to clear: "Wis alle filters" is enabled
    paneel.zoekveld.setFocus()
    bezocht = []
    for _ in range(80):
        bezocht.append(paneel.focusWidget())
        qtbot.keyClick(paneel.focusWidget(), Qt.Key.Key_Tab)
    verwacht = [*paneel.domeinvakken.values(), *paneel.statusvakken.values(), *paneel.fasevakken.values(),
                *paneel.toeslagvakken.values(), paneel.iv_afhankelijk_vak, paneel.iv_blokkade_vak,
                paneel.iv_ketenkeuze, paneel.eigenaarveld, paneel.planning_verstreken_vak, paneel.gearchiveerd_vak,
                paneel.wisknop, paneel.weergavekeuze, paneel.bewaarknop]
    assert [w.accessibleName() for w in verwacht if w not in bezocht] == []


def test_sneltoets_van_een_ingeklapte_sectie_opent_hem_en_zet_de_focus_erin(qtbot, paneel):
    assert not paneel.toeslagsectie.knop.isChecked()
    qtbot.keyClick(paneel.zoekveld, Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)
    assert paneel.toeslagsectie.knop.isChecked()
    assert paneel.focusWidget() is paneel.toeslagvakken["HT"]
    qtbot.keyClick(paneel.focusWidget(), Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)
    assert paneel.toeslagsectie.knop.isChecked()  # a second press does not fold it away


# --- saved views --------------------------------------------------------------------------------------------------


def antwoord(monkeypatch, naam=None, bevestig=True) -> list[str]:
    """Answer the panel's questions; returns the confirmation texts asked."""
    gevraagd: list[str] = []
    monkeypatch.setattr(vragen, "vraag_tekst", lambda *a, **k: naam)

    def _bevestig(ouder, titel, tekst, *a, **k):
        gevraagd.append(tekst)
        return bevestig

    monkeypatch.setattr(vragen, "bevestig", _bevestig)
    return gevraagd


def weergavenamen(paneel) -> list[str]:
    return [paneel.weergavekeuze.itemText(i) for i in range(paneel.weergavekeuze.count())]


def kies_weergave(qtbot, paneel, naam: str) -> None:
    """Choose a view with the keyboard, as a user would (the combo box's Down key)."""
    keuze = paneel.weergavekeuze
    doel = keuze.findText(naam)
    assert doel >= 0, f"weergave {naam!r} niet gevonden"
    keuze.setFocus()
    while keuze.currentIndex() != doel:
        qtbot.keyClick(keuze, Qt.Key.Key_Down if keuze.currentIndex() < doel else Qt.Key.Key_Up)


def test_een_bewaarde_weergave_is_er_na_het_herstarten_nog(qtbot, monkeypatch):
    paneel = maak_paneel(qtbot)
    f = Filter(domeinen=("Invordering",), statussen=("deels", "niet"), iv_blokkade=True, zoek="brief")
    paneel.zet_filter(f)
    antwoord(monkeypatch, naam="  Blokkades IN  ")
    klik(qtbot, paneel.bewaarknop)
    assert paneel.weergavekeuze.currentText() == "Blokkades IN"
    assert paneel.verwijderknop.isEnabled()

    nieuw = maak_paneel(qtbot)  # a new Instellingen over the same file
    assert weergavenamen(nieuw) == ["(geen)", "Blokkades IN"]
    ontvangen = []
    nieuw.filterGewijzigd.connect(ontvangen.append)
    kies_weergave(qtbot, nieuw, "Blokkades IN")
    assert nieuw.filter() == f
    assert ontvangen == [f]


def test_een_weergave_kiezen_zet_alle_filters_en_wijzigen_laat_de_weergave_los(qtbot, paneel, monkeypatch):
    paneel.zet_filter(Filter(toeslagen=("Huurtoeslag",)))
    antwoord(monkeypatch, naam="Huur")
    klik(qtbot, paneel.bewaarknop)
    klik(qtbot, paneel.wisknop)
    assert paneel.weergavekeuze.currentText() == "(geen)"
    assert not paneel.verwijderknop.isEnabled()

    kies_weergave(qtbot, paneel, "Huur")
    assert paneel.filter() == Filter(toeslagen=("Huurtoeslag",))
    qtbot.keyClicks(paneel.zoekveld, "a")
    assert paneel.weergavekeuze.currentText() == "(geen)"  # the filter is no longer the saved view
    qtbot.keyClick(paneel.zoekveld, Qt.Key.Key_Backspace)
    assert paneel.weergavekeuze.currentText() == "Huur"


@pytest.mark.parametrize("naam", [None, "", "   "])
def test_bewaren_zonder_naam_bewaart_niets(qtbot, paneel, monkeypatch, naam):
    gevraagd = antwoord(monkeypatch, naam=naam)
    klik(qtbot, paneel.bewaarknop)
    assert gevraagd == []
    assert Instellingen().weergaven == {}
    assert weergavenamen(paneel) == ["(geen)"]


def test_een_bestaande_weergave_overschrijven_vraagt_eerst(qtbot, paneel, monkeypatch):
    paneel.zet_filter(Filter(statussen=("niet",)))
    antwoord(monkeypatch, naam="Mijn")
    klik(qtbot, paneel.bewaarknop)

    paneel.zet_filter(Filter(statussen=("ingevoerd",)))
    gevraagd = antwoord(monkeypatch, naam="Mijn", bevestig=False)
    klik(qtbot, paneel.bewaarknop)
    assert len(gevraagd) == 1 and "Mijn" in gevraagd[0]
    assert Instellingen().weergaven == {"Mijn": Filter(statussen=("niet",))}

    gevraagd = antwoord(monkeypatch, naam="Mijn", bevestig=True)
    klik(qtbot, paneel.bewaarknop)
    assert len(gevraagd) == 1
    assert Instellingen().weergaven == {"Mijn": Filter(statussen=("ingevoerd",))}
    assert weergavenamen(paneel) == ["(geen)", "Mijn"]


def test_verwijderen_vraagt_eerst_en_haalt_de_weergave_weg(qtbot, paneel, monkeypatch):
    for naam, f in (("Een", Filter(zoek="een")), ("Twee", Filter(zoek="twee"))):
        paneel.zet_filter(f)
        antwoord(monkeypatch, naam=naam)
        klik(qtbot, paneel.bewaarknop)
    kies_weergave(qtbot, paneel, "Een")

    gevraagd = antwoord(monkeypatch, bevestig=False)
    klik(qtbot, paneel.verwijderknop)
    assert len(gevraagd) == 1 and "Een" in gevraagd[0]
    assert set(Instellingen().weergaven) == {"Een", "Twee"}

    gevraagd = antwoord(monkeypatch, bevestig=True)
    klik(qtbot, paneel.verwijderknop)
    assert len(gevraagd) == 1
    assert set(Instellingen().weergaven) == {"Twee"}
    assert weergavenamen(paneel) == ["(geen)", "Twee"]
    assert paneel.weergavekeuze.currentText() == "(geen)"
    assert paneel.filter() == Filter(zoek="een")  # removing a view leaves the filter as it is
    assert weergavenamen(maak_paneel(qtbot)) == ["(geen)", "Twee"]


def test_gebruikerstekst_met_opmaaktekens_staat_letterlijk_in_de_omschrijving(qtbot, paneel):
    qtbot.keyClicks(paneel.zoekveld, "<b>vet</b> & 'quote'")
    assert paneel.omschrijving.textFormat() == Qt.TextFormat.PlainText
    assert paneel.omschrijving.text() == "Zoekterm: “<b>vet</b> & 'quote'”"


def test_escape_in_een_leeg_zoekveld_gaat_door_naar_het_venster(qtbot):
    """With nothing to clear, Escape is not swallowed: a dialog (or the main window) still gets it."""
    from PySide6.QtWidgets import QDialog, QVBoxLayout

    dialoog = QDialog()
    qtbot.addWidget(dialoog)
    paneel = FilterPaneel(Instellingen(), [(c, n) for c, n, _ in DOMEINEN], list(TOESLAGEN), [], dialoog)
    QVBoxLayout(dialoog).addWidget(paneel)
    toon(qtbot, dialoog)
    qtbot.keyClicks(paneel.zoekveld, "a")
    qtbot.keyClick(paneel.zoekveld, Qt.Key.Key_Escape)
    assert dialoog.isVisible() and paneel.zoekveld.text() == ""
    qtbot.keyClick(paneel.zoekveld, Qt.Key.Key_Escape)
    assert not dialoog.isVisible()


def test_escape_gaat_voor_een_escape_sneltoets_van_het_venster(qtbot):
    """A main window may bind Escape itself; with text in the search box, Escape clears the search instead."""
    from PySide6.QtGui import QKeySequence, QShortcut
    from PySide6.QtWidgets import QVBoxLayout

    venster = QWidget()
    qtbot.addWidget(venster)
    paneel = FilterPaneel(Instellingen(), [(c, n) for c, n, _ in DOMEINEN], list(TOESLAGEN), [], venster)
    QVBoxLayout(venster).addWidget(paneel)
    geactiveerd = []
    QShortcut(QKeySequence(Qt.Key.Key_Escape), venster).activated.connect(lambda: geactiveerd.append(True))
    toon(qtbot, venster)
    paneel.focus_zoeken()
    qtbot.keyClicks(paneel.zoekveld, "abc")
    qtbot.keyClick(paneel.zoekveld, Qt.Key.Key_Escape)
    assert paneel.zoekveld.text() == "" and geactiveerd == []
    qtbot.keyClick(paneel.zoekveld, Qt.Key.Key_Escape)
    assert geactiveerd == [True]
