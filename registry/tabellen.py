"""The register's tables (SQLModel). Only `registry` use cases touch these; everything else gets plain rows."""

from datetime import date, datetime, timezone

from sqlalchemy import Column, ForeignKey, Index, Integer, LargeBinary, Text, UniqueConstraint
from sqlmodel import Field, SQLModel


# Named constraints, so that Alembic's batch mode can alter SQLite tables.
SQLModel.metadata.naming_convention = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def nu() -> datetime:
    return datetime.now(timezone.utc)


def _tekst(**kw):
    """An unbounded text column: descriptions may be long (up to 100,000 characters)."""
    return Field(default=None, sa_type=Text, **kw)


class Domein(SQLModel, table=True):
    __tablename__ = "domein"
    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(unique=True, max_length=8)  # the code prefix of its measures, e.g. TV
    naam: str = Field(max_length=200)
    volledige_naam: str = Field(max_length=400)
    volgorde: int = 0
    versie: int = 1


class Toeslag(SQLModel, table=True):
    __tablename__ = "toeslag"
    code: str = Field(primary_key=True, max_length=8)
    naam: str = Field(max_length=200)
    volgorde: int = 0


class Bron(SQLModel, table=True):
    __tablename__ = "bron"
    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(unique=True, max_length=60)
    titel: str = Field(sa_type=Text)
    uitgever: str | None = _tekst()
    datum: date | None = None
    soort: str | None = Field(default=None, max_length=40)
    referentie: str | None = _tekst()  # Kamerstuk number or URL
    bestand: str | None = _tekst()  # the source text shipped under resources/bronnen
    versie: int = 1


class Maatregel(SQLModel, table=True):
    __tablename__ = "maatregel"
    __table_args__ = (Index("ix_maatregel_domein_status", "domein_id", "status"),)

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(unique=True, max_length=20)
    naam: str = Field(sa_type=Text)
    omschrijving: str | None = _tekst()
    doel: str | None = _tekst()
    doelgroep: str | None = _tekst()
    domein_id: int = Field(foreign_key="domein.id", index=True)
    domein_secundair_id: int | None = Field(default=None, foreign_key="domein.id")
    ouder_id: int | None = Field(default=None, foreign_key="maatregel.id", index=True)
    eigenaar: str | None = _tekst()
    partners: str | None = _tekst()

    # Current status: a cache of the newest valid history entry, kept by registry.status.
    status: str = Field(max_length=20, index=True)
    fase: str | None = Field(default=None, max_length=20)
    status_brontekst: str | None = _tekst()
    status_afgeleid: bool = False
    status_datum: date | None = None

    iv_afhankelijk: bool | None = None
    iv_blokkade: bool | None = None
    iv_keten: str | None = _tekst()
    iv_blokkade_soort: str | None = Field(default=None, max_length=20)
    iv_toelichting: str | None = _tekst()
    iv_verwacht_tekst: str | None = _tekst()
    iv_verwacht_van: date | None = None
    iv_verwacht_tot: date | None = None
    iv_portfolio: str | None = _tekst()

    wetswijziging: bool | None = None
    data_afhankelijkheid: str | None = _tekst()

    planning_oorspronkelijk_tekst: str | None = _tekst()
    planning_oorspronkelijk_van: date | None = None
    planning_oorspronkelijk_tot: date | None = None
    planning_huidig_tekst: str | None = _tekst()
    planning_huidig_van: date | None = None
    planning_huidig_tot: date | None = None
    vertraging_reden: str | None = Field(default=None, max_length=30)
    vertraging_toelichting: str | None = _tekst()

    # Priority inputs (recommendation 10 of seed 000, §1.6.2); added by migration 0002.
    verwacht_effect: str | None = Field(default=None, max_length=20)
    effect_basis: str | None = Field(default=None, max_length=20)
    iv_inspanning: str | None = _tekst()  # the effort in words; the numbers the ranking uses are below

    # Prioritering (issue 9); added by migration 0004. Effort in IV-weeks on the measure's own chain (iv_keten), or a
    # size class (vocabulaire.IV_OMVANG) when only that is known: iv_weken wins when both are given.
    iv_weken: float | None = None
    iv_omvang: str | None = Field(default=None, max_length=2)
    personeel_weken: float | None = None  # staff effort, in person-weeks
    # The decision (vocabulaire.PRIORITEIT), always with its motivation, date and who; earlier ones are in the log.
    prioriteit: str | None = Field(default=None, max_length=10)
    prioriteit_motivatie: str | None = _tekst()
    prioriteit_datum: date | None = None
    prioriteit_door: str | None = _tekst()
    # A place in the ranking set by hand (1 = first), overriding the score's order, with its motivation, date and who.
    rang_handmatig: int | None = None
    rang_motivatie: str | None = _tekst()
    rang_datum: date | None = None
    rang_door: str | None = _tekst()

    gearchiveerd: bool = Field(default=False, index=True)

    # Normalised copies for case- and accent-insensitive filters that work alike on SQLite and PostgreSQL.
    zoektekst: str = Field(default="", sa_type=Text)
    eigenaar_zoek: str = Field(default="", sa_type=Text)
    iv_keten_zoek: str = Field(default="", sa_type=Text)

    versie: int = 1  # optimistic concurrency: bumped by every save
    aangemaakt_op: datetime = Field(default_factory=nu)
    gewijzigd_op: datetime = Field(default_factory=nu)


