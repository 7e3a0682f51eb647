"""Shared test set-up: offscreen Qt, a private data directory, and a fresh register per test on SQLite and PostgreSQL.

PostgreSQL tests run against the server in MAATREGELEN_TEST_DATABASE_URL (`.ci/run` starts one). Without it they are
skipped locally; when CI is set, a missing server is a failure.
"""

import os
import uuid

import pytest

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


def postgres_basis_url() -> str:
    url = os.environ.get(PG_VARIABELE)
    if not url:
        if os.environ.get("CI"):
            pytest.fail(f"CI is gezet maar {PG_VARIABELE} niet: de PostgreSQL-tests moeten in CI draaien.")
        pytest.skip(f"geen PostgreSQL-server ({PG_VARIABELE} niet gezet)")
    return url


@pytest.fixture
def postgres_url():
    """A fresh, empty PostgreSQL database for one test, dropped afterwards."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    basis = make_url(postgres_basis_url())
    naam = f"mr_test_{uuid.uuid4().hex[:12]}"
    beheer = create_engine(basis, isolation_level="AUTOCOMMIT")
    try:
        with beheer.connect() as c:
            c.execute(text(f'CREATE DATABASE "{naam}"'))
    except Exception as fout:  # a configured but unreachable server is a failure, not a skip
        beheer.dispose()
        pytest.fail(f"PostgreSQL-server in {PG_VARIABELE} niet bruikbaar: {fout}")
    yield basis.set(database=naam)
    with beheer.connect() as c:
        c.execute(text(
            f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{naam}' AND pid <> pg_backend_pid()"))
        c.execute(text(f'DROP DATABASE IF EXISTS "{naam}"'))
    beheer.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def register(request, tmp_path):
    """A new, empty register (reference data only) on each engine."""
    from db.openen import open_register

    if request.param == "sqlite":
        reg = open_register(pad=tmp_path / "register.db", leeg=True)
    else:
        reg = open_register(url=request.getfixturevalue("postgres_url"), leeg=True)
    yield reg
    reg.sluit()


@pytest.fixture
def sqlite_register(tmp_path):
    from db.openen import open_register

    reg = open_register(pad=tmp_path / "register.db", leeg=True)
    yield reg
    reg.sluit()
