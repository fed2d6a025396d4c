"""The scenario library: fictional calls with the outcome their standard prescribes.

Each scenario in ``flows/scenarios/*.toml`` is a vignette as a caller would tell it,
the canonical answers a counsellor should record, and the expected outcome written
from the municipality's standard (each item with the section that decides it). They
serve twice: trainees practise on them, and ``triage scenarios test`` runs them all
through the engine so a rule change that breaks one fails CI.

Loading is as strict as the rest of the data (unknown keys refused, every problem
located as ``file:line:col: key: message``). Where the engine knowingly disagrees with
the standard, the scenario says so in ``disagreements``: the expectation stays what the
standard says, and the runner fails again the day the engine changes either way.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

import msgspec

from triage.data.loader import KeyPath, SourceFile, convert, key_string, read_toml, resolve
from triage.data.schema import Struct, TextSpec
from triage.rules import engine, recommendation
from triage.rules.errors import DataError, Problem, suggestion
from triage.rules.model import Answer, Flow, Knowledge, Location, Term, Text
from triage.rules.outcome import ItemKey, decided, differences
from triage.rules.parsing import BadAnswer, parse_answer
from triage.training import clues, scoring

SCENARIO_DIR = "flows/scenarios"
TOPICS_FILE = f"{SCENARIO_DIR}/topics.toml"
# Files of the scenario folder that hold no scenarios: topics, clue words, score weights.
NOT_SCENARIOS = frozenset({"topics.toml", "signals.toml", "scoring.toml"})
ABSENT = "absent"
NONE = "none"
_Bad = Callable[[KeyPath, str], None]  # records a problem at a key below the scenario's table


# --- the file format ------------------------------------------------------------------


class ItemSpec(Struct, frozen=True, kw_only=True):
    id: str
    section: str  # the section of the standard (or the law) that decides it


class NotificationSpec(Struct, frozen=True, kw_only=True):
    to: str
    section: str
    recipient: str | None = None  # optional: the unit's name exactly as the recommendation gives it


class DeadlineSpec(Struct, frozen=True, kw_only=True):
    id: str
    section: str
    days: Annotated[int, msgspec.Meta(ge=0, le=365)] | None = None  # after contact_date
    date: datetime.date | None = None  # or a fixed date


class ExpectedSpec(Struct, frozen=True, kw_only=True):
    service_level: ItemSpec
    notifications: list[NotificationSpec] = msgspec.field(default_factory=list)
    offers: list[ItemSpec] = msgspec.field(default_factory=list)
    deadlines: list[DeadlineSpec] = msgspec.field(default_factory=list)
    warnings: list[str] = msgspec.field(default_factory=list)  # warning IDs that must be among the engine's
    # The rights the caller must be told (contract v3), compared like offers; when left out, not
    # compared (a trainee's score never reads them: see scoring.toml).
    rights: list[ItemSpec] | None = None


class DisagreementSpec(Struct, frozen=True, kw_only=True):
    field: str  # service_level, notifications, offers, warnings, rights or deadlines.<id>
    engine: str  # what the engine gives today, as the runner prints it
    note: str  # why the standard reads otherwise


class ScenarioSpec(Struct, frozen=True, kw_only=True):
    id: str
    title: TextSpec
    municipality: str
    difficulty: Annotated[int, msgspec.Meta(ge=1, le=3)]
    topics: list[str]
    contact_date: datetime.date
    # Optional for a check (practice = false) only: it is never shown.
    vignette: TextSpec | None = None
    answers: dict[str, Any]
    # answer key -> the vignette's words that decide it, quoted exactly ("..." between parts)
    clues: dict[str, TextSpec] = msgspec.field(default_factory=dict)
    expected: ExpectedSpec
    disagreements: list[DisagreementSpec] = msgspec.field(default_factory=list)
    teaching: TextSpec | None = None  # the point of the case, shown in the debrief
    # false: a check of the standard for `triage scenarios test` only, never offered to trainees
    # (many near-identical boundary cases would crowd the training list).
    practice: bool = True


class ScenarioFile(Struct, frozen=True, kw_only=True):
    scenario: list[ScenarioSpec]


class TopicSpec(Struct, frozen=True, kw_only=True):
    id: str
    label: TextSpec


class TopicsFile(Struct, frozen=True, kw_only=True):
    topic: list[TopicSpec]


# --- the loaded model ---------------------------------------------------------------


@dataclass(frozen=True)
class Item:
    id: str
    section: str


@dataclass(frozen=True)
class Due:
    id: str
    section: str
    days: int | None
    date: datetime.date | None

    def on(self, contact: datetime.date) -> datetime.date:
        if self.date is not None:
            return self.date
        return contact + datetime.timedelta(days=self.days or 0)


@dataclass(frozen=True)
class Expected:
    service_level: Item
    notifications: tuple[Item, ...]
    offers: tuple[Item, ...]
    deadlines: tuple[Due, ...]
    warnings: tuple[str, ...]
    recipients: tuple[tuple[str, str], ...] = ()  # (notification kind, recipient) where the key names one
    rights: tuple[Item, ...] | None = None  # None: the scenario states none, nothing compared


@dataclass(frozen=True)
class Disagreement:
    field: str
    engine: str
    note: str
    location: Location


@dataclass(frozen=True)
class Scenario:
    id: str
    title: Text
    municipality: str
    difficulty: int
    topics: tuple[str, ...]
    contact_date: datetime.date
    vignette: Text
    answers: Mapping[str, Answer]
    clues: Mapping[str, Text]
    expected: Expected
    disagreements: tuple[Disagreement, ...]
    location: Location  # the scenario's table; sub-keys are found from its path
    teaching: Text | None = None  # the point the case makes, for the debrief
    practice: bool = True  # False: run by `scenarios test` only, not offered for training

    def at(self, *path: str | int) -> Location:
        full = (*self.location.path, *path)
        return Location(self.location.file, key_string(full), path=full)


@dataclass(frozen=True)
class Library:
    root: str
    scenarios: tuple[Scenario, ...]  # what trainees practise on (and ``get`` and ``select`` find)
    topics: tuple[Term, ...]
    weights: scoring.Weights = scoring.DEFAULT  # the score's weights (flows/scenarios/scoring.toml)
    checks: tuple[Scenario, ...] = ()  # practice = false: for `triage scenarios test` only

    @property
    def every(self) -> tuple[Scenario, ...]:
        """The scenarios and the checks: what `triage scenarios test` runs."""
        return self.scenarios + self.checks

    def get(self, sid: str) -> Scenario | None:
        return next((s for s in self.scenarios if s.id == sid), None)

    def topic(self, tid: str) -> Term | None:
        return next((t for t in self.topics if t.id == tid), None)

    def select(
        self,
        *,
        municipality: str | None = None,
        difficulty: int | None = None,
        topic: str | None = None,
    ) -> tuple[Scenario, ...]:
        return tuple(
            s
            for s in self.scenarios
            if (municipality is None or s.municipality == municipality)
            and (difficulty is None or s.difficulty == difficulty)
            and (topic is None or topic in s.topics)
        )


def scenario_files(root: Path) -> list[str]:
    """The scenario files of a data folder, relative to it, in name order."""
    folder = root / SCENARIO_DIR
    if not folder.is_dir():
        return []
    return [f"{SCENARIO_DIR}/{p.name}" for p in sorted(folder.glob("*.toml")) if p.name not in NOT_SCENARIOS]


def load(knowledge: Knowledge) -> Library:
    """Read and check every scenario of the knowledge's data folder; ``DataError`` lists every problem."""
    root = Path(knowledge.root)
    problems: list[Problem] = []
    topics: tuple[Term, ...] = ()
    read = read_toml(root, TOPICS_FILE, problems)
    if read is not None:
        topics_spec = convert(read[0], read[1], TopicsFile, problems)
        if topics_spec is not None:
            topics = tuple(Term(t.id, Text(t.label.da, t.label.en)) for t in topics_spec.topic)
    topic_ids = [t.id for t in topics]
    signals = clues.load(root, knowledge.flow, problems)
    weights = scoring.load(root, [t.id for t in knowledge.flow.levels], problems)
    scenarios: list[Scenario] = []
    seen: dict[str, str] = {}
    for rel in scenario_files(root):
        read = read_toml(root, rel, problems)
        if read is None:
            continue
        source, raw = read
        spec_file = convert(source, raw, ScenarioFile, problems)
        if spec_file is None:
            continue
        for i, spec in enumerate(spec_file.scenario):
            path: KeyPath = ("scenario", i)
            if spec.id in seen:
                message = f"duplicate scenario ID '{spec.id}' (also in {seen[spec.id]})"
                problems.append(source.problem((*path, "id"), message))
            seen[spec.id] = rel
            checked = _check(knowledge, source, path, spec, topic_ids, problems, signals)
            if checked is not None:
                scenarios.append(checked)
    if not scenario_files(root):
        problems.append(Problem(SCENARIO_DIR, "", "no scenario files (*.toml) found"))
    if problems:
        raise DataError(problems)
    practice = tuple(s for s in scenarios if s.practice)
    return Library(str(root), practice, topics, weights, tuple(s for s in scenarios if not s.practice))


