"""The starter register: the measures of the five source documents, loaded into a new database.

The data lives in `resources/startregister/` (one JSON file per domain, see FORMAAT.md there) and cites the source
texts in `resources/bronnen/`. `controleer()` checks the data against the register's rules and the documents;
`laad_startregister()` loads it through the ordinary use cases. Run `python -m registry.startregister controleer`.
"""

import json
import sys
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

from sqlmodel import Session

from registry.planning import OngeldigeDatum, parse_periode_of_leeg
from registry.tekst import MAX_TEKSTLENGTE, normaliseer
from registry.vocabulaire import (BRONSOORT, DOMEINEN, FASE, IV_BLOKKADE_SOORT, STATUS, TOESLAGEN, VERTRAGINGSREDEN)

RESOURCES = Path(__file__).resolve().parents[1] / "resources"
STARTMAP = RESOURCES / "startregister"
BRONNENMAP = RESOURCES / "bronnen"
GEBRUIKER = "startregister"

MAATREGEL_SLEUTELS = {
    "code", "naam", "omschrijving", "doel", "doelgroep", "domein", "domein_secundair", "ouder", "toeslagen",
    "eigenaar", "partners", "iv_afhankelijk", "iv_blokkade", "iv_keten", "iv_blokkade_soort", "iv_toelichting",
    "iv_verwacht", "wetswijziging", "data_afhankelijkheid", "afhankelijk_van", "planning_oorspronkelijk",
    "planning_huidig", "vertraging_reden", "vertraging_toelichting", "bronnen", "statushistorie",
}
HISTORIE_SLEUTELS = {"datum", "status", "fase", "brontekst", "afgeleid", "toelichting", "bron", "vindplaats"}
# Fields handed to maak_maatregel as they are (the rest is history, citations or links).
VELDEN = MAATREGEL_SLEUTELS - {"code", "bronnen", "statushistorie", "afhankelijk_van"}


@dataclass(frozen=True)
class Startregister:
    bronnen: list[dict]  # the five documents, then the studies they cite
    maatregelen: list[dict]  # all domains, in domain order, each file's order kept
    effectmetingen: list[dict]
    aanbevelingen: list[dict]


def bestanden(map_: Path = STARTMAP) -> list[Path]:
    volgorde = {code: i for i, (code, _, _) in enumerate(DOMEINEN)}
    gevonden = [p for p in map_.glob("maatregelen-*.json") if p.stem.split("-", 1)[1] in volgorde]
    return sorted(gevonden, key=lambda p: volgorde[p.stem.split("-", 1)[1]])


def aanvullende_bestanden(soort: str, map_: Path = STARTMAP) -> list[Path]:
    """`effectmetingen-*.json` or `aanbevelingen-*.json`: objects with their own extra sources."""
    return sorted(map_.glob(f"{soort}-*.json"))


def lees(map_: Path = STARTMAP) -> Startregister:
    bronnen = json.loads((map_ / "bronnen.json").read_text(encoding="utf-8"))
    maatregelen = []
    for pad in bestanden(map_):
        maatregelen.extend(json.loads(pad.read_text(encoding="utf-8")))
    gezien = {b["code"] for b in bronnen}
    delen: dict[str, list[dict]] = {"effectmetingen": [], "aanbevelingen": []}
    for soort, lijst in delen.items():
        for pad in aanvullende_bestanden(soort, map_):
            inhoud = json.loads(pad.read_text(encoding="utf-8"))
            for b in inhoud.get("bronnen", []):
                if b["code"] not in gezien:
                    gezien.add(b["code"])
                    bronnen.append(b)
            lijst.extend(inhoud.get(soort, []))
    return Startregister(bronnen, maatregelen, delen["effectmetingen"], delen["aanbevelingen"])


def plat(tekst: str) -> str:
    """Whitespace collapsed: PDF conversion breaks lines where the document did not."""
    return " ".join(tekst.split())


@lru_cache(maxsize=None)
def brontekst_van(bestand: str) -> str:
    return plat((BRONNENMAP / bestand).read_text(encoding="utf-8"))


