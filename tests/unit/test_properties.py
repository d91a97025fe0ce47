"""Invariants over generated inputs: codec, signatures, partitioning."""

from __future__ import annotations

from collections import Counter
from typing import get_args

from hypothesis import given, settings
from hypothesis import strategies as st

from events import Envelope, Event, Keyspace, UnknownEvent, decode_entry, encode_entry
from events.leases import assign
from events.schema import EVENT_TYPES
from events.sealing import new_subject_key
from services.waha import signature
from services.waha.signature import SignatureInvalid
from tests.support.strategies import envelopes, strategies_by_type

PINNED_16 = [3, 4, 12, 1]
PINNED_1000 = [907, 260, 828, 281]


def _bytes_fields(fields: dict[str, bytes]) -> dict[bytes, bytes]:
    return {k.encode(): v for k, v in fields.items()}


@given(envelopes)
def test_every_event_type_round_trips_through_the_codec(envelope: Envelope) -> None:
    key = new_subject_key()
    record = decode_entry("1-0", 3, _bytes_fields(encode_entry(envelope, key)), key)
    assert record.envelope == envelope
    assert not record.erased


def test_the_strategies_cover_every_event_type_of_the_union() -> None:
    assert set(strategies_by_type) == set(EVENT_TYPES.values()) == set(get_args(Event))


@given(envelopes, st.text(min_size=1, max_size=30))
def test_an_unknown_type_decodes_to_an_unknown_event(envelope: Envelope, name: str) -> None:
    fields = _bytes_fields(encode_entry(envelope, new_subject_key()))
    fields[b"type"] = ("x-" + name).encode()
    event = decode_entry("1-0", 0, fields).envelope.event
    assert isinstance(event, UnknownEvent)
    assert event.type == "x-" + name
    assert event.data == fields[b"d"]


@given(envelopes)
def test_a_newer_schema_version_decodes_to_an_unknown_event(envelope: Envelope) -> None:
    fields = _bytes_fields(encode_entry(envelope, new_subject_key()))
    fields[b"v"] = b"99"
    assert isinstance(decode_entry("1-0", 0, fields).envelope.event, UnknownEvent)


keys = st.lists(st.binary(min_size=1, max_size=64), min_size=1, max_size=3)


@given(st.binary(max_size=2000), keys)
def test_a_body_signed_with_any_accepted_key_verifies(body: bytes, accepted: list[bytes]) -> None:
    for key in accepted:
        signature.verify(body, signature.sign(body, key), "sha512", accepted)


@given(st.binary(max_size=2000), keys, st.binary(min_size=1, max_size=64))
def test_a_body_signed_with_another_key_is_refused(
    body: bytes, accepted: list[bytes], other: bytes
) -> None:
    if other in accepted:
        return
    try:
        signature.verify(body, signature.sign(body, other), "sha512", accepted)
    except SignatureInvalid:
        return
    raise AssertionError("accepted a signature made with another key")


@given(st.binary(max_size=500), st.binary(min_size=1, max_size=500), keys)
def test_a_signature_of_another_body_is_refused(
    body: bytes, other: bytes, accepted: list[bytes]
) -> None:
    if body == other:
        return
    try:
        signature.verify(body, signature.sign(other, accepted[0]), "sha512", accepted)
    except SignatureInvalid:
        return
    raise AssertionError("accepted the signature of another body")


@given(st.text(max_size=100), st.integers(1, 256))
def test_partitioning_is_stable_and_in_range(chat: str, partitions: int) -> None:
    keyspace = Keyspace(partitions=partitions)
    partition = keyspace.partition_of(chat)
    assert 0 <= partition < partitions
    assert Keyspace(partitions=partitions).partition_of(chat) == partition


def test_partitioning_is_pinned_across_versions() -> None:
    # A changed hash would move chats to other partitions and break per-chat order.
    chats = ("a", "chat-1", "session:x", "cabc")
    assert [Keyspace(partitions=16).partition_of(c) for c in chats] == PINNED_16
    assert [Keyspace(partitions=1000).partition_of(c) for c in chats] == PINNED_1000


@settings(max_examples=20)
@given(st.integers(2, 64))
def test_partitioning_spreads_chats_evenly(partitions: int) -> None:
    keyspace = Keyspace(partitions=partitions)
    counts = Counter(keyspace.partition_of(f"c{n:08d}") for n in range(200 * partitions))
    assert len(counts) == partitions
    assert max(counts.values()) < 1.35 * 200
    assert min(counts.values()) > 0.65 * 200


@given(st.text(min_size=1, max_size=5000))
def test_dedup_keys_have_bounded_size_and_hide_the_idempotency_key(key: str) -> None:
    name = Keyspace().dedup(3, key)
    assert name.startswith("wsm:{p3}:dedup:")
    assert len(name) == len("wsm:{p3}:dedup:") + 32


@given(st.integers(1, 64), st.lists(st.text(min_size=1, max_size=10), min_size=1, max_size=8))
def test_every_partition_has_one_live_owner_and_the_split_is_even(
    partitions: int, members: list[str]
) -> None:
    owners = assign(partitions, members)
    assert set(owners) == set(range(partitions))
    assert set(owners.values()) <= set(members)
    loads = Counter(owners.values())
    live = min(len(set(members)), partitions)
    assert len(loads) == live
    assert max(loads.values()) - min(loads.values()) <= 1


@given(st.integers(1, 64), st.lists(st.text(min_size=1, max_size=10), min_size=1, max_size=8))
def test_every_replica_computes_the_same_split(partitions: int, members: list[str]) -> None:
    assert assign(partitions, members) == assign(partitions, list(reversed(members)))
