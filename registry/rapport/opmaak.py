"""Layout toolkit for the PRT PDF (brief §4): fonts, safe text, styles, tables, figures and the page frame."""

import os
import tempfile
import unicodedata
from collections.abc import Callable, Iterable
from datetime import datetime
from io import BytesIO
from pathlib import Path
from typing import IO, Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, Image, PageTemplate, Paragraph, Table, TableStyle
from reportlab.platypus.tableofcontents import TableOfContents

from registry.fouten import RegisterFout
from registry.vocabulaire import STATUS, STATUSKLEUR

FONTMAP = Path(__file__).resolve().parents[2] / "resources" / "fonts"
LETTER = "DejaVuSans"
LETTER_VET = "DejaVuSans-Bold"
LETTER_SCHUIN = "DejaVuSans-Oblique"

#: Printed instead of a character no registered font can draw: visible, so nobody mistakes the text for complete.
VERVANGING = "\u25a1"

PAGINA = A4
MARGE_LINKS = MARGE_RECHTS = 20 * mm
MARGE_BOVEN = 22 * mm
MARGE_ONDER = 22 * mm
#: Width of the text frame: what tables and figures may use.
BESCHIKBARE_BREEDTE = PAGINA[0] - MARGE_LINKS - MARGE_RECHTS

KOPKLEUR = colors.HexColor("#154273")  # rijksoverheid dark blue, as in the GUI header
ZEBRAKLEUR = colors.HexColor("#f2f4f7")
RASTERKLEUR = colors.HexColor("#c8ced6")

# Symbol fonts tried for characters DejaVu lacks (monochrome TrueType only: reportlab cannot draw colour emoji).
_TERUGVAL_KANDIDATEN = (
    FONTMAP / "terugval.ttf",
    Path("C:/Windows/Fonts/seguisym.ttf"),
    Path("/usr/share/fonts/truetype/noto/NotoSansSymbols2-Regular.ttf"),
    Path("/usr/share/fonts/truetype/noto/NotoSansSymbols-Regular.ttf"),
    Path("/usr/share/fonts/truetype/ancient-scripts/Symbola_hint.ttf"),
    Path("/usr/share/fonts/truetype/noto/NotoEmoji-Regular.ttf"),
    Path("/System/Library/Fonts/Apple Symbols.ttf"),
)

_lettertypen: dict[str, Any] | None = None  # {"tekens": set[int], "terugval": [(naam, set[int])]}


def registreer_lettertypen() -> None:
    """Register DejaVu Sans (regular, bold, oblique) and any fallback symbol font found; runs once per process."""
    global _lettertypen
    if _lettertypen is not None:
        return
    gewoon = TTFont(LETTER, str(FONTMAP / "DejaVuSans.ttf"))
    vet = TTFont(LETTER_VET, str(FONTMAP / "DejaVuSans-Bold.ttf"))
    schuin = TTFont(LETTER_SCHUIN, str(FONTMAP / "DejaVuSans-Oblique.ttf"))
    for font in (gewoon, vet, schuin):
        pdfmetrics.registerFont(font)
    pdfmetrics.registerFontFamily(LETTER, normal=LETTER, bold=LETTER_VET, italic=LETTER_SCHUIN,
                                  boldItalic=LETTER_VET)
    # A character counts as covered only when both weights have it: headings and header cells are bold.
    tekens = set(gewoon.face.charToGlyph) & set(vet.face.charToGlyph)
    terugval = []
    for nummer, pad in enumerate(_TERUGVAL_KANDIDATEN):
        try:
            if not pad.is_file():
                continue
            font = TTFont(f"Terugval{nummer}", str(pad))
        except Exception:  # noqa: BLE001 - an unusable system font is simply not a fallback
            continue
        pdfmetrics.registerFont(font)
        terugval.append((font.fontName, set(font.face.charToGlyph) - tekens))
    _lettertypen = {"tekens": tekens, "terugval": terugval}


