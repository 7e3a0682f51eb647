"""Vague dates ("vage datums") for planning targets: parse Dutch period texts like "Q3 2026" or "eind 2026"."""

from __future__ import annotations

import calendar
import datetime
import re
from dataclasses import dataclass, field

__all__ = [
    "OngeldigeDatum",
    "Periode",
    "parse_datum",
    "parse_periode",
    "parse_periode_of_leeg",
    "periode_uit_json",
]

JAAR_MIN = 1900
JAAR_MAX = 2199

_VOORBEELDEN = (
    "Gebruik bijvoorbeeld 31-12-2026, december 2026, Q3 2026, H1 2026, 2027, "
    "begin/medio/eind 2026 of voorjaar/najaar 2026."
)

# Canonical Dutch month names, index 1..12.
_MAANDNAMEN = (
    "",
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)

# Every accepted spelling of a month (lower case) -> month number.
_MAANDEN: dict[str, int] = {naam: i for i, naam in enumerate(_MAANDNAMEN) if naam}
_MAANDEN.update(
    {
        "jan": 1,
        "feb": 2,
        "mrt": 3,
        "maa": 3,
        "apr": 4,
        "jun": 6,
        "jul": 7,
        "aug": 8,
        "sep": 9,
        "sept": 9,
        "okt": 10,
        "nov": 11,
        "dec": 12,
    }
)

# Ordinal words for quarters and halves.
_RANGTELWOORDEN = {"eerste": 1, "tweede": 2, "derde": 3, "vierde": 4}

# Named parts of a year: soort -> (first month, last month).
_JAARDELEN: dict[str, tuple[int, int]] = {
    "begin": (1, 3),
    "medio": (5, 8),
    "eind": (10, 12),
    "voorjaar": (3, 5),
    "zomer": (6, 8),
    "najaar": (9, 11),
}
# Accepted spellings of those parts -> soort.
_JAARDEEL_WOORDEN = {
    "begin": "begin",
    "medio": "medio",
    "midden": "medio",
    "eind": "eind",
    "einde": "eind",
    "voorjaar": "voorjaar",
    "lente": "voorjaar",
    "zomer": "zomer",
    "najaar": "najaar",
    "herfst": "najaar",
}


def _alternatief(woorden) -> str:
    # Longest first, so "sept" wins over "sep" and "einde" over "eind".
    return "|".join(sorted(woorden, key=len, reverse=True))


_MAAND_RE = rf"(?P<maandnaam>{_alternatief(_MAANDEN)})\.?"
_SEP = r"\s*[-/.]\s*"  # separator between numeric parts
_RANGTELWOORD_RE = (
    rf"(?:(?P<rangnr>\d{{1,2}})\s*(?:ste|de|e)|(?P<rangwoord>{_alternatief(_RANGTELWOORDEN)}))"
)
_JAAR_RE = r"(?P<jaar>\d+)"

_PATRONEN: list[tuple[str, re.Pattern[str]]] = [
    (soort, re.compile(rf"^{patroon}$", re.ASCII))
    for soort, patroon in [
        # exact days
        ("dag_dmj", rf"(?P<dag>\d{{1,2}}){_SEP}(?P<maand>\d{{1,2}}){_SEP}{_JAAR_RE}"),
        ("dag_jmd", rf"{_JAAR_RE}{_SEP}(?P<maand>\d{{1,2}}){_SEP}(?P<dag>\d{{1,2}})"),
        ("dag_naam", rf"(?P<dag>\d{{1,2}})[\s\-/]*{_MAAND_RE}[\s\-/]*{_JAAR_RE}"),
        # months
        ("maand_naam", rf"{_MAAND_RE}[\s\-/]*{_JAAR_RE}"),
        ("maand_jm", rf"(?P<jaar>\d{{4}}){_SEP}(?P<maand>\d{{1,2}})"),
        ("maand_mj", rf"(?P<maand>\d{{1,2}}){_SEP}(?P<jaar>\d{{4}})"),
        # quarters
        ("kwartaal", rf"[qk](?P<nr>\d)[\s\-/]*{_JAAR_RE}"),
        ("kwartaal", rf"{_JAAR_RE}[\s\-/]*[qk](?P<nr>\d)"),
        ("kwartaal", rf"{_RANGTELWOORD_RE}\s*kwartaal(?:\s+van)?[\s\-/]*{_JAAR_RE}"),
        # halves
        ("helft", rf"h(?P<nr>\d)[\s\-/]*{_JAAR_RE}"),
        ("helft", rf"{_JAAR_RE}[\s\-/]*h(?P<nr>\d)"),
        ("helft", rf"{_RANGTELWOORD_RE}\s*(?:helft|halfjaar)(?:\s+van)?[\s\-/]*{_JAAR_RE}"),
        # whole year
        ("jaar", _JAAR_RE),
        # named parts of a year
        (
            "jaardeel",
            rf"(?P<deel>{_alternatief(_JAARDEEL_WOORDEN)})(?:\s+van)?[\s\-/]*{_JAAR_RE}",
        ),
    ]
]


