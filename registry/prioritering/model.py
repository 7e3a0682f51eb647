"""The plain rows of the prioritering, shared by the ranking, the fit, the scenario, the page and the PDF."""

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime

from registry.planning import Periode
from registry.vocabulaire import IV_OMVANG_WEKEN

#: The measure inputs a scenario may change (fields of Prioinvoer).
SCENARIOVELDEN = ("verwacht_effect", "effect_basis", "iv_weken", "iv_omvang", "personeel_weken", "prioriteit")


@dataclass(frozen=True, slots=True)
class Prioinvoer:
    """One measure's inputs to the ranking and the fit, as read from the register (or changed by a scenario)."""
    id: int
    code: str
    naam: str
    domein: str  # code prefix, e.g. TV
    status: str
    fase: str | None
    gearchiveerd: bool
    iv_afhankelijk: bool | None
    iv_blokkade: bool | None
    iv_keten: str | None  # as typed
    keten_sleutel: str | None  # capaciteit.keten_sleutel(iv_keten), None when no chain: matches IvCapaciteit.keten_zoek
    verwacht_effect: str | None
    effect_basis: str | None
    iv_weken: float | None
    iv_omvang: str | None
    personeel_weken: float | None
    afhankelijk_van: tuple[int, ...]  # ids of the measures this one depends on
    prioriteit: str | None = None
    prioriteit_motivatie: str | None = None
    prioriteit_datum: date | None = None
    prioriteit_door: str | None = None
    rang_handmatig: int | None = None
    rang_motivatie: str | None = None
    rang_datum: date | None = None
    rang_door: str | None = None
    versie: int = 1

    @property
    def weken(self) -> float | None:
        """The IV-weeks the fit uses: the number when given, else the size class's weeks, else unknown."""
        if self.iv_weken is not None:
            return self.iv_weken
        return IV_OMVANG_WEKEN.get(self.iv_omvang) if self.iv_omvang else None

    @property
    def is_open(self) -> bool:
        """Competes for capacity: not ingevoerd, not archived, fase not gestopt (the issue's definition)."""
        return self.status != "ingevoerd" and not self.gearchiveerd and self.fase != "gestopt"


@dataclass(frozen=True, slots=True)
class Capaciteit:
    """IV-weeks available on one chain in one period."""
    id: int | None  # None: only in a scenario, not saved
    keten: str  # as typed
    keten_sleutel: str  # capaciteit.keten_sleutel(keten)
    periode: Periode
    weken: float
    toelichting: str | None = None
    versie: int = 1


@dataclass(frozen=True, slots=True)
class Prioriteringsinvoer:
    """Everything the ranking and the fit need; the scenario is a changed copy of this."""
    maatregelen: tuple[Prioinvoer, ...]  # every measure, also closed and archived ones: dependencies may point there
    capaciteiten: tuple[Capaciteit, ...]


@dataclass(frozen=True, slots=True)
class Score:
    """The score and its parts, so the user sees why: effectpunten × gewicht ÷ deler."""
    effectpunten: int  # hoog 3, midden 2, laag 1, onbekend 1
    gewicht: float  # effectonderzoek 1.0, pilot 0.8, beleidstheorie 0.5, geen 0.3 (no basis counts as geen)
    weken: float | None  # the IV-weeks (Prioinvoer.weken); None: unknown
    deler: float  # max(1, weken); 1 when weken is unknown
    waarde: float | None  # None when the measure needs IV and its weeks are unknown: it cannot be ranked fairly


@dataclass(frozen=True, slots=True)
class Rangregel:
    """An open measure in the ranking."""
    maatregel: Prioinvoer
    score: Score
    rang: int  # 1-based place after the hand-set overrides
    rang_volgens_score: int  # 1-based place by score alone
    handmatig: bool  # placed by rang_handmatig


#: What the fit says of an open measure (Uitkomst.soort).
UITKOMSTEN: dict[str, str] = {
    "gepland": "Gepland",
    "past_niet": "Past niet",
    "geen_capaciteit": "Geen capaciteit voor de keten",
    "invoer_ontbreekt": "Invoer ontbreekt",
    "geen_iv": "Geen IV-capaciteit nodig",
    "besloten_niet": "Besloten: niet",
}


