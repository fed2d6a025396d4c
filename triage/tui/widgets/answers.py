"""The answers so far, as a column the counsellor can jump into to change one."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from triage.i18n import t
from triage.tui.labels import clip
from triage.tui.state import Call
from triage.tui.widgets.options import PagedOptionList


class AnswersColumn(PagedOptionList):
    """One entry per answered question; Enter on one reopens that question."""

    _shown: tuple[tuple[str, str, str], ...] = ()

    @dataclass
    class Reopen(Message):
        qid: str

    _call: Call | None = None

    def on_resize(self) -> None:
        """Entries are clipped to the width: redo them when it changes (or the column appears)."""
        if self._call is not None:
            self._shown = ()
            self.show(self._call)

    def show(self, call: Call) -> None:
        self._call = call
        if call.municipality is None:
            return
        from triage.render import format_answer

        lang, state = call.lang, call.flow_state
        if not state.asked:
            self._shown = ()
            self.set_options([Option(Text(t("wz_answers_empty", lang), style="dim"), disabled=True)])
            return
        width = max(self.size.width - 3, 8)  # room for padding and a scrollbar
        entries = tuple(
            (
                q.id,
                clip(f"{i} {q.label.get(lang)}", width),
                clip("  " + format_answer(q, state.answers[q.id], lang), width),
            )
            for i, q in enumerate(state.asked, 1)
        )
        if entries == self._shown:
            return
        same = self._shown == entries[: len(self._shown)] and bool(self._shown)
        new = entries[len(self._shown) :] if same else entries
        options = [Option(Text.assemble((head, "dim"), "\n", (answer, "bold")), id=qid) for qid, head, answer in new]
        # One answer more is the common case on a call: append it rather than rebuild the column.
        if same:
            self.add_options(options)
        else:
            self.set_options(options)
        self._shown = entries
        if not self.has_focus:
            self.highlighted = self.option_count - 1

    @on(OptionList.OptionSelected)
    def _reopen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.post_message(self.Reopen(event.option.id))
