"""The proof behind ``triage check``: prove a data folder complete and consistent, or show a counterexample.

Enumerating raw answers is hopeless (ages x substance subsets x every flag), but the
rules can only tell apart what their conditions test. So each answer's domain is cut
into the classes the conditions distinguish (ages at the thresholds used, substance
sets by the substances named), and the flow is walked over one representative of each
class. Every reachable conversation is covered: a proof, not a sample.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import NamedTuple

from triage.data.loader import key_string, resolve
from triage.data.paths import FLOW_FILE, MUNICIPALITIES_FILE
from triage.rules.conditions import Compare, Condition, ListLiteral, Literal, Name, parse
from triage.rules.derived import DERIVED, boundaries, possible
from triage.rules.engine import Staged
from triage.rules.errors import Problem
from triage.rules.invariants import RESULT_NAMES, failing
from triage.rules.model import UNKNOWN, Answer, Flow, Invariant, Knowledge, Law, Location, Municipality, Question, Rule
from triage.rules.outcome import Decision
from triage.verify.bounds import bound_classes, bound_named_options


@dataclass
class Report:
    municipality: str
    classes: int = 0
    rules: int = 0
    fired: set[str] = field(default_factory=set)
    dead: list[str] = field(default_factory=list)
    findings: list[Problem] = field(default_factory=list)
    counterexample: dict[str, Answer] | None = None  # the smallest of ``examples``
    seconds: float = 0.0
    asked: set[str] = field(default_factory=set)  # questions asked in some conversation
    # The smallest conversation that shows each finding of the proof, labelled by it.
    examples: dict[Problem, dict[str, Answer]] = field(default_factory=dict)
    # Level rules whose condition held but that lost to another level: their winners.
    beaten: dict[str, set[str]] = field(default_factory=dict)
    # What a maintainer should know but that is not wrong: recipients the standard does not name.
    notes: list[Problem] = field(default_factory=list)


class _Found(NamedTuple):
    """A finding of one conversation: what it is (one finding per ``what``, shown with the
    smallest conversation), its words, and the rule it points at (else the municipality)."""

    what: str
    message: str
    rule: Rule | None = None


def classes(q: Question, conds: Iterable[Condition]) -> list[Answer]:
    """One representative answer for each class of ``q``'s domain that the conditions tell apart.

    An answer that no condition reads (of the flow, the rules or the invariants) is a single
    class: whatever it is, nothing that is asked or recommended can change.
    """
    conds = list(conds)
    if not any(q.id in c.names() for c in conds):
        return [_any_value(q)]
    if q.kind == "bool":  # "ved ikke" (contract v3) is a class of its own where it is allowed
        return [False, True, *([UNKNOWN] if q.allow_unknown is not None else [])]
    if q.kind == "choice":
        return [o.value for o in q.options]
    compares = [c for cond in conds for c in cond.comparisons() if q.id in _names(c)]
    if q.kind == "int":
        return _number_classes(q, compares)
    return _set_classes(q, compares)


def _any_value(q: Question) -> Answer:
    if q.kind == "bool":
        return False
    if q.kind == "int":
        return q.minimum if q.minimum is not None else 0
    first = q.options[0].value
    return (first,) if q.kind == "multi" else first


def _number_classes(q: Question, compares: list[Compare]) -> list[Answer]:
    """The first value of each range between the values where a comparison changes its truth.

    ``in [..]`` and ``not in [..]`` change it at each value they list (issue 22: a value left
    out of a list is a class of its own)."""
    lo = q.minimum if q.minimum is not None else 0
    hi = q.maximum if q.maximum is not None else lo
    starts = {lo}
    for c in compares:
        for op, k in _thresholds(c, q.id):
            for b in {"<": [k], ">=": [k], "<=": [k + 1], ">": [k + 1]}.get(op, [k, k + 1]):
                if lo < b <= hi:
                    starts.add(b)
    unknown: list[Answer] = [UNKNOWN] if q.allow_unknown is not None else []
    return [*sorted(starts), *unknown]


def _set_classes(q: Question, compares: list[Compare]) -> list[Answer]:
    """Sets differ only in the options the conditions name, and whether any other is present."""
    named: list[str] = []
    for c in compares:
        for side in (c.left, c.right):
            if isinstance(side, Literal) and isinstance(side.value, str):
                named.append(side.value)
            elif isinstance(side, ListLiteral):
                named += [v for v in side.items if isinstance(v, str)]
    options = [o.value for o in q.options]
    relevant = [v for v in options if v in named]
    others = [v for v in options if v not in named]
    bound_named_options(q.id, len(relevant))  # before 2**n sets are made
    reps: list[Answer] = []
    for mask in range(1 << len(relevant)):
        chosen = tuple(v for i, v in enumerate(relevant) if mask >> i & 1)
        for extra in [()] + ([(others[0],)] if others else []):
            value = chosen + extra
            if len(value) >= max(q.min_selected, 1 if q.min_selected else 0):
                reps.append(value)
    return reps


def _names(c: Compare) -> set[str]:
    return {s.name for s in (c.left, c.right) if isinstance(s, Name)}


def _thresholds(c: Compare, name: str) -> list[tuple[str, int]]:
    """Where ``c`` can change its truth for the number ``name``: (operator, value) pairs."""
    if c.op in ("in", "not in") and isinstance(c.left, Name) and c.left.name == name:
        if isinstance(c.right, ListLiteral):
            return [("==", v) for v in c.right.items if isinstance(v, int) and not isinstance(v, bool)]
        return []
    op, k = _threshold(c, name)
    return [] if k is None else [(op, k)]


def _threshold(c: Compare, name: str) -> tuple[str, int | None]:
    flip = {"<": ">", ">": "<", "<=": ">=", ">=": "<=", "==": "==", "!=": "!="}
    if isinstance(c.left, Name) and c.left.name == name and isinstance(c.right, Literal):
        v = c.right.value
        return c.op, v if isinstance(v, int) and not isinstance(v, bool) else None
    if isinstance(c.right, Name) and c.right.name == name and isinstance(c.left, Literal):
        v = c.left.value
        return flip.get(c.op, c.op), v if isinstance(v, int) and not isinstance(v, bool) else None
    return c.op, None


def conversations(
    flow: Flow, domains: Mapping[str, list[Answer]], law: Law | None = None
) -> Iterator[dict[str, Answer]]:
    """Every reachable complete conversation, one per combination of classes.

    Derived facts (``rules.derived``) that a rule reads are tried, after the questions, with
    every value they can take for those answers on some contact date: the proof does not fix
    the date.
    """
    for prefix, rest in groups(flow, domains, law, len(flow.questions)):
        yield from rest(prefix)


Rest = Callable[[dict[str, Answer]], Iterator[dict[str, Answer]]]


def groups(
    flow: Flow, domains: Mapping[str, list[Answer]], law: Law | None, split: int
) -> Iterator[tuple[dict[str, Answer], Rest]]:
    """The conversations as groups: each combination of classes of the questions before
    ``split`` (the prefix), with a function that gives the group's conversations (the prefix
    completed by every combination of the later questions and the derived facts). The prefix
    is the caller's to read until it asks for the next group."""
    derived = [name for name in DERIVED if name in domains] if law is not None else []

    def facts(j: int, given: dict[str, Answer]) -> Iterator[dict[str, Answer]]:
        if j == len(derived):
            yield dict(given)
            return
        name = derived[j]
        assert law is not None
        for value in possible(law, name, given):
            if value is None:
                yield from facts(j + 1, given)
                continue
            given[name] = value
            yield from facts(j + 1, given)
            del given[name]

    def go(i: int, given: dict[str, Answer], stop: int) -> Iterator[dict[str, Answer]]:
        if i == stop:
            yield given
            return
        if i == len(flow.questions):
            yield from facts(0, given)
            return
        q = flow.questions[i]
        if q.when.evaluate(given) is not True:
            yield from go(i + 1, given, stop)
            return
        for value in domains[q.id]:
            if value == UNKNOWN and q.allow_unknown is not None and not q.unknown_allowed(given):
                continue
            given[q.id] = value
            yield from go(i + 1, given, stop)
            del given[q.id]

    # The later questions and the derived facts read only these answers of a prefix: their
    # combinations are worked out once for each set of values of these, and reused.
    later = [c for q in flow.questions[split:] for c in (q.when, q.allow_unknown) if c is not None]
    reads = sorted(
        frozenset().union(*(c.names() for c in later)) | {a for name in derived for a in boundaries(law, name)}  # type: ignore[arg-type]
    )
    completions: dict[tuple[Answer | None, ...], list[dict[str, Answer]]] = {}

    def rest(prefix: dict[str, Answer]) -> Iterator[dict[str, Answer]]:
        key = tuple(map(prefix.get, reads))
        known = completions.get(key)
        if known is None:
            known = completions[key] = [
                {k: v for k, v in full.items() if k not in prefix}
                for full in go(split, dict(prefix), len(flow.questions) + 1)
            ]
        for late in known:
            yield {**prefix, **late}

    for prefix in go(0, {}, split):
        yield prefix, rest


