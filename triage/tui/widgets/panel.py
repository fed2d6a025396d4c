"""The live recommendation: level, notifications and next steps, short enough for 80×24.

The full detail (reasons, legal basis, citations) is on the summary screen; this panel is
what the counsellor can say to the caller before the last question.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Group, RenderableType
from rich.text import Text

from triage.output.i18n import t
from triage.output.render import alternative_line, alternative_title
from triage.rules.model import Flow
from triage.rules.session import Session
from triage.tui.widgets.rendered import RenderedOnce

if TYPE_CHECKING:
    from triage.rules.engine import Recommendation


def line(*parts: tuple[str, str]) -> Text:
    """One line that ends in … rather than wrapping: the panel stays a glance, not a read."""
    text = Text(no_wrap=True, overflow="ellipsis")
    for part, style in parts:
        text.append(part, style=style)
    return text


def compact(rec: Recommendation, flow: Flow) -> RenderableType:
    """The short form: level, who to notify, what to do by when (and how many warnings).

    ``RecommendationPanel.show`` compares exactly these parts to skip an unchanged panel.
    """
    lang = rec.lang
    level_style = "bold reverse red" if rec.level.id == "emergency" else "bold"
    lines: list[RenderableType] = [Text(rec.level.label, style=level_style)]
    if rec.notifications:
        lines += [Text(""), line((t("notifications", lang), "bold underline"))]
        for n in rec.notifications:
            lines.append(line(("• ", ""), (n.label, "")))
            first = f" ({t('wizard_live_inform_first', lang)})" if n.inform_citizen_first else ""
            lines.append(line(("  → ", "dim"), (n.recipient, "dim"), (first, "italic")))
    if rec.steps or rec.deadlines:
        lines += [Text(""), line((t("next_steps", lang), "bold underline"))]
        for s in rec.steps:
            lines.append(line((s.due.strftime("%d.%m. ") if s.due else "· ", "bold"), (s.text, "")))
        for key, date in rec.deadlines.items():
            term = flow.term("deadlines", key)
            lines.append(line((date.strftime("%d.%m. "), "bold"), (term.label.get(lang) if term else key, "dim")))
    if rec.alternatives:  # what giving up anonymity (and the like) would bring: one line each
        lines.append(Text(""))
        for alt in rec.alternatives:
            title = alternative_title(alt, flow, lang)
            lines.append(line((f"{title}:", "bold cyan"), (alternative_line(alt, flow, lang)[len(title) + 1 :], "")))
    if rec.warnings:
        lines += [Text(""), line((f"⚠ {t('warnings', lang)}: {len(rec.warnings)}", "bold yellow"))]
    return Group(*lines)


class RecommendationPanel(RenderedOnce):
    """A fixed-size panel: updating it repaints the lines that changed, and nothing else.

    Its lines are one each and end in …, so the short form fits; the summary has it all.
    A new notification or step repaints a few lines, not all 22 with their border, as the
    ``Static`` it was did (benchmarks/keystroke.py measures it).
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
                len(rec.warnings),
                tuple(alternative_line(a, call.knowledge.flow, call.lang) for a in rec.alternatives),
            )
            if rec
            else None
        )
        shown = (call.lang, parts)
        if shown == self._shown:
            return
        self._shown = shown
        self.border_title = t("wizard_live_title", call.lang)
        if rec is None:
            self.update(Text(t("wizard_live_empty", call.lang), style="dim italic"), layout=False)
        else:
            self.update(compact(rec, call.knowledge.flow), layout=False)
