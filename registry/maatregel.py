"""Maatregelen: create, edit, archive and read measures, with the rules on codes, hierarchy, planning and IV."""

import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import delete, func
from sqlmodel import Session, select

from registry.bron import bron_id
from registry.domein import zoek_domein, zoek_toeslag
from registry.fouten import NietGevonden, ValidatieFout
from registry.planning import OngeldigeDatum, Periode, parse_periode_of_leeg
from registry.tabellen import (Bron, Domein, Maatregel, MaatregelAfhankelijkheid, MaatregelBron, MaatregelToeslag,
                               nu)
from registry.tekst import controleer_tekst, natuurlijke_sleutel, normaliseer
from registry.vocabulaire import (EFFECT_BASIS, IV_BLOKKADE_SOORT, STATUS, VERTRAGINGSREDEN, VERWACHT_EFFECT,
                                  Vocabulaire)
from registry.wijzigingslog import claim_versie, log_wijzigingen

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
    "effect_basis": EFFECT_BASIS,
}
PERIODEVELDEN = {"planning_oorspronkelijk": "Oorspronkelijke planning", "planning_huidig": "Huidige planning",
                 "iv_verwacht": "Verwachte datum einde IV-blokkade"}
VERWIJZINGSVELDEN = ("domein", "domein_secundair", "ouder", "toeslagen", "afhankelijk_van")
BEWERKBAAR = (set(TEKSTVELDEN) | set(JANEE_VELDEN) | set(KEUZEVELDEN) | set(PERIODEVELDEN) | set(VERWIJZINGSVELDEN))


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
            gewijzigd_op=m.gewijzigd_op,
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
    hoogste = 0
    for code in sessie.exec(select(Maatregel.code).where(Maatregel.code.startswith(f"{prefix}-"))).all():
        treffer = CODE_PATROON.match(code)
        if treffer and treffer.group(1) == prefix:
            hoogste = max(hoogste, int(treffer.group(2)))
    return f"{prefix}-{hoogste + 1:02d}"


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


def _huidige_waarden(sessie: Session, m: Maatregel) -> dict:
    d = details(sessie, [m.id])[0] if m.id else None
    return {veld: getattr(d, veld) for veld in BEWERKBAAR} if d else {}


def _pas_toe(sessie: Session, m: Maatregel, velden: dict) -> dict:
    """Validate `velden` and write them onto `m` (links after a flush); returns the new values for the change log."""
    onbekend = set(velden) - BEWERKBAAR
    if onbekend:
        raise ValidatieFout(f"Onbekende velden: {', '.join(sorted(onbekend))}.")
    nieuw: dict = {}
    for veld, waarde in velden.items():
        if veld in TEKSTVELDEN:
            tekst = controleer_tekst(TEKSTVELDEN[veld], waarde, verplicht=(veld == "naam"), veld=veld)
            setattr(m, veld, tekst.strip() if veld == "naam" else tekst)
            nieuw[veld] = getattr(m, veld)
        elif veld in JANEE_VELDEN:
            setattr(m, veld, _janee(veld, waarde))
            nieuw[veld] = getattr(m, veld)
        elif veld in KEUZEVELDEN:
            setattr(m, veld, KEUZEVELDEN[veld].controleer(waarde, veld))
            nieuw[veld] = getattr(m, veld)
        elif veld in PERIODEVELDEN:
            nieuw[veld] = _als_periode(veld, waarde)
        elif veld == "domein":
            if waarde is None:
                raise ValidatieFout("Domein is verplicht.", veld)
            domein = zoek_domein(sessie, waarde, veld)
            m.domein_id, nieuw[veld] = domein.id, domein.code
        elif veld == "domein_secundair":
            d = zoek_domein(sessie, waarde, veld) if waarde else None
            m.domein_secundair_id = d.id if d else None
            nieuw[veld] = d.code if d else None
        elif veld == "ouder":
            nieuw[veld] = str(waarde).strip().upper() if waarde else None
        elif veld == "toeslagen":
            nieuw[veld] = tuple(sorted({zoek_toeslag(sessie, t, veld).code for t in (waarde or ())}))
        elif veld == "afhankelijk_van":
            nieuw[veld] = tuple(sorted({str(c).strip().upper() for c in (waarde or ())}))

    if m.domein_secundair_id is not None and m.domein_secundair_id == m.domein_id:
        raise ValidatieFout("Het secundaire domein moet een ander domein zijn dan het hoofddomein.", "domein_secundair")
    _pas_planning_toe(m, nieuw)
    if "iv_verwacht" in nieuw:
        p = nieuw["iv_verwacht"]
        m.iv_verwacht_tekst, m.iv_verwacht_van, m.iv_verwacht_tot = (p.tekst, p.van, p.tot) if p else (None,) * 3
    m.zoektekst = normaliseer(" ".join(filter(None, (m.code, m.naam, m.omschrijving))))
    m.eigenaar_zoek = normaliseer(m.eigenaar)
    m.iv_keten_zoek = normaliseer(m.iv_keten)
    m.gewijzigd_op = nu()
    sessie.add(m)
    sessie.flush()

    if "ouder" in nieuw:
        ouder = _maatregel(sessie, nieuw["ouder"]) if nieuw["ouder"] else None
        if ouder is not None and _is_voorouder(sessie, ouder.id, m.id):
            raise ValidatieFout(f"{ouder.code} kan niet de bovenliggende maatregel van {m.code} zijn: een maatregel "
                                "kan niet zijn eigen voorouder zijn.", "ouder")
        m.ouder_id = ouder.id if ouder else None
    if "toeslagen" in nieuw:
        sessie.execute(delete(MaatregelToeslag).where(MaatregelToeslag.maatregel_id == m.id))
        sessie.add_all(MaatregelToeslag(maatregel_id=m.id, toeslag_code=t) for t in nieuw["toeslagen"])
    if "afhankelijk_van" in nieuw:
        doelen = [_maatregel(sessie, c) for c in nieuw["afhankelijk_van"]]
        if any(d.id == m.id for d in doelen):
            raise ValidatieFout("Een maatregel kan niet van zichzelf afhangen.", "afhankelijk_van")
        sessie.execute(delete(MaatregelAfhankelijkheid).where(MaatregelAfhankelijkheid.maatregel_id == m.id))
        sessie.add_all(MaatregelAfhankelijkheid(maatregel_id=m.id, afhankelijk_van_id=d.id) for d in doelen)
    sessie.flush()
    return nieuw


