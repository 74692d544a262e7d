"""A document's metadata as the ingest guesses it, its id, and its file in the folder format.

`MetadataDraft` holds what a file says about itself (a PDF's or DOCX's properties, an HTML
page's meta tags, a Markdown file's front matter) with every field optional: the editors show
it as a form to complete, `DocumentMeta` (the loader's own class) validates the result, and
`render_document` writes `documents/ID.md` exactly as the loader reads it back.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date as Date
from typing import Any, Literal

import yaml

from perspectives.corpus.document import DocumentMeta
from perspectives.corpus.fields import SLUG

Certainty = Literal["high", "medium", "low"]
Precision = Literal["day", "month", "year"]

MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
MAX_ID_LENGTH = 40


@dataclass(frozen=True)
class MetadataDraft:
    """The fields of `DocumentMeta`, each possibly unknown ('' / None / ()).

    `date` comes with `date_label` and `date_certainty` filled in to match: "high" for a
    publication date the file states, "low" for a file's creation date.
    """

    title: str = ""
    authors: tuple[str, ...] = ()
    outlet: str = ""
    date: Date | None = None
    date_label: str = ""
    date_certainty: Certainty | None = None
    date_note: str = ""
    url: str | None = None
    genre: str = ""
    notes_outlet: str = ""
    notes_text: str = ""

    def merged(self, other: MetadataDraft) -> MetadataDraft:
        """This draft with each unknown field taken from `other`."""
        values = {
            name: getattr(other, name)
            for name in _FIELDS
            if not getattr(self, name) and getattr(other, name)
        }
        return replace(self, **values)

    def front_matter(self) -> dict[str, Any]:
        """The draft as the mapping a document file's front matter holds (keys in the loader's
        order; unknown required fields as '' or None, for a form to fill)."""
        notes = {k: v for k, v in (("outlet", self.notes_outlet), ("text", self.notes_text)) if v}
        return {
            "title": self.title,
            "authors": list(self.authors),
            "outlet": self.outlet,
            "date": self.date.isoformat() if self.date else None,
            "date_label": self.date_label,
            "date_certainty": self.date_certainty,
            "date_note": self.date_note or None,
            "url": self.url,
            "genre": self.genre,
            "notes": notes or None,
        }

    def unknown_fields(self) -> tuple[str, ...]:
        """The required fields of `DocumentMeta` this draft does not fill."""
        required = ("title", "outlet", "date", "date_label", "date_certainty", "genre")
        return tuple(name for name in required if not getattr(self, name))

    def to_meta(self, **overrides: Any) -> DocumentMeta:
        """Validate the draft (with `overrides` from a form) as `DocumentMeta`; a missing or
        bad field raises pydantic's ValidationError, the loader's own check."""
        return DocumentMeta.model_validate({**self.front_matter(), **overrides})


_FIELDS = tuple(MetadataDraft.__dataclass_fields__)


def date_label(value: Date, precision: Precision) -> str:
    if precision == "year":
        return str(value.year)
    if precision == "month":
        return f"{MONTHS[value.month - 1]} {value.year}"
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


_ISO = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")
_PDF_DATE = re.compile(r"D:(\d{4})(\d{2})?(\d{2})?")
_WRITTEN = re.compile(
    r"(?:(\d{1,2})\s+)?("
    + "|".join(m[:3] for m in MONTHS)
    + r")[a-z]*\.?\s+(?:(\d{1,2}),?\s+)?(\d{4})",
    re.IGNORECASE,
)


def parse_date(value: Any) -> tuple[Date, Precision] | None:
    """A date and how precise it is, from an ISO date or prefix ("2020-10-31", "2020-10",
    "2020-10-31T09:00:00Z"), a PDF date ("D:20201031..."), a written English date
    ("31 October 2020", "October 31, 2020", "Oct 2020") or a date/datetime object."""
    if isinstance(value, Date):
        return Date(value.year, value.month, value.day), "day"
    text = str(value or "").strip()
    for pattern in (_PDF_DATE, _ISO):
        match = pattern.match(text)
        if match:
            return _build(match.group(1), match.group(2), match.group(3))
    match = _WRITTEN.search(text)
    if match:
        day = match.group(1) or match.group(3)
        month = next(
            i + 1 for i, m in enumerate(MONTHS) if m[:3].lower() == match.group(2)[:3].lower()
        )
        return _build(match.group(4), str(month), day)
    return None


def _build(year: str, month: str | None, day: str | None) -> tuple[Date, Precision] | None:
    try:
        if month and day:
            return Date(int(year), int(month), int(day)), "day"
        if month:
            return Date(int(year), int(month), 1), "month"
        return Date(int(year), 1, 1), "year"
    except ValueError:
        return None


def dated(value: Any, certainty: Certainty) -> dict[str, Any]:
    """The date fields of a draft for `value` (empty when it is not a date)."""
    parsed = parse_date(value)
    if parsed is None:
        return {}
    day, precision = parsed
    return {"date": day, "date_label": date_label(day, precision), "date_certainty": certainty}


def slugify(text: str, limit: int = MAX_ID_LENGTH) -> str:
    """Lower-case ASCII letters, digits and single hyphens, cut at a word within `limit`."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if len(slug) > limit:
        slug = slug[: limit + 1].rsplit("-", 1)[0] if "-" in slug[:limit] else slug[:limit]
    return slug.strip("-")


def surname(author: str) -> str:
    """The part of a name an id uses: the last word ("Ann Writer" -> "Writer"), or the first
    part of "Writer, Ann"."""
    name = author.strip()
    if "," in name:
        return name.split(",", 1)[0]
    words = name.split()
    return words[-1] if words else ""


def suggest_document_id(
    authors: Iterable[str] = (),
    title: str = "",
    year: int | None = None,
    existing: Iterable[str] = (),
    fallback: str = "document",
) -> str:
    """A document id: the first author's surname and the year ("writer-2021"), else the
    title's first words and the year; made unique against `existing` with -2, -3 ..."""
    first = next((a for a in authors if a.strip()), "")
    stem = slugify(surname(first), 24) if first else ""
    if not stem:
        stem = slugify(title, 30)
    stem = stem or slugify(fallback) or "document"
    base = f"{stem}-{year}" if year else stem
    taken = set(existing)
    candidate, number = base, 2
    while candidate in taken:
        candidate = f"{base}-{number}"
        number += 1
    assert SLUG.fullmatch(candidate), candidate
    return candidate


def render_document(meta: DocumentMeta | Mapping[str, Any], text: str) -> str:
    """The content of `documents/ID.md`: the front matter, then `text` byte for byte; the
    loader reads back the same metadata and exactly `text`."""
    if isinstance(meta, DocumentMeta):
        values = meta.model_dump(mode="json", exclude_defaults=False)
    else:
        values = DocumentMeta.model_validate(dict(meta)).model_dump(mode="json")
    if not (values.get("notes") or {}).get("outlet") and not (values.get("notes") or {}).get(
        "text"
    ):
        values.pop("notes", None)
    else:
        values["notes"] = {k: v for k, v in values["notes"].items() if v}
    for optional in ("date_note", "url", "seed"):
        if not values.get(optional):
            values.pop(optional, None)
    front = yaml.safe_dump(values, allow_unicode=True, sort_keys=False, width=100)
    return f"---\n{front}---\n{text}"
