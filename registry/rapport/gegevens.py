"""The data of the PRT overview (brief §4), section by section, as plain values: no Qt, no reportlab, no ORM objects.

The PDF layout draws every section from `rapportgegevens`; tests check the counts here, where they are plain numbers.
Statuses are those as of the peildatum, read from the valid (not superseded) status history. Decisions:
- a measure whose first valid history entry lies after the peildatum was not yet in the register on that date: it is
  left out of every section;
- the status filter (and "planning verstreken") applies to the status as of the peildatum, the other filters to the
  measure as it is now (IV, owner, planning and texts have no history);
- archived measures are selected only with `met_gearchiveerd`; they are then listed, but never counted (brief §4);
- effect measurements, IV blockades and recommendations carry no reliable date: they are shown as they are now.
- the prioritering (inputs, capacities, decisions) has no history either: it is the plan as it stands now, made
  over the whole register (capacity is shared); with a filter its lists show the selected measures only.
"""

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date

from sqlmodel import Session, select

from registry.aanbeveling import AanbevelingRij, aanbevelingen
from registry.bron import BronRij, bronnen
from registry.dashboard import GEEN_BRON, Dashboardcijfers, aandeel, dashboardcijfers
from registry.domein import domeinen
from registry.effectmeting import EffectmetingRij, effectmetingen_van
from registry.filters import Filter, MaatregelRij, voorwaarde, zoek_maatregelen
from registry.fouten import ValidatieFout
from registry.maatregel import rijen_voor_maatregelen
from registry.planning import OngeldigeDatum, Periode, parse_periode_of_leeg
from registry.prioritering.model import BesluitRij
from registry.signalen import Drempels, Signaal, signalen
from registry.status import HistorieRij, historie_van
from registry.tabellen import Bron, Maatregel, MaatregelBron
from registry.tekst import natuurlijke_sleutel
from registry.vocabulaire import BEWIJSKRACHT, IV_BLOKKADE_SOORT, OPVOLGING, STATUS


#: Sections 2–9 of brief §4, in print order; the title page and the table of contents are always printed.
SECTIES: tuple[str, ...] = ("samenvatting", "wijzigingen", "per_domein", "blokkades", "prioritering", "effectmetingen",
                            "opvolging", "signalen", "bronnen")
#: What a report holds unless chosen otherwise (dialog, command line): the prioritering (issue 9) only when asked for.
STANDAARD_SECTIES: tuple[str, ...] = tuple(s for s in SECTIES if s != "prioritering")
SECTIE_LABELS: dict[str, str] = {
    "samenvatting": "Samenvatting",
    "wijzigingen": "Wijzigingen sinds het vorige rapport",
    "per_domein": "Maatregelen per domein",
    "blokkades": "IV-blokkades",
    "prioritering": "Prioritering en IV-capaciteit",
    "effectmetingen": "Effectmetingen",
    "opvolging": "Opvolging van aanbevelingen",
    "signalen": "Signalen",
    "bronnen": "Bronnen",
}


@dataclass(frozen=True)
class Rapportkeuze:
    filter: Filter = Filter()
    peildatum: date = field(default_factory=date.today)  # statuses as of this day, history up to it
    periode: str | None = None  # reporting period label, e.g. "2026-H2"
    sinds: date | None = None  # changes on or after this day (section 3); None: no changes listed
    drempels: Drempels = Drempels()  # thresholds of the signals (section 8)
    secties: tuple[str, ...] = STANDAARD_SECTIES  # the sections to print (codes of SECTIES), in SECTIES order

    def periode_nederlands(self) -> str | None:
        """The period in Dutch words ("2e helft 2026"); a text that is no period is a ValidatieFout on "periode"."""
        if self.periode is None or not self.periode.strip():
            return None
        try:
            gelezen = parse_periode_of_leeg(self.periode)
        except OngeldigeDatum as fout:
            raise ValidatieFout(f"Rapportageperiode: {fout}", "periode") from None
        if gelezen is None:  # "onbekend": a report is always about some period
            raise ValidatieFout(f'Rapportageperiode: "{self.periode.strip()}" is geen periode, '
                                "bijvoorbeeld 2026-H2 of Q3 2026.", "periode")
        return gelezen.nederlands()

    def controleer(self) -> None:
        """Refuse a choice the report cannot be made of, before anything is read."""
        self.periode_nederlands()
        if not self.secties:
            raise ValidatieFout("Kies ten minste één onderdeel van het rapport.", "secties")
        onbekend = [s for s in self.secties if s not in SECTIES]
        if onbekend:
            raise ValidatieFout(f"Onbekend onderdeel van het rapport: {', '.join(map(str, onbekend))}; kies uit "
                                f"{', '.join(SECTIES)}.", "secties")
        if self.sinds is not None and self.sinds > self.peildatum:
            raise ValidatieFout("‘Wijzigingen sinds’ ligt na de peildatum.", "sinds")


