"""YAML and front matter reading that keeps line numbers, and readable validation messages."""

from __future__ import annotations

import contextlib
from collections.abc import Hashable, Iterator
from typing import Any, get_args

import yaml
from pydantic import BaseModel, ValidationError
from yaml.composer import Composer, ComposerError
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.events import (
    AliasEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)
from yaml.nodes import ScalarNode
from yaml.parser import Parser
from yaml.reader import Reader
from yaml.resolver import Resolver
from yaml.scanner import Scanner

from perspectives.corpus.plain import validation_error


class LineDict(dict):
    """A YAML mapping that remembers its line and the line of each key (1-based)."""

    line: int | None = None
    key_lines: dict[Any, int]


class LineList(list):
    """A YAML sequence that remembers its line and the line of each item (1-based)."""

    line: int | None = None
    item_lines: list[int]


MAX_DEPTH = 50  # lists and mappings inside each other; a corpus file needs five or six


class _Composer(Composer):
    """The composer, in Python over either parser: it refuses aliases (a '*name' value: shared
    nodes would multiply the work of every later step) and nesting deeper than MAX_DEPTH, so a
    hostile file is a YAMLError, never a RecursionError or a crash of libyaml's own composer
    (which recurses in C and overflows the stack at about 100,000 levels)."""

    _depth = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(AliasEvent):
            event = self.get_event()
            raise ComposerError(
                None, None, f"found an alias {event.anchor!r} (not allowed)", event.start_mark
            )
        if not self.check_event(SequenceStartEvent, MappingStartEvent):
            return super().compose_node(parent, index)
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise _too_deep(self.peek_event().start_mark)
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


def _too_deep(mark: Any) -> ComposerError:
    return ComposerError(None, None, f"too deeply nested (over {MAX_DEPTH} levels)", mark)


class _PythonLoader(Reader, Scanner, Parser, _Composer, SafeConstructor, Resolver):
    def __init__(self, stream: str) -> None:
        Reader.__init__(self, stream)
        Scanner.__init__(self)
        Parser.__init__(self)
        _Composer.__init__(self)
        SafeConstructor.__init__(self)
        Resolver.__init__(self)


_LOADERS: dict[str, type[SafeConstructor]] = {"python": _PythonLoader}
try:  # libyaml's parser when PyYAML has it: about four times faster; same marks and lines
    from yaml._yaml import CParser

    class _CLoader(_Composer, CParser, SafeConstructor, Resolver):
        def __init__(self, stream: str) -> None:
            CParser.__init__(self, stream)
            _Composer.__init__(self)
            SafeConstructor.__init__(self)
            Resolver.__init__(self)

    _LOADERS["libyaml"] = _CLoader
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    pass


def _construct_mapping(loader: Any, node: yaml.MappingNode) -> LineDict:
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


def _construct_sequence(loader: Any, node: yaml.SequenceNode) -> LineList:
    data = LineList(loader.construct_object(child, deep=True) for child in node.value)
    data.line = node.start_mark.line + 1
    data.item_lines = [child.start_mark.line + 1 for child in node.value]
    return data


for _loader in _LOADERS.values():
    _loader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)
    _loader.add_constructor("tag:yaml.org,2002:seq", _construct_sequence)


def parse_yaml(text: str, parser: str | None = None) -> Any:
    """Parse one YAML document; mappings and sequences carry their line numbers. `parser` is
    "libyaml" or "python" (the default: libyaml when PyYAML has it)."""
    name = parser or ("libyaml" if "libyaml" in _LOADERS else "python")
    try:
        if name == "libyaml":
            with contextlib.suppress(_Unusual):
                return _from_events(_LOADERS[name](text))
        return yaml.load(text, Loader=_LOADERS[name])  # noqa: S506 - safe constructors only
    except yaml.MarkedYAMLError as error:
        problem = str(error.problem or "")
        if "maximum nesting depth" in problem:  # libyaml's own limit (1,000 levels) came first
            raise _too_deep(error.problem_mark) from None
        if "invalid Unicode character escape" in problem and parser is None:
            # libyaml refuses an escaped lone surrogate ("\ud800") outright; the Python parser
            # reads it, so the field check names the field and the character
            return yaml.load(text, Loader=_PythonLoader)  # noqa: S506 - safe constructors only
        raise


