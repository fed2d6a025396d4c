#!/usr/bin/env python3
"""Install triage from this folder, with no network: ``python3 install.py [VENV]``.

Made by ``python3 run.py bundle DIR`` on a machine with a package index: ``wheels/`` holds
triage and every package it needs, for one platform and Python version. This creates a
virtual environment (default: ``venv`` next to this file) and installs from ``wheels/``
only (``pip --no-index``), then prints how to start triage. Needs only Python 3.11+.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import venv
from pathlib import Path

HERE = Path(__file__).resolve().parent
WHEELS = HERE / "wheels"


def main(argv: list[str]) -> int:
    target = Path(argv[0]).resolve() if argv else HERE / "venv"
    made_for = json.loads((HERE / "bundle.json").read_text(encoding="utf-8"))
    here = f"{sys.version_info.major}.{sys.version_info.minor}"
    if made_for.get("python") != here:
        print(
            f"install.py: this bundle is for Python {made_for.get('python')} on {made_for.get('platform')};"
            f" this is Python {here}. Make a bundle with this Python: python3 run.py bundle DIR",
            file=sys.stderr,
        )
        return 2
    bin_dir = target / ("Scripts" if os.name == "nt" else "bin")
    python = bin_dir / ("python.exe" if os.name == "nt" else "python")
    if not python.exists():
        print(f"install.py: creating {target} ...", file=sys.stderr)
        venv.EnvBuilder(with_pip=True).create(target)  # pip comes with Python (ensurepip): no network
    env = {k: v for k, v in os.environ.items() if not k.startswith("PIP_")}  # no index, whatever is set
    env["PIP_CONFIG_FILE"] = os.devnull
    command = [
        str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
        "--no-index", "--find-links", str(WHEELS), "--upgrade", "triage",
    ]  # fmt: skip
    if subprocess.call(command, env=env) != 0:
        print("install.py: pip could not install from wheels/ (see above)", file=sys.stderr)
        return 2
    triage = bin_dir / ("triage.exe" if os.name == "nt" else "triage")
    print(f"triage is installed. Start it with:\n  {triage}\n  {triage} --help")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
