"""Layout toolkit for the PRT PDF (brief §4): fonts, safe text, styles, tables, figures and the page frame."""

import gc
import os
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
from reportlab.platypus import (BaseDocTemplate, CondPageBreak, Flowable, Frame, Image, PageTemplate, Paragraph, Table,
                                TableStyle)
from reportlab.platypus.tableofcontents import TableOfContents

from registry.bestand import atomair_bestand
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


class Alinea(Paragraph):
    """A Paragraph that keeps its line breaks for the width it was last wrapped to.

    A table measures every cell several times per layout pass (wrap, split, the split-off rest, drawing), and
    multiBuild lays out twice: breaking the lines again each time made a long report several times slower.
    """

    def wrap(self, availWidth, availHeight):
        # The result depends on the width only; split() may delete blPara, which forces a fresh break.
        if self.__dict__.get("_breedte") == availWidth and "blPara" in self.__dict__:
            return self.width, self.height
        resultaat = super().wrap(availWidth, availHeight)
        self._breedte = availWidth
        return resultaat


_stijlen: dict[str, ParagraphStyle] | None = None


def stijlen() -> dict[str, ParagraphStyle]:
    """The report's paragraph styles, all in DejaVu Sans: titel, kop1, kop2, kop3, gewoon, klein, cel, cel_vet, ..."""
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
            # Below kop2 and left out of the contents: a report's contents must stay a page or two.
            "kop3": ParagraphStyle("kop3", parent=gewoon, fontName=LETTER_VET, fontSize=11, leading=14,
                                   spaceBefore=8, spaceAfter=3, textColor=KOPKLEUR, keepWithNext=1),
            "gewoon": gewoon,
            "klein": ParagraphStyle("klein", parent=gewoon, fontSize=8, leading=10),
            "cel": cel,
            "cel_vet": ParagraphStyle("cel_vet", parent=cel, fontName=LETTER_VET),
            "cel_rechts": ParagraphStyle("cel_rechts", parent=cel, alignment=TA_RIGHT),
            "cel_kop": ParagraphStyle("cel_kop", parent=cel, fontName=LETTER_VET, textColor=colors.white),
            "midden": ParagraphStyle("midden", parent=gewoon, alignment=TA_CENTER),
            "tussenkop": ParagraphStyle("tussenkop", parent=gewoon, fontName=LETTER_VET, fontSize=9, leading=11.5,
                                        spaceBefore=4, spaceAfter=2),
            "opsomming": ParagraphStyle("opsomming", parent=gewoon, fontSize=9, leading=11.5, spaceAfter=1.5,
                                        leftIndent=14, bulletIndent=4, bulletFontName=LETTER, bulletFontSize=9),
            "inhoud1": ParagraphStyle("inhoud1", parent=gewoon, fontSize=10.5, leading=15),
            "inhoud2": ParagraphStyle("inhoud2", parent=gewoon, fontSize=9.5, leading=13, leftIndent=12),
        }
    return _stijlen


_sjablonen: dict[str, Any] = {}  # style name -> the text fragment a plain text gets in that style
_gewone_tekens: frozenset[str] | None = None


def _platte_alinea(waarde: str, stijl: ParagraphStyle) -> Alinea | None:
    """The paragraph of a plain one-line text, made without reportlab's markup parser; None for any other text.

    Plain: only characters the main font has, single spaces, no line break. Most cells of a long report are
    plain, and parsing them was a tenth of its build time. The text goes into the fragment as it is: nothing to
    escape.
    """
    global _gewone_tekens
    if not waarde or "  " in waarde or waarde[0] == " " or waarde[-1] == " ":
        return None
    if _gewone_tekens is None:
        registreer_lettertypen()
        _gewone_tekens = frozenset(chr(c) for c in _lettertypen["tekens"]
                                   if unicodedata.category(chr(c)) not in ("Cc", "Zs") or c == 32)
    if not _gewone_tekens.issuperset(waarde):
        return None
    sjabloon = _sjablonen.get(stijl.name)
    if sjabloon is None or sjabloon[0] is not stijl:
        sjabloon = _sjablonen[stijl.name] = (stijl, Paragraph("x", stijl).frags[0])
    alinea_ = Alinea(None, stijl, frags=[sjabloon[1].clone(text=waarde)])
    alinea_.text = waarde
    return alinea_


