"""Effect measurements (effectmetingen): what a measure demonstrably did, and how strong that evidence is."""

import math
import re
from dataclasses import dataclass

from sqlmodel import Session, select

from registry.bron import bron_id
from registry.fouten import NietGevonden, ValidatieFout
from registry.maatregel import _maatregel, rijen_voor_maatregelen
from registry.tabellen import Bron, Effectmeting, Maatregel
from registry.tekst import controleer_tekst, natuurlijke_sleutel, normaliseer
from registry.vocabulaire import BEWIJSKRACHT, EFFECT_ERVARING
from registry.wijzigingslog import claim_versie, log_wijzigingen

_GETAL = re.compile(r"[-+−]?\d{1,3}(?:\.\d{3})+(?:,\d+)?|[-+−]?\d+(?:[.,]\d+)?")

#: The fields a measurement holds, as `voeg_effectmeting_toe` and `wijzig_effectmeting` take them, with the Dutch
#: label a message or a description uses.
VELDEN: dict[str, str] = {
    "indicator": "Indicator", "nulmeting": "Nulmeting", "waarde_tekst": "Waarde", "waarde": "Waarde (getal)",
    "eenheid": "Eenheid", "streefwaarde": "Streefwaarde", "periode": "Periode", "methode": "Methode",
    "bewijskracht": "Bewijskracht", "effect_ervaring": "Effect op ervaring", "bron": "Bron",
    "vindplaats": "Vindplaats", "toelichting": "Toelichting",
}

#: Methods the register knows by name (brief §2); the method stays free text, these are only offered.
GANGBARE_METHODEN = ("GEM", "veldexperiment", "labexperiment", "monitor", "enquête", "registratie")


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
    versie: int = 1  # for wijzig/verwijder_effectmeting; a default keeps older positional constructions valid


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


def _controleer(sessie: Session, velden: dict) -> dict:
    """Every rule of a measurement, for adding and editing alike: the table's column values, or a ValidatieFout.

    `waarde` (the number) is taken as given, else read from the value as printed.
    """
    onbekend = set(velden) - set(VELDEN)
    if onbekend:
        raise ValueError(f"onbekende velden van een effectmeting: {sorted(onbekend)}")
    waarde_tekst = controleer_tekst("Waarde", velden.get("waarde_tekst"))
    waarde = velden.get("waarde")
    if waarde is not None:
        if isinstance(waarde, bool) or not isinstance(waarde, (int, float)) or not math.isfinite(waarde):
            raise ValidatieFout("Waarde (getal) moet een getal zijn.", "waarde")
        waarde = float(waarde)
    else:
        waarde = getal_uit_tekst(waarde_tekst)
    return dict(
        indicator=controleer_tekst("Indicator", velden.get("indicator"), verplicht=True),
        nulmeting=controleer_tekst("Nulmeting", velden.get("nulmeting")), waarde_tekst=waarde_tekst, waarde=waarde,
        eenheid=controleer_tekst("Eenheid", velden.get("eenheid")),
        streefwaarde=controleer_tekst("Streefwaarde", velden.get("streefwaarde")),
        periode=controleer_tekst("Periode", velden.get("periode")),
        methode=controleer_tekst("Methode", velden.get("methode")),
        bewijskracht=BEWIJSKRACHT.controleer(velden.get("bewijskracht"), "bewijskracht", verplicht=True),
        effect_ervaring=EFFECT_ERVARING.controleer(velden.get("effect_ervaring"), "effect_ervaring"),
        bron_id=bron_id(sessie, velden.get("bron")),
        vindplaats=controleer_tekst("Vindplaats", velden.get("vindplaats")),
        toelichting=controleer_tekst("Toelichting", velden.get("toelichting")),
    )


def voeg_effectmeting_toe(sessie: Session, code: str, *, indicator: str, bewijskracht: str, gebruiker: str,
                          waarde_tekst: str | None = None, waarde: float | None = None, nulmeting: str | None = None,
                          eenheid: str | None = None, streefwaarde: str | None = None, periode: str | None = None,
                          methode: str | None = None, effect_ervaring: str | None = None, bron: str | None = None,
                          vindplaats: str | None = None, toelichting: str | None = None) -> EffectmetingRij:
    m = _maatregel(sessie, code)
    e = Effectmeting(maatregel_id=m.id, **_controleer(sessie, dict(
        indicator=indicator, bewijskracht=bewijskracht, waarde_tekst=waarde_tekst, waarde=waarde,
        nulmeting=nulmeting, eenheid=eenheid, streefwaarde=streefwaarde, periode=periode, methode=methode,
        effect_ervaring=effect_ervaring, bron=bron, vindplaats=vindplaats, toelichting=toelichting)))
    sessie.add(e)
    sessie.flush()
    log_wijzigingen(sessie, "maatregel", m.code, {}, {"effectmeting": f"{e.indicator}: {e.waarde_tekst or ''}"},
                    gebruiker, None)
    return haal_effectmeting(sessie, e.id)


