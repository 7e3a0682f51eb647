"""Finding a cited passage in a source document: the quoted words first, else the section the citation names.

Citations come in two parts (brief §2): the document's own words (`brontekst`) and where they stand (`vindplaats`,
e.g. "§1.6.1", "§3.1 Ontwikkelingen dienstverlening, Niet-gebruik", "Hoofdstuk 2: …", "Voorwoord", "p. 12").
The source texts are PDF conversions: lines break where the document did not, words are hyphenated across lines,
headings carry Markdown or HTML marks, and a table of contents repeats the section numbers. Matching therefore works
on normalised copies of the text that remember, character by character, where they came from in the original, so
that a span found in a copy is a span in the text the user sees.
"""

import re
import unicodedata
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from registry.fouten import NietGevonden
from registry.startregister import BRONNENMAP

#: A quote that is not found whole is looked up by its longest leading part of at least this many characters.
MINIMALE_DEELLENGTE = 40
#: How far a named part without numbered headings after it ('Voorwoord', 'Opdracht aan onszelf') is taken to reach.
NAAM_BEREIK = 30_000

Span = tuple[int, int]

# Typographic quotes and dashes read as their plain forms; a soft hyphen is invisible.
_GELIJK = {
    **dict.fromkeys("‘’‚‛′`´", "'"), **dict.fromkeys("“”„‟″«»", '"'), **dict.fromkeys("‐‑‒–—―−", "-"),
    "\u00ad": "",
}


def brontekst(bestand: str) -> str:
    """The text of a source document in resources/bronnen; NietGevonden when it is not there."""
    naam = Path(str(bestand or "")).name
    if not naam or naam != str(bestand) or naam.startswith("."):
        raise NietGevonden(f"De brontekst '{bestand}' staat niet in de map met bronteksten van de toepassing.")
    try:
        return _lees(naam)
    except (OSError, UnicodeDecodeError) as fout:
        raise NietGevonden(f"De brontekst '{bestand}' is niet te lezen ({fout.__class__.__name__}).") from None


@lru_cache(maxsize=8)
def _lees(naam: str) -> str:
    return (BRONNENMAP / naam).read_text(encoding="utf-8")


def vind_passage(tekst: str, citaat: str | None, vindplaats: str | None) -> Span | None:
    """The (start, end) character span of the cited passage in `tekst`, or None when it cannot be found.

    First the quoted words (insensitive to line breaks, case, accents, typographic quotes and dashes, hyphenation);
    when the whole quote is not there, its longest leading part of at least MINIMALE_DEELLENGTE characters. Else the
    heading of the section `vindplaats` names (see vind_vindplaats). Where a quote occurs more than once, the first
    occurrence after the named section's heading wins.
    """
    if not tekst:
        return None
    sectie = _vind_sectie(tekst, vindplaats) if vindplaats and vindplaats.strip() else None
    if citaat and citaat.strip():
        gevonden = _vind_citaat(_index(tekst), citaat, sectie.kop[0] if sectie else None)
        if gevonden:
            return gevonden
    return sectie.plek if sectie else None


def vind_vindplaats(tekst: str, vindplaats: str | None) -> Span | None:
    """The span of the line a citation's vindplaats points at: a section or chapter heading, a named part (and a
    sub-heading after a comma within it), or a page marker; None when the text has no such place."""
    if not tekst or not vindplaats or not vindplaats.strip():
        return None
    sectie = _vind_sectie(tekst, vindplaats)
    return sectie.plek if sectie else None


def sectiebereik(tekst: str, vindplaats: str | None) -> Span | None:
    """The whole section a vindplaats names: from its heading to the next heading at the same or a higher level."""
    if not tekst or not vindplaats or not vindplaats.strip():
        return None
    sectie = _vind_sectie(tekst, vindplaats)
    return (sectie.kop[0], sectie.einde) if sectie else None


# --- normalised copies of a text ------------------------------------------------------------------------------------

