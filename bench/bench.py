#!/usr/bin/env python
"""Prestatiebenchmark van het Maatregelenregister: openen, filteren, JSON-export en geheugen bij 1.000–100.000 maatregelen.

    .venv/bin/python bench/bench.py [--groottes 1000,10000,100000] [--herhalingen N] [--out bench/resultaten.json]
                                    [--opnieuw] [--gevallen openen,filter_zoek] [--budget 120]

Registers are generated once per size (deterministic, seeded) into bench/.cache/register-<n>.db and reused while the
generator version and seed match (`--opnieuw` regenerates). Each case is run N times (default 5; 3 from 100,000
measures on); the table shows the median and the minimum. A new case is one entry in GEVALLEN.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import random
import sqlite3
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from functools import lru_cache
from pathlib import Path

HIER = Path(__file__).resolve().parent
ROOT = HIER.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from sqlalchemy import insert, select  # noqa: E402

from db.openen import Register, open_register  # noqa: E402
from registry.export_json import register_als_json  # noqa: E402
from registry.filters import Filter, zoek_maatregelen  # noqa: E402
from registry.maatregel import CODE_PATROON  # noqa: E402
from registry.planning import Periode, parse_periode  # noqa: E402
from registry.tabellen import (Aanbeveling, AanbevelingMaatregel, Bron, Domein, Effectmeting, Maatregel,  # noqa: E402
                               MaatregelAfhankelijkheid, MaatregelBron, MaatregelToeslag, RegisterInfo,
                               Statuswijziging)
from registry.tekst import normaliseer  # noqa: E402
from registry.vocabulaire import (BEWIJSKRACHT, EFFECT_BASIS, EFFECT_ERVARING, IV_BLOKKADE_SOORT,  # noqa: E402
                                  OPVOLGING, TOESLAGEN, VERTRAGINGSREDEN, VERWACHT_EFFECT)

#: Bump when the generated data changes: cached registers of another version are regenerated.
GENERATOR_VERSIE = 1
SEED = 20_240_601
CACHE = HIER / ".cache"
META_SLEUTEL = "bench_generator"  # register_info row that records how a cached register was made
STANDAARD_GROOTTES = (1_000, 10_000, 100_000)
STANDAARD_UIT = HIER / "resultaten.json"
BUDGET_S = 120.0  # a case that has used this much time stops repeating (and is marked as cut short)

# The brief's targets, checked at 10,000 measures.
DOELEN = (
    ("filter_zoek", 10_000, 30.0, "filter per toetsaanslag ≤ 30 ms"),
    ("filter_combinatie", 10_000, 30.0, "filter per toetsaanslag ≤ 30 ms"),
    ("start_tot_rijen", 10_000, 1500.0, "start ≤ 1,5 s"),
    ("start_tot_rijen_qt", 10_000, 1500.0, "start ≤ 1,5 s"),
    ("geheugen_mb", 10_000, 400.0, "geheugen ≤ 400 MB"),
    ("geheugen_qt_mb", 10_000, 400.0, "geheugen ≤ 400 MB"),
    ("venster_start", 10_000, 1500.0, "start tot venster getoond ≤ 1,5 s"),
    ("venster_filter_toets", 10_000, 30.0, "filter per toetsaanslag ≤ 30 ms"),
    ("venster_sorteren", 10_000, 50.0, "sorteren ≤ 50 ms"),
    ("venster_geheugen_mb", 10_000, 400.0, "geheugen ≤ 400 MB"),
    ("pdf_1000", 1_000, 10.0, "PDF-overzicht van 1.000 maatregelen ≤ 10 s"),
    ("xlsx_import", 10_000, 10.0, "import van een werkmap met 10.000 rijen ≤ 10 s"),
    ("venster_prioritering", 10_000, 100.0, "bijwerken van de prioriteringsweergave ≤ 100 ms"),
)


# ====================================================================================================================
# Data generation
# ====================================================================================================================

DOMEIN_GEWICHTEN = {"TV": 25, "IN": 20, "NG": 15, "DC": 25, "BU": 15}
STATUS_GEWICHTEN = {"ingevoerd": 30, "deels": 45, "niet": 25}
FASE_PER_STATUS = {
    "ingevoerd": (("staand", "opschaling", None), (6, 2, 2)),
    "deels": (("pilot", "implementatie", "opschaling", "voorbereiding", None), (3, 4, 2, 1, 1)),
    "niet": (("idee", "beleidsvorming", "voorbereiding", "on_hold", "gestopt", None), (2, 3, 3, 1, 1, 2)),
}
# Which status plausibly came before a status in the history.
VOORGANGER = {
    "ingevoerd": (("deels", "niet"), (3, 1)),
    "deels": (("niet", "deels"), (3, 1)),
    "niet": (("niet", "deels"), (1, 1)),
}

ACTIES = (
    "Vereenvoudigen van", "Proactief informeren over", "Verbeteren van", "Automatiseren van",
    "Persoonlijke begeleiding bij", "Vroegtijdig signaleren van", "Menselijke maat bij", "Herzien van",
    "Beperken van", "Coördineren van", "Uitbreiden van", "Digitaliseren van", "Versnellen van", "Toetsen van",
)
ONDERWERPEN = (
    "terugvorderingen", "betalingsregelingen", "voorschotten", "inkomenswijzigingen", "de jaarafrekening",
    "bezwaarprocedures", "schuldhulpverlening", "de aanvraag", "wijzigingsdoorgifte", "brieven", "herinneringen",
    "invorderingsmaatregelen", "kwijtschelding", "niet-gebruik", "de berekening van het voorschot",
    "dienstverlening aan de balie", "het toeslagenportaal", "de bereikbaarheid", "gegevensuitwisseling met gemeenten",
    "de beslagvrije voet", "financiële knelpunten", "de hersteloperatie",
)
CONTEXTEN = (
    "bij huurtoeslag", "voor zorgtoeslag", "bij kinderopvangtoeslag", "voor ouders met een laag inkomen",
    "voor zelfstandigen", "voor jongeren", "in samenwerking met gemeenten", "na wijziging van de huishoudsamenstelling",
    "bij samengestelde gezinnen", "voor mensen met problematische schulden", "voor nieuwkomers", "voor ouderen",
    "in de keten", "",
)
HULP = (
    "persoonlijke begeleiding", "telefonische ondersteuning", "hulp bij het invullen", "een vast aanspreekpunt",
    "maatwerk", "een betalingsregeling op maat", "een huisbezoek", "uitleg in eenvoudige taal",
)
DOELGROEPEN = (
    "huurders met een laag inkomen", "ouders met kinderopvang", "zorgtoeslaggerechtigden", "jongeren van 18 tot 21",
    "zelfstandigen met wisselend inkomen", "burgers met schulden", "gedupeerde ouders", "nieuwkomers",
    "ouderen", "alle toeslaggerechtigden",
)
EFFECTEN = (
    "het aantal hoge terugvorderingen", "het niet-gebruik", "de doorlooptijd van bezwaren", "het aantal klachten",
    "de invorderingsschuld", "het aantal wijzigingen achteraf", "de wachttijd aan de telefoon",
)
GEVOLGEN = (
    "voorkomen we onnodige schulden", "weten burgers eerder waar ze aan toe zijn", "neemt het vertrouwen toe",
    "hoeven minder mensen terug te betalen", "krijgen meer mensen waar ze recht op hebben",
    "worden fouten eerder hersteld", "is de uitvoering beter te volgen",
)
TEAMS = (
    "Team Innen en Betalen", "Team Terugvorderingen", "Directie Klant & Interactie", "Team Dienstverlening Zuid",
    "Team Coördinatie Herstel", "Team Wetgeving", "Team Data & Analyse", "Team Gemeentelijke Samenwerking",
    "Team Beleid Huurtoeslag", "Team Beleid Zorgtoeslag", "Team Kinderopvangtoeslag", "Team Kindgebonden Budget",
    "Team Bezwaar en Beroep", "Team Schuldenaanpak", "Team Communicatie", "Team Klantbeeld", "Team IV-Regie",
    "Team Portaal", "Team Controle & Toezicht", "Directie Financiën",
)
PARTNERS = ("Gemeenten", "VNG", "Belastingdienst", "UWV", "SVB", "DUO", "Nibud", "Kinderopvangorganisaties",
            "Woningcorporaties", "CJIB", "Schuldhulpverlening")
KETENS = ("Innen en Betalen", "Toekennen", "Dienstverlening", "Klantbeeld", "Terugvorderen", "Gegevenslevering")
PORTFOLIO = ("IV-portfolio 2025", "IV-portfolio 2026", "Modernisering Toeslagen", "Releasekalender Q-plan")
GEBRUIKERS = ("j.devries", "m.jansen", "a.öztürk", "s.bakker", "p.visser", "r.el amrani", "k.deboer", "l.smit")
TOELICHTINGEN = (
    "Vastgesteld in het PRT-overleg.", "Volgens de voortgangsrapportage.", "Pilot afgerond, besluit over opschaling.",
    "Gedeeltelijk ingevoerd: nog niet voor alle toeslagen.", "Vertraagd door IV-capaciteit.",
    "Bevestigd door de eigenaar.", "Maatregel opgenomen in het register.", "Herijkt na evaluatie.",
)
INDICATOREN = (
    ("Aandeel terugvorderingen > € 1.000", "%"), ("Niet-gebruik huurtoeslag", "%"), ("Klanttevredenheid (KTO)", "cijfer"),
    ("Doorlooptijd bezwaar", "dagen"), ("Aantal betalingsregelingen", "dossiers"), ("Bereikbaarheid telefoon", "%"),
    ("Aantal wijzigingen na jaarafrekening", "dossiers"),
)
METHODEN = ("registratiedata", "steekproef", "enquête", "pilotevaluatie", "dashboard", None)
BRONNEN = (
    ("VGR-9", "Negende voortgangsrapportage Hersteloperatie Toeslagen", "Ministerie van Financiën", "rapportage"),
    ("VGR-10", "Tiende voortgangsrapportage Hersteloperatie Toeslagen", "Ministerie van Financiën", "rapportage"),
    ("JV-2023", "Jaarverslag Dienst Toeslagen 2023", "Dienst Toeslagen", "jaarverslag"),
    ("JV-2024", "Jaarverslag Dienst Toeslagen 2024", "Dienst Toeslagen", "jaarverslag"),
    ("KB-2024-06", "Kamerbrief stand van zaken verbetermaatregelen", "Staatssecretaris van Financiën", "kamerbrief"),
    ("KB-2025-02", "Kamerbrief voortgang Toeslagen", "Staatssecretaris van Financiën", "kamerbrief"),
    ("ADR-2024", "ADR-onderzoek naar de uitvoering van toeslagen", "Auditdienst Rijk", "onderzoek"),
    ("NO-2023", "Rapport Nationale ombudsman over terugvorderingen", "Nationale ombudsman", "onderzoek"),
    ("AR-2024", "Verantwoordingsonderzoek Financiën", "Algemene Rekenkamer", "evaluatie"),
    ("IBP-2024", "Inspectierapport Belastingen, Toeslagen en Douane", "Inspectie BTD", "inspectie"),
    ("MOT-36000", "Motie over de menselijke maat bij invordering", "Tweede Kamer", "motie"),
    ("TZ-2023-11", "Toezegging commissiedebat Toeslagen", "Tweede Kamer", "toezegging"),
)
THEMA = ("Terugvorderingen", "Invordering", "Niet-gebruik", "Dienstverlening", "Uitvoerbaarheid", "Informatievoorziening")
MAANDEN = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
           "november", "december")

HISTORIE_BEGIN = date(2020, 6, 1)
HISTORIE_EINDE = date(2025, 12, 31)  # a fixed past date: generation does not depend on today
BLOK = 5_000  # measures generated and inserted per block


def _kies(rng: random.Random, opties_gewichten):
    opties, gewichten = opties_gewichten
    return rng.choices(opties, gewichten)[0]


def _janee(rng: random.Random, ja: float, nee: float) -> bool | None:
    x = rng.random()
    return True if x < ja else False if x < ja + nee else None


@lru_cache(maxsize=None)
def _periode(tekst: str) -> Periode:
    return parse_periode(tekst)


def _vage_datum(rng: random.Random, jaar_van: int, jaar_tot: int) -> Periode:
    j = rng.randint(jaar_van, jaar_tot)
    soort = rng.randrange(11)
    tekst = (
        f"Q{rng.randint(1, 4)} {j}", f"{rng.randint(1, 4)}e kwartaal {j}", f"H{rng.randint(1, 2)} {j}", f"{j}",
        f"eind {j}", f"medio {j}", f"begin {j}", f"najaar {j}", f"voorjaar {j}", f"{rng.choice(MAANDEN)} {j}",
        f"{rng.randint(1, 28)}-{rng.randint(1, 12)}-{j}",
    )[soort]
    return _periode(tekst)


def _naam(rng: random.Random) -> str:
    return " ".join(filter(None, (rng.choice(ACTIES), rng.choice(ONDERWERPEN), rng.choice(CONTEXTEN))))


def _omschrijving(rng: random.Random, doelgroep: str) -> str:
    """Two to four sentences, about 200 characters."""
    zinnen = [
        lambda: f"De maatregel richt zich op {rng.choice(ONDERWERPEN)} {rng.choice(CONTEXTEN)}".rstrip() + ".",
        lambda: f"Medewerkers van {rng.choice(TEAMS)} bieden {rng.choice(HULP)} aan {doelgroep}.",
        lambda: f"Hierdoor daalt {rng.choice(EFFECTEN)} en {rng.choice(GEVOLGEN)}.",
        lambda: f"Burgers krijgen {rng.choice(HULP)} zodat {rng.choice(GEVOLGEN)}.",
        lambda: f"Samen met {rng.choice(PARTNERS)} wordt {rng.choice(ONDERWERPEN)} opnieuw ingericht.",
    ]
    tekst = ""
    while len(tekst) < 170:
        tekst = (tekst + " " + rng.choice(zinnen)()).strip()
    return tekst


def _datetime(d: date, rng: random.Random) -> datetime:
    return datetime(d.year, d.month, d.day, rng.randint(8, 17), rng.randint(0, 59), rng.randint(0, 59),
                    tzinfo=timezone.utc)


def _code(prefix: str, nummer: int) -> str:
    """Like registry.maatregel.stel_code_voor: at least two digits."""
    return f"{prefix}-{nummer:02d}"


@dataclass
class _Teller:
    rng: random.Random
    domein_id: dict[str, int]
    bron_ids: list[int]
    volgnummer: dict[str, int] = field(default_factory=lambda: {d: 0 for d in DOMEIN_GEWICHTEN})
    ids_per_domein: dict[str, list[int]] = field(default_factory=lambda: {d: [] for d in DOMEIN_GEWICHTEN})
    historie_id: int = 0
    effect_id: int = 0
    citaat_id: int = 0
    aantallen: dict[str, int] = field(default_factory=dict)

    def tel(self, tabel: str, n: int) -> None:
        self.aantallen[tabel] = self.aantallen.get(tabel, 0) + n


def _maatregel(t: _Teller, mid: int) -> tuple[dict, list[dict], list[dict], list[dict], list[dict], list[dict]]:
    """One measure with its toeslagen, history, effect measurements, citations and dependencies."""
    rng = t.rng
    domein = rng.choices(tuple(DOMEIN_GEWICHTEN), tuple(DOMEIN_GEWICHTEN.values()))[0]
    t.volgnummer[domein] += 1
    code = _code(domein, t.volgnummer[domein])
    naam = _naam(rng)
    doelgroep = rng.choice(DOELGROEPEN)
    omschrijving = _omschrijving(rng, doelgroep)
    eigenaar = rng.choice(TEAMS) if rng.random() < 0.95 else None

    # Status history, oldest first; the last entry is the current status.
    status = rng.choices(tuple(STATUS_GEWICHTEN), tuple(STATUS_GEWICHTEN.values()))[0]
    k = rng.choices((1, 2, 3, 4), (35, 35, 20, 10))[0]
    reeks = [status]
    while len(reeks) < k:
        reeks.insert(0, _kies(rng, VOORGANGER[reeks[0]]))
    dagen = sorted(rng.sample(range((HISTORIE_EINDE - HISTORIE_BEGIN).days + 1), k))
    historie = []
    oud = None
    for nieuw, dag in zip(reeks, dagen):
        t.historie_id += 1
        datum = HISTORIE_BEGIN + timedelta(days=dag)
        bron = rng.choice(t.bron_ids) if rng.random() < 0.4 else None
        historie.append({
            "id": t.historie_id, "maatregel_id": mid, "datum": datum, "oud": oud, "nieuw": nieuw,
            "fase": _kies(rng, FASE_PER_STATUS[nieuw]),
            "brontekst": rng.choice(("gereed", "loopt", "in uitvoering", "niet gestart", "deels ingevoerd"))
            if rng.random() < 0.3 else None,
            "toelichting": rng.choice(TOELICHTINGEN), "gebruiker": rng.choice(GEBRUIKERS), "bron_id": bron,
            "vindplaats": f"p. {rng.randint(3, 120)}" if bron else None, "afgeleid": rng.random() < 0.1,
            "vervangt_id": None, "geregistreerd_op": _datetime(datum + timedelta(days=rng.randint(0, 14)), rng),
        })
        oud = nieuw
    laatste = historie[-1]

    # Planning: the first target is the original one; a later current target carries a reason.
    oorspronkelijk = huidig = None
    reden = reden_tekst = None
    if rng.random() < 0.85:
        oorspronkelijk = _vage_datum(rng, 2023, 2027)
        huidig = oorspronkelijk
        if rng.random() < 0.4:
            huidig = _vage_datum(rng, oorspronkelijk.van.year, oorspronkelijk.van.year + 2)
        if huidig.tot > oorspronkelijk.tot:
            reden = rng.choice(VERTRAGINGSREDEN.codes)
            reden_tekst = rng.choice(("Capaciteit ging naar de hersteloperatie.", "Wetswijziging nodig.",
                                      "Afhankelijk van de modernisering.", None))

    iv_afhankelijk = _janee(rng, 0.45, 0.40)
    iv_blokkade = _janee(rng, 0.35, 0.45) if iv_afhankelijk else (False if iv_afhankelijk is False else None)
    iv_keten = rng.choice(KETENS) if iv_afhankelijk else None
    iv_verwacht = _vage_datum(rng, 2026, 2028) if iv_blokkade and rng.random() < 0.6 else None
    domeinen_anders = [d for d in DOMEIN_GEWICHTEN if d != domein]
    secundair = t.domein_id[rng.choice(domeinen_anders)] if rng.random() < 0.1 else None
    eerdere = t.ids_per_domein[domein]  # measures of this domain made before this one (lower ids: no cycles)
    aantal_eerder = len(eerdere)
    ouder = rng.choice(eerdere) if eerdere and rng.random() < 0.10 else None
    eerdere.append(mid)
    aangemaakt = _datetime(laatste["datum"] - timedelta(days=dagen[-1] - dagen[0]), rng)

    rij = {
        "id": mid, "code": code, "naam": naam, "omschrijving": omschrijving,
        "doel": f"Omlaag: {rng.choice(EFFECTEN)} bij {doelgroep}.",
        "doelgroep": doelgroep, "domein_id": t.domein_id[domein], "domein_secundair_id": secundair,
        "ouder_id": ouder, "eigenaar": eigenaar,
        "partners": ", ".join(rng.sample(PARTNERS, rng.randint(1, 3))) if rng.random() < 0.5 else None,
        "status": status, "fase": laatste["fase"], "status_brontekst": laatste["brontekst"],
        "status_afgeleid": laatste["afgeleid"], "status_datum": laatste["datum"],
        "iv_afhankelijk": iv_afhankelijk, "iv_blokkade": iv_blokkade, "iv_keten": iv_keten,
        "iv_blokkade_soort": rng.choice(IV_BLOKKADE_SOORT.codes) if iv_blokkade else None,
        "iv_toelichting": f"Wijziging nodig in de keten {iv_keten}." if iv_keten and rng.random() < 0.6 else None,
        "iv_verwacht_tekst": iv_verwacht.tekst if iv_verwacht else None,
        "iv_verwacht_van": iv_verwacht.van if iv_verwacht else None,
        "iv_verwacht_tot": iv_verwacht.tot if iv_verwacht else None,
        "iv_portfolio": rng.choice(PORTFOLIO) if iv_afhankelijk and rng.random() < 0.5 else None,
        "wetswijziging": _janee(rng, 0.15, 0.6),
        "data_afhankelijkheid": "Gegevens van gemeenten nodig." if rng.random() < 0.1 else None,
        "planning_oorspronkelijk_tekst": oorspronkelijk.tekst if oorspronkelijk else None,
        "planning_oorspronkelijk_van": oorspronkelijk.van if oorspronkelijk else None,
        "planning_oorspronkelijk_tot": oorspronkelijk.tot if oorspronkelijk else None,
        "planning_huidig_tekst": huidig.tekst if huidig else None,
        "planning_huidig_van": huidig.van if huidig else None,
        "planning_huidig_tot": huidig.tot if huidig else None,
        "vertraging_reden": reden, "vertraging_toelichting": reden_tekst,
        "verwacht_effect": rng.choice(VERWACHT_EFFECT.codes) if rng.random() < 0.4 else None,
        "effect_basis": rng.choice(EFFECT_BASIS.codes) if rng.random() < 0.3 else None,
        "iv_inspanning": rng.choice(("2 sprints", "ca. 400 uur", "klein", "groot", "1 release"))
        if iv_afhankelijk and rng.random() < 0.3 else None,
        # The prioritering's inputs and decisions start empty; the prioritering case fills a copy of the register.
        **dict.fromkeys(("iv_weken", "iv_omvang", "personeel_weken", "prioriteit", "prioriteit_motivatie",
                         "prioriteit_datum", "prioriteit_door", "rang_handmatig", "rang_motivatie", "rang_datum",
                         "rang_door")),
        "gearchiveerd": rng.random() < 0.02,
        # Exactly as registry.maatregel._pas_toe keeps them.
        "zoektekst": normaliseer(" ".join(filter(None, (code, naam, omschrijving)))),
        "eigenaar_zoek": normaliseer(eigenaar), "iv_keten_zoek": normaliseer(iv_keten),
        "versie": k + rng.randint(0, 3), "aangemaakt_op": aangemaakt,
        "gewijzigd_op": max(aangemaakt, laatste["geregistreerd_op"]),
    }

    toeslagen = [{"maatregel_id": mid, "toeslag_code": c}
                 for c in rng.sample([c for c, _ in TOESLAGEN], rng.choices((1, 2, 3), (50, 35, 15))[0])]

    metingen = []
    for _ in range(rng.choices((0, 1, 2), (50, 35, 15))[0]):
        t.effect_id += 1
        indicator, eenheid = rng.choice(INDICATOREN)
        waarde = round(rng.uniform(1, 60), 1) if eenheid != "dossiers" else float(rng.randint(100, 25_000))
        tekst = (f"{waarde:.1f}".replace(".", ",") + ("%" if eenheid == "%" else "") if eenheid != "dossiers"
                 else f"{int(waarde):,}".replace(",", "."))
        bron = rng.choice(t.bron_ids) if rng.random() < 0.6 else None
        metingen.append({
            "id": t.effect_id, "maatregel_id": mid, "indicator": indicator,
            "nulmeting": f"{rng.randint(2019, 2022)}: {round(waarde * rng.uniform(0.8, 1.5), 1)}".replace(".", ","),
            "waarde_tekst": tekst, "waarde": waarde, "eenheid": eenheid,
            "streefwaarde": f"{round(waarde * 0.8, 1)}".replace(".", ",") if rng.random() < 0.5 else None,
            "periode": str(rng.randint(2022, 2025)), "methode": rng.choice(METHODEN),
            "bewijskracht": rng.choice(BEWIJSKRACHT.codes),
            "effect_ervaring": rng.choice(EFFECT_ERVARING.codes) if rng.random() < 0.6 else None,
            "bron_id": bron, "vindplaats": f"tabel {rng.randint(1, 12)}" if bron else None,
            "toelichting": "Voorlopig cijfer." if rng.random() < 0.2 else None, "versie": 1,
        })

    citaties = []
    for b in rng.sample(t.bron_ids, rng.choices((0, 1, 2), (55, 35, 10))[0]):
        t.citaat_id += 1
        citaties.append({"id": t.citaat_id, "maatregel_id": mid, "bron_id": b,
                         "vindplaats": f"§ {rng.randint(1, 6)}.{rng.randint(1, 9)}, p. {rng.randint(2, 90)}",
                         "toelichting": None})

    afhankelijk = []
    if aantal_eerder and rng.random() < 0.05:
        for i in rng.sample(range(aantal_eerder), min(aantal_eerder, rng.randint(1, 2))):
            afhankelijk.append({"maatregel_id": mid, "afhankelijk_van_id": eerdere[i]})

    return rij, toeslagen, historie, metingen, citaties, afhankelijk


def _controleer_kolommen(tabel, rij: dict) -> None:
    verwacht = set(tabel.c.keys())
    if set(rij) != verwacht:
        raise RuntimeError(f"generator en tabel {tabel.name} lopen uiteen: ontbreekt {sorted(verwacht - set(rij))}, "
                           f"onbekend {sorted(set(rij) - verwacht)}")


def genereer(n: int, pad: Path) -> dict:
    """Create a register of `n` measures at `pad` (which must not exist); returns counts and timings."""
    begin = time.perf_counter()
    rng = random.Random(SEED * 1_000_003 + n)
    register = open_register(pad=pad, leeg=True)
    try:
        with register.engine.begin() as c:
            domein_id = dict(c.execute(select(Domein.code, Domein.id)).all())
            bron_rijen = [{
                "id": i, "code": code, "titel": titel, "uitgever": uitgever,
                "datum": date(2022, 1, 1) + timedelta(days=rng.randint(0, 1400)), "soort": soort,
                "referentie": f"Kamerstuk 31066, nr. {rng.randint(1000, 1800)}" if rng.random() < 0.7 else None,
                "bestand": None, "versie": 1,
            } for i, (code, titel, uitgever, soort) in enumerate(BRONNEN, start=1)]
            c.execute(insert(Bron.__table__), bron_rijen)
            t = _Teller(rng, domein_id, [b["id"] for b in bron_rijen])
            t.tel("bron", len(bron_rijen))
            tabellen = (Maatregel.__table__, MaatregelToeslag.__table__, Statuswijziging.__table__,
                        Effectmeting.__table__, MaatregelBron.__table__, MaatregelAfhankelijkheid.__table__)
            for start in range(1, n + 1, BLOK):
                blokken: list[list[dict]] = [[] for _ in tabellen]
                for mid in range(start, min(n, start + BLOK - 1) + 1):
                    for lijst, deel in zip(blokken, _maatregel(t, mid)):
                        if isinstance(deel, dict):
                            lijst.append(deel)
                        else:
                            lijst.extend(deel)
                for tabel, rijen in zip(tabellen, blokken):
                    if rijen:
                        if start == 1:
                            _controleer_kolommen(tabel, rijen[0])
                        c.execute(insert(tabel), rijen)
                        t.tel(tabel.name, len(rijen))

            aanbevelingen, koppelingen = [], []
            for i in range(1, max(1, n // 20) + 1):
                bron = rng.choice(t.bron_ids)
                opvolging = rng.choices(OPVOLGING.codes, (30, 25, 15, 20, 10))[0]
                deadline = _vage_datum(rng, 2024, 2027) if rng.random() < 0.6 else None
                besloten = opvolging != "open"
                aanbevelingen.append({
                    "id": i, "code": f"AB-{i:05d}", "bron_id": bron, "vindplaats": f"aanbeveling {rng.randint(1, 30)}",
                    "nummer": str(rng.randint(1, 30)), "titel": f"{_naam(rng)}: zorg voor {rng.choice(HULP)}",
                    "tekst": _omschrijving(rng, rng.choice(DOELGROEPEN)), "thema": rng.choice(THEMA),
                    "datum": date(2022, 1, 1) + timedelta(days=rng.randint(0, 1400)),
                    "deadline_tekst": deadline.tekst if deadline else None,
                    "deadline_van": deadline.van if deadline else None,
                    "deadline_tot": deadline.tot if deadline else None,
                    "opvolging": opvolging,
                    "motivatie": "Past niet binnen de wet; alternatief gekozen." if opvolging == "afgewezen" else None,
                    "besloten_op": date(2024, 1, 1) + timedelta(days=rng.randint(0, 600)) if besloten else None,
                    "besloten_door": rng.choice(GEBRUIKERS) if besloten else None, "versie": 1,
                })
                for mid in rng.sample(range(1, n + 1), min(n, rng.randint(1, 3))):
                    koppelingen.append({"aanbeveling_id": i, "maatregel_id": mid})
            _controleer_kolommen(Aanbeveling.__table__, aanbevelingen[0])
            c.execute(insert(Aanbeveling.__table__), aanbevelingen)
            c.execute(insert(AanbevelingMaatregel.__table__), koppelingen)
            t.tel("aanbeveling", len(aanbevelingen))
            t.tel("aanbeveling_maatregel", len(koppelingen))

            seconden = time.perf_counter() - begin
            meta = {"versie": GENERATOR_VERSIE, "seed": SEED, "n": n, "seconden": round(seconden, 2),
                    "aantallen": t.aantallen, "hoogste_volgnummer": max(t.volgnummer.values())}
            c.execute(insert(RegisterInfo.__table__), [{"sleutel": META_SLEUTEL, "waarde": json.dumps(meta)}])
        with register.engine.connect() as c:
            c.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        register.sluit()
    meta["seconden"] = round(time.perf_counter() - begin, 2)
    return meta


def _lees_meta(pad: Path) -> dict | None:
    if not pad.exists():
        return None
    try:
        verbinding = sqlite3.connect(f"{pad.resolve().as_uri()}?mode=ro", uri=True)
        try:
            rij = verbinding.execute("SELECT waarde FROM register_info WHERE sleutel=?", (META_SLEUTEL,)).fetchone()
        finally:
            verbinding.close()
        return json.loads(rij[0]) if rij else None
    except (sqlite3.Error, ValueError):
        return None


def _verwijder(pad: Path) -> None:
    for p in (pad, Path(f"{pad}-wal"), Path(f"{pad}-shm"), Path(f"{pad}-journal")):
        p.unlink(missing_ok=True)


def _codes_buiten_patroon(pad: Path) -> dict:
    """Checked against the code's current CODE_PATROON (not at generation time: the pattern may change)."""
    verbinding = sqlite3.connect(f"{pad.resolve().as_uri()}?mode=ro", uri=True)
    try:
        codes = [c for (c,) in verbinding.execute("SELECT code FROM maatregel")]
    finally:
        verbinding.close()
    return {"code_patroon": CODE_PATROON.pattern, "codes_buiten_patroon": sum(1 for c in codes if not CODE_PATROON.match(c)),
            "codes_met_5_cijfers_of_meer": sum(1 for c in codes if len(c.split("-", 1)[-1]) >= 5)}