def _pas_planning_toe(m: Maatregel, nieuw: dict) -> None:
    """Re-dating never erases the original target; a later current target needs a reason for the delay."""
    if "planning_oorspronkelijk" in nieuw:
        p = nieuw["planning_oorspronkelijk"]
        if m.planning_oorspronkelijk_tekst and (p is None or p.tekst != m.planning_oorspronkelijk_tekst):
            raise ValidatieFout("De oorspronkelijke planning blijft bewaard en kan niet worden gewijzigd; pas de "
                                "huidige planning aan en geef de reden van de vertraging.", "planning_oorspronkelijk")
        if p is not None:
            m.planning_oorspronkelijk_tekst, m.planning_oorspronkelijk_van, m.planning_oorspronkelijk_tot = \
                p.tekst, p.van, p.tot
    if "planning_huidig" in nieuw:
        p = nieuw["planning_huidig"]
        if p is not None and not m.planning_oorspronkelijk_tekst:
            # The first target ever given is the original one.
            m.planning_oorspronkelijk_tekst, m.planning_oorspronkelijk_van, m.planning_oorspronkelijk_tot = \
                p.tekst, p.van, p.tot
            nieuw["planning_oorspronkelijk"] = p
        if (p is not None and m.planning_oorspronkelijk_tot is not None and p.tot > m.planning_oorspronkelijk_tot
                and not m.vertraging_reden):
            raise ValidatieFout("De huidige planning ligt na de oorspronkelijke: geef de reden van de vertraging.",
                                "vertraging_reden")
        m.planning_huidig_tekst, m.planning_huidig_van, m.planning_huidig_tot = \
            (p.tekst, p.van, p.tot) if p else (None, None, None)


# --- use cases ------------------------------------------------------------------------------------------------------

def maak_maatregel(sessie: Session, velden: dict, gebruiker: str, *, code: str | None = None, status: str = "niet",
                   status_datum: date | None = None, toelichting: str = "Maatregel opgenomen in het register.",
                   bron: str | None = None, vindplaats: str | None = None, brontekst: str | None = None,
                   fase: str | None = None, afgeleid: bool = False) -> MaatregelDetail:
    """Create a measure with its first status history entry; the code is proposed per domain when not given."""
    from registry.status import schrijf_statusregel

    if not velden.get("domein"):
        raise ValidatieFout("Domein is verplicht.", "domein")
    domein = zoek_domein(sessie, velden["domein"])
    code = controleer_code(code, domein.code) if code else stel_code_voor(sessie, domein.code)
    nummer = int(CODE_PATROON.match(code).group(2))
    for bestaand in sessie.exec(select(Maatregel.code).where(Maatregel.code.startswith(f"{domein.code}-"))).all():
        treffer = CODE_PATROON.match(bestaand)
        if treffer and int(treffer.group(2)) == nummer:  # TV-1 and TV-001 would be the same measure to a reader
            raise ValidatieFout(f"Er is al een maatregel met code {bestaand}.", "code")
    if "naam" not in velden:
        raise ValidatieFout("Naam is verplicht.", "naam")
    m = Maatregel(code=code, naam="", domein_id=domein.id, status=STATUS.controleer(status, "status", True))
    nieuw = _pas_toe(sessie, m, velden)
    log_wijzigingen(sessie, "maatregel", code, {}, {"code": code, **nieuw}, gebruiker, m.versie)
    if bron:
        sessie.add(MaatregelBron(maatregel_id=m.id, bron_id=bron_id(sessie, bron),
                                 vindplaats=controleer_tekst("Vindplaats", vindplaats)))
    schrijf_statusregel(sessie, m, nieuw=m.status, datum=status_datum or date.today(), toelichting=toelichting,
                        gebruiker=gebruiker, bron=bron, vindplaats=vindplaats, brontekst=brontekst, fase=fase,
                        afgeleid=afgeleid)
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