def alinea(waarde: Any, stijl: str | ParagraphStyle = "gewoon") -> Paragraph:
    """A paragraph of user text, printed exactly as typed."""
    if isinstance(stijl, str):
        stijl = stijlen()[stijl]
    if isinstance(waarde, str):
        snel = _platte_alinea(waarde, stijl)
        if snel is not None:
            return snel
    return Alinea(tekst(waarde), stijl)


def opsomming(regels: Iterable[Any], stijl: str = "opsomming") -> list[Paragraph]:
    """A bulleted list over the full width, one paragraph per line of user text (each printed exactly as typed):
    long lists read better so than wrapped into a narrow table column."""
    gekozen = stijlen()[stijl]
    return [Alinea(tekst(r), gekozen, bulletText="•") for r in regels]


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
        return Alinea(tekst(code or ""), s["cel"])
    sleutel = (code, weergave, id(s["cel"]))
    if sleutel not in _statusfragmenten:  # thousands of status cells share a few parsed fragments
        term = STATUS[code]
        kleur = STATUSKLEUR.get(code, "#000000")
        delen = {"symbool": [term.symbool], "label": [term.label], "beide": [term.symbool, term.label]}[weergave]
        _statusfragmenten[sleutel] = Paragraph(f'<font color="{kleur}"><b>{tekst(" ".join(delen))}</b></font>',
                                               s["cel"]).frags
    return Alinea(None, s["cel"], frags=[f.clone() for f in _statusfragmenten[sleutel]])


_statusfragmenten: dict[tuple, list] = {}


def _cel(waarde: Any, stijl: ParagraphStyle, rechts: ParagraphStyle) -> Flowable:
    if isinstance(waarde, Flowable):
        return waarde
    if isinstance(waarde, (int, float)) and not isinstance(waarde, bool):
        # Dutch notation, independent of the machine's locale: 1.234 and 0,5.
        getal = f"{waarde:,}".replace(",", ".") if isinstance(waarde, int) else str(waarde).replace(".", ",")
        return alinea(getal, rechts)
    return alinea(waarde, stijl)


#: Height of the text frame: a row taller than this can only be printed by splitting it.
VOLLE_HOOGTE = PAGINA[1] - MARGE_BOVEN - MARGE_ONDER


class _Tabel(Table):
    """Splits between rows, and inside a row only when that row is taller than a whole page.

    Plain Table(repeatRows=1, splitInRow=1) puts the rest of a table, after a split between rows, back on the same
    page; when its first row does not fit the space left it is split in-row there, printing a second header row
    mid-page (reportlab 5.1). splitByRow=0 avoids that but cuts every row that straddles a page boundary.
    """

    def _calc(self, availWidth, availHeight):
        # Column widths are fixed, so a row's height never changes: keep every measured height as a given one.
        # The split-off rest inherits them (reportlab passes them on), so a long table is measured once, not once
        # per page, and the next layout pass measures nothing again.
        if self.__dict__.get("_berekend") == (availWidth, availHeight):
            return
        super()._calc(availWidth, availHeight)
        self._argH = list(self._rowHeights)
        self._berekend = (availWidth, availHeight)

    def _calc_height(self, availHeight, availWidth, H=None, W=None):
        """Measure rows only until the space is full (the rest stays unmeasured, None).

        reportlab's longTableOptimize means to do this but stops only for tables with spans (5.1), and sums all
        heights again for every row: a 2,500-row table took seconds, quadratic, at every measurement. These
        tables have fixed column widths and no spans or minimum heights, which keeps this simple.
        """
        H = list(self._argH)
        W = self._colWidths
        hoogte = 0.0
        hmax = len(H)
        for i in range(len(H)):
            if H[i] is None:
                H[i] = self._rijhoogte(i, W)
            hoogte += H[i]
            if hoogte > availHeight and i >= self.repeatRows and i + 1 < len(H):
                hmax = i + 1
                break
        self._rowHeights = H
        posities = [0.0]
        for h in reversed(H[:hmax]):
            posities.append(posities[-1] + h)
        posities.reverse()  # from the table's top down, as reportlab keeps them
        self._rowpositions = posities
        self._height = posities[0]
        self._hmax = hmax

    def _rijhoogte(self, i: int, breedtes) -> float:
        hoogte = 0.0
        rij = self._cellvalues[i]
        for j, (v, s, w) in enumerate(zip(rij, self._cellStyles[i], breedtes)):
            if isinstance(v, (tuple, list, Flowable)):
                v = rij[j] = self._cellListProcess(v, w, None)
                t = self._listCellGeom(v, w, s)[1]
            else:
                t = (s.leading or 1.2 * s.fontsize) * len((v is not None and str(v) or "").split("\n"))
            hoogte = max(hoogte, t + s.bottomPadding + s.topPadding)
        return hoogte

    def draw(self):
        if getattr(self.canv, "_droog", False):  # a layout-only pass: nothing of it is saved
            return
        super().draw()

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


