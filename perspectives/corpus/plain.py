"""What the YAML parser and the field validation mean, in words for someone who has never met
either: each message is (plain words, technical detail). The plain words say what to change; the
detail keeps the parser's or the validator's own words for whoever needs them (the Problems page
shows it one click away)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date as Date
from difflib import get_close_matches
from typing import Any

import yaml

QUOTE_IT = "put the whole value in double quotes"

# (words in the parser's message, what they usually mean). PyYAML's pure-Python parser and
# libyaml word some errors differently; both wordings are listed where they differ.
_YAML_PLAIN: tuple[tuple[tuple[str, ...], str], ...] = (
    (
        ("tab character", "'\\t'"),
        "a tab character is used to indent or to separate; use spaces only",
    ),
    (
        ("mapping values are not allowed",),
        "a colon followed by a space inside a value, or a line indented further than the line "
        f"above it: if the value holds ': ', {QUOTE_IT}; otherwise line the fields up",
    ),
    (
        ("expected ',' or ']'",),
        "a list written in [...] is not closed with ']', or one of its items holds a comma, "
        "colon or bracket: put that item in double quotes",
    ),
    (
        ("expected ',' or '}'",),
        "a {...} group is not closed with '}', or one of its values holds a comma, colon or "
        "brace: put that value in double quotes",
    ),
    (
        ("could not find expected ':'",),
        "a line is neither 'field: value' nor a list item '- ...' (or a quoted value goes on "
        "over several lines without its closing quotation mark)",
    ),
    (
        ("unknown escape character",),
        "a backslash \\ inside double quotes: use single quotes around that value instead",
    ),
    (
        ("found unexpected end of stream",),
        "a quotation mark is opened and never closed",
    ),
    (
        ("did not find expected '-' indicator", "<block sequence start>"),
        "the entries of a list do not line up: start every '- ' of one list in the same column",
    ),
    (
        ("expected <block end>", "did not find expected key"),
        "the indentation is uneven, or there is text after a closing quotation mark: the "
        "fields of one entry must start in the same column, and a quoted value must end with "
        "its quotation mark",
    ),
    (
        ("duplicate anchor",),
        f"two values start with the same '&' name (YAML reads '&' as an anchor): {QUOTE_IT}",
    ),
    (
        ("undefined alias", "found an alias"),
        f"a value starts with '*', which YAML reads as a reference: {QUOTE_IT}",
    ),
    (
        ("could not determine a constructor for the tag",),
        f"a value starts with '!', which YAML reads as a type: {QUOTE_IT}",
    ),
    (
        ("unhashable key", "not a plain value"),
        "a field name is written as a list or a group; a field name is one plain word",
    ),
    (
        ("expected a single document",),
        "a second '---' line: a file holds one list, so remove the extra '---'",
    ),
    (
        ("expected the node content", "expected node content"),
        "a stray ']', '}' or ',' where a value should be",
    ),
    (
        ("block sequence entries are not allowed",),
        "a list item '- ' comes after a value on the same field: give the field either one "
        "value or a list below it",
    ),
    (
        ("directive",),
        f"a line starts with '%', which YAML reserves: {QUOTE_IT}",
    ),
    (
        ("too deeply nested",),
        "the lists and groups are nested too deeply to be a corpus file",
    ),
)


def yaml_error(error: yaml.YAMLError, text: str) -> tuple[int | None, str, str]:
    """(line, plain words, technical detail) for a YAML error met while parsing `text`."""
    if isinstance(error, yaml.reader.ReaderError):
        line = text[: error.position].count("\n") + 1 if 0 <= error.position <= len(text) else None
        return (
            line,
            f"the file holds an invisible control character (#x{error.character:04x}) that is "
            "not allowed; delete it (it often comes with text copied from a PDF)",
            f"YAML reader: {error.reason}",
        )
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    line = mark.line + 1 if mark is not None else None
    problem = getattr(error, "problem", None)
    context = getattr(error, "context", None)
    if problem:
        said = f"{problem} ({context})" if context else str(problem)
    else:
        said = str(error).splitlines()[0]
    detail = f"YAML parser: {said}"
    if mark is not None:
        detail += f" at line {mark.line + 1}, column {mark.column + 1}"
    opened = getattr(error, "context_mark", None)
    if "found unexpected end of stream" in said and opened is not None:
        return opened.line + 1, "a quotation mark opened on this line is never closed", detail
    if "cannot start any token" in said:
        found = _char_at(text, mark)
        if found == "\t":
            return line, _YAML_PLAIN[0][1], detail
        if found:
            return line, f"a value starts with {found!r}, which YAML reserves: {QUOTE_IT}", detail
    if "found duplicate key" in said:
        key = re.search(r"found duplicate key (.+?) \(", said)
        field = key[1] if key else "a field"
        return line, f"the field {field} is given twice in one entry: keep one", detail
    for words, plain in _YAML_PLAIN:
        if any(word in said for word in words):
            return line, plain, detail
    return line, "the YAML is not written correctly here", detail


def _char_at(text: str, mark: Any) -> str:
    if mark is None:
        return ""
    lines = text.split("\n")
    if not 0 <= mark.line < len(lines):
        return ""
    row = lines[mark.line]
    return row[mark.column] if 0 <= mark.column < len(row) else ""


def _got(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "a group of fields"
    if isinstance(value, list | tuple):
        return "a list"
    if isinstance(value, Date):
        return f"the date {value.isoformat()}"
    text = repr(value)
    return text if len(text) <= 60 else text[:59] + "…"


def _text_message(value: Any) -> str:
    if value is None:
        return "has no value: write one after the colon, or remove the line"
    if isinstance(value, bool):
        return (
            "should be text, but yes/no/true/false/on/off are read as true or false: "
            "put the value in double quotes"
        )
    if isinstance(value, Date):
        return f"should be text, but {value.isoformat()} is read as a date: {QUOTE_IT}"
    if isinstance(value, list | tuple):
        return "should be one piece of text, not a list"
    if isinstance(value, dict):
        return (
            "should be one piece of text, not a group of fields (a colon followed by a space "
            f"inside a value makes one: {QUOTE_IT})"
        )
    return f"should be text (got {_got(value)})"


def validation_error(
    item: Mapping[str, Any], path: str, fields: list[str], has_date_label: bool = False
) -> tuple[str, str]:
    """(plain words, technical detail) for one error of a pydantic validation; `path` is the
    field as the file writes it ("poles.high", "evidence[0]"), `fields` the fields the entry
    may have (for a "did you mean"), `has_date_label` whether the entry can say how certain a
    date is (a document's front matter)."""
    kind = item["type"]
    value = item.get("input")
    detail = f"{kind}: {item['msg']}" + (f" (at {path})" if path else "")
    if kind == "missing":
        return f"missing field '{path}' (it is required)", detail
    if kind == "extra_forbidden":
        close = get_close_matches(path.rsplit(".", 1)[-1], fields, n=1)
        hint = f" (did you mean '{close[0]}'?)" if close else " (check its spelling)"
        return f"unknown field '{path}'{hint}", detail
    if kind in ("value_error", "assertion_error"):
        message = str(item.get("ctx", {}).get("error", item["msg"]))
    elif kind == "string_type":
        message = _text_message(value)
    elif kind in ("int_type", "int_parsing", "int_from_float"):
        message = f"should be a whole number such as -1, 0 or 2 (got {_got(value)})"
    elif kind in ("float_type", "float_parsing"):
        message = f"should be a number (got {_got(value)})"
    elif kind in ("bool_type", "bool_parsing"):
        message = f"should be true or false (got {_got(value)})"
    elif kind.startswith("date") or kind.startswith("datetime"):
        message = f"should be a full date written YYYY-MM-DD, like 2022-06-01 (got {_got(value)})"
        if has_date_label:
            message += (
                "; for a date known only to the month or the year, write its first day and say "
                "so in date_label and date_certainty"
            )
    elif kind == "literal_error":
        expected = item.get("ctx", {}).get("expected", "")
        message = f"should be one of {expected} (got {_got(value)})"
    elif kind in ("tuple_type", "list_type", "set_type"):
        message = (
            f"should be a list, written [a, b] or as lines starting with '- ' (got {_got(value)})"
        )
    elif kind in ("model_type", "dict_type", "model_attributes_type"):
        message = (
            "should be a group of fields, each 'name: value' on its own line, indented below "
            f"it (got {_got(value)})"
        )
    elif kind == "too_short":
        least = item.get("ctx", {}).get("min_length", 1)
        message = f"should hold at least {least} item{'' if least == 1 else 's'}"
    elif kind == "too_long":
        most = item.get("ctx", {}).get("max_length", "")
        message = f"should hold at most {most} items"
    elif kind in ("string_too_short",):
        message = "must not be empty"
    elif kind in ("string_too_long",):
        most = item.get("ctx", {}).get("max_length", "")
        message = f"is too long (at most {most} characters)"
    else:
        message = str(item["msg"]).replace("Input should", "should")
        message += f" (got {_got(value)})"
    return (f"{path}: {message}" if path else message), detail
