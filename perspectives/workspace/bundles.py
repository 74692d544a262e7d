"""Bundles: a corpus as one zip of its folder format, to hand to a colleague or keep.

    data = write_bundle(FolderFiles(Path("data")))            # or a workspace's snapshot.files
    report = import_bundle(store, "Seminar 3", data)           # a new workspace from a bundle
    report.refused, report.problems                            # what was left out, and why

A bundle holds corpus.yaml, documents/ and analysis/ exactly as in a folder, byte for byte, with
fixed timestamps and permissions and its members sorted, so one corpus always gives the same
bytes and folder -> bundle -> workspace -> bundle -> folder changes nothing.

Reading a bundle trusts nothing in it. Refused, each with a message naming the member: paths
that are absolute, hold `..` or a backslash; symbolic links and other non-regular files;
encrypted members; a member over `Limits.member_bytes` or compressed more than
`Limits.ratio` to 1 (a zip bomb); members past `Limits.total_bytes` unpacked or past
`Limits.members`; a name that appears twice; a member that cannot be decompressed. Sizes are
counted on the bytes actually decompressed, never on what the zip's headers claim. Skipped,
and listed as notes: folders, hidden files, macOS `__MACOSX/` records and files that are not
part of the corpus format (a README beside corpus.yaml). A bundle whose members all sit in one
top folder (a zipped corpus folder) is read from inside that folder. What is valid is
imported; the rest is reported, together with the loader's problems with the corpus.
"""

from __future__ import annotations

import io
import stat
import zipfile
import zlib
from dataclasses import dataclass, field
from typing import Any

from perspectives.corpus import CorpusError, Problem
from perspectives.corpus.files import CorpusFiles
from perspectives.store.workspace_files import (
    MANIFEST,
    MAX_FILE_BYTES,
    STANDARD_FOLDERS,
    collect_files,
    path_problem,
)
from perspectives.store.workspaces import WorkspaceExists, WorkspaceStore

MiB = 1024 * 1024
_EPOCH = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip can hold: the same bytes every time
_CHUNK = 64 * 1024
_HARMLESS = ("a hidden file", "not part of the corpus format")  # skipped, not refused


@dataclass(frozen=True)
class Limits:
    """What a bundle may hold. A member is refused beyond these; the rest still imports."""

    bundle_bytes: int = 64 * MiB  # the zip file itself
    members: int = 5000  # entries in the zip, folders included
    member_bytes: int = MAX_FILE_BYTES  # one file, unpacked
    total_bytes: int = 256 * MiB  # every file, unpacked
    ratio: int = 100  # unpacked / packed size of one member ...
    ratio_from: int = 256 * 1024  # ... checked for members that unpack to more than this


class BundleError(ValueError):
    """The file cannot be read as a bundle at all (not a zip, too large, no corpus.yaml)."""


@dataclass(frozen=True)
class Note:
    """A member left out of an import, and why."""

    member: str
    reason: str

    def __str__(self) -> str:
        return f"{self.member}: {self.reason}"


@dataclass(frozen=True)
class Bundle:
    """What a bundle holds: the files to import, and the members refused or skipped."""

    files: dict[str, bytes]
    refused: tuple[Note, ...] = ()  # unsafe or broken members: a problem with the bundle
    skipped: tuple[Note, ...] = ()  # harmless extras: folders' records, hidden files, a README


@dataclass(frozen=True)
class ImportReport:
    """What `import_bundle` did: the workspace and revision written, the files imported, the
    members refused or skipped, and the corpus' problems as the loader found them."""

    workspace: str
    revision: int
    created: bool
    files: tuple[str, ...]
    refused: tuple[Note, ...]
    skipped: tuple[Note, ...]
    problems: tuple[Problem, ...] = field(default=())

    @property
    def clean(self) -> bool:
        """Everything imported and the corpus has no problem."""
        return not self.refused and not self.problems

    def as_dict(self) -> dict[str, Any]:
        return {
            "workspace": self.workspace,
            "revision": self.revision,
            "created": self.created,
            "imported": list(self.files),
            "refused": [{"member": n.member, "reason": n.reason} for n in self.refused],
            "skipped": [{"member": n.member, "reason": n.reason} for n in self.skipped],
            "problems": [
                {"file": p.file, "entry": p.entry, "line": p.line, "message": p.message}
                for p in self.problems
            ],
            "clean": self.clean,
        }


