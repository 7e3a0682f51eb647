"""Prioritering decisions (issue 9): a measure's prioriteit and a hand-set rank, each with its motivation, date and
who; and the record of a saved scenario. The change log keeps every earlier decision."""

from datetime import date, datetime

from sqlmodel import Session, select

from registry.fouten import ValidatieFout
from registry.maatregel import MaatregelDetail, _maatregel, haal_maatregel
from registry.prioritering.model import BesluitRij
from registry.tabellen import Maatregel, Prioriteringsbesluit, nu
from registry.tekst import controleer_tekst
from registry.vocabulaire import PRIORITEIT
from registry.wijzigingslog import claim_versie, log_wijzigingen

MAX_RANG = 1_000_000  # far beyond any register; keeps the number inside a database integer



#: What a decision does in the fit (inpassing.maak_plan); the ranking itself stays score and hand-set place.
BESLUITEFFECT: dict[str, str] = {"nu": "Nu: gaat bij het inpassen vóór maatregelen zonder besluit",
                                 "later": "Later: komt bij het inpassen na alle andere",
                                 "niet": "Niet: doet niet mee"}


def _motivatie(motivatie, verplicht: bool = True) -> str | None:
    tekst = controleer_tekst("Motivatie", motivatie, verplicht=False, veld="motivatie")
    if verplicht and tekst is None:
        raise ValidatieFout("Motivatie is verplicht: schrijf op waarom.", "motivatie")
    return tekst


def _datum(datum) -> date:
    if datum is None:
        return date.today()
    if not isinstance(datum, date):
        raise ValidatieFout("Datum: kies een datum.", "datum")
    return datum.date() if isinstance(datum, datetime) else datum


def _wijzig(sessie: Session, code: str, velden: dict, gebruiker: str, versie: int) -> MaatregelDetail:
    """Write validated decision fields on a measure: refused when it changed since `versie`; each change logged."""
    m = _maatregel(sessie, code)
    nieuwe_versie = claim_versie(sessie, Maatregel, m.id, versie, "maatregel", m.code)
    sessie.refresh(m)
    oud = {veld: getattr(m, veld) for veld in velden}
    for veld, waarde in velden.items():
        setattr(m, veld, waarde)
    m.gewijzigd_op = nu()
    sessie.add(m)
    sessie.flush()
    log_wijzigingen(sessie, "maatregel", m.code, oud, velden, gebruiker, nieuwe_versie)
    return haal_maatregel(sessie, m.code)


def leg_prioriteit_vast(sessie: Session, code: str, prioriteit: str | None, motivatie: str | None, gebruiker: str,
                        versie: int, datum: date | None = None) -> MaatregelDetail:
    """Decide a measure's prioriteit (nu, later, niet), or clear it (None), always with a motivation.

    The measure then names the decision's motivation, date (default today) and who; clearing records those too, so
    the register says who withdrew a decision and why. Earlier decisions stay in the change log.
    """
    prioriteit = PRIORITEIT.controleer(prioriteit, "prioriteit")
    velden = {"prioriteit": prioriteit, "prioriteit_motivatie": _motivatie(motivatie),
              "prioriteit_datum": _datum(datum), "prioriteit_door": gebruiker}
    return _wijzig(sessie, code, velden, gebruiker, versie)


def controleer_rang(rang) -> int | None:
    """A hand-set place in the ranking: a whole number from 1 (first), or None for the score's own order."""
    if rang is None:
        return None
    if isinstance(rang, bool) or not isinstance(rang, int):
        raise ValidatieFout("Rang: vul een heel getal in (1 is de eerste plaats).", "rang")
    if rang < 1:
        raise ValidatieFout("Rang: de eerste plaats is 1; kies 1 of hoger.", "rang")
    if rang > MAX_RANG:
        raise ValidatieFout(f"Rang: hoogstens {MAX_RANG:,}.".replace(",", "."), "rang")
    return rang


