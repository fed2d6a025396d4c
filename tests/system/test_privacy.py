"""The privacy promises of the README, each proved here (the prompts' share is in test_ask.py).

1. No network, ever.  2. Nothing written unless the counsellor exports.  3. Exports are
0600 and never replace a file without a yes.  4. No question can identify the caller.
"""

from __future__ import annotations

import json
import os
import socket
import stat
import subprocess
import sys
import tomllib
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT
from tests.netguard.guard import NetworkGuard, NetworkUsed
from tests.privacy import Sandbox
from tests.system.test_bad_input import GOOD
from triage.cli.main import main
from triage.output.export import write_private

KINDS = {"bool", "int", "choice", "multi"}  # none of them lets anyone type a name
# Words that ask for who someone is. Danish words are matched inside compounds (fornavn,
# bopælsadresse); the English ones too (surname, e-mail address).
NAME_WORDS = ("navn", "name", "cpr", "personnummer", "social security", "fødsels", "birth", "telefon", "phone")
CONTACT_WORDS = ("mail", "postnummer", "postcode", "zip code")
ADDRESS_WORDS = ("adresse", "address", "bopæl")
MUNICIPALITY_WORDS = ("kommune", "municipality")
MAX_NUMBER = 150  # an age fits; a CPR number, a phone number or a postcode does not


def identifying(question: dict[str, Any]) -> list[str]:
    """Why a question (as written in flows/intake.toml) could identify the caller; empty if it cannot."""
    qid = question.get("id", "?")
    found: list[str] = []
    kind = question.get("kind")
    if kind not in KINDS:
        found.append(f"{qid}: kind {kind!r} is not one of {sorted(KINDS)}: it could take free text")
    if kind == "int" and not (isinstance(question.get("max"), int) and question["max"] <= MAX_NUMBER):
        found.append(f"{qid}: a number without a maximum of at most {MAX_NUMBER} could hold a CPR or phone number")
    labels = question.get("label", {})
    for lang, label in labels.items() if isinstance(labels, dict) else []:
        text = str(label).lower()
        for word in (*NAME_WORDS, *CONTACT_WORDS):
            if word in text:
                found.append(f"{qid}: the {lang} label asks for '{word}'")
        about_municipality = any(w in text for w in MUNICIPALITY_WORDS)
        for word in ADDRESS_WORDS:
            if word in text and not about_municipality:
                found.append(f"{qid}: the {lang} label asks for an address ('{word}'), not for a municipality")
    return found


def flow_questions() -> list[dict[str, Any]]:
    with (ROOT / "flows" / "intake.toml").open("rb") as f:
        questions: list[dict[str, Any]] = tomllib.load(f)["questions"]
    return questions


# --- 4. no identifying questions ---------------------------------------------------------


def test_no_question_of_the_flow_can_identify_the_caller() -> None:
    questions = flow_questions()
    assert len(questions) >= 13
    assert [p for q in questions for p in identifying(q)] == []


def test_the_loaded_flow_has_only_closed_kinds(knowledge: Any) -> None:
    assert {q.kind for q in knowledge.flow.questions} <= KINDS
    assert all(q.maximum is not None and q.maximum <= MAX_NUMBER for q in knowledge.flow.questions if q.kind == "int")


LABEL = {"da": "Hvad er dit navn?", "en": "What is your name?"}


@pytest.mark.parametrize(
    ("question", "reason"),
    [
        ({"id": "notes", "kind": "text", "label": {"da": "Noter", "en": "Notes"}}, "free text"),
        ({"id": "who", "kind": "choice", "label": LABEL}, "'navn'"),
        ({"id": "cpr", "kind": "int", "min": 0, "max": 9999999999, "label": {"da": "Alder", "en": "Age"}}, "CPR"),
        ({"id": "n", "kind": "int", "label": {"da": "Antal", "en": "Number"}}, "without a maximum"),
        ({"id": "id", "kind": "bool", "label": {"da": "Har du et CPR-nummer?", "en": "Has a CPR?"}}, "'cpr'"),
        ({"id": "a", "kind": "bool", "label": {"da": "Bor du på adressen?", "en": "At the address?"}}, "address"),
        ({"id": "s", "kind": "bool", "label": {"da": "Fornavn kendt?", "en": "Surname known?"}}, "'name'"),
        ({"id": "t", "kind": "bool", "label": {"da": "Telefon?", "en": "Phone number?"}}, "'telefon'"),
        ({"id": "m", "kind": "bool", "label": {"da": "E-mail?", "en": "E-mail?"}}, "'mail'"),
        ({"id": "b", "kind": "int", "max": 99, "label": {"da": "Fødselsår?", "en": "Birth year?"}}, "'fødsels'"),
    ],
    ids=[
        "free-text",
        "name",
        "cpr-sized-number",
        "unbounded-number",
        "cpr-word",
        "address",
        "compound-name",
        "phone",
        "email",
        "birth",
    ],
)
def test_the_check_catches_an_identifying_question(question: dict[str, Any], reason: str) -> None:
    problems = identifying(question)
    assert problems and any(reason in p for p in problems), problems


