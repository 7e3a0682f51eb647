"""The reference data every register holds, also an empty one: the five domains (RPE themes) and the toeslagen."""

from sqlmodel import Session, select

from registry.tabellen import Domein, Toeslag
from registry.vocabulaire import DOMEINEN, TOESLAGEN


def zorg_voor_referentiedata(sessie: Session) -> None:
    """Add whichever domains and toeslagen are missing; never changes ones the user has edited."""
    bestaande_domeinen = set(sessie.exec(select(Domein.code)).all())
    for volgorde, (code, naam, volledig) in enumerate(DOMEINEN):
        if code not in bestaande_domeinen:
            sessie.add(Domein(code=code, naam=naam, volledige_naam=volledig, volgorde=volgorde))
    bestaande_toeslagen = set(sessie.exec(select(Toeslag.code)).all())
    for volgorde, (code, naam) in enumerate(TOESLAGEN):
        if code not in bestaande_toeslagen:
            sessie.add(Toeslag(code=code, naam=naam, volgorde=volgorde))
    sessie.flush()
