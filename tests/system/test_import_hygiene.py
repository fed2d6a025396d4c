"""The core imports without the UI: a counsellor's script or CI needs no terminal toolkit.

Which package may import which is an import-linter contract in ``pyproject.toml``
(``lint-imports``, run by ``run_tests.py``); here, what it cannot express.
"""

from __future__ import annotations

import subprocess
import sys

CORE_WITHOUT_UI = """
import pkgutil, importlib, sys
import triage.rules
for info in pkgutil.walk_packages(triage.rules.__path__, "triage.rules."):
    importlib.import_module(info.name)
print(" ".join(sorted(m for m in ("textual", "rich", "questionary", "prompt_toolkit") if m in sys.modules)))
"""


def test_the_rules_core_imports_without_any_ui_library() -> None:
    """The layers themselves are enforced by import-linter (pyproject.toml); this proves the
    one promise it cannot see: no module of the rules core pulls in a UI library at import."""
    done = subprocess.run([sys.executable, "-c", CORE_WITHOUT_UI], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == []


PICKER_ONLY = """
import asyncio, sys
from triage.data.knowledge import load_knowledge
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
        "triage.rules.engine",
        "json",
    }
    assert loaded & call == set()


def test_training_core_imports_without_ui() -> None:
    """The future training screen renders these; they must not need a terminal toolkit themselves."""
    import subprocess
    import sys

    code = (
        "import sys; import triage.training.scenarios, triage.training.debrief, triage.training.progress;"
        "assert not {'textual', 'rich'} & set(sys.modules), 'UI imported'"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
