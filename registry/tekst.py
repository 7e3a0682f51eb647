"""Rules for free text: the length limit, and the normal form used for case- and accent-insensitive search."""

import re
import unicodedata

from registry.fouten import ValidatieFout

MAX_TEKSTLENGTE = 100_000


def normaliseer(tekst: str | None) -> str:
    """Lower-case, accents removed: 'Ëffect Één' -> 'effect een'. Used on both sides of every text filter."""
    if not tekst:
        return ""
    if tekst.isascii():  # nothing to decompose: the same result, and bulk creation calls this thousands of times
        return tekst.casefold()
    ontleed = unicodedata.normalize("NFKD", tekst)
    return "".join(t for t in ontleed if not unicodedata.combining(t)).casefold()


def vergelijkbaar(tekst: str | None) -> str:
    """The form in which two names are the same name: normalised, runs of blanks as one space, trimmed
    ("Innen  en Betalen " = "innen en betalen"). One rule for chains and for names matched on import."""
    return " ".join(normaliseer(tekst).split())


def controleer_tekst(label: str, tekst: str | None, verplicht: bool = False, veld: str | None = None) -> str | None:
    """Return the text as typed (only a text of blanks becomes None); refuse texts over the limit.

    `label` is the field's Dutch name in messages, `veld` its key (default: the label in lower case).
    """
    veld = veld or label.lower()
    if tekst is not None and not isinstance(tekst, str):
        tekst = str(tekst)
    if tekst is None or not tekst.strip():
        if verplicht:
            raise ValidatieFout(f"{label} is verplicht.", veld)
        return None
    if len(tekst) > MAX_TEKSTLENGTE:
        raise ValidatieFout(
            f"{label} is te lang: {len(tekst):,} tekens, het maximum is {MAX_TEKSTLENGTE:,}.".replace(",", "."),
            veld,
        )
    return tekst


_GETALLEN = re.compile(r"(\d+)")
_EENVOUDIG = re.compile(r"(\D+)(\d+)")  # "TV-01": the shape of nearly every code


def natuurlijke_sleutel(code: str) -> tuple:
    """Sort key that orders codes as people read them: TV-9 < TV-10 < TV-100, PAN-7a < PAN-7b < PAN-10."""
    eenvoudig = _EENVOUDIG.fullmatch(code)
    if eenvoudig:  # the same key as below, several times faster: sorting 10,000 codes is on the start-up path
        return (1, 0, eenvoudig.group(1).casefold()), (0, int(eenvoudig.group(2)), "")
    return tuple((0, int(deel), "") if deel.isdigit() else (1, 0, deel.casefold())
                 for deel in _GETALLEN.split(code) if deel)
