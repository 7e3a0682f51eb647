"""Import of measures from workbooks and CSVs (registry.rekenblad.importeren): the round trip of the export, trackers
in their own layout, every accepted variant, every rejection (nothing written), and a fuzz that never crashes."""

import json
from datetime import date, datetime

import pytest

from db.openen import open_register
from registry.export_json import register_als_json
from registry.filters import Filter
from registry.maatregel import haal_maatregel, maak_maatregel
from registry.rekenblad.importeren import ImportFout, importeer, lees_import, maak_plan
from registry.rekenblad.kolommen import MAATREGELKOLOMMEN
from registry.status import historie
from registry.wijzigingslog import wijzigingslog

VELDEN = [k.veld for k in MAATREGELKOLOMMEN]


def werkmap(pad, rijen, *, samenvoegen=(), blad="Voortgang"):
    from openpyxl import Workbook

    boek = Workbook()
    ws = boek.active
    ws.title = blad
    for rij in rijen:
        ws.append(list(rij))
    for bereik in samenvoegen:
        ws.merge_cells(bereik)
    boek.save(pad)
    return pad


def csv(pad, rijen, codering="cp1252"):
    regels = [";".join("" if c is None else str(c) for c in rij) for rij in rijen]
    pad.write_bytes(("\r\n".join(regels) + "\r\n").encode(codering))
    return pad


def json_van(register):
    with register.sessie() as s:
        return register_als_json(s, Filter(met_gearchiveerd=True))


def doe_import(register, pad, kolommen=None, gebruiker="importeur"):
    bestand = lees_import(pad, kolommen)
    with register.werk() as s:
        return importeer(s, bestand, gebruiker)


def plan(register, pad, kolommen=None):
    bestand = lees_import(pad, kolommen)
    with register.sessie() as s:
        return maak_plan(s, bestand)


def weigert(register, pad, kolommen=None):
    voor = json_van(register)
    with pytest.raises(ImportFout) as fout:
        doe_import(register, pad, kolommen)
    assert json_van(register) == voor
    return fout.value


# --- round trip -----------------------------------------------------------------------------------------------------

def test_export_van_het_startregister_komt_na_import_in_een_leeg_register_veld_voor_veld_terug(start_register, tmp_path):
    from registry.rekenblad.export import schrijf_werkmap

    pad = tmp_path / "start.xlsx"
    with start_register.sessie() as s:
        schrijf_werkmap(s, pad, Filter(met_gearchiveerd=True))
    bron = json_van(start_register)
    leeg = open_register(pad=tmp_path / "leeg.db", leeg=True)
    try:
        resultaat = doe_import(leeg, pad)
        assert len(resultaat.aangemaakt) == len(bron["maatregelen"])
        na = json_van(leeg)
        for a, b in zip(bron["maatregelen"], na["maatregelen"], strict=True):
            assert {v: a[v] for v in VELDEN} == {v: b[v] for v in VELDEN}

        assert {r.actie for r in plan(leeg, pad).rijen} == {"ongewijzigd"}
        with leeg.sessie() as s:
            log_voor = len(wijzigingslog(s))
        tweede = doe_import(leeg, pad)
        assert tweede.aangemaakt == () and tweede.gewijzigd == ()
        assert json_van(leeg) == na
        with leeg.sessie() as s:
            assert len(wijzigingslog(s)) == log_voor
    finally:
        leeg.sluit()


# --- trackers in their own layout -----------------------------------------------------------------------------------

TRACKER = [
    ["Voortgangsrapportage verbetermaatregelen", None, None, None, None, None, None],
    ["Stand per 1 maart 2026", None, None, None, None, None, None],
    ["Maatregel", "Omschrijving", "Thema", "Trekker", "Stand van zaken", "Deadline", "IV"],
    ["Brieven in eenvoudige taal", "Alle brieven herschreven", "Dienstverlening", "Team Communicatie",
     "gereed", "Q3 2026", "x"],
    ["Proactief bellen bij schulden", "Bellen voor de aanmaning", "Dienstverlening", "Team Klantbeeld",
     "in uitvoering", datetime(2026, 12, 31), None],
    ["Vroeg signaleren terugvordering", None, "Terugvorderingen", "Team Terugvorderingen", "niet gestart",
     "eind 2027", "ja"],
]


