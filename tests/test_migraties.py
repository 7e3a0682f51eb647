"""The migrations and the model agree, and the code's revision list matches Alembic's."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlmodel import SQLModel

import registry.tabellen  # noqa: F401
from db.engine import maak_engine
from db.migreren import revisies_in_volgorde, upgrade
from db.openen import SCHEMA_REVISIE, SCHEMA_REVISIES


def test_schemarevisies_van_de_code_volgen_alembic():
    assert list(SCHEMA_REVISIES) == revisies_in_volgorde()
    assert SCHEMA_REVISIE == revisies_in_volgorde()[-1]


def test_migraties_leveren_precies_het_schema_van_het_model(tmp_path, request):
    """A database migrated step by step equals one created from the model (on SQLite and PostgreSQL)."""
    urls = [f"sqlite:///{tmp_path / 'gemigreerd.db'}"]
    import os
    if os.environ.get("MAATREGELEN_TEST_DATABASE_URL") or os.environ.get("CI"):
        urls.append(request.getfixturevalue("postgres_url"))
    for url in urls:
        engine, _ = maak_engine(url, transactionele_ddl=True)
        upgrade(engine)
        with engine.connect() as c:
            verschillen = compare_metadata(MigrationContext.configure(c, opts={"compare_type": True}),
                                           SQLModel.metadata)
        engine.dispose()
        assert verschillen == [], f"{url}: {verschillen}"
