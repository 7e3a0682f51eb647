"""The optional PDF section "Prioritering en IV-capaciteit" (issue 9), read back with pypdf: the plan per chain and
period, the decisions with their motivation exactly as typed, what does not fit; only when asked for (keuze, command
line, dialog).

The register is built for the test: chain Innen en Betalen with 40 IV-weeks in 2027-H1 and in 2027-H2.
- TV-02 (30 weeks) is placed first by hand but depends on TV-01 (10 weeks); in H1 TV-01 and NG-01 (size S, 4 weeks,
  decided "nu") are planned, leaving 26: TV-02 goes to H2.
- TV-03 (50 weeks) is larger than every period; DC-01 and DC-02 depend on each other (a cycle); IN-01's chain has
  no capacity; IN-02 needs IV, is blocked and has no weeks; BU-01 is ingevoerd (not ranked).
"""

import re
from datetime import date

from PySide6.QtCore import Qt
from pypdf import PdfReader

import main
from registry.filters import Filter
from registry.maatregel import haal_maatregel, maak_maatregel, wijzig_maatregel
from registry.prioritering.besluit import leg_prioriteit_vast, registreer_besluit, zet_rang
from registry.prioritering.capaciteit import zet_capaciteit
from registry.rapport.gegevens import SECTIES, STANDAARD_SECTIES, Rapportkeuze, rapportgegevens
from registry.rapport.pdf import maak_rapport
from registry.rapport.vaststelling import vastgestelde_rapporten

IB = "Innen en Betalen"
MOTIVATIE = 'Eerst <b>dit</b> & "dat" 🚀 want &amp; telt'
RANGMOTIVATIE = "Wettelijke deadline <1 jan> & niet later"
SCENARIOMOTIVATIE = "Meer capaciteit in <H2> & daarom TV-02 erin"
KOP = "Prioritering en IV-capaciteit"
PEILDATUM = date(2026, 10, 1)
MET = tuple(s for s in SECTIES if s in STANDAARD_SECTIES or s == "prioritering")


def bouw(register) -> None:
    with register.werk() as s:
        def maatregel(code: str, naam: str, **velden) -> None:
            maak_maatregel(s, {"naam": naam, "domein": code[:2], **velden}, "tester", code=code, status="niet",
                           status_datum=date(2026, 1, 1))

        iv = {"iv_afhankelijk": True, "iv_keten": IB}
        maatregel("TV-01", "Alfa", **iv, iv_weken=10, verwacht_effect="hoog", effect_basis="effectonderzoek")
        maatregel("TV-02", "Beta", **iv, iv_weken=30, verwacht_effect="hoog", effect_basis="pilot",
                  afhankelijk_van=["TV-01"])
        maatregel("TV-03", "Gamma", **iv, iv_weken=50, verwacht_effect="hoog", effect_basis="effectonderzoek")
        maatregel("IN-01", "Delta", iv_afhankelijk=True, iv_keten="Toeslagen Verstrekken", iv_weken=5)
        maatregel("IN-02", "Epsilon", **iv, iv_blokkade=True)
        maatregel("DC-01", "Zeta", **iv, iv_weken=2)
        maatregel("DC-02", "Eta", **iv, iv_weken=2, afhankelijk_van=["DC-01"])
        maatregel("NG-01", "Theta", **iv, iv_omvang="S")
        maak_maatregel(s, {"naam": "Klaar", "domein": "BU", **iv, "iv_weken": 3}, "tester", code="BU-01",
                       status="ingevoerd", status_datum=date(2026, 1, 1))
    with register.werk() as s:
        wijzig_maatregel(s, "DC-01", {"afhankelijk_van": ["DC-02"]}, "tester", haal_maatregel(s, "DC-01").versie)
        zet_capaciteit(s, IB, "2027-H1", 40, "tester")
        zet_capaciteit(s, IB, "2027-H2", 40, "tester")
        leg_prioriteit_vast(s, "NG-01", "nu", MOTIVATIE, "Planner", haal_maatregel(s, "NG-01").versie,
                            datum=date(2026, 9, 1))
        zet_rang(s, "TV-02", 1, RANGMOTIVATIE, "Stuurgroep", haal_maatregel(s, "TV-02").versie,
                 datum=date(2026, 9, 3))
        registreer_besluit(s, SCENARIOMOTIVATIE, ["Capaciteit Innen en Betalen 2027-H2: 20 → 40 weken"],
                           ["Erin: TV-02 Beta (2027-H2)"], "Stuurgroep", datum=date(2026, 9, 2))


