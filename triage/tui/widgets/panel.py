"""The live recommendation: level, who is notified, what is due by when, and the warnings.

The full detail (reasons, legal basis, citations, the steps without a date) is on the summary
screen; this panel is what the counsellor can say to the caller before the last question.
Every line wraps, so nothing is cut off at 80×24; when a call needs more lines than the
panel has, its container scrolls (F6 moves into it, Esc back).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual.widget import Widget

from triage.output.dates import day
from triage.output.i18n import t
from triage.output.render import alternative_line, alternative_title
from triage.rules.model import Flow
from triage.rules.session import Session
from triage.tui.widgets.rendered import RenderedOnce

if TYPE_CHECKING:
    from triage.rules.recommendation import Recommendation


def _rows(rows: list[tuple[str, Text]]) -> Table:
    """Marker and text side by side, so that a wrapped text keeps its indent (hanging)."""
    grid = Table.grid(padding=(0, 1, 0, 0))
    grid.add_column(no_wrap=True, style="bold")
    grid.add_column(overflow="fold")
    for marker, text in rows:
        grid.add_row(marker, text)
    return grid


def compact(rec: Recommendation, flow: Flow) -> RenderableType:
    """The short form: level, who is notified, what is due by when, how many rights to tell
    the caller of, and how many warnings.

    ``RecommendationPanel.show`` compares exactly these parts to skip an unchanged panel.
    """
    lang = rec.lang
    level_style = "bold reverse red" if rec.level.role == "emergency" else "bold"
    parts: list[RenderableType] = [Text(rec.level.label, style=level_style)]
    if rec.notifications:
        parts += [Text(""), Text(t("notifications", lang), style="bold underline")]
        first = f" ({t('wizard_live_inform_first', lang)})"
        parts.append(
            _rows(
                [
                    ("•", Text.assemble(n.recipient, (first if n.inform_citizen_first else "", "italic")))
                    for n in rec.notifications
                ]
            )
        )
    dated = [s for s in rec.steps if s.due is not None]
    if dated or rec.deadlines:
        parts += [Text(""), Text(t("next_steps", lang), style="bold underline")]
        today = rec.contact_date  # the day of the call: "i dag"
        rows = [(day(s.due, lang, today) if s.due else "", Text(s.text)) for s in dated]
        for key, date in rec.deadlines.items():
            term = flow.term("deadlines", key)
            # The label, then the date, so the sentence ends: "… behandling senest 08.12.2026".
            label = Text(f"{term.label.get(lang) if term else key} ")
            label.append(day(date, lang, today), style="bold")
            rows.append(("→", label))
        parts.append(_rows(rows))
    undated = len(rec.steps) - len(dated)
    if undated:
        parts.append(Text(t("wizard_live_more_steps", lang, n=undated), style="dim italic"))
    if rec.rights:  # one line at 80×24: what to say is on the summary, under the same heading
        parts.append(Text(t("wizard_live_rights", lang, n=len(rec.rights)), style="dim italic"))
    if rec.alternatives:  # what giving up anonymity (and the like) would bring: one entry each
        parts.append(Text(""))
        for alt in rec.alternatives:
            title = alternative_title(alt, flow, lang)
            rest = alternative_line(alt, flow, lang)[len(title) + 1 :]
            parts.append(Text.assemble((f"{title}:", "bold"), rest))
    if rec.warnings:
        parts += [Text(""), Text(f"⚠ {t('warnings', lang)}: {len(rec.warnings)}", style="bold")]
    return Group(*parts)


class RecommendationPanel(RenderedOnce):
    """A fixed-size panel: updating it repaints the lines that changed, and nothing else.

    Its entries wrap; the summary has it all. A new notification or step repaints a few
    lines, not the whole panel, as the ``Static`` it was did (benchmarks/keystroke.py).
    """

    _shown: tuple[object, object] | None = None

    def show(self, call: Session) -> None:
        """Render ``call``'s recommendation; skipped when it is what the panel already shows.

        Most answers leave the recommendation as it was, and repainting this full-height panel
        was a third of the frame after a key (benchmarks/keystroke.py).
        """
        rec = call.recommendation
        parts = (
            (
                rec.level,
                rec.notifications,
                rec.steps,
                tuple(rec.deadlines.items()),
                len(rec.rights),
                len(rec.warnings),
                tuple(alternative_line(a, call.knowledge.flow, call.lang) for a in rec.alternatives),
            )
            if rec
            else None
        )
        shown = (call.lang, parts if rec else call.problem)
        if shown == self._shown:
            return
        self._shown = shown
        if self.parent is not None and isinstance(self.parent, Widget):
            self.parent.border_title = t("wizard_live_title", call.lang)
        if rec is None and call.problem is not None:
            # A gap in the data, not answers still missing: say so, never an empty panel.
            self.update(Text(f"{t('wizard_live_problem', call.lang)}\n{call.problem}", style="bold"), layout=False)
        elif rec is None:
            self.update(Text(t("wizard_live_empty", call.lang), style="dim italic"), layout=False)
        else:
            self.update(compact(rec, call.knowledge.flow), layout=False)
