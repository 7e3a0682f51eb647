"""The dashboard: its numbers and its charts agree with counts made independently in the test, and it stays light."""

import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QKeySequence
from sqlalchemy import func
from sqlmodel import select

from registry.aanbeveling import maak_aanbeveling
from registry.bron import maak_bron
from registry.dashboard import GEEN_BRON, KETEN_ONBEKEND, aandeel, dashboardcijfers
from registry.effectmeting import voeg_effectmeting_toe
from registry.filters import Filter, zoek_maatregelen
from registry.maatregel import archiveer, haal_maatregel, maak_maatregel
from registry.status import wijzig_status
from registry.tabellen import Domein, Maatregel
from registry.vocabulaire import DOMEINEN, OPVOLGING, STATUS
from ui import vragen

REPO = Path(__file__).resolve().parents[1]

# What the test register holds. Measures: (code, domain, status, iv_blokkade, iv_afhankelijk, iv_keten, archived,
# parent). DC has no measures at all: it must still be listed, with zeros.
MAATREGELEN = [
    ("TV-01", "TV", "ingevoerd", False, False, None, False, None),
    ("TV-02", "TV", "deels", True, True, "Innen en Betalen", False, None),
    ("TV-03", "TV", "deels", True, None, "innen en betalen", False, "TV-02"),  # a sub-measure; same chain, own spelling
    ("TV-04", "TV", "niet", None, True, "Toeslagen Verstrekken", False, "TV-02"),
    ("IN-01", "IN", "niet", True, True, None, False, None),  # blocked, chain unknown
    ("IN-02", "IN", "niet", None, None, None, False, None),
    ("IN-03", "IN", "ingevoerd", True, True, "Innen en Betalen", True, None),  # archived: counts nowhere
    ("NG-01", "NG", "deels", False, True, "Toeslagen Verstrekken", False, None),
    ("NG-02", "NG", "ingevoerd", None, None, None, True, None),  # archived
    ("BU-01", "BU", "ingevoerd", True, False, "Klantbeeld", False, None),
]
# Recommendations: (code, source, opvolging).
AANBEVELINGEN = [
    ("A-1", "EVAL-2024", "open"), ("A-2", "EVAL-2024", "open"), ("A-3", "EVAL-2024", "afgewezen"),
    ("A-4", "EVAL-2024", "opgevolgd"), ("B-1", "KB-2025", "opgevolgd"), ("B-2", "KB-2025", "deels_opgevolgd"),
    ("C-1", None, "overgenomen"),
]
BRONTITELS = {"EVAL-2024": "Evaluatie van de toeslagen 2024", "KB-2025": "Kamerbrief stand van zaken 2025",
              "ONGEBRUIKT": "Een bron zonder aanbevelingen"}
# Effect measurements: (measure, bewijskracht).
EFFECTMETINGEN = [
    ("TV-01", "samenhang"), ("TV-01", "gemeten"), ("TV-02", "perceptie"), ("TV-02", "onbekend"),
    ("IN-01", "samenhang"), ("NG-01", "gemeten"), ("IN-03", "gemeten"),  # IN-03 is archived
]


def bouw(register) -> None:
    with register.werk() as s:
        for code, titel in BRONTITELS.items():
            maak_bron(s, code, titel)
        for code, domein, status, blokkade, afhankelijk, keten, _, ouder in MAATREGELEN:
            velden = {"naam": f"Maatregel {code}", "domein": domein, "iv_blokkade": blokkade,
                      "iv_afhankelijk": afhankelijk, "iv_keten": keten}
            if ouder:
                velden["ouder"] = ouder
            maak_maatregel(s, velden, "tester", code=code, status=status)
        for code, *_, archief, _ in MAATREGELEN:
            if archief:
                archiveer(s, code, "tester", haal_maatregel(s, code).versie)
        for code, bron, opvolging in AANBEVELINGEN:
            maak_aanbeveling(s, code, f"Aanbeveling {code}", "tester", bron=bron, opvolging=opvolging,
                             motivatie="Past niet in de planning." if opvolging == "afgewezen" else None)
        for code, bewijskracht in EFFECTMETINGEN:
            voeg_effectmeting_toe(s, code, indicator="Indicator", bewijskracht=bewijskracht, gebruiker="tester")


