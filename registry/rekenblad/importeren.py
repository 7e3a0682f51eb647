"""Import of measures from a workbook or CSV: header detection, column mapping, a dry-run plan, all-or-nothing apply."""

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlmodel import select

from registry.bron import maak_bron
from registry.fouten import RegisterFout, ValidatieFout
from registry.maatregel import (BEWERKBAAR, CODE_PATROON, ZELFAFHANKELIJK, NieuweMaatregel, archiveer,
                                bewerkbare_waarden, controleer_code, controleer_velden, details, heeft_kringloop,
                                kringloopmelding, vervang_bronvermeldingen, voeg_maatregelen_toe, wijzig_maatregel)
from registry.planning import OngeldigeDatum, parse_datum
from registry.rekenblad.kolommen import PER_VELD, normaliseer_kop
from registry.rekenblad.koprij import kolomletter, niet_leeg, raad_veld, voorbeelden, zoek_koprij
from registry.rekenblad.waarden import LEEG, Celfout, Omzetter, als_tekst, is_leeg
from registry.tabellen import Bron, Maatregel
from registry.tekst import vergelijkbaar
from registry.vocabulaire import BRONSOORT


@dataclass(frozen=True)
class Probleem:
    blad: str
    rij: int | None
    kolom: str | None  # like 'D (Status)'
    melding: str

    def __str__(self) -> str:
        delen = [f'Blad "{self.blad}"']
        if self.rij is not None:
            delen.append(f"rij {self.rij}")
        if self.kolom:
            delen.append(f"kolom {self.kolom}")
        return ", ".join(delen) + ": " + self.melding


class ImportFout(RegisterFout):
    """The file cannot be imported; `problemen` lists every reason with sheet, row and column."""

    def __init__(self, melding: str, problemen=()):
        self.problemen = tuple(problemen)
        regels = [melding, *(str(p) for p in self.problemen)]
        super().__init__("\n".join(regels))


@dataclass(frozen=True)
class Kolomkeuze:
    index: int
    letter: str
    kop: str
    veld: str | None
    reden: str
    voorbeelden: tuple[str, ...]


@dataclass(frozen=True)
class Importbestand:
    pad: Path
    naam: str
    blad: str
    koprij: int
    kolommen: tuple[Kolomkeuze, ...]
    waarschuwingen: tuple[str, ...]
    rijen: tuple[tuple[object, ...], ...] = field(default=(), repr=False)
    bronblad: tuple[tuple[object, ...], ...] | None = field(default=None, repr=False)


@dataclass(frozen=True)
class Rijplan:
    rij: int
    actie: str  # 'nieuw' | 'wijzigen' | 'ongewijzigd' | 'afgewezen'
    code: str | None
    naam: str
    wijzigingen: tuple[str, ...]
    problemen: tuple[Probleem, ...]


@dataclass(frozen=True)
class Importplan:
    bestand: str
    blad: str
    rijen: tuple[Rijplan, ...]
    problemen: tuple[Probleem, ...]
    waarschuwingen: tuple[str, ...]

    def aantal(self, actie: str) -> int:
        return sum(1 for r in self.rijen if r.actie == actie)

    @property
    def kan_importeren(self) -> bool:
        return not self.problemen


@dataclass(frozen=True)
class Importresultaat:
    plan: Importplan
    aangemaakt: tuple[str, ...]
    gewijzigd: tuple[str, ...]


VELDLABELS: dict[str, str] = {veld: kolom.kop for veld, kolom in PER_VELD.items()}


BRONKOPPEN = ("code", "titel", "uitgever", "datum", "soort", "referentie")  # the export's sources sheet
STATUSVELDEN = ("status", "fase", "status_brontekst", "status_afgeleid")
_MAX_PROBLEMEN_IN_MELDING = 200


def _kolomnaam(k: Kolomkeuze) -> str:
    return f"{k.letter} ({k.kop})" if k.kop else k.letter


def _bestandsnaam(pad) -> str:
    return Path(pad).name


# --- reading the file -----------------------------------------------------------------------------------------------

