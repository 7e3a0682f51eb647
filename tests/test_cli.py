"""The command line (brief §5, §7): headless sub-commands, global options, filters, exit codes and the error policy."""

import hashlib
import json
import logging
import os
import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

import main
from db.openen import open_register
from registry.export_json import register_als_json
from registry.filters import Filter, zoek_maatregelen
from registry.maatregel import archiveer, haal_maatregel, maak_maatregel

REPO = Path(__file__).resolve().parent.parent
GEBRUIKER = "tester"


@pytest.fixture(autouse=True)
def losse_logboeken():
    """main() hangs a log handler on the root logger for its process; in-process tests take it off again."""
    wortel = logging.getLogger()
    voor, niveau = list(wortel.handlers), wortel.level
    yield
    for handler in wortel.handlers[:]:
        if handler not in voor:
            wortel.removeHandler(handler)
            handler.close()
    wortel.setLevel(niveau)


def draai(argv: list[str]) -> int:
    """Run the CLI in-process and return the exit code the process would have (argparse exits by SystemExit)."""
    try:
        return main.main(argv)
    except SystemExit as einde:
        return einde.code if isinstance(einde.code, int) else 1


def sha256(pad: Path) -> str:
    return hashlib.sha256(pad.read_bytes()).hexdigest()


def tellingen(pad: Path) -> dict[str, int]:
    verbinding = sqlite3.connect(f"{pad.resolve().as_uri()}?mode=ro", uri=True)
    try:
        tabellen = [r[0] for r in verbinding.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
        return {t: verbinding.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tabellen}
    finally:
        verbinding.close()


def vul(reg) -> None:
    """A few measures across domains, with the values the CLI filters look at."""
    with reg.werk() as s:
        for code, domein, status, fase, iv_bl, keten, eigenaar, planning, naam in [
            ("TV-01", "TV", "ingevoerd", "staand", False, None, "Team Terugvordering", "2023", "Vooraf controleren"),
            ("TV-02", "TV", "deels", "pilot", True, "Innen en Betalen", "Team Invórdering", "Q3 2024",
             "Maandelijkse inkomensinschatting"),
            ("TV-03", "TV", "niet", "idee", None, None, None, "eind 2099", "Één loket <terugbetaling> & meer 😀"),
            ("IN-01", "IN", "deels", "pilot", True, "innen en betalen", "team invordering", None,
             "Persoonlijke betalingsregeling"),
            ("IN-02", "IN", "niet", None, False, "Toeslagen Verstrekken", None, "2024",
             "Kwijtschelding kleine schulden"),
            ("DC-01", "DC", "niet", "on_hold", True, None, "Klantcontact", None, "Brieven in begrijpelijke taal"),
            ("NG-01", "NG", "ingevoerd", "staand", None, None, None, None, "Proactief toekennen"),
            ("BU-01", "BU", "niet", "idee", True, "Innen en Betalen", "Team Invórdering", "2024", "Oude aanpak"),
        ]:
            maak_maatregel(s, {"domein": domein, "naam": naam, "iv_blokkade": iv_bl, "iv_afhankelijk": iv_bl,
                               "iv_keten": keten, "eigenaar": eigenaar, "planning_huidig": planning,
                               "toeslagen": ["HT"] if code < "NG" else []},
                           GEBRUIKER, code=code, status=status, fase=fase, status_datum=date(2024, 1, 1))
        archiveer(s, "BU-01", GEBRUIKER, haal_maatregel(s, "BU-01").versie)


@pytest.fixture
def gevulde_db(tmp_path) -> Path:
    pad = tmp_path / "gevuld.db"
    reg = open_register(pad=pad, leeg=True)
    try:
        vul(reg)
    finally:
        reg.sluit()
    return pad


# --- a new database, global options ---------------------------------------------------------------------------------

def test_export_json_on_a_new_database_creates_it_with_the_reference_data_and_prints_json(tmp_path, capsys):
    pad = tmp_path / "new.db"
    assert draai(["--db", str(pad), "export-json"]) == 0
    uit = capsys.readouterr().out
    gegevens = json.loads(uit)
    assert [d["code"] for d in sorted(gegevens["domeinen"], key=lambda d: d["code"])] == [
        "BU", "DC", "IN", "NG", "TV"]
    assert sorted(t["code"] for t in gegevens["toeslagen"]) == ["HT", "KGB", "KOT", "ZT"]
    assert {"maatregelen", "aanbevelingen", "bronnen"} <= set(gegevens)
    assert pad.is_file()
    assert tellingen(pad)["domein"] == 5
    assert tellingen(pad)["toeslag"] == 4


def test_a_zero_byte_file_counts_as_a_new_database(tmp_path, capsys):
    pad = tmp_path / "leeg.db"
    pad.write_bytes(b"")
    assert draai(["--db", str(pad), "--leeg", "export-json"]) == 0
    assert len(json.loads(capsys.readouterr().out)["domeinen"]) == 5
    assert tellingen(pad)["toeslag"] == 4


def test_global_options_work_after_the_sub_command_too(tmp_path, capsys):
    voor, na = tmp_path / "voor.db", tmp_path / "na.db"
    assert draai(["--db", str(voor), "export-json"]) == 0
    uit_voor = capsys.readouterr().out
    assert draai(["export-json", "--db", str(na)]) == 0
    uit_na = capsys.readouterr().out
    assert voor.is_file() and na.is_file()
    assert json.loads(uit_voor) == json.loads(uit_na)


def test_leeg_works_before_and_after_the_sub_command(tmp_path, capsys):
    assert draai(["--leeg", "--db", str(tmp_path / "a.db"), "export-json"]) == 0
    assert draai(["export-json", "--db", str(tmp_path / "b.db"), "--leeg"]) == 0
    assert tellingen(tmp_path / "a.db")["maatregel"] == 0
    assert tellingen(tmp_path / "b.db")["maatregel"] == 0


def test_a_global_option_after_the_sub_command_overrides_the_one_before(tmp_path, capsys, gevulde_db):
    nieuw = tmp_path / "nieuw.db"
    assert draai(["--db", str(nieuw), "export-json", "--db", str(gevulde_db)]) == 0
    assert len(json.loads(capsys.readouterr().out)["maatregelen"]) == 7
    assert not nieuw.exists()


def test_without_db_or_url_the_default_database_is_made_in_the_users_data_directory(eigen_gegevensmap, capsys):
    assert draai(["export-json"]) == 0
    json.loads(capsys.readouterr().out)
    assert (eigen_gegevensmap / "maatregelenregister.db").is_file()


def test_the_database_url_comes_from_the_environment_when_no_db_is_given(tmp_path, monkeypatch, capsys,
                                                                          eigen_gegevensmap):
    pad = tmp_path / "x.db"
    monkeypatch.setenv("MAATREGELEN_DATABASE_URL", f"sqlite:///{pad}")
    assert draai(["export-json"]) == 0
    assert len(json.loads(capsys.readouterr().out)["domeinen"]) == 5
    assert pad.is_file()
    assert not (eigen_gegevensmap / "maatregelenregister.db").exists()


def test_db_on_the_command_line_wins_over_the_environment(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("MAATREGELEN_DATABASE_URL", f"sqlite:///{tmp_path / 'omgeving.db'}")
    assert draai(["--db", str(tmp_path / "opdracht.db"), "export-json"]) == 0
    assert (tmp_path / "opdracht.db").is_file()
    assert not (tmp_path / "omgeving.db").exists()


def test_db_and_database_url_together_are_refused(tmp_path, capsys):
    code = draai(["--db", str(tmp_path / "a.db"), "--database-url", f"sqlite:///{tmp_path / 'b.db'}", "export-json"])
    assert code == 2
    fout = capsys.readouterr()
    assert fout.out == ""
    assert "niet allebei" in fout.err
    assert not (tmp_path / "a.db").exists()
    assert not (tmp_path / "b.db").exists()


def test_an_unknown_option_exits_2_with_a_dutch_message(tmp_path, capsys):
    assert draai(["--db", str(tmp_path / "a.db"), "export-json", "--onzin"]) == 2
    fout = capsys.readouterr()
    assert fout.out == ""
    assert "onbekende opties" in fout.err
    assert "--onzin" in fout.err
    assert "unrecognized" not in fout.err
    assert not (tmp_path / "a.db").exists()


def test_an_option_without_its_value_exits_2_with_a_dutch_message(capsys):
    assert draai(["export-json", "--domein"]) == 2
    fout = capsys.readouterr()
    assert "verwacht een waarde" in fout.err
    assert "expected" not in fout.err


def test_an_unknown_sub_command_exits_2_with_a_dutch_message(capsys):
    assert draai(["exporteer"]) == 2
    assert "ongeldige keuze" in capsys.readouterr().err


# --- --out ----------------------------------------------------------------------------------------------------------

def test_out_writes_the_json_to_the_file_and_nothing_to_stdout(tmp_path, capsys, gevulde_db):
    uit = tmp_path / "register.json"
    assert draai(["--db", str(gevulde_db), "export-json", "--out", str(uit)]) == 0
    assert capsys.readouterr().out == ""
    assert draai(["--db", str(gevulde_db), "export-json"]) == 0
    assert json.loads(uit.read_text(encoding="utf-8")) == json.loads(capsys.readouterr().out)
    assert "😀" in uit.read_text(encoding="utf-8")


def test_out_replaces_an_existing_file(tmp_path, capsys, gevulde_db):
    uit = tmp_path / "register.json"
    uit.write_text("oud", encoding="utf-8")
    assert draai(["--db", str(gevulde_db), "export-json", "--out", str(uit)]) == 0
    assert len(json.loads(uit.read_text(encoding="utf-8"))["maatregelen"]) == 7
    assert not list(tmp_path.glob(".register.json.*"))  # no temporary file left beside it


def test_out_into_a_missing_directory_exits_2_and_leaves_no_file(tmp_path, capsys, gevulde_db):
    uit = tmp_path / "bestaat-niet" / "register.json"
    assert draai(["--db", str(gevulde_db), "export-json", "--out", str(uit)]) == 2
    fout = capsys.readouterr()
    assert fout.out == ""
    assert "bestaat niet" in fout.err
    assert "Traceback" not in fout.err
    assert not uit.parent.exists()


def test_out_onto_a_directory_exits_2(tmp_path, capsys, gevulde_db):
    assert draai(["--db", str(gevulde_db), "export-json", "--out", str(tmp_path)]) == 2
    assert "is een map" in capsys.readouterr().err


def _onschrijfbare_map(tmp_path: Path) -> Path:
    """A directory nobody may write in: a read-only one, or /proc when running as root (root ignores modes)."""
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        return Path("/proc")
    map_ = tmp_path / "alleen-lezen"
    map_.mkdir()
    map_.chmod(0o555)
    return map_


def test_out_into_an_unwritable_directory_exits_2_with_a_dutch_message_and_leaves_no_file(tmp_path, capsys,
                                                                                         gevulde_db):
    map_ = _onschrijfbare_map(tmp_path)
    uit = map_ / "maatregelen-register.json"
    try:
        assert draai(["--db", str(gevulde_db), "export-json", "--out", str(uit)]) == 2
        fout = capsys.readouterr()
        assert fout.out == ""
        assert "niet schrijven" in fout.err
        assert "Traceback" not in fout.err
        assert not [n for n in os.listdir(map_) if "maatregelen-register.json" in n]
    finally:
        if map_ != Path("/proc"):
            map_.chmod(0o755)


# --- filters --------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("opties, filter_", [
    (["--domein", "TV"], Filter(domeinen=("TV",))),
    (["--domein", "tv", "--domein", "Invordering"], Filter(domeinen=("tv", "Invordering"))),
    (["--status", "deels", "--status", "✗"], Filter(statussen=("deels", "✗"))),
    (["--iv-blokkade"], Filter(iv_blokkade=True)),
    (["--iv-afhankelijk", "--domein", "IN"], Filter(iv_afhankelijk=True, domeinen=("IN",))),
    (["--zoek", "een loket"], Filter(zoek="een loket")),
    (["--zoek", "<terugbetaling> &"], Filter(zoek="<terugbetaling> &")),
    (["--toeslag", "Huurtoeslag", "--status", "niet"], Filter(toeslagen=("Huurtoeslag",), statussen=("niet",))),
    (["--domein", "BU", "--met-gearchiveerd"], Filter(domeinen=("BU",), met_gearchiveerd=True)),
    (["--fase", "pilot", "--fase", "On hold"], Filter(fasen=("pilot", "On hold"))),
    (["--iv-keten", "INNEN én"], Filter(iv_keten="INNEN én")),
    (["--eigenaar", "invordering"], Filter(eigenaar="invordering")),
    (["--planning-verstreken"], Filter(planning_verstreken=True)),
    (["--eigenaar", "invordering", "--met-gearchiveerd", "--iv-keten", "betalen", "--fase", "idee"],
     Filter(eigenaar="invordering", met_gearchiveerd=True, iv_keten="betalen", fasen=("idee",))),
    (["--domein", "TV", "--status", "deels", "--status", "niet", "--iv-blokkade", "--zoek", "inkomens"],
     Filter(domeinen=("TV",), statussen=("deels", "niet"), iv_blokkade=True, zoek="inkomens")),
])
def test_cli_filters_select_what_the_use_case_selects(gevulde_db, capsys, opties, filter_):
    assert draai(["--db", str(gevulde_db), "export-json", *opties]) == 0
    gegevens = json.loads(capsys.readouterr().out)
    reg = open_register(pad=gevulde_db)
    try:
        with reg.sessie() as s:
            verwacht_codes = [r.code for r in zoek_maatregelen(s, filter_)]
            verwacht = json.loads(json.dumps(register_als_json(s, filter_), ensure_ascii=False))
    finally:
        reg.sluit()
    assert [m["code"] for m in gegevens["maatregelen"]] == verwacht_codes
    assert gegevens == verwacht


