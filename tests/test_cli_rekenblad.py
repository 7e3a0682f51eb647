"""The command line's Excel side (brief §5): export-xlsx and import, with their exit codes and all-or-nothing rule."""

import csv
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from test_cli import draai, gevulde_db, losse_logboeken, sha256, tellingen  # noqa: F401 - fixtures are used by name
from test_importeren import VELDEN, werkmap


def export_json(db: Path, tmp_path: Path, naam: str) -> dict:
    uit = tmp_path / f"{naam}.json"
    assert draai(["--db", str(db), "export-json", "--met-gearchiveerd", "--out", str(uit)]) == 0
    return json.loads(uit.read_text(encoding="utf-8"))


def maatregelvelden(gegevens: dict) -> dict[str, dict]:
    return {m["code"]: {v: m[v] for v in VELDEN} for m in gegevens["maatregelen"]}


def tracker(pad: Path, rijen: list[list], koppen=("Maatregel", "Thema", "Trekker", "Stand van zaken", "Deadline")):
    return werkmap(pad, [["Verbetermaatregelen toeslagen — stand november"], [], koppen, *rijen], blad="Tracker")


# --- export-xlsx ------------------------------------------------------------------------------------------------------

def test_export_xlsx_writes_the_filtered_measures_with_dutch_headers(tmp_path, capsys, gevulde_db):
    uit = tmp_path / "register.xlsx"
    assert draai(["--db", str(gevulde_db), "export-xlsx", "--domein", "TV", "--out", str(uit)]) == 0
    assert f"{uit} (3 maatregelen)" in capsys.readouterr().out
    blad = load_workbook(uit, read_only=True)["Maatregelen"]
    rijen = list(blad.iter_rows(values_only=True))
    assert rijen[0][:3] == ("Code", "Naam", "Omschrijving")
    assert sorted(r[0] for r in rijen[1:]) == ["TV-01", "TV-02", "TV-03"]


def test_export_xlsx_onto_a_directory_or_into_a_missing_one_exits_2_and_writes_nothing(tmp_path, capsys, gevulde_db):
    assert draai(["--db", str(gevulde_db), "export-xlsx", "--out", str(tmp_path)]) == 2
    assert "is een map" in capsys.readouterr().err
    weg = tmp_path / "bestaat-niet" / "register.xlsx"
    assert draai(["--db", str(gevulde_db), "export-xlsx", "--out", str(weg)]) == 2
    assert capsys.readouterr().err.strip()
    assert not weg.parent.exists()


# --- import: the round trip -------------------------------------------------------------------------------------------

def test_the_starter_register_round_trips_through_excel_into_an_empty_database(tmp_path, capsys, startregister_sjabloon):
    bron = tmp_path / "start.db"
    bron.write_bytes(Path(startregister_sjabloon).read_bytes())
    werkmap = tmp_path / "register.xlsx"
    assert draai(["--db", str(bron), "export-xlsx", "--met-gearchiveerd", "--out", str(werkmap)]) == 0

    doel = tmp_path / "doel.db"
    assert draai(["--db", str(doel), "--leeg", "import", str(werkmap)]) == 0
    uit = capsys.readouterr().out
    voor = maatregelvelden(export_json(bron, tmp_path, "bron"))
    assert f"{len(voor)} nieuw, 0 gewijzigd, 0 ongewijzigd" in uit
    na = maatregelvelden(export_json(doel, tmp_path, "doel"))
    assert na.keys() == voor.keys()
    verschillen = [(code, veld, voor[code][veld], na[code][veld])
                   for code in voor for veld in VELDEN if voor[code][veld] != na[code][veld]]
    assert verschillen == []

    # A second import of the same file changes nothing: not a field, not a version, not a row in any table.
    eerst, tabellen = export_json(doel, tmp_path, "eerst"), tellingen(doel)
    assert draai(["--db", str(doel), "import", str(werkmap)]) == 0
    assert f"0 nieuw, 0 gewijzigd, {len(voor)} ongewijzigd" in capsys.readouterr().out
    assert export_json(doel, tmp_path, "daarna")["maatregelen"] == eerst["maatregelen"]
    assert tellingen(doel) == tabellen


# --- import: a tracker and a Dutch-Excel CSV ---------------------------------------------------------------------------

TRACKERRIJEN = [
    ["Brieven in begrijpelijke taal", "Dienstverlening", "Team Communicatie", "gereed", "Q3 2025"],
    ["Proactief toekennen", "Niet-gebruik", "Team Toekennen", "in uitvoering", "eind 2026"],
    ["Betalingsregeling op maat", "IN", "Team Invordering", "niet gestart", "2027"],
]


def test_a_tracker_without_codes_imports_and_a_second_import_changes_nothing(tmp_path, capsys):
    db = tmp_path / "leeg.db"
    pad = tracker(tmp_path / "tracker.xlsx", TRACKERRIJEN)
    assert draai(["--db", str(db), "--leeg", "import", str(pad)]) == 0
    assert "3 nieuw" in capsys.readouterr().out
    per_naam = {m["naam"]: m for m in export_json(db, tmp_path, "na")["maatregelen"]}
    assert per_naam["Brieven in begrijpelijke taal"]["status"] == "ingevoerd"
    assert per_naam["Brieven in begrijpelijke taal"]["code"].startswith("DC-")
    assert per_naam["Proactief toekennen"]["status"] == "deels"
    assert per_naam["Betalingsregeling op maat"]["planning_huidig"]["tekst"] == "2027"
    assert per_naam["Betalingsregeling op maat"]["eigenaar"] == "Team Invordering"
    historie = per_naam["Proactief toekennen"]["statushistorie"]
    assert historie[-1]["toelichting"] == "Import uit tracker.xlsx, rij 5"

    tabellen = tellingen(db)
    assert draai(["--db", str(db), "import", str(pad)]) == 0
    assert "0 nieuw, 0 gewijzigd, 3 ongewijzigd" in capsys.readouterr().out
    assert tellingen(db) == tabellen


