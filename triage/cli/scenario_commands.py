"""``triage scenarios test|list``: the scenario library at the command line.

``test`` is what CI runs: every scenario through the engine, each mismatch as one
line ``file:line:col: scenario: field: expected ..., got ...``. Exit 0 when all pass,
1 on mismatches, 2 when a data or scenario file is unreadable.
"""

from __future__ import annotations

import sys

from triage.output.i18n import t
from triage.rules.errors import DataError, Exit, Problem, TriageError, suggestion
from triage.rules.model import Knowledge, Lang
from triage.training import scenarios


def load_library(knowledge: Knowledge) -> scenarios.Library | None:
    """The library, or None after printing every problem on stderr."""
    try:
        return scenarios.load(knowledge)
    except DataError as err:
        for problem in err.problems:
            print(str(problem), file=sys.stderr)
        return None


def run_test(knowledge: Knowledge, lang: Lang) -> int:
    library = load_library(knowledge)
    if library is None:
        return Exit.BAD_INPUT
    results = scenarios.run_all(knowledge, library)
    failed = [r for r in results if not r.passed]
    known = [m for r in results for m in r.known]
    for r in failed:
        for m in r.mismatches:
            print(m.line(library.root))
    for m in known:
        note = m.known.note if m.known else ""
        print(f"{t('sc_known', lang)}: {m.line(library.root)} ({note})")
    print(
        t(
            "sc_summary",
            lang,
            count=len(results),
            passed=len(results) - len(failed),
            failed=len(failed),
            known=len(known),
        )
    )
    return Exit.FINDINGS if failed else Exit.OK


def run_list(
    knowledge: Knowledge,
    lang: Lang,
    *,
    municipality: str | None,
    difficulty: int | None,
    topic: str | None,
) -> int:
    from rich.table import Table

    from triage.output import streams

    library = load_library(knowledge)
    if library is None:
        return Exit.BAD_INPUT
    if topic is not None and library.topic(topic) is None:
        ids = [x.id for x in library.topics]
        hint = suggestion(topic, ids, lang)
        message = t("sc_unknown_topic", lang, topic=topic, hint=hint, ids=", ".join(ids))
        raise TriageError(Problem("--topic", "", message))
    chosen = library.select(municipality=municipality, difficulty=difficulty, topic=topic)
    console = streams.console()
    if not chosen:
        console.print(t("sc_none_match", lang))
        return Exit.OK
    from rich.text import Text

    table = Table(title=t("sc_list_title", lang, count=len(chosen)), show_lines=True)
    # The ID is how a scenario is named and picked: never cut it short. The rest is one cell
    # of lines that wrap (title, then municipality, difficulty and topics, then the level), so
    # that at 80 columns nothing ends in '…' (issue 21).
    table.add_column(t("sc_id", lang), no_wrap=True, min_width=max(len(s.id) for s in chosen))
    heading = " · ".join(t(k, lang) for k in ("sc_title", "municipality", "sc_difficulty", "sc_topics", "sc_level"))
    table.add_column(heading, overflow="fold")
    for s in chosen:
        term = knowledge.flow.term("levels", s.expected.service_level.id)
        topics = [library.topic(x) for x in s.topics]
        cell = Text(s.title.get(lang), style="bold")
        cell.append(f"\n{knowledge.municipalities[s.municipality].name} · ")
        cell.append("●" * s.difficulty + "○" * (3 - s.difficulty))
        cell.append(f" · {', '.join(x.label.get(lang) for x in topics if x is not None)}")
        cell.append(f"\n→ {term.label.get(lang) if term else s.expected.service_level.id}")
        table.add_row(Text(s.id), cell)
    console.print(table)
    return Exit.OK
