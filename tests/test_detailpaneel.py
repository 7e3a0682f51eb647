"""The detail pane: a user sees a measure's fields, edits and saves them, and never loses an edit to a conflict."""

import re
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QWidget

from db.openen import open_register
from registry.aanbeveling import aanbevelingen
from registry.effectmeting import effectmetingen_van
from registry.filters import zoek_ids
from registry.fouten import ValidatieFout
from registry.maatregel import details, haal_maatregel, wijzig_maatregel
from registry.tekst import natuurlijke_sleutel
from registry.vocabulaire import BEWIJSKRACHT, OPVOLGING
from registry.wijzigingslog import wijzigingslog
from ui import vragen
from ui.conflictdialoog import ConflictDialoog
from ui.detailpaneel import DetailPaneel, codes_uit_tekst, met_sneltoets


@pytest.fixture
def paneel(qtbot, start_register):
    paneel = DetailPaneel(start_register, lambda: "tester")
    qtbot.addWidget(paneel)
    paneel.resize(900, 700)
    paneel.show()
    qtbot.waitExposed(paneel)
    return paneel


def lees(register, code):
    with register.sessie() as s:
        return haal_maatregel(s, code)


def alle_maatregelen(register):
    with register.sessie() as s:
        return details(s, zoek_ids(s))


def eerste(register, voorwaarde):
    gevonden = [d for d in alle_maatregelen(register) if voorwaarde(d)]
    assert gevonden, "het startregister heeft zo'n maatregel niet"
    return gevonden[0]


def typ(qtbot, veld, tekst):
    """Replace a line edit's or text box's text by typing, as a user does."""
    veld.selectAll()
    qtbot.keyClicks(veld, tekst)


def ga_naar_tab_van(paneel, veld):
    """Switch to the tab holding `veld`, as a user would to look at it."""
    paneel.tabs.setCurrentIndex(next(i for i in range(paneel.tabs.count())
                                     if paneel.tabs.widget(i).isAncestorOf(veld)))


def zonder_vragen(monkeypatch):
    """Fail the test when the pane asks anything unexpected."""
    monkeypatch.setattr(vragen, "voer_uit", lambda d: pytest.fail(f"onverwachte dialoog {d.windowTitle()}"))
    monkeypatch.setattr(vragen, "meld_fout", lambda *a: pytest.fail(f"onverwachte foutmelding {a}"))
    monkeypatch.setattr(vragen, "vraag_opslaan", lambda *a: pytest.fail("onverwachte vraag"))


# --- showing --------------------------------------------------------------------------------------------------------

def test_toont_de_gegevens_van_een_maatregel(paneel, start_register):
    d = eerste(start_register, lambda d: d.ouder and d.toeslagen and d.bronnen and d.omschrijving)
    paneel.toon(d.code)

    assert paneel.code() == d.code and paneel.detail() == d
    assert f"{d.code} — {d.naam}" == paneel.titel.text()
    assert f"versie {d.versie}" in paneel.kenmerken.text()
    assert paneel.code_veld.text() == d.code and paneel.code_veld.isReadOnly()
    assert paneel.naam.text() == d.naam
    assert paneel.omschrijving.toPlainText() == d.omschrijving
    assert paneel.domein.waarde() == d.domein and paneel.domein.currentText().startswith(f"{d.domein} — ")
    assert paneel.ouder.text() == d.ouder
    assert {c for c, v in paneel.toeslag_vakjes.items() if v.isChecked()} == set(d.toeslagen)
    assert paneel.bronnen.count() == len(d.bronnen)
    assert d.bronnen[0].bron in paneel.bronnen.item(0).text()
    assert paneel.iv_afhankelijk.waarde() is d.iv_afhankelijk
    assert f"<a href=\"{d.ouder}\">" in paneel.ouder_link.text()
    assert not paneel.is_gewijzigd()
    assert not paneel.knop_opslaan.isEnabled() and not paneel.knop_herstel.isEnabled()


