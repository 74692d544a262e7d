"""Write files without ever leaving a half-written file behind, with the permissions the
user's umask asks for (0644 under the usual 022), and, where asked, without replacing a file
that is already there."""

from __future__ import annotations

import errno
import itertools
import os
import tempfile
from pathlib import Path

MAX_TRIES = 10_000


def current_umask() -> int:
    """The process' umask, read without changing it where the system says it (Linux), else
    by setting it and putting it back."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except OSError:
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def free_name(path: Path) -> Path:
    """`path` when nothing is there, else the first of NAME-2.EXT, NAME-3.EXT ... that is free."""
    if not path.exists() and not path.is_symlink():
        return path
    for n in itertools.count(2):
        candidate = path.with_name(f"{path.stem}-{n}{path.suffix}")
        if not candidate.exists() and not candidate.is_symlink():
            return candidate
        if n > MAX_TRIES:
            raise FileExistsError(f"{path} and {MAX_TRIES} numbered names after it exist")
    raise AssertionError("unreachable")


def write_atomic(path: str | Path, data: str | bytes, replace: bool = True) -> Path:
    """Write to a temporary file beside `path`, then move it into place; return where it went.

    With `replace` the file takes `path`'s place (an existing file is replaced in one step).
    Without, an existing file is never touched: the data goes to the first free name of
    `free_name` (NAME-2.EXT ...), claimed with a hard link, which fails rather than replace a
    file that appeared meanwhile. The file's mode is 0666 less the umask, as any new file.
    """
    path = Path(path)
    if path.is_dir():
        raise IsADirectoryError(errno.EISDIR, "a folder, not a file name", str(path))
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data.encode("utf-8") if isinstance(data, str) else data)
            handle.flush()
            os.fchmod(handle.fileno(), 0o666 & ~current_umask())
            os.fsync(handle.fileno())
        if replace:
            os.replace(tmp, path)
            return path
        for _ in range(MAX_TRIES):
            target = free_name(path)
            try:
                os.link(tmp, target)
            except FileExistsError:
                continue  # taken meanwhile: the next free name
            Path(tmp).unlink()
            return target
        raise FileExistsError(f"no free name beside {path}")
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