def located(
    knowledge: Knowledge,
    file: str,
    path: tuple[str | int, ...],
    message: str,
    municipality: str | None = None,
    rule: str | None = None,
) -> Problem:
    """A finding about the value at ``path``, located ``file:line:col: key.path``."""
    return _where(knowledge, Location(file, key_string(path), path=path), message, municipality, rule)


def _where(
    knowledge: Knowledge, location: Location, message: str, municipality: str | None = None, rule: str | None = None
) -> Problem:
    """The line is looked up only here, when there is a finding to show."""
    loc = resolve(knowledge.root, location)
    return Problem(loc.file, loc.key, message, loc.line, loc.column, municipality=municipality, rule=rule)


def flow_findings(knowledge: Knowledge, asked: set[str]) -> list[Problem]:
    """Conditions that read an answer not asked before them, and questions never asked."""
    out = []
    earlier: set[str] = set()
    for i, q in enumerate(knowledge.flow.questions):
        late = sorted(q.when.names() - earlier)
        if late:
            out.append(
                located(
                    knowledge,
                    FLOW_FILE,
                    ("questions", i, "when"),
                    f"reads {', '.join(late)}, which the flow does not ask before this question",
                )
            )
        elif late_says := [j for j, say in enumerate(q.says) if say.when.names() - earlier]:
            out.append(
                located(
                    knowledge,
                    FLOW_FILE,
                    ("questions", i, "say", late_says[0], "when"),
                    f"what to say reads {', '.join(sorted(q.says[late_says[0]].when.names() - earlier))}, "
                    "which the flow does not ask before this question",
                )
            )
        elif q.id not in asked:
            out.append(
                located(
                    knowledge,
                    FLOW_FILE,
                    ("questions", i, "when"),
                    f"question '{q.id}' is never asked (its condition is false for every conversation)",
                )
            )
        earlier.add(q.id)
    return out


