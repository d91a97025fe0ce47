"""Wrapping the subject keys with a key-encryption key (KEK) kept outside Redis.

A subject key is stored in Redis only wrapped: AES-256-GCM under the KEK, bound to its
chat (a wrapped key moved to another chat does not open), prefixed with the KEK's
fingerprint so that, while a KEK is rotated, a reader knows which one opens it. A copy of
Redis alone (a backup, a stolen AOF) then opens no subject's data.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import os
from collections.abc import Iterable
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

KEK_BYTES = 32
FINGERPRINT_BYTES = 8
_NONCE_BYTES = 12
_FORMAT = b"\x01"
UNWRAPPED_KEY_BYTES = 32
"""A stored value of this length is a key written before keys were wrapped."""


class KekMismatch(Exception):
    """The configured key-encryption key is not the one the subject keys are wrapped with."""


class KekUnreadable(ValueError):
    """The key-encryption key file is missing or does not hold a key."""


def new_kek_text() -> str:
    """A new key-encryption key, as its file holds it (base64, one line)."""
    return base64.b64encode(os.urandom(KEK_BYTES)).decode() + "\n"


class KeyEncryptionKey:
    """One KEK: wraps and unwraps subject keys, and is known by its fingerprint."""

    def __init__(self, secret: bytes) -> None:
        if len(secret) != KEK_BYTES:
            raise KekUnreadable(f"a key-encryption key has {KEK_BYTES} bytes")
        self._cipher = AESGCM(secret)
        # A fingerprint, not the key: an HMAC of a fixed label reveals nothing of it.
        digest = hmac.new(secret, b"wsm key-encryption key fingerprint", hashlib.sha256)
        self.fingerprint = digest.digest()[:FINGERPRINT_BYTES]

    @classmethod
    def from_file(cls, path: Path) -> KeyEncryptionKey:
        """The KEK in ``path``: 32 bytes in base64 (``openssl rand -base64 32``)."""
        try:
            text = path.read_text(encoding="ascii").strip()
        except (OSError, UnicodeDecodeError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else "not text"
            raise KekUnreadable(f"cannot read {path} ({reason})") from None
        try:
            secret = base64.b64decode(text, validate=True)
        except (binascii.Error, ValueError):
            secret = b""
        if len(secret) != KEK_BYTES:
            raise KekUnreadable(
                f"{path} must hold {KEK_BYTES} random bytes in base64 "
                "(e.g. the output of `openssl rand -base64 32`)"
            )
        return cls(secret)

    def wrap(self, subject_key: bytes, chat: str) -> bytes:
        nonce = os.urandom(_NONCE_BYTES)
        sealed = self._cipher.encrypt(nonce, subject_key, _bound_to(chat))
        return _FORMAT + self.fingerprint + nonce + sealed

    def unwrap(self, stored: bytes, chat: str) -> bytes:
        """The subject key; :class:`KekMismatch` if this KEK did not wrap it."""
        if fingerprint_of(stored) != self.fingerprint:
            raise KekMismatch("a subject key is wrapped with another key-encryption key")
        start = 1 + FINGERPRINT_BYTES
        nonce, sealed = stored[start : start + _NONCE_BYTES], stored[start + _NONCE_BYTES :]
        try:
            return self._cipher.decrypt(nonce, sealed, _bound_to(chat))
        except InvalidTag:
            raise KekMismatch("a wrapped subject key does not open with its chat") from None


def fingerprint_of(stored: bytes) -> bytes | None:
    """The fingerprint of the KEK a stored key is wrapped with; None for an unwrapped one."""
    if len(stored) == UNWRAPPED_KEY_BYTES or not stored.startswith(_FORMAT):
        return None
    return stored[1 : 1 + FINGERPRINT_BYTES]


def _bound_to(chat: str) -> bytes:
    return b"wsm subject key/" + chat.encode()


class KeyRing:
    """The KEK that wraps new keys, and the previous ones that still open old keys while
    a rotation is under way."""

    def __init__(
        self, current: KeyEncryptionKey, previous: Iterable[KeyEncryptionKey] = ()
    ) -> None:
        self.current = current
        self._by_fingerprint = {kek.fingerprint: kek for kek in (*previous, current)}

    @property
    def fingerprints(self) -> frozenset[bytes]:
        return frozenset(self._by_fingerprint)

    def wrap(self, subject_key: bytes, chat: str) -> bytes:
        return self.current.wrap(subject_key, chat)

    def unwrap(self, stored: bytes, chat: str) -> bytes:
        """The subject key, whichever KEK of the ring wrapped it. A key stored unwrapped
        (written before keys were wrapped, until ``wsm keys rewrap``) is taken as it is."""
        fingerprint = fingerprint_of(stored)
        if fingerprint is None:
            return stored
        kek = self._by_fingerprint.get(fingerprint)
        if kek is None:
            raise KekMismatch("a subject key is wrapped with a key-encryption key not configured")
        return kek.unwrap(stored, chat)

    def is_current(self, stored: bytes) -> bool:
        return fingerprint_of(stored) == self.current.fingerprint
