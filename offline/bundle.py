"""``python3 run.py bundle DIR``: everything a laptop without network needs to install triage.

Run on a machine that reaches a package index. DIR gets ``wheels/`` (triage and every
dependency, built or downloaded for this platform and Python version by ``pip wheel``),
``install.py`` (stdlib only) and ``bundle.json`` (what it was made for). On the laptop:
``python3 DIR/install.py``.
"""

from __future__ import annotations

import json
import platform
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def make_bundle(root: Path, python: Path, out: Path) -> int:
    """Fill ``out`` from the checkout ``root`` with the venv's ``python`` (which has pip)."""
    if out.exists() and any(out.iterdir()):
        print(f"bundle: {out} is not empty; choose a new folder", file=sys.stderr)
        return 2
    wheels = out / "wheels"
    wheels.mkdir(parents=True, exist_ok=True)
    command = [str(python), "-m", "pip", "wheel", "--quiet", "--disable-pip-version-check", "--wheel-dir", str(wheels)]
    if subprocess.call([*command, str(root)], cwd=root) != 0:
        print("bundle: pip could not gather the wheels (see above)", file=sys.stderr)
        return 2
    shutil.copy(HERE / "install.py", out / "install.py")
    version = subprocess.run(
        [str(python), "-c", "import sys; print(f'{sys.version_info.major}.{sys.version_info.minor}')"],
        capture_output=True, text=True, check=True,
    ).stdout.strip()  # fmt: skip
    made_for = {"python": version, "platform": f"{platform.system()} {platform.machine()}"}
    (out / "bundle.json").write_text(json.dumps(made_for, indent=2) + "\n", encoding="utf-8")
    names = sorted(p.name for p in wheels.glob("*.whl"))
    print(f"bundle: {len(names)} wheels in {wheels} (Python {version}, {made_for['platform']})")
    print(f"On the laptop: python3 {out / 'install.py'}")
    return 0
