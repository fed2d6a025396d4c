"""The text of the screen as a person sees it, from Textual's own screenshot (an SVG)."""

from __future__ import annotations

import html
import re

from textual.app import App

_TEXT = re.compile(r'<text class="[^"]*" x="([\d.]+)" y="([\d.]+)"[^>]*>([^<]*)</text>')
_CELL = 12.2  # the width of one cell in Textual's SVG


def screen_text(app: App[object]) -> list[str]:
    """Each row of the terminal, as text."""
    rows: dict[float, list[tuple[float, str]]] = {}
    for m in _TEXT.finditer(app.export_screenshot()):
        x, y, text = float(m.group(1)), float(m.group(2)), html.unescape(m.group(3)).replace("\xa0", " ")
        rows.setdefault(y, []).append((x, text))
    lines = []
    for y in sorted(rows):
        line = ""
        for x, text in sorted(rows[y]):
            line = line.ljust(round(x / _CELL)) + text
        lines.append(line.rstrip())
    return lines