def _normaal(tekst: str) -> tuple[str, list[int]]:
    """Case folded, typographic quotes and dashes made plain, every run of white space one space."""
    uit: list[str] = []
    plek: list[int] = []
    na_spatie = True
    for i, teken in enumerate(tekst):
        if teken.isspace():
            if not na_spatie:
                uit.append(" ")
                plek.append(i)
                na_spatie = True
            continue
        for t in _GELIJK.get(teken, teken).casefold():
            uit.append(t)
            plek.append(i)
        na_spatie = False
    while uit and uit[-1] == " ":
        uit.pop()
        plek.pop()
    return "".join(uit), plek


@lru_cache(maxsize=4096)
def _kaal_teken(teken: str) -> str:
    ontleed = unicodedata.normalize("NFKD", teken)
    return "".join(t for t in ontleed if t.isalnum() and not unicodedata.combining(t)).casefold()


def _kaal(tekst: str) -> tuple[str, list[int]]:
    """Only letters and digits, accents removed, case folded: survives hyphenation, markup and punctuation."""
    uit: list[str] = []
    plek: list[int] = []
    for i, teken in enumerate(tekst):
        if teken.isalnum():
            for t in (teken.casefold() if teken.isascii() else _kaal_teken(teken)):
                uit.append(t)
                plek.append(i)
    return "".join(uit), plek


