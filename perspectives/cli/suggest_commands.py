"""`python -m perspectives suggest FILE`: which topics of a corpus each paragraph of a file
bears on, best first.

    suggest FILE [--corpus DIR | --workspace NAME] [--exclude-document ID] [--json]

`--json` prints `[{"start": .., "end": .., "topics": [{"topic_id": .., "score": ..}, ..]}, ..]`:
one entry per paragraph of FILE, its character offsets in FILE's decoded text (for .html, .pdf
and .docx, in the text extracted from it; a corpus document file counts from its first line),
and every topic ranked by score. `--exclude-document ID` ignores every quote of that document
(positions' evidence, claims) so that a document of the corpus is suggested for as if new.
Without the embedding model the ranking is lexical alone, and a note on stderr says so.
Exit codes: 0 done; 1 a file that cannot be read (named, with the problem), an unknown
document id or workspace, or a corpus with problems; 2 usage errors.
"""

from __future__ import annotations

import argparse
import json
import sys

from perspectives.cli import common


def cmd_suggest(args: argparse.Namespace) -> int:
    from perspectives.workspace.ingest import IngestError
    from perspectives.workspace.suggest import Suggester, model_status, read_source

    corpus = common.load(args)
    if args.exclude_document and args.exclude_document not in {d.id for d in corpus.documents}:
        known = ", ".join(d.id for d in corpus.documents) or "none"
        raise common.Failure(
            f"there is no document {args.exclude_document!r} in the corpus; documents: {known}"
        )
    try:
        source = read_source(args.file)
    except IngestError as error:
        raise common.Failure(str(error)) from None
    suggester = Suggester(corpus, exclude_document=args.exclude_document)
    if not suggester.semantic:
        print(f"note: lexical ranking only: {model_status()}", file=sys.stderr)
    table = suggester.score([p.text for p in source.paragraphs])
    rows: list[dict] = [
        {
            "start": paragraph.start,
            "end": paragraph.end,
            "topics": [
                {"topic_id": topic_id, "score": score} for topic_id, score in table.topics_for(row)
            ],
        }
        for row, paragraph in enumerate(source.paragraphs)
    ]
    if args.json:
        print(json.dumps(rows, ensure_ascii=False))
        return common.EXIT_OK
    for number, row in enumerate(rows, 1):
        best = ", ".join(f"{t['topic_id']} {t['score']:.2f}" for t in row["topics"][:3])
        print(f"¶{number} [{row['start']}:{row['end']}] {best or '(no topics)'}")
    return common.EXIT_OK


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "suggest",
        help="rank the corpus' topics for each paragraph of a file",
        description="For each paragraph of FILE (.txt, .md, .html, .pdf, .docx, or a corpus "
        "document file), its offsets in the file's text and the corpus' topics ranked by how "
        "much the paragraph bears on them.",
    )
    parser.add_argument("file", metavar="FILE")
    common.add_corpus_options(parser)
    parser.add_argument(
        "--exclude-document",
        metavar="ID",
        help="ignore every quote of this document (suggest for it as if it were new)",
    )
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.set_defaults(func=cmd_suggest)
