"""Effect measurements in the GUI: a user adds, edits and removes them on a measure, sees an indicator's trend, and
surveys the whole register's measurements and the measures without any."""

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialog, QLineEdit, QPlainTextEdit

from registry.bron import maak_bron
from registry.effectmeting import (EffectmetingRij, alle_effectmetingen, effectmetingen_van,
                                   effectmetingen_van_maatregel, voeg_effectmeting_toe, wijzig_effectmeting)
from registry.maatregel import maak_maatregel
from registry.signalen import signalen
from registry.tekst import natuurlijke_sleutel
from registry.wijzigingslog import wijzigingslog
from ui import vragen
from ui.effectmetingen import (AlleEffectmetingenModel, EffectmetingDialoog, EffectmetingenModel, EffectmetingenPagina,
                               EffectmetingenTab, ZonderEffectmetingModel)

ROOT = Path(__file__).resolve().parent.parent

# The method field's suggestion list is a popup; the offscreen platform says it cannot raise it or grab the keyboard.
pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (raise\(\)|grabbing the keyboard)")


# --- helpers --------------------------------------------------------------------------------------------------------

@pytest.fixture
def register(sqlite_register):
    """A real SQLite file with one source and two measures, TV-01 without any measurement yet."""
    with sqlite_register.werk() as s:
        maak_bron(s, "JV-2025", "Jaarverslag Dienst Toeslagen 2025", soort="jaarverslag")
        maak_maatregel(s, {"domein": "TV", "naam": "Pre-attendering"}, "anna")
        maak_maatregel(s, {"domein": "IN", "naam": "Betalingsregeling"}, "anna")
    return sqlite_register


@pytest.fixture
def tab(qtbot, register):
    tab = EffectmetingenTab(register, lambda: "tester")
    qtbot.addWidget(tab)
    tab.resize(1000, 600)
    tab.show()
    qtbot.waitExposed(tab)
    tab.toon("TV-01")
    return tab


def in_db(register, code="TV-01") -> list[EffectmetingRij]:
    with register.sessie() as s:
        return effectmetingen_van_maatregel(s, code)


def typ(qtbot, veld, tekst: str) -> None:
    """Type into a field as a user does, replacing what was there."""
    if isinstance(veld, QComboBox) and veld.isEditable():
        veld.lineEdit().selectAll()
        qtbot.keyClicks(veld.lineEdit(), tekst)
        popup = veld.completer().popup()
        if popup is not None and popup.isVisible():  # the suggestions list: Escape closes it, the text stays as typed
            qtbot.keyClick(popup, Qt.Key.Key_Escape)
    elif isinstance(veld, QComboBox):
        veld.setFocus()
        qtbot.keyClicks(veld, tekst)  # keyboard search picks the item that starts with the text
    elif isinstance(veld, QPlainTextEdit):
        veld.selectAll()
        qtbot.keyClicks(veld, tekst)
    else:
        assert isinstance(veld, QLineEdit)
        veld.selectAll()
        if tekst.isascii():
            qtbot.keyClicks(veld, tekst)
        else:
            veld.insert(tekst)  # as pasted: QTest types ASCII only


def vul_in(qtbot, dialogen: list, **waarden):
    """An answer to vragen.voer_uit: fill the real dialog's fields by typing, then press its OK button.

    Appends to `dialogen` what the dialog showed after OK (the dialog itself is deleted once it is closed).
    """
    def antwoord(dialoog: QDialog) -> bool:
        assert isinstance(dialoog, EffectmetingDialoog)
        dialoog.show()
        qtbot.waitExposed(dialoog)
        for veld, tekst in waarden.items():
            typ(qtbot, getattr(dialoog, veld), tekst)
        qtbot.mouseClick(dialoog.knop_ok, Qt.MouseButton.LeftButton)
        focus = dialoog.focusWidget()
        dialogen.append({
            "titel": dialoog.windowTitle(), "open": dialoog.isVisible(), "algemeen": dialoog.foutmelding(),
            "meldingen": {veld: dialoog.foutmelding(veld) for veld in dialoog._foutlabels
                          if dialoog.foutmelding(veld)},
            "focus": focus.objectName() if focus else None,
        })
        if dialoog.isVisible():  # refused: the user reads the message and cancels
            dialoog.reject()
            return False
        return dialoog.result() == QDialog.DialogCode.Accepted
    return antwoord


