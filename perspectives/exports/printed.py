"""One entry point for printable exports (briefs, handouts, reading guides) in Markdown, DOCX
and PDF, and the fixed phrases every renderer shares so the three formats say the same thing.

    export = brief_export(corpus, corpus.motion("economic-nato"), "opposition", "pdf")
    write_atomic(export.filename, export.data)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from perspectives import stance
from perspectives.corpus.entities import Motion
from perspectives.corpus.model import Corpus

FORMATS = {
    "md": "text/markdown",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}
NOTHING_INVENTED = (
    "Every sentence of this brief is a curated summary from the corpus or a fixed template "
    "around one; every quote is verbatim, with its source."
)
COMMON_GROUND_NOTE = (
    "The corpus records no concessions as such. Listed here are the positions that take no "
    "side, are balanced (0) or hold both readings (mixed), and the voices silent on the topic."
)
ANSWER_LINKS = {
    "explicit": "Linked in the corpus",
    "stance": "Opposite stance, not linked",
}


def brief_title(brief) -> str:
    return f"Debate brief for the {brief.side}: {brief.topic_label}"


def side_line(brief) -> str:
    end = stance.end_sign(brief.pole)
    return (
        f"Our side: the {brief.side}, defending “{brief.pole_label}” (the {end} end of the "
        f"axis: {brief.orientation_label}); the other side defends “{brief.other_pole_label}”."
    )


def answer_text(brief, answer) -> str:
    """An answer's summary, or a pointer to the line of our case that already gives it."""
    for number, line in enumerate(brief.lines, 1):
        if any(a.position_id == answer.argument.position_id for a in line.arguments):
            return f"see our case, line {number}."
    return answer.argument.summary


@dataclass(frozen=True)
class Export:
    filename: str
    data: bytes
    mime: str
    counts: dict[str, int] = field(default_factory=dict)

    def summary(self, path: str) -> dict:
        return {"path": path, "bytes": len(self.data), "mime": self.mime, "counts": self.counts}


def _render(document, kind: str, fmt: str) -> bytes:
    if fmt == "md":
        from perspectives.exports import markdown as render_md

        return getattr(render_md, f"{kind}_md")(document).encode("utf-8")
    if fmt == "docx":
        from perspectives.exports import word as render_docx

        return getattr(render_docx, f"{kind}_docx")(document)
    if fmt == "pdf":
        from perspectives.exports import pdf as render_pdf

        return getattr(render_pdf, f"{kind}_pdf")(document)
    raise ValueError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")


def brief_name(motion: Motion, side: str, custom: bool) -> str:
    if custom:
        return f"brief-{motion.topic}-{motion.proposition}-custom-{side}"
    return f"brief-{motion.id}-{side}"


def brief_export(corpus: Corpus, motion: Motion, side: str, fmt: str) -> Export:
    from perspectives.teaching.brief import build_brief

    brief = build_brief(corpus, motion, side)
    name = brief_name(motion, side, brief.motion_id is None)
    return Export(f"{name}.{fmt}", _render(brief, "brief", fmt), FORMATS[fmt], brief.counts())


def handout_name(topic_ids: Sequence[str]) -> str:
    ids = list(dict.fromkeys(topic_ids))
    return "handout-" + ("-".join(ids) if len(ids) <= 3 else f"{len(ids)}-topics")


def handout_export(corpus: Corpus, topic_ids: Sequence[str], fmt: str) -> Export:
    from perspectives.teaching.handout import build_handout, default_chart

    handout = build_handout(corpus, topic_ids, chart=None if fmt == "md" else default_chart)
    data = _render(handout, "handout", fmt)
    return Export(f"{handout_name(topic_ids)}.{fmt}", data, FORMATS[fmt], handout.counts())


def guide_export(corpus: Corpus, document_id: str, fmt: str) -> Export:
    from perspectives.teaching.guide import build_guide

    guide = build_guide(corpus, document_id)
    data = _render(guide, "guide", fmt)
    return Export(f"guide-{document_id}.{fmt}", data, FORMATS[fmt], guide.counts())
