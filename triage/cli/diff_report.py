"""``triage diff OLD [NEW]``: what an edit of the data changes, as text, Markdown or JSON.

OLD is a data folder, or a git revision of the folder NEW lives in (read with ``git show``,
nothing is checked out). Exit codes (contract): 0 no change, 1 changes, 2 unreadable.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from triage.cli.check_report import answers_toml
from triage.cli.revision import old_data
from triage.data.loader import load
from triage.data.paths import default_data_dir
from triage.rules.errors import DataError, Exit, Problem, TriageError, suggestion
from triage.rules.model import UNKNOWN, Answer, Knowledge
from triage.rules.outcome import Difference
from triage.rules.printable import excerpt, printable
from triage.verify.diff import Change, DiffReport, FlowNote, MunicipalityDiff, diff


def run(
    old: str,
    new: str | None,
    fmt: str,
    municipality: str | None,
    contact_date: datetime.date,
    print_: Callable[[str], None] = print,
) -> int:
    new_root = Path(new) if new else default_data_dir()
    new_k = _load(new_root, str(new_root))
    with old_data(old, new_root) as (old_root, label):
        old_k = _load(old_root, label)
    ids = None
    if municipality is not None:
        known = list(dict.fromkeys([*new_k.municipalities, *old_k.municipalities]))
        if municipality not in known:
            message = (
                f"unknown municipality '{excerpt(municipality)}'{suggestion(municipality[:100], known)}"
                f" (known: {', '.join(known)})"
            )
            raise TriageError(Problem("--municipality", "", message))
        ids = [municipality]
    report = diff(old_k, new_k, ids, day=contact_date)
    render = {"json": to_json, "markdown": to_markdown}.get(fmt, to_text)
    # The data was refused if it held control characters; what remains (a folder or revision
    # name) is escaped here, so no line of the report can drive the terminal.
    print_(printable(render(report, label, str(new_root), contact_date).rstrip("\n"), lines=True))
    return Exit.FINDINGS if report.changed else Exit.OK


def _load(root: Path, label: str) -> Knowledge:
    if not root.is_dir():
        raise DataError(Problem(label, "", "no such data folder", kind="unreadable"))
    try:
        return load(root)
    except DataError as err:
        first = err.problems[0]
        if label != str(root):  # a git revision: name the revision, not the temporary copy
            first = Problem(f"{label}:{first.file}", first.key, first.message, first.line, first.column, first.kind)
        raise DataError([first, *err.problems[1:]]) from None


# --- describing classes ---------------------------------------------------------------


def value_text(value: Answer) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, tuple):
        return "+".join(value) if value else "(none)"
    return str(value)


def values_text(qid: str, values: tuple[Answer, ...], m: MunicipalityDiff, maximum: int | None) -> str:
    """``26–27``, ``true``, ``cannabis | alcohol+cannabis``: the values of one answer in a change."""
    domain = m.domains.get(qid, [])
    numbers = [d for d in domain if isinstance(d, int) and not isinstance(d, bool)]
    if numbers and all(isinstance(v, int) or v == UNKNOWN for v in values):
        parts: list[str] = []
        spans: list[list[int]] = []
        for v in values:
            if not isinstance(v, int):
                continue
            i = numbers.index(v)
            hi = numbers[i + 1] - 1 if i + 1 < len(numbers) else (maximum if maximum is not None else v)
            if spans and spans[-1][1] + 1 == v:
                spans[-1][1] = hi
            else:
                spans.append([v, hi])
        parts = [f"{lo}" if lo == hi else f"{lo}–{hi}" for lo, hi in spans]
        if UNKNOWN in values:
            parts.append(UNKNOWN)
        return " | ".join(parts)
    return " | ".join(value_text(v) for v in values)


def describe(change: Change, m: MunicipalityDiff, knowledge_max: Mapping[str, int | None]) -> str:
    """The classes of a change in one line; answers that may take any value are left out."""
    shown = []
    for qid, values in change.answers.items():
        if list(values) == m.domains.get(qid) and len(values) > 1:
            continue
        shown.append(f"{qid} {values_text(qid, values, m, knowledge_max.get(qid))}")
    if len(shown) < len(change.answers):
        shown.append("other answers any")
    return ", ".join(shown)


def minimal_answers(change: Change, municipality: str, defaults: Mapping[str, Answer], date: datetime.date) -> str:
    """An answers file for one class of ``change``: answers at their default are left out."""
    answers = {k: v for k, v in change.example().items() if k not in defaults or defaults[k] != v}
    text = answers_toml(municipality, answers)
    first, _, rest = text.partition("\n")
    return f'{first}\ncontact_date = "{date.isoformat()}"\n{rest}'


def item_value(d: Difference, value: object, date: datetime.date) -> str:
    """One side of a difference as a maintainer reads it."""
    if d.wording:
        return "(none)" if value is None else "…"
    if value is None:
        return "(none)"
    if d.field in ("days", "due") and isinstance(value, int):
        return (date + datetime.timedelta(days=value)).isoformat()
    if isinstance(value, bool):
        return "yes" if value else "no"
    if d.field == "" and d.key.kind != "service_level":
        return "yes"
    return str(value)


FIELD_NAMES = {
    "provider": "provided by",
    "recipient": "recipient",
    "inform_citizen_first": "tell the citizen first",
    "days": "date",
    "due": "due",
    "words": "wording",
    "citations": "citations",
    "because": "reasons (because)",
}


def item_name(d: Difference) -> str:
    """``deadline treatment_start``, ``next step x: due``, ``offer y: wording``."""
    level = d.key.kind == "service_level"
    name = "service level" if level and not d.field else f"{d.key.kind.replace('_', ' ')} {d.key.id}".strip()
    return f"{name}: {FIELD_NAMES.get(d.field, d.field)}" if d.field and d.field != "days" else name


def difference_line(d: Difference, date: datetime.date) -> str:
    if d.wording:
        return f"{item_name(d)} changed"
    return f"{item_name(d):<34} {item_value(d, d.before, date)} → {item_value(d, d.after, date)}"


def flow_line(note: FlowNote) -> str:
    if note.change == "range":
        lo, hi, new_lo, new_hi = note.values
        return f"flow: question '{note.question}' accepts {lo}–{hi} → {new_lo}–{new_hi}"
    how = (
        f"compared at its default ({value_text(note.values[0])})"
        if note.compared_at == "default"
        else "compared at each of its values"
    )
    return f"flow: question '{note.question}' {note.change}: {how}"


def _context(report: DiffReport, new: str) -> tuple[dict[str, int | None], dict[str, Answer]]:
    # The largest value of each int answer and the defaults, from the new data's flow (as recorded in the domains).
    from triage.data.knowledge import load_knowledge

    flow = load_knowledge(new).flow
    return {q.id: q.maximum for q in flow.questions}, {q.id: q.default for q in flow.questions if q.default is not None}


def _headline(m: MunicipalityDiff) -> str:
    if m.status in ("added", "removed"):
        return f"{m.id}: municipality {m.status}"
    if not m.compared:
        return f"{m.id}: no change (its rules, the flow and the law are the same)"
    if not m.changed:
        return f"{m.id}: no change (of {m.classes:,} classes)"
    decided = m.changed - m.reworded
    wording = f"; {m.reworded:,} more only in wording, citations or reasons" if m.reworded else ""
    return f"{m.id}: {decided:,} classes change (of {m.classes:,}){wording}"


def wording_line(note: str) -> str:
    return f"wording: {note} changed (shown in every result that uses it)"


def to_text(report: DiffReport, old: str, new: str, date: datetime.date) -> str:
    maxima, defaults = _context(report, new)
    out = [f"triage diff {old} → {new} (deadlines from {date.isoformat()})"]
    out += [flow_line(n) for n in report.flow]
    out += [wording_line(w) for w in report.wording]
    for m in report.municipalities:
        out.append(_headline(m))
        for c in m.changes:
            out.append(f"  {describe(c, m, maxima)} ({c.classes:,} classes):")
            out += [f"    {difference_line(d, date)}" for d in c.differences]
            if c.reworded:
                out.append(f"    and in some of these: {', '.join(item_name(d) for d in c.reworded)} changed")
            out.append("    answers (triage recommend --answers -):")
            out += [f"      {line}" for line in minimal_answers(c, m.id, defaults, date).splitlines()]
    return "\n".join(out) + "\n"


def to_markdown(report: DiffReport, old: str, new: str, date: datetime.date) -> str:
    maxima, defaults = _context(report, new)
    out = [f"# triage diff `{old}` → `{new}`", "", f"Deadlines counted from {date.isoformat()}.", ""]
    if report.flow or report.wording:
        out += [f"- {flow_line(n)}" for n in report.flow] + [f"- {wording_line(w)}" for w in report.wording] + [""]
    for m in report.municipalities:
        out += [f"## {_headline(m)}", ""]
        for c in m.changes:
            out += [f"### {describe(c, m, maxima)} ({c.classes:,} classes)", ""]
            out += ["| item | before | after |", "|---|---|---|"]
            for d in c.differences:
                out.append(f"| {item_name(d)} | {item_value(d, d.before, date)} | {item_value(d, d.after, date)} |")
            for d in c.reworded:
                out.append(f"| {item_name(d)} (in some of these) | … | … |")
            out += ["", "```toml", minimal_answers(c, m.id, defaults, date).rstrip("\n"), "```", ""]
    return "\n".join(out) + "\n"


def to_json(report: DiffReport, old: str, new: str, date: datetime.date) -> str:
    maxima, defaults = _context(report, new)

    def answer(v: Answer) -> Any:
        return list(v) if isinstance(v, tuple) else v

    data = {
        "old": old,
        "new": new,
        "changed": report.changed,
        "contact_date": date.isoformat(),
        "wording": report.wording,
        "flow": [
            {
                "question": n.question,
                "change": n.change,
                "compared_at": n.compared_at,
                **({"value": answer(n.values[0])} if n.values else {}),
            }
            for n in report.flow
        ],
        "municipalities": [
            {
                "id": m.id,
                "status": m.status,
                "compared": m.compared,
                "classes": m.classes,
                "changed_classes": m.changed,
                "reworded_classes": m.reworded,
                "changes": [
                    {
                        "classes": c.classes,
                        "description": describe(c, m, maxima),
                        "answers": {k: [answer(v) for v in vs] for k, vs in c.answers.items()},
                        "differences": [
                            {
                                "item": str(d.key) if d.key.kind != "service_level" else "service_level",
                                "field": d.field or None,
                                "before": item_value(d, d.before, date) if d.before is not None else None,
                                "after": item_value(d, d.after, date) if d.after is not None else None,
                            }
                            for d in c.differences
                        ],
                        "reworded_in_some": [
                            {"item": str(d.key) if d.key.kind != "service_level" else "service_level", "field": d.field}
                            for d in c.reworded
                        ],
                        "answers_file": minimal_answers(c, m.id, defaults, date),
                    }
                    for c in m.changes
                ],
            }
            for m in report.municipalities
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2)
