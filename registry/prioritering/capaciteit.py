"""IV capacity per chain and period (issue 9): the IV-weeks a chain can spend in a period, entered by the user."""

from collections.abc import Iterable

from sqlalchemy import insert, update
from sqlmodel import Session, select

from registry.fouten import ConflictFout, NietGevonden, ValidatieFout
from registry.maatregel import controleer_weken
from registry.planning import OngeldigeDatum, Periode, parse_periode
from registry.prioritering.model import Capaciteit
from registry.tabellen import IvCapaciteit
from registry.tekst import controleer_tekst, vergelijkbaar
from registry.wijzigingslog import claim_versie, log_wijzigingen

MAX_KETENLENGTE = 200
_ENTITEIT = "capaciteit"


def keten_sleutel(keten: str | None) -> str | None:
    """The form chains are matched in: case, accents and spacing ignored ("Innen en Betalen" = "innen en  betalen ").

    Used on both sides: a measure's iv_keten (Prioinvoer.keten_sleutel) and a capacity's chain (keten_zoek).
    """
    return vergelijkbaar(keten) or None


def controleer_capaciteit(keten, periode, weken) -> tuple[str, Periode, float]:
    """Validate a capacity as typed: the chain (required; trimmed, runs of blanks as one), the period (a vague date,
    not "onbekend") and the IV-weeks."""
    tekst = " ".join(controleer_tekst("IV-keten", keten, verplicht=True, veld="keten").split())
    if len(tekst) > MAX_KETENLENGTE:
        raise ValidatieFout(f"IV-keten is te lang: {len(tekst)} tekens, het maximum is {MAX_KETENLENGTE}.", "keten")
    return tekst, _als_periode(periode), _als_weken(weken)


def _als_periode(periode) -> Periode:
    if isinstance(periode, Periode):
        return periode
    if periode is None or (isinstance(periode, str) and not periode.strip()):
        raise ValidatieFout("Periode is verplicht: bijvoorbeeld 2027-H1, Q3 2027 of 2027.", "periode")
    if isinstance(periode, str) and periode.strip().lower() == "onbekend":
        raise ValidatieFout("Capaciteit hoort bij een bekende periode: bijvoorbeeld 2027-H1, Q3 2027 of 2027.",
                            "periode")
    try:
        return parse_periode(str(periode))
    except OngeldigeDatum as fout:
        raise ValidatieFout(f"Periode: {fout}", "periode") from fout


def _als_weken(weken) -> float:
    getal = controleer_weken(weken, "weken", "Capaciteit")
    if getal is None:
        raise ValidatieFout("Capaciteit: vul het aantal IV-weken in (0 of meer).", "weken")
    return getal


def _rij(c) -> Capaciteit:
    return Capaciteit(id=c.id, keten=c.keten, keten_sleutel=c.keten_zoek,
                      periode=Periode(c.periode_tekst, c.periode_van, c.periode_tot), weken=c.weken,
                      toelichting=c.toelichting, versie=c.versie)


def capaciteiten(sessie: Session) -> list[Capaciteit]:
    """Every capacity slot, by period start, then chain (then period end)."""
    tabel = IvCapaciteit.__table__
    rijen = sessie.execute(select(tabel)).all()
    return [_rij(c) for c in sorted(rijen, key=lambda c: (c.periode_van, c.keten_zoek, c.periode_tot, c.id))]


def overlappende(sleutel: str | None, periode: Periode, capaciteiten: Iterable[Capaciteit]) -> Capaciteit | None:
    """The first slot (by start) of the same chain whose days overlap `periode` without being the same days."""
    geraakt = [c for c in capaciteiten if c.keten_sleutel == sleutel and _overlapt(c.periode, periode)]
    return min(geraakt, key=lambda c: (c.periode.van, c.periode.tot), default=None)


def gevestigde_schrijfwijze(keten: str, capaciteiten: Iterable[Capaciteit]) -> str:
    """The spelling a chain already has in the capacity (its earliest slot's), else `keten` as given: a new slot
    typed "innen en betalen" must not rename the chain everywhere the plan shows it."""
    sleutel = keten_sleutel(keten)
    eerste = min((c for c in capaciteiten if c.keten_sleutel == sleutel),
                 key=lambda c: (c.periode.van, c.periode.tot), default=None)
    return eerste.keten if eerste is not None else keten


def _overlapt(a: Periode, b: Periode) -> bool:
    return (a.van, a.tot) != (b.van, b.tot) and a.van <= b.tot and b.van <= a.tot


def weiger_overlap(periode: Periode, ander: Capaciteit | None) -> None:
    """Refuse a slot overlapping another of its chain: the fit would spend the same weeks twice."""
    if ander is not None:
        raise ValidatieFout(f"{periode.tekst} overlapt met {ander.periode.tekst} van {ander.keten}: kies periodes die "
                            "elkaar niet overlappen.", "periode")


def _logsleutel(c: IvCapaciteit) -> str:
    """The change log's key for a slot (Wijziging.sleutel holds 60 characters)."""
    return f"{c.keten} {c.periode_tekst}"[:60]


def _zoek(sessie: Session, sleutel: str, periode: Periode) -> IvCapaciteit | None:
    return sessie.exec(select(IvCapaciteit).where(IvCapaciteit.keten_zoek == sleutel,
                                                  IvCapaciteit.periode_van == periode.van,
                                                  IvCapaciteit.periode_tot == periode.tot)).first()


