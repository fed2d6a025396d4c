"""Read a data folder (``municipalities.toml`` + ``flows/``) into finished ``Knowledge``.

Everything that can be wrong with the files is found here, before any UI starts, and
reported in the file's own terms: ``file:line:col: key.path: what is wrong (did you
mean ...?)``. All problems are collected, so ``triage check`` can list every one; the
other commands show the first.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any, TypeVar

import msgspec

from triage.data import schema, tomlpos
from triage.data.files import TooLarge, read_bounded
from triage.data.paths import FLOW_FILE, LAW_FILE, MAX_DATA_BYTES, MUNICIPALITIES_FILE
from triage.rules import conditions
from triage.rules.derived import DERIVED
from triage.rules.errors import DataError, Problem, suggestion
from triage.rules.invariants import result_types
from triage.rules.model import (
    Alternative,
    Centre,
    Citation,
    Flow,
    Invariant,
    Knowledge,
    Law,
    Location,
    Municipality,
    Option,
    PensionAge,
    Question,
    Rule,
    Say,
    Source,
    Superseded,
    Term,
    Text,
    ToCheck,
)
from triage.rules.record import replace

LAW_SOURCE = "law"

T = TypeVar("T")
KeyPath = tuple[str | int, ...]


def key_string(path: Iterable[str | int]) -> str:
    """``('holbaek', 'rules', 7, 'when')`` -> ``holbaek.rules[7].when``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else part
    return out


@dataclass
class SourceFile:
    """One TOML file's text; key positions are found only when a problem needs them."""

    name: str
    text: str

    @cached_property
    def positions(self) -> dict[tomlpos.Path, tomlpos.Position]:
        return tomlpos.locate(self.text)

    def problem(self, path: KeyPath, message: str, *, value_offset: int | None = None) -> Problem:
        found = tomlpos.nearest(self.positions, tuple(path))
        line: int | None = None
        column: int | None = None
        if found is not None:
            _, pos = found
            line, column = pos.line, pos.column
            if value_offset is not None:
                line, column = tomlpos.string_offset(self.text, pos, value_offset)
        return Problem(self.name, key_string(path), message, line, column)

    def location(self, path: KeyPath) -> Location:
        """Where a rule stands; the line is looked up later, only if a finding needs it."""
        return Location(self.name, key_string(path), path=tuple(path))


@lru_cache(maxsize=8)
def _positions(path: Path, mtime: float) -> dict[tomlpos.Path, tomlpos.Position]:
    del mtime  # part of the cache key only
    return tomlpos.locate(path.read_text(encoding="utf-8"))


def resolve(root: str | Path, location: Location) -> Location:
    """``location`` with its line and column filled in from the file."""
    if location.line is not None:
        return location
    file = Path(root) / location.file
    try:
        found = tomlpos.nearest(_positions(file, file.stat().st_mtime), location.path)
    except OSError:
        return location
    if found is None:
        return location
    return replace(location, line=found[1].line, column=found[1].column)


_AT_PATH = re.compile(r"^(.*?)(?: - at `\$(.*)`)?$", re.S)
_PATH_PART = re.compile(r"\.([^.\[]+)|\[(\d+)\]|\[\'([^\']*)\'\]|\[(\.\.\.)\]")


def read_toml(root: Path, rel: str, problems: list[Problem]) -> tuple[SourceFile, Any] | None:
    """Read and parse one file; on failure record a located problem and return None."""
    path = root / rel
    try:
        raw = read_bounded(path, MAX_DATA_BYTES, regular=True)  # a FIFO would hang check and diff
    except TooLarge:
        limit = MAX_DATA_BYTES // (1024 * 1024)
        problems.append(Problem(rel, "", f"file is too large (a data file is at most {limit} MB)", kind="unreadable"))
        return None
    except OSError as err:
        problems.append(Problem(rel, "", f"cannot read file ({err.strerror or err})", kind="unreadable"))
        return None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as bad:
        line = raw[: bad.start].count(b"\n") + 1
        problems.append(Problem(rel, "", "file is not UTF-8 text", line, kind="unreadable"))
        return None
    source = SourceFile(rel, text)
    try:
        data = tomlpos.loads(text)
    except tomlpos.TomlError as err:
        problems.append(Problem(rel, "", f"not valid TOML: {err.message}", err.line, err.column, kind="unreadable"))
        return None
    from triage.data.controls import findings

    unsafe = [source.problem(path, message) for path, message in findings(data)]
    if unsafe:
        problems.extend(unsafe)
        return None
    return source, data


