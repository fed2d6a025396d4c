"""Shared fixtures: the shipped data loaded once, and a builder for complete answer sets."""

from __future__ import annotations

import datetime
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.privacy import no_network, sandbox  # noqa: F401  (shared privacy fixtures)
from triage.data.loader import load
from triage.rules.model import Knowledge

ROOT = Path(__file__).resolve().parent.parent
CONTACT = datetime.date(2026, 11, 24)

# A resident adult calling for themself, with nothing special: every scenario starts here.
BASE: dict[str, Any] = {
    "acute_danger": False,
    "caller": "self",
    "resident": True,
    "age": 40,
    "wants_treatment": True,
    "substances": ("cannabis",),
    "anonymous": False,
    "other_social_problems": False,
    "seeks_medical_treatment": False,
    "psychiatric_disorder": False,
    "complex_needs": False,
    "children_at_home": False,
    "pregnancy": "none",
}


def answers(**changes: Any) -> dict[str, Any]:
    """BASE with changes; a minor gets parental_consent 'yes' unless given."""
    out = {**BASE, **changes}
    if isinstance(out.get("age"), int) and out["age"] < 18:
        out.setdefault("parental_consent", "yes")
    if isinstance(out.get("substances"), list):
        out["substances"] = tuple(out["substances"])
    return out


@pytest.fixture(scope="session")
def knowledge() -> Knowledge:
    return load(ROOT)


@pytest.fixture(scope="session")
def fixture_knowledge(tmp_path_factory: pytest.TempPathFactory) -> Knowledge:
    """Three fictional municipalities (tests/fixtures/data.py), one of each status: for screens
    that show every municipality, so that a new real one changes no snapshot."""
    from tests.fixtures.data import PICKER, make_data

    return load(make_data(tmp_path_factory.mktemp("fixture") / "data", PICKER))


@pytest.fixture(autouse=True)
def _no_real_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """No test may read or write the developer's own config or data: point HOME/XDG at a temp dir."""
    home = tmp_path_factory.mktemp("home")
    for var in ("HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        monkeypatch.setenv(var, str(home if var == "HOME" else home / var.lower()))
    os.environ.pop("TRIAGE_LANG", None)
    yield
