"""A trainer's set of scenarios: a small TOML file naming the cases a trainee should work.

    # uge-49.toml
    title = "Uge 49: unge og anonymitet"      # optional
    scenarios = ["faxe-youth-no-consent", "holbaek-age-12", "ishoj-anonymous-children"]

``triage train --set uge-49.toml`` offers exactly these, in this order. Anything wrong with
the file is one located line (``DataError``), as for every other file triage reads.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from triage.data.loader import convert, read_toml
from triage.data.schema import Struct
from triage.rules.errors import DataError, Problem, suggestion
from triage.training.scenarios import Library, Scenario


class SetSpec(Struct, frozen=True, kw_only=True):
    scenarios: list[str]
    title: str | None = None


@dataclass(frozen=True)
class ScenarioSet:
    title: str | None
    scenarios: tuple[Scenario, ...]


def load(file: str, library: Library) -> ScenarioSet:
    """The set in ``file``; ``DataError`` with the first problem located (file:line:col: key)."""
    problems: list[Problem] = []
    read = read_toml(Path("."), file, problems)
    spec = convert(read[0], read[1], SetSpec, problems) if read is not None else None
    if read is None or spec is None:
        raise DataError(problems[:1])
    source = read[0]
    chosen: list[Scenario] = []
    known = [s.id for s in library.scenarios]
    for i, sid in enumerate(spec.scenarios):
        found = library.get(sid)
        if found is None:
            raise DataError([source.problem(("scenarios", i), f"unknown scenario '{sid}'{suggestion(sid, known)}")])
        if found not in chosen:
            chosen.append(found)
    if not chosen:
        raise DataError([source.problem(("scenarios",), "the set names no scenario")])
    return ScenarioSet(spec.title, tuple(chosen))