def test_cli_filters_actually_narrow_the_selection(gevulde_db, capsys):
    assert draai(["--db", str(gevulde_db), "export-json", "--domein", "TV", "--status", "deels", "--status",
                  "niet", "--iv-blokkade"]) == 0
    assert [m["code"] for m in json.loads(capsys.readouterr().out)["maatregelen"]] == ["TV-02"]
    assert draai(["--db", str(gevulde_db), "export-json", "--zoek", "Één LOKET"]) == 0
    assert [m["code"] for m in json.loads(capsys.readouterr().out)["maatregelen"]] == ["TV-03"]
    assert draai(["--db", str(gevulde_db), "export-json", "--eigenaar", "invordering"]) == 0
    assert [m["code"] for m in json.loads(capsys.readouterr().out)["maatregelen"]] == ["IN-01", "TV-02"]
    assert draai(["--db", str(gevulde_db), "export-json", "--planning-verstreken"]) == 0
    assert [m["code"] for m in json.loads(capsys.readouterr().out)["maatregelen"]] == ["IN-02", "TV-02"]


@pytest.mark.parametrize("opties, melding", [
    (["--domein", "XX"], "Onbekend domein"),
    (["--status", "klaar"], "Onbekende status"),
    (["--fase", "ontwerp"], "Onbekende fase"),
    (["--toeslag", "AOW"], "Onbekende toeslag"),
])
def test_a_bad_filter_value_exits_2_with_a_dutch_message_and_nothing_on_stdout(gevulde_db, capsys, opties,
                                                                              melding):
    voor = sha256(gevulde_db)
    assert draai(["--db", str(gevulde_db), "export-json", *opties]) == 2
    fout = capsys.readouterr()
    assert fout.out == ""
    assert melding in fout.err
    assert "Traceback" not in fout.err
    assert sha256(gevulde_db) == voor


