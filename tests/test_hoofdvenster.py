"""The main window, driven as a user would, on a real SQLite file holding the starter register."""

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QComboBox, QLineEdit, QPlainTextEdit, QTextEdit

from registry.filters import Filter, zoek_ids
from registry.maatregel import haal_maatregel, wijzig_maatregel
from registry.status import historie
from ui import vragen
from ui.hoofdvenster import SNELTOETSEN
from ui.instellingen import Instellingen
from ui.registermodel import BIJGEWERKT, CODE, CODE_ROL, NAAM, PLANNING, STATUSKOLOM


@pytest.fixture
def venster(qtbot, maak_venster, start_register):
    return maak_venster(start_register)


def getoonde_codes(v) -> list[str]:
    m = v.model
    return [m.data(m.index(r, CODE), CODE_ROL) for r in range(m.rowCount())]


def klik_op(qtbot, v, code: str) -> None:
    """A mouse click on the measure's row, as a user selects it."""
    index = v.model.index(v.model.rij_van_code(code), CODE)
    v.tabel.scrollTo(index)
    qtbot.mouseClick(v.tabel.viewport(), Qt.MouseButton.LeftButton, pos=v.tabel.visualRect(index).center())


def codes_volgens_sql(register, f: Filter) -> list[str]:
    with register.sessie() as s:
        ids = set(zoek_ids(s, f))
    return sorted((r.code for r in (_alle_rijen(register)) if r.id in ids))


def _alle_rijen(register):
    from registry.filters import zoek_maatregelen

    with register.sessie() as s:
        return zoek_maatregelen(s, Filter(met_gearchiveerd=True))


FILTERS = [
    Filter(domeinen=("Invordering",)),
    Filter(statussen=("deels",)),
    Filter(statussen=("deels", "niet")),
    Filter(fasen=("pilot", "implementatie")),
    Filter(iv_afhankelijk=True),
    Filter(iv_blokkade=True),
    Filter(iv_keten="innen"),
    Filter(toeslagen=("Kinderopvangtoeslag",)),
    Filter(eigenaar="toeslagen"),
    Filter(zoek="betalingsregeling"),
    Filter(planning_verstreken=True),
    Filter(domeinen=("Invordering",), statussen=("deels", "niet"), iv_blokkade=True),
    Filter(domeinen=("Terugvorderingen", "Niet-gebruik"), zoek="burger", statussen=("deels",)),
    Filter(toeslagen=("Huurtoeslag", "Kinderopvangtoeslag"), iv_afhankelijk=True),
]


@pytest.mark.parametrize("f", FILTERS, ids=lambda f: f.omschrijving())
def test_elk_filter_en_combinaties_tonen_dezelfde_maatregelen_als_de_database(venster, start_register, f):
    venster.filterpaneel.zet_filter(f)
    verwacht = codes_volgens_sql(start_register, f)
    assert sorted(getoonde_codes(venster)) == verwacht
    assert f"{len(verwacht)} van " in venster.tellingen.text()
    assert venster.filterpaneel.filter().omschrijving() == f.omschrijving()


def test_de_filters_vinden_iets_in_het_startregister(venster, start_register):
    """Guard for the test above: each filter kind selects a real, non-empty, smaller part of the register."""
    totaal = len(codes_volgens_sql(start_register, Filter()))
    for f in FILTERS:
        assert 0 < len(codes_volgens_sql(start_register, f)) < totaal, f.omschrijving()


