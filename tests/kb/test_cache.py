"""Derived tables are a cache: rebuilt when missing, stale or broken, never fatal."""

from __future__ import annotations

import marshal
from pathlib import Path

import pytest

from knotwork.kb import cache


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setattr(cache, "CACHE_DIR", str(folder))
    return folder


@pytest.fixture
def code_file(tmp_path: Path) -> Path:
    path = tmp_path / "deriver.py"
    path.write_text("VERSION = 1\n")
    return path


class Builder:
    """Counts how often the tables are derived."""

    def __init__(self, value: object) -> None:
        self.value = value
        self.calls = 0

    def __call__(self) -> object:
        self.calls += 1
        return self.value


def test_tables_are_derived_once_then_read_back(
    cache_dir: Path, code_file: Path
) -> None:
    build = Builder({"b": (1, 2), "a": "x"})
    first = cache.derived("t", [str(code_file)], build)
    again = cache.derived("t", [str(code_file)], build)
    assert first == again == {"a": "x", "b": (1, 2)}  # the same, hit or miss
    assert build.calls == 1
    assert len(list(cache_dir.glob(f"t.*{cache.SUFFIX}"))) == 1


def test_changed_code_misses_the_cache_and_drops_the_stale_file(
    cache_dir: Path, code_file: Path
) -> None:
    cache.derived("t", [str(code_file)], Builder(1))
    code_file.write_text("VERSION = 2\n")
    build = Builder(2)
    assert cache.derived("t", [str(code_file)], build) == 2
    assert build.calls == 1
    kept = cache_dir.glob(f"t.*{cache.SUFFIX}")
    assert [marshal.loads(p.read_bytes()) for p in kept] == [2]


def test_changed_data_misses_the_cache(
    cache_dir: Path, code_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "muscles.json"
    data.write_text('{"muscles": []}')
    monkeypatch.setattr(cache, "data_files", lambda: [str(data)])
    cache._data_key.cache_clear()
    before = cache.cache_path("t", [str(code_file)])
    assert cache.cache_path("t", [str(code_file)]) == before
    data.write_text('{"muscles": [1]}')
    cache._data_key.cache_clear()  # a new process reads the files again
    assert cache.cache_path("t", [str(code_file)]) != before
    cache._data_key.cache_clear()


def test_a_broken_cache_file_is_rebuilt(cache_dir: Path, code_file: Path) -> None:
    cache.derived("t", [str(code_file)], Builder([1]))
    path = Path(cache.cache_path("t", [str(code_file)]))
    path.write_bytes(marshal.dumps([1, 2, 3])[:-3])  # cut short
    build = Builder([1])
    assert cache.derived("t", [str(code_file)], build) == [1]
    assert build.calls == 1
    assert marshal.loads(path.read_bytes()) == [1]


def test_an_unwritable_install_derives_in_memory(
    tmp_path: Path, code_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A file where the folder should be fails for every user, root included.
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    monkeypatch.setattr(cache, "CACHE_DIR", str(blocker / "cache"))
    build = Builder([3])
    assert cache.derived("t", [str(code_file)], build) == [3]
    assert cache.derived("t", [str(code_file)], build) == [3]
    assert build.calls == 2
    assert list(tmp_path.glob("**/*.tmp")) == []
