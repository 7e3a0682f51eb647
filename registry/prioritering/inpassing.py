"""The fit: the ranking poured greedily into the IV capacity per chain and period, dependencies first (issue 9).
Decisions count: the candidates decided "nu" go first, then the undecided, those decided "later" last.

Pure Python over the plain rows (no database), fast enough to run twice on every change of a scenario: candidates
are indexed per chain and dependants per measure, so a round only looks again at what a new plan could unblock.
"""

import heapq
from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass
from itertools import compress, count
from operator import attrgetter, is_not
from types import MappingProxyType

from registry.prioritering.model import (Capaciteit, Capaciteitsvak, Plan, Prioinvoer, Prioriteringsinvoer, Rangregel,
                                         Score, Uitkomst)
from registry.prioritering.rangorde import codevolgorde, getal, herschik, op_score, rangregels, score
from registry.tekst import natuurlijke_sleutel


def sterke_componenten(knopen: Iterable[Hashable], buren: Mapping) -> list[list]:
    """Tarjan's strongly connected components, iteratively: a chain of 10,000 measures must not hit the recursion
    limit. `buren[k]` lists the nodes k points to (unknown nodes ignored)."""
    knopen = list(knopen)
    bekend = set(knopen)
    index: dict = {}
    laag: dict = {}
    op_stapel: set = set()
    stapel: list = []
    componenten: list[list] = []
    teller = 0
    for begin in knopen:
        if begin in index:
            continue
        index[begin] = laag[begin] = teller
        teller += 1
        stapel.append(begin)
        op_stapel.add(begin)
        werk = [(begin, iter(buren.get(begin, ())))]
        while werk:
            knoop, volgende = werk[-1]
            for buur in volgende:
                if buur not in bekend:
                    continue
                if buur not in index:
                    index[buur] = laag[buur] = teller
                    teller += 1
                    stapel.append(buur)
                    op_stapel.add(buur)
                    werk.append((buur, iter(buren.get(buur, ()))))
                    break
                if buur in op_stapel:
                    laag[knoop] = min(laag[knoop], index[buur])
            else:
                werk.pop()
                if werk:
                    ouder = werk[-1][0]
                    laag[ouder] = min(laag[ouder], laag[knoop])
                if laag[knoop] == index[knoop]:
                    component = []
                    while True:
                        lid = stapel.pop()
                        op_stapel.discard(lid)
                        component.append(lid)
                        if lid == knoop:
                            break
                    componenten.append(component)
    return componenten


def kringloop_ids(knopen: Iterable[int], buren: Mapping[int, Iterable[int]]) -> list[list[int]]:
    """The cycles: components of more than one node, or one node that points to itself."""
    if not isinstance(knopen, (set, frozenset, Mapping)):
        knopen = set(knopen)
    # Only nodes that point somewhere can lie on a cycle: most measures depend on nothing, so skip them.
    buren = {k: tuple(b for b in v if b in knopen) for k, v in buren.items() if k in knopen and v}
    buren = {k: v for k, v in buren.items() if v}
    return [c for c in sterke_componenten(sorted(buren), buren) if len(c) > 1 or c[0] in buren.get(c[0], ())]


def _kringlopen(per_id: Mapping[int, Prioinvoer], buren: Mapping[int, tuple[int, ...]] | None = None
                ) -> list[tuple[str, ...]]:
    if buren is None:
        buren = {i: m.afhankelijk_van for i, m in per_id.items() if m.afhankelijk_van}
    lussen = kringloop_ids(per_id, buren)
    return sorted((tuple(sorted((per_id[i].code for i in c), key=natuurlijke_sleutel)) for c in lussen),
                  key=lambda c: [natuurlijke_sleutel(code) for code in c])


def kringlopen(maatregelen: Iterable[Prioinvoer]) -> tuple[tuple[str, ...], ...]:
    """Dependency cycles among the given measures: each as codes in natural order from its lowest code, sorted."""
    return tuple(_kringlopen({m.id: m for m in maatregelen}))


def kringlooptekst(kringloop: tuple[str, ...]) -> str:
    """"TV-01 → TV-02 → TV-01"."""
    return " → ".join((*kringloop, kringloop[0]))


def _slot_volgorde(c: Capaciteit) -> tuple:
    return c.periode.van, c.periode.tot, c.keten_sleutel, c.keten


#: The order in which the fit takes the candidates: a decided "nu" first, then the undecided, "later" last; each
#: group in rank order. The ranking itself (Rangregel.rang) does not change.
BESLUITGROEP = {"nu": 0, None: 1, "later": 2}


