"""Aanbevelingen (recommendations) and their opvolging: adopted, carried out, or rejected with a written motivation."""

from dataclasses import dataclass
from datetime import date

from sqlalchemy import delete
from sqlmodel import Session, select

from registry.bron import bron_id
from registry.fouten import NietGevonden, ValidatieFout
from registry.maatregel import _maatregel
from registry.planning import OngeldigeDatum, parse_periode_of_leeg
from registry.tabellen import Aanbeveling, AanbevelingMaatregel, Bron, Maatregel
from registry.tekst import controleer_tekst, natuurlijke_sleutel
from registry.vocabulaire import OPVOLGING
from registry.wijzigingslog import claim_versie, log_wijzigingen


@dataclass(frozen=True)
class AanbevelingRij:
    id: int
    code: str
    titel: str
    tekst: str | None
    bron: str | None
    vindplaats: str | None
    nummer: str | None
    thema: str | None
    datum: date | None
    deadline: object  # Periode | None
    opvolging: str
    motivatie: str | None
    besloten_op: date | None
    besloten_door: str | None
    maatregelen: tuple[str, ...]
    versie: int


def _aanbeveling(sessie: Session, code: str) -> Aanbeveling:
    a = sessie.exec(select(Aanbeveling).where(Aanbeveling.code == str(code).strip())).first()
    if a is None:
        raise NietGevonden(f"Aanbeveling {code} bestaat niet.")
    return a


def controleer_opvolging(opvolging: str, motivatie: str | None) -> tuple[str, str | None]:
    """`afgewezen` is only valid with a written motivation (rejecting silently is what the register exists to stop)."""
    opvolging = OPVOLGING.controleer(opvolging, "opvolging", verplicht=True)
    motivatie = controleer_tekst("Motivatie", motivatie)
    if opvolging == "afgewezen" and not motivatie:
        raise ValidatieFout("Een afgewezen aanbeveling heeft een motivatie nodig: schrijf op waarom.", "motivatie")
    return opvolging, motivatie


def maak_aanbeveling(sessie: Session, code: str, titel: str, gebruiker: str, *, tekst: str | None = None,
                     bron: str | None = None, vindplaats: str | None = None, nummer: str | None = None,
                     thema: str | None = None, datum: date | None = None, deadline: str | None = None,
                     opvolging: str = "open", motivatie: str | None = None, besloten_op: date | None = None,
                     besloten_door: str | None = None, maatregelen: list[str] = ()) -> AanbevelingRij:
    code = (controleer_tekst("Code", code, verplicht=True) or "").strip()
    if len(code) > 40:
        raise ValidatieFout(f"Code is te lang: {len(code)} tekens, het maximum is 40.", "code")
    if sessie.exec(select(Aanbeveling.id).where(Aanbeveling.code == code)).first() is not None:
        raise ValidatieFout(f"Er is al een aanbeveling met code {code}.", "code")
    opvolging, motivatie = controleer_opvolging(opvolging, motivatie)
    try:
        termijn = parse_periode_of_leeg(deadline)
    except OngeldigeDatum as fout:
        raise ValidatieFout(f"Deadline: {fout}", "deadline") from fout
    a = Aanbeveling(code=code, titel=controleer_tekst("Titel", titel, verplicht=True), tekst=controleer_tekst(
        "Tekst", tekst), bron_id=bron_id(sessie, bron), vindplaats=controleer_tekst("Vindplaats", vindplaats),
        nummer=nummer, thema=thema, datum=datum, opvolging=opvolging, motivatie=motivatie, besloten_op=besloten_op,
        besloten_door=besloten_door)
    if termijn:
        a.deadline_tekst, a.deadline_van, a.deadline_tot = termijn.tekst, termijn.van, termijn.tot
    sessie.add(a)
    sessie.flush()
    log_wijzigingen(sessie, "aanbeveling", code, {}, {"titel": a.titel, "opvolging": opvolging}, gebruiker, a.versie)
    for m in maatregelen:
        koppel(sessie, code, m, gebruiker)
    return haal_aanbeveling(sessie, code)


