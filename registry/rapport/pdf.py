"""The PRT overview as a PDF (brief §4): the sections of `rapportgegevens`, laid out with the toolkit of `opmaak`.

No Qt and no pyplot: the charts are drawn by `registry.grafieken` on plain matplotlib Figures. Every user text goes
through the toolkit (`alinea`, `tabel`), which escapes it, so it prints exactly as typed.
"""

import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import IO

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Paragraph, Spacer
from sqlmodel import Session

from registry.dashboard import Dashboardcijfers, aandeel
from registry.rapport.gegevens import (SECTIES, STANDAARD_SECTIES, Maatregelregel, Prioriteringsdeel, Rapportgegevens,
                                       Rapportkeuze, Uitkomstregel, Wijziging, rapportgegevens)
from registry.rapport.opmaak import (KOPKLEUR, Alinea, Voortgang, alinea, bij_elkaar, bouw_document,
                                     figuur_als_flowable, inhoudsopgave, kop, opsomming, stijlen, tabel, tekst)
from registry.planning import dag_nederlands
from registry.prioritering.inpassing import kringlooptekst
from registry.prioritering.rangorde import getal
from registry.vocabulaire import (BEWIJSGEWICHT, BRONSOORT, EFFECT_BASIS, EFFECTPUNTEN, OPVOLGING, STATUS, STATUSKLEUR,
                                  VERWACHT_EFFECT)

TITEL = "Overzicht verbetermaatregelen Toeslagen"
#: The classification line in every footer, unless the caller gives one: a concept must not pass for what was sent.
CLASSIFICATIE_CONCEPT = "Concept — niet verspreiden"
CLASSIFICATIE_DEFINITIEF = "Bijlage bij de Periodieke Rapportage Toeslagen"


@dataclass(frozen=True)
class Rapportresultaat:
    paginas: int
    aantal_maatregelen: int  # counted in the summary (archived ones are never counted)
    telling: dict[str, dict[str, int]]  # domain code -> STATUS code -> count, as printed in the summary
    iv_afhankelijk: int
    iv_blokkade: int
    filter_omschrijving: str  # the filter in words, as on the title page
    concept: bool
    keuze: Rapportkeuze


def _datum(d: date | None) -> str:
    return dag_nederlands(d) if d else ""


def _kort(d: date | None) -> str:
    return d.strftime("%d-%m-%Y") if d else ""


def _status_markup(code: str | None) -> str:
    if code not in STATUS:
        return tekst(code or "—")
    term = STATUS[code]
    return f'<font color="{STATUSKLEUR.get(code, "#000000")}"><b>{tekst(term.symbool)}</b></font> {tekst(term.label)}'


_overgangen: dict[tuple, list] = {}


def _overgang(w: Wijziging) -> Alinea:
    # A few status pairs over thousands of changes: parse each pair's markup once.
    stijl = stijlen()["cel"]
    sleutel = (w.oud, w.nieuw, id(stijl))
    if sleutel not in _overgangen:
        oud = _status_markup(w.oud) if w.oud else tekst("(nieuw)")
        _overgangen[sleutel] = Alinea(f"{oud} → {_status_markup(w.nieuw)}", stijl).frags
    return Alinea(None, stijl, frags=[f.clone() for f in _overgangen[sleutel]])


def _iv(r: Maatregelregel) -> str:
    if r.iv_blokkade is True:
        return f"geblokkeerd ({r.iv_keten})" if r.iv_keten else "geblokkeerd"
    if r.iv_afhankelijk is True:
        return f"afhankelijk ({r.iv_keten})" if r.iv_keten else "afhankelijk"
    if r.iv_afhankelijk is False:
        return "nee"
    return "onbekend"


def _planning(r: Maatregelregel) -> str | None:
    # One column for both targets keeps the table readable on portrait A4; a re-dating stays visible as "→".
    oorspronkelijk, huidig = r.planning_oorspronkelijk, r.planning_huidig
    if not oorspronkelijk or oorspronkelijk == huidig:
        return huidig
    return f"{oorspronkelijk} → {huidig or 'onbekend'}"


def _bronverwijzing(bron: str | None, vindplaats: str | None) -> str:
    return ", ".join(d for d in (bron, vindplaats) if d)


