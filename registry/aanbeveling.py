"""Aanbevelingen (recommendations) and their opvolging: adopted, carried out, or rejected with a written motivation."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from functools import cached_property

from sqlalchemy import delete, insert
from sqlmodel import Session, select

from registry.bron import bron_id, bronnen
from registry.fouten import NietGevonden, ValidatieFout
from registry.maatregel import _maatregel
from registry.planning import OngeldigeDatum, parse_periode_of_leeg
from registry.tabellen import Aanbeveling, AanbevelingMaatregel, Bron, Maatregel
from registry.tekst import controleer_tekst, natuurlijke_sleutel, normaliseer
from registry.vocabulaire import OPVOLGING
from registry.wijzigingslog import claim_versie, log_wijzigingen, wijzigingslog


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

    @cached_property
    def zoektekst(self) -> str:
        """Code, title, text and number, normalised once per row: a search keystroke only compares."""
        return normaliseer(" ".join(filter(None, (self.code, self.titel, self.tekst, self.nummer))))


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


# Links are deliberately outside the recommendation's version: linking a measure does not change the decision, so a
# colleague adding a link while I write a motivation must not make my decision fail with a conflict. Linking is
# idempotent (a link exists or not), so two people linking at once cannot overwrite each other either; every link
# and unlink is in the change log.

def koppel(sessie: Session, aanbeveling: str, maatregel: str, gebruiker: str) -> None:
    """Link a measure to a recommendation; an archived measure is refused (unlinking one stays possible)."""
    a, m = _aanbeveling(sessie, aanbeveling), _maatregel(sessie, maatregel)
    if m.gearchiveerd:
        raise ValidatieFout(f"Maatregel {m.code} is gearchiveerd; zet hem eerst terug om hem te koppelen.",
                            "maatregel")
    if _voeg_koppeling_toe(sessie, a.id, m.id):
        log_wijzigingen(sessie, "aanbeveling", a.code, {}, {"gekoppeld": m.code}, gebruiker, None)
        sessie.flush()


def _voeg_koppeling_toe(sessie: Session, aanbeveling_id: int, maatregel_id: int) -> bool:
    """Insert the link unless it exists; True when this call made it.

    A colleague linking the same pair at the same moment is no error (the link exists, as both wanted): the insert
    skips a duplicate in the database itself, so the race between looking and inserting cannot fail, and only the
    one who made the link is logged.
    """
    waarden = {"aanbeveling_id": aanbeveling_id, "maatregel_id": maatregel_id}
    dialect = sessie.get_bind().dialect.name
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as dialect_insert
    elif dialect == "sqlite":
        from sqlalchemy.dialects.sqlite import insert as dialect_insert
    else:  # another server: look first; a duplicate raised there is still refused by the database
        if sessie.get(AanbevelingMaatregel, (aanbeveling_id, maatregel_id)) is not None:
            return False
        sessie.execute(insert(AanbevelingMaatregel).values(**waarden))
        return True
    opdracht = (dialect_insert(AanbevelingMaatregel).values(**waarden).on_conflict_do_nothing()
                .returning(AanbevelingMaatregel.maatregel_id))  # rowcount is not reliable for an ORM insert
    return sessie.execute(opdracht).first() is not None


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


# --- finding recommendations (the Aanbevelingen view) ---------------------------------------------------------------

@dataclass(frozen=True)
class AanbevelingFilter:
    """What the Aanbevelingen view shows; every field narrows the list (AND), None or empty means "any"."""
    bron: str | None = None  # source code
    thema: str | None = None
    opvolging: str | None = None  # OPVOLGING code
    open_langer_dan: int | None = None  # months: only `open` ones dated before that (signal aanbeveling_lang_open)
    zonder_maatregel: bool = False
    zoektekst: str = ""  # every word in code, titel, tekst or nummer; case and accents ignored
    codes: frozenset[str] | None = None  # a signal's items

    def is_leeg(self) -> bool:
        return self == AanbevelingFilter()


def filter_aanbevelingen(rijen: list[AanbevelingRij], f: AanbevelingFilter,
                         peildatum: date | None = None) -> list[AanbevelingRij]:
    """The rows that pass `f`, in their given order. Plain Python: a register holds tens to hundreds of these."""
    from registry.signalen import maanden_voor  # signalen imports this module

    woorden = normaliseer(f.zoektekst).split()
    open_voor = (maanden_voor(peildatum or date.today(), f.open_langer_dan)
                 if f.open_langer_dan is not None else None)

    def past(r: AanbevelingRij) -> bool:
        if f.codes is not None and r.code not in f.codes:
            return False
        if f.bron is not None and r.bron != f.bron:
            return False
        if f.thema is not None and r.thema != f.thema:
            return False
        if f.opvolging is not None and r.opvolging != f.opvolging:
            return False
        if open_voor is not None and not (r.opvolging == "open" and r.datum is not None and r.datum < open_voor):
            return False
        if f.zonder_maatregel and r.maatregelen:
            return False
        if woorden:
            tekst = r.zoektekst
            return all(w in tekst for w in woorden)
        return True

    return [r for r in rijen if past(r)]


def themas(rijen: Iterable[AanbevelingRij]) -> list[str]:
    """The themes in use, sorted (a filter offers only what exists)."""
    return sorted({r.thema for r in rijen if r.thema}, key=natuurlijke_sleutel)


def bronnen_met_aanbevelingen(sessie: Session, rijen: Iterable[AanbevelingRij] | None = None) -> list[tuple[str, str]]:
    """(code, title) of the sources that recommendations cite, in code order."""
    rijen = aanbevelingen(sessie) if rijen is None else rijen
    gebruikt = {r.bron for r in rijen if r.bron}
    return [(b.code, b.titel) for b in bronnen(sessie) if b.code in gebruikt]


@dataclass(frozen=True)
class GekoppeldeMaatregel:
    code: str
    naam: str
    status: str
    gearchiveerd: bool


def gekoppelde_maatregelen(sessie: Session, code: str) -> list[GekoppeldeMaatregel]:
    """The measures linked to recommendation `code` with their name and status (archived ones too), in code order."""
    a = _aanbeveling(sessie, code)
    rijen = sessie.exec(
        select(Maatregel.code, Maatregel.naam, Maatregel.status, Maatregel.gearchiveerd)
        .join(AanbevelingMaatregel, AanbevelingMaatregel.maatregel_id == Maatregel.id)
        .where(AanbevelingMaatregel.aanbeveling_id == a.id)
    ).all()
    return sorted((GekoppeldeMaatregel(*r) for r in rijen), key=lambda m: natuurlijke_sleutel(m.code))


def koppelbare_maatregelen(sessie: Session) -> list[tuple[str, str]]:
    """(code, name) of every active (not archived) measure, in code order: what a link can be made to."""
    rijen = sessie.exec(select(Maatregel.code, Maatregel.naam).where(Maatregel.gearchiveerd.is_(False))).all()
    return sorted(((c, n) for c, n in rijen), key=lambda r: natuurlijke_sleutel(r[0]))


# --- the opvolging history ------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class OpvolgingRegel:
    """One event in a recommendation's history, read from the change log."""
    tijdstip: datetime  # when it was recorded (UTC)
    gebruiker: str
    soort: str  # "aangemaakt", "besluit", "gekoppeld" or "ontkoppeld"
    oud: str | None = None  # opvolging before a decision
    nieuw: str | None = None  # opvolging after it (also at creation)
    motivatie: str | None = None  # the motivation in force after a decision
    motivatie_gewijzigd: bool = False
    maatregel: str | None = None  # the measure (un)linked


