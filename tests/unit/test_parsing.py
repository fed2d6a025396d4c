"""One parser per question (issue 17, point 4): typed, prompted or in a file, an answer is read
and bounded by ``triage.rules.parsing`` from the flow's own min/max, options and labels, and
refused in the language the counsellor chose."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import ROOT
from tests.system.test_bad_input import GOOD
from triage.cli.main import main
from triage.cli.prompt_input import typed_problem
from triage.data.loader import load
from triage.rules.model import Knowledge, Lang, Question
from triage.rules.parsing import BadAnswer, parse_answer, parse_typed

FLOW = load(ROOT).flow
NUMBERS = [q for q in FLOW.questions if q.kind == "int"]
MULTI = [q for q in FLOW.questions if q.kind == "multi"]


def accepted(q: Question, raw: object, typed: bool = False) -> bool:
    try:
        if typed:
            parse_typed(q, str(raw), "en")
        else:
            parse_answer(q, raw, "en")
    except BadAnswer:
        return False
    return True


@given(q=st.sampled_from(NUMBERS), n=st.integers(min_value=-(10**6), max_value=10**6))
def test_a_number_is_bounded_by_the_flow_alone_however_it_arrives(q: Question, n: int) -> None:
    """Before: the answers file took 0-120, ``ask`` six digits, the wizard 0-999 where no max was given."""
    assert q.minimum is not None and q.maximum is not None
    inside = q.minimum <= n <= q.maximum
    assert accepted(q, n) == accepted(q, n, typed=True) == inside
    assert (typed_problem(q, str(n), "en") is None) == inside


@given(q=st.sampled_from(MULTI), data=st.data())
def test_ticked_options_are_read_as_a_file_lists_them(q: Question, data: st.DataObject) -> None:
    values = [o.value for o in q.options]
    ticked = data.draw(st.lists(st.sampled_from(values), unique=True))
    assert accepted(q, ticked) == (len(ticked) >= q.min_selected)
    assert (typed_problem(q, ticked, "en") is None) == (len(ticked) >= q.min_selected)


@pytest.mark.parametrize("typed", ["١٦", "1_6", "+16", "16.0", "sixteen", "", "1" * 13])
def test_only_what_a_counsellor_types_as_a_number_is_one(knowledge: Knowledge, typed: str) -> None:
    age = knowledge.flow.question("age")
    assert age is not None
    with pytest.raises(BadAnswer) as refused:
        parse_typed(age, typed, "da")
    assert refused.value.reason == "wrong_type" and str(refused.value) == "Skriv et helt tal fra 0 til 120"


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("da", "130 er uden for intervallet (0-120)"), ("en", "130 is out of range (0-120)")],
)
def test_a_refusal_is_in_the_chosen_language(knowledge: Knowledge, lang: Lang, expected: str) -> None:
    age = knowledge.flow.question("age")
    assert age is not None
    for typed in (False, True):
        with pytest.raises(BadAnswer) as refused:
            parse_typed(age, "130", lang) if typed else parse_answer(age, 130, lang)
        assert str(refused.value) == expected and refused.value.reason == "out_of_range"


def recommend(tmp_path: Path, data: dict[str, object], capsys: pytest.CaptureFixture[str], *args: str) -> str:
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    code = main(["recommend", "--answers", str(path), *args])
    err = capsys.readouterr().err
    assert code == 2, err
    return err


def test_an_answers_file_is_refused_in_danish_by_default(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    err = recommend(tmp_path, {**GOOD, "age": 130}, capsys)
    assert err.endswith("age: 130 er uden for intervallet (0-120)\n"), err
    err = recommend(tmp_path, {**GOOD, "age": 130}, capsys, "--lang", "en")
    assert err.endswith("age: 130 is out of range (0-120)\n"), err


@pytest.mark.parametrize("lang", ["da", "en"])
def test_a_missing_answer_names_the_question_in_the_chosen_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], knowledge: Knowledge, lang: Lang
) -> None:
    """Before: the flow's English label, whatever --lang said."""
    age = knowledge.flow.question("age")
    assert age is not None
    err = recommend(tmp_path, {k: v for k, v in GOOD.items() if k != "age"}, capsys, "--lang", lang)
    assert f"({age.label.get(lang)})" in err, err


def test_a_warning_is_in_the_chosen_language(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "answers.json"
    path.write_text(json.dumps({**GOOD, "parental_consent": "yes"}), encoding="utf-8")
    assert main(["recommend", "--answers", str(path)]) == 0
    err = capsys.readouterr().err
    assert "advarsel:" in err and "parental_consent: spørges ikke ved disse svar; ignoreret" in err, err
    assert main(["recommend", "--answers", str(path), "--lang", "en"]) == 0
    assert "warning:" in capsys.readouterr().err


def test_an_unknown_municipality_is_said_in_danish(capsys: pytest.CaptureFixture[str]) -> None:
    """Before: ``--lang da --municipality holbak`` answered in English."""
    assert main(["--lang", "da", "--municipality", "holbak"]) == 2
    assert capsys.readouterr().err.startswith("--municipality: ukendt kommune 'holbak' (mente du 'holbaek'?)")
    assert main(["--lang", "en", "--municipality", "holbak"]) == 2
    assert capsys.readouterr().err.startswith("--municipality: unknown municipality 'holbak' (did you mean 'holbaek'?)")
