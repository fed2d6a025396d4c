"""The answers so far, as a column the counsellor can jump into to change one."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from triage.i18n import t
from triage.tui.state import Call


def clip(text: str, width: int) -> str:
    """Cut ``text`` to ``width`` cells with an ellipsis (the options list would wrap it)."""
    return text if len(text) <= width else text[: width - 1] + "…"


class AnswersColumn(OptionList):
    """One entry per answered question; Enter on one reopens that question."""

    @dataclass
    class Reopen(Message):
        qid: str

    def show(self, call: Call) -> None:
        if call.municipality is None:
            return
        from triage.render import format_answer

        lang, state = call.lang, call.flow_state
        highlighted = self.highlighted
        self.clear_options()
        if not state.asked:
            self.add_option(Option(Text(t("wz_answers_empty", lang), style="dim"), disabled=True))
            return
        width = max(self.size.width - 3, 8)  # room for padding and a scrollbar
        for i, q in enumerate(state.asked, 1):
            entry = Text()
            entry.append(clip(f"{i} {q.label.get(lang)}", width), style="dim")
            entry.append("\n")
            entry.append(clip(f"  {format_answer(q, state.answers[q.id], lang)}", width), style="bold")
            self.add_option(Option(entry, id=q.id))
        if self.has_focus and highlighted is not None:
            self.highlighted = min(highlighted, self.option_count - 1)
        else:
            self.highlighted = self.option_count - 1

    @on(OptionList.OptionSelected)
    def _reopen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.post_message(self.Reopen(event.option.id))