def actief():
    return [m for m in MAATREGELEN if not m[6]]


def verwachte_status_per_domein() -> dict[str, dict[str, int]]:
    telling = Counter((m[1], m[2]) for m in actief())
    return {code: {s: telling[code, s] for s in STATUS.codes} for code, _, _ in DOMEINEN}


# Worked out by hand from MAATREGELEN: (chain, blocked, dependent); most blocked first, then by name.
VERWACHT_IV = [("Innen en Betalen", 2, 1), (KETEN_ONBEKEND, 1, 1), ("Klantbeeld", 1, 0),
               ("Toeslagen Verstrekken", 0, 2)]


def verwachte_opvolging() -> dict[str | None, dict[str, int]]:
    telling = Counter((bron, opvolging) for _, bron, opvolging in AANBEVELINGEN)
    return {bron: {o: telling[bron, o] for o in OPVOLGING.codes} for bron in ("EVAL-2024", "KB-2025", None)}


# Active measures: TV-01 and NG-01 have a "gemeten" measurement; TV-02 and IN-01 only weaker ones; 4 have none.
VERWACHT_EFFECT = (2, 2, 4, 8)


@pytest.fixture
def opgebouwd(register):
    bouw(register)
    return register


# --- the numbers --------------------------------------------------------------------------------------------------

def test_dashboardcijfers_tellen_elke_actieve_maatregel_eenmaal_onder_zijn_hoofddomein(opgebouwd):
    with opgebouwd.sessie() as s:
        c = dashboardcijfers(s)
    verwacht = verwachte_status_per_domein()
    assert [d.code for d in c.status_per_domein] == [code for code, _, _ in DOMEINEN]  # DC too, with zeros
    assert {d.code: d.aantallen for d in c.status_per_domein} == verwacht
    assert {d.code: d.totaal for d in c.status_per_domein} == {k: sum(v.values()) for k, v in verwacht.items()}
    assert c.aantal_maatregelen == len(actief()) == 8
    assert c.status_per_domein[0].naam == "Terugvorderingen"


def test_dashboardcijfers_tellen_iv_per_keten_opvolging_per_bron_en_effect(opgebouwd):
    with opgebouwd.sessie() as s:
        c = dashboardcijfers(s)
    assert [(k.keten, k.geblokkeerd, k.afhankelijk) for k in c.iv_per_keten] == VERWACHT_IV
    assert c.aantal_geblokkeerd == sum(1 for m in actief() if m[3] is True)

    opvolging = verwachte_opvolging()
    assert [b.bron for b in c.opvolging_per_bron] == ["EVAL-2024", "KB-2025", None]  # most first; unused left out
    assert {b.bron: b.aantallen for b in c.opvolging_per_bron} == opvolging
    assert [b.titel for b in c.opvolging_per_bron] == [BRONTITELS["EVAL-2024"], BRONTITELS["KB-2025"], GEEN_BRON]
    assert c.aanbevelingen_open == 2 and c.aantal_aanbevelingen == len(AANBEVELINGEN)

    e = c.effect
    assert (e.gemeten, e.alleen_zwakker, e.zonder, e.totaal) == VERWACHT_EFFECT


def test_dashboardcijfers_uit_de_rijen_van_het_venster_zijn_gelijk(opgebouwd):
    with opgebouwd.sessie() as s:
        rijen = zoek_maatregelen(s, Filter(met_gearchiveerd=True))  # archived rows included: they must be skipped
        assert dashboardcijfers(s, rijen) == dashboardcijfers(s)


