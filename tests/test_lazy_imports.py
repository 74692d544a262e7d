"""The first page a visitor sees (Compare on the default corpus) does not import what only
other pages use: the store's SQLAlchemy, the document readers of "Find passages" (docx,
pdfminer), the printed exports (fpdf2). Importing them took about half of a cold start's
script run. Checked in a fresh interpreter, since the test process has imported them all."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from tests.apptest import APP, ROOT

CHECK = f"""
import json, sys
from streamlit.testing.v1 import AppTest
at = AppTest.from_file({APP!r}, default_timeout=120)
at.run()
assert not at.exception, [e.value for e in at.exception]
assert at.header, "Compare shows its topic's question"
print(json.dumps(sorted(m for m in sys.modules if m.split(".")[0] in {{
    "sqlalchemy", "docx", "pdfminer", "fpdf", "markdown_it", "psycopg"}})))
"""


def test_the_first_page_imports_no_store_reader_or_printer(tmp_path):
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "PERSPECTIVES_CACHE_DIR": str(tmp_path / "cache"),
        "PERSPECTIVES_DB": str(tmp_path / "workspace.db"),
    }
    done = subprocess.run(
        [sys.executable, "-c", CHECK], capture_output=True, text=True, env=env, cwd=ROOT
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert json.loads(done.stdout.strip().splitlines()[-1]) == []