def _escape(tekst: str) -> str:
    return (tekst.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;").replace("'", "&#39;"))


def tekst(waarde: Any) -> str:
    """User text as Paragraph markup that prints exactly as typed.

    Markup characters are escaped, line breaks become <br/>, runs of spaces are kept, characters no font can draw
    are drawn with a fallback font or replaced by a visible square. None prints as an empty string.
    """
    registreer_lettertypen()
    if waarde is None:
        return ""
    waarde = str(waarde).replace("\r\n", "\n").replace("\r", "\n").replace("\t", "    ")
    tekens = _lettertypen["tekens"]
    terugval = _lettertypen["terugval"]
    stukken: list[str] = []
    gewoon: list[str] = []

    def spoel() -> None:
        if gewoon:
            stukken.append(_bewaar_spaties(_escape("".join(gewoon))))
            gewoon.clear()

    for teken in waarde:
        code = ord(teken)
        if teken == "\n":
            spoel()
            stukken.append("<br/>")
        elif code in tekens and unicodedata.category(teken) != "Cc":
            gewoon.append(teken)
        elif unicodedata.category(teken) in ("Mn", "Cf") and code not in tekens:
            # An invisible joiner or variation selector of an emoji: dropping it loses nothing visible.
            continue
        else:
            font = next((naam for naam, dekking in terugval if code in dekking), None)
            spoel()
            if font is not None:
                stukken.append(f'<font name="{font}">{_escape(teken)}</font>')
            else:
                stukken.append(f'<font color="#888888">{VERVANGING}</font>')
    spoel()
    return "".join(stukken)


def _bewaar_spaties(markup: str) -> str:
    # Paragraph collapses runs of spaces; keep the typed spacing with non-breaking spaces after the first.
    if "  " not in markup:
        return markup
    uit = []
    vorige_spatie = False
    for teken in markup:
        if teken == " " and vorige_spatie:
            uit.append("&nbsp;")
        else:
            uit.append(teken)
        vorige_spatie = teken == " "
    return "".join(uit)


_stijlen: dict[str, ParagraphStyle] | None = None


def stijlen() -> dict[str, ParagraphStyle]:
    """The report's paragraph styles, all in DejaVu Sans: titel, kop1, kop2, gewoon, klein, cel, cel_vet, ..."""
    global _stijlen
    if _stijlen is None:
        registreer_lettertypen()
        gewoon = ParagraphStyle("gewoon", fontName=LETTER, fontSize=10, leading=13, spaceAfter=4)
        cel = ParagraphStyle("cel", parent=gewoon, fontSize=8.5, leading=10.5, spaceAfter=0)
        _stijlen = {
            "titel": ParagraphStyle("titel", parent=gewoon, fontName=LETTER_VET, fontSize=24, leading=30,
                                    spaceAfter=12, textColor=KOPKLEUR),
            "kop1": ParagraphStyle("kop1", parent=gewoon, fontName=LETTER_VET, fontSize=16, leading=20,
                                   spaceBefore=6, spaceAfter=8, textColor=KOPKLEUR, keepWithNext=1),
            "kop2": ParagraphStyle("kop2", parent=gewoon, fontName=LETTER_VET, fontSize=12.5, leading=16,
                                   spaceBefore=8, spaceAfter=4, textColor=KOPKLEUR, keepWithNext=1),
            "gewoon": gewoon,
            "klein": ParagraphStyle("klein", parent=gewoon, fontSize=8, leading=10),
            "cel": cel,
            "cel_vet": ParagraphStyle("cel_vet", parent=cel, fontName=LETTER_VET),
            "cel_rechts": ParagraphStyle("cel_rechts", parent=cel, alignment=TA_RIGHT),
            "cel_kop": ParagraphStyle("cel_kop", parent=cel, fontName=LETTER_VET, textColor=colors.white),
            "midden": ParagraphStyle("midden", parent=gewoon, alignment=TA_CENTER),
            "inhoud1": ParagraphStyle("inhoud1", parent=gewoon, fontSize=10.5, leading=15),
            "inhoud2": ParagraphStyle("inhoud2", parent=gewoon, fontSize=9.5, leading=13, leftIndent=12),
        }
    return _stijlen


def alinea(waarde: Any, stijl: str | ParagraphStyle = "gewoon") -> Paragraph:
    """A paragraph of user text, printed exactly as typed."""
    if isinstance(stijl, str):
        stijl = stijlen()[stijl]
    return Paragraph(tekst(waarde), stijl)


def kop(waarde: Any, niveau: int = 1) -> Paragraph:
    """A section heading; level 1 and 2 headings appear in the table of contents and the PDF outline."""
    return alinea(waarde, "kop1" if niveau == 1 else "kop2")


def inhoudsopgave() -> TableOfContents:
    """A table of contents filled from the kop1/kop2 headings (needs bouw_document's multi-pass build)."""
    s = stijlen()
    inhoud = TableOfContents()
    inhoud.levelStyles = [s["inhoud1"], s["inhoud2"]]
    inhoud.dotsMinLevel = 0
    return inhoud


def status_cel(code: str | None, weergave: str = "beide") -> Paragraph:
    """A status as in the GUI: its symbol (✓ ● ✗) in the status colour; weergave 'symbool', 'label' or 'beide'."""
    s = stijlen()
    if code not in STATUS:
        return Paragraph(tekst(code or ""), s["cel"])
    term = STATUS[code]
    kleur = STATUSKLEUR.get(code, "#000000")
    delen = {"symbool": [term.symbool], "label": [term.label], "beide": [term.symbool, term.label]}[weergave]
    return Paragraph(f'<font color="{kleur}"><b>{tekst(" ".join(delen))}</b></font>', s["cel"])


def _cel(waarde: Any, stijl: ParagraphStyle, rechts: ParagraphStyle) -> Flowable:
    if isinstance(waarde, Flowable):
        return waarde
    if isinstance(waarde, (int, float)) and not isinstance(waarde, bool):
        # Dutch notation, independent of the machine's locale: 1.234 and 0,5.
        getal = f"{waarde:,}".replace(",", ".") if isinstance(waarde, int) else str(waarde).replace(".", ",")
        return Paragraph(tekst(getal), rechts)
    return Paragraph(tekst(waarde), stijl)


#: Height of the text frame: a row taller than this can only be printed by splitting it.
VOLLE_HOOGTE = PAGINA[1] - MARGE_BOVEN - MARGE_ONDER


class _Tabel(Table):
    """Splits between rows, and inside a row only when that row is taller than a whole page.

    Plain Table(repeatRows=1, splitInRow=1) puts the rest of a table, after a split between rows, back on the same
    page; when its first row does not fit the space left it is split in-row there, printing a second header row
    mid-page (reportlab 5.1). splitByRow=0 avoids that but cuts every row that straddles a page boundary.
    """

    def split(self, availWidth, availHeight):
        self._calc(availWidth, availHeight)
        kop = sum(self._rowHeights[:self.repeatRows])
        n = self._getFirstPossibleSplitRowPosition(availHeight)
        if n < len(self._rowHeights) and n >= self.repeatRows and kop + self._rowHeights[n] > VOLLE_HOOGTE:
            # The first row that does not fit is taller than a page: cut it here rather than leave the rest
            # (with a repeated header) to be cut on this same page.
            return self._splitRows(availHeight, doInRowSplit=True)
        delen = self._splitRows(availHeight, doInRowSplit=False)
        if delen:
            return delen
        return []  # the next row fits a fresh page whole: let the document move it there


def tabel(koppen: list[str], rijen: Iterable[list], kolombreedtes: list[float] | None = None, *,
          statuskolommen: Iterable[int] = (), statusweergave: str = "beide", breedte: float = BESCHIKBARE_BREEDTE,
          vette_kolommen: Iterable[int] = ()) -> Table:
    """A table whose header repeats on every page, whose cells wrap and whose rows split across pages.

    `kolombreedtes` are relative weights (e.g. [1, 4, 1]) scaled to `breedte` (points; default the text width).
    Cells may be text (escaped), numbers (right-aligned), None (empty) or ready Flowables. Values in
    `statuskolommen` are status codes, drawn with symbol and colour as in the GUI.
    """
    s = stijlen()
    statuskolommen = set(statuskolommen)
    vette_kolommen = set(vette_kolommen)
    gewichten = kolombreedtes or [1.0] * len(koppen)
    totaal = float(sum(gewichten))
    breedtes = [breedte * g / totaal for g in gewichten]
    data: list[list[Flowable]] = [[Paragraph(tekst(k), s["cel_kop"]) for k in koppen]]
    for rij in rijen:
        data.append([
            status_cel(w, statusweergave) if i in statuskolommen
            else _cel(w, s["cel_vet"] if i in vette_kolommen else s["cel"], s["cel_rechts"])
            for i, w in enumerate(rij)
        ])
    t = _Tabel(data, colWidths=breedtes, repeatRows=1, splitInRow=1, hAlign="LEFT")
    t.setStyle(TableStyle([
        ("BACKGROUND", (0, 0), (-1, 0), KOPKLEUR),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, ZEBRAKLEUR]),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, RASTERKLEUR),
        ("BOX", (0, 0), (-1, -1), 0.5, RASTERKLEUR),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]))
    return t


