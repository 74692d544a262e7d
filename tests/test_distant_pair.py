"""Compare's default pair (`agreement.most_distant_pair`), found without listing every pair,
is the pair the definition names: the widest mean gap over two shared topics (else one), then
more shared topics, then ids. Checked against the list of every pair on real and synthetic
corpora (the synthetic ones nudge stances at random, so ties at the widest gap are many)."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.synth import write_corpus as write_synthetic
from perspectives.corpus import load_corpus
from perspectives.views import agreement
from perspectives.views.ranking import shown

ROOT = Path(__file__).resolve().parents[1]


def by_definition(corpus):
    rows = agreement.ranked_pairs(corpus, 2) or agreement.ranked_pairs(corpus, 1)
    if not rows:
        return None
    return min(rows, key=lambda r: (-shown(r.distance), -r.shared, r.voice_a, r.voice_b))


@pytest.mark.parametrize("folder", ["data", "tests/corpora/rent-control"])
def test_the_default_pair_on_the_shipped_corpora(folder):
    corpus = load_corpus(ROOT / folder)
    assert agreement.most_distant_pair(corpus) == by_definition(corpus) is not None


@pytest.mark.parametrize(("copies", "seed", "groups"), [(3, 1, None), (8, 5, None), (6, 2, 2)])
def test_the_default_pair_on_synthetic_corpora(tmp_path, copies, seed, groups):
    folder = write_synthetic(
        ROOT / "data", tmp_path / "c", copies=copies, seed=seed, voice_groups=groups
    )
    corpus = load_corpus(folder)
    assert agreement.most_distant_pair(corpus) == by_definition(corpus)


def test_neighbours_are_the_voices_pairs(corpus_dir):
    corpus = load_corpus(corpus_dir)
    for voice in corpus.voices:
        expected = [
            r
            if r.voice_a == voice.id
            else agreement.Agreement(voice.id, r.voice_a, r.shared, r.distance)
            for r in agreement.pair_agreement(corpus)
            if voice.id in (r.voice_a, r.voice_b)
        ]
        assert sorted(agreement.neighbours(corpus, voice.id), key=repr) == sorted(
            expected, key=repr
        )


def test_no_pair_when_fewer_than_two_voices_are_placed(corpus_files, write_corpus):
    del corpus_files["analysis/positions/camera-report.yaml"]
    positions = corpus_files["analysis/positions/trust-essay.yaml"]["positions"]
    corpus_files["analysis/positions/trust-essay.yaml"]["positions"] = [
        p for p in positions if p["voice"] == "ann-writer"
    ]
    corpus = load_corpus(write_corpus(corpus_files))
    assert agreement.most_distant_pair(corpus) is None
