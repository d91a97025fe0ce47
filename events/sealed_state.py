"""Storing what is derived from a subject's events (a snapshot, a read model) sealed
with the subject's key, as the events themselves are.

A stored value is two parts: its neutral form (the same facts without the person) in
clear, and the whole value sealed under the subject's key. While the key exists the value
reads whole; once it is erased, as its neutral form. A value with nothing personal in it,
or written without a key, is stored neutral only.

Sealing is deterministic (AES-256-GCM-SIV under a key derived from the subject's, the
nonce fixed, the value's place as associated data): the same value sealed twice gives the
same bytes, so a replay of the log writes exactly what the live consumer wrote. Equal
values of one place look equal, which tells nothing the neutral form does not.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Generic, TypeVar

import msgspec
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCMSIV
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

T = TypeVar("T", bound=msgspec.Struct)

_NONCE = bytes(12)
# Misuse-resistant: under GCM-SIV a repeated nonce reveals only that two values are equal.
_STORED_PREFIX = b"\x92"
"""A stored value is a two-element msgpack array; a value written before sealing (a
struct, a msgpack map) starts otherwise and is read as it is."""


class _Stored(msgspec.Struct, array_like=True):
    neutral: bytes
    sealed: bytes


_stored = msgspec.msgpack.Decoder(_Stored)
_encoder = msgspec.msgpack.Encoder()


@functools.lru_cache(maxsize=1024)
def _cipher(subject_key: bytes) -> AESGCMSIV:
    # A key of its own for what is derived, never the events' key under another mode.
    derived = HKDF(hashes.SHA256(), 32, salt=None, info=b"wsm sealed state v1").derive(subject_key)
    return AESGCMSIV(derived)


class SealedCodec(Generic[T]):
    """Encodes values of one struct type sealed; ``neutral`` strips the person from one."""

    def __init__(self, kind: type[T], neutral: Callable[[T], T]) -> None:
        self.neutral = neutral
        self._decoder = msgspec.msgpack.Decoder(kind)

    def encode(self, value: T, subject_key: bytes | None, place: bytes) -> bytes:
        """``value`` as stored; ``place`` (where it is kept) is authenticated with it."""
        neutral = self.neutral(value)
        sealed = b""
        if subject_key is not None and neutral != value:
            sealed = _cipher(subject_key).encrypt(_NONCE, _encoder.encode(value), place)
        return _encoder.encode(_Stored(_encoder.encode(neutral), sealed))

    def decode(self, raw: bytes, subject_key: bytes | None, place: bytes) -> T:
        """The whole value if ``subject_key`` opens it, else its neutral form."""
        if not raw.startswith(_STORED_PREFIX):
            return self._decoder.decode(raw)
        stored = _stored.decode(raw)
        if stored.sealed and subject_key is not None:
            try:
                plain = _cipher(subject_key).decrypt(_NONCE, stored.sealed, place)
            except InvalidTag:
                pass  # another subject's key (the chat was erased and came back)
            else:
                return self._decoder.decode(plain)
        return self._decoder.decode(stored.neutral)

    def is_sealed(self, raw: bytes) -> bool:
        """Whether a stored value holds a sealed part (personal data under a key)."""
        return raw.startswith(_STORED_PREFIX) and bool(_stored.decode(raw).sealed)
