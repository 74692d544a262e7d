"""Ingest: each file type gives the right paragraphs, offsets, metadata; the frozen text
round-trips through the loader."""

from __future__ import annotations

from datetime import date

import pytest

from perspectives.corpus import load_corpus
from perspectives.corpus.document import Document
from perspectives.workspace.ingest import ingest_bytes, ingest_text
from perspectives.workspace.metadata import (
    MetadataDraft,
    parse_date,
    render_document,
    suggest_document_id,
)
from tests.ingest_fixtures import (
    DOCX_PARAGRAPHS,
    HTML_PAGE,
    HTML_PARAGRAPHS,
    MARKDOWN,
    MARKDOWN_PARAGRAPHS,
    PDF_PARAGRAPHS,
    make_docx,
    make_pdf,
)


def texts(ingested) -> list[str]:
    return [p.text for p in ingested.paragraphs]


def test_pdf_reads_columns_in_order_mends_hyphens_and_drops_page_numbers():
    ingested = ingest_bytes(make_pdf(), "rent.pdf")
    assert texts(ingested) == PDF_PARAGRAPHS
    assert ingested.kind == "pdf"
    # "in-\ncreases" was mended; "long-run" (not at a line end) kept its hyphen
    assert "increases" in ingested.text and "long-run" in ingested.text
    meta = ingested.metadata
    assert meta.title == "The Rent Question" and meta.authors == ("Dana Fields",)
    assert (meta.date, meta.date_certainty) == (date(2021, 3, 4), "low")  # file creation date


def test_pdf_that_opens_without_a_password_is_read():
    assert texts(ingest_bytes(make_pdf(encrypt=""), "open.pdf")) == PDF_PARAGRAPHS


def test_docx_paragraphs_tables_and_line_breaks_in_order():
    ingested = ingest_bytes(make_docx(), "housing.docx")
    assert texts(ingested) == DOCX_PARAGRAPHS
    assert ingested.metadata.authors == ("Eli Moss", "Fay Lin")
    assert ingested.metadata.title == "Housing and the City"


def test_html_visible_text_only_block_elements_and_metadata():
    ingested = ingest_bytes(HTML_PAGE.encode("utf-8"), "rent.html")
    assert texts(ingested) == HTML_PARAGRAPHS
    for hidden in ("script text", "Hidden text", "Enable scripts", "Home", "p { color", "footer"):
        assert hidden not in ingested.text
    meta = ingested.metadata
    assert meta.title == "Who Pays the Rent?" and meta.authors == ("Gil Park",)
    assert meta.outlet == "The Civic Review" and meta.url == "https://example.org/rent"
    assert (meta.date, meta.date_label, meta.date_certainty) == (
        date(2023, 9, 14),
        "14 September 2023",
        "high",
    )


def test_html_in_a_declared_legacy_charset():
    page = '<html><head><meta charset="windows-1252"></head><body><p>Caf\xe9 rent</p></body>'
    assert texts(ingest_bytes(page.encode("cp1252"), "old.htm")) == ["Café rent"]


def test_markdown_without_markup_offsets_into_the_file_and_front_matter():
    ingested = ingest_bytes(MARKDOWN.encode("utf-8"), "notes.md")
    assert texts(ingested) == MARKDOWN_PARAGRAPHS
    assert ingested.source == MARKDOWN
    spans = [ingested.source[p.start : p.end] for p in ingested.paragraphs]
    assert spans[0] == "Notes on Rent"  # the span starts after "# "
    assert spans[1].startswith("Rent control is *old*") and spans[1].endswith("froze rents.")
    assert spans[-1] == "A quoted line."
    meta = ingested.metadata
    assert (meta.title, meta.authors, meta.date_label) == ("Notes on Rent", ("Hal Ng",), "May 2020")


def test_txt_one_paragraph_per_line_offsets_are_the_files_text():
    raw = "A Title\r\n\r\n  First  paragraph,\tone line.\r\nSecond paragraph.\r\n"
    ingested = ingest_bytes(raw.encode("utf-8"), "plain.txt")
    assert texts(ingested) == ["A Title", "First paragraph, one line.", "Second paragraph."]
    assert [raw[p.start : p.end] for p in ingested.paragraphs] == [
        "A Title",
        "First  paragraph,\tone line.",
        "Second paragraph.",
    ]


