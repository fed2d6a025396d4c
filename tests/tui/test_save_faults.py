"""Issue 22, point 6: the save step never crashes and never loses the call: the working folder
deleted meanwhile, ``~nosuchuser/x.md``, a path with ``[`` ``/`` ``]`` (shown literally, not read
as markup). In the wizard and in ``triage ask``."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.privacy import Sandbox
from tests.tui.test_ask import ADULT_KEYS, EXPORT, ask
from tests.tui.test_wizard_files import CALL, TODAY, save_as
from triage.rules.model import Knowledge
from triage.tui.app import WizardApp
from triage.tui.screens import SummaryScreen


def messages(app: WizardApp) -> list[tuple[str, str]]:
    return [(n.severity, str(n.message)) for n in app._notifications]


async def test_wizard_save_into_a_folder_named_with_brackets(knowledge: Knowledge) -> None:
    folder = Path(os.environ["HOME"]) / "Sager [2026]" / "[/x]"
    folder.mkdir(parents=True)
    target = folder / "a[b].md"
    app = WizardApp(knowledge, municipality="holbaek", lang="en", today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*CALL)
        await save_as(pilot, app, target)
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        assert messages(app) == [("information", f"Saved: {target}")]
        await save_as(pilot, app, target)  # again: the overwrite question names the path as it is
        await pilot.pause()
        from textual.widgets import Static

        question = app.screen.query_one("#confirm-question", Static)
        assert str(target) in str(question.render())
    assert target.is_file()


async def test_wizard_save_to_an_unknown_user_is_an_error_not_a_crash(knowledge: Knowledge) -> None:
    app = WizardApp(knowledge, municipality="holbaek", lang="en", today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*CALL)
        await save_as(pilot, app, Path("~nosuchuser/x.md"))
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen) and app.is_running
        assert messages(app) == [("error", "Could not save ~nosuchuser/x.md: no such user")]
        assert app.unsaved


async def test_wizard_save_after_the_working_folder_was_deleted(
    knowledge: Knowledge, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    gone = tmp_path / "gone"
    gone.mkdir()
    monkeypatch.chdir(gone)
    gone.rmdir()
    app = WizardApp(knowledge, municipality="holbaek", lang="en", today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*CALL, "s")
        await pilot.pause()
        assert app.default_export_path().parent == Path.home()  # offered at home instead
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen) and not app.unsaved
    assert (Path.home() / app.default_export_path().name).is_file()


def test_ask_save_paths_that_crashed(knowledge: Knowledge, sandbox: Sandbox) -> None:
    (sandbox.cwd / "Sager [2026]").mkdir()
    code, out = ask(knowledge, ADULT_KEYS + "y\x15~nosuchuser/x.md\r\x15Sager [2026]/[x].md\r")
    assert code == 0
    assert "Could not save ~nosuchuser/x.md: no such user" in out
    assert "Saved, readable only by you (0600): Sager [2026]/[x].md" in out
    assert sandbox.written() == ["work/Sager [2026]", "work/Sager [2026]/[x].md"]


def test_ask_save_with_markup_closing_tag_in_the_path(knowledge: Knowledge, sandbox: Sandbox) -> None:
    code, out = ask(knowledge, ADULT_KEYS + "y\x15[/x]/a.md\r\x15\r")
    assert code == 0 and "Could not save [/x]/a.md: No such file or directory" in out


def test_ask_save_after_the_working_folder_was_deleted(
    knowledge: Knowledge, sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    gone = sandbox.root / "gone"
    gone.mkdir()
    monkeypatch.chdir(gone)
    gone.rmdir()
    home = Path(os.environ["HOME"])
    code, out = ask(knowledge, ADULT_KEYS + f"y\r\x15{home}\r")
    flat = out.replace("\n", "")  # Rich wraps a long path
    assert code == 0 and f"Could not save {EXPORT}" in flat and f"(0600): {home / EXPORT}" in flat