def pdf_tekst(register, pad, **keuze) -> str:
    with register.sessie() as s:
        maak_rapport(s, Rapportkeuze(peildatum=PEILDATUM, **keuze), pad)
    return "\n".join(p.extract_text() for p in PdfReader(str(pad)).pages)


def sectietekst(tekst: str) -> str:
    """The section's text: from its heading (not the contents' line) up to the next section, Effectmetingen."""
    begin = re.search(re.escape(KOP) + r"\s*\nScore", tekst).start()
    return tekst[begin:tekst.index("\nEffectmetingen", begin)]


def deel(tekst: str, kop: str, volgende: str | None = None) -> str:
    begin = tekst.index(kop)
    return tekst[begin:tekst.index(volgende, begin) if volgende else len(tekst)]


def zonder_witruimte(tekst: str) -> str:
    return re.sub(r"\s+", "", tekst)


def zoals_gedrukt(waarde: str, gedrukt: str) -> str:
    """`waarde` as pypdf reads it back: the emoji is drawn with a fallback font (which pypdf cannot read) or
    replaced by a visible square when no font on the machine has it."""
    return waarde.replace("🚀", "\u25a1" if "\u25a1" in gedrukt else "")


def test_het_hoofdstuk_toont_het_plan_per_keten_en_periode(register, tmp_path):
    bouw(register)
    tekst = pdf_tekst(register, tmp_path / "p.pdf", secties=MET)
    sectie = sectietekst(tekst)
    assert zonder_witruimte("Score = verwacht effect × gewicht van de onderbouwing ÷ IV-weken (ten minste 1). "
                            "Effect: hoog 3, midden 2, laag 1, onbekend 1. Onderbouwing: effectonderzoek 1; "
                            "pilot 0,8; beleidstheorie 0,5; geen 0,3") in zonder_witruimte(sectie)
    # The decision rule of the fit, as the page and the dialog say it.
    assert zonder_witruimte("Eerst komen de maatregelen met het besluit ‘nu’, dan die zonder besluit en als laatste "
                            "die met ‘later’, elke groep in de volgorde van de rangorde; een maatregel met het "
                            "besluit ‘niet’ doet niet mee.") in zonder_witruimte(sectie)
    plan = deel(sectie, "Plan per keten en periode", "Besluiten en motivering")
    # The overview: capacity, used, free and the number planned per slot.
    assert re.search(r"Innen en Betalen\s+1e helft 2027\s+40\s+14\s+26\s+2\b", plan), plan
    assert re.search(r"Innen en Betalen\s+2e helft 2027\s+40\s+30\s+10\s+1\b", plan), plan
    # Each slot's measures with their place in the chain's fit order, IV-weeks, score (3 decimals) and decision:
    # NG-01, decided "nu", comes first although TV-02 (placed first by hand) and TV-01 rank higher.
    h1 = deel(plan, "Innen en Betalen — 1e helft 2027", "Innen en Betalen — 2e helft 2027")
    assert "Rang in keten" in re.sub(r"\s+", " ", h1)
    assert "14 van 40 IV-weken gebruikt, 26 vrij." in h1
    assert re.search(r"\b1\s+NG-01\s+Theta\s+4\s+1 × 0,3 ÷ 4 = 0,075\s+Nu\s+3\s+TV-01\s+Alfa\s+10\s+"
                     r"3 × 1 ÷ 10 = 0,3\s+—", h1), h1
    assert "TV-02" not in h1
    h2 = deel(plan, "Innen en Betalen — 2e helft 2027")
    assert re.search(r"\b2 \*\s+TV-02\s+Beta\s+30\s+3 × 0,8 ÷ 30 = 0,08\s+—", h2), h2
    assert "rang met de hand gezet" in h2
    for niet_gepland in ("TV-03", "IN-01", "IN-02", "DC-01", "BU-01"):
        assert niet_gepland not in plan, niet_gepland


