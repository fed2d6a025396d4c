"""The bad-input battery of `triage recommend`, generated from the flow so no answer key is left out.

For every question: wrong types, out-of-range values, unknown options and its absence;
then extra keys, the two meta keys, and broken files (encodings, empty, oversize, JSON and
TOML syntax). Each must give exactly one line on stderr, naming the file (and the key,
where there is one), exit code 2, nothing on stdout and no traceback.

The hand-picked cases of ``tests/system/test_bad_input.py`` (run as real processes) are not
repeated here; these run in-process through ``triage.cli.main.main``, a representative few also
as real processes (``tests/system/test_bad_input_battery_processes.py``).
``test_the_battery_covers_every_key`` counts and lists them.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from tests.conftest import ROOT
from tests.system.test_bad_input import CASES, GOOD
from triage.cli import main as cli
from triage.data.loader import load
from triage.rules.model import Knowledge, Question

SHIPPED = load(ROOT)
FLOW = SHIPPED.flow
MINOR = {**GOOD, "age": 16, "parental_consent": "yes"}  # the base in which parental_consent is asked

WRONG_TYPES: dict[str, list[Any]] = {
    "bool": ["yes", 1, "true", None, ["true"]],
    "int": ["forty", "40", 40.5, True, None, [40]],
    "choice": [1, True, None, ["self"], {"self": True}],
    "multi": ["cannabis", None, 1, {"cannabis": True}, ["cannabis", 1]],
}
EXTRA_KEYS: dict[str, Any] = {
    "name": "Jens Jensen",
    "cpr": "010203-1234",
    "address": "Torvet 1",
    "notes": "free text",
    "Age": 40,
    "substance": ["cannabis"],
    "acute-danger": False,
}


LOCATED = {"wrong_type", "out_of_range", "unknown_option", "extra_key"}


@dataclass(frozen=True)
class Bad:
    id: str
    category: str
    name: str  # file name: decides JSON or TOML
    content: bytes
    key: str  # what the message must name ("" for a whole-file problem)
    message: str  # a part of the expected message


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return json.dumps(value)
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{k} = {_toml_value(v)}" for k, v in value.items()) + " }"
    return str(value)


def as_toml(data: dict[str, Any]) -> bytes:
    return "".join(f"{k} = {_toml_value(v)}\n" for k, v in data.items()).encode()


def as_json(data: dict[str, Any]) -> bytes:
    return json.dumps(data, indent=1, ensure_ascii=False).encode()


def base_for(q: Question) -> dict[str, Any]:
    return MINOR if q.id == "parental_consent" else GOOD


def _already_in_test_bad_input() -> set[str]:
    """The (key, value) changes the subprocess cases already try, to skip them here."""
    done = set()
    for _, content, _ in CASES:
        data = json.loads(content)
        for key in set(GOOD) | set(data):
            if data.get(key, "<missing>") != GOOD.get(key, "<missing>"):
                done.add(f"{key}={json.dumps(data.get(key, '<missing>'))}")
    return done


def battery() -> list[Bad]:
    skip = _already_in_test_bad_input()
    cases: list[Bad] = []

    def value_case(category: str, q: Question, value: Any, message: str) -> None:
        change = f"{q.id}={json.dumps(value)}"
        data = {**base_for(q), q.id: value}
        if change not in skip:  # the JSON form is already run as a process by test_bad_input
            cases.append(Bad(f"{category}:{change}", category, "answers.json", as_json(data), q.id, message))
        if value is not None and not (isinstance(value, list) and None in value):  # TOML has no null
            toml = as_toml(data)
            cases.append(Bad(f"{category}:{change}:toml", category, "answers.toml", toml, q.id, message))

    for q in FLOW.questions:
        for value in WRONG_TYPES[q.kind]:
            value_case("wrong_type", q, value, "expected")
        if q.kind == "int":
            for value in (q.minimum - 1, q.maximum + 1, 10**30):  # type: ignore[operator]
                value_case("out_of_range", q, value, "out of range")
        if q.kind == "multi":
            value_case("out_of_range", q, [], "choose at least")
            value_case("out_of_range", q, [q.options[0].value] * 2, "listed twice")
        if q.kind in ("choice", "multi"):
            first = q.options[0].value
            for typo in (first + "x", first.upper(), "", "not-an-option"):
                value_case("unknown_option", q, typo if q.kind == "choice" else [typo], "is not an option")
        if q.default is not None:  # contract: a question with a default may be left out of a file
            continue
        base = base_for(q)
        missing = {k: v for k, v in base.items() if k != q.id}
        if f'{q.id}="<missing>"' not in skip:
            cases.append(Bad(f"missing:{q.id}", "missing", "answers.json", as_json(missing), q.id, "missing answer"))
        cases.append(Bad(f"missing:{q.id}:toml", "missing", "answers.toml", as_toml(missing), q.id, "missing answer"))

    for key, value in EXTRA_KEYS.items():
        data = {**GOOD, key: value}
        cases.append(Bad(f"extra:{key}", "extra_key", "answers.json", as_json(data), key, "unknown answer"))
        cases.append(Bad(f"extra:{key}:toml", "extra_key", "answers.toml", as_toml(data), key, "unknown answer"))

    no_municipality = {k: v for k, v in GOOD.items() if k != "municipality"}
    meta = [
        ("municipality", no_municipality, "missing answer"),
        ("municipality", {**GOOD, "municipality": 7}, "unknown municipality"),
        ("municipality", {**GOOD, "municipality": "Holbaek"}, "did you mean 'holbaek'"),
        ("municipality", {**GOOD, "municipality": ["holbaek"]}, "unknown municipality"),
        ("contact_date", {**GOOD, "contact_date": "2026-13-01"}, "expected a date"),
        ("contact_date", {**GOOD, "contact_date": 20261124}, "expected a date"),
        ("contact_date", {**GOOD, "contact_date": "2026-11-24T10:00"}, "expected a date"),
    ]
    for i, (key, data, message) in enumerate(meta):
        cases.append(Bad(f"meta:{key}:{i}", "meta", "answers.json", as_json(data), key, message))
    toml_date = as_toml(GOOD).replace(b'contact_date = "2026-11-24"', b"contact_date = 2026-11-24T10:00:00")
    cases.append(Bad("meta:contact_date:toml-datetime", "meta", "answers.toml", toml_date, "contact_date", "a date"))

    good_json = as_json(GOOD)
    files = [
        ("non_utf8", "utf16.json", b"\xff\xfe" + good_json.decode().encode("utf-16-le"), "not UTF-8"),
        ("non_utf8", "latin1.json", good_json.replace(b"holbaek", "holbæk".encode("latin-1")), "not UTF-8"),
        ("non_utf8", "binary.toml", bytes(range(256)), "not UTF-8"),
        ("empty", "empty.json", b"", "file is empty"),
        ("empty", "blank.toml", b"  \n\t\n", "file is empty"),
        ("too_large", "huge.json", b'{"municipality": "' + b"x" * (10 * 1024 * 1024) + b'"}', "too large"),
        ("too_large", "just-over.toml", b"#" * (1024 * 1024 + 1), "too large"),
        ("json_syntax", "comma.json", good_json[:-2] + b",\n}", "not valid JSON"),
        ("json_syntax", "quotes.json", b"{'municipality': 'holbaek'}", "not valid JSON"),
        ("json_syntax", "unclosed.json", good_json[:-2], "not valid JSON"),
        ("json_syntax", "deep.json", b"[" * 100_000, "not valid JSON"),
        ("json_syntax", "twice.json", good_json[:-2] + b',\n "age": 41\n}', "given twice"),
        ("json_syntax", "string.json", b'"holbaek"', "expected a JSON object"),
        ("toml_syntax", "twice.toml", as_toml(GOOD) + b"age = 41\n", "not valid TOML"),
        ("toml_syntax", "unclosed.toml", b'municipality = "holbaek\n', "not valid TOML"),
        ("toml_syntax", "bare.toml", b"municipality = holbaek\n", "not valid TOML"),
        ("toml_syntax", "json-in.toml", good_json, "not valid TOML"),
        # hostile structure: what the parsers cannot take (Python's recursion and digit limits)
        (
            "hostile",
            "deep-array.toml",
            b'municipality = "holbaek"\nage = ' + b"[" * 500 + b"]" * 500,
            "nested too deeply",
        ),
        (
            "hostile",
            "deep-table.toml",
            b'municipality = "holbaek"\nage = ' + b"{a=" * 500 + b"1" + b"}" * 500,
            "nested too",
        ),
        ("hostile", "endless-array.toml", b"age = " + b"[" * 200_000, "nested too deeply"),
        ("hostile", "digits.toml", as_toml(GOOD).replace(b"age = 40", b"age = 1" + b"0" * 5000), "too many digits"),
        ("hostile", "digits.json", good_json.replace(b'"age": 40', b'"age": 1' + b"0" * 5000), "too many digits"),
        ("hostile", "digits-key.json", b'{"municipality": 1' + b"0" * 5000 + b"}", "too many digits"),
    ]
    for category, name, content, message in files:
        cases.append(Bad(f"file:{name}", category, name, content, "", message))
    return cases


BATTERY = battery()
# Run also as real processes: one of each kind of path through the code.
AS_PROCESS = {
    'wrong_type:resident="yes":toml',
    "out_of_range:age=121",
    'unknown_option:pregnancy="nonex"',
    "missing:children_at_home:toml",
    "extra:cpr",
    "meta:contact_date:toml-datetime",
    "file:utf16.json",
    "file:deep.json",
    "file:twice.json",
    "file:huge.json",
    "file:deep-array.toml",
    "file:digits.toml",
}


# The same messages with --lang da (the default): each English part expected above, in Danish.
# What the JSON and TOML parsers themselves say ("nested too deeply") is theirs, and stays English.
DANISH = {
    "expected a date": "forventede en dato",
    "a date": "en dato",
    "expected a JSON object": "forventede et JSON-objekt",
    "expected": "forventede",
    "out of range": "uden for intervallet",
    "choose at least": "vælg mindst",
    "listed twice": "står der to gange",
    "is not an option": "er ikke en mulighed",
    "missing answer": "mangler svar",
    "unknown answer": "ukendt svar",
    "unknown municipality": "ukendt kommune",
    "did you mean 'holbaek'": "mente du 'holbaek'",
    "not UTF-8": "ikke UTF-8",
    "file is empty": "filen er tom",
    "too large": "for stor",
    "not valid JSON": "ikke gyldig JSON",
    "given twice": "givet to gange",
    "not valid TOML": "ikke gyldig TOML",
}


def check_one_line(case: Bad, path: Path, code: int, out: str, err: str, lang: str = "en") -> None:
    assert code == 2, (case.id, err)
    assert out == ""
    assert "Traceback" not in err
    lines = err.splitlines()
    assert len(lines) == 1 and err.endswith("\n"), err
    line = lines[0]
    assert line.startswith(str(path)), line
    assert (case.message if lang == "en" else DANISH.get(case.message, case.message)) in line, line
    if case.key:
        assert f" {case.key}:" in line, line
    if case.category in LOCATED:  # the key stands in the file: say on which line
        assert re.match(re.escape(str(path)) + r":\d+(:\d+)?: ", line), line


@pytest.fixture
def loaded(knowledge: Knowledge, monkeypatch: pytest.MonkeyPatch) -> None:
    """Load the data once for the whole battery: what is under test is the answers file."""
    monkeypatch.setattr(cli, "load_knowledge", lambda data: knowledge)


@pytest.mark.usefixtures("loaded")
@pytest.mark.parametrize("case", BATTERY, ids=[c.id for c in BATTERY])
def test_bad_input_in_process(case: Bad, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / case.name
    path.write_bytes(case.content)
    code = cli.main(["recommend", "--answers", str(path), "--lang", "en"])
    captured = capsys.readouterr()
    check_one_line(case, path, code, captured.out, captured.err)


@pytest.mark.usefixtures("loaded")
@pytest.mark.parametrize("case", BATTERY, ids=[c.id for c in BATTERY])
def test_bad_input_in_danish(case: Bad, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Issue 17: the answers file's messages follow --lang (Danish by default), as the wizard's and ask's do."""
    path = tmp_path / case.name
    path.write_bytes(case.content)
    code = cli.main(["recommend", "--answers", str(path)])
    captured = capsys.readouterr()
    check_one_line(case, path, code, captured.out, captured.err, "da")