def zorg_voor_register(n: int, opnieuw: bool) -> tuple[Path, dict]:
    """The cached register of `n` measures, generated when missing, stale or when asked to."""
    CACHE.mkdir(parents=True, exist_ok=True)
    pad = CACHE / f"register-{n}.db"
    meta = None if opnieuw else _lees_meta(pad)
    if meta and meta.get("versie") == GENERATOR_VERSIE and meta.get("seed") == SEED and meta.get("n") == n:
        meta["uit_cache"] = True
    else:
        tijdelijk = CACHE / f"register-{n}.tmp.db"
        _verwijder(tijdelijk)
        print(f"  register van {n:,} maatregelen genereren …", file=sys.stderr, flush=True)
        meta = genereer(n, tijdelijk)
        _verwijder(pad)
        os.replace(tijdelijk, pad)
        _verwijder(tijdelijk)
        meta["uit_cache"] = False
    return pad, {**meta, **_codes_buiten_patroon(pad), "bestand_mb": round(pad.stat().st_size / 2**20, 1)}


# ====================================================================================================================
# Cases
# ====================================================================================================================

@dataclass
class Context:
    """What a case gets: the size, the database file, and a shared (warm) register for in-process cases."""
    n: int
    pad: Path
    _register: Register | None = None

    def register(self) -> Register:
        if self._register is None:
            self._register = open_register(pad=self.pad)
        return self._register

    def sluit(self) -> None:
        if self._register is not None:
            self._register.sluit()
            self._register = None


