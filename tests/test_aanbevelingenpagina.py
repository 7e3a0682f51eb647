"""The Aanbevelingen view: a user filters the recommendations, decides on one (and is refused `afgewezen` without a
motivation), sees who decided and the history, and never loses an unsaved decision by choosing another row."""

from datetime import date

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtGui import Qt as QtGuiQt
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

from registry.aanbeveling import aanbevelingen, beslis_opvolging, haal_aanbeveling, maak_aanbeveling
from registry.bron import maak_bron
from registry.maatregel import maak_maatregel
from registry.signalen import Drempels, signalen
from registry.tekst import natuurlijke_sleutel, normaliseer
from registry.vocabulaire import OPVOLGING, OPVOLGINGSKLEUR
from registry.wijzigingslog import wijzigingslog
from ui import vragen
from ui.aanbevelingenpagina import MENULETTERS, AanbevelingenPagina, AanbevelingenTabelModel

VANDAAG = date.today().strftime("%d-%m-%Y")


def maak_pagina(qtbot, register, **opties):
    pagina = AanbevelingenPagina(register, lambda: "tester", **opties)
    qtbot.addWidget(pagina)
    pagina.resize(1300, 800)
    pagina.show()
    qtbot.waitExposed(pagina)
    return pagina


@pytest.fixture
def pagina(qtbot, start_register):
    return maak_pagina(qtbot, start_register)


@pytest.fixture
def eigen_register(register):
    """A register built here: one source, two measures, three recommendations."""
    with register.werk() as s:
        maak_bron(s, "EVAL-2024", "Evaluatie Toeslagen", soort="evaluatie")
        tv = maak_maatregel(s, {"domein": "TV", "naam": "Vooraf informeren"}, "anna")
        maak_maatregel(s, {"domein": "IN", "naam": "Betalingsregeling"}, "anna")
        maak_aanbeveling(s, "EV-05", "Zorg voor één <overzicht> & \"status\"", "anna", bron="EVAL-2024",
                         vindplaats="p. 12", nummer="5", thema="BU", datum=date(2024, 11, 1), deadline="Q2 2025",
                         tekst="Breng alle maatregelen in één register.", maatregelen=[tv.code])
        maak_aanbeveling(s, "EV-07", "Leg afwijzingen vast", "anna", bron="EVAL-2024", datum=date(2024, 11, 1))
        maak_aanbeveling(s, "EV-10", "Kies expliciet", "anna", opvolging="overgenomen")
    return register


def lees(register, code):
    with register.sessie() as s:
        return haal_aanbeveling(s, code)


def alle(register):
    with register.sessie() as s:
        return aanbevelingen(s)


def log(register, code):
    with register.sessie() as s:
        return wijzigingslog(s, "aanbeveling", code)


def getoond(pagina) -> list[str]:
    m = pagina.model
    return [m.index(r, AanbevelingenTabelModel.CODE).data() for r in range(m.rowCount())]


def klik_op(qtbot, pagina, code: str) -> None:
    """A mouse click on the recommendation's row, as a user chooses it."""
    index = pagina.model.index(pagina.model.rij_van(code), AanbevelingenTabelModel.CODE)
    pagina.tabel.scrollTo(index)
    qtbot.mouseClick(pagina.tabel.viewport(), Qt.MouseButton.LeftButton, pos=pagina.tabel.visualRect(index).center())


def kies_opvolging(pagina, code: str) -> None:
    pagina.opvolging.setCurrentIndex(pagina.opvolging.findData(code))


def zoals_getoond(tooltip: str) -> str:
    """The text a tooltip shows: Qt renders it as rich text when it looks like markup."""
    if not QtGuiQt.mightBeRichText(tooltip):
        return tooltip
    document = QTextDocument()
    document.setHtml(tooltip)
    return document.toPlainText()


def geselecteerd(pagina) -> tuple[str | None, str | None, list[str]]:
    """(recommendation in the detail pane, the table's current row, the table's selected rows)."""
    m, tabel = pagina.model, pagina.tabel
    huidig = m.rij(tabel.currentIndex().row()).code if tabel.currentIndex().isValid() else None
    return pagina.huidige_code(), huidig, [m.rij(i.row()).code for i in tabel.selectionModel().selectedRows()]


def sneltoets(tekst: str) -> str | None:
    """The Alt+letter of a label or button text ("B&ron:" -> "r"), None without one."""
    i = tekst.replace("&&", "").find("&")
    return tekst.replace("&&", "")[i + 1].lower() if i >= 0 else None


def eerste_open(register, **voorwaarden):
    return next(a for a in alle(register) if a.opvolging == "open"
                and all(getattr(a, k) == v for k, v in voorwaarden.items()))