def _koppeling(kolommen: dict | None, naam: str) -> dict[str, str | None]:
    """The --kolommen mapping with normalised headers; refused when a field name is not a JSON key of brief §5."""
    if kolommen is None:
        return {}
    if not isinstance(kolommen, dict):
        raise ImportFout(f"{naam}: het koppelbestand moet een JSON-object zijn: kolomkop -> veldnaam.")
    fouten, koppeling = [], {}
    for kop, veld in kolommen.items():
        if veld is not None and not isinstance(veld, str):
            fouten.append(f'kolom "{kop}": de veldnaam moet tekst zijn')
            continue
        veld = (veld or "").strip() or None
        if veld is not None and veld not in PER_VELD:
            fouten.append(f'kolom "{kop}": onbekend veld "{veld}"')
            continue
        koppeling[normaliseer_kop(kop)] = veld
    if fouten:
        raise ImportFout(f"Het koppelbestand (--kolommen) noemt onbekende velden: {'; '.join(fouten)}. Toegestane "
                         f"veldnamen: {', '.join(PER_VELD)}.")
    return koppeling


def lees_import(pad, kolommen: dict[str, str | None] | None = None) -> Importbestand:
    """Read a workbook or CSV and find its measures: the sheet, the header row and a field per column."""
    from registry.rekenblad.lezen import lees_bestand

    _koppeling(kolommen, _bestandsnaam(pad))  # before reading: a bad mapping is cheap to report
    return herken_bladen(lees_bestand(pad), pad, kolommen)


def herken_bladen(bladen, pad, kolommen: dict[str, str | None] | None = None) -> Importbestand:
    """lees_import on sheets already read (objects with `naam` and `rijen`)."""
    naam = _bestandsnaam(pad)
    koppeling = _koppeling(kolommen, naam)
    for blad in bladen:
        index = zoek_koprij(blad.rijen, koppeling)
        if index is not None:
            break
    else:
        gezocht = ", ".join(k.kop for k in PER_VELD.values())
        raise ImportFout(f"{naam}: geen kopregel herkend in blad {', '.join(f'{chr(34)}{b.naam}{chr(34)}' for b in bladen) or '(geen bladen)'}. "
                         f"Een kopregel noemt minstens twee bekende kolommen, waaronder de naam of code van de "
                         f"maatregel; gezocht naar koppen als {gezocht} (of hun synoniemen), of koppel de kolommen "
                         f"met --kolommen.")
    rijen = blad.rijen
    koprij, data = rijen[index], rijen[index + 1:]
    breedte = max((len(r) for r in rijen[index:]), default=0)
    keuzes, waarschuwingen, problemen = [], [], []
    per_veld: dict[str, Kolomkeuze] = {}
    gevonden_koppen = set()
    for i in range(breedte):
        kop = als_tekst(koprij[i]).strip() if i < len(koprij) else ""
        waarden = niet_leeg(data, i)
        if not kop and not waarden:
            continue
        gevonden_koppen.add(normaliseer_kop(kop))
        veld, reden, waarschuwing = raad_veld(kop, waarden, koppeling)
        letter = kolomletter(i)
        beschrijving = f'Kolom {letter} ("{kop}")' if kop else f"Kolom {letter} (zonder kop)"
        if waarschuwing:
            waarschuwingen.append(waarschuwing.replace(f'Kolom "{kop}"', beschrijving))
        if veld is not None and veld in per_veld:
            eerder = per_veld[veld]
            if reden == "uit het koppelbestand" and eerder.reden == "uit het koppelbestand":
                problemen.append(Probleem(blad.naam, index + 1, f"{letter} ({kop})",
                                          f"het koppelbestand koppelt ook kolom {_kolomnaam(eerder)} aan het veld "
                                          f"{veld}; een veld kan maar uit één kolom komen."))
            elif reden == "uit het koppelbestand":  # the mapping wins over a guess
                per_veld[veld] = None
                keuzes[keuzes.index(eerder)] = Kolomkeuze(eerder.index, eerder.letter, eerder.kop, None,
                                                          f"al gekoppeld aan kolom {letter}", eerder.voorbeelden)
                waarschuwingen.append(f'Kolom {eerder.letter} ("{eerder.kop}") wordt niet geïmporteerd: het '
                                      f'koppelbestand koppelt kolom {letter} aan {VELDLABELS[veld]}.')
            else:
                waarschuwingen.append(f"{beschrijving} lijkt ook {VELDLABELS[veld]} te zijn (al kolom "
                                      f"{_kolomnaam(eerder)}) en wordt niet geïmporteerd; koppel hem met --kolommen of "
                                      "in het importvenster.")
                veld, reden = None, f"{VELDLABELS[veld]} komt al uit kolom {eerder.letter}"
        elif veld is None and reden == "niet herkend" and waarden and not waarschuwing:
            waarschuwingen.append(f"{beschrijving} is niet herkend en wordt niet geïmporteerd; koppel hem met "
                                  "--kolommen of in het importvenster.")
        keuze = Kolomkeuze(i, letter, kop, veld, reden, voorbeelden(waarden))
        keuzes.append(keuze)
        if veld is not None:
            per_veld[veld] = keuze
    for sleutel in koppeling:
        if sleutel not in gevonden_koppen:
            problemen.append(Probleem(blad.naam, index + 1, None, f'het koppelbestand noemt de kolom "{sleutel}", maar '
                                      "die staat niet in de kopregel."))
    if problemen:
        raise ImportFout(f"{naam}: de kolommen kunnen niet worden gekoppeld.", problemen)
    return Importbestand(Path(pad), naam, blad.naam, index + 1, tuple(keuzes), tuple(waarschuwingen), tuple(data),
                         _bronblad(bladen))


