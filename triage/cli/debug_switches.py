"""Textual's debug switches write what is on screen, answers included: off unless ``--dev``.

``TEXTUAL_LOG`` wrote every key and value to a log readable by all (0644);
``TEXTUAL_SCREENSHOT`` saved an SVG of the screen, answers and all, to the working folder;
``TEXTUAL=devtools`` sends every frame to a devtools server; ``TEXTUAL_PRESS`` types keys.
A counsellor's shell may have them set from another project. Textual reads them once, when
it is first imported, so they are removed from the environment before that; ``triage --dev``
(for developers, with made-up calls only) leaves them as they are.
"""

from __future__ import annotations

from collections.abc import MutableMapping

SWITCHES = (
    "TEXTUAL",
    "TEXTUAL_LOG",
    "TEXTUAL_DEBUG",
    "TEXTUAL_SCREENSHOT",
    "TEXTUAL_SCREENSHOT_LOCATION",
    "TEXTUAL_SCREENSHOT_FILENAME",
    "TEXTUAL_PRESS",
    "TEXTUAL_DEVTOOLS_HOST",
    "TEXTUAL_DEVTOOLS_PORT",
)


def neutralise(environ: MutableMapping[str, str], *, dev: bool) -> list[str]:
    """Remove the switches unless ``dev``; returns the names removed."""
    if dev:
        return []
    found = [name for name in SWITCHES if name in environ]
    for name in found:
        del environ[name]
    return found
