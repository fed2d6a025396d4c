"""The compiled copy of the data is used only while it is current, and never hides a problem."""

from __future__ import annotations

import os
import pickle
import shutil
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT
from triage.data import compiled, loader
from triage.rules.errors import DataError
from triage.rules.model import Knowledge, Text
from triage.rules.record import replace


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private copy of the shipped data, and a private cache folder that Python may write to."""
    folder = tmp_path / "data"
    folder.mkdir()
    shutil.copy(ROOT / "municipalities.toml", folder)
    shutil.copytree(ROOT / "flows", folder / "flows")
    monkeypatch.setattr(compiled, "CACHE_DIR", tmp_path / "pycache")
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    return folder


def count_source_loads(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    calls: list[Path] = []
    real = loader.load

    def spy(root: Path | str) -> Knowledge:
        calls.append(Path(root))
        return real(root)

    monkeypatch.setattr(loader, "load", spy)
    return calls


def test_second_load_reads_the_compiled_copy(data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = count_source_loads(monkeypatch)
    first = compiled.load(data)
    assert compiled.cache_path(data).is_file()
    second = compiled.load(data)
    assert len(calls) == 1
    assert second == first
    assert oct(compiled.cache_path(data).stat().st_mode & 0o777) == "0o644"


def test_an_edited_data_file_is_loaded_again(data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = count_source_loads(monkeypatch)
    compiled.load(data)
    muni = data / "municipalities.toml"
    muni.write_text(muni.read_text(encoding="utf-8").replace('name = "Holbæk"', 'name = "Holbæk K"'), "utf-8")
    again = compiled.load(data)
    assert len(calls) == 2
    assert again.municipalities["holbaek"].name == "Holbæk K"


def test_a_broken_edit_is_reported_and_not_stored(data: Path) -> None:
    compiled.load(data)
    muni = data / "municipalities.toml"
    muni.write_text(muni.read_text(encoding="utf-8").replace('when = "not resident"', 'when = "not residnt"', 1))
    with pytest.raises(DataError, match="unknown answer 'residnt'"):
        compiled.load(data)
    with pytest.raises(DataError):  # the earlier, valid copy is not used for the edited file
        compiled.load(data)


def test_a_damaged_copy_is_rebuilt(data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    compiled.load(data)
    compiled.cache_path(data).write_bytes(b"not a pickle")
    calls = count_source_loads(monkeypatch)
    assert compiled.load(data).municipalities
    assert len(calls) == 1
    with compiled.cache_path(data).open("rb") as fh:
        stored, knowledge = pickle.load(fh)
    assert isinstance(knowledge, Knowledge) and stored == compiled.stamp(data)


def test_nothing_is_written_where_python_writes_no_bytecode(data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    compiled.load(data)
    assert not compiled.CACHE_DIR.exists()


def test_an_unwritable_cache_folder_is_simply_not_used(data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = data.parent / "blocked"
    blocker.write_text("a file where the folder would be")
    monkeypatch.setattr(compiled, "CACHE_DIR", blocker / "pycache")
    assert compiled.load(data).municipalities
    assert sorted(os.listdir(data.parent)) == ["blocked", "data"]


def test_records_are_frozen_values() -> None:
    a, b = Text("ja", "yes"), Text(da="ja", en="yes")
    assert a == b and hash(a) == hash(b) and a != Text("nej", "no")
    assert repr(a) == "Text(da='ja', en='yes')"
    assert pickle.loads(pickle.dumps(a)) == a
    assert replace(a, en="yeah") == Text("ja", "yeah") and a.en == "yes"
    with pytest.raises(AttributeError, match="frozen"):
        a.da = "nej"  # type: ignore[misc]
    with pytest.raises(TypeError, match="missing 'en'"):
        Text("ja")  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="no field 'fr'"):
        Text("ja", "yes", fr="oui")  # type: ignore[call-arg]


def test_data_too_deep_to_pickle_is_loaded_without_a_copy_or_a_stray_file(
    data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A condition a few hundred `not`s deep parses, but pickling it exceeds the recursion limit:
    the data is used uncached, and nothing (not even an empty temporary file) is left behind."""
    muni = data / "municipalities.toml"
    deep = "not " * 400 + "resident"  # an even number of nots: the same rule as before
    muni.write_text(muni.read_text(encoding="utf-8").replace('when = "not resident"', f'when = "{deep}"', 1), "utf-8")
    calls = count_source_loads(monkeypatch)
    for _ in range(2):
        knowledge = compiled.load(data)
        assert "holbaek" in knowledge.municipalities
    assert len(calls) == 2  # no copy: loaded from the source each time
    cache = compiled.CACHE_DIR
    assert not cache.exists() or list(cache.iterdir()) == []


def test_an_edit_that_keeps_size_and_time_is_seen(data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 22, point 3: archives and sync tools set the modification time back; the size
    may stay. The copy is keyed on the bytes, so the edit is still seen."""
    compiled.load(data)
    muni = data / "municipalities.toml"
    before = muni.stat()
    text = muni.read_text(encoding="utf-8")
    edited = text.replace('name = "Holbæk"', 'name = "Holbaek"')  # æ is two bytes in UTF-8
    assert len(edited.encode()) == before.st_size
    muni.write_text(edited, encoding="utf-8")
    os.utime(muni, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert compiled.load(data).municipalities["holbaek"].name == "Holbaek"


def test_old_compiled_copies_are_cleaned(data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """One copy per data version, but only the few most recently used are kept."""
    muni = data / "municipalities.toml"
    text = muni.read_text(encoding="utf-8")
    for n in range(compiled.KEEP + 4):
        muni.write_text(text.replace('name = "Holbæk"', f'name = "Holbæk {n}"'), encoding="utf-8")
        assert compiled.load(data).municipalities["holbaek"].name == f"Holbæk {n}"
    copies = list(compiled.CACHE_DIR.glob("knowledge-*.pickle"))
    assert len(copies) == compiled.KEEP
    assert compiled.cache_path(data) in copies


def test_a_folder_name_that_is_not_utf8_loads(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 22, point 10: a Latin-1 "fælles" from a Windows ZIP in the folder's path."""
    folder = Path(os.fsdecode(bytes(tmp_path) + b"/f\xe6lles"))
    folder.mkdir()
    shutil.copy(ROOT / "municipalities.toml", folder)
    shutil.copytree(ROOT / "flows", folder / "flows")
    monkeypatch.setattr(compiled, "CACHE_DIR", tmp_path / "pycache")
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    assert compiled.load(folder).municipalities
    assert compiled.load(folder).municipalities  # the second time from the copy


def test_a_copy_of_the_same_data_elsewhere_keeps_its_own_root(data: Path) -> None:
    """Keyed on content, the copy must still know its folder: scenarios are read beside the data."""
    twin = data.parent / "twin"
    shutil.copytree(data, twin)
    assert compiled.load(data).root == str(data)
    assert compiled.load(twin).root == str(twin)
