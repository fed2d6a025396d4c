"""The headings of a quality standard's text file, and the text under each.

A citation names a section by its heading, as the standard spells it. The five texts in
``../shared/standards`` are extracted from Word and PDF files and show three kinds of
heading, which this module reads without trusting the citations (a misspelt citation must
not make itself a heading):

- Markdown headings, ``## Ungebehandling`` (``#`` to ``######``; ``**`` marks stripped);
- the label of a table row, ``Målgruppe<TAB><p>...``: the cell after the tab is its text;
- in a plain text, a line that stands alone: short, not a sentence (no full stop, comma,
  colon or semicolon at its end), not a list item, an address line or a link, after a
  blank line, a link or a page break (a line that begins with a space), and followed by
  running text that does not go on in lower case (a sentence wrapped over lines), not by
  one more short line (an address: ``Rusmiddelcentret`` / ``Præstøvej 78``). ``Hvad koster
  det?`` is a heading; ``Formålet er også:`` is not.

A table of contents (rows ending in a page number) lists headings but holds none.

A heading's level orders the sections: a section runs to the next heading of its level
or a higher one, so the ``####`` sub-headings inside a table cell belong to the row. Plain
headings all have one level: the text does not say more.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_MARKDOWN = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_TABLE_ROW = re.compile(r"^([A-ZÆØÅ][^\t<]{0,60}?)\s*\t")
_LIST_ITEM = re.compile(r"^(?:[-*•\u2022\uf0b7]|\d+[.)]\s)")
_NOT_A_TITLE = re.compile(r"(?:https?://|www\.|@|\]\(|\bTlf\b|\bTelefon\b|^\d{4}\s)", re.IGNORECASE)
_CONTENTS_ROW = re.compile(r"\t\s*\d+\s*$")  # a table of contents: title, dot leaders, a page number
TABLE_LEVEL = 3  # a table's rows are the sections of the uddybede standard, below its ### parts
PLAIN_LEVEL = 1
MAX_PLAIN_WORDS = 10
MAX_PLAIN_CHARS = 90
MIN_RUNNING_TEXT = 60  # a line right below a heading is running text, not one more short line


@dataclass(frozen=True)
class Heading:
    """One heading: its text as a citation names it, its line (1-based) and its level."""

    title: str
    line: int
    level: int


def clean(text: str) -> str:
    """A heading's text without Markdown marks and surrounding space."""
    return text.strip().strip("#*").strip().strip("*").strip()


def _markdown(lines: list[str]) -> bool:
    return any(_MARKDOWN.match(line) for line in lines)


def _plain_heading(lines: list[str], i: int) -> bool:
    """A line of a plain text that stands alone as a title (see the module's docstring)."""
    line = lines[i]
    text = line.strip()
    if not text or len(text) > MAX_PLAIN_CHARS or len(text.split()) > MAX_PLAIN_WORDS:
        return False
    if not (text[0].isupper() or text[0] == "§") or text[-1] in ".,;:" or "\t" in line:
        return False
    if _LIST_ITEM.match(text) or _NOT_A_TITLE.search(text):
        return False
    before = lines[i - 1].strip() if i > 0 else ""
    page_break = line[:1].isspace()
    if before and not (page_break or _NOT_A_TITLE.search(before)):
        return False
    if i + 1 < len(lines) and 0 < len(lines[i + 1].strip()) < MIN_RUNNING_TEXT:
        return False  # a block of short lines: an address, a title over two lines
    after = next((nxt.strip() for nxt in lines[i + 1 :] if nxt.strip()), "")
    return bool(after) and not after[0].islower()  # a lower-case letter next: a wrapped sentence


def headings(text: str) -> list[Heading]:
    """Every heading of a standard's text, in order."""
    lines = text.splitlines()
    markdown = _markdown(lines)
    out: list[Heading] = []
    for i, line in enumerate(lines):
        md = _MARKDOWN.match(line)
        row = _TABLE_ROW.match(line)
        if md:
            out.append(Heading(clean(md.group(2)), i + 1, len(md.group(1))))
        elif row and not _CONTENTS_ROW.search(line):
            out.append(Heading(clean(row.group(1)), i + 1, TABLE_LEVEL))
        elif not markdown and _plain_heading(lines, i):
            out.append(Heading(clean(line), i + 1, PLAIN_LEVEL))
    return [h for h in out if h.title]


def section_text(text: str, section: str) -> str | None:
    """The text under every heading ``section`` (its sub-sections included); None: no such heading."""
    lines = text.splitlines()
    found = headings(text)
    parts: list[str] = []
    for n, h in enumerate(found):
        if h.title != section:
            continue
        end = next((later.line for later in found[n + 1 :] if later.level <= h.level), len(lines) + 1)
        parts.append("\n".join(lines[h.line - 1 : end - 1]))
    return "\n".join(parts) if parts else None


def closest(section: str, titles: list[str]) -> str | None:
    """The heading a misspelt ``section`` most likely means (difflib), or None."""
    import difflib

    match = difflib.get_close_matches(section, titles, n=1, cutoff=0.6)
    return match[0] if match else None