class OngeldigeDatum(ValueError):
    """A text that cannot be read as a (vague) date; the message is Dutch."""


def _laatste_dag(jaar: int, maand: int) -> datetime.date:
    return datetime.date(jaar, maand, calendar.monthrange(jaar, maand)[1])


def _soort_uit_bereik(van: datetime.date, tot: datetime.date) -> str | None:
    """Guess the kind of period from its bounds (used when no text says which)."""
    if van == tot:
        return "dag"
    if van.day != 1 or van.year != tot.year or tot != _laatste_dag(tot.year, tot.month):
        return None
    maanden = (van.month, tot.month)
    if van.month == tot.month:
        return "maand"
    if maanden == (1, 12):
        return "jaar"
    if van.month in (1, 4, 7, 10) and tot.month == van.month + 2:
        return "kwartaal"
    if maanden in ((1, 6), (7, 12)):
        return "helft"
    for soort, bereik in _JAARDELEN.items():
        if maanden == bereik:
            return soort
    return None


@dataclass(frozen=True)
class Periode:
    """A planning period: the text as written plus the days it covers (inclusive)."""

    tekst: str
    van: datetime.date
    tot: datetime.date
    # Internal: which kind of period the text describes ("dag", "maand", "kwartaal",
    # "helft", "jaar", "begin", ...). "begin 2026" and "Q1 2026" cover the same days,
    # so the kind decides the Dutch rendering. Not part of equality.
    soort: str | None = field(default=None, compare=False, repr=False, kw_only=True)

    def __post_init__(self) -> None:
        if self.van > self.tot:
            raise OngeldigeDatum(
                f'Ongeldige periode "{self.tekst}": de begindatum ligt na de einddatum.'
            )

    def __str__(self) -> str:
        return self.tekst

    def _bepaal_soort(self) -> str | None:
        if self.soort is not None:
            return self.soort
        try:
            herlezen = parse_periode(self.tekst)
        except OngeldigeDatum:
            herlezen = None
        if herlezen is not None and (herlezen.van, herlezen.tot) == (self.van, self.tot):
            return herlezen.soort
        return _soort_uit_bereik(self.van, self.tot)

    def nederlands(self) -> str:
        """Canonical Dutch rendering, e.g. "3e kwartaal 2026" or "eind 2026"."""
        soort = self._bepaal_soort()
        van, jaar = self.van, self.van.year
        if soort == "dag":
            return dag_nederlands(van)
        if soort == "maand":
            return f"{_MAANDNAMEN[van.month]} {jaar}"
        if soort == "kwartaal":
            return f"{(van.month - 1) // 3 + 1}e kwartaal {jaar}"
        if soort == "helft":
            return f"{(van.month - 1) // 6 + 1}e helft {jaar}"
        if soort == "jaar":
            return str(jaar)
        if soort in _JAARDELEN:
            return f"{soort} {jaar}"
        # A hand-made period that fits no known form.
        return f"{dag_nederlands(self.van)} t/m {dag_nederlands(self.tot)}"

    def verstreken(self, peildatum: datetime.date) -> bool:
        """True when the whole period lies before `peildatum` (its last day has passed)."""
        return self.tot < peildatum

    def als_json(self) -> dict:
        return {"tekst": self.tekst, "van": self.van.isoformat(), "tot": self.tot.isoformat()}


def dag_nederlands(d: datetime.date) -> str:
    """A day in Dutch words: "31 december 2026"."""
    return f"{d.day} {_MAANDNAMEN[d.month]} {d.year}"


def _jaar(waarde: str, tekst: str) -> int:
    # Check the length first: int() refuses very long digit strings.
    if len(waarde) != 4 or not JAAR_MIN <= int(waarde) <= JAAR_MAX:
        raise OngeldigeDatum(
            f'Jaartal buiten bereik in "{tekst}": gebruik een jaar van {JAAR_MIN} tot en met {JAAR_MAX}.'
        )
    return int(waarde)


def _rangnummer(m: re.Match[str]) -> int:
    if m.group("rangwoord"):
        return _RANGTELWOORDEN[m.group("rangwoord")]
    return int(m.group("rangnr"))