def _gelogd(c: IvCapaciteit | None) -> dict:
    if c is None:
        return {}
    return {"keten": c.keten, "periode": c.periode_tekst, "weken": c.weken, "toelichting": c.toelichting}


def zet_capaciteit(sessie: Session, keten, periode, weken, gebruiker: str, toelichting: str | None = None, *,
                   versie: int | None = None) -> Capaciteit:
    """Set the IV-weeks of a chain in a period: a new slot, or the one with the same chain and the same days.

    "Innen en Betalen" and "innen en betalen " are one chain, "2027-H1" and "H1 2027" one period; the slot keeps
    the chain and period as first typed (also the change log's key, so the slot's history stays together). A period
    overlapping another slot of the chain (2027 beside 2027-H1) is refused: the same weeks would count twice.
    `toelichting` None keeps the slot's explanation, a blank text clears it.
    With `versie` (the slot's version as read) a slot changed or removed since is refused with a ConflictFout;
    without it the newest value wins.
    """
    keten, periode, weken = controleer_capaciteit(keten, periode, weken)
    uitleg = controleer_tekst("Toelichting", toelichting)
    sleutel = keten_sleutel(keten)
    tabel = IvCapaciteit.__table__
    buren = sessie.execute(select(tabel).where(tabel.c.keten_zoek == sleutel, tabel.c.periode_van <= periode.tot,
                                               tabel.c.periode_tot >= periode.van)).all()
    weiger_overlap(periode, overlappende(sleutel, periode, (_rij(c) for c in buren)))
    bestaand = _zoek(sessie, sleutel, periode)
    if bestaand is None:
        keten = gevestigde_schrijfwijze(keten, (_rij(c) for c in sessie.execute(
            select(tabel).where(tabel.c.keten_zoek == sleutel)).all()))
        if versie is not None:
            raise ConflictFout(f"De capaciteit van {keten} in {periode.tekst} is intussen door iemand anders "
                               "verwijderd; uw wijziging is niet opgeslagen. Laad de capaciteit opnieuw.")
        waarden = {"keten": keten, "keten_zoek": sleutel, "periode_tekst": periode.tekst, "periode_van": periode.van,
                   "periode_tot": periode.tot, "weken": weken, "toelichting": uitleg, "versie": 1}
        if not _voeg_toe(sessie, waarden):
            raise ConflictFout(f"Iemand anders heeft intussen capaciteit voor {keten} in {periode.tekst} ingevoerd; "
                               "uw invoer is niet opgeslagen. Laad de capaciteit opnieuw en voer hem daarna opnieuw "
                               "in.")
        nieuw = _zoek(sessie, sleutel, periode)
        log_wijzigingen(sessie, _ENTITEIT, _logsleutel(nieuw), {}, _gelogd(nieuw), gebruiker, 1)
        return _rij(nieuw)
    oud, logsleutel = _gelogd(bestaand), _logsleutel(bestaand)
    if versie is not None:
        claim_versie(sessie, IvCapaciteit, bestaand.id, versie, _ENTITEIT, logsleutel)
    else:  # still bump the version in the database, so that a reader holding the old one is refused
        sessie.execute(update(IvCapaciteit).where(IvCapaciteit.id == bestaand.id)
                       .values(versie=IvCapaciteit.versie + 1).execution_options(synchronize_session=False))
    sessie.refresh(bestaand)
    nieuwe_versie = bestaand.versie
    bestaand.weken = weken
    if toelichting is not None:
        bestaand.toelichting = uitleg
    sessie.add(bestaand)
    sessie.flush()
    log_wijzigingen(sessie, _ENTITEIT, logsleutel, oud, _gelogd(bestaand), gebruiker, nieuwe_versie)
    return _rij(bestaand)


def _voeg_toe(sessie: Session, waarden: dict) -> bool:
    """Insert unless a colleague has just inserted the same slot (the unique key decides, not a look first)."""
    dialect = sessie.get_bind().dialect.name
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as dialect_insert
    elif dialect == "sqlite":
        from sqlalchemy.dialects.sqlite import insert as dialect_insert
    else:
        sessie.execute(insert(IvCapaciteit.__table__).values(**waarden))
        return True
    tabel = IvCapaciteit.__table__
    opdracht = dialect_insert(tabel).values(**waarden).on_conflict_do_nothing().returning(tabel.c.id)
    return sessie.execute(opdracht).first() is not None


def verwijder_capaciteit(sessie: Session, keten, periode, gebruiker: str, *, versie: int | None = None) -> None:
    """Remove a chain's capacity in a period (matched like zet_capaciteit); the change log keeps what it was."""
    tekst = controleer_tekst("IV-keten", keten, verplicht=True, veld="keten").strip()
    periode = _als_periode(periode)
    bestaand = _zoek(sessie, keten_sleutel(tekst), periode)
    if bestaand is None:
        raise NietGevonden(f"Er is geen capaciteit voor {tekst} in {periode.tekst}.")
    if versie is not None:
        claim_versie(sessie, IvCapaciteit, bestaand.id, versie, _ENTITEIT, _logsleutel(bestaand))
    log_wijzigingen(sessie, _ENTITEIT, _logsleutel(bestaand), _gelogd(bestaand),
                    {veld: None for veld in _gelogd(bestaand)}, gebruiker, None)
    sessie.delete(bestaand)
    sessie.flush()