def test_de_rang_in_het_plan_telt_per_keten_in_de_volgorde_van_inpassen(register):
    """A reader of the report sees "1" for the first planned measure of a chain, not its place among every open
    measure of the register (measures without IV need rank above it)."""
    bouw(register)
    with register.werk() as s:
        for i in range(1, 6):  # high scores, no IV: they take the first places of the overall ranking
            maak_maatregel(s, {"naam": f"Zonder IV {i}", "domein": "BU", "iv_afhankelijk": False,
                               "verwacht_effect": "hoog", "effect_basis": "effectonderzoek"}, "tester",
                           code=f"BU-1{i}", status="niet", status_datum=date(2026, 1, 1))
        zet_capaciteit(s, "Toeslagen Verstrekken", "2027-H1", 5, "tester")
    with register.sessie() as s:
        p = rapportgegevens(s, Rapportkeuze(peildatum=PEILDATUM, secties=MET)).prioritering
    assert [(v.keten, v.periode_tekst, [(m.code, m.rang_in_keten) for m in v.maatregelen]) for v in p.vakken] == [
        (IB, "2027-H1", [("NG-01", 1), ("TV-01", 3)]),
        ("Toeslagen Verstrekken", "2027-H1", [("IN-01", 1)]),
        (IB, "2027-H2", [("TV-02", 2)])]
    rang = {m.code: m.rang for v in p.vakken for m in v.maatregelen}
    assert rang["NG-01"] > 5 and rang["IN-01"] > 5 and rang["TV-02"] == 1  # the overall rank is not what is shown
    # Past niet: per chain in the same order, after the planned ones.
    assert [(u.code, u.rang_in_keten) for u in p.past_niet] == [("DC-01", 4), ("DC-02", 5), ("TV-03", 6)]
    assert all(u.rang_in_keten is None for u in p.invoer_ontbreekt)


def test_elke_keten_heeft_in_het_hoofdstuk_een_schrijfwijze(sqlite_register, tmp_path):
    bouw(sqlite_register)
    with sqlite_register.werk() as s:
        maak_maatregel(s, {"naam": "Iota", "domein": "TV", "iv_afhankelijk": True, "iv_keten": "innen  en BETALEN",
                           "iv_weken": 60}, "tester", code="TV-04", status="niet", status_datum=date(2026, 1, 1))
        maak_maatregel(s, {"naam": "Kappa", "domein": "IN", "iv_afhankelijk": True,
                           "iv_keten": "toeslagen  verstrekken", "iv_weken": 3}, "tester", code="IN-03", status="niet",
                       status_datum=date(2026, 1, 1))
    with sqlite_register.sessie() as s:
        p = rapportgegevens(s, Rapportkeuze(peildatum=PEILDATUM, secties=MET)).prioritering
    assert {v.keten for v in p.vakken} == {IB}
    assert {u.keten for u in p.past_niet} == {IB}  # TV-04, typed "innen  en BETALEN", too
    assert [(u.code, u.keten) for u in p.geen_capaciteit] == [("IN-03", "Toeslagen Verstrekken"),
                                                              ("IN-01", "Toeslagen Verstrekken")]
    sectie = sectietekst(pdf_tekst(sqlite_register, tmp_path / "p.pdf", secties=MET))
    assert "BETALEN" not in sectie and "toeslagen" not in sectie.replace("Toeslagen", "")


