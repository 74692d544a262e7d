"""Synthetic corpora made from a real one, reproducibly: the speed issue's 1x / 100x / 1000x.

    write_corpus(source_dir, out_dir, copies=100, seed=12)
    write_corpus(source_dir, out_dir, copies=100, voice_groups=6)   # few voices

Each copy k of the source holds every document under a new id (`ID-sK`), its voices, positions
(stances nudged by a seeded random walk so that pairs of voices differ), claims and reading
guides, all re-pointed to the copy's ids. Topics, camps, motions and blind spots are shared; each
event's mentions are re-pointed to the copies k = e (mod number of events): they cycle
through every copy.

With `voice_groups=G` (a real large reading list: many documents, a few voices), copy k's
voices are those of group k mod G, so the corpus has G x (source voices) voices however many
documents it has; positions are written only for the first copy of each group (a voice speaks
once per topic), the other copies keep their claims and guides: most documents of a long list
are read but not analysed.
"""

from __future__ import annotations

import random
import shutil
from pathlib import Path
from typing import Any

import yaml


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
    """No anchors and aliases (the copies share lists): the loader refuses YAML references."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _load(path: Path) -> Any:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", None))


def _dump(data: Any, path: Path) -> None:
    text = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=1000)
    path.write_text(text, encoding="utf-8")


# A list longer than this is written as a folder of files of this many entries
# (analysis/NAME/part-0001.yaml ...), as a user with a long reading list would split it: one
# file stays well under the loader's 4 MB limit (22,000 voices at 1000x are 8 MB).
_PART = 2000


def _dump_list(entries: list, analysis: Path, name: str) -> None:
    if len(entries) <= _PART:
        _dump(entries, analysis / f"{name}.yaml")
        return
    (analysis / name).mkdir()
    for number, start in enumerate(range(0, len(entries), _PART), start=1):
        _dump(entries[start : start + _PART], analysis / name / f"part-{number:04d}.yaml")


def _entries(folder: Path, name: str) -> dict[str, list]:
    """analysis/NAME.yaml and analysis/NAME/*.yaml, by file stem ("" for the single file)."""
    found: dict[str, list] = {}
    single = folder / f"{name}.yaml"
    if single.is_file():
        found[""] = _load(single) or []
    if (folder / name).is_dir():
        for path in sorted((folder / name).glob("*.yaml")):
            found[path.stem] = _load(path) or []
    return found


def write_corpus(
    source: Path, out: Path, copies: int, seed: int = 12, voice_groups: int | None = None
) -> Path:
    """Write a corpus of `copies` copies of `source` to `out` (emptied first); return `out`."""
    rng = random.Random(seed)
    if out.exists():
        shutil.rmtree(out)
    (out / "documents").mkdir(parents=True)
    analysis, src = out / "analysis", source / "analysis"
    for folder in ("positions", "claims"):
        (analysis / folder).mkdir(parents=True)
    shutil.copy(source / "corpus.yaml", out / "corpus.yaml")
    for name in ("topics", "camps", "motions", "blind_spots"):
        if (src / f"{name}.yaml").is_file():
            shutil.copy(src / f"{name}.yaml", analysis / f"{name}.yaml")

    documents = sorted(p.stem for p in (source / "documents").glob("*.md"))
    voices = [v for group in _entries(src, "voices").values() for v in group]
    positions = {p.stem: _load(p) for p in sorted((src / "positions").glob("*.yaml"))}
    claims = [c for group in _entries(src, "claims").values() for c in group]
    guides = [g for group in _entries(src, "guides").values() for g in group]
    events = [e for group in _entries(src, "events").values() for e in group]
    texts = {d: (source / "documents" / f"{d}.md").read_bytes() for d in documents}

    groups = voice_groups or copies

    def doc_id(document: str, k: int) -> str:
        return f"{document}-s{k}"

    def voice_id(voice: str, k: int) -> str:
        return f"{voice}-s{k % groups}"

    out_voices: dict[str, dict] = {}
    out_guides, out_events = [], []
    for k in range(copies):
        for document in documents:
            (out / "documents" / f"{doc_id(document, k)}.md").write_bytes(texts[document])
        for voice in voices:
            vid = voice_id(voice["id"], k)
            if vid not in out_voices:
                names = [voice["name"], *voice.get("aliases", [])]
                out_voices[vid] = {
                    **voice,
                    "id": vid,
                    "name": f"{voice['name']} ({k % groups + 1})",
                    "aliases": names,
                    "documents": [],
                }
            out_voices[vid]["documents"] += [doc_id(d, k) for d in voice["documents"]]
        if k < groups:
            for document, data in positions.items():
                moved = []
                for position in data.get("positions") or []:
                    position = dict(position)
                    position["voice"] = voice_id(position["voice"], k)
                    for relation in ("answers", "contests"):
                        if relation in position:
                            position[relation] = [
                                voice_id(a.split("/")[0], k) + "/" + a.split("/")[1]
                                for a in position[relation]
                            ]
                    stance = position.get("stance")
                    if stance is not None and rng.random() < 0.5:
                        stance = max(-2, min(2, stance + rng.choice((-1, 1))))
                        position["stance"] = stance
                    moved.append(position)
                _dump(
                    {"document": doc_id(document, k), "positions": moved},
                    analysis / "positions" / f"{doc_id(document, k)}.yaml",
                )
        by_document: dict[str, list] = {}
        for claim in claims:
            claim = {**claim, "id": f"{claim['id']}-s{k}", "document": doc_id(claim["document"], k)}
            if claim.get("voice"):
                claim["voice"] = voice_id(claim["voice"], k)
            by_document.setdefault(claim["document"], []).append(claim)
        for document, group in by_document.items():
            _dump(group, analysis / "claims" / f"{document}.yaml")
        out_guides += [{**g, "document": doc_id(g["document"], k)} for g in guides]
    for number, event in enumerate(events):
        # Event e is mentioned by the copies k = e (mod len(events)): the mentions cycle through
        # every copy, as a long reading list's events are spread over its documents.
        chosen = range(number % copies, copies, len(events)) if events else ()
        mentions = [
            {**m, "document": doc_id(m["document"], k)}
            for k in chosen
            for m in event.get("mentions", [])
        ]
        out_events.append({**event, "mentions": mentions})
    # A voice quoted in a copy without positions still lists that copy's documents: its
    # quotes and claims live there.
    _dump_list(list(out_voices.values()), analysis, "voices")
    # One guide file per document: a single guides.yaml passes the loader's 4 MB limit at 1000x.
    (analysis / "guides").mkdir()
    guides_of: dict[str, list] = {}
    for guide in out_guides:
        guides_of.setdefault(guide["document"], []).append(guide)
    for document, group in guides_of.items():
        _dump(group, analysis / "guides" / f"{document}.yaml")
    _dump(out_events, analysis / "events.yaml")
    return out