def _check(
    knowledge: Knowledge,
    source: SourceFile,
    path: KeyPath,
    spec: ScenarioSpec,
    topic_ids: Sequence[str],
    problems: list[Problem],
    signals: Sequence[clues.Signal] = (),
) -> Scenario | None:
    """Cross-check one scenario against the flow and the municipalities; None if it has problems."""
    flow = knowledge.flow
    before = len(problems)

    def bad(sub: KeyPath, message: str) -> None:
        problems.append(source.problem((*path, *sub), message))

    _check_header(bad, knowledge, spec, topic_ids)
    if spec.practice and spec.vignette is None:
        bad(("vignette",), f"{spec.id}: a scenario for practice needs a vignette (or practice = false)")
    values = _check_answers(bad, flow, spec)
    if len(problems) == before:  # only a scenario clean so far: the walk needs every answer valid
        _check_walk(bad, flow, spec, values)
        _check_contradictions(bad, spec, signals)
    _check_quotes(bad, spec)
    _check_expected(bad, flow, spec.expected)
    _check_disagreements(bad, flow, spec)
    if len(problems) != before:
        return None
    return _scenario(source, path, spec, dict(engine.walk(flow, values, use_defaults=True).answers))


def _check_header(bad: _Bad, knowledge: Knowledge, spec: ScenarioSpec, topic_ids: Sequence[str]) -> None:
    """The municipality and the topics: how a trainee finds the case, so they must exist."""
    municipalities = list(knowledge.municipalities)
    if spec.municipality not in knowledge.municipalities:
        bad(
            ("municipality",),
            f"unknown municipality '{spec.municipality}'{suggestion(spec.municipality, municipalities)}"
            f" (known: {', '.join(municipalities)})",
        )
    for j, topic in enumerate(spec.topics):
        if topic not in topic_ids:
            hint = suggestion(topic, topic_ids)
            bad(("topics", j), f"unknown topic '{topic}'{hint} (topics: {', '.join(topic_ids)})")
    if not spec.topics:
        bad(("topics",), "a scenario needs at least one topic")