class _Unusual(Exception):
    """Something `_from_events` leaves to the full loader (which reads it, or words its error)."""


_STR = "tag:yaml.org,2002:str"


def _from_events(loader: Any) -> Any:
    """The document built straight from libyaml's events, without PyYAML's node graph (whose
    composer and constructor run in Python, a call or two per node: four times slower on a
    corpus' lists). The plain case only, the same values and lines as the full loader: an
    explicit tag, an anchor or alias, a merge key, a repeated or non-scalar key, nesting past
    MAX_DEPTH or a scalar that cannot be built raise `_Unusual`, and the full loader reads the
    file again."""
    try:
        get, resolvers = loader.get_event, loader.yaml_implicit_resolvers
        wildcard = resolvers.get(None, [])
        get()  # the stream's start
        if isinstance(get(), StreamEndEvent):
            return None
        # each open container: [the container, is a mapping, the pending key (a 1-tuple), its line]
        stack: list[list[Any]] = []
        while True:
            event = get()
            kind = event.__class__
            if kind is ScalarEvent:
                item, line = _scalar(loader, event, resolvers, wildcard), event.start_mark.line + 1
            elif kind is MappingStartEvent or kind is SequenceStartEvent:
                if event.tag is not None or event.anchor is not None or len(stack) >= MAX_DEPTH:
                    raise _Unusual
                made: Any = LineDict() if kind is MappingStartEvent else LineList()
                made.line = event.start_mark.line + 1
                if kind is MappingStartEvent:
                    made.key_lines = {}
                else:
                    made.item_lines = []
                stack.append([made, kind is MappingStartEvent, None, None])
                continue
            elif kind is MappingEndEvent or kind is SequenceEndEvent:
                top = stack.pop()
                if top[2] is not None:
                    raise _Unusual
                item, line = top[0], top[0].line
            else:  # an alias
                raise _Unusual
            if not stack:
                break
            top = stack[-1]
            if not top[1]:
                top[0].append(item)
                top[0].item_lines.append(line)
            elif top[2] is None:
                if isinstance(item, list | dict) or item == "<<" or item in top[0]:
                    raise _Unusual
                top[2], top[3] = (item,), line
            else:
                top[0][top[2][0]] = item
                top[0].key_lines[top[2][0]] = top[3]
                top[2] = None
        get()  # the document's end
        if not isinstance(get(), StreamEndEvent):
            raise _Unusual  # a second document: the full loader words it
        return item
    finally:
        loader.dispose()


def _scalar(loader: Any, event: ScalarEvent, resolvers: dict, wildcard: list) -> Any:
    """A scalar's value, resolved and built as SafeConstructor builds it."""
    if event.tag is not None or event.anchor is not None:
        raise _Unusual
    value = event.value
    if not event.implicit[0]:  # quoted, or a block: a string
        return value
    tag = next(
        (t for t, rule in [*resolvers.get(value[:1], ()), *wildcard] if rule.match(value)), _STR
    )
    if tag == _STR:
        return value
    build = loader.yaml_constructors.get(tag)
    if build is None:
        raise _Unusual
    try:
        return build(loader, ScalarNode(tag, value, event.start_mark, event.end_mark, event.style))
    except Exception:  # noqa: BLE001 - the full loader raises it where it should
        raise _Unusual from None


def parsers() -> tuple[str, ...]:
    """The YAML parsers this installation has ("libyaml" only when PyYAML was built with it)."""
    return tuple(_LOADERS)


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
) -> Iterator[tuple[int | None, str, str]]:
    """(line, plain words, technical detail) for each error of a pydantic validation of `data`,
    naming the field."""
    fields = sorted(_field_names(model))
    dated = "date_label" in model.model_fields
    for item in error.errors(include_url=False):
        loc = tuple(item["loc"])
        yield line_of(data, loc), *validation_error(item, _path(loc), fields, dated)


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
