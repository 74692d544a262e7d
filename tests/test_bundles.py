"""Bundles: a lossless round trip, and every kind of unsafe member refused by name while the
rest of the bundle imports."""

from __future__ import annotations

import io
import stat
import zipfile
from pathlib import Path

import pytest

from perspectives.corpus.files import FolderFiles
from perspectives.store import workspaces as store
from perspectives.store.workspace_files import collect_files
from perspectives.workspace import bundles
from perspectives.workspace.bundles import BundleError, Limits, import_bundle, read_bundle

DATA = Path(__file__).resolve().parents[1] / "data"


def tree(root: Path) -> dict[str, bytes]:
    """Every file under `root`, by relative path."""
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def make_zip(members: list[tuple[str | zipfile.ZipInfo, bytes]]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members:
            zf.writestr(name, data)
    return buffer.getvalue()


def corpus_members(root: Path) -> list[tuple[str, bytes]]:
    return list(collect_files(FolderFiles(root)).items())


@pytest.mark.parametrize("which", ["default", "test"])
def test_folder_bundle_workspace_bundle_folder_is_lossless(store_url, corpus_dir, tmp_path, which):
    source = DATA if which == "default" else corpus_dir
    first = bundles.write_bundle(FolderFiles(source))
    with store.workspace_store(store_url) as ws:
        report = import_bundle(ws, "Round trip", first, "first.zip")
        second = bundles.export_workspace(ws, "Round trip")
    assert report.clean and report.created and report.revision == 1
    assert report.skipped == () and report.refused == ()
    assert second == first  # the same corpus gives the same bytes
    out = tmp_path / "unzipped"
    with zipfile.ZipFile(io.BytesIO(second)) as zf:  # any unzip tool gives the folder back
        zf.extractall(out)
    assert tree(out) == tree(source)  # byte for byte, every file, nothing added
    assert (out / "documents").is_dir()


def test_an_empty_workspace_exports_a_bundle_that_opens_as_a_corpus(store_url, tmp_path):
    with store.workspace_store(store_url) as ws:
        ws.create_empty("Empty", "Against", "For")
        data = bundles.export_workspace(ws, "Empty")
        report = import_bundle(ws, "Copy", data)
        assert report.clean and ws.corpus("Copy").documents == ()
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        assert "documents/" in zf.namelist()
        zf.extractall(tmp_path / "out")
    from perspectives.corpus import load_corpus

    assert load_corpus(tmp_path / "out").orientation.high.label == "For"


def symlink(name: str, target: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name)
    info.create_system = 3
    info.external_attr = (stat.S_IFLNK | 0o777) << 16
    return info


def fifo(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name)
    info.create_system = 3
    info.external_attr = (stat.S_IFIFO | 0o644) << 16
    return info


BAD_MEMBERS = {
    "zip bomb": ("documents/bomb.md", b"\0" * (3 * 1024 * 1024), "zip bomb"),
    "../ path": ("../../etc/cron.d/evil.yaml", b"x", "unsafe path: a path with an empty"),
    "inner ../": ("analysis/../../evil.yaml", b"x", "'..' part"),
    "absolute path": ("/etc/passwd", b"x", "unsafe path: an absolute path"),
    "windows path": ("analysis\\..\\evil.yaml", b"x", "backslash"),
    "symlink": (symlink("analysis/link.yaml", "/etc/passwd"), b"/etc/passwd", "symbolic link"),
    "fifo": (fifo("documents/pipe.md"), b"", "not a regular file"),
    "oversized member": ("documents/huge.md", b"x" * 5000, "one file may be at most"),
}


@pytest.mark.parametrize("kind", list(BAD_MEMBERS))
def test_each_unsafe_member_is_refused_by_name_and_the_rest_imports(store_url, corpus_dir, kind):
    member, data, message = BAD_MEMBERS[kind]
    name = member.filename if isinstance(member, zipfile.ZipInfo) else member
    zipped = make_zip([*corpus_members(corpus_dir), (member, data)])
    limits = Limits(member_bytes=4000, ratio_from=1000) if kind == "oversized member" else Limits()
    with store.workspace_store(store_url) as ws:
        report = import_bundle(ws, "W", zipped, limits=limits)
        files = dict(ws.snapshot("W").files.files)
        corpus = ws.corpus("W")
    assert [n.member for n in report.refused] == [name]
    assert message in report.refused[0].reason
    assert name in str(report.refused[0])
    assert not report.clean and report.problems == ()
    assert files == collect_files(FolderFiles(corpus_dir))  # everything valid, nothing else
    assert len(corpus.positions) == 5


def test_a_bundle_past_its_total_or_member_count_limit_is_refused_from_that_member_on(corpus_dir):
    members = corpus_members(corpus_dir)
    extra = [(f"analysis/claims/extra-{i}.yaml", b"[]\n" * 400) for i in range(5)]
    total = sum(len(d) for _, d in members) + 2 * len(extra[0][1])
    report = read_bundle(make_zip(members + extra), Limits(total_bytes=total))
    assert [n.member for n in report.refused] == [
        f"analysis/claims/extra-{i}.yaml" for i in (2, 3, 4)
    ]
    assert "more than" in report.refused[0].reason
    counted = read_bundle(make_zip(members + extra), Limits(members=len(members) + 1))
    assert [str(n) for n in counted.refused] == [
        f"4 more members: the bundle has {len(members) + 5} members; at most "
        f"{len(members) + 1} are read"
    ]


def test_a_member_whose_header_hides_its_size_is_refused(corpus_dir):
    """A header may claim a small size: no more than it claims is decompressed, and the
    mismatch refuses the member."""
    zipped = make_zip([*corpus_members(corpus_dir), ("documents/liar.md", b"a" * 50_000)])
    archive = zipfile.ZipFile(io.BytesIO(zipped))
    info = archive.getinfo("documents/liar.md")
    reader = bundles._Reader(archive, Limits(member_bytes=10_000), "")
    info.file_size = 100  # what a forged header would say
    reader.member(info)
    assert [n.member for n in reader.refused] == ["documents/liar.md"]
    assert "cannot be decompressed" in reader.refused[0].reason
    assert reader.files == {} and reader.total == 0


def test_a_duplicate_member_is_refused_and_the_first_copy_kept(corpus_dir):
    with pytest.warns(UserWarning, match="Duplicate name"):
        zipped = make_zip([*corpus_members(corpus_dir), ("corpus.yaml", b"name: second\n")])
    report = read_bundle(zipped)
    assert [str(n) for n in report.refused] == [
        "corpus.yaml: appears twice in the bundle; the first copy was imported"
    ]
    assert report.files["corpus.yaml"] == (corpus_dir / "corpus.yaml").read_bytes()


def test_harmless_extras_are_skipped_not_refused_and_a_top_folder_is_entered(corpus_dir):
    members = [(f"my-corpus/{p}", d) for p, d in corpus_members(corpus_dir)]
    members += [
        ("my-corpus/README.md", b"About this corpus"),
        ("my-corpus/.DS_Store", b"\0\1"),
        ("my-corpus/documents/.hidden.md", b"x"),
        ("__MACOSX/my-corpus/._corpus.yaml", b"\0"),
    ]
    report = read_bundle(make_zip(members))
    assert report.refused == ()
    assert report.files == collect_files(FolderFiles(corpus_dir))
    assert sorted(n.member for n in report.skipped) == [
        "__MACOSX/my-corpus/._corpus.yaml",
        "my-corpus/.DS_Store",
        "my-corpus/README.md",
        "my-corpus/documents/.hidden.md",
    ]
    assert all(n.reason.startswith("ignored: ") for n in report.skipped)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"this is not a zip", "not a zip file"),
        (make_zip([("documents/a.md", b"x")]), "holds no corpus.yaml"),
        (b"PK" + b"\0" * 200, "not a zip file"),
    ],
)
def test_a_file_that_is_no_bundle_is_refused_whole(data, message):
    with pytest.raises(BundleError, match=message):
        read_bundle(data)


