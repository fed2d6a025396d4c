"""``triage ask``: the pure conversation, the prompts through prompt_toolkit's pipe input,
and one whole call in a real pseudo-terminal."""

from __future__ import annotations

import io
import os
import re
import stat
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pexpect
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from prompt_toolkit.application import create_app_session
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput
from rich.console import Console

from tests.conftest import CONTACT, ROOT
from tests.netguard.guard import NetworkGuard
from tests.privacy import Sandbox
from triage.cli.ask import run_ask
from triage.cli.prompt_input import typed_problem
from triage.output.export import export_name
from triage.output.i18n import CATALOGUE
from triage.rules.engine import walk
from triage.rules.model import Answer, Knowledge, Lang, Question
from triage.rules.parsing import parse_typed
from triage.rules.session import Session

# One adult resident calling for themself about cannabis, asking for treatment, nothing else:
# every key of the call.
ADULT_KEYS = "nsy40\ryc\rnnnnnnn"
SAVE_NO = "n"
EXPORT = export_name("holbaek", CONTACT)


def ask(
    knowledge: Knowledge,
    keys: str,
    *,
    lang: Lang = "en",
    municipality: str | None = "holbaek",
) -> tuple[int, str]:
    """Run ``triage ask`` on typed keys. When the keys run out, input ends (like Ctrl+D)."""
    out = io.StringIO()
    console = Console(file=out, width=100, color_system=None)
    with create_pipe_input() as pipe, create_app_session(input=pipe, output=DummyOutput()):
        pipe.send_text(keys)
        pipe.close()
        code = run_ask(knowledge, lang=lang, contact_date=CONTACT, municipality=municipality, console=console)
    return code, out.getvalue()


def saved_answers(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    heading = "## Answers" if "## Answers" in text else "## Svar"
    return text[text.index(heading) :]


# --- the pure part ---------------------------------------------------------------------


def conversation(knowledge: Knowledge, municipality: str | None = None) -> Session:
    return Session(knowledge, "en", CONTACT, municipality, fixed_municipality=municipality is not None)


def test_asks_exactly_what_walk_asks(knowledge: Knowledge) -> None:
    conv = conversation(knowledge).choose("gentofte")
    values = {
        "acute_danger": False,
        "caller": "self",
        "resident": True,
        "age": 16,
        "wants_treatment": True,
        "parental_consent": "no",
    }
    for qid, value in values.items():
        assert conv.question is not None and conv.question.id == qid
        assert conv.question == walk(knowledge.flow, conv.answers).next
        conv = conv.answer(qid, value)
    assert conv.question is not None and conv.question.id == "substances"


def test_back_takes_back_the_last_answer_and_offers_it_again(knowledge: Knowledge) -> None:
    conv = conversation(knowledge, "holbaek").answer("acute_danger", False).answer("caller", "self")
    back = conv.back()
    assert back.question is not None and back.question.id == "caller"
    assert back.suggestion("caller") == "self" and "caller" not in back.answers
    assert back.back().question is not None and back.back().question.id == "acute_danger"  # type: ignore[union-attr]
    # answered again, the remembered value is no longer a default
    assert "caller" not in back.answer("caller", "relative").previous


def test_back_reopens_the_municipality_unless_it_was_given(knowledge: Knowledge) -> None:
    chosen = conversation(knowledge).choose("faxe")
    assert chosen.can_go_back and chosen.back().needs_municipality
    assert chosen.back().suggestion("municipality") == "faxe"
    given = conversation(knowledge, "faxe")
    assert not given.can_go_back and given.back() == given
    assert not conversation(knowledge).can_go_back


def test_changing_an_answer_drops_the_ones_that_no_longer_apply(knowledge: Knowledge) -> None:
    conv = conversation(knowledge, "holbaek")
    for qid, value in [("acute_danger", False), ("caller", "self"), ("resident", True), ("age", 16)]:
        conv = conv.answer(qid, value)
    conv = conv.answer("wants_treatment", True).answer("parental_consent", "yes").back().back().back()  # to age
    conv = conv.answer("age", 30)
    assert "parental_consent" not in conv.flow_state.answers
    assert conv.question is not None and conv.question.id == "wants_treatment"
    assert conv.suggestion("wants_treatment") is True  # taken back on the way, offered again
    conv = conv.answer("wants_treatment", True)
    assert "parental_consent" not in conv.flow_state.answers
    assert conv.question is not None and conv.question.id == "substances"


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("40", 40),
        (" 0 ", 0),
        ("120", 120),
        ("121", None),
        ("-1", None),
        ("4o", None),
        ("", None),
        ("--5", None),
        ("\u0661\u0666", None),  # Arabic-Indic digits: int() reads 16, a counsellor did not type it
        ("1_6", None),
        ("1" + "0" * 40, None),
    ],
)
def test_a_typed_age(knowledge: Knowledge, typed: str, expected: int | None) -> None:
    age = knowledge.flow.question("age")
    assert age is not None
    problem = typed_problem(age, typed, "en")
    assert (problem is None) == (expected is not None), problem
    if expected is not None:
        assert parse_typed(age, typed, "en") == expected


