"""Runs Alembic. Imported only when a database is created or a migration is due: Alembic stays off start-up."""

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Connection, Engine

MIGRATIEMAP = Path(__file__).with_name("migraties")


def alembic_config() -> Config:
    cfg = Config()  # no alembic.ini and no fileConfig: the application's logging stays as it is
    cfg.set_main_option("script_location", str(MIGRATIEMAP))
    return cfg


def revisies_in_volgorde() -> list[str]:
    """All revisions from the first to head, as Alembic's script directory knows them."""
    script = ScriptDirectory.from_config(alembic_config())
    return [r.revision for r in reversed(list(script.walk_revisions()))]


def upgrade(engine: Engine, revisie: str = "head") -> None:
    """Bring the schema to `revisie` in one transaction (the engine must have transactional DDL on SQLite)."""
    cfg = alembic_config()
    with engine.begin() as verbinding:
        cfg.attributes["connection"] = verbinding
        command.upgrade(cfg, revisie)


def stamp(verbinding: Connection, revisie: str = "head") -> None:
    """Record `revisie` as the schema's, inside the caller's transaction (used when a new schema is created)."""
    cfg = alembic_config()
    cfg.attributes["connection"] = verbinding
    command.stamp(cfg, revisie)
