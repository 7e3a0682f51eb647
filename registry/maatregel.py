"""Maatregelen: create, edit, archive and read measures, with the rules on codes, hierarchy, planning and IV."""

import math
import re
from collections import defaultdict
from dataclasses import dataclass
from collections.abc import Callable, Mapping
from datetime import date, datetime

from sqlalchemy import bindparam, delete, func, insert, update
from sqlmodel import Session, select

from registry.bron import bron_id
from registry.domein import domeinen, zoek_domein, zoek_toeslag
from registry.fouten import NietGevonden, ValidatieFout
from registry.planning import OngeldigeDatum, Periode, parse_periode_of_leeg
from registry.tabellen import (Bron, Domein, Maatregel, MaatregelAfhankelijkheid, MaatregelBron, MaatregelToeslag,
                               Statuswijziging, Wijziging, nu)
from registry.tekst import controleer_tekst, natuurlijke_sleutel, normaliseer
from registry.vocabulaire import (EFFECT_BASIS, IV_BLOKKADE_SOORT, IV_OMVANG, PRIORITEIT, VERTRAGINGSREDEN,
                                  VERWACHT_EFFECT, Vocabulaire)
from registry.wijzigingslog import claim_versie, log_wijzigingen, wijzigingsrijen

CODE_PATROON = re.compile(r"^([A-Z]{2,3})-(\d{2,5})$")

TEKSTVELDEN = {
    "naam": "Naam", "omschrijving": "Omschrijving", "doel": "Doel", "doelgroep": "Doelgroep", "eigenaar": "Eigenaar",
    "partners": "Partners", "iv_keten": "IV-keten", "iv_toelichting": "Toelichting IV", "iv_portfolio": "IV-portfolio",
    "data_afhankelijkheid": "Afhankelijkheid van data", "vertraging_toelichting": "Toelichting vertraging",
    "iv_inspanning": "IV-inspanning",
}
JANEE_VELDEN = {"iv_afhankelijk": "IV-afhankelijk", "iv_blokkade": "IV-blokkade", "wetswijziging": "Wetswijziging"}
KEUZEVELDEN: dict[str, Vocabulaire] = {
    "iv_blokkade_soort": IV_BLOKKADE_SOORT, "vertraging_reden": VERTRAGINGSREDEN, "verwacht_effect": VERWACHT_EFFECT,
    "effect_basis": EFFECT_BASIS, "iv_omvang": IV_OMVANG,
}
#: Efforts in weeks (issue 9): a number, empty when unknown.
GETALVELDEN = {"iv_weken": "IV-weken", "personeel_weken": "Personeelsweken"}
MAX_WEKEN = 10_000
PERIODEVELDEN = {"planning_oorspronkelijk": "Oorspronkelijke planning", "planning_huidig": "Huidige planning",
                 "iv_verwacht": "Verwachte datum einde IV-blokkade"}
VERWIJZINGSVELDEN = ("domein", "domein_secundair", "ouder", "toeslagen", "afhankelijk_van")
BEWERKBAAR = (set(TEKSTVELDEN) | set(JANEE_VELDEN) | set(KEUZEVELDEN) | set(GETALVELDEN) | set(PERIODEVELDEN)
              | set(VERWIJZINGSVELDEN))
#: The prioritering decision and the hand-set rank: shown and logged, but changed only through
#: registry.prioritering.besluit (always with a motivation), never through wijzig_maatregel.
BESLUITVELDEN = {
    "prioriteit": PRIORITEIT.naam.capitalize(), "prioriteit_motivatie": "Motivatie prioriteit",
    "prioriteit_datum": "Datum prioriteit", "prioriteit_door": "Prioriteit vastgesteld door",
    "rang_handmatig": "Rang (handmatig)", "rang_motivatie": "Motivatie rang", "rang_datum": "Datum rang",
    "rang_door": "Rang vastgesteld door",
}


@dataclass(frozen=True)
class Bronvermelding:
    bron: str
    vindplaats: str | None
    toelichting: str | None = None


@dataclass(frozen=True)
class MaatregelDetail:
    """Everything about one measure, as plain values: what the detail pane, the JSON and the reports read."""
    id: int
    code: str
    naam: str
    omschrijving: str | None
    doel: str | None
    doelgroep: str | None
    domein: str  # code prefix
    domein_secundair: str | None
    ouder: str | None
    eigenaar: str | None
    partners: str | None
    toeslagen: tuple[str, ...]
    status: str
    fase: str | None
    status_brontekst: str | None
    status_afgeleid: bool
    status_datum: date | None
    iv_afhankelijk: bool | None
    iv_blokkade: bool | None
    iv_keten: str | None
    iv_blokkade_soort: str | None
    iv_toelichting: str | None
    iv_verwacht: Periode | None
    iv_portfolio: str | None
    wetswijziging: bool | None
    data_afhankelijkheid: str | None
    afhankelijk_van: tuple[str, ...]
    planning_oorspronkelijk: Periode | None
    planning_huidig: Periode | None
    vertraging_reden: str | None
    vertraging_toelichting: str | None
    verwacht_effect: str | None
    effect_basis: str | None
    iv_inspanning: str | None
    gearchiveerd: bool
    bronnen: tuple[Bronvermelding, ...]
    versie: int
    aangemaakt_op: datetime
    gewijzigd_op: datetime
    # Prioritering (issue 9). Defaults keep hand-made rows in tests and tools valid.
    iv_weken: float | None = None
    iv_omvang: str | None = None  # vocabulaire.IV_OMVANG code
    personeel_weken: float | None = None
    prioriteit: str | None = None  # vocabulaire.PRIORITEIT code
    prioriteit_motivatie: str | None = None
    prioriteit_datum: date | None = None
    prioriteit_door: str | None = None
    rang_handmatig: int | None = None
    rang_motivatie: str | None = None
    rang_datum: date | None = None
    rang_door: str | None = None


