"""Projector mode and the app's stylesheets (ui/present.py): contrast of the colours used,
the stylesheets' safety, chart scaling, and the pages under AppTest."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from streamlit.elements.html import _html_only_style_tags

from perspectives.charts import spectrum
from perspectives.corpus import default_corpus_path, load_cached
from perspectives.ui import present
from tests.apptest import open_page
from tests.contrast import AA_GRAPHIC, AA_TEXT, blend, ratio


def test_contrast_formula_on_known_pairs():
    assert ratio("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert ratio("#FFFFFF", "#FFFFFF") == pytest.approx(1.0)
    assert ratio("#767676", "#FFFFFF") == pytest.approx(4.54, abs=0.01)  # the AA edge
    assert ratio("#777777", "#FFFFFF") < AA_TEXT


def test_quotes_meet_wcag_aa_at_normal_size():
    assert ratio(present.QUOTE_TEXT, present.BACKGROUND) >= AA_TEXT
    assert ratio(present.QUOTE_RULE, present.BACKGROUND) >= AA_GRAPHIC
    # Streamlit's own quote style (60 % opacity) is what the stylesheet undoes: it sits on the
    # AA edge, the new colour far above it.
    dimmed = blend(present.TEXT, present.BACKGROUND, 0.6)
    assert ratio(present.QUOTE_TEXT, present.BACKGROUND) > 3 * ratio(dimmed, present.BACKGROUND)


def test_projector_colours_are_full_contrast():
    assert ratio(present.PRESENT_QUOTE_TEXT, present.BACKGROUND) == pytest.approx(21.0)
    assert ratio(present.PRESENT_QUOTE_RULE, present.BACKGROUND) >= AA_TEXT
    assert ratio(present.TEXT, present.BACKGROUND) >= 7  # captions too (AAA)


def test_every_colour_in_the_stylesheets_is_one_checked_above():
    checked = {
        present.TEXT,
        present.QUOTE_TEXT,
        present.QUOTE_RULE,
        present.PRESENT_QUOTE_TEXT,
        present.PRESENT_QUOTE_RULE,
        present.ROW_RULE,  # a decorative rule between rows: no contrast asked
    }
    for css in (present.BASE_CSS, present.PRESENT_CSS):
        assert set(re.findall(r"#[0-9A-Fa-f]{6}\b", css)) <= checked


def test_stylesheets_are_style_only():
    """Only <style> blocks: Streamlit puts them in its event container (no blank space), and
    nothing in them is text from a user or a document."""
    for css in (present.BASE_CSS, present.PRESENT_CSS):
        assert _html_only_style_tags(css)
        assert "{" in css and "<script" not in css.lower()
    assert "opacity: 1" in present.BASE_CSS  # Streamlit dims blockquotes to 0.6
    assert 'data-testid="stSidebar"' in present.PRESENT_CSS


def test_scaled_multiplies_type_and_marks_not_data():
    spec = {
        "mark": {"type": "text", "fontSize": 12, "dx": -10},
        "encoding": {"x": {"axis": {"labelLimit": 100}}, "size": {"field": "n"}},
        "layer": [{"mark": {"type": "circle", "size": 100}}],
        "datasets": {"d": [{"fontSize": 3, "size": 2}]},
        "height": 200,
        "width": "container",
    }
    out = present.scaled(spec, 2)
    assert out["mark"] == {"type": "text", "fontSize": 24, "dx": -20}
    assert out["encoding"]["x"]["axis"]["labelLimit"] == 200
    assert out["encoding"]["x"]["axis"]["labelFontSize"] == 22  # Vega's default, scaled
    assert out["encoding"]["size"] == {"field": "n"}
    assert out["layer"][0]["mark"]["size"] == 400  # an area
    assert out["datasets"] == spec["datasets"]
    assert out["height"] == 400 and out["width"] == "container"


def test_projector_spec_scales_a_real_chart():
    corpus = load_cached(default_corpus_path())
    chart = spectrum.spectrum_strip(corpus, corpus.topics[0].id, legend=False)
    plain, big = chart.to_dict(), present.projector_spec(chart)
    assert big["height"] == pytest.approx(plain["height"] * present.CHART_SCALE, abs=0.1)
    assert big["config"]["title"]["fontSize"] > 14
    assert big["datasets"] == plain["datasets"]


def _drawn_both_ways(build: str, **kwargs: str) -> list:
    """The chart `build` (an expression over `corpus`) drawn by st.altair_chart and by
    present.vega_chart from its cached spec; the two elements' protos."""
    from streamlit.testing.v1 import AppTest

    def script(build: str, kwargs: dict) -> None:
        import streamlit as st

        from perspectives.charts import heatmap, spectrum, timeline  # noqa: F401
        from perspectives.corpus import default_corpus_path, load_cached
        from perspectives.ui import cache, present

        corpus = load_cached(default_corpus_path())
        chart = eval(build)
        st.altair_chart(chart, width="stretch", **kwargs, **({"key": "a"} if kwargs else {}))
        spec = present.vega_spec(chart)
        present.vega_chart(spec, width="stretch", **kwargs, **({"key": "b"} if kwargs else {}))
        # the cache's entries are plain data: they pickle
        cache.heatmap_spec(corpus, None, (corpus.voices[0].id,))

    at = AppTest.from_function(script, args=(build, kwargs), default_timeout=60).run()
    assert not at.exception, at.exception
    return [element.proto for element in at.get("vega_lite_chart")]