def _nieuwe_sectie(titel: str) -> list[Flowable]:
    return [PageBreak(), kop(titel, 1)]


def _bij_elkaar(verhaal: list[Flowable], groep: list[Flowable], volgende: Flowable) -> None:
    """Append `groep` and `volgende`, kept together; the headings just before join the group, so that none of them
    stands alone at the bottom of a page either."""
    while verhaal and isinstance(verhaal[-1], Paragraph) and verhaal[-1].style.name in ("kop1", "kop2"):
        groep = [verhaal.pop(), *groep]
    verhaal += bij_elkaar(groep, volgende)


def _buiten_inhoud(stijl: str) -> ParagraphStyle:
    # The document lists paragraphs styled kop1/kop2 in the TOC and outline; a copy under another name is not.
    return ParagraphStyle(f"{stijl}_los", parent=stijlen()[stijl])


def _leeg(melding: str) -> Alinea:
    return alinea(melding, "gewoon")


# --- sections -------------------------------------------------------------------------------------------------------

def _titelpagina(g: Rapportgegevens, classificatie: str) -> list[Flowable]:
    t = g.titel
    periode = (f"{t.periode_nederlands} ({t.periode})" if t.periode_nederlands and t.periode_nederlands != t.periode
               else t.periode or "geen periode opgegeven")
    regels = [("Rapportageperiode", periode), ("Peildatum", _datum(t.peildatum)),
              ("Wijzigingen sinds", _datum(t.sinds) if t.sinds else "niet opgenomen"),
              ("Selectie", t.filter), ("Gegenereerd op", _datum(t.gegenereerd_op)),
              ("Classificatie", classificatie)]
    verhaal: list[Flowable] = [Spacer(1, 50 * mm), alinea(TITEL, "titel"),
                               alinea("Periodieke Rapportage Toeslagen", _buiten_inhoud("kop2")), Spacer(1, 12 * mm)]
    verhaal.append(tabel(["Gegeven", "Waarde"], [list(r) for r in regels], [1, 3], vette_kolommen=[0]))
    return verhaal


def _grafiek(teken: Callable, cijfers: Dashboardcijfers, hoogte: float) -> Flowable:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figuur = Figure(figsize=(7, hoogte), layout="constrained")
    FigureCanvasAgg(figuur)
    teken(figuur, cijfers, titel=True)
    return figuur_als_flowable(figuur, 160)


def _samenvatting(g: Rapportgegevens, tik: Callable[[int], None]) -> list[Flowable]:
    from registry.grafieken import teken_iv_per_keten, teken_status_per_domein

    s = g.samenvatting
    koppen = ["Domein"] + [f"{STATUS[c].symbool} {STATUS[c].label}" for c in STATUS.codes] + ["Totaal"]
    rijen = [[d.naam] + [f"{a.aantal} ({a.percentage})" for a in d.aantallen] + [d.totaal] for d in s.domeinen]
    rijen.append([alinea(w, "cel_vet") for w in
                  ["Totaal"] + [f"{a.aantal} ({a.percentage})" for a in s.per_status] + [str(s.totaal)]])
    t = tabel(koppen, rijen, [3, 2, 2, 2, 1.2])
    t.setStyle([("LINEABOVE", (0, -1), (-1, -1), 1, KOPKLEUR)])
    verhaal: list[Flowable] = _nieuwe_sectie("Samenvatting")
    verhaal.append(alinea(f"Status van de {s.totaal} maatregelen op de peildatum {_datum(g.titel.peildatum)}, "
                          "per hoofddomein. Elke maatregel telt één keer; gearchiveerde maatregelen tellen niet mee."))
    verhaal.append(t)
    verhaal.append(Spacer(1, 4 * mm))
    verhaal.append(tabel(["IV", "Aantal maatregelen", "Aandeel"],
                         [["IV-afhankelijk", s.iv_afhankelijk, aandeel(s.iv_afhankelijk, s.totaal)],
                          ["IV-blokkade", s.iv_blokkade, aandeel(s.iv_blokkade, s.totaal)]], [3, 1.2, 0.8]))
    cijfers = g.samenvatting.cijfers  # as of the peildatum
    tik(0)  # each chart takes a few tenths of a second: report in between, so a cancel is seen soon
    verhaal.append(Spacer(1, 6 * mm))
    verhaal.append(_grafiek(teken_status_per_domein, cijfers, 3.0))
    tik(0)
    verhaal.append(Spacer(1, 4 * mm))
    verhaal.append(_grafiek(teken_iv_per_keten, cijfers, 3.0))
    return verhaal


