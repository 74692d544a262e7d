"""Projector mode and the app's own stylesheets (the only CSS the app injects).

Projector mode (`?present=1`, or the sidebar toggle "Projector mode") shows nothing but the
view on Compare, Matrix, the seminar handout and the class poll: no sidebar, no header or
toolbar, no pickers, downloads or "copy link"; large type that grows with the screen's width
(readable from the back of a room at 1920x1080 and at 1280x720) and quotes in full-contrast
text with a heavy rule.

API (pages call these):

    base() -> None                # every page (via navigation.run): top band, quotes, phone
    setup() -> bool               # a page with a projector mode: the toggle, the styles; on?
    is_on() -> bool               # whether projector mode is on for this run
    current() -> str | None       # "1" when on (links keep it, as they keep `ws`)
    chrome(name) -> container     # what projector mode hides (pickers, downloads, links)
    vega_spec(chart) -> dict      # the spec st.altair_chart sends (a cache keeps it: ui.cache)
    vega_chart(spec, **kw)        # that spec drawn, its type and marks scaled in projector mode
    altair_chart(chart, **kw)     # both at once, for a chart that changes on every run

How the choice travels (as the active workspace does, see `ui.active`): the url's `present`
wins (`1` on, anything else off) and is remembered in the session, since the sidebar's page
menu drops the query string; `links.set_params`, `links.query` and `links.view_url` write it
back on every link, so a link followed or sent from projector mode opens in projector mode.

Safety: the stylesheets are constants of this module; no user or corpus text is ever part of
what `st.html` receives. Their colours are the constants below, checked for WCAG contrast in
tests/test_present.py.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

PARAM = "present"
_KEY = "_present"  # session_state: projector mode on (bool)
_TOGGLE = "present-toggle"  # the sidebar toggle's widget key
CHROME = "chrome"  # keyed containers "chrome-NAME" are hidden in projector mode

TEXT = "#1A1A1A"  # the theme's text colour (.streamlit/config.toml)
BACKGROUND = "#FFFFFF"  # the theme's background
QUOTE_TEXT = TEXT  # quotes: the full text colour (Streamlit's default dims them to 60 %)
QUOTE_RULE = "#5F6B7A"  # the rule beside a quote (a graphic: WCAG asks 3:1)
ROW_RULE = "#D5DAE1"  # between the matrix list's rows (decoration only)
PRESENT_QUOTE_TEXT = "#000000"  # on a projector: black on white
PRESENT_QUOTE_RULE = "#0072B2"  # the theme's primary colour

# Streamlit leaves 6rem (96 px) empty above every page; on a wide screen the header bar it
# clears is transparent and holds only the menu at the right and the sidebar's button.
TOP_PADDING = "3rem"
# On a phone the header bar is opaque (3.75rem): the page starts just below it.
TOP_PADDING_NARROW = "4rem"

# Every page. No empty band at the top (TOP_PADDING); quotes at full contrast; tables that
# wrap long words rather than overflow (a phone sees every column); the matrix list's rows full
# width, wrapped, 44 px tall (a finger's tap target); on a phone (under 500 px) the matrix's
# hint to use the list.
BASE_CSS = f"""<style>
[data-testid="stMainBlockContainer"] {{ padding-top: {TOP_PADDING}; }}
@media (max-width: 640px) {{
  [data-testid="stMainBlockContainer"] {{ padding-top: {TOP_PADDING_NARROW}; }}
}}
[data-testid="stMarkdownContainer"] blockquote {{
  opacity: 1;
  color: {QUOTE_TEXT};
  border-left: 0.25rem solid {QUOTE_RULE};
}}
[data-testid="stMarkdownContainer"] blockquote p {{ color: {QUOTE_TEXT}; }}
[data-testid="stTable"] table {{ width: 100%; }}
[data-testid="stTable"] td, [data-testid="stTable"] th,
[data-testid="stTable"] td *, [data-testid="stTable"] th * {{
  overflow-wrap: anywhere; white-space: normal; min-width: 0;
}}
.st-key-phone-hint {{ display: none; }}
[class*="st-key-matrix-list-"] [data-testid="stElementContainer"]:has([data-testid="stPageLink"]),
[class*="st-key-matrix-list-"] [data-testid="stPageLink"] {{ width: 100%; }}
[class*="st-key-matrix-list-"] [data-testid="stPageLink-NavLink"] {{
  width: 100%; min-height: 2.75rem; align-items: center;
  border-bottom: 1px solid {ROW_RULE}; background-color: transparent;
}}
[class*="st-key-matrix-list-"] [data-testid="stPageLink-NavLink"] span,
[class*="st-key-matrix-list-"] [data-testid="stPageLink-NavLink"] p {{
  white-space: normal; overflow: visible; text-overflow: clip;
}}
@media (max-width: 500px) {{
  .st-key-phone-hint {{ display: block; }}
}}
</style>"""

# Projector mode only. Type scales with the viewport's width: 20 px at 1280, 29 px at 1920.
PRESENT_CSS = f"""<style>
html {{ font-size: clamp(20px, 1.5vw, 34px); }}
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
[data-testid="stSidebarNav"], [data-testid="stHeader"], [data-testid="stToolbar"],
[data-testid="stDecoration"], [data-testid="stStatusWidget"],
[class*="st-key-{CHROME}-"] {{ display: none !important; }}
[data-testid="stMainBlockContainer"] {{
  padding: 1.2rem 2.5vw 2rem 2.5vw; max-width: 100%;
}}
[data-testid="stMarkdownContainer"] p, [data-testid="stMarkdownContainer"] li,
[data-testid="stCaptionContainer"], [data-testid="stCaptionContainer"] p {{
  font-size: 1rem; line-height: 1.45;
}}
[data-testid="stCaptionContainer"], [data-testid="stCaptionContainer"] p {{
  color: {TEXT}; opacity: 1;
}}
[data-testid="stMarkdownContainer"] blockquote {{
  color: {PRESENT_QUOTE_TEXT};
  border-left: 0.35rem solid {PRESENT_QUOTE_RULE};
  font-size: 1.1rem;
}}
[data-testid="stMarkdownContainer"] blockquote p {{
  color: {PRESENT_QUOTE_TEXT}; font-size: 1.1rem; font-weight: 500;
}}
[data-testid="stMetricValue"], [data-testid="stMetricValue"] div,
[data-testid="stMetricValue"] [data-testid="stMarkdownContainer"] p {{ font-size: 2.6rem; }}
.st-key-present-exit {{
  position: fixed; top: 0.3rem; right: 0.8rem; z-index: 999990; width: auto;
  opacity: 0.35;
}}
.st-key-present-exit:hover, .st-key-present-exit:focus-within {{ opacity: 1; }}
.st-key-present-exit button p {{ font-size: 0.7rem; }}
</style>"""


def is_on() -> bool:
    """Projector mode: the url's `present` when it has one (remembered), else the session's."""
    value = st.query_params.get(PARAM)
    if value not in (None, ""):
        st.session_state[_KEY] = value == "1"
    return bool(st.session_state.get(_KEY, False))


def current() -> str | None:
    """The `present` parameter links carry: "1" in projector mode, else none."""
    return "1" if is_on() else None


def set_on(on: bool) -> None:
    """Switch projector mode, url included."""
    st.session_state[_KEY] = on
    if on:
        st.query_params[PARAM] = "1"
    elif PARAM in st.query_params:
        del st.query_params[PARAM]


def _toggled() -> None:
    set_on(bool(st.session_state.get(_TOGGLE)))


def base() -> None:
    """The stylesheet every page has (a constant: no user text)."""
    st.html(BASE_CSS)


def setup() -> bool:
    """On a page with a projector mode: the sidebar toggle and, when on, the projector
    stylesheet and a faint "Leave projector mode" button in the top corner. Returns whether
    projector mode is on."""
    on = is_on()
    st.session_state[_TOGGLE] = on
    st.sidebar.toggle(
        "Projector mode",
        key=_TOGGLE,
        on_change=_toggled,
        help="Large type and nothing but the view, for a screen in front of a room "
        "(the link keeps it: ?present=1).",
    )
    if on:
        st.html(PRESENT_CSS)
        with st.container(key="present-exit"):
            st.button(
                "Leave projector mode",
                icon=":material/close_fullscreen:",
                type="tertiary",
                on_click=set_on,
                args=(False,),
                key="present-leave",
            )
    return on


def chrome(name: str):
    """A container for what projector mode hides (pickers, downloads, links): still run, so
    the page's state and url stay as they are, but not shown on the projector."""
    return st.container(key=f"{CHROME}-{name}")