# --- reading --------------------------------------------------------------------------------------------------------

def _periode(tekst, van, tot) -> Periode | None:
    if not tekst or van is None or tot is None:
        return None
    return Periode(tekst, van, tot)


def details(sessie: Session, ids: list[int]) -> list[MaatregelDetail]:
    """Full rows for `ids` (in that order), loaded in a fixed number of queries whatever their count."""
    if not ids:
        return []
    domeincode = dict(sessie.exec(select(Domein.id, Domein.code)).all())
    bron_code = dict(sessie.exec(select(Bron.id, Bron.code)).all())
    code_van: dict[int, str] = {}
    toeslagen: dict[int, list[str]] = defaultdict(list)
    afhankelijk: dict[int, list[int]] = defaultdict(list)
    citaties: dict[int, list[Bronvermelding]] = defaultdict(list)
    per_id: dict = {}
    for blok in _blokken(ids):
        # Core rows, not ORM objects: attribute access alike, but several times cheaper for thousands of rows.
        tabel = Maatregel.__table__
        for m in sessie.execute(select(tabel).where(tabel.c.id.in_(blok))).all():
            per_id[m.id] = m
        for mid, code in sessie.exec(select(MaatregelToeslag.maatregel_id, MaatregelToeslag.toeslag_code)
                                     .where(MaatregelToeslag.maatregel_id.in_(blok))).all():
            toeslagen[mid].append(code)
        for mid, van in sessie.exec(select(MaatregelAfhankelijkheid.maatregel_id,
                                           MaatregelAfhankelijkheid.afhankelijk_van_id)
                                    .where(MaatregelAfhankelijkheid.maatregel_id.in_(blok))).all():
            afhankelijk[mid].append(van)
        tabel = MaatregelBron.__table__
        for c in sessie.execute(select(tabel).where(tabel.c.maatregel_id.in_(blok)).order_by(tabel.c.id)).all():
            citaties[c.maatregel_id].append(Bronvermelding(bron_code[c.bron_id], c.vindplaats, c.toelichting))
    verwezen = {m.ouder_id for m in per_id.values() if m.ouder_id} | {v for vs in afhankelijk.values() for v in vs}
    onbekend = [i for i in verwezen if i not in per_id]
    for blok in _blokken(onbekend):
        code_van.update(sessie.exec(select(Maatregel.id, Maatregel.code).where(Maatregel.id.in_(blok))).all())
    code_van.update({i: m.code for i, m in per_id.items()})

    rijen = []
    for i in ids:
        m = per_id.get(i)
        if m is None:
            continue
        rijen.append(MaatregelDetail(
            id=m.id, code=m.code, naam=m.naam, omschrijving=m.omschrijving, doel=m.doel, doelgroep=m.doelgroep,
            domein=domeincode[m.domein_id],
            domein_secundair=domeincode.get(m.domein_secundair_id) if m.domein_secundair_id else None,
            ouder=code_van.get(m.ouder_id) if m.ouder_id else None, eigenaar=m.eigenaar, partners=m.partners,
            toeslagen=tuple(sorted(toeslagen[i])), status=m.status, fase=m.fase,
            status_brontekst=m.status_brontekst, status_afgeleid=m.status_afgeleid, status_datum=m.status_datum,
            iv_afhankelijk=m.iv_afhankelijk, iv_blokkade=m.iv_blokkade, iv_keten=m.iv_keten,
            iv_blokkade_soort=m.iv_blokkade_soort, iv_toelichting=m.iv_toelichting,
            iv_verwacht=_periode(m.iv_verwacht_tekst, m.iv_verwacht_van, m.iv_verwacht_tot),
            iv_portfolio=m.iv_portfolio, wetswijziging=m.wetswijziging, data_afhankelijkheid=m.data_afhankelijkheid,
            afhankelijk_van=tuple(sorted((code_van[v] for v in afhankelijk[i]), key=natuurlijke_sleutel)),
            planning_oorspronkelijk=_periode(m.planning_oorspronkelijk_tekst, m.planning_oorspronkelijk_van,
                                             m.planning_oorspronkelijk_tot),
            planning_huidig=_periode(m.planning_huidig_tekst, m.planning_huidig_van, m.planning_huidig_tot),
            vertraging_reden=m.vertraging_reden, vertraging_toelichting=m.vertraging_toelichting,
            verwacht_effect=m.verwacht_effect, effect_basis=m.effect_basis, iv_inspanning=m.iv_inspanning,
            gearchiveerd=m.gearchiveerd, bronnen=tuple(citaties[i]), versie=m.versie, aangemaakt_op=m.aangemaakt_op,
            gewijzigd_op=m.gewijzigd_op, iv_weken=m.iv_weken, iv_omvang=m.iv_omvang,
            personeel_weken=m.personeel_weken, prioriteit=m.prioriteit, prioriteit_motivatie=m.prioriteit_motivatie,
            prioriteit_datum=m.prioriteit_datum, prioriteit_door=m.prioriteit_door, rang_handmatig=m.rang_handmatig,
            rang_motivatie=m.rang_motivatie, rang_datum=m.rang_datum, rang_door=m.rang_door,
        ))
    return rijen