def _split_msgspec_path(raw: str) -> KeyPath:
    parts: list[str | int] = []
    for m in _PATH_PART.finditer(raw):
        if m.group(1) is not None:
            parts.append(m.group(1))
        elif m.group(2) is not None:
            parts.append(int(m.group(2)))
        elif m.group(3) is not None:
            parts.append(m.group(3))
        else:
            parts.append(_ANY_KEY)
    return tuple(parts)


_ANY_KEY = "\0any"  # msgspec's ``[...]``: a key of a table it does not name


def _named_keys(data: Any, path: KeyPath) -> KeyPath:
    """``path`` with each key msgspec did not name (``[...]``) found in ``data``: the key whose
    value has the rest of the path, preferring one whose value there is not a TOML date."""
    out: list[str | int] = []
    node = data
    for i, part in enumerate(path):
        if part == _ANY_KEY and isinstance(node, dict):
            found = [k for k in node if _has(node[k], path[i + 1 :])]
            plain = [k for k in found if not isinstance(_at(node[k], path[i + 1 :]), datetime.date)]
            part = (plain or found or [""])[0]
        out.append(part)
        node = _at(node, (part,))
    return tuple(out)


def _has(node: Any, path: KeyPath) -> bool:
    return _at(node, path, missing := object()) is not missing


def _at(node: Any, path: KeyPath, default: Any = None) -> Any:
    for part in path:
        in_table = isinstance(node, dict) and part in node
        if in_table or (isinstance(node, list) and isinstance(part, int) and part < len(node)):
            node = node[part]
        else:
            return default
    return node


def _struct_fields(tp: Any, data: Any, path: KeyPath) -> list[str]:
    """The field names allowed at ``path`` (for 'did you mean'), by walking the schema."""
    info: Any = msgspec.inspect.type_info(tp)
    node: Any = data
    for part in path:
        info = _pick(info, node)
        if isinstance(info, msgspec.inspect.StructType):
            f = next((f for f in info.fields if f.encode_name == part), None)
            if f is None:
                return []
            info = f.type
        elif isinstance(info, msgspec.inspect.DictType):
            info = info.value_type
        elif isinstance(info, msgspec.inspect.ListType):
            info = info.item_type
        else:
            return []
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            node = None
    info = _pick(info, node)
    if isinstance(info, msgspec.inspect.StructType):
        return [f.encode_name for f in info.fields]
    return []


def _pick(info: Any, node: Any) -> Any:
    """Resolve optional/tagged unions against the raw data at this point."""
    while isinstance(info, msgspec.inspect.UnionType):
        structs = [t for t in info.types if isinstance(t, msgspec.inspect.StructType)]
        if not structs:
            return info
        if len(structs) == 1:
            info = structs[0]
            break
        tag = node.get("kind") if isinstance(node, dict) else None
        info = next((s for s in structs if s.tag == tag), structs[0])
    return info


def convert(source: SourceFile, data: Any, tp: type[T], problems: list[Problem], base: KeyPath = ()) -> T | None:
    """Validate raw TOML data (found at ``base`` in the file) into ``tp``; a failure becomes a problem."""
    try:
        return msgspec.convert(data, tp, strict=True, dec_hook=schema.decode_hook)
    except msgspec.ValidationError as err:
        problems.append(_validation_problem(source, data, tp, str(err), base))
        return None


def convert_tables(source: SourceFile, data: dict[str, Any], tp: type[T], problems: list[Problem]) -> dict[str, T]:
    """A table of tables, each validated on its own: every bad one is reported under its own key,
    and the good ones are returned."""
    out: dict[str, T] = {}
    for key, value in data.items():
        spec = convert(source, value, tp, problems, (key,))
        if spec is not None:
            out[key] = spec
    return out