@pytest.mark.parametrize(
    "build",
    [
        "spectrum.spectrum_strip(corpus, corpus.topics[0].id, legend=False)",
        "timeline.timeline_chart(corpus)",
        "heatmap.stance_heatmap(corpus, (corpus.topics[0].id, corpus.voices[0].id))",
    ],
)
def test_a_cached_spec_draws_the_element_st_altair_chart_draws(build):
    kwargs = {"on_select": "rerun", "selection_mode": "cell"} if "heatmap" in build else {}
    plain, cached = _drawn_both_ways(build, **kwargs)
    assert cached.spec == plain.spec
    assert [(d.name, d.data.data) for d in cached.datasets] == [
        (d.name, d.data.data) for d in plain.datasets
    ]
    assert (cached.theme, list(cached.selection_mode)) == (plain.theme, list(plain.selection_mode))
    assert cached.datasets and cached.theme == "streamlit"


def test_projector_dict_leaves_the_cached_spec_as_it_was():
    corpus = load_cached(default_corpus_path())
    spec = present.vega_spec(spectrum.spectrum_strip(corpus, corpus.topics[0].id))
    before = repr(spec)
    big = present.projector_dict(spec)
    assert repr(spec) == before
    assert big["height"] == pytest.approx(spec["height"] * present.CHART_SCALE, abs=0.1)
    assert big["datasets"] == spec["datasets"] and big["config"]["title"]["fontSize"] > 14


# --- the pages under AppTest -------------------------------------------------------------


def _styles(at) -> list[str]:
    return [element.proto.body for element in at.get("html")]


def test_compare_in_projector_mode_from_the_url():
    at = open_page("compare", present="1")
    assert present.PRESENT_CSS in _styles(at)
    assert at.sidebar.toggle(key="present-toggle").value is True
    assert at.button(key="present-leave").label == "Leave projector mode"
    # links and the copied link keep it, as they keep the workspace
    assert all("present=1" in link.proto.query_string for link in at.get("page_link"))
    assert all("present=1" in code.value for code in at.code)


def test_compare_without_projector_mode_has_the_base_style_only():
    at = open_page("compare")
    assert _styles(at) == [present.BASE_CSS]
    assert at.sidebar.toggle(key="present-toggle").value is False
    assert not any("present=" in link.proto.query_string for link in at.get("page_link"))


def test_the_toggle_and_the_leave_button_switch_it():
    at = open_page("compare")
    at.sidebar.toggle(key="present-toggle").set_value(True).run()
    assert at.query_params["present"] in ("1", ["1"])
    assert present.PRESENT_CSS in _styles(at)
    at.button(key="present-leave").click().run()
    assert "present" not in at.query_params
    assert present.PRESENT_CSS not in _styles(at)
    assert at.sidebar.toggle(key="present-toggle").value is False


def test_present_0_is_off():
    at = open_page("compare", present="0")
    assert present.PRESENT_CSS not in _styles(at)