def _blokken(ids: list[int], grootte: int = 900):
    """SQLite limits the number of bound parameters; query long id lists in blocks."""
    for start in range(0, len(ids), grootte):
        yield ids[start:start + grootte]


def rijen_voor_maatregelen(sessie: Session, query, kolom, maatregel_ids: list[int] | None) -> list:
    """Run `query` for all measures (None) or for the given ids, in blocks, on `kolom` (the measure id column)."""
    if maatregel_ids is None:
        return list(sessie.execute(query).all())
    rijen = []
    for blok in _blokken(maatregel_ids):
        rijen.extend(sessie.execute(query.where(kolom.in_(blok))).all())
    return rijen


def haal_maatregel(sessie: Session, code: str) -> MaatregelDetail:
    return details(sessie, [_maatregel(sessie, code).id])[0]


def _maatregel(sessie: Session, code: str) -> Maatregel:
    m = sessie.exec(select(Maatregel).where(Maatregel.code == str(code).strip().upper())).first()
    if m is None:
        raise NietGevonden(f"Maatregel {code} bestaat niet.")
    return m


# --- codes ----------------------------------------------------------------------------------------------------------

def stel_code_voor(sessie: Session, domein: str) -> str:
    """The next free code in a domain: one more than the highest number in use, at least two digits."""
    prefix = zoek_domein(sessie, domein).code
    return f"{prefix}-{max(_bestaande_nummers(sessie, prefix), default=0) + 1:02d}"


def controleer_code(code: str, domein_code: str) -> str:
    code = str(code).strip().upper()
    treffer = CODE_PATROON.match(code)
    if not treffer:
        raise ValidatieFout(f'Ongeldige code "{code}": gebruik <domein>-<nummer>, bijvoorbeeld {domein_code}-03.',
                            "code")
    if treffer.group(1) != domein_code:
        raise ValidatieFout(f"De code {code} hoort niet bij het domein {domein_code}: gebruik {domein_code}-<nummer>.",
                            "code")
    return code


# --- field rules ----------------------------------------------------------------------------------------------------

def _janee(veld: str, waarde) -> bool | None:
    if waarde is None or isinstance(waarde, bool):
        return waarde
    raise ValidatieFout(f"{JANEE_VELDEN[veld]}: kies ja, nee of onbekend.", veld)


#: "1.250": a thousands separator to one reader, a decimal point to another.
_DUIZENDTALLEN = re.compile(r"\d{1,3}(\.\d{3})+")


def _dubbelzinnig(tekst: str) -> str:
    """The unambiguous ways to write "1.250": "1250 of 1,25" (only the first when it has several dots)."""
    geheel = tekst.replace(".", "")
    if tekst.count(".") > 1:
        return geheel
    komma = tekst.replace(".", ",").rstrip("0").rstrip(",")
    return f"{geheel} of {komma}"


def weken_als_tekst(weken: float | None) -> str:
    """Weeks as typed back into an edit field, the inverse of controleer_weken: 12.0 -> "12", 2.5 -> "2,5",
    None -> ""; never a thousands separator ("1.250" would be refused as ambiguous)."""
    if weken is None:
        return ""
    return f"{weken:.6f}".rstrip("0").rstrip(".").replace(".", ",")


