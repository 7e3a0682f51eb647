"""The dashboard's numbers: status per domain, IV blockades per chain, follow-up per source, share with measured effect.

Counted once here and drawn twice: in the window's dashboard (Qt) and, later, in the PDF overview (brief §4 section 2).
Counting as brief §4: each active (not archived) measure counts once, under its main domain; parents and
sub-measures each count.
"""

from dataclasses import dataclass

from sqlalchemy import case, func
from sqlmodel import Session, select

from registry.domein import domeinen
from registry.filters import Filter, MaatregelRij, zoek_maatregelen
from registry.tabellen import Aanbeveling, Bron, Effectmeting
from registry.tekst import natuurlijke_sleutel, normaliseer
from registry.vocabulaire import OPVOLGING, STATUS

KETEN_ONBEKEND = "(keten onbekend)"
GEEN_BRON = "(geen bron)"


@dataclass(frozen=True)
class Domeintelling:
    code: str
    naam: str  # the short name, e.g. "Terugvorderingen"
    aantallen: dict[str, int]  # every status code, in STATUS order, zeros included
    totaal: int


@dataclass(frozen=True)
class Ketentelling:
    keten: str  # as first spelled (in code order); KETEN_ONBEKEND for measures without a chain
    geblokkeerd: int  # iv_blokkade is True
    afhankelijk: int  # iv_afhankelijk is True (a blocked measure usually also depends on IV: the two overlap)


@dataclass(frozen=True)
class Brontelling:
    bron: str | None  # the source's code; None for recommendations without a source
    titel: str  # the source's title; GEEN_BRON for None
    aantallen: dict[str, int]  # every opvolging code, in OPVOLGING order, zeros included
    totaal: int

    @property
    def kort(self) -> str:
        """What an axis shows: the code (titles run to a hundred characters)."""
        return self.bron or GEEN_BRON


@dataclass(frozen=True)
class Effecttelling:
    gemeten: int  # at least one measurement with bewijskracht "gemeten"
    alleen_zwakker: int  # measurements, but none "gemeten"
    zonder: int  # no effect measurement at all (a fact the register shows, brief §2)
    totaal: int


@dataclass(frozen=True)
class Dashboardcijfers:
    status_per_domein: tuple[Domeintelling, ...]  # in the domains' order, domains without measures included
    iv_per_keten: tuple[Ketentelling, ...]  # chains with a blocked or dependent measure; most blocked first, then name
    opvolging_per_bron: tuple[Brontelling, ...]  # sources with recommendations; most first, then code
    effect: Effecttelling

    @property
    def aantal_maatregelen(self) -> int:
        return sum(d.totaal for d in self.status_per_domein)

    @property
    def aantal_geblokkeerd(self) -> int:
        return sum(k.geblokkeerd for k in self.iv_per_keten)

    @property
    def aantal_afhankelijk(self) -> int:
        return sum(k.afhankelijk for k in self.iv_per_keten)

    @property
    def aantal_aanbevelingen(self) -> int:
        return sum(b.totaal for b in self.opvolging_per_bron)

    @property
    def aanbevelingen_open(self) -> int:
        return sum(b.aantallen["open"] for b in self.opvolging_per_bron)

    def status_totaal(self, status: str) -> int:
        return sum(d.aantallen[status] for d in self.status_per_domein)


def aandeel(n: int, totaal: int) -> str:
    """A share as Dutch text for labels: '42%'; '0%' when there is nothing to share."""
    if not totaal:
        return "0%"
    return f"{round(100 * n / totaal)}%"


def dashboardcijfers(sessie: Session, rijen: list[MaatregelRij] | None = None) -> Dashboardcijfers:
    """Count the dashboard's numbers. `rijen`: the table rows when the caller holds them (archived ones are skipped)."""
    if rijen is None:
        rijen = zoek_maatregelen(sessie, Filter())
    actief = [r for r in rijen if not r.gearchiveerd]
    return Dashboardcijfers(
        status_per_domein=_status_per_domein(sessie, actief),
        iv_per_keten=_iv_per_keten(actief),
        opvolging_per_bron=_opvolging_per_bron(sessie),
        effect=_effect(sessie, actief),
    )


