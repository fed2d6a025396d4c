"""``triage check``: run the proof of ``triage.verify.check`` and report it as a table or JSON.

Exit codes (contract): 0 clean, 1 findings, 2 when a file cannot be read at all.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from triage.data.knowledge import load_knowledge
from triage.output.i18n import t
from triage.rules.errors import DataError, Exit, Problem
from triage.rules.model import Answer, Lang
from triage.rules.printable import printable
from triage.verify.check import Report, verify

if TYPE_CHECKING:
    from triage.verify.citations import Result


def answers_toml(municipality: str, answers: Mapping[str, Answer]) -> str:
    """A counterexample as an answers file that ``triage recommend --answers -`` accepts."""

    def fmt(v: Answer) -> str:
        if isinstance(v, bool):
            return "true" if v else "false"
        if isinstance(v, tuple):
            return "[" + ", ".join(json.dumps(x) for x in v) + "]"
        return json.dumps(v) if isinstance(v, str) else str(v)

    lines = [f'municipality = "{municipality}"'] + [f"{k} = {fmt(v)}" for k, v in answers.items()]
    return "\n".join(lines) + "\n"


def run(data: str | None, fmt: str, lang: Lang = "da", standards: str | None = None) -> int:
    """``standards``: a folder of the standards' texts; every cited section is read against them."""
    if standards is not None and not Path(standards).is_dir():
        print(t("check_no_standards", lang, folder=printable(standards)), file=sys.stderr)
        return Exit.BAD_INPUT
    try:
        knowledge = load_knowledge(data)
    except DataError as err:
        return _print_problems(err.problems, fmt)
    flow_problems, reports = verify(knowledge)
    findings = flow_problems + [f for r in reports for f in r.findings]
    cited = None
    if standards is not None:
        from triage.verify.citations import verify_citations

        cited = verify_citations(knowledge, standards)
        findings += cited.findings
    if fmt == "json":
        out = to_json(findings, reports)
        if cited is not None:
            out["standards"] = _standards_json(cited)
        print(json.dumps(out, ensure_ascii=False, indent=2))
    else:
        _print_text(knowledge.root, findings, reports, lang, cited)
    return Exit.FINDINGS if findings else Exit.OK


def _standards_json(cited: Result) -> dict[str, Any]:
    """What ``--standards`` read: how many citations, and the sources it could not read (no finding)."""
    return {
        "folder": cited.folder,
        "verified": cited.verified,
        "not_verified": [u.to_json() for u in cited.unverified],
    }


def _print_standards(cited: Result, lang: Lang) -> None:
    """One line for what was read, and a note for each source that was not (a web page has no file)."""
    print(t("check_standards_read", lang, n=cited.verified, folder=cited.folder), file=sys.stderr)
    for u in cited.unverified:
        reason = t(f"check_standards_{u.reason}", lang, file=u.file or "")
        print(
            t("check_standards_not_read", lang, municipality=u.municipality, source=u.source, n=u.citations,
              reason=reason),
            file=sys.stderr,
        )


def to_json(findings: list[Problem], reports: list[Report]) -> dict[str, Any]:
    """The report for a program: each finding the contract's object (``Problem.to_json``)."""
    examples = {f: (r.municipality, a) for r in reports for f, a in r.examples.items()}

    def finding(f: Problem) -> dict[str, Any]:
        out: dict[str, Any] = f.to_json()
        if f in examples:
            out["counterexample"] = answers_toml(*examples[f])
        return out

    return {
        "ok": not findings,
        "findings": [finding(f) for f in findings],
        "notes": [n.to_json() for r in reports for n in r.notes],
        "municipalities": [
            {
                "id": r.municipality,
                "classes": r.classes,
                "rules": r.rules,
                "dead_rules": r.dead,
                "seconds": round(r.seconds, 4),
                "counterexample": answers_toml(r.municipality, r.counterexample) if r.counterexample else None,
            }
            for r in reports
        ],
    }


def _print_text(
    root: str, findings: list[Problem], reports: list[Report], lang: Lang, cited: Result | None = None
) -> None:
    """The report for a person: a table on stdout, each finding as one line on stderr, in ``lang``."""
    from rich.table import Table

    from triage.output import streams

    console = streams.console()
    table = Table(title=t("check_title", lang, root=Path(root).resolve()))
    columns = ("municipality", "check_classes", "check_rules", "check_rules_used", "check_dead_rules", "check_seconds")
    for col in columns:
        table.add_column(t(col, lang), justify="left" if col == "municipality" else "right")
    for r in reports:
        table.add_row(
            r.municipality,
            str(r.classes),
            str(r.rules),
            str(r.rules - len(r.dead)),
            str(len(r.dead)),
            f"{r.seconds:.2f}",
        )
    console.print(table)
    for r in reports:
        for n in r.notes:
            print(f"{t('check_note', lang)}: {n}", file=sys.stderr)
    examples = {f: (r.municipality, a) for r in reports for f, a in r.examples.items()}
    for f in findings:  # each finding of the proof with the conversation that shows it
        print(f, file=sys.stderr)
        if f in examples:
            print(t("check_example_of", lang), file=sys.stderr)
            print(answers_toml(*examples[f]), file=sys.stderr)
    if cited is not None:
        _print_standards(cited, lang)
    console.print(
        f"[green]{t('check_ok', lang)}[/]" if not findings else f"[red]{t('check_findings', lang, n=len(findings))}[/]"
    )


def _print_problems(problems: list[Problem], fmt: str) -> int:
    unreadable = any(p.kind == "unreadable" for p in problems)
    if fmt == "json":
        print(json.dumps({"ok": False, "findings": [p.to_json() for p in problems]}, ensure_ascii=False, indent=2))
    else:
        for p in problems:
            print(p, file=sys.stderr)
    return Exit.BAD_INPUT if unreadable else Exit.FINDINGS
