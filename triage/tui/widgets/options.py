"""An option list that ignores Page Up/Down while it has no size.

Keys typed ahead can reach a list just hidden (the next question needs a number) or not
yet laid out; Textual's OptionList then fails with a KeyError while paging (found by the
key-mashing soak, tests/tui/test_wizard_soak.py). With no size there is no page to move by.
"""

from __future__ import annotations

from textual.widgets import OptionList


class PagedOptionList(OptionList):
    def action_page_up(self) -> None:
        if self.scrollable_content_region:
            super().action_page_up()  # type: ignore[no-untyped-call]

    def action_page_down(self) -> None:
        if self.scrollable_content_region:
            super().action_page_down()  # type: ignore[no-untyped-call]
