"""Domains (RPE themes) and toeslagen as reference data: lookup by code, short name or full name."""

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


def zoek_domein(sessie: Session, tekst: str, veld: str = "domein") -> DomeinRij:
    """A domain by its code prefix (exact, any case), short name or full name (case- and accent-insensitive)."""
    gezocht = normaliseer(str(tekst)).strip()
    alle = domeinen(sessie)
    for d in alle:
        if gezocht in (normaliseer(d.code), normaliseer(d.naam), normaliseer(d.volledige_naam)):
            return d
    keuzes = ", ".join(f"{d.code} ({d.naam})" for d in alle)
    raise ValidatieFout(f'Onbekend domein: "{tekst}". Kies uit: {keuzes}.', veld)


def zoek_toeslag(sessie: Session, tekst: str, veld: str = "toeslag") -> ToeslagRij:
    gezocht = normaliseer(str(tekst)).strip()
    alle = toeslagen(sessie)
    for t in alle:
        if gezocht in (normaliseer(t.code), normaliseer(t.naam)):
            return t
    keuzes = ", ".join(f"{t.code} ({t.naam})" for t in alle)
    raise ValidatieFout(f'Onbekende toeslag: "{tekst}". Kies uit: {keuzes}.', veld)