def _ketennamen(maatregelen: Iterable[Prioinvoer], slots: Iterable[Capaciteit]) -> dict[str, str]:
    """keten_sleutel → the one spelling shown: the chain's earliest slot's (slots in fit order), else the most
    frequent among its measures (ties alphabetical); runs of blanks as one space."""
    namen: dict[str, str] = {}
    for c in slots:
        namen.setdefault(c.keten_sleutel, " ".join(c.keten.split()))
    telling: dict[str, Counter] = defaultdict(Counter)
    for m in maatregelen:
        if m.keten_sleutel and m.keten_sleutel not in namen:
            telling[m.keten_sleutel][m.iv_keten] += 1
    for sleutel, spellingen in telling.items():
        per_naam: Counter = Counter()
        for keten, n in spellingen.items():
            per_naam[" ".join(keten.split())] += n
        namen[sleutel] = min(per_naam, key=lambda naam: (-per_naam[naam], naam))
    return namen


@dataclass(frozen=True)
class _Voorbereid:
    """What the fit needs that does not depend on the weeks of capacity, only on the measures and on which chains
    have capacity at all (and how their earliest slot spells them): the ranking, the cycles, the outcomes decided
    before the fit, the candidates, the chains' display names."""
    rangorde: tuple[Rangregel, ...]
    kringlopen: tuple[tuple[str, ...], ...]
    vast: dict[int, Uitkomst]  # besloten_niet, geen_iv, invoer_ontbreekt, geen_capaciteit
    kandidaten: list[Prioinvoer]  # in fit order (BESLUITGROEP, then rank); their place here is their key in the fit
    weken_van: list[float]
    keten_van: list[str]
    wacht_op: list[tuple[int, ...]]  # the candidates each one waits for
    geblokkeerd: list[str | None]  # why it can never be planned, or None
    iv_geblokkeerd: tuple[Prioinvoer, ...]  # open and IV-blocked, in rank order
    ketennamen: Mapping[str, str]  # read-only: every plan of these measures shares it
    plaats_in_keten: Mapping[int, int]  # read-only: candidate id → 1-based place among its chain's, in fit order
    # For preparing a few changed measures anew (_herbruikbaar): every row by id, the score order, the cycles' members.
    per_id: dict[int, Prioinvoer]
    scorevolgorde: list[tuple]
    lus_van: dict[int, tuple[str, ...]]


#: The last two preparations, newest first. The view plans the register and a scenario on every change: a
#: capacity-only scenario keeps the very same (immutable) tuple of measures, and a scenario that changes a measure
#: alternates between two tuples; rank and prepare each once. One tuple, replaced whole, so a reader in another
#: thread (the PDF) never sees half of it.
_LAATSTE: tuple = ()