Uitkomst = float | tuple[float, dict]


@dataclass(frozen=True)
class Geval:
    """A case: `meet(ctx)` runs it once and returns its measurement (ms or MB), optionally with details.

    `afgeleid` adds rows taken from the details of the same runs: row name -> (details key, unit).
    `max_herhalingen` caps the repetitions (for measurements that do not vary, such as peak memory).
    `groottes` limits a case to some register sizes (a 100,000-measure PDF is not a use case).
    """
    meet: Callable[[Context], Uitkomst]
    eenheid: str = "ms"
    omschrijving: str = ""
    afgeleid: dict[str, tuple[str, str]] = field(default_factory=dict)
    max_herhalingen: int | None = None
    groottes: tuple[int, ...] | None = None  # only at these register sizes (None: at every size)


def _ms(begin: float) -> float:
    return (time.perf_counter() - begin) * 1000


def geval_openen(ctx: Context) -> Uitkomst:
    begin = time.perf_counter()
    register = open_register(pad=ctx.pad)
    try:
        with register.sessie() as sessie:
            rijen = zoek_maatregelen(sessie, Filter())
        ms = _ms(begin)
    finally:
        register.sluit()
    return ms, {"rijen": len(rijen)}


def _filter_geval(f: Filter) -> Callable[[Context], Uitkomst]:
    def meet(ctx: Context) -> Uitkomst:
        register = ctx.register()
        begin = time.perf_counter()
        with register.sessie() as sessie:
            rijen = zoek_maatregelen(sessie, f)
        return _ms(begin), {"rijen": len(rijen)}
    return meet


