"""The line above the question: municipality, the standard's status badge, and step i of n."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from triage.output.i18n import t
from triage.rules.session import Session
from triage.tui.labels import status_badge


class CallHeader(Static):
    def show(self, call: Session) -> None:
        if call.municipality is None:
            self.update("", layout=False)
            return
        lang = call.lang
        m = call.knowledge.municipalities[call.municipality]
        state = call.flow_state
        line = Text(no_wrap=True, overflow="ellipsis")
        # Named in words before the first question: a municipality remembered from an earlier
        # call must not start a call under another standard unnoticed.
        line.append(f"{t('municipality', lang)}: ")
        line.append(m.name, style="bold")
        line.append(" ")
        line.append_text(status_badge(m, lang))
        line.append("  ")
        if state.next is None:
            line.append(t("wizard_done", lang), style="dim")
        else:
            line.append(t("wizard_step", lang, i=len(state.asked) + 1, n=state.total), style="dim")
        if call.editing:
            line.append("  ")
            line.append(t("wizard_editing", lang), style="bold italic")
        self.update(line, layout=False)  # one line, always: no new layout of the screen