def test_a_bad_filter_value_with_out_leaves_no_file(gevulde_db, tmp_path, capsys):
    uit = tmp_path / "register.json"
    assert draai(["--db", str(gevulde_db), "export-json", "--status", "klaar", "--out", str(uit)]) == 2
    assert not uit.exists()


# --- --leeg on a filled database ------------------------------------------------------------------------------------

def test_leeg_on_a_database_with_measures_exits_2_and_changes_no_byte(gevulde_db, capsys):
    voor = sha256(gevulde_db)
    assert draai(["--db", str(gevulde_db), "--leeg", "export-json"]) == 2
    fout = capsys.readouterr()
    assert fout.out == ""
    assert "--leeg" in fout.err
    assert sha256(gevulde_db) == voor
    assert draai(["export-json", "--db", str(gevulde_db), "--leeg"]) == 2
    assert sha256(gevulde_db) == voor


def _verbindingen(url) -> int:
    """How many sessions the server has open on the database of `url` (asked from the test server's own database)."""
    from sqlalchemy import create_engine, text

    beheer = create_engine(os.environ["MAATREGELEN_TEST_DATABASE_URL"])
    try:
        with beheer.connect() as c:
            return c.execute(text("SELECT count(*) FROM pg_stat_activity WHERE datname = :naam"),
                             {"naam": url.database}).scalar()
    finally:
        beheer.dispose()