def statusregels_paragraaf_1_6_1(bestand: str = "000_6bd4e3f6b24abc05.txt") -> list[str]:
    """The status lines of seed 000 §1.6.1: the lines under each 'Status 2025 - 2026:' heading."""
    regels = (BRONNENMAP / bestand).read_text(encoding="utf-8").splitlines()
    begin = next(i for i, r in enumerate(regels) if r.startswith("1.6.1 "))
    einde = next(i for i, r in enumerate(regels) if r.startswith("1.6.2 "))
    gevonden, in_blok = [], False
    for regel in regels[begin:einde]:
        tekst = regel.strip()
        if tekst.startswith("Status 2025"):
            in_blok = True
        elif in_blok and tekst:
            if tekst[:1] in "-✓●✗✘" or tekst.split(":")[0] in ("Deels", "Ingevoerd", "Niet ingevoerd"):
                gevonden.append(tekst.removeprefix("- ").strip())
            else:
                in_blok = False
    return gevonden


# --- validation -----------------------------------------------------------------------------------------------------

def controleer(map_: Path = STARTMAP, vandaag: date | None = None) -> list[str]:
    """Every problem in the starter data, as readable lines; an empty list means the data is sound."""
    vandaag = vandaag or date.today()
    problemen: list[str] = []
    try:
        register = lees(map_)
    except (OSError, json.JSONDecodeError) as fout:
        return [f"kan de startgegevens niet lezen: {fout}"]
    bron_bestand = {}
    for b in register.bronnen:
        if b.get("soort") not in BRONSOORT:
            problemen.append(f"bron {b.get('code')}: onbekende soort {b.get('soort')!r}")
        if b.get("bestand"):
            if not (BRONNENMAP / b["bestand"]).is_file():
                problemen.append(f"bron {b['code']}: bestand {b['bestand']} ontbreekt")
            bron_bestand[b["code"]] = b["bestand"]

    prefixen = {code for code, _, _ in DOMEINEN}
    toeslagen = {code for code, _ in TOESLAGEN}
    namen: dict[str, str] = {}
    for pad in bestanden(map_):
        prefix = pad.stem.split("-", 1)[1]
        try:
            lijst = json.loads(pad.read_text(encoding="utf-8"))
        except json.JSONDecodeError as fout:
            problemen.append(f"{pad.name}: geen geldige JSON ({fout})")
            continue
        codes_gezien: list[str] = []
        for volgnummer, m in enumerate(lijst, start=1):
            code = m.get("code", f"#{volgnummer}")
            waar = f"{pad.name} {code}"
            p = problemen.append
            onbekend = set(m) - MAATREGEL_SLEUTELS
            if onbekend:
                p(f"{waar}: onbekende velden {sorted(onbekend)}")
            if code != f"{prefix}-{volgnummer:02d}":
                p(f"{waar}: verwacht code {prefix}-{volgnummer:02d} (doorlopend genummerd)")
            if not (m.get("naam") or "").strip():
                p(f"{waar}: naam ontbreekt")
            else:
                sleutel = normaliseer(plat(m["naam"])).strip(" .")
                if sleutel in namen:
                    p(f"{waar}: naam {m['naam']!r} staat ook bij {namen[sleutel]}")
                namen[sleutel] = code
            for veld in ("omschrijving", "doel", "doelgroep", "eigenaar", "partners", "iv_toelichting",
                         "vertraging_toelichting", "data_afhankelijkheid", "iv_keten"):
                if m.get(veld) is not None and (not isinstance(m[veld], str) or len(m[veld]) > MAX_TEKSTLENGTE):
                    p(f"{waar}: {veld} moet tekst zijn")
            if m.get("domein") != prefix:
                p(f"{waar}: domein moet {prefix} zijn")
            if m.get("domein_secundair") not in (None, *prefixen) or m.get("domein_secundair") == prefix:
                p(f"{waar}: ongeldig secundair domein {m.get('domein_secundair')!r}")
            if not set(m.get("toeslagen") or []) <= toeslagen:
                p(f"{waar}: onbekende toeslagen {m.get('toeslagen')}")
            for veld in ("iv_afhankelijk", "iv_blokkade", "wetswijziging"):
                if m.get(veld) not in (None, True, False):
                    p(f"{waar}: {veld} moet true, false of null zijn")
            for veld, vocabulaire in (("iv_blokkade_soort", IV_BLOKKADE_SOORT), ("vertraging_reden", VERTRAGINGSREDEN)):
                if m.get(veld) is not None and m[veld] not in vocabulaire:
                    p(f"{waar}: {veld} {m[veld]!r} onbekend")
            if m.get("ouder") is not None and m["ouder"] not in codes_gezien:
                p(f"{waar}: ouder {m['ouder']!r} staat niet eerder in hetzelfde bestand")
            perioden = {}
            for veld in ("planning_oorspronkelijk", "planning_huidig", "iv_verwacht"):
                try:
                    perioden[veld] = parse_periode_of_leeg(m.get(veld))
                except OngeldigeDatum as fout:
                    p(f"{waar}: {veld}: {fout}")
            oorspronkelijk, huidig = perioden.get("planning_oorspronkelijk"), perioden.get("planning_huidig")
            if huidig and not oorspronkelijk:
                p(f"{waar}: planning_huidig zonder planning_oorspronkelijk (de eerste planning is de oorspronkelijke)")
            if huidig and oorspronkelijk and huidig.tot > oorspronkelijk.tot and not m.get("vertraging_reden"):
                p(f"{waar}: planning verschoven zonder vertraging_reden")
            if not m.get("bronnen"):
                p(f"{waar}: geen bronnen")
            for b in m.get("bronnen") or []:
                if b.get("bron") not in bron_bestand:
                    p(f"{waar}: onbekende bron {b.get('bron')!r}")
                if not (b.get("vindplaats") or "").strip():
                    p(f"{waar}: bron {b.get('bron')} zonder vindplaats")
            historie = m.get("statushistorie") or []
            if not historie:
                p(f"{waar}: geen statushistorie")
            vorige = None
            for i, h in enumerate(historie, start=1):
                hw = f"{waar} historie {i}"
                if set(h) - HISTORIE_SLEUTELS:
                    p(f"{hw}: onbekende velden {sorted(set(h) - HISTORIE_SLEUTELS)}")
                try:
                    datum = date.fromisoformat(h.get("datum") or "")
                except ValueError:
                    p(f"{hw}: datum {h.get('datum')!r} is geen JJJJ-MM-DD")
                    datum = None
                if datum and datum > vandaag:
                    p(f"{hw}: datum {datum} ligt in de toekomst")
                if datum and vorige and datum < vorige:
                    p(f"{hw}: niet in datumvolgorde")
                vorige = datum or vorige
                if h.get("status") not in STATUS:
                    p(f"{hw}: onbekende status {h.get('status')!r}")
                if h.get("fase") is not None and h["fase"] not in FASE:
                    p(f"{hw}: onbekende fase {h['fase']!r}")
                if h.get("afgeleid") not in (True, False):
                    p(f"{hw}: afgeleid moet true of false zijn")
                if not (h.get("toelichting") or "").strip():
                    p(f"{hw}: toelichting ontbreekt")
                if not (h.get("vindplaats") or "").strip():
                    p(f"{hw}: vindplaats ontbreekt")
                bestand = bron_bestand.get(h.get("bron"))
                if bestand is None:
                    p(f"{hw}: onbekende bron {h.get('bron')!r}")
                    continue
                tekst = plat(h.get("brontekst") or "")
                if not 3 <= len(tekst) <= 400:
                    p(f"{hw}: brontekst moet 3 tot 400 tekens zijn")
                elif tekst not in brontekst_van(bestand):
                    p(f"{hw}: brontekst niet letterlijk gevonden in {h['bron']}: {tekst[:80]!r}")
            codes_gezien.append(code)
        for m in lijst:
            for andere in m.get("afhankelijk_van") or []:
                if andere not in codes_gezien or andere == m.get("code"):
                    p(f"{pad.name} {m.get('code')}: afhankelijk_van {andere!r} onbekend of zichzelf")
    problemen += _controleer_aanvullingen(map_, register, bron_bestand)
    return problemen


