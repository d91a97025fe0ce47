"""What a reconciliation pass reads and offers to the log. Pure: the clock is passed in.

A pass looks at the chats WAHA shows with a message in the window, and in each at the
messages of the window; the window ends ``settle_s`` before now, so a message whose
webhook is still on its way is left to its webhook (and to the next pass).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import msgspec

from services.domain import chats
from services.waha.messages import not_served
from services.waha.payloads import WahaMessage


@dataclass(frozen=True, slots=True)
class Window:
    """The WAHA timestamps (epoch seconds, inclusive) a pass looks at."""

    since_s: int
    until_s: int


def window(now_s: float, lookback_s: int, settle_s: int) -> Window:
    """The window of a pass made at ``now_s``."""
    return Window(since_s=int(now_s) - lookback_s, until_s=int(now_s) - settle_s)


def chats_to_check(overview: Sequence[Any], seen: Window, limit: int) -> list[str]:
    """The chat ids of WAHA's chat overview (newest first) worth reading: chats the clinic
    serves whose latest message is in the window or after it, at most ``limit``."""
    found: list[str] = []
    for summary in overview:
        if len(found) >= limit:
            break
        if not isinstance(summary, dict):
            continue
        chat_id, last = summary.get("id"), summary.get("lastMessage")
        stamp = last.get("timestamp") if isinstance(last, dict) else None
        if not isinstance(chat_id, str) or not isinstance(stamp, int) or stamp < seen.since_s:
            continue
        if not_served(chat_id) is None and _a_person(chat_id):
            found.append(chat_id)
    return found


def _a_person(chat_id: str) -> bool:
    try:
        return chats.is_conversation(chats.normalize_chat_id(chat_id))
    except chats.ChatIdInvalid:
        return False


@dataclass(frozen=True, slots=True)
class Listed:
    """A chat's messages sorted for the log: those to offer, oldest first, and how many
    were left out as not WAHA's shape."""

    messages: list[WahaMessage]
    malformed: int


def messages_to_offer(listed: Sequence[Any], seen: Window) -> Listed:
    """The messages of a chat's history, listed newest first, that the log should hold:
    those people sent, in the window, oldest first (WAHA's timestamps are whole seconds:
    messages of one second keep the order WAHA listed them in).

    What the clinic's number sent is left out: WAHA marks a message sent through its API
    (``source: "api"``) only while it remembers having sent it, in memory
    (devlikeapro/waha src/core/abc/session.abc.ts, ``getMessageSource``), so read back
    from history the bot's own replies look typed on the phone, and recording one as the
    staff's would hand the chat to a person. The ``message.any`` webhook still records
    what the staff write.
    """
    offered: list[WahaMessage] = []
    malformed = 0
    for item in reversed(listed):
        try:
            message = msgspec.convert(item, WahaMessage)
        except (msgspec.ValidationError, TypeError):
            malformed += 1
            continue
        if not message.fromMe and seen.since_s <= message.timestamp <= seen.until_s:
            offered.append(message)
    offered.sort(key=lambda message: message.timestamp)
    return Listed(offered, malformed)