def controleer_weken(waarde, veld: str, label: str) -> float | None:
    """An effort in weeks as typed or read: empty is unknown (None); a number from 0 to 10.000, a decimal comma
    accepted, "1.250" refused as ambiguous (the page, the dialogs and the import all read weeks through this)."""
    if waarde is None or (isinstance(waarde, str) and not waarde.strip()):
        return None
    if isinstance(waarde, bool):  # a bool is an int to Python, never a number of weeks to a user
        raise ValidatieFout(f"{label}: vul een aantal weken in.", veld)
    if isinstance(waarde, int):
        getal = float(min(max(waarde, -1), MAX_WEKEN + 1))  # a huge int would overflow float()
    elif isinstance(waarde, float):
        getal = waarde
    elif isinstance(waarde, str):
        tekst = waarde.strip().replace(" ", "")
        if _DUIZENDTALLEN.fullmatch(tekst):
            raise ValidatieFout(f"{label}: “{tekst}” is dubbelzinnig: schrijf {_dubbelzinnig(tekst)}.", veld)
        if not re.fullmatch(r"[+-]?(\d+([.,]\d*)?|[.,]\d+)", tekst):
            raise ValidatieFout(f'{label}: "{waarde.strip()}" is geen getal; vul een aantal weken in, bijvoorbeeld '
                                "12 of 2,5.", veld)
        getal = float(tekst.replace(",", "."))
    else:
        raise ValidatieFout(f"{label}: vul een aantal weken in.", veld)
    if math.isnan(getal):
        raise ValidatieFout(f"{label}: vul een aantal weken in.", veld)
    if getal < 0:
        raise ValidatieFout(f"{label} kan niet negatief zijn.", veld)
    if getal > MAX_WEKEN:
        raise ValidatieFout(f"{label}: hoogstens {MAX_WEKEN:,} weken.".replace(",", "."), veld)
    return getal


def _als_periode(veld: str, waarde) -> Periode | None:
    if waarde is None or isinstance(waarde, Periode):
        return waarde
    try:
        return parse_periode_of_leeg(str(waarde))
    except OngeldigeDatum as fout:
        raise ValidatieFout(f"{PERIODEVELDEN[veld]}: {fout}", veld) from fout


def _is_voorouder(sessie: Session, kandidaat_id: int, maatregel_id: int) -> bool:
    """True when `maatregel_id` is `kandidaat_id` or one of its ancestors (so linking would make a cycle)."""
    gezien = set()
    huidig: int | None = kandidaat_id
    while huidig is not None and huidig not in gezien:
        if huidig == maatregel_id:
            return True
        gezien.add(huidig)
        huidig = sessie.exec(select(Maatregel.ouder_id).where(Maatregel.id == huidig)).first()
    return False


def bewerkbare_waarden(d: MaatregelDetail) -> dict:
    """The editable fields' current values: what controleer_velden and the change log compare against."""
    return {veld: getattr(d, veld) for veld in BEWERKBAAR}


def _huidige_waarden(sessie: Session, m: Maatregel) -> dict:
    d = details(sessie, [m.id])[0] if m.id else None
    return bewerkbare_waarden(d) if d else {}


def controleer_velden(huidig: dict, velden: dict, domein: Callable, toeslag: Callable) -> dict:
    """Validate and normalise edited fields against the measure's current values; no database access.

    The one place for the field rules (text length, required name, yes/no, vocabularies, vague dates, secondary
    domain, the planning rules); editing, creating and the spreadsheet import all call it. `huidig` holds at least
    domein, domein_secundair, planning_oorspronkelijk and vertraging_reden (empty for a new measure); `domein(tekst, veld)` and `toeslag(tekst, veld)` look up reference data
    (a DomeinRij / ToeslagRij, or a ValidatieFout). Returns the new values: codes for domains and toeslagen, Periode
    for dates, upper-cased codes for references; an implied original planning is added.
    """
    onbekend = set(velden) - BEWERKBAAR
    if onbekend:
        raise ValidatieFout(f"Onbekende velden: {', '.join(sorted(onbekend))}.")
    nieuw: dict = {}
    for veld, waarde in velden.items():
        if veld in TEKSTVELDEN:
            tekst = controleer_tekst(TEKSTVELDEN[veld], waarde, verplicht=(veld == "naam"), veld=veld)
            nieuw[veld] = tekst.strip() if veld == "naam" else tekst
        elif veld in JANEE_VELDEN:
            nieuw[veld] = _janee(veld, waarde)
        elif veld in KEUZEVELDEN:
            nieuw[veld] = KEUZEVELDEN[veld].controleer(waarde, veld)
        elif veld in GETALVELDEN:
            nieuw[veld] = controleer_weken(waarde, veld, GETALVELDEN[veld])
        elif veld in PERIODEVELDEN:
            nieuw[veld] = _als_periode(veld, waarde)
        elif veld == "domein":
            if waarde is None:
                raise ValidatieFout("Domein is verplicht.", veld)
            nieuw[veld] = domein(waarde, veld).code
        elif veld == "domein_secundair":
            nieuw[veld] = domein(waarde, veld).code if waarde else None
        elif veld == "ouder":
            nieuw[veld] = str(waarde).strip().upper() if waarde else None
        elif veld == "toeslagen":
            nieuw[veld] = tuple(sorted({toeslag(t, veld).code for t in (waarde or ())}))
        elif veld == "afhankelijk_van":
            nieuw[veld] = tuple(sorted({str(c).strip().upper() for c in (waarde or ())}))

    def effectief(veld):
        return nieuw[veld] if veld in nieuw else huidig.get(veld)

    secundair = effectief("domein_secundair")
    if secundair is not None and secundair == effectief("domein"):
        raise ValidatieFout("Het secundaire domein moet een ander domein zijn dan het hoofddomein.", "domein_secundair")
    _controleer_planning(huidig.get("planning_oorspronkelijk"), effectief("vertraging_reden"), nieuw)
    return nieuw


