"""The wizard's share of the privacy promises (README, "Privacy"): no network, nothing written
but the saved summary and the remembered municipality ID, in-process and as a real process."""

from __future__ import annotations

import datetime
import stat
import sys

import pexpect

from tests.conftest import answers
from tests.netguard.guard import NetworkGuard
from tests.privacy import Sandbox
from tests.tui.keys import call_keys
from triage.data.compiled import CACHE_DIR
from triage.data.settings import settings_file
from triage.rules.model import Knowledge
from triage.tui.app import WizardApp
from triage.tui.dialogs import ExportDialog
from triage.tui.screens import SummaryScreen

TODAY = datetime.date(2026, 11, 24)
REMEMBERED = ["config/triage", "config/triage/last-municipality"]


async def test_a_whole_call_and_a_save_use_no_network_and_write_only_what_was_asked(
    knowledge: Knowledge, sandbox: Sandbox, no_network: NetworkGuard
) -> None:
    app = WizardApp(knowledge, lang="da", today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*"hol", "enter", *call_keys(knowledge, "holbaek", answers()))
        assert isinstance(app.screen, SummaryScreen)
        await pilot.press("s")
        assert isinstance(app.screen, ExportDialog)
        await pilot.press("enter")  # the default: the documents folder
        await pilot.press("ctrl+q")  # saved: quits without asking
        await pilot.pause()
        assert not app.is_running
    assert no_network.attempts == []
    documents = ["home/Documents", "home/Documents/triage-holbaek-2026-11-24.md"]
    assert sandbox.written() == sorted([*REMEMBERED, *documents])
    assert settings_file() == sandbox.folder("XDG_CONFIG_HOME") / "triage" / "last-municipality"
    # The ID and the folder saved in, nothing about the call.
    saved = sandbox.folder("HOME") / "Documents"
    assert settings_file().read_text(encoding="utf-8") == f"holbaek\n{saved.resolve()}\n"
    for path in (settings_file(), saved / "triage-holbaek-2026-11-24.md"):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600


async def test_the_palette_offers_no_screenshot(knowledge: Knowledge) -> None:
    """Textual's screenshot command would write the screen, answers and all, readable by all."""
    app = WizardApp(knowledge, municipality="holbaek", lang="en", today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*call_keys(knowledge, "holbaek", answers(), lang="en"))
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert "Save .md" in titles and "Quit" in titles
        assert "Screenshot" not in titles


def compiled_copies() -> dict[str, int]:
    """The stored public rules beside the bytecode (never an answer)."""
    found = list(CACHE_DIR.glob("knowledge-*")) if CACHE_DIR.exists() else []
    return {p.name: p.stat().st_mtime_ns for p in found}


def test_the_real_wizard_in_a_pseudo_terminal_writes_only_the_municipality(sandbox: Sandbox) -> None:
    """As a counsellor would: a real terminal, a short call, Ctrl+C (no, then yes), and gone."""
    before = compiled_copies()
    child = pexpect.spawn(
        sys.executable,
        ["-m", "triage", "--lang", "en"],
        env=sandbox.child_env() | {"TERM": "xterm-256color"},
        cwd=str(sandbox.cwd),
        encoding="utf-8",
        timeout=30,
        dimensions=(24, 80),
    )
    try:
        child.expect("Choose the municipality")
        child.send("faxe")
        child.expect("faxe")  # the filter as typed (the full list, drawn before, holds "Faxe" too)
        child.expect("Faxe")
        child.send("\r")
        child.expect("Question 1 of")
        child.send("n")
        child.expect("Question 2 of")
        child.send("p")  # a relative calls
        for keys in ("n", "y", "v\r", "n"):  # not under 18, resident, age not known, no children
            child.expect("Question . of")
            child.send(keys)
        child.expect("Question 7 of")
        child.send("n")  # no pregnancy
        child.expect("Summary")
        child.send("\x03")  # Ctrl+C
        child.expect("Quit anyway")
        child.send("n")
        child.expect("Summary")
        child.send("\x03")
        child.expect("Quit anyway")
        child.send("y")
        child.expect(pexpect.EOF)
    finally:
        child.close()
    assert child.exitstatus == 0, child.before
    assert sandbox.written() == REMEMBERED
    assert (sandbox.folder("XDG_CONFIG_HOME") / "triage" / "last-municipality").read_text() == "faxe\n"
    assert sandbox.network_attempts() == []
    assert compiled_copies() == before  # PYTHONDONTWRITEBYTECODE: not even the rules' or stylesheets' copies
