"""The explorer pages (compare, matrix, voices) on the default corpus, driven by AppTest."""

from __future__ import annotations

from urllib.parse import parse_qs

import pytest
from streamlit.testing.v1 import AppTest

from perspectives.corpus import default_corpus_path, load_corpus
from perspectives.views import agreement, compare, matrix
from tests.apptest import open_page, paragraphs


@pytest.fixture(scope="module")
def corpus():
    return load_corpus(default_corpus_path())


def plain(text: str) -> str:
    """Markdown as shown: without the escapes that `st_escape()` adds."""
    return text.replace("\\", "")


def card_names(at: AppTest) -> list[str]:
    return [plain(s.value) for s in at.subheader]


def silent_line(at: AppTest, label: str = "**Silent on this topic:**") -> str:
    (line,) = [plain(m.value) for m in at.markdown if plain(m.value).startswith(label)]
    return line.removeprefix(label).strip()


def page_links(at: AppTest) -> list:
    return [link.proto for link in at.get("page_link")]


def expected_names(corpus, topic_id: str, voice_ids=None) -> list[str]:
    return [
        corpus.voice(p.voice).name for p in compare.ordered_positions(corpus, topic_id, voice_ids)
    ]


@pytest.mark.parametrize("page", [None, "compare", "matrix", "voices"])
def test_each_explorer_page_renders_on_the_default_corpus(page):
    at = open_page(page)
    assert not at.warning
    assert at.get("download_button"), "every page offers the table behind it"
    assert at.get("popover"), "a copy-link popover"
    assert [c.value for c in at.code if c.value.startswith("/")], "the link to copy"


def test_the_default_page_shows_the_first_topic_with_its_cards(corpus):
    at = open_page()
    first = corpus.topics[0]
    assert at.header[0].value == first.question
    assert card_names(at) == expected_names(corpus, first.id)
    assert at.query_params["topic"] == first.id


def test_picking_a_topic_shows_its_voices_from_the_low_pole_to_the_high(corpus):
    at = open_page(topic="technology-and-control")
    at.selectbox(key="compare-topic").set_value("social-credit").run()
    names = card_names(at)
    assert names == expected_names(corpus, "social-credit")
    assert set(names[:2]) == {"Viola Rothschild", "John Dobson"}  # both at -2
    assert names[-1] == "Bing Song"  # the one voice at +2
    assert at.query_params["topic"] == "social-credit"  # the url follows the widget


def test_a_deep_link_reproduces_the_view(corpus):
    at = open_page(topic="law-and-rights")
    assert at.selectbox(key="compare-topic").value == "law-and-rights"
    assert at.header[0].value == corpus.topic("law-and-rights").question
    assert card_names(at) == expected_names(corpus, "law-and-rights")
    assert card_names(at)[-1] == "Bing Song"
    quotes = [text for text in paragraphs(at) if text.startswith("> ")]
    wanted = [
        e.text for p in compare.ordered_positions(corpus, "law-and-rights") for e in p.evidence
    ]
    assert len(quotes) == len(wanted)


def test_the_silent_list_names_every_silent_voice(corpus):
    at = open_page(topic="social-credit")
    silent = [v.name for v in compare.silent_voices(corpus, "social-credit")]
    assert silent and silent_line(at) == ", ".join(silent)
    assert "Bing Song" not in silent_line(at)


def test_quotes_open_the_reader_at_their_paragraph(corpus):
    at = open_page(topic="social-credit")
    context = [link for link in page_links(at) if link.label.startswith("Show in context")]
    evidence = [e for p in compare.ordered_positions(corpus, "social-credit") for e in p.evidence]
    assert len(context) == len(evidence)
    for link, quote in zip(context, evidence, strict=True):
        assert link.page == "documents"
        assert parse_qs(link.query_string) == {
            "doc": [quote.document_id],
            "p": [str(quote.paragraph)],
        }


def test_answers_link_to_the_exchange_side_by_side():
    at = open_page(topic="social-credit")
    exchanges = [link for link in page_links(at) if link.page == "compare"]
    queries = [parse_qs(link.query_string) for link in exchanges]
    assert {"topic": ["social-credit"], "voices": ["bing-song,viola-rothschild"]} in queries


def test_filters_by_voice_and_camp_narrow_the_cards(corpus):
    at = open_page(topic="social-credit", voices="bing-song,viola-rothschild,pony-ma")
    assert card_names(at) == ["Viola Rothschild", "Bing Song"]
    assert silent_line(at) == "Pony Ma"
    at = open_page(topic="social-credit", camp="responsive-authoritarianism")
    camp_voices = [v.id for v in corpus.voices_in_camp("responsive-authoritarianism")]
    assert card_names(at) == expected_names(corpus, "social-credit", camp_voices)
    assert card_names(at) == ["Nathan Gardels", "Bing Song"]
    assert at.query_params["camp"] == "responsive-authoritarianism"


@pytest.mark.parametrize(
    ("params", "bad"),
    [
        ({"topic": "no-such-topic"}, "no-such-topic"),
        ({"topic": "social-credit", "voices": "bing-song,nobody"}, "nobody"),
        ({"topic": "social-credit", "camp": "no-camp"}, "no-camp"),
        ({"view": "sideways"}, "sideways"),
    ],
)
def test_unknown_ids_in_the_query_warn_and_fall_back(corpus, params, bad):
    at = open_page(**params)
    assert len(at.warning) == 1 and bad in plain(at.warning[0].value)
    assert card_names(at), "a default view is shown"
    assert bad not in str(dict(at.query_params))  # the url no longer carries it


