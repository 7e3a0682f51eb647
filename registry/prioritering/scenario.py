"""Scenarios (issue 9): try a chain's capacity or a measure's inputs on top of the register, see what moves in or out,
and save it as a decision. Nothing is written until bewaar_scenario, and then in one unit of work."""

from dataclasses import fields, replace
from datetime import date
from operator import attrgetter

from sqlmodel import Session

from registry.fouten import ConflictFout, NietGevonden, ValidatieFout
from registry.maatregel import GETALVELDEN, KEUZEVELDEN, controleer_weken, wijzig_maatregel
from registry.prioritering import besluit, capaciteit
from registry.prioritering.inpassing import maak_plan
from registry.prioritering.invoer import lees_invoer
from registry.prioritering.model import (SCENARIOVELDEN, BesluitRij, Capaciteit, Plan, Prioinvoer,
                                         Prioriteringsinvoer, Scenario, Uitkomst, Verschuiving)
from registry.prioritering.rangorde import codevolgorde, getal
from registry.tekst import controleer_tekst
from registry.vocabulaire import PRIORITEIT

#: How a changed measure input is named in the decision's lines.
VELDLABELS = {"verwacht_effect": "verwacht effect", "effect_basis": "basis van het effect", "iv_weken": "IV-weken",
              "iv_omvang": "IV-omvang", "personeel_weken": "personeelsweken", "prioriteit": "prioriteit"}
#: The measure inputs bewaar_scenario writes through wijzig_maatregel (prioriteit goes through besluit.py).
_MAATREGELVELDEN = ("iv_weken", "iv_omvang", "personeel_weken", "verwacht_effect", "effect_basis")


def controleer_waarde(veld: str, waarde):
    """A scenario value as the register would store it (ValidatieFout otherwise)."""
    if veld in GETALVELDEN:
        return controleer_weken(waarde, veld, GETALVELDEN[veld])
    if veld == "prioriteit":
        return PRIORITEIT.controleer(waarde, veld)
    if veld in KEUZEVELDEN:
        return KEUZEVELDEN[veld].controleer(waarde, veld)
    raise ValidatieFout(f"{veld} is geen scenarioveld.", veld)


def _vind(capaciteiten, sleutel: str | None, periode) -> int | None:
    for i, c in enumerate(capaciteiten):
        if c.keten_sleutel == sleutel and (c.periode.van, c.periode.tot) == (periode.van, periode.tot):
            return i
    return None


def _capaciteitswijzigingen(invoer: Prioriteringsinvoer, scenario: Scenario):
    """Per scenario capacity: (chain as typed, Periode, existing Capaciteit or None, new weeks or None), skipping
    what changes nothing (a removal of what is not there, the same weeks); by period, then chain."""
    uit = []
    for (sleutel, _, _), (tekst, periode, weken) in scenario.capaciteit.items():
        if weken is not None:  # checked by met_capaciteit; again here for a scenario made by hand
            weken = capaciteit.controleer_capaciteit(tekst, periode, weken)[2]
        i = _vind(invoer.capaciteiten, sleutel, periode)
        bestaand = invoer.capaciteiten[i] if i is not None else None
        if (bestaand is None and weken is None) or (bestaand is not None and bestaand.weken == weken):
            continue
        uit.append((tekst, periode, bestaand, weken))
    uit.sort(key=lambda w: (w[1].van, w[1].tot, capaciteit.keten_sleutel(w[0])))
    return uit


def _capaciteiten_na(invoer: Prioriteringsinvoer, scenario: Scenario) -> tuple[Capaciteit, ...]:
    """The capacity slots as they would be with the scenario's capacity changes."""
    capaciteiten = list(invoer.capaciteiten)
    for tekst, periode, bestaand, weken in _capaciteitswijzigingen(invoer, scenario):
        if bestaand is None:
            capaciteiten.append(Capaciteit(None, tekst, capaciteit.keten_sleutel(tekst), periode, weken))
            continue
        i = capaciteiten.index(bestaand)
        if weken is None:
            del capaciteiten[i]
        else:
            capaciteiten[i] = replace(bestaand, weken=weken)
    capaciteiten.sort(key=lambda c: (c.periode.van, c.keten_sleutel, c.periode.tot, c.id or 0))
    return tuple(capaciteiten)