def geval_export_json(ctx: Context) -> Uitkomst:
    register = ctx.register()
    begin = time.perf_counter()
    with register.sessie() as sessie:
        gegevens = register_als_json(sessie, Filter())
    tussen = time.perf_counter()
    tekst = json.dumps(gegevens, ensure_ascii=False)
    ms = _ms(begin)
    return ms, {"register_als_json_ms": round((tussen - begin) * 1000, 1), "dumps_ms": round(_ms(tussen), 1),
                "maatregelen": len(gegevens["maatregelen"]), "mb": round(len(tekst.encode()) / 2**20, 1)}


def _pdf_geval(ctx: Context) -> Uitkomst:
    """The whole PRT overview (all sections, a year of changes) into a temporary file, in seconds."""
    import tempfile

    from registry.rapport.gegevens import Rapportkeuze
    from registry.rapport.pdf import maak_rapport

    register = ctx.register()
    keuze = Rapportkeuze(peildatum=HISTORIE_EINDE + timedelta(days=1), periode="2026-H1", sinds=date(2025, 1, 1))
    with tempfile.TemporaryDirectory() as map_:
        pad = Path(map_) / "rapport.pdf"
        begin = time.perf_counter()
        with register.sessie() as sessie:
            resultaat = maak_rapport(sessie, keuze, pad)
        seconden = time.perf_counter() - begin
        mb = pad.stat().st_size / 2**20
    return seconden, {"paginas": resultaat.paginas, "mb": round(mb, 1),
                      "maatregelen": resultaat.aantal_maatregelen}


