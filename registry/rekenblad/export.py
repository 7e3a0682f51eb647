"""export-xlsx (issue 8): the register as an Excel workbook, read through the same path as the JSON contract.

The measures sheet has exactly the columns of `kolommen.MAATREGELKOLOMMEN`, its cells written with the functions the
importer reads them back with, so that an exported workbook imports without changes. Further sheets hold the status
history, effect measurements, recommendations, sources and an explanation of the columns.

Written with XlsxWriter (imported when needed: brief §6). Formula injection (brief §7) is impossible by construction:
its string conversions are off, every text is written as text (`write_string`, or `write_rich_string` for the one
shape XlsxWriter would otherwise pass through unescaped) and no code path here writes a formula.
"""

import io
import tempfile
from collections.abc import Callable, Iterable
from contextlib import suppress
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import IO

from registry.bestand import atomair_bestand
from registry.export_json import register_als_json
from registry.filters import Filter
from registry.fouten import RegisterFout
from registry.rekenblad.kolommen import (KEUZELIJSTEN, MAATREGELKOLOMMEN, SOORTEN, Kolom, bronnen_als_tekst,
                                         janee_als_tekst, lijst_als_tekst)
from registry.vocabulaire import BEWIJSKRACHT, BRONSOORT, EFFECT_ERVARING, FASE, OPVOLGING, STATUS, Vocabulaire

MAATREGELBLAD = "Maatregelen"
HISTORIEBLAD = "Statushistorie"
EFFECTBLAD = "Effectmetingen"
AANBEVELINGENBLAD = "Aanbevelingen"
BRONBLAD = "Bronnen"
TOELICHTINGBLAD = "Toelichting"

TITEL = "Maatregelenregister Toeslagen"
DATUMOPMAAK = "dd-mm-yyyy"  # shown as DD-MM-JJJJ

#: Excel holds at most this many characters (UTF-16 units) in a cell; the register allows 100,000 (brief §7).
MAX_CELTEKST = 32_767
#: What ends a text that did not fit in its cell. An importer must not take such a cell as the new text.
INGEKORT = " … [ingekort: de volledige tekst staat in het register]"

# XlsxWriter's settings: never turn a text into a formula, link or number; stream rows through temporary files so
# that 10,000 measures do not sit in memory twice.
_OPTIES = {"strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False,
           "constant_memory": True}


@dataclass(frozen=True)
class Exportresultaat:
    aantal_maatregelen: int
    bladen: tuple[str, ...]
    waarschuwingen: tuple[str, ...] = ()  # Dutch, e.g. a text cut to fit Excel's cell limit


def schrijf_werkmap(sessie, pad: str | Path, f: Filter = Filter()) -> Exportresultaat:
    """Write the measures `f` selects, with their history, measurements, recommendations and sources, to `pad`.

    Whole or not at all: an unusable path is a RegisterFout with a Dutch message, and a failure while writing leaves
    neither a half file nor a changed earlier one.
    """
    from xlsxwriter.exceptions import FileCreateError

    try:
        with atomair_bestand(pad, "het Excel-bestand") as uit:  # an unusable path is refused before the work
            gegevens = register_als_json(sessie, f)
            werkmap = _Werkmap(gegevens)
            werkmap.schrijf(uit)
    except (OSError, FileCreateError) as fout:  # e.g. the disk filled up; XlsxWriter wraps OSError when saving
        oorzaak = fout.args[0] if isinstance(fout, FileCreateError) and fout.args else fout
        raise RegisterFout(f"Kan het Excel-bestand {pad} niet schrijven: "
                           f"{getattr(oorzaak, 'strerror', None) or oorzaak}.") from None
    return Exportresultaat(len(gegevens["maatregelen"]), werkmap.bladen, tuple(werkmap.waarschuwingen))


# --- cells ----------------------------------------------------------------------------------------------------------

def _utf16_lengte(tekst: str) -> int:
    return len(tekst.encode("utf-16-le")) // 2


def _past_in_cel(tekst: str) -> bool:
    return len(tekst) <= MAX_CELTEKST // 2 or _utf16_lengte(tekst) <= MAX_CELTEKST


def _kort_in(tekst: str) -> str:
    """The longest start of `tekst` that fits in a cell with INGEKORT behind it (emoji count twice in Excel)."""
    ruimte = MAX_CELTEKST - _utf16_lengte(INGEKORT)
    begin = tekst[:ruimte]
    while _utf16_lengte(begin) > ruimte:
        begin = begin[:ruimte - (_utf16_lengte(begin) - ruimte)]
    return begin + INGEKORT


