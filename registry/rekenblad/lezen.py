"""Reading a workbook or CSV file into plain grids, refusing foreign and hostile files (brief §7).

Everything a file can do wrong ends as a BestandFout with one Dutch sentence naming the file and saying what to do:
a missing or empty file, another format, an old or password-protected workbook, a zip bomb, XML entity tricks, a
grid too large to hold. Memory stays bounded by checking sizes before anything is unpacked and before calamine
builds a sheet, and by counting cells, never by catching MemoryError. Workbooks are read by python-calamine (Rust),
imported only when a workbook is read (brief §6); CSV by the standard library.
"""

import codecs
import csv
import io
import logging
import posixpath
import re
import zipfile
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path

from registry.fouten import RegisterFout

log = logging.getLogger(__name__)

# Limits. A 10,000-measure export is about 3 MB on disk, 30 MB unpacked and 350,000 cells: these leave ample room
# for real registers (brief §6 tests at 100,000 measures) while keeping a hostile file far from exhausting memory.
MAX_BESTAND = 100 * 2**20  # bytes on disk, workbook or CSV
MAX_UITGEPAKT = 300 * 2**20  # total unpacked size of a workbook's parts, as the zip directory declares them
MAX_VERHOUDING = 200  # unpacked/packed ratio of one part ...
MAX_VERHOUDING_VANAF = 10 * 2**20  # ... judged only for parts that unpack to more than this
MAX_ONDERDELEN = 10_000  # parts in the zip
MAX_RIJEN = 300_000  # rows with a value, per sheet
MAX_KOLOMMEN = 1_000  # columns with a value
MAX_CELLEN = 5_000_000  # cells kept, over all sheets: bounds the grids' memory
MAX_SAMENVOEGINGEN = 20_000  # merged ranges per sheet
MAX_VELD = 1_000_000  # characters in one CSV field (texts over 100,000 are the importer's to refuse, with a row)
EXCEL_RIJEN = 1_048_576  # the most rows a sheet can have: beyond this the file is not Excel's

WERKMAP_EXTENSIES = frozenset({".xlsx", ".xlsm", ".xltx", ".xltm"})
TEKST_EXTENSIES = frozenset({".csv", ".txt", ".tsv", ".tab", ""})
SCHEIDINGSTEKENS = ";,\t"  # in order of preference when the content does not decide: Dutch Excel writes ';'

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the old .xls format and password-protected Office files share it
_UTF16 = "utf-16-le"
_WAT_WEL = "kies een Excel-werkmap (.xlsx of .xlsm) of een CSV-bestand (.csv)"
_BESCHADIGD = ("is beschadigd of geen geldige werkmap: open het in Excel, sla het opnieuw op als .xlsx en probeer "
               "het nog eens")


class BestandFout(RegisterFout):
    """A file that cannot be read; `.melding` is one Dutch sentence naming the file and saying what to do."""


@dataclass(frozen=True)
class Blad:
    """One sheet as a grid: `rijen[i]` is row i+1 as Excel numbers it; every row has the same length.

    Values are str, int, float, bool, date/datetime or None; text is kept as typed, an empty or blank cell is None.
    Every cell of a merged range carries the value of its top-left cell. Trailing empty rows and columns are dropped.
    """

    naam: str  # the sheet name; for a CSV the file name
    rijen: tuple[tuple[object, ...], ...]

    @property
    def breedte(self) -> int:
        return len(self.rijen[0]) if self.rijen else 0


def lees_bestand(pad: str | Path) -> list[Blad]:
    """The sheets of a workbook (.xlsx/.xlsm), or the one sheet of a CSV file, recognised by content.

    Raises BestandFout for everything the file can cause; an unexpected error is logged with its traceback and
    reported as a BestandFout too, so a file never produces a traceback in the user's face.
    """
    pad = Path(pad)
    naam = pad.name or str(pad)
    try:
        return _lees(pad, naam)
    except BestandFout:
        raise
    except MemoryError:  # the limits keep this away; if it happens anyway it is a bug, not a bad file
        raise
    except Exception:
        log.exception("onverwachte fout bij het lezen van %s", pad)
        raise BestandFout(f"Kan {naam} niet lezen door een onverwachte fout (de details staan in het logbestand): "
                          "sla het bestand opnieuw op als .xlsx of .csv en probeer het nog eens.") from None


