"""Import from Excel or CSV and export to Excel in the GUI, driven as a user would on the starter register: the
columns step shows the guesses, the preview counts what would happen, nothing is written before Importeren (and
nothing at all when a row is refused), and the export writes the current selection."""

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QDialog, QToolBar

from registry.filters import Filter, zoek_maatregelen
from registry.fouten import ConflictFout
from ui import importdialoog, vragen

from test_importeren import werkmap

KOPPEN = ("Maatregel", "Thema", "Stand van zaken", "Deadline")
RIJEN = [
    ("Terugbelafspraak binnen twee werkdagen", "Invordering", "gereed", "Q3 2026"),
    ("Schuldenwijzer op de website", "Invordering", "loopt", "eind 2026"),
    ("Vaste contactpersoon bij hoge schuld", "Dienstverlening", "niet gestart", date(2027, 3, 31)),
]


def maak_tracker(pad, rijen=RIJEN, koppen=KOPPEN):
    """A team's own tracker: two title rows (one merged), the header on row 3, no codes."""
    from openpyxl.utils import get_column_letter

    return werkmap(pad, [["Verbetermaatregelen team Invordering"], ["Stand per 1 juni 2026"], koppen, *rijen],
                   samenvoegen=[f"A1:{get_column_letter(len(koppen))}1"], blad="Maatregelen")


def alle_codes(register) -> list[str]:
    with register.sessie() as s:
        return sorted(r.code for r in zoek_maatregelen(s, Filter(met_gearchiveerd=True)))


def maatregel_met_naam(register, naam: str):
    with register.sessie() as s:
        gevonden = [r for r in zoek_maatregelen(s, Filter(zoek=naam)) if r.naam == naam]
    return gevonden[0] if gevonden else None


@pytest.fixture
def venster(maak_venster, start_register):
    return maak_venster(start_register)


@pytest.fixture
def meldingen(monkeypatch):
    """Records the messages shown (vragen.meld and vragen.meld_fout)."""
    gezien = {"meld": [], "fout": []}
    monkeypatch.setattr(vragen, "meld", lambda ouder, titel, tekst: gezien["meld"].append(tekst))
    monkeypatch.setattr(vragen, "meld_fout", lambda ouder, titel, tekst: gezien["fout"].append(tekst))
    return gezien


