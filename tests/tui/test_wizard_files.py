"""What the wizard writes: the summary where the counsellor chose (0600), nothing else; and asks first."""

from __future__ import annotations

import datetime
import os
from pathlib import Path

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
    assert text == app.summary_markdown()
    assert "Ambulant behandling (SEL § 101)" in text


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


async def test_copy_puts_the_markdown_on_the_clipboard(knowledge: Knowledge) -> None:
    app = WizardApp(knowledge, municipality="holbaek", lang="da", today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*call(knowledge), "c")
        assert app.clipboard == app.summary_markdown()


async def test_a_folder_as_the_target_saves_inside_it_without_asking(knowledge: Knowledge) -> None:
    """Like `triage ask`: no "overwrite?" for a folder (issue 12, item 5)."""
    from triage.rules.session import export_name

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