def prove(knowledge: Knowledge, muni: Municipality, domains: Mapping[str, list[Answer]]) -> Report:
    """Walk every class of conversation through the first stage of the evaluation
    (``engine.decide``, staged), and report what breaks a promise (each finding with the
    smallest conversation that shows it); then the rules that never applied."""
    start = time.perf_counter()
    proof = _Proof(knowledge, muni)
    for prefix, rest in groups(knowledge.flow, domains, knowledge.law, proof.split):
        proof.group(prefix, rest)
    report = proof.report
    for f, answers in proof.found.values():
        if f.rule is not None:
            problem = _where(knowledge, f.rule.location, f.message, muni.id, f.rule.id)
        else:
            problem = located(knowledge, MUNICIPALITIES_FILE, (muni.id,), f.message, muni.id)
        report.findings.append(problem)
        report.examples[problem] = answers
        if report.counterexample is None or len(answers) < len(report.counterexample):
            report.counterexample = answers
    report.dead = [r.id for r in muni.rules if r.id not in report.fired]
    report.findings += _rule_findings(knowledge, muni, report)
    report.notes = [
        located(knowledge, MUNICIPALITIES_FILE, (muni.id, "recipients", kind),
                f"recipient '{muni.recipients[kind]}' for '{kind}' is not confirmed by the standard"
                " (confirmed = false): every notification to it carries a warning", muni.id)
        for kind in sorted(muni.unconfirmed)
    ]  # fmt: skip
    report.seconds = time.perf_counter() - start
    return report