def voeg_toe_via_dialoog(qtbot, monkeypatch, tab, **waarden) -> list:
    dialogen: list = []
    monkeypatch.setattr(vragen, "voer_uit", vul_in(qtbot, dialogen, **waarden))
    qtbot.mouseClick(tab.knop_toevoegen, Qt.MouseButton.LeftButton)
    return dialogen


def kolomtekst(model, kolom: int) -> list[str]:
    return [model.data(model.index(r, kolom)) for r in range(model.rowCount())]


# --- adding, the trend, editing, removing ---------------------------------------------------------------------------

def test_een_effectmeting_toevoegen_via_de_dialoog(qtbot, monkeypatch, tab, register):
    assert tab.aantal() == 0 and tab.geen_effectmeting.isVisible() and not tab.tabel.isVisible()
    assert tab.geen_effectmeting.text() == "Geen effectmeting vastgelegd."

    with qtbot.waitSignal(tab.gewijzigd, check_params_cb=lambda code: code == "TV-01"):
        [dialoog] = voeg_toe_via_dialoog(
            qtbot, monkeypatch, tab, indicator="Respons op pre-attendering", nulmeting="19% (2023)",
            waarde="7,4%", eenheid="% benaderden", streefwaarde="≥ 10%", periode="2025", methode="GEM",
            bewijskracht="Samenhang", effect_ervaring="Positief", bron="JV", vindplaats="par. 1.5.1",
            toelichting="Voorlopige cijfers & <schatting>")
    assert dialoog["titel"] == "Effectmeting toevoegen — TV-01" and not dialoog["open"]

    [rij] = in_db(register)
    assert (rij.indicator, rij.nulmeting, rij.waarde_tekst, rij.waarde, rij.eenheid, rij.streefwaarde) == (
        "Respons op pre-attendering", "19% (2023)", "7,4%", pytest.approx(7.4), "% benaderden", "≥ 10%")
    assert (rij.periode, rij.methode, rij.bewijskracht, rij.effect_ervaring, rij.bron, rij.vindplaats) == (
        "2025", "GEM", "samenhang", "positief", "JV-2025", "par. 1.5.1")
    assert rij.toelichting == "Voorlopige cijfers & <schatting>"
    with register.sessie() as s:
        assert [w.gebruiker for w in wijzigingslog(s, "maatregel", "TV-01") if w.veld == "effectmeting"] == [
            "tester"]

    assert tab.aantal() == 1 and tab.tabel.isVisible() and not tab.geen_effectmeting.isVisible()
    assert kolomtekst(tab.model, 0) == ["Respons op pre-attendering"]
    assert kolomtekst(tab.model, 2) == ["7,4%"]
    assert kolomtekst(tab.model, 7) == ["Samenhang"]
    assert tab.gekozen() == rij
    assert "Toelichting: Voorlopige cijfers & <schatting>" in tab.geheel.text()
    assert "Effect op ervaring: Positief" in tab.geheel.text()
    # One number for this indicator: no chart yet, and a note saying why.
    assert not tab.trendpaneel.isVisible() and tab.geen_trend.isVisible()
    assert not tab.grafiek.is_getekend()