def _effectmeting(sessie: Session, meting_id: int) -> Effectmeting:
    e = sessie.get(Effectmeting, meting_id) if isinstance(meting_id, int) else None
    if e is None:
        raise NietGevonden("Deze effectmeting bestaat niet (meer); misschien heeft iemand anders haar verwijderd.")
    return e


def _velden_van(rij: EffectmetingRij) -> dict:
    return {veld: getattr(rij, veld) for veld in VELDEN}


def beschrijving(rij: EffectmetingRij) -> str:
    """Every filled-in field of a measurement on one line: what the change log keeps of a removed one."""
    delen = []
    for veld, label in VELDEN.items():
        waarde = getattr(rij, veld)
        if veld == "waarde" or waarde is None:  # the number is derived from (or stands beside) the text
            continue
        if veld == "bewijskracht":
            waarde = BEWIJSKRACHT.label(waarde)
        elif veld == "effect_ervaring":
            waarde = EFFECT_ERVARING.label(waarde)
        delen.append(f"{label}: {waarde}")
    return "; ".join(delen)


def wijzig_effectmeting(sessie: Session, meting_id: int, velden: dict, gebruiker: str,
                        versie: int) -> EffectmetingRij:
    """Change the given fields of a measurement (the others keep their value); refused when `versie` is stale.

    A changed `waarde_tekst` without a `waarde` re-derives the number. Logged per field under the measure
    ("effectmeting.<veld>", version None: a measurement's versions are its own), so that the measure's change log
    shows it.
    """
    e = _effectmeting(sessie, meting_id)
    code = sessie.exec(select(Maatregel.code).where(Maatregel.id == e.maatregel_id)).one()
    claim_versie(sessie, Effectmeting, e.id, versie, "effectmeting", code)
    sessie.refresh(e)
    oud = _velden_van(haal_effectmeting(sessie, e.id))
    samen = {**oud, **velden}
    if "waarde_tekst" in velden and "waarde" not in velden:
        samen["waarde"] = None  # re-derived from the new text
    kolommen = _controleer(sessie, samen)
    for kolom, waarde in kolommen.items():
        setattr(e, kolom, waarde)
    sessie.add(e)
    sessie.flush()
    nieuw_rij = haal_effectmeting(sessie, e.id)
    # The number is logged only when it was given: otherwise it follows the value text, which is logged.
    nieuw = {k: v for k, v in _velden_van(nieuw_rij).items() if k != "waarde" or "waarde" in velden}
    log_wijzigingen(sessie, "maatregel", code, {f"effectmeting.{k}": v for k, v in oud.items()},
                    {f"effectmeting.{k}": v for k, v in nieuw.items()}, gebruiker, None)
    return nieuw_rij


def verwijder_effectmeting(sessie: Session, meting_id: int, gebruiker: str, versie: int) -> None:
    """Remove a measurement; the change log keeps all it said, so nothing disappears without trace."""
    e = _effectmeting(sessie, meting_id)
    code = sessie.exec(select(Maatregel.code).where(Maatregel.id == e.maatregel_id)).one()
    claim_versie(sessie, Effectmeting, e.id, versie, "effectmeting", code)
    oud = beschrijving(haal_effectmeting(sessie, e.id))
    sessie.delete(e)
    log_wijzigingen(sessie, "maatregel", code, {"effectmeting": oud}, {"effectmeting": None}, gebruiker, None)
    sessie.flush()


def _rijen(sessie: Session, query, kolom, maatregel_ids: list[int] | None) -> list[tuple[int, EffectmetingRij]]:
    bron_code = dict(sessie.exec(select(Bron.id, Bron.code)).all())
    return [(e.maatregel_id, EffectmetingRij(
        e.id, e.maatregel_code, e.indicator, e.nulmeting, e.waarde_tekst, e.waarde, e.eenheid, e.streefwaarde,
        e.periode, e.methode, e.bewijskracht, e.effect_ervaring, bron_code.get(e.bron_id), e.vindplaats,
        e.toelichting, e.versie)) for e in rijen_voor_maatregelen(sessie, query, kolom, maatregel_ids)]


def _query():
    tabel = Effectmeting.__table__  # Core rows: cheap for thousands of measurements
    return tabel, (select(tabel, Maatregel.code.label("maatregel_code"))
                   .join(Maatregel, Maatregel.id == tabel.c.maatregel_id)
                   .order_by(tabel.c.maatregel_id, tabel.c.id))