def _letterlijk(tekst: str | None, bron: str | None, bron_bestand: dict[str, str], lengte: int) -> str | None:
    """None when `tekst` occurs verbatim in the document `bron`; else what is wrong."""
    if bron not in bron_bestand:
        return f"bron {bron!r} is geen van de vijf documenten"
    tekst = plat(tekst or "")
    if not 3 <= len(tekst) <= lengte:
        return f"tekst moet 3 tot {lengte} tekens zijn"
    if tekst not in brontekst_van(bron_bestand[bron]):
        return f"niet letterlijk gevonden in {bron}: {tekst[:80]!r}"
    return None


def _controleer_aanvullingen(map_: Path, register: Startregister, bron_bestand: dict[str, str]) -> list[str]:
    """Effect measurements and recommendations: links, vocabularies, and figures and wordings found verbatim."""
    from registry.vocabulaire import BEWIJSKRACHT, EFFECT_ERVARING, OPVOLGING

    problemen: list[str] = []
    p = problemen.append
    codes = {m.get("code") for m in register.maatregelen}
    alle_bronnen = {b["code"]: b for b in register.bronnen}
    for soort in ("effectmetingen", "aanbevelingen"):
        for pad in aanvullende_bestanden(soort, map_):
            try:
                inhoud = json.loads(pad.read_text(encoding="utf-8"))
            except json.JSONDecodeError as fout:
                p(f"{pad.name}: geen geldige JSON ({fout})")
                continue
            for b in inhoud.get("bronnen", []):
                if b.get("soort") not in BRONSOORT:
                    p(f"{pad.name} bron {b.get('code')}: onbekende soort {b.get('soort')!r}")
                eerder = alle_bronnen.get(b.get("code"))  # the first description read wins in `lees`
                if eerder and any(eerder.get(v) != b.get(v) for v in ("titel", "uitgever", "soort")):
                    p(f"{pad.name} bron {b['code']}: anders beschreven dan elders")

    for i, e in enumerate(register.effectmetingen, start=1):
        waar = f"effectmeting {i} ({e.get('maatregel')}, {str(e.get('indicator'))[:40]!r})"
        if e.get("maatregel") not in codes:
            p(f"{waar}: onbekende maatregel")
        if not (e.get("indicator") or "").strip():
            p(f"{waar}: indicator ontbreekt")
        if e.get("bewijskracht") not in BEWIJSKRACHT:
            p(f"{waar}: onbekende bewijskracht {e.get('bewijskracht')!r}")
        if e.get("effect_ervaring") is not None and e["effect_ervaring"] not in EFFECT_ERVARING:
            p(f"{waar}: onbekend effect op ervaring {e['effect_ervaring']!r}")
        if not (e.get("vindplaats") or "").strip():
            p(f"{waar}: vindplaats ontbreekt")
        if e.get("onderzoek") is not None and e["onderzoek"] not in alle_bronnen:
            p(f"{waar}: onbekend onderzoek {e['onderzoek']!r}")
        fout = _letterlijk(e.get("brontekst"), e.get("bron"), bron_bestand, 600)
        if fout:
            p(f"{waar}: brontekst {fout}")
        elif not (e.get("waarde") or "").strip() or plat(e["waarde"]) not in plat(e["brontekst"]):
            p(f"{waar}: waarde {e.get('waarde')!r} staat niet in de brontekst")

    gezien: set[str] = set()
    for a in register.aanbevelingen:
        waar = f"aanbeveling {a.get('code')}"
        if not a.get("code") or a["code"] in gezien:
            p(f"{waar}: code ontbreekt of komt twee keer voor")
        gezien.add(a.get("code"))
        if not (a.get("titel") or "").strip():
            p(f"{waar}: titel ontbreekt")
        fout = _letterlijk(a.get("tekst"), a.get("bron"), bron_bestand, 3000)
        if fout:
            p(f"{waar}: tekst {fout}")
        if not (a.get("vindplaats") or "").strip():
            p(f"{waar}: vindplaats ontbreekt")
        if a.get("onderzoek") is not None and a["onderzoek"] not in alle_bronnen:
            p(f"{waar}: onbekend onderzoek {a['onderzoek']!r}")
        if a.get("thema") is not None and a["thema"] not in {c for c, _, _ in DOMEINEN}:
            p(f"{waar}: onbekend thema {a['thema']!r}")
        onbekend = [c for c in a.get("maatregelen") or [] if c not in codes]
        if onbekend:
            p(f"{waar}: gekoppeld aan onbekende maatregelen {onbekend}")
        if a.get("opvolging", "open") not in OPVOLGING:
            p(f"{waar}: onbekende opvolging {a.get('opvolging')!r}")
        if a.get("opvolging") == "afgewezen" and not (a.get("motivatie") or "").strip():
            p(f"{waar}: afgewezen zonder motivatie")
        if a.get("opvolging", "open") != "open":
            fout = _letterlijk(a.get("opvolging_brontekst"), a.get("opvolging_bron"), bron_bestand, 1500)
            if fout or not (a.get("opvolging_vindplaats") or "").strip():
                p(f"{waar}: opvolging zonder letterlijke bronvermelding ({fout or 'vindplaats ontbreekt'})")
        if a.get("datum"):
            try:
                date.fromisoformat(a["datum"])
            except ValueError:
                p(f"{waar}: datum {a['datum']!r} is geen JJJJ-MM-DD")
        try:
            parse_periode_of_leeg(a.get("deadline"))
        except OngeldigeDatum as fout:
            p(f"{waar}: deadline: {fout}")
    return problemen