def test_een_leeg_register_geeft_nullen_per_domein(register):
    with register.sessie() as s:
        c = dashboardcijfers(s)
    assert [(d.code, d.totaal) for d in c.status_per_domein] == [(code, 0) for code, _, _ in DOMEINEN]
    assert c.iv_per_keten == () and c.opvolging_per_bron == ()
    assert (c.effect.gemeten, c.effect.alleen_zwakker, c.effect.zonder, c.effect.totaal) == (0, 0, 0, 0)


def test_aandeel_is_een_afgerond_percentage_en_nul_zonder_totaal():
    assert aandeel(1, 3) == "33%"
    assert aandeel(2, 3) == "67%"
    assert aandeel(0, 0) == "0%" and aandeel(5, 0) == "0%"
    assert aandeel(179, 179) == "100%"


# --- the charts, drawn without Qt (as the PDF will) ----------------------------------------------------------------

def balken(ax) -> dict[str, list[float]]:
    """Bar widths per series label, as a reader of the chart sees them."""
    return {c.get_label(): [p.get_width() for p in c.patches] for c in ax.containers}


def rijnamen(ax) -> list[str]:
    return [t.get_text() for t in ax.get_yticklabels()]


def teken(functie, cijfers, **opties):
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figuur = Figure(figsize=(4.5, 3), layout="constrained")
    FigureCanvasAgg(figuur)  # a bare Figure's canvas draws nothing; this one renders as the window and PNG do
    functie(figuur, cijfers, **opties)
    figuur.canvas.draw()  # renders every text: a missing glyph would warn here (and warnings are errors)
    return figuur


def test_grafieken_tonen_de_aantallen_met_de_symbolen_en_kleuren_van_de_tabel(opgebouwd):
    from matplotlib.colors import to_hex

    from registry.grafieken import OPVOLGINGSKLEUR, teken_opvolging_per_bron, teken_status_per_domein
    from registry.vocabulaire import STATUSKLEUR

    with opgebouwd.sessie() as s:
        c = dashboardcijfers(s)
    ax = teken(teken_status_per_domein, c).axes[0]
    verwacht = verwachte_status_per_domein()
    assert rijnamen(ax) == [naam for _, naam, _ in DOMEINEN]
    assert balken(ax) == {f"{STATUS[s].symbool} {STATUS[s].label}": [verwacht[d][s] for d, _, _ in DOMEINEN]
                          for s in STATUS.codes}
    assert [c.get_label() for c in ax.containers] == ["✓ Ingevoerd", "● Deels", "✗ Niet ingevoerd"]
    assert [to_hex(c.patches[0].get_facecolor()) for c in ax.containers] == [STATUSKLEUR[s] for s in STATUS.codes]
    teksten = {t.get_text() for t in ax.texts}
    assert {str(sum(v.values())) for v in verwacht.values()} <= teksten  # each domain's total at its bar's end

    ax = teken(teken_opvolging_per_bron, c).axes[0]
    opvolging = verwachte_opvolging()
    assert rijnamen(ax) == ["EVAL-2024", "KB-2025", GEEN_BRON]
    assert balken(ax) == {OPVOLGING[o].label: [opvolging[b][o] for b in ("EVAL-2024", "KB-2025", None)]
                          for o in OPVOLGING.codes}
    assert [to_hex(c.patches[0].get_facecolor()) for c in ax.containers] == [OPVOLGINGSKLEUR[o]
                                                                              for o in OPVOLGING.codes]


def test_grafiek_iv_en_effect_tonen_de_aantallen(opgebouwd):
    from registry.grafieken import teken_effectaandeel, teken_iv_per_keten

    with opgebouwd.sessie() as s:
        c = dashboardcijfers(s)
    ax = teken(teken_iv_per_keten, c).axes[0]
    assert rijnamen(ax) == [k for k, _, _ in VERWACHT_IV]
    assert balken(ax) == {"Geblokkeerd door IV": [g for _, g, _ in VERWACHT_IV],
                          "Afhankelijk van IV": [a for _, _, a in VERWACHT_IV]}

    figuur = teken(teken_effectaandeel, c)
    ax = figuur.axes[0]
    gemeten, zwakker, zonder, totaal = VERWACHT_EFFECT
    assert balken(ax) == {"Gemeten effect: 2 (25%)": [gemeten], "Alleen zwakker bewijs: 2 (25%)": [zwakker],
                          "Geen effectmeting: 4 (50%)": [zonder]}
    assert ax.get_xlim() == (0, totaal)  # a 100% bar
    assert figuur.get_suptitle() == "Maatregelen met gemeten effect: 25%"


