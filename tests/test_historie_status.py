"""The status history timeline, the status-change and correction dialogs, and the source-text viewer, used as a user
would: real widgets on a real register, and what they wrote read back in a fresh session."""

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (QAbstractButton, QAbstractScrollArea, QAbstractSpinBox, QApplication, QComboBox,
                               QDateTimeEdit, QDialog, QLabel, QLineEdit, QPlainTextEdit, QWidget)

from db.openen import open_register
from registry.bron import bronnen, maak_bron
from registry.maatregel import haal_maatregel, maak_maatregel, wijzig_maatregel
from registry.status import historie
from ui import vragen
from ui.brontekst import BrontekstVenster, open_bron
from ui.historie import GRIJS, HistorieModel, HistorieWidget
from ui.statusdialoog import CorrectieDialoog, StatusDialoog

DRIE = ["TV-07", "DC-05", "NG-11"]


# --- helpers --------------------------------------------------------------------------------------------------------

def lees(register, code):
    with register.sessie() as s:
        return haal_maatregel(s, code)


def hist(register, code):
    with register.sessie() as s:
        return historie(s, code)


def woorden(tekst: str) -> str:
    return "".join(t for t in tekst.casefold() if t.isalnum())


def statusdialoog(qtbot, register, codes, gebruiker="tester") -> StatusDialoog:
    dialoog = StatusDialoog(register, [(c, lees(register, c).versie) for c in codes], gebruiker)
    qtbot.addWidget(dialoog)
    dialoog.show()
    qtbot.waitExposed(dialoog)
    return dialoog


def historiewidget(qtbot, register, code) -> HistorieWidget:
    widget = HistorieWidget(register, lambda: "tester")
    qtbot.addWidget(widget)
    widget.resize(1000, 500)
    widget.toon(code)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def rij_van(model: HistorieModel, regel_id: int) -> int:
    return next(i for i, r in enumerate(model.rijen()) if r.id == regel_id)


def klik(qtbot, knop: QAbstractButton) -> None:
    qtbot.mouseClick(knop, Qt.MouseButton.LeftButton)


def zonder_naam(venster: QWidget) -> list[str]:
    """Controls a screen reader would announce without a name (parts of composite controls excepted)."""
    soorten = (QAbstractButton, QComboBox, QLineEdit, QPlainTextEdit, QAbstractSpinBox, QAbstractScrollArea)
    samengesteld = (QAbstractSpinBox, QComboBox, QLineEdit, QAbstractScrollArea)

    def onderdeel(w: QWidget) -> bool:
        ouder = w.parentWidget()
        while ouder is not None and ouder is not venster:
            if isinstance(ouder, samengesteld):
                return True
            ouder = ouder.parentWidget()
        return False

    return [f"{type(w).__name__} {getattr(w, 'text', lambda: '')()!r}" for w in venster.findChildren(QWidget)
            if isinstance(w, soorten) and not w.accessibleName() and not onderdeel(w)]


# --- changing a status ----------------------------------------------------------------------------------------------

def test_statuswijziging_legt_een_regel_vast_met_reden_wie_datum_en_bron(qtbot, start_register):
    code = "TV-07"
    voor, eerder = lees(start_register, code), hist(start_register, code)
    dialoog = statusdialoog(qtbot, start_register, [code])
    assert dialoog.windowTitle() == "Status wijzigen — TV-07"
    assert dialoog.statusknop[voor.status].isChecked()  # the current status is preselected
    assert dialoog.datum.date() == QDate.currentDate()

    klik(qtbot, dialoog.statusknop["ingevoerd"])
    qtbot.keyClicks(dialoog.toelichting, "Opschaling afgerond volgens het jaarverslag.")
    dialoog.bron.setCurrentIndex(dialoog.bron.findData("JV-2025"))
    qtbot.keyClicks(dialoog.vindplaats, "§2.1")
    qtbot.keyClicks(dialoog.brontekst, "Hierdoor is bij ruim 50.000 toeslaggerechtigden de toeslag aangepast.")
    dialoog.afgeleid.setChecked(True)
    klik(qtbot, dialoog.knop_ok)

    assert dialoog.result() == QDialog.DialogCode.Accepted
    assert dialoog.gewijzigd == [code]
    na = hist(start_register, code)
    assert len(na) == len(eerder) + 1
    regel = max(na, key=lambda r: r.id)
    assert (regel.oud, regel.nieuw, regel.datum) == (voor.status, "ingevoerd", date.today())
    assert regel.toelichting == "Opschaling afgerond volgens het jaarverslag."
    assert (regel.gebruiker, regel.bron, regel.vindplaats, regel.afgeleid) == ("tester", "JV-2025", "§2.1", True)
    assert regel.brontekst.startswith("Hierdoor is bij ruim 50.000")
    assert regel.fase == voor.fase  # "(ongewijzigd)": the measure keeps its fase
    terug = lees(start_register, code)
    assert (terug.status, terug.status_datum, terug.versie) == ("ingevoerd", date.today(), voor.versie + 1)


