"""Naming a data subject: the chat key their conversation is known by, given as is or
derived from a WhatsApp chat id. One resolver, for the command line and the admin API."""

from __future__ import annotations

import re

from services.domain import chats

_CHAT_KEY = re.compile(r"c[0-9a-f]{32}")


class SubjectInvalid(ValueError):
    """Neither a chat key nor a WhatsApp chat id."""


def subject_of(value: str, session: str, secret: bytes) -> str:
    """The chat key a subject is known by: given as is, or derived from a WhatsApp chat id
    of the WAHA ``session``."""
    if _CHAT_KEY.fullmatch(value):
        return value
    try:
        chat_id = chats.normalize_chat_id(value)
    except chats.ChatIdInvalid:
        raise SubjectInvalid(
            f"not a WhatsApp chat id nor a chat key (c + 32 hex digits): {value[:80]!r}"
        ) from None
    return chats.chat_key(secret, session, chat_id)
