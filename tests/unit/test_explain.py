"""Issue 13: ``because`` names exactly what decided each item; ``alternatives`` are the
recommendation of the changed answers."""

from __future__ import annotations

import datetime
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import CONTACT, answers
from tests.unit.test_properties import answer_sets
from triage.rules.model import UNKNOWN, Answer, Knowledge, Question
from triage.rules.recommendation import Recommendation, recommend


def items(rec: Recommendation) -> dict[str, object]:
    """Each item of the result with what must not change about it."""
    out: dict[str, object] = {"service_level": rec.level.id}
    out.update({f"offer:{o.id}": True for o in rec.offers})
    out.update({f"notification:{n.to}": True for n in rec.notifications})
    out.update({f"deadline:{k}": v for k, v in rec.deadlines.items()})
    return out


def other_values(q: Question, value: Answer, given: dict[str, Any]) -> list[Answer]:
    if q.kind == "bool":
        return [not value]
    if q.kind == "int":
        candidates: list[Answer] = [0, 12, 13, 15, 17, 18, 19, 24, 25, 26, 27, 30, 64, 65, 66, 120]
        if q.unknown_allowed(given):  # "unknown" only where the flow allows it
            candidates.append(UNKNOWN)
        return [v for v in candidates if v != value]
    if q.kind == "choice":
        return [o.value for o in q.options if o.value != value]
    opts = [o.value for o in q.options]
    return [v for v in [("alcohol",), ("cannabis",), ("alcohol", "opioids"), tuple(opts)] if set(v) != set(value)]  # type: ignore[arg-type]


def test_because_names_every_answer_that_can_change_an_item(knowledge: Knowledge) -> None:
    """Changing an answer that is not in ``because`` never changes that item (nor removes it)."""

    @settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(answer_sets(knowledge), st.sampled_from(sorted(knowledge.municipalities)))
    def check(given_answers: dict[str, Any], municipality: str) -> None:
        rec = recommend(knowledge, municipality, given_answers, CONTACT, alternatives=False)
        before = items(rec)
        assert {b.item for b in rec.because} == set(before)
        for b in rec.because:
            assert b.mapping() == {k: rec.answers[k] for k in b.mapping()}  # the values as answered
            for q in knowledge.flow.questions:
                if q.id in b.mapping():
                    continue
                for value in other_values(q, given_answers[q.id], given_answers):
                    after = items(
                        recommend(knowledge, municipality, {**given_answers, q.id: value}, CONTACT, alternatives=False)
                    )
                    assert after.get(b.item) == before[b.item], (b.item, q.id, value)

    check()


def test_because_of_a_youth_level(knowledge: Knowledge) -> None:
    rec = recommend(knowledge, "holbaek", answers(age=17), CONTACT)
    why = rec.why("service_level")
    assert why is not None
    # Under 18 the youth level also needs the parents' consent (Barnets lov § 33; issue 19).
    assert [r.name for r in why.decided] == ["age", "wants_treatment", "parental_consent"]
    assert why.decided[0].tests == ("≥ 13", "≤ 25")
    assert why.mapping()["age"] == 17
    assert "acute_danger" in why.mapping()  # the emergency rule read it, and did not apply
    parents = rec.why("notification:parents")
    assert parents is not None and parents.mapping()["age"] == 17


# The contract's alternatives (contract.md, `alternatives`): the answer, and the values for which
# the result with it changed is shown. The flow's `[[alternatives]]` must give exactly these.
CONTRACT_ALTERNATIVES = (("anonymous", (True,)), ("parental_consent", ("no", "unknown")), ("wants_treatment", (False,)))


def test_alternatives_are_the_recommendation_of_the_changed_answer(knowledge: Knowledge) -> None:
    @settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(answer_sets(knowledge), st.sampled_from(sorted(knowledge.municipalities)))
    def check(given_answers: dict[str, Any], municipality: str) -> None:
        rec = recommend(knowledge, municipality, given_answers, CONTACT)
        expected = []
        for key, when in CONTRACT_ALTERNATIVES:
            if rec.answers.get(key, None) in when and not (
                key == "anonymous" and rec.level.id == "anonymous_treatment"
            ):
                expected.append(key)
        assert [next(iter(a.changes)) for a in rec.alternatives] == expected
        for alt in rec.alternatives:
            separately = recommend(
                knowledge, municipality, {**given_answers, **alt.changes}, CONTACT, alternatives=False
            )
            assert alt.result == separately
            assert not alt.result.alternatives

    check()


def test_the_three_alternatives_of_the_contract(knowledge: Knowledge) -> None:
    date = datetime.date(2026, 11, 30)
    anon = recommend(knowledge, "holbaek", answers(anonymous=True, seeks_medical_treatment=True), date)
    assert anon.level.id == "anonymous_counselling"
    (alt,) = anon.alternatives
    assert alt.changes == {"anonymous": False}
    assert alt.result.level.id == "outpatient"
    assert "medical_treatment" in {o.id for o in alt.result.offers}
    assert alt.result.deadlines["treatment_start"] == datetime.date(2026, 12, 14)

    minor = recommend(knowledge, "holbaek", answers(age=16, parental_consent="unknown"), date)
    assert [a.changes for a in minor.alternatives] == [{"parental_consent": "yes"}]

    advice = recommend(knowledge, "holbaek", answers(wants_treatment=False), date)
    assert advice.level.id == "counselling"
    (alt,) = advice.alternatives
    assert alt.changes == {"wants_treatment": True} and alt.result.level.id == "outpatient"

    granted = recommend(knowledge, "holbaek", answers(anonymous=True), date)
    assert granted.level.id == "anonymous_treatment" and not granted.alternatives


def test_the_sources_screen_shows_each_condition(knowledge: Knowledge) -> None:
    from rich.console import Console

    from triage.tui.screens.citations import citations_table

    for lang, sentence in (
        # Under 18 the youth level also needs the parents' consent (issue 19, point 2).
        ("en", "Applies when: age 13–25, wants treatment and (age at least 18 or parental consent: Yes)"),
        ("da", "Gælder når: alder 13–25, ønsker behandling og (alder mindst 18 eller forældresamtykke: Ja)"),
    ):
        rec = recommend(knowledge, "holbaek", answers(age=17), CONTACT, lang)
        console = Console(record=True, width=200)
        console.print(citations_table(rec, knowledge.flow))
        text = console.export_text()
        assert sentence in text  # a sentence, not the condition's code
        assert ">=" not in text and "wants_treatment" not in text


def test_text_and_markdown_say_why_and_what_if(knowledge: Knowledge) -> None:
    from triage.output.render import to_json, to_markdown

    rec = recommend(knowledge, "holbaek", answers(anonymous=True, seeks_medical_treatment=True), CONTACT, "en")
    md = to_markdown(rec, knowledge.flow)
    assert "_Because: anonymous: yes, medical treatment: yes (and: " in md
    alternative = "- **Without anonymity**\n  - Service level: Outpatient treatment (SEL § 101)"
    assert f"## If one answer changes\n\n{alternative}" in md
    data = to_json(rec)
    assert list(data)[:11] == [
        "municipality", "standard", "service_level", "offers", "notifications", "next_steps", "deadlines",
        "warnings", "citations", "because", "alternatives",
    ]  # fmt: skip
    assert data["because"]["service_level"]["anonymous"] is True
    assert data["alternatives"] == [
        {"if": {"anonymous": False}, "service_level": "outpatient",
         "offers": ["doctor_consultation", "medical_treatment"], "notifications": [],
         "deadlines": {"treatment_start": "2026-12-08"}}
    ]  # fmt: skip