def _bereid_voor(maatregelen: tuple[Prioinvoer, ...], slots: list[Capaciteit]) -> _Voorbereid:
    global _LAATSTE
    slotnamen = {}  # the chains with capacity, with their earliest slot's spelling (the outcomes name it)
    for c in slots:
        slotnamen.setdefault(c.keten_sleutel, c.keten)
    ketens = tuple(sorted(slotnamen.items()))
    for eerder, eerder_ketens, voorbereid in _LAATSTE:
        if eerder is maatregelen and eerder_ketens == ketens:
            return voorbereid
    basis = _herbruikbaar(maatregelen, ketens) if isinstance(maatregelen, tuple) else None
    if basis is not None:  # a few measures' score or decision changed (a scenario): the rest stays as it was
        vorig, vervangen = basis
        per_id = {**vorig.per_id, **vervangen}
        scorevolgorde = herschik(vorig.scorevolgorde, vervangen)
        rangorde = rangregels(scorevolgorde, vorig.rangorde)
        lussen, lus_van, ketennamen = list(vorig.kringlopen), vorig.lus_van, vorig.ketennamen
    else:
        per_id = {}
        buren = {}
        for m in maatregelen:
            per_id[m.id] = m
            if m.afhankelijk_van:
                buren[m.id] = m.afhankelijk_van
        scorevolgorde = op_score(maatregelen)
        rangorde = rangregels(scorevolgorde)
        lussen = _kringlopen(per_id, buren)
        lus_van: dict[int, tuple[str, ...]] = {}
        if lussen:
            per_code = {m.code: m.id for m in maatregelen}
            for lus in lussen:
                for code in lus:
                    lus_van[per_code[code]] = lus
        ketennamen = MappingProxyType(_ketennamen(maatregelen, slots))
    gedeeld: dict[tuple, Uitkomst] = {}  # outcomes repeat a lot: one row per kind, reason and chain

    def uitkomst(soort: str, reden: str, keten: str | None) -> Uitkomst:
        rij = gedeeld.get((soort, reden, keten))
        if rij is None:
            rij = gedeeld[(soort, reden, keten)] = Uitkomst(soort, reden, keten)
        return rij

    def vaste_uitkomst(m: Prioinvoer, s: Score) -> Uitkomst | None:
        """The outcome decided before the fit (by the measure alone), or None for a candidate."""
        weken = s.weken
        naam = ketennamen[m.keten_sleutel] if m.keten_sleutel else None
        if m.prioriteit == "niet":
            return uitkomst("besloten_niet", "besloten: niet", naam)
        if weken == 0 or (weken is None and s.waarde is not None):  # waarde known: needs no IV
            return uitkomst("geen_iv", "geen IV-capaciteit nodig", naam)
        if weken is None:
            return uitkomst("invoer_ontbreekt", "IV-inspanning ontbreekt", naam)
        if not m.keten_sleutel:
            return uitkomst("invoer_ontbreekt", "IV-keten ontbreekt", naam)
        if m.keten_sleutel not in slotnamen:
            return uitkomst("geen_capaciteit", f"geen capaciteit voor de keten {naam}", naam)
        return None

    vast: dict[int, Uitkomst] = {}
    if basis is not None:  # the others' outcomes depend on themselves alone (and the same chains with capacity)
        vast = dict(vorig.vast)
        for i, m in vervangen.items():
            vast.pop(i, None)
            u = vaste_uitkomst(m, score(m)) if m.is_open else None
            if u is not None:
                vast[i] = u
        kandidaten = [r.maatregel for r in rangorde if r.maatregel.id not in vast]
    else:
        kandidaten = []
        for regel in rangorde:
            u = vaste_uitkomst(regel.maatregel, regel.score)
            if u is None:
                kandidaten.append(regel.maatregel)
            else:
                vast[regel.maatregel.id] = u
    kandidaten.sort(key=lambda m: BESLUITGROEP.get(m.prioriteit, 1))  # stable: rank order within each group
    weken_van = [float(m.weken) for m in kandidaten]

    def nooit_voldaan(afh: Prioinvoer) -> str | None:
        """Why a dependency on a measure that is no candidate can never be met; None when it is met already."""
        if afh.status == "ingevoerd":
            return None
        if afh.id in lus_van:
            return "in een kringloop"
        if afh.gearchiveerd:
            return "gearchiveerd"
        if afh.fase == "gestopt":
            return "gestopt"
        return {"geen_iv": None, "besloten_niet": "besloten: niet", "invoer_ontbreekt": "invoer ontbreekt",
                "geen_capaciteit": "geen capaciteit"}[vast[afh.id].soort]

    plaats = {m.id: k for k, m in enumerate(kandidaten)}
    wacht_op: list[tuple[int, ...]] = [()] * len(kandidaten)
    geblokkeerd: list[str | None] = [None] * len(kandidaten)
    for k, m in enumerate(kandidaten):
        blok = None
        if m.id in lus_van:
            blok = f"in een kringloop van afhankelijkheden: {kringlooptekst(lus_van[m.id])}"
        if m.afhankelijk_van:
            wachten = []
            bekende = sorted((per_id[i] for i in set(m.afhankelijk_van) if i in per_id),  # unknown ids: ignored
                             key=lambda a: codevolgorde(a.code))
            for afh in bekende:
                if afh.id in plaats:
                    wachten.append(plaats[afh.id])
                    reden = "in een kringloop" if afh.id in lus_van else None
                else:
                    reden = nooit_voldaan(afh)
                if reden is not None and blok is None:
                    blok = f"hangt af van {afh.code} ({reden})"
            wacht_op[k] = tuple(wachten)
        geblokkeerd[k] = blok
    voorbereid = _Voorbereid(rangorde, tuple(lussen), vast, kandidaten, weken_van,
                             [m.keten_sleutel for m in kandidaten], wacht_op, geblokkeerd,
                             tuple(r.maatregel for r in rangorde if r.maatregel.iv_blokkade is True),
                             ketennamen, MappingProxyType(_plaatsen_in_keten(kandidaten)), per_id, scorevolgorde,
                             lus_van)
    if isinstance(maatregelen, tuple):  # a tuple of frozen rows cannot change behind our back
        _LAATSTE = ((maatregelen, ketens, voorbereid), *_LAATSTE[:1])
    return voorbereid