def test_the_battery_covers_every_key() -> None:
    """Counted and listed: every question has wrong types and its absence; ranges and options where they exist."""
    assert len({c.id for c in BATTERY}) == len(BATTERY)
    assert {c.id for c in BATTERY} >= AS_PROCESS
    by_category = Counter(c.category for c in BATTERY)
    keys = {category: {c.key for c in BATTERY if c.category == category} for category in by_category}
    questions = {q.id for q in FLOW.questions}
    assert keys["wrong_type"] == questions
    assert keys["missing"] == {q.id for q in FLOW.questions if q.default is None}
    assert keys["out_of_range"] == {q.id for q in FLOW.questions if q.kind in ("int", "multi")}
    assert keys["unknown_option"] == {q.id for q in FLOW.questions if q.kind in ("choice", "multi")}
    assert set(EXTRA_KEYS) <= keys["extra_key"]
    for category in ("non_utf8", "empty", "too_large", "json_syntax", "toml_syntax", "hostile"):
        assert by_category[category] >= 2, category
    assert len(BATTERY) >= 15 * len(questions)  # a floor, so a generator that stops generating fails


def test_a_folder_is_not_an_answers_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["recommend", "--answers", str(tmp_path), "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert err == f"{tmp_path}: cannot read file (Is a directory)\n"


# --- generated answers files: whatever is in them, exit 0 with a result or 2 with one line --

SCALARS = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8)
JUNK = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner, max_size=2),
    max_leaves=5,
)