def _status_per_domein(sessie: Session, actief: list[MaatregelRij]) -> tuple[Domeintelling, ...]:
    alle = domeinen(sessie)
    tellingen = {d.code: dict.fromkeys(STATUS.codes, 0) for d in alle}
    for r in actief:
        # A status outside the vocabulary cannot be stored (use cases validate); count it anyway rather than lose it.
        per_status = tellingen.get(r.domein)
        if per_status is not None:
            per_status[r.status] = per_status.get(r.status, 0) + 1
    return tuple(Domeintelling(d.code, d.naam, tellingen[d.code], sum(tellingen[d.code].values()))
                 for d in alle)


def _iv_per_keten(actief: list[MaatregelRij]) -> tuple[Ketentelling, ...]:
    # Chains are typed by hand: "Innen en Betalen" and "innen en betalen " are one chain, shown as spelled by the
    # measure with the lowest code. Only the few rows with IV are looked at, each spelling normalised once, and a code
    # compared only when a chain turns up in another spelling: the rows may come in any order.
    sleutels: dict[str, str] = {}  # spelling -> chain key
    naam: dict[str, tuple[str, str]] = {}  # chain key -> (spelling shown, code of the measure it comes from)
    geblokkeerd: dict[str, int] = {}
    afhankelijk: dict[str, int] = {}
    for r in actief:
        if not (r.iv_blokkade is True or r.iv_afhankelijk is True):
            continue
        tekst = (r.iv_keten or "").strip()
        sleutel = sleutels.get(tekst)
        if sleutel is None:
            sleutel = sleutels[tekst] = normaliseer(tekst)
        gezien = naam.get(sleutel)
        if gezien is None or (gezien[0] != tekst and natuurlijke_sleutel(r.code) < natuurlijke_sleutel(gezien[1])):
            naam[sleutel] = (tekst, r.code)
        geblokkeerd[sleutel] = geblokkeerd.get(sleutel, 0) + (r.iv_blokkade is True)
        afhankelijk[sleutel] = afhankelijk.get(sleutel, 0) + (r.iv_afhankelijk is True)
    tellingen = [Ketentelling(naam[s][0] or KETEN_ONBEKEND, geblokkeerd[s], afhankelijk[s]) for s in naam]
    tellingen.sort(key=lambda k: (-k.geblokkeerd, normaliseer(k.keten)))
    return tuple(tellingen)


def _opvolging_per_bron(sessie: Session) -> tuple[Brontelling, ...]:
    # Counted by the database: the recommendations' texts and links are not needed here.
    tellingen: dict[str | None, dict[str, int]] = {}
    titels: dict[str | None, str] = {None: GEEN_BRON}
    query = (select(Bron.code, Bron.titel, Aanbeveling.opvolging, func.count())
             .select_from(Aanbeveling).outerjoin(Bron, Bron.id == Aanbeveling.bron_id)
             .group_by(Bron.code, Bron.titel, Aanbeveling.opvolging))
    for bron, titel, opvolging, aantal in sessie.exec(query):
        per = tellingen.setdefault(bron, dict.fromkeys(OPVOLGING.codes, 0))
        per[opvolging] = per.get(opvolging, 0) + aantal
        if bron is not None:
            titels[bron] = titel
    rijen = [Brontelling(bron, titels[bron], per, sum(per.values())) for bron, per in tellingen.items()]
    rijen.sort(key=lambda b: (-b.totaal, b.bron is None, natuurlijke_sleutel(b.bron or "")))
    return tuple(rijen)


def _effect(sessie: Session, actief: list[MaatregelRij]) -> Effecttelling:
    # One row per measure with measurements, whether one is "gemeten": a register may hold tens of thousands of
    # measurements, and their texts are not needed here. Run on the connection: pairs of numbers need no ORM rows.
    gemeten: set[int] = set()
    gemeld: set[int] = set()
    query = (select(Effectmeting.maatregel_id, func.max(case((Effectmeting.bewijskracht == "gemeten", 1), else_=0)))
             .group_by(Effectmeting.maatregel_id))
    for mid, is_gemeten in sessie.connection().execute(query):
        gemeld.add(mid)
        if is_gemeten:
            gemeten.add(mid)
    n_gemeten = sum(1 for r in actief if r.id in gemeten)
    n_gemeld = sum(1 for r in actief if r.id in gemeld)
    return Effecttelling(n_gemeten, n_gemeld - n_gemeten, len(actief) - n_gemeld, len(actief))
