"""Stream entry <-> envelope.

An entry has five fields: ``type`` and ``v`` (so a reader can recognise an event it does not
know before decoding it), ``chat`` (so a reader can filter a partition by conversation
without decoding), ``h`` (the envelope header) and ``d`` (the event), both msgpack.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

import msgspec

from events.envelope import Envelope
from events.schema import EVENT_TYPES, DomainEvent, UnknownEvent, type_of


class CorruptEntry(Exception):
    """An entry that claims a known type but does not decode as that type."""


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

    @property
    def chat(self) -> str:
        return self.envelope.chat


_encoder = msgspec.msgpack.Encoder()
_header_decoder = msgspec.msgpack.Decoder(_Header)
_event_decoders = {name: msgspec.msgpack.Decoder(cls) for name, cls in EVENT_TYPES.items()}


def encode_entry(envelope: Envelope) -> dict[str, bytes]:
    """The stream fields of an envelope."""
    event = envelope.event
    if isinstance(event, UnknownEvent):
        raise TypeError("an UnknownEvent is read from the log, never written to it")
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
        "type": type_of(event).encode(),
        "v": str(type(event).schema_version).encode(),
        "chat": envelope.chat.encode(),
        "h": _encoder.encode(header),
        "d": _encoder.encode(event),
    }


def _text(fields: Mapping[bytes, bytes], name: bytes) -> str:
    try:
        return fields[name].decode()
    except (KeyError, UnicodeDecodeError) as exc:
        raise CorruptEntry(f"field {name.decode()!r} missing or not UTF-8") from exc


def decode_entry(entry_id: str, partition: int, fields: Mapping[bytes, bytes]) -> Record:
    """Decode an entry; unknown types and newer schemas become :class:`UnknownEvent`."""
    type_name = _text(fields, b"type")
    chat = _text(fields, b"chat")
    try:
        version = int(_text(fields, b"v"))
        header = _header_decoder.decode(fields[b"h"])
        data = fields[b"d"]
    except (KeyError, ValueError, msgspec.DecodeError) as exc:
        raise CorruptEntry(f"entry {entry_id}: {exc}") from exc
    decoder = _event_decoders.get(type_name)
    event: DomainEvent | UnknownEvent
    if decoder is None or version > EVENT_TYPES[type_name].schema_version:
        event = UnknownEvent(type=type_name, schema_version=version, data=data)
    else:
        try:
            event = decoder.decode(data)
        except msgspec.DecodeError as exc:
            raise CorruptEntry(f"entry {entry_id}: {exc}") from exc
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
    return Record(entry_id=entry_id, partition=partition, envelope=envelope)