def _check_answers(bad: _Bad, flow: Flow, spec: ScenarioSpec) -> dict[str, Answer]:
    """Each keyed answer parsed as its question would parse it; the ones that are valid."""
    values: dict[str, Answer] = {}
    known = [q.id for q in flow.questions]
    for key, value in spec.answers.items():
        q = flow.question(key)
        if q is None:
            bad(("answers", key), f"unknown answer{suggestion(key, known)}")
            continue
        try:
            values[key] = parse_answer(q, value, "en")  # a maintainer's file: its messages are English
        except BadAnswer as error:
            bad(("answers", key), str(error))
    return values


def _check_walk(bad: _Bad, flow: Flow, spec: ScenarioSpec, values: Mapping[str, Answer]) -> None:
    """The key answers exactly what the flow asks for these answers: nothing missing, nothing extra."""
    state = engine.walk(flow, values, use_defaults=True)
    if state.next is not None:
        bad(("answers",), f"missing answer '{state.next.id}': the flow asks it for these answers")
        return  # beyond a gap the walk cannot tell what is asked
    for key in state.ignored:
        bad(("answers", key), "not asked for these answers; remove it")
    # A default is what the wizard offers, not what this caller said: the key must say it.
    for key in state.answers:
        if key not in values:
            bad(
                ("answers",),
                f"{spec.id}: missing answer '{key}': the flow asks it for these answers"
                " (its default is not an answer; read the vignette)",
            )


