"""The migrations and the model agree, and the code's revision list matches Alembic's."""

import sqlite3

import pytest
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


# --- 0003: vastgestelde rapporten -----------------------------------------------------------------------------------

def _register_op_revisie_0002(url, revisie: str = "0002_prioritering") -> None:
    """A register as version 0002 (or a later `revisie`) of the application wrote it: one measure with its priority
    inputs and history; from 0003 on also a vastgesteld report (_PDF_0003)."""
    from sqlalchemy import text

    from db.openen import SQLITE_APPLICATION_ID

    engine, _ = maak_engine(url, transactionele_ddl=True)
    upgrade(engine, revisie)
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
        if revisie != "0002_prioritering":
            import hashlib

            c.execute(text(
                "INSERT INTO vastgesteld_rapport (id, periode, peildatum, filter_omschrijving, filter, secties, "
                "aantal_maatregelen, telling, iv_afhankelijk, iv_blokkade, paginas, bestandsnaam, grootte, sha256, "
                "pdf, vastgesteld_op, vastgesteld_door) VALUES (1, '2026-H1', '2026-06-30', 'Alle maatregelen', '{}', "
                "'[]', 1, '{\"IN\": {\"deels\": 1}}', 0, 0, 1, 'PRT-2026-H1.pdf', :grootte, :sha, :pdf, "
                "'2026-07-01 00:00:00', 'oud')"),
                {"grootte": len(_PDF_0003), "sha": hashlib.sha256(_PDF_0003).hexdigest(), "pdf": _PDF_0003})
    engine.dispose()


_PDF_0003 = b"%PDF-1.4\n% vastgesteld onder revisie 0003\n%%EOF\n"


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


def _migreer_sqlite_bestand(tmp_path, revisie: str, controleer) -> sqlite3.Connection:
    """An SQLite file written at `revisie`, opened by this version: migrated after a backup, its data checked by
    `controleer(reg)`, now at the code's revision. Returns the backup, still at `revisie`, for the caller to inspect."""
    from db.engine import sqlite_url
    from db.openen import open_register

    pad = tmp_path / f"register-{revisie[:4]}.db"
    _register_op_revisie_0002(sqlite_url(pad), revisie)
    reg = open_register(pad=pad)
    try:
        assert reg.backup is not None and reg.backup.exists()
        controleer(reg)
    finally:
        reg.sluit()
    verbinding = sqlite3.connect(pad)
    assert verbinding.execute("SELECT version_num FROM alembic_version").fetchone()[0] == SCHEMA_REVISIE
    verbinding.close()
    backup = sqlite3.connect(reg.backup)
    assert backup.execute("SELECT version_num FROM alembic_version").fetchone()[0] == revisie
    return backup


def test_een_sqlite_bestand_op_0002_krijgt_bij_openen_de_tabel_voor_vastgestelde_rapporten(tmp_path):
    backup = _migreer_sqlite_bestand(tmp_path, "0002_prioritering", _controleer_bijgewerkt)
    assert "vastgesteld_rapport" not in {r[0] for r in backup.execute("SELECT name FROM sqlite_master")}
    backup.close()


def _migreer_server(postgres_url, revisie: str, controleer) -> None:
    """A server database written at `revisie`: refused on opening until `migrate` has run, then its data checked by
    `controleer(reg)`."""
    import main
    from db.openen import open_register
    from registry.fouten import DatabaseFout

    _register_op_revisie_0002(postgres_url, revisie)
    with pytest.raises(DatabaseFout, match="python main.py migrate"):
        open_register(url=postgres_url)
    assert main.main(["migrate", "--database-url", postgres_url.render_as_string(hide_password=False)]) == 0
    reg = open_register(url=postgres_url)
    try:
        controleer(reg)
    finally:
        reg.sluit()


@pytest.mark.postgres
def test_een_serverdatabase_op_0002_krijgt_de_tabel_door_migrate(postgres_url, capsys):
    _migreer_server(postgres_url, "0002_prioritering", _controleer_bijgewerkt)


def test_een_nieuwe_database_heeft_de_tabel_voor_vastgestelde_rapporten(register):
    from sqlalchemy import inspect

    kolommen = {k["name"]: k for k in inspect(register.engine).get_columns("vastgesteld_rapport")}
    assert {"periode", "peildatum", "sinds", "filter", "telling", "sha256", "pdf", "vastgesteld_op",
            "vastgesteld_door"} <= set(kolommen)
    assert str(kolommen["pdf"]["type"]).upper() == ("BLOB" if register.is_sqlite else "BYTEA")


# --- 0004: prioritering en IV-capaciteit ----------------------------------------------------------------------------