def test_een_tweede_periode_toont_de_trend_in_periodevolgorde(qtbot, monkeypatch, tab, register):
    voeg_toe_via_dialoog(qtbot, monkeypatch, tab, indicator="Respons op pre-attendering", waarde="7,4%",
                         periode="2025", bewijskracht="Gemeten", streefwaarde="10%")
    # The earlier period is entered later: the chart orders by period, not by entry.
    with qtbot.waitSignal(tab.gewijzigd):
        voeg_toe_via_dialoog(qtbot, monkeypatch, tab, indicator="respons op pre-attendering ", waarde="19%",
                             periode="Q2 2023", bewijskracht="Gemeten")
    assert tab.aantal() == 2
    assert tab.gekozen().periode == "Q2 2023"  # the new one is chosen
    assert tab.trendpaneel.isVisible() and not tab.geen_trend.isVisible()
    ax = tab.grafiek.figuur.axes[0]
    assert list(ax.lines[0].get_ydata()) == [19.0, 7.4]
    tab.grafiek.figuur.canvas.draw()
    assert [t.get_text() for t in ax.get_xticklabels()] == ["Q2 2023", "2025"]
    assert ax.lines[1].get_linestyle() == "--"  # the target, 10%
    assert "Q2 2023: 19%" in tab.grafiek.accessibleDescription()

    # The other measurement of the same indicator shows the same trend; an indicator with one number shows none.
    tab.tabel.setCurrentIndex(tab.model.index(0, 0))
    assert tab.trendpaneel.isVisible()
    voeg_toe_via_dialoog(qtbot, monkeypatch, tab, indicator="Iets anders", waarde="3", bewijskracht="Onbekend")
    assert tab.gekozen().indicator == "Iets anders"
    assert not tab.trendpaneel.isVisible() and tab.geen_trend.isVisible()


def test_bewerken_met_enter_wijzigt_tabel_en_database(qtbot, monkeypatch, tab, register):
    voeg_toe_via_dialoog(qtbot, monkeypatch, tab, indicator="Respons", waarde="7,4%", periode="2025",
                         bewijskracht="Gemeten", methode="GEM")
    [oud] = in_db(register)
    dialogen: list = []
    monkeypatch.setattr(vragen, "voer_uit", vul_in(qtbot, dialogen, waarde="8,1%", periode="H2 2025",
                                                   bewijskracht="Perceptie"))
    tab.tabel.setFocus()
    with qtbot.waitSignal(tab.gewijzigd, check_params_cb=lambda code: code == "TV-01"):
        qtbot.keyClick(tab.tabel, Qt.Key.Key_Return)
    [dialoog] = dialogen
    assert dialoog["titel"] == "Effectmeting bewerken — TV-01"

    [nu] = in_db(register)
    assert nu.id == oud.id and nu.versie == oud.versie + 1
    assert (nu.waarde_tekst, nu.waarde, nu.periode, nu.bewijskracht) == ("8,1%", pytest.approx(8.1), "H2 2025",
                                                                           "perceptie")
    assert (nu.indicator, nu.methode) == ("Respons", "GEM")  # untouched fields keep their value
    assert kolomtekst(tab.model, 2) == ["8,1%"] and kolomtekst(tab.model, 5) == ["H2 2025"]
    assert kolomtekst(tab.model, 7) == ["Perceptie"]
    with register.sessie() as s:
        gelogd = {w.veld: (w.oud, w.nieuw) for w in wijzigingslog(s, "maatregel", "TV-01")}
    assert gelogd["effectmeting.waarde_tekst"] == ("7,4%", "8,1%")


def test_bewerken_zonder_wijziging_schrijft_niets(qtbot, monkeypatch, tab, register):
    voeg_toe_via_dialoog(qtbot, monkeypatch, tab, indicator="Respons", waarde="ruim 7%", bewijskracht="Gemeten")
    monkeypatch.setattr(vragen, "voer_uit", vul_in(qtbot, []))
    with qtbot.assertNotEmitted(tab.gewijzigd):
        tab.knop_bewerken.click()
    assert in_db(register)[0].versie == 1


