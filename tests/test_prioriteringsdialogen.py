"""The prioritering's dialogs: a user records a decision, a hand-set rank, a scenario as a decision, a capacity slot;
each refuses OK with the register's message beside the field, and Esc cancels."""

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialog, QLabel, QWidget

from registry.planning import parse_periode
from registry.prioritering.model import Prioinvoer
from ui import vragen
from registry.fouten import ValidatieFout
from ui.prioriteringsdialogen import BesluitDialoog, CapaciteitDialoog, OpslaanDialoog, RangDialoog


def maatregel(**velden) -> Prioinvoer:
    standaard = dict(id=1, code="TV-03", naam="Vooraf waarschuwen", domein="TV", status="niet", fase=None,
                     gearchiveerd=False, iv_afhankelijk=True, iv_blokkade=False, iv_keten="Innen en Betalen",
                     keten_sleutel="innen en betalen", verwacht_effect="hoog", effect_basis="pilot", iv_weken=12.0,
                     iv_omvang=None, personeel_weken=None, afhankelijk_van=())
    return Prioinvoer(**{**standaard, **velden})


def toon(qtbot, dialoog: QDialog) -> QDialog:
    qtbot.addWidget(dialoog)
    dialoog.show()
    qtbot.waitExposed(dialoog)
    return dialoog


def typ(qtbot, veld, tekst: str) -> None:
    veld.selectAll()
    qtbot.keyClicks(veld, tekst)


def klik_ok(qtbot, dialoog) -> None:
    qtbot.mouseClick(dialoog.knop_ok, Qt.MouseButton.LeftButton)


def aanvaard(dialoog) -> bool:
    return dialoog.result() == QDialog.DialogCode.Accepted and not dialoog.isVisible()


def controleer_sneltoetsen(dialoog: QDialog) -> None:
    """Every labelled field has a mnemonic, a buddy and an accessible name; no mnemonic is used twice."""
    labels = [label for label in dialoog.findChildren(QLabel) if label.buddy() is not None]
    assert labels
    letters = []
    for label in labels:
        assert "&" in label.text(), label.text()
        letters.append(label.text()[label.text().index("&") + 1].lower())
        assert label.buddy().accessibleName(), label.text()
    for knop in dialoog.findChildren(QWidget):
        tekst = getattr(knop, "text", lambda: "")()
        if isinstance(tekst, str) and "&" in tekst and not isinstance(knop, QLabel):
            letters.append(tekst[tekst.index("&") + 1].lower())
    assert len(letters) == len(set(letters)), letters


# --- Besluit --------------------------------------------------------------------------------------------------------

def test_besluit_zonder_motivatie_wordt_bij_het_veld_geweigerd(qtbot):
    d = toon(qtbot, BesluitDialoog(maatregel(), "anna"))
    d.kies("nu")
    klik_ok(qtbot, d)
    assert d.isVisible()
    assert d.foutmelding("motivatie") == "Motivatie is verplicht."
    assert d.motivatie.accessibleDescription() == "Motivatie is verplicht."
    assert d.focusWidget() is d.motivatie

    typ(qtbot, d.motivatie, "   ")  # blanks are no motivation
    klik_ok(qtbot, d)
    assert d.isVisible() and d.foutmelding("motivatie")

    typ(qtbot, d.motivatie, "Hoog effect")
    assert d.foutmelding("motivatie") == ""  # typing clears the message
    klik_ok(qtbot, d)
    assert aanvaard(d)
    assert d.waarden() == ("nu", "Hoog effect", date.today())


def test_besluit_zonder_keuze_wordt_geweigerd(qtbot):
    d = toon(qtbot, BesluitDialoog(maatregel(), "anna"))
    typ(qtbot, d.motivatie, "Waarom")
    klik_ok(qtbot, d)
    assert d.isVisible() and d.foutmelding("prioriteit") == "Kies Nu, Later of Niet."
    assert not d.prioriteitknop[None].isEnabled()  # no decision yet: nothing to clear
    qtbot.mouseClick(d.prioriteitknop["later"], Qt.MouseButton.LeftButton)
    assert d.foutmelding("prioriteit") == ""
    klik_ok(qtbot, d)
    assert aanvaard(d) and d.waarden()[0] == "later"


