#!/usr/bin/env python3
"""Launch triage from a fresh clone: create .venv and install on first use, then run.

    python3 run.py [triage arguments]      e.g.  python3 run.py --municipality holbaek

Needs only Python 3.11+. Installs from the package index once; after that it runs offline.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
STAMP = VENV / ".triage-installed"


def ensure_venv(extras: str = "") -> Path:
    """Create or update .venv so that it holds triage (with ``extras``); return its python.

    A stamp file records what was installed for which pyproject.toml, so later runs
    start at once and a changed pyproject.toml reinstalls.
    """
    if sys.version_info < (3, 11):
        sys.exit(f"triage needs Python 3.11 or newer (this is {sys.version.split()[0]})")
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()[:16]
    have = set(STAMP.read_text().split()) if STAMP.exists() else set()
    key = f"{extras or 'base'}:{digest}"
    if key in have or (not extras and f"dev:{digest}" in have):
        return PYTHON
    if not PYTHON.exists():
        print("triage: first run, setting up .venv (once) ...", file=sys.stderr)
        venv.EnvBuilder(with_pip=True).create(VENV)
    target = f".[{extras}]" if extras else "."
    subprocess.run(
        [str(PYTHON), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "-e", target],
        cwd=ROOT,
        check=True,
    )
    STAMP.write_text(" ".join(sorted({*have, key})))
    return PYTHON


def main() -> int:
    python = ensure_venv()
    return subprocess.call([str(python), "-m", "triage", *sys.argv[1:]], cwd=os.getcwd())


if __name__ == "__main__":
    raise SystemExit(main())