def test_the_residence_question_may_name_the_address_because_it_asks_for_the_municipality() -> None:
    resident = next(q for q in flow_questions() if q["id"] == "resident")
    assert "adresse" in resident["label"]["da"] and identifying(resident) == []


# --- 1. no network -------------------------------------------------------------------------


def test_the_guard_stops_and_records_network_use(no_network: NetworkGuard) -> None:
    with pytest.raises(NetworkUsed):
        socket.create_connection(("127.0.0.1", 9))
    with pytest.raises(NetworkUsed):
        socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    with pytest.raises(OSError):  # urllib wraps the refusal of the DNS lookup
        urllib.request.urlopen("http://example.invalid/", timeout=1)
    a, b = socket.socketpair()  # an event loop's wake-up pipe is local, and allowed
    a.close()
    b.close()
    assert len(no_network.attempts) == 3


def test_recommend_in_every_format_uses_no_network_and_writes_nothing(
    no_network: NetworkGuard, sandbox: Sandbox, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    answers = tmp_path / "in" / "answers.json"  # outside the sandbox
    answers.parent.mkdir()
    answers.write_text(json.dumps(GOOD), encoding="utf-8")
    inputs = [str(answers), str(ROOT / "examples" / "holbaek-youth.toml")]
    for path in inputs:
        for fmt in ("json", "text", "markdown"):
            assert main(["recommend", "--answers", path, "--format", fmt]) == 0
            assert main(["recommend", "--answers", path, "--format", fmt, "--lang", "en"]) == 0
    assert main(["check"]) in (0, 1)
    assert "service_level" in capsys.readouterr().out
    assert no_network.attempts == []
    assert sandbox.written() == []


def test_recommend_as_a_real_process_uses_no_network_and_writes_nothing(sandbox: Sandbox) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "triage", "recommend", "--answers", "-", "--format", "markdown"],
        input=json.dumps(GOOD),
        capture_output=True,
        text=True,
        env=sandbox.child_env(),
        cwd=sandbox.cwd,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert sandbox.network_attempts() == [] and sandbox.written() == []


def test_the_child_guard_records_what_a_child_tries(sandbox: Sandbox) -> None:
    """The guard preloaded into child processes does catch a connection attempt."""
    code = "import socket\ntry:\n    socket.create_connection(('127.0.0.1', 9))\nexcept OSError:\n    pass\n"
    subprocess.run([sys.executable, "-c", code], env=sandbox.child_env(), cwd=sandbox.cwd, check=True)
    assert sandbox.network_attempts() == ["create_connection(('127.0.0.1', 9),)"]


# --- 2. nothing written unasked ----------------------------------------------------------


def test_the_sandbox_sees_what_is_written(sandbox: Sandbox) -> None:
    """The listing can fail: a stray file in HOME, the cache or TMPDIR shows up."""
    import tempfile

    (sandbox.folder("XDG_CACHE_HOME") / "triage").mkdir()
    with tempfile.NamedTemporaryFile(delete=False) as f:
        f.write(b"x")
    Path(os.environ["HOME"], ".triage").write_text("ishoj", encoding="utf-8")
    assert sandbox.written() == ["cache/triage", "home/.triage", f"tmp/{Path(f.name).name}"]


# --- 3. exports: 0600, never over a file without a yes -------------------------------------


def test_an_export_is_readable_by_its_owner_only_whatever_the_umask(tmp_path: Path) -> None:
    old = os.umask(0)
    try:
        path = write_private(tmp_path / "case.md", "# x\n")
    finally:
        os.umask(old)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_an_export_refuses_to_overwrite_unless_confirmed(tmp_path: Path) -> None:
    path = tmp_path / "case.md"
    path.write_text("earlier\n", encoding="utf-8")
    path.chmod(0o644)
    with pytest.raises(FileExistsError):
        write_private(path, "new\n")
    assert path.read_text(encoding="utf-8") == "earlier\n"
    write_private(path, "new\n", overwrite=True)
    assert path.read_text(encoding="utf-8") == "new\n" and stat.S_IMODE(path.stat().st_mode) == 0o600