def test_oorspronkelijke_planning_is_alleen_te_lezen(paneel, start_register):
    d = eerste(start_register, lambda d: d.planning_oorspronkelijk is not None)
    paneel.toon(d.code)
    assert paneel.planning_oorspronkelijk.isReadOnly()
    assert d.planning_oorspronkelijk.tekst in paneel.planning_oorspronkelijk.text()
    assert paneel.planning_huidig.text() == (d.planning_huidig.tekst if d.planning_huidig else "")


def test_zonder_maatregel_is_het_paneel_leeg_en_niet_te_bewerken(paneel, start_register):
    paneel.toon(alle_maatregelen(start_register)[0].code)
    paneel.toon(None)
    assert paneel.code() is None and paneel.detail() is None
    assert not paneel.tabs.isEnabled()
    assert paneel.naam.text() == "" and not paneel.is_gewijzigd()
    assert paneel.opslaan() is True and paneel.mag_verlaten() is True


def test_tekst_met_opmaaktekens_wordt_opgeslagen_en_getoond_zoals_getypt(qtbot, paneel, start_register):
    code = alle_maatregelen(start_register)[0].code
    paneel.toon(code)
    naam = "<b>Vooraf & \"achteraf\"</b> 'informeren' 😀"
    paneel.naam.selectAll()
    paneel.naam.insert(naam)  # as pasted: QTest cannot type characters outside the BMP
    assert paneel.opslaan()
    assert lees(start_register, code).naam == naam
    assert paneel.titel.text() == f"{code} — {naam}"


# --- editing and saving ---------------------------------------------------------------------------------------------

def test_naam_en_huidige_planning_wijzigen_en_opslaan(qtbot, paneel, start_register, monkeypatch):
    zonder_vragen(monkeypatch)
    d = eerste(start_register, lambda d: d.planning_oorspronkelijk is None and d.planning_huidig is None)
    paneel.toon(d.code)

    with qtbot.waitSignal(paneel.gewijzigdVeranderd, check_params_cb=lambda g: g is True):
        typ(qtbot, paneel.naam, "Nieuwe naam")
    typ(qtbot, paneel.planning_huidig, "Q3 2026")
    assert paneel.is_gewijzigd() and paneel.knop_opslaan.isEnabled() and paneel.gewijzigd_label.isVisibleTo(paneel)

    with qtbot.waitSignal(paneel.opgeslagen, check_params_cb=lambda c: c == d.code), \
            qtbot.waitSignal(paneel.gewijzigdVeranderd, check_params_cb=lambda g: g is False):
        assert paneel.opslaan() is True

    nu = lees(start_register, d.code)
    assert nu.naam == "Nieuwe naam"
    assert nu.planning_huidig.tekst == "Q3 2026"
    assert nu.planning_oorspronkelijk.tekst == "Q3 2026"  # the first target given is the original one
    assert nu.versie == d.versie + 1
    assert not paneel.is_gewijzigd() and paneel.detail() == nu
    assert f"versie {nu.versie}" in paneel.kenmerken.text()
    assert "3e kwartaal 2026" in paneel.planning_oorspronkelijk.text()
    with start_register.sessie() as s:
        gelogd = [w for w in wijzigingslog(s, "maatregel", d.code) if w.versie == nu.versie]
    # Only what was edited was sent, in the user's name.
    assert {w.veld for w in gelogd} == {"naam", "planning_huidig", "planning_oorspronkelijk"}
    assert {w.gebruiker for w in gelogd} == {"tester"}


def test_alle_soorten_velden_worden_opgeslagen(qtbot, paneel, start_register):
    d = eerste(start_register, lambda d: d.domein_secundair is None and not d.afhankelijk_van and d.ouder is None)
    andere = [m.code for m in alle_maatregelen(start_register) if m.code != d.code][:2]
    paneel.toon(d.code)
    paneel.domein_secundair.zet_waarde("NG" if d.domein != "NG" else "TV")
    paneel.wetswijziging.zet_waarde(True)
    paneel.iv_blokkade_soort.zet_waarde("techniek")
    typ(qtbot, paneel.afhankelijk_van, f"{andere[1].lower()}, {andere[0]}")
    typ(qtbot, paneel.doelgroep, "Huishoudens")
    qtbot.keyClick(paneel.doelgroep, Qt.Key.Key_Return)
    qtbot.keyClicks(paneel.doelgroep, "met schulden")
    typ(qtbot, paneel.iv_verwacht, "H1 2027")
    vakje = paneel.toeslag_vakjes["KOT"]
    vakje.setChecked(not vakje.isChecked())
    assert paneel.opslaan()

    nu = lees(start_register, d.code)
    assert nu.domein_secundair == ("NG" if d.domein != "NG" else "TV")
    assert nu.wetswijziging is True and nu.iv_blokkade_soort == "techniek"
    assert nu.afhankelijk_van == tuple(sorted(andere, key=natuurlijke_sleutel))
    assert nu.doelgroep == "Huishoudens\nmet schulden"
    assert nu.iv_verwacht.tekst == "H1 2027"
    assert ("KOT" in nu.toeslagen) != ("KOT" in d.toeslagen)
    assert not paneel.is_gewijzigd()


