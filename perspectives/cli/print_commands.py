"""`python -m perspectives brief | handout | guide`: printable briefs, handouts and reading
guides from the shell. Registered by `perspectives.cli.main`.

Exit codes as everywhere: 0 written; 1 an id the corpus does not hold (the message lists the
valid ones) or a corpus with problems; 2 a usage error (a missing or contradictory option).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from perspectives import stance
from perspectives.cli import common
from perspectives.corpus import default_corpus_path, read_orientation
from perspectives.exports.printed import FORMATS, Export

FORMAT_CHOICES = list(FORMATS)


def _unknown(command: str, kind: str, given: str, valid: list[str]) -> int:
    print(
        f"{command}: unknown {kind} id {given!r}; valid {kind} ids: {', '.join(valid) or 'none'}",
        file=sys.stderr,
    )
    return common.EXIT_INVALID


def _usage(command: str, message: str) -> int:
    print(f"usage error: {command}: {message}", file=sys.stderr)
    return common.EXIT_USAGE


def _write(args: argparse.Namespace, export: Export) -> int:
    from perspectives.exports.files import write_atomic

    asked = Path(args.out) if args.out else Path(export.filename)
    path = write_atomic(asked, export.data, replace=False)
    if args.json:
        print(json.dumps(export.summary(str(path)), ensure_ascii=False, indent=2))
    else:
        print(f"wrote {path} ({len(export.data)} bytes){common.kept_note(asked, path)}")
    return common.EXIT_OK


def cmd_brief(args: argparse.Namespace) -> int:
    from perspectives.exports.printed import brief_export
    from perspectives.teaching.brief import SIDES, custom_motion

    if args.motion and args.text:
        return _usage("brief", "--text writes a motion of your own: use it with --topic")
    if args.motion and args.side not in (None, *SIDES):
        return _usage("brief", f"--side with --motion is one of {', '.join(SIDES)}")
    if args.topic and not args.side:
        return _usage("brief", "--topic needs --side (a pole id of the corpus' orientation)")
    corpus = common.load(args)
    if args.motion:
        if args.motion not in {m.id for m in corpus.motions}:
            return _unknown("brief", "motion", args.motion, [m.id for m in corpus.motions])
        motion, side = corpus.motion(args.motion), args.side or "proposition"
    else:
        if args.topic not in {t.id for t in corpus.topics}:
            return _unknown("brief", "topic", args.topic, [t.id for t in corpus.topics])
        pole = stance.pole_for(corpus.orientation, args.side)
        if pole is None:
            o = corpus.orientation
            print(
                f"brief: unknown side {args.side!r}; valid sides: {o.low.id}, {o.high.id} "
                "(or low, high)",
                file=sys.stderr,
            )
            return common.EXIT_INVALID
        try:
            motion, side = custom_motion(corpus, args.topic, pole, args.text), "proposition"
        except ValueError as error:
            print(f"brief: --text: {error}", file=sys.stderr)
            return common.EXIT_INVALID
    return _write(args, brief_export(corpus, motion, side, args.format))


def cmd_handout(args: argparse.Namespace) -> int:
    from perspectives.exports.printed import handout_export

    topic_ids = [t.strip() for t in args.topics.split(",") if t.strip()]
    if not topic_ids:
        return _usage("handout", "--topics needs at least one topic id")
    corpus = common.load(args)
    valid = [t.id for t in corpus.topics]
    for topic_id in topic_ids:
        if topic_id not in valid:
            return _unknown("handout", "topic", topic_id, valid)
    return _write(args, handout_export(corpus, topic_ids, args.format))


def cmd_guide(args: argparse.Namespace) -> int:
    from perspectives.exports.printed import guide_export

    corpus = common.load(args)
    valid = [d.id for d in corpus.documents]
    if args.doc not in valid:
        return _unknown("guide", "document", args.doc, valid)
    return _write(args, guide_export(corpus, args.doc, args.format))


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--format", choices=FORMAT_CHOICES, required=True, help="md, docx or pdf")
    p.add_argument("--out", help="file to write (default: a name made from the ids, here)")
    common.add_corpus_options(p)
    p.add_argument("--json", action="store_true", help="print a JSON summary of what was written")


def _side_ids() -> str:
    """The default corpus' pole ids, for --help (read from its manifest alone)."""
    orientation = read_orientation(default_corpus_path())
    if orientation is None:
        return "see the corpus' corpus.yaml"
    low, high = stance.side_names(orientation)
    return f"{low}, {high} in the default corpus"


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "brief",
        help="a debate brief for one side of a motion",
        description="A debate brief: the side's case with evidence cards, the attacks to "
        "expect and answers, figures, questions and common ground, with a sources list.",
    )
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("--motion", help="a curated motion id")
    which.add_argument("--topic", help="a topic id, for a motion of your own")
    p.add_argument(
        "--side",
        help="with --motion: proposition (default) or opposition; with --topic: the end of the "
        f"axis the brief argues for: one of the corpus' orientation pole ids ({_side_ids()}) "
        "or low / high",
    )
    p.add_argument("--text", help="with --topic: the motion's wording")
    _common(p)
    p.set_defaults(func=cmd_brief)

    p = sub.add_parser("handout", help="a seminar handout, one page per topic")
    p.add_argument("--topics", required=True, help="topic ids, comma-separated")
    _common(p)
    p.set_defaults(func=cmd_handout)

    p = sub.add_parser("guide", help="a reading guide for one document")
    p.add_argument("--doc", required=True, help="a document id")
    _common(p)
    p.set_defaults(func=cmd_guide)