def test_verwijderen_na_bevestiging_en_annuleren_laat_staan(qtbot, monkeypatch, tab, register):
    voeg_toe_via_dialoog(qtbot, monkeypatch, tab, indicator="Respons", waarde="7,4%", periode="2025",
                         bewijskracht="Gemeten")
    voeg_toe_via_dialoog(qtbot, monkeypatch, tab, indicator="Bereik", waarde="80%", bewijskracht="Perceptie")
    tab.tabel.setCurrentIndex(tab.model.index(0, 0))
    vragen_gesteld = []

    def nee(ouder, titel, tekst, **kw):
        vragen_gesteld.append(tekst)
        return False

    monkeypatch.setattr(vragen, "bevestig", nee)
    with qtbot.assertNotEmitted(tab.gewijzigd):
        tab.knop_verwijderen.click()
    assert "‘Respons’ (7,4%, 2025)" in vragen_gesteld[0] and "TV-01" in vragen_gesteld[0]
    assert len(in_db(register)) == 2 and tab.aantal() == 2

    monkeypatch.setattr(vragen, "bevestig", lambda *a, **kw: True)
    tab.tabel.setFocus()
    with qtbot.waitSignal(tab.gewijzigd, check_params_cb=lambda code: code == "TV-01"):
        qtbot.keyClick(tab.tabel, Qt.Key.Key_Delete)
    assert [r.indicator for r in in_db(register)] == ["Bereik"]
    assert kolomtekst(tab.model, 0) == ["Bereik"] and tab.gekozen().indicator == "Bereik"

    tab.knop_verwijderen.click()
    assert in_db(register) == [] and tab.aantal() == 0
    assert tab.geen_effectmeting.isVisible() and not tab.knop_verwijderen.isEnabled()
    with register.sessie() as s:
        weg = [w.oud for w in wijzigingslog(s, "maatregel", "TV-01") if w.veld == "effectmeting" and w.nieuw is None]
    assert len(weg) == 2 and any("Indicator: Respons" in w and "Waarde: 7,4%" in w for w in weg)


@pytest.mark.parametrize("waarden, veld, melding", [
    ({"waarde": "12%", "bewijskracht": "Gemeten"}, "indicator", "Indicator is verplicht."),
    ({"indicator": "Respons", "waarde": "12%"}, "bewijskracht", "Bewijskracht is verplicht."),
])
def test_een_onvolledige_dialoog_meldt_het_veld_en_schrijft_niets(qtbot, monkeypatch, tab, register, waarden, veld,
                                                                  melding):
    with qtbot.assertNotEmitted(tab.gewijzigd):
        [dialoog] = voeg_toe_via_dialoog(qtbot, monkeypatch, tab, **waarden)
    assert dialoog["open"]  # the dialog stays open: the user's input is not lost
    assert dialoog["meldingen"] == {veld: melding}  # beside the field ...
    assert dialoog["algemeen"] == ""  # ... not in general
    assert dialoog["focus"] == veld
    assert in_db(register) == [] and tab.aantal() == 0


def test_de_dialoog_laat_zien_hoe_waarde_en_periode_gelezen_worden(qtbot, register):
    dialoog = EffectmetingDialoog(register, "TV-01", lambda: "tester")
    qtbot.addWidget(dialoog)
    dialoog.show()
    typ(qtbot, dialoog.waarde, "€ 1.250,5 per jaar")
    assert dialoog.waarde_uitleg.text() == "Als getal: 1.250,5"
    typ(qtbot, dialoog.waarde, "nog niet gemeten")
    assert "Geen getal herkend" in dialoog.waarde_uitleg.text()
    typ(qtbot, dialoog.periode, "H2 2025")
    assert dialoog.periode_uitleg.text() == "Gelezen als 2e helft 2025 (01-07-2025 t/m 31-12-2025)"
    typ(qtbot, dialoog.periode, "2021-2024")
    assert "Geen herkende periode" in dialoog.periode_uitleg.text()
    # Every field has a label with a mnemonic whose buddy is the field.
    from PySide6.QtWidgets import QLabel

    buddies = {label.buddy(): label.text() for label in dialoog.findChildren(QLabel) if label.buddy()}
    for veld in ("indicator", "nulmeting", "waarde", "eenheid", "streefwaarde", "periode", "methode", "bewijskracht",
                 "effect_ervaring", "bron", "vindplaats", "toelichting"):
        assert "&" in buddies[getattr(dialoog, veld)]
    letters = [tekst[tekst.index("&") + 1].lower() for tekst in buddies.values()] + ["o"]  # o: Opslaan
    assert len(letters) == len(set(letters))


