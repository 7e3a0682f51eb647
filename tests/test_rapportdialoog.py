"""The PDF export dialog: the PDF builds in the background with progress, can be cancelled, refuses bad input, exports
the current selection, stores a vastgesteld report, and the main window closes cleanly during a build."""

import re
import time
from datetime import date

import pytest
import shiboken6
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QCheckBox, QDateEdit, QLabel, QLineEdit, QPushButton, QRadioButton, QToolBar
from pypdf import PdfReader

from registry.filters import Filter, zoek_maatregelen
from registry.fouten import RegisterFout
from registry.rapport.gegevens import STANDAARD_SECTIES
from ui import vragen
from ui.instellingen import Instellingen

CODE = re.compile(r"\b(?:TV|IN|NG|DC|BU)-\d{2,}\b")


@pytest.fixture
def antwoorden(monkeypatch):
    """Answers every question of an export: yes to all, and records what was asked and opened."""
    gevraagd, geopend, fouten = [], [], []

    def bevestig(ouder, titel, tekst, ja="Ja", nee="Annuleren"):
        gevraagd.append(tekst)
        return antwoorden.ja

    antwoorden.ja = True
    monkeypatch.setattr(vragen, "bevestig", bevestig)
    monkeypatch.setattr(vragen, "open_bestand", lambda pad: geopend.append(pad) or True)
    monkeypatch.setattr(vragen, "meld_fout", lambda ouder, titel, tekst: fouten.append(tekst))
    antwoorden.gevraagd, antwoorden.geopend, antwoorden.fouten = gevraagd, geopend, fouten
    return antwoorden


@pytest.fixture
def traag(monkeypatch):
    """A build that reports progress for about five seconds before the real one starts: time to cancel it."""
    from registry.rapport import pdf

    echt = pdf.maak_rapport

    def traag_rapport(sessie, keuze, uit, *, voortgang=None, **opties):
        for i in range(500):
            voortgang(i / 1000, f"Opmaken: stap {i}")
            time.sleep(0.01)
        return echt(sessie, keuze, uit, voortgang=voortgang, **opties)

    monkeypatch.setattr(pdf, "maak_rapport", traag_rapport)


def maak_dialoog(qtbot, register, pad, filter=Filter()):
    from ui.rapportdialoog import RapportDialoog

    instellingen = Instellingen()
    instellingen.zet_waarde("rapport_map", str(pad.parent))  # a proposed name never lands outside the test's folder
    d = RapportDialoog(register, instellingen, filter, lambda: "tester")
    qtbot.addWidget(d)
    d.bestand.clear()
    qtbot.keyClicks(d.bestand, str(pad))  # typed: the name no longer follows the period
    d.show()
    qtbot.waitExposed(d)
    return d


@pytest.fixture
def dialoog(qtbot, start_register, tmp_path):
    (tmp_path / "uit").mkdir()
    return maak_dialoog(qtbot, start_register, tmp_path / "uit" / "overzicht.pdf")


def wacht_tot_klaar(qtbot, d, timeout=120_000):
    qtbot.waitUntil(lambda: not d.is_bezig(), timeout=timeout)


def draad_klaar(werk) -> bool:
    """The build's thread has ended (once it has, the dialog lets Qt delete it)."""
    return not shiboken6.isValid(werk) or werk.isFinished()


def teksten(pad) -> str:
    return "\n".join(p.extract_text() for p in PdfReader(str(pad)).pages)


# --- building in the background ------------------------------------------------------------------------------------