def _controleer_planning(oorspronkelijk: Periode | None, vertraging_reden: str | None, nieuw: dict) -> None:
    """Re-dating never erases the original target; a later current target needs a reason for the delay."""
    if "planning_oorspronkelijk" in nieuw:
        p = nieuw["planning_oorspronkelijk"]
        if oorspronkelijk is not None and (p is None or p.tekst != oorspronkelijk.tekst):
            raise ValidatieFout("De oorspronkelijke planning blijft bewaard en kan niet worden gewijzigd; pas de "
                                "huidige planning aan en geef de reden van de vertraging.", "planning_oorspronkelijk")
        if p is not None:
            oorspronkelijk = p
    if "planning_huidig" in nieuw:
        p = nieuw["planning_huidig"]
        if p is not None and oorspronkelijk is None:
            # The first target ever given is the original one.
            oorspronkelijk = nieuw["planning_oorspronkelijk"] = p
        if p is not None and p.tot > oorspronkelijk.tot and not vertraging_reden:
            raise ValidatieFout("De huidige planning ligt na de oorspronkelijke: geef de reden van de vertraging.",
                                "vertraging_reden")


def _regelwaarden(sessie: Session, m: Maatregel) -> dict:
    """The current values controleer_velden needs, from the ORM row."""
    domeincode = dict(sessie.exec(select(Domein.id, Domein.code)).all())
    return {
        "domein": domeincode.get(m.domein_id), "domein_secundair": domeincode.get(m.domein_secundair_id),
        "planning_oorspronkelijk": _periode(m.planning_oorspronkelijk_tekst, m.planning_oorspronkelijk_van,
                                            m.planning_oorspronkelijk_tot),
        "vertraging_reden": m.vertraging_reden,
    }


def _opzoekers(sessie: Session) -> tuple[Callable, Callable]:
    return (lambda tekst, veld: zoek_domein(sessie, tekst, veld)), (lambda tekst, veld: zoek_toeslag(sessie, tekst, veld))


def _kolomwaarden(nieuw: dict, domein_id: dict[str, int]) -> dict:
    """Table column values for validated fields (the output of controleer_velden); links are not columns."""
    kolommen: dict = {}
    for veld, waarde in nieuw.items():
        if veld in TEKSTVELDEN or veld in JANEE_VELDEN or veld in KEUZEVELDEN or veld in GETALVELDEN:
            kolommen[veld] = waarde
        elif veld in PERIODEVELDEN:
            kolommen[f"{veld}_tekst"], kolommen[f"{veld}_van"], kolommen[f"{veld}_tot"] = \
                (waarde.tekst, waarde.van, waarde.tot) if waarde else (None, None, None)
        elif veld == "domein":
            kolommen["domein_id"] = domein_id[waarde]
        elif veld == "domein_secundair":
            kolommen["domein_secundair_id"] = domein_id[waarde] if waarde else None
    return kolommen


def _zoekvelden(code: str, naam: str | None, omschrijving: str | None, eigenaar: str | None,
                iv_keten: str | None) -> dict:
    """The normalised copies the filters search in."""
    return {"zoektekst": normaliseer(" ".join(filter(None, (code, naam, omschrijving)))),
            "eigenaar_zoek": normaliseer(eigenaar), "iv_keten_zoek": normaliseer(iv_keten)}


def _pas_toe(sessie: Session, m: Maatregel, velden: dict) -> dict:
    """Validate `velden` and write them onto `m` (links after a flush); returns the new values for the change log."""
    nieuw = controleer_velden(_regelwaarden(sessie, m), velden, *_opzoekers(sessie))
    domein_id = {d.code: d.id for d in domeinen(sessie)}
    for kolom, waarde in _kolomwaarden(nieuw, domein_id).items():
        setattr(m, kolom, waarde)
    for kolom, waarde in _zoekvelden(m.code, m.naam, m.omschrijving, m.eigenaar, m.iv_keten).items():
        setattr(m, kolom, waarde)
    m.gewijzigd_op = nu()
    sessie.add(m)
    sessie.flush()

    if "ouder" in nieuw:
        ouder = _maatregel(sessie, nieuw["ouder"]) if nieuw["ouder"] else None
        if ouder is not None and _is_voorouder(sessie, ouder.id, m.id):
            raise ValidatieFout(kringloopmelding(ouder.code, m.code), "ouder")
        m.ouder_id = ouder.id if ouder else None
    if "toeslagen" in nieuw:
        sessie.execute(delete(MaatregelToeslag).where(MaatregelToeslag.maatregel_id == m.id))
        sessie.add_all(MaatregelToeslag(maatregel_id=m.id, toeslag_code=t) for t in nieuw["toeslagen"])
    if "afhankelijk_van" in nieuw:
        doelen = [_maatregel(sessie, c) for c in nieuw["afhankelijk_van"]]
        if any(d.id == m.id for d in doelen):
            raise ValidatieFout(ZELFAFHANKELIJK, "afhankelijk_van")
        sessie.execute(delete(MaatregelAfhankelijkheid).where(MaatregelAfhankelijkheid.maatregel_id == m.id))
        sessie.add_all(MaatregelAfhankelijkheid(maatregel_id=m.id, afhankelijk_van_id=d.id) for d in doelen)
    sessie.flush()
    return nieuw


