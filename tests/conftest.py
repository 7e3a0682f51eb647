"""Shared test set-up: offscreen Qt, a private data directory, and a fresh register per test on SQLite and PostgreSQL.

PostgreSQL tests run against the server in MAATREGELEN_TEST_DATABASE_URL (`.ci/run` starts one). Without it they are
skipped locally; when CI is set, a missing server is a failure.
"""

import os
import uuid

import pytest
from sqlalchemy import create_engine, text

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

PG_VARIABELE = "MAATREGELEN_TEST_DATABASE_URL"


@pytest.fixture(autouse=True)
def eigen_gegevensmap(tmp_path, monkeypatch):
    """Every test gets its own user data directory: logs and default databases never touch the real one."""
    map_ = tmp_path / "gegevens"
    map_.mkdir()
    monkeypatch.setenv("MAATREGELEN_GEGEVENSMAP", str(map_))
    monkeypatch.delenv("MAATREGELEN_DATABASE_URL", raising=False)
    return map_


@pytest.fixture(autouse=True)
def geen_onbeantwoorde_vragen(monkeypatch):
    """A question to the user that a test did not answer fails that test instead of hanging it on a modal dialog.

    Tests answer by patching `ui.vragen` themselves (STYLE.md: no `exec()` on a dialog inside a test).
    """
    from ui import vragen

    def onverwacht(naam):
        def vraag(*args, **kwargs):
            raise AssertionError(f"onbeantwoorde vraag aan de gebruiker: vragen.{naam}{args[1:3]!r}")
        return vraag

    for naam in ("voer_uit", "bevestig", "vraag_opslaan", "meld_fout", "meld", "vraag_tekst",
                 "vraag_bestand_opslaan", "vraag_bestand_openen", "open_bestand"):
        monkeypatch.setattr(vragen, naam, onverwacht(naam))


def postgres_basis_url() -> str:
    url = os.environ.get(PG_VARIABELE)
    if not url:
        if os.environ.get("CI"):
            pytest.fail(f"CI is gezet maar {PG_VARIABELE} niet: de PostgreSQL-tests moeten in CI draaien.")
        pytest.skip(f"geen PostgreSQL-server ({PG_VARIABELE} niet gezet)")
    return url


class PostgresDatabases:
    """Throw-away databases on the test server, and one register database shared by the session's tests."""

    def __init__(self, basis_url):
        self.basis = basis_url
        self.beheer = create_engine(basis_url, isolation_level="AUTOCOMMIT")
        self.sjabloon = None

    def _sql(self, opdracht: str):
        with self.beheer.connect() as c:
            c.execute(text(opdracht))

    def nieuw(self, sjabloon: str | None = None):
        naam = f"mr_test_{uuid.uuid4().hex[:12]}"
        self._sql(f'CREATE DATABASE "{naam}"' + (f' TEMPLATE "{sjabloon}"' if sjabloon else ""))
        return self.basis.set(database=naam)

    def leeg_register(self):
        """The session's register database, emptied back to a new register (reference data only).

        Truncating takes milliseconds where creating or cloning a database takes most of a second per test.
        """
        from sqlmodel import Session, SQLModel

        from db.openen import open_register
        from registry.referentiedata import zorg_voor_referentiedata

        if self.sjabloon is None:
            url = self.nieuw()
            open_register(url=url, leeg=True).sluit()
            self.sjabloon = url.database
        url = self.basis.set(database=self.sjabloon)
        engine = create_engine(url)
        tabellen = ", ".join(f'"{t.name}"' for t in SQLModel.metadata.sorted_tables if t.name != "register_info")
        with engine.begin() as c:
            c.execute(text("SET LOCAL lock_timeout = '10s'"))  # a leaked connection fails the test, never hangs it
            c.execute(text(f"TRUNCATE {tabellen} RESTART IDENTITY CASCADE"))
            with Session(bind=c) as sessie:
                zorg_voor_referentiedata(sessie)
        engine.dispose()
        return url

    def weg(self, url) -> None:
        if url.database == self.sjabloon:
            return
        # Only the tests' own leftover connections: an autovacuum worker runs as superuser (terminating it is
        # refused), and DROP DATABASE stops autovacuum in that database itself.
        self._sql(f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{url.database}' "
                  f"AND pid <> pg_backend_pid() AND backend_type = 'client backend' AND usename = current_user")
        self._sql(f'DROP DATABASE IF EXISTS "{url.database}"')

    def sluit(self) -> None:
        if self.sjabloon:
            self.weg(self.basis.set(database=self.sjabloon))
        self.beheer.dispose()


