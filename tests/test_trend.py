"""The trend of an indicator over its periods (registry.trend): which points, in which order, and the chart drawn."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from registry.effectmeting import EffectmetingRij
from registry.planning import OngeldigeDatum, parse_periode_of_leeg
from registry.trend import Trendpunt, getal_nl, heeft_trend, indicatoren_met_trend, teken_trend, trendreeks

_teller = iter(range(1, 1_000_000))


def meting(periode, waarde_tekst, *, indicator="Respons op pre-attendering", waarde=..., eenheid="%",
           streefwaarde=None) -> EffectmetingRij:
    from registry.effectmeting import getal_uit_tekst

    getal = getal_uit_tekst(waarde_tekst) if waarde is ... else waarde
    return EffectmetingRij(next(_teller), "TV-11", indicator, None, waarde_tekst, getal, eenheid, streefwaarde,
                           periode, "registratie", "gemeten", None, None, None, None)


def figuur():
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    f = Figure(figsize=(5, 3.2), layout="constrained")
    FigureCanvasAgg(f)  # a bare Figure's canvas draws nothing; this one renders as the window and PNG do
    return f


# --- the series -----------------------------------------------------------------------------------------------------

def test_vage_perioden_worden_op_hun_begin_gesorteerd():
    metingen = [meting("H2 2025", "7%"), meting("2023", "19%"), meting("Q1 2024", "12%"), meting("medio 2024", "10%"),
                meting("december 2025", "6,5%"), meting("begin 2024", "13%")]
    reeks = trendreeks(metingen, "Respons op pre-attendering")
    assert [p.periode for p in reeks.punten] == ["2023", "Q1 2024", "begin 2024", "medio 2024", "H2 2025",
                                                 "december 2025"]
    assert [p.waarde for p in reeks.punten] == [19.0, 12.0, 13.0, 10.0, 7.0, 6.5]
    assert reeks.punten[-1] == Trendpunt("december 2025", 6.5, "6,5%")


def test_onleesbare_perioden_worden_weggelaten_en_geteld():
    metingen = [meting("t/m 2025", "5"), meting("2024", "4"), meting(None, "9"), meting("2021-2024", "3"),
                meting("Q5 2024", "1"), meting("2022", "2")]
    reeks = trendreeks(metingen, "respons op pre-attendering")
    assert [p.periode for p in reeks.punten] == ["2022", "2024"]
    assert reeks.weggelaten == 4


def test_zonder_twee_leesbare_perioden_is_er_geen_trend():
    metingen = [meting("2024", "4"), meting("ergens in 2025", "5"), meting(None, "6")]
    assert trendreeks(metingen, "Respons op pre-attendering") is None
    assert not heeft_trend(metingen, "Respons op pre-attendering")


def test_de_grafiek_zegt_hoeveel_metingen_niet_getoond_zijn():
    reeks = trendreeks([meting("2023", "4"), meting("2024", "5"), meting("2024-2025", "6")],
                       "Respons op pre-attendering")
    f = figuur()
    teken_trend(f, reeks)
    assert f.axes[0].get_xlabel() == "1 meting zonder herkenbare periode niet getoond"
    assert list(f.axes[0].lines[0].get_ydata()) == [4.0, 5.0]


def test_indicator_wordt_zonder_hoofdletters_en_spaties_vergeleken_en_alleen_getallen_tellen():
    metingen = [meting("2023", "19%"), meting("2025", "7,4%", indicator="  RESPONS op  pre-attendering "),
                meting("2024", "geen"), meting("2024", "8%", indicator="Iets anders")]
    reeks = trendreeks(metingen, "Respons op pre-attendering ")
    assert [(p.periode, p.waarde) for p in reeks.punten] == [("2023", 19.0), ("2025", 7.4)]
    assert heeft_trend(metingen, "respons op pre-attendering")
    assert not heeft_trend(metingen, "Iets anders")
    assert indicatoren_met_trend(metingen) == ["Respons op pre-attendering"]


@pytest.mark.parametrize("metingen", [
    [],
    [meting("2023", "19%")],
    [meting("2023", "19%"), meting("2024", "niet gemeten")],
    [meting("2023", "19%"), meting("2024", "8%", indicator="Andere indicator")],
])
def test_minder_dan_twee_getallen_is_geen_trend(metingen):
    assert trendreeks(metingen, "Respons op pre-attendering") is None
    assert not heeft_trend(metingen, "Respons op pre-attendering")


def test_eenheid_en_de_laatste_leesbare_streefwaarde():
    metingen = [meting("2023", "19%", eenheid=None, streefwaarde="≥ 25%"),
                meting("2024", "20%", eenheid="procent", streefwaarde="30%"),
                meting("2025", "21%", eenheid="%", streefwaarde="hoger dan vorig jaar")]
    reeks = trendreeks(metingen, "Respons op pre-attendering")
    assert reeks.eenheid == "procent"
    assert reeks.streefwaarde == 30.0
    assert trendreeks(metingen[:2], "Respons op pre-attendering").streefwaarde == 30.0
    assert trendreeks([meting("2023", "1"), meting("2024", "2")], "Respons op pre-attendering").streefwaarde is None


@pytest.mark.parametrize("getal, tekst", [(1250.5, "1.250,5"), (0.25, "0,25"), (-3.0, "-3"), (12_500_000, "12.500.000"),
                                          (2.0, "2"), (-0.0001, "0"), (7.125, "7,125")])
def test_getallen_in_nederlandse_notatie(getal, tekst):
    assert getal_nl(getal) == tekst


_PERIODEN = ["2021", "2022", "Q1 2023", "Q4 2023", "H1 2024", "medio 2024", "eind 2024", "maart 2025",
             "15-06-2025", "voorjaar 2026", "2021-2024", "t/m 2025", None, ""]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_PERIODEN), st.integers(-1000, 1000)), min_size=2, max_size=12))
def test_de_reeks_is_altijd_op_het_begin_van_de_periode_gesorteerd(invoer):
    metingen = [meting(periode, str(waarde), waarde=float(waarde)) for periode, waarde in invoer]
    reeks = trendreeks(metingen, "Respons op pre-attendering")

    def begin(tekst):
        try:
            periode = parse_periode_of_leeg(tekst)
        except OngeldigeDatum:
            return None
        return periode.van if periode else None

    leesbaar = [m for m in metingen if begin(m.periode) is not None]
    if len(leesbaar) < 2:
        assert reeks is None
        return
    assert len(reeks.punten) == len(leesbaar) and reeks.weggelaten == len(metingen) - len(leesbaar)
    beginnen = [begin(p.periode) for p in reeks.punten]
    assert None not in beginnen and beginnen == sorted(beginnen)


# --- the chart ------------------------------------------------------------------------------------------------------

def test_de_grafiek_heeft_een_lijn_met_de_waarden_in_periodevolgorde():
    reeks = trendreeks([meting("2025", "7,4%"), meting("Q4 2023", "19%"), meting("medio 2024", "12,5%")],
                       "Respons op pre-attendering")
    f = figuur()
    teken_trend(f, reeks)
    [ax] = f.axes
    [lijn] = ax.lines
    assert list(lijn.get_ydata()) == [19.0, 12.5, 7.4]
    assert lijn.get_marker() == "o"
    f.canvas.draw()
    assert [t.get_text() for t in ax.get_xticklabels()] == ["Q4 2023", "medio 2024", "2025"]
    assert ax.get_title() == "Respons op pre-attendering"
    assert ax.get_ylabel() == "%"
    # Dutch notation: the values as printed beside the points, decimal commas on the y axis.
    assert [t.get_text() for t in ax.texts] == ["19%", "12,5%", "7,4%"]
    assert ax.yaxis.get_major_formatter()(1250.5, 0) == "1.250,5"
    assert all("." not in t.get_text() for t in ax.get_yticklabels())


def test_een_leesbare_streefwaarde_is_een_gestippelde_lijn():
    reeks = trendreeks([meting("2023", "92,8%", streefwaarde="≥ 94%"), meting("2024", "93,5%")], "Respons op "
                       "pre-attendering")
    f = figuur()
    teken_trend(f, reeks)
    ax = f.axes[0]
    assert len(ax.lines) == 2
    data, streef = ax.lines
    assert list(data.get_ydata()) == [92.8, 93.5]
    assert streef.get_linestyle() == "--"
    assert set(streef.get_ydata()) == {94.0}
    assert "streefwaarde 94" in [t.get_text() for t in ax.texts]

    zonder = trendreeks([meting("2023", "1", streefwaarde="zo hoog mogelijk"), meting("2024", "2")],
                        "Respons op pre-attendering")
    f = figuur()
    teken_trend(f, zonder)
    assert len(f.axes[0].lines) == 1


def test_lange_teksten_worden_afgebroken_en_passen():
    lang = "Respons op generieke notificatie: doorgegeven inkomenswijzigingen door burgers met een toeslag " * 2
    reeks = trendreeks([meting("najaar 2025", "3,3%", indicator=lang,
                               eenheid="procent (aandeel hoge terugvorderingen binnen de toeslagsoort)"),
                        meting("2024", "2,5%", indicator=lang, eenheid=None)], lang)
    f = figuur()
    teken_trend(f, reeks)
    ax = f.axes[0]
    assert ax.get_title().count("\n") == 1 and ax.get_title().endswith("…")
    assert ax.get_ylabel().count("\n") >= 1
    f.canvas.draw()  # constrained layout copes; nothing raises


def test_tekst_met_dollars_en_opmaak_wordt_getekend_zoals_getypt():
    import io

    indicator, eenheid = "Kosten $5 of $10 <b>per</b> jaar", "$10^$ & meer"
    reeks = trendreeks([meting("2023", "$12", indicator=indicator, eenheid=eenheid, waarde=12.0),
                        meting("2024", "$5 & <i>7</i>", indicator=indicator, waarde=5.0)], indicator)
    f = figuur()
    teken_trend(f, reeks)
    f.savefig(io.BytesIO(), format="png")  # "$10^$" as mathtext raised here (and on every repaint)
    ax = f.axes[0]
    teksten = [ax.title, ax.yaxis.label, *ax.get_xticklabels(), *ax.texts]
    assert [t.get_text() for t in teksten] == [indicator, eenheid, "2023", "2024", "$12", "$5 & <i>7</i>"]
    renderer = f.canvas.get_renderer()
    for t in teksten:  # drawn as plain text: as mathtext "$5 of $10" loses its dollars and its spaces
        gewoon = f.text(0, 0, t.get_text(), fontproperties=t.get_fontproperties(), rotation=t.get_rotation(),
                        parse_math=False)
        assert t.get_window_extent(renderer).size == pytest.approx(gewoon.get_window_extent(renderer).size)


def test_een_emoji_in_indicator_of_periode_tekent_zonder_waarschuwing():
    import io

    from registry.grafieken import ONTBREKEND_TEKEN

    indicator = "Tevredenheid 🙂"
    reeks = trendreeks([meting("2023", "7", indicator=indicator, eenheid="👍"),
                        meting("eind 2024", "8", indicator=indicator, eenheid="👍")], indicator)
    f = figuur()
    teken_trend(f, reeks)
    f.savefig(io.BytesIO(), format="png")  # warnings are errors: matplotlib's "Glyph … missing" would fail here
    ax = f.axes[0]
    assert ax.get_title() == f"Tevredenheid {ONTBREKEND_TEKEN}" and ax.get_ylabel() == ONTBREKEND_TEKEN
    assert [t.get_text() for t in ax.get_xticklabels()] == ["2023", "eind 2024"]
    assert reeks.indicator == indicator  # the series keeps the text as typed