#: Widest a text column is made for its longest word (points): wider words, rare in Dutch, are broken.
_WOORD_MAX = 115.0


def _woordbreedte(waarde: Any, font: str, grootte: float) -> float:
    """Width of the widest word of a text cell: a column at least this wide never breaks a word."""
    if waarde is None or isinstance(waarde, Flowable):
        return 0.0
    return max((pdfmetrics.stringWidth(w, font, grootte) for w in str(waarde).split()), default=0.0)


def kolombreedtes_met_minimum(gewichten: list[float], breedte: float, minima: list[float]) -> list[float]:
    """Widths in proportion to `gewichten` summing to `breedte`, each at least its minimum: a column that needs
    more takes it from the others, in proportion to their weights. Minima that together exceed `breedte` are
    scaled down alike (a word then has to break: there is no room)."""
    n = len(gewichten)
    minima = list(minima)
    if sum(minima) > breedte:
        minima = [m * breedte / sum(minima) for m in minima]
    vast: dict[int, float] = {}
    while True:
        vrij = [i for i in range(n) if i not in vast]
        rest = breedte - sum(vast.values())
        if not vrij:  # every column at its minimum: share what is left by weight
            totaal = float(sum(gewichten)) or 1.0
            return [vast[i] + rest * gewichten[i] / totaal for i in range(n)]
        totaal = float(sum(gewichten[i] for i in vrij))
        breedtes = {i: rest * gewichten[i] / totaal if totaal > 0 else rest / len(vrij) for i in vrij}
        te_smal = {i: minima[i] for i in vrij if minima[i] > breedtes[i] + 1e-6}
        if not te_smal:
            breedtes.update(vast)
            return [breedtes[i] for i in range(n)]
        vast.update(te_smal)


#: The widest a code column may demand, as a share of the table: wide enough for any register code.
_CODE_MAX = 0.25


