"""An input that applies the keys typed into it in the order they were typed.

Textual's ``Input`` inserts a character as soon as its key arrives, but runs its editing
keys (Backspace, Delete, the arrows, Enter) only when the key has bubbled up to the app.
Keys typed together (a fast typist, tmux, a laggy remote line) then come out of order:
"17", Backspace, Backspace, 4, 0 became "" instead of "40". This input runs its own
bindings at once, where the characters are handled.
"""

from __future__ import annotations

from textual import events
from textual.widgets import Input


class TypedInput(Input):
    async def _on_key(self, event: events.Key) -> None:
        if not event.is_printable:
            for binding in self._bindings.key_to_bindings.get(event.key, ()):
                event.stop()
                event.prevent_default()
                self._restart_blink()
                await self.run_action(binding.action)
                return
        await super()._on_key(event)
