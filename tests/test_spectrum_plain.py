"""The printed handout's spectrum spec, written without Altair (`charts.spectrum_plain`), is the
dict Altair writes for the explorer's chart (`charts.spectrum.spectrum_strip`), key for key."""

from __future__ import annotations

import subprocess
import sys

import pytest

from perspectives.charts.spectrum import spectrum_strip
from perspectives.charts.spectrum_plain import spectrum_vegalite
from perspectives.corpus import default_corpus_path, load_corpus
from tests.test_no_camp import campless


def same_as_altair(corpus, voice_ids=None, legend=True) -> None:
    for topic in corpus.topics:
        plain = spectrum_vegalite(corpus, topic.id, voice_ids, legend)
        assert plain == spectrum_strip(corpus, topic.id, voice_ids, legend).to_dict(validate=False)


@pytest.mark.parametrize("legend", [True, False])
def test_every_topic_of_the_default_corpus(legend):
    same_as_altair(load_corpus(default_corpus_path()), legend=legend)


def test_some_voices_only():
    corpus = load_corpus(default_corpus_path())
    same_as_altair(corpus, [v.id for v in corpus.voices[::3]])
    same_as_altair(corpus, ["no-such-voice"])  # nobody placed: an empty dataset


def test_voices_with_no_camp_and_hostile_text(tmp_path, hostile_corpus_dir):
    same_as_altair(load_corpus(campless(tmp_path / "campless")))
    same_as_altair(load_corpus(hostile_corpus_dir))


def test_the_handout_charts_need_neither_altair_nor_pandas():
    code = (
        "import sys; from perspectives.corpus import load_corpus, default_corpus_path;"
        "from perspectives.charts.printable import spectrum_spec;"
        "c = load_corpus(default_corpus_path()); spectrum_spec(c, c.topics[0].id);"
        "print('altair' in sys.modules, 'pandas' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["False", "False"]