def test_terug_naar_de_geladen_waarde_maakt_het_paneel_weer_schoon(qtbot, paneel, start_register):
    d = alle_maatregelen(start_register)[0]
    paneel.toon(d.code)
    signalen = []
    paneel.gewijzigdVeranderd.connect(signalen.append)

    qtbot.keyClick(paneel.naam, Qt.Key.Key_End)
    qtbot.keyClicks(paneel.naam, "x")
    assert paneel.is_gewijzigd()
    qtbot.keyClick(paneel.naam, Qt.Key.Key_Backspace)
    assert not paneel.is_gewijzigd()

    oud = paneel.iv_blokkade.waarde()
    paneel.iv_blokkade.zet_waarde(not oud)
    paneel.iv_blokkade.zet_waarde(oud)
    assert not paneel.is_gewijzigd() and not paneel.knop_opslaan.isEnabled()
    assert signalen == [True, False, True, False]


def test_herstellen_zet_de_geladen_waarden_terug(qtbot, paneel, start_register):
    d = alle_maatregelen(start_register)[0]
    paneel.toon(d.code)
    typ(qtbot, paneel.eigenaar, "Iemand anders")
    paneel.knop_herstel.click()
    assert paneel.eigenaar.text() == (d.eigenaar or "") and not paneel.is_gewijzigd()
    assert lees(start_register, d.code).versie == d.versie


def test_opslaan_zonder_wijzigingen_schrijft_niets(paneel, start_register):
    d = alle_maatregelen(start_register)[0]
    paneel.toon(d.code)
    assert paneel.opslaan() is True
    assert lees(start_register, d.code).versie == d.versie


# --- refusals -------------------------------------------------------------------------------------------------------

def test_ongeldige_planning_blokkeert_opslaan_met_melding_bij_het_veld(qtbot, paneel, start_register, monkeypatch):
    zonder_vragen(monkeypatch)
    d = alle_maatregelen(start_register)[0]
    paneel.toon(d.code)
    typ(qtbot, paneel.naam, "Andere naam")
    typ(qtbot, paneel.planning_huidig, "ergens 2026")
    paneel.tabs.setCurrentIndex(0)

    assert paneel.opslaan() is False

    melding = paneel._velden["planning_huidig"].melding
    assert melding.isVisibleTo(paneel) and "ergens 2026" in melding.text()
    assert paneel.planning_huidig.accessibleDescription() == melding.text()
    assert paneel.tabs.currentWidget().isAncestorOf(paneel.planning_huidig)
    assert paneel.focusWidget() is paneel.planning_huidig
    nu = lees(start_register, d.code)
    assert (nu.versie, nu.naam) == (d.versie, d.naam)  # nothing written
    assert paneel.is_gewijzigd() and paneel.naam.text() == "Andere naam"

    qtbot.keyClick(paneel.planning_huidig, Qt.Key.Key_Backspace)  # editing the field clears its message
    assert not melding.isVisibleTo(paneel) and "ergens" not in paneel.planning_huidig.accessibleDescription()


