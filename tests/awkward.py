"""A corpus holding every kind of awkward character in its text fields, built in memory (the
loader refuses control characters, so only a corpus made in code can hold them): what the
exports and charts must survive, whatever the loader lets through in future."""

from __future__ import annotations

from pathlib import Path

from perspectives.corpus import load_corpus
from perspectives.corpus.model import Corpus

RENT = Path(__file__).resolve().parent / "corpora" / "rent-control"

# C0 controls (NUL, SOH, vertical tab, form feed, escape, unit separator), DEL, C1 (NEL, APC),
# a carriage return, non-characters, a right-to-left override and a zero-width space, emoji,
# markup and a spreadsheet formula.
CONTROLS = "\x00\x01\x0b\x0c\x1b\x1f\x7f\x85\x9f\r\ufffe\uffff\ufdd0\U0010ffff"
MARKUP = ' <script>alert(1)</script> **b** [x](javascript:alert(1)) \u202e\u200b 😀 "q" &amp;'
FORMULA = '=HYPERLINK("http://x")'
LONE_SURROGATE = "\ud800"  # a YAML "\ud800" escape makes one; pandas and UTF-8 refuse it


def awkward_corpus(extra: str = "", corpus: Corpus | None = None) -> Corpus:
    """The second corpus with `CONTROLS + MARKUP + extra` in every name, label, summary, title
    and motion, and `FORMULA` starting each summary."""
    c = corpus or load_corpus(RENT)
    awk = CONTROLS + MARKUP + extra

    def up(model, **changes):
        return model.model_copy(update=changes)

    fields = {name: getattr(c, name) for name in Corpus.model_fields}
    fields["name"] = c.name + awk
    fields["voices"] = tuple(up(v, name=v.name + awk, role=awk, affiliation=awk) for v in c.voices)
    fields["camps"] = tuple(up(x, name=x.name + awk, description=awk) for x in c.camps)
    fields["topics"] = tuple(
        up(
            t,
            label=t.label + awk,
            question=t.question + awk,
            description=awk,
            poles=up(t.poles, low=t.poles.low + awk, high=t.poles.high + awk),
        )
        for t in c.topics
    )
    fields["positions"] = tuple(up(p, summary=FORMULA + p.summary + awk) for p in c.positions)
    fields["motions"] = tuple(up(m, text=m.text + awk) for m in c.motions)
    fields["claims"] = tuple(up(x, figure=FORMULA + awk, about=awk) for x in c.claims)
    fields["guides"] = tuple(up(g, thesis=g.thesis + awk) for g in c.guides)
    fields["documents"] = tuple(
        up(d, title=d.title + awk, outlet=awk, genre=awk) for d in c.documents
    )
    orientation = c.orientation
    fields["orientation"] = up(
        orientation,
        low=up(orientation.low, label=orientation.low.label + awk),
        high=up(orientation.high, label=orientation.high.label + awk),
    )
    return Corpus(**fields)
