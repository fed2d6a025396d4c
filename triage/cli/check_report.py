"""``triage check``: run the proof of ``triage.verify.check`` and report it as a table or JSON.

Exit codes (contract): 0 clean, 1 findings, 2 when a file cannot be read at all.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Mapping
from pathlib import Path

from triage.data.knowledge import load_knowledge
from triage.rules.errors import DataError, Problem
from triage.rules.model import Answer
from triage.verify.check import verify


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


def run(data: str | None, fmt: str) -> int:
    try:
        knowledge = load_knowledge(data)
    except DataError as err:
        return _print_problems(err.problems, fmt)
    flow_problems, reports = verify(knowledge)
    findings = flow_problems + [f for r in reports for f in r.findings]
    if fmt == "json":
        print(
            json.dumps(
                {
                    "ok": not findings,
                    "findings": findings,
                    "municipalities": [
                        {
                            "id": r.municipality,
                            "classes": r.classes,
                            "rules": r.rules,
                            "dead_rules": r.dead,
                            "seconds": round(r.seconds, 4),
                            "counterexample": answers_toml(r.municipality, r.counterexample)
                            if r.counterexample
                            else None,
                        }
                        for r in reports
                    ],
                },
                ensure_ascii=False,
                indent=2,
            )
        )
    else:
        from rich.table import Table

        from triage.output import streams

        console = streams.console()
        table = Table(title=f"triage check: {Path(knowledge.root).resolve()}")
        for col in (
            "municipality",
            "classes checked",
            "rules",
            "rules used",
            "dead rules",
            "seconds",
        ):
            table.add_column(col, justify="left" if col == "municipality" else "right")
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
        for f in findings:
            print(f, file=sys.stderr)
        for r in reports:
            if r.counterexample is not None:
                print(
                    f"\nsmallest counterexample for {r.municipality} (triage recommend --answers -):",
                    file=sys.stderr,
                )
                print(answers_toml(r.municipality, r.counterexample), file=sys.stderr, end="")
        console.print(
            "[green]OK: every conversation gets exactly one level, cited[/]"
            if not findings
            else f"[red]{len(findings)} finding(s)[/]"
        )
    return 1 if findings else 0


def _print_problems(problems: list[Problem], fmt: str) -> int:
    unreadable = any(p.kind == "unreadable" for p in problems)
    if fmt == "json":
        print(json.dumps({"ok": False, "findings": [str(p) for p in problems]}, ensure_ascii=False, indent=2))
    else:
        for p in problems:
            print(p, file=sys.stderr)
    return 2 if unreadable else 1
