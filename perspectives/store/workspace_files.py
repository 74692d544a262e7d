"""Which files a workspace may hold, and the files of a new one.

A workspace holds the corpus folder format and nothing else: `corpus.yaml`, files under
`documents/` and files under `analysis/`. Paths are relative POSIX paths whose every part is a
plain name (no "", ".", "..", no leading "." for hidden files, no backslash or control
character): a path that passes `check_path` can be written under any folder safely.

`collect_files` reads those files from any `CorpusFiles` (a folder, a workspace, a bundle), so
a copy, an export and an import agree on what a corpus is.
"""

from __future__ import annotations

import hashlib
import re

import yaml

from perspectives.corpus.files import CorpusFiles, join

MANIFEST = "corpus.yaml"
FOLDERS = ("documents", "analysis")  # the format's top-level folders
STANDARD_FOLDERS = ("documents", "analysis", "analysis/positions")  # always present
MAX_PATH = 300
MAX_FILE_BYTES = 16 * 1024 * 1024
_BAD_CHARACTERS = re.compile(r"[\x00-\x1f\x7f\\:*?\"<>|]")


class PathError(ValueError):
    """A path a workspace cannot hold; the message says why, naming the path."""


def path_problem(path: str) -> str | None:
    """Why `path` cannot be a workspace file, or None when it can."""
    if not isinstance(path, str) or not path:
        return "an empty path"
    if len(path) > MAX_PATH:
        return f"a path longer than {MAX_PATH} characters"
    if path.startswith("/") or re.match(r"[A-Za-z]:", path):
        return "an absolute path (only paths inside the corpus are allowed)"
    if "\\" in path:
        return "a path with a backslash (use / between folders)"
    parts = path.split("/")
    if any(part in ("", ".", "..") for part in parts):
        return "a path with an empty, '.' or '..' part (it could point outside the corpus)"
    if _BAD_CHARACTERS.search(path):
        return 'a path with a control character or one of : * ? " < > |'
    if any(part.startswith(".") for part in parts):
        return "a hidden file (its name starts with '.')"
    if path != MANIFEST and (len(parts) < 2 or parts[0] not in FOLDERS):
        return "not part of the corpus format (corpus.yaml, documents/…, analysis/…)"
    return None


def check_path(path: str) -> str:
    """`path`, or raise PathError naming it and the reason."""
    problem = path_problem(path)
    if problem:
        raise PathError(f"{path!r} is {problem}")
    return path


def clash(paths) -> tuple[str, str] | None:
    """Two paths of which one would have to be both a file and a folder, or None."""
    known = set(paths)
    for path in sorted(known):
        parts = path.split("/")
        for i in range(1, len(parts)):
            folder = "/".join(parts[:i])
            if folder in known:
                return folder, path
    return None


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def collect_files(source: CorpusFiles) -> dict[str, bytes]:
    """Every file of the corpus format in `source`: corpus.yaml and everything visible under
    documents/ and analysis/ (hidden names are skipped, as the loader skips them; so are
    FIFOs, sockets and devices). Other files at the top (a README) are not part of a corpus."""
    found: dict[str, bytes] = {}
    if source.kind(MANIFEST) == "file":
        found[MANIFEST] = source.read(MANIFEST)
    pending = [folder for folder in FOLDERS if source.kind(folder) == "folder"]
    while pending:
        folder = pending.pop()
        for name in source.names(folder):
            rel = join(folder, name)
            kind = source.kind(rel)
            if kind == "folder":
                pending.append(rel)
            elif kind == "file":
                found[rel] = source.read(rel)
    return dict(sorted(found.items()))


def slug(text: str, fallback: str) -> str:
    """A lower-case id made from `text` (letters a-z and digits, joined by '-')."""
    made = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return made[:60].strip("-") or fallback


def empty_corpus_files(
    name: str, low_label: str, high_label: str, description: str = ""
) -> dict[str, bytes]:
    """A corpus with a manifest and nothing else yet: no document, topic, camp or voice.

    `low_label` and `high_label` say what the two ends of every topic's axis mean across the
    corpus (-2 and +2); their ids are made from them."""
    low_id = slug(low_label, "low")
    high_id = slug(high_label, "high")
    if high_id == low_id:
        low_id, high_id = f"{low_id}-low", f"{high_id}-high"
    manifest = {
        "name": name,
        "description": description,
        "orientation": {
            "low": {"id": low_id, "label": low_label},
            "high": {"id": high_id, "label": high_label},
        },
    }
    text = yaml.safe_dump(manifest, sort_keys=False, allow_unicode=True, width=100)
    empty_list = b"[]\n"
    return {
        MANIFEST: text.encode("utf-8"),
        "analysis/camps.yaml": empty_list,
        "analysis/topics.yaml": empty_list,
        "analysis/voices.yaml": empty_list,
    }