# --- the sections ---------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Titel:  # section 1
    periode: str | None  # as given, e.g. "2026-H2"
    periode_nederlands: str | None  # e.g. "2e helft 2026"
    peildatum: date
    sinds: date | None
    filter: str  # the filter in words ("Alle maatregelen" without one)
    gegenereerd_op: date


@dataclass(frozen=True)
class Statusaantal:
    status: str  # STATUS code
    aantal: int
    percentage: str  # Dutch, of the row's total: "42%"; "0%" when the total is 0


@dataclass(frozen=True)
class Domeinregel:
    code: str
    naam: str  # short name
    aantallen: tuple[Statusaantal, ...]  # every status, in STATUS order
    totaal: int


@dataclass(frozen=True)
class Samenvatting:  # section 2
    domeinen: tuple[Domeinregel, ...]  # every domain, in the domains' order, empty ones included
    per_status: tuple[Statusaantal, ...]  # over all domains; percentages of `totaal`
    totaal: int
    iv_afhankelijk: int
    iv_blokkade: int
    cijfers: Dashboardcijfers  # the same counts in the dashboard's shape: the charts draw from them


@dataclass(frozen=True)
class Wijziging:  # section 3
    code: str
    naam: str
    datum: date
    oud: str | None  # STATUS code; None for a measure's first entry
    nieuw: str
    toelichting: str
    gebruiker: str
    bron: str | None  # source code
    vindplaats: str | None


@dataclass(frozen=True)
class Maatregelregel:  # a line of section 4
    code: str
    naam: str
    status: str  # STATUS code as of the peildatum
    ouder: str | None
    iv_afhankelijk: bool | None
    iv_blokkade: bool | None
    iv_keten: str | None
    eigenaar: str | None
    planning_oorspronkelijk: str | None  # Dutch, e.g. "3e kwartaal 2026"
    planning_huidig: str | None
    laatste_effect: str | None  # "indicator: value, period" of the newest measurement
    gearchiveerd: bool


@dataclass(frozen=True)
class Domeinsectie:  # section 4: only domains with selected measures
    code: str
    naam: str
    volledige_naam: str
    maatregelen: tuple[Maatregelregel, ...]  # in code order


@dataclass(frozen=True)
class Blokkade:  # section 5
    code: str
    naam: str
    keten: str | None
    soort: str | None  # IV_BLOKKADE_SOORT label
    toelichting: str | None
    verwacht: str | None  # Dutch text of the expected period


@dataclass(frozen=True)
class Effectregel:  # section 6
    code: str
    naam: str
    indicator: str
    waarde: str | None  # value as typed, with its unit
    periode: str | None
    methode: str | None
    bewijskracht: str  # BEWIJSKRACHT code
    bewijskracht_label: str
    bron: str | None
    vindplaats: str | None


@dataclass(frozen=True)
class Maatregelverwijzing:
    code: str
    naam: str


@dataclass(frozen=True)
class Aanbevelingregel:
    code: str
    titel: str
    opvolging: str  # OPVOLGING code
    opvolging_label: str
    motivatie: str | None
    maatregelen: tuple[str, ...]  # codes of every linked measure


@dataclass(frozen=True)
class Opvolgingaantal:
    opvolging: str  # OPVOLGING code
    aantal: int
    percentage: str


@dataclass(frozen=True)
class Bronopvolging:  # section 7, one source
    bron: str | None  # code; None for recommendations without a source
    titel: str  # the source's title; GEEN_BRON for None
    aanbevelingen: tuple[Aanbevelingregel, ...]
    aantallen: tuple[Opvolgingaantal, ...]  # every opvolging, in OPVOLGING order
    totaal: int


