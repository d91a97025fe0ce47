"""Hypothesis strategies for events and envelopes, every type of the union covered."""

from __future__ import annotations

from datetime import UTC, datetime

from hypothesis import strategies as st

from events import (
    Envelope,
    MediaInfo,
    MessageAcknowledged,
    MessageReceived,
    MessageRevoked,
    ReactionReceived,
    SessionStatusChanged,
)
from events.schema import EVENT_TYPES

texts = st.text(max_size=200)
times = st.datetimes(
    min_value=datetime(2000, 1, 1), max_value=datetime(2100, 1, 1), timezones=st.just(UTC)
)
media = st.builds(MediaInfo, mimetype=st.none() | texts, filename=st.none() | texts,
                  url=st.none() | texts, error=st.none() | texts)  # fmt: skip
strategies_by_type = {
    MessageReceived: st.builds(
        MessageReceived, message_id=texts, chat_id=texts, sender=texts, text=texts,
        media=st.none() | media, is_group=st.booleans(), reply_to=st.none() | texts,
        sent_at=times,
    ),
    MessageAcknowledged: st.builds(
        MessageAcknowledged, message_id=texts, chat_id=texts, ack=st.integers(-1, 5),
        ack_name=texts, from_me=st.booleans(),
    ),
    ReactionReceived: st.builds(
        ReactionReceived, message_id=texts, chat_id=texts, sender=texts,
        target_message_id=texts, reaction=texts, from_me=st.booleans(),
    ),
    MessageRevoked: st.builds(
        MessageRevoked, chat_id=texts, revoked_message_id=texts, from_me=st.booleans()
    ),
    SessionStatusChanged: st.builds(SessionStatusChanged, status=texts),
}  # fmt: skip
# Every other event type is derived from its type hints, with time-zone-aware times.
st.register_type_strategy(datetime, times)
st.register_type_strategy(int, st.integers(-(2**63), 2**63 - 1))  # msgpack's range
# NaN equals nothing, itself included, and no event field holds one (a duration, a score).
st.register_type_strategy(float, st.floats(allow_nan=False))
strategies_by_type.update(
    {cls: st.builds(cls) for cls in EVENT_TYPES.values() if cls not in strategies_by_type}
)
events_ = st.one_of(*strategies_by_type.values())
ids = st.uuids().map(lambda u: u.hex)
envelopes = st.builds(
    Envelope,
    event_id=ids,
    chat=st.text(min_size=1, max_size=50),
    session=st.text(min_size=1, max_size=50),
    occurred_at=times,
    recorded_at=times,
    correlation_id=ids,
    causation_id=st.none() | ids,
    traceparent=st.none() | st.just("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"),
    event=events_,
)
