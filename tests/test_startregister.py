"""The starter register: the measures of the five source documents, checked against the model and the documents."""

import json
import shutil
from datetime import date

import pytest

import main
from registry.startregister import (BRONNENMAP, STARTMAP, bestanden, controleer, lees, ontbrekende_statusregels,
                                    plat, statusregels_paragraaf_1_6_1)
from registry.vocabulaire import DOMEINEN


def test_startgegevens_volgen_de_regels_van_het_register_en_de_documenten():
    """Vocabularies, codes, links, dates, citations, no measure twice, every wording found in its document."""
    assert controleer() == []


def test_elke_statusregel_van_paragraaf_1_6_1_staat_in_de_historie():
    assert len(statusregels_paragraaf_1_6_1()) >= 11
    assert ontbrekende_statusregels() == []


def test_minstens_150_maatregelen_verspreid_over_alle_vijf_domeinen():
    register = lees()
    assert len(register.maatregelen) >= 150
    assert {m["domein"] for m in register.maatregelen} == {code for code, _, _ in DOMEINEN}


def test_de_vijf_brondocumenten_zitten_in_het_project():
    documenten = [b for b in lees().bronnen if b.get("bestand")]
    assert len(documenten) == 5
    for bron in documenten:
        assert (BRONNENMAP / bron["bestand"]).stat().st_size > 10_000


def test_controle_vangt_fouten_in_de_startgegevens(tmp_path):
    """The check itself can fail: wrong status, a wording not in the document, a name twice, a dangling parent."""
    map_ = tmp_path / "startregister"
    map_.mkdir()
    shutil.copy(STARTMAP / "bronnen.json", map_ / "bronnen.json")
    historie = {"datum": "2026-05-30", "status": "deels", "fase": None, "afgeleid": False, "toelichting": "x",
                "bron": "PANTEIA-2026", "vindplaats": "§1.6.1",
                "brontekst": "Deels: voortzetting en verfijning bestaande invorderingsstrategie."}
    goed = {"code": "IN-01", "naam": "Invorderingsstrategie", "domein": "IN", "ouder": None,
            "bronnen": [{"bron": "PANTEIA-2026", "vindplaats": "§1.6.1"}], "statushistorie": [historie]}
    fout = [
        goed,
        {**goed, "code": "IN-02", "naam": "Invorderings-strategie", "ouder": "IN-09"},
        {**goed, "code": "IN-03", "naam": "invorderingsstrategie",
         "statushistorie": [{**historie, "status": "bijna", "brontekst": "Dit staat nergens in het rapport."}]},
        {**goed, "code": "IN-05", "naam": "Later", "planning_oorspronkelijk": "2025", "planning_huidig": "Q7 2026",
         "statushistorie": [{**historie, "datum": "2099-01-01"}]},
    ]
    (map_ / "maatregelen-IN.json").write_text(json.dumps(fout), encoding="utf-8")
    problemen = "\n".join(controleer(map_, vandaag=date(2026, 11, 22)))
    assert "ouder 'IN-09'" in problemen
    assert "onbekende status 'bijna'" in problemen
    assert "brontekst niet letterlijk gevonden" in problemen
    assert "staat ook bij IN-01" in problemen
    assert "verwacht code IN-04" in problemen
    assert "planning_huidig" in problemen and "toekomst" in problemen
    (map_ / "maatregelen-IN.json").write_text(json.dumps([goed]), encoding="utf-8")
    assert controleer(map_, vandaag=date(2026, 11, 22)) == []


@pytest.fixture(scope="module")
def export_van_nieuwe_database(tmp_path_factory):
    pad = tmp_path_factory.mktemp("start") / "nieuw.db"
    uit = tmp_path_factory.mktemp("uit") / "register.json"
    assert main.main(["--db", str(pad), "export-json", "--out", str(uit)]) == 0
    return json.loads(uit.read_text(encoding="utf-8"))


def test_nieuwe_database_krijgt_het_startregister_met_bronvermelding_en_gedateerde_historie(export_van_nieuwe_database):
    maatregelen = export_van_nieuwe_database["maatregelen"]
    assert len(maatregelen) == len(lees().maatregelen) >= 150
    assert {m["domein_code"] for m in maatregelen} == {code for code, _, _ in DOMEINEN}
    for m in maatregelen:
        assert m["bronnen"], m["code"]
        assert m["statushistorie"], m["code"]
        for h in m["statushistorie"]:
            assert h["datum"] and h["bron"] and h["bron"]["bron"] and h["bron"]["vindplaats"], (m["code"], h)
    assert {b["code"] for b in export_van_nieuwe_database["bronnen"]} == {b["code"] for b in lees().bronnen}


def test_huidige_status_is_de_nieuwste_uit_de_historie(export_van_nieuwe_database):
    bron = {m["code"]: m for m in lees().maatregelen}
    for m in export_van_nieuwe_database["maatregelen"]:
        laatste = max(bron[m["code"]]["statushistorie"], key=lambda h: h["datum"])
        nieuwste = [h for h in bron[m["code"]]["statushistorie"] if h["datum"] == laatste["datum"]][-1]
        assert m["status"] == nieuwste["status"], m["code"]


def test_twee_keer_laden_geeft_hetzelfde_register(tmp_path, export_van_nieuwe_database):
    uit = tmp_path / "tweede.json"
    assert main.main(["--db", str(tmp_path / "tweede.db"), "export-json", "--out", str(uit)]) == 0
    assert json.loads(uit.read_text(encoding="utf-8")) == export_van_nieuwe_database


def test_leeg_begint_zonder_startregister(tmp_path, capsys):
    assert main.main(["--db", str(tmp_path / "leeg.db"), "--leeg", "export-json"]) == 0
    gegevens = json.loads(capsys.readouterr().out)
    assert gegevens["maatregelen"] == [] and len(gegevens["domeinen"]) == 5


def test_elke_bronvermelding_in_de_historie_staat_letterlijk_in_het_document():
    """Stated separately from the full check so that a failure names the entry: the heart of traceability."""
    register = lees()
    bestand = {b["code"]: b.get("bestand") for b in register.bronnen}
    from registry.startregister import brontekst_van
    niet_gevonden = [(m["code"], h["brontekst"][:60]) for m in register.maatregelen for h in m["statushistorie"]
                     if plat(h["brontekst"]) not in brontekst_van(bestand[h["bron"]])]
    assert niet_gevonden == []
    assert len(bestanden()) == 5