@dataclass(frozen=True)
class Geplandregel:  # a measure planned in a capacity slot
    code: str
    naam: str
    weken: float | None  # the IV-weeks the fit used
    score: str  # the score with its parts (rangorde.score_uitleg), e.g. "3 × 0,8 ÷ 12 = 0,200"
    rang: int  # final place in the overall ranking
    rang_in_keten: int  # place among its chain's fitted measures, in fit order (Plan.plaats_in_keten)
    prioriteit: str | None  # PRIORITEIT label of the decision ("Nu", "Later"); None without one
    handmatig: bool  # placed by a hand-set rank


@dataclass(frozen=True)
class Planvak:  # one IV chain in one period after the fit
    keten: str  # the chain's one display name in the plan (Plan.ketennamen)
    periode: str  # Dutch words, e.g. "1e helft 2027"
    periode_tekst: str  # as typed, e.g. "2027-H1"
    capaciteit: float
    gebruikt: float  # by every measure planned here, selected or not
    vrij: float
    maatregelen: tuple[Geplandregel, ...]  # the selected ones, in the chain's fit order (Rang in keten)
    buiten_selectie: int  # planned here but not in the selection


@dataclass(frozen=True)
class Prioriteitregel:  # a measure with a decision nu / later / niet
    code: str
    naam: str
    prioriteit: str  # PRIORITEIT code
    prioriteit_label: str
    motivatie: str | None
    datum: date | None
    door: str | None


@dataclass(frozen=True)
class Rangbesluit:  # an open measure placed by hand in the ranking
    code: str
    naam: str
    rang_handmatig: int  # the place the user set
    rang: int  # its place in the final ranking (the end, when the place set lies beyond it)
    rang_volgens_score: int
    motivatie: str | None
    datum: date | None  # when the rank was set
    door: str | None  # who set it


@dataclass(frozen=True)
class Uitkomstregel:  # an open measure the fit did not plan
    code: str
    naam: str
    keten: str | None  # the chain's display name in the plan
    soort: str  # a key of prioritering.model.UITKOMSTEN
    soort_label: str
    reden: str
    rang: int  # overall rank: the lists are in this order
    rang_in_keten: int | None  # for a measure that was fitted (gepland, past_niet): its place in its chain's order


@dataclass(frozen=True)
class Prioriteringsdeel:
    """The plan of the whole register; with a filter, the lists hold the selected measures only."""
    gefilterd: bool
    aantal_open: int  # open (ranked) measures in the selection
    vakken: tuple[Planvak, ...]  # every capacity slot, by period start, then chain
    prioriteiten: tuple[Prioriteitregel, ...]  # nu, later, niet; each by code
    rangen: tuple[Rangbesluit, ...]  # by final rank
    besluiten: tuple[BesluitRij, ...]  # every saved scenario, the newest first (not filtered: register-wide)
    past_niet: tuple[Uitkomstregel, ...]  # by chain, then fit order (rang_in_keten)
    # The other lists in rank order.
    geen_capaciteit: tuple[Uitkomstregel, ...]
    invoer_ontbreekt: tuple[Uitkomstregel, ...]
    geblokkeerd_zonder_capaciteit: tuple[Uitkomstregel, ...]  # IV-blocked, no capacity ever planned
    kringlopen: tuple[tuple[str, ...], ...]  # dependency cycles (codes); with a filter those touching the selection


@dataclass(frozen=True)
class Rapportgegevens:
    titel: Titel
    samenvatting: Samenvatting
    wijzigingen: tuple[Wijziging, ...]  # by date, then code
    domeinen: tuple[Domeinsectie, ...]
    blokkades: tuple[Blokkade, ...]  # in code order
    effectmetingen: tuple[Effectregel, ...]  # by measure code, then order of entry
    zonder_effectmeting: tuple[Maatregelverwijzing, ...]
    opvolging: tuple[Bronopvolging, ...]  # most recommendations first, then source code
    opvolging_totaal: tuple[Opvolgingaantal, ...]
    signalen: tuple[Signaal, ...]
    bronnen: tuple[BronRij, ...]  # in code order
    maatregelen: tuple[str, ...]  # codes of the selected measures, in code order (archived ones when asked)
    prioritering: Prioriteringsdeel | None = None  # read only when the section is chosen


# --- building -------------------------------------------------------------------------------------------------------

_NEDERLANDS: dict[tuple, str] = {}


