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

from triage.output.condition_text import condition_sentence
from triage.output.i18n import t
from triage.output.render import item_label, quoted, source_name
from triage.rules.model import Flow
from triage.rules.recommendation import Recommendation
from triage.tui.keys import translate_bindings
from triage.tui.widgets.footer import QuietFooter


def citations_table(rec: Recommendation, flow: Flow) -> Table:
    lang = rec.lang
    table = Table(show_header=True, header_style="bold", expand=True, show_lines=True, box=None)
    table.add_column(t("recommendation", lang), ratio=2)
    table.add_column(t("citations", lang), ratio=3)
    for c in dict.fromkeys(rec.citations):
        where = Text(f"{source_name(c, lang)}\n", style="dim")
        where.append(quoted(c.section, lang), style="")
        if c.law:
            where.append(f"\n{t('law', lang)}: {c.law}", style="bold")
        if c.cited_law:
            where.append(f"\n{t('cited_law', lang)} {c.cited_law}", style="yellow")
        if c.to_check:
            where.append(f"\n⚠ {t('to_check', lang)}", style="yellow")
        if c.condition and c.condition != "true":
            where.append(f"\n{t('because_condition', lang)}: ", style="dim")
            where.append(condition_sentence(c.condition, flow, lang, rec.municipality.name), style="italic")
        table.add_row(Text(item_label(rec, flow, c.item), overflow="fold"), where)
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