def _bronblad(bladen):
    """The export's sources sheet (Code, Titel, … in its first row), or None."""
    for blad in bladen:
        if blad.naam == "Bronnen" and blad.rijen:
            koppen = tuple(normaliseer_kop(c) for c in blad.rijen[0][:len(BRONKOPPEN)])
            if koppen == BRONKOPPEN:
                return tuple(blad.rijen[1:])
    return None


# --- the plan -------------------------------------------------------------------------------------------------------

@dataclass
class _Rij:
    rij: int
    waarden: dict
    problemen: list
    id: int | None = None  # the matched measure
    code: str | None = None
    naam: str = ""
    domein: str | None = None
    nieuw: dict = field(default_factory=dict)  # validated fields that change (all given fields for a new one)
    status: object = None  # a Statusregel when the status changes (or for a new measure)
    status_veranderd: bool = False
    bronnen: tuple | None = None  # new citations when they change
    gearchiveerd: bool | None = None  # new archive state when it changes
    versie: int | None = None
    wijzigingen: list = field(default_factory=list)


def _naamsleutel(naam: object) -> str:
    return vergelijkbaar(str(naam))


def _codesleutel(code: str) -> tuple[str, int]:
    t = CODE_PATROON.match(code)
    return t.group(1), int(t.group(2))


def _importbroncode(naam: str) -> str:
    stam = re.sub(r"[^A-Z0-9]", "-", Path(naam).stem.upper())
    return f"IMPORT-{stam}"[:60]


def maak_plan(sessie, bestand: Importbestand, toewijzing: dict[int, str | None] | None = None) -> Importplan:
    """A dry run: what the import would create, change and reject. Writes nothing."""
    return _plan(sessie, bestand, toewijzing)[0]


