"""The loader, in words a non-programmer understands: every kind of YAML and validation error
is said plainly, with its line, and the parser's or validator's own words kept as the detail.
One root cause gives one message: what refers to a file that cannot be read is not listed."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from perspectives.corpus import CorpusError, load_corpus
from perspectives.corpus.plain import yaml_error
from perspectives.corpus.salvage import load_valid
from perspectives.corpus.yamlfile import parse_yaml, parsers

RENT = Path(__file__).resolve().parent / "corpora" / "rent-control"
VOICES = "analysis/voices.yaml"
TOPICS = "analysis/topics.yaml"
BRANDT = "documents/brandt-2022.md"

# (YAML text, words the plain message holds, the line it names): each as written by hand.
YAML_CASES = {
    "tab indent": ("- id: a\n\tname: b\n", "a tab character", 2),
    "tab at start": ("\t- id: a\n", "a tab character", 1),
    "colon in a value": ("- id: a\n  role: a: b\n", "colon followed by a space", 2),
    "list not closed": ("- id: a\n  docs: [a, b\n", "not closed with ']'", None),
    "group not closed": ("- id: a\n  p: {a: b\n", "not closed with '}'", None),
    "double quote not closed": ('- id: a\n  name: "a\n', "never closed", 2),
    "single quote not closed": ("- id: a\n  name: 'a\n", "never closed", 2),
    "text after a quote": ('- id: "a" b\n', "after a closing quotation mark", 1),
    "value starting with @": ("- id: @a\n", "starts with '@'", 1),
    "value starting with a backtick": ("- id: `a\n", "starts with '`'", 1),
    "backslash": ('- id: "a\\q"\n', "backslash", 1),
    "line without a colon": ("- id: a\n  name b\n  x: y\n", "neither 'field: value'", None),
    "list item after a value": ("- id: a\n  name: b\n  - c\n", "indentation is uneven", 3),
    "list items not lined up": ("- id: a\n  name: b\n - id: c\n", "do not line up", 3),
    "reference": ("- id: *a\n", "starts with '*'", 1),
    "anchor twice": ("- &a x\n- &a y\n", "same '&' name", 2),
    "type tag": ("- id: !foo a\n", "starts with '!'", 1),
    "list as a key": ("- ? [a]\n  : b\n", "field name", None),
    "two documents": ("- a\n---\n- b\n", "second '---'", 2),
    "stray bracket": ("- id: a]\n- ]\n", "stray", 2),
    "control character": ("- id: a\x01b\n", "invisible control character (#x0001)", 1),
    "field twice": ("- id: a\n  id: b\n", "the field 'id' is given twice", 2),
    "deep nesting": ("[" * 60 + "]" * 60, "nested too deeply", 1),
}


@pytest.mark.parametrize("parser", parsers())
@pytest.mark.parametrize("case", sorted(YAML_CASES))
def test_every_yaml_error_is_said_plainly_with_its_line(case, parser):
    text, words, line = YAML_CASES[case]
    with pytest.raises(yaml.YAMLError) as caught:
        parse_yaml(text, parser)
    found_line, plain, detail = yaml_error(caught.value, text)
    assert words in plain, (plain, detail)
    for jargon in ("scalar", "mapping", "token", "block", "flow", "node", "stream"):
        assert jargon not in plain  # the parser's vocabulary stays in the detail
    assert detail.startswith("YAML ")
    if line is not None:
        assert found_line == line, (plain, detail)


def test_an_unknown_parser_complaint_still_gets_plain_words():
    error = yaml.YAMLError("something new")
    line, plain, detail = yaml_error(error, "x")
    assert plain == "the YAML is not written correctly here" and "something new" in detail


@pytest.fixture
def rent(tmp_path) -> Path:
    return Path(shutil.copytree(RENT, tmp_path / "rent"))


def _edit(root: Path, rel: str, old: str, new: str) -> None:
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _problems(root: Path):
    with pytest.raises(CorpusError) as caught:
        load_corpus(root)
    return caught.value.problems


# (file, text replaced, replacement, words in the message, words in the detail, line)
FIELD_CASES = {
    "month-only date": (
        BRANDT,
        "date: 2022-06-01",
        "date: 2022-06",
        ["date: should be a full date written YYYY-MM-DD", "date_certainty"],
        "input is too short",
        5,
    ),
    "year-only date": (
        BRANDT,
        "date: 2022-06-01",
        "date: 2022",
        ["should be a full date", "(got 2022)"],
        "date_from_datetime_inexact",
        5,
    ),
    "a list for a text": (
        VOICES,
        "role: Housing economist",
        "role: [a, b]",
        ["role: should be one piece of text, not a list"],
        "should be a valid string",
        3,
    ),
    "yes for a text": (
        VOICES,
        "name: Adaeze Okafor",
        "name: yes",
        ["yes/no/true/false", "double quotes"],
        "string_type",
        2,
    ),
    "a date for a text": (
        VOICES,
        "role: Housing economist",
        "role: 2020-01-01",
        ["is read as a date"],
        "string_type",
        3,
    ),
    "empty value": (
        VOICES,
        "name: Adaeze Okafor",
        "name:",
        ["name: has no value"],
        "string_type",
        2,
    ),
    "missing field": (
        VOICES,
        "  relation: author\n  aliases: [Okafor]\n",
        "  aliases: [Okafor]\n",
        ["missing field 'relation' (it is required)"],
        "missing",
        1,
    ),
    "extra field": (
        VOICES,
        "  role: Housing economist\n",
        "  role: Housing economist\n  rol: x\n",
        ["unknown field 'rol' (did you mean 'role'?)"],
        "extra_forbidden",
        4,
    ),
    "wrong type: a word for a number": (
        "analysis/positions/okafor-2021.yaml",
        "stance: -2",
        "stance: high",
        ["stance: should be a whole number", "(got 'high')"],
        "int",
        5,
    ),
    "a word not in the list": (
        BRANDT,
        "date_certainty: medium",
        "date_certainty: sure",
        ["date_certainty: should be one of 'high', 'medium' or 'low' (got 'sure')"],
        "literal_error",
        7,
    ),
    "a text for a list": (
        VOICES,
        "documents: [okafor-2021]",
        "documents: okafor-2021",
        ["documents: should be a list, written [a, b]"],
        "tuple_type",
        5,
    ),
    "an empty list": (
        VOICES,
        "documents: [okafor-2021]",
        "documents: []",
        ["documents: should hold at least 1 item"],
        "too_short",
        5,
    ),
    "a text for a group": (
        BRANDT,
        "notes:\n  outlet: A newsletter invented for the project's tests.\n  text: Written for "
        "the project's tests; not a published text. It answers Okafor's column.\n",
        "notes: none\n",
        ["notes: should be a group of fields"],
        "model_type",
        9,
    ),
    "bad id": (
        "analysis/camps.yaml",
        "id: supply-side",
        "id: Supply Side",
        ["'Supply Side' is not a valid id", "like 'supply-side'"],
        "value_error",
        1,
    ),
}


@pytest.mark.parametrize("case", sorted(FIELD_CASES))
def test_every_field_error_is_said_plainly_with_its_line(rent, case):
    rel, old, new, words, detail, line = FIELD_CASES[case]
    _edit(rent, rel, old, new)
    problems = [p for p in _problems(rent) if p.file == rel]
    assert problems, _problems(rent)
    problem = problems[0]
    for word in words:
        assert word in problem.message, problem
    assert detail in problem.detail, problem.detail
    assert "Input should" not in problem.message and "valid string" not in problem.message
    if line is not None:
        assert problem.line == line, problem


def test_an_unknown_reference_says_what_it_may_have_meant(rent):
    _edit(rent, VOICES, "camp: supply-side", "camp: supplyside")
    (problem,) = _problems(rent)
    assert problem.message == "unknown camp 'supplyside' (did you mean 'supply-side'?)"
    assert (problem.file, problem.entry, problem.line) == (VOICES, "adaeze-okafor", 4)


def test_a_badly_written_id_is_the_one_problem_not_its_references(rent):
    """'Adaeze Okafor' for adaeze-okafor: the references to adaeze-okafor are not listed."""
    _edit(rent, VOICES, "id: adaeze-okafor", "id: Adaeze Okafor")
    (problem,) = _problems(rent)
    assert problem.file == VOICES and "like 'adaeze-okafor'" in problem.message


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("\t- id: x\n", "cannot be read: a tab character"),
        ("", "the file is empty: list the topics here"),
        ("# nothing yet\n", "the file is empty"),
        ("id: x\n", "should be a list of topics"),
    ],
)
def test_a_topics_file_that_fails_gives_one_message_first(rent, text, words):
    (rent / TOPICS).write_text(text, encoding="utf-8")
    problems = _problems(rent)
    assert [p.file for p in problems] == [TOPICS, TOPICS], problems
    assert words in problems[0].message
    assert "references elsewhere" in problems[1].message
    result = load_valid(rent)  # the rest still opens: documents and voices
    assert result.corpus is not None and len(result.corpus.voices) == 4
    assert result.problems == problems


def test_the_strict_and_lenient_loads_list_the_same_problems(rent):
    _edit(rent, VOICES, "camp: supply-side", "camp: nowhere")
    _edit(rent, BRANDT, "date: 2022-06-01", "date: 2022-06")
    assert load_valid(rent).problems == _problems(rent)