def test_besluiten_staan_er_met_hun_motivering_precies_zoals_getypt(register, tmp_path):
    bouw(register)
    with register.sessie() as s:
        p = rapportgegevens(s, Rapportkeuze(peildatum=PEILDATUM, secties=MET)).prioritering
    assert [(b.code, b.prioriteit, b.motivatie, b.datum, b.door) for b in p.prioriteiten] == \
        [("NG-01", "nu", MOTIVATIE, date(2026, 9, 1), "Planner")]
    assert [(r.code, r.rang_handmatig, r.rang_volgens_score, r.motivatie, r.datum, r.door) for r in p.rangen] == \
        [("TV-02", 1, 4, RANGMOTIVATIE, date(2026, 9, 3), "Stuurgroep")]

    tekst = pdf_tekst(register, tmp_path / "p.pdf", secties=MET)
    besluiten = zonder_witruimte(deel(sectietekst(tekst), "Besluiten en motivering", "Wat niet past"))
    verwacht = zonder_witruimte(zoals_gedrukt(MOTIVATIE, besluiten))
    assert "Prioriteitpermaatregel(1)" in besluiten
    assert f"NG-01ThetaNu{verwacht}01-09-2026Planner" in besluiten
    assert "Rangmetdehandgezet(1)" in besluiten
    assert "TV-02Beta14" + zonder_witruimte(RANGMOTIVATIE) + "03-09-2026Stuurgroep" in besluiten
    assert "Vastgelegdescenario’s(1)" in besluiten
    assert zonder_witruimte(f"02-09-2026 Stuurgroep {SCENARIOMOTIVATIE}") in besluiten
    assert zonder_witruimte("Wijzigingen (1) • Capaciteit Innen en Betalen 2027-H2: 20 → 40 weken "
                            "Gevolgen (1) • Erin: TV-02 Beta (2027-H2)") in besluiten
    assert "&amp;lt;" not in besluiten and "<b>dit</b>" in besluiten  # escaped once: printed, not interpreted


def test_een_scenario_met_veel_wijzigingen_staat_er_regel_voor_regel_over_de_volle_breedte(sqlite_register,
                                                                                          tmp_path):
    bouw(sqlite_register)
    wijzigingen = [f"TV-{i:02d} Een maatregel met een lange naam nummer {i}: verwacht effect leeg → Hoog"
                   for i in range(1, 28)]
    wijzigingen[0] = 'TV-01 <b>Nadruk</b> & "citaat": verwacht effect leeg → Hoog'  # printed as typed
    gevolgen = [f"Verschoven: TV-{i:02d} Een maatregel met een lange naam nummer {i} 2027-H1 → 2027-H2"
                for i in range(1, 10)]
    with sqlite_register.werk() as s:
        registreer_besluit(s, "Groot scenario", wijzigingen, gevolgen, "Stuurgroep", datum=date(2026, 9, 4))
    tekst = pdf_tekst(sqlite_register, tmp_path / "p.pdf", secties=MET)
    scenarios = deel(sectietekst(tekst), "Vastgelegde scenario", "Wat niet past")
    regels = [r.strip() for r in scenarios.splitlines()]
    # Each line whole on one line of the page (a narrow table column broke them into pieces), in order, once.
    gevonden = [r.removeprefix("• ") for r in regels if r.startswith("• ")]
    assert gevonden[:len(wijzigingen) + len(gevolgen)] == wijzigingen + gevolgen
    assert "Wijzigingen (27)" in regels and "Gevolgen (9)" in regels
    # The newest first: the large scenario, then the one of bouw().
    assert scenarios.index("Groot scenario") < scenarios.index("Meer capaciteit in")