@pytest.mark.postgres
def test_export_json_on_a_server_database_leaves_no_connection_open(postgres_url, capsys):
    url = postgres_url.render_as_string(hide_password=False)
    assert draai(["--database-url", url, "export-json"]) == 0
    assert _verbindingen(postgres_url) == 0


@pytest.mark.postgres
def test_leeg_on_a_server_database_with_measures_exits_2_changes_nothing_and_leaves_no_connection_open(
        postgres_url, capsys):
    reg = open_register(url=postgres_url, leeg=True)
    try:
        vul(reg)
    finally:
        reg.sluit()
    url = postgres_url.render_as_string(hide_password=False)
    assert draai(["--database-url", url, "--leeg", "export-json"]) == 2
    fout = capsys.readouterr()
    assert fout.out == ""
    assert "--leeg" in fout.err
    assert _verbindingen(postgres_url) == 0
    reg = open_register(url=postgres_url)
    try:
        with reg.sessie() as s:
            assert len(zoek_maatregelen(s, Filter(met_gearchiveerd=True))) == 8
    finally:
        reg.sluit()


def test_leeg_on_a_database_with_only_reference_data_is_fine(tmp_path, capsys):
    pad = tmp_path / "ref.db"
    assert draai(["--db", str(pad), "--leeg", "export-json"]) == 0
    assert draai(["--db", str(pad), "--leeg", "export-json"]) == 0


# --- backup ---------------------------------------------------------------------------------------------------------

def test_backup_makes_a_consistent_copy_that_is_a_valid_register(tmp_path, capsys):
    pad, kopie = tmp_path / "bron.db", tmp_path / "kopie.db"
    reg = open_register(pad=pad, leeg=True)
    try:
        vul(reg)
        # The register stays open: committed pages may still sit in the WAL, which a plain file copy would miss.
        verwacht = tellingen(pad)
        assert draai(["--db", str(pad), "backup", "--out", str(kopie)]) == 0
    finally:
        reg.sluit()
    assert "Backup gemaakt" in capsys.readouterr().err
    assert tellingen(kopie) == verwacht
    assert verwacht["maatregel"] == 8
    assert not list(tmp_path.glob("kopie.db.*.tmp"))

    assert draai(["--db", str(pad), "export-json", "--met-gearchiveerd"]) == 0
    origineel = capsys.readouterr().out
    assert draai(["export-json", "--db", str(kopie), "--met-gearchiveerd"]) == 0
    assert capsys.readouterr().out == origineel