class _Werkmap:
    """Builds the workbook's sheets from the JSON form of the register; one method per sheet.

    XlsxWriter in constant_memory mode writes a row out when the next one starts: each sheet is written top to
    bottom, one after the other.
    """

    def __init__(self, gegevens: dict):
        self.g = gegevens
        self.bladen: tuple[str, ...] = ()
        self.waarschuwingen: list[str] = []
        # The JSON names domains in full; the sheet shows the short name.
        self.domeinnaam = {d["volledige_naam"]: d["naam"] for d in gegevens["domeinen"]}
        self.toeslagnaam = {t["code"]: t["naam"] for t in gegevens["toeslagen"]}

    def schrijf(self, uit: IO[bytes]) -> None:
        import xlsxwriter

        # XlsxWriter builds the zip in memory (about 3 MB for 10,000 measures), copied out at the end: a write error
        # such as a full disk is then one plain write that fails, never a half-written zip left to its finaliser.
        # Its temporary files go to a directory of our own, removed with everything in it, also on failure.
        inhoud = io.BytesIO()
        with tempfile.TemporaryDirectory(prefix="register-xlsx-", ignore_cleanup_errors=True) as tijdelijk:
            wb = xlsxwriter.Workbook(inhoud, {**_OPTIES, "tmpdir": tijdelijk})
            try:
                wb.set_properties({"title": TITEL, "author": TITEL})
                self.vet = wb.add_format({"bold": True})
                self.datum = wb.add_format({"num_format": DATUMOPMAAK})
                self.titel = wb.add_format({"bold": True, "font_size": 14})
                self.alinea = wb.add_format({"text_wrap": True, "valign": "top"})
                self.wb = wb
                self.maatregelen()
                self.statushistorie()
                self.effectmetingen()
                self.aanbevelingen()
                self.bronnen()
                self.toelichting()
                self.bladen = tuple(ws.name for ws in wb.worksheets())
            except BaseException:
                with suppress(Exception):  # only to close its temporary files; the output is not used
                    wb.close()
                raise
            wb.close()
        uit.write(inhoud.getbuffer())

    # --- rows ----------------------------------------------------------------------------------------------------

    def rij(self, ws, koppen, r: int, waarden: Iterable, opmaak=None) -> None:
        """Row `r` (0-based): str -> text (never a formula), date -> date cell, int/float -> number, None -> empty.

        A value may be a (value, format) pair; `opmaak` is the format of the others.
        """
        for c, w in enumerate(waarden):
            o = opmaak
            if type(w) is tuple:
                w, o = w
            if w is None or w == "":
                continue
            if isinstance(w, str):
                if not _past_in_cel(w):
                    from xlsxwriter.utility import xl_rowcol_to_cell

                    self._ingekort(ws.name, koppen[c][0], xl_rowcol_to_cell(r, c), waarden, w)
                    w = _kort_in(w)
                if w.startswith("<r>") and w.endswith("</r>"):
                    # XlsxWriter takes such a string for its own rich-text XML and writes it unescaped: a text like
                    # "<r>…</r></is><f>…</f>…</r>" would become a formula. As rich text its pieces are escaped.
                    ws.write_rich_string(r, c, w[0], w[1:-1], w[-1], *([o] if o else []))
                else:
                    ws.write_string(r, c, w, o)
            elif isinstance(w, date):
                if w.year < 1900:  # before Excel's calendar: as text, the way it is shown
                    ws.write_string(r, c, f"{w:%d-%m-%Y}")
                else:
                    ws.write_datetime(r, c, w, self.datum)
            elif isinstance(w, (int, float)) and not isinstance(w, bool):
                ws.write_number(r, c, w, o)
            else:
                raise TypeError(f"geen celwaarde: {w!r}")

    def _ingekort(self, blad: str, kolom: str, cel: str, waarden, tekst: str) -> None:
        code = waarden[0] if waarden and isinstance(waarden[0], str) else None
        lengte = f"{len(tekst):,}".replace(",", ".")
        self.waarschuwingen.append(
            f'Blad "{blad}", cel {cel} ({kolom}{", " + code if code else ""}): de tekst is {lengte} '
            f"tekens, meer dan Excel in een cel kan bewaren; hij is ingekort.")

    def blad(self, naam: str, koppen: list[tuple[str, int]], kop_rij: int = 0):
        """A new sheet with the columns' widths, the rows up to its header row `kop_rij` (0-based) frozen."""
        ws = self.wb.add_worksheet(naam)
        for c, (_, breedte) in enumerate(koppen):
            ws.set_column(c, c, breedte)
        ws.freeze_panes(kop_rij + 1, 0)
        return ws

    def tabel(self, ws, koppen: list[tuple[str, int]], rijen: Iterable[list], kop_rij: int = 0, opmaak=None) -> None:
        """The bold header row at `kop_rij`, the rows below it, an auto-filter over them all."""
        self.rij(ws, koppen, kop_rij, [k for k, _ in koppen], self.vet)
        r = kop_rij
        for r, waarden in enumerate(rijen, start=kop_rij + 1):
            self.rij(ws, koppen, r, waarden, opmaak)
        ws.autofilter(kop_rij, 0, r, len(koppen) - 1)

    def datablad(self, naam: str, koppen: list[tuple[str, int]], rijen: Iterable[list]) -> None:
        self.tabel(self.blad(naam, koppen), koppen, rijen)

    # --- sheets --------------------------------------------------------------------------------------------------

    def maatregelen(self) -> None:
        schrijvers = [(k.veld, self._schrijver(k)) for k in MAATREGELKOLOMMEN]
        self.datablad(MAATREGELBLAD, [(k.kop, k.breedte) for k in MAATREGELKOLOMMEN],
                      ([schrijf(m.get(veld)) for veld, schrijf in schrijvers] for m in self.g["maatregelen"]))

    def _schrijver(self, k: Kolom) -> Callable[[object], object]:
        """How a JSON value of column `k` becomes a cell value (the inverse of what the importer reads)."""
        def niet_leeg(omzetten):
            return lambda w: None if w is None else omzetten(w)

        if k.soort == "datum":
            return _datum
        if k.soort == "getal":
            return lambda w: w  # a number cell (None: empty), so that Excel can add them up
        if k.soort == "domein":
            return niet_leeg(lambda w: self.domeinnaam.get(w, w))
        if k.soort == "toeslagen":
            return niet_leeg(lambda w: lijst_als_tekst(self.toeslagnaam.get(c, c) for c in w))
        if k.soort == "codes":
            return niet_leeg(lijst_als_tekst)
        if k.soort in ("status", "keuze"):
            lijst = KEUZELIJSTEN[k.veld]
            return niet_leeg(lambda w: lijst.label(w) or w)
        if k.soort == "janee":
            return janee_als_tekst
        if k.soort == "periode":
            return niet_leeg(_periode)
        if k.soort == "bronnen":
            return niet_leeg(lambda w: bronnen_als_tekst((b["bron"], b["vindplaats"]) for b in w))
        return niet_leeg(str)

    def statushistorie(self) -> None:
        koppen = [("Code", 9), ("Datum", 12), ("Oude status", 15), ("Nieuwe status", 15), ("Fase", 16),
                  ("Toelichting", 50), ("Brontekst", 30), ("Gebruiker", 16), ("Bron", 14), ("Vindplaats", 16),
                  ("Afgeleid", 10), ("Correctie", 11), ("Vervangen", 11)]
        self.datablad(HISTORIEBLAD, koppen, (
            [m["code"], _datum(h["datum"]), _label(STATUS, h["oud"]), _label(STATUS, h["nieuw"]),
             _label(FASE, h["fase"]), h["toelichting"], h["brontekst"], h["gebruiker"], *_verwijzing(h["bron"]),
             janee_als_tekst(h["afgeleid"]), janee_als_tekst(h["vervangt"] is not None),
             janee_als_tekst(h["vervangen"])]
            for m in self.g["maatregelen"] for h in m["statushistorie"]))

    def effectmetingen(self) -> None:
        koppen = [("Code", 9), ("Indicator", 40), ("Nulmeting", 12), ("Waarde", 12), ("Eenheid", 10),
                  ("Streefwaarde", 12), ("Periode", 12), ("Methode", 16), ("Bewijskracht", 16),
                  ("Effect op ervaring", 12), ("Bron", 14), ("Vindplaats", 16), ("Toelichting", 40)]
        self.datablad(EFFECTBLAD, koppen, (
            [m["code"], e["indicator"], e["nulmeting"], e["waarde"], e["eenheid"], e["streefwaarde"], e["periode"],
             e["methode"], _label(BEWIJSKRACHT, e["bewijskracht"]), _label(EFFECT_ERVARING, e["effect_ervaring"]),
             *_verwijzing(e["bron"]), e["toelichting"]]
            for m in self.g["maatregelen"] for e in m["effectmetingen"]))

    def aanbevelingen(self) -> None:
        koppen = [("Code", 12), ("Titel", 40), ("Tekst", 50), ("Bron", 14), ("Vindplaats", 16), ("Nummer", 9),
                  ("Thema", 18), ("Datum", 12), ("Deadline", 14), ("Opvolging", 16), ("Motivatie", 40),
                  ("Besloten op", 12), ("Besloten door", 16), ("Gekoppelde maatregelen", 22)]
        self.datablad(AANBEVELINGENBLAD, koppen, (
            [a["code"], a["titel"], a["tekst"], a["bron"], a["vindplaats"], a["nummer"], a["thema"],
             _datum(a["datum"]), _periode(a["deadline"]), _label(OPVOLGING, a["opvolging"]), a["motivatie"],
             _datum(a["besloten_op"]), a["besloten_door"], lijst_als_tekst(a["maatregelen"])]
            for a in self.g["aanbevelingen"]))

    def bronnen(self) -> None:
        koppen = [("Code", 14), ("Titel", 50), ("Uitgever", 28), ("Datum", 12), ("Soort", 14), ("Referentie", 30)]
        self.datablad(BRONBLAD, koppen, (
            [b["code"], b["titel"], b["uitgever"], _datum(b["datum"]), _label(BRONSOORT, b["soort"]),
             b["referentie"]]
            for b in self.g["bronnen"]))

    def toelichting(self) -> None:
        """What each column of the measures sheet holds and accepts, below a short description of the export."""
        koppen = [("Kolom", 26), ("Veldnaam (JSON)", 24), ("Inhoud", 60), ("Toegestane waarden", 70)]
        kop_rij = 6  # the column table's header (row 7), below the description
        ws = self.blad(TOELICHTINGBLAD, koppen, kop_rij)
        for r, waarden in enumerate([
                [(TITEL, self.titel)],
                [("Geëxporteerd op", self.vet), date.today()],
                [("Filter", self.vet), self.g["filter"]],
                [("Aantal maatregelen", self.vet), len(self.g["maatregelen"])],
                [f"Het blad {MAATREGELBLAD} kan na bewerken weer worden ingelezen met "
                 "python main.py import BESTAND (alles of niets)."]]):
            self.rij(ws, koppen, r, waarden)
        self.tabel(ws, koppen, ([k.kop, k.veld, k.uitleg, self._toegestaan(k)] for k in MAATREGELKOLOMMEN),
                   kop_rij, self.alinea)

    def _toegestaan(self, k: Kolom) -> str:
        if k.soort == "status":
            return (", ".join(f"{t.label} ({t.symbool})" for t in STATUS.termen) + "; ook: "
                    + ", ".join(s for t in STATUS.termen for s in t.synoniemen if s not in ("✔", "✘")))
        if k.soort == "keuze":
            return ", ".join(t.label for t in KEUZELIJSTEN[k.veld].termen) + " (of leeg)"
        if k.soort == "domein":
            return f"{SOORTEN[k.soort]}: " + ", ".join(f"{d['code']} {d['naam']}" for d in self.g["domeinen"])
        if k.soort == "toeslagen":
            return f"{SOORTEN[k.soort]}: " + ", ".join(f"{t['code']} {t['naam']}" for t in self.g["toeslagen"])
        return SOORTEN[k.soort]


# --- JSON values to cell values -------------------------------------------------------------------------------------

def _datum(waarde) -> date | None:
    """The JSON holds days as ISO texts; the sheet gets real dates."""
    if not waarde:
        return None
    if isinstance(waarde, str):
        return date.fromisoformat(waarde[:10])
    return waarde


def _periode(waarde) -> str | None:
    """A vague date as its own text, so that it reads back exactly as it was entered."""
    return waarde["tekst"] if isinstance(waarde, dict) else waarde


def _label(lijst: Vocabulaire, code: str | None) -> str | None:
    return lijst.label(code) or code


def _verwijzing(verwijzing: dict | None) -> tuple[str | None, str | None]:
    return (verwijzing["bron"], verwijzing["vindplaats"]) if verwijzing else (None, None)
