"""The answers so far, as a column the counsellor can jump into to change one.

A line widget rather than an ``OptionList``: an answer adds two lines, and only those (and
the cursor's) are rendered again. The option list re-rendered and re-laid-out the whole
column after every answer, a quarter of the frame after a key (benchmarks/keystroke.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style as RichStyle
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.style import Style

from triage.output.i18n import t
from triage.rules.session import Session
from triage.tui.labels import clip

SPAN = {"dim": RichStyle(dim=True), "bold": RichStyle(bold=True)}
Entry = tuple[str, str, str]  # question id, "i label" and "  answer", both clipped to the width


class AnswersColumn(ScrollView, can_focus=True):
    """One entry per answered question (two lines); Enter on one reopens that question.

    Looks and moves as the option list it replaces: the same cursor colours, Up/Down wrap,
    Home/End, Page Up/Down, a click or Enter reopens.
    """

    ALLOW_SELECT = False
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "cursor_down", "Down", show=False),
        Binding("end", "last", "Last", show=False),
        Binding("enter", "select", "Select", show=False),
        Binding("home", "first", "First", show=False),
        Binding("pagedown", "page_down", "Page Down", show=False),
        Binding("pageup", "page_up", "Page Up", show=False),
        Binding("up", "cursor_up", "Up", show=False),
    ]
    # The option list's look, rule for rule.
    DEFAULT_CSS = """
    AnswersColumn {
        height: auto;
        max-height: 100%;
        color: $foreground;
        overflow-x: hidden;
        border: tall $border-blurred;
        padding: 0 1;
        background: $surface;
        & > .answers--cursor {
            color: $foreground;
            background: $block-cursor-blurred-background;
            text-style: $block-cursor-blurred-text-style;
        }
        &:focus {
            border: tall $border;
            background-tint: $foreground 5%;
            & > .answers--cursor {
                color: $block-cursor-foreground;
                background: $block-cursor-background;
                text-style: $block-cursor-text-style;
            }
        }
        & > .answers--empty { color: $text-disabled; }
        & > .answers--hover { background: $block-hover-background; }
    }
    """
    COMPONENT_CLASSES: ClassVar[set[str]] = {"answers--entry", "answers--cursor", "answers--empty", "answers--hover"}

    @dataclass
    class Reopen(Message):
        qid: str

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._call: Session | None = None
        self._entries: tuple[Entry, ...] = ()
        self._empty: str | None = None  # the placeholder shown while nothing is answered
        self.cursor: int | None = None
        self._hover: int | None = None
        self._strips: dict[tuple[str, str, Style, int, int], Strip] = {}

    @property
    def entry_ids(self) -> list[str]:
        """The question ids the column lists, in order (what tests hold against the call)."""
        return [qid for qid, _, _ in self._entries]

    @property
    def entries(self) -> tuple[Entry, ...]:
        return self._entries

    # --- what is shown --------------------------------------------------------------
    def show(self, call: Session) -> None:
        self._call = call
        if call.municipality is None:
            return
        from triage.output.render import format_answer

        lang, state = call.lang, call.flow_state
        if not state.asked:
            self.show_entries((), t("wizard_answers_empty", lang))
            return
        width = max(self.size.width - 3, 8)  # room for padding and a scrollbar
        entries = tuple(
            (
                q.id,
                clip(f"{i} {q.short_label(lang, call.place)}", width),
                clip("  " + format_answer(q, state.answers[q.id], lang, short=True), width),
            )
            for i, q in enumerate(state.asked, 1)
        )
        self.show_entries(entries, None)

    def show_entries(self, entries: tuple[Entry, ...], empty: str | None) -> None:
        """Show ``entries`` (or the placeholder), refreshing only the lines that changed."""
        old, old_cursor = self._entries, self.cursor
        if entries == old and empty == self._empty:
            return
        appended = bool(old) and entries[: len(old)] == old
        self._entries, self._empty = entries, empty
        if not appended:  # rebuilt, as the option list's set_options: no cursor until put back
            self.cursor = None
        if entries and not self.has_focus:
            self.cursor = len(entries) - 1
        if not self.is_mounted:
            return
        scrolled = self._resize_virtual()
        if not self._scroll_to_cursor() and not scrolled:
            if appended:
                first = len(old)
                changed = {first, *(i for i in (old_cursor, self.cursor) if i is not None and i < first)}
                for i in sorted(changed):
                    self.refresh_lines(2 * i, 2 if i < first else 2 * (len(entries) - first))
            else:
                self.refresh()

    def _resize_virtual(self) -> bool:
        """Set the scrollable size to the entries' lines; returns whether it changed (the
        reactive then lays the column out and paints it anew)."""
        size = Size(self.scrollable_content_region.width, self._line_count())
        if size == self.virtual_size:
            return False
        self.virtual_size = size
        return True

    def _line_count(self) -> int:
        return 2 * len(self._entries) if self._entries else int(self._empty is not None)

    def on_resize(self) -> None:
        """Entries are clipped to the width: redo them when it changes (or the column appears)."""
        self._strips.clear()
        if self._call is not None:
            cursor = self.cursor
            self._entries = ()
            self.show(self._call)
            # Rebuilt while focused (the column opened by Tab under 100 columns): keep the cursor,
            # else the last answer, so that Enter reopens one.
            if self._entries:
                self.cursor = cursor if cursor is not None and cursor < len(self._entries) else len(self._entries) - 1
        self._resize_virtual()
        self.refresh()

    def on_show(self) -> None:
        self._scroll_to_cursor()

    def on_mount(self) -> None:
        self._resize_virtual()

    def notify_style_update(self) -> None:
        """Focus changes the cursor's colours: the cached lines go."""
        self._strips.clear()
        self.refresh()
        super().notify_style_update()

    # --- rendering ------------------------------------------------------------------
    def render_line(self, y: int) -> Strip:
        line = self.scroll_offset.y + y
        width = self.scrollable_content_region.width
        index, span = -1, "dim"
        components: tuple[str, ...] = ("answers--entry", "answers--empty")
        if self._entries and line // 2 < len(self._entries):
            index = line // 2
            _, head, answer = self._entries[index]
            text, span = (head, "dim") if line % 2 == 0 else (answer, "bold")
            component = "answers--cursor" if index == self.cursor else "answers--hover" if index == self._hover else ""
            components = ("answers--entry", component) if component else ("answers--entry",)
        elif not self._entries and self._empty is not None and line == 0:
            text = self._empty
        else:
            return Strip.blank(width, self.get_visual_style("answers--entry").rich_style)
        style = self.get_visual_style(*components)
        key = (text, span, style, width, index)
        strip = self._strips.get(key)
        if strip is None:
            # Segments built directly: what Textual's Content makes of one unwrapped line, at a
            # fifth of the cost (a scrollbar coming or a resize renders every line anew).
            base = style.rich_style
            strip = Strip([Segment(text, base + SPAN[span])]).adjust_cell_length(width, base)
            if index >= 0:
                strip = strip.apply_meta({"option": index})
            if len(self._strips) > 512:
                self._strips.clear()
            self._strips[key] = strip
        return strip

    # --- the cursor -----------------------------------------------------------------
    def _move(self, cursor: int | None) -> None:
        if cursor == self.cursor:
            return
        old, self.cursor = self.cursor, cursor
        if not self._scroll_to_cursor():
            for i in (old, cursor):
                if i is not None:
                    self.refresh_lines(2 * i, 2)

    def _scroll_to_cursor(self) -> bool:
        """Keep the cursor's entry in view; returns whether that scrolled (and so repaints all)."""
        if self.cursor is None or not self.is_mounted or not self.scrollable_content_region:
            return False
        before = self.scroll_offset
        self.scroll_to_region(
            Region(0, 2 * self.cursor, self.scrollable_content_region.width, 2),
            force=True,
            animate=False,
            immediate=True,
        )
        return self.scroll_offset != before

    def action_cursor_up(self) -> None:
        if self._entries:
            n = len(self._entries)
            self._move(n - 1 if self.cursor is None else (self.cursor - 1) % n)

    def action_cursor_down(self) -> None:
        if self._entries:
            n = len(self._entries)
            self._move(0 if self.cursor is None else (self.cursor + 1) % n)

    def action_first(self) -> None:
        if self._entries:
            self._move(0)

    def action_last(self) -> None:
        if self._entries:
            self._move(len(self._entries) - 1)

    def _page(self, direction: int) -> None:
        """By a page of lines, as the option list moves (nothing while the column has no size)."""
        height = self.scrollable_content_region.height
        if not self._entries or not height:
            return
        if self.cursor is None:
            self._move(0 if direction < 0 else len(self._entries) - 1)
            return
        y = min(max(2 * self.cursor + direction * height, 0), 2 * len(self._entries) - 1)
        self._move(y // 2)

    def action_page_up(self) -> None:
        self._page(-1)

    def action_page_down(self) -> None:
        self._page(1)

    def action_select(self) -> None:
        if self.cursor is not None and self.cursor < len(self._entries):
            self.post_message(self.Reopen(self._entries[self.cursor][0]))

    # --- the mouse ------------------------------------------------------------------
    def on_click(self, event: events.Click) -> None:
        clicked = event.style.meta.get("option")
        if isinstance(clicked, int) and 0 <= clicked < len(self._entries):
            self._move(clicked)
            self.action_select()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        over = event.style.meta.get("option")
        self._hover_over(over if isinstance(over, int) else None)

    def on_leave(self, _: events.Leave) -> None:
        self._hover_over(None)

    def _hover_over(self, index: int | None) -> None:
        if index != self._hover:
            old, self._hover = self._hover, index
            for i in (old, index):
                if i is not None:
                    self.refresh_lines(2 * i, 2)