def zet_rang(sessie: Session, code: str, rang: int | None, motivatie: str | None, gebruiker: str,
             versie: int, datum: date | None = None) -> MaatregelDetail:
    """Place a measure by hand in the ranking (1 = first), overriding its score, with a motivation; None returns it
    to its place by score (a motivation is then optional). Date (default today) and who are recorded either way,
    like a prioriteit: the register says who set or withdrew the place."""
    rang = controleer_rang(rang)
    velden = {"rang_handmatig": rang, "rang_motivatie": _motivatie(motivatie, verplicht=rang is not None),
              "rang_datum": _datum(datum), "rang_door": gebruiker}
    return _wijzig(sessie, code, velden, gebruiker, versie)


def _datumtekst(d: date | None) -> str:
    return d.strftime("%d-%m-%Y") if d else ""


def _met_wanneer(tekst: str, motivatie: str | None, datum: date | None, door: str | None) -> str:
    if motivatie:
        tekst += f" — {motivatie}"
    wanneer = ", ".join(filter(None, (_datumtekst(datum), door)))
    return f"{tekst} ({wanneer})" if wanneer else tekst


def besluittekst(prioriteit: str | None, motivatie: str | None, datum: date | None, door: str | None) -> str:
    """"Nu — motivatie (12-11-2026, jan)"; empty without a decision."""
    if not prioriteit:
        return ""
    return _met_wanneer(PRIORITEIT.label(prioriteit) or prioriteit, motivatie, datum, door)


def rangtekst(rang: int | None, motivatie: str | None, datum: date | None, door: str | None) -> str:
    """"3 — motivatie (12-11-2026, jan)"; empty without a hand-set rank."""
    if rang is None:
        return ""
    return _met_wanneer(str(rang), motivatie, datum, door)


def besluit_van(m) -> str:
    """besluittekst of a measure's row (MaatregelDetail or Prioinvoer)."""
    return besluittekst(m.prioriteit, m.prioriteit_motivatie, m.prioriteit_datum, m.prioriteit_door)


def rang_van(m) -> str:
    """rangtekst of a measure's row (MaatregelDetail or Prioinvoer)."""
    return rangtekst(m.rang_handmatig, m.rang_motivatie, m.rang_datum, m.rang_door)


def _regels(label: str, regels) -> tuple[str, ...]:
    """Lines as stored one per line: a line break inside a line would split it on reading."""
    schoon = tuple(" ".join(str(r).split()) for r in (regels or ()))
    schoon = tuple(r for r in schoon if r)
    controleer_tekst(label, "\n".join(schoon), veld=label.lower())
    return schoon


def _besluitrij(b: Prioriteringsbesluit) -> BesluitRij:
    return BesluitRij(id=b.id, datum=b.datum, besloten_door=b.besloten_door, motivatie=b.motivatie,
                      wijzigingen=tuple(b.wijzigingen.split("\n")) if b.wijzigingen else (),
                      gevolgen=tuple(b.gevolgen.split("\n")) if b.gevolgen else (),
                      geregistreerd_op=b.geregistreerd_op)


def registreer_besluit(sessie: Session, motivatie: str, wijzigingen: list[str], gevolgen: list[str], gebruiker: str,
                       datum: date | None = None) -> BesluitRij:
    """Record a prioritering decision (a saved scenario): what changed, what it moved, why, when and who."""
    besluit = Prioriteringsbesluit(datum=_datum(datum), besloten_door=gebruiker, motivatie=_motivatie(motivatie),
                                   wijzigingen="\n".join(_regels("Wijzigingen", wijzigingen)),
                                   gevolgen="\n".join(_regels("Gevolgen", gevolgen)))
    sessie.add(besluit)
    sessie.flush()
    log_wijzigingen(sessie, "prioriteringsbesluit", str(besluit.id), {},
                    {"datum": besluit.datum, "besloten_door": besluit.besloten_door, "motivatie": besluit.motivatie},
                    gebruiker, None)
    return _besluitrij(besluit)


def besluiten(sessie: Session) -> list[BesluitRij]:
    """Every recorded decision, newest first."""
    rijen = sessie.exec(select(Prioriteringsbesluit).order_by(Prioriteringsbesluit.datum.desc(),
                                                              Prioriteringsbesluit.id.desc())).all()
    return [_besluitrij(b) for b in rijen]