def test_besluit_toont_de_maatregel_en_het_huidige_besluit_en_geen_besluit_wist_het(qtbot):
    m = maatregel(prioriteit="later", prioriteit_motivatie="Eerst TV-01", prioriteit_datum=date(2026, 11, 12),
                  prioriteit_door="jan")
    d = toon(qtbot, BesluitDialoog(m, "anna"))
    assert "TV-03 — Vooraf waarschuwen" in d.kop.text()
    assert "Huidig besluit: Later — Eerst TV-01 (12-11-2026, jan)" in d.kop.text()
    assert d.prioriteitknop["later"].isChecked()  # the current decision is the starting point
    assert "TV-03" in d.windowTitle()
    assert any(label.text() == "anna" for label in d.findChildren(QLabel))  # who records it is shown

    qtbot.mouseClick(d.prioriteitknop[None], Qt.MouseButton.LeftButton)
    typ(qtbot, d.motivatie, "Vervallen")
    d.datum.setDate(QDate(2026, 10, 1))
    klik_ok(qtbot, d)
    assert aanvaard(d)
    assert d.waarden() == (None, "Vervallen", date(2026, 10, 1))


def test_de_keuzes_zeggen_wat_ze_bij_het_inpassen_doen(qtbot):
    d = toon(qtbot, BesluitDialoog(maatregel(), "anna"))
    assert d.prioriteitknop["nu"].toolTip() == "Nu: gaat bij het inpassen vóór maatregelen zonder besluit"
    assert d.prioriteitknop["later"].toolTip() == "Later: komt bij het inpassen na alle andere"
    assert d.prioriteitknop["niet"].toolTip() == "Niet: doet niet mee"


def test_enter_in_de_motivatie_maakt_een_nieuwe_regel_en_esc_annuleert(qtbot):
    d = toon(qtbot, BesluitDialoog(maatregel(), "anna"))
    d.kies("niet")
    d.motivatie.setFocus()
    qtbot.keyClicks(d.motivatie, "Eerste regel")
    qtbot.keyClick(d.motivatie, Qt.Key.Key_Return)
    qtbot.keyClicks(d.motivatie, "tweede")
    assert d.isVisible()
    assert d.waarden()[1] == "Eerste regel\ntweede"

    qtbot.keyClick(d, Qt.Key.Key_Escape)
    assert d.result() == QDialog.DialogCode.Rejected and not d.isVisible()


def test_een_datum_in_de_toekomst_mag_maar_wordt_gemeld(qtbot):
    d = toon(qtbot, BesluitDialoog(maatregel(), "anna"))
    assert not d.datum_uitleg.isVisible()
    morgen = date.today() + timedelta(days=1)
    d.datum.setDate(QDate(morgen))
    assert d.datum_uitleg.isVisible() and "toekomst" in d.datum_uitleg.text()
    d.kies("nu")
    typ(qtbot, d.motivatie, "Vooruit vastgelegd")
    klik_ok(qtbot, d)
    assert aanvaard(d) and d.waarden()[2] == morgen


def test_besluit_via_vragen_zoals_de_pagina_het_opent(qtbot, monkeypatch):
    """The page opens it through vragen.voer_uit; a test answers by filling the fields."""
    def beantwoord(dialoog):
        dialoog.kies("nu")
        dialoog.motivatie.setPlainText("Antwoord")
        dialoog.accept()
        return dialoog.result() == QDialog.DialogCode.Accepted

    monkeypatch.setattr(vragen, "voer_uit", beantwoord)
    d = BesluitDialoog(maatregel(), "anna")
    qtbot.addWidget(d)
    assert vragen.voer_uit(d)
    assert d.waarden()[:2] == ("nu", "Antwoord")


# --- Rang -----------------------------------------------------------------------------------------------------------

def test_rang_begint_op_de_huidige_plaats_en_vraagt_een_motivatie(qtbot):
    d = toon(qtbot, RangDialoog(maatregel(), 7, 40))
    assert (d.rang.value(), d.rang.minimum(), d.rang.maximum()) == (7, 1, 40)
    assert "plaats 7 van 40" in d.kop.text()
    assert not d.volgens_score.isEnabled()  # nothing hand-set to clear
    typ(qtbot, d.rang, "2")
    klik_ok(qtbot, d)
    assert d.isVisible() and d.foutmelding("motivatie") == "Motivatie is verplicht."
    typ(qtbot, d.motivatie, "Toezegging aan de Kamer")
    klik_ok(qtbot, d)
    assert aanvaard(d)
    assert d.waarden() == (2, "Toezegging aan de Kamer")


