"""The loader, part 1: a valid corpus loads into immutable objects (text, paragraphs, evidence
spans, lookups, caching), and missing, malformed or misplaced files are reported."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from pydantic import ValidationError

from perspectives.corpus import clear_cache, default_corpus_path, load_cached, load_corpus
from perspectives.corpus.problems import UnknownIdError
from tests.loader_helpers import (
    CAMPS,
    CLAIMS,
    ESSAY,
    EVENTS,
    GUIDES,
    MOTIONS,
    REPORT,
    TOPICS,
    VOICES,
    find_problem,
    only_problem,
    problems_of,
)

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


def test_every_list_may_be_a_folder_of_files(corpus_files, write_corpus):
    """A long reading list's voices outgrow one file: each list may be split into a folder."""
    voices = corpus_files.pop(VOICES)
    corpus_files["analysis/voices/first.yaml"] = voices[:1]
    corpus_files["analysis/voices/rest.yaml"] = voices[1:]
    topics = corpus_files.pop(TOPICS)
    corpus_files["analysis/topics/all.yaml"] = topics
    corpus_files["analysis/camps/more.yaml"] = corpus_files[CAMPS][1:]
    corpus_files[CAMPS] = corpus_files[CAMPS][:1]
    corpus = load_corpus(write_corpus(corpus_files))
    assert [v.id for v in corpus.voices] == [v["id"] for v in voices]
    assert [t.id for t in corpus.topics] == [t["id"] for t in topics]


def test_problems_in_a_list_folder_name_their_file(corpus_files, write_corpus):
    voices = corpus_files.pop(VOICES)
    corpus_files["analysis/voices/a.yaml"] = voices
    corpus_files["analysis/voices/b.yaml"] = [{**voices[0], "relation": "wrote"}]
    corpus_files["analysis/voices/notes.txt"] = "not a list"
    problems = problems_of(write_corpus(corpus_files))
    find_problem(problems, "analysis/voices/b.yaml", voices[0]["id"], "relation")
    find_problem(problems, "analysis/voices/notes.txt", None, "unexpected file")


def test_a_voice_in_a_folder_that_does_not_list_a_document_names_its_file(
    corpus_files, write_corpus
):
    voices = corpus_files.pop(VOICES)
    cara = next(v for v in voices if v["id"] == "cara-voice")
    corpus_files["analysis/voices/others.yaml"] = [v for v in voices if v is not cara]
    corpus_files["analysis/voices/cara.yaml"] = [{**cara, "documents": ["trust-essay"]}]
    messages = [p.message for p in problems_of(write_corpus(corpus_files))]
    wanted = "does not list document 'camera-report' among its documents"
    found = [m for m in messages if wanted in m]
    assert found, messages
    assert all("(analysis/voices/cara.yaml)" in m for m in found), found


def test_a_repeated_id_across_a_list_folder_is_reported(corpus_files, write_corpus):
    voices = corpus_files[VOICES]
    corpus_files["analysis/voices/more.yaml"] = [voices[0]]
    find_problem(
        problems_of(write_corpus(corpus_files)),
        "analysis/voices/more.yaml",
        voices[0]["id"],
        "duplicate voice id",
        VOICES,
    )


def test_an_empty_required_list_folder_is_named(corpus_files, write_corpus):
    corpus_files.pop(CAMPS)
    corpus_files["analysis/camps/.keep"] = ""
    problems = problems_of(write_corpus(corpus_files))
    find_problem(problems, "analysis/camps/", None, "holds no .yaml file")


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
    problem = find_problem(
        problems_of(write_corpus(corpus_files)), TOPICS, None, "the file cannot be read"
    )
    assert problem.line in (2, 3, 4)


def test_duplicate_yaml_key(corpus_files, write_corpus):
    corpus_files[MOTIONS] = (
        "- id: trust-not-control\n  topic: social-credit\n  text: x\n"
        "  proposition: high\n  topic: social-credit\n"
    )
    problem = only_problem(
        write_corpus(corpus_files), MOTIONS, None, "the field 'topic' is given twice"
    )
    assert problem.line == 5


def test_malformed_front_matter_reports_the_file_line(corpus_files, write_corpus):
    corpus_files[ESSAY] = "---\ntitle: ok\nauthors: [unclosed\n---\n" + corpus_files[ESSAY].text
    problem = only_problem(
        write_corpus(corpus_files), ESSAY, "trust-essay", "the front matter cannot be read"
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
        write_corpus(corpus_files), REPORT, "camera-report", "not saved as UTF-8 text"
    )
    assert problem.line is not None and "0x93" in problem.detail


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