def test_latere_planning_zonder_reden_toont_de_melding_bij_de_reden(qtbot, paneel, start_register):
    d = eerste(start_register, lambda d: d.planning_oorspronkelijk is not None and d.vertraging_reden is None)
    paneel.toon(d.code)
    later = f"Q4 {d.planning_oorspronkelijk.tot.year + 1}"
    typ(qtbot, paneel.planning_huidig, later)

    assert paneel.opslaan() is False
    melding = paneel._velden["vertraging_reden"].melding
    assert melding.isVisibleTo(paneel) and "reden" in melding.text()
    assert paneel.focusWidget() is paneel.vertraging_reden
    assert lees(start_register, d.code).versie == d.versie

    paneel.vertraging_reden.zet_waarde("iv_capaciteit")
    assert not melding.isVisibleTo(paneel)
    assert paneel.opslaan() is True
    nu = lees(start_register, d.code)
    assert (nu.planning_huidig.tekst, nu.vertraging_reden) == (later, "iv_capaciteit")
    assert nu.planning_oorspronkelijk == d.planning_oorspronkelijk  # re-dating never erases the original


def test_onbekende_bovenliggende_maatregel_geeft_melding_bij_dat_veld(qtbot, paneel, start_register):
    d = alle_maatregelen(start_register)[0]
    paneel.toon(d.code)
    typ(qtbot, paneel.ouder, "tv-999")
    assert paneel.opslaan() is False
    melding = paneel._velden["ouder"].melding
    assert melding.isVisibleTo(paneel) and "TV-999" in melding.text()
    assert lees(start_register, d.code).versie == d.versie


def test_secundair_domein_gelijk_aan_hoofddomein_wordt_geweigerd(paneel, start_register):
    d = eerste(start_register, lambda d: d.domein_secundair is None)
    paneel.toon(d.code)
    paneel.domein_secundair.zet_waarde(d.domein)
    assert paneel.opslaan() is False
    assert paneel._velden["domein_secundair"].melding.isVisibleTo(paneel)
    assert paneel.focusWidget() is paneel.domein_secundair


def test_melding_zonder_veld_staat_boven_het_paneel(qtbot, paneel, start_register, monkeypatch):
    import ui.detailpaneel

    def weiger(*args, **kwargs):
        raise ValidatieFout("Dit mag niet.")

    monkeypatch.setattr(ui.detailpaneel, "wijzig_maatregel", weiger)
    paneel.toon(alle_maatregelen(start_register)[0].code)
    typ(qtbot, paneel.naam, "Iets")
    assert paneel.opslaan() is False
    assert paneel.melding.isVisibleTo(paneel) and paneel.melding.text() == "Dit mag niet."
    paneel.toon(paneel.code())
    assert not paneel.melding.isVisibleTo(paneel)


# --- leaving --------------------------------------------------------------------------------------------------------

def test_mag_verlaten_zonder_wijzigingen_vraagt_niets(paneel, start_register, monkeypatch):
    zonder_vragen(monkeypatch)
    paneel.toon(alle_maatregelen(start_register)[0].code)
    assert paneel.mag_verlaten() is True


@pytest.mark.parametrize("antwoord, mag, opgeslagen, blijft_gewijzigd", [
    (vragen.OPSLAAN, True, True, False),
    (vragen.VERWERPEN, True, False, False),
    (vragen.ANNULEREN, False, False, True),
])
def test_mag_verlaten_met_wijzigingen_vraagt_wat_ermee_moet(qtbot, paneel, start_register, monkeypatch, antwoord,
                                                          mag, opgeslagen, blijft_gewijzigd):
    gevraagd = []
    monkeypatch.setattr(vragen, "vraag_opslaan", lambda ouder, tekst: gevraagd.append(tekst) or antwoord)
    d = alle_maatregelen(start_register)[0]
    paneel.toon(d.code)
    typ(qtbot, paneel.partners, "UWV en gemeenten")

    assert paneel.mag_verlaten() is mag
    assert len(gevraagd) == 1 and d.code in gevraagd[0]
    nu = lees(start_register, d.code)
    assert (nu.partners == "UWV en gemeenten") is opgeslagen
    assert paneel.is_gewijzigd() is blijft_gewijzigd
    assert paneel.partners.text() == ("UWV en gemeenten" if antwoord != vragen.VERWERPEN else d.partners or "")


