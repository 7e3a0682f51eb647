"""Source documents (bron): what the register's statements rest on."""

from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, select

from registry.fouten import NietGevonden, ValidatieFout
from registry.tabellen import Bron
from registry.tekst import controleer_tekst, natuurlijke_sleutel
from registry.vocabulaire import BRONSOORT


@dataclass(frozen=True)
class BronRij:
    code: str
    titel: str
    uitgever: str | None
    datum: date | None
    soort: str | None
    referentie: str | None
    bestand: str | None


def _rij(b: Bron) -> BronRij:
    return BronRij(b.code, b.titel, b.uitgever, b.datum, b.soort, b.referentie, b.bestand)


def maak_bron(sessie: Session, code: str, titel: str, *, uitgever: str | None = None, datum: date | None = None,
              soort: str | None = None, referentie: str | None = None, bestand: str | None = None) -> BronRij:
    code = (controleer_tekst("Broncode", code, verplicht=True) or "").strip()
    if len(code) > 60:
        raise ValidatieFout(f"Broncode is te lang: {len(code)} tekens, het maximum is 60.", "code")
    if sessie.exec(select(Bron.id).where(Bron.code == code)).first() is not None:
        raise ValidatieFout(f"Er is al een bron met code {code}.", "code")
    bron = Bron(code=code, titel=controleer_tekst("Titel", titel, verplicht=True), uitgever=uitgever, datum=datum,
                soort=BRONSOORT.controleer(soort, "soort"), referentie=referentie, bestand=bestand)
    sessie.add(bron)
    sessie.flush()
    return _rij(bron)


def bron_id(sessie: Session, code: str | None) -> int | None:
    """The id of source `code`; None for no source; NietGevonden for an unknown code."""
    if code is None or not str(code).strip():
        return None
    gevonden = sessie.exec(select(Bron.id).where(Bron.code == str(code).strip())).first()
    if gevonden is None:
        raise NietGevonden(f"Onbekende bron: {code}.")
    return gevonden


def bronnen(sessie: Session) -> list[BronRij]:
    return sorted((_rij(b) for b in sessie.exec(select(Bron)).all()), key=lambda b: natuurlijke_sleutel(b.code))
