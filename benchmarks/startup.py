"""Time from process start to the first interactive screen: `triage` against a bare Textual app.

    python benchmarks/startup.py [RUNS]

Both run as real processes on a pseudo-terminal of 80×24, alternated, in the same run:
`triage` (the real command line: argument parsing, loading and checking the data, the
municipality picker) and a bare Textual app with a Header, an OptionList and a Footer. "Interactive" is
the first frame painted with the picker (or the OptionList) on screen; each child writes
that moment's wall-clock time to a file and exits. Both run from bytecode, as after
`pip install` (a first warm-up run, an ordinary start and quit, compiles it into a temp dir
and stores the compiled data there as `triage` does on its first run). Prints the medians and
the ratio (target: within 1.20× of the bare app).
"""

from __future__ import annotations

import fcntl
import os
import pty
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

TRIAGE = """
import sys, time
from triage.tui.app import WizardApp
from triage.tui.screens import PickerScreen

def ready(self):
    if isinstance(self.screen, PickerScreen) and not getattr(self, "_bench_done", False):
        self._bench_done = True
        with open(sys.argv[1], "w") as out:
            out.write(repr(time.time()))
        self.exit()

WizardApp.post_display_hook = ready
from triage.cli.main import main
sys.exit(main([]))
"""

BARE = """
import sys, time
from textual.app import App
from textual.widgets import Footer, Header, OptionList

class Bare(App):
    def compose(self):
        yield Header()
        yield OptionList(*[f"Option {i}" for i in range(5)])
        yield Footer()

    def post_display_hook(self):
        if not getattr(self, "_bench_done", False):
            self._bench_done = True
            with open(sys.argv[1], "w") as out:
                out.write(repr(time.time()))
            self.exit()

Bare().run()
"""


def once(code: str, home: str, pycache: str) -> float:
    """Seconds from spawning the process to its first interactive frame."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))

    def drain() -> None:  # the child must never block on a full terminal
        try:
            while os.read(master, 65536):
                pass
        except OSError:
            return

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    with tempfile.NamedTemporaryFile("r", suffix=".ready") as mark:
        env = {
            **os.environ,
            "PYTHONPATH": str(ROOT),
            "TERM": "xterm-256color",
            "HOME": home,
            "XDG_CONFIG_HOME": os.path.join(home, ".config"),
            # Bytecode as an installed package has it (pip compiles on install), kept out of the
            # checkout: the warm-up run writes it to a temp dir, later runs read it.
            "PYTHONPYCACHEPREFIX": pycache,
        }
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        start = time.time()
        proc = subprocess.Popen(
            [sys.executable, "-c", code, mark.name], stdin=slave, stdout=slave, stderr=slave, env=env, cwd=home
        )
        proc.wait(timeout=60)
        os.close(slave)
        ready = float(Path(mark.name).read_text() or "nan")
    os.close(master)
    reader.join(timeout=1)
    if proc.returncode != 0:
        raise SystemExit(f"child exited with {proc.returncode}")
    return ready - start


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 15
    triage: list[float] = []
    bare: list[float] = []
    with tempfile.TemporaryDirectory() as home, tempfile.TemporaryDirectory() as pycache:
        once(BARE, home, pycache), once(TRIAGE, home, pycache)  # warm the file cache and bytecode
        for _ in range(runs):
            bare.append(once(BARE, home, pycache))
            triage.append(once(TRIAGE, home, pycache))
    b, t = statistics.median(bare), statistics.median(triage)
    print(f"runs: {runs} each, alternated, 80x24 pseudo-terminal")
    print(f"bare Textual app (Header, OptionList, Footer): median {b * 1000:7.1f} ms  (min {min(bare) * 1000:.1f})")
    print(f"triage to the municipality picker:             median {t * 1000:7.1f} ms  (min {min(triage) * 1000:.1f})")
    print(f"ratio triage / bare: {t / b:.2f}x (target <= 1.20x)")


if __name__ == "__main__":
    main()