def ontbrekende_statusregels(map_: Path = STARTMAP) -> list[str]:
    """Status lines of seed 000 §1.6.1 not recorded as the wording of a history entry."""
    register = lees(map_)
    vastgelegd = {plat(h.get("brontekst") or "") for m in register.maatregelen for h in m.get("statushistorie", [])
                  if h.get("bron") == "PANTEIA-2026"}
    return [r for r in statusregels_paragraaf_1_6_1() if plat(r) not in vastgelegd]


# --- loading --------------------------------------------------------------------------------------------------------

def laad_startregister(sessie: Session, map_: Path = STARTMAP) -> None:
    """Fill a new register with the starter data, through the use cases (their rules apply to it too)."""
    from registry.bron import maak_bron
    from registry.maatregel import _maatregel, haal_maatregel, maak_maatregel, voeg_bronvermelding_toe
    from registry.maatregel import wijzig_maatregel
    from registry.status import schrijf_statusregel

    register = lees(map_)
    for b in register.bronnen:
        maak_bron(sessie, b["code"], b["titel"], uitgever=b.get("uitgever"),
                  datum=date.fromisoformat(b["datum"]) if b.get("datum") else None, soort=b.get("soort"),
                  referentie=b.get("referentie"), bestand=b.get("bestand"))
    for m in register.maatregelen:
        eerste, *verder = m["statushistorie"]
        velden = {k: m[k] for k in VELDEN if k in m}
        maak_maatregel(sessie, velden, GEBRUIKER, code=m["code"], status=eerste["status"],
                       status_datum=date.fromisoformat(eerste["datum"]), toelichting=eerste["toelichting"],
                       bron=eerste["bron"], vindplaats=eerste["vindplaats"], brontekst=eerste["brontekst"],
                       fase=eerste.get("fase"), afgeleid=eerste["afgeleid"])
        al_geciteerd = {(eerste["bron"], eerste["vindplaats"])}
        for b in m.get("bronnen", []):
            if (b["bron"], b["vindplaats"]) not in al_geciteerd:
                voeg_bronvermelding_toe(sessie, m["code"], b["bron"], b["vindplaats"], GEBRUIKER)
                al_geciteerd.add((b["bron"], b["vindplaats"]))
        orm = _maatregel(sessie, m["code"])
        for h in verder:
            schrijf_statusregel(sessie, orm, nieuw=h["status"], datum=date.fromisoformat(h["datum"]),
                                toelichting=h["toelichting"], gebruiker=GEBRUIKER, bron=h["bron"],
                                vindplaats=h["vindplaats"], brontekst=h["brontekst"], fase=h.get("fase"),
                                afgeleid=h["afgeleid"])
    for m in register.maatregelen:
        if m.get("afhankelijk_van"):
            wijzig_maatregel(sessie, m["code"], {"afhankelijk_van": m["afhankelijk_van"]}, GEBRUIKER,
                             haal_maatregel(sessie, m["code"]).versie)
    _laad_aanvullingen(sessie, register)


