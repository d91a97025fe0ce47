"""Sealing the personal fields of an event with its data subject's key.

An event's personal fields (marked :class:`~events.schema.Personal` in its schema) leave
the process only sealed: AES-256-GCM over their msgpack encoding, bound to the event id and
type, with a fresh nonce. The rest of the event is stored in clear with those fields blanked,
so an event whose key is gone still decodes, as the same facts without the person in them.
"""

from __future__ import annotations

import functools
import os
import types
from dataclasses import dataclass
from typing import Annotated, Any, Union, get_args, get_origin, get_type_hints

import msgspec
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from events.schema import EVENT_TYPES, DomainEvent, Personal

KEY_BYTES = 32
NONCE_BYTES = 12

_encoder = msgspec.msgpack.Encoder()


def new_subject_key() -> bytes:
    return AESGCM.generate_key(bit_length=KEY_BYTES * 8)


@dataclass(frozen=True, slots=True)
class PersonalFields:
    """The personal fields of one event type: their blank values and their sealed form."""

    blanks: dict[str, Any]
    decoder: msgspec.msgpack.Decoder[Any]
    struct: type[msgspec.Struct]


def _blank(owner: type, name: str, hint: Any) -> Any:
    if hint is str:
        return ""
    if get_origin(hint) in (Union, types.UnionType) and type(None) in get_args(hint):
        return None
    raise TypeError(f"{owner.__name__}.{name}: a personal field must be text or optional")


def _personal_fields(cls: type[DomainEvent]) -> PersonalFields | None:
    blanks: dict[str, Any] = {}
    hints: list[tuple[str, Any]] = []
    for name, hint in get_type_hints(cls, include_extras=True).items():
        marks = hint.__metadata__ if get_origin(hint) is Annotated else ()
        if any(isinstance(mark, Personal) for mark in marks):
            bare = get_args(hint)[0]
            blanks[name] = _blank(cls, name, bare)
            hints.append((name, bare))
    if not hints:
        return None
    struct = msgspec.defstruct(f"{cls.__name__}Personal", hints, array_like=True)
    return PersonalFields(blanks, msgspec.msgpack.Decoder(struct), struct)


PERSONAL_FIELDS: dict[type[DomainEvent], PersonalFields] = {
    cls: fields for cls in EVENT_TYPES.values() if (fields := _personal_fields(cls)) is not None
}


def has_personal_data(event: object) -> bool:
    return type(event) in PERSONAL_FIELDS


def seal(event: DomainEvent, key: bytes, context: bytes) -> tuple[DomainEvent, bytes]:
    """The event with its personal fields blanked, and those fields sealed under ``key``.

    ``context`` (the event's id and type) is authenticated with the seal, so a sealed
    blob cannot be moved to another event.
    """
    spec = PERSONAL_FIELDS[type(event)]
    values = spec.struct(**{name: getattr(event, name) for name in spec.blanks})
    nonce = os.urandom(NONCE_BYTES)
    sealed = nonce + _cipher(key).encrypt(nonce, _encoder.encode(values), context)
    return msgspec.structs.replace(event, **spec.blanks), sealed


@functools.lru_cache(maxsize=1024)
def _cipher(key: bytes) -> AESGCM:
    # Setting up the key schedule costs as much as sealing a small event; a subject's
    # events come in runs (a conversation, a replay of a partition).
    return AESGCM(key)


def unseal(blank: DomainEvent, sealed: bytes, key: bytes, context: bytes) -> DomainEvent | None:
    """The event with its personal fields restored; None when ``key`` cannot open them."""
    spec = PERSONAL_FIELDS.get(type(blank))
    if spec is None:
        return None
    nonce, ciphertext = sealed[:NONCE_BYTES], sealed[NONCE_BYTES:]
    try:
        plain = _cipher(key).decrypt(nonce, ciphertext, context)
    except (InvalidTag, ValueError):
        return None
    values = spec.decoder.decode(plain)
    restored = {name: getattr(values, name) for name in spec.blanks}
    return msgspec.structs.replace(blank, **restored)
