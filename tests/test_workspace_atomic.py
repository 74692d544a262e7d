"""A save killed half-way (SIGKILL, no chance to clean up) leaves the last saved revision, whole,
on SQLite and on PostgreSQL; and the workspace takes the next save normally."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

from sqlalchemy import func, or_, select

from perspectives.corpus import load_corpus
from perspectives.corpus.files import FolderFiles
from perspectives.store import workspaces as store
from perspectives.store.tables import workspace_files
from perspectives.store.workspace_files import collect_files

ROOT = Path(__file__).resolve().parents[1]

# Runs in a child process: a save of every file, paused after its file rows are written and
# before its revision is recorded (`revisions.now` is called between the two), until killed.
SAVER = textwrap.dedent(
    """
    import sys, time
    from perspectives.store import revisions, workspaces as store

    url, name = sys.argv[1], sys.argv[2]

    def stalled_now():
        print("files written, revision not yet recorded", flush=True)
        time.sleep(120)

    with store.workspace_store(url) as ws:
        snapshot = ws.snapshot(name)
        changes = {path: b"# overwritten\\n" + data for path, data in snapshot.files.files.items()}
        changes["documents/half-saved.md"] = b"---\\ntitle: never\\n---\\nNever saved.\\n"
        revisions.now = stalled_now
        ws.save(name, changes, snapshot.revision, "The save that is killed")
    """
)


def test_a_save_killed_mid_transaction_leaves_the_last_saved_revision(store_url, corpus_dir):
    with store.workspace_store(store_url) as ws:
        ws.create_copy("W", corpus_dir)
        ws.save("W", {"analysis/motions.yaml": None}, 1, "Saved before the crash")
        saved = dict(ws.snapshot("W").files.files)
    child = subprocess.Popen(
        [sys.executable, "-c", SAVER, store_url, "W"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    try:
        line = child.stdout.readline()
        assert line.startswith("files written"), child.stderr.read()
        child.send_signal(signal.SIGKILL)
        child.wait(30)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait(30)
    assert child.returncode == -signal.SIGKILL
    with store.workspace_store(store_url) as ws:
        workspace = ws.get("W")
        files = ws.snapshot("W").files
        history = ws.history("W")
        assert workspace.head == 2
        assert dict(files.files) == saved  # byte for byte the last saved state
        assert [r.message for r in history][0] == "Saved before the crash"
        assert load_corpus(files).motions == ()
        # no row of the killed save is left anywhere, not even past the head
        late = select(func.count()).where(
            workspace_files.c.workspace_id == workspace.id,
            or_(workspace_files.c.since > 2, workspace_files.c.until.is_not(None)),
        )
        assert ws.conn.scalar(late) == 1  # motions.yaml, deleted by revision 2
        ws.conn.rollback()
        # the lock died with the process: the next save goes through
        after = ws.save("W", {"analysis/topics.yaml": b"[]\n"}, 2, "After the crash")
        assert after.number == 3
    expected = collect_files(FolderFiles(corpus_dir))
    del expected["analysis/motions.yaml"]
    assert saved == expected