def _lees(pad: Path, naam: str) -> list[Blad]:
    try:
        if pad.is_dir():
            raise BestandFout(f"{pad} is een map, geen bestand: {_WAT_WEL}.")
        grootte = pad.stat().st_size
    except FileNotFoundError:
        raise BestandFout(f"Het bestand {pad} bestaat niet: controleer de naam en de map.") from None
    except OSError as fout:
        raise BestandFout(f"Kan {naam} niet openen ({fout.strerror}): controleer of u het mag lezen.") from None
    if grootte == 0:
        raise BestandFout(f"{naam} is leeg (0 bytes): {_WAT_WEL} met gegevens.")
    if grootte > MAX_BESTAND:
        raise BestandFout(f"{naam} is te groot ({_mb(grootte)}; het register leest bestanden tot "
                          f"{_mb(MAX_BESTAND)}): splits het bestand of laat overbodige bladen weg.")
    try:
        with open(pad, "rb") as bestand:
            kop = bestand.read(8192)
            if kop.startswith((b"PK\x03\x04", b"PK\x05\x06")):
                return _lees_werkmap(bestand, naam)
            if kop.startswith(OLE2):
                raise BestandFout(_ole2_melding(bestand, naam))
            if kop.startswith(b"%PDF"):
                raise BestandFout(f"{naam} is een PDF-bestand, geen werkmap: {_WAT_WEL}.")
            extensie = pad.suffix.lower()
            if extensie in WERKMAP_EXTENSIES:
                raise BestandFout(f"{naam} {_BESCHADIGD}.")
            if extensie not in TEKST_EXTENSIES and not _lijkt_tekst(kop):
                raise BestandFout(f"{naam} is geen Excel-werkmap en geen CSV-bestand: {_WAT_WEL}.")
            bestand.seek(0)
            inhoud = bestand.read(MAX_BESTAND + 1)
    except OSError as fout:
        raise BestandFout(f"Kan {naam} niet lezen ({fout.strerror}): controleer of u het mag lezen en of het "
                          "niet beschadigd is.") from None
    return [_lees_csv(inhoud, naam)]


def _mb(aantal: int) -> str:
    return f"{aantal / 2**20:.0f} MB"


def _lijkt_tekst(kop: bytes) -> bool:
    return kop.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or b"\x00" not in kop


# --- workbooks ---------------------------------------------------------------------------------------------------

def _ole2_melding(bestand, naam: str) -> str:
    """Tell a password-protected workbook from an old .xls by the stream names in the compound file's directory."""
    gevonden = set()
    namen = {"EncryptionInfo": "versleuteld", "EncryptedPackage": "versleuteld", "Workbook": "xls", "Book": "xls"}
    zoek = {tekst.encode(_UTF16): soort for tekst, soort in namen.items()}
    bestand.seek(0)
    rest = b""
    while blok := bestand.read(2**20):
        venster = rest + blok
        gevonden.update(soort for patroon, soort in zoek.items() if patroon in venster)
        rest = venster[-32:]
    if "versleuteld" in gevonden:
        return f"{naam} is beveiligd met een wachtwoord: sla het in Excel op zonder wachtwoord en probeer het opnieuw."
    if "xls" in gevonden:
        return f"{naam} is in het oude Excel-formaat (.xls): sla het in Excel op als .xlsx en importeer dat bestand."
    return f"{naam} is een ouder Office-bestand, geen werkmap: {_WAT_WEL}."


def _controleer_zip(zf: zipfile.ZipFile, naam: str) -> None:
    """Refuse a zip bomb, judged on the zip directory before any part is unpacked.

    zipfile never unpacks more than a part's declared size (a lying header ends in a CRC error), so these numbers
    bound what the checks below unpack; calamine's own zip reader refuses a lying header too (ZipError).
    """
    delen = zf.infolist()
    if len(delen) > MAX_ONDERDELEN:
        raise BestandFout(f"{naam} bestaat uit {len(delen)} onderdelen, meer dan een werkmap ooit heeft; het is "
                          f"niet gelezen. {_WAT_WEL.capitalize()} zoals Excel het opslaat.")
    totaal = sum(deel.file_size for deel in delen)
    if totaal > MAX_UITGEPAKT:
        raise BestandFout(f"{naam} pakt uit tot {_mb(totaal)}, meer dan de {_mb(MAX_UITGEPAKT)} die het register "
                          "leest (een mogelijke zipbom); het is niet gelezen: splits het bestand.")
    for deel in delen:
        if deel.file_size > MAX_VERHOUDING_VANAF and deel.file_size > MAX_VERHOUDING * max(deel.compress_size, 1):
            raise BestandFout(f"{naam} bevat een onderdeel dat {deel.file_size // max(deel.compress_size, 1)} keer "
                              "uitpakt (een mogelijke zipbom); het is niet gelezen: sla het opnieuw op in Excel.")
        if deel.flag_bits & 0x1:
            raise BestandFout(f"{naam} is beveiligd met een wachtwoord: sla het in Excel op zonder wachtwoord en "
                              "probeer het opnieuw.")