def test_rang_volgens_score_wist_de_handmatige_rang_zonder_verplichte_motivatie(qtbot):
    m = maatregel(rang_handmatig=3, rang_motivatie="Kamerbrief", rang_datum=date(2026, 11, 12), rang_door="jan")
    d = toon(qtbot, RangDialoog(m, 3, 40))
    assert "Handmatig gezet op 3 — Kamerbrief (12-11-2026, jan)" in d.kop.text()
    qtbot.mouseClick(d.volgens_score, Qt.MouseButton.LeftButton)
    assert d.volgens_score.isChecked() and not d.rang.isEnabled()
    assert "verplicht" not in d.motivatie_label.text()
    klik_ok(qtbot, d)
    assert aanvaard(d)
    assert d.waarden() == (None, "")


def test_rang_voorbij_het_einde_begint_op_de_laatste_plaats(qtbot):
    d = toon(qtbot, RangDialoog(maatregel(rang_handmatig=99), 99, 5))
    assert d.rang.value() == 5
    qtbot.keyClick(d, Qt.Key.Key_Escape)
    assert d.result() == QDialog.DialogCode.Rejected


# --- Opslaan --------------------------------------------------------------------------------------------------------

def test_opslaan_toont_wat_verandert_en_wat_verschuift_en_vraagt_een_motivatie(qtbot):
    wijzigingen = ["Capaciteit Innen en Betalen 2027-H1: 40 → 60 weken"]
    gevolgen = ["Erin: TV-03 Vooraf waarschuwen (2027-H1)", "Eruit: IN-04 Regeling (2027-H1)"]
    d = toon(qtbot, OpslaanDialoog(wijzigingen, gevolgen, "anna"))
    assert d.wijzigingen.toPlainText() == wijzigingen[0] and d.wijzigingen.isReadOnly()
    assert d.gevolgen.toPlainText().splitlines() == gevolgen
    assert d.focusWidget() is d.motivatie
    klik_ok(qtbot, d)
    assert d.isVisible() and d.foutmelding("motivatie") == "Motivatie is verplicht."
    typ(qtbot, d.motivatie, "Extra capaciteit toegezegd")
    d.datum.setDate(QDate(2026, 11, 20))
    klik_ok(qtbot, d)
    assert aanvaard(d)
    assert d.waarden() == ("Extra capaciteit toegezegd", date(2026, 11, 20))


def test_opslaan_zonder_gevolgen_zegt_dat_niets_verschuift_en_esc_annuleert(qtbot):
    d = toon(qtbot, OpslaanDialoog(["TV-03 IV-weken: 12 → 8"], [], "anna"))
    assert "Geen maatregel schuift" in d.gevolgen.toPlainText()
    qtbot.keyClick(d.motivatie, Qt.Key.Key_Escape)
    assert d.result() == QDialog.DialogCode.Rejected and not d.isVisible()


# --- Capaciteit -----------------------------------------------------------------------------------------------------

def test_capaciteit_toont_de_periode_in_woorden_terwijl_je_typt(qtbot):
    d = toon(qtbot, CapaciteitDialoog(["Innen en Betalen"]))
    assert not d.periode_uitleg.isVisible()
    qtbot.keyClicks(d.periode, "2027-H")
    assert d.periode_uitleg.isVisible() and "Nog geen herkende periode" in d.periode_uitleg.text()
    qtbot.keyClicks(d.periode, "1")
    assert d.periode_uitleg.text() == "Gelezen als 1e helft 2027 (01-01-2027 t/m 30-06-2027)"
    typ(qtbot, d.periode, "Q3 2027")
    assert "3e kwartaal 2027" in d.periode_uitleg.text()