def test_veel_bronnen_worden_samengevat_in_overige(opgebouwd):
    from registry.grafieken import teken_opvolging_per_bron

    with opgebouwd.sessie() as s:
        c = dashboardcijfers(s)
    ax = teken(teken_opvolging_per_bron, c, max_rijen=2).axes[0]
    assert rijnamen(ax) == ["EVAL-2024", "Overige bronnen (2)"]
    assert balken(ax)["Opgevolgd"] == [1, 1] and balken(ax)["Overgenomen"] == [0, 1]


def test_lege_grafieken_zeggen_dat_er_niets_is(register):
    from registry import grafieken

    with register.sessie() as s:
        c = dashboardcijfers(s)
    for functie, tekst in ((grafieken.teken_status_per_domein, "Geen maatregelen"),
                           (grafieken.teken_iv_per_keten, "Geen maatregelen met IV-blokkade of IV-afhankelijkheid"),
                           (grafieken.teken_opvolging_per_bron, "Geen aanbevelingen"),
                           (grafieken.teken_effectaandeel, "Geen maatregelen")):
        figuur = teken(functie, c)
        assert tekst in {t.get_text() for t in figuur.axes[0].texts}


def test_lange_namen_worden_ingekort_op_de_as(sqlite_register):
    from registry.grafieken import teken_iv_per_keten

    keten = "Een zeer lange naam van een IV-keten die niet op de as past"
    with sqlite_register.werk() as s:
        maak_maatregel(s, {"naam": "Lang", "domein": "TV", "iv_blokkade": True, "iv_keten": keten}, "tester")
    with sqlite_register.sessie() as s:
        c = dashboardcijfers(s)
    [naam] = rijnamen(teken(teken_iv_per_keten, c).axes[0])
    assert naam.endswith("…") and len(naam) <= 22 and keten.startswith(naam[:-1])
    assert c.iv_per_keten[0].keten == keten  # the numbers keep the full name


# --- the page ----------------------------------------------------------------------------------------------------

@pytest.fixture
def pagina(qtbot, sqlite_register):
    from ui.dashboard import DashboardPagina

    bouw(sqlite_register)
    pagina = DashboardPagina(sqlite_register)
    qtbot.addWidget(pagina)
    pagina.resize(1000, 700)
    return pagina


def toon(qtbot, pagina):
    """Show the page as the active window (keyboard focus and mnemonics only work there)."""
    with qtbot.waitActive(pagina):
        pagina.show()
        pagina.activateWindow()


def test_pagina_tekent_de_aantallen_die_de_test_telde(qtbot, pagina):
    toon(qtbot, pagina)
    assert set(pagina.grafieken) == {"status_per_domein", "iv_per_keten", "opvolging_per_bron", "effectaandeel"}
    assert all(vak.is_getekend() for vak in pagina.grafieken.values())

    ax = pagina.grafieken["status_per_domein"].figuur.axes[0]
    verwacht = verwachte_status_per_domein()
    assert balken(ax) == {f"{STATUS[s].symbool} {STATUS[s].label}": [verwacht[d][s] for d, _, _ in DOMEINEN]
                          for s in STATUS.codes}
    ax = pagina.grafieken["iv_per_keten"].figuur.axes[0]
    assert rijnamen(ax) == [k for k, _, _ in VERWACHT_IV]
    assert balken(ax)["Geblokkeerd door IV"] == [g for _, g, _ in VERWACHT_IV]
    ax = pagina.grafieken["opvolging_per_bron"].figuur.axes[0]
    assert balken(ax)["Open"] == [2, 0, 0] and balken(ax)["Afgewezen"] == [1, 0, 0]
    ax = pagina.grafieken["effectaandeel"].figuur.axes[0]
    assert [c.patches[0].get_width() for c in ax.containers] == list(VERWACHT_EFFECT[:3])

    # The key numbers in words, for screen readers; and per chart its numbers as text.
    tekst = pagina.samenvatting.text()
    assert "8 maatregelen" in tekst and "4 met IV-blokkade" in tekst and "2 van 7 aanbevelingen open" in tekst
    assert "Terugvorderingen: 1 ingevoerd, 2 deels, 1 niet ingevoerd" in \
        pagina.grafieken["status_per_domein"].accessibleDescription()
    assert pagina.cijfers().aantal_maatregelen == 8
    assert QGuiApplication.overrideCursor() is None  # the wait cursor is gone