def _geen_werkmap_melding(zf: zipfile.ZipFile, naam: str) -> str:
    namen = set(zf.namelist())
    if "mimetype" in namen and zf.getinfo("mimetype").file_size < 200:
        if b"opendocument.spreadsheet" in zf.read("mimetype"):
            return (f"{naam} is een OpenDocument-werkblad (.ods): sla het op als Excel-werkmap (.xlsx) of als "
                    "CSV-bestand en importeer dat.")
        return f"{naam} is een OpenDocument-bestand, geen werkmap: {_WAT_WEL}."
    if "xl/workbook.bin" in namen:
        return f"{naam} is een binaire Excel-werkmap (.xlsb): sla het in Excel op als .xlsx en importeer dat bestand."
    if "word/document.xml" in namen:
        return f"{naam} is een Word-document, geen werkmap: {_WAT_WEL}."
    if "ppt/presentation.xml" in namen:
        return f"{naam} is een PowerPoint-presentatie, geen werkmap: {_WAT_WEL}."
    return f"{naam} is een zip-bestand zonder werkblad, geen Excel-werkmap: {_WAT_WEL}."


def _lees_werkmap(bestand, naam: str) -> list[Blad]:
    """Check the zip and each sheet's extent, then let calamine read the worksheets; fill in merged ranges."""
    import python_calamine

    try:
        bestand.seek(0)
        with zipfile.ZipFile(bestand) as zf:
            _controleer_zip(zf, naam)
            if "xl/workbook.xml" not in zf.namelist():
                raise BestandFout(_geen_werkmap_melding(zf, naam))
            _controleer_delen(zf, naam)
        bestand.seek(0)
        teller = _Celteller(naam)
        with python_calamine.CalamineWorkbook.from_filelike(bestand) as werkmap:
            return [_blad(werkmap.get_sheet_by_name(meta.name), naam, teller) for meta in werkmap.sheets_metadata
                    if meta.typ == python_calamine.SheetTypeEnum.WorkSheet]  # chart and dialog sheets hold no grid
    except BestandFout:
        raise
    except python_calamine.PasswordError:
        raise BestandFout(f"{naam} is beveiligd met een wachtwoord: sla het in Excel op zonder wachtwoord en "
                          "probeer het opnieuw.") from None
    except (python_calamine.CalamineError, zipfile.BadZipFile, zipfile.LargeZipFile, KeyError, ValueError,
            EOFError, NotImplementedError, OverflowError, OSError) as fout:
        log.warning("%s geweigerd: %r", naam, fout)
        raise BestandFout(f"{naam} {_BESCHADIGD}.") from None


_DTD = re.compile(rb"<!DOCTYPE", re.IGNORECASE)
# What Excel, LibreOffice and the usual libraries write: no namespace prefix, the reference as the first attribute.
_GEWOON_RIJNUMMER = re.compile(rb'<row r="([0-9]{1,12})"')
_GEWOON_CEL = re.compile(rb'<c r="([A-Za-z]{1,8})([0-9]{1,12})"')
_RIJTAG, _CELTAG = re.compile(rb"<row[\s>/]"), re.compile(rb"<c[\s>/]")
_VOORVOEGSEL = re.compile(rb"<\w+:(?:c|row)[\s>/]")
# Any other form (slower): a prefix, attributes in any order, elements without a reference.
_RIJNUMMER = re.compile(rb'<(?:\w+:)?row(?=[\s>/])(?:[^>]*?\sr="([0-9]{1,12}))?')
_CEL = re.compile(rb'<(?:\w+:)?c(?=[\s>/])(?:[^>]*?\sr="([A-Za-z]{0,8})([0-9]{0,12}))?')


