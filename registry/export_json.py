"""The register as JSON (brief §5): the contract other tools read. Dates ISO, vague dates {tekst, van, tot}, lists by code."""

from datetime import date, datetime

from sqlmodel import Session

from registry.aanbeveling import aanbevelingen
from registry.bron import bronnen
from registry.domein import domeinen, toeslagen
from registry.effectmeting import effectmetingen_van
from registry.filters import Filter, zoek_ids
from registry.maatregel import details
from registry.planning import Periode
from registry.prioritering.besluit import besluiten
from registry.prioritering.capaciteit import capaciteiten
from registry.status import historie_van


def _waarde(w):
    if isinstance(w, Periode):
        return w.als_json()
    if isinstance(w, (date, datetime)):
        return w.isoformat()
    return w


def _verwijzing(bron: str | None, vindplaats: str | None) -> dict | None:
    return {"bron": bron, "vindplaats": vindplaats} if bron or vindplaats else None


def register_als_json(sessie: Session, f: Filter = Filter()) -> dict:
    ids = zoek_ids(sessie, f)
    volle_naam = {d.code: d.volledige_naam for d in domeinen(sessie)}
    historie = historie_van(sessie, ids)
    metingen = effectmetingen_van(sessie, ids)
    maatregelen = []
    for d in details(sessie, ids):
        maatregelen.append({
            "code": d.code, "naam": d.naam, "omschrijving": d.omschrijving, "doel": d.doel, "doelgroep": d.doelgroep,
            "domein": volle_naam[d.domein], "domein_code": d.domein,
            "domein_secundair": volle_naam.get(d.domein_secundair) if d.domein_secundair else None,
            "ouder": d.ouder, "eigenaar": d.eigenaar, "partners": d.partners, "toeslagen": list(d.toeslagen),
            "status": d.status, "fase": d.fase, "status_afgeleid": d.status_afgeleid,
            "status_brontekst": d.status_brontekst, "status_datum": _waarde(d.status_datum),
            "iv_afhankelijk": d.iv_afhankelijk, "iv_blokkade": d.iv_blokkade, "iv_keten": d.iv_keten,
            "iv_blokkade_soort": d.iv_blokkade_soort, "iv_toelichting": d.iv_toelichting,
            "iv_verwacht": _waarde(d.iv_verwacht), "iv_portfolio": d.iv_portfolio,
            "wetswijziging": d.wetswijziging, "data_afhankelijkheid": d.data_afhankelijkheid,
            "afhankelijk_van": list(d.afhankelijk_van),
            "planning_oorspronkelijk": _waarde(d.planning_oorspronkelijk),
            "planning_huidig": _waarde(d.planning_huidig), "vertraging_reden": d.vertraging_reden,
            "vertraging_toelichting": d.vertraging_toelichting, "verwacht_effect": d.verwacht_effect,
            "effect_basis": d.effect_basis, "iv_inspanning": d.iv_inspanning, "iv_weken": d.iv_weken,
            "iv_omvang": d.iv_omvang, "personeel_weken": d.personeel_weken,
            "prioriteit": {"prioriteit": d.prioriteit, "motivatie": d.prioriteit_motivatie,
                           "datum": _waarde(d.prioriteit_datum), "door": d.prioriteit_door}
            if d.prioriteit is not None else None,
            "rang_handmatig": {"rang": d.rang_handmatig, "motivatie": d.rang_motivatie,
                               "datum": _waarde(d.rang_datum), "door": d.rang_door}
            if d.rang_handmatig is not None else None,
            "gearchiveerd": d.gearchiveerd, "versie": d.versie,
            "bronnen": [{"bron": b.bron, "vindplaats": b.vindplaats} for b in d.bronnen],
            "statushistorie": [{
                "id": h.id, "datum": _waarde(h.datum), "oud": h.oud, "nieuw": h.nieuw, "fase": h.fase,
                "brontekst": h.brontekst, "toelichting": h.toelichting, "gebruiker": h.gebruiker,
                "bron": _verwijzing(h.bron, h.vindplaats), "afgeleid": h.afgeleid, "vervangt": h.vervangt,
                "vervangen": h.vervangen,
            } for h in historie.get(d.id, [])],
            "effectmetingen": [{
                "indicator": e.indicator, "nulmeting": e.nulmeting, "waarde": e.waarde_tekst,
                "waarde_getal": e.waarde, "eenheid": e.eenheid, "streefwaarde": e.streefwaarde, "periode": e.periode,
                "methode": e.methode, "bewijskracht": e.bewijskracht, "effect_ervaring": e.effect_ervaring,
                "bron": _verwijzing(e.bron, e.vindplaats), "toelichting": e.toelichting,
            } for e in metingen.get(d.id, [])],
        })
    # With a filter, the recommendations linked to a selected measure (as in the PDF's section 7).
    gekozen = None if f.is_leeg() else set(ids)
    return {
        "maatregelen": maatregelen,
        "aanbevelingen": [{
            "code": a.code, "titel": a.titel, "tekst": a.tekst, "bron": a.bron, "vindplaats": a.vindplaats,
            "nummer": a.nummer, "thema": a.thema, "datum": _waarde(a.datum), "deadline": _waarde(a.deadline),
            "opvolging": a.opvolging, "motivatie": a.motivatie, "besloten_op": _waarde(a.besloten_op),
            "besloten_door": a.besloten_door, "maatregelen": list(a.maatregelen),
        } for a in aanbevelingen(sessie, maatregel_ids=gekozen)],
        "bronnen": [{"code": b.code, "titel": b.titel, "uitgever": b.uitgever, "datum": _waarde(b.datum),
                     "soort": b.soort, "referentie": b.referentie} for b in bronnen(sessie)],
        "domeinen": [{"code": d.code, "naam": d.naam, "volledige_naam": d.volledige_naam}
                     for d in sorted(domeinen(sessie), key=lambda d: d.code)],
        "toeslagen": [{"code": t.code, "naam": t.naam} for t in sorted(toeslagen(sessie), key=lambda t: t.code)],
        "filter": f.omschrijving(),
        # Register-wide, whatever the filter: the capacity and the decisions the measures were weighed against.
        "iv_capaciteit": [{"keten": c.keten, "periode": c.periode.als_json(), "weken": c.weken,
                           "toelichting": c.toelichting}
                          for c in sorted(capaciteiten(sessie),
                                          key=lambda c: (c.keten_sleutel, c.periode.van, c.periode.tot))],
        "prioriteringsbesluiten": [{"datum": _waarde(b.datum), "besloten_door": b.besloten_door,
                                    "motivatie": b.motivatie, "wijzigingen": list(b.wijzigingen),
                                    "gevolgen": list(b.gevolgen)} for b in reversed(besluiten(sessie))],
    }