def test_tracker_met_titelrijen_en_samengevoegde_cellen_importeert_zonder_koppelbestand(register, tmp_path):
    pad = werkmap(tmp_path / "tracker.xlsx", TRACKER, samenvoegen=("A1:G1", "C4:C5"))
    resultaat = doe_import(register, pad)
    assert resultaat.plan.aantal("nieuw") == 3
    with register.sessie() as s:
        a = haal_maatregel(s, "DC-01")
        b = haal_maatregel(s, "DC-02")
        c = haal_maatregel(s, "TV-01")
        assert (a.naam, a.status, a.iv_afhankelijk, a.eigenaar) == ("Brieven in eenvoudige taal", "ingevoerd", True,
                                                                   "Team Communicatie")
        assert a.planning_huidig.tekst == "Q3 2026"
        assert (b.status, b.iv_afhankelijk, b.planning_huidig.tekst) == ("deels", None, "31-12-2026")
        assert (c.status, c.iv_afhankelijk) == ("niet", True)
        regel = historie(s, "DC-01")[-1]
        assert regel.toelichting == "Import uit tracker.xlsx, rij 4"
        assert regel.bron == "IMPORT-TRACKER" and regel.vindplaats == "blad Voortgang, rij 4"
    voor = json_van(register)
    tweede = doe_import(register, pad)
    assert {r.actie for r in tweede.plan.rijen} == {"ongewijzigd"}
    assert json_van(register) == voor


def test_dezelfde_tracker_als_csv_van_nederlandse_excel_importeert_ook(register, tmp_path):
    rijen = [[("31-12-2026" if isinstance(c, datetime) else c) for c in rij] for rij in TRACKER]
    rijen[3][0] = "Brieven in eenvoudige taal – één toon"  # an en dash and accents: cp1252
    pad = csv(tmp_path / "tracker.csv", rijen)
    resultaat = doe_import(register, pad)
    assert resultaat.plan.aantal("nieuw") == 3
    with register.sessie() as s:
        assert haal_maatregel(s, "DC-01").naam == "Brieven in eenvoudige taal – één toon"
    assert {r.actie for r in plan(register, pad).rijen} == {"ongewijzigd"}


def test_stand_van_zaken_als_proza_wordt_de_brontekst(register, tmp_path):
    pad = werkmap(tmp_path / "t.xlsx", [
        ["Maatregel", "Thema", "Stand van zaken"],
        ["A", "TV", "We zijn begonnen met de pilot in drie gemeenten."],
        ["B", "TV", "Wacht op besluit van de staatssecretaris."],
    ])
    bestand = lees_import(pad)
    kolom = bestand.kolommen[2]
    assert kolom.veld == "status_brontekst" and "vrije tekst" in kolom.reden
    doe_import(register, pad)
    with register.sessie() as s:
        a = haal_maatregel(s, "TV-01")
        assert (a.status, a.status_brontekst) == ("niet", "We zijn begonnen met de pilot in drie gemeenten.")


def test_onbekende_kolom_wordt_gemeld_en_niet_stil_overgeslagen(register, tmp_path):
    pad = werkmap(tmp_path / "t.xlsx", [["Maatregel", "Thema", "Budget"], ["A", "TV", 1000]])
    bestand = lees_import(pad)
    assert bestand.kolommen[2].veld is None and bestand.kolommen[2].reden == "niet herkend"
    assert any('Kolom C ("Budget") is niet herkend' in w for w in bestand.waarschuwingen)
    assert doe_import(register, pad).plan.waarschuwingen == bestand.waarschuwingen


def test_gereed_met_percentages_is_de_status_en_met_datums_de_planning(register, tmp_path):
    pad = werkmap(tmp_path / "t.xlsx", [["Maatregel", "Thema", "Gereed"], ["A", "TV", 1.0], ["B", "TV", "50%"],
                                        ["C", "TV", "0%"], ["D", "TV", "nee"]])
    assert lees_import(pad).kolommen[2].veld == "status"
    doe_import(register, pad)
    with register.sessie() as s:
        assert [haal_maatregel(s, f"TV-0{i}").status for i in range(1, 5)] == ["ingevoerd", "deels", "niet", "niet"]
    pad = werkmap(tmp_path / "d.xlsx", [["Maatregel", "Thema", "Gereed"], ["E", "IN", "Q1 2027"]])
    assert lees_import(pad).kolommen[2].veld == "planning_huidig"