def test_txt_wrapped_lines_join_into_paragraphs_and_hyphens_mend():
    raw = (
        "The first paragraph is wrapped by hand at a short width, with a hyphen-\n"
        "ated word and a well-known compound that is split as well-\n"
        "known across two lines.\n"
        "\n"
        "The second paragraph is also\n"
        "wrapped over two lines.\n"
    )
    ingested = ingest_bytes(raw.encode("utf-8"), "wrapped.txt")
    assert texts(ingested) == [
        "The first paragraph is wrapped by hand at a short width, with a hyphenated word and a "
        "well-known compound that is split as well-known across two lines.",
        "The second paragraph is also wrapped over two lines.",
    ]
    assert raw[ingested.paragraphs[1].start : ingested.paragraphs[1].end].startswith("The second")


def test_normalisation_nfc_controls_noncharacters_and_quotes_kept():
    raw = "Cafe\u0301 \u201cquoted\u201d \u2018too\u2019\u00a0and\u200b\x07 more"
    raw += "\ufdd0\uffff words\n"
    ingested = ingest_text(raw)
    assert texts(ingested) == ["Café “quoted” ‘too’ and more words"]


def test_windows_1252_text_is_read_with_a_warning():
    ingested = ingest_bytes(b"Caf\xe9 \x93quoted\x94", "legacy.txt")
    assert texts(ingested) == ["Café “quoted”"]
    assert "Windows-1252" in ingested.warnings[0]


def test_frozen_text_round_trips_through_the_loader(write_corpus, corpus_files):
    ingested = ingest_bytes(make_pdf(), "rent.pdf", existing={})
    meta = ingested.metadata.to_meta(
        outlet="The Civic Review", genre="article", date_certainty="medium"
    )
    doc_id = ingested.suggested_id(existing_ids=["fields-2021"])
    assert doc_id == "fields-2021-2"
    corpus_files[f"documents/{doc_id}.md"] = ingested.document_file(meta)
    corpus = load_corpus(write_corpus(corpus_files))
    loaded = corpus.document(doc_id)
    assert loaded.text == ingested.text
    assert [p.text for p in loaded.paragraphs] == texts(ingested)
    spans = ingested.frozen_spans()
    assert [(p.start, p.end) for p in loaded.paragraphs] == spans
    assert loaded.title == "The Rent Question" and loaded.outlet == "The Civic Review"


def test_render_document_keeps_every_field():
    text = "One paragraph.\n\n---\n\nA line of dashes above is text, not front matter.\n"
    meta = MetadataDraft(
        title="T: a title with: colons",
        authors=("A. Person",),
        outlet="O",
        url="https://example.org/x",
        genre="essay",
        notes_outlet="About the outlet.",
        notes_text="About the text.",
        date_note="From the byline.",
        **{"date": date(1999, 12, 1), "date_label": "December 1999", "date_certainty": "medium"},
    ).to_meta()
    content = render_document(meta, text)
    from perspectives.corpus.yamlfile import parse_yaml, split_front_matter

    front, body = split_front_matter(content)
    assert body == text
    reloaded = Document(id="x", text=body, **parse_yaml(front))
    assert reloaded.model_dump(exclude={"id", "text"}) == meta.model_dump()


def test_metadata_draft_lists_what_the_form_must_ask_for():
    draft = ingest_text("Just a title line\nand text.").metadata
    assert draft.title == "Just a title line"
    unknown = {"outlet", "date", "date_label", "date_certainty", "genre"}
    assert set(draft.unknown_fields()) == unknown
    assert draft.front_matter()["date"] is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2020-10-31", (date(2020, 10, 31), "day")),
        ("2020-10-31T08:00:00+02:00", (date(2020, 10, 31), "day")),
        ("2020-10", (date(2020, 10, 1), "month")),
        ("2020", (date(2020, 1, 1), "year")),
        ("D:20210304100000Z", (date(2021, 3, 4), "day")),
        ("31 October 2020", (date(2020, 10, 31), "day")),
        ("Oct. 31, 2020", (date(2020, 10, 31), "day")),
        ("sometime", None),
        ("2020-13-45", None),
    ],
)
def test_parse_date(value, expected):
    assert parse_date(value) == expected


def test_document_ids():
    assert suggest_document_id(["Ann Writer"], "Title", 2021) == "writer-2021"
    assert suggest_document_id(["Writer, Ann"], "", 2021, ["writer-2021"]) == "writer-2021-2"
    assert suggest_document_id([], "Ça va? Une étude", None) == "ca-va-une-etude"
    assert suggest_document_id(["李"], "", None, fallback="Upload 3") == "upload-3"
