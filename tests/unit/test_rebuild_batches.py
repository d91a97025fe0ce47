"""A rebuild's views held in memory and written in batches: each key's last state once
per batch; the sessions and health models folded, a few commands per batch."""

from __future__ import annotations

from events import Keyspace, Record, new_envelope
from events.schema import DomainEvent, MessageAcknowledged, ReplySent, SessionStatusChanged
from services.projector.health_rebuild import HealthRebuild
from services.projector.rebuild import MemoryViews
from services.projector.session_health import decode_status
from services.projector.sessions_rebuild import SessionsRebuild
from services.projector.store import ReadModelKeys, decode_session
from tests.support.factories import message

KEYS = ReadModelKeys(Keyspace(), version=2)


def record(chat: str, text: str) -> Record:
    return Record("1-0", 0, message(chat=chat, text=text))


def test_a_string_written_by_an_earlier_batch_and_deleted_since_is_deleted() -> None:
    views = MemoryViews()
    views.apply(("SET", "k", b"v"))
    assert views.changes() == [("MSET", "k", b"v")]
    views.apply(("DEL", "k"))
    assert views.changes() == [("DEL", "k")]


def test_a_list_no_batch_has_written_is_written_without_deleting_it_first() -> None:
    views = MemoryViews()
    views.apply(("RPUSH", "l", b"a"))
    views.apply(("RPUSH", "l", b"b"))
    assert views.changes() == [("RPUSH", "l", b"a", b"b")]


def test_a_list_an_earlier_batch_wrote_is_written_again_whole() -> None:
    views = MemoryViews()
    views.apply(("RPUSH", "l", b"a"))
    views.changes()
    views.apply(("RPUSH", "l", b"b"))
    assert views.changes() == [("DEL", "l"), ("RPUSH", "l", b"a", b"b")]


def test_a_chat_s_sessions_are_written_once_per_batch_as_its_last() -> None:
    sessions = SessionsRebuild(KEYS)
    said = [record("c1", text) for text in ("oi", "tudo bem?", "tchau")]
    for each in [*said, record("c2", "oi")]:
        sessions.fold(each)
    mset, zadd = sessions.changes()
    assert mset[0] == "MSET" and mset[1::2] == (KEYS.session(0, "c1"), KEYS.session(0, "c2"))
    first = decode_session(mset[2], "c1", None)  # type: ignore[arg-type]
    assert first.last_activity == said[-1].envelope.recorded_at
    assert zadd[:2] == ("ZADD", KEYS.sessions(0)) and zadd[3::2] == ("c1", "c2")


def test_sessions_unchanged_since_the_last_batch_are_not_written_again() -> None:
    sessions = SessionsRebuild(KEYS)
    sessions.fold(record("c1", "oi"))
    sessions.changes()
    assert sessions.changes() == []


def health_record(chat: str, event: DomainEvent) -> Record:
    return Record("1-0", 0, new_envelope(event, chat=chat, session="default"))


def sent(chat: str, waha_id: str) -> Record:
    return health_record(chat, ReplySent(reply_id="r", chat_id="x", waha_message_id=waha_id))


def acknowledged(chat: str, waha_id: str) -> Record:
    event = MessageAcknowledged(message_id=waha_id, chat_id="x", ack=2, ack_name="DEVICE",
                                from_me=True)  # fmt: skip
    return health_record(chat, event)


def test_a_chat_s_open_watch_is_written_with_its_place_in_the_health_index() -> None:
    health = HealthRebuild(KEYS)
    health.fold(sent("c1", "true_x_A1"))
    mset, zadd = health.changes()
    assert mset[:2] == ("MSET", KEYS.ack_watch(0, "default", "c1"))
    assert zadd == ("ZADD", KEYS.health_index(0), 0, "c1:default")


def test_a_watch_an_earlier_batch_wrote_and_closed_since_is_deleted_and_leaves_the_index() -> None:
    health = HealthRebuild(KEYS)
    health.fold(sent("c1", "true_x_A1"))
    health.changes()
    health.fold(acknowledged("c1", "true_x_A1"))
    assert health.changes() == [
        ("DEL", KEYS.ack_watch(0, "default", "c1")),
        ("ZREM", KEYS.health_index(0), "c1:default"),
    ]


def test_a_watch_opened_and_closed_within_a_batch_is_never_written() -> None:
    health = HealthRebuild(KEYS)
    health.fold(sent("c1", "true_x_A1"))
    health.fold(acknowledged("c1", "true_x_A1"))
    assert health.changes() == [("ZREM", KEYS.health_index(0), "c1:default")]


def test_a_session_s_status_is_written_once_per_batch_as_its_last() -> None:
    health = HealthRebuild(KEYS)
    for status in ("STARTING", "WORKING"):
        health.fold(health_record("", SessionStatusChanged(status=status)))
    mset, zadd = health.changes()
    assert mset[1] == KEYS.session_status(0, "default")
    assert decode_status(mset[2]).status == "WORKING"  # type: ignore[arg-type]
    assert zadd == ("ZADD", KEYS.health_index(0), 0, "default")
