"""Storing what is derived from a subject's events (a snapshot, a read model) sealed
with the subject's key, as the events themselves are.

A stored value is two parts: its neutral form (the same facts without the person) in
clear, and the whole value sealed under the subject's key. While the key exists the value
reads whole; once it is erased, as its neutral form. A value with nothing personal in it,
or written without a key, is stored neutral only.

Sealing is deterministic, so that a replay of the log writes exactly what the live
consumer wrote: AES-256-GCM with a synthetic nonce, a keyed BLAKE2b of the value and its
place (the SIV construction: the nonce differs whenever the value or place does), under
keys derived from the subject's and never used for anything else. The place is also
authenticated, so a sealed value moved elsewhere does not open. Equal values of one place
look equal, which tells nothing the neutral form does not. (AES-GCM-SIV would do the
same, at six times the cost per value here.)
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Callable
from typing import Generic, TypeVar

import msgspec
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

T = TypeVar("T", bound=msgspec.Struct)

_NONCE_BYTES = 12
_STORED_PREFIX = b"\x92"
"""A stored value is a two-element msgpack array; a value written before sealing (a
struct, a msgpack map) starts otherwise and is read as it is."""


class _Stored(msgspec.Struct, array_like=True):
    neutral: bytes
    sealed: bytes


_stored = msgspec.msgpack.Decoder(_Stored)
_encoder = msgspec.msgpack.Encoder()


@functools.lru_cache(maxsize=1024)
def _keys(subject_key: bytes) -> tuple[AESGCM, bytes]:
    """The cipher and the nonce key of a subject's derived data (a subject's values come
    in runs, and deriving costs more than sealing)."""
    derived = HKDF(hashes.SHA256(), 64, salt=None, info=b"wsm sealed state v1").derive(subject_key)
    return AESGCM(derived[:32]), derived[32:]


def _seal(subject_key: bytes, plain: bytes, place: bytes) -> bytes:
    cipher, nonce_key = _keys(subject_key)
    synthetic = hashlib.blake2b(key=nonce_key, digest_size=_NONCE_BYTES)
    synthetic.update(len(place).to_bytes(4, "big") + place)
    synthetic.update(plain)
    nonce = synthetic.digest()
    return nonce + cipher.encrypt(nonce, plain, place)


def _open(subject_key: bytes, sealed: bytes, place: bytes) -> bytes | None:
    cipher, _ = _keys(subject_key)
    try:
        return cipher.decrypt(sealed[:_NONCE_BYTES], sealed[_NONCE_BYTES:], place)
    except (InvalidTag, ValueError):
        return None  # another subject's key (the chat was erased and came back)


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
            sealed = _seal(subject_key, _encoder.encode(value), place)
        return _encoder.encode(_Stored(_encoder.encode(neutral), sealed))

    def decode(self, raw: bytes, subject_key: bytes | None, place: bytes) -> T:
        """The whole value if ``subject_key`` opens it, else its neutral form."""
        if not raw.startswith(_STORED_PREFIX):
            return self._decoder.decode(raw)
        stored = _stored.decode(raw)
        if stored.sealed and subject_key is not None:
            plain = _open(subject_key, stored.sealed, place)
            if plain is not None:
                return self._decoder.decode(plain)
        return self._decoder.decode(stored.neutral)

    def is_sealed(self, raw: bytes) -> bool:
        """Whether a stored value holds a sealed part (personal data under a key)."""
        return raw.startswith(_STORED_PREFIX) and bool(_stored.decode(raw).sealed)