def test_every_prompt_string_is_in_the_catalogue() -> None:
    used: set[str] = set()
    for module in (ROOT / "triage" / "cli").glob("*.py"):
        used |= set(re.findall(r'\bt\(\s*"(ask_\w+)"', module.read_text(encoding="utf-8")))
    assert len(used) > 15
    assert used <= set(CATALOGUE), used - set(CATALOGUE)


# --- the prompts, through prompt_toolkit's pipe input -----------------------------------


def test_a_whole_call_in_english(knowledge: Knowledge, sandbox: Sandbox, no_network: NetworkGuard) -> None:
    code, out = ask(knowledge, ADULT_KEYS + SAVE_NO)
    assert code == 0
    assert "Outpatient treatment (SEL § 101)" in out
    assert "Say to the caller: »Before I ask about children" in out  # the suggested phrasing, before its question
    assert out.index("Say to the caller: »You can stay anonymous") < out.index("Question 8 of about")
    assert "Not saved." in out
    assert sandbox.written() == [] and no_network.attempts == []


def test_a_whole_call_in_danish_with_the_municipality_chosen(knowledge: Knowledge, sandbox: Sandbox) -> None:
    code, out = ask(knowledge, "1" + ADULT_KEYS.replace("y", "j") + "j\r", lang="da", municipality=None)
    assert code == 0
    assert "Ambulant behandling (SEL § 101)" in out and "Gemt, kun læsbar for dig (0600)" in out
    assert sandbox.written() == ["work/triage-holbaek-2026-11-24.md"]  # municipality 1 is Holbæk
    assert "Borgeren selv" in saved_answers(sandbox.cwd / EXPORT)


def test_back_from_parental_consent_to_age_keeps_nothing_stale(knowledge: Knowledge, sandbox: Sandbox) -> None:
    keys = "nsy16\ry<<\x1530\ryc\rnnnnnnny\r"  # from parental consent back over wants_treatment
    code, _ = ask(knowledge, keys)
    assert code == 0
    answers = saved_answers(sandbox.cwd / EXPORT)
    assert "30" in answers and "16" not in answers
    assert "parents" not in answers.lower()


def test_back_is_offered_on_the_summary_too(knowledge: Knowledge, sandbox: Sandbox) -> None:
    keys = ADULT_KEYS[:-1] + "g" + "<" + "n" + "y\r"  # pregnant, back, not pregnant, save
    code, out = ask(knowledge, keys)
    assert code == 0 and out.count("Question 13 of about 13") == 2
    assert "Prenatal care" in out  # the first summary
    assert "Prenatal" not in (sandbox.cwd / EXPORT).read_text(encoding="utf-8")


def test_a_number_outside_the_range_is_refused_at_the_prompt(knowledge: Knowledge) -> None:
    code, out = ask(knowledge, "nsy130\r\x1540\ryc\rnnnnnnn" + SAVE_NO)
    assert code == 0 and "Outpatient treatment" in out


def test_substances_need_at_least_one(knowledge: Knowledge) -> None:
    code, out = ask(knowledge, "nsy40\ry\rc\rnnnnnnn" + SAVE_NO)
    assert code == 0 and "Outpatient treatment" in out