def _maak(tekst: str, soort: str, m: re.Match[str]) -> Periode:
    jaar = _jaar(m.group("jaar"), tekst)

    if soort.startswith("dag"):
        maand = _MAANDEN[m.group("maandnaam")] if soort == "dag_naam" else int(m.group("maand"))
        try:
            dag = datetime.date(jaar, maand, int(m.group("dag")))
        except ValueError:
            raise OngeldigeDatum(f'Ongeldige datum: "{tekst}" bestaat niet.') from None
        return Periode(tekst, dag, dag, soort="dag")

    if soort.startswith("maand"):
        maand = _MAANDEN[m.group("maandnaam")] if soort == "maand_naam" else int(m.group("maand"))
        if not 1 <= maand <= 12:
            raise OngeldigeDatum(f'Ongeldige maand in "{tekst}": kies 1 tot en met 12.')
        return Periode(
            tekst, datetime.date(jaar, maand, 1), _laatste_dag(jaar, maand), soort="maand"
        )

    if soort == "kwartaal":
        nr = int(m.group("nr")) if "nr" in m.re.groupindex else _rangnummer(m)
        if not 1 <= nr <= 4:
            raise OngeldigeDatum(f'Ongeldig kwartaal in "{tekst}": kies 1 tot en met 4.')
        eerste = 3 * nr - 2
        return Periode(
            tekst, datetime.date(jaar, eerste, 1), _laatste_dag(jaar, eerste + 2), soort="kwartaal"
        )

    if soort == "helft":
        nr = int(m.group("nr")) if "nr" in m.re.groupindex else _rangnummer(m)
        if not 1 <= nr <= 2:
            raise OngeldigeDatum(f'Ongeldige helft in "{tekst}": kies 1 of 2.')
        eerste = 6 * nr - 5
        return Periode(
            tekst, datetime.date(jaar, eerste, 1), _laatste_dag(jaar, eerste + 5), soort="helft"
        )

    if soort == "jaar":
        return Periode(tekst, datetime.date(jaar, 1, 1), datetime.date(jaar, 12, 31), soort="jaar")

    # named part of a year
    deel = _JAARDEEL_WOORDEN[m.group("deel")]
    eerste, laatste = _JAARDELEN[deel]
    return Periode(
        tekst, datetime.date(jaar, eerste, 1), _laatste_dag(jaar, laatste), soort=deel
    )


def parse_periode(tekst: str) -> Periode:
    """Read a (vague) Dutch date text; raises OngeldigeDatum when it is not understood."""
    if not isinstance(tekst, str):
        raise OngeldigeDatum(f"Onbekende datum: {tekst!r}. {_VOORBEELDEN}")
    bewaard = tekst.strip()
    if not bewaard:
        raise OngeldigeDatum(f"Geen datum ingevuld. {_VOORBEELDEN}")
    genormaliseerd = " ".join(bewaard.split()).lower()
    for soort, patroon in _PATRONEN:
        m = patroon.match(genormaliseerd)
        if m is not None:
            return _maak(bewaard, soort, m)
    raise OngeldigeDatum(f'Onbekende datum: "{bewaard}". {_VOORBEELDEN}')


def parse_periode_of_leeg(tekst: str | None) -> Periode | None:
    """Like parse_periode, but empty text and "onbekend" mean: no period (None)."""
    if tekst is None:
        return None
    if not tekst.strip() or tekst.strip().lower() == "onbekend":
        return None
    return parse_periode(tekst)


def parse_datum(tekst: str) -> datetime.date:
    """Read an exact day (31-12-2026, 2026-12-31, 31 december 2026); anything vaguer raises."""
    periode = parse_periode(tekst)
    if periode.soort != "dag":
        raise OngeldigeDatum(
            f'Geen exacte datum: "{periode.tekst}". '
            "Gebruik bijvoorbeeld 31-12-2026, 2026-12-31 of 31 december 2026."
        )
    return periode.van


def periode_uit_json(d: dict | None) -> Periode | None:
    """Inverse of Periode.als_json(); None stays None."""
    if d is None:
        return None
    try:
        tekst = d["tekst"]
        van = datetime.date.fromisoformat(d["van"])
        tot = datetime.date.fromisoformat(d["tot"])
    except (KeyError, TypeError, ValueError):
        raise OngeldigeDatum(f"Ongeldige opgeslagen periode: {d!r}.") from None
    if not isinstance(tekst, str):
        raise OngeldigeDatum(f"Ongeldige opgeslagen periode: {d!r}.")
    # The kind is re-derived from the text (or the bounds) in Periode.nederlands().
    return Periode(tekst, van, tot)
