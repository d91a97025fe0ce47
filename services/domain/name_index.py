"""The blind index of patients' names: keyed hashes of normalised name tokens, so the
front desk finds "Maria da Silva" by typing "maria silva" while Redis never holds a name.

Tokens are lower-case, without accents, without the particles (da, de, do, das, dos, e).
Each is hashed with HMAC-SHA-256 under the index key, derived from the chat-key secret
with a label of its own: a hash cannot be reversed without that secret, and the chat keys
and the index hashes can never be compared with each other.
"""

from __future__ import annotations

import hmac
import re
import unicodedata

PARTICLES = frozenset({"da", "de", "do", "das", "dos", "e", "d"})
_WORD = re.compile(r"[a-z0-9]+")
_LABEL = b"wsm name index v1"
MAX_TOKENS = 8


def index_key(chat_key_secret: bytes) -> bytes:
    """The index's own key, derived from the chat-key secret under a distinct label."""
    return hmac.digest(chat_key_secret, _LABEL, "sha256")


def tokens_of(name: str) -> list[str]:
    """A name's searchable words: lower-case, unaccented, particles dropped, each once,
    in order (at most ``MAX_TOKENS``)."""
    plain = unicodedata.normalize("NFKD", name.casefold())
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    found: list[str] = []
    for word in _WORD.findall(plain):
        if word not in PARTICLES and word not in found:
            found.append(word)
    return found[:MAX_TOKENS]


def blind(key: bytes, token: str) -> str:
    """A token's keyed hash, as the index keeps it."""
    return hmac.digest(key, token.encode(), "sha256")[:16].hex()


def blinded(key: bytes, name: str) -> list[str]:
    """The keyed hashes of a name's tokens."""
    return [blind(key, token) for token in tokens_of(name)]
