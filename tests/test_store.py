"""The workspace store: polls, rounds and votes on SQLite and on a real PostgreSQL server.

PostgreSQL runs when $PERSPECTIVES_TEST_POSTGRES_URL names a server (`.ci/postgres start` prints
it); without it those tests skip, unless $PERSPECTIVES_REQUIRE_POSTGRES is set, as in CI.
"""

from __future__ import annotations

import os
import threading
import time
from collections import Counter

import pytest
from sqlalchemy import exc, text

from perspectives.store import polls as store
from perspectives.teaching.class_poll import CODE_ALPHABET, CODE_LENGTH

PG_URL = os.environ.get("PERSPECTIVES_TEST_POSTGRES_URL", "").strip()
PG_REQUIRED = bool(os.environ.get("PERSPECTIVES_REQUIRE_POSTGRES"))


@pytest.fixture(params=["sqlite", "postgresql"])
def url(request, tmp_path):
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'workspace.db'}"
        store.dispose_engines()
        return
    if not PG_URL:
        reason = "PostgreSQL tests need PERSPECTIVES_TEST_POSTGRES_URL (see .ci/postgres start)"
        if PG_REQUIRED:
            pytest.fail(reason + "; PERSPECTIVES_REQUIRE_POSTGRES is set")
        pytest.skip(reason)
    yield PG_URL


def _vote_storm(url: str, voters: int, doubles: int) -> dict:
    """`voters` participants vote at once from threads; the first `doubles` of them submit twice,
    concurrently, with two different stances. Returns what each thread submitted and the time."""
    with store.poll_store(url) as ws:
        code = ws.create_poll("social-credit", corpus="test").code
    jobs = [(f"voter-{i:02d}", i % 5 - 2, f"I am voter {i}.") for i in range(voters)]
    jobs += [
        (f"voter-{i:02d}", (i + 2) % 5 - 2, f"I changed my mind, {i}.") for i in range(doubles)
    ]
    barrier = threading.Barrier(len(jobs))
    errors: list[BaseException] = []
    done: list[tuple[str, int, int]] = []

    def vote(participant: str, stance: int, sentence: str) -> None:
        try:
            with store.poll_store(url) as ws:
                barrier.wait(timeout=30)
                cast = ws.cast_vote(code, participant, stance, sentence)
                done.append((participant, stance, cast.submissions))
        except BaseException as error:  # noqa: BLE001 - reported by the test below
            errors.append(error)

    threads = [threading.Thread(target=vote, args=job) for job in jobs]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    elapsed = time.perf_counter() - started
    return {"code": code, "jobs": jobs, "errors": errors, "done": done, "seconds": elapsed}


def test_twenty_concurrent_voters_no_vote_lost_or_double_counted(url):
    voters, doubles = 20, 6
    storm = _vote_storm(url, voters, doubles)
    assert storm["errors"] == []
    assert len(storm["done"]) == voters + doubles  # every submission was accepted
    with store.poll_store(url) as ws:
        results = ws.results(storm["code"], 1)
        rows = ws.vote_rows(storm["code"])
        submissions = ws.submissions(storm["code"])
    assert rows == voters  # one row per participant: no duplicate
    assert results.total == voters  # every participant counted once
    assert submissions == voters + doubles  # no submission lost: each inserted or replaced
    submitted: dict[str, set[int]] = {}
    for participant, stance, _ in storm["jobs"]:
        submitted.setdefault(participant, set()).add(stance)
    assert set(results.stances) == set(submitted)
    for participant, stance in results.stances.items():
        assert stance in submitted[participant]  # the final vote is one that was submitted
    # the counts are exactly the final stances
    assert results.counts == {s: Counter(results.stances.values())[s] for s in range(-2, 3)}
    # of two concurrent submissions, one inserted (1) and the other replaced it (2)
    by_participant: dict[str, list[int]] = {}
    for participant, _, count in storm["done"]:
        by_participant.setdefault(participant, []).append(count)
    for i in range(doubles):
        assert sorted(by_participant[f"voter-{i:02d}"]) == [1, 2]
    dialect = url.split(":", 1)[0]
    print(
        f"\n[store] {dialect}: {voters} voters, {voters + doubles} concurrent submissions, "
        f"{rows} rows, {results.total} counted, {storm['seconds']:.3f} s"
    )


def test_a_second_vote_replaces_the_first(url):
    with store.poll_store(url) as ws:
        code = ws.create_poll("social-credit").code
        first = ws.cast_vote(code, "ann", -2, "A cage.")
        second = ws.cast_vote(code, "ann", 1)
        results = ws.results(code)
    assert (first.submissions, second.submissions) == (1, 2)
    assert results.total == 1 and results.counts[1] == 1 and results.counts[-2] == 0
    assert results.sentences == ()  # the second submission is the whole vote


