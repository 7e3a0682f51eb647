"""The dashboard's charts, drawn onto a given matplotlib `Figure`: the same drawing in the window and in the PDF.

No pyplot and no Qt (brief §8): each function takes a Figure and `Dashboardcijfers` and draws one chart. matplotlib
itself is never imported here (the Figure is passed in), so importing this module costs nothing; still, nothing on
the start-up path imports it.

What a reader (a test, or the PDF checking its input) can rely on is in each function's docstring: one axes per
figure (`figuur.axes[0]`), one `BarContainer` per series in `ax.containers` with the series' label, one bar per row in
the order of the numbers (top to bottom), and bar widths equal to the counts.

Text typed by users (domain, chain and source names here; indicators, periods and units in `registry.trend`) goes
into a chart only through `letterlijk` and with the text properties `LETTERLIJK`, so that it is drawn as typed.
"""

import unicodedata
from functools import cache

from registry.dashboard import Dashboardcijfers, aandeel
from registry.vocabulaire import OPVOLGING, OPVOLGINGSKLEUR, STATUS, STATUSKLEUR

#: IV: blocked in the table's warning red; depending on IV lighter, with the red as its edge.
IV_KLEUR = {"geblokkeerd": "#b3261e", "afhankelijk": "#f2b8b5"}
#: Effect: measured as ✓, only weaker evidence as ●, none in grey.
EFFECTKLEUR = {"gemeten": "#2e7d32", "alleen_zwakker": "#a15c00", "zonder": "#9e9e9e"}

IV_LABELS = {"geblokkeerd": "Geblokkeerd door IV", "afhankelijk": "Afhankelijk van IV"}
EFFECT_LABELS = {"gemeten": "Gemeten effect", "alleen_zwakker": "Alleen zwakker bewijs",
                 "zonder": "Geen effectmeting"}

#: At most this many bars per chart; the rest are added up in one last bar ("Overige …"), so that a chart stays
#: readable at about 450×300 pixels.
MAX_RIJEN = 8

_TITEL = {"fontsize": 11, "fontweight": "bold"}
_KLEIN = 8
_AS = 9

# --- user text in a chart --------------------------------------------------------------------------------------

#: Text properties for every text drawn from user data. Without them matplotlib reads the text between two "$" as
#: mathtext: "Kosten $5 of $10" loses its dollars and "Budget $10^$ keten" raises on every repaint and save.
LETTERLIJK = {"parse_math": False}

#: What a chart shows for a character its font lacks: the box matplotlib would draw anyway, without its warning.
ONTBREKEND_TEKEN = "□"


@cache
def _tekens_in(lettertype: str) -> frozenset[int]:
    from matplotlib.font_manager import get_font

    return frozenset(get_font(lettertype).get_charmap())


def letterlijk(tekst: str) -> str:
    """`tekst` as the chart's font can draw it; pass the result with `**LETTERLIJK`.

    A character the font lacks (an emoji: the bundled font has none) becomes ONTBREKEND_TEKEN, an invisible one
    (a joiner, a mark) is left out: matplotlib would draw the same box but warn "Glyph … missing" on every repaint.
    The full text stays in the numbers, the tooltips and the tables.
    """
    if tekst.isascii() and tekst.isprintable():
        return tekst
    from matplotlib.font_manager import FontProperties, findfont

    tekens = _tekens_in(findfont(FontProperties()))
    if all(ord(t) in tekens or t == "\n" for t in tekst):
        return tekst
    return "".join(t if ord(t) in tekens or t == "\n"
                   else "" if unicodedata.category(t) in ("Mn", "Me", "Cf")
                   else " " if t.isspace() else ONTBREKEND_TEKEN for t in tekst)


def _aantal(n: int, enkelvoud: str, meervoud: str) -> str:
    return f"{n} {enkelvoud if n == 1 else meervoud}"


def _kort(tekst: str, lengte: int = 22) -> str:
    """An axis label that fits: long names are cut with an ellipsis (the full name is in the data, not lost)."""
    return tekst if len(tekst) <= lengte else tekst[:lengte - 1].rstrip() + "…"


