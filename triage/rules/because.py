"""``because``: which answers decided each item of an outcome, read from the trace of the
evaluation of the deciding rules' conditions (``conditions.explain``), never recomputed."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from triage.rules.conditions import explain
from triage.rules.model import Answer, Flow, Municipality, Rule
from triage.rules.outcome import Because, Outcome, Reason

HOLDS, FAILS = frozenset({True}), frozenset({False, None})
Read = dict[str, list[str]]  # answer -> the tests a rule made of it ("< 18"), in order


def because(flow: Flow, muni: Municipality, outcome: Outcome) -> tuple[Because, ...]:
    """``Because`` for the service level, each offer, notification and deadline (in that order).

    The level: what its winning rule read, and what kept every higher-ranked level rule from
    applying. A deadline: what its shortest rule read, and what kept the shorter ones of the
    same deadline from applying. An item whose rule reads the level also carries the level's.
    """
    env = outcome.decision.facts
    level = outcome.level.id
    higher = [r for r in muni.rules if r.kind == "level" and flow.rank(r.target) < flow.rank(level)]
    level_decided = _reasons(explain(outcome.level.rules[0].when, env, HOLDS))
    level_ruled_out = _reasons(p for r in higher for p in explain(r.when, env, FAILS))
    level_all = {**level_decided, **{k: v for k, v in level_ruled_out.items() if k not in level_decided}}
    out = [_made(flow, env, "service_level", level_decided, level_ruled_out, [outcome.level.rules[0]], None)]
    items = [(f"offer:{o.id}", o.rules) for o in outcome.offers]
    items += [(f"notification:{n.to}", n.rules) for n in outcome.notifications]
    for item, rules in items:
        decided = _reasons(explain(rules[0].when, env, HOLDS))
        out.append(_made(flow, env, item, decided, {}, rules[:1], level_all if "level" in decided else None))
    deadline_rules = [r for r in muni.rules if r.kind == "deadline"]
    for d in outcome.deadlines:
        first = min(d.rules, key=lambda r: r.days or 0)
        shorter = [r for r in deadline_rules if r.target == d.id and (r.days or 0) < (first.days or 0)]
        decided = _reasons(explain(first.when, env, HOLDS))
        ruled_out = _reasons(p for r in shorter for p in explain(r.when, env, FAILS))
        reads_level = "level" in decided or "level" in ruled_out
        out.append(
            _made(flow, env, f"deadline:{d.id}", decided, ruled_out, [first], level_all if reads_level else None)
        )
    return tuple(out)


def _reasons(pairs: Iterable[tuple[str, str]]) -> Read:
    out: Read = {}
    for name, test in pairs:
        if name == "municipality":
            continue
        tests = out.setdefault(name, [])
        if test and test not in tests:
            tests.append(test)
    return out


def _closed(flow: Flow, env: Mapping[str, Answer], read: Read) -> Read:
    """Add what made each question asked (or kept it from being asked)."""
    todo = [n for n in read if n != "level"]
    while todo:
        q = flow.question(todo.pop())
        if q is None:
            continue
        want = HOLDS if q.id in env else FAILS
        for name, tests in _reasons(explain(q.when, env, want)).items():
            if name not in read:
                read[name] = tests
                todo.append(name)
    return read


def _made(
    flow: Flow,
    env: Mapping[str, Answer],
    item: str,
    decided: Read,
    ruled_out: Read,
    conds: Iterable[Rule],
    level: Read | None,
) -> Because:
    everything: Read = {}
    for part in (decided, ruled_out, level or {}):
        for name, tests in part.items():
            if name != "level":
                everything.setdefault(name, []).extend(t for t in tests if t not in everything.get(name, []))
    everything = _closed(flow, env, everything)
    order = [q.id for q in flow.questions]

    def as_reasons(read: Mapping[str, list[str]]) -> tuple[Reason, ...]:
        return tuple(Reason(k, env[k], tuple(read[k])) for k in order if k in read and k in env)

    return Because(
        item,
        as_reasons(decided),
        as_reasons(ruled_out),
        "level" in decided or "level" in ruled_out,
        as_reasons(everything),
        tuple(dict.fromkeys(r.when.source for r in conds)),
    )