CHART_SCALE = 1.5  # charts' type, marks and heights in projector mode
_LENGTHS = {"fontSize", "labelFontSize", "titleFontSize", "subtitleFontSize", "lineHeight"}
_LENGTHS |= {"dx", "dy", "labelLimit", "height", "titlePadding", "labelPadding", "symbolSize"}
# Vega-Lite's own defaults where a chart sets none (axis labels 10 px, titles 13 px ...).
_DEFAULTS = {
    "axis": {"labelFontSize": 11, "titleFontSize": 12},
    "legend": {"labelFontSize": 11, "titleFontSize": 12},
    "header": {"labelFontSize": 11, "titleFontSize": 12},
    "title": {"fontSize": 14, "subtitleFontSize": 11},
    "text": {"fontSize": 11},
}


def scaled(spec: Any, factor: float = CHART_SCALE) -> Any:
    """A Vega-Lite spec (a dict from `chart.to_dict()`) with every type size, offset and
    height multiplied by `factor` (a mark's `size`, an area, by its square); the data and
    everything else as they were."""
    if isinstance(spec, list):
        return [scaled(item, factor) for item in spec]
    if not isinstance(spec, dict):
        return spec
    out: dict[str, Any] = {}
    for key, value in spec.items():
        number = isinstance(value, int | float) and not isinstance(value, bool)
        if key in ("datasets", "data"):
            out[key] = value
        elif number and key in _LENGTHS:
            out[key] = round(value * factor, 1)
        elif number and key == "size":
            out[key] = round(value * factor * factor, 1)
        elif key in ("axis", "legend") and isinstance(value, dict):
            # set on the encoding itself: Streamlit's chart theme outranks the spec's config
            unset: dict[str, Any] = {k: round(v * factor, 1) for k, v in _DEFAULTS[key].items()}
            unset["labelColor"] = TEXT  # Streamlit's theme greys them
            out[key] = {**unset, **scaled(value, factor)}
        else:
            out[key] = scaled(value, factor)
    return out