def test_een_conflict_laadt_de_nieuwste_versie_met_de_eigen_wijziging_erin(qtbot, monkeypatch, tab, register):
    voeg_toe_via_dialoog(qtbot, monkeypatch, tab, indicator="Respons", waarde="7,4%", bewijskracht="Gemeten")
    [rij] = in_db(register)
    meldingen, pogingen = [], []
    monkeypatch.setattr(vragen, "meld_fout", lambda ouder, titel, tekst: meldingen.append(tekst))

    def antwoord(dialoog):
        dialoog.show()
        typ(qtbot, dialoog.waarde, "8%")
        with register.werk() as s:  # a colleague saves first
            wijzig_effectmeting(s, rij.id, {"toelichting": "Bron gecorrigeerd"}, "collega", rij.versie)
        qtbot.mouseClick(dialoog.knop_ok, Qt.MouseButton.LeftButton)
        pogingen.append(dialoog.isVisible())
        assert dialoog.waarde.text() == "8%"  # the user's own edit stays
        assert dialoog.toelichting.toPlainText() == "Bron gecorrigeerd"  # the colleague's is loaded
        assert "nieuwste versie" in dialoog.foutmelding()
        qtbot.mouseClick(dialoog.knop_ok, Qt.MouseButton.LeftButton)
        return dialoog.result() == QDialog.DialogCode.Accepted

    monkeypatch.setattr(vragen, "voer_uit", antwoord)
    tab.knop_bewerken.click()
    assert pogingen == [True] and "intussen door iemand anders gewijzigd" in meldingen[0]
    [nu] = in_db(register)
    assert (nu.waarde_tekst, nu.toelichting, nu.versie) == ("8%", "Bron gecorrigeerd", 3)
    assert kolomtekst(tab.model, 2) == ["8%"]


def test_zonder_maatregel_is_de_tab_leeg_en_uitgeschakeld(tab):
    tab.toon(None)
    assert not tab.isEnabled() and tab.aantal() == 0 and not tab.geen_effectmeting.isVisible()
    tab.toon("TV-01")
    assert tab.isEnabled()
    tab.toon("XX-99")  # removed meanwhile: empty, nothing raised
    assert not tab.isEnabled() and tab.code is None


def test_de_tab_toont_metingen_die_het_detailpaneel_al_las(qtbot, register, tab):
    with register.werk() as s:
        a = voeg_effectmeting_toe(s, "IN-01", indicator="Betaald", waarde_tekst="10", periode="2023",
                                  bewijskracht="gemeten", gebruiker="t")
        b = voeg_effectmeting_toe(s, "IN-01", indicator="Betaald", waarde_tekst="12", periode="2024",
                                  bewijskracht="gemeten", gebruiker="t")
    tab.toon("IN-01", [a, b])
    assert tab.aantal() == 2 and tab.metingen() == [a, b]
    assert list(tab.grafiek.figuur.axes[0].lines[0].get_ydata()) == [10.0, 12.0]


# --- the register-wide page -----------------------------------------------------------------------------------------

@pytest.fixture
def pagina(qtbot, start_register):
    pagina = EffectmetingenPagina(start_register)
    qtbot.addWidget(pagina)
    pagina.resize(1300, 800)
    pagina.show()
    qtbot.waitExposed(pagina)
    return pagina


def actieve_metingen(register) -> list[EffectmetingRij]:
    """Computed here, apart from the page: the measurements of the measures that are not archived."""
    from registry.filters import zoek_ids

    with register.sessie() as s:
        actief = set(zoek_ids(s))
        return [r for mid, rijen in effectmetingen_van(s).items() if mid in actief for r in rijen]