class MaatregelToeslag(SQLModel, table=True):
    __tablename__ = "maatregel_toeslag"
    maatregel_id: int = Field(sa_column=Column(Integer, ForeignKey("maatregel.id", ondelete="CASCADE"), primary_key=True))
    toeslag_code: str = Field(foreign_key="toeslag.code", primary_key=True, max_length=8)


class MaatregelAfhankelijkheid(SQLModel, table=True):
    """Measure `maatregel_id` cannot be completed before `afhankelijk_van_id`."""
    __tablename__ = "maatregel_afhankelijkheid"
    maatregel_id: int = Field(sa_column=Column(Integer, ForeignKey("maatregel.id", ondelete="CASCADE"), primary_key=True))
    afhankelijk_van_id: int = Field(foreign_key="maatregel.id", primary_key=True)


class MaatregelBron(SQLModel, table=True):
    """A citation: which document says something about a measure, and where (vindplaats)."""
    __tablename__ = "maatregel_bron"
    id: int | None = Field(default=None, primary_key=True)
    maatregel_id: int = Field(sa_column=Column(Integer, ForeignKey("maatregel.id", ondelete="CASCADE"), index=True))
    bron_id: int = Field(foreign_key="bron.id")
    vindplaats: str | None = _tekst()
    toelichting: str | None = _tekst()


class Statuswijziging(SQLModel, table=True):
    """One entry of a measure's status history. Append-only: a correction is a new entry that `vervangt` the old."""
    __tablename__ = "statuswijziging"
    id: int | None = Field(default=None, primary_key=True)
    maatregel_id: int = Field(foreign_key="maatregel.id", index=True)
    datum: date  # the peildatum the status holds from
    oud: str | None = Field(default=None, max_length=20)
    nieuw: str = Field(max_length=20)
    fase: str | None = Field(default=None, max_length=20)
    brontekst: str | None = _tekst()  # the document's own wording
    toelichting: str = Field(sa_type=Text)
    gebruiker: str = Field(sa_type=Text)
    bron_id: int | None = Field(default=None, foreign_key="bron.id")
    vindplaats: str | None = _tekst()
    afgeleid: bool = False
    vervangt_id: int | None = Field(default=None, foreign_key="statuswijziging.id", unique=True)
    geregistreerd_op: datetime = Field(default_factory=nu)


class Effectmeting(SQLModel, table=True):
    __tablename__ = "effectmeting"
    id: int | None = Field(default=None, primary_key=True)
    maatregel_id: int = Field(foreign_key="maatregel.id", index=True)
    indicator: str = Field(sa_type=Text)
    nulmeting: str | None = _tekst()
    waarde_tekst: str | None = _tekst()  # as printed
    waarde: float | None = None  # the number, where the text parses
    eenheid: str | None = _tekst()
    streefwaarde: str | None = _tekst()
    periode: str | None = _tekst()
    methode: str | None = _tekst()
    bewijskracht: str = Field(max_length=20)
    effect_ervaring: str | None = Field(default=None, max_length=20)
    bron_id: int | None = Field(default=None, foreign_key="bron.id")
    vindplaats: str | None = _tekst()
    toelichting: str | None = _tekst()
    versie: int = 1


class Aanbeveling(SQLModel, table=True):
    __tablename__ = "aanbeveling"
    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(unique=True, max_length=40)
    bron_id: int | None = Field(default=None, foreign_key="bron.id")
    vindplaats: str | None = _tekst()
    nummer: str | None = _tekst()
    titel: str = Field(sa_type=Text)
    tekst: str | None = _tekst()
    thema: str | None = _tekst()
    datum: date | None = None
    deadline_tekst: str | None = _tekst()
    deadline_van: date | None = None
    deadline_tot: date | None = None
    opvolging: str = Field(default="open", max_length=20, index=True)
    motivatie: str | None = _tekst()
    besloten_op: date | None = None
    besloten_door: str | None = _tekst()
    versie: int = 1