def test_backup_options_after_the_sub_command(gevulde_db, tmp_path, capsys):
    kopie = tmp_path / "kopie.db"
    assert draai(["backup", "--out", str(kopie), "--db", str(gevulde_db)]) == 0
    assert tellingen(kopie) == tellingen(gevulde_db)


def test_backup_into_an_unwritable_directory_exits_2_and_leaves_no_file(gevulde_db, tmp_path, capsys):
    map_ = _onschrijfbare_map(tmp_path)
    try:
        assert draai(["--db", str(gevulde_db), "backup", "--out", str(map_ / "maatregelen-kopie.db")]) == 2
        fout = capsys.readouterr()
        assert "Traceback" not in fout.err
        assert "niet schrijven" in fout.err
        assert not [n for n in os.listdir(map_) if "maatregelen-kopie.db" in n]
    finally:
        if map_ != Path("/proc"):
            map_.chmod(0o755)


def test_backup_into_a_missing_directory_exits_2_with_a_dutch_message(gevulde_db, tmp_path, capsys):
    assert draai(["--db", str(gevulde_db), "backup", "--out", str(tmp_path / "nergens" / "kopie.db")]) == 2
    assert "bestaat niet" in capsys.readouterr().err
    assert not (tmp_path / "nergens").exists()


def test_backup_onto_the_database_itself_exits_2_and_changes_no_byte(gevulde_db, capsys):
    voor = sha256(gevulde_db)
    assert draai(["--db", str(gevulde_db), "backup", "--out", str(gevulde_db)]) == 2
    assert capsys.readouterr().err.strip()
    assert sha256(gevulde_db) == voor


def test_backup_without_out_exits_2(gevulde_db, capsys):
    assert draai(["--db", str(gevulde_db), "backup"]) == 2
    assert "verplicht" in capsys.readouterr().err


@pytest.mark.postgres
def test_backup_of_a_server_database_exits_2_pointing_at_the_servers_own_backup(postgres_url, tmp_path, capsys):
    url = postgres_url.render_as_string(hide_password=False)
    kopie = tmp_path / "kopie.db"
    assert draai(["--database-url", url, "backup", "--out", str(kopie)]) == 2
    fout = capsys.readouterr()
    assert "pg_dump" in fout.err
    assert "server" in fout.err
    assert not kopie.exists()


# --- migrate --------------------------------------------------------------------------------------------------------

def test_migrate_on_an_up_to_date_database_exits_0_and_changes_nothing(gevulde_db, capsys):
    voor = tellingen(gevulde_db)
    assert draai(["--db", str(gevulde_db), "migrate"]) == 0
    assert "actueel" in capsys.readouterr().err
    assert tellingen(gevulde_db) == voor
    assert not list(gevulde_db.parent.glob("*.voor-migratie-*"))


@pytest.mark.postgres
def test_migrate_on_an_up_to_date_server_database_exits_0(postgres_url, capsys):
    url = postgres_url.render_as_string(hide_password=False)
    assert draai(["--database-url", url, "--leeg", "export-json"]) == 0
    capsys.readouterr()
    assert draai(["migrate", "--database-url", url]) == 0
    fout = capsys.readouterr().err
    assert "actueel" in fout
    assert postgres_url.password is None or f":{postgres_url.password}@" not in fout


@pytest.mark.postgres
def test_export_json_on_a_new_server_database_creates_the_reference_data(postgres_url, capsys):
    url = postgres_url.render_as_string(hide_password=False)
    assert draai(["export-json", "--database-url", url]) == 0
    gegevens = json.loads(capsys.readouterr().out)
    assert len(gegevens["domeinen"]) == 5
    assert len(gegevens["toeslagen"]) == 4


# --- unexpected errors and secrets ----------------------------------------------------------------------------------

def test_an_unexpected_error_exits_1_with_a_short_dutch_message_and_the_traceback_in_the_log(
        gevulde_db, monkeypatch, capsys, eigen_gegevensmap):
    import registry.export_json

    def kapot(*args, **kwargs):
        raise RuntimeError("interne fout 4711")

    monkeypatch.setattr(registry.export_json, "register_als_json", kapot)
    voor = sha256(gevulde_db)
    assert draai(["--db", str(gevulde_db), "export-json"]) == 1
    fout = capsys.readouterr()
    logbestand = eigen_gegevensmap / "maatregelenregister.log"
    assert fout.out == ""
    assert "onverwachts" in fout.err
    assert str(logbestand) in fout.err
    assert "Traceback" not in fout.err
    assert "RuntimeError" not in fout.err
    assert len(fout.err.strip().splitlines()) <= 2
    for handler in logging.getLogger().handlers:
        handler.flush()
    log = logbestand.read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in log
    assert "RuntimeError: interne fout 4711" in log
    assert sha256(gevulde_db) == voor