def test_kolom_maatregel_met_codes_is_de_code_en_nr_met_volgnummers_wordt_niet_geimporteerd(register, tmp_path):
    pad = werkmap(tmp_path / "t.xlsx", [["Nr", "Maatregel", "Naam"], [1, "tv-07", "A"], [2, "IN-03", "B"]])
    bestand = lees_import(pad)
    assert [k.veld for k in bestand.kolommen] == [None, "code", "naam"]
    assert any("volgnummer" in w for w in bestand.waarschuwingen)
    doe_import(register, pad)
    with register.sessie() as s:
        assert haal_maatregel(s, "TV-07").naam == "A"


# --- accepted variants ----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("status, code", [("ingevoerd", "ingevoerd"), ("Niet ingevoerd", "niet"), ("✓", "ingevoerd"),
                                          ("●", "deels"), ("✘", "niet"), ("gerealiseerd", "ingevoerd"),
                                          ("Gedeeltelijk", "deels"), ("nog niet", "niet"), ("✓ Ingevoerd", "ingevoerd")])
def test_status_als_code_label_symbool_of_synoniem(sqlite_register, tmp_path, status, code):
    pad = werkmap(tmp_path / "t.xlsx", [["Naam", "Domein", "Status"], ["A", "TV", status]])
    doe_import(sqlite_register, pad)
    with sqlite_register.sessie() as s:
        assert haal_maatregel(s, "TV-01").status == code


@pytest.mark.parametrize("waarde, verwacht", [("ja", True), ("J", True), ("x", True), ("true", True), (1, True),
                                              ("nee", False), ("n", False), ("FALSE", False), (0, False),
                                              ("onbekend", None), (None, None)])
def test_ja_nee_vormen(sqlite_register, tmp_path, waarde, verwacht):
    pad = werkmap(tmp_path / "t.xlsx", [["Naam", "Domein", "IV-blokkade"], ["A", "TV", waarde]])
    doe_import(sqlite_register, pad)
    with sqlite_register.sessie() as s:
        assert haal_maatregel(s, "TV-01").iv_blokkade is verwacht


@pytest.mark.parametrize("tekst", ["31-12-2026", "2026-12-31", "december 2026", "Q3 2026", "2026-Q3", "H1 2026",
                                   "2026-H1", "2027", "begin 2026", "medio 2026", "eind 2026", "voorjaar 2026",
                                   "najaar 2026"])
def test_vage_datums_blijven_zoals_geschreven(sqlite_register, tmp_path, tekst):
    pad = werkmap(tmp_path / "t.xlsx", [["Naam", "Domein", "Huidige planning"], ["A", "TV", tekst]])
    doe_import(sqlite_register, pad)
    with sqlite_register.sessie() as s:
        assert haal_maatregel(s, "TV-01").planning_huidig.tekst == tekst


@pytest.mark.parametrize("domein", ["NG", "ng", "Niet-gebruik", "niet gebruik" if False else "NIET-GEBRUIK",
                                    "Terugdringen van niet-gebruik toeslagen"])
def test_domein_op_prefix_korte_of_volledige_naam(sqlite_register, tmp_path, domein):
    pad = werkmap(tmp_path / "t.xlsx", [["Naam", "Domein"], ["A", domein]])
    doe_import(sqlite_register, pad)
    with sqlite_register.sessie() as s:
        assert haal_maatregel(s, "NG-01").naam == "A"


def test_koppen_in_andere_schrijfwijze_en_volgorde(sqlite_register, tmp_path):
    pad = werkmap(tmp_path / "t.xlsx", [["  HUIDIGE   planning ", "naam", "DOMEIN", "ïv-afhankelijk"],
                                        ["Q1 2027", "A", "TV", "ja"]])
    doe_import(sqlite_register, pad)
    with sqlite_register.sessie() as s:
        m = haal_maatregel(s, "TV-01")
        assert (m.planning_huidig.tekst, m.iv_afhankelijk) == ("Q1 2027", True)


