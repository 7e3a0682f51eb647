"""Status history: append-only entries (date, old → new, reason, who, source); corrections supersede, never delete."""

from dataclasses import dataclass
from datetime import date, datetime

from sqlmodel import Session, select

from registry.bron import bron_id
from registry.fouten import NietGevonden, ValidatieFout
from registry.maatregel import MaatregelDetail, _maatregel, haal_maatregel, rijen_voor_maatregelen
from registry.tabellen import Bron, Maatregel, Statuswijziging, nu
from registry.tekst import controleer_tekst
from registry.vocabulaire import FASE, STATUS
from registry.wijzigingslog import claim_versie, log_wijzigingen


@dataclass(frozen=True)
class HistorieRij:
    id: int
    maatregel: str
    datum: date
    oud: str | None
    nieuw: str
    fase: str | None
    brontekst: str | None
    toelichting: str
    gebruiker: str
    bron: str | None
    vindplaats: str | None
    afgeleid: bool
    vervangt: int | None  # the id of the entry this one corrects
    vervangen: bool  # superseded by a later correction: shown struck through, not counted
    geregistreerd_op: datetime


def rangorde(regels) -> dict[int, int]:
    """Each entry's place among entries of the same date: a correction takes the place of the entry it corrects.

    Entries of one date are ordered by when they were entered (their id); a correction is entered later but stands
    where the corrected entry stood, so it gets the id of the first entry of its chain. Otherwise correcting an
    older entry would make it the newest and silently change the current status.
    `regels`: objects with `id` and `vervangt_id`.
    """
    vervangt = {r.id: r.vervangt_id for r in regels}
    rang = {}
    for rid in vervangt:
        wortel, gezien = rid, {rid}
        while vervangt.get(wortel) is not None and vervangt[wortel] not in gezien:
            wortel = vervangt[wortel]
            gezien.add(wortel)
        rang[rid] = wortel
    return rang


def _geldige_regels(sessie: Session, maatregel_id: int) -> list[Statuswijziging]:
    """The entries that count (not superseded), oldest first."""
    alle = list(sessie.exec(select(Statuswijziging).where(Statuswijziging.maatregel_id == maatregel_id)).all())
    vervangen = {r.vervangt_id for r in alle if r.vervangt_id is not None}
    rang = rangorde(alle)
    return sorted((r for r in alle if r.id not in vervangen), key=lambda r: (r.datum, rang[r.id]))


def _werk_huidige_status_bij(sessie: Session, m: Maatregel) -> None:
    """The measure's current status is its newest valid entry by date (then by order of entry)."""
    regels = _geldige_regels(sessie, m.id)
    if regels:
        laatste = regels[-1]
        m.status, m.fase, m.status_brontekst = laatste.nieuw, laatste.fase, laatste.brontekst
        m.status_afgeleid, m.status_datum = laatste.afgeleid, laatste.datum
    m.gewijzigd_op = nu()
    sessie.add(m)


def _status_voor(sessie: Session, maatregel_id: int, datum: date, behalve: int | None = None) -> str | None:
    """The status that held before an entry dated `datum` (for its 'old' value)."""
    vorige = [r for r in _geldige_regels(sessie, maatregel_id) if r.datum <= datum and r.id != behalve]
    return vorige[-1].nieuw if vorige else None


@dataclass(frozen=True)
class Statusregel:
    """A validated history entry, before it is written (the measure, source and who are added by the writer)."""
    nieuw: str
    datum: date
    toelichting: str
    brontekst: str | None
    fase: str | None
    vindplaats: str | None
    afgeleid: bool


