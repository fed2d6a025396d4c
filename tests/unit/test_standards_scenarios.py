"""Engine behaviour written from the five standards, each test naming the section it comes from,
and the citations checked against the standards' own text.

The boundary cases of each standard (answers in, exact recommendation out) are data: the
checks (``practice = false``) in flows/scenarios/<municipality>.toml, run by
``triage scenarios test`` and by tests/unit/test_scenarios.py. Tests that hold for every
municipality read the municipalities from the data.
"""

from __future__ import annotations

import datetime
import functools
import re
import tomllib
from typing import Any

import pytest

from tests.conftest import CONTACT, ROOT, answers
from triage.data.loader import load
from triage.rules.model import Knowledge
from triage.rules.recommendation import recommend
from triage.verify import sections

SHIPPED = load(ROOT)  # for parametrizing: the municipalities and sources of the data
MUNICIPALITIES = list(SHIPPED.municipalities)


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
# Each source of each municipality, read from the data: one test each, so that a source whose
# text is not at hand skips alone (with its key) and the others are still checked.
SOURCES = [(mid, key) for mid, m in SHIPPED.municipalities.items() for key in m.sources]
per_source = pytest.mark.parametrize(("mid", "key"), SOURCES, ids=[f"{mid}.{key}" for mid, key in SOURCES])


def standard_file(knowledge: Knowledge, mid: str, key: str) -> str:
    """The file name of a source's text in STANDARDS; skips the test, naming the source, when
    the source has no ``file`` (a web page, an excerpt) or the file is not there."""
    src = knowledge.municipalities[mid].sources[key]
    if not src.file:
        pytest.skip(f"{mid}.sources.{key} has no file: its text cannot be read")
    if not (STANDARDS / src.file).is_file():
        pytest.skip(f"{mid}.sources.{key}: {src.file} is not in {STANDARDS}")
    return src.file


def section_text(file: str, section: str) -> str | None:
    """The text under the heading ``section`` of the standard ``file`` (triage/verify/sections.py)."""
    return sections.section_text((STANDARDS / file).read_text(encoding="utf-8"), section)


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
@per_source
def test_every_cited_section_is_a_heading_of_its_standard(knowledge: Knowledge, mid: str, key: str) -> None:
    """Faxe: the opening text has no heading 'Indledning'; sections are cited as spelled."""
    file = standard_file(knowledge, mid, key)
    missing = [
        f"{mid}.{rid}: {c.section!r}"
        for cmid, rid, c in standard_citations(knowledge)
        if (cmid, c.source) == (mid, key) and section_text(file, c.section) is None
    ]
    assert not missing


@needs_standards
@per_source
def test_law_on_a_standard_citation_is_named_in_that_section(knowledge: Knowledge, mid: str, key: str) -> None:
    """E.g. Holbæk 'Medicinsk behandling' names no SUL § 142; Barnets lov is in no standard."""
    file = standard_file(knowledge, mid, key)
    wrong = []
    for cmid, rid, c in standard_citations(knowledge):
        if c.law is None or (cmid, c.source) != (mid, key):
            continue
        text = section_text(file, c.section) or ""
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
            texts = [*sc["title"].values(), *sc.get("vignette", {}).values()]
            texts += [t for clue in sc.get("clues", {}).values() for t in clue.values()]
            texts += [d["note"] for d in sc.get("disagreements", [])]
            copied += [f"{path.name}: {sc['id']}: {t[:60]}" for t in texts if _copied(t)]
    assert not copied


@needs_standards
@per_source
def test_source_titles_are_the_standards_own(knowledge: Knowledge, mid: str, key: str) -> None:
    """pixi: the document calls itself 'Udkast til pixiudgave af kvalitetsstandard ...'."""
    src = knowledge.municipalities[mid].sources[key]
    text = " ".join((STANDARDS / standard_file(knowledge, mid, key)).read_text(encoding="utf-8").split())
    title = re.sub(r"\s*\([^)]*\)$", "", src.title)
    assert title in text, f"{mid}.{key}: {src.title}"


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
    """Faxe 'Eventuelle børn under 18 år' says the citizen is told first; not every standard
    does, so the shared question text may not promise it in every municipality."""
    question = knowledge.flow.question("children_at_home")
    assert question is not None and question.says
    for say in question.says:
        assert "inden vi gør det" not in say.text.da and "before we do" not in say.text.en
    told_first = {
        muni
        for muni in knowledge.municipalities
        for n in recommend(knowledge, muni, answers(children_at_home=True), CONTACT).notifications
        if n.to == "child_welfare" and n.inform_citizen_first
    }
    assert "faxe" in told_first and told_first != set(knowledge.municipalities)


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


@pytest.mark.parametrize("muni", MUNICIPALITIES)
def test_treatment_of_under_18s_is_marked_to_check_everywhere(knowledge: Knowledge, muni: str) -> None:
    """Since Barnets lov, SEL § 101 no longer governs under-18s: every standard that treats a
    15-year-old under § 101 gets the mark (Gentofte treats no one under 18)."""
    rec = recommend(knowledge, muni, answers(age=15, parental_consent="yes"), CONTACT)
    if rec.level.id not in {"youth_outpatient", "outpatient"}:
        pytest.skip(f"{muni} does not treat a 15-year-old ({rec.level.id})")
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