def test_wat_niet_past_met_de_reden(register, tmp_path):
    bouw(register)
    tekst = pdf_tekst(register, tmp_path / "p.pdf", secties=MET)
    rest = deel(sectietekst(tekst), "Wat niet past")
    past_niet = zonder_witruimte(deel(rest, "Past niet (", "Geen capaciteit voor de keten"))
    assert "Pastniet(3)" in past_niet and "Ranginketen" in past_niet
    assert zonder_witruimte("4 DC-01 Zeta Innen en Betalen in een kringloop van afhankelijkheden: "
                            "DC-01 → DC-02 → DC-01") in past_niet
    assert zonder_witruimte("6 TV-03 Gamma Innen en Betalen groter dan elke periode (max. 40 weken)") in past_niet
    geen = deel(rest, "Geen capaciteit voor de keten", "Invoer ontbreekt")
    assert "(1)" in geen and re.search(r"IN-01\s+Delta\s+Toeslagen Verstrekken", geen)
    ontbreekt = deel(rest, "Invoer ontbreekt", "IV-geblokkeerd")
    assert "(1)" in ontbreekt and re.search(r"IN-02\s+Epsilon\s+Innen en Betalen\s+IV-inspanning ontbreekt",
                                            ontbreekt)
    geblokkeerd = deel(rest, "IV-geblokkeerd zonder geplande capaciteit", "Kringlopen")
    assert "(1)" in geblokkeerd and re.search(r"IN-02\s+Epsilon", geblokkeerd)
    kringlopen = deel(rest, "Kringlopen in afhankelijkheden")
    assert "(1)" in kringlopen and "DC-01 → DC-02 → DC-01" in kringlopen
    assert "BU-01" not in rest  # ingevoerd: not ranked, not fitted


def test_zonder_de_keuze_staat_het_hoofdstuk_er_niet_in(register, tmp_path):
    bouw(register)
    assert "prioritering" not in Rapportkeuze().secties
    tekst = pdf_tekst(register, tmp_path / "zonder.pdf")
    assert KOP not in tekst and "Wat niet past" not in tekst
    with register.sessie() as s:
        assert rapportgegevens(s, Rapportkeuze(peildatum=PEILDATUM)).prioritering is None


def test_met_een_filter_rekent_het_plan_over_alles_maar_tonen_de_lijsten_de_selectie(sqlite_register, tmp_path):
    bouw(sqlite_register)
    tekst = pdf_tekst(sqlite_register, tmp_path / "tv.pdf", secties=MET, filter=Filter(domeinen=("TV",)))
    sectie = sectietekst(tekst)
    assert "de lijsten tonen alleen de maatregelen in de selectie" in re.sub(r"\s+", " ", sectie)
    plan = deel(sectie, "Plan per keten en periode", "Besluiten en motivering")
    # The capacity NG-01 takes outside the selection still counts: TV-02 is in H2, not H1.
    assert re.search(r"Innen en Betalen\s+1e helft 2027\s+40\s+14\s+26\s+2\b", plan), plan
    assert "Daarnaast 1 maatregel buiten de selectie." in re.sub(r"\s+", " ", plan)
    assert "TV-01" in plan and "TV-02" in plan and "NG-01" not in plan
    besluiten = deel(sectie, "Besluiten en motivering", "Vastgelegde scenario")
    assert "Prioriteit per maatregel (0)" in besluiten and "NG-01" not in besluiten
    rest = deel(sectie, "Wat niet past")
    assert "TV-03" in rest
    for buiten in ("IN-01", "IN-02", "DC-01", "DC-02"):
        assert buiten not in rest, buiten
    assert re.search(r"Kringlopen in afhankelijkheden \(0\)\s+.*\s*Geen\.", rest)


def test_zonder_filter_is_het_plan_dat_van_nu_ook_voor_een_eerdere_peildatum(sqlite_register):
    bouw(sqlite_register)  # every measure enters the register on 1 January 2026
    with sqlite_register.sessie() as s:
        g = rapportgegevens(s, Rapportkeuze(peildatum=date(2025, 12, 1), secties=MET))
    assert g.maatregelen == () and g.samenvatting.totaal == 0
    assert [[m.code for m in v.maatregelen] for v in g.prioritering.vakken] == [["NG-01", "TV-01"], ["TV-02"]]
    assert [v.buiten_selectie for v in g.prioritering.vakken] == [0, 0]


def test_lege_onderdelen_zeggen_geen(sqlite_register, tmp_path):
    with sqlite_register.werk() as s:
        maak_maatregel(s, {"naam": "Zonder IV", "domein": "TV", "iv_afhankelijk": False}, "tester", code="TV-01",
                       status="niet", status_datum=date(2026, 1, 1))
    sectie = sectietekst(pdf_tekst(sqlite_register, tmp_path / "leeg.pdf", secties=MET))
    assert "Geen. Er is nog geen IV-capaciteit per keten en periode ingevoerd." in re.sub(r"\s+", " ", sectie)
    for kop in ("Prioriteit per maatregel", "Rang met de hand gezet", "Vastgelegde scenario’s", "Past niet",
                "Geen capaciteit voor de keten", "Invoer ontbreekt", "IV-geblokkeerd zonder geplande capaciteit",
                "Kringlopen in afhankelijkheden"):
        assert re.search(re.escape(kop) + r" \(0\)\n(?:.*\n){0,2}Geen\.", sectie), kop