def test_statusgrafiek_van_het_startregister_klopt_met_een_directe_telling(qtbot, start_register):
    from ui.dashboard import DashboardPagina

    with start_register.sessie() as s:
        per = s.exec(select(Domein.naam, Maatregel.status, func.count()).join(Domein, Domein.id == Maatregel.domein_id)
                     .where(Maatregel.gearchiveerd.is_(False)).group_by(Domein.naam, Maatregel.status)).all()
    pagina = DashboardPagina(start_register)
    qtbot.addWidget(pagina)
    pagina.resize(1300, 850)
    toon(qtbot, pagina)
    ax = pagina.grafieken["status_per_domein"].figuur.axes[0]
    getekend = {(naam, STATUS.codes[i]): int(c.patches[rij].get_width())
                for i, c in enumerate(ax.containers) for rij, naam in enumerate(rijnamen(ax))}
    assert {k: v for k, v in getekend.items() if v} == {(naam, status): n for naam, status, n in per}
    totalen = Counter()
    for naam, _, n in per:
        totalen[naam] += n
    assert sum(totalen.values()) == 179
    assert {str(n) for n in totalen.values()} <= {t.get_text() for t in ax.texts}


def test_statuswijziging_is_te_zien_na_verversen(qtbot, pagina):
    toon(qtbot, pagina)
    ax = pagina.grafieken["status_per_domein"].figuur.axes[0]
    assert balken(ax)["✓ Ingevoerd"][1] == 0  # IN: none ingevoerd yet
    register = pagina.register
    with register.werk() as s:
        wijzig_status(s, "IN-02", "ingevoerd", "Afgerond volgens de kamerbrief.", "tester",
                      haal_maatregel(s, "IN-02").versie)
    pagina.ververs()
    ax = pagina.grafieken["status_per_domein"].figuur.axes[0]
    assert balken(ax)["✓ Ingevoerd"][1] == 1 and balken(ax)["✗ Niet ingevoerd"][1] == 1
    assert pagina.cijfers().status_totaal("ingevoerd") == 3


def test_verborgen_pagina_tekent_pas_als_ze_getoond_wordt(qtbot, pagina):
    pagina.ververs()
    assert pagina.cijfers() is None and pagina.is_verouderd()
    assert not any(vak.is_getekend() for vak in pagina.grafieken.values())
    assert not pagina.knoppen["status_per_domein"].isEnabled()  # nothing to export yet

    toon(qtbot, pagina)
    assert pagina.cijfers().aantal_maatregelen == 8 and not pagina.is_verouderd()

    pagina.hide()
    with pagina.register.werk() as s:
        maak_maatregel(s, {"naam": "Nieuw", "domein": "DC"}, "tester", status="deels")
    pagina.ververs()
    assert pagina.cijfers().aantal_maatregelen == 8  # hidden: still the old numbers, marked stale
    assert pagina.is_verouderd()
    toon(qtbot, pagina)
    assert pagina.cijfers().aantal_maatregelen == 9
    assert balken(pagina.grafieken["status_per_domein"].figuur.axes[0])["● Deels"][3] == 1  # DC