def test_koppelbestand_koppelt_een_onbekende_kop(sqlite_register, tmp_path):
    pad = werkmap(tmp_path / "t.xlsx", [["Wat", "Waar", "Budget"], ["A", "TV", "veel"]])
    doe_import(sqlite_register, pad, {"Wat": "naam", "Waar": "domein", "Budget": None})
    with sqlite_register.sessie() as s:
        assert haal_maatregel(s, "TV-01").naam == "A"


# --- updates --------------------------------------------------------------------------------------------------------

def test_lege_cel_houdt_de_waarde_en_statuswijziging_komt_in_de_historie_met_het_bestand_als_bron(register, tmp_path):
    with register.werk() as s:
        maak_maatregel(s, {"domein": "TV", "naam": "A", "eigenaar": "Team X", "omschrijving": "Oud"}, "anna")
    pad = werkmap(tmp_path / "update.xlsx", [["Code", "Eigenaar", "Omschrijving", "Status"],
                                             ["TV-01", None, "Nieuw", "deels"]])
    resultaat = doe_import(register, pad)
    assert resultaat.gewijzigd == ("TV-01",)
    assert resultaat.plan.rijen[0].wijzigingen == ("Omschrijving", "Status")
    with register.sessie() as s:
        m = haal_maatregel(s, "TV-01")
        assert (m.eigenaar, m.omschrijving, m.status) == ("Team X", "Nieuw", "deels")
        regel = historie(s, "TV-01")[-1]
        assert (regel.oud, regel.nieuw, regel.toelichting) == ("niet", "deels", "Import uit update.xlsx, rij 2")
        assert (regel.bron, regel.vindplaats, regel.gebruiker) == ("IMPORT-UPDATE", "blad Voortgang, rij 2",
                                                                   "importeur")
    assert {r.actie for r in plan(register, pad).rijen} == {"ongewijzigd"}


def test_een_nieuwe_status_neemt_de_fase_en_brontekst_van_de_oude_niet_over(register, tmp_path):
    with register.werk() as s:
        maak_maatregel(s, {"domein": "TV", "naam": "A"}, "anna", status="ingevoerd", fase="staand",
                       brontekst="Het proces is ingericht.", status_datum=date(2025, 1, 1))
    pad = werkmap(tmp_path / "export.xlsx", [["Code", "Status", "Fase", "Brontekst status"],
                                             ["TV-01", "Deels", "Staande praktijk", "Het proces is ingericht."]])
    doe_import(register, pad)
    with register.sessie() as s:
        m = haal_maatregel(s, "TV-01")
        assert (m.status, m.fase, m.status_brontekst) == ("deels", None, None)
    # Given anew in the file, they are the new status's own.
    pad = werkmap(tmp_path / "export2.xlsx", [["Code", "Status", "Fase", "Brontekst status"],
                                              ["TV-01", "Niet ingevoerd", "Aangehouden", "Gepauzeerd."]])
    doe_import(register, pad)
    with register.sessie() as s:
        m = haal_maatregel(s, "TV-01")
        assert (m.status, m.fase, m.status_brontekst) == ("niet", "on_hold", "Gepauzeerd.")


def test_een_import_die_niets_wijzigt_schrijft_ook_geen_bron(register, tmp_path):
    with register.werk() as s:
        maak_maatregel(s, {"domein": "TV", "naam": "A", "eigenaar": "Team X"}, "anna")
    pad = werkmap(tmp_path / "zelfde.xlsx", [["Code", "Naam", "Eigenaar"], ["TV-01", "A", "Team X"]])
    voor = json_van(register)
    resultaat = doe_import(register, pad)
    assert resultaat.aangemaakt == resultaat.gewijzigd == ()
    assert json_van(register) == voor


# --- rejections: the rows and columns named, nothing written --------------------------------------------------------

