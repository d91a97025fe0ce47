"""Stream entry <-> envelope.

An entry has six fields: ``type`` and ``v`` (so a reader can recognise an event it does not
know before decoding it), ``chat`` (so a reader can filter a partition by conversation
without decoding), ``h`` (the envelope header) and ``d`` (the event with its personal
fields blanked), both msgpack, and ``p``: the personal fields sealed with the data
subject's key (empty for an event that has none).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime

import msgspec

from events.envelope import Envelope
from events.schema import EVENT_TYPES, DomainEvent, UnknownEvent, type_of
from events.sealing import has_personal_data, seal, unseal


class CorruptEntry(Exception):
    """An entry that claims a known type but does not decode as that type."""


class MissingSubjectKey(ValueError):
    """An event with personal data can only be written sealed with its subject's key."""


class _Header(msgspec.Struct, frozen=True, kw_only=True, array_like=True):
    event_id: str
    session: str
    occurred_at: datetime
    recorded_at: datetime
    correlation_id: str
    causation_id: str | None
    traceparent: str | None


@dataclass(frozen=True, slots=True)
class Record:
    """One decoded log entry."""

    entry_id: str
    partition: int
    envelope: Envelope
    erased: bool = False
    """The event's personal fields were erased: they read as blanks."""
    subject_key: bytes | None = field(default=None, repr=False)
    """The key the entry was opened with, to seal the events decided in response."""
    redelivered: bool = False
    """It may have been handled before without its commit landing (taken over from an
    owner that died or lost its lease, or retried): a handler whose effects reach outside
    Redis checks there before repeating them."""

    @property
    def chat(self) -> str:
        return self.envelope.chat


_encoder = msgspec.msgpack.Encoder()
_header_decoder = msgspec.msgpack.Decoder(_Header)
_event_decoders = {name: msgspec.msgpack.Decoder(cls) for name, cls in EVENT_TYPES.items()}


def _seal_context(event_id: str, type_name: str) -> bytes:
    return f"{event_id}/{type_name}".encode()


def is_sealed(fields: Mapping[bytes, bytes]) -> bool:
    """Whether an entry carries personal data, and so needs its subject's key to read."""
    return bool(fields.get(b"p"))


def encode_entry(envelope: Envelope, subject_key: bytes | None = None) -> dict[str, bytes]:
    """The stream fields of an envelope, personal data sealed with ``subject_key``."""
    event = envelope.event
    if isinstance(event, UnknownEvent):
        raise TypeError("an UnknownEvent is read from the log, never written to it")
    type_name = type_of(event)
    sealed = b""
    if has_personal_data(event):
        if subject_key is None:
            raise MissingSubjectKey(f"{type_name} carries personal data: a subject key is needed")
        event, sealed = seal(event, subject_key, _seal_context(envelope.event_id, type_name))
    header = _Header(
        event_id=envelope.event_id,
        session=envelope.session,
        occurred_at=envelope.occurred_at,
        recorded_at=envelope.recorded_at,
        correlation_id=envelope.correlation_id,
        causation_id=envelope.causation_id,
        traceparent=envelope.traceparent,
    )
    return {
        "type": type_name.encode(),
        "v": str(type(event).schema_version).encode(),
        "chat": envelope.chat.encode(),
        "h": _encoder.encode(header),
        "d": _encoder.encode(event),
        "p": sealed,
    }


def as_text(value: str | bytes) -> str:
    """A Redis reply as text, whether the client decoded it or not."""
    return value.decode() if isinstance(value, bytes) else value


def _text(fields: Mapping[bytes, bytes], name: bytes) -> str:
    try:
        return fields[name].decode()
    except (KeyError, UnicodeDecodeError) as exc:
        raise CorruptEntry(f"field {name.decode()!r} missing or not UTF-8") from exc


# msgspec refuses JSON or MessagePack nested deeper than its limit with RecursionError,
# not DecodeError: untrusted input must be caught with both.
DECODE_ERRORS = (msgspec.DecodeError, RecursionError)

REDELIVERED_FOR = b"for"
"""Field of an entry given back to one consumer group from its dead letters: a second
delivery of an event the log already holds, for that group alone."""


def is_redelivery(fields: Mapping[bytes, bytes]) -> bool:
    return REDELIVERED_FOR in fields


def decode_entry(
    entry_id: str,
    partition: int,
    fields: Mapping[bytes, bytes],
    subject_key: bytes | None = None,
) -> Record:
    """Decode an entry; unknown types and newer schemas become :class:`UnknownEvent`.

    Personal fields are opened with ``subject_key``; without it (erased, or never given)
    they read as blanks and the record says so.
    """
    type_name = _text(fields, b"type")
    chat = _text(fields, b"chat")
    try:
        version = int(_text(fields, b"v"))
        header = _header_decoder.decode(fields[b"h"])
        data = fields[b"d"]
    except (KeyError, ValueError, *DECODE_ERRORS) as exc:
        raise CorruptEntry(f"entry {entry_id}: {exc}") from exc
    decoder = _event_decoders.get(type_name)
    event: DomainEvent | UnknownEvent
    if decoder is None or version > EVENT_TYPES[type_name].schema_version:
        event = UnknownEvent(type=type_name, schema_version=version, data=data)
    else:
        try:
            event = decoder.decode(data)
        except DECODE_ERRORS as exc:
            raise CorruptEntry(f"entry {entry_id}: {exc}") from exc
    erased = False
    sealed = fields.get(b"p")
    if sealed and isinstance(event, DomainEvent):
        opened = None
        if subject_key is not None:
            opened = unseal(event, sealed, subject_key, _seal_context(header.event_id, type_name))
        erased = opened is None
        event = opened if opened is not None else event
    envelope = Envelope(
        event_id=header.event_id,
        chat=chat,
        session=header.session,
        occurred_at=header.occurred_at,
        recorded_at=header.recorded_at,
        correlation_id=header.correlation_id,
        causation_id=header.causation_id,
        traceparent=header.traceparent,
        event=event,
    )
    return Record(entry_id, partition, envelope, erased, None if erased else subject_key)
