"""Reading a corpus' files one by one: bytes within their limits, UTF-8, YAML, fields, with
every problem collected (and its file, entry and line) instead of stopping at the first."""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from perspectives.corpus import guards
from perspectives.corpus.compact import share_fields_sets
from perspectives.corpus.files import CorpusFiles
from perspectives.corpus.plain import yaml_error
from perspectives.corpus.problems import Problem
from perspectives.corpus.yamlfile import line_of, parse_yaml, validation_problems

M = TypeVar("M", bound=BaseModel)
FAILED = object()  # what read_yaml returns for a file that cannot be read


@dataclass
class FileReader:
    """One reading of a corpus' files: the problems found, the bytes read, the broken ids."""

    files: CorpusFiles
    problems: list[Problem] = field(default_factory=list)
    # every file read, by relative path: its size and sha256 (not its bytes: at 1000x they are
    # 150 MB, held to the end of the load only to be hashed)
    digests: dict[str, tuple[int, bytes]] = field(default_factory=dict)
    # Ids of entries that exist but are not valid, by kind ("document", "topic", "position" ...):
    # references to them are not reported again as unknown.
    broken: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    texts: dict[str, str] = field(default_factory=dict)  # every document text read, valid or not
    failed: set[str] = field(default_factory=set)  # files that could not be read as a whole
    # YAML files whose text holds no forbidden character and no backslash (so no escape that
    # could make one): their entries need no scan, string by string, for invisible characters.
    clean: set[str] = field(default_factory=set)

    def report(
        self, file: str, entry: str | None, line: int | None, message: str, detail: str = ""
    ) -> None:
        self.problems.append(Problem(file, entry, line, message, detail))

    def fail(self, file: str, line: int | None, message: str, detail: str = "") -> None:
        """A file that cannot be read as a whole: the root cause of whatever refers to it."""
        self.failed.add(file)
        self.report(file, None, line, message, detail)

    def not_a_file(self, rel: str, kind: str, entry: str | None = None) -> bool:
        """Report `rel` if it exists but is not an ordinary file inside the corpus folder (never
        opened: reading a pipe would block); True when reported."""
        if kind in guards.NOT_A_FILE:
            self.failed.add(rel)
            self.report(rel, entry, None, guards.NOT_A_FILE[kind])
            return True
        return False

    def too_large(self, rel: str, limit: int, entry: str | None = None) -> bool:
        size = self.files.size(rel)
        if size <= limit:
            return False
        self.fail(
            rel,
            None,
            f"the file is too large ({guards.size_text(size)}; at most "
            f"{guards.size_text(limit)}): split it or shorten it",
            f"{size} bytes, limit {limit}",
        )
        if entry:
            self.broken["document"].add(entry)
        return True

    def fingerprint(self) -> str:
        digest = hashlib.sha256()
        for name in sorted(self.digests):
            size, file_digest = self.digests[name]
            digest.update(f"{name}\0{size}\0".encode())
            digest.update(file_digest)
        return digest.hexdigest()

    def read_text(self, rel: str, entry: str | None = None) -> str | None:
        try:
            data = self.files.read(rel)
        except OSError as error:
            self.failed.add(rel)
            self.report(
                rel, entry, None, "the file cannot be opened", f"{type(error).__name__}: {error}"
            )
            return None
        self.digests[rel] = (len(data), hashlib.sha256(data).digest())
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError as error:
            line = data[: error.start].count(b"\n") + 1
            self.failed.add(rel)
            self.report(
                rel,
                entry,
                line,
                "the file is not saved as UTF-8 text (or is not text at all): save it again "
                "with the encoding UTF-8",
                f"byte 0x{data[error.start]:02x} at offset {error.start} cannot be decoded",
            )
            return None

    def read_yaml(self, rel: str) -> Any:
        if self.too_large(rel, guards.MAX_YAML_BYTES):
            return FAILED
        text = self.read_text(rel)
        if text is None:
            return FAILED
        if "\\" not in text and guards.FORBIDDEN.search(text) is None:
            self.clean.add(rel)
        try:
            return parse_yaml(text)
        except yaml.YAMLError as error:
            line, plain, detail = yaml_error(error, text)
            self.fail(rel, line, f"the file cannot be read: {plain}", detail)
            return FAILED

    def validate(
        self,
        model: type[M],
        data: Any,
        file: str,
        entry: str | None,
        line_offset: int = 0,
        scan: bool = True,
    ) -> M | None:
        scan = scan and file not in self.clean
        invisible = list(guards.forbidden_in_data(data)) if scan else []
        for path, char in invisible:
            line = line_of(data, _loc(path))
            where = f"the field '{path}'" if path else "the value"
            self.report(
                file,
                entry,
                None if line is None else line + line_offset,
                guards.invisible_message(where, char),
            )
        if invisible:
            return None
        try:
            return share_fields_sets(model.model_validate(data))
        except ValidationError as error:
            for line, message, detail in validation_problems(error, data, model):
                line = None if line is None else line + line_offset
                self.report(file, entry, line, message, detail)
            return None

    def text_within_limits(self, rel: str, doc_id: str, text: str, first_line: int) -> bool:
        """A document's text: not too long, and free of invisible control characters."""
        if len(text) > guards.MAX_DOCUMENT_CHARS:
            self.report(
                rel,
                doc_id,
                None,
                f"the text is too long ({len(text):,} characters; at most "
                f"{guards.MAX_DOCUMENT_CHARS:,}, about 170,000 words): split it into parts",
            )
            return False
        paragraphs = sum(1 for line in text.split("\n") if line.strip())
        if paragraphs > guards.MAX_PARAGRAPHS:
            self.report(
                rel,
                doc_id,
                None,
                f"the text has {paragraphs:,} paragraphs (non-empty lines); at most "
                f"{guards.MAX_PARAGRAPHS:,}: split it into parts",
            )
            return False
        found = guards.forbidden_in_text(text)
        if found:
            line, column, char = found
            self.report(
                rel,
                doc_id,
                first_line + line - 1,
                guards.invisible_message(f"the text (column {column})", char),
            )
            return False
        return True


def _loc(path: str) -> tuple[Any, ...]:
    """("notes", "text") for "notes.text", ("aliases", 0) for "aliases[0]"."""
    parts: list[Any] = []
    for name, index in re.findall(r"([^.\[\]]+)|\[(\d+)\]", path):
        parts.append(int(index) if index else name)
    return tuple(parts)
