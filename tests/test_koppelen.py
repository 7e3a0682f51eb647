"""Linking measures and recommendations both ways: the search dialog, the Aanbevelingen view and the measure's tab.

Each link is written at once, appears on both sides, and never blocks or discards edits in progress (links are not
part of a recommendation's or a measure's version)."""

from datetime import date

import pytest
from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtGui import Qt as QtGuiQt
from PySide6.QtWidgets import QDialog

from registry.aanbeveling import aanbevelingen, haal_aanbeveling, maak_aanbeveling
from registry.maatregel import archiveer, haal_maatregel, maak_maatregel
from ui import vragen
from ui.aanbevelingenpagina import AanbevelingenPagina
from ui.detailpaneel import DetailPaneel
from ui.koppeldialoog import KoppelDialoog

KEUZES = [("TV-01", "Vooraf informeren"), ("TV-02", "Één overzicht"), ("IN-01", "Betalingsregeling"),
          ("IN-02", "Maatwerk bij schulden")]


@pytest.fixture
def dialoog(qtbot):
    d = KoppelDialoog("Maatregelen koppelen", "Kies maatregelen.", KEUZES, {"TV-01"})
    qtbot.addWidget(d)
    d.show()
    qtbot.waitExposed(d)
    return d


def zichtbaar(d: KoppelDialoog) -> list[str]:
    return d.zichtbare_codes()


def rij(d: KoppelDialoog, code: str) -> QModelIndex:
    """The row showing `code` in the dialog's list."""
    index = d.index_van(code)
    assert index.isValid(), code
    return index


def kies(d: KoppelDialoog, code: str) -> None:
    """Select `code` as a Ctrl+click does (adding to what is chosen)."""
    d.lijst.selectionModel().select(rij(d, code), QItemSelectionModel.SelectionFlag.Select)


def getoond(d: KoppelDialoog) -> dict[str, str]:
    """What the list shows: code -> the text of its row."""
    m = d.lijst.model()
    return {m.index(r, 0).data(d.CODE_ROL): m.index(r, 0).data() for r in range(m.rowCount())}


def zoals_getoond(tooltip: str) -> str:
    """The text a tooltip shows: Qt renders it as rich text when it looks like markup."""
    if not QtGuiQt.mightBeRichText(tooltip):
        return tooltip
    document = QTextDocument()
    document.setHtml(tooltip)
    return document.toPlainText()


# --- the dialog -----------------------------------------------------------------------------------------------------

def test_de_keuzelijst_is_een_geldig_model(dialoog, qtmodeltester):
    qtmodeltester.check(dialoog.model)
    dialoog.zoekveld.setText("in-0")
    qtmodeltester.check(dialoog.model)


def test_zoeken_filtert_op_code_en_omschrijving_zonder_hoofdletters_en_accenten(qtbot, dialoog):
    assert zichtbaar(dialoog) == ["TV-01", "TV-02", "IN-01", "IN-02"]
    qtbot.keyClicks(dialoog.zoekveld, "EEN")
    assert zichtbaar(dialoog) == ["TV-02"]
    dialoog.zoekveld.clear()
    qtbot.keyClicks(dialoog.zoekveld, "in-0")
    assert zichtbaar(dialoog) == ["IN-01", "IN-02"]
    dialoog.zoekveld.clear()
    qtbot.keyClicks(dialoog.zoekveld, "schulden maatwerk")
    assert zichtbaar(dialoog) == ["IN-02"]