def test_ververs_met_de_rijen_van_het_venster(qtbot, pagina):
    toon(qtbot, pagina)
    with pagina.register.sessie() as s:
        rijen = zoek_maatregelen(s, Filter(met_gearchiveerd=True))
    pagina.ververs(rijen)
    met_rijen_van_venster = pagina.cijfers()
    pagina.ververs()
    assert met_rijen_van_venster == pagina.cijfers()


def test_pagina_bouwen_laadt_matplotlib_niet():
    code = ("import sys; from PySide6.QtWidgets import QApplication; app = QApplication([]); "
            "import ui.hoofdvenster; start = 'matplotlib' in sys.modules; "
            "from db.openen import open_register; from ui.dashboard import DashboardPagina; "
            "import tempfile, pathlib; r = open_register(pad=pathlib.Path(tempfile.mkdtemp()) / 'r.db', leeg=True); "
            "p = DashboardPagina(r); p.ververs(); "
            "print(start, 'matplotlib' in sys.modules, p.cijfers() is None); r.sluit()")
    uit = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True,
                         env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert uit.stdout.split() == ["False", "False", "True"]


def test_png_opslaan_met_en_zonder_extensie(qtbot, pagina, tmp_path, monkeypatch):
    import ui.dashboard
    from ui.figuur import exporteer_png

    toon(qtbot, pagina)
    titels = []
    monkeypatch.setattr(ui.dashboard, "exporteer_png", lambda ouder, vak, voorstel: titels.append(
        vak.figuur.get_suptitle()) or exporteer_png(ouder, vak, voorstel))
    gevraagd = []
    for pad, verwacht in ((tmp_path / "status.png", tmp_path / "status.png"),
                          (tmp_path / "iv", tmp_path / "iv.png")):
        monkeypatch.setattr(vragen, "vraag_bestand_opslaan",
                            lambda ouder, titel, voorstel, soorten, pad=pad: gevraagd.append(voorstel) or str(pad))
        knop = pagina.knoppen["status_per_domein" if pad.name == "status.png" else "iv_per_keten"]
        qtbot.mouseClick(knop, Qt.MouseButton.LeftButton)
        assert verwacht.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        beeld = QImage(str(verwacht))
        assert not beeld.isNull() and beeld.width() > 400 and beeld.height() > 250
    assert gevraagd == ["status-per-domein.png", "iv-blokkades-per-keten.png"]
    assert titels == ["Status per domein (8 maatregelen)", "IV-blokkades per IV-keten (4 geblokkeerd)"]
    # The PNG carries the chart's title; on the page the header row carries it, the figure shown stays without.
    assert pagina.grafieken["status_per_domein"].figuur.get_suptitle() == ""


def test_png_op_een_onschrijfbare_plek_geeft_een_melding(qtbot, pagina, tmp_path, monkeypatch):
    toon(qtbot, pagina)
    meldingen = []
    monkeypatch.setattr(vragen, "vraag_bestand_opslaan", lambda *a: str(tmp_path / "bestaat-niet" / "grafiek.png"))
    monkeypatch.setattr(vragen, "meld_fout", lambda ouder, titel, tekst: meldingen.append(tekst))
    pagina.knoppen["effectaandeel"].click()
    assert len(meldingen) == 1 and "bestaat-niet" in meldingen[0] and "de map bestaat niet" in meldingen[0]
    assert not (tmp_path / "bestaat-niet").exists()


def test_een_map_als_bestandsnaam_wordt_geweigerd(qtbot, pagina, tmp_path, monkeypatch):
    toon(qtbot, pagina)
    meldingen = []
    monkeypatch.setattr(vragen, "vraag_bestand_opslaan", lambda *a: str(tmp_path) + "/")
    monkeypatch.setattr(vragen, "meld_fout", lambda ouder, titel, tekst: meldingen.append(tekst))
    pagina.knoppen["effectaandeel"].click()
    assert len(meldingen) == 1 and "is een map" in meldingen[0]
    assert list(tmp_path.parent.glob("*.png")) == []  # not saved beside it as "<map>.png"


