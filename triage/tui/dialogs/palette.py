"""Textual's command palette, closed once and running its command once.

Keys typed ahead (Enter or Esc pressed twice before the first is handled) reach the palette
after it has closed. Textual's ``dismiss`` pops whatever screen is on top, so the second key
closed the wizard's own screen under it, or crashed on an empty stack, and a second Enter ran
the chosen command again (found by the key-mashing soak, tests/test_wizard_soak.py).
"""

from __future__ import annotations

from textual import on
from textual.await_complete import AwaitComplete
from textual.command import CommandPalette
from textual.widgets import Input, OptionList


async def _nothing() -> None:
    return None


class WizardPalette(CommandPalette):
    def dismiss(self, result: None = None) -> AwaitComplete:
        if not self.is_active:
            return AwaitComplete(_nothing())
        return super().dismiss(result)

    @on(Input.Submitted)
    @on(OptionList.OptionSelected)
    def _closed_already(self, event: Input.Submitted | OptionList.OptionSelected) -> None:
        """Handled before CommandPalette's own handlers: once closed, a late choice runs nothing."""
        if not self.is_active:
            event.stop()
            event.prevent_default()
