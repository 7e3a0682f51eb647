"""Starter register part 2: effect measurements and recommendations, checked against the documents."""

import json
import shutil
from datetime import date

import pytest

import main
from registry.startregister import STARTMAP, brontekst_van, controleer, lees, plat


@pytest.fixture(scope="module")
def export(tmp_path_factory):
    map_ = tmp_path_factory.mktemp("deel2")
    assert main.main(["--db", str(map_ / "nieuw.db"), "export-json", "--out", str(map_ / "r.json")]) == 0
    return json.loads((map_ / "r.json").read_text(encoding="utf-8"))


def test_minstens_80_effectmetingen_elk_met_bewijskracht_en_bronvermelding(export):
    metingen = [e for m in export["maatregelen"] for e in m["effectmetingen"]]
    assert len(metingen) >= 80
    for e in metingen:
        assert e["bewijskracht"] in ("gemeten", "samenhang", "perceptie", "onbekend")
        assert e["bron"]["bron"] and e["bron"]["vindplaats"] and e["waarde"]


def test_minstens_120_aanbevelingen_de_helft_gekoppeld_en_geen_koppeling_naar_een_onbekende_maatregel(export):
    aanbevelingen = export["aanbevelingen"]
    codes = {m["code"] for m in export["maatregelen"]}
    assert len(aanbevelingen) >= 120
    gekoppeld = [a for a in aanbevelingen if a["maatregelen"]]
    assert len(gekoppeld) * 2 >= len(aanbevelingen)
    assert all(c in codes for a in aanbevelingen for c in a["maatregelen"])
    assert all(a["bron"] and a["vindplaats"] for a in aanbevelingen)


def test_elk_cijfer_staat_letterlijk_in_het_geciteerde_document():
    register = lees()
    bestand = {b["code"]: b.get("bestand") for b in register.bronnen}
    fout = [(e["maatregel"], e["waarde"]) for e in register.effectmetingen
            if plat(e["brontekst"]) not in brontekst_van(bestand[e["bron"]])
            or plat(e["waarde"]) not in plat(e["brontekst"])]
    assert fout == []


def test_elke_aanbevelingstekst_staat_letterlijk_in_het_geciteerde_document():
    register = lees()
    bestand = {b["code"]: b.get("bestand") for b in register.bronnen}
    fout = [a["code"] for a in register.aanbevelingen if plat(a["tekst"]) not in brontekst_van(bestand[a["bron"]])]
    assert fout == []


def test_elke_afgewezen_aanbeveling_heeft_een_motivatie_en_elke_besluit_een_bron(export):
    for a in export["aanbevelingen"]:
        if a["opvolging"] == "afgewezen":
            assert (a["motivatie"] or "").strip(), a["code"]
        if a["opvolging"] != "open":
            assert "Bron:" in (a["motivatie"] or ""), a["code"]


def test_controle_vangt_fouten_in_effecten_en_aanbevelingen(tmp_path):
    map_ = tmp_path / "startregister"
    shutil.copytree(STARTMAP, map_, ignore=shutil.ignore_patterns("effectmetingen-*", "aanbevelingen-*"))
    zin = "Bij muteren op inkomen voerde Toeslagen in 72% van de gevallen zelf de mutatie door."
    (map_ / "effectmetingen-TV.json").write_text(json.dumps({"bronnen": [], "effectmetingen": [
        {"maatregel": "TV-01", "indicator": "Zelf doorgevoerde mutaties", "waarde": "72%", "brontekst": zin,
         "bron": "PANTEIA-2026", "vindplaats": "§1.6.1", "bewijskracht": "registratie"},
        {"maatregel": "XX-99", "indicator": "Verzonnen", "waarde": "73%", "brontekst": zin,
         "bron": "PANTEIA-2026", "vindplaats": "§1.6.1", "bewijskracht": "gemeten"},
    ]}), encoding="utf-8")
    (map_ / "aanbevelingen-PAN.json").write_text(json.dumps({"bronnen": [], "aanbevelingen": [
        {"code": "PAN-01", "titel": "Nergens", "tekst": "Deze aanbeveling staat in geen enkel document.",
         "bron": "PANTEIA-2026", "vindplaats": "§1.6.2", "opvolging": "afgewezen", "maatregelen": ["TV-999"]},
    ]}), encoding="utf-8")
    problemen = "\n".join(controleer(map_, vandaag=date(2026, 11, 22)))
    assert "onbekende bewijskracht 'registratie'" in problemen
    assert "onbekende maatregel" in problemen
    assert "waarde '73%' staat niet in de brontekst" in problemen
    assert "PAN-01: tekst niet letterlijk gevonden" in problemen
    assert "afgewezen zonder motivatie" in problemen
    assert "onbekende maatregelen ['TV-999']" in problemen
    assert "opvolging zonder letterlijke bronvermelding" in problemen
