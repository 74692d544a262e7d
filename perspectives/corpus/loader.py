"""Read the files of a corpus folder, collecting every problem instead of stopping at the first.

`read_corpus` returns the fields of a `Corpus` or raises one `CorpusError`. The reading (files,
YAML, field validation) is here; the cross-checks between entries are in `perspectives.checks`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from perspectives.corpus import checks, guards
from perspectives.corpus.compact import shared
from perspectives.corpus.document import Document, DocumentMeta
from perspectives.corpus.entries import Entry
from perspectives.corpus.fields import SLUG
from perspectives.corpus.file_shapes import (
    LIST_FILES,
    ManifestInput,
    PositionInput,
    PositionsFileInput,
)
from perspectives.corpus.filereader import FAILED, FileReader, M
from perspectives.corpus.files import CorpusFiles, FolderFiles, join, stem, suffix
from perspectives.corpus.plain import yaml_error
from perspectives.corpus.problems import CorpusError, Problem, root_causes_first
from perspectives.corpus.yamlfile import (
    FrontMatterError,
    kind_of,
    line_of,
    parse_yaml,
    split_front_matter,
)

MANIFEST = "corpus.yaml"
DOCUMENTS = "documents"
ANALYSIS = "analysis"
# analysis/NAME.yaml files, each of which may also be (or be joined by) a folder analysis/NAME/.
LISTS = tuple(list_file.name for list_file in LIST_FILES)
REQUIRED = tuple(list_file.name for list_file in LIST_FILES if list_file.required)
POSITIONS = "positions"


class CorpusReader(FileReader):
    """The files of a corpus, read in order: the manifest, the documents, the lists."""

    def manifest(self) -> ManifestInput | None:
        kind = self.files.kind(MANIFEST)
        if self.not_a_file(MANIFEST, kind):
            return None
        if kind != "file":
            self.report(MANIFEST, None, None, "missing manifest: every corpus needs a corpus.yaml")
            return None
        data = self.read_yaml(MANIFEST)
        if data is FAILED:
            return None
        if data is None:
            self.report(
                MANIFEST,
                None,
                1,
                "the file is empty: it gives the corpus' name and orientation (see FORMAT.md)",
            )
            return None
        if not isinstance(data, dict):
            self.report(
                MANIFEST,
                None,
                1,
                f"should be fields written 'name: value', one a line (found {kind_of(data)})",
            )
            return None
        return self.validate(ManifestInput, data, MANIFEST, None)

    def documents(self) -> list[Document]:
        if self.files.kind(DOCUMENTS) != "folder":
            self.report(DOCUMENTS, None, None, "missing folder: documents go in documents/ID.md")
            return []
        return [doc for rel in self.listed(DOCUMENTS) if (doc := self.document(rel)) is not None]

    def listed(self, folder: str) -> list[str]:
        return [join(folder, name) for name in self.files.names(folder)]

    def document(self, rel: str) -> Document | None:
        doc_id = stem(rel)
        if self.not_a_file(rel, self.files.kind(rel)):
            return None
        if self.files.kind(rel) != "file" or suffix(rel) != ".md":
            self.report(rel, None, None, "unexpected file: documents are files named ID.md")
            return None
        if not SLUG.fullmatch(doc_id):
            self.report(
                rel,
                None,
                None,
                f"{doc_id!r} is not a valid document id: name the file "
                "with lower-case letters a-z, digits and '-'",
            )
            return None
        self.broken["document"].add(doc_id)  # until it proves valid
        if self.too_large(rel, guards.MAX_DOCUMENT_BYTES, doc_id):
            return None
        content = self.read_text(rel, doc_id)
        if content is None:
            return None
        content = content.removeprefix("\ufeff")  # a byte order mark is not part of the text
        if not content.strip():
            self.report(rel, doc_id, None, "the file is empty")
            return None
        try:
            front, text = split_front_matter(content)
        except FrontMatterError as error:
            self.report(rel, doc_id, error.line, error.message)
            return None
        if not self.text_within_limits(rel, doc_id, text, front.count("\n") + 3):
            return None
        if text.strip():
            self.texts[doc_id] = text
        try:
            meta = parse_yaml(front)
        except yaml.YAMLError as error:
            line, plain, detail = yaml_error(error, front)
            self.report(
                rel,
                doc_id,
                None if line is None else line + 1,
                f"the front matter cannot be read: {plain}",
                detail,
            )
            return None
        if not isinstance(meta, dict):
            self.report(
                rel,
                doc_id,
                2,
                f"the front matter should be a mapping of fields, found {kind_of(meta)}",
            )
            return None
        valid = self.validate(DocumentMeta, meta, rel, doc_id, line_offset=1)
        if not text.strip():
            self.report(rel, doc_id, None, "the document has no text after its front matter")
            return None
        if valid is None:
            return None
        self.broken["document"].discard(doc_id)
        return shared(Document(id=doc_id, text=text, **dict(valid)))

    def list_files(self, name: str) -> list[str]:
        """analysis/NAME.yaml and the .yaml files of the folder analysis/NAME/, either or both."""
        single = join(ANALYSIS, f"{name}.yaml")
        folder = join(ANALYSIS, name)
        kind, folder_kind = self.files.kind(single), self.files.kind(folder)
        if self.not_a_file(single, kind) or self.not_a_file(folder, folder_kind):
            return []
        files = [single] if kind == "file" else []
        if folder_kind == "folder":
            files += self.yaml_files(folder)
        elif folder_kind == "file":
            self.report(
                folder,
                None,
                None,
                f"unexpected file: the {name} are analysis/{name}.yaml, or a folder "
                f"analysis/{name}/ of .yaml files",
            )
        if not files and name in REQUIRED:
            if folder_kind == "folder":
                message = f"the folder holds no .yaml file: list the {name} in {folder}/*.yaml"
                self.report(f"{folder}/", None, None, message)
            else:
                self.report(single, None, None, "missing file (required)")
        return files

    def yaml_files(self, folder: str) -> list[str]:
        files = []
        for rel in self.listed(folder):
            kind = self.files.kind(rel)
            if self.not_a_file(rel, kind):
                continue
            if kind == "file" and suffix(rel) == ".yaml":
                files.append(rel)
            else:
                self.report(rel, None, None, "unexpected file: expected NAME.yaml")
        return files

    def entries(self, name: str, kind: str, model: type[M], key: str = "id") -> list[Entry[M]]:
        """Every valid entry of analysis/NAME.yaml and analysis/NAME/*.yaml, in file order."""
        found: list[Entry[M]] = []
        for rel in self.list_files(name):
            data = self.read_yaml(rel)
            if data is FAILED:
                continue
            if data is None:
                if name in REQUIRED:
                    self.fail(
                        rel, None, f"the file is empty: list the {name} here (or write [] for none)"
                    )
                continue
            if not isinstance(data, list):
                self.fail(
                    rel,
                    1,
                    f"should be a list of {name}, each starting with '- ' (found {kind_of(data)})",
                )
                continue
            found += self.items(data, rel, kind, model, lambda raw: _str(raw.get(key)))
        return found

    def items(
        self,
        data: list,
        rel: str,
        kind: str,
        model: type[M],
        entry_id: Callable[[dict], str | None],
        **where: Any,
    ) -> list[Entry[M]]:
        found = []
        for number, raw in enumerate(data):
            line = line_of(data, (number,))
            if not isinstance(raw, dict):
                self.report(
                    rel,
                    None,
                    line,
                    f"entry {number + 1} should be a mapping of fields, found {kind_of(raw)}",
                )
                continue
            value = self.validate(model, raw, rel, entry_id(raw))
            if value is not None:
                found.append(Entry(rel, line, value, raw, **where))
            elif failed_id := entry_id(raw):
                # a badly written id ("Adaeze Okafor") was most likely referred to as it
                # should be written: those references are not the problem
                self.broken[kind] |= {failed_id, guards.slug_form(failed_id)}
        return found

    def positions(self) -> list[Entry[PositionInput]]:
        folder = join(ANALYSIS, POSITIONS)
        found: list[Entry[PositionInput]] = []
        for rel in self.yaml_files(folder) if self.files.kind(folder) == "folder" else []:
            data = self.read_yaml(rel)
            if data is FAILED:
                continue
            if not isinstance(data, dict):
                self.fail(
                    rel,
                    1,
                    "should start with 'document: ID' and then 'positions:' with the list "
                    f"(found {kind_of(data)})",
                )
                continue
            header = self.validate(PositionsFileInput, data, rel, None, scan=False)
            for path, char in guards.forbidden_in_data(
                {key: value for key, value in data.items() if key != "positions"}
            ):
                self.report(rel, None, line_of(data, (path,)), guards.invisible_message(path, char))
                header = None
            if header is not None:
                where = {"document": header.document, "document_line": line_of(data, ("document",))}
                found += self.items(
                    data.get("positions") or [],
                    rel,
                    "position",
                    PositionInput,
                    _position_id,
                    **where,
                )
        return found

    def unexpected_analysis_files(self) -> None:
        if self.files.kind(ANALYSIS) != "folder":
            return
        known = {f"{name}.yaml" for name in LISTS} | set(LISTS) | {POSITIONS}
        for name in self.files.names(ANALYSIS):
            if name not in known:
                expected = ", ".join(sorted(known))
                self.report(
                    join(ANALYSIS, name),
                    None,
                    None,
                    f"unexpected file in {ANALYSIS}/ (expected: {expected})",
                )


def read_corpus(source: CorpusFiles | Path | str) -> dict[str, Any]:
    """The fields of a valid `Corpus` read from `source` (its files, or a folder's path), or
    raise `CorpusError`."""
    files = source if not isinstance(source, Path | str) else FolderFiles(Path(source))
    if files.kind("") != "folder":
        raise CorpusError(
            [Problem(".", None, None, f"corpus folder not found: {files.label}")], files.label
        )
    reader = CorpusReader(files)
    manifest = reader.manifest()
    documents = reader.documents()
    parts = checks.cross_check(
        reader.report,
        documents=documents,
        **{
            list_file.name: reader.entries(
                list_file.name, list_file.kind, list_file.model, key=list_file.key
            )
            for list_file in LIST_FILES
        },
        positions=reader.positions(),
        texts=reader.texts,
        broken=reader.broken,
    )
    reader.unexpected_analysis_files()
    if reader.problems or manifest is None:
        order = {problem: number for number, problem in enumerate(reader.problems)}
        problems = sorted(order, key=lambda p: (p.file, p.line or 0, order[p]))
        kinds = {list_file.name: list_file.kind for list_file in LIST_FILES}
        raise CorpusError(root_causes_first(problems, kinds, reader.failed), files.label)
    return {
        "source": files.label,
        "name": manifest.name,
        "description": manifest.description,
        "orientation": manifest.orientation,
        "fingerprint": reader.fingerprint(),
        **parts,
    }


def _str(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _position_id(raw: dict) -> str | None:
    voice, topic = _str(raw.get("voice")), _str(raw.get("topic"))
    return f"{voice}/{topic}" if voice and topic else voice
