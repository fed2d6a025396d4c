"""The debrief after a training round: what the trainee got right, what not, and why.

Pure: given a scenario, the answers the trainee recorded and the prediction made before
the recommendation was revealed, it computes everything the training screen shows, so
the UI only renders it. "Why" is always a citation of the standard (or the law) that the
engine used, next to the scenario's own section and the words of the vignette.

The score (0-100) weighs what matters on a real call: ``triage.training.scoring`` takes 100
less the weight of each difference (flows/scenarios/scoring.toml), a missed notification or
emergency the most. The differences are those of the prediction, those the trainee's own
answers lead to, each wrong answer and each hint taken.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

from triage.rules import engine
from triage.rules.model import Answer, Knowledge, Lang, Question, Text
from triage.rules.outcome import Cited
from triage.rules.recommendation import Recommendation, recommend
from triage.training import scoring
from triage.training.scenarios import Scenario


@dataclass(frozen=True)
class Prediction:
    """What the trainee expects before the recommendation is shown."""

    service_level: str
    notifications: frozenset[str]


@dataclass(frozen=True)
class AnswerDifference:
    key: str
    question: Question
    given: Answer | None  # None: the trainee did not reach or was not asked this question
    canonical: Answer | None  # None: the canonical call never asks it
    clue: Text | None  # the words of the vignette that decide it


@dataclass(frozen=True)
class Difference:
    """One item of the outcome the trainee got wrong, with what explains the right one."""

    field: str  # "service_level", "notification:<kind>" or, for answers, "outcome:<field>"
    expected: str  # what is right (the engine on the canonical answers)
    got: str  # what the trainee predicted, or what their answers led to
    section: str | None  # the scenario's section of the standard, where it names one
    citations: tuple[Cited, ...]  # the engine's citations for the right item
    # For "outcome:" differences: the trainee's wrong answers that decided it, i.e. that are in
    # the `because` of the item in the right result or in theirs (question IDs, in flow order).
    decided_by: tuple[str, ...] = ()


@dataclass(frozen=True)
class Debrief:
    scenario: Scenario
    prediction: Prediction
    recommendation: Recommendation  # on the canonical answers
    answer_differences: tuple[AnswerDifference, ...]
    answers_total: int
    outcome_differences: tuple[Difference, ...]  # what the trainee's own answers would change
    prediction_differences: tuple[Difference, ...]
    level_ok: bool
    notifications_ok: bool
    score: int
    costs: tuple[tuple[scoring.Diff, int], ...] = ()  # what the score was reduced by, item by item
    hints: tuple[str, ...] = ()  # the answer keys whose clue the trainee revealed
    theirs: Recommendation | None = None  # what the trainee's own answers lead to (when they differ)

    @property
    def answers_wrong(self) -> int:
        return len(self.answer_differences)


def _ids(values: Iterable[str]) -> str:
    out = sorted(set(values))
    return ", ".join(out) if out else "none"


def run(
    knowledge: Knowledge,
    scenario: Scenario,
    answers: Mapping[str, Answer],
    prediction: Prediction,
    lang: Lang = "da",
    *,
    weights: scoring.Weights = scoring.DEFAULT,
    hints: tuple[str, ...] = (),
) -> Debrief:
    """Compare a round with the scenario; ``answers`` may be incomplete (the call broke off).

    ``hints``: the clues revealed during the call, each costing ``weights.hint``."""
    flow = knowledge.flow
    rec = recommend(knowledge, scenario.municipality, scenario.answers, scenario.contact_date, lang)
    given = engine.walk(flow, answers, use_defaults=False)
    canonical = scenario.answers

    differences: list[AnswerDifference] = []
    keys = [q.id for q in flow.questions if q.id in canonical or q.id in given.answers]
    for key in keys:
        have, want = given.answers.get(key), canonical.get(key)
        if _same(have, want):
            continue
        question = flow.question(key)
        if question is None:  # pragma: no cover - keys come from the flow
            continue
        differences.append(AnswerDifference(key, question, have, want, scenario.clues.get(key)))

    expected_sections = {n.id: n.section for n in scenario.expected.notifications}
    outcome: list[Difference] = []
    theirs: Recommendation | None = None
    if given.done and differences:
        theirs = recommend(knowledge, scenario.municipality, given.answers, scenario.contact_date, lang)
        outcome = _outcome_differences(scenario, rec, theirs, expected_sections)
        wrong = [d.key for d in differences]
        outcome = [replace(d, decided_by=_decided_by(d.field, rec, theirs, wrong)) for d in outcome]

    predicted: list[Difference] = []
    level_ok = prediction.service_level == rec.level.id
    if not level_ok:
        predicted.append(
            Difference(
                "service_level",
                rec.level.id,
                prediction.service_level,
                scenario.expected.service_level.section,
                rec.cited("service_level"),
            )
        )
    engine_notes = {n.to for n in rec.notifications}
    missed = sorted(engine_notes - prediction.notifications)
    extra = sorted(prediction.notifications - engine_notes)
    for kind in missed:
        predicted.append(
            Difference(
                f"notification:{kind}",
                kind,
                "not predicted",
                expected_sections.get(kind),
                rec.cited(f"notification:{kind}"),
            )
        )
    for kind in extra:
        predicted.append(Difference(f"notification:{kind}", "not required", kind, None, ()))

    total = len(keys)
    diffs = score_differences(rec, prediction, theirs, [d.key for d in differences], hints)
    costs = tuple((d, scoring.cost(d, weights)) for d in scoring.unique(diffs))
    return Debrief(
        scenario=scenario,
        prediction=prediction,
        recommendation=rec,
        answer_differences=tuple(differences),
        answers_total=total,
        outcome_differences=tuple(outcome),
        prediction_differences=tuple(predicted),
        level_ok=level_ok,
        notifications_ok=not missed and not extra,
        score=scoring.score(diffs, weights),
        costs=costs,
        hints=hints,
        theirs=theirs,
    )


def score_differences(
    right: Recommendation,
    prediction: Prediction,
    theirs: Recommendation | None,
    wrong_answers: list[str],
    hints: tuple[str, ...],
) -> list[scoring.Diff]:
    """The round's differences as the score reads them: the prediction's, those the trainee's
    own answers lead to (``theirs``), each wrong answer and each hint, item by item."""
    out: list[scoring.Diff] = []
    level = right.level.id
    if prediction.service_level != level:
        out.append(scoring.Diff("service_level", "service_level", level, prediction.service_level))
    notes = {n.to: n.to for n in right.notifications}
    out += scoring.items("notification", notes, {n: n for n in prediction.notifications})
    if theirs is not None:
        if theirs.level.id != level:
            out.append(scoring.Diff("service_level", "service_level", level, theirs.level.id))
        out += scoring.items("notification", notes, {n.to: n.to for n in theirs.notifications})
        out += scoring.items("offer", {o.id: o.id for o in right.offers}, {o.id: o.id for o in theirs.offers})
        out += scoring.items(
            "deadline",
            {k: v.isoformat() for k, v in right.deadlines.items()},
            {k: v.isoformat() for k, v in theirs.deadlines.items()},
        )
    out += [scoring.Diff("answer", key, None, None) for key in wrong_answers]
    out += [scoring.Diff("hint", key, None, None) for key in hints]
    return out


def _decided_by(
    field: str, right: Recommendation, theirs: Recommendation, wrong: list[str]
) -> tuple[str, ...]:
    """The wrong answers that an outcome item of either result was decided by (its ``because``)."""
    kind = field.removeprefix("outcome:")
    if kind == "service_level":
        items = ["service_level"]
    else:
        prefix = {"notifications": "notification:", "offers": "offer:", "deadlines": "deadline:"}[kind]
        ids = {b.item for rec in (right, theirs) for b in rec.because if b.item.startswith(prefix)}
        items = sorted(ids)
    read: set[str] = set()
    for rec in (right, theirs):
        for item in items:
            why = rec.why(item)
            if why is not None:
                read.update(why.mapping())
    return tuple(k for k in wrong if k in read)


def _same(a: Answer | None, b: Answer | None) -> bool:
    if isinstance(a, tuple) and isinstance(b, tuple):
        return set(a) == set(b)
    return a == b


def _outcome_differences(
    scenario: Scenario,
    right: Recommendation,
    theirs: Recommendation,
    sections: Mapping[str, str],
) -> list[Difference]:
    """Where the trainee's answers lead the engine elsewhere than the canonical answers do."""
    out: list[Difference] = []
    if right.level.id != theirs.level.id:
        out.append(
            Difference(
                "outcome:service_level",
                right.level.id,
                theirs.level.id,
                scenario.expected.service_level.section,
                right.cited("service_level"),
            )
        )
    right_notes = {n.to for n in right.notifications}
    their_notes = {n.to for n in theirs.notifications}
    if right_notes != their_notes:
        cites = tuple(c for kind in sorted(right_notes - their_notes) for c in right.cited(f"notification:{kind}"))
        missing = sorted(right_notes - their_notes)
        out.append(
            Difference(
                "outcome:notifications",
                _ids(right_notes),
                _ids(their_notes),
                "; ".join(sections[k] for k in missing if k in sections) or None,
                cites,
            )
        )
    right_offers = {o.id for o in right.offers}
    their_offers = {o.id for o in theirs.offers}
    if right_offers != their_offers:
        cites = tuple(c for oid in sorted(right_offers - their_offers) for c in right.cited(f"offer:{oid}"))
        out.append(Difference("outcome:offers", _ids(right_offers), _ids(their_offers), None, cites))
    if dict(right.deadlines) != dict(theirs.deadlines):
        out.append(
            Difference(
                "outcome:deadlines",
                _ids(f"{k} {v.isoformat()}" for k, v in right.deadlines.items()),
                _ids(f"{k} {v.isoformat()}" for k, v in theirs.deadlines.items()),
                None,
                tuple(c for k in right.deadlines for c in right.cited(f"deadline:{k}")),
            )
        )
    return out


def cite_text(c: Cited) -> str:
    """One citation as a person reads it: ``Holbæk 2023, Ungebehandling (SEL § 101)``."""
    where = f"{c.source.short}, {c.section}" if c.source is not None else c.section
    return f"{where} ({c.law})" if c.law else where
