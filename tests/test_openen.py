"""Opening databases: new ones are created, unusable ones refused untouched, older SQLite files migrated safely."""

import hashlib
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import IntegrityError

from db.openen import SCHEMA_REVISIE, SQLITE_APPLICATION_ID, open_register
from registry.fouten import DatabaseFout
from registry.maatregel import aantal_maatregelen, maak_maatregel

REPO = Path(__file__).resolve().parents[1]


def vingerafdruk(pad: Path) -> str:
    return hashlib.sha256(pad.read_bytes()).hexdigest()


def weigert_onaangeroerd(pad: Path, patroon: str, **opties) -> None:
    """Opening `pad` is refused with a message matching `patroon`, and the file keeps every byte."""
    voor = vingerafdruk(pad)
    with pytest.raises(DatabaseFout, match=patroon):
        open_register(pad=pad, **opties)
    assert vingerafdruk(pad) == voor


def register_met_maatregel(pad: Path) -> None:
    reg = open_register(pad=pad, leeg=True)
    with reg.werk() as s:
        maak_maatregel(s, {"naam": "Persoonlijke begeleiding", "domein": "IN"}, "tester")
    reg.sluit()


def test_nieuw_bestand_krijgt_schema_en_referentiedata(tmp_path):
    pad = tmp_path / "nieuw.db"
    reg = open_register(pad=pad)
    assert reg.nieuw
    with reg.sessie() as s:
        from registry.domein import domeinen, toeslagen
        assert [d.code for d in domeinen(s)] == ["TV", "IN", "NG", "DC", "BU"]
        assert [t.code for t in toeslagen(s)] == ["HT", "ZT", "KOT", "KGB"]
    reg.sluit()
    verbinding = sqlite3.connect(pad)
    assert verbinding.execute("PRAGMA application_id").fetchone()[0] == SQLITE_APPLICATION_ID
    assert verbinding.execute("SELECT version_num FROM alembic_version").fetchone()[0] == SCHEMA_REVISIE
    verbinding.close()
    assert not open_register(pad=pad).nieuw


def test_leeg_bestand_van_nul_bytes_wordt_een_nieuw_register(tmp_path):
    pad = tmp_path / "nul.db"
    pad.touch()
    reg = open_register(pad=pad)
    assert reg.nieuw
    reg.sluit()


def test_map_die_niet_bestaat_geeft_duidelijke_melding(tmp_path):
    with pytest.raises(DatabaseFout, match="bestaat niet"):
        open_register(pad=tmp_path / "nergens" / "x.db")


@pytest.mark.parametrize("inhoud", [b"Dit is een tekstbestand, geen database.\n", b"SQLite format 3\x00kort", b"\x00" * 4096])
def test_geen_database_wordt_geweigerd_en_blijft_onaangeroerd(tmp_path, inhoud):
    pad = tmp_path / "geen.db"
    pad.write_bytes(inhoud)
    voor = vingerafdruk(pad)
    with pytest.raises(DatabaseFout) as fout:
        open_register(pad=pad)
    assert "Maatregelenregister" in str(fout.value) or "beschadigd" in str(fout.value)
    assert vingerafdruk(pad) == voor
    assert {p.name for p in tmp_path.iterdir()} == {"gegevens", "geen.db"}  # no journal, WAL or backup left


