"""The explorer's chart specs: encodings, colour domains, pole labels, silent cells."""

from __future__ import annotations

import pytest

from perspectives.charts import heatmap, spectrum
from perspectives.charts import style as charts
from perspectives.corpus import load_corpus
from perspectives.views import matrix


@pytest.fixture
def corpus(corpus_dir):
    return load_corpus(corpus_dir)


def rows_of(spec: dict, layer: dict) -> list[dict]:
    """The data rows a layer draws (its own dataset, or the chart's)."""
    name = (layer.get("data") or spec.get("data"))["name"]
    return spec["datasets"][name]


def layers_with(spec: dict, mark: str) -> list[dict]:
    return [
        layer
        for layer in spec["layer"]
        if (layer["mark"] if isinstance(layer["mark"], str) else layer["mark"]["type"]) == mark
    ]


def test_spectrum_frame_gives_every_placed_voice_its_own_row(corpus):
    frame = spectrum.spectrum_frame(corpus, "social-credit")
    assert list(frame["voice_id"]) == ["ben-critic", "cara-voice", "ann-writer"]
    assert list(frame["stance"]) == [-2, 0, 2]
    assert list(frame["row"]) == [0, 1, 2]  # no two labels share a line
    assert list(frame["label_side"]) == ["right", "right", "left"]  # labels stay inside
    assert list(frame["camp_colour"]) == ["#D55E00", "#D55E00", "#009E73"]
    # a voice that only mentions a topic is not put on the axis
    assert list(spectrum.spectrum_frame(corpus, "technology-and-control")["voice_id"]) == [
        "cara-voice"
    ]


def test_spectrum_strip_colours_points_by_camp_with_the_camps_own_colours(corpus):
    spec = spectrum.spectrum_strip(corpus, "social-credit").to_dict()
    (points,) = layers_with(spec, "circle")
    colour = points["encoding"]["color"]
    assert colour["field"] == "camp_name"
    assert colour["scale"] == {"domain": ["Optimists", "Critics"], "range": ["#009E73", "#D55E00"]}
    assert points["encoding"]["x"]["field"] == "stance"
    low, high = points["encoding"]["x"]["scale"]["domain"]
    assert low < -2 and high > 2
    assert points["encoding"]["x"]["axis"]["values"] == [-2, -1, 0, 1, 2]
    assert [r["voice_name"] for r in rows_of(spec, points)] == [
        "Ben Critic",
        "Cara Voice",
        "Ann Writer",
    ]


def test_spectrum_strip_puts_the_low_pole_left_and_the_high_pole_right(corpus):
    spec = spectrum.spectrum_strip(corpus, "social-credit").to_dict()
    texts = [row for layer in layers_with(spec, "text") for row in rows_of(spec, layer)]
    poles = {row["align"]: row for row in texts if "align" in row}
    assert set(poles) == {"left", "right"}
    assert poles["left"]["stance"] < 0 < poles["right"]["stance"]
    assert " ".join(poles["left"]["text"].split()[2:]) == "instrument of repression"
    assert " ".join(poles["right"]["text"].split()[2:]) == "trust-building governance"
    assert "−2" in poles["left"]["text"] and "+2" in poles["right"]["text"]


def test_spectrum_strip_has_an_accessible_title_and_description(corpus):
    spec = spectrum.spectrum_strip(corpus, "social-credit").to_dict()
    assert "Social credit" in spec["title"]["text"]
    for words in ("instrument of repression", "Ben Critic −2", "Cara Voice 0", "Ann Writer +2"):
        assert words in spec["description"]


def test_spectrum_strip_narrows_to_the_chosen_voices_and_their_camps(corpus):
    spec = spectrum.spectrum_strip(corpus, "social-credit", ["ann-writer"], legend=False).to_dict()
    (points,) = layers_with(spec, "circle")
    assert [r["voice_id"] for r in rows_of(spec, points)] == ["ann-writer"]
    assert points["encoding"]["color"]["scale"]["domain"] == ["Optimists"]
    assert points["encoding"]["color"]["legend"] is None


def test_heatmap_orders_voices_by_mean_stance_and_topics_as_the_corpus(corpus):
    spec = heatmap.stance_heatmap(corpus).to_dict()
    cells = layers_with(spec, "rect")[0]
    x, y = cells["encoding"]["x"], cells["encoding"]["y"]
    names = [corpus.voice(v).name for v in matrix.voice_order(corpus)]
    assert names == ["Ben Critic", "Cara Voice", "Ann Writer"]
    assert x["field"] == "voice_name" and x["sort"] == names and x["scale"]["domain"] == names
    assert y["field"] == "topic_label" and y["sort"] == ["Social credit", "Technology and control"]


def test_heatmap_uses_a_colour_blind_safe_diverging_scale_and_marks_silence_apart(corpus):
    spec = heatmap.stance_heatmap(corpus).to_dict()
    fill = layers_with(spec, "rect")[0]["encoding"]["fill"]
    assert fill["field"] == "cell_key"
    colours = dict(zip(fill["scale"]["domain"], fill["scale"]["range"], strict=True))
    stance_colours = [colours[label] for label in ("−2", "−1", "0", "+1", "+2")]
    assert stance_colours == charts.STANCE_COLOURS  # sampled from Vega's "blueorange"
    assert len(set(colours.values())) == len(colours)  # every kind of cell looks different
    assert colours["—: silent"] not in stance_colours
    assert colours["m: no side"] not in stance_colours
    assert fill["legend"]["title"] == "Stance"

    (text,) = layers_with(spec, "text")
    by_cell = {(r["topic_id"], r["voice_id"]): r for r in rows_of(spec, text)}
    assert text["encoding"]["text"]["field"] == "cell_text"
    assert by_cell[("social-credit", "cara-voice")]["cell_text"] == "0"
    assert by_cell[("social-credit", "cara-voice")]["cell_key"] == "0"
    assert by_cell[("technology-and-control", "ben-critic")]["cell_text"] == "—"
    assert by_cell[("technology-and-control", "ben-critic")]["cell_key"] == "—: silent"
    assert by_cell[("technology-and-control", "ann-writer")]["cell_text"] == "m"
    assert by_cell[("social-credit", "ben-critic")]["cell_text"] == "−2"


def test_heatmap_offers_a_cell_selection_and_outlines_the_current_cell(corpus):
    spec = heatmap.stance_heatmap(corpus, ("social-credit", "ann-writer")).to_dict()
    (param,) = spec["params"]
    assert param["name"] == "cell"
    assert param["select"] == {"type": "point", "fields": ["topic_id", "voice_id"]}
    outlines = [
        layer
        for layer in layers_with(spec, "rect")
        if layer.get("transform") == [{"filter": "datum.current"}]
    ]
    assert len(outlines) == 1
    current = [r for r in rows_of(spec, outlines[0]) if r["current"]]
    assert [(r["topic_id"], r["voice_id"]) for r in current] == [("social-credit", "ann-writer")]
    nothing = heatmap.stance_heatmap(corpus).to_dict()
    assert not any(r["current"] for r in rows_of(nothing, nothing["layer"][0]))


def test_matrix_frame_is_the_download_behind_the_heatmap(corpus):
    frame = heatmap.matrix_frame(corpus)
    assert len(frame) == 2 * 3
    assert set(frame["kind"]) == {"stance", "mentions", "silent"}
    assert {"topic_id", "voice_id", "stance", "state", "cell_text"} <= set(frame.columns)
