"""What the wizard writes: the summary where the counsellor chose (0600), nothing else; and asks first."""

from __future__ import annotations

import datetime
import os
import re
from pathlib import Path

import pytest
from textual.widgets import Input

from tests.conftest import answers
from tests.tui.keys import call_keys
from triage.rules.model import Knowledge
from triage.tui.app import WizardApp
from triage.tui.dialogs import ConfirmDialog, ExportDialog
from triage.tui.screens import SummaryScreen

TODAY = datetime.date(2026, 11, 24)


def call(knowledge: Knowledge) -> list[str]:
    """The keys of an adult's call with nothing special (tests/tui/keys.py)."""
    return call_keys(knowledge, "holbaek", answers())


def files_under(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if not p.is_dir())


async def save_as(pilot: object, app: WizardApp, path: Path) -> None:
    from textual.pilot import Pilot

    assert isinstance(pilot, Pilot)
    await pilot.press("s")
    assert isinstance(app.screen, ExportDialog)
    app.screen.query_one(Input).value = str(path)
    await pilot.press("enter")


async def test_export_writes_exactly_one_private_file(knowledge: Knowledge) -> None:
    home = Path(os.environ["HOME"])
    before = files_under(home)
    target = home / "cases" / "call.md"
    target.parent.mkdir()
    app = WizardApp(knowledge, municipality="holbaek", lang="da", today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*call(knowledge))
        assert isinstance(app.screen, SummaryScreen)
        await save_as(pilot, app, target)
        assert isinstance(app.screen, SummaryScreen)
    assert files_under(home) == [*before, target]
    assert target.stat().st_mode & 0o777 == 0o600
    text = target.read_text(encoding="utf-8")
    made = [line for line in text.split("\n") if line.startswith("- **Udarbejdet:**")]
    assert len(made) == 1 and re.fullmatch(r"- \*\*Udarbejdet:\*\* \d\d\.\d\d\.\d{4} kl\. \d\d:\d\d", made[0])
    assert text.replace(made[0] + "\n", "") == app.summary_markdown()  # the time of day, then the summary shown
    assert "Ambulant behandling (SEL § 101)" in text
    assert "`" not in text and "notification:" not in text  # sources by title and section, not internal IDs


async def test_export_asks_before_overwriting(knowledge: Knowledge) -> None:
    target = Path(os.environ["HOME"]) / "call.md"
    target.write_text("earlier case\n", encoding="utf-8")
    target.chmod(0o644)
    app = WizardApp(knowledge, municipality="holbaek", lang="en", today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*call(knowledge))
        await save_as(pilot, app, target)
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        assert target.read_text(encoding="utf-8") == "earlier case\n"
        # Not dropped in silence: the dialog again, under a free name.
        assert isinstance(app.screen, ExportDialog)
        assert app.screen.query_one(Input).value == str(target.with_name("call-2.md"))
        await pilot.press("escape")
        await save_as(pilot, app, target)
        await pilot.press("y")
        assert isinstance(app.screen, SummaryScreen)
    assert target.read_text(encoding="utf-8").startswith("# Recommendation: Holbæk")
    assert target.stat().st_mode & 0o777 == 0o600


async def test_quitting_with_unsaved_answers_asks_first(knowledge: Knowledge) -> None:
    app = WizardApp(knowledge, municipality="holbaek", lang="da", today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n", "s")
        await pilot.press("ctrl+q")
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        assert app.is_running and app.call.answers
        await pilot.press("ctrl+q", "j")
        await pilot.pause()
        assert not app.is_running


async def test_quitting_without_answers_or_after_saving_does_not_ask(knowledge: Knowledge) -> None:
    app = WizardApp(knowledge, municipality="holbaek", lang="da", today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*call(knowledge))
        await save_as(pilot, app, Path(os.environ["HOME"]) / "saved.md")
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert not app.is_running


async def test_copy_sends_plain_text_and_says_sent_not_arrived(knowledge: Knowledge) -> None:
    app = WizardApp(knowledge, municipality="holbaek", lang="da", today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*call(knowledge), "c")
        assert "**" not in app.clipboard and "- [ ]" not in app.clipboard
        assert "Serviceniveau: Ambulant behandling (SEL § 101)" in app.clipboard
        assert "sendt til terminalens udklipsholder" in str(list(app._notifications)[-1].message)
        app.action_copy_markdown()
        assert "## Serviceniveau" in app.clipboard


async def test_save_defaults_to_the_documents_folder_then_the_last_folder_and_a_free_name(
    knowledge: Knowledge, monkeypatch: pytest.MonkeyPatch
) -> None:
    from platformdirs import user_documents_path

    checkout = Path(os.environ["HOME"]) / "checkout"
    (checkout / ".git").mkdir(parents=True)
    monkeypatch.chdir(checkout)  # started in a git checkout: never saved there unasked
    documents = user_documents_path()
    documents.mkdir(parents=True, exist_ok=True)
    cases = Path(os.environ["HOME"]) / "cases"
    cases.mkdir()
    app = WizardApp(knowledge, lang="da", today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", *call(knowledge), "s")
        assert isinstance(app.screen, ExportDialog)
        assert app.screen.query_one(Input).value == str(documents / "triage-holbaek-2026-11-24.md")
        app.screen.query_one("#export-initials", Input).value = "AB"
        app.screen.query_one(Input).value = str(cases / "triage-holbaek-2026-11-24.md")
        await pilot.press("enter")
        await pilot.press("s")  # a second save: the folder remembered, a new name, initials not asked again
        assert app.screen.query_one(Input).value == str(cases / "triage-holbaek-2026-11-24-2.md")
        assert not app.screen.query("#export-initials")
        await pilot.press("enter")
    assert files_under(cases) == [cases / "triage-holbaek-2026-11-24-2.md", cases / "triage-holbaek-2026-11-24.md"]
    assert "Rådgiver: AB" in (cases / "triage-holbaek-2026-11-24-2.md").read_text(encoding="utf-8")
    assert files_under(checkout) == []


async def test_a_folder_as_the_target_saves_inside_it_without_asking(knowledge: Knowledge) -> None:
    """Like `triage ask`: no "overwrite?" for a folder (issue 12, item 5)."""
    from triage.output.export import export_name

    folder = Path(os.environ["HOME"]) / "cases"
    folder.mkdir()
    app = WizardApp(knowledge, municipality="holbaek", lang="en", today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*call(knowledge))
        await save_as(pilot, app, folder)
        assert isinstance(app.screen, SummaryScreen)
    saved = folder / export_name("holbaek", TODAY)
    assert files_under(folder) == [saved]
    assert saved.stat().st_mode & 0o777 == 0o600


async def test_a_fifo_as_the_target_is_refused_at_once(knowledge: Knowledge) -> None:
    """Opening a FIFO for writing waits for a reader for ever, Ctrl+Q dead: refuse it, ask nothing."""
    fifo = Path(os.environ["HOME"]) / "call.md"
    os.mkfifo(fifo)
    app = WizardApp(knowledge, municipality="holbaek", lang="en", today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*call(knowledge))
        await save_as(pilot, app, fifo)
        assert isinstance(app.screen, SummaryScreen)
        assert [n.severity for n in app._notifications] == ["error"]
        assert "not a regular file" in str(next(iter(app._notifications)).message)
        assert app.unsaved