def _nederlands(p: Periode | None) -> str | None:
    # Rendering re-parses the text; thousands of measures share a few hundred periods.
    if p is None:
        return None
    sleutel = (p.tekst, p.van, p.tot)
    if sleutel not in _NEDERLANDS:
        if len(_NEDERLANDS) > 10_000:
            _NEDERLANDS.clear()
        _NEDERLANDS[sleutel] = p.nederlands()
    return _NEDERLANDS[sleutel]


def _percentages(aantallen: dict[str, int], totaal: int) -> tuple:
    return tuple(Statusaantal(s, aantallen.get(s, 0), aandeel(aantallen.get(s, 0), totaal)) for s in STATUS.codes)


def _waarde(e: EffectmetingRij) -> str | None:
    if e.waarde_tekst:
        tekst = e.waarde_tekst
    elif e.waarde is not None:
        tekst = f"{e.waarde:g}".replace(".", ",")
    else:
        return None
    return f"{tekst} {e.eenheid}" if e.eenheid and e.eenheid not in tekst else tekst


def _effect_kort(e: EffectmetingRij) -> str:
    delen = [d for d in (_waarde(e), e.periode) if d]
    return f"{e.indicator}: {', '.join(delen)}" if delen else e.indicator


def _selectie(sessie: Session, keuze: Rapportkeuze) -> tuple[list[MaatregelRij], dict[int, list[HistorieRij]]]:
    """The selected rows with their status (and its date) as of the peildatum, and their history."""
    f = keuze.filter
    rijen = zoek_maatregelen(sessie, replace(f, statussen=(), planning_verstreken=False))
    # Unfiltered, one query for all history beats thousands of ids sent in blocks.
    historie = historie_van(sessie, None if f.is_leeg() else [r.id for r in rijen])
    op_peildatum = []
    for r in rijen:
        geldig = [h for h in historie.get(r.id, ()) if not h.vervangen and h.datum <= keuze.peildatum]
        if geldig:  # sorted by date, then by place: the last one holds on the peildatum
            op_peildatum.append(replace(r, status=geldig[-1].nieuw, status_datum=geldig[-1].datum))
    if f.statussen or f.planning_verstreken:
        rest = voorwaarde(sessie, Filter(statussen=f.statussen, planning_verstreken=f.planning_verstreken,
                                         peildatum=keuze.peildatum, met_gearchiveerd=True))
        op_peildatum = [op_peildatum[i] for i in rest.indices(op_peildatum)]
    return op_peildatum, historie


@dataclass(frozen=True)
class _Extra:
    """What the report needs beyond the table row: a few columns, not the full detail (10,000 rows of long texts)."""
    planning_oorspronkelijk: Periode | None
    iv_blokkade_soort: str | None
    iv_toelichting: str | None
    iv_verwacht: Periode | None


def _periode(tekst, van, tot) -> Periode | None:
    return Periode(tekst, van, tot) if tekst and van is not None and tot is not None else None


def _extra(sessie: Session, ids: list[int] | None) -> dict[int, _Extra]:
    m = Maatregel.__table__.c
    query = select(m.id, m.planning_oorspronkelijk_tekst, m.planning_oorspronkelijk_van, m.planning_oorspronkelijk_tot,
                   m.iv_blokkade_soort, m.iv_toelichting, m.iv_verwacht_tekst, m.iv_verwacht_van, m.iv_verwacht_tot)
    return {r[0]: _Extra(_periode(*r[1:4]), r[4], r[5], _periode(*r[6:9]))
            for r in rijen_voor_maatregelen(sessie, query, m.id, ids)}


def _geciteerde_bronnen(sessie: Session, ids: list[int]) -> set[str]:
    """Codes of the sources cited on these measures (their bronvermeldingen)."""
    query = select(MaatregelBron.maatregel_id, Bron.code).join(Bron, Bron.id == MaatregelBron.bron_id)
    return {code for _, code in rijen_voor_maatregelen(sessie, query, MaatregelBron.maatregel_id, ids)}


