"""Effect measurements (effectmetingen): what a measure demonstrably did, and how strong that evidence is."""

import re
from dataclasses import dataclass

from sqlmodel import Session, select

from registry.bron import bron_id
from registry.maatregel import _maatregel, rijen_voor_maatregelen
from registry.tabellen import Bron, Effectmeting, Maatregel
from registry.tekst import controleer_tekst
from registry.vocabulaire import BEWIJSKRACHT, EFFECT_ERVARING
from registry.wijzigingslog import log_wijzigingen

_GETAL = re.compile(r"[-+−]?\d{1,3}(?:\.\d{3})+(?:,\d+)?|[-+−]?\d+(?:[.,]\d+)?")


@dataclass(frozen=True)
class EffectmetingRij:
    id: int
    maatregel: str
    indicator: str
    nulmeting: str | None
    waarde_tekst: str | None
    waarde: float | None
    eenheid: str | None
    streefwaarde: str | None
    periode: str | None
    methode: str | None
    bewijskracht: str
    effect_ervaring: str | None
    bron: str | None
    vindplaats: str | None
    toelichting: str | None


def getal_uit_tekst(tekst: str | None) -> float | None:
    """The first number in a value as printed: '12,5%' -> 12.5, '€ 1.250' -> 1250.0, 'circa -3' -> -3.0."""
    if not tekst:
        return None
    treffer = _GETAL.search(tekst)
    if not treffer:
        return None
    getal = treffer.group(0).replace("−", "-")
    if "," in getal or re.fullmatch(r"[-+]?\d{1,3}(?:\.\d{3})+", getal):
        getal = getal.replace(".", "").replace(",", ".")
    return float(getal)


def voeg_effectmeting_toe(sessie: Session, code: str, *, indicator: str, bewijskracht: str, gebruiker: str,
                          waarde_tekst: str | None = None, waarde: float | None = None, nulmeting: str | None = None,
                          eenheid: str | None = None, streefwaarde: str | None = None, periode: str | None = None,
                          methode: str | None = None, effect_ervaring: str | None = None, bron: str | None = None,
                          vindplaats: str | None = None, toelichting: str | None = None) -> EffectmetingRij:
    m = _maatregel(sessie, code)
    e = Effectmeting(
        maatregel_id=m.id, indicator=controleer_tekst("Indicator", indicator, verplicht=True),
        nulmeting=controleer_tekst("Nulmeting", nulmeting), waarde_tekst=controleer_tekst("Waarde", waarde_tekst),
        waarde=waarde if waarde is not None else getal_uit_tekst(waarde_tekst),
        eenheid=controleer_tekst("Eenheid", eenheid), streefwaarde=controleer_tekst("Streefwaarde", streefwaarde),
        periode=controleer_tekst("Periode", periode), methode=controleer_tekst("Methode", methode),
        bewijskracht=BEWIJSKRACHT.controleer(bewijskracht, "bewijskracht", verplicht=True),
        effect_ervaring=EFFECT_ERVARING.controleer(effect_ervaring, "effect_ervaring"),
        bron_id=bron_id(sessie, bron), vindplaats=controleer_tekst("Vindplaats", vindplaats),
        toelichting=controleer_tekst("Toelichting", toelichting),
    )
    sessie.add(e)
    sessie.flush()
    log_wijzigingen(sessie, "maatregel", m.code, {}, {"effectmeting": f"{e.indicator}: {e.waarde_tekst or ''}"},
                    gebruiker, None)
    return effectmetingen_van(sessie, [m.id])[m.id][-1]


def effectmetingen_van(sessie: Session, maatregel_ids: list[int] | None = None) -> dict[int, list[EffectmetingRij]]:
    bron_code = dict(sessie.exec(select(Bron.id, Bron.code)).all())
    tabel = Effectmeting.__table__  # Core rows: cheap for thousands of measurements
    query = (select(tabel, Maatregel.code.label("maatregel_code")).join(Maatregel, Maatregel.id == tabel.c.maatregel_id)
             .order_by(tabel.c.maatregel_id, tabel.c.id))
    rijen = rijen_voor_maatregelen(sessie, query, tabel.c.maatregel_id, maatregel_ids)
    per: dict[int, list[EffectmetingRij]] = {}
    for e in rijen:
        code = e.maatregel_code
        per.setdefault(e.maatregel_id, []).append(EffectmetingRij(
            e.id, code, e.indicator, e.nulmeting, e.waarde_tekst, e.waarde, e.eenheid, e.streefwaarde, e.periode,
            e.methode, e.bewijskracht, e.effect_ervaring, bron_code.get(e.bron_id), e.vindplaats, e.toelichting))
    return per