def projector_spec(chart: Any, factor: float = CHART_SCALE) -> dict:
    """The chart's spec for a projector: scaled, with Vega-Lite's default type sizes scaled
    too where the chart leaves them unset."""
    return projector_dict(chart.to_dict(), factor)


def projector_dict(spec: dict, factor: float = CHART_SCALE) -> dict:
    """`projector_spec` of a spec already made (a new dict; `spec` is left as it was)."""
    spec = scaled(spec, factor)
    config = spec.setdefault("config", {})
    for part, sizes in _DEFAULTS.items():
        given = config.setdefault(part, {})
        for key, size in sizes.items():
            given.setdefault(key, round(size * factor, 1))
    return spec


def vega_spec(chart: Any) -> dict:
    """The Vega-Lite spec `st.altair_chart` would send for `chart`: Streamlit's own conversion
    (Altair's theme "none", every table as Arrow bytes named by a hash of its content),
    checked against the Vega-Lite schema.

    Why: building an Altair chart and converting it (the schema check above all) took most of
    a page's run (20-65 ms a chart at 1x, Matrix and Seminar 55x the floor), on every run.
    `ui.cache` keeps this dict per corpus and options, and `vega_chart` draws it: the same
    element st.altair_chart makes (tests/test_present.py compares them), so a Streamlit upgrade
    that changes this private function fails a test, not the charts."""
    from streamlit.elements.vega_charts import _convert_altair_to_vega_lite_spec

    return _convert_altair_to_vega_lite_spec(chart)


def arrow_spec(plain: dict) -> dict:
    """A Vega-Lite dict written without Altair (`charts.spectrum_plain`) as `vega_spec` gives
    the same chart: no `config` (Streamlit converts with Altair's theme "none"), each named
    dataset as Arrow bytes, made with pyarrow alone (left as rows, Streamlit would make them
    through pandas on every draw). `tests/test_present.py` holds the two drawn elements equal."""
    import pyarrow as pa
    from streamlit.dataframe_util import convert_arrow_table_to_arrow_bytes

    spec = {key: value for key, value in plain.items() if key not in ("config", "datasets")}
    spec["datasets"] = {
        name: convert_arrow_table_to_arrow_bytes(pa.Table.from_pylist(rows))
        for name, rows in plain.get("datasets", {}).items()
    }
    return spec


def vega_chart(spec: dict, **kwargs: Any):
    """A spec from `vega_spec` drawn as `st.altair_chart` draws its chart; in projector mode
    with larger type and marks (`projector_dict`)."""
    return st.vega_lite_chart(spec=projector_dict(spec) if is_on() else spec, **kwargs)


def altair_chart(chart: Any, **kwargs: Any):
    """`st.altair_chart`, or in projector mode the same chart with larger type and marks."""
    return vega_chart(vega_spec(chart), **kwargs)
