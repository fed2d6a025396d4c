"""The training score: 100 less what each difference would cost a real caller.

A missed notification leaves a child without help, and missing the emergency level leaves a
life at risk: those weigh most. A wrong level or deadline sends the caller the wrong way or
too late; a wrong offer is the least harm. The weights are data
(``flows/scenarios/scoring.toml``); this module only adds them up.

``score`` takes a plain list of differences (item kind, ID, expected, got), however they
were found, so any comparison of two outcomes can feed it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

import msgspec

from triage.data.loader import convert, read_toml
from triage.data.schema import Struct
from triage.rules.errors import Problem

SCORING_FILE = "flows/scenarios/scoring.toml"
FULL = 100

Points = Annotated[int, msgspec.Meta(ge=0, le=FULL)]

# The kinds of difference; "notification" with expected None is one wrongly added.
KINDS = ("service_level", "notification", "offer", "deadline", "answer", "hint")


class WeightsSpec(Struct, frozen=True, kw_only=True):
    notification_missed: Points
    critical_level_missed: Points
    service_level: Points
    deadline: Points
    notification_extra: Points
    offer: Points
    answer: Points
    hint: Points


class ScoringFile(Struct, frozen=True, kw_only=True):
    critical_levels: list[str]
    weights: WeightsSpec


@dataclass(frozen=True)
class Weights:
    notification_missed: int = 40
    critical_level_missed: int = 40
    service_level: int = 25
    deadline: int = 15
    notification_extra: int = 10
    offer: int = 10
    answer: int = 3
    hint: int = 5
    critical_levels: frozenset[str] = frozenset()  # from flows/scenarios/scoring.toml


DEFAULT = Weights()


@dataclass(frozen=True)
class Diff:
    """One item where the trainee's result differs from the right one (None: absent)."""

    kind: str  # one of KINDS
    id: str  # the item's ID: a level, notification, offer or deadline ID, an answer key
    expected: str | None
    got: str | None


def load(root: Path, level_ids: Sequence[str], problems: list[Problem]) -> Weights:
    """The weights of a data folder; the built-in ones when it has no scoring file."""
    if not (root / SCORING_FILE).is_file():
        return DEFAULT
    read = read_toml(root, SCORING_FILE, problems)
    if read is None:
        return DEFAULT
    source, raw = read
    spec = convert(source, raw, ScoringFile, problems)
    if spec is None:
        return DEFAULT
    for i, level in enumerate(spec.critical_levels):
        if level not in level_ids:
            problems.append(source.problem(("critical_levels", i), f"unknown service level '{level}'"))
    w = spec.weights
    return Weights(
        notification_missed=w.notification_missed,
        critical_level_missed=w.critical_level_missed,
        service_level=w.service_level,
        deadline=w.deadline,
        notification_extra=w.notification_extra,
        offer=w.offer,
        answer=w.answer,
        hint=w.hint,
        critical_levels=frozenset(spec.critical_levels),
    )


def cost(diff: Diff, weights: Weights) -> int:
    """What one difference costs."""
    w = weights
    if diff.kind == "service_level":
        return w.critical_level_missed if diff.expected in w.critical_levels else w.service_level
    if diff.kind == "notification":
        return w.notification_missed if diff.expected is not None else w.notification_extra
    return {"offer": w.offer, "deadline": w.deadline, "answer": w.answer, "hint": w.hint}.get(diff.kind, 0)


def unique(diffs: Iterable[Diff]) -> list[Diff]:
    """One difference per item: the same missed notification, predicted wrong and also lost by a
    wrong answer, is one mistake (the costlier reading is kept). Hints and answers all count."""
    out: dict[tuple[str, str, int], Diff] = {}
    for i, d in enumerate(diffs):
        key = (d.kind, d.id, i if d.kind in ("hint", "answer") else -1)
        if key not in out or (out[key].expected is None and d.expected is not None):
            out[key] = d
    return list(out.values())


def score(diffs: Iterable[Diff], weights: Weights = DEFAULT) -> int:
    """100 less the cost of each (distinct) difference, never below 0."""
    return max(0, FULL - sum(cost(d, weights) for d in unique(diffs)))


def items(kind: str, expected: Mapping[str, str], got: Mapping[str, str]) -> list[Diff]:
    """The differences between two sets of items of one kind, each ID mapped to its value
    (a deadline's date; for notifications and offers the ID itself)."""
    return [
        Diff(kind, i, expected.get(i), got.get(i)) for i in sorted({*expected, *got}) if expected.get(i) != got.get(i)
    ]