def _check_contradictions(bad: _Bad, spec: ScenarioSpec, signals: Sequence[clues.Signal]) -> None:
    """The words of the clue (or the vignette) do not give another answer than the key's."""
    said = {k: {"da": v.da, "en": v.en} for k, v in spec.clues.items()}
    vignette = {"da": spec.vignette.da, "en": spec.vignette.en} if spec.vignette else {"da": "", "en": ""}
    for key, lang, message in clues.contradictions(signals, spec.answers, said, vignette):
        bad(
            ("clues", key, lang) if key in spec.clues else ("answers", key),
            f"{spec.id}: contradicts the key: {message}",
        )


def _check_quotes(bad: _Bad, spec: ScenarioSpec) -> None:
    """Each clue explains a keyed answer and quotes the vignette exactly, in both languages."""
    for key, clue in spec.clues.items():
        if key not in spec.answers:
            bad(("clues", key), f"no answer '{key}' to explain{suggestion(key, list(spec.answers))}")
        for lang in ("da", "en"):
            vignette = _spaces(getattr(spec.vignette, lang)) if spec.vignette else ""
            for part in getattr(clue, lang).split("..."):
                if _spaces(part) not in vignette:
                    bad(("clues", key, lang), f"'{_spaces(part)}' is not in the vignette ({lang}); quote it exactly")


def _check_expected(bad: _Bad, flow: Flow, exp: ExpectedSpec) -> None:
    """The expected outcome names only IDs of the flow, each once, and each deadline one kind of date."""
    level_ids = [t.id for t in flow.levels]
    if exp.service_level.id not in level_ids:
        lid = exp.service_level.id
        bad(("expected", "service_level", "id"), f"unknown service level '{lid}'{suggestion(lid, level_ids)}")
    _check_ids(bad, "notifications", "to", [n.to for n in exp.notifications], [t.id for t in flow.notifications])
    _check_ids(bad, "offers", "id", [o.id for o in exp.offers], [t.id for t in flow.offers])
    _check_ids(bad, "deadlines", "id", [d.id for d in exp.deadlines], [t.id for t in flow.deadlines])
    if exp.rights is not None:
        _check_ids(bad, "rights", "id", [r.id for r in exp.rights], [t.id for t in flow.rights])
    for j, d in enumerate(exp.deadlines):
        if (d.days is None) == (d.date is None):
            bad(("expected", "deadlines", j), "give either days (after contact_date) or date, not both or neither")
    _check_sections(bad, exp)


def _check_sections(bad: _Bad, exp: ExpectedSpec) -> None:
    """Every expected item says the section that decides it: the debrief cites it to the trainee."""
    for group, items in (
        ("service_level", [exp.service_level.section]),
        ("notifications", [n.section for n in exp.notifications]),
        ("offers", [o.section for o in exp.offers]),
        ("deadlines", [d.section for d in exp.deadlines]),
        ("rights", [r.section for r in exp.rights or []]),
    ):
        for j, section in enumerate(items):
            if not section.strip():
                bad(("expected", group) if group == "service_level" else ("expected", group, j), "section is empty")


def _check_disagreements(bad: _Bad, flow: Flow, spec: ScenarioSpec) -> None:
    """A known disagreement names a field the runner compares, or it could never match."""
    deadline_ids = [t.id for t in flow.deadlines]
    fields = [
        "service_level", "notifications", "offers", "warnings", "rights", *(f"deadlines.{d}" for d in deadline_ids)
    ]  # fmt: skip
    for j, dis in enumerate(spec.disagreements):
        if dis.field not in fields:
            bad(("disagreements", j, "field"), f"unknown field '{dis.field}'{suggestion(dis.field, fields)}")


def _scenario(source: SourceFile, path: KeyPath, spec: ScenarioSpec, answers: dict[str, Answer]) -> Scenario:
    """The checked scenario as the trainer and the runner use it (``answers``: with the flow's defaults)."""
    exp = spec.expected
    return Scenario(
        id=spec.id,
        title=Text(spec.title.da, spec.title.en),
        municipality=spec.municipality,
        difficulty=spec.difficulty,
        topics=tuple(spec.topics),
        contact_date=spec.contact_date,
        vignette=Text(spec.vignette.da.strip(), spec.vignette.en.strip()) if spec.vignette else Text("", ""),
        answers=answers,
        clues={k: Text(v.da, v.en) for k, v in spec.clues.items()},
        expected=Expected(
            service_level=Item(exp.service_level.id, exp.service_level.section),
            notifications=tuple(Item(n.to, n.section) for n in exp.notifications),
            offers=tuple(Item(o.id, o.section) for o in exp.offers),
            deadlines=tuple(Due(d.id, d.section, d.days, d.date) for d in exp.deadlines),
            warnings=tuple(exp.warnings),
            recipients=tuple((n.to, n.recipient) for n in exp.notifications if n.recipient is not None),
            rights=None if exp.rights is None else tuple(Item(r.id, r.section) for r in exp.rights),
        ),
        disagreements=tuple(
            Disagreement(d.field, d.engine, d.note, source.location((*path, "disagreements", j)))
            for j, d in enumerate(spec.disagreements)
        ),
        location=source.location(path),
        teaching=Text(spec.teaching.da.strip(), spec.teaching.en.strip()) if spec.teaching else None,
        practice=spec.practice,
    )