def test_pdf_wordt_op_de_achtergrond_gemaakt_met_voortgang_tot_100_en_kan_worden_geopend(qtbot, dialoog, antwoorden,
                                                                                        tmp_path):
    standen = []
    dialoog.voortgangsbalk.valueChanged.connect(standen.append)
    meldingen = []
    pad = tmp_path / "uit" / "overzicht.pdf"

    qtbot.mouseClick(dialoog.knop_exporteren, Qt.MouseButton.LeftButton)
    # The GUI thread came straight back: the build runs, the fields wait, the window still handles events.
    assert dialoog.is_bezig()
    assert not dialoog.invoer.isEnabled() and not dialoog.knop_exporteren.isEnabled()
    assert dialoog.knop_sluiten.text() == "Annuleren"
    # While it builds, the GUI thread keeps handling events: a timer's ticks never stall.
    ticks = []
    klok = QTimer()
    klok.timeout.connect(lambda: (ticks.append(time.monotonic()), meldingen.append(dialoog.melding.text())))
    klok.start(20)
    qtbot.waitUntil(lambda: bool(antwoorden.geopend), timeout=120_000)
    klok.stop()
    assert len(ticks) > 10 and max(b - a for a, b in zip(ticks, ticks[1:])) < 0.5

    assert any(0 < s < 100 for s in standen), standen  # it moved on the way
    assert dialoog.voortgangsbalk.value() == 100
    assert standen == sorted(standen)  # never backwards
    assert any("Opmaken" in m or "Gegevens" in m for m in meldingen)
    assert antwoorden.geopend == [pad]
    lezer = PdfReader(str(pad))
    assert len(lezer.pages) > 5
    vraag = antwoorden.gevraagd[-1]
    assert str(pad) in vraag and f"({len(lezer.pages)} pagina's)" in vraag and "Nu openen?" in vraag
    assert not dialoog.isVisible()  # done: the dialog closed itself
    assert [p.name for p in pad.parent.iterdir()] == ["overzicht.pdf"]  # no temporary file left beside it


def test_concept_krijgt_het_watermerk_en_definitief_niet(qtbot, start_register, antwoorden, tmp_path):
    for soort in ("concept", "definitief"):
        d = maak_dialoog(qtbot, start_register, tmp_path / f"{soort}.pdf")
        for vak in d.sectievakken.values():
            vak.setChecked(False)
        d.sectievakken["samenvatting"].setChecked(True)
        getattr(d, soort).setChecked(True)
        d.exporteer()
        wacht_tot_klaar(qtbot, d)
        assert ("CONCEPT" in teksten(tmp_path / f"{soort}.pdf")) == (soort == "concept")


def test_annuleren_tijdens_het_maken_laat_geen_bestand_achter_en_de_dialoog_blijft_bruikbaar(qtbot, dialoog,
                                                                                           antwoorden, traag,
                                                                                           tmp_path):
    map_ = tmp_path / "uit"
    qtbot.mouseClick(dialoog.knop_exporteren, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Opmaken" in dialoog.melding.text(), timeout=10_000)
    werk = dialoog._werk

    begin = time.monotonic()
    qtbot.keyClick(dialoog, Qt.Key.Key_Escape)  # Esc cancels the build; it does not close the dialog
    wacht_tot_klaar(qtbot, dialoog, timeout=5_000)
    assert time.monotonic() - begin < 1.0
    assert draad_klaar(werk)  # idle means no thread runs any more: the dialog may be destroyed at once

    assert dialoog.melding.text() == "Export geannuleerd"
    assert dialoog.isVisible()
    assert list(map_.iterdir()) == []  # no PDF and no temporary file
    assert antwoorden.fouten == [] and antwoorden.geopend == []
    assert dialoog.invoer.isEnabled() and dialoog.knop_exporteren.isEnabled()
    assert dialoog.knop_sluiten.text() == "Sluiten"

    # The annuleren button does the same, and afterwards an export runs to the end.
    dialoog.exporteer()
    qtbot.waitUntil(lambda: "Opmaken" in dialoog.melding.text(), timeout=10_000)
    werk = dialoog._werk
    qtbot.mouseClick(dialoog.knop_sluiten, Qt.MouseButton.LeftButton)
    wacht_tot_klaar(qtbot, dialoog, timeout=5_000)
    assert draad_klaar(werk)
    assert dialoog.melding.text() == "Export geannuleerd" and dialoog.isVisible()
    assert list(map_.iterdir()) == []


def test_annuleren_van_een_register_met_1000_maatregelen_stopt_binnen_een_seconde(qtbot, tmp_path, antwoorden,
                                                                                  monkeypatch):
    import importlib.util
    import sys
    from pathlib import Path

    from db.openen import open_register

    spec = importlib.util.spec_from_file_location("bench_script", Path(__file__).resolve().parent.parent / "bench"
                                                  / "bench.py")
    bench = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, "bench_script", bench)  # its dataclasses look their module up
    spec.loader.exec_module(bench)
    bench.genereer(1000, tmp_path / "groot.db")
    register = open_register(pad=tmp_path / "groot.db")
    try:
        d = maak_dialoog(qtbot, register, tmp_path / "groot.pdf")
        d.exporteer()
        qtbot.waitUntil(lambda: d.voortgangsbalk.value() >= 20, timeout=60_000)  # well into the layout passes
        begin = time.monotonic()
        d.annuleer()
        wacht_tot_klaar(qtbot, d, timeout=5_000)
        assert time.monotonic() - begin < 1.0
        assert d.melding.text() == "Export geannuleerd"
        assert [p.name for p in tmp_path.iterdir() if p.suffix in (".pdf", ".tmp")] == []
        d.close()
    finally:
        register.sluit()


