"""YAML and front matter reading that keeps line numbers, and readable validation messages."""

from __future__ import annotations

from collections.abc import Hashable, Iterator, Mapping
from difflib import get_close_matches
from typing import Any, get_args

import yaml
from pydantic import BaseModel, ValidationError
from yaml.constructor import ConstructorError


class LineDict(dict):
    """A YAML mapping that remembers its line and the line of each key (1-based)."""

    line: int | None = None
    key_lines: dict[Any, int]


class LineList(list):
    """A YAML sequence that remembers its line and the line of each item (1-based)."""

    line: int | None = None
    item_lines: list[int]


# The C parser (libyaml) when PyYAML has it: about four times faster on the default corpus;
# marks and constructors behave the same, so line numbers are unchanged.
_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_Base):  # type: ignore[misc, valid-type]
    pass


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> LineDict:
    loader.flatten_mapping(node)
    data = LineDict()
    data.line = node.start_mark.line + 1
    data.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, Hashable):
            raise ConstructorError(
                "while reading a mapping",
                node.start_mark,
                "found a key that is not a plain value",
                key_node.start_mark,
            )
        if key in data:
            raise ConstructorError(
                "while reading a mapping",
                node.start_mark,
                f"found duplicate key {key!r}",
                key_node.start_mark,
            )
        data[key] = loader.construct_object(value_node, deep=True)
        data.key_lines[key] = key_node.start_mark.line + 1
    return data


def _construct_sequence(loader: _Loader, node: yaml.SequenceNode) -> LineList:
    data = LineList(loader.construct_object(child, deep=True) for child in node.value)
    data.line = node.start_mark.line + 1
    data.item_lines = [child.start_mark.line + 1 for child in node.value]
    return data


_Loader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)
_Loader.add_constructor("tag:yaml.org,2002:seq", _construct_sequence)


def parse_yaml(text: str) -> Any:
    """Parse one YAML document; mappings and sequences carry their line numbers."""
    return yaml.load(text, Loader=_Loader)  # noqa: S506 - a SafeLoader subclass


def yaml_error_line(error: yaml.YAMLError) -> int | None:
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    return mark.line + 1 if mark is not None else None


# What the parser's words usually mean, for someone who has not met YAML's grammar: (a piece of
# the parser's message, the advice). The parser's own words follow in brackets.
_PLAIN = (
    ("tab", "a tab character is used to indent; indent with spaces only"),
    (
        "mapping values are not allowed",
        "a colon followed by a space inside a value; put the whole value in double quotes",
    ),
    (
        "expected ',' or ']'",
        "a list in [...] is not closed, or one of its items holds a comma, colon or bracket; "
        "put that item in double quotes",
    ),
    (
        "expected ',' or '}'",
        "a {...} mapping is not closed, or one of its values holds a comma, colon or brace; "
        "put that value in double quotes",
    ),
    ("could not find expected ':'", "a line is neither 'field: value' nor a list item"),
    ("unknown escape character", "a backslash inside double quotes; use single quotes instead"),
    ("found unexpected end of stream", "a quotation mark is opened and never closed"),
    (
        "expected <block end>",
        "the indentation is uneven: the fields of one entry must start in the same column",
    ),
    ("found duplicate anchor", "an '&' at the start of a value; put the value in quotes"),
    ("found undefined alias", "a '*' at the start of a value; put the value in quotes"),
)


def yaml_error_message(error: yaml.YAMLError) -> str:
    """The parser's complaint in plain words where it is a known one, its own words kept after
    it in brackets (the technical detail, for whoever needs it)."""
    problem = getattr(error, "problem", None)
    context = getattr(error, "context", None)
    if problem:
        said = f"{problem} ({context})" if context else str(problem)
    else:
        said = str(error).splitlines()[0]
    plain = next((advice for words, advice in _PLAIN if words in said), None)
    return f"{plain} [YAML: {said}]" if plain else said


class FrontMatterError(ValueError):
    def __init__(self, message: str, line: int | None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


def split_front_matter(content: str) -> tuple[str, str]:
    """Split a document file into its front matter (the YAML between the first two '---'
    lines, which starts on line 2) and its text (everything after the second '---' line and its
    newline, exactly)."""
    first_end = content.find("\n")
    first = content if first_end < 0 else content[:first_end]
    if first.rstrip() != "---":
        raise FrontMatterError("no front matter: the file must begin with a line '---'", 1)
    start = first_end + 1
    position = start
    while first_end >= 0 and position <= len(content):
        end = content.find("\n", position)
        if (content[position:] if end < 0 else content[position:end]).rstrip() == "---":
            return content[start:position], ("" if end < 0 else content[end + 1 :])
        if end < 0:
            break
        position = end + 1
    raise FrontMatterError("front matter is not closed: no second '---' line", 1)


def kind_of(value: Any) -> str:
    """How a YAML value is named in messages."""
    if value is None:
        return "nothing"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return f"{type(value).__name__} {_short(value)}"


def line_of(data: Any, loc: tuple[Any, ...]) -> int | None:
    """The line of the deepest part of `data` that `loc` reaches."""
    line = getattr(data, "line", None)
    current = data
    for part in loc:
        if isinstance(current, LineDict) and part in current:
            line = current.key_lines.get(part, line)
        elif isinstance(current, LineList) and isinstance(part, int) and 0 <= part < len(current):
            line = current.item_lines[part]
        else:
            break
        current = current[part]
    return line


def validation_problems(
    error: ValidationError, data: Any, model: type[BaseModel]
) -> Iterator[tuple[int | None, str]]:
    """(line, message) for each error of a pydantic validation of `data`, naming the field."""
    fields = sorted(_field_names(model))
    for item in error.errors(include_url=False):
        loc = tuple(item["loc"])
        yield line_of(data, loc), _message(item, loc, fields)


def _message(item: Mapping[str, Any], loc: tuple[Any, ...], fields: list[str]) -> str:
    path = _path(loc)
    kind = item["type"]
    if kind == "missing":
        return f"missing field '{path}'"
    if kind == "extra_forbidden":
        close = get_close_matches(str(loc[-1]), fields, n=1)
        return f"unknown field '{path}'" + (f" (did you mean '{close[0]}'?)" if close else "")
    if kind in ("value_error", "assertion_error"):
        message = str(item.get("ctx", {}).get("error", item["msg"]))
    else:
        message = item["msg"]
        for wrong, right in (
            ("Input should", "should"),
            ("Tuple should", "should"),
            ("List should", "should"),
            (" after validation", ""),
            ("a valid tuple", "a list"),
            ("a valid list", "a list"),
            ("a valid dictionary or instance of", "a mapping of fields for"),
            ("a valid dictionary", "a mapping"),
        ):
            message = message.replace(wrong, right)
        value = item.get("input")
        if not isinstance(value, (dict, list)):
            message += f" (got {_short(value)})"
    return f"{path}: {message}" if path else message


def _path(loc: tuple[Any, ...]) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _short(value: Any, limit: int = 60) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _field_names(model: type[BaseModel], seen: frozenset[type] = frozenset()) -> set[str]:
    names = set(model.model_fields)
    for field in model.model_fields.values():
        for inner in _types_in(field.annotation):
            if isinstance(inner, type) and issubclass(inner, BaseModel) and inner not in seen:
                names |= _field_names(inner, seen | {model})
    return names


def _types_in(annotation: Any) -> Iterator[Any]:
    yield annotation
    for arg in get_args(annotation):
        yield from _types_in(arg)
