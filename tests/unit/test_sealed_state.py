"""Snapshots and read models are stored sealed with the subject's key: with it they read
back whole, without it (erased) as the same facts with nobody in them."""

from __future__ import annotations

from datetime import UTC

import msgspec
from hypothesis import given
from hypothesis import strategies as st

from events.sealing import new_subject_key
from services.conductor.handler import read_snapshot, stored_snapshot
from services.domain.conversation import Conversation, Stage, Upcoming, neutral
from services.projector.store import (
    decode_consent,
    decode_session,
    encode_consent,
    encode_session,
)
from services.projector.views import ConsentRecord, SessionView, neutral_session, without_person
from tests.support.strategies import texts, times

ids = st.text(alphabet="abcdef0123456789", min_size=1, max_size=20)
utc_times = times.map(lambda t: t.astimezone(UTC))
conversations = st.builds(
    Conversation,
    stage=st.sampled_from(Stage),
    chat_id=texts,
    name=st.none() | texts,
    policy_version=st.none() | texts,
    agent=st.none() | texts,
    offered=st.lists(utc_times, max_size=3).map(tuple),
    dialogue=st.lists(st.tuples(st.sampled_from(["user", "assistant"]), texts), max_size=8).map(
        tuple
    ),
    upcoming=st.lists(st.builds(Upcoming, appointment_id=ids, start=utc_times), max_size=2).map(
        tuple
    ),
    handoff_until=st.none() | utc_times,
    last_said_at=st.none() | utc_times,
)
sessions = st.builds(
    SessionView,
    chat=ids,
    session=ids,
    conversation=conversations,
    last_activity=utc_times,
    erased_at=st.none() | utc_times,
)
consent_records = st.builds(
    ConsentRecord,
    event_id=ids,
    at=utc_times,
    kind=st.sampled_from(["requested", "granted", "refused", "revoked"]),
    policy_version=st.none() | texts,
    channel=ids,
    message_id=st.none() | texts,
    evidence_text=st.none() | texts,
)


@given(conversations)
def test_a_sealed_snapshot_reads_back_whole_with_its_key(state: Conversation) -> None:
    key = new_subject_key()
    assert read_snapshot(stored_snapshot(state, "c1", key), "c1", key) == state


@given(conversations)
def test_a_sealed_snapshot_reads_with_nobody_in_it_once_its_key_is_gone(
    state: Conversation,
) -> None:
    stored = stored_snapshot(state, "c1", new_subject_key())
    assert read_snapshot(stored, "c1", None) == neutral(state)
    assert read_snapshot(stored, "c1", new_subject_key()) == neutral(state)


@given(sessions)
def test_a_sealed_session_reads_back_whole_with_its_key_and_neutral_without(
    view: SessionView,
) -> None:
    key = new_subject_key()
    stored = encode_session(view, key)
    assert decode_session(stored, view.chat, key) == view
    assert decode_session(stored, view.chat, None) == neutral_session(view)


@given(consent_records)
def test_a_sealed_consent_record_reads_back_whole_with_its_key_and_neutral_without(
    record: ConsentRecord,
) -> None:
    key = new_subject_key()
    stored = encode_consent(record, "c1", key)
    assert decode_consent(stored, "c1", key) == record
    assert decode_consent(stored, "c1", None) == without_person(record)


@given(sessions)
def test_sealing_the_same_session_twice_gives_the_same_bytes(view: SessionView) -> None:
    # What lets a replay of the log write exactly what the live projector wrote.
    key = new_subject_key()
    assert encode_session(view, key) == encode_session(view, key)


def test_a_sealed_value_moved_to_another_chat_reads_with_nobody_in_it() -> None:
    key = new_subject_key()
    state = Conversation(chat_id="5511987654321@c.us", name="Joaquina", dialogue=(("user", "oi"),))
    assert read_snapshot(stored_snapshot(state, "c1", key), "c2", key) == neutral(state)


def test_a_snapshot_holds_no_personal_value_in_clear() -> None:
    state = Conversation(
        chat_id="5511987654321@c.us",
        name="Joaquina Albuquerque",
        dialogue=(("user", "moro na rua Pitangueiras"),),
    )
    stored = stored_snapshot(state, "c1", new_subject_key())
    for value in (b"5511987654321", b"Joaquina", b"Pitangueiras"):
        assert value not in stored


def test_a_snapshot_written_before_sealing_is_still_read() -> None:
    state = Conversation(chat_id="5511987654321@c.us", name="Joaquina")
    assert read_snapshot(msgspec.msgpack.encode(state), "c1", None) == state