def _controleer_0004(reg) -> None:
    """The data of revision 0003 is still there; the prioritering's columns are empty and its tables usable."""
    from datetime import date

    from registry.export_json import register_als_json
    from registry.maatregel import haal_maatregel, wijzig_maatregel
    from registry.prioritering.besluit import besluiten, leg_prioriteit_vast, registreer_besluit, zet_rang
    from registry.prioritering.capaciteit import capaciteiten, zet_capaciteit
    from registry.prioritering.invoer import lees_invoer
    from registry.rapport.vaststelling import pdf_van, vastgestelde_rapporten
    from registry.status import historie

    with reg.sessie() as s:
        m = haal_maatregel(s, "IN-07")
        assert (m.naam, m.status, m.verwacht_effect, m.versie) == ("Betalingsregeling op maat", "deels", "hoog", 1)
        assert (m.iv_weken, m.iv_omvang, m.personeel_weken, m.prioriteit, m.rang_handmatig, m.rang_datum,
                m.rang_door) == (None,) * 7
        assert [h.toelichting for h in historie(s, "IN-07")] == ["Pilot loopt"]
        (rapport,) = vastgestelde_rapporten(s)
        assert (rapport.periode, rapport.bestandsnaam, rapport.telling) == ("2026-H1", "PRT-2026-H1.pdf",
                                                                            {"IN": {"deels": 1}})
        assert pdf_van(s, rapport.id) == _PDF_0003
        assert capaciteiten(s) == [] and besluiten(s) == []
        assert [p.code for p in lees_invoer(s).maatregelen] == ["IN-07"]
    with reg.werk() as s:
        m = wijzig_maatregel(s, "IN-07", {"iv_weken": "12,5", "iv_keten": "Innen en Betalen"}, "tester", m.versie)
        m = leg_prioriteit_vast(s, "IN-07", "nu", "Grootste effect", "tester", m.versie, datum=date(2026, 8, 1))
        zet_rang(s, "IN-07", 1, "Toezegging", "tester", m.versie, datum=date(2026, 8, 2))
        zet_capaciteit(s, "Innen en Betalen", "2027-H1", 40, "tester")
        registreer_besluit(s, "Eerste afweging", ["Innen en Betalen 2027-H1: 40 weken"], [], "tester")
    with reg.sessie() as s:
        (p,) = lees_invoer(s).maatregelen
        assert (p.iv_weken, p.prioriteit, p.keten_sleutel) == (12.5, "nu", "innen en betalen")
        assert (p.rang_handmatig, p.rang_datum, p.rang_door) == (1, date(2026, 8, 2), "tester")
        gegevens = register_als_json(s)
        assert [c["weken"] for c in gegevens["iv_capaciteit"]] == [40.0]
        assert [b["motivatie"] for b in gegevens["prioriteringsbesluiten"]] == ["Eerste afweging"]


def test_een_sqlite_bestand_op_0003_met_gegevens_krijgt_bij_openen_de_prioritering(tmp_path):
    backup = _migreer_sqlite_bestand(tmp_path, "0003_vastgestelde_rapporten", _controleer_0004)
    tabellen = {r[0] for r in backup.execute("SELECT name FROM sqlite_master")}
    assert "vastgesteld_rapport" in tabellen and not {"iv_capaciteit", "prioriteringsbesluit"} & tabellen
    assert "iv_weken" not in {r[1] for r in backup.execute("PRAGMA table_info(maatregel)")}
    assert backup.execute("SELECT code FROM maatregel").fetchall() == [("IN-07",)]
    backup.close()


@pytest.mark.postgres
def test_een_serverdatabase_op_0003_krijgt_de_prioritering_door_migrate(postgres_url):
    _migreer_server(postgres_url, "0003_vastgestelde_rapporten", _controleer_0004)


def test_een_nieuwe_database_heeft_de_kolommen_en_tabellen_van_de_prioritering(register):
    from sqlalchemy import inspect

    inspectie = inspect(register.engine)
    assert {"iv_weken", "iv_omvang", "personeel_weken", "prioriteit", "prioriteit_motivatie", "prioriteit_datum",
            "prioriteit_door", "rang_handmatig", "rang_motivatie", "rang_datum", "rang_door"} <= {k["name"] for k in
                                                                    inspectie.get_columns("maatregel")}
    assert {"keten", "keten_zoek", "periode_tekst", "periode_van", "periode_tot", "weken", "toelichting",
            "versie"} <= {k["name"] for k in inspectie.get_columns("iv_capaciteit")}
    assert {"datum", "besloten_door", "motivatie", "wijzigingen", "gevolgen", "geregistreerd_op"} <= {
        k["name"] for k in inspectie.get_columns("prioriteringsbesluit")}
