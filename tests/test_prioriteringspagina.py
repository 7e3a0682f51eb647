"""The Prioritering view: a user reads the ranking with its parts, tries capacities and inputs in a scenario that
leaves the register untouched, undoes and discards it, saves it as a decision, and records a decision and a hand-set
rank on one measure; a colleague's change in between is refused, never overwritten."""

import json
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from registry.export_json import register_als_json
from registry.maatregel import haal_maatregel, maak_maatregel, wijzig_maatregel
from registry.prioritering.besluit import besluiten
from registry.prioritering.capaciteit import capaciteiten, zet_capaciteit
from ui import vragen
from ui import prioriteringsmodellen
from ui.prioriteringsmodellen import CapaciteitModel, PlanModel, RangordeModel
from ui.prioriteringspagina import MAATREGELBESLUITEN_TAB, SCENARIOS_TAB, PrioriteringsPagina

KETEN = "Innen en Betalen"


def maak_pagina(qtbot, register):
    pagina = PrioriteringsPagina(register, lambda: "tester")
    qtbot.addWidget(pagina)
    pagina.resize(1400, 900)
    pagina.show()
    qtbot.waitExposed(pagina)
    return pagina


@pytest.fixture
def klein_register(sqlite_register):
    """Seven open measures on one chain with two periods of 20 IV-weeks, a dependency and a cycle.

    Scores: IN-03, IN-04 0,50 (no IV: 0 weeks); TV-02 2 × 0,8 ÷ 4 = 0,40; TV-01 3 × 1,0 ÷ 8 = 0,375;
    IN-01 3 × 0,8 ÷ 30 = 0,08; TV-03 1 × 0,3 ÷ 20 = 0,015; IN-02 1 × 0,3 ÷ 50 = 0,006.
    Fit: 2027-H1 takes TV-02 and TV-01 (12 of 20), 2027-H2 takes TV-03 (20 of 20); IN-01 (30) and the IV-blocked
    IN-02 (50) are larger than every period.
    """
    with sqlite_register.werk() as s:
        def maatregel(code, naam, effect, basis, weken, **velden):
            maak_maatregel(s, {"domein": code[:2], "naam": naam, "verwacht_effect": effect, "effect_basis": basis,
                               "iv_weken": weken, **velden}, "anna", code=code)
        maatregel("TV-01", "Vooraf informeren", "hoog", "effectonderzoek", 8, iv_keten=KETEN)
        maatregel("TV-02", "Proactief toekennen", "midden", "pilot", 4, iv_keten=KETEN)
        maatregel("TV-03", "Schatting bijstellen", "laag", "geen", 20, iv_keten=KETEN)
        maatregel("IN-01", "Betalingsregeling op maat", "hoog", "pilot", 30, iv_keten=KETEN,
                  afhankelijk_van=["TV-03"])
        maatregel("IN-02", "Kwijtschelding <automatisch>", "laag", "geen", 50, iv_keten=KETEN, iv_blokkade=True)
        maatregel("IN-03", "Brief herschrijven", "laag", "beleidstheorie", 0)
        maatregel("IN-04", "Telefoonscript", "laag", "beleidstheorie", 0, afhankelijk_van=["IN-03"])
        in03 = haal_maatregel(s, "IN-03")
        wijzig_maatregel(s, "IN-03", {"afhankelijk_van": ["IN-04"]}, "anna", in03.versie)
        zet_capaciteit(s, KETEN, "2027-H1", 20, "anna")
        zet_capaciteit(s, KETEN, "2027-H2", 20, "anna")
    return sqlite_register


@pytest.fixture
def pagina(qtbot, klein_register):
    return maak_pagina(qtbot, klein_register)


def als_json(register) -> str:
    with register.sessie() as s:
        return json.dumps(register_als_json(s), sort_keys=True, default=str)


def capaciteit_in_register(register) -> dict[str, float]:
    with register.sessie() as s:
        return {c.periode.tekst: c.weken for c in capaciteiten(s)}


def kolom(pagina, k: int) -> list[str]:
    m = pagina.model
    return [m.index(r, k).data() for r in range(m.rowCount())]


def tooltip(index) -> str:
    """A tooltip as the user reads it (it is rich text, so that typed markup shows as typed)."""
    from PySide6.QtGui import QTextDocument

    document = QTextDocument()
    document.setHtml(index.data(Qt.ItemDataRole.ToolTipRole) or "")
    return document.toPlainText().replace("\xa0", " ")