# A line's content starts after heading marks, bold marks and bullets; its title after a section number too.
_OPMAAK = re.compile(r"(?:\s+|#{1,6}|</?b>|\*\*|__|[-•●▪*]\s)*")
_NUMMER = re.compile(r"(?:§\s*)?\d{1,3}(?:\.\d{1,3})*\.?\s+")
_KOP = re.compile(r"(?:§\s*)?(\d{1,2}(?:\.\d{1,2}){0,4})(\.?)(?=\s|$|<|\*)")
_HOOFDSTUK = re.compile(r"hoofdstuk\s+(\d{1,2})\b", re.IGNORECASE)
_RANDOPMAAK = re.compile(r"^(?:\s|</?b>|\*\*|__|#)+|(?:\s|</?b>|\*\*|__|#)+$")
# A table of contents line ends in a page number after a tab, dot leaders or a wide gap (or has two columns).
_INHOUD = re.compile(r"(?:\t|\.{2,}|…|\s{3,})\s*(?:<b>)?\d{1,3}(?:</b>)?\s*(?:\t|$)")
_PAGINA = re.compile(
    r"^\s*(?:-{2,}|=+|\[|<!--)?\s*(?:pagina|page|blz\.?|p\.)\s*(\d{1,4})\s*(?:-{2,}|=+|\]|-->)?\s*$"
    r"|^\s*-\s*(\d{1,4})\s*-\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class _Regel:
    start: int
    einde: int
    inhoud: int  # where the text starts after marks and bullets
    titel: int  # where the title starts after a section number, if any
    nummer: str | None  # a heading's section number ("1.6.1"), None for other lines
    punt: bool  # "2." rather than "2": a chapter, not a footnote
    inhoudsopgave: bool
    kopvorm: bool  # looks like a heading: no lower-case start, no trailing comma, semicolon or full stop


@dataclass(frozen=True)
class _Index:
    tekst: str
    normaal: str
    normaal_plek: list[int]
    kaal: str
    kaal_plek: list[int]
    regels: list[_Regel]
    paginas: dict[int, int]  # page number → line index of its marker

    def kaal_vanaf(self, positie: int) -> int:
        return bisect_left(self.kaal_plek, positie)

    def begint_met(self, regel: "_Regel", positie: int, kaal_doel: str) -> bool:
        """Whether line `regel` reads `kaal_doel` from `positie` on (ignoring marks), ending at a word boundary."""
        i = self.kaal_vanaf(positie)
        if not kaal_doel or i >= len(self.kaal) or self.kaal_plek[i] >= regel.einde \
                or not self.kaal.startswith(kaal_doel, i):
            return False
        na = self.kaal_plek[i + len(kaal_doel) - 1] + 1
        return na >= len(self.tekst) or not (self.tekst[na].isalnum() and self.tekst[na - 1].isalnum())


@lru_cache(maxsize=8)
def _index(tekst: str) -> _Index:
    normaal, normaal_plek = _normaal(tekst)
    kaal, kaal_plek = _kaal(tekst)
    regels: list[_Regel] = []
    paginas: dict[int, int] = {}
    start = 0
    for regel in tekst.split("\n"):
        einde = start + len(regel)
        inhoud = start + _OPMAAK.match(regel).end()
        titel = inhoud
        nummer, punt = None, False
        kop = _KOP.match(tekst, inhoud, einde) if einde - start <= 250 else None
        if kop:
            nummer, punt = kop.group(1), bool(kop.group(2))
        getal = _NUMMER.match(tekst, inhoud, einde)
        if getal:
            titel = getal.end()
        pagina = _PAGINA.match(regel)
        if pagina:
            paginas.setdefault(int(pagina.group(1) or pagina.group(2)), len(regels))
        titeltekst = _RANDOPMAAK.sub("", tekst[titel:einde])
        kopvorm = bool(titeltekst) and not titeltekst[0].islower() and titeltekst[-1] not in ",;."
        regels.append(_Regel(start, einde, inhoud, titel, nummer, punt, bool(_INHOUD.search(regel)), kopvorm))
        start = einde + 1
    if not paginas and "\f" in tekst:  # form feeds between pages: page n starts after the (n-1)th
        starts = [r.start for r in regels]
        for n, begin in enumerate([0] + [m.end() for m in re.finditer("\f", tekst)], 1):
            nr = bisect_right(starts, begin) - 1
            while nr + 1 < len(regels) and not tekst[max(begin, regels[nr].start):regels[nr].einde].strip():
                nr += 1
            paginas[n] = nr
    return _Index(tekst, normaal, normaal_plek, kaal, kaal_plek, regels, paginas)


# --- quotes ---------------------------------------------------------------------------------------------------------

def _vind_citaat(ix: _Index, citaat: str, vanaf: int | None) -> Span | None:
    soorten = ((ix.normaal, ix.normaal_plek, _normaal), (ix.kaal, ix.kaal_plek, _kaal))
    for tekst, plek, vorm in soorten:
        doel = vorm(citaat)[0]
        if doel:
            i = _zoek(tekst, plek, doel, vanaf)
            if i >= 0:
                return plek[i], plek[i + len(doel) - 1] + 1
    # Not whole: the longest leading part in either copy (the plain copy gets further past a hyphenated word).
    beste: Span | None = None
    for tekst, plek, vorm in soorten:
        doel = vorm(citaat)[0]
        if len(doel) <= MINIMALE_DEELLENGTE or doel[:MINIMALE_DEELLENGTE] not in tekst:
            continue
        laag, hoog = MINIMALE_DEELLENGTE, len(doel) - 1  # a found prefix's prefixes are found too: bisect
        while laag < hoog:
            midden = (laag + hoog + 1) // 2
            if doel[:midden] in tekst:
                laag = midden
            else:
                hoog = midden - 1
        deel = doel[:laag].rstrip()
        i = _zoek(tekst, plek, deel, vanaf)
        gevonden = plek[i], plek[i + len(deel) - 1] + 1
        if beste is None or gevonden[1] - gevonden[0] > beste[1] - beste[0]:
            beste = gevonden
    return beste


def _zoek(tekst: str, plek: list[int], doel: str, vanaf: int | None) -> int:
    if vanaf is not None:
        i = tekst.find(doel, bisect_left(plek, vanaf))
        if i >= 0:
            return i
    return tekst.find(doel)


# --- sections -------------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Sectie:
    kop: Span  # the heading line
    einde: int  # where the section ends
    plek: Span  # what to show: the heading, or a sub-heading the citation names within the section


# After the number, a title may follow ("§12 Amendement Omtzigt", "Hoofdstuk 2: Hoe …?"); after a comma, a part
# within the section ("§3.1, Signaalmanagement").
_SECTIE = re.compile(r"^(?:§+|par(?:agraaf|\.)?)\s*(\d{1,2}(?:\.\d{1,2}){0,4})\.?\s*[:–-]?\s*(.*)$", re.IGNORECASE)
_HOOFDSTUK_VINDPLAATS = re.compile(r"^(?:hoofdstuk|hfst\.?|h\.)\s*(\d{1,2})\.?\s*[:–-]?\s*(.*)$", re.IGNORECASE)
_PAGINA_VINDPLAATS = re.compile(r"^(?:p\.|pp\.|pag\.|pagina'?s?|blz\.?|bladzijde)\s*(\d{1,4})\b", re.IGNORECASE)
_NUMMER_ONDERDEEL = re.compile(r"^(?:aanbeveling|punt|nr\.?|nummer|opdracht)\s+(\d{1,3})\b", re.IGNORECASE)


@lru_cache(maxsize=512)
def _vind_sectie(tekst: str, vindplaats: str) -> _Sectie | None:
    ix = _index(tekst)
    vindplaats = " ".join(vindplaats.split())
    pagina = _PAGINA_VINDPLAATS.match(vindplaats)
    if pagina:
        regel_nr = ix.paginas.get(int(pagina.group(1)))
        if regel_nr is None:
            return None
        kop = _regelspan(ix, ix.regels[regel_nr])
        return _Sectie(kop, kop[1], kop)
    sectie = _SECTIE.match(vindplaats)
    hoofdstuk = None if sectie else _HOOFDSTUK_VINDPLAATS.match(vindplaats)
    if sectie or hoofdstuk:
        nummer, rest = (sectie or hoofdstuk).groups()
        titel, _, onder = rest.partition(",")
        gevonden = _kop_met_nummer(ix, nummer, titel, hoofdstuk is not None)
        if gevonden is None:
            return None
    else:
        naam, _, onder = vindplaats.partition(",")
        gevonden = _kop_met_naam(ix, naam)
        if gevonden is None and ":" in naam:
            naam, _, onder = vindplaats.partition(":")
            gevonden = _kop_met_naam(ix, naam)
        if gevonden is None:
            return None
        nummer = None
    einde = _einde_sectie(ix, gevonden, nummer)
    kop = _regelspan(ix, ix.regels[gevonden])
    return _Sectie(kop, einde, _onderdeel(ix, gevonden, einde, onder) or kop)


_SLOT = re.compile(r"(?:\s|\*\*|__|</b>|#)+$")


def _regelspan(ix: _Index, r: _Regel) -> Span:
    """A line's text without its leading and trailing marks and blanks."""
    einde = r.einde
    slot = _SLOT.search(ix.tekst, r.inhoud, einde)
    if slot and slot.start() > r.inhoud:
        einde = slot.start()
    return r.inhoud, einde


def _woorden(tekst: str) -> set[str]:
    return {w for w in (_kaal(w)[0] for w in re.split(r"\W+", tekst)) if len(w) >= 3}


def _volgt_tekst(ix: _Index, nr: int) -> bool:
    """Whether body text follows line `nr` (a table of contents lists heading after heading)."""
    for r in ix.regels[nr + 1:nr + 4]:
        if r.einde > r.inhoud:
            return not (r.inhoudsopgave or r.nummer)
    return False


def _opent_hoofdstuk(ix: _Index, nr: int, nummer: str) -> bool:
    """Whether chapter heading `nummer` on line `nr` is followed by its first section (2. → 2.1) before any other
    chapter or list item; footnotes ("3 Kamerstukken …") in between do not count."""
    for r in ix.regels[nr + 1:]:
        if not r.nummer or r.inhoudsopgave or not r.kopvorm:
            continue
        if "." in r.nummer:
            return r.nummer == nummer + ".1" or r.nummer.startswith(nummer + ".1.")
        if r.punt:
            return False
    return False


def _kop_met_nummer(ix: _Index, nummer: str, titel: str, hoofdstuk: bool) -> int | None:
    """The heading of section `nummer`: its title words decide between candidates, then a heading that is no table
    of contents entry, looks like a heading and is followed by text. A chapter ("2" or "Hoofdstuk 2") should open
    its first section (2.1) and carry a full stop ("2." — "2 Kamerstukken …" is a footnote); where none does, the
    chapter is taken to start where its first section does."""
    woorden = _woorden(titel)
    enkelvoudig = "." not in nummer
    kandidaten = []
    eerste_sectie = None
    for nr, r in enumerate(ix.regels):
        if eerste_sectie is None and enkelvoudig and r.nummer and r.nummer.startswith(nummer + ".") \
                and not r.inhoudsopgave and r.kopvorm and _volgt_tekst(ix, nr):
            eerste_sectie = nr
        is_kop = r.nummer == nummer
        if not is_kop and hoofdstuk and r.einde - r.inhoud <= 100:
            gevonden = _HOOFDSTUK.match(ix.tekst, r.inhoud, r.einde)
            is_kop = bool(gevonden and gevonden.group(1) == nummer)
        if not is_kop:
            continue
        regeltekst = ix.tekst[r.titel:ix.regels[nr + 1].einde if nr + 1 < len(ix.regels) else r.einde]
        overlap = len(woorden & _woorden(regeltekst)) if woorden else 0
        kandidaten.append((
            r.inhoudsopgave, -overlap, not r.kopvorm, enkelvoudig and not _opent_hoofdstuk(ix, nr, nummer),
            enkelvoudig and not r.punt, not _volgt_tekst(ix, nr), nr,
        ))
    if eerste_sectie is not None:
        kandidaten.append((False, 0, False, False, True, False, eerste_sectie))
    beste = min(kandidaten) if kandidaten else None
    if woorden and (beste is None or beste[1] == 0):
        # A title that no numbered heading bears: the heading with that title ("Hoofdstuk 2: Hoe kunnen we …?").
        gevonden = _kop_met_naam(ix, titel)
        if gevonden is not None:
            return gevonden
    return beste[-1] if beste else None


def _kop_met_naam(ix: _Index, naam: str) -> int | None:
    """A short line that starts with `naam` (a heading such as 'Voorwoord' or 'Bijlage 1'), not in the contents."""
    doel = _kaal(naam)[0]
    if len(doel) < 3:
        return None
    kandidaten = []
    for nr, r in enumerate(ix.regels):
        if r.einde - r.inhoud > 150:
            continue
        if ix.begint_met(r, r.inhoud, doel) or (r.titel != r.inhoud and ix.begint_met(r, r.titel, doel)):
            kandidaten.append((r.inhoudsopgave, not r.kopvorm, not _volgt_tekst(ix, nr), nr))
    return min(kandidaten)[-1] if kandidaten else None


def _opvolger(nummer: str, ander: str) -> bool:
    """Whether section `ander` comes right after section `nummer` at its level or a higher one (2.5 → 2.6, 3, 3.1;
    one number may be skipped)."""
    a, b = nummer.split("."), ander.split(".")
    for k in range(min(len(a), len(b))):
        if a[:k] == b[:k] and 1 <= int(b[k]) - int(a[k]) <= 2:
            return len(b) == k + 1 or all(x == "1" for x in b[k + 1:])
    return False


def _einde_sectie(ix: _Index, nr: int, nummer: str | None) -> int:
    """Where the next section at the same or a higher level starts.

    Numbered lists inside a section look like chapter headings ("2. Versterk de rol van …"); once a list has
    started at 1 inside the section, a single number ends the section only where it opens a chapter (2. → 2.1). A
    named part ('Voorwoord') has no number: it ends at the next numbered section, or after NAAM_BEREIK characters.
    """
    lijst = False
    for volgende, r in enumerate(ix.regels[nr + 1:], nr + 1):
        if not r.nummer or r.inhoudsopgave or not r.kopvorm:
            continue
        if nummer is None:
            if "." in r.nummer:
                return r.start
            continue
        if r.nummer == "1" and r.punt:
            lijst = True
        if _opvolger(nummer, r.nummer) and ("." in r.nummer or (r.punt and (
                not lijst or _opent_hoofdstuk(ix, volgende, r.nummer)))):
            return r.start
    return len(ix.tekst) if nummer is not None else min(len(ix.tekst), ix.regels[nr].start + NAAM_BEREIK)


def _onderdeel(ix: _Index, nr: int, einde: int, onder: str) -> Span | None:
    """The line within a section that a citation names after a comma ('§3.1, Signaalmanagement')."""
    onder = onder.strip()
    nummer = _NUMMER_ONDERDEEL.match(onder)
    if nummer:
        onder = nummer.group(1)
    doel = _kaal(onder)[0]
    if not doel:
        return None
    for r in ix.regels[nr + 1:]:
        if r.start >= einde:
            break
        if r.einde - r.inhoud > 250:
            continue
        if ix.begint_met(r, r.inhoud, doel) or (not nummer and r.titel != r.inhoud and ix.begint_met(r, r.titel, doel)):
            return _regelspan(ix, r)
    return None