def _wijzigingen_inleiding(wijzigingen: list[Wijziging], sinds: date, peildatum: date) -> str:
    # A history entry may confirm the same status with a newer source: say so, or the count reads as changes only.
    bevestigd = sum(1 for w in wijzigingen if w.oud == w.nieuw)
    inleiding = (f"{len(wijzigingen)} vermeldingen in de statushistorie van {_datum(sinds)} tot en met de peildatum "
                 f"{_datum(peildatum)}, op de datum van de vermelding")
    if not bevestigd:
        return inleiding + "."
    return (inleiding + f": {len(wijzigingen) - bevestigd} keer een andere status, {bevestigd} keer dezelfde status "
            "met een nieuwe toelichting of bron.")


def _wijzigingen(g: Rapportgegevens, tik: Callable[[int], None]) -> list[Flowable]:
    sinds = g.titel.sinds
    titel = f"Wijzigingen sinds {_kort(sinds)}" if sinds else "Wijzigingen"
    verhaal = _nieuwe_sectie(titel)
    if sinds is None:
        verhaal.append(_leeg("Geen datum ‘wijzigingen sinds’ opgegeven: statuswijzigingen zijn niet opgenomen."))
        return verhaal
    if not g.wijzigingen:
        verhaal.append(_leeg(f"Geen wijzigingen tussen {_datum(sinds)} en {_datum(g.titel.peildatum)}."))
        return verhaal
    _bij_elkaar(
        verhaal, [alinea(_wijzigingen_inleiding(g.wijzigingen, sinds, g.titel.peildatum))],
        tabel(["Datum", "Code", "Naam", "Oud → nieuw", "Toelichting", "Bron"],
              [[_kort(w.datum), w.code, w.naam, _overgang(w), w.toelichting, _bronverwijzing(w.bron, w.vindplaats)]
               for w in g.wijzigingen],
              [1.6, 1.2, 3.0, 2.4, 3.2, 2.2], codekolommen=[0, 1, 5], voortgang=tik))
    return verhaal


def _per_domein(g: Rapportgegevens, tik: Callable[[int], None]) -> list[Flowable]:
    verhaal = _nieuwe_sectie("Maatregelen per domein")
    if not g.domeinen:
        verhaal.append(_leeg("Geen maatregelen in deze selectie."))
    for d in g.domeinen:
        _bij_elkaar(verhaal, [kop(f"{d.volledige_naam} ({len(d.maatregelen)})", 2)], tabel(
            ["Code", "Naam", "Status", "IV", "Eigenaar", "Planning oorspr. → huidig", "Laatste effectmeting"],
            [[r.code + ("\n(gearchiveerd)" if r.gearchiveerd else ""), r.naam, r.status, _iv(r), r.eigenaar,
              _planning(r), r.laatste_effect] for r in d.maatregelen],
            [1.3, 3.4, 1.2, 1.5, 1.5, 2.0, 3.6], statuskolommen=[2], statusweergave="symbool",
            codekolommen=[0, 3], voortgang=tik))
    return verhaal


def _blokkades(g: Rapportgegevens, tik: Callable[[int], None]) -> list[Flowable]:
    verhaal = _nieuwe_sectie("IV-blokkades")
    if not g.blokkades:
        verhaal.append(_leeg("Geen maatregelen met een IV-blokkade in deze selectie."))
        return verhaal
    _bij_elkaar(verhaal, [], tabel(["Code", "Naam", "Keten", "Soort", "Toelichting", "Verwacht"],
                                   [[b.code, b.naam, b.keten, b.soort, b.toelichting, b.verwacht] for b in g.blokkades],
                                   [1.3, 3.5, 2, 1.8, 4, 1.8], codekolommen=[0, 3, 5], voortgang=tik))
    return verhaal


def _rechts(waarde: str) -> Flowable:
    return alinea(waarde, "cel_rechts")