def rapportgegevens(sessie: Session, keuze: Rapportkeuze,
                    voortgang: Callable[[float, str], None] | None = None) -> Rapportgegevens:
    """Everything the overview shows for `keuze`, read in a fixed number of queries whatever the register's size.

    Sections not in `keuze.secties` are left empty (and not read); the summary is always read, for the counts.
    `voortgang(fractie, melding)` is called between the reads, fractie from 0.0 to 1.0, and may raise to cancel.
    """
    keuze.controleer()
    secties = set(keuze.secties)
    alle = keuze.filter.is_leeg()

    def meld(fractie: float) -> None:
        if voortgang is not None:
            voortgang(fractie, "Gegevens lezen…")

    meld(0.0)
    rijen, historie = _selectie(sessie, keuze)
    meld(0.45)
    ids = [r.id for r in rijen]
    gekozen = set(ids)
    naam_van = {r.id: r.naam for r in rijen}
    detail = _extra(sessie, None if alle else ids) if secties & {"per_domein", "blokkades"} else {}
    meld(0.55)
    metingen = (effectmetingen_van(sessie, None if alle else ids)
                if secties & {"per_domein", "effectmetingen"} or ("bronnen" in secties and not alle) else {})
    meld(0.65)

    # 2. Counts: the dashboard's rules (archived rows skipped) over the rows with the peildatum's status.
    cijfers = dashboardcijfers(sessie, rijen)
    per_status = {s: cijfers.status_totaal(s) for s in STATUS.codes}
    samenvatting = Samenvatting(
        domeinen=tuple(Domeinregel(d.code, d.naam, _percentages(d.aantallen, d.totaal), d.totaal)
                       for d in cijfers.status_per_domein),
        per_status=_percentages(per_status, cijfers.aantal_maatregelen),
        totaal=cijfers.aantal_maatregelen,
        iv_afhankelijk=cijfers.aantal_afhankelijk,
        iv_blokkade=cijfers.aantal_geblokkeerd,
        cijfers=cijfers,
    )
    meld(0.7)

    # 3. Changes on their own date, from `sinds` up to the peildatum, superseded entries left out.
    wijzigingen: list[Wijziging] = []
    if keuze.sinds is not None and "wijzigingen" in secties:
        for mid in ids:
            for h in historie.get(mid, ()):
                if not h.vervangen and keuze.sinds <= h.datum <= keuze.peildatum:
                    wijzigingen.append(Wijziging(h.maatregel, naam_van[mid], h.datum, h.oud, h.nieuw, h.toelichting,
                                                 h.gebruiker, h.bron, h.vindplaats))
        wijzigingen.sort(key=lambda w: (w.datum, natuurlijke_sleutel(w.code)))

    # 4. Per domain.
    domeinsecties: tuple[Domeinsectie, ...] = ()
    if "per_domein" in secties:
        per_domein: dict[str, list[Maatregelregel]] = {}
        for r in rijen:
            laatste = metingen.get(r.id, [])[-1:]  # by order of entry: a measurement's period is free text
            per_domein.setdefault(r.domein, []).append(Maatregelregel(
                r.code, r.naam, r.status, r.ouder, r.iv_afhankelijk, r.iv_blokkade, r.iv_keten, r.eigenaar,
                _nederlands(detail[r.id].planning_oorspronkelijk), _nederlands(r.planning_huidig),
                _effect_kort(laatste[0]) if laatste else None, r.gearchiveerd))
        domeinsecties = tuple(Domeinsectie(d.code, d.naam, d.volledige_naam, tuple(per_domein[d.code]))
                              for d in domeinen(sessie) if d.code in per_domein)
    meld(0.8)

    # 5. IV blockades.
    blokkades = tuple(
        Blokkade(r.code, r.naam, r.iv_keten, IV_BLOKKADE_SOORT.label(detail[r.id].iv_blokkade_soort) or None,
                 detail[r.id].iv_toelichting, _nederlands(detail[r.id].iv_verwacht))
        for r in rijen if r.iv_blokkade is True) if "blokkades" in secties else ()

    # 6. Effect measurements, and the measures without any.
    effectregels: tuple[Effectregel, ...] = ()
    zonder: tuple[Maatregelverwijzing, ...] = ()
    if "effectmetingen" in secties:
        effectregels = tuple(
            Effectregel(r.code, r.naam, e.indicator, _waarde(e), e.periode, e.methode, e.bewijskracht,
                        BEWIJSKRACHT.label(e.bewijskracht), e.bron, e.vindplaats)
            for r in rijen for e in metingen.get(r.id, ()))
        zonder = tuple(Maatregelverwijzing(r.code, r.naam) for r in rijen if r.id not in metingen)
    meld(0.85)

    # 7. Follow-up per source: all recommendations, or with a filter those linked to a selected measure.
    adviezen: list[AanbevelingRij] = []
    if secties & {"opvolging", "signalen"} or ("bronnen" in secties and not alle):
        adviezen = aanbevelingen(sessie, maatregel_ids=None if alle else gekozen)
    opvolging: tuple[Bronopvolging, ...] = ()
    opvolging_totaal = _opvolgingaantallen([])[0]
    if "opvolging" in secties:
        opvolging, opvolging_totaal = _opvolging(adviezen, {b.code: b.titel for b in bronnen(sessie)})
    meld(0.9)

    # 8. Signals over the selection (statuses as of the peildatum) and the recommendations of section 7.
    signaallijst: tuple[Signaal, ...] = ()
    if "signalen" in secties:
        codes_adviezen = {a.code for a in adviezen}
        signaallijst = tuple(
            s if s.soort == "maatregel" else replace(s, codes=tuple(c for c in s.codes if c in codes_adviezen))
            for s in signalen(sessie, keuze.drempels, peildatum=keuze.peildatum, rijen=rijen))
    meld(0.95)

    # 9. Sources: all, or those cited by the selection (measures, history, measurements, recommendations).
    alle_bronnen: list[BronRij] = []
    if "bronnen" in secties:
        alle_bronnen = bronnen(sessie)
        if not alle:
            genoemd = _geciteerde_bronnen(sessie, ids)
            genoemd |= {h.bron for mid in ids for h in historie.get(mid, ()) if not h.vervangen}
            genoemd |= {e.bron for es in metingen.values() for e in es}
            genoemd |= {a.bron for a in adviezen}
            alle_bronnen = [b for b in alle_bronnen if b.code in genoemd]

    prioritering = _prioritering(sessie, gekozen, not alle) if "prioritering" in secties else None
    meld(0.97)

    gegevens = Rapportgegevens(
        titel=Titel(keuze.periode.strip() if keuze.periode and keuze.periode.strip() else None,
                    keuze.periode_nederlands(), keuze.peildatum, keuze.sinds, keuze.filter.omschrijving(),
                    date.today()),
        samenvatting=samenvatting,
        wijzigingen=tuple(wijzigingen),
        domeinen=domeinsecties,
        blokkades=blokkades,
        effectmetingen=effectregels,
        zonder_effectmeting=zonder,
        opvolging=opvolging,
        opvolging_totaal=opvolging_totaal,
        signalen=signaallijst,
        bronnen=tuple(alle_bronnen),
        maatregelen=tuple(r.code for r in rijen),
        prioritering=prioritering,
    )
    meld(1.0)
    return gegevens