def _plan(sessie, bestand: Importbestand, toewijzing):
    from registry.status import controleer_statusregel

    blad = bestand.blad
    kolommen = []
    for k in bestand.kolommen:
        veld = (toewijzing or {}).get(k.index, k.veld)
        kolommen.append((k, veld or None))
    bestandsproblemen: list[Probleem] = []
    kolom_van: dict[str, Kolomkeuze] = {}
    for k, veld in kolommen:
        if veld is None:
            continue
        if veld not in PER_VELD:
            bestandsproblemen.append(Probleem(blad, bestand.koprij, _kolomnaam(k), f'onbekend veld "{veld}".'))
        elif veld in kolom_van:
            bestandsproblemen.append(Probleem(blad, bestand.koprij, _kolomnaam(k),
                                              f"ook kolom {_kolomnaam(kolom_van[veld])} is gekoppeld aan "
                                              f"{VELDLABELS[veld]}; een veld kan maar uit één kolom komen."))
        else:
            kolom_van[veld] = k
    if "naam" not in kolom_van and "code" not in kolom_van:
        bestandsproblemen.append(Probleem(blad, bestand.koprij, None, "geen kolom gekoppeld aan de naam of de code "
                                          "van de maatregel."))

    def kolomtekst(veld):
        return _kolomnaam(kolom_van[veld]) if veld in kolom_van else None

    omzetter = Omzetter(sessie)
    # The register's index: a fixed number of queries whatever its size.
    domeincode = {d.id: d.code for d in omzetter.domeinen}
    tabel = Maatregel.__table__
    index = sessie.execute(select(tabel.c.id, tabel.c.code, tabel.c.naam, tabel.c.domein_id, tabel.c.ouder_id)).all()
    code_van = {r.id: r.code for r in index}
    per_codesleutel = {}
    for r in index:
        if CODE_PATROON.match(r.code):
            per_codesleutel[_codesleutel(r.code)] = r
    per_naam: dict[tuple[str, str], list] = {}
    for r in index:
        per_naam.setdefault((domeincode[r.domein_id], _naamsleutel(r.naam)), []).append(r)
    bekende_bronnen = set(sessie.exec(select(Bron.code)).all())
    bronblad = {}
    for rij in bestand.bronblad or ():
        if rij and not is_leeg(rij[0]):
            bronblad.setdefault(als_tekst(rij[0]).strip(), rij)

    # 1. Read the cells.
    rijen: list[_Rij] = []
    for nr, cellen in enumerate(bestand.rijen, start=bestand.koprij + 1):
        waarden, problemen = {}, []
        leeg = True
        for k, veld in kolommen:
            if veld is None or veld not in kolom_van or kolom_van[veld] is not k:
                continue
            cel = cellen[k.index] if k.index < len(cellen) else None
            if is_leeg(cel):
                continue
            leeg = False
            try:
                waarde = omzetter.lees(veld, cel)
            except Celfout as fout:
                problemen.append(Probleem(blad, nr, _kolomnaam(k), str(fout)))
                continue
            if waarde is not LEEG:
                waarden[veld] = waarde
        if leeg:
            continue
        naam = waarden.get("naam")
        rijen.append(_Rij(nr, waarden, problemen, naam=naam.strip() if isinstance(naam, str) else ""))

    # 2. Match rows: by code, else by name within the domain.
    op_code: dict[tuple, list[_Rij]] = {}
    op_naam: dict[tuple, list[_Rij]] = {}
    for r in rijen:
        w = r.waarden
        r.domein = w.get("domein")
        if r.problemen:
            continue
        if "code" in w:
            op_code.setdefault(_codesleutel(w["code"]), []).append(r)
        elif r.naam:
            if r.domein is None:
                r.problemen.append(Probleem(blad, r.rij, kolomtekst("domein"), "geen code en geen domein: het "
                                            "domein is nodig om de maatregel te vinden of aan te maken."))
                continue
            op_naam.setdefault((r.domein, _naamsleutel(r.naam)), []).append(r)
        elif "code" not in w:
            r.problemen.append(Probleem(blad, r.rij, kolomtekst("naam"), "Naam is verplicht: een rij zonder code "
                                        "heeft een naam nodig."))
    for sleutel, groep in op_code.items():
        if len(groep) > 1:
            for r in groep:
                andere = ", ".join(str(x.rij) for x in groep if x is not r)
                r.problemen.append(Probleem(blad, r.rij, kolomtekst("code"),
                                            f"de code {r.waarden['code']} staat ook in rij {andere}."))
            continue
        bestaand = per_codesleutel.get(sleutel)
        r = groep[0]
        if bestaand is not None:
            r.id, r.code = bestaand.id, bestaand.code
        else:
            r.code = r.waarden["code"]
    for (domein, _), groep in op_naam.items():
        if len(groep) > 1:
            for r in groep:
                andere = ", ".join(str(x.rij) for x in groep if x is not r)
                r.problemen.append(Probleem(blad, r.rij, kolomtekst("naam"), f'de naam "{r.naam}" staat in dit domein '
                                            f"ook in rij {andere}: niet duidelijk welke maatregel bedoeld is."))
            continue
        r = groep[0]
        treffers = per_naam.get((domein, _naamsleutel(r.naam)), [])
        if len(treffers) > 1:
            codes = ", ".join(sorted(t.code for t in treffers))
            r.problemen.append(Probleem(blad, r.rij, kolomtekst("naam"), f'de naam "{r.naam}" past op meer dan één '
                                        f"maatregel in het domein ({codes}): voeg een kolom met codes toe."))
        elif treffers:
            r.id, r.code = treffers[0].id, treffers[0].code

    # 3. Codes for new measures: the file's own when given, else the next free number per domain.
    hoogste: dict[str, int] = {}
    for prefix, nummer in per_codesleutel:
        hoogste[prefix] = max(hoogste.get(prefix, 0), nummer)
    for r in rijen:
        if r.id is None and r.code:
            prefix, nummer = _codesleutel(r.code)
            hoogste[prefix] = max(hoogste.get(prefix, 0), nummer)
    for r in rijen:
        if r.id is not None or r.problemen:
            continue
        if r.code:
            if r.domein is None:
                r.domein = _codesleutel(r.code)[0]
            try:
                controleer_code(r.code, r.domein)
            except ValidatieFout as fout:
                r.problemen.append(Probleem(blad, r.rij, kolomtekst("code"), fout.melding))
        elif r.domein is not None and r.naam:
            hoogste[r.domein] = hoogste.get(r.domein, 0) + 1
            r.code = f"{r.domein}-{hoogste[r.domein]:02d}"

    # 4. Current values of the matched measures.
    gematcht = [r.id for r in rijen if r.id is not None]
    huidig = {d.id: d for d in details(sessie, gematcht)}
    bestandscodes = {r.code for r in rijen if r.code and not r.problemen}
    alle_codes = {r.code for r in index} | bestandscodes

    # 5. Fields, status, references, sources per row: the register's own rules.
    vandaag = date.today()
    for r in rijen:
        if r.problemen:  # unreadable cells: the rules below would only repeat them
            continue
        d = huidig.get(r.id)
        w = r.waarden
        velden = {veld: w[veld] for veld in BEWERKBAAR if veld in w}
        if d is None:
            velden.setdefault("domein", r.domein)
            if not r.naam:
                r.problemen.append(Probleem(blad, r.rij, kolomtekst("naam"), "Naam is verplicht voor een nieuwe "
                                            "maatregel."))
                continue
        stand = bewerkbare_waarden(d) if d else {}
        _ingekort(r, velden, stand, blad, kolomtekst)
        try:
            nieuw = controleer_velden(stand, velden, omzetter.domein, omzetter.toeslag)
        except ValidatieFout as fout:
            r.problemen.append(Probleem(blad, r.rij, kolomtekst(fout.veld) if fout.veld else None, fout.melding))
            continue
        r.nieuw = nieuw if d is None else {veld: v for veld, v in nieuw.items() if stand.get(veld) != v}
        r.wijzigingen = [VELDLABELS.get(veld, veld) for veld in r.nieuw]
        if d is not None:
            r.versie = d.versie
            r.naam = d.naam if "naam" not in r.nieuw else r.nieuw["naam"]

        # References: to the register or to measures this file creates.
        ouder = nieuw.get("ouder")
        if ouder and ouder not in alle_codes:
            r.problemen.append(Probleem(blad, r.rij, kolomtekst("ouder"), f"Maatregel {ouder} bestaat niet."))
        for code in nieuw.get("afhankelijk_van", ()):
            if code == r.code:
                r.problemen.append(Probleem(blad, r.rij, kolomtekst("afhankelijk_van"), ZELFAFHANKELIJK))
            elif code not in alle_codes:
                r.problemen.append(Probleem(blad, r.rij, kolomtekst("afhankelijk_van"),
                                            f"Maatregel {code} bestaat niet."))

        # Sources: in the register, or defined on the workbook's sources sheet.
        if "bronnen" in w:
            for bron, _ in w["bronnen"]:
                if bron not in bekende_bronnen and bron not in bronblad:
                    r.problemen.append(Probleem(blad, r.rij, kolomtekst("bronnen"), f"Onbekende bron: {bron}."))
            huidige = tuple((b.bron, b.vindplaats) for b in d.bronnen) if d else ()
            if tuple(w["bronnen"]) != huidige:
                r.bronnen = tuple(w["bronnen"])
                r.wijzigingen.append(VELDLABELS["bronnen"])
        if "gearchiveerd" in w and w["gearchiveerd"] is not None and w["gearchiveerd"] != (d.gearchiveerd if d else False):
            r.gearchiveerd = w["gearchiveerd"]
            r.wijzigingen.append(VELDLABELS["gearchiveerd"])

        # Status: a difference becomes a history entry.
        oud = {"status": d.status, "fase": d.fase, "status_brontekst": d.status_brontekst,
               "status_afgeleid": d.status_afgeleid} if d else {"status": "niet", "fase": None,
                                                                 "status_brontekst": None, "status_afgeleid": False}
        doel = {veld: w.get(veld, oud[veld]) for veld in STATUSVELDEN}
        if d is not None and doel["status"] != oud["status"]:
            # The fase and the source's wording belong to the old status: a new status keeps them only when the file
            # gives them anew (an edited export whose status alone changed must not credit the old words to it).
            for veld in ("fase", "status_brontekst"):
                if doel[veld] == oud[veld]:
                    doel[veld] = None
        if doel["status_afgeleid"] is None:
            doel["status_afgeleid"] = oud["status_afgeleid"]
        r.status_veranderd = d is None or doel != oud
        if r.status_veranderd:
            datum = w.get("status_datum")
            if d is not None and (datum is None or datum == d.status_datum):
                datum = vandaag  # the file did not date the change: it is made today
            elif d is not None and d.status_datum and datum < d.status_datum:
                r.problemen.append(Probleem(blad, r.rij, kolomtekst("status_datum"),
                                            f"de statusdatum {datum:%d-%m-%Y} ligt vóór de huidige statusdatum "
                                            f"{d.status_datum:%d-%m-%Y}: de nieuwe status zou niet de huidige worden."))
                continue
            try:
                r.status = controleer_statusregel(
                    nieuw=doel["status"], datum=datum or vandaag, toelichting=f"Import uit {bestand.naam}, rij {r.rij}",
                    brontekst=doel["status_brontekst"], fase=doel["fase"], vindplaats=f"blad {blad}, rij {r.rij}",
                    afgeleid=doel["status_afgeleid"])
            except ValidatieFout as fout:
                veld = {"datum": "status_datum", "brontekst": "status_brontekst"}.get(fout.veld, fout.veld)
                r.problemen.append(Probleem(blad, r.rij, kolomtekst(veld), fout.melding))
                continue
            if d is not None:
                r.wijzigingen.extend(VELDLABELS[v] for v in STATUSVELDEN if doel[v] != oud[v])

    # 6. No parent cycles in the register as it would be after the import.
    ouder_van = {r.code: code_van.get(r.ouder_id) for r in index}
    for r in rijen:
        if r.code and "ouder" in r.nieuw:
            ouder_van[r.code] = r.nieuw["ouder"]
    for r in rijen:
        # The row's own parent: two rows may name the same measure, and ouder_van holds the last one's.
        if r.code and r.nieuw.get("ouder") and heeft_kringloop(r.code, ouder_van, r.nieuw["ouder"]):
            r.problemen.append(Probleem(blad, r.rij, kolomtekst("ouder"), kringloopmelding(r.nieuw["ouder"], r.code)))

    plannen = []
    for r in rijen:
        if r.problemen:
            actie = "afgewezen"
        elif r.id is None:
            actie = "nieuw"
        else:
            actie = "wijzigen" if r.wijzigingen else "ongewijzigd"
        plannen.append(Rijplan(r.rij, actie, r.code, r.naam, tuple(dict.fromkeys(r.wijzigingen)),
                               tuple(r.problemen)))
    alle = bestandsproblemen + [p for r in rijen for p in r.problemen]
    plan = Importplan(bestand.naam, blad, tuple(plannen), tuple(alle), bestand.waarschuwingen)
    return plan, rijen, bronblad


