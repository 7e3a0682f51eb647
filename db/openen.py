"""Opens a register database: creates a new one, refuses what it cannot use, migrates an older SQLite file.

The order matters for brief §7: a file is inspected read-only first, so that a foreign, damaged or newer database is
refused with its bytes untouched; only a database known to be ours is opened for writing.
"""

import getpass
import logging
import sqlite3
import struct
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import inspect, text
from sqlalchemy.engine import URL, Engine, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError, OperationalError, ProgrammingError
from sqlmodel import Session, SQLModel

from db.engine import maak_engine, sqlite_url, toonbare_url
from registry.fouten import DatabaseFout

log = logging.getLogger(__name__)

#: The schema revisions this version of the application knows, oldest first; the last is the code's own.
#: A test checks this against Alembic's script directory, so Alembic need not be imported to compare.
SCHEMA_REVISIES = ("0001_basis", "0002_prioritering", "0003_vastgestelde_rapporten",
                   "0004_prioritering_capaciteit")
SCHEMA_REVISIE = SCHEMA_REVISIES[-1]

APPLICATIE = "maatregelenregister"
SQLITE_APPLICATION_ID = 0x4D52_5453  # "MRTS": marks our SQLite files, also for `file`-like tools
SQLITE_KOP = b"SQLite format 3\x00"


@dataclass
class Register:
    """An opened register database."""
    engine: Engine
    url: URL
    nieuw: bool = False
    waarschuwingen: list[str] = field(default_factory=list)
    backup: Path | None = None  # the backup taken before a migration

    @property
    def is_sqlite(self) -> bool:
        return self.url.get_backend_name() == "sqlite"

    @property
    def pad(self) -> Path | None:
        return Path(self.url.database) if self.is_sqlite and self.url.database else None

    @property
    def omschrijving(self) -> str:
        return str(self.pad) if self.pad else toonbare_url(self.url)

    def sessie(self) -> Session:
        """A session for reading; use `werk` for changes."""
        return Session(self.engine, expire_on_commit=False)

    @contextmanager
    def werk(self) -> Iterator[Session]:
        """One unit of work: everything done in it is committed together, or on any error nothing at all."""
        with Session(self.engine, expire_on_commit=False) as sessie, sessie.begin():
            yield sessie

    def gebruiker(self, ingesteld: str | None = None) -> str:
        """Who history entries name: the database login on a server, else the configured name or the OS login."""
        if not self.is_sqlite:
            with self.engine.connect() as verbinding:
                return verbinding.execute(text("SELECT current_user")).scalar()
        if ingesteld and ingesteld.strip():
            return ingesteld.strip()
        try:
            return getpass.getuser()
        except (KeyError, OSError):
            return "onbekend"

    def sluit(self) -> None:
        self.engine.dispose()


@dataclass
class _Staat:
    """What a read-only look at a database found."""
    leeg: bool  # no tables at all: a new database
    revisie: str | None = None
    heeft_maatregelen: bool = False


Vuller = Callable[[Session], None]


def open_register(
    *,
    pad: str | Path | None = None,
    url: str | URL | None = None,
    leeg: bool = False,
    vullen: Vuller | None = None,
    server_migreren: bool = False,
) -> Register:
    """Open (or create) the register at `pad` (SQLite) or `url`.

    `vullen` fills a new database beyond the reference data (the starter register) unless `leeg`.
    `server_migreren` is set only by the `migrate` sub-command: a server schema is never migrated implicitly.
    """
    if url is not None:
        url = make_url(url)
        if url.get_backend_name() == "sqlite" and url.database and url.database != ":memory:":
            pad, url = url.database, None
    if pad is not None:
        return _open_sqlite(Path(pad).expanduser(), leeg, vullen)
    return _open_server(url, leeg, vullen, server_migreren)


# --- SQLite ---------------------------------------------------------------------------------------------------------

def _open_sqlite(pad: Path, leeg: bool, vullen: Vuller | None) -> Register:
    if pad.is_dir():
        raise DatabaseFout(f"{pad} is een map, geen databasebestand.")
    if not pad.exists() or pad.stat().st_size == 0:
        if not pad.parent.is_dir():
            raise DatabaseFout(f"De map {pad.parent} bestaat niet; de database kan daar niet worden aangemaakt.")
        return _maak_nieuw(sqlite_url(pad), leeg, vullen)

    staat = _bekijk_sqlite(pad)
    _weiger_leeg_op_gevuld(staat, leeg, str(pad))
    if staat.leeg:
        return _maak_nieuw(sqlite_url(pad), leeg, vullen)

    backup = None
    if staat.revisie != SCHEMA_REVISIE:
        backup = _migreer_sqlite(pad, staat.revisie)
    engine, waarschuwingen = maak_engine(sqlite_url(pad))
    return Register(engine, sqlite_url(pad), waarschuwingen=waarschuwingen, backup=backup)


