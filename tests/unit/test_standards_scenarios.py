"""Scenario tests written from the five standards: answers in, exact recommendation out.

Each case names the standard's section it comes from. Offers, notifications and
deadlines are compared as exact sets, so an extra or a missing item fails.
"""

from __future__ import annotations

import datetime
import functools
import re
import tomllib
from dataclasses import dataclass, field
from typing import Any

import pytest

from tests.conftest import CONTACT, ROOT, answers
from triage.rules.model import Knowledge
from triage.rules.recommendation import recommend


@dataclass(frozen=True)
class Case:
    id: str
    municipality: str
    section: str  # where in the standard the expectation comes from
    given: dict[str, Any]
    level: str
    notifications: frozenset[str] = frozenset()
    offers: frozenset[str] | None = None  # None: not asserted
    deadlines: dict[str, int] | None = None  # days after contact; None: not asserted
    warnings: frozenset[str] = frozenset()  # warning IDs that must be present
    recipients: dict[str, str] = field(default_factory=dict)  # to -> substring of recipient


def c(
    cid: str,
    muni: str,
    section: str,
    level: str,
    *,
    notes: set[str] | None = None,
    offers: set[str] | None = None,
    deadlines: dict[str, int] | None = None,
    warnings: set[str] | None = None,
    recipients: dict[str, str] | None = None,
    **given: Any,
) -> Case:
    return Case(
        cid,
        muni,
        section,
        answers(**given),
        level,
        frozenset(notes or ()),
        frozenset(offers) if offers is not None else None,
        deadlines,
        frozenset(warnings or ()),
        recipients or {},
    )