@pytest.mark.parametrize("rij, verwacht", [
    (["TV-01", "A", "TV", "bijna", None], 'kolom D (Status): Onbekende status: "bijna"'),
    (["TV-01", "A", "TV", None, "32-13-2026"], "kolom E (Huidige planning)"),
    (["TV-01", "A", "XX", None, None], 'kolom C (Domein): Onbekend domein: "XX"'),
    (["XX-01", "A", None, None, None], "kolom A (Code)"),
    ([None, None, "TV", "deels", None], "Naam is verplicht"),
])
def test_ongeldige_rij_wordt_geweigerd_met_blad_rij_en_kolom(sqlite_register, tmp_path, rij, verwacht):
    pad = werkmap(tmp_path / "t.xlsx", [["Code", "Naam", "Domein", "Status", "Huidige planning"],
                                        ["TV-05", "Goed", "TV", None, None], rij])
    fout = weigert(sqlite_register, pad)
    assert len(fout.problemen) == 1 and fout.problemen[0].rij == 3
    assert f'Blad "Voortgang", rij 3' in fout.melding and verwacht in fout.melding


def test_tekst_langer_dan_honderdduizend_tekens_wordt_geweigerd(sqlite_register, tmp_path):
    pad = csv(tmp_path / "lang.csv", [["Code", "Naam", "Omschrijving"], ["TV-01", "A", "é" * 100_001]])
    fout = weigert(sqlite_register, pad)
    assert 'Blad "lang.csv", rij 2, kolom C (Omschrijving): Omschrijving is te lang' in fout.melding


def test_dubbele_code_en_dubbele_naam_noemen_beide_rijen(register, tmp_path):
    pad = werkmap(tmp_path / "t.xlsx", [["Code", "Naam", "Domein"], ["TV-01", "A", "TV"], ["tv-01", "B", "TV"],
                                        [None, "C", "IN"], [None, "c", "IN"]])
    fout = weigert(register, pad)
    assert sorted(p.rij for p in fout.problemen) == [2, 3, 4, 5]


def test_naam_die_op_twee_maatregelen_past_is_dubbelzinnig(register, tmp_path):
    with register.werk() as s:
        maak_maatregel(s, {"domein": "TV", "naam": "Zelfde"}, "anna")
        maak_maatregel(s, {"domein": "TV", "naam": "zelfde"}, "anna")
    fout = weigert(register, werkmap(tmp_path / "t.xlsx", [["Naam", "Domein", "Status"], ["Zelfde", "TV", "deels"]]))
    assert "TV-01, TV-02" in fout.melding


def test_oorspronkelijke_planning_wijzigen_wordt_geweigerd(register, tmp_path):
    with register.werk() as s:
        maak_maatregel(s, {"domein": "TV", "naam": "A", "planning_huidig": "Q1 2026"}, "anna")
    fout = weigert(register, werkmap(tmp_path / "t.xlsx", [["Code", "Oorspronkelijke planning"],
                                                            ["TV-01", "Q2 2026"]]))
    assert "rij 2, kolom B (Oorspronkelijke planning): De oorspronkelijke planning blijft bewaard" in fout.melding


def test_onbekende_bron_en_bron_van_het_bronnenblad(sqlite_register, tmp_path):
    rijen = [["Code", "Naam", "Bronnen"], ["TV-01", "A", "RAPPORT-9: p. 3"]]
    fout = weigert(sqlite_register, werkmap(tmp_path / "t.xlsx", rijen))
    assert "Onbekende bron: RAPPORT-9" in fout.melding

    from openpyxl import load_workbook
    pad = werkmap(tmp_path / "b.xlsx", rijen, blad="Maatregelen")
    boek = load_workbook(pad)
    ws = boek.create_sheet("Bronnen")
    ws.append(["Code", "Titel", "Uitgever", "Datum", "Soort", "Referentie"])
    ws.append(["RAPPORT-9", "Een rapport", "ADR", datetime(2025, 1, 2), "Onderzoek", None])
    boek.save(pad)
    doe_import(sqlite_register, pad)
    with sqlite_register.sessie() as s:
        assert haal_maatregel(s, "TV-01").bronnen[0].vindplaats == "p. 3"
    assert any(b["code"] == "RAPPORT-9" and b["soort"] == "onderzoek" and b["datum"] == "2025-01-02"
               for b in json_van(sqlite_register)["bronnen"])


def test_koppelbestand_met_onbekend_veld_wordt_geweigerd(sqlite_register, tmp_path):
    pad = werkmap(tmp_path / "t.xlsx", [["Naam", "Domein"], ["A", "TV"]])
    with pytest.raises(ImportFout, match="onbekend veld \"budget\".*Toegestane veldnamen: code, naam"):
        lees_import(pad, {"Naam": "budget"})
    with pytest.raises(ImportFout, match="die staat niet in de kopregel"):
        lees_import(pad, {"Bestaat niet": "naam"})


