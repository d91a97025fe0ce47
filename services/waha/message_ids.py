"""WAHA's serialized message ids, the one field every engine fills the same way.

Every engine names a message ``{fromMe}_{chat}_{id}``, with ``_{participant}`` appended in a
group on NOWEB and GOWS (devlikeapro/waha: src/core/utils/ids.ts, parseMessageIdSerialized;
buildMessageId in src/core/engines/noweb/session.noweb.core.ts and
src/core/engines/gows/session.gows.core.ts; whatsapp-web.js's ``id._serialized`` on WEBJS).
The chat in it is the conversation whoever wrote, where ``from`` and ``to`` differ by engine.
"""

from __future__ import annotations

from typing import NamedTuple


class SerializedId(NamedTuple):
    """A message id taken apart."""

    from_me: bool
    chat: str
    bare: str
    participant: str | None


def parse(message_id: str) -> SerializedId | None:
    """The parts of a serialized id, or None for a bare id or anything else."""
    parts = message_id.split("_")
    if len(parts) not in (3, 4) or parts[0] not in ("true", "false"):
        return None
    if "@" not in parts[1] or not parts[2]:
        return None
    participant = parts[3] if len(parts) == 4 else None
    return SerializedId(parts[0] == "true", parts[1], parts[2], participant)


def chat_of(message_id: str) -> str | None:
    """The chat a serialized id names, or None."""
    parsed = parse(message_id)
    return parsed.chat if parsed else None


def serialized(from_me: bool, chat: str, bare: str) -> str:
    """The serialized id of the message ``bare`` in ``chat``; an id already serialized is
    itself. WAHA names a revoked or an edited message by its bare id alone."""
    if parse(bare) is not None:
        return bare
    return f"{str(from_me).lower()}_{chat}_{bare}"
