"""Every private name of Textual that the TUI uses still exists (``tui/textual_compat.py``).

A Textual release that renames one fails here, with the name, instead of in a live call.
"""

from __future__ import annotations

import importlib
import inspect

import pytest
from textual.app import App

from tests.conftest import ROOT
from triage.tui.textual_compat import PRIVATE_NAMES


def _owner(dotted: str) -> object:
    module, _, attr = dotted.rpartition(".")
    try:
        return importlib.import_module(dotted)
    except ImportError:
        return getattr(importlib.import_module(module), attr)


@pytest.mark.parametrize(("owner", "name"), PRIVATE_NAMES, ids=[f"{o}.{n}" for o, n in PRIVATE_NAMES])
def test_the_private_name_still_exists(owner: str, name: str) -> None:
    target = _owner(owner)
    if name == "_bindings":  # an instance attribute, set in DOMNode.__init__
        assert hasattr(App(), name)
    else:
        assert hasattr(target, name), f"Textual no longer has {owner}.{name}: see triage/tui/textual_compat.py"


def test_no_other_module_reaches_into_textuals_private_names() -> None:
    """The list above is complete: outside textual_compat, nothing imports or calls a private Textual name."""
    offenders = []
    for path in sorted((ROOT / "triage" / "tui").rglob("*.py")):
        if path.name == "textual_compat.py":
            continue
        text = path.read_text(encoding="utf-8")
        if "from textual._" in text or "import textual._" in text:
            offenders.append(f"{path.relative_to(ROOT)} imports a private Textual module")
        for name in {n for _, n in PRIVATE_NAMES}:
            if f".{name}(" in text or f".{name}." in text:
                offenders.append(f"{path.relative_to(ROOT)} uses {name}")
    assert offenders == []


def test_the_compat_module_says_why_for_each_name() -> None:
    source = inspect.getsource(importlib.import_module("triage.tui.textual_compat"))
    for _, name in PRIVATE_NAMES:
        assert name in source
    assert "textual#2650" in source and "textual#6605" in source