def _valid(q: Question) -> st.SearchStrategy[Any]:
    options = [o.value for o in q.options]
    if q.kind == "bool":
        return st.booleans()
    if q.kind == "int":
        return st.integers(q.minimum or 0, q.maximum or 0)
    if q.kind == "choice":
        return st.sampled_from(options)
    return st.lists(st.sampled_from(options), min_size=1, unique=True)


ANSWERS_FILES = st.fixed_dictionaries(
    {"municipality": st.sampled_from(list(SHIPPED.municipalities)) | JUNK},
    optional={
        **{q.id: _valid(q) | JUNK for q in FLOW.questions},
        "contact_date": st.dates().map(str) | JUNK,
        "name": JUNK,
    },
)


@pytest.mark.usefixtures("loaded")
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=ANSWERS_FILES, toml=st.booleans())
def test_any_answers_file_gives_a_result_or_one_line(
    data: dict[str, Any], toml: bool, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    content = as_toml(data) if toml else as_json(data)
    path = tmp_path / ("answers.toml" if toml else "answers.json")
    path.write_bytes(content)
    code = cli.main(["recommend", "--answers", str(path)])
    out, err = capsys.readouterr()
    assert code in (0, 2), err
    event(f"exit {code}")
    if code == 2:
        assert out == "" and len(err.splitlines()) == 1 and err.startswith(str(path)), err
    else:
        assert json.loads(out)["service_level"]