def _opvolgingaantallen(adviezen: list[AanbevelingRij]) -> tuple[tuple[Opvolgingaantal, ...], int]:
    aantallen = dict.fromkeys(OPVOLGING.codes, 0)
    for a in adviezen:
        aantallen[a.opvolging] = aantallen.get(a.opvolging, 0) + 1
    totaal = len(adviezen)
    return tuple(Opvolgingaantal(o, n, aandeel(n, totaal)) for o, n in aantallen.items()), totaal


def _opvolging(adviezen: list[AanbevelingRij], titels: dict[str, str]) -> tuple[tuple[Bronopvolging, ...], tuple]:
    per_bron: dict[str | None, list[AanbevelingRij]] = {}
    for a in adviezen:
        per_bron.setdefault(a.bron, []).append(a)
    groepen = []
    for bron, lijst in per_bron.items():
        aantallen, totaal = _opvolgingaantallen(lijst)
        groepen.append(Bronopvolging(
            bron, titels.get(bron, GEEN_BRON) if bron else GEEN_BRON,
            tuple(Aanbevelingregel(a.code, a.titel, a.opvolging, OPVOLGING.label(a.opvolging), a.motivatie,
                                   a.maatregelen) for a in lijst),
            aantallen, totaal))
    groepen.sort(key=lambda b: (-b.totaal, b.bron is None, natuurlijke_sleutel(b.bron or "")))
    return tuple(groepen), _opvolgingaantallen(adviezen)[0]