def figuur_als_flowable(figuur, breedte_mm: float = 170) -> Image:
    """A matplotlib Figure as a 200-dpi PNG image, `breedte_mm` wide with the figure's own aspect ratio."""
    buffer = BytesIO()
    figuur.savefig(buffer, format="png", dpi=200, bbox_inches=None, facecolor="white")
    buffer.seek(0)
    b, h = figuur.get_size_inches()
    breedte = min(breedte_mm * mm, BESCHIKBARE_BREEDTE)
    return Image(buffer, width=breedte, height=breedte * h / b)


class _Document(BaseDocTemplate):
    """Registers headings for the table of contents and the PDF outline, and reports progress per page."""

    def __init__(self, bestand, voortgang: Callable[[int], None] | None, **kwargs):
        super().__init__(bestand, **kwargs)
        self._voortgang = voortgang
        self._kopnummer = 0
        self.totaal: int | None = None  # page count of the previous pass

    def afterFlowable(self, flowable):
        if isinstance(flowable, Paragraph) and flowable.style.name in ("kop1", "kop2"):
            niveau = 0 if flowable.style.name == "kop1" else 1
            self._kopnummer += 1
            sleutel = f"kop{self._kopnummer}"
            self.canv.bookmarkPage(sleutel)
            platte_tekst = flowable.getPlainText()
            self.canv.addOutlineEntry(platte_tekst, sleutel, level=niveau, closed=niveau > 0)
            self.notify("TOCEntry", (niveau, tekst(platte_tekst), self.page, sleutel))

    def handle_pageEnd(self):
        if self._voortgang is not None:
            self._voortgang(self.page)
        super().handle_pageEnd()

    def _allSatisfied(self):
        # One more pass whenever the page count changed, so "pagina X van Y" always has the final Y. Counting
        # across multiBuild passes (rather than holding pages back in the canvas, the usual NumberedCanvas) keeps
        # bookmarks and TOC links on the right page.
        totaal, self.totaal = self.totaal, self.page
        return super()._allSatisfied() and totaal == self.page

    def _startBuild(self, *args, **kwargs):
        # Bookmark keys must be the same in every pass of multiBuild, or the TOC links point nowhere.
        self._kopnummer = 0
        super()._startBuild(*args, **kwargs)