def test_the_same_tracker_as_a_dutch_excel_csv_imports_without_a_mapping(tmp_path, capsys):
    pad = tmp_path / "tracker.csv"
    with pad.open("w", encoding="cp1252", newline="") as f:
        schrijver = csv.writer(f, delimiter=";")
        schrijver.writerow(["Maatregel", "Thema", "Trekker", "Stand van zaken", "Deadline"])
        schrijver.writerows(TRACKERRIJEN + [["Één loket voor privé-schulden", "Invordering", "Team €", "loopt",
                                              "medio 2026"]])
    db = tmp_path / "leeg.db"
    assert draai(["--db", str(db), "--leeg", "import", str(pad)]) == 0
    assert "4 nieuw" in capsys.readouterr().out
    per_naam = {m["naam"]: m for m in export_json(db, tmp_path, "na")["maatregelen"]}
    assert per_naam["Één loket voor privé-schulden"]["eigenaar"] == "Team €"
    assert per_naam["Één loket voor privé-schulden"]["status"] == "deels"


# --- import: all or nothing -------------------------------------------------------------------------------------------

def test_one_invalid_row_means_nothing_is_imported_and_every_problem_is_named(tmp_path, capsys, gevulde_db):
    pad = tracker(tmp_path / "fout.xlsx", TRACKERRIJEN + [
        ["Nieuwe aanpak", "Onbekend thema", "Team X", "gereed", "2026"],
        ["Nog een", "TV", "Team Y", "bijna klaar", "morgen ofzo"],
    ])
    voor, tabellen = sha256(gevulde_db), tellingen(gevulde_db)
    assert draai(["--db", str(gevulde_db), "import", str(pad)]) == 2
    fout = capsys.readouterr().err
    assert "rij 7" in fout and "Onbekend thema" in fout
    assert "rij 8" in fout and "bijna klaar" in fout and "morgen ofzo" in fout
    assert tellingen(gevulde_db) == tabellen
    assert sha256(gevulde_db) == voor


def test_a_file_that_is_not_a_workbook_is_refused_before_the_database_is_opened(tmp_path, capsys):
    pad = tmp_path / "geen.xlsx"
    pad.write_bytes(b"%PDF-1.7 dit is geen werkmap")
    db = tmp_path / "nieuw.db"
    assert draai(["--db", str(db), "import", str(pad)]) == 2
    assert "geen.xlsx" in capsys.readouterr().err
    assert not db.exists()


def test_controleer_shows_the_plan_and_writes_nothing(tmp_path, capsys, gevulde_db):
    # Two of the tracker's measures are in the register already (same name, same domain): they are updated.
    pad = tracker(tmp_path / "tracker.xlsx", TRACKERRIJEN)
    voor = sha256(gevulde_db)
    assert draai(["--db", str(gevulde_db), "import", str(pad), "--controleer"]) == 0
    assert "1 nieuw, 2 gewijzigd, 0 ongewijzigd, 0 afgewezen" in capsys.readouterr().out
    assert sha256(gevulde_db) == voor


# --- import: --kolommen -----------------------------------------------------------------------------------------------

def test_an_unrecognised_column_is_a_warning_and_kolommen_maps_it(tmp_path, capsys):
    koppen = ("Maatregel", "Thema", "Wie doet het", "Budget")
    pad = tracker(tmp_path / "eigen.xlsx", [["Brieven herschrijven", "DC", "Team Brieven", "10.000"]], koppen)
    db = tmp_path / "leeg.db"
    assert draai(["--db", str(db), "--leeg", "import", str(pad), "--controleer"]) == 0
    fout = capsys.readouterr().err
    assert "Wie doet het" in fout and "Budget" in fout

    koppeling = tmp_path / "koppeling.json"
    koppeling.write_text(json.dumps({"wie doet het": "eigenaar", "Budget": None}), encoding="utf-8")
    assert draai(["--db", str(db), "import", str(pad), "--kolommen", str(koppeling)]) == 0
    uitvoer = capsys.readouterr()
    assert "Wie doet het" not in uitvoer.err and "Budget" not in uitvoer.err
    assert [m["eigenaar"] for m in export_json(db, tmp_path, "na")["maatregelen"]] == ["Team Brieven"]


@pytest.mark.parametrize("inhoud, verwacht", [
    ("{niet: json", "geen geldige JSON"),
    ('["eigenaar"]', "JSON-object"),
    ('{"Wie doet het": "baas"}', "baas"),
])
def test_a_bad_mapping_file_exits_2_with_a_dutch_message(tmp_path, capsys, inhoud, verwacht):
    koppen = ("Maatregel", "Thema", "Wie doet het")
    pad = tracker(tmp_path / "eigen.xlsx", [["Brieven herschrijven", "DC", "Team Brieven"]], koppen)
    koppeling = tmp_path / "koppeling.json"
    koppeling.write_text(inhoud, encoding="utf-8")
    db = tmp_path / "leeg.db"
    assert draai(["--db", str(db), "--leeg", "import", str(pad), "--kolommen", str(koppeling)]) == 2
    assert verwacht in capsys.readouterr().err
    assert not db.exists()
