"""`python -m perspectives bundle export | import`: a corpus as one zip of its folder format,
out of a folder or a workspace, and into a workspace.

    bundle export [--corpus DIR | --workspace NAME] --out FILE.zip [--json]
    bundle import FILE.zip --workspace NAME [--replace] [--json]

Exit codes: 0 done; 1 invalid input (a file that is not a bundle, an unknown or taken
workspace name, or a bundle imported with problems: members refused or problems in the
corpus; what was valid is imported and the output lists the rest); 2 usage errors.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from perspectives.cli import common


def cmd_export(args: argparse.Namespace) -> int:
    from perspectives.corpus import default_corpus_path
    from perspectives.corpus.files import CorpusFiles, FolderFiles
    from perspectives.exports.files import write_atomic
    from perspectives.store.workspace_files import collect_files
    from perspectives.workspace.bundles import write_bundle

    files: CorpusFiles
    if args.workspace:
        from perspectives.store.workspaces import workspace_store

        with workspace_store() as store:
            if store.find(args.workspace) is None:
                names = [w.name for w in store.list()]
                raise common.Failure(common.unknown_workspace(args.workspace, names))
            files = store.snapshot(args.workspace).files
    else:
        files = FolderFiles(Path(args.corpus) if args.corpus else default_corpus_path())
        if files.kind("") != "folder":
            raise common.Failure(f"bundle export: corpus folder not found: {files.label}")
    data = write_bundle(files)
    path = write_atomic(args.out, data, replace=False)
    count = len(collect_files(files))
    if args.json:
        summary = {"path": str(path), "bytes": len(data), "files": count, "source": files.label}
        print(json.dumps(summary, ensure_ascii=False, indent=2))
    else:
        kept = common.kept_note(Path(args.out), path)
        print(f"wrote {path} ({count} files of {files.label}, {len(data)} bytes){kept}")
    return common.EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    from perspectives.store.workspaces import WorkspaceError, WorkspaceExists, workspace_store
    from perspectives.workspace.bundles import BundleError, import_bundle

    path = Path(args.file)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise common.Failure(f"bundle import: cannot read {path}: {error.strerror}") from None
    with workspace_store() as store:
        try:
            report = import_bundle(
                store, args.workspace, data, path.name, replace=args.replace, author="command line"
            )
        except BundleError as error:
            raise common.Failure(f"bundle import: {path}: {error}") from None
        except WorkspaceError as error:
            hint = ""
            if isinstance(error, WorkspaceExists):
                hint = ": choose another name, or --replace to import over it as a new revision"
            raise common.Failure(f"bundle import: {error}{hint}") from None
    if args.json:
        print(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
    else:
        verb = "created" if report.created else "replaced the contents of"
        print(
            f"{verb} workspace {report.workspace} (revision {report.revision}): "
            f"{len(report.files)} files imported from {path.name}"
        )
        for note in report.refused:
            print(f"refused: {note}")
        for note in report.skipped:
            print(f"skipped: {note}")
        for problem in report.problems:
            print(f"problem: {problem}")
    if not report.clean:
        print(
            f"{len(report.refused)} member(s) refused, {len(report.problems)} problem(s) in "
            "the corpus; everything else was imported",
            file=sys.stderr,
        )
        return common.EXIT_INVALID
    return common.EXIT_OK


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "bundle",
        help="export a corpus as a zip bundle, or import one into a workspace",
        description="A bundle is a zip of the corpus folder format (corpus.yaml, documents/, "
        "analysis/): hand it to a colleague, who imports it into a workspace.",
    )
    actions = p.add_subparsers(dest="action", required=True, metavar="ACTION")

    e = actions.add_parser("export", help="write a corpus (folder or workspace) as FILE.zip")
    common.add_corpus_options(e)
    e.add_argument("--out", required=True, metavar="FILE.zip", help="the bundle to write")
    e.add_argument("--json", action="store_true", help="print a JSON summary")
    e.set_defaults(func=cmd_export)

    i = actions.add_parser("import", help="import FILE.zip into a workspace")
    i.add_argument("file", metavar="FILE.zip", help="the bundle to import")
    i.add_argument("--workspace", required=True, metavar="NAME", help="the workspace to create")
    i.add_argument(
        "--replace",
        action="store_true",
        help="if the workspace exists, replace its contents as a new revision (undoable)",
    )
    i.add_argument("--json", action="store_true", help="print the import report as JSON")
    i.set_defaults(func=cmd_import)