def tabel(koppen: list[str], rijen: Iterable[list], kolombreedtes: list[float] | None = None, *,
          statuskolommen: Iterable[int] = (), statusweergave: str = "beide", breedte: float = BESCHIKBARE_BREEDTE,
          vette_kolommen: Iterable[int] = (), codekolommen: Iterable[int] = (),
          voortgang: Callable[[int], None] | None = None) -> Table:
    """A table whose header repeats on every page, whose cells wrap and whose rows split across pages.

    `kolombreedtes` are relative weights (e.g. [1, 4, 1]) scaled to `breedte` (points; default the text width).
    Cells may be text (escaped), numbers (right-aligned), None (empty) or ready Flowables. Values in
    `statuskolommen` are status codes, drawn with symbol and colour as in the GUI. A column in `codekolommen`
    holds codes (alone or among other words): it is made at least as wide as its widest word, so that no code is
    ever broken over two lines; header words are never broken either. Long text wraps at spaces and breaks only
    a word wider than its column. `voortgang(rijen)` is called every few hundred rows while the cells are made.
    """
    s = stijlen()
    statuskolommen = set(statuskolommen)
    vette_kolommen = set(vette_kolommen)
    codekolommen = set(codekolommen)
    gewichten = kolombreedtes or [1.0] * len(koppen)
    kop_stijl, cel_stijl, vet_stijl = s["cel_kop"], s["cel"], s["cel_vet"]
    rand = 3 + 3 + 0.5  # LEFTPADDING + RIGHTPADDING below, and a little room for rounding
    minima = [_woordbreedte(k, kop_stijl.fontName, kop_stijl.fontSize) + rand for k in koppen]
    # Per text column its longest words by number of characters, measured once at the end: cheaper than measuring
    # every word of thousands of cells, and close enough for a column's preferred minimum.
    lange_woorden: list[dict[str, ParagraphStyle]] = [{} for _ in koppen]
    zachte_minima = [0.0] * len(koppen)  # what long words in text would like; codes and headers must have theirs
    data: list[list[Flowable]] = [[Alinea(tekst(k), kop_stijl) for k in koppen]]
    for nummer, rij in enumerate(rijen, start=1):
        cellen = []
        for i, w in enumerate(rij):
            if i in statuskolommen:
                cellen.append(status_cel(w, statusweergave))
                continue
            stijl = vet_stijl if i in vette_kolommen else cel_stijl
            if i in codekolommen:
                # Capped: one stray long token (a URL in a citation) must not squeeze every other column.
                minima[i] = max(minima[i], min(_woordbreedte(w, stijl.fontName, stijl.fontSize) + rand,
                                               breedte * _CODE_MAX))
            elif isinstance(w, Paragraph) and nummer <= 200:
                # Ready paragraphs (status transitions and the like) repeat a few words: a sample will do.
                zachte_minima[i] = max(zachte_minima[i], min(w.minWidth() + rand, _WOORD_MAX))
            elif isinstance(w, str) and len(w) > 5:
                woord = max(w.split(), key=len, default="")
                kandidaten = lange_woorden[i]
                if len(woord) > 5 and (len(kandidaten) < 5 or len(woord) > min(map(len, kandidaten))):
                    kandidaten[woord] = stijl
                    if len(kandidaten) > 5:
                        del kandidaten[min(kandidaten, key=len)]
            cellen.append(_cel(w, stijl, s["cel_rechts"]))
        data.append(cellen)
        if voortgang is not None and nummer % 250 == 0:
            voortgang(nummer)
    for i, kandidaten in enumerate(lange_woorden):
        for woord, stijl in kandidaten.items():
            # A long word in text may still break, but not for want of a few points: up to _WOORD_MAX wide.
            breedte_woord = pdfmetrics.stringWidth(woord, stijl.fontName, stijl.fontSize) + rand
            zachte_minima[i] = max(zachte_minima[i], min(breedte_woord, _WOORD_MAX))
    totaal = float(sum(gewichten)) or 1.0
    # A column grows for a long word by half its share at most, and only with the room the hard minima leave.
    zacht = [max(0.0, min(z, 1.5 * breedte * g / totaal) - m) for z, g, m in zip(zachte_minima, gewichten, minima)]
    ruimte = breedte - sum(minima)
    factor = min(1.0, max(0.0, ruimte * 0.8) / sum(zacht)) if sum(zacht) else 0.0
    minima = [m + z * factor for m, z in zip(minima, zacht)]
    breedtes = kolombreedtes_met_minimum(list(gewichten), breedte, minima)
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