@pytest.fixture(scope="session")
def postgres_databases():
    from sqlalchemy.engine import make_url

    basis = make_url(postgres_basis_url())
    databases = PostgresDatabases(basis)
    try:
        databases._sql("SELECT 1")
    except Exception as fout:  # a configured but unreachable server is a failure, not a skip
        databases.beheer.dispose()
        pytest.fail(f"PostgreSQL-server in {PG_VARIABELE} niet bruikbaar: {fout}")
    yield databases
    databases.sluit()


@pytest.fixture
def postgres_url(postgres_databases):
    """A fresh, empty PostgreSQL database (no tables) for one test, dropped afterwards."""
    url = postgres_databases.nieuw()
    yield url
    postgres_databases.weg(url)


@pytest.fixture
def postgres_register_url(postgres_databases):
    """A PostgreSQL database holding a new, empty register."""
    return postgres_databases.leeg_register()


def maak_sjabloon(pad, **opties):
    """A register file made once per run, its WAL folded in, for tests to copy."""
    import sqlite3

    from db.openen import open_register

    open_register(pad=pad, **opties).sluit()
    verbinding = sqlite3.connect(pad)
    verbinding.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    verbinding.close()
    return pad


@pytest.fixture(scope="session")
def sqlite_sjabloon(tmp_path_factory):
    """A new, empty register file made once; tests get a copy (the schema is built only once per run)."""
    return maak_sjabloon(tmp_path_factory.mktemp("sjabloon") / "register.db", leeg=True)


def nieuw_sqlite_register(sjabloon, doel):
    import shutil

    from db.openen import open_register

    shutil.copyfile(sjabloon, doel)
    return open_register(pad=doel)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def register(request, tmp_path):
    """A new, empty register (reference data only) on each engine."""
    from db.openen import open_register

    if request.param == "sqlite":
        reg = nieuw_sqlite_register(request.getfixturevalue("sqlite_sjabloon"), tmp_path / "register.db")
    else:
        reg = open_register(url=request.getfixturevalue("postgres_register_url"), leeg=True)
    yield reg
    reg.sluit()


@pytest.fixture
def sqlite_register(tmp_path, sqlite_sjabloon):
    reg = nieuw_sqlite_register(sqlite_sjabloon, tmp_path / "register.db")
    yield reg
    reg.sluit()


@pytest.fixture(scope="session")
def startregister_sjabloon(tmp_path_factory):
    """The starter register, loaded once per run into a file that tests copy (loading takes seconds)."""
    from registry.startregister import laad_startregister

    return maak_sjabloon(tmp_path_factory.mktemp("startsjabloon") / "register.db", vullen=laad_startregister)


@pytest.fixture
def start_register(tmp_path, startregister_sjabloon):
    """A real SQLite file holding the starter register (179 measures), private to the test."""
    reg = nieuw_sqlite_register(startregister_sjabloon, tmp_path / "register.db")
    yield reg
    reg.sluit()


@pytest.fixture
def maak_venster(qtbot):
    """Opens the main window on a register, shown and settled; edits a test leaves behind are dropped on close."""
    from ui.hoofdvenster import Hoofdvenster
    from ui.instellingen import Instellingen

    def maak(register):
        v = Hoofdvenster(register, Instellingen())
        qtbot.addWidget(v, before_close_func=lambda w: w.detail.herstel())  # closing then asks nothing
        v.show()
        qtbot.waitExposed(v)
        qtbot.wait(10)  # signals and the first measure load just after the first paint
        return v

    return maak