def test_al_gekoppelde_keuzes_zijn_gemarkeerd_en_niet_te_kiezen(qtbot, dialoog):
    gekoppeld = rij(dialoog, "TV-01")
    assert "al gekoppeld" in gekoppeld.data()
    assert not gekoppeld.flags() & Qt.ItemFlag.ItemIsEnabled
    assert not gekoppeld.flags() & Qt.ItemFlag.ItemIsSelectable
    assert rij(dialoog, "TV-02").flags() & Qt.ItemFlag.ItemIsSelectable
    qtbot.keyClicks(dialoog.zoekveld, "TV-01")
    qtbot.keyClick(dialoog.zoekveld, Qt.Key.Key_Return)  # the only match is already linked: nothing is chosen
    assert dialoog.result() != QDialog.DialogCode.Accepted and dialoog.isVisible()
    assert not dialoog.knop_ok.isEnabled()


def test_enter_in_het_zoekveld_kiest_de_enige_treffer(qtbot, dialoog):
    qtbot.keyClicks(dialoog.zoekveld, "betalings")
    qtbot.keyClick(dialoog.zoekveld, Qt.Key.Key_Return)
    assert dialoog.result() == QDialog.DialogCode.Accepted
    assert dialoog.gekozen == ["IN-01"]


def test_meer_kiezen_met_het_toetsenbord_en_wat_verborgen_is_telt_niet(qtbot, dialoog):
    qtbot.keyClicks(dialoog.zoekveld, "in-")
    qtbot.keyClick(dialoog.zoekveld, Qt.Key.Key_Down)  # into the list, on the first match
    assert dialoog.lijst.hasFocus() or dialoog.focusWidget() is dialoog.lijst
    qtbot.keyClick(dialoog.lijst, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    assert dialoog.telling.text().startswith("2 gekozen")
    dialoog.zoekveld.clear()
    qtbot.keyClicks(dialoog.zoekveld, "maatwerk")  # IN-01 drops out of sight, so out of the choice
    assert dialoog.telling.text().startswith("1 gekozen")
    qtbot.mouseClick(dialoog.knop_ok, Qt.MouseButton.LeftButton)
    assert dialoog.result() == QDialog.DialogCode.Accepted
    assert dialoog.gekozen == ["IN-02"]


def test_typen_na_veel_kiezen_houdt_wat_zichtbaar_blijft_gekozen(qtbot):
    keuzes = [(f"TV-{i:03d}", f"Maatregel {i}") for i in range(1, 301)]
    d = KoppelDialoog("Maatregelen koppelen", "Kies maatregelen.", keuzes, {"TV-015"})
    qtbot.addWidget(d)
    d.show()
    d.lijst.setFocus()
    qtbot.keyClick(d.lijst, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)  # choose everything in sight
    assert d.telling.text() == "299 gekozen · 300 van 300 getoond"  # the linked one is not chosen

    qtbot.keyClicks(d.zoekveld, "tv-01")
    assert d.zichtbare_codes() == [f"TV-{i:03d}" for i in range(10, 20)]
    assert d.telling.text() == "9 gekozen · 10 van 300 getoond"
    d.zoekveld.clear()  # what went out of sight came back unchosen: the user links what they saw chosen
    assert d.telling.text() == "9 gekozen · 300 van 300 getoond"
    qtbot.mouseClick(d.knop_ok, Qt.MouseButton.LeftButton)
    assert d.gekozen == [f"TV-{i:03d}" for i in range(10, 20) if i != 15]


def test_omschrijvingen_met_opmaaktekens_staan_er_zoals_getypt(qtbot):
    omschrijving = "Gebruik <b>nooit</b> & meer"
    d = KoppelDialoog("Aanbevelingen koppelen", "Kies.", [("EV-01", omschrijving)], set())
    qtbot.addWidget(d)
    index = rij(d, "EV-01")
    assert index.data() == f"EV-01 — {omschrijving}"
    assert zoals_getoond(index.data(Qt.ItemDataRole.ToolTipRole)) == f"EV-01 — {omschrijving}"


def test_annuleren_kiest_niets(qtbot, dialoog):
    kies(dialoog, "TV-02")
    qtbot.mouseClick(dialoog.knop_annuleren, Qt.MouseButton.LeftButton)
    assert dialoog.result() == QDialog.DialogCode.Rejected
    assert dialoog.gekozen == []


# --- helpers for the two sides --------------------------------------------------------------------------------------

@pytest.fixture
def gevuld(register):
    """Two measures and two recommendations; EV-05 is linked to the first measure."""
    with register.werk() as s:
        tv = maak_maatregel(s, {"domein": "TV", "naam": "Vooraf informeren"}, "anna")
        maak_maatregel(s, {"domein": "IN", "naam": "Betalingsregeling op maat"}, "anna")
        maak_aanbeveling(s, "EV-05", "Eén overzicht", "anna", datum=date(2024, 11, 1), maatregelen=[tv.code])
        maak_aanbeveling(s, "EV-07", "Afwijzingen motiveren", "anna", datum=date(2024, 11, 1))
    return register


def beantwoord_koppeldialoog(qtbot, monkeypatch, zoek: str, gezien: dict | None = None):
    """Answer the next KoppelDialoog as a user: type `zoek`, press Enter (which takes the single match).

    `gezien` receives what the dialog offered: code -> the text shown.
    """
    def voer_uit(d):
        assert isinstance(d, KoppelDialoog)
        d.show()
        qtbot.waitExposed(d)
        if gezien is not None:
            gezien.update(getoond(d))
        qtbot.keyClicks(d.zoekveld, zoek)
        qtbot.keyClick(d.zoekveld, Qt.Key.Key_Return)
        return d.result() == QDialog.DialogCode.Accepted
    monkeypatch.setattr(vragen, "voer_uit", voer_uit)


def links_van(register, code):
    with register.sessie() as s:
        return haal_aanbeveling(s, code).maatregelen


def aanbevelingen_van(register, maatregel):
    with register.sessie() as s:
        return [a.code for a in aanbevelingen(s, maatregel_ids={haal_maatregel(s, maatregel).id})]


def maak_pagina(qtbot, register):
    pagina = AanbevelingenPagina(register, lambda: "tester")
    qtbot.addWidget(pagina)
    pagina.resize(1300, 800)
    pagina.show()
    qtbot.waitExposed(pagina)
    return pagina


def maak_paneel(qtbot, register):
    paneel = DetailPaneel(register, lambda: "tester")
    qtbot.addWidget(paneel, before_close_func=lambda w: w.herstel())
    paneel.resize(900, 700)
    paneel.show()
    qtbot.waitExposed(paneel)
    return paneel


def gelinkte_regels(pagina) -> list[str]:
    return [pagina.links.item(i).text() for i in range(pagina.links.count())]


# --- from the recommendation ----------------------------------------------------------------------------------------

def test_maatregel_koppelen_vanuit_de_aanbeveling(qtbot, monkeypatch, gevuld):
    pagina = maak_pagina(qtbot, gevuld)
    pagina.selecteer("EV-05")
    gezien = {}
    beantwoord_koppeldialoog(qtbot, monkeypatch, "betalingsregeling", gezien)
    with qtbot.waitSignal(pagina.gewijzigd, check_params_cb=lambda codes: codes == ("IN-01",)):
        qtbot.mouseClick(pagina.knop_koppelen, Qt.MouseButton.LeftButton)

    # The dialog offered the active measures with their names, the linked one marked.
    assert gezien == {"TV-01": "TV-01 — Vooraf informeren (al gekoppeld)", "IN-01": "IN-01 — Betalingsregeling op maat"}
    assert links_van(gevuld, "EV-05") == ("IN-01", "TV-01")
    assert pagina.gekoppelde_codes() == ["IN-01", "TV-01"]
    assert any("IN-01 — Betalingsregeling op maat" in regel for regel in gelinkte_regels(pagina))
    assert "tester: maatregel IN-01 gekoppeld" in pagina.historie.item(0).text()
    assert pagina.model.rij(pagina.model.rij_van("EV-05")).maatregelen == ("IN-01", "TV-01")


def test_maatregel_ontkoppelen_vanuit_de_aanbeveling_na_bevestiging(qtbot, monkeypatch, gevuld):
    pagina = maak_pagina(qtbot, gevuld)
    pagina.selecteer("EV-05")
    pagina.links.setCurrentRow(0)
    vragen_gesteld = []
    monkeypatch.setattr(vragen, "bevestig", lambda ouder, titel, tekst, **kw: vragen_gesteld.append(tekst) or False)
    qtbot.mouseClick(pagina.knop_ontkoppelen, Qt.MouseButton.LeftButton)
    assert "TV-01" in vragen_gesteld[0] and "EV-05" in vragen_gesteld[0]
    assert links_van(gevuld, "EV-05") == ("TV-01",)  # cancelled: nothing changed

    monkeypatch.setattr(vragen, "bevestig", lambda *a, **kw: True)
    with qtbot.waitSignal(pagina.gewijzigd, check_params_cb=lambda codes: codes == ("TV-01",)):
        qtbot.mouseClick(pagina.knop_ontkoppelen, Qt.MouseButton.LeftButton)
    assert links_van(gevuld, "EV-05") == ()
    assert pagina.gekoppelde_codes() == []
    assert gelinkte_regels(pagina) == ["(geen maatregel gekoppeld)"]
    assert not pagina.knop_ontkoppelen.isEnabled() and not pagina.knop_openen.isEnabled()
    assert "tester: maatregel TV-01 ontkoppeld" in pagina.historie.item(0).text()


def test_openen_geeft_de_maatregel_door_met_knop_en_enter(qtbot, gevuld):
    pagina = maak_pagina(qtbot, gevuld)
    pagina.selecteer("EV-05")
    pagina.links.setCurrentRow(0)
    with qtbot.waitSignal(pagina.maatregelGekozen, check_params_cb=lambda code: code == "TV-01"):
        qtbot.mouseClick(pagina.knop_openen, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(pagina.maatregelGekozen, check_params_cb=lambda code: code == "TV-01"):
        qtbot.keyClick(pagina.links, Qt.Key.Key_Return)


def test_koppelen_laat_een_onvoltooid_besluit_staan_en_dat_slaagt_daarna(qtbot, monkeypatch, gevuld):
    pagina = maak_pagina(qtbot, gevuld)
    pagina.selecteer("EV-07")
    pagina.opvolging.setCurrentIndex(pagina.opvolging.findData("afgewezen"))
    qtbot.keyClicks(pagina.motivatie, "Niet haalbaar.")
    beantwoord_koppeldialoog(qtbot, monkeypatch, "TV-01")
    qtbot.mouseClick(pagina.knop_koppelen, Qt.MouseButton.LeftButton)

    assert links_van(gevuld, "EV-07") == ("TV-01",)
    assert pagina.is_gewijzigd()
    assert pagina.motivatie.toPlainText() == "Niet haalbaar."
    assert pagina.besluit_vastleggen()  # no conflict: the link did not raise the version
    with gevuld.sessie() as s:
        a = haal_aanbeveling(s, "EV-07")
    assert (a.opvolging, a.motivatie, a.maatregelen) == ("afgewezen", "Niet haalbaar.", ("TV-01",))


# --- from the measure -----------------------------------------------------------------------------------------------

def test_aanbeveling_koppelen_en_ontkoppelen_vanuit_de_maatregel(qtbot, monkeypatch, gevuld):
    paneel = maak_paneel(qtbot, gevuld)
    paneel.toon("IN-01")
    paneel.tabs.setCurrentWidget(paneel.tab_aanbevelingen)
    assert paneel.geen_aanbeveling.isVisible() and paneel.knop_aanbeveling_koppelen.isVisible()
    assert not paneel.knop_aanbeveling_ontkoppelen.isEnabled()
    assert "&" in paneel.knop_aanbeveling_koppelen.text() and "&" in paneel.knop_aanbeveling_ontkoppelen.text()

    beantwoord_koppeldialoog(qtbot, monkeypatch, "afwijzingen")
    with qtbot.waitSignal(paneel.aanbevelingenGewijzigd, check_params_cb=lambda code: code == "IN-01"):
        qtbot.mouseClick(paneel.knop_aanbeveling_koppelen, Qt.MouseButton.LeftButton)
    assert aanbevelingen_van(gevuld, "IN-01") == ["EV-07"]
    model = paneel.aanbevelingen_model
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == ["EV-07"]
    assert paneel.aanbevelingen_tabel.isVisible() and not paneel.geen_aanbeveling.isVisible()
    assert "(1)" in paneel.tabs.tabText(paneel.tabs.currentIndex())

    monkeypatch.setattr(vragen, "bevestig", lambda *a, **kw: True)
    paneel.aanbevelingen_tabel.setCurrentIndex(model.index(0, 0))
    with qtbot.waitSignal(paneel.aanbevelingenGewijzigd, check_params_cb=lambda code: code == "IN-01"):
        qtbot.mouseClick(paneel.knop_aanbeveling_ontkoppelen, Qt.MouseButton.LeftButton)
    assert aanbevelingen_van(gevuld, "IN-01") == []
    assert model.rowCount() == 0 and paneel.geen_aanbeveling.isVisible()


def test_koppelen_vanuit_de_maatregel_bewaart_en_blokkeert_geen_open_wijzigingen(qtbot, monkeypatch, gevuld):
    paneel = maak_paneel(qtbot, gevuld)
    paneel.toon("IN-01")
    paneel.naam.selectAll()
    qtbot.keyClicks(paneel.naam, "Betalingsregeling voor iedereen")
    assert paneel.is_gewijzigd()
    paneel.tabs.setCurrentWidget(paneel.tab_aanbevelingen)
    beantwoord_koppeldialoog(qtbot, monkeypatch, "EV-05")
    qtbot.mouseClick(paneel.knop_aanbeveling_koppelen, Qt.MouseButton.LeftButton)

    assert aanbevelingen_van(gevuld, "IN-01") == ["EV-05"]
    assert paneel.is_gewijzigd() and paneel.naam.text() == "Betalingsregeling voor iedereen"
    assert paneel.opslaan()  # the link did not raise the measure's version: no conflict
    with gevuld.sessie() as s:
        assert haal_maatregel(s, "IN-01").naam == "Betalingsregeling voor iedereen"


def test_pagina_toont_een_koppeling_van_de_andere_kant_na_verversen(qtbot, monkeypatch, gevuld):
    pagina = maak_pagina(qtbot, gevuld)
    pagina.selecteer("EV-07")
    assert pagina.gekoppelde_codes() == []
    paneel = maak_paneel(qtbot, gevuld)
    paneel.toon("TV-01")
    beantwoord_koppeldialoog(qtbot, monkeypatch, "EV-07")
    qtbot.mouseClick(paneel.knop_aanbeveling_koppelen, Qt.MouseButton.LeftButton)

    pagina.ververs()
    assert pagina.huidige_code() == "EV-07"
    assert pagina.gekoppelde_codes() == ["TV-01"]
    assert "tester: maatregel TV-01 gekoppeld" in pagina.historie.item(0).text()
    pagina.zonder_vakje.setChecked(True)  # EV-07 now has a measure
    assert "EV-07" not in [pagina.model.rij(r).code for r in range(pagina.model.rowCount())]


def test_maatregel_toont_een_koppeling_van_de_pagina_na_ververs_aanbevelingen(qtbot, monkeypatch, gevuld):
    paneel = maak_paneel(qtbot, gevuld)
    paneel.toon("IN-01")
    paneel.naam.selectAll()
    qtbot.keyClicks(paneel.naam, "Nog niet opgeslagen")
    pagina = maak_pagina(qtbot, gevuld)
    pagina.selecteer("EV-07")
    beantwoord_koppeldialoog(qtbot, monkeypatch, "IN-01")
    with qtbot.waitSignal(pagina.gewijzigd, check_params_cb=lambda codes: codes == ("IN-01",)):
        qtbot.mouseClick(pagina.knop_koppelen, Qt.MouseButton.LeftButton)

    paneel.ververs_aanbevelingen()  # what the window does when the page reports IN-01's links changed
    model = paneel.aanbevelingen_model
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == ["EV-07"]
    assert paneel.naam.text() == "Nog niet opgeslagen" and paneel.is_gewijzigd()


# --- archived measures ----------------------------------------------------------------------------------------------

def test_gearchiveerde_maatregel_kan_vanaf_de_maatregel_niet_gekoppeld_worden_wel_ontkoppeld(qtbot, monkeypatch,
                                                                                            gevuld):
    with gevuld.werk() as s:
        archiveer(s, "TV-01", "anna", haal_maatregel(s, "TV-01").versie)
    paneel = maak_paneel(qtbot, gevuld)
    paneel.toon("TV-01")
    paneel.tabs.setCurrentWidget(paneel.tab_aanbevelingen)
    assert not paneel.knop_aanbeveling_koppelen.isEnabled()
    assert "gearchiveerd" in paneel.knop_aanbeveling_koppelen.toolTip()

    monkeypatch.setattr(vragen, "bevestig", lambda *a, **kw: True)
    paneel.aanbevelingen_tabel.setCurrentIndex(paneel.aanbevelingen_model.index(0, 0))
    qtbot.mouseClick(paneel.knop_aanbeveling_ontkoppelen, Qt.MouseButton.LeftButton)
    assert links_van(gevuld, "EV-05") == ()


def test_maatregel_die_intussen_is_gearchiveerd_wordt_geweigerd_met_de_melding_van_het_register(
        qtbot, monkeypatch, gevuld):
    pagina = maak_pagina(qtbot, gevuld)
    pagina.selecteer("EV-07")

    def kies_en_archiveer(d):  # a colleague archives the measure while the dialog is open
        kies(d, "IN-01")
        with gevuld.werk() as s:
            archiveer(s, "IN-01", "collega", haal_maatregel(s, "IN-01").versie)
        d.knop_ok.click()
        return d.result() == QDialog.DialogCode.Accepted
    meldingen = []
    monkeypatch.setattr(vragen, "voer_uit", kies_en_archiveer)
    monkeypatch.setattr(vragen, "meld_fout", lambda ouder, titel, tekst: meldingen.append(tekst))
    qtbot.mouseClick(pagina.knop_koppelen, Qt.MouseButton.LeftButton)

    assert meldingen == ["Maatregel IN-01 is gearchiveerd; zet hem eerst terug om hem te koppelen."]
    assert links_van(gevuld, "EV-07") == ()
    assert pagina.gekoppelde_codes() == []


# --- user text as typed ---------------------------------------------------------------------------------------------

def test_titels_en_namen_met_opmaaktekens_staan_in_tooltips_zoals_getypt(qtbot, register):
    titel, naam = "Gebruik <b>nooit</b> & meer", "Meld <i>alles</i> & snel"
    with register.werk() as s:
        m = maak_maatregel(s, {"domein": "TV", "naam": naam}, "anna")
        maak_aanbeveling(s, "EV-01", titel, "anna", maatregelen=[m.code])
    pagina = maak_pagina(qtbot, register)
    pagina.selecteer("EV-01")
    assert zoals_getoond(pagina.links.item(0).toolTip()).endswith(naam)
    paneel = maak_paneel(qtbot, register)
    paneel.toon(m.code)
    model = paneel.aanbevelingen_model
    assert zoals_getoond(model.index(0, 1).data(Qt.ItemDataRole.ToolTipRole)) == titel
