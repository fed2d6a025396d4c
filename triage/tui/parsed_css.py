"""The wizard's stylesheets kept parsed between runs, as ``triage.data.compiled`` keeps the data.

Textual parses every stylesheet again at each start: its own defaults, each widget's
``DEFAULT_CSS`` and ``app.tcss``. Before the picker's first paint that was a quarter of
what the counsellor waits for beyond a bare Textual app (benchmarks/startup.py). The parsed
rules depend only on the CSS text, where it was read from, the theme's variables and
Textual's version, so they are stored once per theme beside triage's bytecode under
``triage.data.compiled``'s rules (``__pycache__`` or ``PYTHONPYCACHEPREFIX``; nothing written
under ``PYTHONDONTWRITEBYTECODE``; a stale or broken file is ignored and parsed afresh).

What is stored is stylesheet text and the rules parsed from it, never an answer. The store
is Textual's own parse cache (``Stylesheet._parse_cache``, keyed by exactly those inputs):
this module fills it before anything is parsed and saves what it holds when the app ends.
Should a Textual release rename it, the wizard simply parses as before.
"""

from __future__ import annotations

import sys
import zlib
from collections.abc import Hashable, Mapping
from pathlib import Path
from typing import Any

import textual
from textual.css.stylesheet import Stylesheet

from triage.data.compiled import CACHE_DIR, Stamp, fetch, keep, mtime_size

Entries = dict[Hashable, object]


# Textual's code that decides what a parse holds, checked by time and size as a ``.pyc`` is
# (``textual.__version__`` would import importlib.metadata: 20 ms, most of what is saved).
_TEXTUAL = Path(textual.__file__).resolve().parent
_PARSERS = ("__init__.py", "css/parse.py", "css/model.py", "css/styles.py", "css/tokenize.py", "css/_styles_builder.py")


def stamp(stylesheet: Stylesheet) -> Stamp:
    """What a stored parse must match beyond each entry's own key: Textual, Python, the theme."""
    try:
        code = tuple((name, *mtime_size(_TEXTUAL / name)) for name in _PARSERS)
    except OSError:
        code = ()
    return (str(_TEXTUAL), code, sys.version, tuple(sorted(stylesheet._variables.items())))


def cache_path(current: Stamp) -> Path:
    """One file per theme: dark and light parse the same text into different colours."""
    return CACHE_DIR / f"stylesheets-{zlib.crc32(repr(current).encode()):08x}.pickle"


class ParsedCss:
    """The parse cache of one app's stylesheet: filled at start, saved at the end."""

    def __init__(self, stylesheet: Stylesheet) -> None:
        self.stylesheet = stylesheet
        self.stamp = stamp(stylesheet)
        self.loaded: Entries = {}
        cache = getattr(stylesheet, "_parse_cache", None)
        if cache is None or not hasattr(cache, "set"):
            return
        found = fetch(cache_path(self.stamp), self.stamp)
        if not isinstance(found, dict):
            return
        cache.grow(max(cache.maxsize, len(found) + 32))
        for key, rules in found.items():
            cache.set(key, rules)
        self.loaded = found

    def keep(self) -> bool:
        """Save the parses if this run made new ones; True if it wrote the file."""
        cache = getattr(self.stylesheet, "_parse_cache", None)
        if cache is None or not hasattr(cache, "keys"):
            return False
        current = stamp(self.stylesheet)
        found: Entries = {key: cache.get(key) for key in list(cache.keys())}  # an LRUCache: no __iter__
        if current != self.stamp:  # the theme changed during the run: start that theme's file
            entries = found
        else:
            # Keep all parses but those whose location now reads differently (an edited app.tcss).
            sources = self.stylesheet.source
            entries = {key: rules for key, rules in {**self.loaded, **found}.items() if _still_current(key, sources)}
            if entries.keys() == self.loaded.keys():
                return False
        return keep(cache_path(current), current, entries)


def _still_current(key: Hashable, sources: Mapping[Any, object]) -> bool:
    """A stored parse stays while its location is unused this run or still holds that text."""
    if not isinstance(key, tuple) or len(key) != 5:
        return False
    css, read_from, *_ = key
    source = sources.get(read_from)
    return source is None or getattr(source, "content", None) == css
