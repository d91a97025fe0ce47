"""What the outbox knows of each WAHA session's status, and waiting until a session works.

WAHA sends nothing while a session is not WORKING: it waits 5 s and answers 422
(src/core/abc/manager.abc.ts, getWorkingSession and waitUntilStatus). A reply that met a
422 waits here instead of failing, and so do the replies behind it: the gate learns the
session's status from the ``session.status`` events of the log the outbox consumes, and
asks WAHA (``GET /api/sessions/{session}``) every ``poll_s`` seconds while it waits, which
is how a replica that does not consume the session's own partition learns it too.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime

from services.conductor.waha_key_alarm import WahaKeyAlarm
from services.waha.client import WahaClient, WahaError, WahaUnauthorized

log = logging.getLogger(__name__)

WORKING = "WORKING"
NEVER = datetime.min.replace(tzinfo=UTC)


@dataclass(slots=True)
class _Session:
    status: str | None = None  # None: never heard of, taken as working until WAHA says
    at: datetime = NEVER
    changed: asyncio.Event = field(default_factory=asyncio.Event)
    asked_at: float = float("-inf")  # monotonic time WAHA was last asked


def is_newer(known_at: datetime, fact_at: datetime) -> bool:
    """Whether a fact of ``fact_at`` replaces what was known at ``known_at``: a
    ``session.status`` read late from the log must not undo what WAHA said since."""
    return fact_at >= known_at


class SessionGate:
    """Each session's last known status; :meth:`working` returns once it is WORKING."""

    def __init__(
        self, waha: WahaClient, alarm: WahaKeyAlarm | None = None, *, poll_s: float = 5.0
    ) -> None:
        self.waha = waha
        self.alarm = alarm or WahaKeyAlarm()
        self.poll_s = poll_s
        self._sessions: dict[str, _Session] = {}

    def _session(self, name: str) -> _Session:
        return self._sessions.setdefault(name, _Session())

    def status(self, name: str) -> str | None:
        """The session's last known status; None when nothing is known of it yet."""
        return self._session(name).status

    def observe(self, name: str, status: str, at: datetime | None = None) -> None:
        """A status the session had at ``at`` (now when not given)."""
        at = at or datetime.now(UTC)
        known = self._session(name)
        if not is_newer(known.at, at):
            return
        changed, known.status, known.at = status != known.status, status, at
        if changed:
            log.info("WAHA session %s is %s", name, status)
            known.changed.set()
            known.changed = asyncio.Event()

    def _working(self, name: str) -> bool:
        return self._session(name).status in (None, WORKING)

    async def working(self, name: str) -> None:
        """Return once the session is (as far as is known) WORKING; wait until then."""
        known = self._session(name)
        while not self._working(name):
            # One question per session and period, however many replies wait for it.
            if time.monotonic() - known.asked_at >= self.poll_s:
                known.asked_at = time.monotonic()
                await self._ask(name)
                if self._working(name):
                    break
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(known.changed.wait(), self.poll_s)

    async def _ask(self, name: str) -> None:
        try:
            status = await self.waha.session_status(name)
        except WahaUnauthorized as exc:
            self.alarm.refused(exc)
            return
        except WahaError as exc:
            log.warning("WAHA session %s: status unknown (%s); replies keep waiting", name, exc)
            return
        self.alarm.accepted()
        self.observe(name, status)