def test_an_oversized_bundle_is_refused_before_it_is_opened(corpus_dir):
    zipped = make_zip(corpus_members(corpus_dir))
    with pytest.raises(BundleError, match="a bundle may be at most"):
        read_bundle(zipped, Limits(bundle_bytes=len(zipped) - 1))


def test_a_bundle_with_corpus_problems_imports_and_reports_them(store_url, corpus_dir):
    members = dict(corpus_members(corpus_dir))
    members["analysis/topics.yaml"] += b"- id: Bad Id\n"
    with store.workspace_store(store_url) as ws:
        report = import_bundle(ws, "W", make_zip(list(members.items())))
        assert set(report.files) == set(members)
        assert ws.read("W", "analysis/topics.yaml") == members["analysis/topics.yaml"]
    assert not report.clean and report.refused == ()
    assert any(p.file == "analysis/topics.yaml" for p in report.problems)
    problem = report.as_dict()["problems"][0]
    assert set(problem) == {"file", "entry", "line", "message"}


def test_importing_over_a_workspace_needs_replace_and_can_be_undone(store_url, corpus_dir):
    with store.workspace_store(store_url) as ws:
        ws.create_empty("W")
        data = bundles.write_bundle(FolderFiles(corpus_dir))
        with pytest.raises(store.WorkspaceExists, match="already a workspace called 'W'"):
            import_bundle(ws, "w", data)
        assert ws.get("W").head == 1
        report = import_bundle(ws, "w", data, "colleague.zip", replace=True)
        assert (report.created, report.revision, report.workspace) == (False, 2, "W")
        assert dict(ws.snapshot("W").files.files) == collect_files(FolderFiles(corpus_dir))
        assert ws.history("W")[0].message == "Replaced by colleague.zip"
        ws.undo("W")
        assert ws.corpus("W").documents == ()
