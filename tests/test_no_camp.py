"""A voice may have no camp (a quoted person whose school of thought is not known): the loader
accepts it, and every page and command shows such a voice under "No camp"."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from perspectives.charts.spectrum import spectrum_frame, spectrum_strip
from perspectives.corpus import load_corpus
from perspectives.corpus.entities import NO_CAMP
from perspectives.ui.navigation import PAGE_SPECS
from tests.apptest import open_page
from tests.cli_run import run

RENT = Path(__file__).resolve().parent / "corpora" / "rent-control"
PAGES = [file.removesuffix(".py") for specs in PAGE_SPECS.values() for file, *_ in specs]


def campless(root: Path) -> Path:
    """rent-control with Marta Silva's camp left out and Ella Lindqvist's written as null."""
    shutil.copytree(RENT, root)
    voices = root / "analysis" / "voices.yaml"
    text = voices.read_text(encoding="utf-8")
    text = text.replace(
        "  role: A tenant quoted by Brandt\n  camp: tenant-advocates\n",
        "  role: A tenant quoted by Brandt\n",
    )
    text = text.replace("  camp: evidence-reviewers\n", "  camp: null\n")
    voices.write_text(text, encoding="utf-8")
    return root


@pytest.fixture
def corpus_root(tmp_path, monkeypatch):
    root = campless(tmp_path / "campless")
    monkeypatch.setenv("PERSPECTIVES_CORPUS", str(root))
    return root


def test_the_loader_accepts_a_voice_with_no_camp(corpus_root):
    corpus = load_corpus(corpus_root)
    assert corpus.voice("marta-silva").camp is None
    assert corpus.voice("ella-lindqvist").camp is None
    assert corpus.camp_of("marta-silva") is NO_CAMP
    assert corpus.camp_of("jonas-brandt").id == "tenant-advocates"
    assert [v.id for v in corpus.voices_in_camp("tenant-advocates")] == ["jonas-brandt"]


def test_an_unknown_camp_is_still_an_error(tmp_path):
    root = campless(tmp_path / "c")
    voices = root / "analysis" / "voices.yaml"
    voices.write_text(
        voices.read_text(encoding="utf-8").replace("camp: null", "camp: reviewers"),
        encoding="utf-8",
    )
    with pytest.raises(Exception, match="unknown camp 'reviewers'"):
        load_corpus(root)


def test_the_spectrum_colours_a_voice_with_no_camp_grey(corpus_root):
    corpus = load_corpus(corpus_root)
    topic = next(
        t.id
        for t in corpus.topics
        if any(p.voice == "ella-lindqvist" and p.placed for p in corpus.positions_for_topic(t.id))
    )
    frame = spectrum_frame(corpus, topic)
    row = frame[frame.voice_id == "ella-lindqvist"].iloc[0]
    assert (row.camp_name, row.camp_colour) == ("No camp", NO_CAMP.colour)
    chart = spectrum_strip(corpus, topic).to_dict()
    scales = [
        layer["encoding"]["color"]["scale"]
        for layer in chart.get("layer", [])
        if "color" in layer.get("encoding", {})
    ]
    assert any("No camp" in s["domain"] and NO_CAMP.colour in s["range"] for s in scales)


@pytest.mark.parametrize("page", PAGES)
def test_every_page_shows_a_voice_with_no_camp(corpus_root, page):
    open_page(page)  # fails on any exception


def test_compare_says_no_camp(corpus_root):
    corpus = load_corpus(corpus_root)
    topic = next(p.topic for p in corpus.positions_for_voice("ella-lindqvist") if p.placed)
    at = open_page("compare", topic=topic)
    assert any("No camp" in str(m.value) for m in at.markdown)


@pytest.mark.parametrize(
    "args",
    [
        ["export", "--format", "csv"],
        ["export", "--format", "json"],
        ["search", "rent"],
    ],
)
def test_commands_with_a_voice_with_no_camp(corpus_root, args):
    result = run(*args, "--corpus", str(corpus_root))
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr


def test_the_quiz_by_camp_offers_no_camp(corpus_root):
    at = open_page("quiz")
    at.segmented_control(key="quiz-mode").set_value("camp").run()
    assert not at.exception, [e.value for e in at.exception]


def test_briefs_on_every_motion(corpus_root, tmp_path):
    corpus = load_corpus(corpus_root)
    for motion in corpus.motions:
        for side in ("proposition", "opposition"):
            out = tmp_path / f"{motion.id}-{side}.md"
            result = run(
                "brief",
                "--motion",
                motion.id,
                "--side",
                side,
                "--format",
                "md",
                "--out",
                str(out),
                "--corpus",
                str(corpus_root),
            )
            assert result.returncode == 0, result.stderr
            assert out.read_text(encoding="utf-8").strip()