def _validation_problem(source: SourceFile, data: Any, tp: Any, text: str, base: KeyPath) -> Problem:
    m = _AT_PATH.match(text)
    message, raw_path = (m.group(1), m.group(2) or "") if m else (text, "")
    path = _named_keys(data, _split_msgspec_path(raw_path))
    located = _validation_message(data, tp, message, path)
    return source.problem((*base, *path, *located[0]), located[1])


def _validation_message(data: Any, tp: Any, message: str, path: KeyPath) -> tuple[KeyPath, str]:
    """msgspec's words in TOML terms, and the key below ``path`` that they are about."""
    unknown = re.match(r"Object contains unknown field `(.+)`", message)
    if unknown:
        name = unknown.group(1)
        hint = suggestion(name, _struct_fields(tp, data, path))
        return (name,), f"unknown key '{name}'{hint}"
    missing = re.match(r"Object missing required field `(.+)`", message)
    if missing:
        return (), f"missing key '{missing.group(1)}'"
    expected = re.match(r"Expected `(.+?)`, got `(.+?)`", message)
    if expected:
        want, got = expected.groups()
        return (), f"expected {_toml_type(want)}, got {_toml_type(got)}"
    invalid_tag = re.match(r"Invalid value '(.*)'", message)
    if invalid_tag and path and path[-1] == "kind":
        kinds = ["level", "offer", "notification", "deadline", "step", "warning"]
        word = invalid_tag.group(1)
        return (), f"unknown rule kind '{word}'{suggestion(word, kinds)} (kinds: {', '.join(kinds)})"
    return (), message[:1].lower() + message[1:]


_TYPE_WORDS = {
    "str": "a string",
    "int": "an integer",
    "bool": "true or false",
    "object": "a table",
    "array": "an array",
    "float": "a number",
    "date": "a date (YYYY-MM-DD)",
    "null": "nothing",
}


def _toml_type(word: str) -> str:
    if "|" in word:
        return " or ".join(_toml_type(w.strip()) for w in word.split("|"))
    return _TYPE_WORDS.get(word, f"`{word}`")


# --- building the model -------------------------------------------------------------


def _text(t: schema.TextSpec) -> Text:
    return Text(t.da, t.en)


def _question(q: schema.QuestionSpec) -> Question:
    """A question as the model holds it; its conditions are compiled later, against every question."""
    return Question(
        id=q.id,
        kind=q.kind,
        label=_text(q.label),
        help=_text(q.help),
        says=tuple(Say(conditions.TRUE, Text(s.da, s.en)) for s in _says(q.say)),
        when=conditions.TRUE,
        options=tuple(Option(o.value, _text(o.label), o.key, _text(o.short) if o.short else None) for o in q.options),
        short=_text(q.short) if q.short else None,
        minimum=q.min,
        maximum=q.max,
        min_selected=q.min_selected,
        default=tuple(q.default) if isinstance(q.default, list) else q.default,
    )


def _says(say: schema.TextSpec | list[schema.SaySpec] | None) -> list[schema.SaySpec]:
    """A question's ``say`` as a list of wordings: one text is one wording for every call."""
    if say is None:
        return []
    if isinstance(say, schema.TextSpec):
        return [schema.SaySpec(da=say.da, en=say.en)]
    return say


