"""``triage train --report [--format text|csv|json]``: a trainee's progress, for the trainee and the trainer.

Text: accuracy per municipality and per topic, the trend per topic ("Anonymitet: 55 % →
80 % over 3 uger"), and every round with its date; the tables wrap at 80 columns instead
of cutting a header short. CSV: one line per round, to open in a spreadsheet. JSON: the
whole report, each round with its date (contract version 3).
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

from triage.output.i18n import t
from triage.rules.errors import Exit
from triage.rules.model import Knowledge, Lang
from triage.training import progress
from triage.training.scenarios import Library

CSV_COLUMNS = (
    "date",
    "played_at",
    "trainee",
    "scenario",
    "municipality",
    "topics",
    "score",
    "level_right",
    "notifications_right",
    "answers_total",
    "answers_wrong",
    "wrong_answers",
    "hints",
)


def _pct(share: float) -> str:
    return f"{share * 100:.0f} %"


def span_text(days: int, lang: Lang) -> str:
    """``over 3 uger`` / ``over 5 dage`` / ``over 1 uge``."""
    if days >= 7:
        weeks = round(days / 7)
        return t("tr_over_weeks" if weeks != 1 else "tr_over_week", lang, n=weeks)
    return t("tr_over_days" if days != 1 else "tr_over_day", lang, n=days)


def trend_text(trend: progress.Trend, label: str, lang: Lang) -> str:
    return f"{label}: {trend.first:.0f} % → {trend.last:.0f} % {span_text(trend.days, lang)}"


def render(report: progress.Report, knowledge: Knowledge, library: Library, lang: Lang) -> list[object]:
    """The renderables to print: the tables, the trends and the suggestion, or a hint when nothing is stored.

    Every string is a ``Text``: a group name read from the database is shown as it is, never
    read as Rich markup (a topic ``[/x]`` would otherwise raise ``MarkupError``).
    """
    from rich.table import Table
    from rich.text import Text

    if report.rounds == 0:
        return [Text(t("tr_no_rounds", lang))]

    def table(title: str, rows: tuple[progress.Row, ...], label: dict[str, str]) -> Table:
        out = Table(title=f"{t('tr_report_title', lang)}: {title}")
        out.add_column(t("tr_group", lang), overflow="fold")
        for key in ("tr_rounds", "tr_level_ok", "tr_notes_ok", "tr_answers_ok", "tr_score"):
            out.add_column(t(key, lang), justify="right", overflow="fold")
        for r in rows:
            out.add_row(
                Text(label.get(r.group, r.group)),
                str(r.rounds),
                _pct(r.level_right),
                _pct(r.notifications_right),
                _pct(r.answers_right),
                f"{r.score:.0f}",
            )
        return out

    munis = {m.id: m.name for m in knowledge.municipalities.values()}
    topics = {x.id: x.label.get(lang) for x in library.topics}
    out: list[object] = []
    if report.trainee:
        out.append(Text(f"{t('tr_trainee', lang)}: {report.trainee}"))
    out += [
        table(t("tr_by_municipality", lang), report.by_municipality, munis),
        table(t("tr_by_topic", lang), report.by_topic, topics),
    ]
    if report.trends:
        out.append(Text(t("tr_trends", lang), style="bold"))
        out += [Text("  " + trend_text(tr, topics.get(tr.topic, tr.topic), lang)) for tr in report.trends]
    rounds = Table(title=t("tr_rounds_title", lang))
    rounds.add_column(t("tr_date", lang), no_wrap=True)
    # An ID is how a case is named and picked again: never cut or folded.
    rounds.add_column(
        t("sc_id", lang), no_wrap=True, min_width=max((len(r.scenario) for r in report.played), default=2)
    )
    rounds.add_column(t("tr_points", lang), justify="right", no_wrap=True)
    rounds.add_column(t("tr_wrong", lang), overflow="fold")
    flow = knowledge.flow
    for r in report.played:
        wrong = [t("tr_wrong_level", lang)] if not r.level_right else []
        wrong += [t("tr_wrong_notes", lang)] if not r.notifications_right else []
        wrong += [q.short_label(lang) if (q := flow.question(k)) is not None else k for k in r.wrong_answers]
        rounds.add_row(
            r.played_at.date().strftime("%d.%m.%Y"), Text(r.scenario), str(r.score), Text(", ".join(wrong) or "–")
        )
    out.append(rounds)
    if report.weakest_topic is not None:
        out.append(Text(t("tr_next", lang, topic=topics.get(report.weakest_topic, report.weakest_topic))))
    return out


def to_json(report: progress.Report, library: Library, lang: Lang) -> dict[str, Any]:
    """The report as data: totals per group, trends, and each round with its date."""
    topics = {x.id: x.label.get(lang) for x in library.topics}

    def rows(group: tuple[progress.Row, ...]) -> list[dict[str, Any]]:
        return [
            {
                "id": r.group,
                "rounds": r.rounds,
                "level_right": round(r.level_right, 3),
                "notifications_right": round(r.notifications_right, 3),
                "answers_right": round(r.answers_right, 3),
                "score": round(r.score, 1),
            }
            for r in group
        ]

    return {
        "trainee": report.trainee,
        "rounds": [_round_json(r) for r in report.played],
        "by_municipality": rows(report.by_municipality),
        "by_topic": [{**row, "label": topics.get(row["id"], row["id"])} for row in rows(report.by_topic)],
        "trends": [
            {
                "topic": tr.topic,
                "label": topics.get(tr.topic, tr.topic),
                "from": {"date": tr.first_day.isoformat(), "score": round(tr.first, 1)},
                "to": {"date": tr.last_day.isoformat(), "score": round(tr.last, 1)},
                "text": trend_text(tr, topics.get(tr.topic, tr.topic), lang),
            }
            for tr in report.trends
        ],
        "weakest_topic": report.weakest_topic,
    }


def _round_json(r: progress.Round) -> dict[str, Any]:
    return {
        "date": r.played_at.date().isoformat(),
        "played_at": r.played_at.isoformat(),
        "trainee": r.trainee or None,
        "scenario": r.scenario,
        "municipality": r.municipality,
        "topics": list(r.topics),
        "score": r.score,
        "level_right": r.level_right,
        "notifications_right": r.notifications_right,
        "answers_total": r.answers_total,
        "wrong_answers": list(r.wrong_answers),
        "hints": r.hints,
    }


def to_csv(report: progress.Report) -> str:
    """One line per round, oldest first, under a header line (only the header when nothing is stored)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for r in report.played:
        row = _round_json(r)
        writer.writerow(
            [
                row["date"],
                row["played_at"],
                r.trainee,
                r.scenario,
                r.municipality,
                " ".join(r.topics),
                r.score,
                int(r.level_right),
                int(r.notifications_right),
                r.answers_total,
                len(r.wrong_answers),
                " ".join(r.wrong_answers),
                r.hints,
            ]
        )
    return buffer.getvalue()


def run(knowledge: Knowledge, library: Library, lang: Lang, path: Path | None = None, fmt: str = "text") -> int:
    from triage.output import streams

    report = progress.report(path)
    if fmt == "json":
        print(json.dumps(to_json(report, library, lang), ensure_ascii=streams.ascii_only(), indent=2))
        return Exit.OK
    if fmt == "csv":
        print(to_csv(report), end="")
        return Exit.OK
    console = streams.console()
    for item in render(report, knowledge, library, lang):
        console.print(item)
    return Exit.OK