def test_statuswijziging_werkt_op_elke_database(qtbot, register):
    with register.werk() as s:
        m = maak_maatregel(s, {"naam": "Vooraf informeren", "domein": "TV"}, "anna")
        maak_bron(s, "EVAL-2025", "Evaluatie 2025", soort="evaluatie")
    dialoog = statusdialoog(qtbot, register, [m.code])
    klik(qtbot, dialoog.statusknop["deels"])
    dialoog.fase.setCurrentIndex(dialoog.fase.findData("pilot"))
    dialoog.toelichting.setPlainText("Pilot gestart — “met” 'aanhalingstekens' & <tekens> 🙂")  # QTest types no emoji
    dialoog.bron.setCurrentIndex(dialoog.bron.findData("EVAL-2025"))
    klik(qtbot, dialoog.knop_ok)
    assert dialoog.result() == QDialog.DialogCode.Accepted
    regel = max(hist(register, m.code), key=lambda r: r.id)
    assert (regel.nieuw, regel.fase, regel.bron) == ("deels", "pilot", "EVAL-2025")
    assert regel.toelichting == "Pilot gestart — “met” 'aanhalingstekens' & <tekens> 🙂"
    assert lees(register, m.code).status == "deels"


def test_statuswijziging_voor_drie_maatregelen_schrijft_een_regel_per_maatregel(qtbot, start_register):
    voor = {c: (lees(start_register, c), len(hist(start_register, c))) for c in DRIE}
    dialoog = statusdialoog(qtbot, start_register, DRIE)
    assert dialoog.windowTitle() == "Status wijzigen — 3 maatregelen"
    assert all(c in dialoog.kop.text() for c in DRIE)
    assert dialoog.gekozen_status() is None  # several measures: nothing preselected
    klik(qtbot, dialoog.statusknop["niet"])
    dialoog.fase.setCurrentIndex(dialoog.fase.findData("on_hold"))
    qtbot.keyClicks(dialoog.toelichting, "Aangehouden tot na de modernisering van de IV.")
    klik(qtbot, dialoog.knop_ok)

    assert dialoog.result() == QDialog.DialogCode.Accepted
    assert dialoog.gewijzigd == DRIE
    for code in DRIE:
        m, aantal = voor[code]
        na = hist(start_register, code)
        assert len(na) == aantal + 1
        regel = max(na, key=lambda r: r.id)
        assert (regel.oud, regel.nieuw, regel.fase, regel.gebruiker) == (m.status, "niet", "on_hold", "tester")
        assert regel.toelichting == "Aangehouden tot na de modernisering van de IV."
        assert lees(start_register, code).status == "niet"


def test_lege_toelichting_wordt_geweigerd_met_de_melding_bij_het_veld_en_niets_vastgelegd(qtbot, start_register):
    code = "TV-07"
    voor, eerder = lees(start_register, code), hist(start_register, code)
    dialoog = statusdialoog(qtbot, start_register, [code])
    dialoog.activateWindow()
    klik(qtbot, dialoog.statusknop["ingevoerd"])
    qtbot.keyClicks(dialoog.toelichting, "   ")
    klik(qtbot, dialoog.knop_ok)

    assert dialoog.isVisible() and dialoog.result() != QDialog.DialogCode.Accepted
    assert "Toelichting is verplicht" in dialoog.foutmelding("toelichting")
    label = dialoog._foutlabels["toelichting"]
    assert label.isVisible()
    assert dialoog.formulier.labelForField(label.parentWidget()).buddy() is dialoog.toelichting  # next to it
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialoog.toelichting)
    assert dialoog.foutmelding() == ""
    assert hist(start_register, code) == eerder
    assert lees(start_register, code).versie == voor.versie

    qtbot.keyClicks(dialoog.toelichting, "Nu met reden.")  # the dialog stays usable
    klik(qtbot, dialoog.knop_ok)
    assert dialoog.result() == QDialog.DialogCode.Accepted
    assert not dialoog._foutlabels["toelichting"].isVisible()