def test_knoppen_zijn_met_het_toetsenbord_bereikbaar(qtbot, pagina):
    toon(qtbot, pagina)
    knoppen = list(pagina.knoppen.values())
    assert all(k.accessibleName().endswith("als PNG opslaan") for k in knoppen)
    # No two buttons share a mnemonic: a shared Alt+letter only cycles the focus between them.
    letters = [QKeySequence.mnemonic(k.text()).toString() for k in knoppen]
    assert len({letter for letter in letters if letter}) == len([letter for letter in letters if letter])
    knoppen[0].setFocus()
    bereikt = [pagina.focusWidget()]
    for _ in knoppen[1:]:
        qtbot.keyClick(pagina.focusWidget(), Qt.Key.Key_Tab)
        bereikt.append(pagina.focusWidget())
    assert bereikt == knoppen  # the charts themselves take no focus: Tab goes from button to button



# --- user text in the charts, the tooltips and the counts -----------------------------------------------------------

GETYPTE_NAMEN = ["Kosten $5 of $10", "Budget $10^$ keten", "<b>vet</b> & co"]


def met_naam(register, naam: str) -> None:
    """One measure in chain `naam`, one recommendation from source `naam`, and domain DC renamed to `naam`."""
    with register.werk() as s:
        s.exec(select(Domein).where(Domein.code == "DC")).one().naam = naam
        maak_maatregel(s, {"naam": "x", "domein": "DC", "iv_blokkade": True, "iv_keten": naam}, "tester")
        maak_bron(s, naam, "Een bron")
        maak_aanbeveling(s, "A-1", "Aanbeveling", "tester", bron=naam)


def zoals_getekend(figuur, label) -> tuple[float, float]:
    """The width a text is drawn at, next to the same text drawn plainly (not as mathtext)."""
    renderer = figuur.canvas.get_renderer()
    gewoon = figuur.text(0, 0, label.get_text(), fontproperties=label.get_fontproperties(), parse_math=False)
    return label.get_window_extent(renderer).width, gewoon.get_window_extent(renderer).width


@pytest.mark.parametrize("naam", GETYPTE_NAMEN)
def test_namen_met_dollars_en_opmaak_worden_getekend_zoals_getypt(sqlite_register, naam):
    import io

    from registry.grafieken import teken_iv_per_keten, teken_opvolging_per_bron, teken_status_per_domein

    met_naam(sqlite_register, naam)
    with sqlite_register.sessie() as s:
        c = dashboardcijfers(s)
    for functie, rij in ((teken_status_per_domein, 3), (teken_iv_per_keten, 0), (teken_opvolging_per_bron, 0)):
        figuur = teken(functie, c)
        figuur.savefig(io.BytesIO(), format="png")  # "$10^$" as mathtext raised here (and on every repaint)
        label = figuur.axes[0].get_yticklabels()[rij]
        assert label.get_text() == naam
        getekend, gewoon = zoals_getekend(figuur, label)
        assert getekend == pytest.approx(gewoon)  # as mathtext, "$5 of $10" lost its dollars and its spaces


def test_een_emoji_in_een_naam_tekent_zonder_waarschuwing(sqlite_register):
    import io

    from registry.grafieken import ONTBREKEND_TEKEN, teken_iv_per_keten, teken_opvolging_per_bron

    met_naam(sqlite_register, "Keten 🚀 ❤️ 👩‍💻")
    with sqlite_register.sessie() as s:
        c = dashboardcijfers(s)
    for functie in (teken_iv_per_keten, teken_opvolging_per_bron):
        figuur = teken(functie, c)  # warnings are errors: matplotlib's "Glyph … missing" would fail here
        figuur.savefig(io.BytesIO(), format="png")
        # The font has no emoji: a box, as matplotlib would draw; what the font has (❤) is kept.
        [getekend] = rijnamen(figuur.axes[0])
        assert getekend.startswith(f"Keten {ONTBREKEND_TEKEN} ❤") and "🚀" not in getekend
    assert c.iv_per_keten[0].keten == "Keten 🚀 ❤️ 👩‍💻"  # the numbers keep the name as typed