# --- showing --------------------------------------------------------------------------------------------------------

def test_toont_alle_aanbevelingen_in_natuurlijke_codevolgorde(pagina, start_register, qtmodeltester):
    rijen = alle(start_register)
    assert getoond(pagina) == sorted((a.code for a in rijen), key=natuurlijke_sleutel)
    assert pagina.telling.text() == f"{len(rijen)} van {len(rijen)} aanbevelingen"
    qtmodeltester.check(pagina.model)


def test_detail_toont_tekst_bron_datum_deadline_en_besluit(qtbot, eigen_register):
    pagina = maak_pagina(qtbot, eigen_register)
    assert pagina.selecteer("EV-05")
    assert pagina.huidige_code() == "EV-05"
    assert pagina.titel.text() == "EV-05 — Zorg voor één <overzicht> & \"status\""  # as typed, no markup
    assert pagina.tekst.toPlainText() == "Breng alle maatregelen in één register."
    assert pagina.tekst.isReadOnly()
    assert pagina.gegevens["bron"].text() == "EVAL-2024 — Evaluatie Toeslagen"
    assert pagina.gegevens["vindplaats"].text() == "p. 12"
    assert pagina.gegevens["nummer"].text() == "5"
    assert pagina.gegevens["datum"].text() == "01-11-2024"
    assert "2e kwartaal 2025" in pagina.gegevens["deadline"].text()
    assert pagina.gegevens["thema"].text().startswith("BU — ")
    assert pagina.opvolging.currentData() == "open"
    assert pagina.besloten.text() == "Nog geen besluit vastgelegd."
    assert [pagina.links.item(i).text() for i in range(pagina.links.count())] == ["✗ TV-01 — Vooraf informeren"]
    assert not pagina.knop_besluit.isEnabled()


def test_opvolging_heeft_in_de_tabel_dezelfde_kleur_als_op_het_dashboard(pagina):
    model = pagina.model
    kleuren = {}
    for r in range(model.rowCount()):
        index = model.index(r, AanbevelingenTabelModel.OPVOLGING_)
        kleuren.setdefault(model.rij(r).opvolging, index.data(Qt.ItemDataRole.ForegroundRole).name())
    assert set(kleuren) == set(OPVOLGING.codes)
    assert kleuren == OPVOLGINGSKLEUR  # one palette: the same opvolging reads as the same hue everywhere


def test_tooltips_tonen_titels_met_opmaaktekens_zoals_getypt(qtbot, eigen_register):
    pagina = maak_pagina(qtbot, eigen_register)
    index = pagina.model.index(pagina.model.rij_van("EV-05"), AanbevelingenTabelModel.TITEL)
    assert zoals_getoond(index.data(Qt.ItemDataRole.ToolTipRole)) == "Zorg voor één <overzicht> & \"status\""


def test_bronfilter_toont_een_brontitel_met_opmaaktekens_zoals_getypt(qtbot, register):
    with register.werk() as s:
        maak_bron(s, "B-1", "Rapport <i>Toeslagen</i> & meer")
        maak_aanbeveling(s, "A-1", "Titel", "anna", bron="B-1")
    pagina = maak_pagina(qtbot, register)
    i = pagina.bron_keuze.findData("B-1")
    assert pagina.bron_keuze.itemText(i) == "B-1 — Rapport <i>Toeslagen</i> & meer"
    assert zoals_getoond(pagina.bron_keuze.itemData(i, Qt.ItemDataRole.ToolTipRole)) == pagina.bron_keuze.itemText(i)


def test_zeer_lange_titel_en_motivatie_worden_ingekort_de_tekst_blijft_heel(qtbot, register):
    lang = ("Een zin met woorden & <b>vet</b> " * 4000)[:100_000]
    with register.werk() as s:
        maak_aanbeveling(s, "A-1", lang, "anna", tekst=lang, opvolging="afgewezen", motivatie=lang)
    pagina = maak_pagina(qtbot, register)
    assert pagina.selecteer("A-1")
    assert pagina.titel.text().startswith("A-1 — Een zin met woorden") and pagina.titel.text().endswith("…")
    assert len(pagina.titel.text()) <= 300
    assert zoals_getoond(pagina.titel.toolTip()).startswith(lang[:1000])  # the start of the title, as typed
    assert pagina.tekst.toPlainText() == lang  # the text box keeps the whole text
    assert pagina.motivatie.toPlainText() == lang  # and so does the motivation being edited
    regel = pagina.historie.item(0).text()
    assert "Motivatie: Een zin met woorden" in regel and regel.endswith("…") and len(regel) < 1100
    assert zoals_getoond(pagina.historie.item(0).toolTip()).startswith(lang[:1000])
    cel = pagina.model.index(0, AanbevelingenTabelModel.TITEL).data()
    assert len(cel) <= 300 and cel.endswith("…")