def test_mag_verlaten_is_nee_als_opslaan_mislukt(qtbot, paneel, start_register, monkeypatch):
    monkeypatch.setattr(vragen, "vraag_opslaan", lambda *a: vragen.OPSLAAN)
    paneel.toon(alle_maatregelen(start_register)[0].code)
    typ(qtbot, paneel.planning_huidig, "ergens 2026")
    assert paneel.mag_verlaten() is False and paneel.is_gewijzigd()


# --- two users ------------------------------------------------------------------------------------------------------

@pytest.fixture
def collega(start_register):
    """A colleague's copy of the app: a second, independent connection to the same file."""
    ander = open_register(pad=start_register.pad)
    yield ander
    ander.sluit()


def test_gelijktijdige_wijziging_toont_conflict_en_verliest_geen_van_beide_wijzigingen(
        qtbot, qtmodeltester, paneel, start_register, collega, monkeypatch):
    d = eerste(start_register, lambda d: d.eigenaar != "Team Collega")
    paneel.toon(d.code)
    typ(qtbot, paneel.naam, "Naam van de gebruiker")

    with collega.werk() as s:
        wijzig_maatregel(s, d.code, {"eigenaar": "Team Collega"}, "collega", d.versie)

    getoond = []

    def beantwoord(dialoog):
        assert isinstance(dialoog, ConflictDialoog)
        assert dialoog.windowTitle() == "Gelijktijdige wijziging"
        assert "iemand anders" in dialoog.melding.text()
        model = dialoog.model
        rijen = [[model.index(r, k).data() for k in range(model.columnCount())] for r in range(model.rowCount())]
        getoond.extend(rijen)
        qtmodeltester.check(model)
        return True  # "Opnieuw laden"

    monkeypatch.setattr(vragen, "voer_uit", beantwoord)
    assert paneel.opslaan() is False

    assert len(getoond) == 1
    veld, oud, nieuw, door, wanneer = getoond[0]
    assert (veld, oud, nieuw, door) == ("Eigenaar", d.eigenaar or "(leeg)", "Team Collega", "collega")
    assert re.fullmatch(r"\d\d-\d\d-\d{4} \d\d:\d\d", wanneer)

    # Both the colleague's change and the user's own typing are on screen; nothing was saved yet.
    assert paneel.eigenaar.text() == "Team Collega"
    assert paneel.naam.text() == "Naam van de gebruiker"
    assert paneel.is_gewijzigd() and paneel.detail().versie == d.versie + 1
    assert f"versie {d.versie + 1}" in paneel.kenmerken.text()
    assert lees(start_register, d.code).naam == d.naam

    monkeypatch.setattr(vragen, "voer_uit", lambda dialoog: pytest.fail("tweede conflict"))
    assert paneel.opslaan() is True
    nu = lees(collega, d.code)
    assert (nu.naam, nu.eigenaar, nu.versie) == ("Naam van de gebruiker", "Team Collega", d.versie + 2)
    assert not paneel.is_gewijzigd()


def test_annuleren_bij_een_conflict_laat_alles_staan_zoals_ingevoerd(qtbot, paneel, start_register, collega,
                                                                    monkeypatch):
    d = eerste(start_register, lambda d: d.eigenaar != "Team Collega")
    paneel.toon(d.code)
    typ(qtbot, paneel.eigenaar, "Team Gebruiker")
    with collega.werk() as s:
        wijzig_maatregel(s, d.code, {"eigenaar": "Team Collega"}, "collega", d.versie)
    monkeypatch.setattr(vragen, "voer_uit", lambda dialoog: False)

    assert paneel.opslaan() is False
    assert paneel.eigenaar.text() == "Team Gebruiker" and paneel.is_gewijzigd()
    assert paneel.detail().versie == d.versie
    assert "Niet opgeslagen" in paneel.melding.text() and paneel.melding.isVisibleTo(paneel)
    assert lees(start_register, d.code).eigenaar == "Team Collega"  # never overwritten silently


def test_conflictdialoog_knoppen_laden_opnieuw_of_annuleren(qtbot):
    for knop, uitkomst in (("opnieuw_laden", QDialog.DialogCode.Accepted),
                           ("annuleren", QDialog.DialogCode.Rejected)):
        dialoog = ConflictDialoog("Maatregel TV-01 is intussen door iemand anders gewijzigd.", [])
        qtbot.addWidget(dialoog)
        assert dialoog.windowTitle() == "Gelijktijdige wijziging"
        getattr(dialoog, knop).click()
        assert dialoog.result() == uitkomst