def test_an_unknown_topic_falls_back_to_the_first(corpus):
    at = open_page(topic="no-such-topic")
    assert at.selectbox(key="compare-topic").value == corpus.topics[0].id
    assert at.query_params["topic"] == corpus.topics[0].id


def test_head_to_head_from_the_query_shows_the_chosen_voices_topic_by_topic(corpus):
    chosen = ["bing-song", "viola-rothschild", "the-bl"]
    at = open_page(view="head-to-head", voices=",".join(chosen))
    assert at.multiselect(key="compare-h2h").value == chosen
    rows = compare.head_to_head(corpus, chosen)
    assert card_names(at) == [corpus.topic(t).label for t, _ in rows]
    names = [plain(m.value) for m in at.markdown if m.value.startswith("**")]
    for voice_id in chosen:
        assert sum(m.startswith(f"**{corpus.voice(voice_id).name}**") for m in names) > len(rows)
    silent_cells = [m.value for m in at.markdown if m.value.startswith(":gray[silent")]
    assert len(silent_cells) == sum(cell is None for _, cells in rows for cell in cells)
    assert at.query_params["view"] == "head-to-head"


def test_head_to_head_keeps_at_most_four_voices_and_defaults_to_a_pair(corpus):
    five = "bing-song,viola-rothschild,the-bl,jianli-yang,pony-ma"
    at = open_page(view="head-to-head", voices=five)
    assert len(at.multiselect(key="compare-h2h").value) == 4
    assert any("at most four" in w.value for w in at.warning)
    at = open_page(view="head-to-head")
    farthest = agreement.farthest_pairs(corpus, limit=1)[0]
    assert at.multiselect(key="compare-h2h").value == [farthest.voice_a, farthest.voice_b]


def test_switching_views_keeps_the_topic():
    at = open_page(topic="covid-19")
    at.button_group(key="compare-view").set_value("Head to head").run()
    assert at.query_params["view"] == "head-to-head"
    at.button_group(key="compare-view").set_value("Topic view").run()
    assert at.selectbox(key="compare-topic").value == "covid-19"
    assert at.query_params["topic"] == "covid-19"


def test_voices_page_shows_role_positions_and_silent_topics(corpus):
    at = open_page("voices", voice="bing-song")
    voice = corpus.voice("bing-song")
    assert at.header[0].value == "Bing Song"
    markdown = [plain(text) for text in paragraphs(at)]
    assert f"**Role:** {voice.role}" in markdown
    spoken = {p.topic for p in corpus.positions_for_voice("bing-song")}
    order = [t.label for t in corpus.topics if t.id in spoken]
    assert [s for s in card_names(at) if s in order] == order
    silent = [t.label for t in corpus.topics if t.id not in spoken]
    assert silent_line(at, "**Silent on:**") == ", ".join(silent)
    assert "Nearest" in card_names(at)


def test_voices_page_links_to_nearest_and_farthest_with_shared_counts(corpus):
    at = open_page("voices", voice="bing-song")
    links = [link for link in page_links(at) if link.page == "voices"]
    assert links and all("shared topic" in link.label for link in links)
    nearest = agreement.neighbours(corpus, "bing-song", min_shared=2)[0]
    assert parse_qs(links[0].query_string) == {"voice": [nearest.voice_b]}


def test_voices_page_warns_on_an_unknown_voice(corpus):
    at = open_page("voices", voice="nobody")
    assert "nobody" in plain(at.warning[0].value)
    assert at.header[0].value == corpus.voices[0].name


def test_matrix_selection_by_selectboxes_shows_the_position(corpus):
    at = open_page("matrix")
    assert "Click a cell of the matrix" in " ".join(c.value for c in at.caption)
    at.selectbox(key="matrix-topic").set_value("law-and-rights")
    at.selectbox(key="matrix-voice").set_value("bing-song").run()
    assert "Bing Song" in card_names(at)
    summary = corpus.position("bing-song", "law-and-rights").summary
    assert any(plain(text) == summary for text in paragraphs(at))
    assert at.query_params["topic"] == "law-and-rights"
    assert at.query_params["voice"] == "bing-song"
    at.selectbox(key="matrix-voice").set_value("pony-ma").run()
    assert "silent" in at.info[0].value
    assert "Pony Ma" not in card_names(at)


def test_matrix_deep_link_selects_the_cell_and_ranks_topics(corpus):
    at = open_page("matrix", topic="social-credit", voice="viola-rothschild")
    assert "Viola Rothschild" in card_names(at)
    divided = at.dataframe[0].value  # the two ends of each ranking (the download holds all)
    top, bottom = matrix.topic_ends(corpus, 5)
    assert list(divided["topic_id"]) == [s.topic_id for s in top]
    assert list(divided["topic_id"]) == [s.topic_id for s in matrix.most_divided(corpus)][:5]
    agreeing = at.dataframe[1].value
    assert list(agreeing["topic_id"]) == [s.topic_id for s in bottom]
    closest = at.dataframe[2].value
    assert list(closest["shared_topics"]) == [r.shared for r in agreement.closest_pairs(corpus)]