def cel(pagina, code: str, k: int):
    m = pagina.model
    return m.index(m.rij_van_code(code), k)


def bewerk_capaciteit(qtbot, pagina, periode: str, tekst: str) -> None:
    """Type a capacity into the table's cell, as a user does (F2, the text, Enter)."""
    m = pagina.capaciteitmodel
    rij = next(i for i in range(m.rowCount()) if m.index(i, CapaciteitModel.PERIODE).data() == periode)
    index = m.index(rij, CapaciteitModel.CAPACITEIT)
    tabel = pagina.capaciteittabel
    tabel.setFocus()
    tabel.setCurrentIndex(index)
    qtbot.keyClick(tabel, Qt.Key.Key_F2)
    editor = next((e for e in tabel.findChildren(QLineEdit) if e.isVisible()), None)  # not a closed one
    assert editor is not None
    editor.selectAll()
    qtbot.keyClicks(editor, tekst)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.wait(20)


def scenariocapaciteit(pagina) -> dict[tuple[str, str], float | None]:
    """The scenario's capacities as (chain as typed, period) → weeks."""
    return {(keten, periode.tekst): weken for keten, periode, weken in pagina.scenario().capaciteit.values()}


def kies(qtbot, pagina, code: str) -> None:
    index = cel(pagina, code, RangordeModel.CODE)
    pagina.tabel.scrollTo(index)
    qtbot.mouseClick(pagina.tabel.viewport(), Qt.MouseButton.LeftButton, pos=pagina.tabel.visualRect(index).center())
    assert pagina.huidige_code() == code


# --- reading ---------------------------------------------------------------------------------------------------

def test_rangorde_staat_op_score_met_de_onderdelen(pagina):
    assert pagina.alleen_iv.isChecked()  # by default the measures that need no IV capacity are left out
    assert kolom(pagina, RangordeModel.CODE) == ["TV-02", "TV-01", "IN-01", "TV-03", "IN-02"]
    assert kolom(pagina, RangordeModel.RANG) == ["3", "4", "5", "6", "7"]
    assert pagina.rangtelling.text() == "5 van 7 maatregelen"
    pagina.alleen_iv.setChecked(False)
    assert kolom(pagina, RangordeModel.CODE) == ["IN-03", "IN-04", "TV-02", "TV-01", "IN-01", "TV-03", "IN-02"]
    assert kolom(pagina, RangordeModel.RANG) == ["1", "2", "3", "4", "5", "6", "7"]
    assert kolom(pagina, RangordeModel.RANG_KETEN) == ["", "", "1", "2", "3", "4", "5"]
    assert cel(pagina, "TV-02", RangordeModel.SCORE).data() == "0,4"
    assert cel(pagina, "TV-01", RangordeModel.SCORE).data() == "0,375"  # three decimals: the order can be read
    assert cel(pagina, "TV-02", RangordeModel.BEREKENING).data() == "2 × 0,8 ÷ 4 = 0,4"
    assert "2 × 0,8 ÷ 4" in tooltip(cel(pagina, "TV-02", RangordeModel.SCORE))
    assert cel(pagina, "TV-01", RangordeModel.EFFECT).data() == "Hoog"
    assert cel(pagina, "TV-01", RangordeModel.ONDERBOUWING).data() == "Effectonderzoek"
    assert cel(pagina, "TV-01", RangordeModel.WEKEN).data() == "8"
    assert cel(pagina, "TV-01", RangordeModel.PLAN).data() == "2027-H1"
    assert cel(pagina, "TV-03", RangordeModel.PLAN).data() == "2027-H2"
    assert "groter dan elke periode" in cel(pagina, "IN-01", RangordeModel.TOELICHTING).data()
    assert pagina.tabel.isColumnHidden(RangordeModel.SCENARIO)  # no scenario yet


