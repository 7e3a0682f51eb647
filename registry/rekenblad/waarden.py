"""Cell values of an imported sheet as field values: each kind of column read by the register's own rules.

A converter returns the value the use cases take (a code, a bool, a Periode, a date, a list) or LEEG for an empty
cell ("no statement": keep the current value, a new measure gets the default); it raises Celfout with a Dutch
message for a value it cannot read.
"""

import math
import re
from datetime import date, datetime

from registry.domein import DomeinRij, domeinen, domeinzoeker, toeslagen, toeslagzoeker
from registry.fouten import ValidatieFout
from registry.maatregel import CODE_PATROON, controleer_weken
from registry.planning import OngeldigeDatum, parse_datum, parse_periode_of_leeg
from registry.rekenblad.kolommen import KEUZELIJSTEN, PER_VELD, lees_bronnen, lees_janee, lees_lijst
from registry.tekst import controleer_tekst
from registry.vocabulaire import STATUS

LEEG = object()  # an empty cell: no statement
_NIET_ONTHOUDEN = {"tekst", "bronnen", "code"}  # mostly unique per row: not worth remembering


class Celfout(ValueError):
    """A cell that cannot be read; the message is Dutch and names the value."""


def als_tekst(waarde: object) -> str:
    """A cell as the text Excel shows: 3.0 -> "3", a date -> 31-12-2026, True -> ja."""
    if waarde is None:
        return ""
    if isinstance(waarde, bool):
        return "ja" if waarde else "nee"
    if isinstance(waarde, float):
        if math.isfinite(waarde) and waarde.is_integer():
            return str(int(waarde))
        return repr(waarde)
    if isinstance(waarde, datetime):
        if (waarde.hour, waarde.minute, waarde.second) == (0, 0, 0):
            return f"{waarde:%d-%m-%Y}"
        return f"{waarde:%d-%m-%Y %H:%M}"
    if isinstance(waarde, date):
        return f"{waarde:%d-%m-%Y}"
    return str(waarde)


def is_leeg(waarde: object) -> bool:
    return waarde is None or (isinstance(waarde, str) and not waarde.strip())


def lijkt_code(waarde: object) -> bool:
    return isinstance(waarde, str) and CODE_PATROON.match(waarde.strip().upper()) is not None


def _dag(waarde: object) -> date | None:
    if isinstance(waarde, datetime):
        return waarde.date()
    if isinstance(waarde, date):
        return waarde
    return None


def lijkt_datum(waarde: object) -> bool:
    """A date cell or a (vague) date text."""
    if _dag(waarde) is not None:
        return True
    try:
        return parse_periode_of_leeg(als_tekst(waarde)) is not None
    except OngeldigeDatum:
        return False


_PROCENT = re.compile(r"^\s*(\d{1,3}(?:[.,]\d+)?)\s*%\s*$")


def _gereed_status(waarde: object):
    """Gereed-style cells: ja/x/100% -> ingevoerd, 1-99% -> deels, 0% -> niet; nee -> no statement; else None."""
    fractie = None
    if isinstance(waarde, (int, float)) and not isinstance(waarde, bool) and math.isfinite(waarde):
        fractie = waarde / 100 if waarde > 1 else waarde  # Excel percent cells hold 0..1; some write 0..100
    elif isinstance(waarde, str) and (treffer := _PROCENT.match(waarde)):
        fractie = float(treffer.group(1).replace(",", ".")) / 100
    if fractie is not None:
        if not 0 <= fractie <= 1:
            return None
        return "ingevoerd" if fractie == 1 else ("niet" if fractie == 0 else "deels")
    try:
        janee = lees_janee(waarde)
    except ValueError:
        return None
    return "ingevoerd" if janee else LEEG


def lijkt_gereed(waarde: object) -> bool:
    return _gereed_status(waarde) is not None


def herken_status(waarde: object) -> str | None:
    """A status code for a status word (code, label, symbol, synonym; also "✓ Ingevoerd") or None."""
    tekst = als_tekst(waarde).strip()
    code = STATUS.herken(tekst)
    if code is None and " " in tekst:  # a symbol followed by its label, as some trackers write it
        symbool, _, rest = tekst.partition(" ")
        eerste, tweede = STATUS.herken(symbool), STATUS.herken(rest)
        code = eerste if eerste is not None and eerste == tweede else None
    return code