def write_bundle(source: CorpusFiles) -> bytes:
    """The corpus in `source` (a folder, a workspace's files) as a zip of its folder format."""
    files = collect_files(source)
    folders = {f for f in STANDARD_FOLDERS if source.kind(f) == "folder"}
    for path in files:
        parts = path.split("/")
        folders |= {"/".join(parts[:i]) for i in range(1, len(parts))}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for folder in sorted(folders):
            info = zipfile.ZipInfo(folder + "/", _EPOCH)
            info.create_system = 3  # unix, so that the modes below are read
            info.external_attr = (stat.S_IFDIR | 0o755) << 16 | 0x10
            zf.writestr(info, b"")
        for path in sorted(files, key=lambda p: (p != MANIFEST, p)):
            info = zipfile.ZipInfo(path, _EPOCH)
            info.create_system = 3
            info.external_attr = (stat.S_IFREG | 0o644) << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, files[path], compresslevel=9)
    return buffer.getvalue()


def read_bundle(data: bytes, limits: Limits = Limits()) -> Bundle:
    """The files of a bundle that are safe to import, and a note on every other member.
    Raises BundleError when the zip cannot be read at all or holds no corpus.yaml."""
    if len(data) > limits.bundle_bytes:
        raise BundleError(
            f"the bundle is {_size(len(data))}; "
            f"a bundle may be at most {_size(limits.bundle_bytes)}"
        )
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError) as error:
        raise BundleError(f"not a zip file that can be read ({error})") from None
    prefix = _top_folder([m.filename for m in members])
    reader = _Reader(archive, limits, prefix)
    with archive:
        for number, member in enumerate(members):
            if number >= limits.members:
                reader.refuse(
                    f"{len(members) - number} more members",
                    f"the bundle has {len(members)} members; at most {limits.members} are read",
                )
                break
            reader.member(member)
    if MANIFEST not in reader.files:
        raise BundleError(
            "the zip holds no corpus.yaml: a bundle is a zip of a corpus folder "
            "(corpus.yaml, documents/, analysis/)"
        )
    return Bundle(dict(sorted(reader.files.items())), tuple(reader.refused), tuple(reader.skipped))


@dataclass
class _Reader:
    archive: zipfile.ZipFile
    limits: Limits
    prefix: str
    files: dict[str, bytes] = field(default_factory=dict)
    refused: list[Note] = field(default_factory=list)
    skipped: list[Note] = field(default_factory=list)
    total: int = 0

    def refuse(self, member: str, reason: str) -> None:
        self.refused.append(Note(member, reason))

    def skip(self, member: str, reason: str) -> None:
        self.skipped.append(Note(member, reason))

    def member(self, info: zipfile.ZipInfo) -> None:
        name, limits = info.filename, self.limits
        mode = info.external_attr >> 16 if info.create_system == 3 else 0
        if stat.S_ISLNK(mode):
            return self.refuse(name, "a symbolic link: links are not imported")
        if info.is_dir() or stat.S_ISDIR(mode):
            return None  # a folder's own record: its files say what it holds
        if stat.S_IFMT(mode) and not stat.S_ISREG(mode):
            return self.refuse(name, "not a regular file (a device, pipe or socket)")
        if info.flag_bits & 0x1:
            return self.refuse(name, "encrypted: bundles are not password-protected")
        path = name[len(self.prefix) :] if self.prefix and name.startswith(self.prefix) else name
        problem = path_problem(path)
        if problem:
            if problem.startswith(_HARMLESS):
                return self.skip(name, f"ignored: {problem}")
            return self.refuse(name, f"unsafe path: {problem}")
        if path in self.files:
            return self.refuse(name, "appears twice in the bundle; the first copy was imported")
        if info.file_size > limits.member_bytes:
            return self.refuse(name, self._too_big(info.file_size))
        if self._bomb(info.file_size, info.compress_size):
            return self.refuse(name, self._ratio(info.file_size, info.compress_size))
        if self.total + info.file_size > limits.total_bytes:
            return self.refuse(name, self._over_total())
        try:
            data = self._read(info)
        except _Refused as refusal:
            return self.refuse(name, str(refusal))
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError) as error:
            return self.refuse(name, f"cannot be decompressed ({error})")
        except (NotImplementedError, RuntimeError) as error:
            return self.refuse(name, f"cannot be read ({error})")
        self.total += len(data)
        self.files[path] = data

    def _read(self, info: zipfile.ZipInfo) -> bytes:
        """The member's bytes, stopped as soon as they pass a limit (headers can lie)."""
        chunks, size = [], 0
        with self.archive.open(info) as stream:
            while chunk := stream.read(_CHUNK):
                size += len(chunk)
                if size > self.limits.member_bytes:
                    raise _Refused(self._too_big(size, at_least=True))
                if self.total + size > self.limits.total_bytes:
                    raise _Refused(self._over_total())
                if self._bomb(size, info.compress_size):
                    raise _Refused(self._ratio(size, info.compress_size, at_least=True))
                chunks.append(chunk)
        return b"".join(chunks)

    def _bomb(self, size: int, packed: int) -> bool:
        return size > self.limits.ratio_from and size > self.limits.ratio * max(packed, 1)

    def _too_big(self, size: int, at_least: bool = False) -> str:
        more = "at least " if at_least else ""
        limit = _size(self.limits.member_bytes)
        return f"unpacks to {more}{_size(size)}; one file may be at most {limit}"

    def _ratio(self, size: int, packed: int, at_least: bool = False) -> str:
        more = "at least " if at_least else ""
        return (
            f"compressed {more}{size // max(packed, 1):,} to 1 (a zip bomb?); "
            f"at most {self.limits.ratio} to 1 is accepted"
        )

    def _over_total(self) -> str:
        return f"the bundle would unpack to more than {_size(self.limits.total_bytes)} in all"