def met_capaciteit(invoer: Prioriteringsinvoer, scenario: Scenario, keten, periode, weken) -> Scenario:
    """The scenario with a chain's capacity in a period set to `weken` (None removes the slot).

    Checked as the register would (ValidatieFout on "keten", "periode" or "weken"; a period overlapping another slot
    of the chain is refused). Any spelling of the chain and period is the same entry ("Innen", "2027-H1" and
    "innen", "H1 2027"); the register's own value drops the entry: back to no change.
    """
    tekst, p, _ = capaciteit.controleer_capaciteit(keten, periode, 0)
    if weken is not None:
        weken = capaciteit.controleer_capaciteit(tekst, p, weken)[2]
    sleutel = (capaciteit.keten_sleutel(tekst), p.van, p.tot)
    rest = replace(scenario, capaciteit={k: v for k, v in scenario.capaciteit.items() if k != sleutel})
    i = _vind(invoer.capaciteiten, sleutel[0], p)
    bestaand = invoer.capaciteiten[i] if i is not None else None
    if (bestaand is None and weken is None) or (bestaand is not None and bestaand.weken == weken):
        return rest
    if weken is not None:
        na = _capaciteiten_na(invoer, rest)
        capaciteit.weiger_overlap(p, capaciteit.overlappende(sleutel[0], p, na))
        if bestaand is None:
            tekst = capaciteit.gevestigde_schrijfwijze(tekst, na)
    return replace(scenario, capaciteit={**scenario.capaciteit, sleutel: (tekst, p, weken)})


def met_invoer(invoer: Prioriteringsinvoer, scenario: Scenario, maatregel_id: int, veld: str, waarde) -> Scenario:
    """The scenario with a measure input (a SCENARIOVELDEN field) set, checked as the register would
    (ValidatieFout); the register's own value drops the field: back to no change."""
    if veld not in SCENARIOVELDEN:
        raise ValidatieFout(f"{veld} is geen scenarioveld.", veld)
    waarde = controleer_waarde(veld, waarde)
    m = next((m for m in invoer.maatregelen if m.id == maatregel_id), None)
    if m is None:
        raise NietGevonden("Deze maatregel staat niet (meer) in het register; laad de prioritering opnieuw.")
    velden = dict(scenario.invoer.get(maatregel_id, {}))
    if waarde == getattr(m, veld):
        velden.pop(veld, None)
    else:
        velden[veld] = waarde
    nieuw = dict(scenario.invoer)  # a measure changed again keeps its place
    if velden:
        nieuw[maatregel_id] = velden
    else:
        nieuw.pop(maatregel_id, None)
    return replace(scenario, invoer=nieuw)


def aantal_wijzigingen(scenario: Scenario) -> int:
    """The number of changes the scenario holds: each capacity slot and each measure field counts one."""
    return len(scenario.capaciteit) + sum(len(v) for v in scenario.invoer.values())


def _maatregelwijzigingen(invoer: Prioriteringsinvoer, scenario: Scenario) -> list[tuple[Prioinvoer, dict]]:
    """Per changed measure (in code order): the row and its fields that really change, validated."""
    if not scenario.invoer:
        return []
    per_id = {m.id: m for m in invoer.maatregelen if m.id in scenario.invoer}
    uit = []
    for mid, velden in scenario.invoer.items():
        m = per_id.get(mid)
        if m is None:
            continue  # not (or no longer) in the register
        nieuw = {}
        for veld, waarde in velden.items():
            if veld not in SCENARIOVELDEN:
                raise ValidatieFout(f"{veld} is geen scenarioveld.", veld)
            waarde = controleer_waarde(veld, waarde)
            if waarde != getattr(m, veld):
                nieuw[veld] = waarde
        if nieuw:
            uit.append((m, nieuw))
    uit.sort(key=lambda p: codevolgorde(p[0].code))
    return uit


#: The last measures pas_toe made: (the register's tuple, the scenario's measure changes, the changed tuple). A
#: scenario whose capacity changes keeps its measure changes: the very same tuple comes back, and the fit reuses
#: its ranking (inpassing keeps the last preparations by tuple). Replaced whole: safe for a reader in another thread.
_LAATSTE_MAATREGELEN: tuple = ()


def pas_toe(invoer: Prioriteringsinvoer, scenario: Scenario) -> Prioriteringsinvoer:
    """The invoer as it would be with the scenario's changes; the register is not touched."""
    global _LAATSTE_MAATREGELEN
    if scenario.is_leeg:
        return invoer
    capaciteiten = _capaciteiten_na(invoer, scenario) if scenario.capaciteit else invoer.capaciteiten
    laatste = _LAATSTE_MAATREGELEN
    if laatste and laatste[0] is invoer.maatregelen and laatste[1] == scenario.invoer:
        return replace(invoer, maatregelen=laatste[2], capaciteiten=capaciteiten)
    vervangen = {m.id: replace(m, **velden) for m, velden in _maatregelwijzigingen(invoer, scenario)}
    maatregelen = (tuple(vervangen.get(m.id, m) for m in invoer.maatregelen) if vervangen
                   else invoer.maatregelen)
    if isinstance(invoer.maatregelen, tuple):  # frozen rows in a tuple cannot change behind our back
        _LAATSTE_MAATREGELEN = (invoer.maatregelen, {i: dict(v) for i, v in scenario.invoer.items()}, maatregelen)
    return replace(invoer, maatregelen=maatregelen, capaciteiten=capaciteiten)


