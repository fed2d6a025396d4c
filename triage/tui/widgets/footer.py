"""The footer of keys, rebuilt only when the keys it shows change.

Textual's Footer rebuilds itself whenever focus moves or bindings are refreshed, which
on a call is after nearly every answer; that rebuild was the largest single cost between
a keystroke and the updated panel (benchmarks/keystroke.py).
"""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Footer


class QuietFooter(Footer):
    _shown_keys: tuple[tuple[str, str, bool], ...] | None = None

    def on_resize(self) -> None:
        """Under 80 columns the keys sit closer, so that all of them still fit."""
        self.compact = self.app.size.width < 80

    def bindings_changed(self, screen: Screen[object]) -> None:
        keys = tuple(
            (key, active.binding.description, active.enabled)
            for key, active in screen.active_bindings.items()
            if active.binding.show
        )
        if keys == self._shown_keys:
            return
        super().bindings_changed(screen)
        if screen.app.app_focus:  # otherwise Footer did not rebuild: try again next time
            self._shown_keys = keys
