"""The loader: a valid corpus loads into immutable objects; every kind of problem is reported
with its file and entry, and all problems of a corpus are reported together."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from pydantic import ValidationError

from perspectives.corpus import (
    CorpusError,
    Problem,
    clear_cache,
    default_corpus_path,
    load_cached,
    load_corpus,
)
from perspectives.problems import UnknownIdError

ESSAY = "documents/trust-essay.md"
REPORT = "documents/camera-report.md"
TOPICS = "analysis/topics.yaml"
CAMPS = "analysis/camps.yaml"
VOICES = "analysis/voices.yaml"
ESSAY_POSITIONS = "analysis/positions/trust-essay.yaml"
REPORT_POSITIONS = "analysis/positions/camera-report.yaml"
CLAIMS = "analysis/claims.yaml"
EVENTS = "analysis/events.yaml"
MOTIONS = "analysis/motions.yaml"
GUIDES = "analysis/guides.yaml"


def problems_of(path: Path) -> tuple[Problem, ...]:
    with pytest.raises(CorpusError) as caught:
        load_corpus(path)
    assert caught.value.problems, "a CorpusError must list its problems"
    return caught.value.problems


def only_problem(path: Path, file: str, entry: str | None, *fragments: str) -> Problem:
    """The one problem of a corpus broken in one place: it names the file and the entry."""
    problems = problems_of(path)
    assert len(problems) == 1, "\n".join(map(str, problems))
    return check(problems[0], file, entry, *fragments)


def find_problem(
    problems: tuple[Problem, ...], file: str, entry: str | None, *fragments: str
) -> Problem:
    for problem in problems:
        if (
            problem.file == file
            and problem.entry == entry
            and all(fragment in problem.message for fragment in fragments)
        ):
            return check(problem, file, entry, *fragments)
    raise AssertionError(
        f"no problem {file} {entry} {fragments} in:\n" + "\n".join(map(str, problems))
    )


def check(problem: Problem, file: str, entry: str | None, *fragments: str) -> Problem:
    text = str(problem)
    assert problem.file == file, text
    assert problem.entry == entry, text
    assert text.startswith(file), text
    if entry is not None:
        assert f": {entry}: " in text, text
    for fragment in fragments:
        assert fragment in problem.message, text
    return problem


def position(files, file: str, voice: str, topic: str) -> dict:
    return next(p for p in files[file]["positions"] if p["voice"] == voice and p["topic"] == topic)


# --- a valid corpus -------------------------------------------------------------------------


def test_valid_corpus_loads(corpus_dir):
    corpus = load_corpus(corpus_dir)
    assert corpus.name == "Test corpus"
    assert corpus.orientation.low.id == "critical"
    assert [d.id for d in corpus.documents] == ["camera-report", "trust-essay"]
    assert [t.id for t in corpus.topics] == ["social-credit", "technology-and-control"]
    assert len(corpus.camps) == 2 and len(corpus.voices) == 3
    assert len(corpus.positions) == 5
    assert len(corpus.claims) == len(corpus.events) == len(corpus.motions) == 1
    assert len(corpus.guides) == len(corpus.blind_spots) == 1
    assert len(corpus.fingerprint) == 64


def test_document_text_is_everything_after_the_front_matter(corpus_dir):
    document = load_corpus(corpus_dir).document("trust-essay")
    raw = (corpus_dir / ESSAY).read_text(encoding="utf-8")
    assert raw.endswith("---\n" + document.text)
    assert document.text.startswith("The Trust Machine\n")
    assert document.date == date(2019, 3, 1)
    assert document.authors == ("Ann Writer",)


def test_paragraphs_are_non_empty_lines_with_offsets(corpus_dir):
    document = load_corpus(corpus_dir).document("trust-essay")
    assert [p.number for p in document.paragraphs] == [1, 2, 3, 4, 5, 6]
    for paragraph in document.paragraphs:
        assert document.text[paragraph.start : paragraph.end] == paragraph.text
        assert paragraph.text.strip() == paragraph.text and "\n" not in paragraph.text
    assert document.paragraphs[1].text == "By Ann Writer"


def test_evidence_is_the_exact_span_of_the_text(corpus_dir):
    corpus = load_corpus(corpus_dir)
    critic = corpus.position("ben-critic", "social-credit")
    [evidence] = critic.evidence
    text = corpus.document("trust-essay").text
    assert (
        evidence.text == text[evidence.start : evidence.end] == "call it ‘a cage of data’ and warn"
    )
    assert evidence.quote == "call it 'a cage of data' and warn"
    assert evidence.paragraph == 4
    assert critic.id == "ben-critic/social-credit"
    assert critic.answers == ("ann-writer/social-credit",)
    spaced = corpus.position("cara-voice", "technology-and-control").evidence[0]
    assert spaced.text.endswith("ever,\tand")
    mention = corpus.position("ann-writer", "technology-and-control")
    assert mention.stance is None and not mention.placed
    assert corpus.claim("plan-2014").quote.text == "In 2014 the State Council published a plan"
    assert [m.document_id for m in corpus.event("social-credit-plan").mentions] == [
        "trust-essay",
        "camera-report",
    ]


def test_lookups_and_selections(corpus_dir):
    corpus = load_corpus(corpus_dir)
    assert corpus.topic("social-credit").poles.high == "trust-building governance"
    assert corpus.camp_of("ben-critic").id == "critics"
    assert [p.voice for p in corpus.positions_for_topic("social-credit")] == [
        "cara-voice",
        "ann-writer",
        "ben-critic",
    ]
    assert {p.topic for p in corpus.positions_for_voice("cara-voice")} == {
        "social-credit",
        "technology-and-control",
    }
    assert len(corpus.positions_for_document("trust-essay")) == 3
    assert [v.id for v in corpus.voices_for_document("camera-report")] == [
        "ben-critic",
        "cara-voice",
    ]
    assert [v.id for v in corpus.voices_in_camp("critics")] == ["ben-critic", "cara-voice"]
    assert [v.id for v in corpus.silent_voices("technology-and-control")] == ["ben-critic"]
    assert corpus.find_position("ben-critic", "technology-and-control") is None
    assert corpus.claims_for_topic("social-credit")[0].id == "plan-2014"
    assert corpus.events_for_topic("technology-and-control") == ()
    assert corpus.motions_for_topic("social-credit")[0].proposition == "high"
    assert corpus.guide("trust-essay").thesis == "Social credit is about trust."
    assert corpus.guide("camera-report") is None
    assert corpus.blind_spot("no-official-voice").title == "No official voice"


@pytest.mark.parametrize(
    "lookup",
    [
        lambda c: c.document("nope"),
        lambda c: c.voice("nope"),
        lambda c: c.topic("nope"),
        lambda c: c.camp("nope"),
        lambda c: c.position("ben-critic", "technology-and-control"),
        lambda c: c.positions_for_topic("nope"),
        lambda c: c.positions_for_voice("nope"),
        lambda c: c.guide("nope"),
        lambda c: c.find_position("nope", "social-credit"),
    ],
)
def test_unknown_ids_raise_key_error_with_a_clear_message(corpus_dir, lookup):
    corpus = load_corpus(corpus_dir)
    with pytest.raises(KeyError) as caught:
        lookup(corpus)
    assert isinstance(caught.value, UnknownIdError)
    assert "unknown" in str(caught.value) and "Test corpus" in str(caught.value)


def test_corpus_is_immutable(corpus_dir):
    corpus = load_corpus(corpus_dir)
    assert isinstance(corpus.positions, tuple)
    assert isinstance(corpus.voice("ben-critic").documents, tuple)
    with pytest.raises(ValidationError):
        corpus.name = "changed"
    with pytest.raises(ValidationError):
        corpus.positions[0].stance = 1
    with pytest.raises(ValidationError):
        corpus.document("trust-essay").text = "changed"
    assert hash(corpus) == hash(load_corpus(corpus_dir))


def test_corpus_survives_a_json_round_trip(corpus_dir):
    corpus = load_corpus(corpus_dir)
    assert type(corpus).model_validate_json(corpus.model_dump_json()) == corpus


def test_byte_order_mark_is_not_part_of_the_text(corpus_files, write_corpus):
    corpus_files[REPORT] = "\ufeff" + corpus_files[REPORT].render()
    document = load_corpus(write_corpus(corpus_files)).document("camera-report")
    assert document.text.startswith("What the Cameras See")


def test_fingerprint_follows_the_files(corpus_dir, corpus_files, write_corpus):
    first = load_corpus(corpus_dir).fingerprint
    assert load_corpus(write_corpus(corpus_files)).fingerprint == first
    corpus_files[TOPICS][0]["label"] = "Social credit systems"
    assert load_corpus(write_corpus(corpus_files)).fingerprint != first


def test_claims_events_and_guides_may_be_folders(corpus_files, write_corpus):
    corpus_files["analysis/claims/report.yaml"] = [
        {
            "id": "national-by-2020",
            "document": "camera-report",
            "quote": "by 2020",
            "figure": "2020",
            "about": "deadline",
            "attributed_to": "the plan",
            "source_kind": "official",
        }
    ]
    corpus_files["analysis/events/more.yaml"] = [
        {"id": "deadline", "date": 2020, "precision": "year", "label": "Deadline"}
    ]
    corpus_files["analysis/guides/report.yaml"] = [
        {"document": "camera-report", "thesis": "Technology empowers the state."}
    ]
    corpus = load_corpus(write_corpus(corpus_files))
    assert [c.id for c in corpus.claims] == ["plan-2014", "national-by-2020"]
    assert corpus.event("deadline").date == date(2020, 1, 1)
    assert corpus.guide("camera-report").thesis == "Technology empowers the state."


def test_optional_files_may_be_absent(corpus_files, write_corpus):
    for name in (CLAIMS, EVENTS, MOTIONS, GUIDES, "analysis/blind_spots.yaml"):
        corpus_files[name] = None
    corpus = load_corpus(write_corpus(corpus_files))
    assert corpus.claims == corpus.events == corpus.motions == corpus.guides == ()


def test_default_corpus_path(monkeypatch, tmp_path):
    monkeypatch.delenv("PERSPECTIVES_CORPUS", raising=False)
    assert default_corpus_path() == Path(__file__).resolve().parent.parent / "data"
    monkeypatch.setenv("PERSPECTIVES_CORPUS", str(tmp_path))
    assert default_corpus_path() == tmp_path


def test_load_cached_reloads_only_after_a_change(corpus_dir):
    clear_cache()
    first = load_cached(corpus_dir)
    assert load_cached(corpus_dir) is first
    topics = corpus_dir / TOPICS
    topics.write_text(
        topics.read_text(encoding="utf-8").replace("Trust or control.", "Changed."),
        encoding="utf-8",
    )
    stat = topics.stat()
    os.utime(topics, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10_000_000))
    second = load_cached(corpus_dir)
    assert second is not first
    assert second.topic("social-credit").description == "Changed."


# --- files and syntax ------------------------------------------------------------------------


def test_missing_manifest_and_documents_folder(corpus_files, write_corpus):
    corpus_files["corpus.yaml"] = None
    corpus_files[ESSAY] = corpus_files[REPORT] = None
    problems = problems_of(write_corpus(corpus_files))
    find_problem(problems, "corpus.yaml", None, "missing manifest")
    find_problem(problems, "documents", None, "missing folder")


def test_missing_corpus_folder(tmp_path):
    [problem] = problems_of(tmp_path / "nowhere")
    assert "corpus folder not found" in problem.message


def test_missing_required_analysis_file(corpus_files, write_corpus):
    corpus_files[CAMPS] = None
    problems = problems_of(write_corpus(corpus_files))
    find_problem(problems, CAMPS, None, "missing file")
    find_problem(problems, VOICES, "ben-critic", "unknown camp 'critics'")


def test_malformed_yaml_reports_its_line(corpus_files, write_corpus):
    corpus_files[TOPICS] = "- id: social-credit\n  label: [unclosed\n  question: x\n"
    problem = find_problem(problems_of(write_corpus(corpus_files)), TOPICS, None, "malformed YAML")
    assert problem.line in (2, 3, 4)


def test_duplicate_yaml_key(corpus_files, write_corpus):
    corpus_files[MOTIONS] = (
        "- id: trust-not-control\n  topic: social-credit\n  text: x\n"
        "  proposition: high\n  topic: social-credit\n"
    )
    problem = only_problem(write_corpus(corpus_files), MOTIONS, None, "duplicate key 'topic'")
    assert problem.line == 5


def test_malformed_front_matter_reports_the_file_line(corpus_files, write_corpus):
    corpus_files[ESSAY] = "---\ntitle: ok\nauthors: [unclosed\n---\n" + corpus_files[ESSAY].text
    problem = only_problem(
        write_corpus(corpus_files), ESSAY, "trust-essay", "malformed YAML in the front matter"
    )
    assert problem.line in (3, 4)


def test_document_without_front_matter(corpus_files, write_corpus):
    corpus_files[REPORT] = "What the Cameras See\nno front matter here\n"
    only_problem(write_corpus(corpus_files), REPORT, "camera-report", "no front matter")


def test_front_matter_not_closed(corpus_files, write_corpus):
    corpus_files[REPORT] = "---\ntitle: What the Cameras See\nThe text.\n"
    only_problem(write_corpus(corpus_files), REPORT, "camera-report", "not closed")


def test_document_not_utf8(corpus_files, write_corpus):
    corpus_files[REPORT] = (
        corpus_files[REPORT].render().encode("utf-8").replace("“".encode(), b"\x93")
    )
    problem = only_problem(
        write_corpus(corpus_files), REPORT, "camera-report", "not valid UTF-8", "0x93"
    )
    assert problem.line is not None


def test_empty_document_file(corpus_files, write_corpus):
    corpus_files[REPORT] = ""
    only_problem(write_corpus(corpus_files), REPORT, "camera-report", "empty")


def test_document_without_text(corpus_files, write_corpus):
    corpus_files[REPORT].text = "\n  \n"
    only_problem(write_corpus(corpus_files), REPORT, "camera-report", "no text")


def test_invalid_document_file_name(corpus_files, write_corpus):
    corpus_files["documents/Bad Name.md"] = corpus_files[REPORT]
    only_problem(write_corpus(corpus_files), "documents/Bad Name.md", None, "not a valid")


def test_unexpected_file_in_analysis(corpus_files, write_corpus):
    corpus_files["analysis/motion.yaml"] = []
    only_problem(write_corpus(corpus_files), "analysis/motion.yaml", None, "unexpected file")


# --- fields -----------------------------------------------------------------------------------


def test_missing_field_in_front_matter(corpus_files, write_corpus):
    del corpus_files[ESSAY].meta["outlet"]
    only_problem(write_corpus(corpus_files), ESSAY, "trust-essay", "missing field 'outlet'")


def test_unknown_field_in_front_matter_names_the_line(corpus_files, write_corpus):
    corpus_files[ESSAY].meta["titel"] = "typo"
    problem = only_problem(
        write_corpus(corpus_files),
        ESSAY,
        "trust-essay",
        "unknown field 'titel'",
        "did you mean 'title'",
    )
    lines = (write_corpus(corpus_files) / ESSAY).read_text(encoding="utf-8").splitlines()
    assert lines[problem.line - 1].startswith("titel:")


def test_wrong_value_in_front_matter(corpus_files, write_corpus):
    corpus_files[ESSAY].meta["date_certainty"] = "certain"
    only_problem(write_corpus(corpus_files), ESSAY, "trust-essay", "date_certainty", "certain")


def test_missing_field_in_topic(corpus_files, write_corpus):
    del corpus_files[TOPICS][1]["question"]
    only_problem(
        write_corpus(corpus_files), TOPICS, "technology-and-control", "missing field 'question'"
    )


def test_missing_nested_field(corpus_files, write_corpus):
    del corpus_files[TOPICS][0]["poles"]["high"]
    only_problem(write_corpus(corpus_files), TOPICS, "social-credit", "missing field 'poles.high'")


def test_unknown_field_in_voice(corpus_files, write_corpus):
    corpus_files[VOICES][2]["afiliation"] = "x"
    problem = only_problem(
        write_corpus(corpus_files),
        VOICES,
        "cara-voice",
        "unknown field 'afiliation'",
        "did you mean 'affiliation'",
    )
    assert problem.line is not None


def test_wrong_state_in_position(corpus_files, write_corpus):
    position(corpus_files, ESSAY_POSITIONS, "ben-critic", "social-credit")["state"] = "assert"
    only_problem(
        write_corpus(corpus_files), ESSAY_POSITIONS, "ben-critic/social-credit", "state", "'assert'"
    )


def test_invalid_id(corpus_files, write_corpus):
    corpus_files["analysis/blind_spots.yaml"][0]["id"] = "No Official Voice"
    only_problem(
        write_corpus(corpus_files),
        "analysis/blind_spots.yaml",
        "No Official Voice",
        "not a valid id",
    )


def test_invalid_colour(corpus_files, write_corpus):
    corpus_files[CAMPS][0]["colour"] = "green"
    only_problem(write_corpus(corpus_files), CAMPS, "optimists", "colour")


def test_list_file_that_is_not_a_list(corpus_files, write_corpus):
    corpus_files[MOTIONS] = {"id": "trust-not-control"}
    only_problem(write_corpus(corpus_files), MOTIONS, None, "expected a list")


# --- ids and references ---------------------------------------------------------------------


def test_duplicate_ids(corpus_files, write_corpus):
    corpus_files[CAMPS].append(dict(corpus_files[CAMPS][1]))
    problem = only_problem(
        write_corpus(corpus_files), CAMPS, "critics", "duplicate camp id 'critics'", f"{CAMPS}:"
    )
    assert problem.line is not None


def test_duplicate_ids_across_a_file_and_a_folder(corpus_files, write_corpus):
    corpus_files["analysis/claims/more.yaml"] = [dict(corpus_files[CLAIMS][0])]
    only_problem(
        write_corpus(corpus_files),
        "analysis/claims/more.yaml",
        "plan-2014",
        "duplicate claim id",
        CLAIMS,
    )


def test_two_guides_for_one_document(corpus_files, write_corpus):
    corpus_files[GUIDES].append({"document": "trust-essay", "thesis": "Again."})
    only_problem(write_corpus(corpus_files), GUIDES, "trust-essay", "duplicate guide")


def _set(files, file, index, field, value):
    files[file][index][field] = value


BROKEN_REFERENCES = [
    # (what to break, file, entry, message fragment)
    (
        lambda f: position(f, ESSAY_POSITIONS, "ben-critic", "social-credit").update(
            voice="ben-critik"
        ),
        ESSAY_POSITIONS,
        "ben-critik/social-credit",
        "unknown voice 'ben-critik'",
    ),
    (
        lambda f: position(f, REPORT_POSITIONS, "cara-voice", "social-credit").update(
            topic="social-credits"
        ),
        REPORT_POSITIONS,
        "cara-voice/social-credits",
        "unknown topic 'social-credits'",
    ),
    (
        lambda f: _set(f, VOICES, 0, "camp", "optimist"),
        VOICES,
        "ann-writer",
        "unknown camp 'optimist' (did you mean 'optimists'?)",
    ),
    (
        lambda f: _set(f, VOICES, 2, "documents", ["camera-report", "lost-report"]),
        VOICES,
        "cara-voice",
        "unknown document 'lost-report'",
    ),
    (
        lambda f: position(f, ESSAY_POSITIONS, "ben-critic", "social-credit").update(
            answers=["ann-writer/technology"]
        ),
        ESSAY_POSITIONS,
        "ben-critic/social-credit",
        "answers unknown position",
    ),
    (
        lambda f: _set(f, MOTIONS, 0, "topic", "social"),
        MOTIONS,
        "trust-not-control",
        "unknown topic 'social'",
    ),
    (lambda f: _set(f, CLAIMS, 0, "voice", "ann"), CLAIMS, "plan-2014", "unknown voice 'ann'"),
    (
        lambda f: _set(f, CLAIMS, 0, "topics", ["social-credit", "law"]),
        CLAIMS,
        "plan-2014",
        "unknown topic 'law'",
    ),
    (
        lambda f: _set(f, CLAIMS, 0, "document", "essay"),
        CLAIMS,
        "plan-2014",
        "unknown document 'essay'",
    ),
    (
        lambda f: _set(f, EVENTS, 0, "topics", ["tiananmen"]),
        EVENTS,
        "social-credit-plan",
        "unknown topic 'tiananmen'",
    ),
    (
        lambda f: f[EVENTS][0]["mentions"][1].update(document="report"),
        EVENTS,
        "social-credit-plan",
        "unknown document 'report'",
    ),
    (
        lambda f: _set(f, GUIDES, 0, "document", "essay"),
        GUIDES,
        "essay",
        "unknown document 'essay'",
    ),
]


@pytest.mark.parametrize(("breaking", "file", "entry", "fragment"), BROKEN_REFERENCES)
def test_unknown_references(corpus_files, write_corpus, breaking, file, entry, fragment):
    breaking(corpus_files)
    problem = only_problem(write_corpus(corpus_files), file, entry, fragment)
    assert problem.line is not None


def test_positions_file_of_unknown_document(corpus_files, write_corpus):
    corpus_files[REPORT_POSITIONS]["document"] = "camera-reports"
    problems = problems_of(write_corpus(corpus_files))
    problem = find_problem(problems, REPORT_POSITIONS, None, "unknown document 'camera-reports'")
    assert problem.line == 1


def test_position_answering_itself(corpus_files, write_corpus):
    position(corpus_files, ESSAY_POSITIONS, "ann-writer", "social-credit")["answers"] = [
        "ann-writer/social-credit"
    ]
    only_problem(
        write_corpus(corpus_files),
        ESSAY_POSITIONS,
        "ann-writer/social-credit",
        "cannot answer itself",
    )


# --- positions ------------------------------------------------------------------------------


@pytest.mark.parametrize("stance", [3, -3, 10])
def test_stance_outside_the_axis(corpus_files, write_corpus, stance):
    position(corpus_files, ESSAY_POSITIONS, "ann-writer", "social-credit")["stance"] = stance
    only_problem(
        write_corpus(corpus_files),
        ESSAY_POSITIONS,
        "ann-writer/social-credit",
        "stance",
        "outside the range -2..+2",
    )


@pytest.mark.parametrize("stance", [1.5, "two", True])
def test_stance_must_be_an_integer(corpus_files, write_corpus, stance):
    position(corpus_files, ESSAY_POSITIONS, "ann-writer", "social-credit")["stance"] = stance
    only_problem(
        write_corpus(corpus_files), ESSAY_POSITIONS, "ann-writer/social-credit", "stance", "integer"
    )


@pytest.mark.parametrize("state", ["asserts", "mixed"])
def test_stance_required_unless_mentions(corpus_files, write_corpus, state):
    entry = position(corpus_files, REPORT_POSITIONS, "cara-voice", "technology-and-control")
    entry["state"] = state
    del entry["stance"]
    only_problem(
        write_corpus(corpus_files),
        REPORT_POSITIONS,
        "cara-voice/technology-and-control",
        "stance is required",
    )


def test_no_stance_when_mentions(corpus_files, write_corpus):
    position(corpus_files, ESSAY_POSITIONS, "ann-writer", "technology-and-control")["stance"] = 0
    only_problem(
        write_corpus(corpus_files),
        ESSAY_POSITIONS,
        "ann-writer/technology-and-control",
        "stance must be omitted",
    )


def test_two_positions_of_a_voice_on_one_topic(corpus_files, write_corpus):
    corpus_files[REPORT_POSITIONS]["positions"].append(
        {
            "voice": "ben-critic",
            "topic": "social-credit",
            "stance": -1,
            "state": "asserts",
            "summary": "Again.",
            "evidence": ["a cage of data"],
        }
    )
    # Files are read in name order: camera-report's position comes first.
    problem = only_problem(
        write_corpus(corpus_files),
        ESSAY_POSITIONS,
        "ben-critic/social-credit",
        "already has a position",
        REPORT_POSITIONS,
    )
    assert problem.line is not None


def test_quote_not_in_document_gives_the_closest_passage(corpus_files, write_corpus):
    entry = position(corpus_files, REPORT_POSITIONS, "cara-voice", "technology-and-control")
    entry["evidence"] = ["cameras and platforms give the government more eyes than ever"]
    problem = only_problem(
        write_corpus(corpus_files),
        REPORT_POSITIONS,
        "cara-voice/technology-and-control",
        "quote not found in document camera-report",
        '"cameras and platforms give the government more eyes than ever"',
        'closest passage: "cameras and platforms give the state more eyes',
    )
    lines = (write_corpus(corpus_files) / REPORT_POSITIONS).read_text().splitlines()
    assert "government" in lines[problem.line - 1]


def test_quote_must_match_more_than_whitespace_and_quote_marks(corpus_files, write_corpus):
    entry = position(corpus_files, ESSAY_POSITIONS, "ann-writer", "social-credit")
    entry["evidence"] = ["It is a ledger of promises, not a cage."]  # capital I
    only_problem(
        write_corpus(corpus_files), ESSAY_POSITIONS, "ann-writer/social-credit", "quote not found"
    )


def test_claim_and_event_quotes_are_checked(corpus_files, write_corpus):
    corpus_files[CLAIMS][0]["quote"] = "In 2015 the State Council"
    corpus_files[EVENTS][0]["mentions"][0]["quote"] = "In 2013"
    problems = problems_of(write_corpus(corpus_files))
    assert len(problems) == 2
    find_problem(problems, CLAIMS, "plan-2014", "quote not found in document trust-essay")
    find_problem(problems, EVENTS, "social-credit-plan", "quote not found")


def test_quoted_voice_must_be_named_in_the_document(corpus_files, write_corpus):
    corpus_files[VOICES][1]["name"] = "Benedict Critique"
    corpus_files[VOICES][1]["aliases"] = ["Critiques"]
    problems = problems_of(write_corpus(corpus_files))
    assert len(problems) == 2  # one per document of the voice
    find_problem(problems, VOICES, "ben-critic", "not named", "trust-essay", "Benedict Critique")
    find_problem(problems, VOICES, "ben-critic", "not named", "camera-report")


def test_alias_names_a_voice_as_a_whole_word(corpus_files, write_corpus):
    corpus_files[VOICES][1]["name"] = "B. Critic"
    corpus_files[VOICES][1]["aliases"] = ["critic"]  # case-insensitive, whole word
    load_corpus(write_corpus(corpus_files))
    corpus_files[VOICES][1]["aliases"] = ["Crit"]  # only part of a word
    assert len(problems_of(write_corpus(corpus_files))) == 2


def test_position_voice_must_list_the_document(corpus_files, write_corpus):
    corpus_files[VOICES][1]["documents"] = ["camera-report"]
    only_problem(
        write_corpus(corpus_files),
        ESSAY_POSITIONS,
        "ben-critic/social-credit",
        "does not list document 'trust-essay'",
    )


@pytest.mark.parametrize("count", [0, 4])
def test_evidence_count(corpus_files, write_corpus, count):
    entry = position(corpus_files, ESSAY_POSITIONS, "ann-writer", "social-credit")
    entry["evidence"] = ["it is a ledger of promises"] * count
    only_problem(
        write_corpus(corpus_files),
        ESSAY_POSITIONS,
        "ann-writer/social-credit",
        "evidence",
        f"1 to 3 quotes, not {count}",
    )


# --- all together ---------------------------------------------------------------------------


def test_every_problem_in_every_file_is_reported_together(corpus_files, write_corpus):
    del corpus_files[ESSAY].meta["title"]
    corpus_files[REPORT_POSITIONS]["positions"][0]["evidence"] = ["not in the text at all"]
    position(corpus_files, ESSAY_POSITIONS, "ann-writer", "social-credit")["stance"] = 5
    corpus_files[VOICES][0]["camp"] = "nobody"
    corpus_files[TOPICS][1]["colour"] = "red"
    corpus_files[MOTIONS][0]["proposition"] = "middle"
    corpus_files[CLAIMS][0]["voice"] = "nobody"
    corpus_files[EVENTS] = "- id: [broken\n"
    problems = problems_of(write_corpus(corpus_files))
    find_problem(problems, ESSAY, "trust-essay", "missing field 'title'")
    find_problem(problems, REPORT_POSITIONS, "cara-voice/technology-and-control", "quote not found")
    find_problem(problems, ESSAY_POSITIONS, "ann-writer/social-credit", "outside the range")
    find_problem(problems, VOICES, "ann-writer", "unknown camp 'nobody'")
    find_problem(problems, TOPICS, "technology-and-control", "unknown field 'colour'")
    find_problem(problems, MOTIONS, "trust-not-control", "proposition")
    find_problem(problems, CLAIMS, "plan-2014", "unknown voice 'nobody'")
    find_problem(problems, EVENTS, None, "malformed YAML")
    assert len(problems) == 8, "\n".join(map(str, problems))
    ordered = [(p.file, p.line or 0) for p in problems]
    assert ordered == sorted(ordered)


def test_corpus_error_text_lists_every_problem(corpus_files, write_corpus):
    corpus_files[VOICES][0]["camp"] = "nobody"
    corpus_files[MOTIONS][0]["topic"] = "nothing"
    with pytest.raises(CorpusError) as caught:
        load_corpus(write_corpus(corpus_files))
    text = str(caught.value)
    assert text.startswith("2 problems in corpus ")
    for problem in caught.value.problems:
        assert str(problem) in text


def test_problem_format():
    problem = Problem("analysis/positions/x.yaml", "a/b", 12, "quote not found")
    assert str(problem) == "analysis/positions/x.yaml:12: a/b: quote not found"
    assert str(Problem("corpus.yaml", None, None, "missing")) == "corpus.yaml: missing"