class _Builder:
    """Turns validated specs into the frozen model, collecting cross-reference problems."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def compile(
        self,
        source: SourceFile,
        path: KeyPath,
        text: str,
        types: Mapping[str, conditions.AnswerType],
    ) -> conditions.Condition:
        try:
            cond = conditions.parse(text)
        except conditions.ConditionError as err:
            self.problems.append(source.problem(path, err.message, value_offset=max(err.column - 1, 0)))
            return conditions.TRUE
        for found in conditions.check(cond, types):
            self.problems.append(source.problem(path, found.message, value_offset=max(found.column - 1, 0)))
        return cond

    def terms(self, source: SourceFile, group: str, specs: Sequence[schema.TermSpec]) -> tuple[Term, ...]:
        """One vocabulary of the flow (levels, offers, ...); rules name its IDs, so each is unique."""
        seen: set[str] = set()
        for i, t in enumerate(specs):
            if t.id in seen:
                self.problems.append(source.problem((group, i, "id"), f"duplicate ID '{t.id}'"))
            seen.add(t.id)
        return tuple(
            Term(
                t.id,
                _text(t.label),
                _text(t.help) if t.help else None,
                role=getattr(t, "role", None),
                precedence=getattr(t, "precedence", "ordinary"),
            )
            for t in specs
        )

    def roles(self, source: SourceFile, levels: tuple[Term, ...], deadlines: tuple[Term, ...]) -> None:
        """The emergency level comes first (it wins over every level, contract), and at most one
        deadline is the treatment guarantee: code and invariants find them by role."""
        missing = [i for i, t in enumerate(levels) if t.role is None]
        if len(missing) == len(levels):
            return  # a flow from before roles (contract version 2): read for `triage diff OLD`
        for i in missing:
            self.problems.append(source.problem(("levels", i), "missing key 'role'"))
        emergency = [i for i, t in enumerate(levels) if t.role == "emergency"]
        if levels and emergency != [0]:
            self.problems.append(
                source.problem(
                    ("levels", emergency[-1] if emergency else 0, "role"),
                    "exactly one level has role 'emergency', and it comes first: it wins over every level",
                )
            )
        guarantees = [i for i, t in enumerate(deadlines) if t.role == "guarantee"]
        if len(guarantees) > 1:
            self.problems.append(
                source.problem(("deadlines", guarantees[1], "role"), "only one deadline can be the guarantee")
            )

    def alternatives(
        self, source: SourceFile, spec: schema.FlowFile, questions: tuple[Question, ...], levels: tuple[Term, ...]
    ) -> tuple[Alternative, ...]:
        """The answers a caller can still change; each names a question and values it can take."""
        types = {q.id: q.answer_type for q in questions}
        types["level"] = conditions.AnswerType("choice", tuple(t.id for t in levels))
        out = []
        for i, a in enumerate(spec.alternatives):
            question = next((q for q in questions if q.id == a.question), None)
            if question is None:
                ids = [q.id for q in questions]
                self.problems.append(
                    source.problem(
                        ("alternatives", i, "question"), f"unknown question '{a.question}'{suggestion(a.question, ids)}"
                    )
                )
                continue
            for value in (*a.given, a.value):
                test = conditions.parse(f"{a.question} == {_literal(value)}")
                for found in conditions.check(test, types):
                    self.problems.append(source.problem(("alternatives", i), found.message))
            unless = self.compile(source, ("alternatives", i, "unless"), a.unless, types) if a.unless else None
            out.append(Alternative(a.question, tuple(a.given), a.value, unless))
        return tuple(out)

    def flow(self, source: SourceFile, spec: schema.FlowFile) -> Flow:
        """The intake flow: its vocabularies, then its questions, then their conditions (which may
        name any question, so they are compiled only once every question is known)."""
        levels = self.terms(source, "levels", spec.levels)
        deadlines = self.terms(source, "deadlines", spec.deadlines)
        self.roles(source, levels, deadlines)
        questions: list[Question] = []
        seen: set[str] = set()
        for i, q in enumerate(spec.questions):
            if q.id in seen:
                self.problems.append(source.problem(("questions", i, "id"), f"duplicate question '{q.id}'"))
            seen.add(q.id)
            self.question_shape(source, i, q)
            questions.append(_question(q))
        compiled = self.question_conditions(source, questions, spec.questions)
        return Flow(
            id=spec.id,
            title=_text(spec.title),
            levels=levels,
            offers=self.terms(source, "offers", spec.offers),
            notifications=self.terms(source, "notifications", spec.notifications),
            deadlines=deadlines,
            questions=compiled,
            not_known=_text(spec.not_known),
            not_working_day=_text(spec.not_working_day),
            alternatives=self.alternatives(source, spec, compiled, levels),
            rights=self.terms(source, "rights", spec.rights),
            emergency_lines=tuple(_text(line) for line in spec.emergency_lines),
        )

    def question_shape(self, source: SourceFile, i: int, q: schema.QuestionSpec) -> None:
        """The keys a question of its kind needs (and may have): the wizard relies on them."""
        if q.kind in ("choice", "multi") and not q.options:
            self.problems.append(source.problem(("questions", i), f"a {q.kind} question needs options"))
        if q.kind == "int" and (q.min is None or q.max is None):
            self.problems.append(source.problem(("questions", i), "an int question needs min and max"))
        if q.allow_unknown is not None and q.kind not in ("int", "bool"):
            # a choice or a list says "not known" with an option of its own (contract v3)
            self.problems.append(
                source.problem(
                    ("questions", i, "allow_unknown"), "only an int or a bool question can be answered 'unknown'"
                )
            )

    def question_conditions(
        self, source: SourceFile, questions: list[Question], specs: list[schema.QuestionSpec]
    ) -> tuple[Question, ...]:
        """Each question with its conditions compiled; they may name any answer, but not the derived level."""
        types = {q.id: q.answer_type for q in questions}
        compiled = []
        for i, (question, qspec) in enumerate(zip(questions, specs, strict=True)):
            when = self.compile(source, ("questions", i, "when"), qspec.when, types)
            extra: dict[str, conditions.Condition] = {}
            for name in ("allow_unknown", "unknown_if_missing"):
                text = getattr(qspec, name)
                if text is not None:
                    extra[name] = self.compile(source, ("questions", i, name), text, types)
            says = tuple(
                replace(say, when=self.compile(source, ("questions", i, "say", j, "when"), spec.when, types))
                for j, (say, spec) in enumerate(zip(question.says, _says(qspec.say), strict=True))
            )
            compiled.append(replace(question, when=when, says=says, **extra))
        return tuple(compiled)

    def rules(
        self,
        source: SourceFile,
        base: KeyPath,
        specs: list[schema.RuleSpec],
        origin: str,
        flow: Flow,
        types: Mapping[str, conditions.AnswerType],
        source_keys: Iterable[str],
    ) -> list[Rule]:
        known_sources = {*source_keys, LAW_SOURCE}
        level_types = {k: v for k, v in types.items() if k != "level"}
        groups = {
            "level": ("levels", "level"),
            "offer": ("offers", "offer"),
            "notification": ("notifications", "to"),
            "deadline": ("deadlines", "deadline"),
            "right": ("rights", "right"),
        }
        out: list[Rule] = []
        seen: set[str] = set()
        for i, r in enumerate(specs):
            path = (*base, i)
            if r.id in seen:
                self.problems.append(source.problem((*path, "id"), f"duplicate rule ID '{r.id}'"))
            seen.add(r.id)
            kind = _kind(r)
            target = r.id
            if kind in groups:
                group, attr = groups[kind]
                target = getattr(r, attr)
                ids = [t.id for t in getattr(flow, group)]
                if target not in ids:
                    self.problems.append(
                        source.problem(
                            (*path, attr),
                            f"unknown {kind} '{target}'{suggestion(target, ids)}",
                        )
                    )
            self.citations(source, path, r, known_sources)
            dl = [t.id for t in flow.deadlines]
            if isinstance(r, schema.StepRule) and r.due is not None and r.due not in dl:
                self.problems.append(
                    source.problem((*path, "due"), f"unknown deadline '{r.due}'{suggestion(r.due, dl)}")
                )
            for j, waived in enumerate(r.waives):
                if waived not in dl:
                    self.problems.append(
                        source.problem((*path, "waives", j), f"unknown deadline '{waived}'{suggestion(waived, dl)}")
                    )
            if r.since is not None and r.valid_until is not None and r.valid_until < r.since:
                self.problems.append(source.problem((*path, "valid_until"), "valid_until is before since"))
            # A level rule cannot depend on the level it decides.
            when = self.compile(source, (*path, "when"), r.when, level_types if kind == "level" else types)
            out.append(
                Rule(
                    id=r.id,
                    kind=kind,
                    target=target,
                    when=when,
                    text=_text(r.text),
                    cites=tuple(Citation(c.source, c.section, c.law, c.note) for c in r.cite),
                    origin=origin,
                    location=source.location(path),
                    provided_by=getattr(r, "provided_by", "own"),
                    provider=getattr(r, "provider", None),
                    recipient=getattr(r, "recipient", None),
                    inform_citizen_first=getattr(r, "inform_citizen_first", False),
                    days=getattr(r, "days", None),
                    due=getattr(r, "due", None),
                    due_days=getattr(r, "due_days", None),
                    since=r.since,
                    valid_until=r.valid_until,
                    waives=tuple(r.waives),
                    overlaps=tuple(getattr(r, "overlaps", ())),
                )
            )
        return out

    def citations(self, source: SourceFile, path: KeyPath, r: schema.RuleSpec, known_sources: set[str]) -> None:
        """Every rule cites something, and only a source its file declares (or the law): a
        recommendation the counsellor cannot trace to a section is not one to read out."""
        if not r.cite:
            self.problems.append(source.problem((*path, "cite"), "a rule needs at least one citation"))
        for j, c in enumerate(r.cite):
            if c.source not in known_sources:
                self.problems.append(
                    source.problem(
                        (*path, "cite", j, "source"),
                        f"unknown source '{c.source}'{suggestion(c.source, known_sources)}"
                        f" (sources: {', '.join(sorted(known_sources))})",
                    )
                )

    def law(
        self, source: SourceFile, spec: schema.LawFile, types: Mapping[str, conditions.AnswerType], flow: Flow
    ) -> Law:
        """The law's part that is not rules: superseded sections, conditions to check, pension ages."""
        return Law(
            superseded=tuple(Superseded(s.cited, s.current, s.since, _text(s.note)) for s in spec.superseded),
            to_check=tuple(
                ToCheck(t.law, self.compile(source, ("to_check", i, "when"), t.when, types), _text(t.note))
                for i, t in enumerate(spec.to_check)
            ),
            status_notes={
                "draft": _text(spec.status_notes.draft),
                "outdated": _text(spec.status_notes.outdated),
                **({"expired": _text(spec.status_notes.expired)} if spec.status_notes.expired else {}),
                **(
                    {"unconfirmed_recipient": _text(spec.status_notes.unconfirmed_recipient)}
                    if spec.status_notes.unconfirmed_recipient
                    else {}
                ),
            },
            pension_ages=tuple(PensionAge(p.born_from, p.born_until, p.age, p.law) for p in spec.pension_age),
            invariants=self.invariants(source, spec, types, flow),
        )

    def invariants(
        self, source: SourceFile, spec: schema.LawFile, types: Mapping[str, conditions.AnswerType], flow: Flow
    ) -> tuple[Invariant, ...]:
        """The promises ``triage check`` proves; ``holds`` may read the result too (``invariants.result_types``)."""
        answer_types = {k: v for k, v in types.items() if k != "level"}
        holds_types = {**types, **result_types(flow)}
        out = []
        for i, inv in enumerate(spec.invariants):
            path = ("invariants", i)
            out.append(
                Invariant(
                    id=inv.id,
                    when=self.compile(source, (*path, "when"), inv.when, answer_types),
                    holds=self.compile(source, (*path, "holds"), inv.holds, holds_types),
                    message=inv.message,
                    location=source.location(path),
                    cites=tuple(Citation(c.source, c.section, c.law, c.note) for c in inv.cite),
                )
            )
        return tuple(out)

    def national_rules(
        self, source: SourceFile, spec: schema.LawFile, flow: Flow, types: Mapping[str, conditions.AnswerType]
    ) -> list[Rule]:
        """The rules every municipality starts from; they cite the law only, never a local standard."""
        national = self.rules(source, ("rules",), spec.rules, LAW_SOURCE, flow, types, ())
        for rule in national:
            if any(c.source != LAW_SOURCE for c in rule.cites):
                self.problems.append(
                    source.problem(("rules",), f"rule '{rule.id}': national rules cite law only (source = \"law\")")
                )
        return national

    def municipality(
        self,
        source: SourceFile,
        mid: str,
        m: schema.MunicipalitySpec,
        flow: Flow,
        types: Mapping[str, conditions.AnswerType],
        national: list[Rule],
    ) -> Municipality | None:
        """One municipality: its own rules merged over the national ones, and the recipients they
        need. None when its standard is not among its sources (nothing could cite it)."""
        if m.standard not in m.sources:
            self.problems.append(
                source.problem((mid, "standard"), f"unknown source '{m.standard}'{suggestion(m.standard, m.sources)}")
            )
            return None
        own = self.rules(source, (mid, "rules"), m.rules, mid, flow, types, m.sources)
        merged = self.merged(source, mid, m, national, own)
        self.recipients(source, mid, m, flow, merged)
        sources = {k: _source(k, s) for k, s in m.sources.items()}
        return Municipality(
            id=mid,
            name=m.name,
            centre=Centre(m.centre.name, m.centre.address, m.centre.phone, m.centre.email, m.centre.web),
            standard=sources[m.standard],
            sources=sources,
            recipients={k: v if isinstance(v, str) else v.name for k, v in m.recipients.items()},
            rules=tuple(merged),
            unconfirmed=frozenset(k for k, v in m.recipients.items() if not isinstance(v, str) and not v.confirmed),
        )

    def merged(
        self, source: SourceFile, mid: str, m: schema.MunicipalitySpec, national: list[Rule], own: list[Rule]
    ) -> list[Rule]:
        """The national rules a municipality neither redefines (same ID) nor replaces, then its own.
        A replaced ID that names no national rule is a typo that would silently keep the law's rule."""
        national_ids = {r.id for r in national}
        for i, rid in enumerate(m.replaces):
            if rid not in national_ids:
                self.problems.append(
                    source.problem(
                        (mid, "replaces", i),
                        f"no national rule '{rid}' to replace{suggestion(rid, national_ids)}",
                    )
                )
        own_ids = {r.id for r in own}
        merged = [r for r in national if r.id not in own_ids and r.id not in m.replaces] + own
        level_ids = {r.id for r in merged if r.kind == "level"}
        for i, r in enumerate(m.rules):
            for j, other in enumerate(getattr(r, "overlaps", ())):
                if other not in level_ids:
                    self.problems.append(
                        source.problem(
                            (mid, "rules", i, "overlaps", j),
                            f"no level rule '{other}' here{suggestion(other, level_ids)}",
                        )
                    )
        return merged

    def recipients(
        self, source: SourceFile, mid: str, m: schema.MunicipalitySpec, flow: Flow, merged: list[Rule]
    ) -> None:
        """Every recipient names a notification kind, and every notification has someone to go to."""
        kinds = [t.id for t in flow.notifications]
        for key in m.recipients:
            if key not in kinds:
                self.problems.append(
                    source.problem(
                        (mid, "recipients", key),
                        f"unknown notification kind '{key}'{suggestion(key, kinds)}",
                    )
                )
        for r in merged:
            known_kind = r.target in kinds  # an unknown kind is already reported at the rule
            if r.kind == "notification" and known_kind and r.recipient is None and r.target not in m.recipients:
                self.problems.append(
                    source.problem(
                        (mid, "recipients"),
                        f"no recipient for '{r.target}', needed by rule '{r.id}'",
                    )
                )