def test_a_password_in_the_database_url_never_reaches_stderr_or_the_log(capsys, eigen_gegevensmap):
    code = draai(["--database-url", "postgresql+psycopg://u:geheim@127.0.0.1:1/x", "export-json"])
    assert code == 2
    fout = capsys.readouterr()
    assert fout.out == ""
    assert fout.err.strip()
    assert "Traceback" not in fout.err
    assert "geheim" not in fout.err
    for handler in logging.getLogger().handlers:
        handler.flush()
    logbestand = eigen_gegevensmap / "maatregelenregister.log"
    assert "geheim" not in (logbestand.read_text(encoding="utf-8") if logbestand.exists() else "")


def test_a_password_in_the_environment_url_never_reaches_stderr_or_the_log(capsys, monkeypatch, eigen_gegevensmap):
    monkeypatch.setenv("MAATREGELEN_DATABASE_URL", "postgresql+psycopg://u:geheim@127.0.0.1:1/x")
    assert draai(["export-json"]) == 2
    fout = capsys.readouterr()
    assert "geheim" not in fout.err
    for handler in logging.getLogger().handlers:
        handler.flush()
    logbestand = eigen_gegevensmap / "maatregelenregister.log"
    assert "geheim" not in (logbestand.read_text(encoding="utf-8") if logbestand.exists() else "")


def test_a_file_that_is_not_a_register_exits_2_and_is_left_untouched(tmp_path, capsys):
    pad = tmp_path / "notities.db"
    pad.write_bytes(b"dit is geen database\n" * 20)
    voor = sha256(pad)
    assert draai(["--db", str(pad), "export-json"]) == 2
    fout = capsys.readouterr()
    assert fout.out == ""
    assert "geen" in fout.err
    assert sha256(pad) == voor


# --- a real process, without a display ------------------------------------------------------------------------------

def test_the_command_line_runs_headless_in_its_own_process(tmp_path, eigen_gegevensmap):
    omgeving = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    omgeving["MAATREGELEN_GEGEVENSMAP"] = str(eigen_gegevensmap)
    pad = tmp_path / "new.db"
    resultaat = subprocess.run([sys.executable, "main.py", "--db", str(pad), "export-json"], cwd=REPO,
                               env=omgeving, capture_output=True, timeout=120)
    assert resultaat.returncode == 0, resultaat.stderr.decode("utf-8", "replace")
    gegevens = json.loads(resultaat.stdout.decode("utf-8"))
    assert len(gegevens["domeinen"]) == 5
    assert len(gegevens["toeslagen"]) == 4
    assert pad.is_file()

    fout = subprocess.run([sys.executable, "main.py", "export-json", "--db", str(pad), "--domein", "XX"], cwd=REPO,
                          env=omgeving, capture_output=True, timeout=120)
    assert fout.returncode == 2
    assert fout.stdout == b""
    assert "Onbekend domein" in fout.stderr.decode("utf-8")


# --- export-pdf -----------------------------------------------------------------------------------------------------

def _pdf_proces(argv: list[str], gegevensmap: Path) -> subprocess.CompletedProcess:
    omgeving = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    omgeving["MAATREGELEN_GEGEVENSMAP"] = str(gegevensmap)
    return subprocess.run([sys.executable, "main.py", *argv], cwd=REPO, env=omgeving, capture_output=True,
                          timeout=180)


def test_export_pdf_of_a_domain_writes_a_real_pdf_and_prints_path_and_page_count(gevulde_db, tmp_path,
                                                                                 eigen_gegevensmap):
    from pypdf import PdfReader

    uit = tmp_path / "in.pdf"
    resultaat = _pdf_proces(["--db", str(gevulde_db), "export-pdf", "--out", str(uit), "--domein", "IN",
                             "--periode", "2026-H2"], eigen_gegevensmap)
    assert resultaat.returncode == 0, resultaat.stderr.decode("utf-8", "replace")
    assert uit.read_bytes().startswith(b"%PDF-")
    lezer = PdfReader(str(uit))
    tekst = "\n".join(p.extract_text() for p in lezer.pages)
    assert "IN-01" in tekst and "IN-02" in tekst and "TV-01" not in tekst
    assert "2e helft 2026" in tekst
    assert resultaat.stdout.decode("utf-8").strip() == f"{uit} ({len(lezer.pages)} pagina's)"
    assert lezer.metadata.title == "Overzicht verbetermaatregelen Toeslagen"


@pytest.mark.parametrize("opties, melding", [
    (["--status", "xyz"], "xyz"),
    (["--peildatum", "31-02-2026"], "bestaat niet"),
    (["--peildatum", "morgen"], "geen datum"),
    (["--sinds", "2026/01/01"], "geen datum"),
    (["--periode", "2026-H3"], "Rapportageperiode"),
])
def test_export_pdf_with_bad_input_exits_2_with_a_dutch_message_and_writes_nothing(
        gevulde_db, tmp_path, eigen_gegevensmap, opties, melding):
    uit = tmp_path / "fout.pdf"
    voor = sha256(gevulde_db)
    resultaat = _pdf_proces(["--db", str(gevulde_db), "export-pdf", "--out", str(uit), *opties], eigen_gegevensmap)
    assert resultaat.returncode == 2, resultaat.stderr.decode("utf-8", "replace")
    fout = resultaat.stderr.decode("utf-8")
    assert melding in fout and "Traceback" not in fout
    assert resultaat.stdout == b""
    assert not uit.exists() and list(tmp_path.glob("*.pdf*")) == []
    assert sha256(gevulde_db) == voor


