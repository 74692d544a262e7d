"""What the workspace store hands out: workspaces, revisions, file changes, snapshots, drafts,
and the errors it raises (each with a message a course builder can read)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

from perspectives.corpus.files import MemoryFiles

Change = Literal["added", "changed", "deleted"]
MAX_NAME = 60


@dataclass(frozen=True)
class Workspace:
    """An editable corpus in the store. `head` is its current revision."""

    id: int
    name: str
    head: int
    created_at: datetime
    updated_at: datetime

    @property
    def label(self) -> str:
        """How messages and the loader name it: "workspace NAME"."""
        return f"workspace {self.name}"


@dataclass(frozen=True)
class FileChange:
    """One file added, changed or deleted (by `revision`, when known)."""

    path: str
    change: Change
    revision: int | None = None

    def __str__(self) -> str:
        return f"{self.path} {self.change}"


@dataclass(frozen=True)
class Revision:
    """One save. `undo_to` is the revision whose state "undo" would bring back from here
    (None: nothing to undo); an undo records the revision it restored in `restores`."""

    number: int
    created_at: datetime
    author: str
    message: str
    undo_to: int | None
    restores: int | None
    changes: tuple[FileChange, ...] = ()

    @property
    def is_undo(self) -> bool:
        return self.restores is not None


@dataclass(frozen=True)
class Snapshot:
    """A workspace's files at one revision, ready for `load_corpus(snapshot.files)`."""

    workspace: Workspace
    revision: int
    files: MemoryFiles


@dataclass(frozen=True)
class Draft:
    """What a browser typed into one field and has not saved yet."""

    field: str
    value: str
    base: int | None  # the revision the typing started from
    updated_at: datetime


class WorkspaceError(Exception):
    """Anything the store refuses; the message says what and why."""


class UnknownWorkspace(WorkspaceError):
    """No workspace has this name."""


class WorkspaceExists(WorkspaceError):
    """The name is taken (names are compared ignoring case)."""


class InvalidName(WorkspaceError):
    """A workspace name that is empty, too long or holds control characters."""


class NothingToUndo(WorkspaceError):
    """The workspace is at its first revision (or at the state it was created with)."""


@dataclass
class ConflictError(WorkspaceError):
    """A save against `base` while the workspace is at `head`: someone saved in between.

    `changes` are the files that differ between `base` and `head`; `revisions` the saves in
    between (newest first). Nothing was written: the caller keeps what the user typed, shows
    what changed, and saves again against `head` when the user has looked."""

    workspace: str
    base: int
    head: int
    changes: tuple[FileChange, ...]
    revisions: tuple[Revision, ...] = field(default=())

    def __post_init__(self) -> None:
        super().__init__(str(self))

    def __str__(self) -> str:
        listed = ", ".join(str(c) for c in self.changes[:10]) or "no file"
        more = f" and {len(self.changes) - 10} more" if len(self.changes) > 10 else ""
        return (
            f"workspace {self.workspace} was saved by someone else since revision {self.base} "
            f"(it is now at revision {self.head}): {listed}{more}; nothing was saved"
        )


def check_name(name: str) -> str:
    """The name with surrounding spaces removed, or raise InvalidName."""
    if not isinstance(name, str) or not name.strip():
        raise InvalidName("a workspace needs a name")
    name = name.strip()
    if len(name) > MAX_NAME:
        raise InvalidName(f"a workspace name has at most {MAX_NAME} characters")
    if any(ord(c) < 32 or ord(c) == 127 for c in name):
        raise InvalidName("a workspace name cannot hold control characters (tabs, new lines)")
    return name


def name_key(name: str) -> str:
    """What makes two names the same name: case and runs of spaces do not count."""
    return " ".join(name.split()).casefold()