def geval_xlsx_export(ctx: Context) -> Uitkomst:
    """export-xlsx of the whole register into a temporary file, in seconds."""
    import tempfile

    from registry.rekenblad.export import schrijf_werkmap

    register = ctx.register()
    with tempfile.TemporaryDirectory() as map_:
        pad = Path(map_) / "register.xlsx"
        begin = time.perf_counter()
        with register.sessie() as sessie:
            resultaat = schrijf_werkmap(sessie, pad)
        seconden = time.perf_counter() - begin
        mb = pad.stat().st_size / 2**20
    return seconden, {"maatregelen": resultaat.aantal_maatregelen, "mb": round(mb, 1)}


_GEEXPORTEERD: set[Path] = set()  # exports written in this run (a file left by an earlier run may be stale)


def _eigen_export(ctx: Context) -> Path:
    """The register's export beside its file, made once per run (not timed)."""
    from registry.rekenblad.export import schrijf_werkmap

    werkmap = ctx.pad.with_name(f"{ctx.pad.stem}-export.xlsx")
    if werkmap not in _GEEXPORTEERD:
        with ctx.register().sessie() as sessie:  # archived too: live measures refer to archived ones
            schrijf_werkmap(sessie, werkmap, Filter(met_gearchiveerd=True))
        _GEEXPORTEERD.add(werkmap)
    return werkmap


def geval_xlsx_import(ctx: Context) -> Uitkomst:
    """import of the register's own export into a new empty database: read, check, plan and write, in seconds."""
    import tempfile

    from registry.rekenblad.importeren import importeer, lees_import

    werkmap = _eigen_export(ctx)
    with tempfile.TemporaryDirectory() as map_:
        doel = open_register(pad=Path(map_) / "leeg.db", leeg=True)
        try:
            begin = time.perf_counter()
            bestand = lees_import(werkmap)
            gelezen = time.perf_counter()
            with doel.werk() as sessie:
                resultaat = importeer(sessie, bestand, "bench")
            seconden = time.perf_counter() - begin
        finally:
            doel.sluit()
    return seconden, {"lezen_s": round(gelezen - begin, 2), "aangemaakt": len(resultaat.aangemaakt)}


PRIORITERING_PERIODEN = ("2027-H1", "2027-H2", "2028-H1", "2028-H2", "2029-H1", "2029-H2")
_PRIORITERING: dict[Path, Path] = {}  # generated register -> its copy with priority inputs (made once per run)


def _prioriteringsregister(ctx: Context) -> Path:
    """A copy of the register with random priority inputs and 6 half-year capacities per chain (set-up, not timed).

    A copy, so the other cases keep measuring the register as generated. Plain SQL in one transaction: effect and
    basis for every measure, weeks (or a size class) for the IV ones, a dependency for ~20% and the capacities.
    """
    if ctx.pad in _PRIORITERING:
        return _PRIORITERING[ctx.pad]
    from registry.prioritering.capaciteit import keten_sleutel
    from registry.vocabulaire import IV_OMVANG

    kopie = ctx.pad.with_name(f"{ctx.pad.stem}-prioritering.db")
    _verwijder(kopie)
    with sqlite3.connect(ctx.pad) as bron, sqlite3.connect(kopie) as doel:
        bron.backup(doel)  # the backup API: a plain file copy would miss WAL pages
    bron.close()
    doel.close()
    open_register(pad=kopie).sluit()  # brings the copy to the current schema
    for backup in kopie.parent.glob(f"{kopie.name}.voor-migratie-*"):  # a throwaway copy needs no backup
        backup.unlink()
    rng = random.Random(SEED + ctx.n)
    c = sqlite3.connect(kopie)
    try:
        with c:
            rijen = c.execute("SELECT id, iv_keten FROM maatregel ORDER BY id").fetchall()
            wijzigingen, weken_per_keten = [], {}
            for mid, keten in rijen:
                weken = omvang = None
                if keten is not None and rng.random() < 0.9:  # a few IV measures without an estimate
                    if rng.random() < 0.6:
                        weken = float(rng.choice((1, 2, 3, 4, 6, 8, 10, 12, 16, 20, 26, 40)))
                    else:
                        omvang = rng.choice(IV_OMVANG.codes)
                    weken_per_keten[keten] = weken_per_keten.get(keten, 0) + (weken or 12)
                wijzigingen.append((rng.choice(VERWACHT_EFFECT.codes), rng.choice(EFFECT_BASIS.codes), weken, omvang,
                                    mid))
            c.executemany("UPDATE maatregel SET verwacht_effect = ?, effect_basis = ?, iv_weken = ?, iv_omvang = ? "
                          "WHERE id = ?", wijzigingen)
            ids = [r[0] for r in rijen]
            c.executemany("INSERT OR IGNORE INTO maatregel_afhankelijkheid (maatregel_id, afhankelijk_van_id) "
                          "VALUES (?, ?)", [(mid, rng.choice(ids[:i])) for i, mid in enumerate(ids)
                                            if i > 0 and rng.random() < 0.2])
            c.execute("DELETE FROM iv_capaciteit")
            capaciteit = []
            for keten, totaal in sorted(weken_per_keten.items()):
                for tekst in PRIORITERING_PERIODEN:
                    periode = parse_periode(tekst)
                    capaciteit.append((keten, keten_sleutel(keten), tekst, periode.van.isoformat(),
                                       periode.tot.isoformat(), float(round(totaal / 12 * rng.uniform(0.5, 1.2))), 1))
            c.executemany("INSERT INTO iv_capaciteit (keten, keten_zoek, periode_tekst, periode_van, periode_tot, "
                          "weken, versie) VALUES (?, ?, ?, ?, ?, ?, ?)", capaciteit)
    finally:
        c.close()
    _PRIORITERING[ctx.pad] = kopie
    return kopie


def geval_prioritering(ctx: Context) -> Uitkomst:
    """The registry side of the prioritering view's update after one capacity change: pas_toe of the scenario,
    maak_plan of the current and the scenario invoer, vergelijk. lees_invoer (once per reload) is a derived row."""
    from registry.prioritering.inpassing import maak_plan
    from registry.prioritering.invoer import lees_invoer
    from registry.prioritering.model import Scenario
    from registry.prioritering.scenario import met_capaciteit, met_invoer, pas_toe, vergelijk

    register = open_register(pad=_prioriteringsregister(ctx))
    try:
        begin = time.perf_counter()
        with register.sessie() as sessie:
            invoer = lees_invoer(sessie)
        lezen = _ms(begin)
    finally:
        register.sluit()
    eerste = invoer.capaciteiten[0]
    scenario = met_capaciteit(invoer, Scenario(), eerste.keten, eerste.periode.tekst, eerste.weken + 20)
    gc.collect()
    begin = time.perf_counter()
    plan = maak_plan(invoer)  # ranks the freshly read measures
    tussen = time.perf_counter()
    plan_scenario = maak_plan(pas_toe(invoer, scenario))  # the same measures: their ranking is reused
    verschuivingen = vergelijk(plan, plan_scenario)
    ms, plan_ms = _ms(begin), (tussen - begin) * 1000
    # The same after a change of one measure's input: the current plan's ranking is reused, and of the scenario's
    # measures only the changed row is reranked (inpassing._herbruikbaar).
    kandidaat = next(m for m in invoer.maatregelen if m.is_open and m.weken)
    invoerscenario = met_invoer(invoer, Scenario(), kandidaat.id, "iv_weken", kandidaat.weken + 1)
    gc.collect()
    begin = time.perf_counter()
    vergelijk(maak_plan(pas_toe(invoer, Scenario())), maak_plan(pas_toe(invoer, invoerscenario)))
    invoerwijziging = _ms(begin)
    return ms, {"lees_invoer_ms": round(lezen, 1), "maak_plan_ms": round(plan_ms, 1),
                "invoerwijziging_ms": round(invoerwijziging, 1),
                "open": len(plan.rangorde), "gepland": sum(u.gepland for u in plan.uitkomsten.values()),
                "vakken": len(plan.vakken), "kringlopen": len(plan.kringlopen), "verschuivingen": len(verschuivingen)}


# Run in a fresh interpreter: imports, open_register, the rows of the main window; reports its own peak RSS.
PROCES = r"""
import json, sys, time
t_begin = time.time()
begin = time.perf_counter()
sys.path.insert(0, sys.argv[1])

def rss_mb():
    # Linux: VmHWM, the peak RSS of this process image. Not ru_maxrss: after fork+exec it keeps the parent's peak
    # (the kernel carries the pre-exec high-water mark over), so a child of a big bench process would report that.
    try:
        with open("/proc/self/status") as f:
            for regel in f:
                if regel.startswith("VmHWM:"):
                    return int(regel.split()[1]) / 1024
    except OSError:
        pass
    try:
        import resource
    except ImportError:
        try:
            import psutil
            return psutil.Process().memory_info().peak_wset / 2**20  # Windows
        except Exception:
            return None
    piek = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return piek / 2**20 if sys.platform == "darwin" else piek / 1024  # bytes on macOS, KB elsewhere

if sys.argv[3] == "qt":
    import PySide6.QtWidgets  # what the GUI loads before the register
from db.openen import open_register
from registry.filters import Filter, zoek_maatregelen
na_import = time.perf_counter()
rss_import = rss_mb()
register = open_register(pad=sys.argv[2])
with register.sessie() as sessie:
    rijen = zoek_maatregelen(sessie, Filter())
klaar = time.perf_counter()
t_geladen = time.time()
rss = rss_mb()
register.sluit()
print(json.dumps({"rijen": len(rijen), "import_ms": (na_import - begin) * 1000, "laden_ms": (klaar - na_import) * 1000,
                  "rss_na_import_mb": rss_import, "rss_mb": rss, "t_begin": t_begin, "t_geladen": t_geladen,
                  "t_einde": time.time()}), flush=True)
"""


