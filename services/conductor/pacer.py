"""The outbox's pacer: books each send's time in Redis, one budget per WAHA session that
every conductor replica shares, and says how long to type first."""

from __future__ import annotations

import random
from dataclasses import dataclass
from importlib import resources
from typing import cast

from events import Keyspace
from events.redis_client import RedisClient
from services.conductor.pacing import WINDOW_MS, PacingRules, SendPlan, plan, typing_ms


@dataclass(frozen=True, slots=True)
class Booking:
    """A send's booked time, on Redis's clock."""

    now_ms: int
    at_ms: int


class Pacer:
    """Books sends by the pacing rules (``lua/book_send.lua``) and plans the waits before each."""

    def __init__(
        self,
        redis: RedisClient,
        keyspace: Keyspace,
        rules: PacingRules,
        *,
        rng: random.Random | None = None,
    ) -> None:
        self.keyspace = keyspace
        self.rules = rules
        self._rng = rng or random.Random()
        source = resources.files("services.conductor").joinpath("lua", "book_send.lua")
        self._book_send = redis.register_script(source.read_text())

    def typing_ms(self, text: str) -> int:
        """How long to show "typing…" before ``text``, varied at random."""
        return typing_ms(text, self.rules, self._rng.random())

    async def book(self, session: str, chat: str, reply_id: str, lead_ms: int) -> Booking:
        """Book the send of reply ``reply_id`` to ``chat`` (its chat key) on ``session``,
        ``lead_ms`` from now at the soonest. Booking the same reply again moves it."""
        # Both keys in the session's own slot, so the script touches one slot.
        slot = f"pacing:{session}"
        keys = [self.keyspace.in_slot(slot, "sends"), self.keyspace.in_slot(slot, "chat", chat)]
        args: list[str | int] = [reply_id, lead_ms, self.rules.session_per_minute, WINDOW_MS,
                self.rules.chat_gap_ms]  # fmt: skip
        now_ms, at_ms = cast(list[int], await self._book_send(keys=keys, args=args))
        return Booking(int(now_ms), int(at_ms))

    async def plan(
        self, session: str, chat: str, reply_id: str, text: str, *, typing: bool = True
    ) -> SendPlan:
        """The waits before sending ``text``: typing as long as it deserves (none when
        ``typing`` is false), booked so that the send keeps the chat's gap and the
        session's bound."""
        typing_time = self.typing_ms(text) if typing else 0
        booking = await self.book(session, chat, reply_id, typing_time)
        return plan(booking.at_ms - booking.now_ms, typing_time)