# --- refusing bad input --------------------------------------------------------------------------------------------

def test_ongeldige_periode_toont_de_melding_bij_het_veld_en_start_niets(qtbot, dialoog, tmp_path):
    dialoog.periode.clear()
    qtbot.keyClicks(dialoog.periode, "2026-H7")
    qtbot.mouseClick(dialoog.knop_exporteren, Qt.MouseButton.LeftButton)
    assert "Rapportageperiode" in dialoog.foutmelding("periode")
    assert dialoog.periode.hasFocus()
    assert not dialoog.is_bezig() and dialoog.melding.text() == ""
    assert list((tmp_path / "uit").iterdir()) == []
    qtbot.keyClicks(dialoog.periode, "x")  # typing clears the message
    assert dialoog.foutmelding("periode") == ""


def test_wijzigingen_sinds_na_de_peildatum_wordt_geweigerd(qtbot, dialoog):
    dialoog.wijzigingen.setChecked(True)
    dialoog.peildatum.setDate(date(2026, 6, 30))
    dialoog.sinds.setDate(date(2026, 7, 1))
    dialoog.exporteer()
    assert "peildatum" in dialoog.foutmelding("sinds")
    assert not dialoog.is_bezig()


def test_zonder_onderdelen_wordt_niets_gemaakt(qtbot, dialoog):
    for vak in dialoog.sectievakken.values():
        vak.setChecked(False)
    dialoog.exporteer()
    assert dialoog.foutmelding("secties")
    assert not dialoog.is_bezig()


def test_bestand_in_een_map_die_niet_bestaat_wordt_geweigerd(qtbot, dialoog, tmp_path):
    dialoog.bestand.setText(str(tmp_path / "bestaat-niet" / "x.pdf"))
    dialoog.exporteer()
    assert "bestaat niet" in dialoog.foutmelding("bestand")
    assert not dialoog.is_bezig()


def test_bestaand_bestand_wordt_alleen_na_bevestiging_vervangen(qtbot, dialoog, antwoorden, tmp_path):
    pad = tmp_path / "uit" / "overzicht.pdf"
    pad.write_bytes(b"oud")
    antwoorden.ja = False
    dialoog.exporteer()
    assert "bestaat al" in antwoorden.gevraagd[-1]
    assert not dialoog.is_bezig() and pad.read_bytes() == b"oud"


# --- errors during the build -----------------------------------------------------------------------------------------

def test_een_registerfout_tijdens_het_maken_wordt_gemeld_en_de_dialoog_blijft_bruikbaar(qtbot, dialoog, antwoorden,
                                                                                       monkeypatch, tmp_path):
    from registry.rapport import pdf

    def weiger(*args, **kwargs):
        raise RegisterFout("De database is niet bereikbaar.")

    monkeypatch.setattr(pdf, "maak_rapport", weiger)
    dialoog.exporteer()
    wacht_tot_klaar(qtbot, dialoog)
    assert antwoorden.fouten == ["De database is niet bereikbaar."]
    assert dialoog.invoer.isEnabled() and dialoog.knop_exporteren.isEnabled() and dialoog.isVisible()
    assert list((tmp_path / "uit").iterdir()) == []