def test_samenvatting_en_lijsten_tonen_wat_past_en_wat_niet(pagina):
    pagina.vul_alle_lijsten()  # each list is filled when its tab is first shown
    assert pagina.samenvatting.text() == ("7 open maatregelen · 3 gepland · 2 past niet · "
                                          "1 IV-geblokkeerd zonder capaciteit")
    assert pagina.lijsten.tabText(1) == "Past niet (2)"
    assert [pagina.pastnietmodel.tekst(r, 1) for r in pagina.pastnietmodel.rijen()] == ["IN-01", "IN-02"]
    assert [pagina.geblokkeerdmodel.tekst(r, 1) for r in pagina.geblokkeerdmodel.rijen()] == ["IN-02"]
    assert [pagina.kringloopmodel.tekst(r, 0) for r in pagina.kringloopmodel.rijen()] == ["IN-03 → IN-04 → IN-03"]
    plan = {pagina.planmodel.tekst(v, 1): (pagina.planmodel.tekst(v, 3), pagina.planmodel.tekst(v, 5))
            for v in pagina.planmodel.rijen()}
    assert plan == {"2027-H1": ("12", "TV-02, TV-01"), "2027-H2": ("20", "TV-03")}


def test_ketenfilter_beperkt_rangorde_en_capaciteit(pagina):
    namen = [pagina.ketenkeuze.itemText(i) for i in range(pagina.ketenkeuze.count())]
    assert namen == ["Alle ketens", KETEN]
    pagina.ketenkeuze.setCurrentIndex(1)
    assert kolom(pagina, RangordeModel.CODE) == ["TV-02", "TV-01", "IN-01", "TV-03", "IN-02"]
    assert pagina.capaciteitmodel.rowCount() == 2
    assert pagina.samenvatting.text().startswith(f"Keten {KETEN}: 5 open maatregelen")


