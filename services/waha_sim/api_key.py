"""WAHA's API key as the simulator checks it: configured plain or in WAHA's recommended
``sha512:{hex}`` form, the SHA-512 of the plain key, which clients send as ``X-Api-Key``
(waha-docs, content/docs/how-to/security/index.md)."""

from __future__ import annotations

import hashlib
import hmac


def key_matches(configured: str, given: str) -> bool:
    """Whether ``given`` is WAHA's API key, configured plain or as ``sha512:{hex}``, the
    SHA-512 of the plain key (waha-docs, content/docs/how-to/security/index.md)."""
    if configured.startswith("sha512:"):
        digest = hashlib.sha512(given.encode()).hexdigest()
        return hmac.compare_digest(digest, configured.removeprefix("sha512:").lower())
    return hmac.compare_digest(configured.encode(), given.encode())