def controleer_statusregel(*, nieuw: str, datum: date, toelichting: str, brontekst: str | None = None,
                           fase: str | None = None, vindplaats: str | None = None, afgeleid: bool = False) -> Statusregel:
    """The rules for one history entry (no database access): shared by the use cases and the bulk import."""
    nieuw = STATUS.controleer(nieuw, "status", verplicht=True)
    fase = FASE.controleer(fase, "fase")
    toelichting = controleer_tekst("Toelichting", toelichting, verplicht=True)
    if not isinstance(datum, date) or isinstance(datum, datetime):
        raise ValidatieFout("Datum: geef een dag op.", "datum")
    if datum > date.today():
        raise ValidatieFout("Een statuswijziging kan niet in de toekomst liggen.", "datum")
    return Statusregel(nieuw, datum, toelichting, controleer_tekst("Brontekst", brontekst), fase,
                       controleer_tekst("Vindplaats", vindplaats), bool(afgeleid))


def schrijf_statusregel(sessie: Session, m: Maatregel, *, nieuw: str, datum: date, toelichting: str, gebruiker: str,
                        bron: str | None = None, vindplaats: str | None = None, brontekst: str | None = None,
                        fase: str | None = None, afgeleid: bool = False, vervangt: int | None = None) -> Statuswijziging:
    """Append one history entry after validating it; the caller has checked the measure's version."""
    r = controleer_statusregel(nieuw=nieuw, datum=datum, toelichting=toelichting, brontekst=brontekst, fase=fase,
                               vindplaats=vindplaats, afgeleid=afgeleid)
    regel = Statuswijziging(
        maatregel_id=m.id, datum=r.datum, oud=_status_voor(sessie, m.id, r.datum, behalve=vervangt), nieuw=r.nieuw,
        fase=r.fase, brontekst=r.brontekst, toelichting=r.toelichting, gebruiker=gebruiker,
        bron_id=bron_id(sessie, bron), vindplaats=r.vindplaats, afgeleid=r.afgeleid, vervangt_id=vervangt,
    )
    sessie.add(regel)
    sessie.flush()
    _werk_huidige_status_bij(sessie, m)
    sessie.flush()
    return regel


def wijzig_status(sessie: Session, code: str, nieuw: str, toelichting: str, gebruiker: str, versie: int, *,
                  datum: date | None = None, fase: str | None = None, bron: str | None = None,
                  vindplaats: str | None = None, brontekst: str | None = None,
                  afgeleid: bool = False) -> MaatregelDetail:
    """Record a status change (a reason is required); refused when the measure changed since `versie`."""
    m = _maatregel(sessie, code)
    oud = {"status": m.status, "fase": m.fase}
    controleer_tekst("Toelichting", toelichting, verplicht=True)
    nieuwe_versie = claim_versie(sessie, Maatregel, m.id, versie, "maatregel", m.code)
    sessie.refresh(m)
    schrijf_statusregel(sessie, m, nieuw=nieuw, datum=datum or date.today(), toelichting=toelichting,
                        gebruiker=gebruiker, bron=bron, vindplaats=vindplaats, brontekst=brontekst, fase=fase,
                        afgeleid=afgeleid)
    log_wijzigingen(sessie, "maatregel", m.code, oud, {"status": m.status, "fase": m.fase}, gebruiker, nieuwe_versie)
    return haal_maatregel(sessie, m.code)