def test_een_onverwachte_fout_wordt_gelogd_en_in_het_nederlands_gemeld(qtbot, dialoog, antwoorden, monkeypatch,
                                                                      caplog):
    from registry.rapport import pdf

    def stuk(*args, **kwargs):
        raise ZeroDivisionError("geheime interne details")

    monkeypatch.setattr(pdf, "maak_rapport", stuk)
    dialoog.exporteer()
    wacht_tot_klaar(qtbot, dialoog)
    [melding] = antwoorden.fouten
    assert "onverwachts" in melding and "maatregelenregister.log" in melding
    assert "Traceback" not in melding and "ZeroDivisionError" not in melding and "geheime" not in melding
    assert "ZeroDivisionError" in caplog.text  # the traceback went to the log
    assert dialoog.knop_exporteren.isEnabled()


# --- what is exported ----------------------------------------------------------------------------------------------

def test_huidige_selectie_exporteert_alleen_de_gefilterde_maatregelen(qtbot, start_register, antwoorden, tmp_path):
    f = Filter(domeinen=("Invordering",))
    d = maak_dialoog(qtbot, start_register, tmp_path / "selectie.pdf", f)
    assert "Domein: Invordering" in d.huidige_selectie.text()
    d.huidige_selectie.setChecked(True)
    for sectie, vak in d.sectievakken.items():
        vak.setChecked(sectie == "per_domein")  # the table of measures only: no cross-references to others
    d.exporteer()
    wacht_tot_klaar(qtbot, d)

    with start_register.sessie() as s:
        verwacht = {r.code for r in zoek_maatregelen(s, f)}
    gevonden = set(CODE.findall(teksten(tmp_path / "selectie.pdf")))
    assert verwacht and gevonden == verwacht
    assert "Domein: Invordering" in teksten(tmp_path / "selectie.pdf")


def test_alle_maatregelen_is_de_standaard_en_negeert_het_filter(qtbot, start_register, antwoorden, tmp_path):
    d = maak_dialoog(qtbot, start_register, tmp_path / "alles.pdf", Filter(domeinen=("Invordering",)))
    assert d.alle_maatregelen.isChecked()
    assert d.keuze().filter == Filter()


def test_vaststellen_kan_alleen_bij_definitief(qtbot, dialoog):
    assert dialoog.concept.isChecked() and not dialoog.vaststellen.isEnabled()
    dialoog.definitief.setChecked(True)
    dialoog.vaststellen.setChecked(True)
    dialoog.concept.setChecked(True)
    assert not dialoog.vaststellen.isEnabled() and not dialoog.vaststellen.isChecked()


def test_vaststellen_bewaart_het_rapport_en_de_lijst_geeft_dezelfde_bytes(qtbot, start_register, antwoorden,
                                                                          monkeypatch, tmp_path):
    from registry.rapport.vaststelling import vastgestelde_rapporten
    from ui.vastgesteldelijst import VastgesteldeRapportenDialoog

    pad = tmp_path / "PRT-2026-H2.pdf"
    d = maak_dialoog(qtbot, start_register, pad)
    assert not d.wijzigingen.isChecked()  # nothing vastgesteld yet: no "since" to default to
    d.periode.setText("2026-H2")
    d.peildatum.setDate(date(2026, 11, 1))
    d.definitief.setChecked(True)
    d.vaststellen.setChecked(True)
    d.exporteer()
    assert "vastgesteld als het rapport voor de Kamer" in antwoorden.gevraagd[-1]
    wacht_tot_klaar(qtbot, d)
    assert "Het rapport is vastgesteld." in antwoorden.gevraagd[-1]

    with start_register.sessie() as s:
        [rapport] = vastgestelde_rapporten(s)
    assert (rapport.periode, rapport.peildatum, rapport.bestandsnaam) == ("2026-H2", date(2026, 11, 1), pad.name)
    assert rapport.vastgesteld_door == "tester" and rapport.grootte == pad.stat().st_size

    lijst = VastgesteldeRapportenDialoog(start_register, Instellingen())
    qtbot.addWidget(lijst)
    assert lijst.model.rowCount() == 1
    assert lijst.model.index(0, 1).data() == "2026-H2"
    kopie = tmp_path / "kopie.pdf"
    monkeypatch.setattr(vragen, "vraag_bestand_opslaan", lambda *a: str(kopie))
    qtbot.mouseClick(lijst.knop_opslaan, Qt.MouseButton.LeftButton)
    assert kopie.read_bytes() == pad.read_bytes()

    # The next export proposes the changes since this report's peildatum.
    volgende = maak_dialoog(qtbot, start_register, tmp_path / "volgende.pdf")
    volgende.peildatum.setDate(date(2026, 12, 31))
    assert volgende.wijzigingen.isChecked() and volgende.sinds.date().toPython() == date(2026, 11, 1)
    # A report for the same peildatum again (a reissue) does not start from itself: there is no earlier one here.
    volgende.peildatum.setDate(date(2026, 11, 1))
    assert not volgende.wijzigingen.isChecked()
    # A date the user chose stays, whatever the peildatum does next.
    volgende.peildatum.setDate(date(2026, 12, 31))
    volgende.sinds.setDate(date(2026, 7, 1))
    volgende.peildatum.setDate(date(2027, 1, 31))
    assert volgende.sinds.date().toPython() == date(2026, 7, 1)