def _tekstkleur(kleur: str) -> str:
    """Black or white, whichever reads on a bar of `kleur` (relative luminance, WCAG)."""
    def kanaal(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (kanaal(int(kleur[i:i + 2], 16) / 255) for i in (1, 3, 5))
    helderheid = 0.2126 * r + 0.7152 * g + 0.0722 * b
    return "black" if (helderheid + 0.05) / 0.05 > 1.05 / (helderheid + 0.05) else "white"


def _past(breedte: float, tekst: str, schaal: float) -> bool:
    """Whether `tekst` fits inside a bar segment `breedte` wide on an axis running to `schaal` (about 350 px)."""
    return breedte > 0 and breedte / schaal >= 0.012 + 0.017 * len(tekst)


def _titel(figuur, tekst: str, titel: bool) -> None:
    if titel:
        figuur.suptitle(tekst, **_TITEL)


def _leeg(ax, tekst: str) -> None:
    ax.text(0.5, 0.5, tekst, transform=ax.transAxes, ha="center", va="center", fontsize=_AS, color="#555555")


def _opmaak(ax, namen: list[str], schaal: float, xlabel: str) -> None:
    ax.set_yticks(range(len(namen)), [letterlijk(naam) for naam in namen], fontsize=_AS, **LETTERLIJK)
    # The first row on top, as in a table; room for at least four rows, so that one or two bars are not slabs.
    plaatsen = max(len(namen), 4)
    midden = (len(namen) - 1) / 2
    ax.set_ylim(midden + plaatsen / 2, midden - plaatsen / 2)
    ax.set_xlim(0, schaal)
    ax.set_xlabel(xlabel, fontsize=_AS)
    ax.tick_params(axis="x", labelsize=_KLEIN)
    ax.xaxis.get_major_locator().set_params(integer=True)
    for kant in ("top", "right"):
        ax.spines[kant].set_visible(False)


def _gestapeld(ax, reeksen: list[tuple[str, str, list[int]]], schaal: float) -> None:
    """Stacked horizontal bars: per series (label, colour, counts per row), counts written inside where they fit."""
    links = [0] * len(reeksen[0][2]) if reeksen else []
    for label, kleur, aantallen in reeksen:
        balken = ax.barh(range(len(aantallen)), aantallen, left=links, height=0.7, color=kleur, label=label)
        teksten = [str(n) if _past(n, str(n), schaal) else "" for n in aantallen]
        ax.bar_label(balken, teksten, label_type="center", fontsize=_KLEIN, color=_tekstkleur(kleur))
        links = [a + b for a, b in zip(links, aantallen)]
    for rij, totaal in enumerate(links):
        ax.text(totaal + schaal * 0.01, rij, str(totaal), va="center", ha="left", fontsize=_KLEIN,
                fontweight="bold")


def _legenda(figuur, ax, kolommen: int) -> None:
    figuur.legend(*ax.get_legend_handles_labels(), loc="outside lower center", ncols=kolommen, frameon=False,
                  fontsize=_KLEIN, handlelength=1.2, columnspacing=1.2)


def teken_status_per_domein(figuur, cijfers: Dashboardcijfers, *, titel: bool = True) -> None:
    """Stacked horizontal bars: per domain (top to bottom in the domains' order) the measures per status.

    A reader can rely on: `figuur.axes[0]`; its y tick labels are the domains' short names; `ax.containers` holds one
    BarContainer per status in STATUS order (ingevoerd, deels, niet), labelled "✓ Ingevoerd", "● Deels",
    "✗ Niet ingevoerd" (symbol, space, label) and coloured as STATUSKLEUR; in each, one Rectangle per domain whose
    width is the count. The domain's total is written at the end of its bar; the figure legend repeats the labels.
    """
    ax = figuur.add_subplot()
    domeinen = cijfers.status_per_domein
    maximum = max((d.totaal for d in domeinen), default=0)
    schaal = maximum * 1.12 if maximum else 1
    _gestapeld(ax, [(f"{t.symbool} {t.label}", STATUSKLEUR[t.code], [d.aantallen.get(t.code, 0) for d in domeinen])
                    for t in STATUS.termen], schaal)
    _opmaak(ax, [_kort(d.naam) for d in domeinen], schaal, "Aantal maatregelen")
    if not maximum:
        _leeg(ax, "Geen maatregelen")
    _legenda(figuur, ax, 3)
    _titel(figuur, f"Status per domein ({_aantal(cijfers.aantal_maatregelen, 'maatregel', 'maatregelen')})", titel)


def teken_iv_per_keten(figuur, cijfers: Dashboardcijfers, *, titel: bool = True, max_rijen: int = MAX_RIJEN) -> None:
    """Per IV chain (most blocked first), two bars side by side: measures blocked by IV, and measures depending on IV.

    A reader can rely on: `figuur.axes[0]`; y tick labels are the chain names (cut to 22 characters with "…");
    `ax.containers[0]` is labelled "Geblokkeerd door IV" and `ax.containers[1]` "Afhankelijk van IV", each with one
    Rectangle per chain in the order of `cijfers.iv_per_keten`, width = count. With more than `max_rijen` chains,
    the last bar adds up the rest and is labelled "Overige ketens (k)". Both series count one measure each: a blocked
    measure that depends on IV is in both.
    """
    ax = figuur.add_subplot()
    ketens = [(k.keten, k.geblokkeerd, k.afhankelijk) for k in cijfers.iv_per_keten]
    if len(ketens) > max_rijen:
        rest = ketens[max_rijen - 1:]
        ketens = ketens[:max_rijen - 1] + [(f"Overige ketens ({len(rest)})", sum(k[1] for k in rest),
                                            sum(k[2] for k in rest))]
    maximum = max((max(k[1], k[2]) for k in ketens), default=0)
    schaal = maximum * 1.12 if maximum else 1
    for reeks, kolom, verschuiving in (("geblokkeerd", 1, -0.2), ("afhankelijk", 2, 0.2)):
        aantallen = [k[kolom] for k in ketens]
        balken = ax.barh([i + verschuiving for i in range(len(ketens))], aantallen, height=0.38,
                         color=IV_KLEUR[reeks], edgecolor=IV_KLEUR["geblokkeerd"], linewidth=0.8,
                         label=IV_LABELS[reeks])
        ax.bar_label(balken, [str(n) if n else "" for n in aantallen], padding=2, fontsize=_KLEIN)
    _opmaak(ax, [_kort(k[0]) for k in ketens], schaal, "Aantal maatregelen")
    if not ketens:
        _leeg(ax, "Geen maatregelen met IV-blokkade of IV-afhankelijkheid")
    _legenda(figuur, ax, 2)
    _titel(figuur, f"IV-blokkades per IV-keten ({cijfers.aantal_geblokkeerd} geblokkeerd)", titel)


def teken_opvolging_per_bron(figuur, cijfers: Dashboardcijfers, *, titel: bool = True,
                             max_rijen: int = MAX_RIJEN) -> None:
    """Stacked horizontal bars: per source of recommendations (most recommendations first) the count per opvolging.

    A reader can rely on: `figuur.axes[0]`; y tick labels are the sources' codes (cut to 22 characters with "…";
    "(geen bron)" for recommendations without one); `ax.containers` holds one BarContainer per opvolging in
    OPVOLGING order, labelled with OPVOLGING's label ("Open", "Overgenomen", …) and coloured as OPVOLGINGSKLEUR; in
    each, one Rectangle per source in the order of `cijfers.opvolging_per_bron`, width = count. With more than
    `max_rijen` sources, the last bar adds up the rest and is labelled "Overige bronnen (k)".
    """
    ax = figuur.add_subplot()
    rijen = [(b.kort, b.aantallen) for b in cijfers.opvolging_per_bron]
    if len(rijen) > max_rijen:
        rest = rijen[max_rijen - 1:]
        samen = {code: sum(a.get(code, 0) for _, a in rest) for code in OPVOLGING.codes}
        rijen = rijen[:max_rijen - 1] + [(f"Overige bronnen ({len(rest)})", samen)]
    maximum = max((sum(a.get(c, 0) for c in OPVOLGING.codes) for _, a in rijen), default=0)
    schaal = maximum * 1.12 if maximum else 1
    _gestapeld(ax, [(t.label, OPVOLGINGSKLEUR[t.code], [a.get(t.code, 0) for _, a in rijen])
                    for t in OPVOLGING.termen], schaal)
    _opmaak(ax, [_kort(naam) for naam, _ in rijen], schaal, "Aantal aanbevelingen")
    if not rijen:
        _leeg(ax, "Geen aanbevelingen")
    _legenda(figuur, ax, 3)
    _titel(figuur, f"Opvolging van aanbevelingen per bron ({cijfers.aantal_aanbevelingen})", titel)


def teken_effectaandeel(figuur, cijfers: Dashboardcijfers, *, titel: bool = True) -> None:
    """One 100% bar: the active measures with a measured effect, with only weaker evidence, and without any.

    A reader can rely on: `figuur.axes[0]`; `ax.containers` holds three BarContainers of one Rectangle each, in the
    order gemeten, alleen zwakker, zonder; widths are the counts (the x axis runs from 0 to the total, its ticks in
    percent). Labels are "Gemeten effect: n (p%)", "Alleen zwakker bewijs: n (p%)", "Geen effectmeting: n (p%)"
    (p as `aandeel`); the legend repeats them, and each segment shows its percentage where it fits.
    """
    ax = figuur.add_subplot()
    e = cijfers.effect
    schaal = e.totaal or 1
    links = 0
    for reeks, n in (("gemeten", e.gemeten), ("alleen_zwakker", e.alleen_zwakker), ("zonder", e.zonder)):
        label = f"{EFFECT_LABELS[reeks]}: {n} ({aandeel(n, e.totaal)})"
        balken = ax.barh([0], [n], left=[links], height=0.6, color=EFFECTKLEUR[reeks], label=label)
        procent = aandeel(n, e.totaal)
        ax.bar_label(balken, [procent if _past(n, procent, schaal) else ""], label_type="center", fontsize=_AS,
                     color=_tekstkleur(EFFECTKLEUR[reeks]), fontweight="bold")
        links += n
    ax.set_ylim(-0.8, 0.8)
    ax.set_yticks([])
    ax.set_xlim(0, schaal)
    ax.set_xticks([schaal * p / 100 for p in (0, 25, 50, 75, 100)], ["0%", "25%", "50%", "75%", "100%"],
                  fontsize=_KLEIN)
    ax.set_xlabel(f"Aandeel van {_aantal(e.totaal, 'actieve maatregel', 'actieve maatregelen')}", fontsize=_AS)
    for kant in ("top", "right", "left"):
        ax.spines[kant].set_visible(False)
    if not e.totaal:
        _leeg(ax, "Geen maatregelen")
    figuur.legend(*ax.get_legend_handles_labels(), loc="outside lower center", ncols=1, frameon=False,
                  fontsize=_AS, handlelength=1.2)
    _titel(figuur, f"Maatregelen met gemeten effect: {aandeel(e.gemeten, e.totaal)}", titel)