def test_export_pdf_into_a_missing_folder_exits_2_and_leaves_no_file(gevulde_db, tmp_path, eigen_gegevensmap):
    uit = tmp_path / "bestaat-niet" / "rapport.pdf"
    resultaat = _pdf_proces(["--db", str(gevulde_db), "export-pdf", "--out", str(uit)], eigen_gegevensmap)
    assert resultaat.returncode == 2
    assert "bestaat niet" in resultaat.stderr.decode("utf-8")
    assert not uit.parent.exists()
    assert list(tmp_path.rglob("*.pdf*")) == [] and list(tmp_path.rglob("*.tmp")) == []


# --- vaststellen and rapporten --------------------------------------------------------------------------------------

def _pdf_tekst(pad: Path) -> str:
    from pypdf import PdfReader

    return "\n".join(p.extract_text() for p in PdfReader(str(pad)).pages)


def test_a_vastgesteld_export_is_listed_and_written_back_byte_identical(gevulde_db, tmp_path, capsys):
    uit, terug = tmp_path / "PRT-2026-H1.pdf", tmp_path / "terug.pdf"
    assert draai(["--db", str(gevulde_db), "export-pdf", "--out", str(uit), "--periode", "2026-H1",
                  "--peildatum", "2026-06-30", "--domein", "TV", "--vaststellen"]) == 0
    regels = capsys.readouterr().out.splitlines()
    assert regels[0].startswith(f"{uit} (")
    assert regels[1] == "Vastgesteld als rapport 1 (peildatum 30-06-2026)."
    assert not list(tmp_path.glob(".PRT-2026-H1.pdf.*"))

    assert draai(["rapporten", "--db", str(gevulde_db)]) == 0
    kop, rij = capsys.readouterr().out.splitlines()
    assert kop.split() == ["Nr", "Periode", "Peildatum", "Selectie", "Maatregelen", "Vastgesteld", "op", "Door"]
    assert rij.split()[:6] == ["1", "2026-H1", "30-06-2026", "Domein:", "TV", "3"]
    reg = open_register(pad=gevulde_db)
    try:
        assert rij.split()[-1] == reg.gebruiker()  # the OS login on SQLite
    finally:
        reg.sluit()

    assert draai(["--db", str(gevulde_db), "rapporten", "--id", "1", "--out", str(terug)]) == 0
    assert "Rapport 1 geschreven naar" in capsys.readouterr().out
    assert terug.read_bytes() == uit.read_bytes()


def _exporteer(db: Path, uit: Path, peildatum: str, capsys) -> Path:
    assert draai(["--db", str(db), "export-pdf", "--out", str(uit), "--peildatum", peildatum]) == 0
    capsys.readouterr()
    return uit


def test_without_sinds_the_next_export_lists_the_changes_since_the_last_vastgestelde_peildatum(
        gevulde_db, tmp_path, capsys):
    import re

    from registry.status import wijzig_status

    eerste, tweede = tmp_path / "eerste.pdf", tmp_path / "tweede.pdf"
    # No report vastgesteld yet: no since-date, so no changes listed.
    assert not re.search(r"Wijzigingen sinds \d", _pdf_tekst(_exporteer(gevulde_db, eerste, "2026-06-30", capsys)))

    assert draai(["--db", str(gevulde_db), "export-pdf", "--out", str(eerste), "--peildatum", "2026-06-30",
                  "--vaststellen"]) == 0
    reg = open_register(pad=gevulde_db)
    try:
        with reg.werk() as s:
            wijzig_status(s, "IN-02", "deels", "Aanbesteding gestart", GEBRUIKER, haal_maatregel(s, "IN-02").versie,
                          datum=date(2026, 9, 1))
    finally:
        reg.sluit()
    tekst = _pdf_tekst(_exporteer(gevulde_db, tweede, "2026-12-31", capsys))
    assert "Wijzigingen sinds 30-06-2026" in tekst
    assert "Aanbesteding gestart" in tekst


def test_an_explicit_sinds_wins_over_the_last_vastgestelde_peildatum(gevulde_db, tmp_path, capsys):
    assert draai(["--db", str(gevulde_db), "export-pdf", "--out", str(tmp_path / "a.pdf"), "--peildatum",
                  "2026-06-30", "--vaststellen"]) == 0
    uit = tmp_path / "b.pdf"
    assert draai(["--db", str(gevulde_db), "export-pdf", "--out", str(uit), "--peildatum", "2026-12-31",
                  "--sinds", "2026-02-01"]) == 0
    assert "Wijzigingen sinds 01-02-2026" in _pdf_tekst(uit)


