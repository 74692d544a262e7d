"""`validate`, `export` and `search`: check a corpus, flatten it, search its paragraphs."""

from __future__ import annotations

import argparse
import json
import sys

from perspectives.cli.common import (
    EXIT_INVALID,
    EXIT_OK,
    EXIT_USAGE,
    Failure,
    add_corpus_options,
    load,
    positive_int,
)


def cmd_validate(args: argparse.Namespace) -> int:
    if args.workspace and args.corpus_dir:
        raise Failure("validate: give a corpus folder or --workspace NAME, not both", EXIT_USAGE)
    corpus = load(args) if args.workspace else load(args.corpus_dir)
    print(
        f"{corpus.source}: valid: {len(corpus.documents)} documents, {len(corpus.voices)} voices, "
        f"{len(corpus.topics)} topics, {len(corpus.positions)} positions, "
        f"{sum(len(p.evidence) for p in corpus.positions)} quotes, {len(corpus.claims)} claims, "
        f"{len(corpus.events)} events, {len(corpus.motions)} motions"
    )
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from perspectives.exports.files import write_atomic
    from perspectives.exports.tables import render_table
    from perspectives.views.tables import positions_table

    text = render_table(positions_table(load(args)), args.format)
    if args.out:
        write_atomic(args.out, text)
        print(f"wrote {args.out}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return EXIT_OK


def cmd_search(args: argparse.Namespace) -> int:
    from perspectives.views.search_index import SearchError, search
    from perspectives.views.speakers import attribution, describe

    corpus = load(args)
    try:
        hits = search(corpus, args.query, limit=args.limit)
    except SearchError as error:
        print(f"search: {error}", file=sys.stderr)
        return EXIT_INVALID
    who = attribution(corpus)
    speakers = [who.of_words(h.document_id, h.matches or ((h.start, h.end),)) for h in hits]
    if args.json:
        rows = [
            {**h.as_dict(), "speakers": list(s.voices), "whose_words": describe(corpus, s)}
            for h, s in zip(hits, speakers, strict=True)
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return EXIT_OK
    if not hits:
        print(f"no paragraph matches {args.query!r}")
    for hit, said in zip(hits, speakers, strict=True):
        print(f"{hit.document_id} ¶{hit.paragraph} [{hit.start}:{hit.end}] {hit.score:.2f}")
        print(f"    {hit.snippet}")
        print(f"    whose words: {describe(corpus, said)}")
    return EXIT_OK


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("validate", help="check a corpus; list every problem")
    p.add_argument(
        "corpus_dir", nargs="?", help="corpus folder (default: data/ or $PERSPECTIVES_CORPUS)"
    )
    add_corpus_options(p, folder=False)
    p.set_defaults(func=cmd_validate)

    p = sub.add_parser("export", help="one row per position and evidence quote")
    p.add_argument("--format", choices=["csv", "json"], required=True)
    add_corpus_options(p)
    p.add_argument("--out", help="write to this file instead of standard output")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("search", help="full-text search over paragraphs (FTS5 syntax)")
    p.add_argument("query", help='words, "a phrase", OR, NOT, prefix*')
    p.add_argument("--limit", type=positive_int, default=10, help="how many hits (default 10)")
    p.add_argument("--json", action="store_true", help="print JSON")
    add_corpus_options(p)
    p.set_defaults(func=cmd_search)
