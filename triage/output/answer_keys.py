"""What a counsellor types to answer, in either language: the wizard and ``triage ask`` share
these keys, so a habit learnt in one works in the other. A front end's vocabulary, not the
rules': the core knows answers, not keystrokes."""

from __future__ import annotations

# What a counsellor may press for yes and no, in either language.
YES_KEYS = ("j", "y")
NO_KEYS = ("n",)
# What answers "not known" where a number may be unknown (a relative may not know the age).
UNKNOWN_KEYS = ("v", "?")


def means_unknown(typed: str) -> bool:
    """Whether what was typed into a number field answers "not known" (one of UNKNOWN_KEYS)."""
    return typed.strip().lower() in UNKNOWN_KEYS