def _literal(value: bool | int | str) -> str:
    """A value as the condition language writes it."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value) if isinstance(value, int) else "'" + value + "'"


def _kind(r: schema.RuleSpec) -> Any:
    return type(r).__struct_config__.tag


def _source(key: str, s: schema.SourceSpec) -> Source:
    return Source(
        key=key,
        title=s.title,
        short=s.short,
        status=s.status,
        approved=_partial(s.approved, first=True),
        valid_until=_partial(s.valid_until, first=False),
        status_reason=_text(s.status_reason) if s.status_reason else None,
        file=s.file,
        url=s.url,
        kind=s.kind,
        excerpt=s.excerpt,
        approved_as=s.approved.text if s.approved else None,
    )


def _partial(value: schema.PartialDate | None, *, first: bool) -> datetime.date | None:
    """A date known to the year or month ("2023", "2023-06", checked by the schema) as its first
    or last day: a standard approved in June 2023 counts from 1 June, valid to 30 June."""
    if value is None:
        return None
    if len(value.text) == 10:
        return datetime.date.fromisoformat(value.text)
    year, _, month = value.text.partition("-")
    if month:
        start = datetime.date(int(year), int(month), 1)
        last = (start.replace(day=28) + datetime.timedelta(days=4)).replace(day=1) - datetime.timedelta(days=1)
    else:
        start, last = datetime.date(int(year), 1, 1), datetime.date(int(year), 12, 31)
    return start if first else last


@dataclass(frozen=True)
class _Specs:
    """The three files, read and validated: the stage before any cross-reference is checked."""

    flow_src: SourceFile
    flow: schema.FlowFile
    law_src: SourceFile
    law: schema.LawFile
    muni_src: SourceFile
    muni_ids: tuple[str, ...]  # every table of municipalities.toml, valid or not
    municipalities: dict[str, schema.MunicipalitySpec]  # the tables that validate


def load(root: Path | str) -> Knowledge:
    """Load and cross-check a data folder. Raises ``DataError`` listing every problem."""
    root = Path(root)
    problems: list[Problem] = []
    if not root.is_dir():
        raise DataError(Problem(str(root), "", "data folder not found", kind="unreadable"))
    specs = _read_specs(root, problems)
    builder = _Builder()
    flow = builder.flow(specs.flow_src, specs.flow)
    types = _answer_types(flow, specs.muni_ids)
    law = builder.law(specs.law_src, specs.law, types, flow)
    national = builder.national_rules(specs.law_src, specs.law, flow, types)
    municipalities: dict[str, Municipality] = {}
    for mid, m in specs.municipalities.items():
        built = builder.municipality(specs.muni_src, mid, m, flow, types, national)
        if built is not None:
            municipalities[mid] = built
    problems.extend(builder.problems)
    if problems:
        raise DataError(problems)
    return Knowledge(root=str(root), flow=flow, law=law, municipalities=municipalities)


def _read_specs(root: Path, problems: list[Problem]) -> _Specs:
    """Read the three files, then validate them against the schema. A file that cannot be read
    stops here (nothing else can be checked); a bad municipality does not stop its siblings."""
    flow_read = read_toml(root, FLOW_FILE, problems)
    law_read = read_toml(root, LAW_FILE, problems)
    muni_read = read_toml(root, MUNICIPALITIES_FILE, problems)
    if problems or flow_read is None or law_read is None or muni_read is None:
        raise DataError(problems)
    flow_src, flow_raw = flow_read
    law_src, law_raw = law_read
    muni_src, muni_raw = muni_read
    flow_spec = convert(flow_src, flow_raw, schema.FlowFile, problems)
    law_spec = convert(law_src, law_raw, schema.LawFile, problems)
    # Municipalities that validate are still cross-checked when a sibling does not, so that
    # `triage check` reports every problem in one run.
    muni_specs = convert_tables(muni_src, muni_raw, schema.MunicipalitySpec, problems)
    if not muni_raw:
        problems.append(Problem(MUNICIPALITIES_FILE, "", "no municipality: add a table such as [holbaek]", 1, 1))
    if flow_spec is None or law_spec is None:
        raise DataError(problems)
    return _Specs(flow_src, flow_spec, law_src, law_spec, muni_src, tuple(muni_raw), muni_specs)


def _answer_types(flow: Flow, municipality_ids: tuple[str, ...]) -> dict[str, conditions.AnswerType]:
    """What a condition may name: every question, the municipality, the level and the derived
    values, each with the values it can take, so a misspelt value is found at load time."""
    types: dict[str, conditions.AnswerType] = {q.id: q.answer_type for q in flow.questions}
    types["municipality"] = conditions.AnswerType("choice", municipality_ids)
    types["level"] = conditions.AnswerType("choice", tuple(t.id for t in flow.levels))
    types.update(DERIVED)
    return types