def test_filters_via_de_echte_widgets_geven_precies_de_berekende_rijen(qtbot, pagina, start_register):
    alle = actieve_metingen(start_register)
    assert len(alle) > 50
    assert {r.id for r in pagina.getoond()} == {r.id for r in alle}
    assert pagina.aantal_label.text() == f"{len(alle)} van {len(alle)} effectmetingen"

    pagina.methode.setCurrentIndex(pagina.methode.findText("registratie"))
    verwacht = [r for r in alle if (r.methode or "").strip().casefold() == "registratie"]
    assert {r.id for r in pagina.getoond()} == {r.id for r in verwacht} and verwacht

    pagina.bewijskracht.setFocus()
    qtbot.keyClicks(pagina.bewijskracht, "Gemeten")
    assert pagina.bewijskracht.currentData() == "gemeten"
    verwacht = [r for r in verwacht if r.bewijskracht == "gemeten"]
    assert {r.id for r in pagina.getoond()} == {r.id for r in verwacht} and verwacht
    assert pagina.aantal_label.text() == f"{len(verwacht)} van {len(alle)} effectmetingen"

    pagina.methode.setCurrentIndex(0)  # Alle methoden
    qtbot.keyClicks(pagina.zoek, "ENQUETE")  # case and accents do not matter
    verwacht = [r for r in alle if r.bewijskracht == "gemeten" and "enquête" in " ".join(filter(None, (
        r.maatregel, r.indicator, r.nulmeting, r.waarde_tekst, r.eenheid, r.streefwaarde, r.periode, r.methode,
        r.bron, r.vindplaats, r.toelichting))).casefold()]
    assert {r.id for r in pagina.getoond()} == {r.id for r in verwacht}

    pagina.zoek.clear()
    pagina.bewijskracht.setCurrentIndex(0)
    assert len(pagina.getoond()) == len(alle)


def test_de_methodenlijst_heeft_elke_methode_een_keer(pagina, start_register):
    alle = actieve_metingen(start_register)
    getoond = [pagina.methode.itemText(i) for i in range(1, pagina.methode.count())]
    assert pagina.methode.itemText(0) == "Alle methoden"
    assert len(getoond) == len({m.casefold() for m in getoond})
    assert {m.casefold() for m in getoond} == {r.methode.strip().casefold() for r in alle if r.methode}
    assert getoond == sorted(getoond, key=str.casefold)


def test_de_lijst_zonder_effectmeting_volgt_het_signaal(pagina, start_register):
    with start_register.sessie() as s:
        signaal = next(x for x in signalen(s) if x.sleutel == "zonder_effectmeting")
    assert [c for c, _ in pagina.zonder()] == sorted(signaal.codes, key=natuurlijke_sleutel)
    assert pagina.zonder_kop.text() == f"Maatregelen z&onder effectmeting ({signaal.aantal})"


