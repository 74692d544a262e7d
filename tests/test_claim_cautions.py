"""Figures and claims (issue 9): only a quantity is labelled "Figure"; a claim's `caution` is
shown wherever the claim is (reader, search hits, brief on screen and in every export, the
claims table)."""

from __future__ import annotations

import io
import re
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

from perspectives.corpus import default_corpus_path, load_corpus
from perspectives.corpus.entities import holds_number
from perspectives.exports.layout import brief_layout
from perspectives.exports.markdown import write_markdown
from perspectives.exports.pdf import write_pdf
from perspectives.exports.word import write_docx
from perspectives.teaching.brief import build_brief, custom_motion
from perspectives.views.tables import claims_table
from tests.apptest import open_page
from tests.loader_helpers import CLAIMS, only_problem

RENT = Path(__file__).parent / "corpora" / "rent-control"
MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
DATE = re.compile(rf"\b(?:\d{{1,2}} )?(?:{MONTHS})?,? ?\b(?:1[89]|20)\d\d(?:s|-\d{{4}})?\b")

# The cautions issue 9 asks for: claim id -> words the caution must hold.
REQUIRED = {
    "the-bl-tiananmen-10000": ("informant", "cable", "scholars"),
    "the-bl-black-book-65-million": ("disputed", "co-authors"),
    "the-bl-tuidang-394-million": ("Self-reported",),
    "the-bl-rightists-10-percent": ("Garbled",),
    "yang-white-paper-movement": ("2005", "2012"),
    "the-bl-tibet-1-2-million": ("government-in-exile",),
    "dobson-senate-report-biometrics": ("minority staff report", "21 July 2020"),
    "dobson-senate-report-xinjiang": ("minority staff report", "21 July 2020"),
    "dobson-wechat-foreign-accounts": ("Citizen Lab", "We Chat, They Watch", "7 May 2020"),
    "the-bl-deng-1974-un": ("Vice-Premier", "overthrow it"),
}


@pytest.fixture(scope="module")
def corpus():
    return load_corpus(default_corpus_path())


def test_number_words_and_digits():
    assert holds_number("751 million") and holds_number("several hundred thousand deaths")
    assert holds_number("many thousands of deaths") and holds_number("95%")
    assert not holds_number("Great Firewall of censorship")


@pytest.mark.parametrize("path", [default_corpus_path(), RENT], ids=["default", "rent-control"])
def test_every_figure_is_a_quantity_not_a_date(path):
    loaded = load_corpus(path)
    figures = [c for c in loaded.claims if c.kind == "figure"]
    assert figures
    for claim in figures:
        assert holds_number(DATE.sub("", claim.figure)), (claim.id, claim.figure)
        assert claim.label == "Figure"
    for claim in loaded.claims:
        if claim.kind == "claim":
            assert claim.label == "Claim"


def test_a_figure_with_no_number_is_refused(corpus_files, write_corpus):
    corpus_files[CLAIMS][0].update(figure="a national plan", kind="figure")
    only_problem(write_corpus(corpus_files), CLAIMS, "plan-2014", "holds no number")


def test_kind_left_out_follows_the_text(corpus_files, write_corpus):
    corpus_files[CLAIMS][0].update(figure="a national plan")
    small = load_corpus(write_corpus(corpus_files))
    assert small.claims[0].kind == "claim"


def test_the_issue_cautions_are_written(corpus):
    for claim_id, words in REQUIRED.items():
        caution = corpus.claim(claim_id).caution
        for word in words:
            assert word in caution, (claim_id, word)
    assert corpus.claim("the-bl-deng-1974-un").kind == "claim"
    assert corpus.claim("yang-white-paper-movement").kind == "claim"


def test_claims_table_carries_kind_and_caution(corpus):
    table = claims_table(corpus).set_index("claim_id")
    assert (
        table.loc["the-bl-tiananmen-10000", "caution"]
        == corpus.claim("the-bl-tiananmen-10000").caution
    )
    assert table.loc["the-bl-national-security-law", "kind"] == "claim"


def test_brief_shows_the_caution_on_screen_and_in_every_export(corpus):
    brief = build_brief(corpus, custom_motion(corpus, "tiananmen-legacy", "low"), "proposition")
    figure = next(f for f in brief.figures if f.claim_id == "the-bl-tiananmen-10000")
    assert figure.caution == corpus.claim("the-bl-tiananmen-10000").caution
    layout = brief_layout(brief)
    text = write_markdown(layout)
    assert "3. Figures and claims worth citing" in text
    assert "*Caution:* One informant" in text
    words = " ".join(p.text for p in docx.Document(io.BytesIO(write_docx(layout))).paragraphs)
    assert "Caution: One informant" in words
    pdf = PdfReader(io.BytesIO(write_pdf(layout)))
    printed = " ".join(page.extract_text() for page in pdf.pages)
    assert "Caution:" in printed and "informant" in printed


def test_reader_shows_label_and_caution():
    at = open_page("documents", doc="the-bl-2022")
    captions = "\n".join(c.value for c in at.caption)
    assert "Figure: **at least 10,000 civilians killed**" in captions
    assert ":orange[Caution:] One informant" in captions
    assert "Claim: **National Security Law, June 2020**" in captions
    assert "Figure: **National Security Law" not in captions


def test_search_hit_shows_the_claim_with_its_caution():
    at = open_page("search", q="minimum estimate")
    captions = "\n".join(c.value for c in at.caption)
    assert "Figure: **at least 10,000 civilians killed**" in captions
    assert "Caution:" in captions
