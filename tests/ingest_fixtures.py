"""Small files of every format ingest reads, made in the tests (fpdf2, python-docx, strings)."""

from __future__ import annotations

import io
from datetime import datetime

import docx
from fpdf import FPDF

# Two columns drawn line by line across the page, as a typesetter may write them: reading
# order is the whole left column, then the right one.
LEFT_COLUMN = [
    "Rent caps were introduced in the city",
    "in 1987, after a decade of steep in-",
    "creases that pushed tenants out.",
    "",
    "Landlords argued the caps froze repairs.",
]
RIGHT_COLUMN = [
    "Economists still disagree about the",
    "long-run effect on the housing supply.",
    "",
    "",
    "Tenant unions call the caps a lifeline.",
]
PDF_PARAGRAPHS = [
    "The Rent Question",
    "Rent caps were introduced in the city in 1987, after a decade of steep increases that "
    "pushed tenants out.",
    "Landlords argued the caps froze repairs.",
    "Economists still disagree about the long-run effect on the housing supply.",
    "Tenant unions call the caps a lifeline.",
    "A second page ends the article.",
]


def make_pdf(encrypt: str | None = None) -> bytes:
    pdf = FPDF()
    pdf.set_title("The Rent Question")
    pdf.set_author("Dana Fields")
    pdf.set_creation_date(datetime(2021, 3, 4, 10, 0, 0))
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    pdf.text(10, 15, "The Rent Question")
    for row, (left, right) in enumerate(zip(LEFT_COLUMN, RIGHT_COLUMN, strict=True)):
        y = 30 + row * 4.8
        if left:
            pdf.text(10, y, left)
        if right:
            pdf.text(110, y, right)
    pdf.text(100, 285, "1")  # a page number
    pdf.add_page()
    pdf.text(10, 15, "A second page ends the article.")
    pdf.text(100, 285, "2")
    if encrypt:
        pdf.set_encryption(owner_password="owner", user_password=encrypt)
    return bytes(pdf.output())


DOCX_PARAGRAPHS = [
    "Housing and the City",
    "Rents rose by a third in five years.",
    "First line of a poem",
    "second line after a manual break",
    "District",
    "Median rent",
    "North",
    "€1,200",
    "The council will vote in May.",
]


def make_docx() -> bytes:
    document = docx.Document()
    document.core_properties.title = "Housing and the City"
    document.core_properties.author = "Eli Moss; Fay Lin"
    document.core_properties.created = datetime(2022, 6, 1, 9, 0, 0)
    document.add_heading("Housing and the City", level=1)
    document.add_paragraph("Rents rose by a  third\tin five years.")
    poem = document.add_paragraph("First line of a poem")
    poem.add_run().add_break()
    poem.add_run("second line after a manual break")
    table = document.add_table(rows=2, cols=2)
    for row, values in zip(
        table.rows, (("District", "Median rent"), ("North", "€1,200")), strict=True
    ):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    document.add_paragraph("")
    document.add_paragraph("The council will vote in May.")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


HTML_PAGE = """<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Ignored when og:title exists</title>
<meta property="og:title" content="Who Pays the Rent?">
<meta name="author" content="Gil Park">
<meta property="og:site_name" content="The Civic Review">
<meta property="article:published_time" content="2023-09-14T08:00:00Z">
<link rel="canonical" href="https://example.org/rent">
<style>p { color: red }</style>
<script>var hidden = "script text must not appear";</script>
</head><body>
<nav><a href="/">Home</a> <a href="/about">About</a></nav>
<article>
<h1>Who Pays the Rent?</h1>
<p>Tenants in the city pay
   half their income in rent &mdash; a record.</p>
<p>“Caps help,” says one tenant.<br>Others disagree.</p>
<div hidden>Hidden text must not appear.</div>
<ul><li>First point</li><li>Second point</li></ul>
<noscript>Enable scripts</noscript>
</article>
<footer>Copyright footer outside the article</footer>
</body></html>
"""
HTML_PARAGRAPHS = [
    "Who Pays the Rent?",
    "Tenants in the city pay half their income in rent — a record.",
    "“Caps help,” says one tenant.",
    "Others disagree.",
    "First point",
    "Second point",
]

MARKDOWN = """---
title: Notes on Rent
author: Hal Ng
date: 2020-05
---
# Notes on Rent

Rent control is *old*: the first caps date from
the **First World War**, when [cities](https://example.org) froze rents.

- A list item
- Another item

> A quoted line.
"""
MARKDOWN_PARAGRAPHS = [
    "Notes on Rent",
    "Rent control is old: the first caps date from the First World War, when cities froze rents.",
    "A list item",
    "Another item",
    "A quoted line.",
]