# --- effect measurements and recommendations ------------------------------------------------------------------------

def test_effectmetingen_en_aanbevelingen_van_een_maatregel_staan_in_hun_tabellen(paneel, start_register,
                                                                                 qtmodeltester):
    with start_register.sessie() as s:
        effecten = effectmetingen_van(s)
        gekoppeld = {c for a in aanbevelingen(s) for c in a.maatregelen}
        d = next(m for m in details(s, zoek_ids(s)) if m.id in effecten and m.code in gekoppeld)
        eigen_aanbevelingen = aanbevelingen(s, maatregel_ids={d.id})
    paneel.toon(d.code)
    paneel.tabs.setCurrentWidget(paneel.tab_effectmetingen)

    model = paneel.tab_effectmetingen.model
    assert model.rowCount() == len(effecten[d.id])
    kop = {model.headerData(k, Qt.Orientation.Horizontal): k for k in range(model.columnCount())}
    eerste_meting = effecten[d.id][0]
    assert model.index(0, kop["Indicator"]).data() == eerste_meting.indicator
    assert model.index(0, kop["Bewijskracht"]).data() == BEWIJSKRACHT.label(eerste_meting.bewijskracht)
    assert paneel.tab_effectmetingen.tabel.isVisible() and not paneel.tab_effectmetingen.geen_effectmeting.isVisible()
    assert eerste_meting.indicator in paneel.tab_effectmetingen.geheel.text()
    qtmodeltester.check(model)

    model = paneel.aanbevelingen_model
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == [a.code for a in eigen_aanbevelingen]
    assert model.index(0, 3).data() == OPVOLGING.label(eigen_aanbevelingen[0].opvolging)
    paneel.tabs.setCurrentWidget(paneel.tab_aanbevelingen)
    assert paneel.aanbevelingen_tabel.isVisible() and not paneel.geen_aanbeveling.isVisible()
    assert f"({len(eigen_aanbevelingen)})" in paneel.tabs.tabText(paneel.tabs.currentIndex())
    qtmodeltester.check(model)


def test_maatregel_zonder_effectmeting_zegt_dat_er_geen_is(paneel, start_register):
    with start_register.sessie() as s:
        effecten = effectmetingen_van(s)
    d = eerste(start_register, lambda d: d.id not in effecten)
    paneel.toon(d.code)
    paneel.tabs.setCurrentWidget(paneel.tab_effectmetingen)
    assert paneel.tab_effectmetingen.model.rowCount() == 0
    assert paneel.tab_effectmetingen.geen_effectmeting.isVisible()
    assert paneel.tab_effectmetingen.geen_effectmeting.text() == "Geen effectmeting vastgelegd."
    assert not paneel.tab_effectmetingen.tabel.isVisible()


def test_aanbeveling_openen_met_enter_geeft_de_code_door(qtbot, paneel, start_register):
    with start_register.sessie() as s:
        a = next(a for a in aanbevelingen(s) if a.maatregelen)
    paneel.toon(a.maatregelen[0])
    paneel.tabs.setCurrentWidget(paneel.tab_aanbevelingen)
    tabel = paneel.aanbevelingen_tabel
    rij = [paneel.aanbevelingen_model.index(r, 0).data() for r in range(paneel.aanbevelingen_model.rowCount())]
    tabel.setCurrentIndex(paneel.aanbevelingen_model.index(rij.index(a.code), 0))
    with qtbot.waitSignal(paneel.aanbevelingGekozen, check_params_cb=lambda c: c == a.code):
        qtbot.keyClick(tabel, Qt.Key.Key_Return)


def test_koppeling_naar_bovenliggende_maatregel_geeft_de_code_door(qtbot, paneel, start_register):
    d = eerste(start_register, lambda d: d.ouder)
    paneel.toon(d.code)
    assert paneel.ouder_link.isVisibleTo(paneel)
    with qtbot.waitSignal(paneel.maatregelGekozen, check_params_cb=lambda c: c == d.ouder):
        paneel.ouder_link.linkActivated.emit(d.ouder)


