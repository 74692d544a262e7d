"""Downloads kept by content (ui.cache.table_texts): the same CSV and JSON as written directly,
never another table's."""

from __future__ import annotations

import pickle

import pandas as pd

from perspectives.exports.tables import table_to_csv, table_to_json
from perspectives.ui.cache import frame_key, table_texts


def test_table_texts_are_the_tables_own():
    frame = pd.DataFrame({"voice": ["Ann", "=HYPERLINK(x)"], "stance": [1, -2]})
    assert table_texts(frame) == (table_to_csv(frame), table_to_json(frame))
    assert table_texts(frame.copy()) == table_texts(frame)  # the same content, the same files


def test_a_changed_cell_renamed_column_or_type_is_another_table():
    frame = pd.DataFrame({"voice": ["Ann", "Ben"], "stance": [1, 2]})
    changed = frame.assign(stance=[1, 3])
    renamed = frame.rename(columns={"stance": "score"})
    floats = frame.astype({"stance": float})
    for other in (changed, renamed, floats):
        assert table_texts(other) == (table_to_csv(other), table_to_json(other))
        assert table_texts(other) != table_texts(frame)


def test_a_table_with_lists_in_cells_is_kept_too():
    frame = pd.DataFrame({"topics": [["a", "b"], ["c"]]})
    assert table_texts(frame) == (table_to_csv(frame), table_to_json(frame))
    assert table_texts(frame.assign(topics=[["a"], ["c"]])) != table_texts(frame)


def test_a_table_from_the_cache_has_the_same_key_on_every_run():
    frame = pd.DataFrame({"voice": ["Ann", "Ben", "Ann"], "stance": [1.0, None, -2.0]})
    again = pickle.loads(pickle.dumps(frame))  # what st.cache_data hands out on each run
    assert frame_key(pickle.loads(pickle.dumps(again))) == frame_key(again)
