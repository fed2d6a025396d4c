"""The wizard starts in the terminal's theme without parsing its stylesheets twice.

``WizardApp`` sets the theme before anything is parsed instead of assigning ``App.theme``
(whose watcher re-parses every stylesheet). These tests pin that shortcut to what the plain
assignment gives: the same variables, classes, ANSI filter and the same screen, dark and light.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from textual.css import stylesheet

from triage.rules.model import Knowledge
from triage.tui.app import WizardApp


class AssignedTheme(WizardApp):
    """The wizard with the theme set the ordinary way, as the reference."""

    def _start_theme(self, name: str) -> None:
        self.theme = name


async def looks(app: WizardApp, keys: list[str]) -> tuple[object, ...]:
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press(*keys)
        await pilot.pause()
        filters = [(type(f).__name__, getattr(f, "enabled", None)) for f in app._filters]
        return app.theme, app.stylesheet._variables, sorted(app.classes), filters, app.export_screenshot()


@pytest.mark.parametrize("dark", [True, False], ids=["dark", "light"])
@pytest.mark.parametrize("keys", [[], ["enter", "n"]], ids=["picker", "question"])
async def test_the_start_theme_is_the_assigned_theme(knowledge: Knowledge, dark: bool, keys: list[str]) -> None:
    shortcut = await looks(WizardApp(knowledge, remember=False, dark=dark), keys)
    reference = await looks(AssignedTheme(knowledge, remember=False, dark=dark), keys)
    assert shortcut[0] == ("ansi-dark" if dark else "ansi-light")
    for mine, theirs in zip(shortcut, reference, strict=True):
        assert mine == theirs


async def test_the_stylesheet_is_parsed_once_before_the_picker(
    knowledge: Knowledge, monkeypatch: pytest.MonkeyPatch
) -> None:
    parsed: list[str] = []
    parse = stylesheet.parse

    def counting(scope: str, css: str, read_from: tuple[str, str], **kwargs: object) -> Iterator[object]:
        parsed.append(read_from[0])
        return parse(scope, css, read_from, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(stylesheet, "parse", counting)
    async with WizardApp(knowledge, remember=False).run_test(size=(80, 24)) as pilot:
        await pilot.pause()
    # A second parse would be the theme's watcher re-reading every stylesheet from scratch.
    assert parsed.count(str(WizardApp.CSS_PATH)) == 1, parsed
