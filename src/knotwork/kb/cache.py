"""Keep tables derived from the knowledge files between processes, as .pyc files are.

Stemming every lexicon phrase costs a command more than reading the result,
so the result is kept in ``kb/__pycache__`` under a name that hashes the
knowledge files and the code that derives it. A change to either misses the
cache and rebuilds it; nothing ever maintains the file by hand, and a
read-only install simply derives the tables in memory each time.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Callable, Iterable
from typing import Any

from knotwork.kb.loader import KB_DIR, checksum, data_files

CACHE_DIR = os.path.join(KB_DIR, "__pycache__")


def cache_path(name: str, code_files: Iterable[str]) -> str:
    """Return where the tables called ``name`` are kept for this data and code."""
    key = checksum([*data_files(), *code_files], KB_DIR)
    return os.path.join(CACHE_DIR, f"{name}.{key}.json")


def derived(name: str, code_files: Iterable[str], build: Callable[[], Any]) -> Any:
    """Return the JSON tables ``build`` derives, from the cache when it is current.

    ``code_files`` are the source files whose logic shapes the tables. The
    value returned has the same shape (lists, not tuples) on a hit and a miss.
    """
    path = cache_path(name, code_files)
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except (OSError, ValueError):
        pass  # missing, unreadable or cut short: derive it again
    # Sorted keys: the tables come out the same whichever order the data has.
    text = json.dumps(build(), sort_keys=True, separators=(",", ":"))
    # Written even under PYTHONDONTWRITEBYTECODE, which many container images
    # set: it is not bytecode, and without it every command derives again.
    _write(path, name, text)
    return json.loads(text)


def _write(path: str, name: str, text: str) -> None:
    """Replace the cache file atomically and drop stale ones; never fail.

    A read-only install cannot keep the file and derives the tables in
    memory each time instead.
    """
    import tempfile  # only on a miss: it costs a command start milliseconds

    try:
        os.makedirs(CACHE_DIR, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=CACHE_DIR, prefix=f".{name}.", suffix=".tmp")
    except OSError:
        return
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
        # Readable by everyone, as a .pyc is: one install may serve many users.
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except OSError:
        with contextlib.suppress(OSError):
            os.remove(tmp)
        return
    with contextlib.suppress(OSError):
        for old in os.listdir(CACHE_DIR):
            stale = old.startswith(f"{name}.") and old.endswith(".json")
            if stale and os.path.join(CACHE_DIR, old) != path:
                os.remove(os.path.join(CACHE_DIR, old))
