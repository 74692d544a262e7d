"""Find passages (`/passages?topic=ID&doc=ID`): a document's paragraphs ranked by how much
they bear on a topic, the sentences to quote highlighted, a stance hint from the nearest
placed quotes, and "Use as evidence" to save those sentences as a quote of a voice's position
(in a workspace: `ui/evidenceview.py`)."""

import pandas as pd
import streamlit as st

from perspectives import stance
from perspectives.markup import st_escape
from perspectives.ui import active, cache, evidenceview, links, urlstate, widgets
from perspectives.ui.state import corpus_or_stop
from perspectives.workspace.suggest.passages import Passage, passages_table

SHOWN = {"5": 5, "10": 10, "20": 20, "all": 0}

corpus = corpus_or_stop()
widgets.sidebar(corpus)
st.title("Find passages", anchor=False)
st.caption(
    "Pick a topic and a document: its paragraphs come ranked by how much they bear on the "
    "topic, the sentences to quote highlighted. The document's own quotes are left out of the "
    "ranking, so it is ranked as if new."
)
if not corpus.topics or not corpus.documents:
    evidenceview.nothing_to_rank(corpus, active.current_name())
    st.stop()

topics = {t.id: t.label for t in corpus.topics}
titles = {d.id: d.title for d in corpus.documents}
asked_topic, asked_doc = links.param("topic"), links.param("doc")
for kind, asked, known in (("topic", asked_topic, topics), ("document", asked_doc, titles)):
    if asked and asked not in known:
        st.warning(f"There is no {kind} “{st_escape(asked)}” in this corpus.")
changed = urlstate.url_changed("passages")
urlstate.seed("passages-topic", asked_topic if asked_topic in topics else None, changed)
urlstate.seed("passages-doc", asked_doc if asked_doc in titles else None, changed)
urlstate.seed("passages-n", links.param("n", "5") if links.param("n") in SHOWN else "5", changed)

left, middle, right = st.columns([3, 3, 1])
topic_id = left.selectbox(
    "Topic",
    list(topics),
    format_func=topics.__getitem__,
    key="passages-topic",
    index=None,
    placeholder="Choose a topic",
)
doc_id = middle.selectbox(
    "Document",
    list(titles),
    format_func=titles.__getitem__,
    key="passages-doc",
    index=None,
    placeholder="Choose a document",
)
shown = right.selectbox("Show", list(SHOWN), key="passages-n", help="How many paragraphs")
workspace = active.current_name()
links.set_params(topic=topic_id, doc=doc_id, n=None if shown == "5" else shown)
urlstate.remember("passages")

share = {"topic": topic_id, "doc": doc_id, "n": None if shown == "5" else shown}
if topic_id is None or doc_id is None:
    st.info("Choose a topic and a document to see the paragraphs that bear on it.")
    st.caption("Nothing to download until a topic and a document are chosen.")
    links.copy_link("passages", **share)
    st.stop()

topic, document = corpus.topic(topic_id), corpus.document(doc_id)
base = active.active_head() if workspace else None
evidenceview.saved_notice(corpus)
if workspace is None:
    evidenceview.default_corpus_note()
found = cache.passages(corpus, doc_id, topic_id, SHOWN[shown] or len(document.paragraphs))
if not found.semantic:
    st.info(
        "Only the lexical ranking is available (shared words, BM25): "
        f"{st_escape(found.status)}. Passages that say the same in other words may rank low.",
        icon=":material/info:",
    )
st.markdown(
    f"**{st_escape(topic.question)}**  \n"
    f":gray[{len(found.passages)} of {found.paragraphs} paragraphs of "
    f"“{st_escape(document.title)}”, best first. A score of 1.00 is first place by both "
    "shared words and meaning.]"
)


def hint_line(passage: Passage) -> str:
    hint = passage.hint
    if hint is None:
        return "No stance hint: no position on this topic is placed on its axis yet."
    names = ", ".join(
        dict.fromkeys(
            corpus.voice(n.anchor.voice_id).name for n in hint.neighbours if n.anchor.voice_id
        )
    )
    if hint.negligible:
        return (
            f"No stance hint: the closest placed quotes ({names}) share too little with this "
            f"paragraph, or pull both ways (confidence {hint.confidence:.2f})."
        )
    return (
        f"Stance hint (not saved): {stance.describe(topic, hint.stance, 'asserts')}; "
        f"confidence {hint.confidence:.2f} ({hint.level}), from the closest quotes of {names}."
    )


for passage in found.passages:
    with st.container(border=True, key=f"passage-{passage.number}"):
        text = "".join(
            f":orange-background[{st_escape(run)}]" if quoted else st_escape(run)
            for run, quoted in passage.segments
        )
        st.markdown(
            f":gray[**¶{passage.number}**] · score **{passage.score:.2f}**"
            + (
                " · :green-badge[already quoted here by "
                + st_escape(", ".join(corpus.voice(v).name for v in passage.quoted_by))
                + "]"
                if passage.quoted_by
                else ""
            )
        )
        st.markdown(text)
        st.caption(st_escape(hint_line(passage)))
        with st.container(horizontal=True, gap="small"):
            evidenceview.use_button(workspace, doc_id, topic_id, passage, base)
            links.page_link(
                links.DOCUMENTS,
                "Show in context",
                icon=":material/article:",
                doc=doc_id,
                p=passage.number,
            )
        if workspace and evidenceview.is_open(doc_id, topic_id, passage):
            evidenceview.form(workspace, corpus, topic, document, passage)

st.subheader("Download and share", anchor=False)
widgets.download_table(
    pd.DataFrame(passages_table(found)), f"passages-{topic_id}-{doc_id}", key="passages-table"
)
links.copy_link("passages", **share)
