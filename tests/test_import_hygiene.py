"""The engine must import without the UI: a counsellor's script or CI needs no terminal toolkit."""

from __future__ import annotations

import subprocess
import sys


def test_engine_imports_without_textual() -> None:
    code = (
        "import sys; import triage.engine, triage.loader, triage.answers, triage.render, triage.check;"
        "assert 'textual' not in sys.modules, 'textual imported'"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