def _voetregel(canvas: Canvas, classificatie: str, pagina: int, totaal: int | None, gegenereerd: str) -> None:
    canvas.saveState()
    canvas.setFont(LETTER, 8)
    canvas.setFillColor(colors.HexColor("#444444"))
    y = MARGE_ONDER - 12 * mm
    canvas.setStrokeColor(RASTERKLEUR)
    canvas.setLineWidth(0.5)
    canvas.line(MARGE_LINKS, y + 4 * mm, PAGINA[0] - MARGE_RECHTS, y + 4 * mm)
    canvas.drawString(MARGE_LINKS, y, classificatie)
    canvas.drawCentredString(PAGINA[0] / 2, y, f"pagina {pagina} van {totaal if totaal else '?'}")
    canvas.drawRightString(PAGINA[0] - MARGE_RECHTS, y, f"gegenereerd {gegenereerd}")
    canvas.restoreState()


def _platte_regel(waarde: str) -> str:
    # Canvas strings are not markup, but characters outside the font still print as boxes: replace them visibly.
    registreer_lettertypen()
    tekens = _lettertypen["tekens"]
    return "".join(t if ord(t) in tekens else VERVANGING for t in waarde.replace("\n", " "))


def _watermerk(canvas: Canvas) -> None:
    canvas.saveState()
    canvas.setFont(LETTER_VET, 110)
    canvas.setFillColor(colors.HexColor("#c62828"))
    canvas.setFillAlpha(0.12)
    canvas.translate(PAGINA[0] / 2, PAGINA[1] / 2)
    canvas.rotate(55)
    canvas.drawCentredString(0, -35, "CONCEPT")
    canvas.restoreState()


