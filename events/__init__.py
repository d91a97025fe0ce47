"""The event model and the log: schemas, codec, keys, append, read, subscription.

This package knows nothing about WAHA, agents or HTTP.
"""

from events.appending import AppendResult
from events.codec import Record, decode_entry, encode_entry
from events.envelope import Envelope, new_envelope
from events.keys import Keyspace
from events.log import EventLog
from events.schema import (
    Event,
    MediaInfo,
    MessageAcknowledged,
    MessageReceived,
    MessageRevoked,
    ReactionReceived,
    SessionStatusChanged,
    UnknownEvent,
)

__all__ = [
    "AppendResult",
    "Envelope",
    "Event",
    "EventLog",
    "Keyspace",
    "MediaInfo",
    "MessageAcknowledged",
    "MessageReceived",
    "MessageRevoked",
    "ReactionReceived",
    "Record",
    "SessionStatusChanged",
    "UnknownEvent",
    "decode_entry",
    "encode_entry",
    "new_envelope",
]