def _weken(waarde: float | None) -> Flowable:
    """IV-weeks as the prioritering page writes them (40, 12,5), right-aligned; unknown as a dash."""
    return _rechts(getal(waarde, leeg="—"))


def _prioritering_uitleg() -> list[str]:
    effect = ", ".join(f"{c} {EFFECTPUNTEN[c]}" for c in VERWACHT_EFFECT.codes)
    # Semicolons between the weights: a comma would read as the decimal comma ("effectonderzoek 1, pilot 0,8").
    gewicht = "; ".join(f"{c} {getal(BEWIJSGEWICHT[c])}" for c in EFFECT_BASIS.codes)
    return [
        "Score = verwacht effect × gewicht van de onderbouwing ÷ IV-weken (ten minste 1). "
        f"Effect: {effect}. Onderbouwing: {gewicht} (zonder onderbouwing telt ‘geen’). Een maatregel die IV nodig "
        "heeft en waarvan de IV-weken onbekend zijn, krijgt geen score en komt achter de maatregelen met een score. "
        "Een rang die met een motivatie met de hand is gezet, gaat vóór de score.",
        "Inpassing: per IV-keten wordt de capaciteit periode na periode gevuld. Eerst komen de maatregelen met het "
        "besluit ‘nu’, dan die zonder besluit en als laatste die met ‘later’, elke groep in de volgorde van de "
        "rangorde; een maatregel met het besluit ‘niet’ doet niet mee. Een maatregel wordt in zijn geheel in één "
        "periode gepland, en nooit vóór een maatregel waarvan hij afhankelijk is. Alleen open maatregelen doen mee "
        "(niet ingevoerd, niet gearchiveerd, niet gestopt).",
    ]


def _deel(verhaal: list[Flowable], titel: str, aantal: int | None, inhoud: Flowable | None,
          toelichting: str | None = None) -> None:
    """A part under a kop3 heading (with its count), kept together with its start; "Geen." when it is empty."""
    groep: list[Flowable] = [alinea(titel if aantal is None else f"{titel} ({aantal})", "kop3")]
    if toelichting:
        groep.append(alinea(toelichting, "klein"))
    _bij_elkaar(verhaal, groep, inhoud if inhoud is not None else _leeg("Geen."))


def _uitkomsttabel(regels: tuple[Uitkomstregel, ...], tik: Callable[[int], None], *, reden: bool = True,
                   soort: bool = False, rang_in_keten: bool = False) -> Flowable | None:
    """The measures of one outcome, in rank order; the place in the chain's fit order only where the fit took them."""
    if not regels:
        return None
    koppen = (["Rang in keten"] if rang_in_keten else []) + ["Code", "Naam", "IV-keten"] \
        + (["Uitkomst"] if soort else []) + (["Reden"] if reden else [])
    breedtes = ([1.1] if rang_in_keten else []) + [1.3, 3.6, 2.2] + ([1.8] if soort else []) + ([3.6] if reden else [])
    return tabel(koppen, [([_rechts(getal(r.rang_in_keten, leeg="—"))] if rang_in_keten else [])
                          + [r.code, r.naam, r.keten] + ([r.soort_label] if soort else [])
                          + ([r.reden] if reden else []) for r in regels],
                 breedtes, codekolommen=[1 if rang_in_keten else 0], voortgang=tik)


def _scenarios(verhaal: list[Flowable], p: Prioriteringsdeel, tik: Callable[[int], None]) -> None:
    """Each saved scenario: a header row (date, who, motivation), then its changes and consequences as bulleted
    lists over the full width: a scenario often has dozens of lines, unreadable in a narrow table column."""
    groep: list[Flowable] = [alinea(f"Vastgelegde scenario’s ({len(p.besluiten)})", "kop3")]
    if p.gefilterd and p.besluiten:
        groep.append(alinea("Een scenario geldt voor het hele register.", "klein"))
    if not p.besluiten:
        _bij_elkaar(verhaal, groep, _leeg("Geen."))
        return
    gedaan = 0
    for i, b in enumerate(p.besluiten):
        kopregel = tabel(["Datum", "Door", "Motivatie"], [[_kort(b.datum), b.besloten_door, b.motivatie]],
                         [1.5, 2.0, 10.0], codekolommen=[0])
        for j, (titel, regels) in enumerate((("Wijzigingen", b.wijzigingen), ("Gevolgen", b.gevolgen))):
            lijst = opsomming(regels) if regels else [alinea("Geen.", "opsomming")]
            # Each list's title stays with its first line; the first also with the header row (and the heading).
            titelregel = [alinea(f"{titel} ({getal(len(regels))})", "tussenkop")]
            if j == 0:
                titelregel = (groep if i == 0 else [Spacer(0, 3 * mm)]) + [kopregel] + titelregel
            _bij_elkaar(verhaal, titelregel, lijst[0])
            verhaal += lijst[1:]
        gedaan += 1 + len(b.wijzigingen) + len(b.gevolgen)
        tik(gedaan)


