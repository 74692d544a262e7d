"""The loader's YAML reading straight from libyaml's events gives the same values and the same
lines as PyYAML's full loader, and leaves every unusual file to that loader."""

from __future__ import annotations

from typing import Any

import pytest
import yaml

from perspectives.corpus import default_corpus_path, yamlfile
from perspectives.corpus.yamlfile import LineDict, LineList, parse_yaml, parsers

pytestmark = pytest.mark.skipif("libyaml" not in parsers(), reason="PyYAML without libyaml")

TEXTS = [
    "a: 1\nb: [1, 2.5, true, null, ~, 2020-01-02, '3']\nc: {d: e}\n",
    "",
    "null\n",
    "- x\n- 0x1F\n- 1_000\n- .inf\n- yes\n- ''\n",
    "a: |\n  block\n  text\nb: >\n  folded\n  lines\n",
    "1: a\n2: b\n",
    "- - - x\n  - y\n- {a: [1, {b: c}]}\n",
    "<<: {a: 1}\nb: 2\n",  # a merge key: the full loader's
    "a: &x 1\nb: 2\n",  # an anchor: the full loader's
    "a: !!str 1\n",  # a tag: the full loader's
    "k: v\n...\n",
]
ERRORS = [
    "a: &x 1\nb: *x\n",
    "a: 1\na: 2\n",
    "? [a]\n: b\n",
    "a: 1\n---\nb: 2\n",
    "[" * 60 + "]" * 60,
    "a: [1, 2\n",
    "- &a x\n- &a y\n",
]


def _full(text: str) -> Any:
    return yaml.load(text, Loader=yamlfile._LOADERS["libyaml"])  # noqa: S506


def _same(one: Any, other: Any) -> bool:
    if type(one) is not type(other):
        return False
    if isinstance(one, LineDict):
        return (
            (one.line, one.key_lines, list(one)) == (other.line, other.key_lines, list(other))
        ) and all(_same(one[key], other[key]) for key in one)
    if isinstance(one, LineList):
        return (one.line, one.item_lines, len(one)) == (
            other.line,
            other.item_lines,
            len(other),
        ) and all(map(_same, one, other))
    return bool(one == other)


@pytest.mark.parametrize("text", TEXTS)
def test_the_same_values_and_lines_as_the_full_loader(text):
    assert _same(parse_yaml(text, "libyaml"), _full(text))


@pytest.mark.parametrize("text", ERRORS)
def test_the_same_error_as_the_full_loader(text):
    with pytest.raises(yaml.YAMLError) as fast:
        parse_yaml(text, "libyaml")
    with pytest.raises(yaml.YAMLError) as full:
        _full(text)
    assert str(fast.value) == str(full.value)


def test_the_default_corpus_reads_the_same():
    for path in sorted((default_corpus_path() / "analysis").rglob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        assert _same(parse_yaml(text), _full(text)), path