class _Proof:
    """One municipality's proof, a group of conversations at a time (``groups``: they share
    their answers before the late questions, ``_late``). What a group shares is evaluated once
    (``engine.Staged``), and what a conversation breaks is kept by the rules that applied and
    the promises that apply."""

    def __init__(self, knowledge: Knowledge, muni: Municipality) -> None:
        flow = knowledge.flow
        self.flow, self.muni = flow, muni
        self.report = Report(muni.id, rules=len(muni.rules))
        self.found: dict[str, tuple[_Found, dict[str, Answer]]] = {}
        late = _late(flow, muni)
        self.split = next((i for i, q in enumerate(flow.questions) if q.id in late), len(flow.questions))
        self.staged = Staged(flow, muni, late)
        invariants = knowledge.law.invariants
        self.early_invariants = [i for i in invariants if not i.when.names() & late]
        self.late_invariants = [i for i in invariants if i.when.names() & late]
        self.holds_reads = sorted(frozenset().union(*(i.holds.names() for i in invariants)) - RESULT_NAMES)
        self.precedence = {t.id: t.precedence for t in flow.levels}
        self.memo: dict[tuple[object, ...], list[_Found]] = {}

    def group(self, prefix: dict[str, Answer], rest: Rest) -> None:
        """Every conversation that completes ``prefix``."""
        mid = self.muni.id
        early = self.staged.early({**prefix, "municipality": mid})
        applying = [i for i in self.early_invariants if i.when.evaluate(prefix) is True]
        report, found, memo = self.report, self.found, self.memo
        report.asked.update(prefix)
        for answers in rest(prefix):
            report.classes += 1
            report.asked.update(answers)
            env: dict[str, Answer] = {**answers, "municipality": mid}
            decision = self.staged.finish(early, env)
            now = applying + [i for i in self.late_invariants if i.when.evaluate(env) is True]
            # What a conversation breaks depends on the rules that applied, the promises that
            # apply and the answers ``holds`` reads besides the result: kept by those.
            key = (
                *map(id, decision.level_rules), None, *map(id, decision.others), None, *map(id, now), None,
                *map(answers.get, self.holds_reads),
            )  # fmt: skip
            problems = memo.get(key)
            if problems is None:
                problems = memo[key] = _problems(self.flow, now, self.precedence, decision, report)
            for f in problems:
                if f.what not in found or len(answers) < len(found[f.what][1]):
                    found[f.what] = (f, answers)


def _late(flow: Flow, muni: Municipality) -> frozenset[str]:
    """The answers enumerated last (the flow's last questions that no level rule reads, and the
    derived facts): the conversations that differ only in these share everything else, so the
    rules that read none of them are evaluated once per group (``engine.Staged``)."""
    level_names = frozenset().union(*(r.when.names() for r in muni.split()[0]))
    late = set(DERIVED)
    for q in reversed(flow.questions):
        if q.id in level_names:
            break
        late.add(q.id)
    return frozenset(late)


def _problems(
    flow: Flow,
    applying: list[Invariant],
    precedence: Mapping[str, str],
    decision: Decision,
    report: Report,
) -> list[_Found]:
    """What one conversation breaks (``decision``: the first stage of its evaluation): no level,
    a broken invariant, an overlap of level rules that only the order of precedence decides, an
    item without a citation. ``report`` gets the rules that applied and the level rules that lost."""
    if decision.level is None:
        return [_Found("no level", "no service level applies")]
    winner = decision.level_rules[0]
    report.fired.update(r.id for r in decision.level_rules if r.target == decision.level)
    report.fired.update(r.id for r in decision.others)
    env = dict(decision.facts)  # ``holds`` reads the result too
    out = [
        _Found(i.id, f"{i.message} (invariant '{i.id}'; the level '{decision.level}' came from rule '{winner.id}')")
        for i in failing(flow, applying, env, decision)
    ]
    for loser in decision.level_rules[1:]:
        if loser.target == decision.level:
            continue
        report.beaten.setdefault(loser.id, set()).add(winner.id)
        out += _overlap(precedence, decision.level_rules, loser)
    if any(not r.cites for r in decision.level_rules + decision.others):
        out.append(_Found("uncited", "an item without a citation"))
    return out


def _overlap(precedence: Mapping[str, str], fired: tuple[Rule, ...], loser: Rule) -> list[_Found]:
    """Two "ordinary" levels that both apply (see ``schema.LevelSpec``): the order of precedence
    decides silently, unless a rule marks the overlap intended (``overlaps``)."""
    if precedence[loser.target] == "last":
        return []
    out = []
    for r in fired:
        if r.target != fired[0].target:
            break  # only where the two decide: a level above both (acute danger, alcohol alone) hides it
        if precedence[r.target] == "first" or r.id in loser.overlaps or loser.id in r.overlaps:
            continue
        fix = (
            f'set the law\'s rule aside with replaces = ["{loser.id}"]'
            if loser.origin != r.origin and r.origin != "law"
            else f"narrow one of them, or mark the overlap intended with overlaps = [\"{r.id}\"] on '{loser.id}'"
        )
        out.append(
            _Found(
                f"overlap {r.id} {loser.id}",
                f"level rules '{r.id}' ({r.target}) and '{loser.id}' ({loser.target}) both apply, and only the"
                f" order of precedence gives '{r.target}': {fix}",
                loser if loser.origin != "law" else r,  # point at the municipality's own rule
            )
        )
    return out