def importeer_via_menu(qtbot, venster, monkeypatch, pad, handelingen):
    """Ctrl+I, the file chosen, then `handelingen(dialoog)` drives the shown dialog as the user would."""
    monkeypatch.setattr(vragen, "vraag_bestand_openen", lambda ouder, titel, map_, soorten: str(pad))
    gezien = {}

    def voer_uit(dialoog):
        gezien["dialoog"] = dialoog
        dialoog.show()
        qtbot.waitExposed(dialoog)
        qtbot.waitUntil(lambda: not dialoog.is_bezig(), timeout=30_000)
        handelingen(dialoog)
        qtbot.waitUntil(lambda: not dialoog.is_bezig(), timeout=30_000)
        return dialoog.result() == QDialog.DialogCode.Accepted

    monkeypatch.setattr(vragen, "voer_uit", voer_uit)
    qtbot.keyClick(venster, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    return gezien.get("dialoog")


def wacht_op_plan(qtbot, dialoog):
    qtbot.waitUntil(lambda: dialoog.plan is not None and not dialoog.is_bezig()
                    and not dialoog._plantimer.isActive(), timeout=30_000)


def combo_van(dialoog, kop: str):
    rij = next(i for i, k in enumerate(dialoog.bestand.kolommen) if k.kop == kop)
    return dialoog._combos[rij]


def test_menu_acties_voor_import_en_export_hebben_hun_sneltoetsen(venster):
    assert venster.actie_importeren.shortcut() == QKeySequence("Ctrl+I")
    assert venster.actie_excel.shortcut() == QKeySequence("Ctrl+Shift+E")
    bestandsmenu = venster.menuBar().actions()[0].menu()
    assert venster.actie_importeren in bestandsmenu.actions()
    assert venster.actie_excel in bestandsmenu.actions()
    werkbalk = venster.findChild(QToolBar, "werkbalk")
    assert venster.actie_importeren in werkbalk.actions() and venster.actie_excel in werkbalk.actions()
    sneltoetsen = [a.shortcut() for a in venster.actions() if not a.shortcut().isEmpty()]
    assert len(sneltoetsen) == len(set(s.toString() for s in sneltoetsen))  # no shortcut taken twice


def test_tracker_toont_gissingen_en_voorbeeld_en_importeert_pas_op_verzoek(qtbot, venster, monkeypatch,
                                                                            start_register, meldingen, tmp_path,
                                                                            qtmodeltester):
    pad = maak_tracker(tmp_path / "tracker.xlsx")
    voor = alle_codes(start_register)
    gezien = {}

    def handelingen(d):
        assert 'blad "Maatregelen", kopregel 3' in d.bronlabel.text()
        gezien["gissing"] = {k: combo_van(d, k).currentData() for k in KOPPEN}
        gezien["kopteksten"] = [d.kolommenmodel.data(d.kolommenmodel.index(r, 1)) for r in
                                range(d.kolommenmodel.rowCount())]
        qtmodeltester.check(d.kolommenmodel)
        qtbot.keyClick(d, Qt.Key.Key_Return)  # Enter goes on to the preview
        assert d.paginas.currentIndex() == d.VOORBEELD
        gezien["aantallen"] = d.aantallen.text()
        qtmodeltester.check(d.rijenmodel)
        gezien["namen"] = sorted(d.rijenmodel.rij(r).naam for r in range(d.rijenmodel.rowCount()))
        qtbot.keyClick(d, Qt.Key.Key_Return)  # Enter never imports
        assert alle_codes(start_register) == voor and d.isVisible()
        assert d.knop_importeren.isEnabled()
        qtbot.mouseClick(d.knop_importeren, Qt.MouseButton.LeftButton)

    d = importeer_via_menu(qtbot, venster, monkeypatch, pad, handelingen)
    assert gezien["kopteksten"] == list(KOPPEN)
    assert gezien["gissing"] == {"Maatregel": "naam", "Thema": "domein", "Stand van zaken": "status",
                                 "Deadline": "planning_huidig"}
    assert gezien["aantallen"] == "3 nieuw · 0 gewijzigd · 0 ongewijzigd · 0 afgewezen"
    assert gezien["namen"] == sorted(r[0] for r in RIJEN)
    assert d.resultaat is not None and len(d.resultaat.aangemaakt) == 3
    nieuw = maatregel_met_naam(start_register, "Terugbelafspraak binnen twee werkdagen")
    assert nieuw is not None and nieuw.code.startswith("IN-") and nieuw.status == "ingevoerd"
    assert maatregel_met_naam(start_register, "Vaste contactpersoon bij hoge schuld").code.startswith("DC-")
    assert set(d.resultaat.aangemaakt) <= {venster.model.rij(r).code for r in range(venster.model.rowCount())}
    assert meldingen["meld"] and "3 maatregelen aangemaakt, 0 gewijzigd" in meldingen["meld"][0]


def test_kolom_niet_importeren_verandert_het_plan(qtbot, venster, monkeypatch, start_register, meldingen,
                                                  tmp_path):
    pad = maak_tracker(tmp_path / "tracker.xlsx")
    voor = alle_codes(start_register)
    gezien = {}

    def handelingen(d):
        gezien["eerst"] = d.plan.aantal("nieuw")
        combo = combo_van(d, "Thema")
        combo.setFocus()
        combo.setCurrentIndex(combo.findText(importdialoog.NIET_IMPORTEREN))
        assert not d.knop_volgende.isEnabled()  # the preview no longer matches the columns until planned again
        wacht_op_plan(qtbot, d)
        gezien["toewijzing"] = d.toewijzing()
        d.volgende()
        gezien["afgewezen"] = d.plan.aantal("afgewezen")
        gezien["importeren"] = d.knop_importeren.isEnabled()
        gezien["reden"] = d.reden.text() if d.reden.isVisible() else ""
        d.reject()

    importeer_via_menu(qtbot, venster, monkeypatch, pad, handelingen)
    assert gezien["eerst"] == 3
    assert gezien["toewijzing"][KOPPEN.index("Thema")] is None
    assert gezien["afgewezen"] == 3  # a new measure without code needs a domain
    assert not gezien["importeren"] and "Niets wordt geïmporteerd" in gezien["reden"]
    assert alle_codes(start_register) == voor and not meldingen["meld"]


def test_ongeldige_rij_blokkeert_importeren_en_schrijft_niets(qtbot, venster, monkeypatch, start_register,
                                                               meldingen, tmp_path):
    rijen = [*RIJEN, ("Brief in eenvoudige taal", "Invordering", "loopt", "ergens na de zomer")]
    pad = maak_tracker(tmp_path / "tracker.xlsx", rijen)
    voor = alle_codes(start_register)
    gezien = {}

    def handelingen(d):
        d.volgende()
        gezien["aantallen"] = d.aantallen.text()
        gezien["problemen"] = d.problemen.toPlainText() if d.problemen.isVisible() else ""
        gezien["importeren"] = d.knop_importeren.isEnabled()
        gezien["reden"] = d.reden.text()
        d.tonen.setCurrentIndex(d.tonen.findData("afgewezen"))
        gezien["getoond"] = [d.rijenmodel.rij(r).rij for r in range(d.rijenmodel.rowCount())]
        d.importeer()  # even called directly, a refused plan imports nothing
        qtbot.keyClick(d, Qt.Key.Key_Escape)

    d = importeer_via_menu(qtbot, venster, monkeypatch, pad, handelingen)
    assert gezien["aantallen"].endswith("1 afgewezen")
    assert "rij 7" in gezien["problemen"] and 'Blad "Maatregelen"' in gezien["problemen"]
    assert not gezien["importeren"]
    assert gezien["reden"] == ("Niets wordt geïmporteerd zolang er afgewezen rijen zijn: pas het bestand aan of de "
                               "koppeling.")
    assert gezien["getoond"] == [7]
    assert d.resultaat is None and alle_codes(start_register) == voor and not meldingen["meld"]


def test_onleesbaar_bestand_geeft_een_nederlandse_melding(qtbot, venster, monkeypatch, start_register, meldingen,
                                                           tmp_path):
    pad = tmp_path / "kapot.xlsx"
    pad.write_bytes(b"Dit is geen werkmap, alleen wat tekst.")
    voor = alle_codes(start_register)
    gezien = {}

    def handelingen(d):
        gezien["melding"] = d.foutmelding.toPlainText() if d.foutmelding.isVisible() else ""
        gezien["knoppen"] = (d.knop_volgende.isEnabled(), d.knop_importeren.isEnabled(), d.knop_annuleren.text())
        qtbot.mouseClick(d.knop_annuleren, Qt.MouseButton.LeftButton)

    importeer_via_menu(qtbot, venster, monkeypatch, pad, handelingen)
    assert "kapot.xlsx" in gezien["melding"] and "Traceback" not in gezien["melding"]
    assert gezien["knoppen"] == (False, False, "Sluiten")
    assert alle_codes(start_register) == voor and not meldingen["meld"] and not meldingen["fout"]


def test_annuleren_in_het_voorbeeld_schrijft_niets(qtbot, venster, monkeypatch, start_register, meldingen,
                                                  tmp_path):
    pad = maak_tracker(tmp_path / "tracker.xlsx")
    voor = alle_codes(start_register)

    def handelingen(d):
        d.volgende()
        assert d.knop_importeren.isEnabled()
        qtbot.keyClick(d, Qt.Key.Key_Escape)

    d = importeer_via_menu(qtbot, venster, monkeypatch, pad, handelingen)
    assert d.result() == QDialog.DialogCode.Rejected and d.resultaat is None
    assert alle_codes(start_register) == voor and not meldingen["meld"]


def test_conflict_bij_importeren_wordt_gemeld_en_schrijft_niets(qtbot, venster, monkeypatch, start_register,
                                                                meldingen, tmp_path):
    from registry.rekenblad import importeren

    pad = maak_tracker(tmp_path / "tracker.xlsx")
    voor = alle_codes(start_register)
    echt = importeren.importeer

    def en_dan_een_conflict(sessie, *args, **kwargs):
        echt(sessie, *args, **kwargs)  # rows written in the unit of work, which must then roll back
        raise ConflictFout("Maatregel IN-01 is intussen door een ander gewijzigd; er is niets opgeslagen.")

    monkeypatch.setattr(importeren, "importeer", en_dan_een_conflict)

    def handelingen(d):
        d.volgende()
        qtbot.mouseClick(d.knop_importeren, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: bool(meldingen["fout"]), timeout=30_000)
        wacht_op_plan(qtbot, d)
        assert d.isVisible() and d.paginas.currentIndex() == d.VOORBEELD
        d.reject()

    d = importeer_via_menu(qtbot, venster, monkeypatch, pad, handelingen)
    assert "intussen door een ander gewijzigd" in meldingen["fout"][0]
    assert d.resultaat is None and alle_codes(start_register) == voor and not meldingen["meld"]


# --- export -----------------------------------------------------------------------------------------------------


def codes_in_werkmap(pad) -> list[str]:
    from openpyxl import load_workbook

    werkmap = load_workbook(pad, read_only=True)
    blad = werkmap["Maatregelen"]
    rijen = list(blad.iter_rows(values_only=True))
    werkmap.close()
    kop = [str(c) for c in rijen[0]]
    kolom = kop.index("Code")
    return sorted(r[kolom] for r in rijen[1:] if r[kolom])


def test_export_schrijft_de_huidige_selectie(qtbot, venster, monkeypatch, start_register, tmp_path):
    f = Filter(domeinen=("Invordering",), statussen=("deels", "niet"))
    venster.filterpaneel.zet_filter(f)
    pad = tmp_path / "selectie.xlsx"
    gevraagd, geopend = [], []
    monkeypatch.setattr(vragen, "vraag_bestand_opslaan",
                        lambda ouder, titel, voorstel, soorten: gevraagd.append(voorstel) or str(pad))
    monkeypatch.setattr(vragen, "bevestig", lambda ouder, titel, tekst, *a: gevraagd.append(tekst) or True)
    monkeypatch.setattr(vragen, "open_bestand", lambda p: geopend.append(p) or True)
    qtbot.keyClick(venster, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert venster.is_excelexport_bezig() or geopend
    qtbot.waitUntil(lambda: not venster.is_excelexport_bezig(), timeout=60_000)
    with start_register.sessie() as s:
        verwacht = sorted(r.code for r in zoek_maatregelen(s, f))
    assert gevraagd[0].endswith(f"maatregelen-{date.today().isoformat()}.xlsx")
    assert codes_in_werkmap(pad) == verwacht and 0 < len(verwacht) < len(alle_codes(start_register))
    assert f"{len(verwacht)} maatregelen geëxporteerd naar {pad}" in gevraagd[1]
    assert geopend == [pad]


def test_export_naar_een_onbestaande_map_meldt_een_fout_en_schrijft_niets(qtbot, venster, monkeypatch, meldingen,
                                                                          tmp_path):
    pad = tmp_path / "bestaat-niet" / "register.xlsx"
    monkeypatch.setattr(vragen, "vraag_bestand_opslaan", lambda *a: str(pad))
    venster.actie_excel.trigger()
    qtbot.waitUntil(lambda: not venster.is_excelexport_bezig(), timeout=60_000)
    assert meldingen["fout"] and "bestaat-niet" in meldingen["fout"][0]
    assert "Traceback" not in meldingen["fout"][0]
    assert not pad.parent.exists()
    assert venster.actie_excel.isEnabled()


def test_toetsenbord_tab_door_de_kolommen_enter_en_sneltoetsen_wisselen_van_stap(qtbot, venster, monkeypatch,
                                                                           start_register, meldingen, tmp_path):
    pad = maak_tracker(tmp_path / "tracker.xlsx")
    voor = alle_codes(start_register)
    gezien = {}

    def handelingen(d):
        with qtbot.waitActive(d):  # mnemonics need an active window, as on a desktop
            d.activateWindow()
        d.kolomtabel.setFocus()
        gevolgd = []
        for _ in range(len(KOPPEN) + 1):
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
            gevolgd.append(QApplication.focusWidget())
        gezien["tab"] = gevolgd
        gezien["combos"] = list(d._combos)
        gezien["namen"] = [c.accessibleName() for c in d._combos]
        qtbot.keyClick(d._combos[0], Qt.Key.Key_Return)
        gezien["stap"] = d.paginas.currentIndex() == d.VOORBEELD
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_O, Qt.KeyboardModifier.AltModifier)  # < V&orige
        qtbot.waitUntil(lambda: d.paginas.currentIndex() == d.KOLOMMEN)  # a mnemonic clicks after a short flash
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_V, Qt.KeyboardModifier.AltModifier)  # &Volgende
        qtbot.waitUntil(lambda: d.paginas.currentIndex() == d.VOORBEELD)
        qtbot.keyClick(d, Qt.Key.Key_Escape)

    d = importeer_via_menu(qtbot, venster, monkeypatch, pad, handelingen)
    assert gezien["tab"] == [*gezien["combos"], d.knop_volgende]  # Vorige and Importeren are disabled on step 1
    assert gezien["namen"][0] == "Kolom A (Maatregel) importeren als"
    assert gezien["stap"]
    assert d.result() == QDialog.DialogCode.Rejected and alle_codes(start_register) == voor