class _Refused(Exception):
    pass


def _top_folder(names: list[str]) -> str:
    """ "NAME/" when corpus.yaml is not at the top but every member sits in one folder NAME
    beside its corpus.yaml (a zipped corpus folder); else ""."""
    if MANIFEST in names:
        return ""
    tops = {n.split("/", 1)[0] for n in names if n.split("/", 1)[0] != "__MACOSX"}
    if len(tops) == 1:
        top = tops.pop()
        if f"{top}/{MANIFEST}" in names:
            return f"{top}/"
    return ""


def _size(count: int) -> str:
    return f"{count / MiB:.1f} MB" if count >= MiB else f"{count:,} bytes"


def import_bundle(
    store: WorkspaceStore,
    name: str,
    data: bytes,
    source: str = "a bundle",
    replace: bool = False,
    author: str = "",
    limits: Limits = Limits(),
) -> ImportReport:
    """A bundle into workspace `name`: a new workspace, or with `replace` a new revision of an
    existing one holding exactly the bundle's files (undo brings the old state back). Raises
    BundleError for a file that is not a bundle and WorkspaceExists for a name taken without
    `replace`; otherwise imports what is valid and reports the rest."""
    bundle = read_bundle(data, limits)
    existing = store.find(name)
    if existing is not None and not replace:
        raise WorkspaceExists(f"there is already a workspace called {existing.name!r}")
    if existing is None:
        workspace = store.create(name, bundle.files, f"Imported from {source}", author)
        revision, created = workspace.head, True
    else:
        current = store.snapshot(existing.name)
        changes: dict[str, bytes | None] = dict(bundle.files)
        changes |= {p: None for p in current.files.files if p not in bundle.files}
        saved = store.save(
            existing.name, changes, current.revision, f"Replaced by {source}", author
        )
        workspace, revision, created = existing, saved.number, False
    return ImportReport(
        workspace.name,
        revision,
        created,
        tuple(bundle.files),
        bundle.refused,
        bundle.skipped,
        corpus_problems(store, workspace.name),
    )


def corpus_problems(store: WorkspaceStore, name: str) -> tuple[Problem, ...]:
    """The loader's problems with the workspace's corpus (none when it loads cleanly)."""
    try:
        store.corpus(name)
    except CorpusError as error:
        return tuple(error.problems)
    return ()


def export_workspace(store: WorkspaceStore, name: str) -> bytes:
    """The workspace's current files as a bundle."""
    return write_bundle(store.snapshot(name).files)