class Omzetter:
    """Reads cells per kind of column; caches the reference data lookups for one import."""

    def __init__(self, sessie):
        self.domeinen: list[DomeinRij] = domeinen(sessie)
        # Lookups with the messages of registry.domein (one wording everywhere).
        self.domein = domeinzoeker(self.domeinen)
        self.toeslag = toeslagzoeker(toeslagen(sessie))
        self.domeincodes = {d.code for d in self.domeinen}
        self._gelezen: dict = {}

    def lees(self, veld: str, waarde: object):
        """The field value of one cell, LEEG for an empty cell; Celfout when it cannot be read."""
        if is_leeg(waarde):
            return LEEG
        soort = PER_VELD[veld].soort
        # Statuses, domains, dates and yes/no repeat over thousands of rows: read each once.
        onthouden = soort not in _NIET_ONTHOUDEN
        sleutel = (veld, type(waarde), waarde)
        if onthouden and sleutel in self._gelezen:
            uitkomst = self._gelezen[sleutel]
        else:
            try:
                uitkomst = self._lees(veld, soort, waarde)
            except ValidatieFout as fout:
                uitkomst = Celfout(fout.melding)
            except (OngeldigeDatum, ValueError) as fout:
                uitkomst = Celfout(str(fout))
            if onthouden:
                self._gelezen[sleutel] = uitkomst
        if isinstance(uitkomst, Celfout):
            raise Celfout(str(uitkomst))
        return uitkomst

    def _lees(self, veld: str, soort: str, waarde: object):
        if soort == "tekst":
            tekst = als_tekst(waarde)
            controleer_tekst(PER_VELD[veld].kop, tekst, veld=veld)
            return tekst
        if soort == "status":
            code = herken_status(waarde)
            if code is None:
                code = _gereed_status(waarde)
            if code is None:
                toegestaan = ", ".join(t.label for t in STATUS.termen)
                raise Celfout(f'Onbekende status: "{als_tekst(waarde)}". Toegestaan: {toegestaan}.')
            return code
        if soort == "keuze":
            vocabulaire = KEUZELIJSTEN[veld]
            code = vocabulaire.herken(als_tekst(waarde))
            if code is None:
                toegestaan = ", ".join(t.label for t in vocabulaire.termen)
                raise Celfout(f'Onbekende {vocabulaire.naam}: "{als_tekst(waarde)}". Toegestaan: {toegestaan}.')
            return code
        if soort == "getal":
            # A number cell, or a text as a CSV holds it ("12,5"): the register's own rule reads both.
            return controleer_weken(waarde, veld, PER_VELD[veld].kop)
        if soort == "janee":
            tekst = als_tekst(waarde) if isinstance(waarde, (int, float)) and not isinstance(waarde, bool) else waarde
            return lees_janee(tekst)
        if soort == "periode":
            dag = _dag(waarde)
            return parse_periode_of_leeg(f"{dag:%d-%m-%Y}" if dag else als_tekst(waarde)) or LEEG
        if soort == "datum":
            dag = _dag(waarde)
            return dag if dag is not None else parse_datum(als_tekst(waarde).strip())
        if soort == "domein":
            return self.domein(als_tekst(waarde).strip(), veld).code
        if soort == "toeslagen":
            return tuple(self.toeslag(t, veld).code for t in lees_lijst(als_tekst(waarde)))
        if soort == "code":
            code = als_tekst(waarde).strip().upper()
            treffer = CODE_PATROON.match(code)
            if not treffer:
                raise Celfout(f'Ongeldige code "{als_tekst(waarde)}": gebruik <domein>-<nummer>, bijvoorbeeld TV-03.')
            if treffer.group(1) not in self.domeincodes:
                raise Celfout(f'Ongeldige code "{code}": {treffer.group(1)} is geen domein '
                              f'({", ".join(sorted(self.domeincodes))}).')
            return code
        if soort == "codes":
            codes = tuple(c.upper() for c in lees_lijst(als_tekst(waarde)))
            for code in codes:
                if not CODE_PATROON.match(code):
                    raise Celfout(f'Ongeldige maatregelcode "{code}": gebruik <domein>-<nummer>, bijvoorbeeld TV-03.')
            return codes
        if soort == "bronnen":
            paren = tuple(lees_bronnen(als_tekst(waarde)))
            for bron, vindplaats in paren:
                controleer_tekst("Vindplaats", vindplaats)
                if len(bron) > 60:
                    raise Celfout(f"Broncode is te lang: {len(bron)} tekens, het maximum is 60.")
            return paren
        raise AssertionError(f"onbekende soort {soort}")