class AanbevelingMaatregel(SQLModel, table=True):
    __tablename__ = "aanbeveling_maatregel"
    aanbeveling_id: int = Field(sa_column=Column(Integer, ForeignKey("aanbeveling.id", ondelete="CASCADE"), primary_key=True))
    maatregel_id: int = Field(sa_column=Column(Integer, ForeignKey("maatregel.id", ondelete="CASCADE"), primary_key=True))


class Wijziging(SQLModel, table=True):
    """The change log: who changed which field of which item, when, from what to what."""
    __tablename__ = "wijziging"
    __table_args__ = (Index("ix_wijziging_item", "entiteit", "sleutel"),)
    id: int | None = Field(default=None, primary_key=True)
    tijdstip: datetime = Field(default_factory=nu)
    gebruiker: str = Field(sa_type=Text)
    entiteit: str = Field(max_length=40)
    sleutel: str = Field(max_length=60)  # the item's code
    veld: str = Field(max_length=60)
    oud: str | None = _tekst()
    nieuw: str | None = _tekst()
    versie: int | None = None  # the item's version after this change


class VastgesteldRapport(SQLModel, table=True):
    """A PRT overview as it went to parliament (brief §4): the exact PDF and what produced it. Never changed later."""
    __tablename__ = "vastgesteld_rapport"
    id: int | None = Field(default=None, primary_key=True)
    periode: str | None = _tekst()  # the reporting period as given, e.g. 2026-H2
    peildatum: date = Field(index=True)  # the next report's "since" defaults to the latest of these
    sinds: date | None = None
    filter_omschrijving: str = Field(sa_type=Text)  # the filter in words, as on the title page
    filter: str = Field(sa_type=Text)  # registry.filters.Filter.als_dict() as JSON: the selection can be repeated
    secties: str = Field(sa_type=Text)  # JSON list of the sections printed (registry.rapport.gegevens.SECTIES)
    aantal_maatregelen: int
    telling: str = Field(sa_type=Text)  # JSON: domain code -> status code -> count, as printed
    iv_afhankelijk: int
    iv_blokkade: int
    paginas: int
    bestandsnaam: str = Field(sa_type=Text)  # the name it was exported under
    grootte: int  # bytes
    sha256: str = Field(max_length=64)  # of `pdf`: opening it again checks nothing was altered
    pdf: bytes = Field(sa_type=LargeBinary)  # bytea on PostgreSQL; listings never read it
    vastgesteld_op: datetime = Field(default_factory=nu, index=True)
    vastgesteld_door: str = Field(sa_type=Text)


class IvCapaciteit(SQLModel, table=True):
    """IV-weeks available on one IV chain in one period (e.g. Innen en Betalen, 40 weeks in 2027-H1)."""
    __tablename__ = "iv_capaciteit"
    __table_args__ = (UniqueConstraint("keten_zoek", "periode_van", "periode_tot"),)
    id: int | None = Field(default=None, primary_key=True)
    keten: str = Field(sa_type=Text)  # as typed; matched to measures' iv_keten by keten_zoek
    keten_zoek: str = Field(sa_type=Text)  # registry.prioritering.capaciteit.keten_sleutel(keten)
    periode_tekst: str = Field(sa_type=Text)  # as typed, e.g. 2027-H1 (registry.planning parses it)
    periode_van: date
    periode_tot: date
    weken: float
    toelichting: str | None = _tekst()
    versie: int = 1


class Prioriteringsbesluit(SQLModel, table=True):
    """A saved scenario: what changed (capacities, inputs), what it moved in or out, why, when and who decided."""
    __tablename__ = "prioriteringsbesluit"
    id: int | None = Field(default=None, primary_key=True)
    datum: date = Field(index=True)
    besloten_door: str = Field(sa_type=Text)
    motivatie: str = Field(sa_type=Text)
    wijzigingen: str = Field(sa_type=Text)  # one Dutch line per change
    gevolgen: str = Field(sa_type=Text)  # one Dutch line per measure that moved in, out or to another period
    geregistreerd_op: datetime = Field(default_factory=nu)


class RegisterInfo(SQLModel, table=True):
    """Marks a database as this application's (key 'applicatie'); also holds small register-wide settings."""
    __tablename__ = "register_info"
    sleutel: str = Field(primary_key=True, max_length=60)
    waarde: str = Field(sa_type=Text)