def test_zoeken_filtert_bij_elke_toetsaanslag(qtbot, venster, start_register):
    qtbot.keyClick(venster, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert venster.filterpaneel.zoekveld.hasFocus()
    getypt = ""
    for teken in "invord":
        qtbot.keyClick(venster.filterpaneel.zoekveld, teken)
        getypt += teken
        assert sorted(getoonde_codes(venster)) == codes_volgens_sql(start_register, Filter(zoek=getypt))
    assert 0 < venster.model.rowCount() < len(codes_volgens_sql(start_register, Filter()))
    venster.actie_wissen.trigger()
    assert venster.filterpaneel.zoekveld.text() == ""
    assert sorted(getoonde_codes(venster)) == codes_volgens_sql(start_register, Filter())


def test_sorteren_op_een_kolom_en_terug(qtbot, venster):
    kop = venster.tabel.horizontalHeader()
    namen = lambda: [venster.model.rij(r).naam for r in range(venster.model.rowCount())]  # noqa: E731
    venster.tabel.sortByColumn(NAAM, Qt.SortOrder.AscendingOrder)
    from registry.tekst import normaliseer
    assert namen() == sorted(namen(), key=normaliseer)
    venster.tabel.sortByColumn(NAAM, Qt.SortOrder.DescendingOrder)
    assert namen() == sorted(namen(), key=normaliseer, reverse=True)
    assert kop.sortIndicatorSection() == NAAM
    venster.tabel.sortByColumn(STATUSKOLOM, Qt.SortOrder.AscendingOrder)
    statussen = [venster.model.rij(r).status for r in range(venster.model.rowCount())]
    volgorde = ["ingevoerd", "deels", "niet"]
    assert statussen == sorted(statussen, key=volgorde.index)


def test_sorteren_houdt_de_selectie_vast(venster):
    venster.selecteer("IN-03")
    venster.tabel.sortByColumn(PLANNING, Qt.SortOrder.DescendingOrder)
    assert venster.geselecteerde_codes() == ["IN-03"]
    assert venster.detail.code() == "IN-03"


def test_model_doorstaat_qtmodeltester_na_filter_en_sortering(qtmodeltester, venster):
    qtmodeltester.check(venster.model)
    venster.filterpaneel.zet_filter(Filter(statussen=("deels",)))
    venster.tabel.sortByColumn(BIJGEWERKT, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(venster.model)


def test_verstreken_planning_is_gemarkeerd(venster, start_register):
    venster.filterpaneel.zet_filter(Filter(planning_verstreken=True))
    assert venster.model.rowCount() > 0
    for r in range(venster.model.rowCount()):
        assert venster.model.data(venster.model.index(r, PLANNING)).startswith("⚠")


def test_bewaarde_weergave_terughalen(qtbot, venster, monkeypatch, start_register):
    f = Filter(domeinen=("Invordering",), statussen=("niet",))
    venster.filterpaneel.zet_filter(f)
    monkeypatch.setattr(vragen, "vraag_tekst", lambda *a, **k: "Invordering open")
    monkeypatch.setattr(vragen, "bevestig", lambda *a, **k: True)
    _klik_knop(qtbot, venster.filterpaneel, "Bewaren")
    venster.filterpaneel.wis()
    assert venster.model.rowCount() == len(codes_volgens_sql(start_register, Filter()))
    keuze = venster.filterpaneel.weergavekeuze
    index = keuze.findText("Invordering open")
    keuze.setCurrentIndex(index)
    keuze.activated.emit(index)  # what a user's choice in the list emits
    assert sorted(getoonde_codes(venster)) == codes_volgens_sql(start_register, f)


def _klik_knop(qtbot, ouder, tekst_begin: str) -> None:
    for knop in ouder.findChildren(QAbstractButton):
        if knop.text().replace("&", "").startswith(tekst_begin):
            qtbot.mouseClick(knop, Qt.MouseButton.LeftButton)
            return
    raise AssertionError(f"geen knop {tekst_begin}")


def test_vensterstand_en_laatste_filter_blijven_bewaard(qtbot, start_register):
    from ui.hoofdvenster import Hoofdvenster

    eerste = Hoofdvenster(start_register, Instellingen())
    qtbot.addWidget(eerste)
    eerste.show()
    eerste.resize(eerste.width(), 555)  # the offscreen screen is only 800 px wide: the width is at its limit already
    eerste.tabel.horizontalHeader().resizeSection(NAAM, 333)
    eerste.tabel.sortByColumn(PLANNING, Qt.SortOrder.DescendingOrder)
    f = Filter(statussen=("deels",), zoek="burger")
    eerste.filterpaneel.zet_filter(f)
    eerste.close()

    tweede = Hoofdvenster(start_register, Instellingen())
    qtbot.addWidget(tweede)
    tweede.show()
    assert tweede.height() == 555
    assert tweede.tabel.horizontalHeader().sectionSize(NAAM) == 333
    assert tweede.tabel.horizontalHeader().sortIndicatorSection() == PLANNING
    assert tweede.filterpaneel.filter() == f
    assert sorted(getoonde_codes(tweede)) == codes_volgens_sql(start_register, f)
    rijen = [tweede.model.rij(r) for r in range(tweede.model.rowCount())]
    eindes = [r.planning_huidig.tot for r in rijen if r.planning_huidig]
    assert eindes == sorted(eindes, reverse=True)


def test_statusbalk_toont_aantallen_en_ivblokkades(venster, start_register):
    totaal = len(codes_volgens_sql(start_register, Filter()))
    geblokkeerd = len(codes_volgens_sql(start_register, Filter(iv_blokkade=True)))
    assert f"{totaal} van {totaal} maatregelen" in venster.tellingen.text()
    assert f"{geblokkeerd} met IV-blokkade" in venster.tellingen.text()
    assert str(start_register.pad) in venster.windowTitle()


def test_selecteren_toont_de_maatregel_in_de_details(venster, start_register):
    assert venster.selecteer("NG-02")
    with start_register.sessie() as s:
        naam = haal_maatregel(s, "NG-02").naam
    assert venster.detail.code() == "NG-02"
    assert naam in venster.detail.findChild(QLineEdit, "naam").text()


def test_elke_invoer_heeft_een_toegankelijke_naam(venster):
    venster.selecteer("TV-01")
    naamloos = []
    for soort in (QLineEdit, QComboBox, QPlainTextEdit, QTextEdit, QAbstractButton):
        for w in venster.findChildren(soort):
            if not w.isVisibleTo(venster):
                continue
            if isinstance(w, QLineEdit) and isinstance(w.parent(), QComboBox):
                continue  # an editable combo's own line edit: the combo carries the name
            tekst = w.text() if isinstance(w, QAbstractButton) else ""
            if not (w.accessibleName() or tekst.replace("&", "").strip()):
                naamloos.append(f"{type(w).__name__} {w.objectName()!r}")
    assert not naamloos


def test_archiveren_vraagt_bevestiging_en_verbergt_de_maatregel(qtbot, venster, monkeypatch, start_register):
    venster.selecteer("DC-02")
    gevraagd = []
    monkeypatch.setattr(vragen, "bevestig", lambda ouder, titel, tekst, **k: gevraagd.append(tekst) or False)
    venster.actie_archiveren.trigger()
    assert gevraagd and "DC-02" in gevraagd[0]
    with start_register.sessie() as s:
        assert not haal_maatregel(s, "DC-02").gearchiveerd

    monkeypatch.setattr(vragen, "bevestig", lambda *a, **k: True)
    venster.actie_archiveren.trigger()
    with start_register.sessie() as s:
        assert haal_maatregel(s, "DC-02").gearchiveerd
    assert "DC-02" not in getoonde_codes(venster)

    venster.actie_archief_tonen.trigger()
    assert "DC-02" in getoonde_codes(venster)
    assert venster.filterpaneel.filter().met_gearchiveerd
    venster.selecteer("DC-02")
    venster.actie_terugzetten.trigger()
    with start_register.sessie() as s:
        assert not haal_maatregel(s, "DC-02").gearchiveerd


def test_nieuwe_maatregel_krijgt_voorgestelde_code_in_het_domein(qtbot, venster, monkeypatch, start_register):
    from ui.nieuwemaatregel import NieuweMaatregelDialoog

    venster.selecteer("IN-03")
    gezien = {}

    def beantwoord(dialoog):
        assert isinstance(dialoog, NieuweMaatregelDialoog)
        gezien["code"] = dialoog.code_veld.text()
        dialoog.naam.setText("Persoonlijk contact bij hoge schuld")
        dialoog.accept()
        return dialoog.result() == dialoog.DialogCode.Accepted

    monkeypatch.setattr(vragen, "voer_uit", beantwoord)
    qtbot.keyClick(venster, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    with start_register.sessie() as s:
        nummers = [int(c.split("-")[1]) for c in codes_volgens_sql(start_register, Filter(met_gearchiveerd=True))
                   if c.startswith("IN-")]
        verwacht = f"IN-{max(nummers):02d}"
        nieuw = haal_maatregel(s, verwacht)
    assert gezien["code"] == verwacht
    assert nieuw.naam == "Persoonlijk contact bij hoge schuld" and nieuw.status == "niet"
    assert venster.detail.code() == verwacht
    assert verwacht in getoonde_codes(venster)


def test_nieuwe_maatregel_zonder_naam_wordt_niet_aangemaakt(venster, monkeypatch, start_register):
    def beantwoord(dialoog):
        dialoog.accept()  # empty name: refused, the dialog stays open with the message
        assert not dialoog.melding.isHidden() and "Naam" in dialoog.melding.text()
        return False

    voor = len(codes_volgens_sql(start_register, Filter(met_gearchiveerd=True)))
    monkeypatch.setattr(vragen, "voer_uit", beantwoord)
    venster.actie_nieuw.trigger()
    assert len(codes_volgens_sql(start_register, Filter(met_gearchiveerd=True))) == voor


def test_dupliceren_maakt_een_kopie_met_nieuwe_code(venster, start_register):
    venster.selecteer("TV-02")
    venster.actie_dupliceren.trigger()
    kopie = venster.detail.code()
    assert kopie.startswith("TV-") and kopie != "TV-02"
    with start_register.sessie() as s:
        origineel, nieuw = haal_maatregel(s, "TV-02"), haal_maatregel(s, kopie)
        assert len(historie(s, kopie)) == 1
    assert nieuw.naam == f"Kopie van {origineel.naam}"
    assert (nieuw.omschrijving, nieuw.domein, nieuw.toeslagen) == (origineel.omschrijving, origineel.domein,
                                                                  origineel.toeslagen)
    assert nieuw.status == "niet"


def test_bewerken_en_opslaan_met_ctrl_s_werkt_tabel_en_database_bij(qtbot, venster, start_register):
    venster.selecteer("NG-03")
    naam = venster.detail.findChild(QLineEdit, "naam")
    naam.setText("Proactief toekennen (aangepast)")
    assert venster.isWindowModified()
    qtbot.keyClick(venster, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    with start_register.sessie() as s:
        assert haal_maatregel(s, "NG-03").naam == "Proactief toekennen (aangepast)"
    rij = venster.model.rij_van_code("NG-03")
    assert venster.model.data(venster.model.index(rij, NAAM)).endswith("Proactief toekennen (aangepast)")
    assert not venster.isWindowModified()


def test_ongeldige_invoer_blokkeert_opslaan(qtbot, venster, start_register):
    venster.selecteer("NG-03")
    with start_register.sessie() as s:
        versie = haal_maatregel(s, "NG-03").versie
    venster.detail.findChild(QLineEdit, "planning_huidig").setText("ergens in de toekomst")
    qtbot.keyClick(venster, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    with start_register.sessie() as s:
        assert haal_maatregel(s, "NG-03").versie == versie
    assert venster.detail.is_gewijzigd() and venster.isWindowModified()


@pytest.mark.parametrize("antwoord, blijft", [(vragen.ANNULEREN, True), (vragen.VERWERPEN, False),
                                              (vragen.OPSLAAN, False)])
def test_niet_opgeslagen_wijzigingen_vragen_eerst(qtbot, venster, monkeypatch, start_register, antwoord, blijft):
    venster.selecteer("BU-02")
    venster.detail.findChild(QLineEdit, "naam").setText("Nieuwe naam voor BU-02")
    gevraagd = []
    monkeypatch.setattr(vragen, "vraag_opslaan", lambda *a, **k: gevraagd.append(1) or antwoord)
    klik_op(qtbot, venster, "BU-03")
    qtbot.wait(20)  # the way back to the edited row is queued
    assert gevraagd
    assert venster.detail.code() == ("BU-02" if blijft else "BU-03")
    # Table and details always show the same measure, also after saving on the way out reloaded the rows.
    assert venster.geselecteerde_codes() == [venster.detail.code()]
    assert venster.model.rij(venster.tabel.currentIndex().row()).code == venster.detail.code()
    if blijft:
        assert venster.detail.findChild(QLineEdit, "naam").text() == "Nieuwe naam voor BU-02"
    with start_register.sessie() as s:
        opgeslagen = haal_maatregel(s, "BU-02").naam == "Nieuwe naam voor BU-02"
    assert opgeslagen == (antwoord == vragen.OPSLAAN)


def test_sluiten_met_niet_opgeslagen_wijzigingen_vraagt_eerst(qtbot, venster, monkeypatch):
    venster.selecteer("BU-02")
    venster.detail.findChild(QLineEdit, "naam").setText("Iets anders")
    monkeypatch.setattr(vragen, "vraag_opslaan", lambda *a, **k: vragen.ANNULEREN)
    assert not venster.close()
    assert venster.isVisible()


def test_gelijktijdige_wijziging_toont_conflict_en_verliest_niets(qtbot, venster, monkeypatch, start_register):
    from db.openen import open_register

    venster.selecteer("DC-03")
    venster.detail.findChild(QLineEdit, "eigenaar").setText("Team Dienstverlening")
    ander = open_register(pad=start_register.pad)
    try:
        with ander.werk() as s:
            versie = haal_maatregel(s, "DC-03").versie
            wijzig_maatregel(s, "DC-03", {"partners": "Gemeenten en UWV"}, "collega", versie)
    finally:
        ander.sluit()
    getoond = []

    def herlaad(dialoog):
        getoond.append(dialoog)
        return True

    monkeypatch.setattr(vragen, "voer_uit", herlaad)
    venster.actie_opslaan.trigger()
    assert getoond, "de gebruiker hoort van het conflict"
    with start_register.sessie() as s:
        assert haal_maatregel(s, "DC-03").eigenaar != "Team Dienstverlening"  # nothing overwritten silently
    assert venster.detail.is_gewijzigd()
    venster.actie_opslaan.trigger()
    with start_register.sessie() as s:
        m = haal_maatregel(s, "DC-03")
    assert (m.eigenaar, m.partners) == ("Team Dienstverlening", "Gemeenten en UWV")


def test_database_wisselen_verbindt_opnieuw(qtbot, venster, tmp_path, sqlite_sjabloon):
    import shutil

    ander = tmp_path / "ander.db"
    shutil.copyfile(sqlite_sjabloon, ander)  # an empty register
    assert venster.wissel_database(str(ander))
    assert str(ander) in venster.windowTitle()
    assert venster.model.rowCount() == 0
    assert venster.detail.code() is None


def test_database_die_niet_opent_laat_de_huidige_in_gebruik(qtbot, venster, tmp_path, monkeypatch, start_register):
    vreemd = tmp_path / "notities.db"
    vreemd.write_text("dit is geen database\n" * 100)
    meldingen = []
    monkeypatch.setattr(vragen, "meld_fout", lambda ouder, titel, tekst: meldingen.append(tekst))
    assert not venster.wissel_database(str(vreemd))
    assert meldingen
    assert venster.register is start_register
    assert venster.model.rowCount() > 0


def test_signaaldrempel_markeert_oude_statussen(venster):
    from registry.signalen import maanden_voor

    venster.model.zet_drempel(1)
    grens = maanden_voor(venster.model._peildatum, 1)
    oud = [r for r in range(venster.model.rowCount())
           if (rij := venster.model.rij(r)).status_datum and rij.status_datum < grens and rij.status != "ingevoerd"]
    assert oud
    assert venster.model.data(venster.model.index(oud[0], BIJGEWERKT), Qt.ItemDataRole.ForegroundRole) is not None


def test_gearchiveerd_filter_blijft_gelijk_aan_menukeuze(venster):
    venster.filterpaneel.zet_filter(replace(Filter(), met_gearchiveerd=True))
    assert venster.actie_archief_tonen.isChecked()
    venster.actie_archief_tonen.trigger()
    assert not venster.filterpaneel.filter().met_gearchiveerd


def _vul_statusdialoog(status: str, reden: str, gezien: list):
    def beantwoord(dialoog):
        from ui.statusdialoog import StatusDialoog

        assert isinstance(dialoog, StatusDialoog)
        gezien.append(dialoog.windowTitle())
        dialoog.kies_status(status)
        dialoog.toelichting.setPlainText(reden)
        dialoog.knop_ok.click()
        return dialoog.result() == dialoog.DialogCode.Accepted
    return beantwoord


def test_statuswijziging_met_sneltoets_schrijft_historie_en_werkt_de_tabel_bij(qtbot, venster, monkeypatch,
                                                                                 start_register):
    venster.selecteer("IN-05")
    with start_register.sessie() as s:
        voor = len(historie(s, "IN-05"))
        oud = haal_maatregel(s, "IN-05").status
    nieuw = "ingevoerd" if oud != "ingevoerd" else "deels"
    gezien = []
    monkeypatch.setattr(vragen, "voer_uit", _vul_statusdialoog(nieuw, "Landelijk ingevoerd per 1 juli", gezien))
    qtbot.keyClick(venster.tabel, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    assert gezien and "IN-05" in gezien[0]
    with start_register.sessie() as s:
        regels = historie(s, "IN-05")
        assert haal_maatregel(s, "IN-05").status == nieuw
    assert len(regels) == voor + 1
    laatste = max(regels, key=lambda r: r.geregistreerd_op)
    assert (laatste.oud, laatste.nieuw, laatste.toelichting) == (oud, nieuw, "Landelijk ingevoerd per 1 juli")
    assert laatste.gebruiker == venster.gebruiker()
    rij = venster.model.rij_van_code("IN-05")
    from registry.vocabulaire import STATUS
    assert venster.model.data(venster.model.index(rij, STATUSKOLOM)) == f"{STATUS[nieuw].symbool} {STATUS[nieuw].label}"
    assert venster.historie.model.rowCount() == voor + 1


def test_statuswijziging_voor_een_meervoudige_selectie_schrijft_een_regel_per_maatregel(qtbot, venster, monkeypatch,
                                                                                          start_register):
    from PySide6.QtCore import QItemSelectionModel

    venster.filterpaneel.zet_filter(Filter(domeinen=("Niet-gebruik",), statussen=("niet",)))
    codes = getoonde_codes(venster)[:3]
    assert len(codes) == 3
    selectie = venster.tabel.selectionModel()
    selectie.clearSelection()
    for code in codes:
        selectie.select(venster.model.index(venster.model.rij_van_code(code), 0),
                        QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)
    with start_register.sessie() as s:
        voor = {c: len(historie(s, c)) for c in codes}
    gezien = []
    monkeypatch.setattr(vragen, "voer_uit", _vul_statusdialoog("deels", "Gestart in de pilotgemeenten", gezien))
    venster.actie_status.trigger()
    assert "3 maatregelen" in gezien[0]
    with start_register.sessie() as s:
        for c in codes:
            assert haal_maatregel(s, c).status == "deels"
            assert len(historie(s, c)) == voor[c] + 1
    # They no longer match the filter on status "niet": the table follows the change.
    assert not set(codes) & set(getoonde_codes(venster))


def test_statusdialoog_zonder_reden_schrijft_niets(qtbot, venster, monkeypatch, start_register):
    venster.selecteer("TV-03")
    with start_register.sessie() as s:
        voor = len(historie(s, "TV-03"))
    gezien = []

    def zonder_reden(dialoog):
        dialoog.kies_status("deels")
        dialoog.knop_ok.click()
        gezien.append(dialoog.foutmelding("toelichting"))
        return False

    monkeypatch.setattr(vragen, "voer_uit", zonder_reden)
    venster.actie_status.trigger()
    assert gezien[0]
    with start_register.sessie() as s:
        assert len(historie(s, "TV-03")) == voor


def test_na_opslaan_bij_het_verlaten_volgt_een_klik_terug_de_tabel(qtbot, venster, monkeypatch):
    venster.selecteer("TV-05")
    venster.detail.findChild(QLineEdit, "naam").setText("Andere naam")
    monkeypatch.setattr(vragen, "vraag_opslaan", lambda *a, **k: vragen.OPSLAAN)
    klik_op(qtbot, venster, "TV-07")
    qtbot.wait(20)
    klik_op(qtbot, venster, "TV-05")
    qtbot.wait(20)
    assert venster.detail.code() == "TV-05"


def test_tab_verlaat_de_tabel_zonder_een_andere_maatregel_te_kiezen(qtbot, venster):
    venster.selecteer("DC-01")
    venster.tabel.setFocus()
    qtbot.keyClick(venster.tabel, Qt.Key.Key_Tab)
    assert not venster.tabel.hasFocus()
    assert venster.detail.code() == "DC-01"


def test_teller_met_gearchiveerde_maatregelen_telt_die_mee(venster, monkeypatch, start_register):
    monkeypatch.setattr(vragen, "bevestig", lambda *a, **k: True)
    venster.selecteer("NG-02")
    venster.actie_archiveren.trigger()
    actief = len(codes_volgens_sql(start_register, Filter()))
    assert f"{actief} van {actief} maatregelen" in venster.tellingen.text()
    venster.actie_archief_tonen.trigger()
    assert f"{actief + 1} van {actief + 1} maatregelen" in venster.tellingen.text()


def test_lege_cellen_staan_in_beide_richtingen_onderaan(venster):
    for volgorde in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
        venster.tabel.sortByColumn(PLANNING, volgorde)
        rijen = [venster.model.rij(r) for r in range(venster.model.rowCount())]
        leeg = [r.planning_huidig is None for r in rijen]
        assert any(leeg) and not all(leeg)
        assert leeg == sorted(leeg), "lege planningen onderaan"
        eindes = [r.planning_huidig.tot for r in rijen if r.planning_huidig]
        assert eindes == sorted(eindes, reverse=volgorde == Qt.SortOrder.DescendingOrder)


def test_archiveren_na_opslaan_bij_vertrek_geeft_geen_schijnconflict(venster, monkeypatch, start_register):
    venster.selecteer("DC-04")
    venster.detail.findChild(QLineEdit, "naam").setText("Eerst opslaan, dan archiveren")
    monkeypatch.setattr(vragen, "vraag_opslaan", lambda *a, **k: vragen.OPSLAAN)
    monkeypatch.setattr(vragen, "bevestig", lambda *a, **k: True)
    venster.actie_archiveren.trigger()
    with start_register.sessie() as s:
        m = haal_maatregel(s, "DC-04")
    assert m.naam == "Eerst opslaan, dan archiveren" and m.gearchiveerd


def test_nieuwe_maatregel_tijdens_een_signaal_wordt_in_de_tabel_gekozen(qtbot, venster, monkeypatch):
    venster.toon_signaal("Planning verstreken", ("IN-18",))
    assert getoonde_codes(venster) == ["IN-18"]

    def beantwoord(dialoog):
        dialoog.naam.setText("Nieuw tijdens signaal")
        dialoog.accept()
        return True

    monkeypatch.setattr(vragen, "voer_uit", beantwoord)
    venster.actie_nieuw.trigger()
    nieuw = venster.detail.code()
    assert venster.geselecteerde_codes() == [nieuw]
    assert not venster.signaalknop.isVisible()


def test_selectie_van_veel_rijen_blijft_bij_filteren_behouden(qtbot, venster, start_register):
    venster.tabel.selectAll()
    alle = set(venster.geselecteerde_codes())
    qtbot.keyClicks(venster.filterpaneel.zoekveld, "betaling")
    gefilterd = set(getoonde_codes(venster))
    assert set(venster.geselecteerde_codes()) == alle & gefilterd
    venster.filterpaneel.wis()  # what was hidden was deselected with it; what stayed selected still is
    assert set(venster.geselecteerde_codes()) == alle & gefilterd


def test_mislukte_databasewissel_laat_de_instelling_op_de_oude_database(venster, tmp_path, monkeypatch):
    vreemd = tmp_path / "notities.db"
    vreemd.write_text("geen database\n" * 50)
    monkeypatch.setattr(vragen, "meld_fout", lambda *a: None)
    venster.instellingen.database = str(vreemd)  # as the settings dialog stores it before the switch
    assert not venster.wissel_database(str(vreemd), vorige="")
    assert venster.instellingen.database is None


def test_prioritering_opent_met_alt_5_en_de_rangorde_heeft_de_focus(qtbot, venster, monkeypatch):
    assert venster.prioritering.pagina is None  # built when first shown, not at start-up
    venster.activateWindow()
    qtbot.keyClick(venster, Qt.Key.Key_5, Qt.KeyboardModifier.AltModifier)
    assert venster.paginas.currentIndex() == venster.PRIORITERING
    assert venster.paginas.tabText(venster.PRIORITERING) == "Prioritering"
    pagina = venster.prioritering.pagina
    assert pagina is not None and pagina.model.rowCount() > 0
    qtbot.waitUntil(lambda: pagina.focusWidget() is pagina.tabel)
    assert "Alt+1 … Alt+5" in SNELTOETSEN and "Prioritering" in SNELTOETSEN

    code = pagina.model.codes()[0]  # Enter on a measure opens it in the register, and Alt+Left comes back
    pagina.selecteer(code)
    qtbot.keyClick(pagina.tabel, Qt.Key.Key_Return)
    assert venster.paginas.currentIndex() == venster.MAATREGELEN
    assert venster.detail.code() == code and venster.geselecteerde_codes() == [code]
    assert code in venster.actie_terug.text()
    qtbot.keyClick(venster, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert venster.paginas.currentIndex() == venster.PRIORITERING
    assert pagina.huidige_code() == code


def test_besluit_op_de_prioriteringspagina_werkt_het_register_bij(qtbot, venster, monkeypatch, start_register):
    venster.toon_pagina(venster.PRIORITERING)
    pagina = venster.prioritering.pagina
    code = pagina.model.codes()[0]
    pagina.selecteer(code)

    def beantwoord(dialoog):
        dialoog.kies("later")
        dialoog.motivatie.setPlainText("Eerst de migratie")
        return True

    monkeypatch.setattr(vragen, "voer_uit", beantwoord)
    pagina.leg_besluit_vast()
    with start_register.sessie() as s:
        detail = haal_maatregel(s, code)
    assert detail.prioriteit == "later"
    rij = next(r for r in venster.model.alle_rijen() if r.code == code)
    assert rij.versie == detail.versie  # the register's row was reread: no false conflict on the next edit


def test_sluiten_met_een_scenario_vraagt_eerst_en_f5_houdt_het(qtbot, venster, monkeypatch):
    venster.toon_pagina(venster.PRIORITERING)
    pagina = venster.prioritering.pagina
    pagina.zet_capaciteit("Innen en Betalen", "2027-H1", 40)
    assert not pagina.scenario().is_leeg
    venster.ververs()  # F5 rereads the register and keeps the scenario, without asking
    assert not pagina.scenario().is_leeg

    gevraagd = []
    monkeypatch.setattr(vragen, "bevestig", lambda *a, **k: gevraagd.append(a[2]) or False)
    venster.toon_pagina(venster.MAATREGELEN)
    assert not venster.close()  # Annuleren: the window stays, on the scenario's page
    assert gevraagd and "scenario" in gevraagd[0].lower()
    assert venster.paginas.currentIndex() == venster.PRIORITERING
    monkeypatch.setattr(vragen, "bevestig", lambda *a, **k: True)
    assert venster.close()


@pytest.mark.parametrize("breedte, hoogte", [(1366, 768), (1600, 1000)])
def test_prioritering_past_op_een_laptopscherm(qtbot, venster, breedte, hoogte):
    """At a laptop's size the capacity box (buttons, a refusal) is in view without scrolling, and the ranking shows
    what a decision rests on, with a scenario beside the plan, without scrolling to the right."""
    from ui.prioriteringsmodellen import CapaciteitModel, RangordeModel

    venster.resize(breedte, hoogte)
    venster.toon_pagina(venster.PRIORITERING)
    pagina = venster.prioritering.pagina
    pagina.zet_capaciteit("Innen en Betalen", "2027-H1", 20)  # a scenario: its column is shown too
    model = pagina.capaciteitmodel
    assert not model.setData(model.index(0, CapaciteitModel.CAPACITEIT), "veel")
    qtbot.wait(50)

    kijkvenster = pagina.zijkant.viewport()
    for widget in (pagina.knop_periode, pagina.knop_verwijder, pagina.capaciteitfout, pagina.capaciteittabel):
        assert widget.isVisible(), widget
        linksboven = widget.mapTo(kijkvenster, widget.rect().topLeft())
        assert kijkvenster.rect().contains(widget.rect().translated(linksboven)), widget

    tabel = pagina.tabel
    for kolom in (RangordeModel.RANG, RangordeModel.RANG_KETEN, RangordeModel.CODE, RangordeModel.NAAM,
                  RangordeModel.PLAN, RangordeModel.SCENARIO, RangordeModel.SCORE, RangordeModel.BESLUIT):
        assert not tabel.isColumnHidden(kolom)
        assert tabel.columnViewportPosition(kolom) + tabel.columnWidth(kolom) <= tabel.viewport().width(), kolom
    assert tabel.columnViewportPosition(RangordeModel.TOELICHTING) < tabel.viewport().width()
    pagina.maak_ongedaan()  # no scenario left to ask about on closing