def _richting(huidig: Uitkomst, ander: Uitkomst) -> str | None:
    if huidig.gepland and ander.gepland:
        return "verschoven" if huidig.periode != ander.periode else None
    if ander.gepland:
        return "erin"
    if huidig.gepland:
        return "eruit"
    return "anders" if huidig.soort != ander.soort else None


def vergelijk(huidig: Plan, ander: Plan) -> tuple[Verschuiving, ...]:
    """The measures whose outcome differs (in or out, another period, another kind), in the rank order of `ander`.

    A different reason alone (e.g. "wacht op" instead of "geen ruimte") is no shift."""
    uit = []
    oud, nieuw = huidig.uitkomsten, ander.uitkomsten
    # A plan shares its outcome rows (one per kind, reason and chain; one per slot and weeks): compare each pair of
    # rows once, not once per measure (10,000 on every scenario change). Both plans keep the rows alive, so their
    # ids stay theirs while this runs.
    richtingen: dict[tuple[int, int], str | None] = {}
    for regel in ander.rangorde:
        m = regel.maatregel
        h = oud.get(m.id)
        s = nieuw[m.id]
        if h is None or h is s:
            continue
        paar = (id(h), id(s))
        if paar in richtingen:
            richting = richtingen[paar]
        else:
            richting = richtingen[paar] = _richting(h, s)
        if richting is not None:
            uit.append(Verschuiving(m.code, m.naam, h, s, richting))
    return tuple(uit)


def _tekst(veld: str, waarde) -> str:
    if waarde is None:
        return "leeg"
    if veld in GETALVELDEN:
        return getal(waarde)
    if veld == "prioriteit":
        return PRIORITEIT.label(waarde)
    if veld in KEUZEVELDEN:
        return KEUZEVELDEN[veld].label(waarde)
    return str(waarde)


def beschrijf(invoer: Prioriteringsinvoer, scenario: Scenario) -> list[str]:
    """The scenario's changes as Dutch lines (what a decision records); empty when it changes nothing."""
    regels = []
    for tekst, periode, bestaand, weken in _capaciteitswijzigingen(invoer, scenario):
        if bestaand is None:
            regels.append(f"Capaciteit {tekst}, {periode.tekst}: nieuw, {getal(weken)} weken")
        elif weken is None:
            regels.append(f"Capaciteit {bestaand.keten}, {bestaand.periode.tekst}: vervalt "
                          f"(was {getal(bestaand.weken)} weken)")
        else:
            regels.append(f"Capaciteit {bestaand.keten}, {bestaand.periode.tekst}: {getal(bestaand.weken)} → "
                          f"{getal(weken)} weken")
    for m, velden in _maatregelwijzigingen(invoer, scenario):
        for veld in SCENARIOVELDEN:
            if veld in velden:
                regels.append(f"{m.code} {m.naam}: {VELDLABELS[veld]} {_tekst(veld, getattr(m, veld))} → "
                              f"{_tekst(veld, velden[veld])}")
    return regels


def gevolgen(verschuivingen) -> list[str]:
    """What moved, as Dutch lines: "Erin: TV-03 Naam (2027-H1)", "Eruit: …", "Verschoven: … 2027-H1 → 2027-H2"."""
    regels = []
    for v in verschuivingen:
        wie = f"{v.code} {v.naam}"
        if v.richting == "erin":
            regels.append(f"Erin: {wie} ({v.scenario.periode.tekst})")
        elif v.richting == "eruit":
            regels.append(f"Eruit: {wie} (was {v.huidig.periode.tekst}; nu: {v.scenario.reden})")
        elif v.richting == "verschoven":
            regels.append(f"Verschoven: {wie} {v.huidig.periode.tekst} → {v.scenario.periode.tekst}")
        else:
            regels.append(f"Anders: {wie}: {v.huidig.kort()} → {v.scenario.kort()}")
    return regels


_ZONDER_VERSIE = attrgetter(*(f.name for f in fields(Prioinvoer) if f.name != "versie"))
_HERLADEN = "Laad de prioritering opnieuw; uw scenario blijft staan en u kunt het daarna opnieuw opslaan."


