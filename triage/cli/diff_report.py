"""``triage diff OLD [NEW]``: what an edit of the data changes, as text, Markdown or JSON.

OLD is a data folder, or a git revision of the folder NEW lives in (read with ``git show``,
nothing is checked out). Exit codes (contract): 0 no change, 1 changes, 2 unreadable.
"""

from __future__ import annotations

import datetime
import json
import subprocess
import tempfile
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from triage.cli.check_report import answers_toml
from triage.data.loader import load
from triage.data.paths import DATA_FILES, default_data_dir
from triage.rules.errors import DataError, Exit, Problem, TriageError, suggestion
from triage.rules.model import UNKNOWN, Answer, Knowledge
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
    with _old_data(old, new_root) as (old_root, label):
        old_k = _load(old_root, label)
    ids = None
    if municipality is not None:
        known = list(dict.fromkeys([*new_k.municipalities, *old_k.municipalities]))
        if municipality not in known:
            message = (
                f"unknown municipality '{municipality}'{suggestion(municipality, known)} (known: {', '.join(known)})"
            )
            raise TriageError(Problem("--municipality", "", message))
        ids = [municipality]
    report = diff(old_k, new_k, ids)
    render = {"json": to_json, "markdown": to_markdown}.get(fmt, to_text)
    print_(render(report, label, str(new_root), contact_date).rstrip("\n"))
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


@contextmanager
def _old_data(old: str, new_root: Path) -> Iterator[tuple[Path, str]]:
    """OLD as a folder: a folder as it is, a git revision as its data files in a temporary folder."""
    if Path(old).is_dir():
        yield Path(old), old
        return
    if old.startswith("-"):
        raise DataError(Problem(old, "", "neither a data folder nor a git revision", kind="unreadable"))
    top = _git(new_root, "rev-parse", "--show-toplevel")
    if top is None:
        raise DataError(
            Problem(
                old,
                "",
                f"no such folder, and {new_root} is not in a git work tree, so it cannot be a git revision",
                kind="unreadable",
            )
        )
    prefix = new_root.resolve().relative_to(Path(top.strip()).resolve())
    with tempfile.TemporaryDirectory(prefix="triage-diff-") as tmp:
        for name in DATA_FILES:
            path = (prefix / name).as_posix()
            text = _git(Path(top.strip()), "show", f"{old}:{path}")
            if text is None:
                raise DataError(
                    Problem(
                        f"{old}:{path}", "", "not in git (no such revision, or no such file there)", kind="unreadable"
                    )
                )
            target = Path(tmp) / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        yield Path(tmp), old


def _git(cwd: Path, *args: str) -> str | None:
    try:
        done = subprocess.run(["git", "-C", str(cwd), *args], capture_output=True, check=False)
    except OSError:
        return None
    if done.returncode != 0:
        return None
    return done.stdout.decode("utf-8", errors="replace")


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


def item_value(item: str, value: str | int | None, date: datetime.date) -> str:
    if value is None:
        return "(none)"
    if item.startswith("deadline:") and isinstance(value, int):
        return (date + datetime.timedelta(days=value)).isoformat()
    if item.startswith(("offer:", "next_step:", "warning:")):
        return "yes"
    return str(value).replace(" (!)", " (tell the citizen first)")


def _item_name(item: str) -> str:
    kind, _, key = item.partition(":")
    return f"{kind.replace('_', ' ')} {key}".strip()


def flow_line(note: FlowNote) -> str:
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
    return f"{m.id}: {m.changed:,} classes change (of {m.classes:,})"


def to_text(report: DiffReport, old: str, new: str, date: datetime.date) -> str:
    maxima, defaults = _context(report, new)
    out = [f"triage diff {old} → {new} (deadlines from {date.isoformat()})"]
    out += [flow_line(n) for n in report.flow]
    for m in report.municipalities:
        out.append(_headline(m))
        for c in m.changes:
            out.append(f"  {describe(c, m, maxima)} ({c.classes:,} classes):")
            for item, before, after in c.differences:
                out.append(
                    f"    {_item_name(item):<34} {item_value(item, before, date)} → {item_value(item, after, date)}"
                )
            out.append("    answers (triage recommend --answers -):")
            out += [f"      {line}" for line in minimal_answers(c, m.id, defaults, date).splitlines()]
    return "\n".join(out) + "\n"


def to_markdown(report: DiffReport, old: str, new: str, date: datetime.date) -> str:
    maxima, defaults = _context(report, new)
    out = [f"# triage diff `{old}` → `{new}`", "", f"Deadlines counted from {date.isoformat()}.", ""]
    if report.flow:
        out += [f"- {flow_line(n)}" for n in report.flow] + [""]
    for m in report.municipalities:
        out += [f"## {_headline(m)}", ""]
        for c in m.changes:
            out += [f"### {describe(c, m, maxima)} ({c.classes:,} classes)", ""]
            out += ["| item | before | after |", "|---|---|---|"]
            for item, before, after in c.differences:
                out.append(
                    f"| {_item_name(item)} | {item_value(item, before, date)} | {item_value(item, after, date)} |"
                )
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
                "changes": [
                    {
                        "classes": c.classes,
                        "description": describe(c, m, maxima),
                        "answers": {k: [answer(v) for v in vs] for k, vs in c.answers.items()},
                        "differences": [
                            {
                                "item": item,
                                "before": item_value(item, b, date) if b is not None else None,
                                "after": item_value(item, a, date) if a is not None else None,
                            }
                            for item, b, a in c.differences
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