def _rule_findings(knowledge: Knowledge, muni: Municipality, report: Report) -> list[Problem]:
    out = []
    for r in muni.rules:
        if r.id in report.dead:
            out.append(_dead(knowledge, muni, r, report.beaten.get(r.id, set())))
        for name in sorted(r.when.names() - report.asked - {"level", "municipality"}):
            out.append(
                _where(knowledge, r.location, f"rule '{r.id}' reads '{name}', which the flow never asks", muni.id, r.id)
            )
    return out


def _dead(knowledge: Knowledge, muni: Municipality, rule: Rule, beaten_by: set[str]) -> Problem:
    """A rule that never applies. A national rule is dead because of one municipality's rules:
    the finding names it and points at its table, where ``replaces`` would set the rule aside."""
    why = (
        f": wherever it applies, {', '.join(repr(b) for b in sorted(beaten_by))} win by the order of precedence"
        if beaten_by
        else ""
    )
    if rule.origin != muni.id:
        message = (
            f"national rule '{rule.id}' never applies in {muni.name} ({muni.id}){why}; set it aside with"
            f' replaces = ["{rule.id}"] if the standard means to'
        )
        return located(knowledge, MUNICIPALITIES_FILE, (muni.id,), message, muni.id, rule.id)
    return _where(knowledge, rule.location, f"rule '{rule.id}' never applies (dead rule){why}", muni.id, rule.id)


def domains_for(knowledge: Knowledge, muni: Municipality) -> dict[str, list[Answer]]:
    """The answer classes that this municipality's rules (with the flow and the law) tell apart."""
    conds = [
        *(q.when for q in knowledge.flow.questions),
        *(t.when for t in knowledge.law.to_check),
        *(c for i in knowledge.law.invariants for c in (i.when, i.holds)),
        *(r.when for r in muni.rules),
    ]
    read = [name for name in DERIVED if any(name in c.names() for c in conds)]
    for name in read:  # cut the answers where a derived fact's possible values change
        for answer, values in boundaries(knowledge.law, name).items():
            conds += [parse(f"{answer} < {v}") for v in values]
    domains: dict[str, list[Answer]] = {q.id: classes(q, conds) for q in knowledge.flow.questions}
    bound_classes(domains, muni.id)  # before any conversation is walked
    for name in read:
        domains[name] = []  # its values come from ``possible``, per conversation
    return domains


# From this many municipalities on, the proofs run in worker processes, one per core: starting a
# worker costs a fraction of a second, a municipality's proof about one (benchmarks/check.py).
PARALLEL_FROM = 12


def verify(knowledge: Knowledge, processes: int | None = None) -> tuple[list[Problem], list[Report]]:
    """Prove every municipality; with many, in ``processes`` workers (default: one per core;
    ``TRIAGE_CHECK_PROCESSES=1`` keeps it in this process)."""
    ids = list(knowledge.municipalities)
    if processes is None:
        processes = int(os.environ.get("TRIAGE_CHECK_PROCESSES", "0")) or (os.cpu_count() or 1)
    if processes > 1 and len(ids) >= PARALLEL_FROM:
        reports = _in_workers(knowledge, ids, processes)
    else:
        reports = [_prove_one(knowledge, mid) for mid in ids]
    asked = set().union(*(r.asked for r in reports))
    return flow_findings(knowledge, asked), reports


def _prove_one(knowledge: Knowledge, mid: str) -> Report:
    muni = knowledge.municipalities[mid]
    return prove(knowledge, muni, domains_for(knowledge, muni))


_WORKER: dict[str, Knowledge] = {}  # the knowledge a worker process proves, set once when it starts


def _start_worker(knowledge: Knowledge) -> None:
    _WORKER["knowledge"] = knowledge


def _prove_in_worker(mid: str) -> Report:
    return _prove_one(_WORKER["knowledge"], mid)


def _in_workers(knowledge: Knowledge, ids: list[str], processes: int) -> list[Report]:
    """The proofs in separate processes (``spawn``: no fork of a process that may have threads);
    each gets the knowledge once, pickled, and the reports come back in the data's order."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(processes, mp_context=context, initializer=_start_worker, initargs=(knowledge,)) as pool:
        return list(pool.map(_prove_in_worker, ids))