class _BlijfBijElkaar(CondPageBreak):
    """Starts a new page unless a heading group and the start of what follows fit in the space left.

    The start is a table's header and first row, or a paragraph's first two lines: a heading is never the last
    thing on a page. Measured at layout time, when the width is known.
    """

    def __init__(self, groep: list[Flowable], volgende: Flowable | None):
        super().__init__(0)
        self._groep = groep
        self._volgende = volgende

    def _begin(self, breedte: float) -> float:
        v = self._volgende
        if v is None:
            return 0.0
        if isinstance(v, Table):
            v._calc(breedte, VOLLE_HOOGTE)
            kop, eerste = sum(v._rowHeights[:v.repeatRows]), sum(v._rowHeights[v.repeatRows:v.repeatRows + 1])
            if kop + eerste > VOLLE_HOOGTE:  # a row taller than a page is split in-row: its first lines will do
                eerste = min(eerste, 4 * 10.5 + 5)
            return kop + eerste + v.getSpaceBefore()
        _, hoogte = v.wrap(breedte, VOLLE_HOOGTE)
        if isinstance(v, Paragraph) and getattr(v, "blPara", None) is not None:
            regels = len(v.blPara.lines)
            hoogte = hoogte * min(2, regels) / regels if regels else hoogte
        return hoogte + v.getSpaceBefore()

    def wrap(self, availWidth, availHeight):
        nodig = sum(f.wrap(availWidth, VOLLE_HOOGTE)[1] + f.getSpaceBefore() + f.getSpaceAfter()
                    for f in self._groep) + self._begin(availWidth)
        # Never more than a page: a start that cannot fit anywhere must not push page after page.
        self.height = min(nodig, VOLLE_HOOGTE - 1)
        return super().wrap(availWidth, availHeight)


def bij_elkaar(groep: list[Flowable], volgende: Flowable | None = None) -> list[Flowable]:
    """`groep` (a heading, maybe with an intro line or a small table) followed by `volgende`, kept together so the
    heading never ends a page: the group moves to the next page unless the start of `volgende` fits below it."""
    for f in groep:
        # The explicit check replaces keepWithNext, which measures a whole long table to keep it with its heading.
        f.keepWithNext = 0
    return [_BlijfBijElkaar(groep, volgende), *groep] + ([volgende] if volgende is not None else [])


def figuur_als_flowable(figuur, breedte_mm: float = 170) -> Image:
    """A matplotlib Figure as a 200-dpi PNG image, `breedte_mm` wide with the figure's own aspect ratio."""
    buffer = BytesIO()
    figuur.savefig(buffer, format="png", dpi=200, bbox_inches=None, facecolor="white")
    buffer.seek(0)
    b, h = figuur.get_size_inches()
    breedte = min(breedte_mm * mm, BESCHIKBARE_BREEDTE)
    return Image(buffer, width=breedte, height=breedte * h / b)


Voortgang = Callable[[float, str], None]

#: Share of the layout work done when each multiBuild pass ends: the first pass only lays out (tables are not drawn),
#: the second draws as well; a rare third pass (the page count changed) gets half of what is left before saving.
_EINDE_DOORGANG = {1: 0.4, 2: 0.95}
_OPSLAAN = 0.97


def _eenheden(f: Flowable) -> float:
    # Rough amount of layout work left in a flowable: rows of a table, about a row's worth of text per paragraph.
    if isinstance(f, Table):
        return float(len(f._cellvalues))
    if isinstance(f, Paragraph):
        return 1.0 + len(getattr(f, "text", "") or "") / 400
    return 1.0