def test_bestand_zonder_kopregel_wordt_geweigerd(sqlite_register, tmp_path):
    pad = werkmap(tmp_path / "t.xlsx", [["Appels", "Peren"], [1, 2]])
    with pytest.raises(ImportFout, match='geen kopregel herkend in blad "Voortgang"'):
        lees_import(pad)


def test_kringloop_en_zelfafhankelijkheid_worden_geweigerd(register, tmp_path):
    pad = werkmap(tmp_path / "t.xlsx", [["Code", "Naam", "Bovenliggende maatregel", "Afhankelijk van maatregelen"],
                                        ["TV-01", "A", "TV-02", None], ["TV-02", "B", "TV-01", "TV-02"]])
    fout = weigert(register, pad)
    assert {(p.rij, p.kolom.split()[0]) for p in fout.problemen} >= {(2, "C"), (3, "C"), (3, "D")}


def test_verwijzing_naar_een_maatregel_verderop_in_het_bestand_mag(register, tmp_path):
    pad = werkmap(tmp_path / "t.xlsx", [["Code", "Naam", "Bovenliggende maatregel", "Afhankelijk van maatregelen"],
                                        ["TV-02", "Deel", "TV-01", "IN-01"], ["TV-01", "Strategie", None, None],
                                        ["IN-01", "Ander", None, None]])
    doe_import(register, pad)
    with register.sessie() as s:
        m = haal_maatregel(s, "TV-02")
        assert (m.ouder, m.afhankelijk_van) == ("TV-01", ("IN-01",))


# --- prioritering inputs (issue 9) ----------------------------------------------------------------------------------

def test_weken_en_omvang_komen_via_export_en_import_terug_en_tweede_import_wijzigt_niets(register, tmp_path):
    from registry.rekenblad.export import schrijf_werkmap

    with register.werk() as s:
        maak_maatregel(s, {"domein": "TV", "naam": "A", "iv_weken": 12.5, "iv_omvang": "M", "personeel_weken": 3},
                       "anna")
        maak_maatregel(s, {"domein": "TV", "naam": "B", "iv_weken": 0, "iv_omvang": "XS"}, "anna")
        maak_maatregel(s, {"domein": "IN", "naam": "C", "personeel_weken": 0.25}, "anna")
    pad = tmp_path / "weken.xlsx"
    with register.sessie() as s:
        schrijf_werkmap(s, pad)
    bron = json_van(register)
    leeg = open_register(pad=tmp_path / "leeg.db", leeg=True)
    try:
        doe_import(leeg, pad)
        na = json_van(leeg)
        velden = ("code", "iv_weken", "iv_omvang", "personeel_weken")
        assert [{v: m[v] for v in velden} for m in na["maatregelen"]] == [
            {"code": "IN-01", "iv_weken": None, "iv_omvang": None, "personeel_weken": 0.25},
            {"code": "TV-01", "iv_weken": 12.5, "iv_omvang": "M", "personeel_weken": 3.0},
            {"code": "TV-02", "iv_weken": 0.0, "iv_omvang": "XS", "personeel_weken": None},
        ]
        assert [{v: m[v] for v in velden} for m in bron["maatregelen"]] == \
            [{v: m[v] for v in velden} for m in na["maatregelen"]]
        assert {r.actie for r in plan(leeg, pad).rijen} == {"ongewijzigd"}
    finally:
        leeg.sluit()


def test_weken_met_decimale_komma_en_omvang_als_maat_uit_een_csv(sqlite_register, tmp_path):
    pad = csv(tmp_path / "weken.csv", [["Naam", "Domein", "IV-weken", "Omvang IV", "Personeel (weken)"],
                                       ["A", "TV", "12,5", "l", "2,75"], ["B", "TV", "", "XL (52 weken)", "1.5"]])
    doe_import(sqlite_register, pad)
    with sqlite_register.sessie() as s:
        a, b = haal_maatregel(s, "TV-01"), haal_maatregel(s, "TV-02")
    assert (a.iv_weken, a.iv_omvang, a.personeel_weken) == (12.5, "L", 2.75)
    assert (b.iv_weken, b.iv_omvang, b.personeel_weken) == (None, "XL", 1.5)


