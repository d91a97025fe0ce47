"""Personal fields are sealed with the subject's key; without it they read as blanks."""

from __future__ import annotations

from datetime import UTC, datetime

import msgspec
import pytest
from hypothesis import given

from events import Envelope, MessageReceived, decode_entry, encode_entry, new_envelope
from events.codec import MissingSubjectKey
from events.schema import EVENT_TYPES, AppointmentBooked, DomainEvent, NameRegistered
from events.sealing import PERSONAL_FIELDS, has_personal_data, new_subject_key
from tests.support.strategies import envelopes

SENT_AT = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)


def envelope_of(event: DomainEvent, chat: str = "c1") -> Envelope:
    return new_envelope(event, chat=chat, session="default")


def _stored(fields: dict[str, bytes]) -> dict[bytes, bytes]:
    return {name.encode(): value for name, value in fields.items()}


def _message(text: str) -> Envelope:
    event = MessageReceived(
        message_id="false_5511987654321@c.us_3EB0C0FFEE",
        chat_id="5511987654321@c.us",
        sender="5511987654321@c.us",
        text=text,
        sent_at=SENT_AT,
    )
    return envelope_of(event, chat="c42")


def test_no_personal_value_is_stored_in_clear() -> None:
    fields = encode_entry(_message("Meu nome é Joaquina Albuquerque"), new_subject_key())
    stored = b"".join(fields.values())
    for secret in (b"5511987654321", b"Joaquina", b"3EB0C0FFEE"):
        assert secret not in stored


@given(envelopes)
def test_without_the_key_personal_fields_read_as_blanks_and_the_rest_stays(
    envelope: Envelope,
) -> None:
    fields = _stored(encode_entry(envelope, new_subject_key()))
    record = decode_entry("1-0", 0, fields, subject_key=None)
    assert isinstance(envelope.event, DomainEvent)
    spec = PERSONAL_FIELDS.get(type(envelope.event))
    blanks = spec.blanks if spec else {}
    assert record.envelope == msgspec.structs.replace(
        envelope, event=msgspec.structs.replace(envelope.event, **blanks)
    )
    assert record.erased == has_personal_data(envelope.event)
    assert record.subject_key is None


def test_another_key_does_not_open_the_personal_fields() -> None:
    fields = _stored(encode_entry(_message("olá"), new_subject_key()))
    record = decode_entry("1-0", 0, fields, new_subject_key())
    assert record.erased
    assert isinstance(record.envelope.event, MessageReceived)
    assert record.envelope.event.text == ""


def test_a_sealed_blob_moved_to_another_event_does_not_open() -> None:
    key = new_subject_key()
    first = _stored(encode_entry(_message("primeira"), key))
    second = _stored(encode_entry(_message("segunda"), key))
    second[b"p"] = first[b"p"]
    assert decode_entry("1-0", 0, second, key).erased


def test_an_event_with_personal_data_cannot_be_written_without_a_key() -> None:
    with pytest.raises(MissingSubjectKey):
        encode_entry(envelope_of(NameRegistered(name="Ana", evidence_message_id="m1")))


def test_an_event_without_personal_data_needs_no_key() -> None:
    booked = AppointmentBooked(
        appointment_id="a1", calendar_entry_id="e1", start=SENT_AT, end=SENT_AT
    )
    fields = _stored(encode_entry(envelope_of(booked)))
    record = decode_entry("1-0", 0, fields)
    assert record.envelope.event == booked
    assert not record.erased


def test_the_personal_fields_are_those_that_identify_or_quote_the_person() -> None:
    personal = {
        EVENT_TYPES[name].__name__: sorted(spec.blanks)
        for name in EVENT_TYPES
        if (spec := PERSONAL_FIELDS.get(EVENT_TYPES[name]))
    }
    assert personal["MessageReceived"] == [
        "chat_id", "media", "message_id", "reply_to", "sender", "text"
    ]  # fmt: skip
    assert personal["NameRegistered"] == ["evidence_message_id", "name"]
    assert personal["ConsentGranted"] == ["evidence_message_id", "evidence_text"]
    assert "AppointmentBooked" not in personal
    assert "SubjectErased" not in personal
