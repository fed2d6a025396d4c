"""Names a package re-exports from its modules, imported only when first used.

The wizard's first paint needs only the picker; every module not imported before it
shortens the counsellor's wait (benchmarks/startup.py). ``screens`` and ``widgets`` use
this for their ``__getattr__``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from importlib import import_module
from typing import Any


def exports(package: str, modules: Mapping[str, str]) -> Callable[[str], Any]:
    """A module ``__getattr__`` that finds ``name`` in ``package``'s module ``modules[name]``."""

    def __getattr__(name: str) -> Any:
        if name in modules:
            return getattr(import_module(f"{package}.{modules[name]}"), name)
        raise AttributeError(name)

    return __getattr__
