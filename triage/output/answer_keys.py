"""What a counsellor types to answer, in either language: the wizard and ``triage ask`` share
these keys, so a habit learnt in one works in the other. A front end's vocabulary, not the
rules': the core knows answers, not keystrokes."""

from __future__ import annotations

# What a counsellor may press for yes and no, in either language.
YES_KEYS = ("j", "y")
NO_KEYS = ("n",)
# What answers "not known" where a number may be unknown (a relative may not know the age), and
# a yes/no where it may (contract v3: children at home, a psychiatric disorder).
UNKNOWN_KEYS = ("v", "?")
# The words, typed out in full where a line is typed (``triage ask``), in either language.
UNKNOWN_WORDS = ("ved ikke", "ved det ikke", "don't know", "dont know", "not known", "unknown")


def means_unknown(typed: str) -> bool:
    """Whether what was typed into a number field answers "not known": a key or the words."""
    folded = " ".join(typed.strip().lower().replace("\u2019", "'").split())
    return folded in UNKNOWN_KEYS or folded in UNKNOWN_WORDS
