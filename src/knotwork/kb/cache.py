"""Keep tables derived from the knowledge files between processes, as .pyc files are.

Stemming every lexicon phrase costs a command more than reading the result,
so the result is kept in ``kb/__pycache__`` under a name that fingerprints the
knowledge files and the code that derives it. A change to either misses the
cache and rebuilds it; nothing ever maintains the file by hand, and a
read-only install simply derives the tables in memory each time.

The file is written with ``marshal``, the format of .pyc files and with the
same trust: it lives beside them and only this package writes it. Unlike
JSON it keeps tuples, sets and tuple keys, so a matcher's index is stored in
the form it is used in and a command never rebuilds it, and it reads back
about twice as fast. Its name carries the interpreter's tag because the
format may change between Python versions.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import sys
from collections.abc import Callable, Iterable
from functools import cache
from typing import Any

from knotwork.kb.loader import KB_DIR, checksum, data_files

CACHE_DIR = os.path.join(KB_DIR, "__pycache__")


SUFFIX = f".{sys.implementation.cache_tag}.marshal"


@cache
def _data_key() -> str:
    """Return the checksum of the knowledge files, read once per process."""
    return checksum(data_files(), KB_DIR)


def cache_path(name: str, code_files: Iterable[str]) -> str:
    """Return where the tables called ``name`` are kept for this data and code."""
    key = f"{_data_key()}{checksum(list(code_files), KB_DIR)}"
    return os.path.join(CACHE_DIR, f"{name}.{key}{SUFFIX}")


def derived(name: str, code_files: Iterable[str], build: Callable[[], Any]) -> Any:
    """Return the tables ``build`` derives, from the cache when it is current.

    ``code_files`` are the source files whose logic shapes the tables. The
    tables may hold what ``marshal`` holds: dicts, lists, tuples, sets,
    strings and numbers. The value returned is equal, hit or miss.
    """
    path = cache_path(name, code_files)
    try:
        # One read, then loads: marshal.load on a file reads object by object,
        # which is ten times slower.
        with open(path, "rb") as f:
            return marshal.loads(f.read())
    except (OSError, ValueError, EOFError, TypeError):
        pass  # missing, unreadable or cut short: derive it again
    blob = marshal.dumps(build())
    # Written even under PYTHONDONTWRITEBYTECODE, which many container images
    # set: it is not bytecode, and without it every command derives again.
    _write(path, name, blob)
    return marshal.loads(blob)


def _write(path: str, name: str, blob: bytes) -> None:
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
        with os.fdopen(fd, "wb") as f:
            f.write(blob)
        # Readable by everyone, as a .pyc is: one install may serve many users.
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except OSError:
        with contextlib.suppress(OSError):
            os.remove(tmp)
        return
    with contextlib.suppress(OSError):
        for old in os.listdir(CACHE_DIR):
            stale = old.startswith(f"{name}.") and old.endswith((".json", SUFFIX))
            if stale and os.path.join(CACHE_DIR, old) != path:
                os.remove(os.path.join(CACHE_DIR, old))