def test_besloten_door_zonder_datum_noemt_geen_lege_datum(qtbot, register):
    with register.werk() as s:
        maak_aanbeveling(s, "A-1", "Titel", "anna", opvolging="overgenomen", besloten_door="Ministerie van Financiën")
    pagina = maak_pagina(qtbot, register)
    assert pagina.selecteer("A-1")
    assert pagina.besloten.text() == "Besloten door Ministerie van Financiën"


def test_tellingen_spreken_van_een_aanbeveling_in_het_enkelvoud(qtbot, register):
    with register.werk() as s:
        maak_aanbeveling(s, "A-1", "Titel", "anna")
    pagina = maak_pagina(qtbot, register)
    assert pagina.telling.text() == "1 van 1 aanbeveling"
    pagina.toon_signaal("Aanbeveling zonder maatregel", ["A-1"])
    assert pagina.signaallabel.text() == "Signaal: Aanbeveling zonder maatregel — 1 aanbeveling"
    with register.werk() as s:
        maak_aanbeveling(s, "A-2", "Titel", "anna")
    pagina.ververs()
    pagina.toon_signaal("Aanbeveling zonder maatregel", ["A-1", "A-2"])
    assert pagina.signaallabel.text() == "Signaal: Aanbeveling zonder maatregel — 2 aanbevelingen"
    assert pagina.telling.text() == "2 van 2 aanbevelingen"


def test_afgewezen_en_open_zijn_in_de_tabel_te_onderscheiden(pagina, start_register):
    model = pagina.model
    labels = {model.index(r, AanbevelingenTabelModel.OPVOLGING_).data() for r in range(model.rowCount())}
    assert {"Open", "Afgewezen"} <= labels
    kleur = {}
    for r in range(model.rowCount()):
        index = model.index(r, AanbevelingenTabelModel.OPVOLGING_)
        if index.data() in ("Open", "Afgewezen"):
            kleur[index.data()] = index.data(Qt.ItemDataRole.ForegroundRole).name()
    assert kleur["Open"] != kleur["Afgewezen"]


# --- deciding -------------------------------------------------------------------------------------------------------

def test_overgenomen_vastleggen_via_keuzelijst_en_knop(qtbot, eigen_register):
    pagina = maak_pagina(qtbot, eigen_register)
    klik_op(qtbot, pagina, "EV-07")
    assert pagina.huidige_code() == "EV-07"
    kies_opvolging(pagina, "overgenomen")
    assert pagina.knop_besluit.isEnabled() and pagina.gewijzigd_label.isVisible()
    with qtbot.waitSignal(pagina.gewijzigd, check_params_cb=lambda codes: codes == ()):
        qtbot.mouseClick(pagina.knop_besluit, Qt.MouseButton.LeftButton)

    terug = lees(eigen_register, "EV-07")
    assert (terug.opvolging, terug.besloten_door, terug.besloten_op) == ("overgenomen", "tester", date.today())
    assert pagina.besloten.text() == f"Besloten door tester op {VANDAAG}"
    assert "tester: Open → Overgenomen" in pagina.historie.item(0).text()
    rij = pagina.model.rij_van("EV-07")
    assert pagina.model.index(rij, AanbevelingenTabelModel.OPVOLGING_).data() == "Overgenomen"
    assert not pagina.knop_besluit.isEnabled() and not pagina.gewijzigd_label.isVisible()


def test_besluit_meldt_de_gekoppelde_maatregelen_zodat_hun_tab_meegaat(qtbot, eigen_register):
    pagina = maak_pagina(qtbot, eigen_register)
    pagina.selecteer("EV-05")  # linked to TV-01
    kies_opvolging(pagina, "opgevolgd")
    with qtbot.waitSignal(pagina.gewijzigd, check_params_cb=lambda codes: codes == ("TV-01",)):
        qtbot.mouseClick(pagina.knop_besluit, Qt.MouseButton.LeftButton)


def test_besluit_op_de_pagina_staat_daarna_op_de_aanbevelingentab_van_de_maatregel(qtbot, maak_venster, start_register):
    v = maak_venster(start_register)
    assert v.selecteer("IN-15")
    tab = v.detail.aanbevelingen_model
    code = tab.rij(0).code
    nieuw = "opgevolgd" if tab.rij(0).opvolging != "opgevolgd" else "overgenomen"
    v.detail.aanbevelingen_tabel.activated.emit(tab.index(0, 0))  # Enter on the row: to the recommendation
    pagina = v.aanbevelingen.pagina
    assert pagina.huidige_code() == code
    kies_opvolging(pagina, nieuw)
    qtbot.keyClicks(pagina.motivatie, "Uitgevoerd.")
    qtbot.mouseClick(pagina.knop_besluit, Qt.MouseButton.LeftButton)
    v.actie_terug.trigger()  # Alt+Left: back to the measure

    assert v.detail.code() == "IN-15"
    rijen = [tab.rij(r) for r in range(tab.rowCount())]
    assert next(r.opvolging for r in rijen if r.code == code) == nieuw
    rij = next(r for r, a in enumerate(rijen) if a.code == code)
    assert tab.index(rij, 3).data() == OPVOLGING.label(nieuw)