def _citaat(item: dict) -> tuple[str, str]:
    """Source and vindplaats to record: the study it rests on (as cited in our document), else our document."""
    if item.get("onderzoek"):
        return item["onderzoek"], f"{item['bron']}, {item['vindplaats']}"
    return item["bron"], item["vindplaats"]


def _laad_aanvullingen(sessie: Session, register: Startregister) -> None:
    from registry.aanbeveling import maak_aanbeveling
    from registry.effectmeting import voeg_effectmeting_toe

    uitgever = {b["code"]: b.get("uitgever") for b in register.bronnen}
    datum = {b["code"]: b.get("datum") for b in register.bronnen}
    for e in register.effectmetingen:
        bron, vindplaats = _citaat(e)
        voeg_effectmeting_toe(
            sessie, e["maatregel"], indicator=e["indicator"], bewijskracht=e["bewijskracht"], gebruiker=GEBRUIKER,
            waarde_tekst=e.get("waarde"), nulmeting=e.get("nulmeting"), eenheid=e.get("eenheid"),
            streefwaarde=e.get("streefwaarde"), periode=e.get("periode"), methode=e.get("methode"),
            effect_ervaring=e.get("effect_ervaring"), bron=bron, vindplaats=vindplaats, toelichting=e.get("toelichting"))
    for a in register.aanbevelingen:
        bron, vindplaats = _citaat(a)
        motivatie, besloten_op, besloten_door = a.get("motivatie"), None, None
        if a.get("opvolging", "open") != "open":
            citaat = f"Bron: {a['opvolging_bron']}, {a['opvolging_vindplaats']}."
            motivatie = f"{motivatie} {citaat}" if motivatie else citaat
            besloten_door = uitgever.get(a["opvolging_bron"])
            besloten_op = date.fromisoformat(datum[a["opvolging_bron"]]) if datum.get(a["opvolging_bron"]) else None
        maak_aanbeveling(
            sessie, a["code"], a["titel"], GEBRUIKER, tekst=a["tekst"], bron=bron, vindplaats=vindplaats,
            nummer=a.get("nummer"), thema=a.get("thema"),
            datum=date.fromisoformat(a["datum"]) if a.get("datum") else None, deadline=a.get("deadline"),
            opvolging=a.get("opvolging", "open"), motivatie=motivatie, besloten_op=besloten_op,
            besloten_door=besloten_door, maatregelen=a.get("maatregelen") or [])


def main(argv: list[str]) -> int:
    if argv[:1] != ["controleer"]:
        print("Gebruik: python -m registry.startregister controleer", file=sys.stderr)
        return 2
    problemen = controleer()
    problemen += [f"§1.6.1-statusregel niet vastgelegd: {r!r}" for r in ontbrekende_statusregels()]
    for regel in problemen:
        print(regel)
    register = lees()
    print(f"{len(register.maatregelen)} maatregelen, "
          f"{sum(len(m.get('statushistorie', [])) for m in register.maatregelen)} historieregels, "
          f"{len(problemen)} problemen", file=sys.stderr)
    return 1 if problemen else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
