"""WAHA's webhook signature: HMAC-SHA512 of the raw body, hex, in ``X-Webhook-Hmac``."""

from __future__ import annotations

import hmac
from collections.abc import Sequence

ALGORITHM = "sha512"


class SignatureInvalid(ValueError):
    """The body is not signed by any accepted key (or not signed as WAHA signs).

    Owned here, not by the gateway, so that the simulator and tests can use this module
    without the gateway; the gateway decides what HTTP answer it gets.
    """


def sign(body: bytes, key: bytes) -> str:
    """The signature WAHA sends for ``body``."""
    return hmac.digest(key, body, ALGORITHM).hex()


def verify(
    body: bytes, signature: str | None, algorithm: str | None, keys: Sequence[bytes]
) -> None:
    """Accept ``body`` if any of ``keys`` signed it; raise :class:`SignatureInvalid` otherwise.

    Several keys are accepted so that a key can be rotated without losing webhooks. Every
    key is tried, whatever matched, so the time taken says nothing about which one did.
    """
    if not signature:
        raise SignatureInvalid("missing X-Webhook-Hmac header")
    if algorithm is not None and algorithm.lower() != ALGORITHM:
        raise SignatureInvalid(f"unsupported signature algorithm {algorithm!r}")
    presented = signature.strip().lower().encode()
    matched = False
    for key in keys:
        matched |= hmac.compare_digest(sign(body, key).encode(), presented)
    if not matched:
        raise SignatureInvalid("signature does not match the body")