def test_ctrl_c_asks_before_dropping_answers(knowledge: Knowledge, sandbox: Sandbox) -> None:
    code, out = ask(knowledge, "nsy\x03n40\ryc\rnnnnnnn" + SAVE_NO)
    assert code == 0 and "Carrying on." in out and "Outpatient treatment" in out
    code, out = ask(knowledge, "nsy\x03y")
    assert code == 130 and "Call stopped. Nothing was saved." in out
    code, out = ask(knowledge, "nsy\x03\x03")  # twice: the counsellor means it
    assert code == 130
    assert sandbox.written() == []


def test_ctrl_c_before_any_answer_stops_at_once(knowledge: Knowledge) -> None:
    code, out = ask(knowledge, "\x03n")
    assert code == 130 and "Carrying on" not in out


def test_an_existing_file_is_not_overwritten_without_yes(knowledge: Knowledge, sandbox: Sandbox) -> None:
    existing = sandbox.cwd / EXPORT
    existing.write_text("the counsellor's earlier notes\n", encoding="utf-8")
    existing.chmod(0o644)
    code, out = ask(knowledge, ADULT_KEYS + "y\rn\x15\r")  # save, default name, don't overwrite, no name
    assert code == 0 and "Not saved." in out
    assert existing.read_text(encoding="utf-8") == "the counsellor's earlier notes\n"
    code, out = ask(knowledge, ADULT_KEYS + "y\ry")  # this time: overwrite
    assert code == 0 and "Outpatient treatment" in existing.read_text(encoding="utf-8")
    assert stat.S_IMODE(existing.stat().st_mode) == 0o600


def test_a_folder_as_the_file_name_saves_inside_it(knowledge: Knowledge, sandbox: Sandbox) -> None:
    (sandbox.cwd / "cases").mkdir()
    code, _ = ask(knowledge, ADULT_KEYS + "y\x15cases\r")
    assert code == 0 and sandbox.written() == ["work/cases", f"work/cases/{EXPORT}"]
    assert stat.S_IMODE((sandbox.cwd / "cases" / EXPORT).stat().st_mode) == 0o600


# --- the command line --------------------------------------------------------------------


def test_without_a_terminal_it_points_to_recommend(sandbox: Sandbox) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "triage", "ask", "--lang", "en"],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        env=sandbox.child_env(),
        cwd=sandbox.cwd,
        check=False,
    )
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and "triage recommend" in result.stderr
    assert sandbox.written() == [] and sandbox.network_attempts() == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--date", "24-11-2026"], "--date: expected a date YYYY-MM-DD, got '24-11-2026'"),
        (["--municipality", "holbek"], "--municipality: unknown municipality 'holbek' (did you mean 'holbaek'?)"),
    ],
)
def test_bad_arguments_are_one_line(args: list[str], message: str, capsys: pytest.CaptureFixture[str]) -> None:
    from triage.cli.main import main

    assert main(["ask", "--lang", "en", *args]) == 2
    err = capsys.readouterr().err
    assert err.strip() == message or err.strip().startswith(message)
    assert err.count("\n") == 1