def test_annuleren_na_het_punt_zonder_terugkeer_meldt_wat_er_echt_is_gebeurd(qtbot, start_register, antwoorden,
                                                                               monkeypatch, tmp_path):
    import threading

    from registry.rapport.vaststelling import vastgestelde_rapporten
    from ui import rapportwerk

    bezig = threading.Event()
    echt = rapportwerk.schrijf_atomair

    def traag_schrijven(doel, inhoud, *args):
        bezig.set()
        time.sleep(0.5)
        echt(doel, inhoud, *args)

    monkeypatch.setattr(rapportwerk, "schrijf_atomair", traag_schrijven)
    pad = tmp_path / "laat.pdf"
    d = maak_dialoog(qtbot, start_register, pad)
    d.definitief.setChecked(True)
    d.vaststellen.setChecked(True)
    d.exporteer()
    qtbot.waitUntil(bezig.is_set, timeout=120_000)
    d.annuleer_en_wacht()  # as when the main window closes: too late, the report is being stored and written
    assert pad.exists()
    with start_register.sessie() as s:
        assert len(vastgestelde_rapporten(s)) == 1
    assert "al opgeslagen" in d.melding.text() and "vastgesteld" in d.melding.text()
    assert "geannuleerd" not in d.melding.text()


def test_een_mislukte_vaststelling_laat_geen_bestand_en_geen_rapport_achter(qtbot, start_register, antwoorden,
                                                                           monkeypatch, tmp_path):
    from registry.fouten import ValidatieFout
    from registry.rapport import vaststelling

    def weiger(*args, **kwargs):
        raise ValidatieFout("Dit rapport is al vastgesteld (rapport 1).", "pdf")

    monkeypatch.setattr(vaststelling, "stel_vast", weiger)
    d = maak_dialoog(qtbot, start_register, tmp_path / "x.pdf")
    d.definitief.setChecked(True)
    d.vaststellen.setChecked(True)
    d.exporteer()
    wacht_tot_klaar(qtbot, d)
    assert antwoorden.fouten == ["Dit rapport is al vastgesteld (rapport 1)."]
    assert not (tmp_path / "x.pdf").exists()


# --- the form --------------------------------------------------------------------------------------------------------

def test_standaardwaarden_en_bestandsnaam_volgt_de_periode(qtbot, start_register, tmp_path):
    from ui.rapportdialoog import RapportDialoog, huidig_halfjaar

    d = RapportDialoog(start_register, Instellingen(), Filter(), lambda: "tester")
    qtbot.addWidget(d)
    assert d.periode.text() == huidig_halfjaar(date.today())
    assert d.peildatum.date().toPython() == date.today()
    # Every section but the prioritering, which is printed only when asked for.
    assert [s for s, vak in d.sectievakken.items() if vak.isChecked()] == list(STANDAARD_SECTIES)
    assert not d.sectievakken["prioritering"].isChecked()
    assert d.concept.isChecked()
    assert d.gekozen_pad().name == f"PRT-{d.periode.text()}.pdf"
    d.periode.setText("Q3 2026")
    assert d.gekozen_pad().name == "PRT-Q3-2026.pdf"
    qtbot.keyClicks(d.bestand, "x")  # typed by the user: the name no longer follows the period
    d.periode.setText("2027")
    assert "2027" not in d.bestand.text()


