"""Where a corpus' files come from: a folder on disk, or a set of files held in memory (a
workspace in the store, an uploaded bundle). The loader reads through this one small interface,
so every corpus, wherever it lives, is read and checked by the same code.

Paths are relative POSIX paths ("analysis/topics.yaml"); "" is the corpus root. Names starting
with "." are hidden and never listed.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, Protocol

# "special": a pipe, socket, device or a link to a folder (never opened, never followed);
# "outside": a link to a file outside the corpus folder (never read).
Kind = Literal["file", "folder", "missing", "special", "outside"]


class CorpusFiles(Protocol):
    """The files of one corpus."""

    @property
    def label(self) -> str:
        """How messages name the corpus: a folder's path, or "workspace NAME"."""
        ...

    def kind(self, rel: str) -> Kind: ...

    def names(self, rel: str) -> list[str]:
        """The visible entries of folder `rel`, sorted."""
        ...

    def read(self, rel: str) -> bytes: ...

    def size(self, rel: str) -> int:
        """The size in bytes of file `rel` (0 if it cannot be told), read before the file is."""
        ...


def join(*parts: str) -> str:
    return "/".join(part for part in parts if part)


def stem(rel: str) -> str:
    name = rel.rsplit("/", 1)[-1]
    return name.rsplit(".", 1)[0] if "." in name.lstrip(".") else name


def suffix(rel: str) -> str:
    name = rel.rsplit("/", 1)[-1]
    return "." + name.rsplit(".", 1)[1] if "." in name.lstrip(".") else ""


@dataclass(frozen=True)
class FolderFiles:
    """A corpus folder on disk. A FIFO, socket or device is "special": never opened. A link
    is followed only to an ordinary file inside the folder, so no walk of the folder loops or
    leaves it."""

    root: Path

    @property
    def label(self) -> str:
        return str(self.root)

    def path(self, rel: str) -> Path:
        return self.root / rel if rel else self.root

    def kind(self, rel: str) -> Kind:
        path = self.path(rel)
        try:
            mode = os.stat(path).st_mode
            linked = rel != "" and os.path.islink(path)
        except (OSError, ValueError):
            return "missing"
        if linked:
            if not stat.S_ISREG(mode):
                return "special"
            root = os.path.realpath(self.root)
            if os.path.commonpath([root, os.path.realpath(path)]) != root:
                return "outside"
            return "file"
        if stat.S_ISDIR(mode):
            return "folder"
        return "file" if stat.S_ISREG(mode) else "special"

    def size(self, rel: str) -> int:
        try:
            return os.stat(self.path(rel)).st_size
        except (OSError, ValueError):
            return 0

    def names(self, rel: str) -> list[str]:
        return sorted(n for n in os.listdir(self.path(rel)) if not n.startswith("."))

    def read(self, rel: str) -> bytes:
        return self.path(rel).read_bytes()

    def stamp(self) -> tuple:
        """What changes when a file of the corpus changes: each file's path, mtime and size.
        (os.scandir: the folder listing already holds most of what a stat needs.)"""
        found = []
        pending: list[tuple[str, str | Path]] = [("", self.root)]
        while pending:
            prefix, folder = pending.pop()
            try:
                entries = list(os.scandir(folder))
            except OSError:
                continue
            for entry in entries:
                rel = prefix + entry.name
                try:
                    if entry.is_dir(follow_symlinks=False):
                        pending.append((rel + "/", entry.path))
                        continue
                    info = entry.stat(follow_symlinks=True)
                except OSError:
                    continue
                found.append((rel, info.st_mtime_ns, info.st_size))
        return tuple(sorted(found))


@dataclass(frozen=True)
class MemoryFiles:
    """A corpus held as {relative path: bytes}: a workspace's files, or a bundle's.

    A folder exists when a file is in it, or when it is one of `empty_folders` (a workspace
    always has its documents/ folder, even before its first document)."""

    files: Mapping[str, bytes]
    name: str = "files in memory"
    empty_folders: frozenset[str] = frozenset()
    folders: frozenset[str] = field(init=False)

    def __post_init__(self) -> None:
        folders = {""}
        for rel in self.empty_folders:
            parts = rel.split("/")
            folders |= {"/".join(parts[:i]) for i in range(1, len(parts) + 1)}
        for rel in self.files:
            parts = rel.split("/")
            folders |= {"/".join(parts[:i]) for i in range(1, len(parts))}
        object.__setattr__(self, "folders", frozenset(folders))

    @property
    def label(self) -> str:
        return self.name

    def kind(self, rel: str) -> Kind:
        if rel in self.files:
            return "file"
        return "folder" if rel in self.folders else "missing"

    def names(self, rel: str) -> list[str]:
        prefix = f"{rel}/" if rel else ""
        found = {
            path[len(prefix) :].split("/", 1)[0]
            for path in (*self.files, *self.folders)
            if path.startswith(prefix) and path != rel and path[len(prefix) :]
        }
        return sorted(n for n in found if not n.startswith("."))

    def read(self, rel: str) -> bytes:
        try:
            return self.files[rel]
        except KeyError:
            raise FileNotFoundError(rel) from None

    def size(self, rel: str) -> int:
        return len(self.files.get(rel, b""))