def _controleer_delen(zf: zipfile.ZipFile, naam: str) -> None:
    """Refuse a DTD in any XML part, and a sheet whose grid would outgrow memory, before calamine reads them.

    calamine (quick-xml) never expands an entity (it refuses an undeclared one), so a DTD can do no harm there; it
    is refused all the same, as no workbook Excel writes has one. calamine holds a sheet as one dense grid up to its
    last value, built before its size can be asked: a 1 KB file with values in two far corners would take
    gigabytes. So the extent is bounded first from the references in the sheet's XML.
    """
    for deel in zf.infolist():
        if not deel.filename.endswith((".xml", ".rels", ".vml")):
            continue
        with zf.open(deel) as bron:
            if _DTD.search(bron.read(65536)):
                log.warning("%s geweigerd: DTD in %s", naam, deel.filename)
                raise BestandFout(f"{naam} {_BESCHADIGD} (het bevat XML-constructies die niet zijn toegestaan: "
                                  "een DTD, entiteiten of externe verwijzingen).")
        if deel.filename.startswith("xl/worksheets/"):
            hoogte, breedte = _omvang(zf.read(deel))
            blad = posixpath.basename(deel.filename)
            if hoogte > EXCEL_RIJEN:
                raise BestandFout(f"{naam}: werkblad {blad} heeft meer dan {EXCEL_RIJEN:,} rijen, meer dan Excel "
                                  "toestaat; het bestand is beschadigd: sla het opnieuw op in Excel."
                                  .replace(",", "."))
            if hoogte * breedte > MAX_CELLEN:
                raise BestandFout(f"{naam}: werkblad {blad} beslaat {hoogte:,} rijen bij {breedte:,} kolommen, meer "
                                  f"dan de {MAX_CELLEN:,} cellen die het register in één keer leest: verwijder de "
                                  "overbodige rijen en kolommen of splits het bestand.".replace(",", "."))


def _omvang(blad: bytes) -> tuple[int, int]:
    """Upper bounds of the rows and columns calamine will span for a sheet's XML.

    The furthest reference, plus one for every row or cell without a reference (calamine places those after the
    previous one).
    """
    rijen = _GEWOON_RIJNUMMER.findall(blad)
    cellen = _GEWOON_CEL.findall(blad)
    zonder_rij = zonder_cel = 0
    if (_VOORVOEGSEL.search(blad) or len(rijen) != len(_RIJTAG.findall(blad))
            or len(cellen) != len(_CELTAG.findall(blad))):
        rijen = _RIJNUMMER.findall(blad)
        cellen = _CEL.findall(blad)
        zonder_rij = rijen.count(b"")
        zonder_cel = sum(1 for letters, nummer in cellen if not letters or not nummer)
    nummers = {nummer for nummer in rijen if nummer} | {nummer for _, nummer in cellen if nummer}
    kolommen = {letters for letters, _ in cellen if letters}
    return (max(map(int, nummers), default=0) + zonder_rij,
            max(map(_kolomnummer, kolommen), default=0) + zonder_cel)


def _kolomnummer(letters: bytes) -> int:
    """1 for b"A", 28 for b"AB" (the letters of a cell reference such as "AB7")."""
    nummer = 0
    for teken in letters.upper():
        nummer = nummer * 26 + teken - 64
    return nummer


def _blad(blad, naam: str, teller: "_Celteller") -> Blad:
    """One calamine sheet as a grid from A1, its size checked before Python holds it."""
    samengevoegd = blad.merged_cell_ranges or ()
    if len(samengevoegd) > MAX_SAMENVOEGINGEN:
        raise BestandFout(f"{naam}: blad \"{blad.name}\" heeft meer dan {MAX_SAMENVOEGINGEN} samengevoegde "
                          "celbereiken: maak de samenvoeging ongedaan en probeer het opnieuw.")
    if blad.end is None:
        return Blad(blad.name, ())
    hoogte, breedte = blad.end[0] + 1, blad.end[1] + 1
    if hoogte > MAX_RIJEN:
        raise BestandFout(f"{naam}: blad \"{blad.name}\" heeft meer dan {MAX_RIJEN:,} rijen; het register leest er "
                          "niet meer in één keer: splits het bestand.".replace(",", "."))
    if breedte > MAX_KOLOMMEN:
        raise BestandFout(f"{naam}: blad \"{blad.name}\" heeft waarden voorbij kolom {MAX_KOLOMMEN}; het register "
                          f"leest tot {MAX_KOLOMMEN} kolommen: verwijder de overbodige kolommen.")
    if teller.aantal + hoogte * breedte > MAX_CELLEN:  # refuse before to_python() builds the lists
        teller.tel(hoogte * breedte, blad.name)
    raster = _raster(blad.to_python(skip_empty_area=False), naam, blad.name, teller)
    return Blad(blad.name, _vul_samenvoegingen(raster, samengevoegd))