def corrigeer_historie(sessie: Session, regel_id: int, toelichting: str, gebruiker: str, versie: int, *,
                       nieuw: str | None = None, datum: date | None = None, fase: str | None = None,
                       bron: str | None = None, vindplaats: str | None = None, brontekst: str | None = None,
                       afgeleid: bool | None = None) -> MaatregelDetail:
    """Correct a wrong entry by a new one that supersedes it; fields not given are taken over from the old entry."""
    oud = sessie.get(Statuswijziging, regel_id)
    if oud is None:
        raise NietGevonden(f"Historieregel {regel_id} bestaat niet.")
    if sessie.exec(select(Statuswijziging.id).where(Statuswijziging.vervangt_id == regel_id)).first() is not None:
        raise ValidatieFout("Deze historieregel is al gecorrigeerd; corrigeer de nieuwste versie ervan.")
    m = sessie.get(Maatregel, oud.maatregel_id)
    controleer_tekst("Toelichting", toelichting, verplicht=True)
    nieuwe_versie = claim_versie(sessie, Maatregel, m.id, versie, "maatregel", m.code)
    sessie.refresh(m)
    oude_bron = sessie.get(Bron, oud.bron_id).code if oud.bron_id else None
    schrijf_statusregel(
        sessie, m, nieuw=nieuw or oud.nieuw, datum=datum or oud.datum, toelichting=toelichting, gebruiker=gebruiker,
        bron=bron if bron is not None else oude_bron, vindplaats=vindplaats if vindplaats is not None else oud.vindplaats,
        brontekst=brontekst if brontekst is not None else oud.brontekst, fase=fase if fase is not None else oud.fase,
        afgeleid=oud.afgeleid if afgeleid is None else afgeleid, vervangt=oud.id,
    )
    log_wijzigingen(sessie, "maatregel", m.code, {"historieregel": regel_id},
                    {"historieregel": f"{regel_id} gecorrigeerd"}, gebruiker, nieuwe_versie)
    return haal_maatregel(sessie, m.code)


def historie(sessie: Session, code: str) -> list[HistorieRij]:
    """All entries of a measure, superseded ones included (flagged), in date order."""
    m = _maatregel(sessie, code)
    return historie_van(sessie, [m.id]).get(m.id, [])


def historie_van(sessie: Session, maatregel_ids: list[int] | None = None) -> dict[int, list[HistorieRij]]:
    """History per measure id for many measures at once (None: all)."""
    bron_code = dict(sessie.exec(select(Bron.id, Bron.code)).all())
    vervangen = set(sessie.exec(select(Statuswijziging.vervangt_id)
                                .where(Statuswijziging.vervangt_id.is_not(None))).all())
    tabel = Statuswijziging.__table__  # Core rows: cheap for thousands of entries
    query = (select(tabel, Maatregel.code.label("maatregel_code"))
             .join(Maatregel, Maatregel.id == tabel.c.maatregel_id)
             .order_by(tabel.c.maatregel_id, tabel.c.datum, tabel.c.id))
    rijen = rijen_voor_maatregelen(sessie, query, tabel.c.maatregel_id, maatregel_ids)
    rang = rangorde(rijen)
    rijen.sort(key=lambda r: (r.maatregel_id, r.datum, rang[r.id]))
    per: dict[int, list[HistorieRij]] = {}
    for r in rijen:
        code = r.maatregel_code
        per.setdefault(r.maatregel_id, []).append(HistorieRij(
            r.id, code, r.datum, r.oud, r.nieuw, r.fase, r.brontekst, r.toelichting, r.gebruiker,
            bron_code.get(r.bron_id), r.vindplaats, r.afgeleid, r.vervangt_id, r.id in vervangen, r.geregistreerd_op))
    return per


def status_op(sessie: Session, peildatum: date) -> dict[int, str]:
    """Each measure's status as of `peildatum`, from the valid history (measures without an entry by then: absent)."""
    tabel = Statuswijziging.__table__
    rijen = sessie.execute(select(tabel.c.maatregel_id, tabel.c.datum, tabel.c.id, tabel.c.vervangt_id,
                                  tabel.c.nieuw)).all()
    vervangen = {r.vervangt_id for r in rijen if r.vervangt_id is not None}
    rang = rangorde(rijen)
    resultaat: dict[int, tuple[date, int, str]] = {}
    for r in rijen:
        if r.id in vervangen or r.datum > peildatum:
            continue
        sleutel = (r.datum, rang[r.id])
        if r.maatregel_id not in resultaat or sleutel > resultaat[r.maatregel_id][:2]:
            resultaat[r.maatregel_id] = (*sleutel, r.nieuw)
    return {mid: v[2] for mid, v in resultaat.items()}