def test_de_inhoudsopgave_noemt_het_hoofdstuk_en_zijn_delen(sqlite_register, tmp_path):
    bouw(sqlite_register)
    with sqlite_register.sessie() as s:
        maak_rapport(s, Rapportkeuze(peildatum=PEILDATUM, secties=MET), tmp_path / "p.pdf")
    lezer = PdfReader(str(tmp_path / "p.pdf"))
    titels = []
    for item in lezer.outline:
        titels += [i.title for i in item] if isinstance(item, list) else [item.title]
    i = titels.index(KOP)
    assert titels[i - 1] == "IV-blokkades"
    assert titels[i + 1:i + 4] == ["Plan per keten en periode", "Besluiten en motivering", "Wat niet past"]
    assert titels[i + 4] == "Effectmetingen"


# --- the command line -------------------------------------------------------------------------------------------------

from test_cli import losse_logboeken  # noqa: E402,F401 - the fixture is used by name


def test_export_pdf_met_prioritering_drukt_het_hoofdstuk_af_en_het_vastgestelde_rapport_noemt_het(
        sqlite_register, tmp_path, capsys, losse_logboeken, eigen_gegevensmap):
    bouw(sqlite_register)
    db = str(sqlite_register.pad)
    met, zonder = tmp_path / "met.pdf", tmp_path / "zonder.pdf"
    assert main.main(["--db", db, "export-pdf", "--out", str(zonder), "--peildatum", "2026-10-01"]) == 0
    assert main.main(["--db", db, "export-pdf", "--out", str(met), "--peildatum", "2026-10-01", "--prioritering",
                      "--vaststellen"]) == 0
    capsys.readouterr()
    lees = lambda pad: "\n".join(p.extract_text() for p in PdfReader(str(pad)).pages)  # noqa: E731
    assert KOP not in lees(zonder)
    tekst = lees(met)
    assert KOP in tekst and re.search(r"TV-01\s+Alfa\s+10", sectietekst(tekst))
    with sqlite_register.sessie() as s:
        (rapport,) = vastgestelde_rapporten(s)
    assert rapport.secties == MET


# --- the dialog -------------------------------------------------------------------------------------------------------

def test_de_dialoog_heeft_een_vakje_voor_het_hoofdstuk_dat_standaard_uit_staat(qtbot, sqlite_register, tmp_path,
                                                                             monkeypatch):
    from ui import vragen
    from ui.instellingen import Instellingen
    from ui.rapportdialoog import RapportDialoog

    bouw(sqlite_register)
    monkeypatch.setattr(vragen, "bevestig", lambda *a, **k: False)  # "Nu openen?" — niet openen
    d = RapportDialoog(sqlite_register, Instellingen(), Filter(), lambda: "tester")
    qtbot.addWidget(d)
    d.show()
    qtbot.waitExposed(d)
    vak = d.sectievakken["prioritering"]
    assert vak.text() == KOP and vak.accessibleName() and not vak.isChecked()
    assert d.keuze().secties == STANDAARD_SECTIES
    qtbot.mouseClick(vak, Qt.MouseButton.LeftButton)
    assert vak.isChecked() and d.keuze().secties == MET

    pad = tmp_path / "dialoog.pdf"
    d.peildatum.setDate(PEILDATUM)
    d.bestand.setText(str(pad))
    qtbot.mouseClick(d.knop_exporteren, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not d.is_bezig(), timeout=120_000)
    tekst = "\n".join(p.extract_text() for p in PdfReader(str(pad)).pages)
    assert KOP in tekst and "Wat niet past" in tekst
