"""WhatsApp chat ids in their engine-specific forms, and the pseudonymous chat key.

WAHA engines name the same person ``5511...@c.us`` (WEBJS) or ``5511...@s.whatsapp.net``
(NOWEB, GOWS), sometimes with a device suffix (``5511...:12@s.whatsapp.net``); linked ids
end in ``@lid`` and groups in ``@g.us``. The log never keys anything by a phone number: a
conversation is known by a keyed hash of its session and normalised chat id.
"""

from __future__ import annotations

import hmac
import logging
import re
from collections.abc import Mapping

from services.runtime import settings

DEVELOPMENT_CHAT_KEY_SECRET = "wsm-development-only-chat-key-secret"

log = logging.getLogger(__name__)

_SESSION_PREFIX = "session:"
_SESSION_KEY = re.compile(rf"{_SESSION_PREFIX}[\w.-]{{1,64}}")
CONVERSATION_SERVERS = frozenset({"c.us", "lid", "g.us"})
_CHAT_ID = re.compile(r"^(?P<user>[0-9A-Za-z._-]{1,64})(?::\d{1,4})?@(?P<server>[a-z.]{1,32})$")


class ChatIdInvalid(ValueError):
    """Not a WhatsApp chat id."""


def normalize_chat_id(raw: str) -> str:
    """One canonical form per chat: ``@s.whatsapp.net`` becomes ``@c.us``, devices dropped."""
    match = _CHAT_ID.match(raw.strip())
    if match is None:
        raise ChatIdInvalid(f"not a WhatsApp chat id: {raw[:80]!r}")
    server = match["server"]
    if server == "s.whatsapp.net":
        server = "c.us"
    return f"{match['user']}@{server}"


def is_conversation(chat_id: str) -> bool:
    """True for people and groups; False for status broadcasts, newsletters and the like."""
    return chat_id.rsplit("@", 1)[1] in CONVERSATION_SERVERS


def is_group(chat_id: str) -> bool:
    """True for a group chat."""
    return chat_id.endswith("@g.us")


def chat_key(secret: bytes, session: str, chat_id: str) -> str:
    """The pseudonymous key of a conversation: stable, and not reversible without the secret."""
    digest = hmac.digest(secret, f"{session}\0{chat_id}".encode(), "sha256")
    return "c" + digest[:16].hex()


def session_key(session: str) -> str:
    """The key under which events of the WhatsApp session itself (not of a chat) are logged."""
    return f"{_SESSION_PREFIX}{session}"


def is_session_key(value: str) -> bool:
    """Whether ``value`` is a key ``session_key`` makes."""
    return _SESSION_KEY.fullmatch(value) is not None


def chat_key_secret(env: Mapping[str, str]) -> bytes:
    """The secret that makes chat keys pseudonymous; the same in every process.

    Whoever knows it can reverse every chat key by hashing phone numbers in turn, so the
    development secret, public in this repository, is refused unless DEVELOPMENT_MODE says
    this is no deployment."""
    development = settings.flag(env, "DEVELOPMENT_MODE")
    value = env.get("CHAT_KEY_SECRET", "").strip()
    if value and value != DEVELOPMENT_CHAT_KEY_SECRET:
        return settings.check_secret("CHAT_KEY_SECRET", value).encode()
    if not development:
        raise settings.SettingsError(
            "CHAT_KEY_SECRET must be set to a secret of this deployment "
            "(DEVELOPMENT_MODE=true allows the development one)"
        )
    log.warning("CHAT_KEY_SECRET: using the development secret (DEVELOPMENT_MODE)")
    return DEVELOPMENT_CHAT_KEY_SECRET.encode()