def test_a_whole_call_in_a_real_pseudo_terminal(sandbox: Sandbox) -> None:
    """As a new user would: a real pty, real keys, the summary saved; nothing else written, no network."""
    child = pexpect.spawn(
        sys.executable,
        ["-m", "triage", "ask", "--lang", "en", "--date", "2026-11-24"],
        # pexpect does not answer the cursor-position request a real terminal answers at once;
        # without PROMPT_TOOLKIT_NO_CPR prompt_toolkit waits a second for it after every prompt.
        env=sandbox.child_env() | {"TERM": "xterm-256color", "PROMPT_TOOLKIT_NO_CPR": "1"},
        cwd=str(sandbox.cwd),
        encoding="utf-8",
        timeout=20,
        dimensions=(40, 100),
    )
    steps = [
        ("Which municipality", "1"),
        ("acute danger", "n"),
        ("Who is calling", "s"),
        (r"live in (?!the municipality)", "y"),  # the question names the municipality chosen
        ("How old", "17\r"),
        ("want treatment now", "y"),
        ("parents know", "j"),
        ("substances", "c"),
        (r"● c\) Cannabis", "s\r"),  # ticked on screen, then stimulants too, and Enter
        ("anonymous", "n"),
        ("social problems besides the drugs", "n"),
        ("medical treatment", "n"),
        ("psychiatric", "n"),
        ("more than outpatient", "n"),
        ("children under 18", "n"),
        ("pregnant", "n"),
        ("Save the summary", "y"),
        ("File name", "\r"),
    ]
    try:
        for pattern, keys in steps:
            child.expect(pattern)
            child.send(keys)
        child.expect("Saved, readable only by you")
        child.expect(pexpect.EOF)
    finally:
        child.close()
    assert child.exitstatus == 0, child.before
    export = sandbox.cwd / EXPORT
    assert sandbox.written() == [f"work/{EXPORT}"]
    assert stat.S_IMODE(export.stat().st_mode) == 0o600
    text = export.read_text(encoding="utf-8")
    assert "Outpatient youth treatment" in text and "Parents" in text
    assert sandbox.network_attempts() == []
    assert os.environ.get("TRIAGE_NETGUARD_LOG") is None  # the guard was the child's, not ours


def test_carrying_on_at_the_summary_does_not_print_it_twice(knowledge: Knowledge) -> None:
    code, out = ask(knowledge, ADULT_KEYS + "\x03n" + SAVE_NO)
    assert code == 0 and "Carrying on." in out
    assert out.count("Rusmiddelcenter Holbæk") == 1  # the summary's first line


