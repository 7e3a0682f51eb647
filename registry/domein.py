"""Domains (RPE themes) and toeslagen as reference data: lookup by code, short name or full name."""

from collections.abc import Callable
from dataclasses import dataclass

from sqlmodel import Session, select

from registry.fouten import ValidatieFout
from registry.tabellen import Domein, Toeslag
from registry.tekst import normaliseer


@dataclass(frozen=True)
class DomeinRij:
    id: int
    code: str
    naam: str
    volledige_naam: str


@dataclass(frozen=True)
class ToeslagRij:
    code: str
    naam: str


def domeinen(sessie: Session) -> list[DomeinRij]:
    return [DomeinRij(d.id, d.code, d.naam, d.volledige_naam)
            for d in sessie.exec(select(Domein).order_by(Domein.volgorde, Domein.code)).all()]


def toeslagen(sessie: Session) -> list[ToeslagRij]:
    return [ToeslagRij(t.code, t.naam) for t in sessie.exec(select(Toeslag).order_by(Toeslag.volgorde)).all()]


def _zoeker(alle: list, sleutels, melding: str, standaardveld: str) -> Callable[..., object]:
    """A lookup on normalised names with its index built once; the first row with a matching name wins."""
    index: dict = {}
    for rij in alle:
        for sleutel in sleutels(rij):
            index.setdefault(normaliseer(sleutel), rij)
    keuzes = ", ".join(f"{r.code} ({r.naam})" for r in alle)

    def zoek(tekst, veld: str = standaardveld):
        gevonden = index.get(normaliseer(str(tekst)).strip())
        if gevonden is None:
            raise ValidatieFout(f'{melding}: "{tekst}". Kies uit: {keuzes}.', veld)
        return gevonden
    return zoek


def domeinzoeker(alle: list[DomeinRij]) -> Callable[..., DomeinRij]:
    """zoek(tekst, veld="domein"): a domain by its code prefix, short name or full name (case- and accent-insensitive)."""
    return _zoeker(alle, lambda d: (d.code, d.naam, d.volledige_naam), "Onbekend domein", "domein")


def toeslagzoeker(alle: list[ToeslagRij]) -> Callable[..., ToeslagRij]:
    """zoek(tekst, veld="toeslag"): a toeslag by its code or name (case- and accent-insensitive)."""
    return _zoeker(alle, lambda t: (t.code, t.naam), "Onbekende toeslag", "toeslag")


def zoek_domein(sessie: Session, tekst: str, veld: str = "domein") -> DomeinRij:
    """A domain by its code prefix (exact, any case), short name or full name (case- and accent-insensitive)."""
    return domeinzoeker(domeinen(sessie))(tekst, veld)


def zoek_toeslag(sessie: Session, tekst: str, veld: str = "toeslag") -> ToeslagRij:
    return toeslagzoeker(toeslagen(sessie))(tekst, veld)