def _proces(ctx: Context, qt: bool) -> tuple[float, dict]:
    """Wall time of the whole process, with its parts: interpreter start, imports, loading, and exit.

    `start_ms` (spawn until the rows are loaded) is what a user waits for; the wall time also includes the
    interpreter's shutdown after the work is done.
    """
    begin, t_start = time.perf_counter(), time.time()
    uit = subprocess.run([sys.executable, "-c", PROCES, str(ROOT), str(ctx.pad), "qt" if qt else "-"],
                         cwd=ROOT, capture_output=True, text=True)
    ms, t_klaar = _ms(begin), time.time()
    if uit.returncode != 0:
        raise RuntimeError(f"subproces mislukt ({uit.returncode}):\n{uit.stderr}")
    info = json.loads(uit.stdout.strip().splitlines()[-1])
    t_begin, t_geladen, t_einde = info.pop("t_begin"), info.pop("t_geladen"), info.pop("t_einde")
    info.update({
        "interpreter_ms": round((t_begin - t_start) * 1000, 1), "start_ms": round((t_geladen - t_start) * 1000, 1),
        "afsluiten_ms": round((t_klaar - t_einde) * 1000, 1),
        "import_ms": round(info["import_ms"], 1), "laden_ms": round(info["laden_ms"], 1),
    })
    return ms, info


def _geheugen(qt: bool) -> Callable[[Context], Uitkomst]:
    def meet(ctx: Context) -> Uitkomst:
        _, info = _proces(ctx, qt)
        if info["rss_mb"] is None:
            raise RuntimeError("piekgeheugen niet meetbaar op dit platform")
        return info["rss_mb"], {"rss_na_import_mb": info["rss_na_import_mb"], "rijen": info["rijen"]}
    return meet


# The real main window in a fresh interpreter (offscreen): from process start until the window is shown with its
# rows. Settings go to a throw-away data directory, so a user's saved filter or window state cannot skew the numbers.
VENSTER = r"""
import json, os, sys, time
t_begin = time.time()
sys.path.insert(0, sys.argv[1])
from PySide6.QtWidgets import QApplication
app = QApplication([])
from db.openen import open_register
from ui.hoofdvenster import Hoofdvenster
from ui.instellingen import Instellingen
register = open_register(pad=sys.argv[2])
venster = Hoofdvenster(register, Instellingen())
from PySide6.QtCore import QEvent, QObject


class EersteVerf(QObject):
    # "Shown" = the table's first paint, with its rows. The first measure's details and the search texts load
    # just after that (zero-timers the window queues), so they are not part of what the user waits for.
    t = None

    def eventFilter(self, obj, gebeurtenis):
        if gebeurtenis.type() == QEvent.Type.Paint and self.t is None:
            self.t = time.time()
        return False


verf = EersteVerf()
venster.tabel.viewport().installEventFilter(verf)
venster.show()
while verf.t is None:
    app.processEvents()
t_getoond = verf.t
app.processEvents()
rijen = venster.model.rowCount()
rss = None
try:
    with open("/proc/self/status") as f:
        rss = next(int(r.split()[1]) / 1024 for r in f if r.startswith("VmHWM:"))
except OSError:
    pass
venster.detail.herstel()
print(json.dumps({"rijen": rijen, "t_begin": t_begin, "t_getoond": t_getoond, "rss_mb": rss}), flush=True)
"""


def _venster_proces(ctx: Context) -> dict:
    import tempfile

    with tempfile.TemporaryDirectory() as map_:
        omgeving = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "MAATREGELEN_GEGEVENSMAP": map_}
        t_start = time.time()
        uit = subprocess.run([sys.executable, "-c", VENSTER, str(ROOT), str(ctx.pad)], cwd=ROOT, capture_output=True,
                             text=True, env=omgeving)
    if uit.returncode != 0:
        raise RuntimeError(f"subproces mislukt ({uit.returncode}):\n{uit.stderr}")
    info = json.loads(uit.stdout.strip().splitlines()[-1])
    info["start_ms"] = round((info.pop("t_getoond") - t_start) * 1000, 1)
    info["interpreter_ms"] = round((info.pop("t_begin") - t_start) * 1000, 1)
    return info


def geval_venster_start(ctx: Context) -> Uitkomst:
    info = _venster_proces(ctx)
    return info["start_ms"], info


def geval_venster_geheugen(ctx: Context) -> Uitkomst:
    info = _venster_proces(ctx)
    if info["rss_mb"] is None:
        raise RuntimeError("piekgeheugen niet meetbaar op dit platform")
    return info["rss_mb"], {"rijen": info["rijen"]}


_VENSTERS: dict = {}


def _venster(ctx: Context):
    """One offscreen main window per register, kept for the in-process window cases."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    if ctx.pad not in _VENSTERS:
        import tempfile

        os.environ["MAATREGELEN_GEGEVENSMAP"] = tempfile.mkdtemp(prefix="bench-instellingen-")
        from ui.hoofdvenster import Hoofdvenster
        from ui.instellingen import Instellingen

        venster = Hoofdvenster(ctx.register(), Instellingen())
        venster.resize(1400, 900)
        venster.show()
        app.processEvents()
        _VENSTERS[ctx.pad] = venster
    return app, _VENSTERS[ctx.pad]


def geval_venster_filter_toets(ctx: Context) -> Uitkomst:
    """Type a search word letter by letter, then delete it again: per keystroke until the table has repainted."""
    app, venster = _venster(ctx)
    zoekveld = venster.filterpaneel.zoekveld
    zoekveld.clear()
    app.processEvents()
    tijden = []
    woord = "begeleiding"
    for tekst in [woord[:i] for i in range(1, len(woord) + 1)] + [woord[:i] for i in range(len(woord) - 1, -1, -1)]:
        begin = time.perf_counter()
        zoekveld.setText(tekst)  # textChanged -> filter -> model reset, as a keystroke does
        app.processEvents()  # the repaint the reset asked for
        tijden.append(_ms(begin))
    return statistics.median(tijden), {"max_ms": round(max(tijden), 1), "toetsen": len(tijden)}


def geval_venster_sorteren(ctx: Context) -> Uitkomst:
    """Sort by name, status and planning, each both ways, until the table has repainted; median of the six."""
    from PySide6.QtCore import Qt

    from ui.registermodel import NAAM, PLANNING, STATUSKOLOM

    app, venster = _venster(ctx)
    venster.filterpaneel.wis()
    app.processEvents()
    tijden = {}
    for kolom, naam in ((NAAM, "naam"), (STATUSKOLOM, "status"), (PLANNING, "planning")):
        for volgorde in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            begin = time.perf_counter()
            venster.tabel.sortByColumn(kolom, volgorde)
            app.processEvents()  # the repaint the sort asked for
            tijden[f"{naam}_{'op' if volgorde == Qt.SortOrder.AscendingOrder else 'af'}"] = round(_ms(begin), 1)
    venster.tabel.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    return statistics.median(tijden.values()), {"per_kolom_ms": tijden, "rijen": venster.model.rowCount()}


def geval_venster_dashboard(ctx: Context) -> Uitkomst:
    """The dashboard recounted and redrawn while in view, as after a change; the first showing (matplotlib's import
    included) is reported beside it."""
    app, venster = _venster(ctx)
    eerste = None
    if venster.dashboard.pagina is None:
        begin = time.perf_counter()
        venster.toon_pagina(venster.DASHBOARD)
        app.processEvents()  # the charts are drawn at the next paint
        eerste = round(_ms(begin), 1)
    venster.toon_pagina(venster.DASHBOARD)
    begin = time.perf_counter()
    venster.dashboard.pagina.ververs(venster.model.alle_rijen())
    app.processEvents()
    ms = _ms(begin)
    venster.toon_pagina(venster.MAATREGELEN)
    app.processEvents()
    return ms, ({"eerste_keer_ms": eerste} if eerste is not None else {})


def geval_venster_aanbeveling_toets(ctx: Context) -> Uitkomst:
    """On the Aanbevelingen page: type a search word and delete it, per keystroke until the table has repainted."""
    app, venster = _venster(ctx)
    venster.toon_pagina(venster.AANBEVELINGEN)
    app.processEvents()
    pagina = venster.aanbevelingen.pagina
    zoekveld = pagina.zoekveld
    zoekveld.clear()
    app.processEvents()
    tijden = []
    woord = "termijn"
    for tekst in [woord[:i] for i in range(1, len(woord) + 1)] + [woord[:i] for i in range(len(woord) - 1, -1, -1)]:
        begin = time.perf_counter()
        zoekveld.setText(tekst)
        app.processEvents()
        tijden.append(_ms(begin))
    venster.toon_pagina(venster.MAATREGELEN)
    app.processEvents()
    return statistics.median(tijden), {"max_ms": round(max(tijden), 1), "aanbevelingen": len(pagina.model.rijen())}


def geval_venster_prioritering(ctx: Context) -> Uitkomst:
    """On the Prioritering page of the main window (the register with priority inputs): a capacity change, then a
    measure's input change, each tried in the scenario until the page has repainted; median of both kinds."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    pad = _prioriteringsregister(ctx)
    if pad not in _VENSTERS:
        import tempfile

        os.environ["MAATREGELEN_GEGEVENSMAP"] = tempfile.mkdtemp(prefix="bench-instellingen-")
        from ui.hoofdvenster import Hoofdvenster
        from ui.instellingen import Instellingen

        venster = Hoofdvenster(open_register(pad=pad), Instellingen())
        venster.resize(1400, 900)
        venster.show()
        app.processEvents()
        _VENSTERS[pad] = venster
    venster = _VENSTERS[pad]
    eerste = None
    if venster.prioritering.pagina is None:
        begin = time.perf_counter()
        venster.toon_pagina(venster.PRIORITERING)
        app.processEvents()
        eerste = round(_ms(begin), 1)
    venster.toon_pagina(venster.PRIORITERING)
    pagina = venster.prioritering.pagina
    app.processEvents()
    vak = next(v for v in pagina.capaciteitmodel.rij(0) if v is not None)
    kandidaat = next(m for m in (pagina.model.rij(i).maatregel for i in range(pagina.model.rowCount())) if m.weken)
    pagina.selecteer(kandidaat.code)
    app.processEvents()
    capaciteit, invoer = [], []
    for i in range(6):
        begin = time.perf_counter()
        pagina.zet_capaciteit(vak.keten, vak.periode.tekst, vak.capaciteit + 5 * (i + 1))
        app.processEvents()  # the repaint the changed cells asked for
        capaciteit.append(_ms(begin))
        begin = time.perf_counter()
        pagina.zet_invoer("iv_weken", kandidaat.weken + i + 1)
        app.processEvents()
        invoer.append(_ms(begin))
    return statistics.median(capaciteit + invoer), {
        "capaciteit_ms": round(statistics.median(capaciteit), 1), "invoer_ms": round(statistics.median(invoer), 1),
        "max_ms": round(max(capaciteit + invoer), 1), "eerste_keer_ms": eerste, "open": pagina.model.rowCount()}