def test_zonder_gekozen_status_wordt_niets_vastgelegd_voor_geen_enkele_maatregel(qtbot, start_register):
    eerder = {c: hist(start_register, c) for c in DRIE}
    dialoog = statusdialoog(qtbot, start_register, DRIE)
    qtbot.keyClicks(dialoog.toelichting, "Reden")
    klik(qtbot, dialoog.knop_ok)
    assert dialoog.isVisible()
    assert "Status is verplicht" in dialoog.foutmelding("status")
    assert {c: hist(start_register, c) for c in DRIE} == eerder


def test_een_datum_in_de_toekomst_is_niet_te_kiezen(qtbot, start_register):
    dialoog = statusdialoog(qtbot, start_register, ["TV-07"])
    vandaag = QDate.currentDate()
    assert dialoog.datum.maximumDate() == vandaag
    assert dialoog.datum.displayFormat() == "dd-MM-yyyy"
    assert dialoog.datum.calendarPopup()
    dialoog.datum.setDate(vandaag.addDays(1))
    assert dialoog.datum.date() == vandaag
    dialoog.datum.setFocus()
    dialoog.datum.setSelectedSection(QDateTimeEdit.Section.DaySection)
    qtbot.keyClick(dialoog.datum, Qt.Key.Key_Up)  # stepping up from today stays today
    assert dialoog.datum.date() == vandaag
    dialoog.datum.setDate(QDate(2025, 3, 1))
    assert dialoog.gekozen_datum() == date(2025, 3, 1)


def test_conflict_meldt_wie_wat_wijzigde_en_legt_voor_geen_enkele_maatregel_iets_vast(qtbot, start_register):
    eerder = {c: (lees(start_register, c), hist(start_register, c)) for c in DRIE}
    dialoog = statusdialoog(qtbot, start_register, DRIE)  # has read the versions

    collega = open_register(pad=start_register.pad)
    try:
        with collega.werk() as s:
            wijzig_maatregel(s, "DC-05", {"eigenaar": "Team App"}, "collega", eerder["DC-05"][0].versie)
    finally:
        collega.sluit()

    klik(qtbot, dialoog.statusknop["deels"])
    qtbot.keyClicks(dialoog.toelichting, "Teruggezet")
    klik(qtbot, dialoog.knop_ok)

    assert dialoog.isVisible() and dialoog.result() != QDialog.DialogCode.Accepted
    melding = dialoog.foutmelding()
    assert "DC-05" in melding and "collega" in melding and "eigenaar" in melding
    assert "niets vastgelegd, ook niet voor de andere" in melding
    assert dialoog.algemene_fout.isVisible()
    for code in DRIE:  # nothing written for ANY measure, TV-07 (before DC-05) included
        m, regels = eerder[code]
        assert hist(start_register, code) == regels
        assert lees(start_register, code).status == m.status
    assert lees(start_register, "TV-07").versie == eerder["TV-07"][0].versie

    assert dialoog.knop_herladen.isVisible()  # reload, then the same input saves
    klik(qtbot, dialoog.knop_herladen)
    assert not dialoog.algemene_fout.isVisible()
    klik(qtbot, dialoog.knop_ok)
    assert dialoog.result() == QDialog.DialogCode.Accepted
    assert all(len(hist(start_register, c)) == len(eerder[c][1]) + 1 for c in DRIE)
    assert lees(start_register, "DC-05").eigenaar == "Team App"  # the colleague's change stands


