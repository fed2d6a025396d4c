"""The stylesheets kept parsed between runs: a second start parses nothing and looks the same.

``triage.tui.parsed_css`` fills Textual's parse cache from a file beside the bytecode. These
tests hold it to what matters: the screen is identical with and without it, a stale, foreign or
broken file is parsed afresh, an edited stylesheet replaces its stored parse, and nothing is
written where Python writes no bytecode.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.css import stylesheet

from triage.rules.model import Knowledge
from triage.tui import parsed_css
from triage.tui.app import WizardApp


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private place for the stored parses, written as where bytecode may be written."""
    monkeypatch.setattr(parsed_css, "CACHE_DIR", tmp_path)
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    return tmp_path


@pytest.fixture
def parsed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Where each stylesheet actually parsed (not taken from the cache) was read from."""
    seen: list[str] = []
    parse = stylesheet.parse

    def counting(scope: str, css: str, read_from: tuple[str, str], **kwargs: object) -> Iterator[object]:
        seen.append(f"{Path(read_from[0]).name}:{read_from[1]}")
        return parse(scope, css, read_from, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(stylesheet, "parse", counting)
    return seen


async def start(app: WizardApp, keys: tuple[str, ...] = ("enter", "n")) -> str:
    """Run the wizard to its first question and keep its parses, as ``triage`` does on exit."""
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press(*keys)
        await pilot.pause()
        screen = app.export_screenshot()
    app.parsed_css.keep()
    return screen


async def test_a_second_start_parses_nothing_and_looks_the_same(
    knowledge: Knowledge, store: Path, parsed: list[str]
) -> None:
    cold = await start(WizardApp(knowledge, remember=False))
    assert "app.tcss:" in parsed and len(parsed) > 10  # Textual's own and every widget's CSS
    assert len(list(store.glob("stylesheets-*.pickle"))) == 1
    parsed.clear()
    warm = await start(WizardApp(knowledge, remember=False))
    assert parsed == []
    assert warm == cold


async def test_dark_and_light_are_stored_apart(knowledge: Knowledge, store: Path, parsed: list[str]) -> None:
    await start(WizardApp(knowledge, remember=False, dark=True))
    parsed.clear()
    light = await start(WizardApp(knowledge, remember=False, dark=False))
    assert "app.tcss:" in parsed  # the dark parse is not the light one
    assert len(list(store.glob("stylesheets-*.pickle"))) == 2
    parsed.clear()
    assert await start(WizardApp(knowledge, remember=False, dark=False)) == light
    assert parsed == []


@pytest.mark.parametrize("damage", ["garbage", "truncated", "other stamp"])
async def test_a_broken_or_foreign_store_is_parsed_afresh(
    knowledge: Knowledge, store: Path, parsed: list[str], damage: str
) -> None:
    cold = await start(WizardApp(knowledge, remember=False))
    [path] = store.glob("stylesheets-*.pickle")
    if damage == "garbage":
        path.write_bytes(b"not a pickle")
    elif damage == "truncated":
        path.write_bytes(path.read_bytes()[:500])
    else:
        import pickle

        _, entries = pickle.loads(path.read_bytes())
        path.write_bytes(pickle.dumps((("textual", "some other release"), entries)))
    parsed.clear()
    assert await start(WizardApp(knowledge, remember=False)) == cold
    assert "app.tcss:" in parsed
    parsed.clear()
    await start(WizardApp(knowledge, remember=False))  # the store was rewritten and is used again
    assert parsed == []


async def test_an_edited_stylesheet_replaces_its_stored_parse(
    knowledge: Knowledge, store: Path, parsed: list[str], tmp_path: Path
) -> None:
    tcss = tmp_path / "edited.tcss"
    tcss.write_text(WizardApp.CSS_PATH.read_text(encoding="utf-8"), encoding="utf-8")

    class Edited(WizardApp):
        CSS_PATH = tcss

    before = await start(Edited(knowledge, remember=False), keys=())
    tcss.write_text(tcss.read_text(encoding="utf-8") + "\n#picker-title { text-style: italic; }\n", encoding="utf-8")
    parsed.clear()
    after = await start(Edited(knowledge, remember=False), keys=())
    assert parsed == ["edited.tcss:"]  # only the edited file, and its new text is what shows
    assert after != before
    [path] = store.glob("stylesheets-*.pickle")
    import pickle

    _, entries = pickle.loads(path.read_bytes())
    kept = [css for (css, read_from, *_) in entries if read_from[0] == str(tcss)]
    assert len(kept) == 1 and "italic" in kept[0]  # the old parse of that file is gone


async def test_nothing_is_written_where_python_writes_no_bytecode(
    knowledge: Knowledge, store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    await start(WizardApp(knowledge, remember=False))
    assert list(store.iterdir()) == []
