"""The migrations and the model agree, and the code's revision list matches Alembic's."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
import pytest
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


# --- 0003: vastgestelde rapporten -----------------------------------------------------------------------------------

def _register_op_revisie_0002(url) -> None:
    """A register as version 0002 of the application wrote it: one measure with its priority inputs and history."""
    from sqlalchemy import text

    from db.openen import SQLITE_APPLICATION_ID

    engine, _ = maak_engine(url, transactionele_ddl=True)
    upgrade(engine, "0002_prioritering")
    with engine.begin() as c:
        if engine.url.get_backend_name() == "sqlite":
            c.exec_driver_sql(f"PRAGMA application_id={SQLITE_APPLICATION_ID}")
        c.execute(text("INSERT INTO register_info (sleutel, waarde) VALUES ('applicatie', 'maatregelenregister')"))
        c.execute(text("INSERT INTO domein (id, code, naam, volledige_naam, volgorde, versie) VALUES "
                       "(1, 'IN', 'Invordering', 'Invorderingsproces doenlijker en menselijker maken', 0, 1)"))
        c.execute(text(
            "INSERT INTO maatregel (id, code, naam, domein_id, status, status_afgeleid, gearchiveerd, zoektekst, "
            "eigenaar_zoek, iv_keten_zoek, verwacht_effect, versie, aangemaakt_op, gewijzigd_op) VALUES (1, 'IN-07', "
            "'Betalingsregeling op maat', 1, 'deels', false, false, 'in-07 betalingsregeling op maat', '', '', "
            "'hoog', 1, '2026-01-01 00:00:00', '2026-01-01 00:00:00')"))
        c.execute(text(
            "INSERT INTO statuswijziging (maatregel_id, datum, nieuw, toelichting, gebruiker, afgeleid, "
            "geregistreerd_op) VALUES (1, '2026-01-01', 'deels', 'Pilot loopt', 'oud', false, '2026-01-01 00:00:00')"))
    engine.dispose()


def _controleer_bijgewerkt(reg) -> None:
    """The data of revision 0002 is still there, and reports can be vastgesteld in the new table."""
    import io
    from datetime import date

    from registry.maatregel import haal_maatregel
    from registry.rapport.gegevens import Rapportkeuze
    from registry.rapport.pdf import maak_rapport
    from registry.rapport.vaststelling import pdf_van, stel_vast, vastgestelde_rapporten
    from registry.status import historie

    with reg.sessie() as s:
        m = haal_maatregel(s, "IN-07")
        assert (m.naam, m.status, m.verwacht_effect) == ("Betalingsregeling op maat", "deels", "hoog")
        assert [h.toelichting for h in historie(s, "IN-07")] == ["Pilot loopt"]
        assert vastgestelde_rapporten(s) == []
        uit = io.BytesIO()
        resultaat = maak_rapport(s, Rapportkeuze(peildatum=date(2026, 6, 30)), uit)
    with reg.werk() as s:
        r = stel_vast(s, uit.getvalue(), resultaat, gebruiker="tester", bestandsnaam="PRT.pdf")
    with reg.sessie() as s:
        assert r.aantal_maatregelen == 1
        assert pdf_van(s, r.id) == uit.getvalue()


def test_een_sqlite_bestand_op_0002_krijgt_bij_openen_de_tabel_voor_vastgestelde_rapporten(tmp_path):
    import sqlite3

    from db.engine import sqlite_url
    from db.openen import open_register

    pad = tmp_path / "register-0002.db"
    _register_op_revisie_0002(sqlite_url(pad))
    reg = open_register(pad=pad)
    try:
        assert reg.backup is not None and reg.backup.exists()
        _controleer_bijgewerkt(reg)
    finally:
        reg.sluit()
    verbinding = sqlite3.connect(pad)
    assert verbinding.execute("SELECT version_num FROM alembic_version").fetchone()[0] == SCHEMA_REVISIE
    verbinding.close()
    backup = sqlite3.connect(reg.backup)
    assert backup.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0002_prioritering"
    assert "vastgesteld_rapport" not in {r[0] for r in backup.execute("SELECT name FROM sqlite_master")}
    backup.close()


@pytest.mark.postgres
def test_een_serverdatabase_op_0002_krijgt_de_tabel_door_migrate(postgres_url, capsys):
    import main
    from db.openen import open_register
    from registry.fouten import DatabaseFout

    _register_op_revisie_0002(postgres_url)
    with pytest.raises(DatabaseFout, match="python main.py migrate"):
        open_register(url=postgres_url)
    assert main.main(["migrate", "--database-url", postgres_url.render_as_string(hide_password=False)]) == 0
    reg = open_register(url=postgres_url)
    try:
        _controleer_bijgewerkt(reg)
    finally:
        reg.sluit()


def test_een_nieuwe_database_heeft_de_tabel_voor_vastgestelde_rapporten(register):
    from sqlalchemy import inspect

    kolommen = {k["name"]: k for k in inspect(register.engine).get_columns("vastgesteld_rapport")}
    assert {"periode", "peildatum", "sinds", "filter", "telling", "sha256", "pdf", "vastgesteld_op",
            "vastgesteld_door"} <= set(kolommen)
    assert str(kolommen["pdf"]["type"]).upper() == ("BLOB" if register.is_sqlite else "BYTEA")
