"""The workspace store on SQLite and on a real PostgreSQL server: create, read, save with a
version check, undo, history, drafts, names, paths."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from perspectives.corpus import CorpusError, load_corpus
from perspectives.corpus.files import FolderFiles
from perspectives.store import revisions
from perspectives.store import workspaces as store
from perspectives.store.workspace_files import collect_files


def folder_files(root: Path) -> dict[str, bytes]:
    return collect_files(FolderFiles(root))


def test_a_copy_holds_the_folder_byte_for_byte_and_loads_the_same_corpus(store_url, corpus_dir):
    with store.workspace_store(store_url) as ws:
        made = ws.create_copy("Seminar 3", corpus_dir, message="Copied from the test corpus")
        snapshot = ws.snapshot("seminar 3")  # names ignore case
        corpus = ws.corpus("Seminar 3")
    assert (made.name, made.head, snapshot.revision) == ("Seminar 3", 1, 1)
    assert dict(snapshot.files.files) == folder_files(corpus_dir)
    assert corpus.source == "workspace Seminar 3"
    assert corpus.fingerprint == load_corpus(corpus_dir).fingerprint


def test_an_empty_workspace_is_a_valid_corpus_with_the_poles_it_was_given(store_url):
    with store.workspace_store(store_url) as ws:
        ws.create_empty("Rent", "Against rent caps: 'never'", "For rent caps", "Five texts.")
        corpus = ws.corpus("Rent")
        history = ws.history("Rent")
    assert corpus.name == "Rent" and corpus.description == "Five texts."
    assert corpus.orientation.low.label == "Against rent caps: 'never'"
    assert corpus.orientation.low.id == "against-rent-caps-never"
    assert corpus.orientation.high.id == "for-rent-caps"
    assert (corpus.documents, corpus.topics, corpus.voices, corpus.positions) == ((),) * 4
    assert [r.message for r in history] == ["Created empty"]
    assert history[0].undo_to is None


def test_names_are_unique_ignoring_case_and_spaces_and_checked(store_url):
    with store.workspace_store(store_url) as ws:
        ws.create_empty("Rent  Control")
        with pytest.raises(store.WorkspaceExists, match="already a workspace"):
            ws.create_empty("rent control")
        for bad, message in (("  ", "needs a name"), ("a\tb", "control"), ("x" * 61, "at most")):
            with pytest.raises(store.WorkspaceError, match=message):
                ws.create_empty(bad)
        ws.create_empty("Other")
        with pytest.raises(store.WorkspaceExists):
            ws.rename("other", "RENT CONTROL")
        renamed = ws.rename("other", "Housing")
        assert renamed.name == "Housing" and ws.corpus("housing").source == "workspace Housing"
        assert [w.name for w in ws.list()] == ["Housing", "Rent  Control"]
        ws.delete("HOUSING")
        assert ws.find("Housing") is None
        with pytest.raises(store.UnknownWorkspace, match="no workspace called 'Housing'"):
            ws.snapshot("Housing")
        ws.create_empty("Housing")  # the name is free again, with a fresh history
        assert [r.number for r in ws.history("Housing")] == [1]


def test_a_save_is_one_new_revision_with_writes_and_deletes(store_url, corpus_dir):
    with store.workspace_store(store_url) as ws:
        ws.create_copy("W", corpus_dir)
        saved = ws.save(
            "W",
            {
                "analysis/blind_spots.yaml": None,
                "analysis/topics.yaml": "[]\n",
                "documents/new-text.md": b"---\ntitle: x\n---\nText\n",
            },
            base=1,
            message="Tidy",
            author="ann",
        )
        unchanged = ws.save("W", {"analysis/topics.yaml": b"[]\n"}, base=2)  # same bytes
        old, new = ws.snapshot("W", 1).files, ws.snapshot("W").files
        between = ws.changes_between("W", 1)
    assert (saved.number, saved.message, saved.author, saved.undo_to) == (2, "Tidy", "ann", 1)
    assert [(c.path, c.change) for c in saved.changes] == [
        ("analysis/blind_spots.yaml", "deleted"),
        ("analysis/topics.yaml", "changed"),
        ("documents/new-text.md", "added"),
    ]
    assert unchanged.number == 2  # nothing changed: no new revision
    assert new.read("analysis/topics.yaml") == b"[]\n"
    assert new.kind("analysis/blind_spots.yaml") == "missing"
    assert (
        old.read("analysis/blind_spots.yaml")
        == (corpus_dir / "analysis/blind_spots.yaml").read_bytes()
    )
    assert [str(c) for c in between] == [
        "analysis/blind_spots.yaml deleted",
        "analysis/topics.yaml changed",
        "documents/new-text.md added",
    ]


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("../outside.yaml", r"'\.\.' part"),
        ("analysis/../../x.yaml", r"'\.\.' part"),
        ("/etc/passwd", "absolute path"),
        ("C:/corpus.yaml", "absolute path"),
        ("documents\\a.md", "backslash"),
        ("documents/.hidden.md", "hidden file"),
        ("notes.txt", "not part of the corpus format"),
        ("documents//a.md", "empty"),
        ("documents/a\x00.md", "control character"),
        ("", "empty path"),
    ],
)
def test_a_path_outside_the_corpus_format_is_refused_and_nothing_is_written(
    store_url, path, message
):
    with store.workspace_store(store_url) as ws:
        ws.create_empty("W")
        with pytest.raises(store.PathError, match=message):
            ws.save("W", {"analysis/topics.yaml": b"- x\n", path: b"x"}, base=1)
        assert ws.get("W").head == 1
        assert ws.read("W", "analysis/topics.yaml") == b"[]\n"


def test_a_file_cannot_also_be_a_folder_and_a_missing_file_cannot_be_deleted(store_url):
    with store.workspace_store(store_url) as ws:
        ws.create_empty("W")
        with pytest.raises(store.PathError, match="cannot be a file and also a folder"):
            ws.save("W", {"analysis/topics.yaml/x.yaml": b"[]\n"}, base=1)
        with pytest.raises(store.WorkspaceError, match="no file documents/a.md in workspace W"):
            ws.save("W", {"documents/a.md": None}, base=1)
        assert ws.get("W").head == 1


def test_two_sessions_cannot_overwrite_each_other_silently(store_url, corpus_dir):
    """Both open revision 1; the first saves; the second, still on revision 1, is refused with
    what changed, and nothing of it is written; it saves again on the new head."""
    with store.workspace_store(store_url) as first, store.workspace_store(store_url) as second:
        first.create_copy("W", corpus_dir)
        base_a = first.snapshot("W").revision
        base_b = second.snapshot("W").revision
        first.save("W", {"analysis/topics.yaml": b"[]\n"}, base_a, "Topics cleared", "ann")
        typed = b"- id: mine\n"
        with pytest.raises(store.ConflictError) as caught:
            second.save("W", {"analysis/motions.yaml": typed}, base_b, author="bob")
        conflict = caught.value
        assert (conflict.base, conflict.head) == (1, 2)
        assert [(c.path, c.change, c.revision) for c in conflict.changes] == [
            ("analysis/topics.yaml", "changed", 2)
        ]
        assert [(r.number, r.message, r.author) for r in conflict.revisions] == [
            (2, "Topics cleared", "ann")
        ]
        assert "since revision 1" in str(conflict) and "analysis/topics.yaml changed" in str(
            conflict
        )
        assert second.get("W").head == 2
        assert second.read("W", "analysis/motions.yaml") != typed  # nothing of it was written
        second.save("W", {"analysis/motions.yaml": typed}, conflict.head, author="bob")
        files = first.snapshot("W").files
    assert files.read("analysis/topics.yaml") == b"[]\n"  # the first session's save is kept
    assert files.read("analysis/motions.yaml") == typed


def test_concurrent_saves_on_one_base_exactly_one_wins(store_url, corpus_dir):
    with store.workspace_store(store_url) as ws:
        ws.create_copy("W", corpus_dir)
    barrier = threading.Barrier(6)
    outcomes: list[str] = []

    def save(number: int) -> None:
        with store.workspace_store(store_url) as ws:
            barrier.wait(timeout=30)
            try:
                ws.save("W", {f"analysis/claims/c{number}.yaml": b"[]\n"}, base=1)
                outcomes.append("saved")
            except store.ConflictError:
                outcomes.append("conflict")

    threads = [threading.Thread(target=save, args=(n,)) for n in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert sorted(outcomes) == ["conflict"] * 5 + ["saved"]
    with store.workspace_store(store_url) as ws:
        assert ws.get("W").head == 2
        assert len([p for p in ws.snapshot("W").files.files if "claims/c" in p]) == 1


def test_undo_steps_back_one_edit_at_a_time_as_new_revisions(store_url, corpus_dir):
    original = folder_files(corpus_dir)
    with store.workspace_store(store_url) as ws:
        ws.create_copy("W", corpus_dir)
        ws.save("W", {"analysis/topics.yaml": b"[]\n"}, 1, "Edit A")
        ws.save("W", {"analysis/motions.yaml": None, "documents/x.md": b"x"}, 2, "Edit B")
        after_b = dict(ws.snapshot("W").files.files)
        first = ws.undo("W")
        assert (first.number, first.restores) == (4, 2)
        assert first.message == "Undo “Edit B” (back to revision 2)"
        assert dict(ws.snapshot("W").files.files) == dict(ws.snapshot("W", 2).files.files)
        second = ws.undo("W", base=4)
        assert (second.number, second.restores, second.message) == (
            5,
            1,
            "Undo “Edit A” (back to revision 1)",
        )
        assert dict(ws.snapshot("W").files.files) == original
        with pytest.raises(store.NothingToUndo, match="no earlier edit"):
            ws.undo("W")
        with pytest.raises(store.ConflictError):
            ws.undo("W", base=3)  # someone saved since the page showed revision 3
        ws.save("W", {"analysis/events.yaml": b"[]\n"}, 5, "Edit C")
        third = ws.undo("W")
        assert third.restores == 5 and dict(ws.snapshot("W").files.files) == original
        # every state is still there: revision 3 reads back exactly as it was saved
        assert dict(ws.snapshot("W", 3).files.files) == after_b
        history = ws.history("W")
    assert [r.number for r in history] == [7, 6, 5, 4, 3, 2, 1]
    assert [r.is_undo for r in history] == [True, False, True, True, False, False, False]
    assert [(c.path, c.change) for c in history[3].changes] == [
        ("analysis/motions.yaml", "added"),
        ("documents/x.md", "deleted"),
    ]


def test_an_old_revision_reads_back_and_a_revision_out_of_range_is_refused(store_url):
    with store.workspace_store(store_url) as ws:
        ws.create_empty("W")
        ws.save("W", {"analysis/topics.yaml": b"# v2\n[]\n"}, 1)
        assert ws.read("W", "analysis/topics.yaml", 1) == b"[]\n"
        assert ws.read("W", "analysis/topics.yaml") == b"# v2\n[]\n"
        with pytest.raises(store.WorkspaceError, match="revisions 1 to 2, not 3"):
            ws.snapshot("W", 3)
        with pytest.raises(store.WorkspaceError, match="cannot save on 0"):
            ws.save("W", {"analysis/topics.yaml": b"[]\n"}, 0)
        with pytest.raises(FileNotFoundError):
            ws.read("W", "analysis/claims.yaml")


def test_the_corpus_is_cached_per_revision_and_problems_name_the_workspace(store_url, corpus_dir):
    with store.workspace_store(store_url) as ws:
        ws.create_copy("W", corpus_dir)
        first = ws.corpus("W")
        assert ws.corpus("W") is first
        ws.save("W", {"analysis/motions.yaml": None}, 1)
        second = ws.corpus("W")
        assert second is not first and second.motions == () and first.motions != ()
        ws.save("W", {"analysis/topics.yaml": b"- id: [\n"}, 2)
        with pytest.raises(CorpusError) as caught:
            ws.corpus("W")
    assert caught.value.path == "workspace W"
    assert any(p.file == "analysis/topics.yaml" for p in caught.value.problems)


def test_drafts_are_kept_per_browser_and_field_until_discarded(store_url):
    with store.workspace_store(store_url) as ws:
        ws.create_empty("W")
        ws.drafts.put("W", "browser-a", "topic/new/question", "Should rents be", base=1)
        ws.drafts.put("W", "browser-a", "topic/new/question", "Should rents be capped?", base=1)
        ws.drafts.put("W", "browser-a", "topic/new/label", "Caps")
        ws.drafts.put("W", "browser-b", "topic/new/question", "Other typing")
    with store.workspace_store(store_url) as ws:  # a refresh: a new session, same browser
        drafts = ws.drafts.get("w", "browser-a")
        assert {f: (d.value, d.base) for f, d in drafts.items()} == {
            "topic/new/question": ("Should rents be capped?", 1),
            "topic/new/label": ("Caps", None),
        }
        assert ws.drafts.discard("W", "browser-a", ["topic/new/label"]) == 1
        assert list(ws.drafts.get("W", "browser-a")) == ["topic/new/question"]
        assert ws.drafts.discard("W", "browser-a") == 1
        assert ws.drafts.get("W", "browser-a") == {}
        assert list(ws.drafts.get("W", "browser-b")) == ["topic/new/question"]
        with pytest.raises(store.WorkspaceError, match="browser key"):
            ws.drafts.put("W", "", "field", "x")
        with pytest.raises(store.UnknownWorkspace):
            ws.drafts.get("Nowhere", "browser-a")
        ws.delete("W")
        ws.create_empty("W")
        assert ws.drafts.get("W", "browser-b") == {}  # deleted with their workspace


def test_an_oversized_file_is_refused(store_url, monkeypatch):
    with store.workspace_store(store_url) as ws:
        ws.create_empty("W")
        monkeypatch.setattr(revisions, "MAX_FILE_BYTES", 100)
        with pytest.raises(store.WorkspaceError, match="at most 100"):
            ws.save("W", {"documents/big.md": b"x" * 101}, 1)