TS = {"treatment_start": 14}
DOC = {"doctor_consultation"}
CASES = [
    # --- Holbæk 2023 -------------------------------------------------------------------
    c(
        "holbaek-adult",
        "holbaek",
        "Målgruppen: ambulant for voksne over 25; Behandlingsgaranti",
        "outpatient",
        offers=DOC,
        deadlines=TS,
        age=40,
    ),
    c(
        "holbaek-age-26",
        "holbaek",
        "Målgruppen: voksne over 25",
        "outpatient",
        offers=DOC,
        deadlines=TS,
        age=26,
    ),
    c(
        "holbaek-age-25",
        "holbaek",
        "Ungebehandling: 13 til 25 år",
        "youth_outpatient",
        offers=DOC,
        deadlines=TS,
        age=25,
    ),
    c(
        "holbaek-age-13",
        "holbaek",
        "Ungebehandling: under 18 -> Den Sociale Indgang, forældreinddragelse",
        "youth_outpatient",
        notes={"youth_social_services", "parents"},
        offers=DOC,
        deadlines=TS,
        warnings={"law_to_check"},
        recipients={"youth_social_services": "Den Sociale Indgang"},
        age=13,
    ),
    c(
        "holbaek-age-12",
        "holbaek",
        "Ungebehandling / Målgruppen: fra 13 år",
        "outside_target_group",
        notes={"youth_social_services", "parents"},
        offers=set(),
        age=12,
        deadlines={},
    ),
    c(
        "holbaek-age-17",
        "holbaek",
        "Ungebehandling: under 18",
        "youth_outpatient",
        notes={"youth_social_services", "parents"},
        deadlines=TS,
        age=17,
    ),
    c(
        "holbaek-age-18",
        "holbaek",
        "Ungebehandling: 18-25 uden forældreinddragelse",
        "youth_outpatient",
        notes=set(),
        deadlines=TS,
        age=18,
    ),
    c(
        "holbaek-anonymous",
        "holbaek",
        "Visitationsproceduren: § 101a henvises til andre",
        "anonymous_treatment",
        offers=DOC,
        anonymous=True,
        deadlines={},
    ),
    c(
        "holbaek-anonymous-medical",
        "holbaek",
        "Visitationsproceduren: ikke anonym ved medicinsk behandling",
        "anonymous_counselling",
        offers=set(),
        warnings={"anonymity_vs_medical"},
        anonymous=True,
        seeks_medical_treatment=True,
    ),
    c(
        "holbaek-anonymous-social",
        "holbaek",
        "Råd og vejledning; SEL § 101a kræver ingen andre sociale problemer",
        "anonymous_counselling",
        warnings={"anonymity_vs_social"},
        anonymous=True,
        other_social_problems=True,
    ),
    c(
        "holbaek-complex-adult",
        "holbaek",
        "Dagbehandling (over 18) / Døgnbehandling",
        "intensive_assessment",
        offers=DOC,
        age=30,
        complex_needs=True,
        deadlines={"treatment_start": 14},  # «Behandlingsgaranti»: 14 days for every request (issue 19, point 1)
    ),
    c(
        "holbaek-complex-16",
        "holbaek",
        "Dagbehandling kun over 18; unge behandles ambulant",
        "youth_outpatient",
        notes={"youth_social_services", "parents"},
        deadlines=TS,
        age=16,
        complex_needs=True,
    ),
    c(
        "holbaek-pregnant",
        "holbaek",
        "Særlige indsatser: Familieambulatoriet Næstved",
        "outpatient",
        notes={"child_welfare", "prenatal_care"},
        recipients={"prenatal_care": "Familieambulatoriet Næstved"},
        pregnancy="self",
    ),
    c(
        "holbaek-partner-pregnant",
        "holbaek",
        "Særlige indsatser gælder den gravide; Barnets lov § 133",
        "outpatient",
        notes={"child_welfare"},
        pregnancy="partner",
    ),
    c(
        "holbaek-children",
        "holbaek",
        "De opgaver der udføres: skærpet underretningspligt; Tilbud til pårørende",
        "outpatient",
        notes={"child_welfare"},
        offers={"doctor_consultation", "relatives_support"},
        recipients={"child_welfare": "Børn, Unge og Familie"},
        children_at_home=True,
    ),
    c(
        "holbaek-relative",
        "holbaek",
        "Tilbud til pårørende",
        "relative_counselling",
        offers={"relatives_support"},
        caller="relative",
    ),
    c(
        "holbaek-not-resident",
        "holbaek",
        "Visitationsproceduren: borger i Holbæk",
        "refer_home_municipality",
        offers=set(),
        resident=False,
        deadlines={},
    ),
    c(
        "holbaek-acute",
        "holbaek",
        "national: Straffeloven § 253",
        "emergency",
        offers=set(),
        acute_danger=True,
    ),
    c(
        "holbaek-alcohol",
        "holbaek",
        "national: SUL § 141",
        "alcohol_referral",
        offers=set(),
        substances=["alcohol"],
    ),
    c(
        "holbaek-medical",
        "holbaek",
        "Medicinsk behandling",
        "outpatient",
        offers={"doctor_consultation", "medical_treatment"},
        seeks_medical_treatment=True,
    ),
    c(
        "holbaek-psychiatric",
        "holbaek",
        "Særlige indsatser: dobbeltdiagnosesygeplejersker; SUL § 82 c (integreret behandling, issue 11)",
        "outpatient",
        offers={"doctor_consultation", "psychiatric_support", "integrated_treatment"},
        psychiatric_disorder=True,
    ),
    c(
        "holbaek-anonymous-pregnant",
        "holbaek",
        "Særlige indsatser: Familieambulatoriet Næstved når den gravide indskrives",
        "anonymous_treatment",
        notes={"child_welfare"},
        warnings={"anonymity_vs_children"},
        anonymous=True,
        pregnancy="self",
    ),
    c(
        "holbaek-anonymous-16",
        "holbaek",
        "Ungebehandling: tre til fem samtaler, før Den Sociale Indgang kontaktes (issue 11, correction 7)",
        "anonymous_counselling",
        notes=set(),
        warnings={"anonymity_vs_age"},
        anonymous=True,
        age=16,
    ),
    c(
        "holbaek-complex-pregnant",
        "holbaek",
        "Særlige indsatser: Familieambulatoriet Næstved (dagbehandling i centret)",
        "intensive_assessment",
        notes={"child_welfare", "prenatal_care"},
        complex_needs=True,
        pregnancy="self",
    ),
    # --- Faxe 2015 ---------------------------------------------------------------------
    c(
        "faxe-adult",
        "faxe",
        "Målgruppe; Behandlingsgaranti (plan og lægesamtale inden 14 dage)",
        "outpatient",
        offers={"doctor_consultation", "action_plan"},
        deadlines={"treatment_start": 14, "treatment_plan": 14, "doctor_consultation": 14},
        warnings={"standard_outdated"},
    ),
    c(
        "faxe-youth-consent",
        "faxe",
        "Behandlingstilbud: unge under 18; Målgruppe: forældresamtykke",
        "youth_outpatient",
        notes={"youth_social_services", "parents"},
        deadlines={"treatment_start": 14, "treatment_plan": 14, "doctor_consultation": 14},
        warnings={"law_to_check"},
        age=15,
        parental_consent="yes",
    ),
    c(
        "faxe-youth-no-consent",
        "faxe",
        "Målgruppe: få samtaler anonymt og uden forældresamtykke (forældre inddrages ikke)",
        "anonymous_counselling",
        notes=set(),  # no automatic notification: § 133 is the counsellor's judgement (issue 19, point 4)
        warnings={"minor_notification_judgement"},
        offers=set(),
        age=15,
        parental_consent="no",
        deadlines={},
    ),
    c(
        "faxe-children",
        "faxe",
        "Eventuelle børn under 18 år (SEL §§ 153-154 -> Barnets lov § 133)",
        "outpatient",
        notes={"child_welfare"},
        offers={"doctor_consultation", "action_plan", "relatives_support"},
        warnings={"superseded_law"},
        recipients={"child_welfare": "Børn- & ungeafdelingen"},
        children_at_home=True,
    ),
    c(
        "faxe-anonymous",
        "faxe",
        "Indledning / Lovgrundlag: anonym behandling § 101a",
        "anonymous_treatment",
        offers=DOC,
        deadlines={"doctor_consultation": 14},
        anonymous=True,
        age=30,
    ),
    c(
        "faxe-acute",
        "faxe",
        "Indledning: akut forgiftning -> hospital",
        "emergency",
        acute_danger=True,
    ),
    c(
        "faxe-relative-not-resident",
        "faxe",
        "Målgruppe: også pårørende skal bo i Faxe",
        "refer_home_municipality",
        caller="relative",
        resident=False,
    ),
    c(
        "faxe-complex",
        "faxe",
        "Behandlingstilbud: visitation til dag-/døgnbehandling; Behandlingsgaranti: plan inden 14 dage",
        "intensive_assessment",
        offers={"doctor_consultation", "action_plan"},
        deadlines={"treatment_start": 14, "treatment_plan": 14, "doctor_consultation": 14},
        complex_needs=True,
    ),
    c(
        "faxe-age-8",
        "faxe",
        "Målgruppe: unge under 18 – et barn på 8 er ikke ung; Barnets lov § 33 (issue 11, correction 9)",
        "outside_target_group",
        notes={"youth_social_services", "parents"},
        age=8,
    ),
    c(
        "faxe-complex-15-no-consent",
        "faxe",
        "Målgruppe: behandling af unge under 18 kræver forældres samtykke",
        "anonymous_counselling",
        notes=set(),
        warnings={"minor_notification_judgement"},
        offers=set(),
        age=15,
        complex_needs=True,
        parental_consent="no",
        deadlines={},
    ),
    c(
        "faxe-complex-15-consent",
        "faxe",
        "Målgruppe: med forældres samtykke; Behandlingstilbud: visitation til dag-/døgnbehandling",
        "intensive_assessment",
        notes={"youth_social_services", "parents"},
        age=15,
        complex_needs=True,
        parental_consent="yes",
    ),
    c(
        "faxe-anonymous-16",
        "faxe",
        "Målgruppe: få vejledende samtaler anonymt og uden forældresamtykke",
        "anonymous_counselling",
        notes=set(),
        warnings={"anonymity_vs_age", "minor_notification_judgement"},
        anonymous=True,
        age=16,
    ),
    c(
        "faxe-anonymous-pregnant",
        "faxe",
        "Eventuelle børn under 18 år: borgeren orienteres først; Barnets lov § 133 (ufødt barn)",
        "anonymous_treatment",
        notes={"child_welfare"},
        warnings={"anonymity_vs_children", "superseded_law"},
        recipients={"child_welfare": "Børn- & ungeafdelingen"},
        anonymous=True,
        pregnancy="self",
    ),
    # --- Gentofte ------------------------------------------------------------------------
    c(
        "gentofte-adult",
        "gentofte",
        "Ambulant behandling; Særlige bemærkninger (garanti)",
        "outpatient",
        offers=DOC,
        deadlines=TS,
    ),
    c(
        "gentofte-17",
        "gentofte",
        "Ambulant behandling: over 18 år",
        "outside_target_group",
        notes={"youth_social_services", "parents"},
        offers=set(),
        age=17,
    ),
    c(
        "gentofte-anonymous-psychiatric",
        "gentofte",
        "Anonym ambulant behandling: ingen behandlingskrævende psykisk lidelse",
        "anonymous_counselling",
        offers=set(),
        anonymous=True,
        psychiatric_disorder=True,
    ),
    c(
        "gentofte-anonymous",
        "gentofte",
        "Anonym ambulant behandling; Leverandør (KABS, Gladsaxe)",
        "anonymous_treatment",
        offers=DOC,
        anonymous=True,
        deadlines={},
    ),
    c(
        "gentofte-complex",
        "gentofte",
        "Dagbehandling / Døgnbehandling; ikke omfattet af garantien",
        "intensive_assessment",
        offers=DOC,
        warnings={"no_guarantee_for_assessment"},
        complex_needs=True,
        deadlines={},
    ),
    c(
        "gentofte-partner-pregnant",
        "gentofte",
        "Gravide kvinder, kommende fædre samt forældre",
        "outpatient",
        notes={"child_welfare"},
        offers={"doctor_consultation", "family_programme"},
        pregnancy="partner",
    ),
    c(
        "gentofte-children",
        "gentofte",
        "Gravide kvinder, kommende fædre samt forældre: Børn og Familie-afdelingen",
        "outpatient",
        notes={"child_welfare"},
        offers={"doctor_consultation", "family_programme"},
        recipients={"child_welfare": "Børn og Familie-afdelingen"},
        children_at_home=True,
    ),
    # --- Ishøj (draft first, pixi where the draft is silent) -----------------------------
    c(
        "ishoj-adult",
        "ishoj",
        "Svarfrist og behandlingsgaranti; Form og indhold",
        "outpatient",
        offers=DOC,
        deadlines={"treatment_start": 14, "doctor_consultation": 14},
        warnings={"standard_draft"},
    ),
    c(
        "ishoj-age-12",
        "ishoj",
        "Målgruppe: fra 13 år",
        "outside_target_group",
        notes={"youth_social_services", "parents"},
        age=12,
        deadlines={},
    ),
    c(
        "ishoj-age-13",
        "ishoj",
        "Målgruppe: fra 13 år",
        "outpatient",
        notes={"youth_social_services", "parents"},
        deadlines={"treatment_start": 14, "doctor_consultation": 14},
        age=13,
    ),
    c(
        "ishoj-anonymous",
        "ishoj",
        "Form og indhold (§ 101a); garantien bortfalder",
        "anonymous_treatment",
        offers=DOC,
        warnings={"guarantee_lapses"},
        anonymous=True,
        deadlines={},
    ),
    c(
        "ishoj-alcohol",
        "ishoj",
        "pixi: Hjælp til alkoholbehandling",
        "alcohol_referral",
        warnings={"standard_draft", "standard_outdated"},
        substances=["alcohol"],
    ),
    c(
        "ishoj-anonymous-children",
        "ishoj",
        "Særligt fokus på gravide ... hjemmeboende børn; Barnets lov § 133",
        "anonymous_treatment",
        notes={"child_welfare"},
        warnings={"anonymity_vs_children"},
        recipients={"child_welfare": "Center for Børn og Forebyggelse"},
        anonymous=True,
        children_at_home=True,
        deadlines={},
    ),
    c(
        "ishoj-social",
        "ishoj",
        "Handleplan (SEL § 141)",
        "outpatient",
        offers={"doctor_consultation", "action_plan"},
        other_social_problems=True,
    ),
    c(
        "ishoj-anonymous-16",
        "ishoj",
        "Form og indhold: anonym rådgivning på Pitstop (forældre inddrages ikke)",
        "anonymous_counselling",
        notes=set(),
        warnings={"anonymity_vs_age", "minor_notification_judgement"},
        anonymous=True,
        age=16,
    ),
    # --- Vallensbæk (pixi) ---------------------------------------------------------------
    c(
        "vallensbaek-adult",
        "vallensbaek",
        "Behandlingsgaranti; Visitation til behandling",
        "outpatient",
        offers=DOC,
        deadlines={"treatment_start": 14, "doctor_consultation": 14},
        warnings={"standard_outdated"},
    ),
    c(
        "vallensbaek-social-70",
        "vallensbaek",
        "Handleplan: under folkepensionsalderen",
        "outpatient",
        offers=DOC,
        other_social_problems=True,
        age=70,
    ),
    c(
        "vallensbaek-social-66",
        "vallensbaek",
        "Handleplan: under folkepensionsalderen",
        "outpatient",
        offers={"doctor_consultation", "action_plan"},
        other_social_problems=True,
        age=66,
    ),
    c(
        "vallensbaek-children",
        "vallensbaek",
        "national: Barnets lov § 133 (pixi tavs)",
        "outpatient",
        notes={"child_welfare"},
        recipients={"child_welfare": "Vallensbæk"},
        children_at_home=True,
    ),
    c(
        "vallensbaek-relative",
        "vallensbaek",
        "Målgruppe: pårørende; Anonym rådgivning",
        "relative_counselling",
        offers={"relatives_support"},
        caller="relative",
    ),
    c(
        "vallensbaek-anonymous-15",
        "vallensbaek",
        "Anonym rådgivning og behandling: anonym rådgivning for alle (forældre inddrages ikke)",
        "anonymous_counselling",
        notes=set(),
        warnings={"anonymity_vs_age", "minor_notification_judgement"},
        anonymous=True,
        age=15,
    ),
    c(
        "vallensbaek-not-resident-pregnant",
        "vallensbaek",
        "Din indgang; Barnets lov § 133 (ufødt barn)",
        "refer_home_municipality",
        notes={"child_welfare"},
        recipients={"child_welfare": "bopælskommune"},
        resident=False,
        pregnancy="self",
    ),
    # --- Issue 11: the flow, version 2 -------------------------------------------------------
    c(
        "holbaek-advice-only",
        "holbaek",
        "Råd og vejledning; Behandlingsgaranti: 14 dage fra henvendelse med ønske om behandling",
        "counselling",
        offers=set(),
        deadlines={},
        wants_treatment=False,
    ),
    c(
        "gentofte-professional-no-consent",
        "gentofte",
        "SEL § 10; uden borgerens samtykke ingen visitation og ingen underretning fra centret",
        "professional_counselling",
        offers=set(),
        deadlines={},
        warnings={"professional_own_duty"},
        caller="professional",
        citizen_consents=False,
        children_at_home=True,
    ),
    c(
        "ishoj-relative-children",
        "ishoj",
        "Målgruppe: pårørende; Barnets lov § 133 (børn i et hjem med stofbrug)",
        "relative_counselling",
        notes={"child_welfare"},
        offers={"relatives_support"},
        caller="relative",
        children_at_home=True,
    ),
    c(
        "faxe-emergency-children",
        "faxe",
        "Barnets lov § 133: også efter akut fare; Eventuelle børn under 18 år: orienter først",
        "emergency",
        notes={"child_welfare"},
        acute_danger=True,
        children_at_home=True,
    ),
    c(
        "vallensbaek-alcohol-guarantee",
        "vallensbaek",
        "Behandlingsgaranti: alkohol- og rusmiddelbehandling senest 14 dage (SUL § 141)",
        "alcohol_referral",
        deadlines=TS,
        substances=["alcohol"],
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_standard_scenario(knowledge: Knowledge, case: Case) -> None:
    rec = recommend(knowledge, case.municipality, case.given, CONTACT)
    assert rec.level.id == case.level, case.section
    assert {n.to for n in rec.notifications} == case.notifications, case.section
    if case.offers is not None:
        assert {o.id for o in rec.offers} == case.offers, case.section
    if case.deadlines is not None:
        expected = {k: CONTACT + datetime.timedelta(days=d) for k, d in case.deadlines.items()}
        assert dict(rec.deadlines) == expected, case.section
    assert case.warnings <= {w.id for w in rec.warnings}, case.section
    for to, part in case.recipients.items():
        (note,) = [n for n in rec.notifications if n.to == to]
        assert part in note.recipient
    # Every item of the result is cited.
    assert rec.cited("service_level")
    for n in rec.notifications:
        assert rec.cited(f"notification:{n.to}")
    for o in rec.offers:
        assert rec.cited(f"offer:{o.id}")


def test_cases_cover_every_level_and_municipality(knowledge: Knowledge) -> None:
    assert {case.level for case in CASES} == {t.id for t in knowledge.flow.levels}
    assert {case.municipality for case in CASES} == set(knowledge.municipalities)
    assert len(CASES) >= 40


def test_faxe_child_notification_shows_current_law(knowledge: Knowledge) -> None:
    rec = recommend(knowledge, "faxe", answers(children_at_home=True), CONTACT)
    (cited,) = rec.cited("notification:child_welfare")
    assert (cited.law, cited.cited_law) == ("Barnets lov § 133", "SEL §§ 153-154")
    (note,) = rec.notifications
    assert note.basis == "Barnets lov § 133" and note.inform_citizen_first


def test_under_18_citation_is_marked_to_check(knowledge: Knowledge) -> None:
    rec = recommend(knowledge, "holbaek", answers(age=15), CONTACT)
    youth = [c for c in rec.cited("service_level") if c.law == "SEL § 101"]
    assert youth and all(c.to_check for c in youth)
    adult = recommend(knowledge, "holbaek", answers(age=40), CONTACT)
    assert not any(c.to_check for c in adult.citations)


def test_steps_carry_deadline_dates(knowledge: Knowledge) -> None:
    rec = recommend(knowledge, "faxe", answers(), CONTACT)
    due = {s.id: s.due for s in rec.steps}
    assert due["make_plan"] == datetime.date(2026, 12, 8)
    assert due["book_intake"] == datetime.date(2026, 12, 8)


def test_emergency_first_step_is_today(knowledge: Knowledge) -> None:
    rec = recommend(knowledge, "gentofte", answers(acute_danger=True), CONTACT)
    assert rec.steps[0].id == "call_112" and rec.steps[0].due == CONTACT


# --- Citations checked against the standards' own text ---------------------------------
# A citation of a standard names a heading as the standard spells it, and carries `law`
# only where that section of the standard names the paragraph; law the standard does not
# give is cited as law (`source = "law"`). These read the standards in ../shared/standards.

# ../shared beside the checkout (as in CI), or beside the folder of worktrees.
STANDARDS = next(
    (p for p in (ROOT.parent / "shared" / "standards", ROOT.parent.parent / "shared" / "standards") if p.is_dir()),
    ROOT.parent / "shared" / "standards",
)
needs_standards = pytest.mark.skipif(not STANDARDS.is_dir(), reason="the standards' texts are not on this machine")


def _clean(line: str) -> str:
    return line.strip().strip("#*").strip()


def _sections(knowledge: Knowledge, file: str) -> set[str]:
    return {
        c.section
        for m in knowledge.municipalities.values()
        for r in m.rules
        for c in r.cites
        if c.source != "law" and m.sources[c.source].file == file
    }


def _is_heading(line: str, cited: set[str]) -> bool:
    cleaned = _clean(line)
    return (
        line.lstrip().startswith("#")
        or cleaned in cited
        or any(cleaned.startswith(s + "\t") for s in cited)
        or re.match(r"^[A-ZÆØÅ][^\t<]{0,40}\t", line) is not None
    )


def section_text(knowledge: Knowledge, file: str, section: str) -> str | None:
    """The text under every heading ``section`` of the standard ``file`` (None: no such heading)."""
    lines = (STANDARDS / file).read_text(encoding="utf-8").splitlines()
    cited = _sections(knowledge, file)
    parts: list[str] = []
    for i, line in enumerate(lines):
        cleaned = _clean(line)
        if cleaned == section or cleaned.startswith(section + "\t"):
            body = [line]
            for nxt in lines[i + 1 :]:
                if _is_heading(nxt, cited):
                    break
                body.append(nxt)
            parts.append("\n".join(body))
    return "\n".join(parts) if parts else None


ACTS = {"SEL": r"servicelov|serviceov|lov om social service|\bSEL\b", "SUL": r"sundhedslov"}


def law_in_text(law: str, text: str) -> bool:
    """Does ``text`` name the act and the paragraph numbers of ``law`` (e.g. ``SEL §§ 153-154``)?"""
    act, _, para = law.partition("§")
    if not re.search(ACTS.get(act.strip(), re.escape(act.strip())), text, re.IGNORECASE):
        return False
    windows = [text[m.end() : m.end() + 30] for m in re.finditer("§", text)]
    for num, letter in re.findall(r"(\d+)\s*([a-z]?)(?![a-z])", para.lstrip("§").split(",")[0]):
        tail = rf"\s?{letter}(?![\da-zæøå])" if letter else r"(?!\d)(?!\s?[a-zæøå](?![a-zæøå]))"
        if not any(re.search(rf"(?<!\d){num}{tail}", w) for w in windows):
            return False
    return True


def standard_citations(knowledge: Knowledge) -> list[tuple[str, str, Any]]:
    return [
        (mid, r.id, c)
        for mid, m in knowledge.municipalities.items()
        for r in m.rules
        if r.origin == mid
        for c in r.cites
        if c.source != "law"
    ]


@needs_standards
def test_every_cited_section_is_a_heading_of_its_standard(knowledge: Knowledge) -> None:
    """Faxe: the opening text has no heading 'Indledning'; sections are cited as spelled."""
    missing = [
        f"{mid}.{rid}: {c.section!r}"
        for mid, rid, c in standard_citations(knowledge)
        if section_text(knowledge, knowledge.municipalities[mid].sources[c.source].file or "", c.section) is None
    ]
    assert not missing


@needs_standards
def test_law_on_a_standard_citation_is_named_in_that_section(knowledge: Knowledge) -> None:
    """E.g. Holbæk 'Medicinsk behandling' names no SUL § 142; Barnets lov is in no standard."""
    wrong = []
    for mid, rid, c in standard_citations(knowledge):
        if c.law is None:
            continue
        file = knowledge.municipalities[mid].sources[c.source].file or ""
        text = section_text(knowledge, file, c.section) or ""
        if not law_in_text(c.law, text):
            wrong.append(f"{mid}.{rid}: {c.section!r} does not name {c.law}")
    assert not wrong


def _words(text: str) -> list[str]:
    return re.sub(r"[^\wæøå§]+", " ", re.sub(r"<[^>]+>", " ", text.lower())).split()


@needs_standards
def test_texts_are_in_our_own_words(knowledge: Knowledge) -> None:
    """No rule text shares a run of 8 words with a standard (Faxe 'Behandlingsgaranti' was copied)."""
    copied = [f"{mid}.{r.id}" for mid, m in knowledge.municipalities.items() for r in m.rules if _copied(r.text.da)]
    assert not copied


RUN = 8  # words in a row that make a copied passage


@functools.cache
def _standard_runs() -> frozenset[tuple[str, ...]]:
    runs: set[tuple[str, ...]] = set()
    for path in STANDARDS.glob("*.txt"):
        w = _words(path.read_text(encoding="utf-8"))
        runs |= {tuple(w[i : i + RUN]) for i in range(len(w) - RUN + 1)}
    return frozenset(runs)


def _copied(text: str) -> bool:
    w = _words(text)
    return any(tuple(w[i : i + RUN]) in _standard_runs() for i in range(len(w) - RUN + 1))


@needs_standards
def test_scenario_texts_are_in_our_own_words() -> None:
    """The training cases' titles, vignettes, clues and notes are ours, not a standard's sentences."""
    copied = []
    for path in sorted((ROOT / "flows" / "scenarios").glob("*.toml")):
        for sc in tomllib.loads(path.read_text(encoding="utf-8")).get("scenario", []):
            texts = [*sc["title"].values(), *sc["vignette"].values()]
            texts += [t for clue in sc.get("clues", {}).values() for t in clue.values()]
            texts += [d["note"] for d in sc.get("disagreements", [])]
            copied += [f"{path.name}: {sc['id']}: {t[:60]}" for t in texts if _copied(t)]
    assert not copied


@needs_standards
def test_source_titles_are_the_standards_own(knowledge: Knowledge) -> None:
    """pixi: the document calls itself 'Udkast til pixiudgave af kvalitetsstandard ...'."""
    wrong = []
    for mid, m in knowledge.municipalities.items():
        for src in m.sources.values():
            text = " ".join((STANDARDS / (src.file or "")).read_text(encoding="utf-8").split())
            title = re.sub(r"\s*\([^)]*\)$", "", src.title)
            if title not in text:
                wrong.append(f"{mid}.{src.key}: {src.title}")
    assert not wrong


def test_holbaek_young_person_hears_of_den_sociale_indgang_first(knowledge: Knowledge) -> None:
    """Holbæk 'Ungebehandling': at the first meeting the young person is told about involving
    parents and other partners, so both notifications are told to the young person first."""
    rec = recommend(knowledge, "holbaek", answers(age=15), CONTACT)
    first = {n.to: n.inform_citizen_first for n in rec.notifications}
    assert first == {"youth_social_services": True, "parents": True}


def test_gentofte_providers_give_the_doctors_consultation(knowledge: Knowledge) -> None:
    """Gentofte 'Lovgrundlag': the free doctor's consultations are given through providers."""
    rec = recommend(knowledge, "gentofte", answers(), CONTACT)
    (doctor,) = [o for o in rec.offers if o.id == "doctor_consultation"]
    assert doctor.provided_by == "referred"


def test_gentofte_anonymous_treatment_is_for_a_limited_period(knowledge: Knowledge) -> None:
    """Gentofte 'Ambulante behandling': outpatient treatment may be anonymous for a limited period."""
    rec = recommend(knowledge, "gentofte", answers(anonymous=True), CONTACT, "da")
    assert rec.level.id == "anonymous_treatment" and "afgrænset periode" in rec.level.text
    assert rec.level.provided_by == "referred"


def test_ishoj_treatment_plan_is_a_step(knowledge: Knowledge) -> None:
    """Ishøj draft 'Opfølgning': the provider makes a treatment plan with the citizen."""
    rec = recommend(knowledge, "ishoj", answers(), CONTACT)
    assert "treatment_plan" in {s.id for s in rec.steps}


@pytest.mark.parametrize(
    ("given", "item"),
    [
        ({"anonymous": True}, "service_level"),  # Form og indhold vs pixi 'Anonym rusmiddelbehandling'
        ({}, "service_level"),  # Form og indhold (individual) vs pixi 'Behandlingen' (groups)
        ({"other_social_problems": True}, "offer:action_plan"),  # Handleplan: pension age
        ({}, "next_step:treatment_plan"),  # Opfølgning vs pixi 'Behandlingsplan'
    ],
)
def test_ishoj_says_where_it_departs_from_the_pixi_edition(
    knowledge: Knowledge, given: dict[str, Any], item: str
) -> None:
    """Where the Ishøj draft and the pixi edition differ, a note says which is followed and why."""
    rec = recommend(knowledge, "ishoj", answers(**given), CONTACT)
    notes = [c.note or "" for c in rec.cited(item) if c.source is not None and c.source.key == "draft"]
    assert any("pixi" in n and "draft" in n and "newer" in n for n in notes)


@pytest.mark.parametrize(
    ("given", "step"),
    [
        ({"complex_needs": True}, "vum_referral"),  # pixi 'Visitation til dag- eller døgnbehandling'
        ({}, "treatment_plan"),  # pixi 'Behandlingsplan'
    ],
)
def test_vallensbaek_steps_from_the_pixi_edition(knowledge: Knowledge, given: dict[str, Any], step: str) -> None:
    """The pixi edition describes these steps; Vallensbæk had neither."""
    rec = recommend(knowledge, "vallensbaek", answers(**given), CONTACT)
    assert step in {s.id for s in rec.steps}


MUNICIPALITIES = ("holbaek", "faxe", "gentofte", "ishoj", "vallensbaek")


@pytest.mark.parametrize("muni", MUNICIPALITIES)
@pytest.mark.parametrize(
    "given",
    [{"children_at_home": True}, {"pregnancy": "self"}, {"pregnancy": "partner"}],
    ids=["children", "pregnant", "partner-pregnant"],
)
def test_anonymity_gives_way_to_the_duty_to_notify_everywhere(
    knowledge: Knowledge, muni: str, given: dict[str, Any]
) -> None:
    """Barnets lov § 133 (also unborn children): a wish for anonymity where a child lives at
    home or a pregnancy exists gets the warning, and the child welfare notification stays."""
    rec = recommend(knowledge, muni, answers(anonymous=True, **given), CONTACT, "da")
    (warning,) = [w for w in rec.warnings if w.id == "anonymity_vs_children"]
    assert "Underretningspligten går forud" in warning.text and "den, der ringer" in warning.text
    assert "child_welfare" in {n.to for n in rec.notifications}
    (cited,) = rec.cited("warning:anonymity_vs_children")
    assert cited.law == "Barnets lov § 133"


def test_only_faxe_promises_to_tell_the_citizen_before_notifying(knowledge: Knowledge) -> None:
    """Faxe 'Eventuelle børn under 18 år' is the only standard that says the citizen is told
    first; the shared question text may not promise it in every municipality."""
    question = knowledge.flow.question("children_at_home")
    assert question is not None and question.says
    for say in question.says:
        assert "inden vi gør det" not in say.text.da and "before we do" not in say.text.en
    told_first = {
        muni
        for muni in MUNICIPALITIES
        for n in recommend(knowledge, muni, answers(children_at_home=True), CONTACT).notifications
        if n.to == "child_welfare" and n.inform_citizen_first
    }
    assert told_first == {"faxe"}


def test_action_plan_for_under_18_is_marked_to_check(knowledge: Knowledge) -> None:
    """Faxe 'Behandlingsplaner og opfølgning': the § 141 plan 'also for under-18s'; plans for
    children were SEL § 140 and are now in Barnets lov, so the citation is marked."""
    rec = recommend(knowledge, "faxe", answers(age=15, parental_consent="yes"), CONTACT)
    plan = [c for c in rec.cited("offer:action_plan") if c.law == "SEL § 141"]
    assert plan and all(c.to_check for c in plan)
    adult = recommend(knowledge, "faxe", answers(), CONTACT)
    assert not any(c.to_check for c in adult.cited("offer:action_plan"))


def test_ishoj_assessment_step_gives_the_answer_time(knowledge: Knowledge) -> None:
    """Ishøj draft 'Svarfrist og behandlingsgaranti': a decision within 14 days of the
    application; it counts from the application, so it is no deadline from the contact date."""
    rec = recommend(knowledge, "ishoj", answers(complex_needs=True), CONTACT, "da")
    (step,) = [s for s in rec.steps if s.id == "vum_referral"]
    assert "14 dage" in step.text and step.due is None
    assert any(c.section == "Svarfrist og behandlingsgaranti" for c in rec.cited("next_step:vum_referral"))
    # The guarantee still runs from the contact: «Behandlingen skal iværksættes senest 14 dage
    # efter at du har henvendt dig» (same section; issue 19, point 1).
    assert rec.deadlines["treatment_start"] == CONTACT + datetime.timedelta(days=14)


@pytest.mark.parametrize("muni", MUNICIPALITIES)
def test_anonymous_treatment_has_no_start_date_and_says_why(knowledge: Knowledge, muni: str) -> None:
    """The guarantee is SEL § 101's; § 101a treatment has none (the Ishøj draft and the pixi
    edition say so in 'Behandlingsgaranti'; elsewhere the law says it)."""
    rec = recommend(knowledge, muni, answers(anonymous=True), CONTACT)
    assert rec.level.id == "anonymous_treatment"
    assert "treatment_start" not in rec.deadlines
    assert "guarantee_lapses" in {w.id for w in rec.warnings}


def test_gentofte_family_course_is_given_by_the_provider(knowledge: Knowledge) -> None:
    """Gentofte 'Leverandør': treatment is given by providers (KABS); the family-oriented
    course of 'Gravide kvinder, kommende fædre samt forældre' is a treatment course."""
    rec = recommend(knowledge, "gentofte", answers(children_at_home=True), CONTACT)
    (family,) = [o for o in rec.offers if o.id == "family_programme"]
    assert family.provided_by == "referred"


@pytest.mark.parametrize("muni", ["holbaek", "faxe", "ishoj", "vallensbaek"])
def test_treatment_of_under_18s_is_marked_to_check_everywhere(knowledge: Knowledge, muni: str) -> None:
    """Since Barnets lov, SEL § 101 no longer governs under-18s: every standard that treats a
    15-year-old under § 101 gets the mark (Gentofte treats no one under 18)."""
    rec = recommend(knowledge, muni, answers(age=15, parental_consent="yes"), CONTACT)
    assert rec.level.id in {"youth_outpatient", "outpatient"}
    assert any(c.to_check and c.law == "SEL § 101" for c in rec.cited("service_level"))
    assert "law_to_check" in {w.id for w in rec.warnings}


@pytest.mark.parametrize(
    "given",
    [
        {"age": 16, "children_at_home": True},  # youth services, parents and the children's unit
        {"caller": "relative", "caller_under_18": False, "age": "unknown", "children_at_home": True},
    ],
    ids=["young-parent", "relative"],
)
def test_faxe_tells_the_citizen_before_every_notification(knowledge: Knowledge, given: dict[str, Any]) -> None:
    """Faxe, «Eventuelle børn under 18 år»: the citizen always hears of a notification to the
    municipality first (correction 2: also the youth notification, which a national rule made
    without it). The parents are not notified but asked for consent, so they are not counted."""
    call = given if given.get("acute_danger") else answers(**given)
    rec = recommend(knowledge, "faxe", call, CONTACT)
    to_municipality = [n for n in rec.notifications if n.to != "parents"]
    assert to_municipality
    assert all(n.inform_citizen_first for n in to_municipality), [
        (n.to, n.inform_citizen_first) for n in to_municipality
    ]


@pytest.mark.parametrize("given", [{"children_at_home": False, "pregnancy": "self"}, {"children_at_home": True}])
def test_faxe_acute_notification_does_not_wait_for_the_citizen(knowledge: Knowledge, given: dict[str, Any]) -> None:
    """Issue 19, point 6: telling the citizen first keeps the treatment relationship
    («Eventuelle børn under 18 år»); in acute danger the notification is made today and must
    not wait for a person who may be unconscious."""
    rec = recommend(knowledge, "faxe", {"acute_danger": True, **given}, CONTACT)
    assert [(n.to, n.inform_citizen_first) for n in rec.notifications] == [("child_welfare", False)]