def _prioritering(g: Rapportgegevens, tik: Callable[[int], None]) -> list[Flowable]:
    verhaal = _nieuwe_sectie("Prioritering en IV-capaciteit")
    p: Prioriteringsdeel | None = g.prioritering
    if p is None:  # not read: cannot happen through maak_rapport, which reads what it prints
        verhaal.append(_leeg("Geen."))
        return verhaal
    verhaal += [alinea(regel) for regel in _prioritering_uitleg()]
    stand = (f"Dit is de stand van {_datum(g.titel.gegenereerd_op)}: invoer, capaciteit en besluiten hebben geen "
             "historie, dus de peildatum geldt hier niet.")
    if p.gefilterd:
        stand += (" Het plan is gemaakt over het hele register, omdat alle maatregelen dezelfde capaciteit delen; "
                  f"de lijsten tonen alleen de maatregelen in de selectie ({p.aantal_open} open).")
    verhaal.append(alinea(stand, "klein"))

    # The plan per chain and period: an overview, then what each slot holds.
    verhaal.append(kop("Plan per keten en periode", 2))
    if not p.vakken:
        _bij_elkaar(verhaal, [], _leeg("Geen. Er is nog geen IV-capaciteit per keten en periode ingevoerd."))
    else:
        _bij_elkaar(verhaal, [], tabel(
            ["IV-keten", "Periode", "Capaciteit", "Gebruikt", "Vrij", "Gepland"],
            [[v.keten, v.periode, _weken(v.capaciteit), _weken(v.gebruikt), _weken(v.vrij),
              _rechts(getal(len(v.maatregelen) + v.buiten_selectie))] for v in p.vakken],
            [3.2, 2.2, 1.3, 1.3, 1.1, 1.1], voortgang=tik))
        verhaal.append(alinea("In IV-weken; ‘Gepland’ telt de maatregelen in de periode. ‘Rang in keten’ hieronder is "
                              "de plaats in de volgorde waarin de keten wordt gevuld: eerst ‘nu’, dan zonder besluit, "
                              "dan ‘later’, elke groep in de volgorde van de rangorde.", "klein"))
        for v in p.vakken:
            toelichting = f"{getal(v.gebruikt)} van {getal(v.capaciteit)} IV-weken gebruikt, {getal(v.vrij)} vrij."
            if v.buiten_selectie:
                toelichting += (f" Daarnaast {getal(v.buiten_selectie)} "
                                f"{'maatregel' if v.buiten_selectie == 1 else 'maatregelen'} buiten de selectie.")
            inhoud = tabel(["Rang in keten", "Code", "Naam", "IV-weken", "Score", "Besluit"],
                           [[_rechts(getal(m.rang_in_keten) + (" *" if m.handmatig else "")), m.code, m.naam,
                             _weken(m.weken), m.score, m.prioriteit or "—"] for m in v.maatregelen],
                           [1.1, 1.3, 4.5, 1.2, 2.5, 1.1], codekolommen=[1], voortgang=tik) if v.maatregelen else None
            _deel(verhaal, f"{v.keten} — {v.periode}", None, inhoud, toelichting)
        if any(m.handmatig for v in p.vakken for m in v.maatregelen):
            verhaal.append(alinea("* rang met de hand gezet (zie ‘Rang met de hand gezet’ onder Besluiten en "
                                  "motivering).", "klein"))

    # The decisions, each with its motivation.
    verhaal.append(kop("Besluiten en motivering", 2))
    _deel(verhaal, "Prioriteit per maatregel", len(p.prioriteiten), tabel(
        ["Code", "Naam", "Prioriteit", "Motivatie", "Datum", "Door"],
        [[b.code, b.naam, b.prioriteit_label, b.motivatie, _kort(b.datum), b.door] for b in p.prioriteiten],
        [1.3, 3.2, 1.3, 4.4, 1.5, 1.6], codekolommen=[0, 2, 4], voortgang=tik) if p.prioriteiten else None)
    _deel(verhaal, "Rang met de hand gezet", len(p.rangen), tabel(
        ["Code", "Naam", "Gezette rang", "Volgens score", "Motivatie", "Datum", "Door"],
        [[r.code, r.naam, _rechts(getal(r.rang_handmatig) + ("" if r.rang == r.rang_handmatig
                                                              else f" (nu {getal(r.rang)}: de laatste plaats)")),
          _rechts(getal(r.rang_volgens_score)), r.motivatie, _kort(r.datum), r.door] for r in p.rangen],
        [1.3, 3.0, 1.4, 1.3, 4.0, 1.5, 1.6], codekolommen=[0, 5], voortgang=tik) if p.rangen else None,
        "De plaats in de hele rangorde van de open maatregelen." if p.rangen else None)
    _scenarios(verhaal, p, tik)

    # What the capacity does not hold.
    verhaal.append(kop("Wat niet past", 2))
    _deel(verhaal, "Past niet", len(p.past_niet), _uitkomsttabel(p.past_niet, tik, rang_in_keten=True),
          "Open maatregelen met een keten, IV-weken en capaciteit die in geen periode passen; per keten in de "
          "volgorde waarin de keten wordt gevuld.")
    _deel(verhaal, "Geen capaciteit voor de keten", len(p.geen_capaciteit),
          _uitkomsttabel(p.geen_capaciteit, tik, reden=False),
          "Voor de IV-keten van deze maatregelen is in geen enkele periode capaciteit ingevoerd.")
    _deel(verhaal, "Invoer ontbreekt", len(p.invoer_ontbreekt), _uitkomsttabel(p.invoer_ontbreekt, tik),
          "Zonder IV-weken (of omvang) en IV-keten kan een maatregel die IV nodig heeft niet worden ingepast.")
    _deel(verhaal, "IV-geblokkeerd zonder geplande capaciteit", len(p.geblokkeerd_zonder_capaciteit),
          _uitkomsttabel(p.geblokkeerd_zonder_capaciteit, tik, soort=True),
          "Maatregelen met een IV-blokkade waarvoor in geen periode capaciteit is gepland.")
    _deel(verhaal, "Kringlopen in afhankelijkheden", len(p.kringlopen),
          alinea("\n".join(kringlooptekst(k) for k in p.kringlopen)) if p.kringlopen else None,
          "Maatregelen die via hun afhankelijkheden van zichzelf afhangen: geen ervan kan worden gepland.")
    return verhaal


