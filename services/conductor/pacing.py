"""Pacing against bans: the pure timing rules of the outbox's sends.

WAHA's "how to avoid blocking" guidance (devlikeapro/waha-docs,
content/docs/overview/how-to-avoid-blocking/index.md) asks a bot to mark the person's
message seen, type for a random while that depends on the size of the message, stop
typing, then send; never to send bursts to one contact; and to keep its volume
reasonable. These rules say how long to type and when the next message to a chat or a
session may go; ``lua/book_send.lua`` applies the same send-time rule atomically in
Redis, so that every conductor replica shares one budget per session.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

WINDOW_MS = 60_000
"""The session's bound counts the messages of any 60 s: a bound per minute."""
TYPING_JITTER = 0.25
"""A typing time varies by up to this share either way: fixed times look like a bot."""


@dataclass(frozen=True, slots=True)
class PacingRules:
    """How the outbox paces its sends; the defaults are the shipped settings."""

    typing_chars_per_second: int = 25
    typing_min_ms: int = 1_000
    typing_max_ms: int = 5_000
    chat_gap_ms: int = 3_000
    session_per_minute: int = 30

    def __post_init__(self) -> None:
        if self.typing_chars_per_second < 1 or self.session_per_minute < 1:
            raise ValueError("typing speed and messages per minute must be at least 1")
        if not 0 <= self.typing_min_ms <= self.typing_max_ms:
            raise ValueError("typing times must satisfy 0 <= minimum <= maximum")
        if self.chat_gap_ms < 0:
            raise ValueError("the gap between messages to a chat cannot be negative")


def typing_ms(text: str, rules: PacingRules, chance: float) -> int:
    """How long to show "typing…" before sending ``text``: proportional to its length,
    varied by ``chance`` (a random number in [0, 1)), and kept within the rules' bounds."""
    proportional = len(text) * 1000 / rules.typing_chars_per_second
    varied = proportional * (1 + TYPING_JITTER * (2 * chance - 1))
    return round(min(rules.typing_max_ms, max(rules.typing_min_ms, varied)))


def send_at_ms(
    *,
    now_ms: int,
    lead_ms: int,
    chat_last_ms: int | None,
    session_sends_ms: Sequence[int],
    rules: PacingRules,
) -> int:
    """When the next message may go, in ms: no sooner than ``lead_ms`` from now (the
    typing shown first), ``chat_gap_ms`` after the chat's last message
    (``chat_last_ms``), and only where no 60 s would hold more than the session's bound.

    ``session_sends_ms``: the session's sends that still count (within the last 60 s, or
    already booked for later). Counting every later one is what keeps the bound true
    whatever order the messages are booked in: a message booked once at most
    ``session_per_minute - 1`` of them fall after its own time minus 60 s can sit in no
    60 s with more than the bound.
    """
    at = now_ms + lead_ms
    if chat_last_ms is not None:
        at = max(at, chat_last_ms + rules.chat_gap_ms)
    counted = sorted(s for s in session_sends_ms if s > now_ms - WINDOW_MS)
    if len(counted) >= rules.session_per_minute:
        at = max(at, counted[-rules.session_per_minute] + WINDOW_MS)
    return at


@dataclass(frozen=True, slots=True)
class SendPlan:
    """What the outbox waits before a send: first for its turn, then typing."""

    wait_ms: int
    typing_ms: int


def plan(delay_ms: int, typing: int) -> SendPlan:
    """The waits before a send due in ``delay_ms``: typing fills the last ``typing`` ms of
    it, so waiting for a turn and typing overlap instead of adding up."""
    typing = max(0, min(typing, delay_ms))
    return SendPlan(wait_ms=max(0, delay_ms - typing), typing_ms=typing)