@dataclass(frozen=True, slots=True)
class Uitkomst:
    soort: str  # a key of UITKOMSTEN
    reden: str  # Dutch, why (e.g. "wacht op TV-03, dat niet past"; "groter dan elke periode (40 weken)")
    keten: str | None = None  # the chain's display name (Plan.ketennamen), when the measure has one
    periode: Periode | None = None  # where planned (soort gepland)

    @property
    def gepland(self) -> bool:
        return self.soort == "gepland"

    def kort(self) -> str:
        """For a table cell: the period where planned, else the kind."""
        return self.periode.tekst if self.periode is not None else UITKOMSTEN[self.soort]


@dataclass(frozen=True, slots=True)
class Capaciteitsvak:
    """One chain in one period after the fit."""
    keten: str  # the chain's display name (Plan.ketennamen)
    keten_sleutel: str
    periode: Periode
    capaciteit: float
    gebruikt: float
    maatregelen: tuple[str, ...]  # codes planned here, in planning order

    @property
    def vrij(self) -> float:
        return self.capaciteit - self.gebruikt


@dataclass(frozen=True, slots=True)
class Plan:
    """The ranking and the fit of one Prioriteringsinvoer (the register's, or a scenario's)."""
    rangorde: tuple[Rangregel, ...]  # the open measures, in final order
    uitkomsten: Mapping[int, Uitkomst]  # per measure id in rangorde
    vakken: tuple[Capaciteitsvak, ...]  # by period start, then chain
    kringlopen: tuple[tuple[str, ...], ...]  # dependency cycles among all measures: codes, each cycle from its lowest code
    geblokkeerd_zonder_capaciteit: tuple[str, ...]  # open, iv_blokkade, not planned in any period (codes, rank order)
    # keten_sleutel → the one spelling shown for that chain everywhere: its earliest capacity slot's, else the most
    # frequent among its measures (ties alphabetical), runs of blanks collapsed.
    ketennamen: Mapping[str, str] = field(default_factory=dict)
    # Measure id → its 1-based place among the measures competing for its chain's capacity (planned or past_niet), in
    # the order the fit takes them (nu, no decision, later; each in rank order).
    plaats_in_keten: Mapping[int, int] = field(default_factory=dict)

    def met_soort(self, soort: str) -> list[Rangregel]:
        return [r for r in self.rangorde if self.uitkomsten[r.maatregel.id].soort == soort]

    def geblokkeerd_regels(self) -> list[Rangregel]:
        """The rows of geblokkeerd_zonder_capaciteit, in rank order."""
        if not self.geblokkeerd_zonder_capaciteit:
            return []
        codes = set(self.geblokkeerd_zonder_capaciteit)
        return [r for r in self.rangorde if r.maatregel.code in codes]


@dataclass(frozen=True, slots=True)
class Verschuiving:
    """A measure whose outcome differs between two plans."""
    code: str
    naam: str
    huidig: Uitkomst
    scenario: Uitkomst
    richting: str  # "erin" (now planned), "eruit" (no longer planned), "verschoven" (other period), "anders"


@dataclass(frozen=True, slots=True)
class Scenario:
    """Changes tried on top of the register, never written until saved as a decision (scenario.bewaar_scenario).

    Immutable: every change returns a new Scenario (scenario.met_capaciteit, scenario.met_invoer), so the page can
    keep the previous one for undo. Capacity keys are normalised, so two spellings of one chain and period are one
    entry: (keten_sleutel, van, tot) → (chain as typed, Periode, weeks; None removes the slot).
    """
    capaciteit: Mapping[tuple[str, date, date], tuple[str, Periode, float | None]] = field(default_factory=dict)
    invoer: Mapping[int, Mapping[str, object]] = field(default_factory=dict)  # measure id → {SCENARIOVELDEN: value}

    @property
    def is_leeg(self) -> bool:
        return not self.capaciteit and not self.invoer


@dataclass(frozen=True, slots=True)
class BesluitRij:
    """A saved scenario (tabellen.Prioriteringsbesluit) as a plain row."""
    id: int
    datum: date
    besloten_door: str
    motivatie: str
    wijzigingen: tuple[str, ...]
    gevolgen: tuple[str, ...]
    geregistreerd_op: datetime
