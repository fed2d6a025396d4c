"""``triage train --report``: the trainee's accuracy per municipality and per topic, as Rich tables."""

from __future__ import annotations

from pathlib import Path

from triage.output.i18n import t
from triage.rules.errors import Exit
from triage.rules.model import Knowledge, Lang
from triage.training import progress
from triage.training.scenarios import Library


def _pct(share: float) -> str:
    return f"{share * 100:.0f} %"


def render(report: progress.Report, knowledge: Knowledge, library: Library, lang: Lang) -> list[object]:
    """The renderables to print: two tables and the suggestion, or a hint when nothing is stored.

    Every string is a ``Text``: a group name read from the database is shown as it is, never
    read as Rich markup (a topic ``[/x]`` would otherwise raise ``MarkupError``).
    """
    from rich.table import Table
    from rich.text import Text

    if report.rounds == 0:
        return [Text(t("tr_no_rounds", lang))]

    def table(title: str, rows: tuple[progress.Row, ...], label: dict[str, str]) -> Table:
        out = Table(title=f"{t('tr_report_title', lang)}: {title}")
        out.add_column(t("tr_group", lang))
        for key in ("tr_rounds", "tr_level_ok", "tr_notes_ok", "tr_answers_ok", "tr_score"):
            out.add_column(t(key, lang), justify="right")
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
    out: list[object] = [
        table(t("tr_by_municipality", lang), report.by_municipality, munis),
        table(t("tr_by_topic", lang), report.by_topic, topics),
    ]
    if report.weakest_topic is not None:
        out.append(Text(t("tr_next", lang, topic=topics.get(report.weakest_topic, report.weakest_topic))))
    return out


def run(knowledge: Knowledge, library: Library, lang: Lang, path: Path | None = None) -> int:
    from triage.output import streams

    console = streams.console()
    for item in render(progress.report(path), knowledge, library, lang):
        console.print(item)
    return Exit.OK
