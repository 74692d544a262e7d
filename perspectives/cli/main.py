"""`python -m perspectives COMMAND ...`: the command line (see the README for each command).

Exit codes (contract): 0 success, 1 invalid input (a corpus with problems, a bad query, an
unknown workspace, a bundle with problems), 2 usage errors (argparse's own convention).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from perspectives.cli import (
    bundle_commands,
    corpus_commands,
    ingest_commands,
    print_commands,
    suggest_commands,
)
from perspectives.cli.common import EXIT_INVALID, EXIT_USAGE, Failure
from perspectives.corpus import CorpusError


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m perspectives",
        description="Validate, export and search a Perspectives corpus (a folder, or a "
        "workspace of the store); print briefs, handouts and reading guides; move a corpus "
        "in and out of workspaces as a bundle; add documents to a workspace.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for module in (
        corpus_commands,
        print_commands,
        bundle_commands,
        ingest_commands,
        suggest_commands,
    ):
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except Failure as error:
        kind = "usage error" if error.code == EXIT_USAGE else "error"
        print(f"{kind}: {error}", file=sys.stderr)
        return error.code
    except CorpusError as error:
        for problem in error.problems:
            print(problem)
        print(f"{len(error.problems)} problem(s) found", file=sys.stderr)
        return EXIT_INVALID
    except OSError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_INVALID
