"""Counts of the register: measures per domain × status (each measure once, under its main domain)."""

from dataclasses import dataclass, field

from sqlalchemy import func
from sqlmodel import Session, select

from registry.domein import domeinen
from registry.tabellen import Maatregel


@dataclass(frozen=True)
class DomeinTelling:
    domein: str
    domein_naam: str
    per_status: dict[str, int] = field(default_factory=dict)

    @property
    def totaal(self) -> int:
        return sum(self.per_status.values())


def tellingen_per_domein(sessie: Session, met_gearchiveerd: bool = False) -> list[DomeinTelling]:
    query = select(Maatregel.domein_id, Maatregel.status, func.count()).group_by(Maatregel.domein_id, Maatregel.status)
    if not met_gearchiveerd:
        query = query.where(Maatregel.gearchiveerd.is_(False))
    per: dict[int, dict[str, int]] = {}
    for domein_id, status, aantal in sessie.exec(query).all():
        per.setdefault(domein_id, {})[status] = aantal
    return [DomeinTelling(d.code, d.naam, per.get(d.id, {})) for d in domeinen(sessie)]
