"""App tests of the reader, search and timeline pages (streamlit.testing AppTest)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from perspectives.corpus import default_corpus_path, load_corpus
from perspectives.views.search_examples import example_queries
from tests.apptest import open_page

ROOT = Path(__file__).resolve().parents[1]
PAGES = "perspectives/ui/pages"
DOCUMENTS, SEARCH, TIMELINE = (f"{PAGES}/{name}.py" for name in ("documents", "search", "timeline"))
UNESCAPED = re.compile(r"(?<!\\)[<\[]")  # a "<" or "[" that markdown would read as markup


def texts(elements) -> list[str]:
    return [element.value for element in elements]


@pytest.fixture(scope="module")
def corpus():
    return load_corpus(ROOT / "data")


def test_documents_page_renders_every_document(corpus):
    for document in corpus.documents:
        at = open_page(DOCUMENTS, doc=document.id)
        assert at.selectbox[0].value == document.id
        assert at.query_params["doc"] == document.id
        numbered = [m for m in texts(at.markdown) if m.startswith(":gray[**")]
        assert len(numbered) == len(document.paragraphs)
        assert not at.warning
        assert not any("Opened from a quote" in c for c in texts(at.caption))


def test_deep_link_to_a_paragraph_marks_it(corpus):
    at = open_page(DOCUMENTS, doc="gardels-2018", p="4")
    assert texts(at.caption).count(":material/my_location: Opened from a quote: paragraph 4") == 1
    assert at.query_params == {"doc": "gardels-2018", "p": "4"}
    # the marked caption sits in paragraph 4's container, right above its text
    markdown = texts(at.markdown)
    assert any(m.startswith(":gray[**4**]") and "phantom democracy" in m for m in markdown)


def test_seed_alias_opens_the_document_and_canonicalises_the_link():
    at = open_page(DOCUMENTS, doc="003", p="2")
    assert at.selectbox[0].value == "gardels-2018"
    assert at.query_params == {"doc": "gardels-2018", "p": "2"}
    assert "Opened from a quote: paragraph 2" in " ".join(texts(at.caption))


def test_evidence_is_highlighted_with_what_it_supports():
    at = open_page(DOCUMENTS, doc="gardels-2018")
    markdown = " ".join(texts(at.markdown))
    assert ":orange-background[a more appropriate term to describe the initiative" in markdown
    captions = texts(at.caption)
    assert any("supports **Bing Song** on **Social credit**" in c for c in captions)
    assert any(":material/bar_chart: Figure: **751 million**" in c for c in captions)
    assert ":blue-badge[Social credit]" in markdown
    compare = {(link.proto.page, link.proto.query_string) for link in at.get("page_link")}
    assert ("compare", "topic=social-credit") in compare  # its own url path, never the bare root


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"doc": "nosuchdoc"}, "There is no document “nosuchdoc”"),
        ({"doc": "gardels-2018", "p": "999"}, "Paragraph 999 does not exist"),
        ({"doc": "gardels-2018", "p": "x"}, "is not a paragraph number"),
    ],
)
def test_bad_document_links_warn_without_failing(params, message):
    at = open_page(DOCUMENTS, **params)
    assert any(message in w for w in texts(at.warning)), texts(at.warning)
    assert at.title or at.header  # the page still shows a document


def test_search_finds_a_phrase_and_links_to_the_reader():
    at = open_page(SEARCH, q='"phantom democracy"')
    assert at.text_input[0].value == '"phantom democracy"'
    snippets = [m for m in texts(at.markdown) if "**phantom democracy**" in m]
    assert snippets, texts(at.markdown)
    titles = [m for m in texts(at.markdown) if "This paradox explains" in m]
    assert titles and "paragraph 4" in titles[0]
    assert "1 paragraph, best match first" in " ".join(texts(at.caption))
    (link,) = at.main.get("page_link")  # the sidebar has its own
    assert (link.proto.page, link.proto.query_string) == ("documents", "doc=gardels-2018&p=4")


def test_search_for_a_word_that_is_nowhere_says_so():
    at = open_page(SEARCH, q="xylophonezz")
    assert any("No paragraph matches" in i for i in texts(at.info))
    assert not [m for m in texts(at.markdown) if "xylophonezz**" in m]


def test_invalid_query_warns_with_the_reason():
    at = open_page(SEARCH, q='"phantom democracy')
    assert any("could not be read" in w for w in texts(at.warning))


def test_empty_query_shows_examples_made_from_the_corpus():
    at = open_page(SEARCH)
    examples = example_queries(load_corpus(default_corpus_path())).all()
    assert len(examples) == 4
    shown = [i for i in texts(at.info) if "Examples from these texts" in i]
    assert shown and all(f"`{query}`" in shown[0] for query, _ in examples)
    assert any(" OR " in query for query, _ in examples)


def test_search_filters_come_from_the_link_and_unknown_ones_warn():
    at = open_page(SEARCH, q="social credit", voice="bing-song", topic="nope")
    assert at.selectbox[1].value == "bing-song"
    assert at.selectbox[2].value is None
    assert any("no topic “nope”" in w for w in texts(at.warning))
    assert "topic" not in at.query_params
    whose = [c for c in texts(at.caption) if c.startswith("Whose words: ")]
    assert whose and all("Bing Song" in c for c in whose)


def test_each_search_hit_says_whose_words_it_matched():
    at = open_page(SEARCH, q='"phantom democracy"')
    assert [c for c in texts(at.caption) if c.startswith("Whose words")] == [
        "Whose words: John Keane \\(evidence\\)"  # as escaped for Markdown
    ]
    at = open_page(SEARCH, q='"phantom democracy"', voice="bing-song")
    assert any("No paragraph matches" in i for i in texts(at.info))


def test_search_topic_filter_narrows_hits():
    broad = open_page(SEARCH, q="democracy")
    narrow = open_page(SEARCH, q="democracy", topic="tiananmen-legacy")
    count = re.compile(r"(\d+) paragraphs?\b")

    def hits(at):
        return int(next(m for c in texts(at.caption) if (m := count.search(c))).group(1))

    assert 0 < hits(narrow) < hits(broad)


def test_timeline_renders_the_chart_and_the_events_table():
    at = open_page(TIMELINE)
    events = at.table[0].value  # a table that wraps: no column is cut (issue 11.4)
    assert {"Date", "Event", "Mentioned in", "Topics"} <= set(events.columns)
    assert "4 June 1989" in set(events["Date"])
    assert len(at.get("vega_lite_chart")) == 2  # the documents, and the events labelled


def test_timeline_topic_filter_from_the_link():
    at = open_page(TIMELINE, topic="covid-19")
    assert at.selectbox[0].value == "covid-19"
    events = at.table[0].value
    assert len(events) > 0 and all("Covid" in t for t in events["Topics"])


def test_document_text_is_rendered_literally(monkeypatch, hostile_corpus_dir):
    monkeypatch.setenv("PERSPECTIVES_CORPUS", str(hostile_corpus_dir))
    at = open_page(DOCUMENTS, doc="trust-essay", p="7")
    sources = texts(at.markdown) + texts(at.caption) + texts(at.title) + texts(at.header)
    hostile = [s for s in sources if "script" in s or "javascript" in s]
    assert any("\\<script\\>alert\\(1\\)\\</script\\>" in s for s in hostile), hostile
    assert any("\\*\\*bold\\*\\*" in s for s in hostile)
    # the quote inside the highlight directive is escaped too
    assert any(":orange-background[\\[link\\]\\(javascript\\:alert\\(1\\)\\)" in s for s in hostile)
    for source in hostile:
        body = source.replace(":orange-background[", "").replace(":orange-badge[", "")
        body = body.replace(":gray[", "").replace(":material/my_location:", "")
        assert not UNESCAPED.search(body), source
    title = texts(at.header)[0]
    assert "\\*\\*Trust\\*\\*" in title and "\\<b\\>" in title


def test_render_times_are_small():
    """Not a benchmark: a guard against a page that recomputes everything on every run."""
    times = {
        page: min(open_page(page, **params).render_seconds for _ in range(2))
        for page, params in (
            (DOCUMENTS, {"doc": "the-bl-2022"}),
            (SEARCH, {"q": "democracy"}),
            (TIMELINE, {}),
        )
    }
    assert all(seconds < 5 for seconds in times.values()), times