def test_dialogen_hebben_namen_voor_schermlezers_en_sneltoetsen(qtbot, start_register):
    dialoog = statusdialoog(qtbot, start_register, DRIE)
    assert zonder_naam(dialoog) == []
    labels = [label.text() for label in dialoog.findChildren(QLabel) if label.buddy() is not None]
    assert len(labels) >= 6 and all("&" in t for t in labels)
    assert dialoog.knop_ok.text().replace("&", "") == "Status vastleggen"
    regel = max(hist(start_register, "TV-07"), key=lambda r: r.id)
    correctie = CorrectieDialoog(start_register, regel, lees(start_register, "TV-07").versie, "tester")
    qtbot.addWidget(correctie)
    assert zonder_naam(correctie) == []
    venster = BrontekstVenster()
    qtbot.addWidget(venster)
    assert zonder_naam(venster) == []


# --- the timeline and corrections -----------------------------------------------------------------------------------

def test_historie_toont_de_huidige_status_en_de_regels_nieuwste_eerst(qtbot, qtmodeltester, start_register):
    widget = historiewidget(qtbot, start_register, "TV-07")
    m = lees(start_register, "TV-07")
    assert "● Deels" in widget.statuslabel.text()
    assert "Opschaling" in widget.detaillabel.text() and "30-05-2026" in widget.detaillabel.text()
    assert ("afgeleid" if m.status_afgeleid else "uitdrukkelijk vermeld") in widget.detaillabel.text()
    assert woorden(m.status_brontekst) in woorden(widget.citaatlabel.text())
    model = widget.model
    datums = [r.datum for r in model.rijen()]
    assert datums == sorted(datums, reverse=True) and len(datums) == 4
    assert model.data(model.index(0, HistorieModel.DATUM)) == "30-05-2026"
    assert model.data(model.index(0, HistorieModel.STATUS_)) == "✓ Ingevoerd → ● Deels"
    assert model.data(model.index(0, HistorieModel.BRON)) == "PANTEIA-2026, §1.6.1"
    assert model.data(model.index(0, HistorieModel.DOOR)) == "startregister"
    tip = model.data(model.index(0, HistorieModel.TOELICHTING), Qt.ItemDataRole.ToolTipRole)
    assert "Mutaties" in tip or "mutaties" in tip
    qtmodeltester.check(model)

    with qtbot.waitSignal(widget.statusWijzigenGevraagd):
        klik(qtbot, widget.knop_wijzigen)
    widget.toon(None)
    assert widget.model.rowCount() == 0 and not widget.knop_wijzigen.isEnabled()
    assert not widget.knop_corrigeren.isEnabled() and not widget.knop_bron.isEnabled()
    assert zonder_naam(widget) == []


def test_correctie_vervangt_de_regel_die_doorgestreept_blijft_staan(qtbot, qtmodeltester, monkeypatch,
                                                                    start_register):
    code = "TV-07"
    widget = historiewidget(qtbot, start_register, code)
    oud = widget.model.rijen()[0]
    assert not oud.vervangen and widget.knop_corrigeren.isEnabled()

    def beantwoord(dialoog):
        assert isinstance(dialoog, CorrectieDialoog)
        assert dialoog.statusknop[oud.nieuw].isChecked()  # prefilled from the entry
        assert dialoog.vindplaats.text() == oud.vindplaats and dialoog.bron.currentData() == oud.bron
        assert dialoog.gekozen_datum() == oud.datum and dialoog.afgeleid.isChecked() == oud.afgeleid
        klik(qtbot, dialoog.statusknop["ingevoerd"])
        qtbot.keyClicks(dialoog.toelichting, "Verkeerd overgenomen: Panteia noemt de opschaling afgerond.")
        klik(qtbot, dialoog.knop_ok)
        return dialoog.result() == QDialog.DialogCode.Accepted

    monkeypatch.setattr(vragen, "voer_uit", beantwoord)
    with qtbot.waitSignal(widget.gewijzigd) as signaal:
        klik(qtbot, widget.knop_corrigeren)
    assert signaal.args == [code]

    regels = {r.id: r for r in hist(start_register, code)}
    assert oud.id in regels and regels[oud.id].vervangen  # the old entry is still there, flagged
    [nieuw] = [r for r in regels.values() if r.vervangt == oud.id]
    assert (nieuw.nieuw, nieuw.datum, nieuw.bron, nieuw.vindplaats) == ("ingevoerd", oud.datum, oud.bron,
                                                                       oud.vindplaats)
    assert nieuw.gebruiker == "tester" and nieuw.toelichting.startswith("Verkeerd overgenomen")
    assert lees(start_register, code).status == "ingevoerd"  # the status follows the correction
    assert "✓ Ingevoerd" in widget.statuslabel.text()

    model = widget.model
    rij = rij_van(model, oud.id)
    for kolom in range(model.columnCount()):
        index = model.index(rij, kolom)
        assert model.data(index, Qt.ItemDataRole.FontRole).strikeOut()
        assert model.data(index, Qt.ItemDataRole.ForegroundRole).name() == GRIJS
    assert "vervangen" in model.data(model.index(rij, 0), Qt.ItemDataRole.AccessibleTextRole)
    rij_nieuw = rij_van(model, nieuw.id)
    assert model.data(model.index(rij_nieuw, 0), Qt.ItemDataRole.FontRole) is None
    assert model.data(model.index(rij_nieuw, HistorieModel.TOELICHTING)).startswith(
        "Corrigeert regel van 30-05-2026")
    assert widget.huidige_regel().id == nieuw.id  # the correction is selected
    qtmodeltester.check(model)

    widget.tabel.setCurrentIndex(model.index(rij, 0))  # a superseded entry cannot be corrected again
    assert not widget.knop_corrigeren.isEnabled()