def test_verstreken_planning_is_zichtbaar_zolang_niet_ingevoerd(paneel, start_register):
    d = eerste(start_register, lambda d: d.status != "ingevoerd" and d.planning_oorspronkelijk is None)
    with start_register.werk() as s:
        wijzig_maatregel(s, d.code, {"planning_huidig": "2020"}, "tester", d.versie)
    paneel.toon(d.code)
    ga_naar_tab_van(paneel, paneel.verstreken)
    assert paneel.verstreken.isVisible() and "Verstreken" in paneel.verstreken.text()

    toekomst = eerste(start_register, lambda d: d.planning_huidig and not d.planning_huidig.verstreken(date.today()))
    paneel.toon(toekomst.code)
    assert not paneel.verstreken.isVisible()


# --- keyboard and screen readers ------------------------------------------------------------------------------------

def test_elk_veld_heeft_een_toegankelijke_naam_en_een_label_met_sneltoets(paneel):
    buddies = {id(label.buddy()): label.text() for label in paneel.findChildren(QLabel) if label.buddy()}
    for sleutel, veld in paneel._velden.items():
        assert veld.invoer.accessibleName(), sleutel
        assert paneel.findChild(QWidget, sleutel) is not None, sleutel
        assert "&" in buddies.get(id(veld.invoer), ""), sleutel


def test_tabvolgorde_volgt_het_formulier(paneel, start_register):
    paneel.toon(alle_maatregelen(start_register)[0].code)
    volgorde: list[QWidget] = []
    w = paneel.naam
    for _ in range(500):
        if w.focusPolicy() & Qt.FocusPolicy.TabFocus and w.isVisibleTo(paneel):
            volgorde.append(w)
        w = w.nextInFocusChain()
        if w is paneel.naam:
            break
    verwacht = [paneel.naam, paneel.domein, paneel.domein_secundair, paneel.ouder,
                next(iter(paneel.toeslag_vakjes.values())), paneel.eigenaar, paneel.partners, paneel.omschrijving,
                paneel.doel, paneel.doelgroep, paneel.bronnen]
    posities = [volgorde.index(v) for v in verwacht]
    assert posities == sorted(posities)


def test_sneltoetsen_en_codelijsten():
    bezet = {"o"}
    assert met_sneltoets("Omschrijving", bezet) == "O&mschrijving"
    assert met_sneltoets("Doel", bezet) == "&Doel"
    assert met_sneltoets("Doelgroep", bezet) == "Do&elgroep"
    assert codes_uit_tekst("tv-10, TV-9;IN-01  tv-9") == ("IN-01", "TV-9", "TV-10")
    assert codes_uit_tekst("  ") == ()


def test_codes_worden_aangevuld_en_bij_een_lijst_alleen_de_laatste(paneel, start_register):
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QFocusEvent
    from PySide6.QtWidgets import QApplication

    d = alle_maatregelen(start_register)[0]
    paneel.toon(d.code)
    QApplication.sendEvent(paneel.afhankelijk_van, QFocusEvent(QEvent.Type.FocusIn))
    aanvuller = paneel.afhankelijk_van.completer()
    codes = aanvuller.model().stringList()
    assert len(codes) == len(alle_maatregelen(start_register)) - 1 and d.code not in codes
    assert paneel.ouder.completer().model() is aanvuller.model()

    paneel.afhankelijk_van.setText("TV-01, in-0")
    assert aanvuller.splitPath(paneel.afhankelijk_van.text()) == ["in-0"]
    aanvuller.setCompletionPrefix("in-0")
    assert re.fullmatch(r"TV-01, IN-0\d+", aanvuller.currentCompletion())


# --- prioritering inputs (issue 9) ----------------------------------------------------------------------------------

