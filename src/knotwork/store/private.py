"""Files that hold a person's data are theirs alone, whatever the umask.

The data folder is 0700; the database (and SQLite's -wal and -shm files,
which copy the database's mode), exports and the access token are 0600. Modes
are set explicitly rather than left to the umask: a common umask of 022 would
make a new database readable by every account on the machine.
"""

from __future__ import annotations

import contextlib
import os
from typing import TypeAlias

# Paths as str or Path: os.path, not pathlib, which costs every journal
# opening (this module makes the database file private) a few milliseconds.
StrPath: TypeAlias = "str | os.PathLike[str]"

FOLDER_MODE = 0o700
FILE_MODE = 0o600
TOKEN_FILE = "access-token"
# 32 random bytes, URL-safe: what `secrets` recommends for a bearer token.
TOKEN_BYTES = 32


def private_folder(path: StrPath) -> None:
    """Create ``path`` (and parents) if needed and make it 0700."""
    os.makedirs(path, mode=FOLDER_MODE, exist_ok=True)
    if os.name == "posix":
        os.chmod(path, FOLDER_MODE)


def private_file(path: StrPath) -> None:
    """Create ``path`` empty if missing, and make it (and any existing one) 0600."""
    with contextlib.suppress(FileExistsError):
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE))
    if os.name == "posix":
        os.chmod(path, FILE_MODE)


def private_database(path: StrPath) -> None:
    """Prepare a SQLite file and its companions so none is readable by others."""
    path = os.fspath(path)
    private_folder(os.path.dirname(os.path.abspath(path)))
    private_file(path)
    for suffix in ("-wal", "-shm", "-journal"):
        companion = path + suffix
        if os.name == "posix" and os.path.exists(companion):
            os.chmod(companion, FILE_MODE)


def read_or_create_token(home: StrPath) -> str:
    """Return the access token kept in the data folder, creating it once.

    Created with O_EXCL so two servers starting together agree on one token.
    """
    private_folder(home)
    path = os.path.join(home, TOKEN_FILE)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    except FileExistsError:
        if os.name == "posix":
            os.chmod(path, FILE_MODE)
        with open(path, encoding="ascii") as saved:
            token = saved.read().strip()
        if token:
            return token
        # An empty file (a crash between create and write): write a new one.
        fd = os.open(path, os.O_WRONLY | os.O_TRUNC, FILE_MODE)
    # Imported here: secrets pulls in hashlib, which every journal opening
    # (this module makes the database file private) would pay for.
    import secrets

    token = secrets.token_urlsafe(TOKEN_BYTES)
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write(token + "\n")
        handle.flush()
        os.fsync(handle.fileno())
    return token