def _ingekort(r: _Rij, velden: dict, stand: dict, blad: str, kolomtekst) -> None:
    """A text the export cut to fit a cell never replaces the full text it came from."""
    from registry.rekenblad.export import INGEKORT

    for veld, waarde in list(velden.items()):
        if isinstance(waarde, str) and waarde.endswith(INGEKORT):
            begin = waarde[:-len(INGEKORT)]
            if isinstance(stand.get(veld), str) and stand[veld].startswith(begin):
                del velden[veld]
            else:
                r.problemen.append(Probleem(blad, r.rij, kolomtekst(veld), "deze tekst is bij het exporteren "
                                            "ingekort en kan niet worden ingelezen; laat de cel leeg of geef de "
                                            "volledige tekst."))
                del velden[veld]


# --- applying -------------------------------------------------------------------------------------------------------

def importeer(sessie, bestand: Importbestand, gebruiker: str, toewijzing=None) -> Importresultaat:
    """Plan again inside the caller's unit of work and write it all, or raise ImportFout and write nothing."""
    from registry.status import wijzig_status

    plan, rijen, bronblad = _plan(sessie, bestand, toewijzing)
    if plan.problemen:
        raise ImportFout(_samenvatting(plan), plan.problemen)
    blad = bestand.blad
    try:
        _maak_bronnen(sessie, bronblad)
        importbron = _importbroncode(bestand.naam)
        # The file is a source only of the status entries it adds: an import that changes no status adds no source.
        if (any(r.status_veranderd for r in rijen)
                and sessie.exec(select(Bron.id).where(Bron.code == importbron)).first() is None):
            maak_bron(sessie, importbron, f"Geïmporteerd bestand {bestand.naam}", soort="overig")
        nieuwe = [r for r in rijen if r.id is None]
        voeg_maatregelen_toe(sessie, [
            NieuweMaatregel(r.code, r.nieuw, r.status, importbron, r.bronnen or (), bool(r.gearchiveerd))
            for r in nieuwe], gebruiker)
        gewijzigd = []
        for r in rijen:
            if r.id is None or not r.wijzigingen:
                continue
            versie = r.versie
            if r.nieuw:
                versie = wijzig_maatregel(sessie, r.code, r.nieuw, gebruiker, versie).versie
            if r.status_veranderd:
                s = r.status
                versie = wijzig_status(sessie, r.code, s.nieuw, s.toelichting, gebruiker, versie, datum=s.datum,
                                       fase=s.fase, bron=importbron, vindplaats=s.vindplaats, brontekst=s.brontekst,
                                       afgeleid=s.afgeleid).versie
            if r.bronnen is not None:
                vervang_bronvermeldingen(sessie, r.code, r.bronnen, gebruiker)
            if r.gearchiveerd is not None:
                archiveer(sessie, r.code, gebruiker, versie, r.gearchiveerd)
            gewijzigd.append(r.code)
    except ValidatieFout as fout:  # a rule only the write could check (e.g. an order of parent changes)
        raise ImportFout(f"{bestand.naam}: er is niets geïmporteerd.",
                         [Probleem(blad, None, None, fout.melding)]) from fout
    return Importresultaat(plan, tuple(r.code for r in nieuwe), tuple(gewijzigd))


