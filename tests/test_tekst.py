"""Sorting codes in reading order."""

from hypothesis import given
from hypothesis import strategies as st

from registry.tekst import _GETALLEN, natuurlijke_sleutel, vergelijkbaar


def _volgens_de_regel(code: str) -> tuple:
    return tuple((0, int(deel), "") if deel.isdigit() else (1, 0, deel.casefold())
                 for deel in _GETALLEN.split(code) if deel)


@given(st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZabcäé-_ 0123456789", max_size=12))
def test_de_snelle_sleutel_is_gelijk_aan_de_regel(code):
    assert natuurlijke_sleutel(code) == _volgens_de_regel(code)


def test_codes_in_leesvolgorde():
    codes = ["TV-10", "TV-9", "PAN-7b", "TV-100", "PAN-10", "PAN-7a", "IN-02"]
    assert sorted(codes, key=natuurlijke_sleutel) == ["IN-02", "PAN-7a", "PAN-7b", "PAN-10", "TV-9", "TV-10",
                                                      "TV-100"]


def test_vergelijkbaar_negeert_hoofdletters_accenten_en_spaties():
    assert vergelijkbaar("  Innen  en\tBetalen ") == vergelijkbaar("innen en betalen") == "innen en betalen"
    assert vergelijkbaar("Één Keten") == "een keten"
    assert vergelijkbaar(None) == vergelijkbaar("   ") == ""