def _controleer_actueel(invoer: Prioriteringsinvoer, nu_: Prioriteringsinvoer, scenario: Scenario) -> None:
    """Refuse when the register changed since `invoer` was read: a measure or capacity the scenario writes (by
    version), or anything the plan depends on (then the recorded consequences would not be what the user saw)."""
    actueel = {m.id: m for m in nu_.maatregelen}
    for mid in scenario.invoer:
        oud, nieuw = next((m for m in invoer.maatregelen if m.id == mid), None), actueel.get(mid)
        if oud is not None and (nieuw is None or nieuw.versie != oud.versie):
            raise ConflictFout(f"Maatregel {oud.code} is intussen door iemand anders gewijzigd; het scenario is niet "
                               f"opgeslagen. {_HERLADEN}")
    for (sleutel, _, _), (keten, periode, _) in scenario.capaciteit.items():
        i, j = _vind(invoer.capaciteiten, sleutel, periode), _vind(nu_.capaciteiten, sleutel, periode)
        oud = invoer.capaciteiten[i] if i is not None else None
        nieuw = nu_.capaciteiten[j] if j is not None else None
        if (oud is None) != (nieuw is None) or (oud is not None and oud.versie != nieuw.versie):
            raise ConflictFout(f"De capaciteit van {keten} in {periode.tekst} is intussen door iemand anders "
                               f"gewijzigd; het scenario is niet opgeslagen. {_HERLADEN}")
    if len(actueel) != len(invoer.maatregelen) or any(
            m.id not in actueel or _ZONDER_VERSIE(actueel[m.id]) != _ZONDER_VERSIE(m) for m in invoer.maatregelen):
        raise ConflictFout(f"Het register is intussen door iemand anders gewijzigd; het scenario is niet opgeslagen. "
                           f"{_HERLADEN}")
    zonder_id = [(c.keten_sleutel, c.periode.van, c.periode.tot, c.weken) for c in invoer.capaciteiten]
    if sorted(zonder_id) != sorted((c.keten_sleutel, c.periode.van, c.periode.tot, c.weken) for c in nu_.capaciteiten):
        raise ConflictFout(f"De IV-capaciteit is intussen door iemand anders gewijzigd; het scenario is niet "
                           f"opgeslagen. {_HERLADEN}")


def bewaar_scenario(sessie: Session, invoer: Prioriteringsinvoer, scenario: Scenario, motivatie: str, gebruiker: str,
                    datum: date | None = None) -> BesluitRij:
    """Write the scenario's capacities and measure inputs and record them as one decision, with what moved.

    Call inside one unit of work (register.werk()): a refusal half-way leaves nothing behind. Refused with a
    ValidatieFout without a motivation or when the scenario changes nothing, with a ConflictFout when the register
    changed since `invoer` was read (checked before anything is written).
    """
    if controleer_tekst("Motivatie", motivatie, veld="motivatie") is None:
        raise ValidatieFout("Motivatie is verplicht: schrijf op waarom het scenario wordt vastgelegd.", "motivatie")
    wijzigingen = beschrijf(invoer, scenario)
    if not wijzigingen:
        raise ValidatieFout("Het scenario wijzigt niets: er is niets om vast te leggen.", "scenario")
    _controleer_actueel(invoer, lees_invoer(sessie), scenario)
    regels = gevolgen(vergelijk(maak_plan(invoer), maak_plan(pas_toe(invoer, scenario))))

    # Removals first: a slot that replaces a removed one (2027 for 2027-H1 and 2027-H2) must not meet it.
    for tekst, periode, bestaand, weken in sorted(_capaciteitswijzigingen(invoer, scenario),
                                                  key=lambda w: w[3] is not None):
        versie = bestaand.versie if bestaand is not None else None
        if weken is None:
            capaciteit.verwijder_capaciteit(sessie, tekst, periode, gebruiker, versie=versie)
        else:
            capaciteit.zet_capaciteit(sessie, tekst, periode, weken, gebruiker, versie=versie)
    for m, velden in _maatregelwijzigingen(invoer, scenario):
        versie = m.versie
        invoer_velden = {veld: velden[veld] for veld in _MAATREGELVELDEN if veld in velden}
        if invoer_velden:
            versie = wijzig_maatregel(sessie, m.code, invoer_velden, gebruiker, versie).versie
        if "prioriteit" in velden:
            besluit.leg_prioriteit_vast(sessie, m.code, velden["prioriteit"], motivatie, gebruiker, versie, datum)
    return besluit.registreer_besluit(sessie, motivatie, wijzigingen, regels, gebruiker, datum)