def test_afgewezen_zonder_motivatie_wordt_geweigerd_en_er_verandert_niets(qtbot, eigen_register, monkeypatch):
    pagina = maak_pagina(qtbot, eigen_register)
    pagina.selecteer("EV-07")
    voor, log_voor = lees(eigen_register, "EV-07"), log(eigen_register, "EV-07")
    kies_opvolging(pagina, "afgewezen")
    pagina.motivatie.setFocus()
    qtbot.keyClicks(pagina.motivatie, "   ")  # blanks are no motivation
    qtbot.mouseClick(pagina.knop_besluit, Qt.MouseButton.LeftButton)

    assert pagina.motivatie_melding.isVisible()
    assert "motivatie" in pagina.motivatie_melding.text()
    assert "color: #b3261e" in pagina.motivatie_melding.styleSheet()
    assert pagina.motivatie.accessibleDescription() == pagina.motivatie_melding.text()
    assert lees(eigen_register, "EV-07") == voor
    assert log(eigen_register, "EV-07") == log_voor
    assert pagina.opvolging.currentData() == "afgewezen"  # the user's choice stays to be completed

    qtbot.keyClicks(pagina.motivatie, "Past niet binnen de IV-capaciteit.")
    assert not pagina.motivatie_melding.isVisible()  # typing clears the refusal
    qtbot.mouseClick(pagina.knop_besluit, Qt.MouseButton.LeftButton)
    terug = lees(eigen_register, "EV-07")
    assert terug.opvolging == "afgewezen"
    assert terug.motivatie == "   Past niet binnen de IV-capaciteit."
    assert "Motivatie:    Past niet binnen de IV-capaciteit." in pagina.historie.item(0).text()


def test_een_weggehaalde_motivatie_staat_in_de_historie(qtbot, eigen_register):
    pagina = maak_pagina(qtbot, eigen_register)
    pagina.selecteer("EV-07")
    kies_opvolging(pagina, "afgewezen")
    pagina.motivatie.setPlainText("Past niet binnen de IV-capaciteit.")
    assert pagina.besluit_vastleggen()
    kies_opvolging(pagina, "opgevolgd")
    pagina.motivatie.clear()
    assert pagina.besluit_vastleggen()
    assert lees(eigen_register, "EV-07").motivatie is None
    assert "Afgewezen → Opgevolgd" in pagina.historie.item(0).text()
    assert "Motivatie weggehaald" in pagina.historie.item(0).text()
    assert "Motivatie: Past niet binnen de IV-capaciteit." in pagina.historie.item(1).text()