#: What a scenario may change in a measure without preparing the fit anew (_herbruikbaar): everything else the
#: preparation reads (being open, code, chain, dependencies, IV need, hand-set place) must be the same.
_ONVERANDERD = attrgetter("id", "code", "status", "fase", "gearchiveerd", "iv_afhankelijk", "iv_blokkade", "iv_keten",
                          "keten_sleutel", "afhankelijk_van", "rang_handmatig")
#: Beyond this many changed measures the preparation starts afresh.
_HOOGSTENS_ANDERS = 64


def _herbruikbaar(maatregelen: tuple[Prioinvoer, ...], ketens: tuple
                  ) -> tuple[_Voorbereid, dict[int, Prioinvoer]] | None:
    """An earlier preparation (same chains with capacity) of a tuple of measures that differs from `maatregelen` in
    a few rows, each only in its score's inputs or its decision (a scenario replaces those rows and keeps the rest,
    the very same objects, in place); with those rows by id. None when there is none."""
    for eerder, eerder_ketens, voorbereid in _LAATSTE:
        if eerder_ketens != ketens or len(eerder) != len(maatregelen):
            continue
        anders = list(compress(count(), map(is_not, maatregelen, eerder)))
        if len(anders) > _HOOGSTENS_ANDERS:
            continue
        if all(_ONVERANDERD(maatregelen[i]) == _ONVERANDERD(eerder[i]) for i in anders):
            return voorbereid, {maatregelen[i].id: maatregelen[i] for i in anders}
    return None


def _plaatsen_in_keten(kandidaten: list[Prioinvoer]) -> dict[int, int]:
    """Each candidate's place among its chain's candidates in fit order: a reader sees "1" for the first measure
    competing for a chain's capacity, not an overall rank behind measures that need no IV."""
    per_keten: dict[str, int] = defaultdict(int)
    plaatsen = {}
    for m in kandidaten:
        per_keten[m.keten_sleutel] += 1
        plaatsen[m.id] = per_keten[m.keten_sleutel]
    return plaatsen


