"""Full-text search (`/search?q=...&doc=ID&voice=ID&topic=ID`): ranked paragraphs with the
matched words in bold, each opening the reader at that paragraph."""

import streamlit as st

from perspectives.markup import st_escape
from perspectives.ui import cache, links, reading, urlstate, widgets
from perspectives.ui.state import corpus_or_stop
from perspectives.views.search import Filters, claims_in, hits_table
from perspectives.views.search_index import SearchError
from perspectives.views.speakers import describe
from perspectives.wording import counted

LIMIT = 50

corpus = corpus_or_stop()
widgets.sidebar(corpus)
st.title("Search", anchor=False)

asked = Filters(links.param("doc"), links.param("voice"), links.param("topic"))
for message in asked.unknown(corpus):
    st.warning(st_escape(message))
asked = asked.known(corpus)
changed = urlstate.url_changed("search")
urlstate.seed("search-q", links.param("q", ""), changed)
urlstate.seed("search-doc", asked.document, changed)
urlstate.seed("search-voice", asked.voice, changed)
urlstate.seed("search-topic", asked.topic, changed)

examples = cache.search_examples(corpus)
placeholder = f"e.g. {examples.phrase or examples.word}" if examples.all() else ""
query = st.text_input("Search all paragraphs", key="search-q", placeholder=placeholder).strip()
left, middle, right = st.columns(3)
names = {
    "doc": {d.id: d.title for d in corpus.documents},
    "voice": {v.id: v.name for v in corpus.voices},
    "topic": {t.id: t.label for t in corpus.topics},
}
filters = Filters(
    document=left.selectbox(
        "Document",
        list(names["doc"]),
        format_func=lambda key: names["doc"].get(key, key),
        key="search-doc",
        index=None,
        placeholder="All documents",
    ),
    voice=middle.selectbox(
        "Voice",
        list(names["voice"]),
        format_func=lambda key: names["voice"].get(key, key),
        key="search-voice",
        index=None,
        placeholder="All voices",
        help="Only the voice's own words: its evidence quotes, and the prose of documents it "
        "is the author of (not the other voices' sentences in them).",
    ),
    topic=right.selectbox(
        "Topic",
        list(names["topic"]),
        format_func=lambda key: names["topic"].get(key, key),
        key="search-topic",
        index=None,
        placeholder="All topics",
        help="Only paragraphs holding evidence (a position's quote or a figure) on the topic.",
    ),
)
params = {"q": query, "doc": filters.document, "voice": filters.voice, "topic": filters.topic}
links.set_params(**params)
urlstate.remember("search")


def share(results=None) -> None:
    """The hits as CSV and JSON (once there are any to download) and the link to this search."""
    st.subheader("Download and share", anchor=False)
    if results is None:
        st.caption("Nothing to download until a search is run; the link keeps the filters.")
    else:
        widgets.download_table(hits_table(corpus, results), "search-hits")
    links.copy_link("search", **params)


if not query:
    shown = ", ".join(f"`{query}` ({what})" for query, what in examples.all())
    st.info(
        "Type a word or a phrase and press Enter. All words must occur; put a phrase in "
        "double quotes, join alternatives with OR, end a prefix with *, exclude with NOT."
        + (f" Examples from these texts: {shown}." if shown else "")
    )
    share()
    st.stop()
try:
    results = cache.search_results(corpus, query, filters, LIMIT)
except SearchError as error:
    st.warning(st_escape(str(error)))
    share()
    st.stop()
if not results:
    st.info(
        f"No paragraph matches “{st_escape(query)}” with these filters. Try fewer words, a "
        f"prefix like `{examples.prefix or 'word*'}`, or clear a filter."
    )
else:
    shown = "" if len(results) < LIMIT else f" (the first {LIMIT})"
    st.caption(f"{counted(len(results), 'paragraph')}{shown}, best match first.")
for rank, result in enumerate(results, 1):
    hit, document = result.hit, corpus.document(result.hit.document_id)
    with st.container(border=True, key=f"hit-{rank}"):
        st.markdown(f"**{st_escape(document.title)}** · paragraph {hit.paragraph}")
        st.markdown(reading.hit_markdown(hit.segments))
        st.caption(f"Whose words: {st_escape(describe(corpus, result.speakers))}")
        cited = claims_in(corpus, document.id, hit.paragraph)
        if cited:
            st.caption("  \n".join(reading.claim_note(corpus, claim_id) for claim_id in cited))
        links.page_link(
            links.DOCUMENTS,
            "Read in context",
            icon=":material/article:",
            doc=document.id,
            p=hit.paragraph,
        )

share(results)