def test_vaststellen_with_concept_exits_2_and_writes_nothing(gevulde_db, tmp_path, capsys):
    uit = tmp_path / "rapport.pdf"
    voor = sha256(gevulde_db)
    assert draai(["--db", str(gevulde_db), "export-pdf", "--out", str(uit), "--concept", "--vaststellen"]) == 2
    fout = capsys.readouterr()
    assert "concept" in fout.err and "nooit vastgesteld" in fout.err
    assert fout.out == ""
    assert not uit.exists()
    assert sha256(gevulde_db) == voor


@pytest.mark.parametrize("fout, code, melding", [
    ("registerfout", 2, "kan nu niet"),
    ("onverwacht", 1, "onverwachts"),
])
def test_when_storing_fails_the_message_says_the_file_was_written_but_not_vastgesteld(
        gevulde_db, tmp_path, capsys, monkeypatch, fout, code, melding):
    import registry.rapport.vaststelling
    from registry.fouten import RegisterFout

    def mislukt(*args, **kwargs):
        raise RegisterFout("De database kan nu niet schrijven.") if fout == "registerfout" else RuntimeError("kapot")

    monkeypatch.setattr(registry.rapport.vaststelling, "stel_vast", mislukt)
    uit = tmp_path / "rapport.pdf"
    assert draai(["--db", str(gevulde_db), "export-pdf", "--out", str(uit), "--vaststellen"]) == code
    err = capsys.readouterr().err
    assert f"geschreven naar {uit}, maar is niet vastgesteld" in err and melding in err
    assert "niets gewijzigd" not in err and "Traceback" not in err
    assert uit.read_bytes().startswith(b"%PDF-")
    assert tellingen(gevulde_db)["vastgesteld_rapport"] == 0


def test_rapporten_without_any_says_so_in_dutch(gevulde_db, capsys):
    assert draai(["--db", str(gevulde_db), "rapporten"]) == 0
    assert capsys.readouterr().out.startswith("Er zijn nog geen vastgestelde rapporten.")


def test_rapporten_with_an_unknown_id_exits_2_and_leaves_no_file(gevulde_db, tmp_path, capsys):
    uit = tmp_path / "rapport.pdf"
    assert draai(["--db", str(gevulde_db), "rapporten", "--id", "7", "--out", str(uit)]) == 2
    fout = capsys.readouterr()
    assert "geen vastgesteld rapport met nummer 7" in fout.err and "Traceback" not in fout.err
    assert list(tmp_path.glob("*.pdf*")) == []


def test_rapporten_into_an_unwritable_directory_exits_2_and_leaves_no_file(gevulde_db, tmp_path, capsys):
    assert draai(["--db", str(gevulde_db), "export-pdf", "--out", str(tmp_path / "a.pdf"), "--vaststellen"]) == 0
    capsys.readouterr()
    map_ = _onschrijfbare_map(tmp_path)
    try:
        assert draai(["--db", str(gevulde_db), "rapporten", "--id", "1", "--out", str(map_ / "prt-terug.pdf")]) == 2
        fout = capsys.readouterr()
        assert "niet schrijven" in fout.err and "Traceback" not in fout.err
        assert not [n for n in os.listdir(map_) if "prt-terug.pdf" in n]
    finally:
        if map_ != Path("/proc"):
            map_.chmod(0o755)


@pytest.mark.parametrize("opties, melding", [
    (["--id", "1"], "--id en --out samen"),
    (["--out", "x.pdf"], "--id en --out samen"),
    (["--id", "een"], "geheel getal"),
])
def test_rapporten_with_incomplete_options_exits_2_with_a_dutch_message(gevulde_db, capsys, opties, melding):
    assert draai(["--db", str(gevulde_db), "rapporten", *opties]) == 2
    assert melding in capsys.readouterr().err


def test_rapporten_help_is_dutch(capsys):
    assert draai(["rapporten", "--help"]) == 0
    uitleg = capsys.readouterr().out
    assert uitleg.startswith("gebruik: python main.py rapporten")
    assert "vastgestelde rapporten" in uitleg and "usage" not in uitleg and "show this help" not in uitleg


@pytest.mark.postgres
def test_vaststellen_on_a_server_database_names_the_database_login_and_opens_byte_identical(
        postgres_url, tmp_path, capsys):
    url = postgres_url.render_as_string(hide_password=False)
    uit, terug = tmp_path / "PRT.pdf", tmp_path / "terug.pdf"
    assert draai(["--database-url", url, "--leeg", "export-pdf", "--out", str(uit), "--vaststellen"]) == 0
    assert draai(["--database-url", url, "rapporten"]) == 0
    assert capsys.readouterr().out.splitlines()[-1].split()[-1] == postgres_url.username
    assert draai(["--database-url", url, "rapporten", "--id", "1", "--out", str(terug)]) == 0
    assert terug.read_bytes() == uit.read_bytes()
    assert _verbindingen(postgres_url) == 0
