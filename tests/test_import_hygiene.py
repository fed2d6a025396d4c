"""The core imports without the UI: a counsellor's script or CI needs no terminal toolkit.

The engine, the loaders and the JSON/Markdown output never import Textual or Rich; the pure
parts of training and the plain prompts never import Textual.
"""

from __future__ import annotations

import subprocess
import sys

import pytest


@pytest.mark.parametrize(
    ("modules", "forbidden"),
    [
        ("triage.engine, triage.loader, triage.compiled, triage.answers, triage.render, triage.check", "textual"),
        ("triage.engine, triage.loader, triage.compiled, triage.answers, triage.render", "rich"),
        ("triage.scenarios, triage.debrief, triage.progress, triage.conversation", "textual"),
    ],
)
def test_core_imports_without_the_ui(modules: str, forbidden: str) -> None:
    code = f"import sys; import {modules}; sys.exit(1 if {forbidden!r} in sys.modules else 0)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, f"{forbidden} imported by {modules}: {done.stderr}"


PICKER_ONLY = """
import asyncio, sys
from triage.cli import load_knowledge
from triage.tui.app import WizardApp

async def main():
    app = WizardApp(load_knowledge(None), remember=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert type(app.screen).__name__ == "PickerScreen", app.screen

asyncio.run(main())
print(" ".join(sorted(m for m in sys.modules if m.startswith("triage.") or m == "json")))
"""


def test_the_picker_comes_up_without_the_call() -> None:
    """The first screen imports nothing of the call: each module less is a shorter wait."""
    done = subprocess.run([sys.executable, "-c", PICKER_ONLY], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    loaded = set(done.stdout.split())
    assert "triage.tui.screens.picker" in loaded
    call = {
        "triage.tui.screens.call",
        "triage.tui.screens.summary",
        "triage.tui.screens.emergency",
        "triage.tui.widgets.answers",
        "triage.tui.widgets.question",
        "triage.tui.widgets.panel",
        "triage.engine",
        "json",
    }
    assert loaded & call == set()