def _qt_beschikbaar() -> bool:
    try:
        import importlib.util
        return importlib.util.find_spec("PySide6") is not None
    except (ImportError, ValueError):
        return False


#: Case name -> case. Add a case here; it shows up in the table and the JSON.
GEVALLEN: dict[str, Geval] = {
    "openen": Geval(geval_openen, "ms", "open_register + eerste zoek_maatregelen(Filter()), nieuw Register per keer"),
    "openen_proces": Geval(lambda ctx: _proces(ctx, qt=False), "ms",
                           "nieuw Python-proces: imports + openen + alle rijen laden (wandkloktijd, incl. afsluiten)",
                           afgeleid={"start_tot_rijen": ("start_ms", "ms"), "import": ("import_ms", "ms"),
                                     "afsluiten_proces": ("afsluiten_ms", "ms")}),
    "openen_proces_qt": Geval(lambda ctx: _proces(ctx, qt=True), "ms",
                              "als openen_proces, plus import van PySide6.QtWidgets",
                              afgeleid={"start_tot_rijen_qt": ("start_ms", "ms")}),
    "filter_zoek": Geval(_filter_geval(Filter(zoek="begeleiding")), "ms", 'zoek_maatregelen(Filter(zoek="begeleiding"))'),
    "filter_combinatie": Geval(_filter_geval(Filter(domeinen=("IN",), statussen=("deels", "niet"), iv_blokkade=True)),
                               "ms", "domein IN, status deels/niet, alleen IV-blokkade"),
    "export_json": Geval(geval_export_json, "ms", "register_als_json(Filter()) + json.dumps"),
    "geheugen_mb": Geval(_geheugen(qt=False), "MB", "piek-RSS van een proces na het laden van alle rijen",
                         max_herhalingen=3),
    "geheugen_qt_mb": Geval(_geheugen(qt=True), "MB", "als geheugen_mb, met PySide6.QtWidgets geïmporteerd",
                            max_herhalingen=3),
    "venster_start": Geval(geval_venster_start, "ms",
                           "nieuw proces tot het hoofdvenster met alle rijen getoond is (offscreen)"),
    "venster_filter_toets": Geval(geval_venster_filter_toets, "ms",
                                  'hoofdvenster: "begeleiding" typen en weer wissen, mediaan per toetsaanslag '
                                  "tot de tabel opnieuw getekend is"),
    "venster_sorteren": Geval(geval_venster_sorteren, "ms",
                              "hoofdvenster: sorteren op naam, status en planning (op- en aflopend), mediaan"),
    "venster_dashboard": Geval(geval_venster_dashboard, "ms",
                               "dashboard in beeld opnieuw geteld en getekend (na een wijziging); eerste keer apart"),
    "venster_aanbeveling_toets": Geval(geval_venster_aanbeveling_toets, "ms",
                                       'aanbevelingen: "termijn" typen en weer wissen, mediaan per toetsaanslag'),
    "venster_geheugen_mb": Geval(geval_venster_geheugen, "MB", "piek-RSS van het proces met het hoofdvenster getoond",
                                 max_herhalingen=3),
    "pdf_1000": Geval(_pdf_geval, "s", "maak_rapport: het volledige PRT-overzicht als PDF-bestand (1.000 maatregelen)",
                      max_herhalingen=3, groottes=(1_000,)),
    "pdf_10000": Geval(_pdf_geval, "s", "maak_rapport: het volledige PRT-overzicht als PDF-bestand (10.000 maatregelen)",
                       max_herhalingen=3, groottes=(10_000,)),
    "xlsx_export": Geval(geval_xlsx_export, "s", "schrijf_werkmap: export-xlsx van het hele register",
                         max_herhalingen=3, groottes=(1_000, 10_000)),
    "xlsx_import": Geval(geval_xlsx_import, "s", "lees_import + importeer: de eigen export in een lege database "
                         "(lezen, controleren, schrijven)", afgeleid={"xlsx_import_lezen": ("lezen_s", "s")},
                         max_herhalingen=3, groottes=(1_000, 10_000)),
    "prioritering": Geval(geval_prioritering, "ms",
                          "bijwerken na één capaciteitswijziging: pas_toe + maak_plan (huidig en scenario) + vergelijk",
                          afgeleid={"prioritering_lezen": ("lees_invoer_ms", "ms"),
                                    "prioritering_maak_plan": ("maak_plan_ms", "ms"),
                                    "prioritering_invoerwijziging": ("invoerwijziging_ms", "ms")}),
    "venster_prioritering": Geval(geval_venster_prioritering, "ms",
                                  "prioriteringspagina: een capaciteit of de IV-weken van een maatregel in het "
                                  "scenario gewijzigd tot de pagina opnieuw getekend is, mediaan van 12",
                                  afgeleid={"venster_prioritering_capaciteit": ("capaciteit_ms", "ms"),
                                            "venster_prioritering_invoer": ("invoer_ms", "ms")}),
}
if not _qt_beschikbaar():
    for _naam in [n for n in GEVALLEN if "qt" in n or n.startswith("venster")]:
        GEVALLEN.pop(_naam)


def _samenvatting(metingen: list[float], eenheid: str, gevraagd: int, afgekapt: bool) -> dict:
    return {"eenheid": eenheid, "mediaan": statistics.median(metingen), "min": min(metingen), "max": max(metingen),
            "herhalingen": len(metingen), "gevraagd": gevraagd, "afgekapt": afgekapt,
            "metingen": [round(m, 2) for m in metingen]}


def meet_geval(naam: str, geval: Geval, ctx: Context, herhalingen: int, budget_s: float) -> dict[str, dict]:
    """Run a case `herhalingen` times (fewer once `budget_s` is used up); returns its row and any derived rows."""
    herhalingen = min(herhalingen, geval.max_herhalingen or herhalingen)
    metingen, details = [], []
    begin = time.perf_counter()
    afgekapt = False
    for i in range(herhalingen):
        gc.collect()
        uitkomst = geval.meet(ctx)
        waarde, info = uitkomst if isinstance(uitkomst, tuple) else (uitkomst, {})
        metingen.append(waarde)
        details.append(info)
        if time.perf_counter() - begin > budget_s and i + 1 < herhalingen:
            afgekapt = True
            break
    rijen = {naam: {**_samenvatting(metingen, geval.eenheid, herhalingen, afgekapt), "details": details}}
    for afgeleid, (sleutel, eenheid) in geval.afgeleid.items():
        waarden = [d[sleutel] for d in details if d.get(sleutel) is not None]
        if waarden:
            rijen[afgeleid] = {**_samenvatting(waarden, eenheid, herhalingen, afgekapt), "afgeleid_van": naam}
    for rij_naam, r in rijen.items():
        print(f"    {rij_naam:<20} {_cel(r):>28}", file=sys.stderr, flush=True)
    return rijen