def _vul_samenvoegingen(rijen, bereiken) -> tuple[tuple[object, ...], ...]:
    """Give every cell of a merged range its top-left value, within the area that holds values."""
    if not rijen or not bereiken:
        return rijen
    hoogte, breedte = len(rijen), len(rijen[0])
    raster = None
    for (boven, links), (onder, rechts) in bereiken:  # 0-based, inclusive
        if boven >= hoogte or links >= breedte or rijen[boven][links] is None:
            continue  # outside the values, or nothing to fill
        waarde = rijen[boven][links]
        raster = raster or [list(rij) for rij in rijen]
        for rij in raster[boven:min(onder + 1, hoogte)]:
            rij[links:min(rechts + 1, breedte)] = [waarde] * (min(rechts + 1, breedte) - links)
    return rijen if raster is None else tuple(tuple(rij) for rij in raster)


# --- grids -------------------------------------------------------------------------------------------------------

class _Celteller:
    """Counts the cells kept over all sheets, so that no file can make the grids outgrow memory."""

    def __init__(self, naam: str):
        self.naam = naam
        self.aantal = 0

    def tel(self, aantal: int, blad: str) -> None:
        self.aantal += aantal
        if self.aantal > MAX_CELLEN:
            raise BestandFout(f"{self.naam} heeft meer dan {MAX_CELLEN:,} cellen (blad \"{blad}\"), meer dan het "
                              "register in één keer leest: splits het bestand of laat overbodige bladen en kolommen "
                              "weg.".replace(",", "."))


def _cel(waarde: object) -> object:
    """A cell value as the grid holds it: blank text is None; times and durations become text."""
    soort = type(waarde)
    if soort is str:
        return waarde if waarde.strip() else None
    if waarde is None or soort in (int, float, bool, datetime, date):
        return waarde
    if soort is time:
        return waarde.isoformat()
    return str(waarde)


def _raster(bron, naam: str, blad: str, teller: _Celteller) -> tuple[tuple[object, ...], ...]:
    """Rows from an iterator of row sequences, normalised, counted and cut to the area that holds values."""
    rijen: list[list[object]] = []
    breedte = 0
    lege_rijen = 0  # empty rows seen since the last row with a value: kept only if another value follows
    for nummer, rij in enumerate(bron, 1):
        if nummer > EXCEL_RIJEN:
            raise BestandFout(f"{naam}: blad \"{blad}\" heeft meer dan {EXCEL_RIJEN:,} rijen, meer dan Excel toestaat; "
                              "het bestand is beschadigd: sla het opnieuw op in Excel.".replace(",", "."))
        if not rij:
            lege_rijen += 1
            continue
        waarden = [_cel(waarde) for waarde in rij[:MAX_KOLOMMEN + 1]]
        if len(waarden) > MAX_KOLOMMEN and any(_cel(waarde) is not None for waarde in rij[MAX_KOLOMMEN:]):
            raise BestandFout(f"{naam}: blad \"{blad}\", rij {nummer} heeft waarden voorbij kolom {MAX_KOLOMMEN}; "
                              f"het register leest tot {MAX_KOLOMMEN} kolommen: verwijder de overbodige kolommen.")
        while waarden and waarden[-1] is None:
            waarden.pop()
        if not waarden:
            lege_rijen += 1
            continue
        if nummer > MAX_RIJEN:
            raise BestandFout(f"{naam}: blad \"{blad}\" heeft meer dan {MAX_RIJEN:,} rijen; het register leest er "
                              "niet meer in één keer: splits het bestand.".replace(",", "."))
        teller.tel(len(waarden) + lege_rijen, blad)
        rijen.extend([] for _ in range(lege_rijen))
        lege_rijen = 0
        rijen.append(waarden)
        breedte = max(breedte, len(waarden))
    teller.tel(sum(breedte - len(rij) for rij in rijen), blad)  # the padding is memory too
    leeg = (None,) * breedte
    return tuple(tuple(rij) + leeg[len(rij):] if len(rij) < breedte else tuple(rij) for rij in rijen)


