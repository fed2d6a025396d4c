"""The text of a new municipality: a table for ``municipalities.toml`` and a scenarios file.

``triage new-municipality ID --name NAME`` (contract v3) starts a municipality as data
only. The words are data too (``flows/templates/new-municipality.toml``: the table, and an
example scenario whose expectation is what the law alone gives); this module fills them in and
appends them without touching a byte of what the maintainer wrote before, so the file's
comments, order and layout stay theirs. ``Written`` can undo the change when the result
does not load.
"""

from __future__ import annotations

import json
import re
import string
from dataclasses import dataclass
from pathlib import Path

from triage.data.loader import LAW_SOURCE
from triage.data.paths import LAW_FILE, MUNICIPALITIES_FILE, default_data_dir
from triage.rules.model import Knowledge

TEMPLATE_FILE = "flows/templates/new-municipality.toml"
SCENARIO_DIR = "flows/scenarios"
ID_PATTERN = re.compile(r"[a-z][a-z0-9_]*\Z")
MAX_ID = 40
MAX_NAME = 60


def refusal(knowledge: Knowledge, mid: str, name: str | None) -> tuple[str, dict[str, str]] | None:
    """Why ``mid`` and ``name`` cannot be added (an i18n key and its values), or None."""
    root = Path(knowledge.root)
    if not ID_PATTERN.match(mid) or len(mid) > MAX_ID:
        return "nm_bad_id", {"id": mid}
    if mid == LAW_SOURCE:
        return "nm_reserved_id", {"id": mid}
    if mid in knowledge.municipalities:
        return "nm_exists", {"id": mid, "file": MUNICIPALITIES_FILE}
    if (root / scenario_file(mid)).exists():
        return "nm_file_exists", {"file": scenario_file(mid)}
    if name is None or not name.strip():
        return "nm_no_name", {}
    if len(name) > MAX_NAME or not name.isprintable() or name != name.strip():
        return "nm_bad_name", {"max": str(MAX_NAME)}
    return None


def scenario_file(mid: str) -> str:
    return f"{SCENARIO_DIR}/{mid}.toml"


def _string(value: str) -> str:
    """``value`` as the inside of a TOML "..." string (JSON's escapes are TOML's)."""
    return json.dumps(value, ensure_ascii=False)[1:-1]


def _templates(root: Path) -> tuple[str, str]:
    """The data folder's own words, or the shipped ones when its copy predates them."""
    import tomllib

    path = root / TEMPLATE_FILE
    if not path.is_file():
        path = default_data_dir() / TEMPLATE_FILE
    spec = tomllib.loads(path.read_text(encoding="utf-8"))
    return str(spec["municipality"]), str(spec["scenario"])


def recipients(knowledge: Knowledge, name: str) -> str:
    """An inline table: every notification kind a national rule sends without a recipient of its
    own needs the municipality's unit, to be filled in (the loader refuses a table without)."""
    import tomllib

    labels = {t.id: t.label.da for t in knowledge.flow.notifications}
    law = tomllib.loads((Path(knowledge.root) / LAW_FILE).read_text(encoding="utf-8"))
    needed = {
        str(r["to"])
        for r in law.get("rules", [])
        if r.get("kind") == "notification" and "recipient" not in r and r.get("to") in labels
    }
    kinds = sorted(needed, key=list(labels).index)
    # Not confirmed until the maintainer has found the unit: `check` lists each, and a notification
    # to one says so.
    entries = [
        f'{k} = {{ name = "{_string(f"{name} Kommune: {labels[k]} (udfyldes)")}", confirmed = false }}' for k in kinds
    ]
    return "{ " + ", ".join(entries) + " }" if entries else "{}"


def texts(knowledge: Knowledge, mid: str, name: str) -> tuple[str, str]:
    """The table to append and the scenarios file, for ``mid`` called ``name``."""
    table, scenario = _templates(Path(knowledge.root))
    values = {"id": mid, "name": _string(name), "recipients": recipients(knowledge, name)}
    return string.Template(table).substitute(values), string.Template(scenario).substitute(values)


@dataclass(frozen=True)
class Written:
    """What was written, so that it can be taken back: the file's old bytes and the new file."""

    municipalities: Path
    before: bytes
    scenarios: Path
    first_line: int  # the appended table's header, [ID]

    def roll_back(self) -> None:
        self.municipalities.write_bytes(self.before)
        self.scenarios.unlink(missing_ok=True)


def write(root: Path, mid: str, table: str, scenario: str) -> Written:
    """Append ``table`` to municipalities.toml (after a newline if the file lacks its last) and
    create the scenarios file; nothing else in either folder changes."""
    path = root / MUNICIPALITIES_FILE
    before = path.read_bytes()
    lead = b"" if not before or before.endswith(b"\n") else b"\n"
    added = lead + table.encode("utf-8")
    lines = (before + added).split(b"\n")
    start = before.count(b"\n")
    header = f"[{mid}]".encode()
    head = lines.index(header, start) + 1 if header in lines[start:] else start + 1
    written = Written(path, before, root / scenario_file(mid), head)
    with path.open("ab") as out:
        out.write(added)
    try:
        with written.scenarios.open("x", encoding="utf-8") as out:
            out.write(scenario)
    except OSError:
        path.write_bytes(before)
        raise
    return written
