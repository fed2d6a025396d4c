"""Key bindings that speak the call's language.

Bindings are declared once per class with catalogue keys as descriptions; each screen
translates its own copy when it is created, so the footer and the key panel follow ``--lang``.
"""

from __future__ import annotations

from dataclasses import replace

from textual.dom import DOMNode

from triage.output.i18n import CATALOGUE, t
from triage.rules.model import Lang
from triage.tui.textual_compat import binding_table


def translate_bindings(node: DOMNode, lang: Lang) -> None:
    """Replace catalogue keys in ``node``'s binding descriptions by their text in ``lang``."""
    table = binding_table(node)
    for key, bindings in table.items():
        table[key] = [
            replace(b, description=t(b.description, lang)) if b.description in CATALOGUE else b for b in bindings
        ]