def _spaces(text: str) -> str:
    """Whitespace folded, so a clue may quote across the vignette's line breaks."""
    return " ".join(text.split())


def _check_ids(
    bad: _Bad,
    group: str,
    attr: str,
    ids: Sequence[str],
    known: Sequence[str],
) -> None:
    seen: set[str] = set()
    for j, tid in enumerate(ids):
        if tid not in known:
            bad(("expected", group, j, attr), f"unknown {group[:-1]} '{tid}'{suggestion(tid, known)}")
        elif tid in seen:
            bad(("expected", group, j, attr), f"'{tid}' is listed twice")
        seen.add(tid)


# --- running them ---------------------------------------------------------------------


@dataclass(frozen=True)
class Mismatch:
    """One field where the engine's recommendation differs from the scenario's expectation."""

    scenario: Scenario
    field: str
    expected: str
    got: str
    location: Location
    known: Disagreement | None = None  # listed in the scenario as a known disagreement
    message: str | None = None  # instead of "expected ..., got ..."

    def line(self, root: str) -> str:
        loc = resolve(root, self.location)
        text = self.message or f"expected {self.expected}, got {self.got}"
        return str(Problem(loc.file, f"{self.scenario.id}: {self.field}", text, loc.line, loc.column))


@dataclass(frozen=True)
class Result:
    scenario: Scenario
    recommendation: recommendation.Recommendation | None  # None: the rules decide no service level at all
    mismatches: tuple[Mismatch, ...]  # failures
    known: tuple[Mismatch, ...]  # disagreements the scenario lists, still as listed

    @property
    def passed(self) -> bool:
        return not self.mismatches


def ids_text(ids: Iterable[str]) -> str:
    out = sorted(set(ids))
    return ", ".join(out) if out else NONE


def expected_facets(scenario: Scenario) -> dict[ItemKey, dict[str, object]]:
    """What the scenario's key states, in the terms of the one comparison (``outcome.decided``)."""
    exp, start = scenario.expected, scenario.contact_date
    out: dict[ItemKey, dict[str, object]] = {ItemKey("service_level", exp.service_level.id): {}}
    out.update({ItemKey("offer", o.id): {} for o in exp.offers})
    out.update({ItemKey("notification", n.id): {} for n in exp.notifications})
    out.update({ItemKey("deadline", d.id): {"days": (d.on(start) - start).days} for d in exp.deadlines})
    return out


def compare(scenario: Scenario, rec: recommendation.Recommendation) -> list[Mismatch]:
    """Every field where ``rec`` differs from what the scenario expects (disagreements not applied),
    found by the one comparison of outcomes (``outcome.differences``), told per field."""
    exp = scenario.expected
    out: list[Mismatch] = []
    outcome = rec.outcome
    if outcome is None:  # pragma: no cover - recommend always keeps its outcome
        raise ValueError("a recommendation without its outcome")
    found = differences(expected_facets(scenario), decided(outcome))

    def add(field: str, expected: str, got: str, *path: str | int) -> None:
        out.append(Mismatch(scenario, field, expected, got, scenario.at("expected", *path)))

    kinds = {d.key.kind for d in found}
    if "service_level" in kinds:
        add("service_level", exp.service_level.id, rec.level.id, "service_level")
    for kind, field, want, have in (
        ("notification", "notifications", [n.id for n in exp.notifications], [n.to for n in rec.notifications]),
        ("offer", "offers", [o.id for o in exp.offers], [o.id for o in rec.offers]),
    ):
        if kind in kinds:
            add(field, ids_text(want), ids_text(have), field)
    out += _deadline_mismatches(scenario, rec, [d.key.id for d in found if d.key.kind == "deadline"])
    given = {w.id for w in outcome.warnings}
    missing = differences({ItemKey("warning", w): {} for w in exp.warnings},
                          {ItemKey("warning", w): {} for w in exp.warnings if w in given})  # fmt: skip
    if missing:
        add("warnings", f"includes {ids_text(exp.warnings)}", ids_text(w.id for w in rec.warnings), "warnings")
    return out + _recipient_mismatches(scenario, rec) + _rights_mismatches(scenario, rec)


