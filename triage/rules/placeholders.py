"""``{municipality}`` in a question's wording: filled with the chosen municipality's name when shown.

The flow is shared by every municipality, but the counsellor asks "Bor personen i Holbæk?",
not "i kommunen": the name is put in where the question is shown (wizard, ``ask``, the sources
screen, the outputs). Without a municipality (a report over many) it reads "kommunen".
"""

from __future__ import annotations

from typing import Literal

PLACEHOLDER = "{municipality}"
# Where no municipality is at hand: the generic word, so a placeholder never shows as code.
UNNAMED = {"da": "kommunen", "en": "the municipality"}


def fill(text: str, lang: Literal["da", "en"], place: str | None) -> str:
    """``text`` with every ``{municipality}`` replaced by ``place`` (or the generic word)."""
    if PLACEHOLDER not in text:
        return text
    return text.replace(PLACEHOLDER, place or UNNAMED[lang])
