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