def test_een_lege_cel_houdt_de_weken_en_een_nieuwe_waarde_wijzigt_ze(register, tmp_path):
    with register.werk() as s:
        maak_maatregel(s, {"domein": "TV", "naam": "A", "iv_weken": 8, "personeel_weken": 2}, "anna")
    pad = werkmap(tmp_path / "t.xlsx", [["Code", "IV-weken", "Personeel (weken)"], ["TV-01", 10, None]])
    resultaat = doe_import(register, pad)
    assert resultaat.plan.rijen[0].wijzigingen == ("IV-weken",)
    with register.sessie() as s:
        m = haal_maatregel(s, "TV-01")
    assert (m.iv_weken, m.personeel_weken) == (10.0, 2.0)


@pytest.mark.parametrize("cel, kolom, deel", [
    ("twaalf", "C (IV-weken)", '"twaalf" is geen getal'),
    (-4, "C (IV-weken)", "niet negatief"),
    (20_000, "C (IV-weken)", "hoogstens 10.000 weken"),
    (True, "C (IV-weken)", "vul een aantal weken in"),
])
def test_een_ongeldig_aantal_weken_wordt_geweigerd_met_rij_en_kolom(sqlite_register, tmp_path, cel, kolom, deel):
    pad = werkmap(tmp_path / "t.xlsx", [["Naam", "Domein", "IV-weken", "Omvang IV"],
                                        ["Goed", "TV", 4, "S"], ["Fout", "TV", cel, None]])
    fout = weigert(sqlite_register, pad)
    assert len(fout.problemen) == 1 and fout.problemen[0].rij == 3
    assert f'Blad "Voortgang", rij 3, kolom {kolom}' in fout.melding and deel in fout.melding


def test_een_onbekende_omvang_noemt_de_toegestane_maten(sqlite_register, tmp_path):
    pad = werkmap(tmp_path / "t.xlsx", [["Naam", "Domein", "Omvang IV"], ["A", "TV", "XXL"]])
    fout = weigert(sqlite_register, pad)
    assert 'rij 2, kolom C (Omvang IV): Onbekende omvang IV-inspanning: "XXL"' in fout.melding
    assert "XS (1 week)" in fout.melding


# --- fuzz -----------------------------------------------------------------------------------------------------------

def test_willekeurige_celwaarden_geven_nooit_iets_anders_dan_een_importfout(tmp_path_factory, sqlite_sjabloon):
    import shutil

    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    from registry.rekenblad.importeren import herken_bladen
    from registry.rekenblad.lezen import Blad

    map_ = tmp_path_factory.mktemp("fuzz")
    shutil.copyfile(sqlite_sjabloon, map_ / "r.db")
    register = open_register(pad=map_ / "r.db")
    cel = st.one_of(st.none(), st.text(max_size=30), st.sampled_from(["=SUM(A1)", "✓", "😀", "\x00\x07", "TV-01",
                                                                     "Q3 2026", "ja", "50%", "deels", "TV", "-1"]),
                    st.integers(-10**12, 10**12), st.floats(allow_nan=True, allow_infinity=True), st.booleans(),
                    st.dates(), st.datetimes())
    koppen = ("Code", "Naam", "Domein", "Status", "Huidige planning", "IV-afhankelijk", "Toeslagen", "Statusdatum",
              "Bovenliggende maatregel", "Afhankelijk van maatregelen", "Bronnen", "Gereed", "Stand van zaken",
              "IV-weken", "Omvang IV", "Personeel (weken)")

    @settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
    @given(st.lists(st.lists(cel, min_size=len(koppen), max_size=len(koppen)), max_size=6))
    def proef(rijen):
        blad = Blad("Fuzz", (koppen, *map(tuple, rijen)))
        try:
            bestand = herken_bladen([blad], map_ / "fuzz.xlsx")
            with register.sessie() as s:
                maak_plan(s, bestand)
            with register.werk() as s:
                importeer(s, bestand, "fuzz")
                raise _Terugdraaien
        except (ImportFout, _Terugdraaien):
            pass

    try:
        proef()
    finally:
        register.sluit()


class _Terugdraaien(Exception):
    """Rolls the fuzz's unit of work back: each example starts from the same empty register."""