_BESLUITVELDEN = frozenset({"titel", "opvolging", "motivatie"})


def opvolgingshistorie(sessie: Session, code: str) -> list[OpvolgingRegel]:
    """Decisions and (un)links of recommendation `code`, newest first (as the status history reads).

    The log holds a field only when it changed; walking back from the current values fills in the opvolging and
    the motivation in force after each decision, also when only one of them changed.
    """
    a = _aanbeveling(sessie, code)
    groepen: list[list[tuple[int, object]]] = []  # one log_wijzigingen call: same moment, user and version
    regels: list[tuple[int, OpvolgingRegel]] = []  # with the log position: the order of events
    for i, w in enumerate(wijzigingslog(sessie, "aanbeveling", a.code)):
        if w.veld == "gekoppeld":
            soort = "gekoppeld" if w.nieuw else "ontkoppeld"
            regels.append((i, OpvolgingRegel(w.tijdstip, w.gebruiker, soort, maatregel=w.nieuw or w.oud)))
        elif w.veld in _BESLUITVELDEN:
            vorige = groepen[-1][0][1] if groepen else None
            if vorige is not None and (vorige.tijdstip, vorige.gebruiker, vorige.versie) == (
                    w.tijdstip, w.gebruiker, w.versie):
                groepen[-1].append((i, w))
            else:
                groepen.append([(i, w)])
    opvolging, motivatie = a.opvolging, a.motivatie
    for groep in reversed(groepen):
        velden = {w.veld: w for _, w in groep}
        if "opvolging" not in velden and "motivatie" not in velden:
            continue  # another field of the recommendation
        aangemaakt = "titel" in velden and velden["titel"].oud is None
        oud = velden["opvolging"].oud if "opvolging" in velden else opvolging
        eerste = groep[0][1]
        regels.append((groep[0][0], OpvolgingRegel(
            eerste.tijdstip, eerste.gebruiker, "aangemaakt" if aangemaakt else "besluit", None if aangemaakt else oud,
            opvolging, motivatie, "motivatie" in velden)))
        opvolging = oud
        if "motivatie" in velden:
            motivatie = velden["motivatie"].oud
    regels.sort(key=lambda r: r[0], reverse=True)
    return [r for _, r in regels]