def _maak_bronnen(sessie, bronblad: dict) -> None:
    """Sources the workbook's sources sheet defines and the register lacks (existing ones are left as they are)."""
    if not bronblad:
        return
    bestaand = set(sessie.exec(select(Bron.code)).all())
    for code, rij in bronblad.items():
        if code in bestaand:
            continue
        cel = list(rij) + [None] * (len(BRONKOPPEN) - len(rij))
        titel, uitgever, datum, soort, referentie = cel[1:6]
        if isinstance(datum, date):
            datum = datum if type(datum) is date else datum.date()
        elif not is_leeg(datum):
            try:
                datum = parse_datum(als_tekst(datum))
            except OngeldigeDatum:
                datum = None
        else:
            datum = None
        maak_bron(sessie, code, als_tekst(titel) or code, uitgever=None if is_leeg(uitgever) else als_tekst(uitgever),
                  datum=datum, soort=BRONSOORT.herken(als_tekst(soort)) if not is_leeg(soort) else None,
                  referentie=None if is_leeg(referentie) else als_tekst(referentie))


def _samenvatting(plan: Importplan) -> str:
    rijen = {p.rij for p in plan.problemen if p.rij is not None}
    tekst = (f"{plan.bestand}: er is niets geïmporteerd. {len(plan.problemen)} "
             f"{'probleem' if len(plan.problemen) == 1 else 'problemen'}")
    return tekst + (f" in {len(rijen)} {'rij' if len(rijen) == 1 else 'rijen'}:" if rijen else ":")