def beslis_opvolging(sessie: Session, code: str, opvolging: str, motivatie: str | None, gebruiker: str, versie: int,
                     datum: date | None = None) -> AanbevelingRij:
    """Record a decision on a recommendation: who and when; the change log keeps the earlier decisions."""
    a = _aanbeveling(sessie, code)
    opvolging, motivatie = controleer_opvolging(opvolging, motivatie)
    oud = {"opvolging": a.opvolging, "motivatie": a.motivatie}
    nieuwe_versie = claim_versie(sessie, Aanbeveling, a.id, versie, "aanbeveling", a.code)
    sessie.refresh(a)
    a.opvolging, a.motivatie = opvolging, motivatie
    a.besloten_op, a.besloten_door = datum or date.today(), gebruiker
    sessie.add(a)
    sessie.flush()
    log_wijzigingen(sessie, "aanbeveling", a.code, oud, {"opvolging": opvolging, "motivatie": motivatie}, gebruiker,
                    nieuwe_versie)
    return haal_aanbeveling(sessie, a.code)


def koppel(sessie: Session, aanbeveling: str, maatregel: str, gebruiker: str) -> None:
    a, m = _aanbeveling(sessie, aanbeveling), _maatregel(sessie, maatregel)
    if sessie.get(AanbevelingMaatregel, (a.id, m.id)) is None:
        sessie.add(AanbevelingMaatregel(aanbeveling_id=a.id, maatregel_id=m.id))
        log_wijzigingen(sessie, "aanbeveling", a.code, {}, {"gekoppeld": m.code}, gebruiker, None)
        sessie.flush()


def ontkoppel(sessie: Session, aanbeveling: str, maatregel: str, gebruiker: str) -> None:
    a, m = _aanbeveling(sessie, aanbeveling), _maatregel(sessie, maatregel)
    resultaat = sessie.execute(delete(AanbevelingMaatregel).where(AanbevelingMaatregel.aanbeveling_id == a.id,
                                                                   AanbevelingMaatregel.maatregel_id == m.id))
    if resultaat.rowcount:
        log_wijzigingen(sessie, "aanbeveling", a.code, {"gekoppeld": m.code}, {"gekoppeld": None}, gebruiker, None)
        sessie.flush()


def haal_aanbeveling(sessie: Session, code: str) -> AanbevelingRij:
    return aanbevelingen(sessie, codes=[_aanbeveling(sessie, code).code])[0]


def aanbevelingen(sessie: Session, codes: list[str] | None = None,
                  maatregel_ids: set[int] | None = None) -> list[AanbevelingRij]:
    """Recommendations sorted by code; with `maatregel_ids`, only those linked to one of these measures."""
    from registry.planning import Periode

    bron_code = dict(sessie.exec(select(Bron.id, Bron.code)).all())
    links: dict[int, list[tuple[int, str]]] = {}
    for aid, mid, mcode in sessie.exec(
        select(AanbevelingMaatregel.aanbeveling_id, AanbevelingMaatregel.maatregel_id, Maatregel.code)
        .join(Maatregel, Maatregel.id == AanbevelingMaatregel.maatregel_id)
    ).all():
        links.setdefault(aid, []).append((mid, mcode))
    query = select(Aanbeveling).order_by(Aanbeveling.code)
    if codes is not None:
        query = query.where(Aanbeveling.code.in_(codes))
    rijen = []
    for a in sessie.exec(query).all():
        gekoppeld = links.get(a.id, [])
        if maatregel_ids is not None and not any(mid in maatregel_ids for mid, _ in gekoppeld):
            continue
        deadline = Periode(a.deadline_tekst, a.deadline_van, a.deadline_tot) if a.deadline_tekst else None
        rijen.append(AanbevelingRij(a.id, a.code, a.titel, a.tekst, bron_code.get(a.bron_id), a.vindplaats, a.nummer,
                                    a.thema, a.datum, deadline, a.opvolging, a.motivatie, a.besloten_op,
                                    a.besloten_door, tuple(sorted((c for _, c in gekoppeld), key=natuurlijke_sleutel)),
                                    a.versie))
    rijen.sort(key=lambda r: natuurlijke_sleutel(r.code))
    return rijen
