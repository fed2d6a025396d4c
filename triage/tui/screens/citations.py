"""Every item of the recommendation with its source: standard, section and law in force."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from triage.output.i18n import t
from triage.output.render import source_name
from triage.rules.model import Flow
from triage.rules.recommendation import Recommendation
from triage.tui.keys import translate_bindings
from triage.tui.widgets.footer import QuietFooter


def item_label(item: str, rec: Recommendation, flow: Flow) -> str:
    """``offer:doctor_consultation`` → ``Offer: Free consultation …``, in the call's language."""
    lang = rec.lang
    kind, _, key = item.partition(":")
    name = ""
    if kind == "service_level":
        name = rec.level.label
    elif kind in ("offer", "notification", "deadline"):
        term = flow.term({"offer": "offers", "notification": "notifications", "deadline": "deadlines"}[kind], key)
        name = term.label.get(lang) if term else key
    elif kind == "next_step":
        name = next((s.text for s in rec.steps if s.id == key), key)
    elif kind == "warning":
        name = next((w.text for w in rec.warnings if w.id == key), key)
    return f"{t('wizard_item_' + kind, lang)}: {name}"


def citations_table(rec: Recommendation, flow: Flow) -> Table:
    lang = rec.lang
    table = Table(show_header=True, header_style="bold", expand=True, show_lines=True, box=None)
    table.add_column(t("recommendation", lang), ratio=2)
    table.add_column(t("citations", lang), ratio=3)
    for c in dict.fromkeys(rec.citations):
        where = Text(f"{source_name(c, lang)}\n", style="dim")
        where.append(f"«{c.section}»", style="")
        if c.law:
            where.append(f"\n{t('law', lang)}: {c.law}", style="bold")
        if c.cited_law:
            where.append(f"\n{t('cited_law', lang)} {c.cited_law}", style="yellow")
        if c.to_check:
            where.append(f"\n⚠ {t('to_check', lang)}", style="yellow")
        if c.condition and c.condition != "true":
            where.append(f"\n{t('because_condition', lang)}: ", style="dim")
            where.append(c.condition, style="italic")
        table.add_row(Text(item_label(c.item, rec, flow), overflow="fold"), where)
    return table


class CitationsScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,k,q", "dismiss", "wizard_key_close", id="close"),
    ]
    # Focused by Textual, not in on_mount: keys typed ahead can close the screen before it mounts.
    AUTO_FOCUS = "#citations-body"

    def __init__(self, rec: Recommendation, flow: Flow) -> None:
        super().__init__()
        self.rec, self.flow = rec, flow
        translate_bindings(self, rec.lang)

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="citations-body") as body:
            body.border_title = t("wizard_citations_title", self.rec.lang)
            yield Static(citations_table(self.rec, self.flow))
        yield QuietFooter()

    async def action_dismiss(self, result: None = None) -> None:
        # Textual's dismiss pops whatever is on top: a second Esc typed ahead would close the summary.
        if self.is_active:
            await super().action_dismiss(result)