def _lees_kop(pad: Path) -> bytes:
    try:
        with pad.open("rb") as f:
            return f.read(100)
    except OSError as fout:
        raise DatabaseFout(f"Kan {pad} niet lezen: {fout.strerror}.") from fout


def _bekijk_sqlite(pad: Path) -> _Staat:
    """Inspect an existing file without writing a byte to it."""
    kop = _lees_kop(pad)
    if not kop.startswith(SQLITE_KOP):
        raise DatabaseFout(f"{pad} is geen database van het Maatregelenregister: het is geen SQLite-databasebestand.")
    if len(kop) < 100:
        raise DatabaseFout(f"{pad} is beschadigd: het bestand is afgekapt.")
    paginagrootte = struct.unpack(">H", kop[16:18])[0]
    paginagrootte = 65536 if paginagrootte == 1 else paginagrootte
    # The page count in the header is valid only when its version number matches the change counter.
    (wijzigingsteller, paginas), (geldig_voor,) = struct.unpack(">II", kop[24:32]), struct.unpack(">I", kop[92:96])
    if geldig_voor == wijzigingsteller and pad.stat().st_size < paginas * paginagrootte:
        raise DatabaseFout(f"{pad} is beschadigd: het bestand is korter dan de database die erin hoort (afgekapt).")

    try:
        verbinding = sqlite3.connect(f"{pad.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as fout:
        raise DatabaseFout(f"Kan {pad} niet openen: {fout}.") from fout
    try:
        tabellen = {r[0] for r in verbinding.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if not tabellen:
            return _Staat(leeg=True)
        app_id = verbinding.execute("PRAGMA application_id").fetchone()[0]
        ons = app_id == SQLITE_APPLICATION_ID
        if not ons and "register_info" in tabellen:
            rij = verbinding.execute("SELECT waarde FROM register_info WHERE sleutel='applicatie'").fetchone()
            ons = rij is not None and rij[0] == APPLICATIE
        if not ons or "alembic_version" not in tabellen:
            raise DatabaseFout(
                f"{pad} is een database van een andere toepassing, niet van het Maatregelenregister. "
                "Kies een ander bestand, of een nieuw bestand om een nieuw register te beginnen."
            )
        rij = verbinding.execute("SELECT version_num FROM alembic_version").fetchone()
        revisie = rij[0] if rij else None
        _controleer_revisie(revisie, str(pad))
        heeft = "maatregel" in tabellen and verbinding.execute("SELECT 1 FROM maatregel LIMIT 1").fetchone() is not None
        return _Staat(leeg=False, revisie=revisie, heeft_maatregelen=heeft)
    except sqlite3.DatabaseError as fout:
        raise DatabaseFout(f"{pad} is beschadigd of geen bruikbare database ({fout}).") from fout
    finally:
        verbinding.close()


def _migreer_sqlite(pad: Path, revisie: str) -> Path:
    from db.backup import backup_voor_migratie
    from db.migreren import upgrade

    backup = backup_voor_migratie(pad, revisie)
    log.info("SQLite-database %s wordt bijgewerkt van schema %s naar %s; backup: %s", pad, revisie, SCHEMA_REVISIE,
             backup)
    engine, _ = maak_engine(sqlite_url(pad), transactionele_ddl=True)
    try:
        upgrade(engine)
    except Exception as fout:
        log.exception("Migratie van %s mislukt", pad)
        raise DatabaseFout(
            f"Het bijwerken van de database {pad} is mislukt; er is niets gewijzigd. Een backup staat in {backup}."
        ) from fout
    finally:
        engine.dispose()
    return backup


# --- Server databases (PostgreSQL) ---------------------------------------------------------------------------------

def _open_server(url: URL | None, leeg: bool, vullen: Vuller | None, server_migreren: bool) -> Register:
    if url is None:
        raise DatabaseFout("Geen database opgegeven.")
    try:
        engine, waarschuwingen = maak_engine(url)
    except (NoSuchModuleError, ImportError, ArgumentError) as fout:  # e.g. postgres:// or a driver not installed
        raise DatabaseFout(f"Met {toonbare_url(url)} kan geen verbinding worden gemaakt: het soort database of het "
                           "stuurprogramma wordt niet ondersteund. Gebruik postgresql+psycopg://gebruiker@server/"
                           "database of een SQLite-bestand.") from fout
    try:
        staat = _bekijk_server(engine, url)
        _weiger_leeg_op_gevuld(staat, leeg, toonbare_url(url))
    except DatabaseFout:
        engine.dispose()  # a refusal leaves no connection open on the server
        raise
    if staat.leeg:
        engine.dispose()
        return _maak_nieuw(url, leeg, vullen)
    if staat.revisie != SCHEMA_REVISIE:
        if not server_migreren:
            engine.dispose()
            raise DatabaseFout(
                f"Het schema van de database {toonbare_url(url)} is verouderd ({staat.revisie}; deze versie gebruikt "
                f"{SCHEMA_REVISIE}). Laat de beheerder het bijwerken met: python main.py migrate"
            )
        from db.migreren import upgrade

        upgrade(engine)
    return Register(engine, url, waarschuwingen=waarschuwingen)


def _bekijk_server(engine: Engine, url: URL) -> _Staat:
    try:
        with engine.connect() as verbinding:
            tabellen = set(inspect(verbinding).get_table_names())
            if not tabellen:
                return _Staat(leeg=True)
            ons = False
            if "register_info" in tabellen:
                waarde = verbinding.execute(
                    text("SELECT waarde FROM register_info WHERE sleutel='applicatie'")).scalar()
                ons = waarde == APPLICATIE
            if not ons or "alembic_version" not in tabellen:
                raise DatabaseFout(
                    f"De database {toonbare_url(url)} bevat tabellen van een andere toepassing, niet van het "
                    "Maatregelenregister. Gebruik een lege database voor een nieuw register."
                )
            revisie = verbinding.execute(text("SELECT version_num FROM alembic_version")).scalar()
            _controleer_revisie(revisie, toonbare_url(url))
            heeft = verbinding.execute(text("SELECT 1 FROM maatregel LIMIT 1")).first() is not None
            return _Staat(leeg=False, revisie=revisie, heeft_maatregelen=heeft)
    except (OperationalError, ProgrammingError, DBAPIError) as fout:
        raise DatabaseFout(
            f"Kan de database {toonbare_url(url)} niet gebruiken: {_eerste_regel(fout)}"
        ) from fout


def _eerste_regel(fout: DBAPIError) -> str:
    return str(getattr(fout, "orig", fout)).strip().splitlines()[0] if str(fout).strip() else type(fout).__name__


# --- Shared ---------------------------------------------------------------------------------------------------------

def _controleer_revisie(revisie: str | None, naam: str) -> None:
    if revisie not in SCHEMA_REVISIES:
        raise DatabaseFout(
            f"De database {naam} is gemaakt met een nieuwere versie van het Maatregelenregister (schema {revisie}). "
            "Werk de toepassing bij om deze database te openen; de database is niet gewijzigd."
        )


def _weiger_leeg_op_gevuld(staat: _Staat, leeg: bool, naam: str) -> None:
    if leeg and staat.heeft_maatregelen:
        raise DatabaseFout(
            f"--leeg kan alleen bij een nieuwe database: {naam} bevat al maatregelen. Er is niets gewijzigd."
        )


def _maak_nieuw(url: URL, leeg: bool, vullen: Vuller | None) -> Register:
    """Create the schema at the newest revision with the reference data, and the starter register unless `leeg`.

    All in one transaction: an interrupted creation leaves no half-made register behind.
    """
    from db.migreren import stamp
    from registry.referentiedata import zorg_voor_referentiedata
    from registry.tabellen import RegisterInfo

    engine, waarschuwingen = maak_engine(url, transactionele_ddl=True)
    is_sqlite = url.get_backend_name() == "sqlite"
    try:
        with engine.begin() as verbinding:
            SQLModel.metadata.create_all(verbinding)
            if is_sqlite:
                verbinding.exec_driver_sql(f"PRAGMA application_id={SQLITE_APPLICATION_ID}")
            with Session(bind=verbinding) as sessie:
                sessie.add(RegisterInfo(sleutel="applicatie", waarde=APPLICATIE))
                zorg_voor_referentiedata(sessie)
                if vullen is not None and not leeg:
                    vullen(sessie)
                sessie.flush()
            stamp(verbinding)
    except (OperationalError, ProgrammingError, DBAPIError) as fout:
        engine.dispose()
        if is_sqlite and url.database:
            _verwijder_halve_sqlite(Path(url.database))
        raise DatabaseFout(f"Kan de database {toonbare_url(url)} niet aanmaken: {_eerste_regel(fout)}") from fout
    except Exception:
        engine.dispose()
        raise
    engine.dispose()
    engine, meer = maak_engine(url)
    log.info("Nieuwe database aangemaakt: %s", toonbare_url(url))
    return Register(engine, url, nieuw=True, waarschuwingen=waarschuwingen + [w for w in meer if w not in waarschuwingen])


def _verwijder_halve_sqlite(pad: Path) -> None:
    """A creation that failed leaves an empty file at most; remove it so the next attempt starts clean."""
    try:
        if pad.exists() and pad.stat().st_size == 0:
            pad.unlink()
    except OSError:
        pass