def test_capaciteit_geeft_keten_periode_en_weken_met_decimale_komma(qtbot):
    d = toon(qtbot, CapaciteitDialoog(["Toeslagen Verstrekken", "Innen en Betalen", "Innen en Betalen", ""]))
    assert [d.keten.itemText(i) for i in range(d.keten.count())] == ["Innen en Betalen", "Toeslagen Verstrekken"]
    d.keten.setEditText(" Innen en Betalen ")  # typing would open the completer's popup
    qtbot.keyClicks(d.periode, "2027-H1")
    qtbot.keyClicks(d.weken, "12,5")
    klik_ok(qtbot, d)
    assert aanvaard(d)
    assert d.waarden() == ("Innen en Betalen", parse_periode("2027-H1"), 12.5)


@pytest.mark.parametrize("keten, periode, weken, veld", [
    ("", "2027-H1", "40", "keten"),
    ("Innen en Betalen", "ooit", "40", "periode"),
    ("Innen en Betalen", "onbekend", "40", "periode"),
    ("Innen en Betalen", "", "40", "periode"),
    ("Innen en Betalen", "2027-H1", "veertig", "weken"),
    ("Innen en Betalen", "2027-H1", "-1", "weken"),
    ("Innen en Betalen", "2027-H1", "", "weken"),
])
def test_capaciteit_met_ongeldige_invoer_wordt_bij_het_veld_geweigerd(qtbot, keten, periode, weken, veld):
    d = toon(qtbot, CapaciteitDialoog(["Innen en Betalen"]))
    d.keten.setEditText(keten)
    d.periode.setText(periode)
    d.weken.setText(weken)
    klik_ok(qtbot, d)
    assert d.isVisible()
    assert d.foutmelding(veld), veld
    assert [v for v in ("keten", "periode", "weken") if d.foutmelding(v)] == [veld]
    if veld == "periode":
        assert not d.periode_uitleg.isVisible()  # the message replaces the preview
    invoer, fokus = d._velden[veld], d.focusWidget()
    assert fokus is invoer or invoer.isAncestorOf(fokus)
    qtbot.keyClick(d, Qt.Key.Key_Escape)
    assert d.result() == QDialog.DialogCode.Rejected


def test_capaciteit_die_de_pagina_weigert_staat_ook_bij_het_veld(qtbot):
    """The page's own check (a period overlapping another slot of the chain) refuses OK like the register's."""
    gevraagd = []

    def controle(keten, periode, weken):
        gevraagd.append((keten, periode.tekst, weken))
        raise ValidatieFout("2027 overlapt met 2027-H1 van Innen en Betalen: kies periodes die elkaar niet overlappen.",
                            "periode")

    d = toon(qtbot, CapaciteitDialoog(["Innen en Betalen"], controle=controle))
    d.keten.setEditText("Innen en Betalen")
    d.periode.setText("2027")
    d.weken.setText("40")
    klik_ok(qtbot, d)
    assert gevraagd == [("Innen en Betalen", "2027", 40.0)]
    assert d.isVisible() and "overlapt" in d.foutmelding("periode")


# --- all of them ----------------------------------------------------------------------------------------------------

def test_elk_veld_heeft_een_sneltoets_een_buddy_en_een_toegankelijke_naam(qtbot):
    for d in (BesluitDialoog(maatregel(), "anna"), RangDialoog(maatregel(rang_handmatig=2), 2, 9),
              OpslaanDialoog(["a"], ["b"], "anna"), CapaciteitDialoog(["Innen en Betalen"])):
        toon(qtbot, d)
        controleer_sneltoetsen(d)
        assert d.accessibleName() == d.windowTitle()
        # Tab goes through the fields in the order they are shown, then OK and Annuleren (and round again).
        volgorde, w = [], d.knop_ok
        for _ in range(100):
            w = w.nextInFocusChain()
            if w is d.knop_ok:
                break
            if w.focusPolicy() & Qt.FocusPolicy.TabFocus and w.isVisibleTo(d) and w.isEnabled():
                volgorde.append(w)
        velden = [v for v in d._velden.values() if v.focusPolicy() & Qt.FocusPolicy.TabFocus and v.isEnabled()]
        posities = [next(i for i, x in enumerate(volgorde) if x is v or v.isAncestorOf(x)) for v in velden]
        assert posities == sorted(posities), type(d).__name__
        assert volgorde[0].text() == "Annuleren"