def test_afgekapte_database_wordt_geweigerd_en_blijft_onaangeroerd(tmp_path):
    pad = tmp_path / "afgekapt.db"
    register_met_maatregel(pad)
    sqlite3.connect(pad).execute("PRAGMA wal_checkpoint(TRUNCATE)").close()
    data = pad.read_bytes()
    pad.write_bytes(data[: len(data) // 2])
    weigert_onaangeroerd(pad, "beschadigd")


def test_database_van_andere_toepassing_wordt_geweigerd(tmp_path):
    pad = tmp_path / "ander.db"
    verbinding = sqlite3.connect(pad)
    verbinding.execute("CREATE TABLE klanten (id INTEGER PRIMARY KEY, naam TEXT)")
    verbinding.execute("INSERT INTO klanten (naam) VALUES ('Jansen')")
    verbinding.commit()
    verbinding.close()
    weigert_onaangeroerd(pad, "andere toepassing")


def test_database_van_nieuwere_versie_wordt_geweigerd(tmp_path):
    pad = tmp_path / "nieuwer.db"
    register_met_maatregel(pad)
    verbinding = sqlite3.connect(pad)
    verbinding.execute("UPDATE alembic_version SET version_num = '0099_toekomst'")
    verbinding.commit()
    verbinding.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    verbinding.close()
    weigert_onaangeroerd(pad, "nieuwere versie")


def test_leeg_op_database_met_maatregelen_wordt_geweigerd(tmp_path):
    pad = tmp_path / "gevuld.db"
    register_met_maatregel(pad)
    sqlite3.connect(pad).execute("PRAGMA wal_checkpoint(TRUNCATE)").close()
    weigert_onaangeroerd(pad, "--leeg", leeg=True)


def test_buitenlandse_sleutels_worden_afgedwongen(sqlite_register):
    with pytest.raises(IntegrityError):
        with sqlite_register.werk() as s:
            s.execute(text("INSERT INTO maatregel_toeslag (maatregel_id, toeslag_code) VALUES (999, 'HT')"))


def test_sqlite_gebruikt_wal_en_wacht_op_een_slot(sqlite_register):
    with sqlite_register.engine.connect() as c:
        assert c.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert c.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000
        assert c.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_alembic_blijft_buiten_het_opstarten_van_een_actuele_database(tmp_path):
    pad = tmp_path / "actueel.db"
    register_met_maatregel(pad)
    code = ("import sys; from db.openen import open_register; from registry.filters import zoek_maatregelen; "
            f"r = open_register(pad={str(pad)!r}); s = r.sessie(); zoek_maatregelen(s); "
            "print('alembic' in sys.modules, 'matplotlib' in sys.modules, 'reportlab' in sys.modules)")
    uit = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True)
    assert uit.stdout.split() == ["False", "False", "False"]


# --- migration of an older SQLite file ------------------------------------------------------------------------------

def maak_database_op_revisie_0001(pad: Path) -> None:
    """A register as version 0001 of the application wrote it, with one measure and its history."""
    from db.engine import maak_engine, sqlite_url
    from db.migreren import upgrade

    engine, _ = maak_engine(sqlite_url(pad), transactionele_ddl=True)
    upgrade(engine, "0001_basis")
    with engine.begin() as c:
        c.exec_driver_sql(f"PRAGMA application_id={SQLITE_APPLICATION_ID}")
        c.execute(text("INSERT INTO register_info (sleutel, waarde) VALUES ('applicatie', 'maatregelenregister')"))
        c.execute(text("INSERT INTO domein (id, code, naam, volledige_naam, volgorde, versie) VALUES "
                       "(1, 'IN', 'Invordering', 'Invorderingsproces doenlijker en menselijker maken', 0, 1)"))
        c.execute(text(
            "INSERT INTO maatregel (id, code, naam, domein_id, status, status_afgeleid, gearchiveerd, zoektekst, "
            "eigenaar_zoek, iv_keten_zoek, versie, aangemaakt_op, gewijzigd_op) VALUES (1, 'IN-07', "
            "'Betalingsregeling op maat', 1, 'deels', 0, 0, 'in-07 betalingsregeling op maat', '', '', 1, "
            "'2026-01-01 00:00:00', '2026-01-01 00:00:00')"))
        c.execute(text(
            "INSERT INTO statuswijziging (maatregel_id, datum, nieuw, toelichting, gebruiker, afgeleid, "
            "geregistreerd_op) VALUES (1, '2026-01-01', 'deels', 'Pilot loopt', 'oud', 0, '2026-01-01 00:00:00')"))
    engine.dispose()


def test_oudere_sqlite_database_wordt_na_backup_bijgewerkt_met_behoud_van_gegevens(tmp_path):
    pad = tmp_path / "oud.db"
    maak_database_op_revisie_0001(pad)
    reg = open_register(pad=pad)
    assert reg.backup is not None and reg.backup.exists()
    with reg.sessie() as s:
        from registry.maatregel import haal_maatregel
        from registry.status import historie
        m = haal_maatregel(s, "IN-07")
        assert (m.naam, m.status, m.verwacht_effect) == ("Betalingsregeling op maat", "deels", None)
        assert [h.toelichting for h in historie(s, "IN-07")] == ["Pilot loopt"]
    reg.sluit()
    backup = sqlite3.connect(reg.backup)
    assert backup.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0001_basis"
    assert backup.execute("SELECT naam FROM maatregel").fetchall() == [("Betalingsregeling op maat",)]
    backup.close()
    verbinding = sqlite3.connect(pad)
    assert verbinding.execute("SELECT version_num FROM alembic_version").fetchone()[0] == SCHEMA_REVISIE
    kolommen = {r[1] for r in verbinding.execute("PRAGMA table_info(maatregel)")}
    assert {"verwacht_effect", "effect_basis", "iv_inspanning"} <= kolommen
    verbinding.close()


def test_mislukte_migratie_laat_de_database_zoals_hij_was(tmp_path, monkeypatch):
    pad = tmp_path / "oud.db"
    maak_database_op_revisie_0001(pad)
    import db.migreren

    echte_upgrade = db.migreren.command.upgrade

    def upgrade_die_halverwege_faalt(cfg, revisie):
        echte_upgrade(cfg, revisie)
        raise RuntimeError("stroomstoring halverwege")

    monkeypatch.setattr(db.migreren.command, "upgrade", upgrade_die_halverwege_faalt)
    with pytest.raises(DatabaseFout, match="niets gewijzigd"):
        open_register(pad=pad)
    verbinding = sqlite3.connect(pad)
    assert verbinding.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0001_basis"
    assert "verwacht_effect" not in {r[1] for r in verbinding.execute("PRAGMA table_info(maatregel)")}
    assert verbinding.execute("SELECT naam FROM maatregel").fetchall() == [("Betalingsregeling op maat",)]
    verbinding.close()


# --- crash safety ---------------------------------------------------------------------------------------------------

SCHRIJVER = """
import sys
from db.openen import open_register
from registry.maatregel import maak_maatregel
reg = open_register(pad=sys.argv[1], leeg=True)
for i in range(10_000):
    with reg.werk() as s:
        m = maak_maatregel(s, {"naam": f"Maatregel {i}", "domein": "TV", "omschrijving": "x" * 2000}, "schrijver")
    print(m.code, flush=True)  # printed only after the commit returned
"""


def test_een_gedood_proces_verliest_niets_wat_was_vastgelegd(tmp_path):
    pad = tmp_path / "crash.db"
    open_register(pad=pad, leeg=True).sluit()
    proces = subprocess.Popen([sys.executable, "-c", SCHRIJVER, str(pad)], cwd=REPO, stdout=subprocess.PIPE, text=True)
    vastgelegd = []
    for regel in proces.stdout:
        vastgelegd.append(regel.strip())
        if len(vastgelegd) >= 25:
            break
    proces.kill()  # SIGKILL, in the middle of the next write
    proces.wait()
    proces.stdout.close()
    reg = open_register(pad=pad)
    with reg.sessie() as s:
        from registry.filters import zoek_maatregelen
        codes = {r.code for r in zoek_maatregelen(s)}
        assert set(vastgelegd) <= codes
        assert aantal_maatregelen(s) in (len(codes),)
    with reg.engine.connect() as c:
        assert c.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
    reg.sluit()


# --- network shares -------------------------------------------------------------------------------------------------

MOUNTS = """/dev/vda / ext4 rw,relatime 0 0
server:/export /mnt/nfs nfs4 rw,relatime 0 0
//fs01/afdeling /mnt/g cifs rw 0 0
"""


@pytest.mark.parametrize("pad, verwacht", [
    ("/mnt/nfs/register.db", True),
    ("/mnt/g/Toeslagen/register.db", True),
    ("/home/piet/register.db", False),
    ("/mnt/nfsx/register.db", False),
    ("\\\\fs01\\afdeling\\register.db", True),
    ("//fs01/afdeling/register.db", True),
])
def test_netwerkschijf_wordt_herkend(pad, verwacht):
    from db.netwerkschijf import op_netwerkschijf

    assert op_netwerkschijf(pad, mounts=MOUNTS) is verwacht


def test_op_netwerkschijf_geen_wal_maar_een_journaal_met_waarschuwing(tmp_path, monkeypatch):
    import db.engine

    monkeypatch.setattr(db.engine, "op_netwerkschijf", lambda pad: True)
    reg = open_register(pad=tmp_path / "netwerk.db")
    assert any("netwerkschijf" in w and "PostgreSQL" in w for w in reg.waarschuwingen)
    with reg.engine.connect() as c:
        assert c.exec_driver_sql("PRAGMA journal_mode").scalar() == "delete"
    reg.sluit()


# --- server databases -----------------------------------------------------------------------------------------------

@pytest.mark.postgres
def test_verouderd_serverschema_wordt_alleen_door_migrate_bijgewerkt(postgres_url, capsys):
    import main
    from db.engine import maak_engine
    from db.migreren import upgrade

    engine, _ = maak_engine(postgres_url)
    upgrade(engine, "0001_basis")
    with engine.begin() as c:
        c.execute(text("INSERT INTO register_info (sleutel, waarde) VALUES ('applicatie', 'maatregelenregister')"))
    engine.dispose()

    with pytest.raises(DatabaseFout, match="python main.py migrate"):
        open_register(url=postgres_url)
    url = postgres_url.render_as_string(hide_password=False)
    assert main.main(["export-json", "--database-url", url]) == 2
    assert "migrate" in capsys.readouterr().err
    assert main.main(["migrate", "--database-url", url]) == 0
    reg = open_register(url=postgres_url)
    with reg.engine.connect() as c:
        assert c.execute(text("SELECT version_num FROM alembic_version")).scalar() == SCHEMA_REVISIE
    reg.sluit()


@pytest.mark.postgres
def test_serverdatabase_van_andere_toepassing_wordt_geweigerd(postgres_url):
    engine = create_engine(postgres_url)
    with engine.begin() as c:
        c.execute(text("CREATE TABLE klanten (id serial primary key, naam text)"))
    engine.dispose()
    with pytest.raises(DatabaseFout, match="andere toepassing"):
        open_register(url=postgres_url)
    engine = create_engine(postgres_url)
    with engine.connect() as c:
        assert c.execute(text("SELECT count(*) FROM information_schema.tables WHERE table_schema='public'")).scalar() == 1
    engine.dispose()


@pytest.mark.postgres
def test_nieuwe_serverdatabase_wordt_aangemaakt_met_referentiedata(postgres_url):
    reg = open_register(url=postgres_url)
    assert reg.nieuw
    with reg.sessie() as s:
        from registry.domein import domeinen
        assert len(domeinen(s)) == 5
    assert reg.gebruiker() == postgres_url.username
    reg.sluit()


@pytest.mark.parametrize("url", ["postgres://iemand@server/db", "mysql://iemand@server/db"])
def test_een_onbekend_soort_database_url_wordt_met_een_melding_geweigerd(url):
    from db.openen import open_register
    from registry.fouten import DatabaseFout

    with pytest.raises(DatabaseFout, match="niet ondersteund"):
        open_register(url=url)