def _effectmetingen(g: Rapportgegevens, tik: Callable[[int], None]) -> list[Flowable]:
    verhaal = _nieuwe_sectie("Effectmetingen")
    if g.effectmetingen:
        _bij_elkaar(verhaal, [], tabel(
            ["Code", "Naam", "Indicator", "Waarde", "Periode", "Bewijskracht", "Bron"],
            [[e.code, e.naam, e.indicator, e.waarde, e.periode, e.bewijskracht_label,
              _bronverwijzing(e.bron, e.vindplaats)] for e in g.effectmetingen],
            [1.3, 2.8, 2.8, 1.6, 1.6, 1.9, 1.8], codekolommen=[0, 5, 6], voortgang=tik))
    else:
        verhaal.append(_leeg("Geen effectmetingen in deze selectie."))
    kop_ = kop(f"Maatregelen zonder effectmeting ({len(g.zonder_effectmeting)})", 2)
    if g.zonder_effectmeting:
        _bij_elkaar(verhaal, [kop_], tabel(["Code", "Naam"], [[m.code, m.naam] for m in g.zonder_effectmeting],
                                           [1, 6], codekolommen=[0], voortgang=tik))
    else:
        _bij_elkaar(verhaal, [kop_], _leeg("Elke maatregel in deze selectie heeft een effectmeting."))
    return verhaal