def maak_plan(invoer: Prioriteringsinvoer) -> Plan:
    """Rank the open measures and fit them into the capacity; every open measure gets exactly one Uitkomst."""
    slots = sorted(invoer.capaciteiten, key=_slot_volgorde)
    max_per_keten: dict[str, float] = {}
    for c in slots:
        max_per_keten[c.keten_sleutel] = max(max_per_keten.get(c.keten_sleutel, 0.0), c.weken)
    v = _bereid_voor(invoer.maatregelen, slots)
    namen = v.ketennamen
    kandidaten, weken_van, keten_van, wacht_op, geblokkeerd = (v.kandidaten, v.weken_van, v.keten_van, v.wacht_op,
                                                               v.geblokkeerd)
    uitkomsten = dict(v.vast)

    te_groot = [weken_van[k] > max_per_keten[keten_van[k]] for k in range(len(kandidaten))]
    in_de_race = [geblokkeerd[k] is None and not te_groot[k] for k in range(len(kandidaten))]
    afhankelijken: dict[int, list[int]] = defaultdict(list)
    wachtend: dict[str, list[int]] = defaultdict(list)  # per chain the candidates still in the race, in fit order
    for k in range(len(kandidaten)):
        if in_de_race[k]:
            wachtend[keten_van[k]].append(k)
            for a in wacht_op[k]:
                afhankelijken[a].append(k)

    gepland_in: dict[int, int] = {}  # candidate place → slot index
    vrij = [float(c.weken) for c in slots]
    geplande_codes: list[list[str]] = [[] for _ in slots]

    def plan(k: int, s: int, ronde_slots: dict[str, list[int]], eerste: bool, te_bekijken: dict[int, set[int]],
             rij: list[int] | None) -> None:
        """Plan candidate k in slot s and wake the candidates that waited for it (see the loop below)."""
        gepland_in[k] = s
        vrij[s] -= weken_van[k]
        geplande_codes[s].append(kandidaten[k].code)
        for d in afhankelijken.get(k, ()):
            if d in gepland_in:
                continue
            for s2 in ronde_slots.get(keten_van[d], ()):
                if eerste and (s2 > s or (s2 == s and d > k)):
                    continue  # the first pass still comes past d there
                if s2 == s and d > k:
                    heapq.heappush(rij, d)  # still ahead in this slot's pass
                else:
                    te_bekijken[s2].add(d)

    # Rounds: the slots that start on the same day. The first pass of a round looks at every waiting candidate of
    # each slot's chain in ranked order; later passes only at those a new plan woke (their dependency got planned):
    # the others did not fit or still wait, and capacity only shrinks, so a full pass would plan nothing more.
    begin = 0
    while begin < len(slots):
        einde = begin
        while einde < len(slots) and slots[einde].periode.van == slots[begin].periode.van:
            einde += 1
        ronde = range(begin, einde)
        ronde_slots: dict[str, list[int]] = defaultdict(list)
        for s in ronde:
            ronde_slots[slots[s].keten_sleutel].append(s)
        te_bekijken: dict[int, set[int]] = {s: set() for s in ronde}
        for s in ronde:  # the first pass
            for k in wachtend.get(slots[s].keten_sleutel, ()):
                if vrij[s] <= 0:
                    break
                if weken_van[k] > vrij[s] or k in gepland_in:
                    continue
                wachten = wacht_op[k]
                if wachten and not all(a in gepland_in for a in wachten):
                    continue
                plan(k, s, ronde_slots, True, te_bekijken, None)
        while any(te_bekijken.values()):  # the fixpoint
            for s in ronde:
                rij = sorted(te_bekijken[s])
                te_bekijken[s] = set()
                while rij:
                    k = heapq.heappop(rij)
                    if k in gepland_in or weken_van[k] > vrij[s] or not all(a in gepland_in for a in wacht_op[k]):
                        continue
                    plan(k, s, ronde_slots, False, te_bekijken, rij)
        for keten in ronde_slots:
            if keten in wachtend:
                wachtend[keten] = [k for k in wachtend[keten] if k not in gepland_in]
        begin = einde

    # What did not get planned, and why: the first reason that applies.
    eerste_van: dict[str, object] = {}
    for c in slots:
        eerste_van.setdefault(c.keten_sleutel, c.periode.van)
    gepland_als: dict[tuple, Uitkomst] = {}
    niet_gepland: dict[tuple, Uitkomst] = {}
    for k, m in enumerate(kandidaten):
        naam = namen[m.keten_sleutel]
        if k in gepland_in:
            s = gepland_in[k]
            rij = gepland_als.get((s, weken_van[k]))
            if rij is None:
                c = slots[s]
                rij = gepland_als[(s, weken_van[k])] = Uitkomst(
                    "gepland", f"{c.periode.tekst}, {naam}: {getal(weken_van[k])} van {getal(c.weken)} weken",
                    naam, c.periode)
            uitkomsten[m.id] = rij
            continue
        reden = geblokkeerd[k]
        if reden is None:
            for a in wacht_op[k]:
                if a not in gepland_in:
                    reden = f"wacht op {kandidaten[a].code}, dat niet past"
                    break
        if reden is None and te_groot[k]:
            reden = f"groter dan elke periode (max. {getal(max_per_keten[m.keten_sleutel])} weken)"
        if reden is None and wacht_op[k]:
            # Every dependency got planned; the one planned last kept this measure out of its chain's earlier slots.
            laatste = None
            for a in wacht_op[k]:
                if laatste is None or slots[gepland_in[a]].periode.van > slots[gepland_in[laatste]].periode.van:
                    laatste = a
            c = slots[gepland_in[laatste]]
            if c.periode.van > eerste_van[m.keten_sleutel]:
                reden = (f"wacht op {kandidaten[laatste].code} (gepland in {c.periode.tekst}); daarna geen ruimte "
                         "meer")
        reden = reden or "geen ruimte meer in de capaciteit"
        rij = niet_gepland.get((reden, naam))
        if rij is None:
            rij = niet_gepland[(reden, naam)] = Uitkomst("past_niet", reden, naam)
        uitkomsten[m.id] = rij

    vakken = tuple(Capaciteitsvak(namen[c.keten_sleutel], c.keten_sleutel, c.periode, c.weken, c.weken - vrij[s],
                                  tuple(geplande_codes[s])) for s, c in enumerate(slots))
    geblokkeerd_zonder = tuple(m.code for m in v.iv_geblokkeerd
                               if uitkomsten[m.id].soort not in ("gepland", "besloten_niet"))
    return Plan(v.rangorde, uitkomsten, vakken, v.kringlopen, geblokkeerd_zonder, namen, v.plaats_in_keten)