ZELFAFHANKELIJK = "Een maatregel kan niet van zichzelf afhangen."


def heeft_kringloop(code: str, ouder_van: Mapping[str, str | None], ouder: str | None = None) -> bool:
    """True when `ouder` (default: ouder_van[code]) as the parent of `code` makes a measure its own ancestor.

    The walk follows ouder_van and stops at a measure without a parent or one ouder_van does not hold.
    """
    gezien, huidig = {code}, ouder if ouder is not None else ouder_van.get(code)
    while huidig in ouder_van:
        if huidig in gezien:
            return True
        gezien.add(huidig)
        huidig = ouder_van[huidig]
    return False


def kringloopmelding(ouder: str, code: str) -> str:
    return (f"{ouder} kan niet de bovenliggende maatregel van {code} zijn: een maatregel kan niet zijn eigen "
            "voorouder zijn.")


# --- use cases ------------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class NieuweMaatregel:
    """A measure to create in bulk: a free code, fields validated by controleer_velden, its first status entry."""
    code: str
    velden: dict  # the output of controleer_velden({}, ...): must hold naam and domein
    status: "Statusregel"  # registry.status.Statusregel (imported lazily: status imports this module)
    bron: str | None = None  # the source of the first status entry
    bronnen: tuple[tuple[str, str | None], ...] = ()  # citations: (source code, vindplaats)
    gearchiveerd: bool = False


def _bestaande_nummers(sessie: Session, prefix: str) -> dict[int, str]:
    nummers = {}
    for bestaand in sessie.exec(select(Maatregel.code).where(Maatregel.code.startswith(f"{prefix}-"))).all():
        treffer = CODE_PATROON.match(bestaand)
        if treffer and treffer.group(1) == prefix:
            nummers[int(treffer.group(2))] = bestaand
    return nummers


