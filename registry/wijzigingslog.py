"""The change log (who changed what, when, old and new) and the optimistic-concurrency check on every save."""

from dataclasses import dataclass
from datetime import date, datetime, timezone

from sqlalchemy import update
from sqlmodel import Session, select

from registry.fouten import ConflictFout, NietGevonden
from registry.tabellen import Wijziging, nu


@dataclass(frozen=True)
class WijzigingRij:
    tijdstip: datetime
    gebruiker: str
    entiteit: str
    sleutel: str
    veld: str
    oud: str | None
    nieuw: str | None
    versie: int | None


def als_tekst(waarde) -> str | None:
    """How a value is written in the change log: ISO dates, ja/nee, lists joined, numbers as a Dutch reader writes
    them (40, 12,5: never 40.0)."""
    if waarde is None:
        return None
    if isinstance(waarde, bool):
        return "ja" if waarde else "nee"
    if isinstance(waarde, (date, datetime)):
        return waarde.isoformat()
    if isinstance(waarde, (list, tuple, set, frozenset)):
        return ", ".join(sorted(str(w) for w in waarde))
    if isinstance(waarde, float):
        return format(waarde, ".15g").replace(".", ",") if waarde == waarde and abs(waarde) < 1e15 else str(waarde)
    return str(waarde)


def wijzigingsrijen(entiteit: str, sleutel: str, oud: dict, nieuw: dict, gebruiker: str, versie: int | None,
                    tijdstip: datetime) -> list[dict]:
    """The log rows (Wijziging's columns) for the fields of `nieuw` whose value as text differs from `oud`.

    Plain dicts: bulk creation inserts them directly, thousands at a time.
    """
    rijen = []
    for veld, nieuwe_waarde in nieuw.items():
        oud_tekst, nieuw_tekst = als_tekst(oud.get(veld)), als_tekst(nieuwe_waarde)
        if oud_tekst != nieuw_tekst:
            rijen.append({"tijdstip": tijdstip, "gebruiker": gebruiker, "entiteit": entiteit, "sleutel": sleutel,
                          "veld": veld, "oud": oud_tekst, "nieuw": nieuw_tekst, "versie": versie})
    return rijen


def log_wijzigingen(sessie: Session, entiteit: str, sleutel: str, oud: dict, nieuw: dict, gebruiker: str,
                    versie: int | None) -> list[str]:
    """One log row per field whose value differs; returns the changed field names."""
    rijen = wijzigingsrijen(entiteit, sleutel, oud, nieuw, gebruiker, versie, nu())
    sessie.add_all(Wijziging(**r) for r in rijen)
    return [r["veld"] for r in rijen]


def wijzigingen_sinds(sessie: Session, entiteit: str, sleutel: str, versie: int) -> list[WijzigingRij]:
    rijen = sessie.exec(
        select(Wijziging).where(Wijziging.entiteit == entiteit, Wijziging.sleutel == sleutel,
                                Wijziging.versie > versie).order_by(Wijziging.id)
    ).all()
    return [WijzigingRij(r.tijdstip, r.gebruiker, r.entiteit, r.sleutel, r.veld, r.oud, r.nieuw, r.versie)
            for r in rijen]


def wijzigingslog(sessie: Session, entiteit: str | None = None, sleutel: str | None = None) -> list[WijzigingRij]:
    query = select(Wijziging).order_by(Wijziging.id)
    if entiteit:
        query = query.where(Wijziging.entiteit == entiteit)
    if sleutel:
        query = query.where(Wijziging.sleutel == sleutel)
    return [WijzigingRij(r.tijdstip, r.gebruiker, r.entiteit, r.sleutel, r.veld, r.oud, r.nieuw, r.versie)
            for r in sessie.exec(query).all()]


def claim_versie(sessie: Session, tabel, rij_id: int, versie: int, entiteit: str, sleutel: str) -> int:
    """Atomically move the row from `versie` to `versie + 1`, or refuse the save.

    A single UPDATE … WHERE versie = :versie: on PostgreSQL a concurrent second save waits for the first and then
    matches no row; on SQLite the write lock serialises them. Either way the loser gets a ConflictFout and writes
    nothing.
    """
    if versie is None:
        raise ValueError("versie is verplicht bij opslaan")
    resultaat = sessie.execute(
        update(tabel).where(tabel.id == rij_id, tabel.versie == versie).values(versie=tabel.versie + 1)
        .execution_options(synchronize_session=False)
    )
    if resultaat.rowcount == 1:
        return versie + 1
    actueel = sessie.execute(select(tabel.versie).where(tabel.id == rij_id)).scalar()
    if actueel is None:
        raise NietGevonden(f"{entiteit.capitalize()} {sleutel} bestaat niet meer.")
    wijzigingen = wijzigingen_sinds(sessie, entiteit, sleutel, versie)
    raise ConflictFout(conflictmelding(entiteit, sleutel, wijzigingen), wijzigingen)


def lokale_tijd(tijdstip: datetime) -> datetime:
    """Timestamps are stored in UTC; people read them in their own time zone."""
    if tijdstip.tzinfo is None:
        tijdstip = tijdstip.replace(tzinfo=timezone.utc)
    return tijdstip.astimezone()


def conflictmelding(entiteit: str, sleutel: str, wijzigingen: list[WijzigingRij]) -> str:
    regels = [f"{entiteit.capitalize()} {sleutel} is intussen door iemand anders gewijzigd; uw wijziging is niet "
              f"opgeslagen. Laad de {entiteit} opnieuw en voer uw wijziging daarna opnieuw in."]
    for w in wijzigingen[:20]:
        regels.append(f"- {w.veld}: {w.oud or '(leeg)'} → {w.nieuw or '(leeg)'} "
                      f"(door {w.gebruiker}, {lokale_tijd(w.tijdstip):%d-%m-%Y %H:%M})")
    if len(wijzigingen) > 20:
        regels.append(f"- en nog {len(wijzigingen) - 20} wijzigingen")
    return "\n".join(regels)