def test_correctie_zonder_reden_of_na_een_conflict_legt_niets_vast(qtbot, start_register):
    code = "TV-07"
    voor = lees(start_register, code)
    regel = max(hist(start_register, code), key=lambda r: r.id)
    dialoog = CorrectieDialoog(start_register, regel, voor.versie, "tester")
    qtbot.addWidget(dialoog)
    dialoog.show()
    klik(qtbot, dialoog.knop_ok)
    assert "Toelichting is verplicht" in dialoog.foutmelding("toelichting")

    with start_register.werk() as s:  # someone else changes the measure meanwhile
        wijzig_maatregel(s, code, {"eigenaar": "Team Muteren"}, "collega", voor.versie)
    qtbot.keyClicks(dialoog.toelichting, "Datum klopte niet")
    dialoog.datum.setDate(QDate(2026, 5, 1))
    klik(qtbot, dialoog.knop_ok)
    assert dialoog.isVisible() and "collega" in dialoog.foutmelding()
    assert not any(r.vervangen for r in hist(start_register, code))
    assert lees(start_register, code).status == voor.status


# --- the cited passage ------------------------------------------------------------------------------------------------

def test_activeren_van_een_regel_met_bron_opent_de_passage_gemarkeerd(qtbot, start_register):
    widget = historiewidget(qtbot, start_register, "TV-07")
    regel = next(r for r in widget.model.rijen() if r.bron == "JV-2025")
    index = widget.model.index(rij_van(widget.model, regel.id), HistorieModel.TOELICHTING)
    widget.tabel.setFocus()
    widget.tabel.setCurrentIndex(index)
    qtbot.keyClick(widget.tabel, Qt.Key.Key_Return)

    venster = widget.brontekstvenster
    assert venster is not None and venster.isVisible()
    assert venster.windowTitle() == "Jaarverslag 2025"
    gemarkeerd = venster.gemarkeerde_tekst()
    assert woorden(gemarkeerd) == woorden(regel.brontekst)
    [selectie] = venster.tekst.extraSelections()
    assert woorden(selectie.cursor.selectedText()) == woorden(regel.brontekst)
    assert selectie.format.background().color().name() == "#fff1a8"
    assert venster.tekst.textCursor().position() == venster.passage[0]  # the cursor is at the passage
    assert venster.tekst.cursorRect().intersects(venster.tekst.viewport().rect())  # scrolled into view
    assert not venster.melding.isVisible()

    # Double-clicking another cited row reuses the same viewer.
    ander = next(r for r in widget.model.rijen() if r.bron == "PANTEIA-2026")
    rect = widget.tabel.visualRect(widget.model.index(rij_van(widget.model, ander.id), HistorieModel.DATUM))
    # A real double click is press, release, then a second press that Qt reports as a double click.
    qtbot.mouseClick(widget.tabel.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(widget.tabel.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert widget.brontekstvenster is venster
    assert venster.windowTitle().startswith("Hoe burgers toeslagen ervaren")
    assert woorden(ander.brontekst) == woorden(venster.gemarkeerde_tekst())
    assert len(widget.findChildren(BrontekstVenster)) == 1


def test_bron_openen_knop_opent_de_geselecteerde_regel(qtbot, start_register):
    widget = historiewidget(qtbot, start_register, "DC-05")
    regel = widget.model.rijen()[-1]
    widget.tabel.setCurrentIndex(widget.model.index(widget.model.rowCount() - 1, 0))
    assert widget.knop_bron.isEnabled()
    klik(qtbot, widget.knop_bron)
    assert woorden(widget.brontekstvenster.gemarkeerde_tekst()) == woorden(regel.brontekst)


def test_bron_zonder_tekstbestand_meldt_welk_document_niet_in_de_toepassing_zit(qtbot, monkeypatch, start_register):
    with start_register.sessie() as s:
        studie = next(b for b in bronnen(s) if not b.bestand)
    meldingen = []
    monkeypatch.setattr(vragen, "meld", lambda ouder, titel, tekst: meldingen.append(tekst))
    ouder = QWidget()
    qtbot.addWidget(ouder)
    assert open_bron(ouder, start_register, studie.code, "iets", "p. 3") is None
    [tekst] = meldingen
    assert studie.titel in tekst and studie.code in tekst and "niet in de toepassing" in tekst
    assert ouder.findChildren(BrontekstVenster) == []


def test_niet_gevonden_passage_toont_de_hele_tekst_met_een_opmerking(qtbot):
    venster = BrontekstVenster()
    qtbot.addWidget(venster)
    venster.toon("Kamerbrief", "Eerste alinea.\n\nTweede alinea over niet-gebruik.\n", None)
    assert venster.windowTitle() == "Kamerbrief"
    assert venster.melding.isVisible()
    assert venster.melding.text() == "De geciteerde passage is niet gevonden; de hele tekst staat hieronder."
    assert venster.tekst.toPlainText().startswith("Eerste alinea.")
    assert venster.tekst.extraSelections() == [] and venster.gemarkeerde_tekst() == ""

    venster.activateWindow()
    qtbot.waitUntil(venster.isActiveWindow)
    qtbot.keySequence(venster.tekst, QKeySequence(QKeySequence.StandardKey.Find))
    qtbot.waitUntil(lambda: QApplication.focusWidget() is venster.zoekveld)
    venster.zoekveld.setText("niet-gebruik")
    assert venster.zoek_volgende()
    assert venster.tekst.textCursor().selectedText() == "niet-gebruik"
    venster.zoekveld.setText("ontbreekt")
    assert not venster.zoek_volgende() and venster.zoekstatus.text() == "Niet gevonden"

    venster.toon("Kamerbrief", "Een tekst met 🙂 en dan de passage.", (19, 34))  # reused, emoji before it
    assert not venster.melding.isVisible()
    assert venster.gemarkeerde_tekst() == "dan de passage."


def test_bron_openen_is_uit_voor_een_bron_waarvan_de_tekst_ontbreekt(qtbot, start_register):
    from registry.status import wijzig_status

    with start_register.werk() as s:
        studie = next(b for b in bronnen(s) if not b.bestand)
        m = haal_maatregel(s, "TV-01")
        wijzig_status(s, "TV-01", m.status, "Bevestigd in de studie", "tester", m.versie, bron=studie.code)
    widget = HistorieWidget(start_register, lambda: "tester")
    qtbot.addWidget(widget)
    widget.toon("TV-01")
    assert widget.huidige_regel().bron == studie.code  # newest first
    assert not widget.knop_bron.isEnabled()
    assert studie.code in widget.knop_bron.toolTip()
    oudste = widget.model.index(widget.model.rowCount() - 1, 0)
    widget.tabel.setCurrentIndex(oudste)
    assert widget.huidige_regel().bron and widget.knop_bron.isEnabled()
