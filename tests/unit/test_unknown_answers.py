"""Contract v3's "ved ikke" (issue 19): children at home, a pregnancy, which substances and a
psychiatric disorder may be not known. Read by the one parser from an answers file (TOML or
JSON), never read as "no" (nor as alcohol only), and answered with a warning and a step to
find out; shown as "ved ikke" on the sources screen and in the answers."""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import answers
from triage.cli.main import main
from triage.output.condition_text import condition_sentence
from triage.output.render import format_answer
from triage.rules.engine import decide
from triage.rules.model import UNKNOWN, Answer, Knowledge, Question
from triage.rules.parsing import BadAnswer, parse_answer
from triage.verify.check import conversations, domains_for


def question(knowledge: Knowledge, qid: str) -> Question:
    q = knowledge.flow.question(qid)
    assert q is not None
    return q


# --- the parser ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("qid", "raw", "read"),
    [
        ("children_at_home", "unknown", UNKNOWN),
        ("psychiatric_disorder", "unknown", UNKNOWN),
        ("pregnancy", "unknown", "unknown"),
        ("substances", ["unknown"], ("unknown",)),
        ("substances", ["alcohol", "unknown"], ("alcohol", "unknown")),
    ],
)
def test_unknown_is_read_where_the_flow_takes_it(knowledge: Knowledge, qid: str, raw: Any, read: Answer) -> None:
    assert parse_answer(question(knowledge, qid), raw, "en") == read


@pytest.mark.parametrize("raw", ["Unknown", "ved ikke", "yes", None, 1])
def test_a_yes_no_that_may_be_unknown_names_unknown_when_it_refuses(knowledge: Knowledge, raw: object) -> None:
    with pytest.raises(BadAnswer) as refused:
        parse_answer(question(knowledge, "children_at_home"), raw, "en")
    assert str(refused.value).startswith("expected true or false or 'unknown', got ")


def test_a_yes_no_without_ved_ikke_refuses_it(knowledge: Knowledge) -> None:
    with pytest.raises(BadAnswer) as refused:
        parse_answer(question(knowledge, "complex_needs"), "unknown", "da")
    assert str(refused.value) == "forventede true eller false, fik 'unknown'"


# --- answers files and recommend --format json ----------------------------------------------

DATE = "2026-11-24"


def recommend(tmp_path: Path, municipality: str, given: dict[str, Any], suffix: str = ".json") -> dict[str, Any]:
    path = tmp_path / f"answers{suffix}"
    data = {"municipality": municipality, "contact_date": DATE, **given}
    if suffix == ".json":
        path.write_text(json.dumps(data), encoding="utf-8")
    else:
        lines = [f"{k} = {json.dumps(v)}" if k != "contact_date" else f"{k} = {v}" for k, v in data.items()]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        code = main(["recommend", "--answers", str(path), "--format", "json", "--lang", "en"])
    assert code == 0
    result: dict[str, Any] = json.loads(buffer.getvalue())
    return result


def ids(items: list[dict[str, Any]]) -> list[str]:
    return [i["id"] for i in items]


RELATIVE = {"acute_danger": False, "caller": "relative", "caller_under_18": False, "resident": True, "age": 34}


@pytest.mark.parametrize("suffix", [".toml", ".json"])
def test_children_not_known_on_a_relatives_call(tmp_path: Path, suffix: str) -> None:
    rec = recommend(tmp_path, "holbaek", {**RELATIVE, "children_at_home": "unknown", "pregnancy": "none"}, suffix)
    assert rec["service_level"] == "relative_counselling"
    assert rec["notifications"] == []  # not a yes: nobody to notify about yet
    assert any(w.startswith("It is not known whether children under 18 live with the person") for w in rec["warnings"])
    assert "children_find_out" in ids(rec["next_steps"])
    cited = [c.get("law") for c in rec["citations"] if c["item"] == "next_step:children_find_out"]
    assert cited == ["Barnets lov § 133"]


def test_a_pregnancy_not_known(tmp_path: Path) -> None:
    given = {**answers(age=24), "pregnancy": "unknown"}
    given["substances"] = list(given["substances"])
    rec = recommend(tmp_path, "faxe", given)
    assert rec["service_level"] == "outpatient"
    assert "child_welfare" not in [n["to"] for n in rec["notifications"]]
    assert any(w.startswith("It is not known whether the person or their partner is pregnant") for w in rec["warnings"])
    assert "pregnancy_find_out" in ids(rec["next_steps"])


@pytest.mark.parametrize("substances", [["unknown"], ["alcohol", "unknown"]])
def test_substances_not_known_are_never_alcohol_only(tmp_path: Path, substances: list[str]) -> None:
    given = {**answers(age=40), "substances": substances}
    rec = recommend(tmp_path, "ishoj", given)
    assert rec["service_level"] == "outpatient"  # the drug standard, not an alcohol referral (SUL § 141)
    assert rec["deadlines"]["treatment_start"] == "2026-12-08"


