"""Textual's command palette, closed once and running its command once.

Keys typed ahead (Enter or Esc pressed twice before the first is handled) reach the palette
after it has closed. Textual's ``dismiss`` pops whatever screen is on top, so the second key
closed the wizard's own screen under it, or crashed on an empty stack, and a second Enter ran
the chosen command again (found by the key-mashing soak, tests/test_wizard_soak.py). Page
Up/Down on its hidden list crashed it too.
"""

from __future__ import annotations

from textual import on
from textual.await_complete import AwaitComplete
from textual.command import CommandList, CommandPalette
from textual.widgets import Input, OptionList


async def _nothing() -> None:
    return None


class WizardPalette(CommandPalette):
    def dismiss(self, result: None = None) -> AwaitComplete:
        if not self.is_active:
            return AwaitComplete(_nothing())
        return super().dismiss(result)

    def _action_command_list(self, action: str) -> None:
        # Textual pages its list also while the list is hidden, and fails with a KeyError.
        if action.startswith("page_") and not self.query_one(CommandList).scrollable_content_region:
            return
        super()._action_command_list(action)

    @on(Input.Submitted)
    @on(OptionList.OptionSelected)
    def _closed_already(self, event: Input.Submitted | OptionList.OptionSelected) -> None:
        """Handled before CommandPalette's own handlers: once closed, a late choice runs nothing."""
        if not self.is_active:
            event.stop()
            event.prevent_default()
