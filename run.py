#!/usr/bin/env python3
"""Launch triage from a fresh clone: create .venv and install on first use, then run.

    python3 run.py [triage arguments]      e.g.  python3 run.py --municipality holbaek
    python3 run.py bundle DIR              wheels and install.py for a laptop without network

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


def venv_dir(root: Path = ROOT) -> Path:
    """``.venv`` in the checkout; for a checkout we may not write to (a read-only share), one in
    the user's cache folder, named after the checkout's path."""
    local = root / ".venv"
    if local.exists() or os.access(root, os.W_OK):
        return local
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    if os.name == "nt":
        cache = Path(os.environ.get("LOCALAPPDATA") or cache)
    return cache / "triage" / f"venv-{hashlib.sha256(str(root).encode('utf-8', 'surrogateescape')).hexdigest()[:12]}"


VENV = venv_dir()
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
STAMP = VENV / ".triage-installed"


def ensure_venv(extras: str = "") -> Path:
    """Create or update the venv so that it holds triage (with ``extras``); return its python.

    A stamp file records what was installed for which pyproject.toml, so later runs
    start at once and a changed pyproject.toml reinstalls. What cannot be set up is one
    line and exit 2, never a traceback.
    """
    if sys.version_info < (3, 11):
        sys.exit(f"triage needs Python 3.11 or newer (this is {sys.version.split()[0]})")
    try:
        return _ensure_venv(extras)
    except (OSError, subprocess.CalledProcessError) as err:
        reason = getattr(err, "strerror", None) or err
        print(f"triage: cannot set up {VENV}: {reason}", file=sys.stderr)
        raise SystemExit(2) from None


def _ensure_venv(extras: str) -> Path:
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()[:16]
    have = set(STAMP.read_text().split()) if STAMP.exists() else set()
    key = f"{extras or 'base'}:{digest}"
    if key in have or (not extras and f"dev:{digest}" in have):
        return PYTHON
    if not PYTHON.exists():
        print(f"triage: first run, setting up {VENV} (once) ...", file=sys.stderr)
        VENV.parent.mkdir(parents=True, exist_ok=True)
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
    if sys.argv[1:2] == ["bundle"]:  # python3 run.py bundle DIR: an offline install (offline/bundle.py)
        if len(sys.argv) != 3:
            print("usage: python3 run.py bundle DIR", file=sys.stderr)
            return 2
        sys.path.insert(0, str(ROOT / "offline"))
        from bundle import make_bundle

        return make_bundle(ROOT, ensure_venv(), Path(sys.argv[2]).resolve())
    python = ensure_venv()
    return subprocess.call([str(python), "-m", "triage", *sys.argv[1:]], cwd=os.getcwd())


if __name__ == "__main__":
    raise SystemExit(main())
