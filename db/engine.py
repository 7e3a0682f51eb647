"""Engine factory: SQLite files (foreign keys, busy timeout, WAL or a rollback journal) and any SQLAlchemy URL."""

import logging
from pathlib import Path

from sqlalchemy import event
from sqlalchemy.engine import URL, Engine, make_url
from sqlmodel import create_engine

from db.netwerkschijf import op_netwerkschijf

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 15_000
NETWERK_WAARSCHUWING = (
    "Het databasebestand staat op een netwerkschijf. Daar werkt de snelle schrijfmodus (WAL) van SQLite niet "
    "betrouwbaar; het register gebruikt daarom een gewoon journaal. Werken meerdere mensen tegelijk in het register, "
    "gebruik dan een PostgreSQL-server."
)


def sqlite_url(pad: Path) -> URL:
    return URL.create("sqlite+pysqlite", database=str(pad))


def toonbare_url(url: str | URL) -> str:
    """The URL with its password masked: this is the only form that may be logged or shown."""
    return make_url(url).render_as_string(hide_password=True)


def maak_engine(url: str | URL, transactionele_ddl: bool = False) -> tuple[Engine, list[str]]:
    """An engine for `url`, with the SQLite pragmas applied per connection; returns it with any warnings.

    `transactionele_ddl` makes pysqlite run every statement, DDL included, inside an explicit BEGIN…COMMIT, so that
    creating or migrating a schema is all or nothing (the sqlite3 module otherwise commits DDL on its own).
    """
    url = make_url(url)
    waarschuwingen: list[str] = []
    if not url.get_backend_name() == "sqlite":
        engine = create_engine(url, pool_pre_ping=True)
        return engine, waarschuwingen

    journaal = "WAL"
    if url.database and op_netwerkschijf(url.database):
        journaal = "DELETE"
        waarschuwingen.append(NETWERK_WAARSCHUWING)
        log.warning("SQLite-bestand op netwerkschijf: rollback-journaal in plaats van WAL (%s)", url.database)
    engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False})

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_conn, _record):
        if transactionele_ddl:
            dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cur.execute(f"PRAGMA journal_mode={journaal}")
        # FULL: a commit is on disk before it returns; a crash or kill loses nothing that was committed.
        cur.execute("PRAGMA synchronous=FULL")
        cur.close()

    if transactionele_ddl:
        @event.listens_for(engine, "begin")
        def _begin(conn):
            conn.exec_driver_sql("BEGIN")

    return engine, waarschuwingen