def test_de_laatst_gebruikte_map_wordt_onthouden(qtbot, start_register, antwoorden, tmp_path):
    from ui.rapportdialoog import RapportDialoog

    (tmp_path / "rapporten").mkdir()
    d = maak_dialoog(qtbot, start_register, tmp_path / "rapporten" / "a.pdf")
    for sectie, vak in d.sectievakken.items():
        vak.setChecked(sectie == "samenvatting")
    d.exporteer()
    wacht_tot_klaar(qtbot, d)
    nieuw = RapportDialoog(start_register, Instellingen(), Filter(), lambda: "tester")
    qtbot.addWidget(nieuw)
    assert nieuw.gekozen_pad().parent == tmp_path / "rapporten"


def test_elk_veld_heeft_een_naam_en_elk_label_een_buddy(dialoog):
    for soort in (QLineEdit, QDateEdit, QCheckBox, QRadioButton, QPushButton):
        for w in dialoog.findChildren(soort):
            if not w.objectName().startswith("qt_"):  # a date field's own line edit
                assert w.accessibleName(), w
    for label in dialoog.findChildren(QLabel):
        if "&" in label.text().replace("&&", ""):
            assert label.buddy() is not None, label.text()


def test_tab_loopt_door_de_velden_in_volgorde(qtbot, dialoog):
    dialoog.activateWindow()
    dialoog.periode.setFocus()
    bezocht = []
    for _ in range(16):
        if dialoog.focusWidget() not in bezocht[-1:]:  # Tab first walks a date's day, month and year
            bezocht.append(dialoog.focusWidget())
        qtbot.keyClick(dialoog.focusWidget(), Qt.Key.Key_Tab)
    assert bezocht[:3] == [dialoog.periode, dialoog.peildatum, dialoog.wijzigingen]
    assert list(dialoog.sectievakken.values())[0] in bezocht


# --- the main window -------------------------------------------------------------------------------------------------

@pytest.fixture
def venster(qtbot, maak_venster, start_register):
    return maak_venster(start_register)


@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_ctrl_e_opent_de_dialoog_met_het_huidige_filter(qtbot, venster):
    venster.tabel.setFocus()
    qtbot.keyClick(venster, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    d = venster._rapportdialoog
    assert d is not None and d.isVisible() and not d.isModal()
    assert "Alle maatregelen" in d.huidige_selectie.text()
    venster.filterpaneel.zet_filter(Filter(domeinen=("Invordering",)))
    assert "Domein: Invordering" in d.huidige_selectie.text()  # follows the window while open
    venster.actie_pdf.trigger()  # again: the same dialog comes forward
    assert venster._rapportdialoog is d
    assert venster.actie_pdf in venster.findChild(QToolBar, "werkbalk").actions()


@pytest.mark.parametrize("afbreken", [True, False])
def test_sluiten_tijdens_het_maken_vraagt_en_breekt_netjes_af(qtbot, venster, antwoorden, traag, tmp_path,
                                                              afbreken):
    venster.actie_pdf.trigger()
    d = venster._rapportdialoog
    d.bestand.setText(str(tmp_path / "venster.pdf"))
    d.exporteer()
    qtbot.waitUntil(lambda: "Opmaken" in d.melding.text(), timeout=10_000)
    werk = d._werk
    antwoorden.ja = afbreken
    venster.detail.herstel()
    venster.close()
    assert "Wilt u dat afbreken?" in antwoorden.gevraagd[-1]
    if afbreken:
        assert werk.isFinished()  # the thread ended before the window went
        assert not venster.isVisible() and not d.isVisible()
        assert not (tmp_path / "venster.pdf").exists()
    else:
        assert venster.isVisible() and d.is_bezig()
        d.annuleer()
        wacht_tot_klaar(qtbot, d)
    qtbot.waitUntil(lambda: draad_klaar(werk), timeout=5_000)