# ====================================================================================================================
# Machine, report
# ====================================================================================================================

def belasting() -> list[float] | None:
    """The 1, 5 and 15 minute load averages: other work on the machine makes timings noisy."""
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except (OSError, AttributeError):
        return None


def code_vingerafdruk() -> dict:
    """Hashes of the measured code (db/, registry/): which version of the code these numbers belong to."""
    import hashlib
    bestanden = {}
    for map_ in ("db", "registry", "ui"):
        for pad in sorted((ROOT / map_).rglob("*.py")):
            bestanden[pad.relative_to(ROOT).as_posix()] = hashlib.sha256(pad.read_bytes()).hexdigest()[:12]
    geheel = hashlib.sha256(json.dumps(bestanden, sort_keys=True).encode()).hexdigest()[:12]
    return {"geheel": geheel, "bestanden": bestanden}


def machine() -> dict:
    cpu = platform.processor() or platform.machine()
    try:
        for regel in Path("/proc/cpuinfo").read_text().splitlines():
            if regel.lower().startswith("model name"):
                cpu = regel.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram_gb = None
    try:
        for regel in Path("/proc/meminfo").read_text().splitlines():
            if regel.startswith("MemTotal:"):
                ram_gb = round(int(regel.split()[1]) / 2**20, 1)
                break
    except OSError:
        try:
            ram_gb = round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1)
        except (ValueError, OSError, AttributeError):
            pass
    import sqlalchemy
    return {
        "cpu": cpu, "kernen": os.cpu_count(), "ram_gb": ram_gb, "python": platform.python_version(),
        "python_implementatie": platform.python_implementation(), "sqlite": sqlite3.sqlite_version,
        "sqlalchemy": sqlalchemy.__version__, "os": platform.platform(), "belasting_bij_start": belasting(),
    }


def _cel(r: dict | None) -> str:
    if r is None:
        return "–"
    if r.get("fout"):
        return "fout"
    teken = "†" if r["afgekapt"] else ""
    if r["eenheid"] == "MB":
        return f"{r['mediaan']:,.0f} MB{teken}"
    return f"{r['mediaan']:,.1f} (min {r['min']:,.1f}){teken}"


def markdown(uitkomst: dict) -> str:
    m = uitkomst["machine"]
    groottes = list(uitkomst["groottes"])
    regels = [
        f"Machine: {m['cpu']}, {m['kernen']} kernen, {m['ram_gb']} GB RAM · Python {m['python']} · "
        f"SQLite {m['sqlite']} · SQLAlchemy {m['sqlalchemy']} · {m['os']}",
        f"Code: {uitkomst['code']['geheel']} · belasting (1/5/15 min) per grootte: " + "; ".join(
            f"n={n}: {g.get('belasting_voor')} → {g.get('belasting_na')}" for n, g in uitkomst["groottes"].items()),
        "",
        "| geval | " + " | ".join(f"n={n}" for n in groottes) + " |",
        "|---|" + "---:|" * len(groottes),
    ]
    namen = list(dict.fromkeys(naam for g in uitkomst["groottes"].values() for naam in g["gevallen"]))
    for naam in namen:
        eenheid = next(g["gevallen"][naam]["eenheid"] for g in uitkomst["groottes"].values() if naam in g["gevallen"])
        cellen = [_cel(uitkomst["groottes"][n]["gevallen"].get(naam)) for n in groottes]
        regels.append(f"| {naam} ({eenheid}) | " + " | ".join(cellen) + " |")
    regels += ["", "Tijden in ms: mediaan (min). † = herhalingen afgekapt (tijdsbudget). start_tot_rijen*, import en "
               "afsluiten_proces komen uit dezelfde processen als openen_proces*.", "",
               "| register | " + " | ".join(f"n={n}" for n in groottes) + " |", "|---|" + "---:|" * len(groottes)]
    gen = [uitkomst["groottes"][n]["generatie"] for n in groottes]
    regels.append("| generatie (s) | " + " | ".join(
        f"{g['seconden']:.1f}" + (" (cache)" if g["uit_cache"] else "") for g in gen) + " |")
    regels.append("| bestand (MB) | " + " | ".join(f"{g['bestand_mb']:.1f}" for g in gen) + " |")
    regels.append("| herhalingen | " + " | ".join(str(uitkomst["groottes"][n]["herhalingen"]) for n in groottes) + " |")
    regels.append("| codes buiten CODE_PATROON | " + " | ".join(str(g["codes_buiten_patroon"]) for g in gen) + " |")
    regels.append("| codes met ≥ 5 cijfers | " + " | ".join(str(g["codes_met_5_cijfers_of_meer"]) for g in gen) + " |")

    toetsen = []
    for naam, n, grens, tekst in DOELEN:
        r = uitkomst["groottes"].get(str(n), uitkomst["groottes"].get(n, {})).get("gevallen", {}).get(naam)
        if r and not r.get("fout"):
            oordeel = "gehaald" if r["mediaan"] <= grens else "NIET gehaald"
            toetsen.append(f"- {naam} bij {n:,}: {r['mediaan']:,.1f} {r['eenheid']} — doel {tekst}: {oordeel}")
    if toetsen:
        regels += ["", "Doelen:", *toetsen]
    return "\n".join(regels)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--groottes", default=",".join(map(str, STANDAARD_GROOTTES)),
                   help="aantallen maatregelen, komma-gescheiden (standaard 1000,10000,100000)")
    p.add_argument("--herhalingen", type=int, default=None,
                   help="herhalingen per geval (standaard 5; 3 vanaf 100.000 maatregelen)")
    p.add_argument("--out", type=Path, default=STANDAARD_UIT, help="JSON-uitvoer (standaard bench/resultaten.json)")
    p.add_argument("--opnieuw", action="store_true", help="registers opnieuw genereren, ook als ze in de cache staan")
    p.add_argument("--gevallen", default=None, help=f"alleen deze gevallen (uit: {', '.join(GEVALLEN)})")
    p.add_argument("--budget", type=float, default=BUDGET_S,
                   help="seconden per geval waarna niet meer herhaald wordt (standaard 120)")
    args = p.parse_args(argv)

    groottes = [int(x.strip().replace("_", "").replace(".", "")) for x in args.groottes.split(",") if x.strip()]
    gekozen = list(GEVALLEN)
    if args.gevallen:
        gekozen = [g.strip() for g in args.gevallen.split(",") if g.strip()]
        onbekend = [g for g in gekozen if g not in GEVALLEN]
        if onbekend:
            p.error(f"onbekende gevallen: {', '.join(onbekend)}; kies uit {', '.join(GEVALLEN)}")

    uitkomst = {"machine": machine(), "code": code_vingerafdruk(), "generator_versie": GENERATOR_VERSIE, "seed": SEED,
                "tijdstip": datetime.now(timezone.utc).isoformat(timespec="seconds"),
                "gevallen": {naam: {"eenheid": GEVALLEN[naam].eenheid, "omschrijving": GEVALLEN[naam].omschrijving}
                             for naam in gekozen},
                "groottes": {}}
    totaal = time.perf_counter()
    for n in groottes:
        print(f"n = {n:,}", file=sys.stderr, flush=True)
        pad, generatie = zorg_voor_register(n, args.opnieuw)
        print(f"  generatie: {generatie['seconden']:.1f} s{' (cache)' if generatie['uit_cache'] else ''}, "
              f"{generatie['bestand_mb']} MB", file=sys.stderr, flush=True)
        herhalingen = args.herhalingen or (3 if n >= 100_000 else 5)
        ctx = Context(n, pad)
        resultaten = {}
        belasting_voor = belasting()
        try:
            for naam in gekozen:
                if GEVALLEN[naam].groottes is not None and n not in GEVALLEN[naam].groottes:
                    continue
                try:
                    resultaten.update(meet_geval(naam, GEVALLEN[naam], ctx, herhalingen, args.budget))
                except Exception as fout:  # one broken case must not lose the others' numbers
                    print(f"    {naam}: FOUT {type(fout).__name__}: {fout}", file=sys.stderr, flush=True)
                    resultaten[naam] = {"eenheid": GEVALLEN[naam].eenheid, "fout": f"{type(fout).__name__}: {fout}"}
        finally:
            ctx.sluit()
        uitkomst["groottes"][str(n)] = {"generatie": generatie, "herhalingen": herhalingen,
                                        "belasting_voor": belasting_voor, "belasting_na": belasting(),
                                        "gevallen": resultaten}
    uitkomst["looptijd_s"] = round(time.perf_counter() - totaal, 1)

    print(markdown(uitkomst))
    print(f"\nLooptijd: {uitkomst['looptijd_s']:.0f} s", file=sys.stderr)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(uitkomst, ensure_ascii=False, indent=2, default=str), encoding="utf-8")
    print(f"Resultaten geschreven naar {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
