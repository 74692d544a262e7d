"""Ingest refuses bad input with a message naming the file and the problem."""

from __future__ import annotations

import io
import zipfile

import pytest

from perspectives.workspace import ingest as ingest_module
from perspectives.workspace.ingest import IngestError, ingest_bytes, ingest_path, ingest_text
from tests.ingest_fixtures import make_docx, make_pdf


def refused(data: bytes, filename: str, existing=None) -> str:
    with pytest.raises(IngestError) as caught:
        ingest_bytes(data, filename, existing)
    message = str(caught.value)
    assert message.startswith(f"{filename}: ")
    assert caught.value.filename == filename
    return caught.value.problem


@pytest.mark.parametrize("name", ["empty.txt", "empty.md", "empty.html", "empty.pdf", "e.docx"])
def test_empty_files(name):
    assert "empty" in refused(b"", name)
    assert "empty" in refused(b"  \n\t\n", name)


def test_files_without_words():
    assert "no text" in refused(b"* * *\n---\n", "rules.txt")
    assert "no text" in refused(b"<html><body><script>x()</script></body></html>", "s.html")


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"\x00\x01\x02binary\x00data", "binary"),
        (bytes(range(1, 32)) * 20, "binary"),
        (b"\x89PNG\r\n\x1a\n....", "PNG image"),
        (b"%PDF-1.7 rest", "PDF file"),
    ],
)
def test_binary_content_in_a_text_file(data, words):
    assert words in refused(data, "notes.txt")


def test_unknown_type():
    assert "unsupported file type .odt" in refused(b"data", "essay.odt")
    assert "(no extension)" in refused(b"data", "README")


def test_oversized_file_and_text(monkeypatch, tmp_path):
    monkeypatch.setattr(ingest_module, "MAX_FILE_BYTES", 1000)
    assert "too large" in refused(b"a" * 1001, "big.txt")
    path = tmp_path / "big.txt"
    path.write_bytes(b"word " * 300)
    with pytest.raises(IngestError, match="big.txt: the file is too large"):
        ingest_path(path)
    monkeypatch.setattr(ingest_module, "MAX_TEXT_CHARS", 100)
    assert "too long" in refused(b"word " * 30, "long.txt")


def test_encrypted_pdf():
    assert "needs a password" in refused(make_pdf(encrypt="secret"), "locked.pdf")


@pytest.mark.parametrize(
    "data",
    [
        b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\ntrailer garbage",
        make_pdf()[:400],
        b"not a pdf at all",
    ],
)
def test_broken_pdf(data):
    problem = refused(data, "broken.pdf")
    assert "damaged" in problem or "not a PDF" in problem


def test_scanned_pdf_without_text():
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.rect(10, 10, 50, 50, style="F")
    assert "no text found in the PDF" in refused(bytes(pdf.output()), "scan.pdf")


def test_broken_docx():
    assert "not a readable .docx" in refused(b"PK\x03\x04 truncated zip", "broken.docx")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "not a word document")
    assert "not a readable .docx" in refused(buffer.getvalue(), "other.docx")
    # a real .docx whose document.xml is damaged
    source = zipfile.ZipFile(io.BytesIO(make_docx()))
    damaged = io.BytesIO()
    with zipfile.ZipFile(damaged, "w") as archive:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "word/document.xml":
                data = data[: len(data) // 2]
            archive.writestr(item, data)
    assert "damaged" in refused(damaged.getvalue(), "damaged.docx")


def test_encrypted_docx():
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100
    assert "password-protected" in refused(ole, "locked.docx")


def test_duplicates_of_an_existing_document():
    existing = {"rent-2021": "The  Rent Question\n\nCafe\u0301 text.\n", "other": "Else.\n"}
    assert "already in the corpus as document 'rent-2021'" in refused(
        "The Rent Question\r\n\r\nCafé   text.".encode(), "copy.txt", existing
    )
    with pytest.raises(IngestError, match="pasted text: the same text"):
        ingest_text("The Rent Question\nCafé text.", existing=existing)
    # a different text is not a duplicate
    assert ingest_text("The Rent Question\nOther text.", existing=existing).paragraphs


def test_duplicate_pdf_of_a_document_made_from_it():
    first = ingest_bytes(make_pdf(), "rent.pdf")
    problem = refused(make_pdf(), "rent-again.pdf", {"fields-2021": first.text})
    assert "fields-2021" in problem


def test_pasted_empty_text():
    with pytest.raises(IngestError, match="pasted text: the text is empty"):
        ingest_text("  \n ")


def test_a_docx_that_unpacks_too_far_is_refused_before_it_is_unpacked(monkeypatch):
    """A zip bomb: 3 MB of spaces inside document.xml packs to a few KB."""
    from perspectives.workspace import extract_docx

    monkeypatch.setattr(extract_docx, "MAX_UNPACKED_BYTES", 2 * 1024 * 1024)
    source = zipfile.ZipFile(io.BytesIO(make_docx()))
    packed = io.BytesIO()
    with zipfile.ZipFile(packed, "w", zipfile.ZIP_DEFLATED) as bomb:
        for item in source.infolist():
            body = source.read(item)
            if item.filename == "word/document.xml":
                body = body.replace(b"<w:body>", b"<w:body><!--" + b" " * 3_000_000 + b"-->")
            bomb.writestr(item.filename, body)
    data = packed.getvalue()
    assert len(data) < 100_000
    with pytest.raises(
        IngestError, match=r"unpacks to [34] MB in \d+ parts \(at most 2 MB in 2,000\)"
    ):
        extract_docx.extract_docx(data, "bomb.docx")