def effectmetingen_van(sessie: Session, maatregel_ids: list[int] | None = None) -> dict[int, list[EffectmetingRij]]:
    tabel, query = _query()
    per: dict[int, list[EffectmetingRij]] = {}
    for maatregel_id, rij in _rijen(sessie, query, tabel.c.maatregel_id, maatregel_ids):
        per.setdefault(maatregel_id, []).append(rij)
    return per


def effectmetingen_van_maatregel(sessie: Session, code: str) -> list[EffectmetingRij]:
    """The measurements of one measure, in order of entry; NietGevonden for an unknown code."""
    m = _maatregel(sessie, code)
    return effectmetingen_van(sessie, [m.id]).get(m.id, [])


def haal_effectmeting(sessie: Session, meting_id: int) -> EffectmetingRij:
    tabel, query = _query()
    rijen = _rijen(sessie, query.where(tabel.c.id == meting_id), tabel.c.maatregel_id, None)
    if not rijen:
        raise NietGevonden("Deze effectmeting bestaat niet (meer); misschien heeft iemand anders haar verwijderd.")
    return rijen[0][1]


# --- the register-wide view -----------------------------------------------------------------------------------------

def alle_effectmetingen(sessie: Session) -> list[EffectmetingRij]:
    """The measurements of all active (not archived) measures, by measure code as people read it, then entry."""
    tabel, query = _query()
    query = query.where(Maatregel.gearchiveerd.is_(False))
    rijen = [rij for _, rij in _rijen(sessie, query, tabel.c.maatregel_id, None)]
    rijen.sort(key=lambda r: natuurlijke_sleutel(r.maatregel))  # stable: entry order within a measure
    return rijen


@dataclass(frozen=True)
class EffectFilter:
    """What the register-wide view shows: one method (case-insensitive), one strength of evidence, a search text."""
    methode: str | None = None
    bewijskracht: str | None = None  # a BEWIJSKRACHT code
    zoektekst: str = ""


def zoektekst(r: EffectmetingRij) -> str:
    """The texts the search box searches, normalised: measure code, indicator, values, period, method, source."""
    return normaliseer(" ".join(filter(None, (
        r.maatregel, r.indicator, r.nulmeting, r.waarde_tekst, r.eenheid, r.streefwaarde, r.periode, r.methode,
        r.bron, r.vindplaats, r.toelichting))))


def filter_effectmetingen(rijen: list[EffectmetingRij], f: EffectFilter,
                          zoekteksten: dict[int, str] | None = None) -> list[EffectmetingRij]:
    """The rows that pass `f`, in their order. Text matching is case- and accent-insensitive; search by substring.

    `zoekteksten`: `zoektekst(r)` per row id, when the caller keeps them (a search box filters per keystroke).
    """
    methode = normaliseer((f.methode or "").strip())
    zoek = normaliseer(f.zoektekst.strip())
    if zoek and zoekteksten is None:
        zoekteksten = {r.id: zoektekst(r) for r in rijen}
    return [r for r in rijen
            if (not methode or normaliseer((r.methode or "").strip()) == methode)
            and (not f.bewijskracht or r.bewijskracht == f.bewijskracht)
            and (not zoek or zoek in zoekteksten.get(r.id, ""))]


def _unieke_methoden(teksten) -> list[str]:
    gezien: dict[str, str] = {}
    for tekst in teksten:
        methode = (tekst or "").strip()
        if methode:
            gezien.setdefault(normaliseer(methode), methode)
    return sorted(gezien.values(), key=lambda m: (normaliseer(m), m))


def methoden(rijen: list[EffectmetingRij]) -> list[str]:
    """The methods in use, each once (spellings differing only in case count once), case-insensitively sorted."""
    return _unieke_methoden(r.methode for r in rijen)


def gebruikte_methoden(sessie: Session) -> list[str]:
    """The methods the register's measurements use, as `methoden` lists them (for a combo box to offer)."""
    return _unieke_methoden(sessie.exec(select(Effectmeting.methode).order_by(Effectmeting.id)).all())


def maatregelen_zonder_effectmeting(sessie: Session) -> list[tuple[str, str]]:
    """(code, naam) of the active measures without any measurement: "no effect measurement" is a fact to show."""
    met_effect = select(Effectmeting.maatregel_id).distinct()
    rijen = sessie.exec(select(Maatregel.code, Maatregel.naam).where(
        Maatregel.gearchiveerd.is_(False), Maatregel.id.not_in(met_effect))).all()
    return sorted(((c, n) for c, n in rijen), key=lambda r: natuurlijke_sleutel(r[0]))