def _recipient_mismatches(scenario: Scenario, rec: recommendation.Recommendation) -> list[Mismatch]:
    """Where the key names a notification's recipient, the recommendation's must be the same words."""
    given = {n.to: n.recipient for n in rec.notifications}
    index = {n.id: j for j, n in enumerate(scenario.expected.notifications)}
    return [
        Mismatch(
            scenario,
            f"notifications.{to}.recipient",
            repr(recipient),
            repr(given[to]),
            scenario.at("expected", "notifications", index[to]),
        )
        for to, recipient in scenario.expected.recipients
        if to in given and given[to] != recipient  # a missing notification is reported above
    ]


def _rights_mismatches(scenario: Scenario, rec: recommendation.Recommendation) -> list[Mismatch]:
    """The rights, where the scenario states them: compared like offers, as a set of IDs."""
    if scenario.expected.rights is None:
        return []
    want, have = [r.id for r in scenario.expected.rights], [r.id for r in rec.rights]
    if set(want) == set(have):
        return []
    return [Mismatch(scenario, "rights", ids_text(want), ids_text(have), scenario.at("expected", "rights"))]


def _deadline_mismatches(
    scenario: Scenario, rec: recommendation.Recommendation, differing: list[str]
) -> list[Mismatch]:
    exp = scenario.expected
    index = {d.id: j for j, d in enumerate(exp.deadlines)}
    expected_dates = {d.id: d.on(scenario.contact_date) for d in exp.deadlines}
    out = []
    for did in differing:
        on, got = expected_dates.get(did), rec.deadlines.get(did)
        path: tuple[str | int, ...] = ("deadlines", index[did]) if did in index else ("deadlines",)
        where = scenario.at("expected", *path)
        out.append(Mismatch(scenario, f"deadlines.{did}", _due_text(scenario, on), _due_text(scenario, got), where))
    return out


def _due_text(scenario: Scenario, date: datetime.date | None) -> str:
    if date is None:
        return ABSENT
    return f"{date.isoformat()} ({(date - scenario.contact_date).days} days)"


def run_one(knowledge: Knowledge, scenario: Scenario) -> Result:
    try:
        rec = recommendation.recommend(knowledge, scenario.municipality, scenario.answers, scenario.contact_date, "en")
    except DataError as err:  # a gap in the rules: this scenario fails, the others still run
        gap = Mismatch(
            scenario,
            "service_level",
            scenario.expected.service_level.id,
            NONE,
            scenario.at("expected", "service_level"),
            message=f"expected {scenario.expected.service_level.id}, got none ({err.problems[0].message})",
        )
        return Result(scenario, None, (gap,), ())
    found = compare(scenario, rec)
    failures: list[Mismatch] = []
    known: list[Mismatch] = []
    listed = {d.field: d for d in scenario.disagreements}
    for m in found:
        dis = listed.get(m.field)
        if dis is not None and dis.engine == m.got:
            known.append(Mismatch(m.scenario, m.field, m.expected, m.got, m.location, dis))
        elif dis is not None:
            failures.append(
                Mismatch(
                    m.scenario,
                    m.field,
                    m.expected,
                    m.got,
                    dis.location,
                    message=f"expected {m.expected}, got {m.got}"
                    f" (the listed disagreement says the engine gives {dis.engine})",
                )
            )
        else:
            failures.append(m)
    fields = {m.field for m in found}
    for dis in scenario.disagreements:
        if dis.field not in fields:
            failures.append(
                Mismatch(
                    scenario,
                    dis.field,
                    dis.engine,
                    "as expected",
                    dis.location,
                    message="listed as a disagreement, but the engine now gives what the standard says:"
                    " remove the entry",
                )
            )
    return Result(scenario, rec, tuple(failures), tuple(known))


def run_all(knowledge: Knowledge, library: Library) -> list[Result]:
    """Every scenario and every check (``Library.every``)."""
    return [run_one(knowledge, s) for s in library.every]