def zoals_qt_toont(tooltip: str) -> str:
    """The text a tooltip shows: Qt renders it as HTML when it looks like HTML (QToolTip does the same test)."""
    from PySide6 import QtGui

    document = QtGui.QTextDocument()
    if QtGui.Qt.mightBeRichText(tooltip):
        document.setHtml(tooltip)
    else:
        document.setPlainText(tooltip)
    return document.toPlainText()


def test_tooltips_tonen_namen_zoals_getypt(qtbot, sqlite_register):
    from ui.dashboard import DashboardPagina

    naam = "<b>vet</b> & co"
    met_naam(sqlite_register, naam)
    pagina = DashboardPagina(sqlite_register)
    qtbot.addWidget(pagina)
    pagina.resize(1000, 700)
    toon(qtbot, pagina)
    assert zoals_qt_toont(pagina.grafieken["iv_per_keten"].toolTip()).startswith(f"{naam}: 1 geblokkeerd")
    assert zoals_qt_toont(pagina.grafieken["opvolging_per_bron"].toolTip()).startswith(f"{naam}: 1 open")
    assert f"{naam}: 0 ingevoerd" in zoals_qt_toont(pagina.grafieken["status_per_domein"].toolTip())
    assert pagina.samenvatting.textFormat() == Qt.TextFormat.PlainText


def test_een_maatregel_en_een_aanbeveling_heten_enkelvoud(qtbot, sqlite_register):
    from registry.grafieken import teken_effectaandeel, teken_status_per_domein
    from ui.dashboard import DashboardPagina

    with sqlite_register.werk() as s:
        maak_maatregel(s, {"naam": "Enige", "domein": "TV"}, "tester")
        maak_aanbeveling(s, "A-1", "Enige aanbeveling", "tester")
    with sqlite_register.sessie() as s:
        c = dashboardcijfers(s)
    assert teken(teken_status_per_domein, c).get_suptitle() == "Status per domein (1 maatregel)"
    assert teken(teken_effectaandeel, c).axes[0].get_xlabel() == "Aandeel van 1 actieve maatregel"

    pagina = DashboardPagina(sqlite_register)
    qtbot.addWidget(pagina)
    toon(qtbot, pagina)
    delen = pagina.samenvatting.text().split(" · ")
    assert "1 maatregel" in delen and "1 van 1 aanbeveling open" in delen


def test_iv_ketens_worden_gelijk_geteld_in_elke_volgorde_van_de_rijen(opgebouwd):
    import random

    with opgebouwd.sessie() as s:
        rijen = zoek_maatregelen(s, Filter())
        verwacht = dashboardcijfers(s, rijen)
        for zaad in range(5):
            random.Random(zaad).shuffle(rijen)
            assert dashboardcijfers(s, rijen) == verwacht
    # The chain is named as the measure with the lowest code spells it, whatever order the table is in.
    assert verwacht.iv_per_keten[0].keten == "Innen en Betalen"


def test_dashboard_telt_aanbevelingen_zonder_hun_teksten_te_lezen(opgebouwd):
    from sqlalchemy import event

    opdrachten = []

    def vang(conn, cursor, opdracht, *args):
        opdrachten.append(opdracht)

    event.listen(opgebouwd.engine, "before_cursor_execute", vang)
    try:
        with opgebouwd.sessie() as s:
            c = dashboardcijfers(s, zoek_maatregelen(s, Filter()))
    finally:
        event.remove(opgebouwd.engine, "before_cursor_execute", vang)
    assert {b.bron: b.aantallen for b in c.opvolging_per_bron} == verwachte_opvolging()
    # At 10,000 measures loading every recommendation with its text and links was most of the counting time.
    assert not [o for o in opdrachten if "aanbeveling.tekst" in o or "aanbeveling_maatregel" in o]