def voeg_maatregelen_toe(sessie: Session, nieuwe: list[NieuweMaatregel], gebruiker: str) -> dict[str, int]:
    """Create many measures with a fixed number of statements; returns code -> id.

    The caller has chosen free codes and validated the fields (controleer_velden) and status entries
    (controleer_statusregel). Here the references are resolved: parents and dependencies may be existing measures
    or others in `nieuwe`; sources must exist. Each measure gets its citations, its first status entry and its
    creation in the change log, as one by one creation would write them.
    """
    if not nieuwe:
        return {}
    sessie.flush()
    domein_id = {d.code: d.id for d in domeinen(sessie)}
    nieuwe_codes = {n.code for n in nieuwe}
    verwezen = sorted({c for n in nieuwe for c in (n.velden.get("ouder"), *n.velden.get("afhankelijk_van", ()))
                       if c and c not in nieuwe_codes})
    bestaand: dict[str, int] = {}
    for blok in _blokken(verwezen):
        bestaand.update(sessie.exec(select(Maatregel.code, Maatregel.id).where(Maatregel.code.in_(blok))).all())
    for code in verwezen:
        if code not in bestaand:
            raise NietGevonden(f"Maatregel {code} bestaat niet.")
    ouder_van = {n.code: n.velden.get("ouder") for n in nieuwe}
    for n in nieuwe:
        if n.code in n.velden.get("afhankelijk_van", ()):
            raise ValidatieFout(ZELFAFHANKELIJK, "afhankelijk_van")
        if heeft_kringloop(n.code, ouder_van):  # only new measures can point back at a new one
            raise ValidatieFout(kringloopmelding(ouder_van[n.code], n.code), "ouder")
    broncodes = sorted({b for n in nieuwe for b in (n.bron, *(c for c, _ in n.bronnen)) if b})
    bron_ids: dict[str, int] = {}
    for blok in _blokken(broncodes):
        bron_ids.update(sessie.exec(select(Bron.code, Bron.id).where(Bron.code.in_(blok))).all())
    for code in broncodes:
        if code not in bron_ids:
            raise NietGevonden(f"Onbekende bron: {code}.")

    tijdstip = nu()
    rijen = []
    for n in nieuwe:
        v = n.velden
        rij = {k: None for k in _MAATREGELKOLOMMEN}
        rij.update(_kolomwaarden(v, domein_id))
        rij.update(_zoekvelden(n.code, v.get("naam"), v.get("omschrijving"), v.get("eigenaar"), v.get("iv_keten")))
        rij.update(code=n.code, status=n.status.nieuw, fase=n.status.fase, status_brontekst=n.status.brontekst,
                   status_afgeleid=n.status.afgeleid, status_datum=n.status.datum, gearchiveerd=n.gearchiveerd,
                   versie=1, aangemaakt_op=tijdstip, gewijzigd_op=tijdstip, ouder_id=None)
        rijen.append(rij)
    tabel = Maatregel.__table__
    ids: dict[str, int] = {}
    for start in range(0, len(rijen), 2000):
        terug = sessie.execute(insert(tabel).returning(tabel.c.code, tabel.c.id, sort_by_parameter_order=True),
                               rijen[start:start + 2000])
        ids.update((code, i) for code, i in terug.all())
    alle_ids = {**bestaand, **ids}

    ouders = [{"_id": ids[n.code], "_ouder": alle_ids[n.velden["ouder"]]} for n in nieuwe if n.velden.get("ouder")]
    if ouders:
        sessie.execute(update(tabel).where(tabel.c.id == bindparam("_id")).values(ouder_id=bindparam("_ouder"))
                       .execution_options(synchronize_session=False), ouders)
    toeslagen = [{"maatregel_id": ids[n.code], "toeslag_code": t} for n in nieuwe for t in n.velden.get("toeslagen", ())]
    afhankelijk = [{"maatregel_id": ids[n.code], "afhankelijk_van_id": alle_ids[c]}
                   for n in nieuwe for c in n.velden.get("afhankelijk_van", ())]
    citaties = [{"maatregel_id": ids[n.code], "bron_id": bron_ids[b], "vindplaats": vp, "toelichting": None}
                for n in nieuwe for b, vp in n.bronnen]
    historie = [{"maatregel_id": ids[n.code], "datum": n.status.datum, "oud": None, "nieuw": n.status.nieuw,
                 "fase": n.status.fase, "brontekst": n.status.brontekst, "toelichting": n.status.toelichting,
                 "gebruiker": gebruiker, "bron_id": bron_ids.get(n.bron), "vindplaats": n.status.vindplaats,
                 "afgeleid": n.status.afgeleid, "vervangt_id": None, "geregistreerd_op": tijdstip} for n in nieuwe]
    log = []
    for n in nieuwe:
        gelogd = {"code": n.code, **n.velden, **({"gearchiveerd": True} if n.gearchiveerd else {})}
        log.extend(wijzigingsrijen("maatregel", n.code, {}, gelogd, gebruiker, 1, tijdstip))
    for model, waarden in ((MaatregelToeslag, toeslagen), (MaatregelAfhankelijkheid, afhankelijk),
                           (MaatregelBron, citaties), (Statuswijziging, historie), (Wijziging, log)):
        if waarden:
            sessie.execute(insert(model.__table__), waarden)
    return ids


_MAATREGELKOLOMMEN = tuple(k.name for k in Maatregel.__table__.columns if k.name != "id")


def maak_maatregel(sessie: Session, velden: dict, gebruiker: str, *, code: str | None = None, status: str = "niet",
                   status_datum: date | None = None, toelichting: str = "Maatregel opgenomen in het register.",
                   bron: str | None = None, vindplaats: str | None = None, brontekst: str | None = None,
                   fase: str | None = None, afgeleid: bool = False) -> MaatregelDetail:
    """Create a measure with its first status history entry; the code is proposed per domain when not given."""
    from registry.status import controleer_statusregel

    if not velden.get("domein"):
        raise ValidatieFout("Domein is verplicht.", "domein")
    domein = zoek_domein(sessie, velden["domein"])
    code = controleer_code(code, domein.code) if code else stel_code_voor(sessie, domein.code)
    nummer = int(CODE_PATROON.match(code).group(2))
    if nummer in (bestaande := _bestaande_nummers(sessie, domein.code)):
        # TV-1 and TV-001 would be the same measure to a reader
        raise ValidatieFout(f"Er is al een maatregel met code {bestaande[nummer]}.", "code")
    if "naam" not in velden:
        raise ValidatieFout("Naam is verplicht.", "naam")
    nieuw = controleer_velden({}, velden, *_opzoekers(sessie))
    regel = controleer_statusregel(nieuw=status, datum=status_datum or date.today(), toelichting=toelichting,
                                   brontekst=brontekst, fase=fase, vindplaats=vindplaats, afgeleid=afgeleid)
    bronnen = ((bron, regel.vindplaats),) if bron else ()
    voeg_maatregelen_toe(sessie, [NieuweMaatregel(code, nieuw, regel, bron, bronnen)], gebruiker)
    return haal_maatregel(sessie, code)


