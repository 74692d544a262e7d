"""HTML: the visible text, one paragraph per block element, and what the page says about itself.

Dropped: script, style, noscript, template, svg, canvas, iframe, object, select, the head (its
title and meta tags fill the metadata), navigation menus (nav), and anything `hidden`,
`aria-hidden="true"` or styled `display:none`. Block elements (p, div, li, h1-h6, blockquote,
td ...), line breaks (br) and the lines of preformatted text (pre) end a paragraph. When the
page has exactly one <article> (else one <main>) holding most of its text, only that is kept:
the rest is the site around it.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from perspectives.workspace.extract_plain import decode
from perspectives.workspace.extracted import Extracted, IngestError, join_blocks
from perspectives.workspace.metadata import MetadataDraft, dated

BLOCKS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "caption",
        "dd",
        "details",
        "dialog",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hgroup",
        "hr",
        "html",
        "li",
        "main",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "thead",
        "tfoot",
        "tr",
        "td",
        "th",
        "ul",
        "br",
        "legend",
    ]
)
SKIPPED = frozenset(
    [
        "script",
        "style",
        "noscript",
        "template",
        "svg",
        "canvas",
        "iframe",
        "object",
        "select",
        "head",
        "nav",
        "button",
    ]
)
VOID = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "source",
        "track",
        "wbr",
    ]
)
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_-]+)""", re.IGNORECASE)


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool]] = []  # (tag, skipped)
        self.skip_depth = 0
        self.blocks: list[tuple[str, int]] = []  # (text, container id: 0 none, n article/main)
        self.current: list[str] = []
        self.container = 0
        self.containers: dict[int, str] = {}  # id -> "article" | "main"
        self.title: list[str] = []
        self.in_title = False
        self.meta: dict[str, list[str]] = {}
        self.times: list[str] = []
        self.canonical = ""

    def flush(self) -> None:
        text = "".join(self.current)
        if text.strip():
            self.blocks.append((text, self.container))
        self.current = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        if tag == "meta":
            key = (attributes.get("name") or attributes.get("property") or "").lower()
            if key and attributes.get("content"):
                self.meta.setdefault(key, []).append(attributes["content"].strip())
        elif tag == "link" and "canonical" in attributes.get("rel", "").lower():
            self.canonical = attributes.get("href", "")
        elif tag == "time" and attributes.get("datetime"):
            self.times.append(attributes["datetime"])
        elif tag == "title":
            self.in_title = True
        if tag in VOID:
            if tag in BLOCKS and not self.skip_depth:
                self.flush()
            return
        hidden = (
            "hidden" in attributes
            or attributes.get("aria-hidden", "").lower() == "true"
            or re.search(r"display\s*:\s*none", attributes.get("style", ""), re.IGNORECASE)
        )
        skipped = tag in SKIPPED or bool(hidden)
        if tag in BLOCKS and not self.skip_depth:
            self.flush()
        if tag in ("article", "main") and not self.skip_depth and not self.container:
            self.container = len(self.containers) + 1
            self.containers[self.container] = tag
        self.stack.append((tag, skipped))
        self.skip_depth += skipped

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if tag in VOID or not any(open_tag == tag for open_tag, _ in self.stack):
            return
        while self.stack:  # close what was left open inside (HTML allows it)
            open_tag, skipped = self.stack.pop()
            self.skip_depth -= skipped
            if open_tag in BLOCKS and not self.skip_depth:
                self.flush()
            if open_tag in ("article", "main") and self.container and not self._open_container():
                self.flush()
                self.container = 0
            if open_tag == tag:
                break

    def _open_container(self) -> bool:
        return any(tag in ("article", "main") for tag, _ in self.stack)

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title.append(data)
        elif self.skip_depth:
            return
        elif any(tag == "pre" for tag, _ in self.stack):  # each line of preformatted text
            lines = data.split("\n")
            for line in lines[:-1]:
                self.current.append(line)
                self.flush()
            self.current.append(lines[-1])
        else:  # a line break in the markup is a space on screen
            self.current.append(data.replace("\n", " "))

    def close(self) -> None:
        super().close()
        self.flush()


def _decode_html(data: bytes, filename: str) -> tuple[str, tuple[str, ...]]:
    declared = _CHARSET.search(data[:4096])
    if declared and not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode(declared.group(1).decode("ascii")).removeprefix("\ufeff"), ()
        except (LookupError, UnicodeDecodeError):
            pass
    return decode(data, filename)


def html_paragraphs(markup: str) -> tuple[list[str], MetadataDraft]:
    """The visible paragraphs of an HTML page, and its metadata."""
    page = _Page()
    page.feed(markup)
    page.close()
    chosen = [text for text, _ in page.blocks]
    total = sum(len(text) for text in chosen)
    if len(page.containers) == 1 and total:
        inside = [text for text, container in page.blocks if container]
        if sum(len(text) for text in inside) * 2 >= total:
            chosen = inside
    return chosen, _metadata(page)


def _first(page: _Page, *keys: str) -> str:
    return next((page.meta[key][0] for key in keys if page.meta.get(key)), "")


def _metadata(page: _Page) -> MetadataDraft:
    authors = page.meta.get("citation_author") or page.meta.get("author") or []
    authors = [a for a in authors if a and not a.startswith("http")]
    title = _first(page, "citation_title", "og:title", "twitter:title") or " ".join(
        "".join(page.title).split()
    )
    published = _first(
        page, "article:published_time", "citation_publication_date", "date", "dc.date"
    ) or (page.times[0] if page.times else "")
    url = page.canonical or _first(page, "og:url") or None
    return MetadataDraft(
        title=title,
        authors=tuple(authors),
        outlet=_first(page, "og:site_name", "citation_journal_title", "publisher"),
        url=url if url and url.startswith(("http://", "https://")) else None,
        **dated(published, "high"),
    )


def extract_html(data: bytes, filename: str) -> Extracted:
    markup, warnings = _decode_html(data, filename)
    if "<" not in markup:
        raise IngestError(filename, "no HTML markup found: is this a plain text file?")
    paragraphs, metadata = html_paragraphs(markup)
    source, blocks = join_blocks(paragraphs)
    return Extracted(source, blocks, metadata, warnings)
