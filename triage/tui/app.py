"""The wizard: pick a municipality, answer one question at a time, watch the recommendation grow.

Keyboard only: number keys or an option's letter choose, j/y/n answer yes/no, Enter
confirms, Esc goes back one step, F1 shows help. The answers column can be focused
(Tab) and Enter on an answer goes back to change it.
"""

from __future__ import annotations

import datetime
import os
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.events import Key
from textual.widgets import Footer, Input, OptionList, SelectionList, Static
from textual.widgets.option_list import Option

from triage.i18n import t
from triage.model import Answer, Knowledge, Lang, Question
from triage.render import format_answer, to_markdown
from triage.richview import to_rich
from triage.tui.state import Call


class WizardApp(App[None]):
    CSS_PATH = "app.tcss"
    TITLE = "triage"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Tilbage / Back"),
        Binding("f1", "help", "Hjælp / Help"),
        Binding("ctrl+y", "copy", "Kopiér / Copy"),
        Binding("ctrl+e", "export", "Gem .md / Save .md"),
    ]

    def __init__(self, knowledge: Knowledge, municipality: str | None, lang: Lang, today: datetime.date) -> None:
        super().__init__()
        self.call = Call(knowledge, lang, today, municipality)
        self.show_help = False

    # --- layout ---------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield OptionList(id="answers")
        with Vertical(id="main"):
            yield Static(id="progress")
            yield Static(id="badge")
            yield Static(id="label")
            yield Static(id="say")
            yield Static(id="help", classes="hidden")
            yield Vertical(id="input")
        with VerticalScroll(id="live"):
            yield Static(id="preview")
        yield Footer()

    async def on_mount(self) -> None:
        await self.refresh_call()

    @property
    def question(self) -> Question | None:
        return self.call.flow_state.next if self.call.municipality else None

    # --- rendering the state --------------------------------------------------------
    async def refresh_call(self) -> None:
        call, lang = self.call, self.call.lang
        flow = call.knowledge.flow
        answers = self.query_one("#answers", OptionList)
        answers.clear_options()
        state = call.flow_state
        for q in state.asked:
            answers.add_option(Option(f"{q.label.get(lang)}\n→ {format_answer(q, state.answers[q.id], lang)}", id=q.id))
        box = self.query_one("#input", Vertical)
        await box.remove_children()
        label, say, helptext = (
            self.query_one("#label", Static),
            self.query_one("#say", Static),
            self.query_one("#help", Static),
        )
        badge = self.query_one("#badge", Static)
        say.display = False
        if call.municipality is None:
            self.query_one("#progress", Static).update("")
            badge.update("")
            label.update("Vælg kommune / Choose municipality")
            helptext.update("")
            options = [
                Option(f"{m.name} – {m.centre.name}  [{t('status_' + m.standard.status, lang)}]", id=mid)
                for mid, m in call.knowledge.municipalities.items()
            ]
            picker = OptionList(*options, id="picker")
            await box.mount(picker)
            picker.focus()
        else:
            muni = call.knowledge.municipalities[call.municipality]
            status = muni.standard.status
            badge.update(
                Text(
                    f" {muni.name}: {muni.standard.short} – {t('status_' + status, lang)} ",
                    style="bold black on yellow" if status != "current" else "bold green",
                )
            )
            nxt = state.next
            if nxt is None:
                self.query_one("#progress", Static).update(f"{len(state.asked)}/{len(state.asked)}")
                label.update(t("recommendation", lang))
                helptext.update("")
            else:
                self.query_one("#progress", Static).update(f"{len(state.asked) + 1}/{state.total}")
                label.update(nxt.label.get(lang))
                helptext.update(nxt.help.get(lang))
                if nxt.say:
                    say.update(nxt.say.get(lang))
                    say.display = True
                await self.mount_input(box, nxt)
        helptext.set_class(not self.show_help, "hidden")
        rec = call.preview()
        self.query_one("#preview", Static).update(to_rich(rec, flow) if rec else "–")

    async def mount_input(self, box: Vertical, q: Question) -> None:
        lang = self.call.lang
        previous = self.call.answers.get(q.id)
        if q.kind == "int":
            field = Input(value=str(previous) if isinstance(previous, int) else "", type="integer", id="int")
            await box.mount(field)
            field.focus()
        elif q.kind == "multi":
            chosen = previous if isinstance(previous, tuple) else ()
            sel: SelectionList[str] = SelectionList(
                *[(f"{o.key}) {o.label.get(lang)}", o.value, o.value in chosen) for o in q.options], id="multi"
            )
            await box.mount(sel)
            sel.focus()
        else:
            if q.kind == "bool":
                items = [("yes", f"j/y) {t('yes', lang)}"), ("no", f"n) {t('no', lang)}")]
            else:
                items = [(o.value, f"{i}) {o.label.get(lang)}") for i, o in enumerate(q.options, 1)]
            opts = OptionList(*[Option(text, id=value) for value, text in items], id="choice")
            await box.mount(opts)
            opts.focus()

    # --- answering ------------------------------------------------------------------
    async def give(self, value: Answer) -> None:
        q = self.question
        if q is None:
            return
        self.call = self.call.answer(q.id, value)
        await self.refresh_call()

    @on(OptionList.OptionSelected, "#picker")
    async def picked(self, event: OptionList.OptionSelected) -> None:
        from dataclasses import replace

        self.call = replace(self.call, municipality=event.option.id)
        await self.refresh_call()

    @on(OptionList.OptionSelected, "#choice")
    async def chosen(self, event: OptionList.OptionSelected) -> None:
        q = self.question
        if q is None or event.option.id is None:
            return
        await self.give(event.option.id == "yes" if q.kind == "bool" else event.option.id)

    @on(OptionList.OptionSelected, "#answers")
    async def jump(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.call = self.call.forget_from(event.option.id)
            await self.refresh_call()

    @on(Input.Submitted, "#int")
    async def typed(self, event: Input.Submitted) -> None:
        q = self.question
        try:
            value = int(event.value)
        except ValueError:
            self.notify("Skriv et helt tal / Type a whole number", severity="warning")
            return
        if q and q.minimum is not None and q.maximum is not None and not q.minimum <= value <= q.maximum:
            self.notify(f"{q.minimum}-{q.maximum}", severity="warning")
            return
        await self.give(value)

    async def on_key(self, event: Key) -> None:
        q = self.question
        if q is None or isinstance(self.focused, Input) or self.focused is self.query_one("#answers"):
            return
        ch = (event.character or "").lower()
        if q.kind == "bool" and ch in ("j", "y", "n"):
            event.stop()
            await self.give(ch != "n")
        elif q.kind == "choice":
            for i, o in enumerate(q.options, 1):
                if ch and (ch == str(i) or ch == o.key):
                    event.stop()
                    await self.give(o.value)
                    return
        elif q.kind == "multi":
            sel = self.query_one("#multi", SelectionList)
            if event.key == "enter":
                event.stop()
                chosen = tuple(v for v in (o.value for o in q.options) if v in sel.selected)
                if len(chosen) < max(q.min_selected, 0):
                    self.notify("Vælg mindst én / Choose at least one", severity="warning")
                    return
                await self.give(chosen)
                return
            for i, o in enumerate(q.options, 1):
                if ch and (ch == str(i) or ch == o.key):
                    event.stop()
                    sel.toggle(o.value)

    # --- actions --------------------------------------------------------------------
    async def action_back(self) -> None:
        self.call = self.call.back()
        await self.refresh_call()

    def action_help(self) -> None:
        self.show_help = not self.show_help
        self.query_one("#help").set_class(not self.show_help, "hidden")

    def summary(self) -> str | None:
        rec = self.call.preview()
        return to_markdown(rec, self.call.knowledge.flow) if rec and self.call.flow_state.done else None

    def action_copy(self) -> None:
        text = self.summary()
        if text is None:
            self.notify("Samtalen er ikke færdig / The call is not finished", severity="warning")
            return
        self.copy_to_clipboard(text)
        self.notify("Kopieret / Copied")

    def action_export(self) -> None:
        text = self.summary()
        if text is None:
            self.notify("Samtalen er ikke færdig / The call is not finished", severity="warning")
            return
        name = f"triage-{self.call.municipality}-{self.call.contact_date.isoformat()}.md"
        path = Path.cwd() / name
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            self.notify(f"{path} findes allerede / already exists", severity="error")
            return
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(text)
        self.notify(f"Gemt / Saved: {path}")