def _kopregel(canvas: Canvas, regel: str) -> None:
    canvas.saveState()
    canvas.setFont(LETTER, 8)
    canvas.setFillColor(colors.HexColor("#444444"))
    y = PAGINA[1] - MARGE_BOVEN + 8 * mm
    canvas.drawString(MARGE_LINKS, y, regel)
    canvas.setStrokeColor(RASTERKLEUR)
    canvas.setLineWidth(0.5)
    canvas.line(MARGE_LINKS, y - 2 * mm, PAGINA[0] - MARGE_RECHTS, y - 2 * mm)
    canvas.restoreState()


def _schrijf(doc_maker: Callable[[Any], None], pad_of_bestand: str | os.PathLike | IO[bytes]) -> None:
    """Build into a temporary file beside the target and move it into place only when the build succeeded."""
    if not isinstance(pad_of_bestand, (str, os.PathLike)):
        doc_maker(pad_of_bestand)
        return
    doel = Path(pad_of_bestand)
    map_ = doel.parent
    try:
        fd, tijdelijk = tempfile.mkstemp(prefix=f".{doel.name}.", suffix=".tmp", dir=map_)
    except (FileNotFoundError, NotADirectoryError):
        raise RegisterFout(f"Kan het PDF-bestand niet schrijven in {map_}: de map bestaat niet.") from None
    except (PermissionError, OSError) as fout:
        raise RegisterFout(f"Kan het PDF-bestand niet schrijven in {map_}: geen schrijfrechten ({fout.strerror})."
                           ) from None
    try:
        with os.fdopen(fd, "wb") as uit:
            doc_maker(uit)
        try:
            os.replace(tijdelijk, doel)
        except OSError as fout:
            raise RegisterFout(f"Kan het PDF-bestand niet schrijven als {doel}: het bestand is in gebruik, is een map "
                               f"of er zijn geen schrijfrechten ({fout.strerror}).") from None
    except BaseException:
        try:
            os.unlink(tijdelijk)
        except OSError:
            pass
        raise


def bouw_document(pad_of_bestand: str | os.PathLike | IO[bytes], verhalen: list[Flowable], *, titel: str,
                  periode: str, classificatie: str, concept: bool = False, auteur: str = "",
                  onderwerp: str = "", trefwoorden: str | Iterable[str] = "",
                  gegenereerd: datetime | None = None,
                  voortgang: Callable[[int], None] | None = None) -> None:
    """Lay out `verhalen` as an A4 PDF; the first page is the title page (no header or footer).

    Every other page has a header (title · period) and a footer (classification, 'pagina X van Y', generation date);
    `concept` puts a diagonal CONCEPT on every page. `voortgang(pagina)` is called after each page and may raise
    to cancel. Written atomically: on any error no file (nor temporary file) is left; an unwritable path raises
    RegisterFout.
    """
    registreer_lettertypen()
    gegenereerd = gegenereerd or datetime.now()
    datumtekst = gegenereerd.strftime("%d-%m-%Y %H:%M")
    voetregel = _platte_regel(classificatie)
    kopregel = _platte_regel(f"{titel} · {periode}" if periode else titel)
    if not isinstance(trefwoorden, str):
        trefwoorden = ", ".join(trefwoorden)

    def inhoudpagina(canvas, doc):
        _kopregel(canvas, kopregel)
        _voetregel(canvas, voetregel, doc.page, doc.totaal, datumtekst)

    def watermerk(canvas, doc):
        # Drawn after the page's content, translucent: table cell backgrounds would hide it underneath.
        if concept:
            _watermerk(canvas)

    def maak(bestand) -> None:
        doc = _Document(bestand, voortgang, pagesize=PAGINA, leftMargin=MARGE_LINKS, rightMargin=MARGE_RECHTS,
                        topMargin=MARGE_BOVEN, bottomMargin=MARGE_ONDER, title=titel, author=auteur,
                        subject=onderwerp, keywords=trefwoorden, creator="Maatregelenregister Toeslagen",
                        lang="nl-NL", initialFontName=LETTER)
        kader = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="tekst",
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        doc.addPageTemplates([
            PageTemplate("titel", [kader], onPageEnd=watermerk, autoNextPageTemplate="inhoud"),
            PageTemplate("inhoud", [kader], onPage=inhoudpagina, onPageEnd=watermerk),
        ])
        doc.multiBuild(list(verhalen))

    _schrijf(maak, pad_of_bestand)
