"""Rich content that is rendered once for each width it is shown at.

A ``Static`` holding Rich renderables renders them in full to measure its height and again
to paint them: twice before the summary first appeared after the last answer and twice more
when its scrollbar came (the cost is in the README's figures, from benchmarks/keystroke.py).
"""

from __future__ import annotations

from rich.console import RenderableType
from textual.geometry import Region, Size
from textual.selection import Selection
from textual.strip import Strip
from textual.style import Style
from textual.visual import Visual, visualize
from textual.widget import Widget


class RenderedOnce(Widget):
    """Shows ``renderable`` as a ``Static`` would; the lines of the last width are kept.

    ``update`` compares the new lines with those shown and repaints only the lines that differ.
    """

    DEFAULT_CSS = """
    RenderedOnce { height: auto; }
    """

    def __init__(self, renderable: RenderableType = "", *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.renderable = renderable
        self._lines: tuple[int, Style, list[Strip]] | None = None

    def render(self) -> RenderableType:
        """The content as a whole (Textual asks for it to copy a selection)."""
        return self.renderable

    def lines_at(self, width: int) -> list[Strip]:
        style = self.visual_style
        if self._lines is None or self._lines[:2] != (width, style):
            strips = Visual.to_strips(self, visualize(self, self.renderable), width, None, style)
            self._lines = (width, style, strips)
        return self._lines[2]

    def update(self, renderable: RenderableType, *, layout: bool = True) -> None:
        """Show ``renderable``; with ``layout=False`` only the lines that differ from those
        shown are repainted, unless their number changed (then it is laid out anew)."""
        shown, self.renderable, self._lines = self._lines, renderable, None
        width = self.size.width
        if layout or shown is None or shown[0] != width:
            self.refresh(layout=layout)
            return
        old, new = shown[2], self.lines_at(width)
        if len(old) != len(new):
            self.refresh(layout=True)
            return
        for y in range(len(new)):
            if y >= len(old) or y >= len(new) or old[y] != new[y]:
                self.refresh(Region(0, y, width, 1))

    def selection_updated(self, selection: Selection | None) -> None:
        """A selection is drawn into the lines: render them again."""
        self._lines = None
        self.refresh()

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.lines_at(width)) if width else 0

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        lines = self.lines_at(width)
        return lines[y] if y < len(lines) else Strip.blank(width, self.visual_style.rich_style)