@pytest.mark.parametrize("stance", [3, -3, 1.5, True, "1", None])
def test_stance_outside_the_axis_is_refused(url, stance):
    with store.poll_store(url) as ws:
        code = ws.create_poll("social-credit").code
        with pytest.raises(store.InvalidVote, match="stance must be an integer from -2 to 2"):
            ws.cast_vote(code, "ann", stance)
        assert ws.vote_rows(code) == 0


def test_sentence_rules(url):
    with store.poll_store(url) as ws:
        code = ws.create_poll("social-credit").code
        with pytest.raises(store.InvalidVote, match="281 characters; at most 280"):
            ws.cast_vote(code, "ann", 0, "x" * 281)
        assert ws.cast_vote(code, "ann", 0, "y" * 280).sentence == "y" * 280
        assert ws.cast_vote(code, "ben", 0, "  two\n lines  ").sentence == "two lines"
        assert ws.cast_vote(code, "cid", 0, "   ").sentence is None
        with pytest.raises(store.InvalidVote, match="participant token"):
            ws.cast_vote(code, "", 0)


def test_unknown_poll_and_round(url):
    with store.poll_store(url) as ws:
        with pytest.raises(store.UnknownPoll, match="no poll has the code 'NOPE42'"):
            ws.cast_vote("NOPE42", "ann", 0)
        assert ws.find_poll("NOPE42") is None
        code = ws.create_poll("social-credit").code
        with pytest.raises(store.StoreError, match="has no round 2"):
            ws.results(code, 2)
        with pytest.raises(store.StoreError, match="run it again to compare"):
            ws.compare_rounds(code)


def test_codes_are_short_unambiguous_and_typed_loosely(url):
    with store.poll_store(url) as ws:
        polls = [ws.create_poll("social-credit") for _ in range(5)]
        assert len({p.code for p in polls}) == 5
        for poll in polls:
            assert len(poll.code) == CODE_LENGTH and set(poll.code) <= set(CODE_ALPHABET)
        code = polls[0].code
        typed = f" {code[:3].lower()}-{code[3:]} "
        assert ws.get_poll(typed).code == code
        assert ws.is_leader(code, polls[0].leader_key)
        assert not ws.is_leader(code, polls[1].leader_key)
        assert not ws.is_leader(code, None)


def test_rounds_before_and_after(url):
    with store.poll_store(url) as ws:
        code = ws.create_poll("social-credit").code
        for participant, stance in [("a", -2), ("b", -1), ("c", 0)]:
            ws.cast_vote(code, participant, stance, f"{participant} says so")
        assert ws.start_round(code) == 2
        assert ws.get_poll(code).round == 2
        with pytest.raises(store.RoundClosed, match="round 1 takes no votes"):
            ws.cast_vote(code, "a", 2, round=1)
        for participant, stance in [("a", 1), ("b", -1), ("d", 2)]:
            ws.cast_vote(code, participant, stance)
        before, after = ws.results(code, 1), ws.results(code, 2)
        comparison = ws.compare_rounds(code)
    assert before.counts == {-2: 1, -1: 1, 0: 1, 1: 0, 2: 0}  # round 1 unchanged by round 2
    assert [s.text for s in before.sentences] == ["a says so", "b says so", "c says so"]
    assert after.counts == {-2: 0, -1: 1, 0: 0, 1: 1, 2: 1}
    assert before.mean == pytest.approx(-1.0) and after.mean == pytest.approx(2 / 3)
    assert comparison.shift == pytest.approx(5 / 3)
    assert (comparison.both, comparison.moved) == (2, 1)  # a moved, b stayed


def test_database_rejects_what_the_api_refuses(url):
    """The constraints hold in the database too, for writers that bypass the API."""
    with store.poll_store(url) as ws:
        code = ws.create_poll("social-credit").code
    engine = store.get_engine(url)
    insert = text(
        "INSERT INTO votes (poll_code, round, participant, stance, submissions, created_at, "
        "updated_at) VALUES (:code, :round, 'x', :stance, 1, :now, :now)"
    )
    now = "2024-01-01 00:00:00"
    for values in ({"round": 1, "stance": 5}, {"round": 9, "stance": 0}):
        with pytest.raises(exc.IntegrityError), engine.begin() as conn:
            conn.execute(insert, {"code": code, "now": now, **values})


def test_sqlite_connections_are_wal_with_busy_timeout(tmp_path):
    url = f"sqlite:///{tmp_path / 'w.db'}"
    engine = store.get_engine(url)
    with engine.connect() as one, engine.connect() as two:
        for conn in (one, two):
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == store.BUSY_TIMEOUT_MS
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    store.dispose_engines()