def test_iv_weken_omvang_en_personeel_worden_opgeslagen_met_decimale_komma(qtbot, paneel, start_register,
                                                                          monkeypatch):
    zonder_vragen(monkeypatch)
    d = eerste(start_register, lambda d: d.iv_weken is None and d.iv_omvang is None)
    paneel.toon(d.code)
    ga_naar_tab_van(paneel, paneel.iv_weken)
    typ(qtbot, paneel.iv_weken, "12,5")
    paneel.iv_omvang.zet_waarde("L")
    typ(qtbot, paneel.personeel_weken, "3")
    assert paneel.is_gewijzigd()
    assert paneel.opslaan()

    nu = lees(start_register, d.code)
    assert (nu.iv_weken, nu.iv_omvang, nu.personeel_weken) == (12.5, "L", 3.0)
    assert (paneel.iv_weken.text(), paneel.iv_omvang.currentText(), paneel.personeel_weken.text()) == \
        ("12,5", "L (26 weken)", "3")
    assert not paneel.is_gewijzigd()

    typ(qtbot, paneel.iv_weken, "12.50")  # the same number written otherwise is no edit
    assert not paneel.is_gewijzigd()
    paneel.iv_weken.clear()  # empty: unknown
    paneel.iv_omvang.zet_waarde(None)
    assert paneel.opslaan()
    nu = lees(start_register, d.code)
    assert (nu.iv_weken, nu.iv_omvang, nu.personeel_weken) == (None, None, 3.0)


@pytest.mark.parametrize("tekst, deel", [("twaalf", '"twaalf" is geen getal'), ("-3", "niet negatief"),
                                         ("20000", "hoogstens 10.000 weken")])
def test_ongeldig_aantal_weken_wordt_bij_het_veld_geweigerd(qtbot, paneel, start_register, monkeypatch, tekst, deel):
    zonder_vragen(monkeypatch)
    d = alle_maatregelen(start_register)[0]
    paneel.toon(d.code)
    ga_naar_tab_van(paneel, paneel.iv_weken)
    paneel.iv_weken.setFocus()
    typ(qtbot, paneel.iv_weken, tekst)
    melding = paneel._velden["iv_weken"].melding
    assert not melding.isVisibleTo(paneel)
    qtbot.keyClick(paneel.iv_weken, Qt.Key.Key_Tab)  # leaving the field points the error out at once
    assert melding.isVisibleTo(paneel) and deel in melding.text()
    assert paneel.iv_weken.accessibleDescription() == melding.text()

    paneel.tabs.setCurrentIndex(0)
    assert paneel.opslaan() is False  # and saving refuses it, beside the field
    assert melding.isVisibleTo(paneel) and deel in melding.text()
    assert paneel.focusWidget() is paneel.iv_weken
    assert lees(start_register, d.code).versie == d.versie  # nothing written

    qtbot.keyClick(paneel.iv_weken, Qt.Key.Key_Backspace)  # editing clears the message
    assert not melding.isVisibleTo(paneel)


def test_besluit_en_handmatige_rang_staan_alleen_lezen_met_motivatie(paneel, start_register):
    from registry.prioritering.besluit import leg_prioriteit_vast, zet_rang

    d = alle_maatregelen(start_register)[0]
    paneel.toon(d.code)
    assert paneel.besluit.text() == "(geen besluit)"
    assert "volgt uit de score" in paneel.rang_handmatig.text()
    with start_register.werk() as s:
        m = leg_prioriteit_vast(s, d.code, "later", "Eerst de keten moderniseren", "jan", d.versie,
                                date(2026, 11, 12))
        zet_rang(s, d.code, 4, "Toezegging aan de Kamer", "jan", m.versie, date(2026, 11, 13))
    paneel.toon(d.code)
    assert paneel.besluit.text() == "Later — Eerst de keten moderniseren (12-11-2026, jan)"
    assert paneel.rang_handmatig.text() == "4 — Toezegging aan de Kamer (13-11-2026, jan)"  # when and who, too
    assert "besluit" not in paneel._velden and "rang_handmatig" not in paneel._velden  # not editable here
    assert paneel.besluit.accessibleName() and paneel.rang_handmatig.accessibleName()
    assert any("pagina Prioritering" in label.text() for label in paneel.findChildren(QLabel))


def test_een_conflict_noemt_ook_besluitvelden_in_het_nederlands():
    from ui.detailpaneel import VELDNAMEN

    assert VELDNAMEN["rang_datum"] == "Datum rang" and VELDNAMEN["prioriteit_door"] == "Prioriteit vastgesteld door"
    assert VELDNAMEN["iv_weken"] == "IV-weken"