def _opvolgingstabel(aantallen, totaal: int) -> Flowable:
    rijen = [[OPVOLGING.label(a.opvolging), a.aantal, a.percentage] for a in aantallen]
    rijen.append(["Totaal", totaal, "100%" if totaal else "0%"])
    return tabel(["Opvolging", "Aantal", "Aandeel"], rijen, [3, 1, 1], breedte=100 * mm)


def _opvolging(g: Rapportgegevens, tik: Callable[[int], None]) -> list[Flowable]:
    verhaal = _nieuwe_sectie("Opvolging van aanbevelingen")
    totaal = sum(a.aantal for a in g.opvolging_totaal)
    if not totaal:
        verhaal.append(_leeg("Geen aanbevelingen in deze selectie."))
        return verhaal
    _bij_elkaar(verhaal, [alinea(f"{totaal} aanbevelingen uit {len(g.opvolging)} bronnen.")],
                _opvolgingstabel(g.opvolging_totaal, totaal))
    for b in g.opvolging:
        # The heading is the code: full titles would make the contents pages long.
        groep = [kop(b.bron or b.titel, 2)] + ([alinea(b.titel)] if b.bron else [])
        groep += [_opvolgingstabel(b.aantallen, b.totaal), Spacer(1, 3 * mm)]
        _bij_elkaar(verhaal, groep, tabel(["Code", "Aanbeveling", "Opvolging", "Motivatie", "Maatregelen"],
                                          [[a.code, a.titel, a.opvolging_label, a.motivatie,
                                            ", ".join(a.maatregelen)] for a in b.aanbevelingen],
                                          [1.3, 4.2, 1.9, 3.4, 2], codekolommen=[0, 2, 4], voortgang=tik))
    return verhaal


def _signalen(g: Rapportgegevens, tik: Callable[[int], None]) -> list[Flowable]:
    verhaal = _nieuwe_sectie("Signalen")
    if not g.signalen:
        verhaal.append(_leeg("Geen signalen."))
    for s in g.signalen:
        _bij_elkaar(verhaal, [kop(f"{s.titel} ({s.aantal})", 2), alinea(s.uitleg, "klein")],
                    alinea(", ".join(s.codes) if s.codes else "Geen.", "gewoon"))
    return verhaal


def _bronnen(g: Rapportgegevens, tik: Callable[[int], None]) -> list[Flowable]:
    verhaal = _nieuwe_sectie("Bronnen")
    if not g.bronnen:
        verhaal.append(_leeg("Geen bronnen in deze selectie."))
        return verhaal
    _bij_elkaar(verhaal, [], tabel(["Code", "Titel", "Uitgever", "Datum", "Soort"],
                                   [[b.code, b.titel, b.uitgever, _kort(b.datum),
                                     BRONSOORT.label(b.soort) if b.soort else None] for b in g.bronnen],
                                   [2.6, 4.2, 2.8, 1.5, 1.6], codekolommen=[0, 3, 4], voortgang=tik))
    return verhaal


# --- the document ---------------------------------------------------------------------------------------------------

_SECTIE_OPMAAK = {"samenvatting": _samenvatting, "wijzigingen": _wijzigingen, "per_domein": _per_domein,
                  "blokkades": _blokkades, "prioritering": _prioritering, "effectmetingen": _effectmetingen,
                  "opvolging": _opvolging, "signalen": _signalen, "bronnen": _bronnen}

#: Shares of the whole build: reading the data, making the flowables (cells are parsed), laying out the pages.
_GEGEVENS, _VERHAAL = 0.05, 0.22


def _rijen(g: Rapportgegevens) -> dict[str, int]:
    """Table rows per section: the measure of progress while the flowables are made."""
    return {"samenvatting": 10, "wijzigingen": len(g.wijzigingen),
            "per_domein": sum(len(d.maatregelen) for d in g.domeinen), "blokkades": len(g.blokkades),
            "prioritering": _prioriteringsrijen(g.prioritering),
            "effectmetingen": len(g.effectmetingen) + len(g.zonder_effectmeting),
            "opvolging": sum(len(b.aanbevelingen) for b in g.opvolging), "signalen": 10, "bronnen": len(g.bronnen)}