def test_the_prompts_need_neither_textual_nor_the_prompts_the_conversation() -> None:
    """A screen-reader user's `triage ask` does not load the full-screen toolkit; the pure part loads no UI."""
    code = (
        "import sys; import triage.cli.prompt_input, triage.rules.session, triage.output.export;"
        "assert 'questionary' not in sys.modules and 'rich' not in sys.modules, 'UI in the pure part';"
        "import triage.cli.ask; assert 'textual' not in sys.modules, 'textual imported by ask'"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


def test_a_path_that_cannot_be_written_is_said_and_asked_again(knowledge: Knowledge, sandbox: Sandbox) -> None:
    code, out = ask(knowledge, ADULT_KEYS + "y\x15no/such/folder/case.md\r\x15case.md\r")
    assert code == 0 and "Could not save no/such/folder/case.md: No such file or directory" in out
    assert sandbox.written() == ["work/case.md"]


def _valid_answer(q: Question, draw: Callable[[st.SearchStrategy[Any]], Any]) -> Answer:
    if q.kind == "bool":
        return draw(st.booleans())
    if q.kind == "int":
        return draw(st.integers(q.minimum or 0, q.maximum or 0))
    values = [o.value for o in q.options]
    if q.kind == "choice":
        return draw(st.sampled_from(values))
    return tuple(draw(st.lists(st.sampled_from(values), min_size=max(1, q.min_selected), unique=True)))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_any_mix_of_answers_and_backs_stays_in_step_with_the_engine(knowledge: Knowledge, data: st.DataObject) -> None:
    """Whatever the counsellor does, the prompt asks what ``walk`` asks, and back+Enter undoes back."""
    conv = conversation(knowledge)
    for _ in range(40):
        if conv.done:
            break
        if conv.can_go_back and data.draw(st.integers(0, 3)) == 0:
            back = conv.back()
            if back.needs_municipality:
                redo = back.choose(str(back.suggestion("municipality")))
            else:
                q = back.question
                previous = back.suggestion(q.id) if q is not None else None
                assert q is not None and previous is not None
                redo = back.answer(q.id, previous)
            assert redo.answers == conv.answers and redo.municipality == conv.municipality
            conv = back
            continue
        if conv.needs_municipality:
            conv = conv.choose(data.draw(st.sampled_from(list(knowledge.municipalities))))
            continue
        q = conv.question
        assert q is not None and q == walk(knowledge.flow, conv.answers).next
        conv = conv.answer(q.id, _valid_answer(q, data.draw))
        assert dict(conv.answers) == dict(walk(knowledge.flow, conv.answers).answers)
    if conv.done:
        assert conv.recommendation is not None and conv.recommendation.level.id


def test_english_output_has_no_danish_interface_text(knowledge: Knowledge) -> None:
    _, out = ask(knowledge, ADULT_KEYS + "\x03n" + SAVE_NO)
    danish = [da for key, (da, en) in CATALOGUE.items() if key.startswith("ask_") and da != en and "{" not in da]
    assert [d for d in danish if d in out] == []
    assert "Carrying on." in out


def test_a_relative_who_does_not_know_the_age_and_reports_children(knowledge: Knowledge) -> None:
    """Contract v2 at the prompt: v answers 'not known', and children at home on a relative's
    call end in a child-welfare notification, never in counselling alone."""
    code, out = ask(knowledge, "npnyv\ryn" + SAVE_NO)
    assert code == 0  # a refused "v" would leave the age unanswered when the keys run out: 130
    assert "Counselling for relatives" in out
    assert "Children and family unit" in out


def test_a_nul_in_the_file_name_is_said_and_asked_again(knowledge: Knowledge, sandbox: Sandbox) -> None:
    """A pasted NUL byte: one message and the question again, not a ValueError (issue 12, item 5)."""
    code, out = ask(knowledge, ADULT_KEYS + "y\x15\x1b[200~ca\x00se.md\x1b[201~\r\x15case.md\r")  # pasted
    assert code == 0 and "Could not save ca\\x00se.md: the file name contains a NUL character" in out
    assert sandbox.written() == ["work/case.md"]


def test_a_fifo_as_the_file_name_is_refused_without_hanging(knowledge: Knowledge, sandbox: Sandbox) -> None:
    fifo = sandbox.cwd / EXPORT
    os.mkfifo(fifo)
    code, out = ask(knowledge, ADULT_KEYS + "y\r\x15case.md\r")  # the default name is the FIFO
    assert code == 0 and f"Could not save {EXPORT}: not a regular file" in out
    assert sandbox.written() == ["work/case.md", f"work/{EXPORT}"]


def test_the_resident_question_names_the_municipality_in_ask(
    knowledge: Knowledge, monkeypatch: pytest.MonkeyPatch
) -> None:
    import triage.cli.ask as ask_module

    asked: list[str] = []

    def select(conv: Session, message: str, items: list[Any], **_: Any) -> Any:
        asked.append(message)
        return items[0][1]

    monkeypatch.setattr(ask_module, "_select", select)
    conv = conversation(knowledge, "holbaek").answer("acute_danger", False).answer("caller", "self")
    assert conv.question is not None and conv.question.id == "resident"
    ask_module.ask_question(conv, conv.question)
    name = knowledge.municipalities["holbaek"].name
    assert f"live in {name} –" in asked[0] and "{municipality}" not in asked[0]


def test_no_confidentiality_script_in_ask_during_an_acute_call(knowledge: Knowledge) -> None:
    code, out = ask(knowledge, "yyn" + SAVE_NO)  # acute danger, children at home, no pregnancy
    assert code == 0 and "Children and family unit" in out
    assert "confidentiality" not in out and "Say to the caller" not in out
    code, out = ask(knowledge, ADULT_KEYS + SAVE_NO)
    assert "Say to the caller" in out and "confidentiality" in out  # the same question, asked of the person


def test_ask_names_giftlinjen_beside_112_the_moment_acute_danger_is_answered(knowledge: Knowledge) -> None:
    code, out = ask(knowledge, "yyn" + SAVE_NO)  # acute danger, children at home, no pregnancy
    assert code == 0
    told = out.index("82 12 12 12")
    assert "112" in out[:told] and told < out.index("Children living at home")  # before the next question
    code, out = ask(knowledge, ADULT_KEYS + SAVE_NO)
    assert "82 12 12 12" not in out  # only in an emergency


def test_ask_shows_the_contact_date_as_a_date_not_iso(knowledge: Knowledge) -> None:
    code, out = ask(knowledge, ADULT_KEYS + SAVE_NO, lang="da")
    assert code == 0
    assert CONTACT.isoformat() not in out.splitlines()[0] and "24.11.2026" in out.splitlines()[0]