def wijzig_maatregel(sessie: Session, code: str, velden: dict, gebruiker: str, versie: int) -> MaatregelDetail:
    """Save edited fields, refused with a ConflictFout when the measure changed since `versie` was read."""
    m = _maatregel(sessie, code)
    oud = _huidige_waarden(sessie, m)
    nieuwe_versie = claim_versie(sessie, Maatregel, m.id, versie, "maatregel", m.code)
    sessie.refresh(m)
    nieuw = _pas_toe(sessie, m, velden)
    log_wijzigingen(sessie, "maatregel", m.code, oud, nieuw, gebruiker, nieuwe_versie)
    return haal_maatregel(sessie, m.code)


def archiveer(sessie: Session, code: str, gebruiker: str, versie: int, gearchiveerd: bool = True) -> MaatregelDetail:
    """Soft delete (or restore): an archived measure keeps everything, but filters leave it out by default."""
    m = _maatregel(sessie, code)
    nieuwe_versie = claim_versie(sessie, Maatregel, m.id, versie, "maatregel", m.code)
    sessie.refresh(m)
    log_wijzigingen(sessie, "maatregel", m.code, {"gearchiveerd": m.gearchiveerd}, {"gearchiveerd": gearchiveerd},
                    gebruiker, nieuwe_versie)
    m.gearchiveerd = gearchiveerd
    m.gewijzigd_op = nu()
    sessie.add(m)
    sessie.flush()
    return haal_maatregel(sessie, m.code)


#: What a duplicate takes over: the substance of the measure, not its identity, status, history or original target.
DUPLICEER_VELDEN = tuple(sorted(BEWERKBAAR - {"naam", "planning_oorspronkelijk"}))


def dupliceer(sessie: Session, code: str, gebruiker: str) -> MaatregelDetail:
    """A new measure in the same domain with the next free code, a copy of the fields, status `niet` and fresh history.

    Typical use: split a measure, or add a sibling under the same parent. The copy's planning starts as its own
    original target, and it cites the same sources as the measure it was copied from.
    """
    bron = haal_maatregel(sessie, code)
    velden = {veld: getattr(bron, veld) for veld in DUPLICEER_VELDEN}
    velden["naam"] = f"Kopie van {bron.naam}"
    kopie = maak_maatregel(sessie, velden, gebruiker, toelichting=f"Maatregel opgenomen als kopie van {bron.code}.")
    for b in bron.bronnen:
        voeg_bronvermelding_toe(sessie, kopie.code, b.bron, b.vindplaats, gebruiker, b.toelichting)
    return haal_maatregel(sessie, kopie.code)


def voeg_bronvermelding_toe(sessie: Session, code: str, bron: str, vindplaats: str | None, gebruiker: str,
                            toelichting: str | None = None) -> None:
    """Cite a source for a measure (no version check: adding a citation never conflicts with an edit)."""
    m = _maatregel(sessie, code)
    sessie.add(MaatregelBron(maatregel_id=m.id, bron_id=bron_id(sessie, bron),
                             vindplaats=controleer_tekst("Vindplaats", vindplaats),
                             toelichting=controleer_tekst("Toelichting", toelichting)))
    log_wijzigingen(sessie, "maatregel", m.code, {}, {"bron": f"{bron} {vindplaats or ''}".strip()}, gebruiker, None)
    sessie.flush()


def codes_en_iv_ketens(sessie: Session) -> list[tuple[str, str | None]]:
    """Every measure's code and IV chain (archived ones too), in code order: what completion lists offer."""
    rijen = sessie.exec(select(Maatregel.code, Maatregel.iv_keten)).all()
    return sorted(rijen, key=lambda r: natuurlijke_sleutel(r[0]))


def aantal_maatregelen(sessie: Session) -> int:
    return sessie.exec(select(func.count()).select_from(Maatregel)).one()


def vervang_bronvermeldingen(sessie: Session, code: str, bronnen, gebruiker: str) -> None:
    """Replace a measure's citations by `bronnen` ((source code, vindplaats) pairs, in order); a citation that stays
    keeps its toelichting."""
    m = _maatregel(sessie, code)
    oud = sessie.exec(select(MaatregelBron, Bron.code).join(Bron, Bron.id == MaatregelBron.bron_id)
                      .where(MaatregelBron.maatregel_id == m.id).order_by(MaatregelBron.id)).all()
    toelichting = {(broncode, c.vindplaats): c.toelichting for c, broncode in oud}
    nieuw = [(bron, controleer_tekst("Vindplaats", vindplaats)) for bron, vindplaats in bronnen]
    ids = {bron: bron_id(sessie, bron) for bron, _ in nieuw}
    sessie.execute(delete(MaatregelBron).where(MaatregelBron.maatregel_id == m.id))
    sessie.add_all(MaatregelBron(maatregel_id=m.id, bron_id=ids[bron], vindplaats=vindplaats,
                                 toelichting=toelichting.get((bron, vindplaats))) for bron, vindplaats in nieuw)

    def tekst(paren):
        return "; ".join(f"{b} {v or ''}".strip() for b, v in paren) or None
    log_wijzigingen(sessie, "maatregel", m.code, {"bronnen": tekst(toelichting)}, {"bronnen": tekst(nieuw)},
                    gebruiker, None)
    sessie.flush()