def test_schema_is_created_once_and_kept(tmp_path):
    url = f"sqlite:///{tmp_path / 'nested' / 'w.db'}"
    with store.poll_store(url) as ws:
        code = ws.create_poll("social-credit").code
        ws.cast_vote(code, "ann", 2)
    store.dispose_engines()  # a new process: the schema step runs again on existing tables
    with store.poll_store(url) as ws:
        assert ws.results(code).counts[2] == 1
    store.dispose_engines()


def test_where_the_store_lives(monkeypatch, tmp_path):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.delenv("PERSPECTIVES_DB", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert store.database_url() == f"sqlite:///{tmp_path / 'xdg' / 'perspectives' / 'workspace.db'}"
    monkeypatch.setenv("PERSPECTIVES_DB", str(tmp_path / "class.db"))
    assert store.database_url() == f"sqlite:///{tmp_path / 'class.db'}"
    monkeypatch.setenv("DATABASE_URL", "postgres://u:p@db.example:5432/class")
    assert store.database_url() == "postgresql+psycopg://u:p@db.example:5432/class"


def _vote_from_process(url: str, code: str, first: int, count: int) -> int:
    with store.poll_store(url) as ws:
        for i in range(first, first + count):
            ws.cast_vote(code, f"proc-voter-{i:02d}", i % 5 - 2)
    return count


def test_sqlite_votes_from_several_processes(tmp_path):
    """Several app processes on one SQLite file wait on the busy timeout, never fail."""
    import multiprocessing

    url = f"sqlite:///{tmp_path / 'w.db'}"
    with store.poll_store(url) as ws:
        code = ws.create_poll("social-credit").code
    context = multiprocessing.get_context("spawn")
    with context.Pool(4) as pool:
        done = pool.starmap(_vote_from_process, [(url, code, 5 * k, 5) for k in range(4)])
    with store.poll_store(url) as ws:
        assert sum(done) == 20
        assert ws.vote_rows(code) == 20 and ws.results(code).total == 20
    store.dispose_engines()


def test_qr_code_is_a_png_of_the_link():
    import io

    from PIL import Image

    from perspectives.exports.qr import qr_matrix, qr_png

    link = "http://class.example:8501/poll?code=K7MQ3D"
    png = qr_png(link, box_size=10, border=2)
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    image = Image.open(io.BytesIO(png))
    modules = qr_matrix(link)
    assert image.size == (len(modules) * 10, len(modules) * 10)
    # the image's pixels are the code's modules: dark where the matrix is True
    grey = image.convert("L")
    for row in range(len(modules)):
        for col in range(len(modules)):
            dark = grey.getpixel((col * 10 + 5, row * 10 + 5)) < 128
            assert dark == modules[row][col]
    assert qr_png(link) != qr_png(link + "X")


def test_stance_labels_and_distribution(corpus_dir):
    from perspectives.corpus import load_corpus
    from perspectives.stance import scale_labels as stance_labels
    from perspectives.teaching.class_poll import Results, distribution_frame

    topic = load_corpus(corpus_dir).topic("social-credit")
    labels = stance_labels(topic)
    assert labels[-2].endswith("instrument of repression")
    assert labels[2].endswith("trust-building governance")
    results = Results("ABCDEF", 1, {-2: 1, -1: 0, 0: 2, 1: 0, 2: 1}, (), {})
    frame = distribution_frame(results)
    assert list(frame["stance"]) == [-2, -1, 0, 1, 2]
    assert list(frame["count"]) == [1, 0, 2, 0, 1]
    assert frame["share"].sum() == pytest.approx(1.0)
    assert results.mean == pytest.approx(0.0)
    from perspectives.charts.poll import class_chart

    spec = class_chart(frame, topic, "Before: round 1", y_max=7).to_dict()
    bars = spec["layer"][0]["encoding"]
    assert bars["y"]["scale"]["domain"] == [0, 7]  # shared scale for before and after
    assert bars["x"]["scale"]["domain"] == [-2, -1, 0, 1, 2]
    assert spec["title"]["text"] == "Before: round 1"


def test_new_polls_are_capped_per_hour_across_the_store(url, monkeypatch):
    with store.poll_store(url) as ws:
        # The PostgreSQL database is shared by the tests: count the polls already there.
        with ws._read() as conn:
            already = conn.scalar(text("SELECT count(*) FROM polls"))
        monkeypatch.setattr(store, "MAX_NEW_POLLS_PER_HOUR", already + 3)
        codes = [ws.create_poll("topic-a").code for _ in range(3)]
        with pytest.raises(store.StoreError, match=f"{already + 3} polls were opened in the last"):
            ws.create_poll("topic-a")
        assert all(ws.find_poll(code) for code in codes)  # the open polls are untouched
