"""What the docs promise about the code, checked by the test line like everything else: the
formatting, the lint rules, the import contracts (the layers of the data flow) and the size of
a module."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "perspectives"
MAX_MODULE_LINES = 400


def _tool(name: str) -> str:
    found = shutil.which(name) or str(Path(sys.executable).parent / name)
    if not Path(found).exists():
        pytest.fail(f"{name} is not installed: pip install -e '.[dev]'")
    return found


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(args, cwd=ROOT, capture_output=True, text=True, timeout=600)


def test_ruff_lint_is_clean():
    result = _run(_tool("ruff"), "check", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_format_is_applied():
    result = _run(_tool("ruff"), "format", "--check", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_import_contracts_are_kept():
    """Lower layers never import higher ones; Streamlit only in perspectives/ui (pyproject)."""
    result = _run(_tool("lint-imports"), "--no-cache")
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr


def test_no_module_is_over_the_size_limit():
    too_long = {
        str(path.relative_to(ROOT)): lines
        for path in sorted((ROOT / "perspectives").rglob("*.py"))
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES
    }
    assert not too_long, f"modules over {MAX_MODULE_LINES} lines: {too_long}"


def test_types_check():
    """mypy is clean on the package (settings in pyproject: pydantic plugin, untyped defs
    checked)."""
    result = _run(_tool("mypy"))
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr


def test_the_code_names_no_id_of_the_default_corpus():
    """Generic code speaks no corpus: no voice, topic, document, motion or camp id of the
    default corpus appears in the package's source (docstring examples use the second corpus)."""
    from perspectives.corpus import default_corpus_path, load_corpus

    corpus = load_corpus(default_corpus_path())
    ids = {x.id for group in (corpus.voices, corpus.topics, corpus.documents) for x in group}
    ids |= {x.id for group in (corpus.motions, corpus.camps) for x in group}
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        found += [
            f"{path.relative_to(ROOT)}: {id_}"
            for id_ in sorted(ids)
            if re.search(rf"(?<![\w-]){re.escape(id_)}(?![\w-])", text)
        ]
    assert found == []