# --- CSV ---------------------------------------------------------------------------------------------------------

def _lees_csv(inhoud: bytes, naam: str) -> Blad:
    if len(inhoud) > MAX_BESTAND:  # the file grew after it was measured
        raise BestandFout(f"{naam} is te groot (meer dan {_mb(MAX_BESTAND)}): splits het bestand.")
    tekst = _decodeer(inhoud, naam)
    del inhoud
    if "\x00" in tekst:
        raise BestandFout(f"{naam} bevat NUL-tekens en is dus geen tekstbestand: {_WAT_WEL}.")
    scheiding = _scheidingsteken(tekst)
    vorige_grens = csv.field_size_limit(MAX_VELD)
    try:
        lezer = csv.reader(io.StringIO(tekst, newline=""), delimiter=scheiding)
        return Blad(naam, _raster(lezer, naam, naam, _Celteller(naam)))
    except csv.Error as fout:
        regel = getattr(lezer, "line_num", 0)
        if "field larger than field limit" in str(fout):
            raise BestandFout(f"{naam}: rond regel {regel} staat een veld van meer dan {MAX_VELD:,} tekens; "
                              "waarschijnlijk ontbreekt een afsluitend aanhalingsteken: controleer die regel."
                              .replace(",", ".")) from None
        raise BestandFout(f"{naam} is geen geldig CSV-bestand (regel {regel}: {fout}): sla het opnieuw op als CSV.") \
            from None
    finally:
        csv.field_size_limit(vorige_grens)


def _decodeer(inhoud: bytes, naam: str) -> str:
    """UTF-8 with or without BOM, UTF-16 with BOM (Excel's "Unicode-tekst"), else Windows-1252 (Dutch Excel's CSV)."""
    if inhoud.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return inhoud.decode("utf-16")
        except UnicodeDecodeError:
            raise BestandFout(f"{naam} is geen geldige UTF-16-tekst: sla het opnieuw op als CSV (UTF-8).") from None
    if inhoud.startswith(codecs.BOM_UTF8):
        inhoud = inhoud[len(codecs.BOM_UTF8):]
    try:
        return inhoud.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return inhoud.decode("cp1252")
    except UnicodeDecodeError as fout:
        raise BestandFout(f"{naam} bevat tekens die niet als UTF-8 of Windows-1252 te lezen zijn (byte {fout.start}): "
                          "sla het in Excel op als \"CSV UTF-8\" en probeer het opnieuw.") from None


def _scheidingsteken(tekst: str) -> str:
    """The separator (';', ',' or tab) that splits the first records most consistently into more than one field.

    Each candidate parses the start of the file as CSV (so quoted separators and newlines count correctly); the score
    is the share of non-blank records having the most common field count above one. Title rows count against every
    candidate alike; ties go to ';', what Dutch Excel writes.
    """
    monster = tekst[:65536]
    afgekapt = len(tekst) > len(monster)
    beste, beste_score = SCHEIDINGSTEKENS[0], (0.0, 0)
    for teken in SCHEIDINGSTEKENS:
        vorige_grens = csv.field_size_limit(MAX_VELD)
        try:
            records = []
            for record in csv.reader(io.StringIO(monster, newline=""), delimiter=teken):
                records.append(record)
                if len(records) > 50:
                    break
        except csv.Error:
            continue
        finally:
            csv.field_size_limit(vorige_grens)
        if afgekapt and len(records) <= 50 and len(records) > 1:
            records.pop()  # the sample may end halfway through a record
        aantallen = [len(record) for record in records if any(veld.strip() for veld in record)]
        meervoudig = [aantal for aantal in aantallen if aantal > 1]
        if not meervoudig:
            continue
        gewoon = max(set(meervoudig), key=lambda aantal: (meervoudig.count(aantal), aantal))
        score = (aantallen.count(gewoon) / len(aantallen), gewoon)
        if score > beste_score:
            beste, beste_score = teken, score
    return beste