def _prioritering(sessie: Session, gekozen: set[int], gefilterd: bool) -> Prioriteringsdeel:
    """The plan over every measure (they share the capacity), its lists cut down to the selection `gekozen`."""
    # Imported here: only a report with this section needs the prioritering.
    from registry.prioritering.besluit import besluiten
    from registry.prioritering.inpassing import maak_plan
    from registry.prioritering.invoer import lees_invoer
    from registry.prioritering.model import UITKOMSTEN
    from registry.prioritering.rangorde import score_uitleg
    from registry.vocabulaire import PRIORITEIT

    invoer = lees_invoer(sessie)
    plan = maak_plan(invoer)
    if not gefilterd:  # the plan as it stands now: no peildatum leaves a measure out of it
        gekozen = {m.id for m in invoer.maatregelen}
    per_id = {m.id: m for m in invoer.maatregelen}
    per_code = {m.code: m for m in invoer.maatregelen}
    regel_van = {r.maatregel.id: r for r in plan.rangorde}
    in_keten = plan.plaats_in_keten

    def ketennaam(m) -> str | None:
        # One spelling per chain, as the plan shows it; a chain without capacity has its measures' spelling there.
        if m.keten_sleutel and m.keten_sleutel in plan.ketennamen:
            return plan.ketennamen[m.keten_sleutel]
        return " ".join(m.iv_keten.split()) if m.iv_keten else None

    vakken = []
    for v in plan.vakken:
        geplande = [per_code[c] for c in v.maatregelen if c in per_code]
        getoond = tuple(
            Geplandregel(m.code, m.naam, m.weken, score_uitleg(regel_van[m.id].score), regel_van[m.id].rang,
                         in_keten[m.id], PRIORITEIT.label(m.prioriteit) if m.prioriteit else None,
                         regel_van[m.id].handmatig)
            for m in sorted(geplande, key=lambda m: in_keten.get(m.id, 0)) if m.id in gekozen and m.id in regel_van)
        vakken.append(Planvak(v.keten, _nederlands(v.periode) or v.periode.tekst, v.periode.tekst, v.capaciteit,
                              v.gebruikt, v.vrij, getoond, len(v.maatregelen) - len(getoond)))

    volgorde = {code: i for i, code in enumerate(PRIORITEIT.codes)}
    prioriteiten = tuple(
        Prioriteitregel(m.code, m.naam, m.prioriteit, PRIORITEIT.label(m.prioriteit) or m.prioriteit,
                        m.prioriteit_motivatie, m.prioriteit_datum, m.prioriteit_door)
        for m in sorted((m for m in invoer.maatregelen if m.prioriteit and m.id in gekozen),
                        key=lambda m: (volgorde.get(m.prioriteit, len(volgorde)), natuurlijke_sleutel(m.code))))
    rangen = tuple(
        Rangbesluit(r.maatregel.code, r.maatregel.naam, r.maatregel.rang_handmatig, r.rang, r.rang_volgens_score,
                    r.maatregel.rang_motivatie, r.maatregel.rang_datum, r.maatregel.rang_door)
        for r in plan.rangorde if r.maatregel.rang_handmatig is not None and r.maatregel.id in gekozen)

    def uitkomsten(regels) -> tuple[Uitkomstregel, ...]:
        lijst = []
        for r in regels:
            if r.maatregel.id in gekozen:
                u = plan.uitkomsten[r.maatregel.id]
                lijst.append(Uitkomstregel(r.maatregel.code, r.maatregel.naam, u.keten or ketennaam(r.maatregel),
                                           u.soort, UITKOMSTEN.get(u.soort, u.soort), u.reden, r.rang,
                                           in_keten.get(r.maatregel.id)))
        return tuple(lijst)

    gekozen_codes = {per_id[i].code for i in gekozen if i in per_id}
    kringlopen = tuple(k for k in plan.kringlopen if not gefilterd or gekozen_codes.intersection(k))
    return Prioriteringsdeel(
        gefilterd=gefilterd,
        aantal_open=sum(1 for r in plan.rangorde if r.maatregel.id in gekozen),
        vakken=tuple(vakken),
        prioriteiten=prioriteiten,
        rangen=rangen,
        besluiten=tuple(besluiten(sessie)),
        # Per chain in its fit order: "Rang in keten" then reads 1, 2, 3 down each chain's rows.
        past_niet=tuple(sorted(uitkomsten(plan.met_soort("past_niet")),
                               key=lambda u: ((u.keten or "").casefold(), u.rang_in_keten or 0))),
        geen_capaciteit=uitkomsten(plan.met_soort("geen_capaciteit")),
        invoer_ontbreekt=uitkomsten(plan.met_soort("invoer_ontbreekt")),
        geblokkeerd_zonder_capaciteit=uitkomsten(plan.geblokkeerd_regels()),
        kringlopen=kringlopen,
    )