def test_ctrl_enter_legt_het_besluit_vast(qtbot, eigen_register):
    pagina = maak_pagina(qtbot, eigen_register)
    pagina.selecteer("EV-07")
    kies_opvolging(pagina, "deels_opgevolgd")
    with qtbot.waitActive(pagina):  # a shortcut needs the focus in an active window, as on a desktop
        pagina.activateWindow()
    pagina.motivatie.setFocus()
    qtbot.keyClicks(pagina.motivatie, "Eerste stap gezet.")
    qtbot.keyClick(pagina.motivatie, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    terug = lees(eigen_register, "EV-07")
    assert (terug.opvolging, terug.motivatie) == ("deels_opgevolgd", "Eerste stap gezet.")


def test_besluit_van_een_collega_intussen_geeft_een_melding_en_laadt_opnieuw(qtbot, eigen_register, monkeypatch):
    pagina = maak_pagina(qtbot, eigen_register)
    pagina.selecteer("EV-07")
    with eigen_register.werk() as s:
        beslis_opvolging(s, "EV-07", "opgevolgd", None, "collega", lees(eigen_register, "EV-07").versie)
    meldingen = []
    monkeypatch.setattr(vragen, "meld_fout", lambda ouder, titel, tekst: meldingen.append(tekst))
    kies_opvolging(pagina, "afgewezen")
    qtbot.keyClicks(pagina.motivatie, "Niet uitvoerbaar.")
    qtbot.mouseClick(pagina.knop_besluit, Qt.MouseButton.LeftButton)

    assert len(meldingen) == 1 and "collega" in meldingen[0]
    assert lees(eigen_register, "EV-07").opvolging == "opgevolgd"  # the colleague's decision is not overwritten
    assert pagina.besloten.text() == f"Besloten door collega op {VANDAAG}"
    assert "collega: Open → Opgevolgd" in pagina.historie.item(0).text()
    # The user's own choice is still there, now resting on the newest version: a second press records it.
    assert pagina.opvolging.currentData() == "afgewezen"
    assert pagina.motivatie.toPlainText() == "Niet uitvoerbaar."
    qtbot.mouseClick(pagina.knop_besluit, Qt.MouseButton.LeftButton)
    assert lees(eigen_register, "EV-07").opvolging == "afgewezen"


# --- unsaved decisions ----------------------------------------------------------------------------------------------

def test_annuleren_houdt_het_onvoltooide_besluit_en_de_keuze_vast(qtbot, eigen_register, monkeypatch):
    pagina = maak_pagina(qtbot, eigen_register)
    pagina.selecteer("EV-05")
    kies_opvolging(pagina, "afgewezen")
    qtbot.keyClicks(pagina.motivatie, "Half geschreven")
    gevraagd = []
    monkeypatch.setattr(vragen, "vraag_opslaan", lambda ouder, tekst: gevraagd.append(tekst) or vragen.ANNULEREN)

    klik_op(qtbot, pagina, "EV-07")

    assert len(gevraagd) == 1 and "EV-05" in gevraagd[0]
    assert pagina.huidige_code() == "EV-05"
    rij = pagina.model.rij_van("EV-05")
    qtbot.waitUntil(lambda: [i.row() for i in pagina.tabel.selectionModel().selectedRows()] == [rij])
    assert pagina.tabel.currentIndex().row() == rij
    assert pagina.opvolging.currentData() == "afgewezen"
    assert pagina.motivatie.toPlainText() == "Half geschreven"
    assert lees(eigen_register, "EV-05").opvolging == "open"


def test_niet_opslaan_verwerpt_en_opslaan_legt_vast_voor_het_wisselen(qtbot, eigen_register, monkeypatch):
    pagina = maak_pagina(qtbot, eigen_register)
    pagina.selecteer("EV-05")
    kies_opvolging(pagina, "opgevolgd")
    monkeypatch.setattr(vragen, "vraag_opslaan", lambda ouder, tekst: vragen.VERWERPEN)
    klik_op(qtbot, pagina, "EV-07")
    assert pagina.huidige_code() == "EV-07"
    assert lees(eigen_register, "EV-05").opvolging == "open"

    kies_opvolging(pagina, "overgenomen")
    monkeypatch.setattr(vragen, "vraag_opslaan", lambda ouder, tekst: vragen.OPSLAAN)
    klik_op(qtbot, pagina, "EV-10")
    assert pagina.huidige_code() == "EV-10"
    assert lees(eigen_register, "EV-07").opvolging == "overgenomen"


@pytest.mark.parametrize("manier", ["pijltje", "klik"])
def test_vastleggen_bij_het_wisselen_laat_tabel_en_detail_dezelfde_aanbeveling_tonen(qtbot, eigen_register,
                                                                                     monkeypatch, manier):
    pagina = maak_pagina(qtbot, eigen_register)
    pagina.selecteer("EV-05")
    kies_opvolging(pagina, "opgevolgd")
    monkeypatch.setattr(vragen, "vraag_opslaan", lambda ouder, tekst: vragen.OPSLAAN)
    if manier == "pijltje":
        pagina.tabel.setFocus()
        qtbot.keyClick(pagina.tabel, Qt.Key.Key_Down)
    else:
        klik_op(qtbot, pagina, "EV-07")

    assert lees(eigen_register, "EV-05").opvolging == "opgevolgd"
    qtbot.waitUntil(lambda: geselecteerd(pagina) == ("EV-07", "EV-07", ["EV-07"]))
    qtbot.keyClick(pagina.tabel, Qt.Key.Key_Down)  # and the next arrow goes on from there
    assert geselecteerd(pagina) == ("EV-10", "EV-10", ["EV-10"])


def test_selecteer_vraagt_eerst_en_bij_annuleren_blijven_filters_en_besluit_staan(qtbot, eigen_register,
                                                                                    monkeypatch):
    pagina = maak_pagina(qtbot, eigen_register)
    pagina.bron_keuze.setCurrentIndex(pagina.bron_keuze.findData("EVAL-2024"))
    qtbot.keyClicks(pagina.zoekveld, "afwijzingen")
    pagina.selecteer("EV-07")
    kies_opvolging(pagina, "overgenomen")
    monkeypatch.setattr(vragen, "vraag_opslaan", lambda ouder, tekst: vragen.ANNULEREN)

    assert not pagina.selecteer("EV-10")  # hidden by the filters: they would have to go
    assert pagina.bron_keuze.currentData() == "EVAL-2024" and pagina.zoekveld.text() == "afwijzingen"
    assert getoond(pagina) == ["EV-07"]
    assert pagina.huidige_code() == "EV-07" and pagina.opvolging.currentData() == "overgenomen"

    monkeypatch.setattr(vragen, "vraag_opslaan", lambda ouder, tekst: vragen.VERWERPEN)
    assert pagina.selecteer("EV-10")
    assert pagina.bron_keuze.currentData() is None and pagina.zoekveld.text() == ""
    assert lees(eigen_register, "EV-07").opvolging == "open"


def test_mag_verlaten_vraagt_alleen_bij_een_onvoltooid_besluit(qtbot, eigen_register, monkeypatch):
    pagina = maak_pagina(qtbot, eigen_register)
    pagina.selecteer("EV-07")
    assert pagina.mag_verlaten()  # nothing asked: the autouse fixture fails any question
    qtbot.keyClicks(pagina.motivatie, "x")
    monkeypatch.setattr(vragen, "vraag_opslaan", lambda ouder, tekst: vragen.ANNULEREN)
    assert not pagina.mag_verlaten()


# --- filters --------------------------------------------------------------------------------------------------------

def test_filters_via_de_echte_widgets_tonen_precies_wat_de_test_berekent(qtbot, pagina, start_register):
    rijen = alle(start_register)
    codes = lambda voorwaarde: [a.code for a in rijen if voorwaarde(a)]  # noqa: E731

    pagina.bron_keuze.setCurrentIndex(pagina.bron_keuze.findData("KB-2025-07"))
    verwacht = codes(lambda a: a.bron == "KB-2025-07")
    assert getoond(pagina) == verwacht and verwacht
    assert pagina.telling.text() == f"{len(verwacht)} van {len(rijen)} aanbevelingen"

    pagina.opvolging_keuze.setCurrentIndex(pagina.opvolging_keuze.findData("opgevolgd"))
    assert getoond(pagina) == codes(lambda a: a.bron == "KB-2025-07" and a.opvolging == "opgevolgd")
    qtbot.mouseClick(pagina.knop_wis, Qt.MouseButton.LeftButton)
    assert len(getoond(pagina)) == len(rijen)

    pagina.thema_keuze.setCurrentIndex(pagina.thema_keuze.findData("DC"))
    assert getoond(pagina) == codes(lambda a: a.thema == "DC")
    qtbot.mouseClick(pagina.knop_wis, Qt.MouseButton.LeftButton)

    pagina.zonder_vakje.setFocus()
    qtbot.keyClick(pagina.zonder_vakje, Qt.Key.Key_Space)
    assert getoond(pagina) == codes(lambda a: not a.maatregelen)
    qtbot.keyClick(pagina.zonder_vakje, Qt.Key.Key_Space)

    qtbot.keyClicks(pagina.zoekveld, "BETALINGSREGELING")
    verwacht = codes(lambda a: "betalingsregeling" in normaliseer(" ".join(
        filter(None, (a.code, a.titel, a.tekst, a.nummer)))))
    assert getoond(pagina) == verwacht and verwacht
    pagina.zoekveld.clear()
    qtbot.keyClicks(pagina.zoekveld, "differentieren")  # "Differentiëren": accents ignored
    assert getoond(pagina) == codes(lambda a: "differentieren" in normaliseer(a.titel + (a.tekst or "")))
    assert getoond(pagina)
    qtbot.mouseClick(pagina.knop_wis, Qt.MouseButton.LeftButton)
    assert pagina.zoekveld.text() == "" and len(getoond(pagina)) == len(rijen)


@pytest.mark.parametrize("maanden", [6, 12, 20])
def test_langer_open_dan_toont_dezelfde_aanbevelingen_als_het_signaal(qtbot, pagina, start_register, maanden):
    with start_register.sessie() as s:
        signaal = next(x for x in signalen(s, Drempels(aanbeveling_open=maanden))
                       if x.sleutel == "aanbeveling_lang_open")
    pagina.open_maanden.selectAll()
    qtbot.keyClicks(pagina.open_maanden, str(maanden))
    pagina.open_vakje.setFocus()
    qtbot.keyClick(pagina.open_vakje, Qt.Key.Key_Space)
    assert getoond(pagina) == list(signaal.codes)


def test_filters_samen(qtbot, pagina, start_register):
    rijen = alle(start_register)
    pagina.bron_keuze.setCurrentIndex(pagina.bron_keuze.findData("BURGERREIS-2026"))
    pagina.thema_keuze.setCurrentIndex(pagina.thema_keuze.findData("IN"))
    qtbot.keyClick(pagina.zonder_vakje, Qt.Key.Key_Space)
    verwacht = [a.code for a in rijen if a.bron == "BURGERREIS-2026" and a.thema == "IN" and not a.maatregelen]
    assert getoond(pagina) == verwacht and verwacht


def test_sorteren_door_op_de_kop_te_klikken_houdt_de_keuze_vast(qtbot, pagina, start_register, qtmodeltester):
    pagina.selecteer("KB-13")
    kop = pagina.tabel.horizontalHeader()
    x = kop.sectionViewportPosition(AanbevelingenTabelModel.DATUM) + kop.sectionSize(AanbevelingenTabelModel.DATUM) // 2
    qtbot.mouseClick(kop.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, kop.height() // 2))
    datums = [pagina.model.rij(r).datum for r in range(pagina.model.rowCount())]
    bekend = [d for d in datums if d is not None]
    assert bekend == sorted(bekend) and datums[:len(bekend)] == bekend  # unknown dates last
    assert getoond(pagina)[pagina.tabel.currentIndex().row()] == "KB-13"
    qtbot.mouseClick(kop.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, kop.height() // 2))
    datums = [pagina.model.rij(r).datum for r in range(pagina.model.rowCount()) if pagina.model.rij(r).datum]
    assert datums == sorted(datums, reverse=True)
    pagina.tabel.sortByColumn(AanbevelingenTabelModel.OPVOLGING_, Qt.SortOrder.AscendingOrder)
    volgorde = [OPVOLGING.codes.index(pagina.model.rij(r).opvolging) for r in range(pagina.model.rowCount())]
    assert volgorde == sorted(volgorde)
    pagina.tabel.sortByColumn(AanbevelingenTabelModel.CODE, Qt.SortOrder.AscendingOrder)
    assert getoond(pagina) == sorted(getoond(pagina), key=natuurlijke_sleutel)
    assert pagina.huidige_code() == "KB-13"
    qtmodeltester.check(pagina.model)


@pytest.mark.parametrize("kolom", [AanbevelingenTabelModel.BRON, AanbevelingenTabelModel.DATUM])
def test_lege_cellen_staan_achteraan_ook_bij_aflopend_sorteren(qtbot, eigen_register, kolom):
    pagina = maak_pagina(qtbot, eigen_register)
    pagina.tabel.sortByColumn(kolom, Qt.SortOrder.AscendingOrder)
    assert getoond(pagina) == ["EV-05", "EV-07", "EV-10"]  # EV-10 has no source and no date
    pagina.tabel.sortByColumn(kolom, Qt.SortOrder.DescendingOrder)
    assert getoond(pagina)[-1] == "EV-10"


def test_signaal_toont_alleen_zijn_aanbevelingen_tot_het_is_opgeheven(qtbot, pagina, start_register):
    with start_register.sessie() as s:
        signaal = next(x for x in signalen(s) if x.sleutel == "aanbeveling_zonder_maatregel")
    assert signaal.codes
    pagina.opvolging_keuze.setCurrentIndex(pagina.opvolging_keuze.findData("afgewezen"))
    pagina.toon_signaal(signaal.titel, signaal.codes)

    assert getoond(pagina) == list(signaal.codes)
    assert pagina.opvolging_keuze.currentData() is None  # other filters cleared
    assert pagina.signaalbalk.isVisible() and signaal.titel in pagina.signaallabel.text()
    pagina.opvolging_keuze.setCurrentIndex(pagina.opvolging_keuze.findData("open"))  # narrows within the signal
    assert getoond(pagina) == [c for c in signaal.codes if lees(start_register, c).opvolging == "open"]

    qtbot.mouseClick(pagina.knop_signaal_opheffen, Qt.MouseButton.LeftButton)
    assert not pagina.signaalbalk.isVisible()
    assert getoond(pagina) == [a.code for a in alle(start_register) if a.opvolging == "open"]


def test_selecteer_wist_filters_die_de_aanbeveling_verbergen(pagina, start_register):
    open_code = eerste_open(start_register).code
    pagina.opvolging_keuze.setCurrentIndex(pagina.opvolging_keuze.findData("afgewezen"))
    assert open_code not in getoond(pagina)
    assert pagina.selecteer(open_code)
    assert pagina.huidige_code() == open_code and open_code in getoond(pagina)
    assert pagina.opvolging_keuze.currentData() is None
    assert not pagina.selecteer("BESTAAT-NIET")
    assert pagina.huidige_code() == open_code


def test_ververs_houdt_filter_en_keuze_en_toont_nieuwe_gegevens(qtbot, pagina, start_register):
    code = eerste_open(start_register, bron="BURGERREIS-2026").code
    pagina.bron_keuze.setCurrentIndex(pagina.bron_keuze.findData("BURGERREIS-2026"))
    pagina.selecteer(code)
    with start_register.werk() as s:
        beslis_opvolging(s, code, "overgenomen", None, "collega", haal_aanbeveling(s, code).versie)
    pagina.ververs()
    assert pagina.bron_keuze.currentData() == "BURGERREIS-2026"
    assert pagina.huidige_code() == code
    assert pagina.opvolging.currentData() == "overgenomen"
    assert pagina.besloten.text() == f"Besloten door collega op {VANDAAG}"


def test_drempel_uit_de_instellingen_geldt_voor_het_filter(qtbot, start_register):
    pagina = maak_pagina(qtbot, start_register, open_maanden=9)
    assert pagina.open_maanden.value() == 9
    pagina.zet_open_maanden(3)
    assert pagina.open_maanden.value() == 3
    assert pagina.filter().open_langer_dan is None  # only when the box is ticked
    qtbot.keyClick(pagina.open_vakje, Qt.Key.Key_Space)
    assert pagina.filter().open_langer_dan == 3


# --- keyboard -------------------------------------------------------------------------------------------------------

def test_elk_label_met_buddy_heeft_een_sneltoets_en_ze_zijn_uniek(pagina):
    labels = [label for label in pagina.findChildren(QLabel) if label.buddy()]
    assert len(labels) >= 8
    letters = []
    for label in labels:
        assert "&" in label.text(), label.text()
        letters.append(sneltoets(label.text()))
    # "Openen" has none: the page has more controls than free letters, and Enter in the list opens the measure.
    knoppen = [pagina.knop_wis, pagina.knop_signaal_opheffen, pagina.knop_besluit, pagina.knop_koppelen,
               pagina.knop_ontkoppelen, pagina.open_vakje, pagina.zonder_vakje]
    for knop in knoppen:
        assert "&" in knop.text(), knop.text()
        letters.append(sneltoets(knop.text()))
    assert sneltoets(pagina.knop_openen.text()) is None
    assert len(letters) == len(set(letters)), sorted(letters)
    assert not set(letters) & MENULETTERS, sorted(set(letters) & MENULETTERS)  # the menus keep theirs


def test_sneltoetsen_van_de_pagina_botsen_niet_met_het_menu_van_het_venster(qtbot, maak_venster, start_register):
    v = maak_venster(start_register)
    v.toon_pagina(v.AANBEVELINGEN)
    pagina = v.aanbevelingen.pagina
    pagina.toon_signaal("Aanbeveling zonder maatregel", ["KB-13"])  # its bar and button show too
    menu = [sneltoets(actie.text()) for actie in v.menuBar().actions()]
    assert set(menu) == MENULETTERS
    zichtbaar = [w for w in v.findChildren(QLabel) + v.findChildren(QAbstractButton)
                 if w.isVisible() and sneltoets(w.text())]
    letters = [sneltoets(w.text()) for w in zichtbaar]
    assert len(letters) >= 15
    assert len(menu + letters) == len(set(menu + letters)), sorted(w.text() for w in zichtbaar)

    with qtbot.waitActive(v):  # a shortcut needs an active window, as on a desktop
        v.activateWindow()
    pagina.tabel.setFocus()
    qtbot.keyClick(pagina.tabel, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)  # Alt+R: the source filter, at once
    assert pagina.bron_keuze.hasFocus()
    assert pagina.tabel.accessibleName() and pagina.links.accessibleName() and pagina.historie.accessibleName()


def test_tabvolgorde_filterbalk_dan_tabel_dan_detail(pagina, start_register):
    pagina.selecteer(eerste_open(start_register).code)
    volgorde: list[QWidget] = []
    w = pagina.bron_keuze
    for _ in range(300):
        if w.focusPolicy() & Qt.FocusPolicy.TabFocus and w.isVisibleTo(pagina):
            volgorde.append(w)
        w = w.nextInFocusChain()
        if w is pagina.bron_keuze:
            break
    verwacht = [pagina.bron_keuze, pagina.thema_keuze, pagina.opvolging_keuze, pagina.open_vakje,
                pagina.open_maanden, pagina.zonder_vakje, pagina.zoekveld, pagina.knop_wis, pagina.tabel,
                pagina.tekst, pagina.opvolging, pagina.motivatie, pagina.knop_besluit, pagina.links,
                pagina.knop_koppelen, pagina.historie]
    posities = [volgorde.index(v) for v in verwacht]
    assert posities == sorted(posities)
