"""Finding the header row of a tracker and guessing each column's field from its header and its values."""

from registry.rekenblad.kolommen import DUBBELZINNIG, herken_kop, normaliseer_kop
from registry.rekenblad.waarden import als_tekst, herken_status, is_leeg, lijkt_code, lijkt_datum, lijkt_gereed

ZOEKRIJEN = 30  # header rows sit near the top; title rows above them are skipped
IDENTIFICEREND = {"naam", "code"}
BIJNA_ALLE = 0.8  # "Stand van zaken" is the status when at least this share of its values are status words
_GEEN_CODE = {"nr", "nummer", "id", "kenmerk", "volgnummer", "no"}  # numbering headers: a code only when values are


def kolomletter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _kopveld(kop: object, koppeling: dict[str, str | None]) -> tuple[bool, str | None]:
    """(recognised, field) for a header: the mapping first, then the known headers; DUBBELZINNIG is recognised."""
    sleutel = normaliseer_kop(kop)
    if not sleutel:
        return False, None
    if sleutel in koppeling:
        return True, koppeling[sleutel]
    if sleutel in DUBBELZINNIG:
        return True, None
    veld = herken_kop(kop)
    return veld is not None, veld


def score(rij: tuple, koppeling: dict[str, str | None]) -> int:
    """How many recognised headers a row holds; 0 unless one of them identifies a measure (naam or code)."""
    herkend, identificerend = 0, False
    for cel in rij:
        if not isinstance(cel, str):
            continue
        ok, veld = _kopveld(cel, koppeling)
        if ok:
            herkend += 1
            identificerend |= veld in IDENTIFICEREND
    return herkend if herkend >= 2 and identificerend else 0


def zoek_koprij(rijen: tuple, koppeling: dict[str, str | None]) -> int | None:
    """The 0-based index of the best header row among the first rows, or None."""
    beste, beste_score = None, 0
    for i, rij in enumerate(rijen[:ZOEKRIJEN]):
        # A merged title cell repeats one text over many columns: count each header text once.
        uniek = tuple(dict.fromkeys(c for c in rij if isinstance(c, str)))
        s = score(uniek, koppeling)
        if s > beste_score:
            beste, beste_score = i, s
    return beste


def raad_veld(kop: str, waarden: list, koppeling: dict[str, str | None]) -> tuple[str | None, str, str | None]:
    """(field, reason, warning) for one column, from its header and its non-empty values."""
    sleutel = normaliseer_kop(kop)
    if sleutel in koppeling:
        veld = koppeling[sleutel]
        return veld, "uit het koppelbestand", None
    letterlijk = f'"{kop}"'
    if sleutel in DUBBELZINNIG:
        statusveld, anderveld = DUBBELZINNIG[sleutel]
        if not waarden:
            return None, "leeg", None
        if anderveld == "status_brontekst":
            aandeel = sum(herken_status(w) is not None for w in waarden) / len(waarden)
            if aandeel >= BIJNA_ALLE:
                return statusveld, "waarden zijn statuswoorden", None
            return anderveld, "waarden zijn vrije tekst: de eigen woorden van de bron", None
        if all(lijkt_gereed(w) for w in waarden):
            return statusveld, "waarden zijn ja/nee of percentages", None
        if all(lijkt_datum(w) for w in waarden):
            return anderveld, "waarden zijn datums", None
        return None, "niet herkend", (f"Kolom {letterlijk} bevat geen ja/nee, percentages of datums en wordt niet "
                                      "geïmporteerd; koppel hem met --kolommen of in het importvenster.")
    veld = herken_kop(kop)
    if veld in IDENTIFICEREND and waarden:
        codes = all(lijkt_code(w) for w in waarden)
        if codes:
            return "code", "waarden zijn maatregelcodes" if veld != "code" else "herkende kop", None
        if veld == "code" and sleutel in _GEEN_CODE:
            return None, "geen maatregelcodes", (f"Kolom {letterlijk} bevat geen maatregelcodes (zoals TV-03) en "
                                                 "wordt niet geïmporteerd; een volgnummer is geen code.")
    if veld is None:
        return None, "niet herkend", None
    return veld, "herkende kop", None


def voorbeelden(waarden: list, aantal: int = 3) -> tuple[str, ...]:
    return tuple(als_tekst(w)[:80] for w in waarden[:aantal])


def niet_leeg(rijen: tuple, index: int) -> list:
    return [rij[index] for rij in rijen if index < len(rij) and not is_leeg(rij[index])]


__all__ = ["kolomletter", "zoek_koprij", "raad_veld", "voorbeelden", "niet_leeg"]