class _Document(BaseDocTemplate):
    """Registers headings for the table of contents and the PDF outline, and reports progress per page."""

    def __init__(self, bestand, voortgang: Voortgang | None, **kwargs):
        super().__init__(bestand, **kwargs)
        self._voortgang = voortgang
        self._kopnummer = 0
        self.totaal: int | None = None  # page count of the previous pass
        self.doorgang = 0  # the multiBuild pass being laid out, from 1
        self._gemeld = 0.0
        self._wachtrij: list[Flowable] = []
        self._werk = 1.0
        self._begin = 0.0  # progress at the start of this pass

    def meld(self, fractie: float, melding: str) -> None:
        """Report progress, never less than reported before (a pass may be repeated)."""
        self._gemeld = max(self._gemeld, min(fractie, 1.0))
        if self._voortgang is not None:
            self._voortgang(self._gemeld, melding)

    def multiBuild(self, story, **kwargs):
        self._werk = sum(_eenheden(f) for f in story) or 1.0
        return super().multiBuild(story, **kwargs)

    def handle_flowable(self, flowables):
        self._wachtrij = flowables  # what is left of this pass's story: the first pass's progress measure
        super().handle_flowable(flowables)

    def afterFlowable(self, flowable):
        if isinstance(flowable, Paragraph) and flowable.style.name in ("kop1", "kop2"):
            niveau = 0 if flowable.style.name == "kop1" else 1
            self._kopnummer += 1
            sleutel = f"kop{self._kopnummer}"
            self.canv.bookmarkPage(sleutel)
            platte_tekst = flowable.getPlainText()
            self.canv.addOutlineEntry(platte_tekst, sleutel, level=niveau, closed=niveau > 0)
            self.notify("TOCEntry", (niveau, tekst(platte_tekst), self.page, sleutel))

    def _einde_doorgang(self) -> float:
        return _EINDE_DOORGANG.get(self.doorgang, self._begin + (_OPSLAAN - self._begin) / 2)

    def handle_pageEnd(self):
        if self._voortgang is not None:
            einde = self._einde_doorgang()
            if self.doorgang == 1 or not self.totaal:
                rest = sum(_eenheden(f) for f in self._wachtrij)
                gedaan = max(0.0, min(1.0, 1 - rest / self._werk))
                ongeveer = max(self.page, round(self.page / gedaan)) if gedaan > 0.02 else None
                melding = (f"Opmaken: pagina {self.page} van ongeveer {ongeveer}…" if ongeveer
                           else f"Opmaken: pagina {self.page}…")
            else:
                gedaan = min(1.0, self.page / self.totaal)
                melding = f"Opmaken: pagina {self.page} van {max(self.page, self.totaal)}…"
            self.meld(self._begin + (einde - self._begin) * gedaan, melding)
        super().handle_pageEnd()

    def _allSatisfied(self):
        # One more pass whenever the page count changed, so "pagina X van Y" always has the final Y. Counting
        # across multiBuild passes (rather than holding pages back in the canvas, the usual NumberedCanvas) keeps
        # bookmarks and TOC links on the right page.
        totaal, self.totaal = self.totaal, self.page
        klaar = super()._allSatisfied() and totaal == self.page
        if klaar:
            self.meld(_OPSLAAN, "PDF wegschrijven…")
        else:
            self._begin = self._gemeld = max(self._gemeld, self._einde_doorgang())
        return klaar

    def _startBuild(self, *args, **kwargs):
        # Bookmark keys must be the same in every pass of multiBuild, or the TOC links point nowhere.
        self._kopnummer = 0
        self.doorgang += 1
        super()._startBuild(*args, **kwargs)
        # The first pass is never the last (the page count is unknown until it ends): it only lays out, and tables,
        # most of the drawing work, skip drawing on it.
        self.canv._droog = self.doorgang == 1


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
    with atomair_bestand(pad_of_bestand, "het PDF-bestand") as uit:
        doc_maker(uit)


def bouw_document(pad_of_bestand: str | os.PathLike | IO[bytes], verhalen: list[Flowable], *, titel: str,
                  periode: str, classificatie: str, concept: bool = False, auteur: str = "",
                  onderwerp: str = "", trefwoorden: str | Iterable[str] = "",
                  gegenereerd: datetime | None = None,
                  voortgang: Voortgang | None = None) -> int:
    """Lay out `verhalen` as an A4 PDF; the first page is the title page (no header or footer).

    Every other page has a header (title · period) and a footer (classification, 'pagina X van Y', generation date);
    `concept` puts a diagonal CONCEPT on every page. `voortgang(fractie, melding)` is called after each page of
    every layout pass, with fractie rising from 0.0 to 1.0 (1.0 once the PDF is complete, just before it is moved
    into place), and may raise to cancel: the exception propagates. Written atomically: on any error no file (nor
    temporary file) is left; an unwritable path raises RegisterFout. Returns the number of pages.
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
        # The story holds millions of objects (cells, fragments) that live until the end: without a freeze,
        # Python's cyclic garbage collector scanned them all again and again, stalling for seconds at 10,000
        # measures (and the progress with it).
        gc.freeze()
        try:
            doc.multiBuild(list(verhalen))
        finally:
            gc.unfreeze()
        paginas[0] = doc.totaal
        doc.meld(1.0, "Klaar")

    paginas = [0]
    _schrijf(maak, pad_of_bestand)
    return paginas[0]
