"""The call's state without a screen: answers kept, dropped and taken back as the flow says."""

from __future__ import annotations

import datetime
import shutil
from pathlib import Path

from tests.conftest import ROOT, answers
from triage.data.loader import load
from triage.rules.engine import prune
from triage.rules.model import Knowledge
from triage.rules.session import Session

TODAY = datetime.date(2026, 11, 24)


def complete_call(knowledge: Knowledge, **changes: object) -> Session:
    call = Session(knowledge, "da", TODAY, "holbaek")
    for qid, value in answers(**changes).items():
        call = call.answer(qid, value)
    return call


def test_prune_keeps_later_answers_beyond_a_new_gap(knowledge: Knowledge) -> None:
    given = answers()
    given["age"] = 16  # parental_consent now applies and is unanswered
    kept = prune(knowledge.flow, given)
    assert "parental_consent" not in kept
    assert kept["substances"] == ("cannabis",) and kept["pregnancy"] == "none"


def test_prune_drops_answers_whose_question_no_longer_applies(knowledge: Knowledge) -> None:
    kept = prune(knowledge.flow, answers(resident=False))
    assert "substances" not in kept and "anonymous" not in kept
    assert kept["age"] == 40 and kept["children_at_home"] is False


def test_a_complete_call_is_done_and_recommends(knowledge: Knowledge) -> None:
    call = complete_call(knowledge)
    assert call.done
    assert call.recommendation is not None and call.recommendation.level.id == "outpatient"


def test_reopen_then_back_restores_the_answer(knowledge: Knowledge) -> None:
    call = complete_call(knowledge).reopen("age")
    assert call.question is not None and call.question.id == "age"
    assert call.suggestion("age") == 40
    restored = call.back()
    assert restored.done and restored.answers["age"] == 40 and restored.editing is None


def test_back_takes_the_last_answer_back_as_a_suggestion(knowledge: Knowledge) -> None:
    call = complete_call(knowledge).back()
    assert call.question is not None and call.question.id == "pregnancy"
    assert call.suggestion("pregnancy") == "none"


def test_back_from_the_first_question_returns_to_the_picker(knowledge: Knowledge) -> None:
    call = Session(knowledge, "da", TODAY, "faxe").back()
    assert call.municipality is None and call.question is None


def test_a_gap_in_the_data_is_a_problem_not_an_empty_recommendation(tmp_path: Path) -> None:
    """Issue 17: with every question answered and no level in the data, the session says why
    (the panel shows it); mid-call, a missing level is only answers still to come."""
    data = tmp_path / "data"
    shutil.copytree(ROOT / "flows", data / "flows")
    text = (ROOT / "municipalities.toml").read_text(encoding="utf-8")
    (data / "municipalities.toml").write_text(
        text.replace('when = "age >= 26 and wants_treatment"', 'when = "age >= 27 and wants_treatment"', 1),
        encoding="utf-8",
    )
    gap = load(data)
    call = complete_call(gap, age=26)
    assert call.done and call.recommendation is None
    assert call.problem is not None and "no service level rule applies" in call.problem
    assert Session(gap, "da", TODAY, "holbaek").answer("acute_danger", False).problem is None
    assert complete_call(gap, age=40).problem is None