@pytest.mark.parametrize(
    "page,params",
    [
        ("matrix", {"topic": "social-credit", "voice": "john-keane"}),
        ("compare", {"view": "head-to-head", "voices": "john-keane,bing-song"}),
        ("poll", {}),
    ],
)
def test_every_projector_page_runs_in_projector_mode(page, params):
    at = open_page(page, present="1", **params)
    assert present.PRESENT_CSS in _styles(at)
    assert at.button(key="present-leave")


def test_handout_in_projector_mode_is_the_topic_alone():
    at = open_page("seminar", topics="social-credit", present="1")
    assert present.PRESENT_CSS in _styles(at)
    headers = [h.value for h in at.header]
    assert "Reading guides" not in headers
    assert not at.get("download_button") or all(
        "guide" not in b.proto.label for b in at.get("download_button")
    )
    shown = " ".join(m.value for m in at.markdown)
    assert "social credit" in shown.lower()
    normal = open_page("seminar", topics="social-credit")
    assert "Reading guides" in [h.value for h in normal.header]


def test_the_poll_leaders_charts_grow_in_projector_mode(tmp_path, monkeypatch):
    from perspectives.store import polls as store

    monkeypatch.delenv("PERSPECTIVES_CORPUS", raising=False)
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.setenv("PERSPECTIVES_DB", str(tmp_path / "workspace.db"))
    try:
        leader = open_page("poll")
        leader.selectbox[0].select("social-credit")
        next(b for b in leader.button if b.label == "Open poll").click().run()
        assert not leader.exception

        def title_sizes(at) -> list[float]:
            import json

            specs = [json.loads(c.proto.spec) for c in at.get("vega_lite_chart")]
            return [s.get("config", {}).get("title", {}).get("fontSize", 0) for s in specs]

        plain = title_sizes(leader)
        assert plain and all(size < 20 for size in plain)
        leader.sidebar.toggle(key="present-toggle").set_value(True).run()
        assert not leader.exception
        big = title_sizes(leader)
        assert len(big) == len(plain) and all(size >= 20 for size in big)
        assert present.PRESENT_CSS in _styles(leader)
    finally:
        store.dispose_engines()


def _named_apart(spec: dict) -> tuple[dict, list[list[dict]]]:
    """The spec with its datasets' names replaced by their order of use in the layers, and
    each dataset's rows (what a chart draws, whatever Arrow string type holds them)."""
    import pyarrow as pa

    order = list(dict.fromkeys(layer["data"]["name"] for layer in spec["layer"]))
    layers = [
        {**layer, "data": {"name": order.index(layer["data"]["name"])}} for layer in spec["layer"]
    ]
    rows = [pa.ipc.open_stream(spec["datasets"][name]).read_all().to_pylist() for name in order]
    rest = {key: value for key, value in spec.items() if key not in ("datasets", "layer")}
    return {**rest, "layer": layers}, rows


@pytest.mark.parametrize("legend", [True, False])
def test_the_spectrum_written_without_altair_is_the_chart_altair_writes(legend):
    """`cache.spectrum_spec` builds the explorer's strip from `charts.spectrum_plain` (no
    Altair on a cold start's first page): the same spec and the same rows as Streamlit's
    conversion of `spectrum_strip`, for every topic, all voices and a few."""
    from perspectives.charts.spectrum_plain import spectrum_vegalite

    corpus = load_cached(default_corpus_path())
    for voice_ids in (None, [v.id for v in corpus.voices[::3]]):
        for topic in corpus.topics:
            altair = present.vega_spec(
                spectrum.spectrum_strip(corpus, topic.id, voice_ids, legend=legend)
            )
            plain = present.arrow_spec(spectrum_vegalite(corpus, topic.id, voice_ids, legend))
            assert all(isinstance(data, bytes) for data in plain["datasets"].values())
            assert _named_apart(plain) == _named_apart(altair), topic.id


def test_the_first_page_imports_neither_altair_nor_builds_a_chart_with_it():
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from streamlit.testing.v1 import AppTest\n"
        "at = AppTest.from_file('app.py', default_timeout=120).run()\n"
        "assert not at.exception, at.exception\n"
        "print(len(at.get('vega_lite_chart')), 'altair' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
        cwd=Path(__file__).resolve().parents[1],
    )
    assert done.stdout.split()[-2:] == ["1", "False"]