def test_rang_in_keten_volgt_de_volgorde_van_het_inpassen(qtbot, pagina):
    """Within a chain the fit takes "nu" first, then the measures without a decision, then "later"."""
    assert kolom(pagina, RangordeModel.RANG_KETEN) == ["1", "2", "3", "4", "5"]  # TV-02, TV-01, IN-01, TV-03, IN-02
    kies(qtbot, pagina, "TV-03")
    pagina.zet_invoer("prioriteit", "nu")
    kies(qtbot, pagina, "TV-02")
    pagina.zet_invoer("prioriteit", "later")
    plaatsen = {c: cel(pagina, c, RangordeModel.RANG_KETEN).data() for c in kolom(pagina, RangordeModel.CODE)}
    assert plaatsen == {"TV-03": "1", "TV-01": "2", "IN-01": "3", "IN-02": "4", "TV-02": "5"}
    assert kolom(pagina, RangordeModel.RANG) == ["3", "4", "5", "6", "7"]  # the ranking itself is unchanged
    kop = pagina.model.headerData(RangordeModel.BESLUIT, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert "Nu: gaat bij het inpassen vóór maatregelen zonder besluit" in kop
    assert "eerst besluit Nu" in pagina.model.headerData(RangordeModel.RANG_KETEN, Qt.Orientation.Horizontal,
                                                         Qt.ItemDataRole.ToolTipRole)


def test_een_filter_dat_de_gekozen_maatregel_verbergt_maakt_de_keuze_leeg(qtbot, pagina):
    pagina.alleen_iv.setChecked(False)
    kies(qtbot, pagina, "IN-03")  # no chain, no IV needed
    assert pagina.invoergroep.isEnabled()
    pagina.zet_keten_filter(KETEN)
    assert pagina.huidige_code() is None
    assert not pagina.invoergroep.isEnabled() and not pagina.knop_besluit.isEnabled()
    assert pagina.maatregeltitel.text() == "Kies een maatregel in de rangorde"

    pagina.zet_keten_filter(None)
    kies(qtbot, pagina, "IN-04")
    qtbot.mouseClick(pagina.alleen_iv, Qt.MouseButton.LeftButton)
    assert pagina.alleen_iv.isChecked() and pagina.huidige_code() is None
    assert pagina.selecteer("IN-04")  # asked for by the window: the filter that hides it is lifted
    assert not pagina.alleen_iv.isChecked() and pagina.huidige_code() == "IN-04"


def test_elk_model_doorstaat_de_modeltester(qtbot, qtmodeltester, pagina):
    bewerk_capaciteit(qtbot, pagina, "2027-H1", "10")
    qtbot.waitUntil(lambda: not pagina.scenario().is_leeg)
    for tab in range(pagina.lijsten.count()):  # each list is filled when its tab is shown
        pagina.lijsten.setCurrentIndex(tab)
    for model in (pagina.model, pagina.capaciteitmodel, pagina.planmodel, pagina.pastnietmodel,
                  pagina.geblokkeerdmodel, pagina.kringloopmodel, pagina.verschuivingmodel, pagina.besluitenmodel,
                  pagina.maatregelbesluitenmodel):
        assert model.rowCount() > 0 or model in (pagina.besluitenmodel, pagina.maatregelbesluitenmodel)
        qtmodeltester.check(model)


# --- scenarios -------------------------------------------------------------------------------------------------

def test_capaciteit_wijzigen_maakt_een_scenario_zonder_het_register_te_raken(qtbot, pagina, klein_register):
    voor = als_json(klein_register)
    bewerk_capaciteit(qtbot, pagina, "2027-H1", "10")
    qtbot.waitUntil(lambda: not pagina.scenario().is_leeg)

    assert not pagina.tabel.isColumnHidden(RangordeModel.SCENARIO)
    assert cel(pagina, "TV-01", RangordeModel.PLAN).data() == "2027-H1"
    assert cel(pagina, "TV-01", RangordeModel.SCENARIO).data() == "2027-H2 → verschoven"
    assert cel(pagina, "TV-03", RangordeModel.SCENARIO).data().endswith("↓ eruit")
    assert cel(pagina, "TV-03", RangordeModel.SCENARIO).data(Qt.ItemDataRole.BackgroundRole) is not None
    assert cel(pagina, "TV-02", RangordeModel.SCENARIO).data(Qt.ItemDataRole.BackgroundRole) is None
    assert "wacht op TV-03" in cel(pagina, "IN-01", RangordeModel.TOELICHTING).data()
    assert pagina.scenariobalk.isVisible()
    assert pagina.scenariolabel.text().startswith("Scenario: 1 wijziging — 0 erin, 1 eruit, 1 verschoven, 0 anders")
    assert pagina.lijsten.tabText(4) == "Verschuivingen (2)"
    m = pagina.capaciteitmodel
    assert [(m.index(r, CapaciteitModel.CAPACITEIT).data(), m.index(r, CapaciteitModel.HUIDIG_).data())
            for r in range(m.rowCount())] == [("10", "20"), ("20", "20")]

    assert als_json(klein_register) == voor
    assert capaciteit_in_register(klein_register) == {"2027-H1": 20, "2027-H2": 20}


def test_een_capaciteitswijziging_ververst_de_rangorde_en_houdt_de_gekozen_maatregel(qtbot, pagina):
    """The same measures in the same order: the cells change in place (no reset of 10,000 rows), the choice stays."""
    kies(qtbot, pagina, "TV-01")
    resets, gewijzigd = [], []
    pagina.model.modelReset.connect(lambda: resets.append(1))
    pagina.model.dataChanged.connect(lambda *_: gewijzigd.append(1))
    pagina.zet_capaciteit(KETEN, "2027-H1", 10)
    assert cel(pagina, "TV-01", RangordeModel.SCENARIO).data() == "2027-H2 → verschoven"
    pagina.zet_capaciteit(KETEN, "2027-H1", 12)
    assert cel(pagina, "TV-01", RangordeModel.SCENARIO).data() == "2027-H1"
    assert cel(pagina, "TV-01", RangordeModel.TOELICHTING).data().endswith("8 van 12 weken")
    assert resets == [] and len(gewijzigd) == 2
    assert pagina.huidige_code() == "TV-01"
    assert [i.row() for i in pagina.tabel.selectionModel().selectedRows()] == [pagina.model.rij_van_code("TV-01")]
    pagina.zet_invoer("iv_weken", 40)  # another order: the rows are laid out anew, the choice still stays
    assert resets == [1] and pagina.huidige_code() == "TV-01"


def test_een_periode_met_veel_maatregelen_noemt_de_eerste_en_telt_de_rest(pagina, monkeypatch):
    monkeypatch.setattr(prioriteringsmodellen, "GEPLAND_IN_CEL", 1)
    pagina.vul_alle_lijsten()
    m = pagina.planmodel
    eerste = m.index(0, PlanModel.GEPLAND)
    assert m.index(0, 1).data() == "2027-H1"
    assert eerste.data() == "TV-02, … +1"
    assert tooltip(eerste) == "TV-02, TV-01"  # all of them on hovering


def test_scenariobalk_telt_ook_wat_om_een_andere_reden_buiten_het_plan_blijft(qtbot, pagina):
    kies(qtbot, pagina, "IN-02")  # larger than every period; without weeks its input is missing instead
    pagina.zet_invoer("iv_weken", None)
    assert pagina.scenariolabel.text().startswith("Scenario: 1 wijziging — 0 erin, 0 eruit, 0 verschoven, 1 anders")
    assert cel(pagina, "IN-02", RangordeModel.SCENARIO).data() == "Invoer ontbreekt ≠ anders"
    assert tooltip(cel(pagina, "IN-02", RangordeModel.SCENARIO)).startswith("Invoer ontbreekt ≠ anders\n")
    assert "Zonder het scenario: Past niet" in tooltip(cel(pagina, "IN-02", RangordeModel.SCENARIO))


def test_planregel_van_de_gekozen_maatregel_noemt_de_periode_een_keer(qtbot, pagina):
    kies(qtbot, pagina, "TV-01")
    tekst = pagina.gegevens["plan"].text()
    assert tekst.startswith("2027-H1, ") and tekst.count("2027-H1") == 1


def test_ongeldige_capaciteit_wordt_geweigerd_met_een_melding(qtbot, pagina):
    bewerk_capaciteit(qtbot, pagina, "2027-H1", "veel")
    assert pagina.capaciteitfout.isVisible()
    assert "getal" in pagina.capaciteitfout.text() or "weken" in pagina.capaciteitfout.text()
    assert pagina.scenario().is_leeg
    assert pagina.capaciteittabel.accessibleDescription() == pagina.capaciteitfout.text()

    bewerk_capaciteit(qtbot, pagina, "2027-H1", "1.250")  # a thousands point or a decimal point?
    assert "dubbelzinnig" in pagina.capaciteitfout.text() and pagina.scenario().is_leeg
    bewerk_capaciteit(qtbot, pagina, "2027-H1", "12,5")
    assert not pagina.capaciteitfout.isVisible()


def test_ctrl_z_maakt_de_laatste_scenariowijziging_ongedaan(qtbot, pagina):
    bewerk_capaciteit(qtbot, pagina, "2027-H1", "10")
    qtbot.waitUntil(lambda: not pagina.scenario().is_leeg)
    bewerk_capaciteit(qtbot, pagina, "2027-H2", "40")
    qtbot.waitUntil(lambda: len(pagina.scenario().capaciteit) == 2)

    pagina.tabel.setFocus()
    qtbot.keyClick(pagina.tabel, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert len(pagina.scenario().capaciteit) == 1
    qtbot.keyClick(pagina.tabel, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert pagina.scenario().is_leeg
    assert not pagina.scenariobalk.isVisible()
    assert pagina.tabel.isColumnHidden(RangordeModel.SCENARIO)


def test_invoer_van_een_maatregel_gaat_in_het_scenario(qtbot, pagina, klein_register):
    voor = als_json(klein_register)
    kies(qtbot, pagina, "TV-03")
    pagina.iv_weken.setFocus()
    pagina.iv_weken.selectAll()
    qtbot.keyClicks(pagina.iv_weken, "2,5")
    qtbot.keyClick(pagina.iv_weken, Qt.Key.Key_Return)

    assert pagina.scenario().invoer == {haal_id(klein_register, "TV-03"): {"iv_weken": 2.5}}
    assert cel(pagina, "TV-03", RangordeModel.WEKEN).data() == "2,5"
    assert cel(pagina, "TV-03", RangordeModel.SCENARIO).data() == "2027-H1 → verschoven"
    assert pagina.huidige_code() == "TV-03"  # the chosen measure stays chosen while the ranking changes
    assert als_json(klein_register) == voor

    pagina.iv_weken.selectAll()
    qtbot.keyClicks(pagina.iv_weken, "-3")
    assert pagina.veldfout["iv_weken"].isVisible()
    assert "negatief" in pagina.veldfout["iv_weken"].text()
    qtbot.keyClick(pagina.iv_weken, Qt.Key.Key_Return)
    assert pagina.scenario().invoer[haal_id(klein_register, "TV-03")] == {"iv_weken": 2.5}


def test_keuze_terug_op_de_registerwaarde_is_geen_wijziging(qtbot, pagina):
    kies(qtbot, pagina, "TV-01")
    pagina.zet_invoer("verwacht_effect", "laag")
    assert not pagina.scenario().is_leeg
    pagina.zet_invoer("verwacht_effect", "hoog")
    assert pagina.scenario().is_leeg


def haal_id(register, code: str) -> int:
    with register.sessie() as s:
        return haal_maatregel(s, code).id


@pytest.mark.parametrize("antwoord", [True, False])
def test_verwerpen_na_bevestiging(qtbot, pagina, monkeypatch, antwoord):
    bewerk_capaciteit(qtbot, pagina, "2027-H1", "10")
    qtbot.waitUntil(lambda: not pagina.scenario().is_leeg)
    vragen_gesteld = []
    monkeypatch.setattr(vragen, "bevestig", lambda *a, **k: vragen_gesteld.append(a[2]) or antwoord)
    qtbot.mouseClick(pagina.knop_verwerpen, Qt.MouseButton.LeftButton)
    assert vragen_gesteld and "verwerpen" in vragen_gesteld[0]
    assert pagina.scenario().is_leeg is antwoord


def test_opslaan_als_besluit_schrijft_het_scenario(qtbot, pagina, monkeypatch, klein_register):
    bewerk_capaciteit(qtbot, pagina, "2027-H1", "10")
    qtbot.waitUntil(lambda: not pagina.scenario().is_leeg)
    getoond = {}

    def beantwoord(dialoog):
        getoond["wijzigingen"] = dialoog.wijzigingen.toPlainText()
        getoond["gevolgen"] = dialoog.gevolgen.toPlainText()
        dialoog.motivatie.setPlainText("Minder capaciteit door de migratie")
        return True

    monkeypatch.setattr(vragen, "voer_uit", beantwoord)
    with qtbot.waitSignal(pagina.gewijzigd):
        qtbot.mouseClick(pagina.knop_opslaan, Qt.MouseButton.LeftButton)

    assert "TV-03" in getoond["gevolgen"] and "TV-01" in getoond["gevolgen"]
    assert capaciteit_in_register(klein_register) == {"2027-H1": 10, "2027-H2": 20}
    with klein_register.sessie() as s:
        rijen = besluiten(s)
    assert len(rijen) == 1 and rijen[0].motivatie == "Minder capaciteit door de migratie"
    assert rijen[0].besloten_door == "tester"
    assert pagina.gewijzigde_codes == ()  # only a capacity: no measure's row changed
    assert pagina.scenario().is_leeg and not pagina.scenariobalk.isVisible()
    assert cel(pagina, "TV-01", RangordeModel.PLAN).data() == "2027-H2"  # the register's plan now
    assert pagina.lijsten.tabText(SCENARIOS_TAB) == "Vastgelegde scenario's (1)"
    assert "Minder capaciteit" in pagina.besluittekst.toPlainText()


def test_conflict_bij_opslaan_wordt_getoond_en_schrijft_niets(qtbot, pagina, monkeypatch, klein_register):
    bewerk_capaciteit(qtbot, pagina, "2027-H1", "10")
    qtbot.waitUntil(lambda: not pagina.scenario().is_leeg)
    with klein_register.werk() as s:  # a colleague, meanwhile
        zet_capaciteit(s, KETEN, "2027-H1", 30, "bert")
    voor = als_json(klein_register)
    dialogen = []

    def beantwoord(dialoog):
        dialogen.append(type(dialoog).__name__)
        if type(dialoog).__name__ == "OpslaanDialoog":
            dialoog.motivatie.setPlainText("Minder capaciteit")
            return True
        return False  # the conflict dialog: Annuleren

    monkeypatch.setattr(vragen, "voer_uit", beantwoord)
    qtbot.mouseClick(pagina.knop_opslaan, Qt.MouseButton.LeftButton)

    assert dialogen == ["OpslaanDialoog", "ConflictDialoog"]
    assert als_json(klein_register) == voor
    assert capaciteit_in_register(klein_register)["2027-H1"] == 30
    with klein_register.sessie() as s:
        assert besluiten(s) == []
    assert not pagina.scenario().is_leeg  # the user's scenario is still there to look at again


def test_besluit_vastleggen_via_de_pagina(qtbot, pagina, monkeypatch, klein_register):
    kies(qtbot, pagina, "TV-01")

    def beantwoord(dialoog):
        dialoog.kies("nu")
        dialoog.motivatie.setPlainText("Hoog effect, past in 2027-H1")
        return True

    monkeypatch.setattr(vragen, "voer_uit", beantwoord)
    with qtbot.waitSignal(pagina.gewijzigd):
        qtbot.mouseClick(pagina.knop_besluit, Qt.MouseButton.LeftButton)
    with klein_register.sessie() as s:
        m = haal_maatregel(s, "TV-01")
    assert (m.prioriteit, m.prioriteit_motivatie, m.prioriteit_door) == ("nu", "Hoog effect, past in 2027-H1",
                                                                         "tester")
    assert cel(pagina, "TV-01", RangordeModel.BESLUIT).data() == "Nu"
    assert pagina.gewijzigde_codes == ("TV-01",)  # the window rereads this measure's row
    assert "Hoog effect" in pagina.gegevens["besluit"].text()
    pagina.lijsten.setCurrentIndex(MAATREGELBESLUITEN_TAB)
    assert pagina.lijsten.tabText(MAATREGELBESLUITEN_TAB) == "Besluiten per maatregel (1)"
    m_ = pagina.maatregelbesluitenmodel
    assert [m_.tekst(m_.rij(0), k) for k in range(m_.columnCount())] == [
        "TV-01", "Vooraf informeren", "Nu", "Hoog effect, past in 2027-H1", date.today().strftime("%d-%m-%Y"),
        "tester"]


def test_rang_aanpassen_via_de_pagina(qtbot, pagina, monkeypatch, klein_register):
    kies(qtbot, pagina, "TV-03")

    def beantwoord(dialoog):
        dialoog.rang.setValue(1)
        dialoog.motivatie.setPlainText("Toezegging aan de Kamer")
        return True

    monkeypatch.setattr(vragen, "voer_uit", beantwoord)
    with qtbot.waitSignal(pagina.gewijzigd):
        qtbot.mouseClick(pagina.knop_rang, Qt.MouseButton.LeftButton)
    with klein_register.sessie() as s:
        m = haal_maatregel(s, "TV-03")
    assert (m.rang_handmatig, m.rang_motivatie) == (1, "Toezegging aan de Kamer")
    assert kolom(pagina, RangordeModel.CODE)[0] == "TV-03"
    assert cel(pagina, "TV-03", RangordeModel.RANG).data() == "1 ✎"
    assert "Toezegging" in tooltip(cel(pagina, "TV-03", RangordeModel.RANG))
    assert "Toezegging" in pagina.gegevens["rang"].text() and "tester" in pagina.gegevens["rang"].text()
    m_ = pagina.maatregelbesluitenmodel
    assert [m_.tekst(m_.rij(0), k) for k in (0, 2, 3, 5)] == ["TV-03", "Rang 1", "Toezegging aan de Kamer", "tester"]
    with qtbot.waitSignal(pagina.maatregelGekozen) as signaal:  # Enter on a decision opens its measure
        pagina.maatregelbesluitentabel.activated.emit(m_.index(0, 0))
    assert signaal.args == ["TV-03"]


def test_enter_op_een_maatregel_vraagt_die_te_openen(qtbot, pagina):
    kies(qtbot, pagina, "TV-02")
    with qtbot.waitSignal(pagina.maatregelGekozen) as signaal:
        qtbot.keyClick(pagina.tabel, Qt.Key.Key_Return)
    assert signaal.args == ["TV-02"]


def test_periode_toevoegen_en_verwijderen_gaan_in_het_scenario(qtbot, pagina, monkeypatch, klein_register):
    def beantwoord(dialoog):
        dialoog.keten.setEditText(KETEN)
        dialoog.periode.setText("2028-H1")
        dialoog.weken.setText("30")
        return True

    monkeypatch.setattr(vragen, "voer_uit", beantwoord)
    qtbot.mouseClick(pagina.knop_periode, Qt.MouseButton.LeftButton)
    assert scenariocapaciteit(pagina) == {(KETEN, "2028-H1"): 30}
    assert cel(pagina, "IN-01", RangordeModel.SCENARIO).data().startswith("2028-H1")

    m = pagina.capaciteitmodel
    rij = next(i for i in range(m.rowCount()) if m.index(i, CapaciteitModel.PERIODE).data() == "2027-H2")
    pagina.capaciteittabel.setCurrentIndex(m.index(rij, 0))
    qtbot.mouseClick(pagina.knop_verwijder, Qt.MouseButton.LeftButton)
    assert scenariocapaciteit(pagina)[(KETEN, "2027-H2")] is None
    assert capaciteit_in_register(klein_register) == {"2027-H1": 20, "2027-H2": 20}


def test_een_overlappende_periode_wordt_in_de_dialoog_geweigerd(qtbot, pagina, monkeypatch):
    gezien = {}

    def beantwoord(dialoog):
        dialoog.keten.setEditText("innen en  betalen")
        dialoog.periode.setText("2027")
        dialoog.weken.setText("30")
        dialoog.accept()
        gezien["melding"] = dialoog.foutmelding("periode")
        return False  # the user cancels after reading the message

    monkeypatch.setattr(vragen, "voer_uit", beantwoord)
    qtbot.mouseClick(pagina.knop_periode, Qt.MouseButton.LeftButton)
    assert "overlapt met 2027-H1" in gezien["melding"]
    assert pagina.scenario().is_leeg


def test_rangorde_krijgt_de_focus_en_alles_heeft_een_naam(qtbot, pagina):
    from PySide6.QtWidgets import QAbstractButton, QComboBox, QTableView

    pagina.hide()
    pagina.show()
    qtbot.waitUntil(lambda: pagina.focusWidget() is pagina.tabel)
    for widget in pagina.findChildren(QTableView) + pagina.findChildren(QComboBox) + pagina.findChildren(QLineEdit):
        if widget.isVisibleTo(pagina) and not isinstance(widget.parent(), QComboBox):
            assert widget.accessibleName() or isinstance(widget.parent(), QTableView), widget
    for knop in pagina.findChildren(QAbstractButton):
        assert knop.text() or knop.accessibleName() or not knop.isVisibleTo(pagina)


def test_startregister_met_capaciteit(qtbot, start_register):
    """The page on the starter register with example capacities on its own chains: a screenshot for the README."""
    from registry.prioritering.invoer import lees_invoer

    with start_register.sessie() as s:
        ketens = sorted({m.iv_keten for m in lees_invoer(s).maatregelen if m.iv_keten and m.is_open})
    with start_register.werk() as s:
        for keten in ketens[:3]:
            zet_capaciteit(s, keten, "2027-H1", 20, "tester")
            zet_capaciteit(s, keten, "2027-H2", 30, "tester")
    pagina = maak_pagina(qtbot, start_register)
    assert 0 < pagina.model.rowCount() < 50  # most starter measures need no IV capacity: hidden by default
    pagina.alleen_iv.setChecked(False)
    assert pagina.model.rowCount() > 50
    assert pagina.capaciteitmodel.rowCount() == 2 * min(3, len(ketens))


def test_een_andere_database_laat_het_scenario_vallen(qtbot, pagina, tmp_path, startregister_sjabloon):
    import shutil

    from db.openen import open_register

    pagina.zet_capaciteit(KETEN, "2027-H1", 5)
    assert not pagina.scenario().is_leeg
    shutil.copyfile(startregister_sjabloon, tmp_path / "ander.db")
    ander = open_register(pad=tmp_path / "ander.db")
    try:
        pagina.register = ander  # the window switched databases: the scenario named the other one's measures
        pagina.ververs()
        assert pagina.scenario().is_leeg and not pagina.scenariobalk.isVisible()
        assert pagina.model.rowCount() > 10
    finally:
        ander.sluit()


def test_opgeslagen_invoer_van_een_maatregel_staat_daarna_in_het_register(qtbot, pagina, monkeypatch,
                                                                          klein_register):
    kies(qtbot, pagina, "TV-03")
    pagina.zet_invoer("iv_weken", 2.5)
    pagina.zet_invoer("verwacht_effect", "midden")

    def beantwoord(dialoog):
        assert "TV-03" in dialoog.wijzigingen.toPlainText()
        dialoog.motivatie.setPlainText("Kleiner dan gedacht")
        return True

    monkeypatch.setattr(vragen, "voer_uit", beantwoord)
    assert pagina.sla_scenario_op()
    with klein_register.sessie() as s:
        m = haal_maatregel(s, "TV-03")
    assert (m.iv_weken, m.verwacht_effect) == (2.5, "midden")
    assert pagina.gewijzigde_codes == ("TV-03",)
    assert cel(pagina, "TV-03", RangordeModel.PLAN).data() == "2027-H1"