def test_a_psychiatric_disorder_not_known_is_found_out_before_the_plan(tmp_path: Path) -> None:
    given = {**answers(age=40), "psychiatric_disorder": "unknown"}
    given["substances"] = list(given["substances"])
    rec = recommend(tmp_path, "faxe", given)
    assert rec["service_level"] == "outpatient"
    assert "integrated_treatment" not in rec["offers"]  # not known is not yes either
    step = next(s for s in rec["next_steps"] if s["id"] == "psychiatric_find_out")
    assert step["due"] == "2026-12-08" == rec["deadlines"]["treatment_plan"]  # before the plan (a Tuesday)
    cited = [c for c in rec["citations"] if c["item"] == "next_step:psychiatric_find_out"]
    assert [c.get("law") for c in cited] == ["SUL § 82 c"]


def test_acute_danger_with_the_family_not_known(tmp_path: Path) -> None:
    rec = recommend(tmp_path, "gentofte", {"acute_danger": True, "children_at_home": "unknown", "pregnancy": "unknown"})
    assert rec["service_level"] == "emergency"
    step = next(s for s in rec["next_steps"] if s["id"] == "family_not_known_acute")
    assert step["due"] == DATE
    assert {"children_find_out", "pregnancy_find_out"}.isdisjoint(ids(rec["next_steps"]))


def test_a_professional_without_consent_is_asked_to_find_out(tmp_path: Path) -> None:
    given = {"acute_danger": False, "caller": "professional", "citizen_consents": False, "resident": True,
             "age": 30, "children_at_home": "unknown", "pregnancy": "none"}  # fmt: skip
    rec = recommend(tmp_path, "vallensbaek", given)
    assert rec["service_level"] == "professional_counselling"
    assert rec["notifications"] == []
    assert "family_not_known_professional" in ids(rec["next_steps"])
    assert "children_find_out" not in ids(rec["next_steps"])  # the centre cannot ask a citizen it does not know


def test_the_person_cannot_answer_children_not_known(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "self.toml"
    given = {**answers(), "children_at_home": "unknown"}
    lines = [f"{k} = {json.dumps(list(v) if isinstance(v, tuple) else v)}" for k, v in given.items()]
    path.write_text('municipality = "holbaek"\n' + "\n".join(lines) + "\n", encoding="utf-8")
    assert main(["recommend", "--answers", str(path), "--lang", "en"]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1
    assert err.startswith(f"{path}:") and ": children_at_home: 'unknown' is not an answer here" in err


# --- every conversation: not known is never read as no --------------------------------------


@pytest.mark.slow  # about 10 s each: a third of the proof's classes of every municipality
@pytest.mark.parametrize(
    ("qid", "warning"), [("children_at_home", "children_not_known"), ("pregnancy", "pregnancy_not_known")]
)
def test_every_conversation_with_the_family_not_known_warns_and_finds_out(
    knowledge: Knowledge, qid: str, warning: str
) -> None:
    """Over the proof's classes, in every municipality: a warning, and a step to find out."""
    finding_out = {"family_not_known_acute", "family_not_known_professional", f"{qid.split('_')[0]}_find_out"}
    for muni in knowledge.municipalities.values():
        domains = {**domains_for(knowledge, muni), qid: [UNKNOWN]}
        n = 0
        for given in conversations(knowledge.flow, domains, knowledge.law):
            if given.get(qid) != UNKNOWN:
                continue
            n += 1
            others = {r.id for r in decide(knowledge.flow, muni, {**given, "municipality": muni.id}).others}
            assert warning in others, given
            assert others & finding_out, given
        assert n > 0


# --- in words -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("condition", "da"),
    [
        ("children_at_home == 'unknown'", "børn i hjemmet: ved ikke"),
        ("psychiatric_disorder == 'unknown'", "psykisk lidelse: ved ikke"),
        ("pregnancy == 'unknown'", "graviditet: Ved ikke"),
        ("'unknown' in substances", "rusmidler omfatter Ved ikke (hvilke)"),
    ],
)
def test_the_sources_screen_reads_unknown_as_ved_ikke(knowledge: Knowledge, condition: str, da: str) -> None:
    assert condition_sentence(condition, knowledge.flow, "da") == da


def test_an_answer_not_known_reads_ved_ikke(knowledge: Knowledge) -> None:
    for qid in ("children_at_home", "psychiatric_disorder", "age"):
        assert format_answer(question(knowledge, qid), UNKNOWN, "da") == "Ved ikke"
    assert format_answer(question(knowledge, "pregnancy"), "unknown", "da") == "Ved ikke"
    assert (
        format_answer(question(knowledge, "substances"), ("alcohol", "unknown"), "da", short=True)
        == "Alkohol, Ved ikke"
    )


def test_a_ved_ikke_the_changed_answers_no_longer_allow_is_asked_again(knowledge: Knowledge) -> None:
    """A relative did not know about the children; then the caller turns out to be the person:
    the "ved ikke" falls away and the question is asked again (the wizard soak found it held)."""
    from triage.rules.engine import prune

    relative = {**RELATIVE, "children_at_home": UNKNOWN, "pregnancy": "unknown"}
    assert prune(knowledge.flow, relative) == relative
    now = prune(knowledge.flow, {**relative, "caller": "self"})
    assert "children_at_home" not in now
    assert now["pregnancy"] == "unknown"  # an option of its own: the person may not know either