def _prioriteringsrijen(p: Prioriteringsdeel | None) -> int:
    if p is None:
        return 0
    return 10 + sum(len(v.maatregelen) for v in p.vakken) + len(p.prioriteiten) + len(p.rangen) \
        + sum(1 + len(b.wijzigingen) + len(b.gevolgen) for b in p.besluiten) \
        + len(p.past_niet) + len(p.geen_capaciteit) + len(p.invoer_ontbreekt) + len(p.geblokkeerd_zonder_capaciteit)


def verhaal(g: Rapportgegevens, classificatie: str, secties: tuple[str, ...] = STANDAARD_SECTIES,
            voortgang: Voortgang | None = None) -> list[Flowable]:
    """The report's flowables: title page, contents and the chosen sections, in the order of SECTIES.

    `voortgang(fractie, melding)` is called every few hundred table rows, fractie from 0.0 to 1.0.
    """
    rijen = _rijen(g)
    totaal = sum(rijen[s] for s in secties) or 1
    gedaan = [0, 0]  # rows of finished sections, rows of the table being made

    def tik(rijen: int) -> None:
        gedaan[1] = rijen
        if voortgang is not None:
            voortgang(min(1.0, sum(gedaan) / totaal), "Tabellen maken…")

    inhoud: list[Flowable] = _titelpagina(g, classificatie)
    inhoud += [PageBreak(), alinea("Inhoud", _buiten_inhoud("kop1")), inhoudsopgave()]
    for sectie in SECTIES:
        if sectie in secties:
            inhoud += _SECTIE_OPMAAK[sectie](g, tik)
            gedaan[0] += rijen[sectie]
            tik(0)
    return inhoud


def maak_rapport(sessie: Session, keuze: Rapportkeuze, uit: str | os.PathLike | IO[bytes], *, concept: bool = False,
                 classificatie: str | None = None, auteur: str = "",
                 voortgang: Voortgang | None = None) -> Rapportresultaat:
    """Write the PRT overview for `keuze` to `uit` (atomically for a path). Refusals are RegisterFout (Dutch).

    `voortgang(fractie, melding)` is called often (at least every page and every few hundred table rows) with
    fractie rising from 0.0 to 1.0 over reading, making and laying out; an exception it raises cancels the build,
    propagates unchanged and leaves no file behind.
    """
    if classificatie is None:
        classificatie = CLASSIFICATIE_CONCEPT if concept else CLASSIFICATIE_DEFINITIEF
    gemeld = [0.0]

    def deel(begin: float, einde: float) -> Voortgang | None:
        if voortgang is None:
            return None

        def meld(fractie: float, melding: str) -> None:
            gemeld[0] = max(gemeld[0], begin + (einde - begin) * fractie)
            voortgang(gemeld[0], melding)
        return meld

    g = rapportgegevens(sessie, keuze, deel(0.0, _GEGEVENS))
    periode = g.titel.periode or ""
    flowables = verhaal(g, classificatie, keuze.secties, deel(_GEGEVENS, _VERHAAL))
    paginas = bouw_document(
        uit, flowables, titel=TITEL, periode=periode, classificatie=classificatie, concept=concept, auteur=auteur,
        onderwerp=f"Periodieke Rapportage Toeslagen {periode}".strip() + f", peildatum {_kort(keuze.peildatum)}",
        trefwoorden=["PRT", "Toeslagen", "verbetermaatregelen", periode] if periode
        else ["PRT", "Toeslagen", "verbetermaatregelen"],
        gegenereerd=datetime.now(), voortgang=deel(_VERHAAL, 1.0))
    return Rapportresultaat(
        paginas=paginas,
        aantal_maatregelen=g.samenvatting.totaal,
        telling={d.code: {a.status: a.aantal for a in d.aantallen} for d in g.samenvatting.domeinen},
        iv_afhankelijk=g.samenvatting.iv_afhankelijk,
        iv_blokkade=g.samenvatting.iv_blokkade,
        filter_omschrijving=g.titel.filter,
        concept=concept,
        keuze=keuze,
    )
