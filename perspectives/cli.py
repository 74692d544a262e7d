"""`python -m perspectives ...`: validate, export and search a corpus from the shell.

Exit codes (contract): 0 success, 1 invalid input (a corpus with problems, a bad query),
2 usage errors (argparse's own convention).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from perspectives.corpus import CorpusError, default_corpus_path, load_corpus

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2

Command = Callable[[argparse.Namespace], int]


def positive_int(value: str) -> int:
    """An argparse type: a whole number of at least 1 (a bad value is a usage error, exit 2)."""
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"{value} is not at least 1")
    return number


def _load(path: str | None):
    return load_corpus(Path(path) if path else default_corpus_path())


def cmd_validate(args: argparse.Namespace) -> int:
    corpus = _load(args.corpus_dir)
    print(
        f"{corpus.path}: valid: {len(corpus.documents)} documents, {len(corpus.voices)} voices, "
        f"{len(corpus.topics)} topics, {len(corpus.positions)} positions, "
        f"{sum(len(p.evidence) for p in corpus.positions)} quotes, {len(corpus.claims)} claims, "
        f"{len(corpus.events)} events, {len(corpus.motions)} motions"
    )
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from perspectives.export import render_table, write_atomic
    from perspectives.tables import positions_table

    text = render_table(positions_table(_load(args.corpus)), args.format)
    if args.out:
        write_atomic(args.out, text)
        print(f"wrote {args.out}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return EXIT_OK


def cmd_search(args: argparse.Namespace) -> int:
    from perspectives.search import SearchError, search

    corpus = _load(args.corpus)
    try:
        hits = search(corpus, args.query, limit=args.limit)
    except SearchError as error:
        print(f"search: {error}", file=sys.stderr)
        return EXIT_INVALID
    if args.json:
        print(json.dumps([h.as_dict() for h in hits], ensure_ascii=False, indent=2))
        return EXIT_OK
    if not hits:
        print(f"no paragraph matches {args.query!r}")
    for hit in hits:
        print(f"{hit.document_id} ¶{hit.paragraph} [{hit.start}:{hit.end}] {hit.score:.2f}")
        print(f"    {hit.snippet}")
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m perspectives",
        description="Validate, export and search a Perspectives corpus.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("validate", help="check a corpus; list every problem")
    p.add_argument(
        "corpus_dir", nargs="?", help="corpus folder (default: data/ or $PERSPECTIVES_CORPUS)"
    )
    p.set_defaults(func=cmd_validate)

    p = sub.add_parser("export", help="one row per position and evidence quote")
    p.add_argument("--format", choices=["csv", "json"], required=True)
    p.add_argument("--corpus", help="corpus folder (default: data/ or $PERSPECTIVES_CORPUS)")
    p.add_argument("--out", help="write to this file instead of standard output")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("search", help="full-text search over paragraphs (FTS5 syntax)")
    p.add_argument("query", help='words, "a phrase", OR, NOT, prefix*')
    p.add_argument("--limit", type=positive_int, default=10, help="how many hits (default 10)")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("--corpus", help="corpus folder (default: data/ or $PERSPECTIVES_CORPUS)")
    p.set_defaults(func=cmd_search)

    for register in _EXTRA_COMMANDS:
        register(sub)
    return parser


# Later modules (briefs, handouts) add their sub-commands here.
_EXTRA_COMMANDS: list[Callable[[argparse._SubParsersAction], None]] = []


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except CorpusError as error:
        for problem in error.problems:
            print(problem)
        print(f"{len(error.problems)} problem(s) found", file=sys.stderr)
        return EXIT_INVALID
    except OSError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_INVALID


# Sub-commands kept in their own modules register themselves in _EXTRA_COMMANDS on import.
from perspectives import cli_briefs  # noqa: E402, F401