def test_enter_of_dubbelklik_opent_de_maatregel(qtbot, pagina):
    pagina.tabel.setFocus()
    pagina.tabel.setCurrentIndex(pagina.model.index(3, 1))
    verwacht = pagina.model.rij(3).maatregel
    with qtbot.waitSignal(pagina.maatregelGekozen, check_params_cb=lambda code: code == verwacht):
        qtbot.keyClick(pagina.tabel, Qt.Key.Key_Return)

    code = pagina.zonder()[2][0]
    rect = pagina.zonder_tabel.visualRect(pagina.zonder_model.index(2, 0))
    with qtbot.waitSignal(pagina.maatregelGekozen, check_params_cb=lambda c: c == code):
        qtbot.mouseClick(pagina.zonder_tabel.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(pagina.zonder_tabel.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_verversen_houdt_filters_en_keuze_en_ziet_nieuwe_metingen(qtbot, pagina, start_register):
    pagina.bewijskracht.setCurrentIndex(pagina.bewijskracht.findData("perceptie"))
    pagina.tabel.setCurrentIndex(pagina.model.index(2, 0))
    gekozen = pagina.model.rij(2)
    zonder_code = pagina.zonder()[0][0]
    voor = len(pagina.getoond())
    with start_register.werk() as s:
        voeg_effectmeting_toe(s, zonder_code, indicator="Nieuw", bewijskracht="perceptie", methode="Nieuwe methode",
                              gebruiker="t")
    pagina.ververs()
    assert pagina.bewijskracht.currentData() == "perceptie"
    assert len(pagina.getoond()) == voor + 1
    assert pagina.model.rij_van(pagina.tabel.currentIndex()).id == gekozen.id
    assert zonder_code not in [c for c, _ in pagina.zonder()]
    assert pagina.methode.findText("Nieuwe methode") > 0


def test_sorteren_op_waarde_en_maatregel(qtbot, pagina):
    pagina.tabel.sortByColumn(2, Qt.SortOrder.AscendingOrder)
    getallen = [r.waarde for r in pagina.getoond() if r.waarde is not None]
    assert getallen == sorted(getallen)
    pagina.tabel.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    codes = [r.maatregel for r in pagina.getoond()]
    assert codes == sorted(codes, key=natuurlijke_sleutel, reverse=True)


# --- the models, and matplotlib off the start-up path ---------------------------------------------------------------

def test_de_modellen_zijn_geldige_qt_modellen(qtmodeltester, start_register):
    with start_register.sessie() as s:
        rijen = alle_effectmetingen(s)
        from registry.effectmeting import maatregelen_zonder_effectmeting
        zonder = maatregelen_zonder_effectmeting(s)
    for model, inhoud in ((EffectmetingenModel(), rijen[:6]), (AlleEffectmetingenModel(), rijen),
                          (ZonderEffectmetingModel(), zonder)):
        model.zet_rijen(inhoud)
        qtmodeltester.check(model)
        model.sort(1, Qt.SortOrder.DescendingOrder)
        qtmodeltester.check(model)
        model.zet_rijen([])
        qtmodeltester.check(model)


def test_matplotlib_laadt_pas_bij_een_trend(tmp_path):
    script = f"""
import sys
from PySide6.QtWidgets import QApplication
app = QApplication([])
import ui.effectmetingen
from ui.effectmetingen import EffectmetingenPagina, EffectmetingenTab
assert "matplotlib" not in sys.modules, "import"
from db.openen import open_register
from registry.effectmeting import voeg_effectmeting_toe
from registry.maatregel import maak_maatregel
reg = open_register(pad={str(tmp_path / 'r.db')!r}, leeg=True)
with reg.werk() as s:
    maak_maatregel(s, {{"domein": "TV", "naam": "Een"}}, "t")
    maak_maatregel(s, {{"domein": "TV", "naam": "Twee"}}, "t")
    voeg_effectmeting_toe(s, "TV-01", indicator="Respons", waarde_tekst="12%", periode="2024",
                          bewijskracht="gemeten", gebruiker="t")
    voeg_effectmeting_toe(s, "TV-01", indicator="Bereik", waarde_tekst="80%", periode="2025",
                          bewijskracht="gemeten", gebruiker="t")
tab = EffectmetingenTab(reg, lambda: "t")
tab.toon("TV-01")
tab.show()
pagina = EffectmetingenPagina(reg)
pagina.show()
app.processEvents()
assert tab.aantal() == 2 and not tab.trendpaneel.isVisible()
assert "matplotlib" not in sys.modules, "tab zonder trend"
with reg.werk() as s:
    voeg_effectmeting_toe(s, "TV-01", indicator="Respons", waarde_tekst="14%", periode="2025",
                          bewijskracht="gemeten", gebruiker="t")
tab.toon("TV-01")
assert tab.trendpaneel.isVisible()
assert "matplotlib" in sys.modules, "trend"
print("ok")
"""
    uitkomst = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert uitkomst.returncode == 0, uitkomst.stderr
    assert uitkomst.stdout.strip() == "ok"
