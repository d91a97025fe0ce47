"""The outbox: the log consumer that delivers each ReplyRequested to WAHA and records the
outcome (sent, or given up after WAHA's failures), committed with its checkpoint.

Paced (``services.conductor.pacer``), a reply goes as WAHA's guidance against blocking
asks: the person's message marked seen, "typing…" for a while, typing stopped, then the
send. The waits happen in the handler, that is in the reply's own chat lane, where the
chat's next reply has to wait anyway; other chats go on meanwhile.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Sequence

from opentelemetry import trace
from opentelemetry.trace import SpanKind

from events import Keyspace, Record
from events.checkpoint import Command
from events.metrics import trace_exemplar
from events.schema import DomainEvent, ReplyFailed, ReplyRequested, ReplySent, type_of_class
from events.spans import traced
from services.conductor.metrics import ConductorMetrics
from services.conductor.pacer import Pacer
from services.conductor.recording import decision_effects
from services.waha.client import WahaClient, WahaError

log = logging.getLogger(__name__)
tracer = trace.get_tracer(__name__)


class Outbox:
    """Delivers replies once each: the outcome is committed with the outbox's checkpoint.

    If the process dies after WAHA took a message and before the outcome is committed, the
    entry comes back marked as a redelivery, and the outbox first asks WAHA whether the
    chat already has a message quoting the one the reply answers. Only a reply quoting
    nothing, or one WAHA cannot tell about, can still be sent twice.
    """

    TYPES = (type_of_class(ReplyRequested),)

    def __init__(
        self,
        keyspace: Keyspace,
        waha: WahaClient,
        metrics: ConductorMetrics | None = None,
        pacer: Pacer | None = None,
    ) -> None:
        """``pacer``: None sends at once (benchmarks), marking the message seen alongside."""
        self.keyspace = keyspace
        self.waha = waha
        self.metrics = metrics
        self.pacer = pacer

    async def __call__(self, record: Record) -> Sequence[Command]:
        reply = record.envelope.event
        if not isinstance(reply, ReplyRequested) or record.erased:
            return ()  # an erased reply's recipient is no longer known, by their wish
        session = record.envelope.session
        if record.redelivered and (earlier := await self._already_sent(session, reply)):
            return decision_effects(self.keyspace, record, [earlier])
        seen: asyncio.Task[bool] | None = None
        if self.pacer is None:
            # Unpaced, the read receipt goes out alongside the reply: it never delays it.
            seen = asyncio.create_task(
                self.waha.mark_seen(session, reply.chat_id, reply.in_reply_to)
            )
        else:
            await self._pace(record, reply, self.pacer)
        outcome: DomainEvent
        started = time.perf_counter()
        try:
            with traced(
                tracer, "POST /api/sendText", kind=SpanKind.CLIENT,
                attributes={"http.request.method": "POST", "url.path": "/api/sendText"},
            ):  # fmt: skip
                sent = await self.waha.send_text(
                    session, reply.chat_id, reply.text, reply.in_reply_to
                )
            outcome = ReplySent(
                reply_id=reply.reply_id, chat_id=reply.chat_id, waha_message_id=sent
            )
            if self.metrics:
                elapsed = time.perf_counter() - started
                self.metrics.waha_send_seconds.observe(elapsed, trace_exemplar())
        except WahaError as exc:
            log.warning("reply %s not delivered: %s", reply.reply_id, exc)
            if self.metrics:
                self.metrics.waha_send_errors.inc()
            outcome = ReplyFailed(
                reply_id=reply.reply_id,
                chat_id=reply.chat_id,
                error=str(exc)[:500],
                attempts=self.waha.attempts,
            )
        finally:
            if seen is not None:
                await seen
        return decision_effects(self.keyspace, record, [outcome])

    async def _pace(self, record: Record, reply: ReplyRequested, pacer: Pacer) -> None:
        """Seen, then the booked wait, then "typing…" for its time, then typing stopped.

        A redelivered reply is not typed again: it is late already, and the attempt before
        may have typed it. Whatever cuts the wait short (a stop, a lost lease), typing is
        stopped: WAHA would otherwise show "typing…" until the next message.
        """
        session = record.envelope.session
        await self.waha.mark_seen(session, reply.chat_id, reply.in_reply_to)
        plan = await pacer.plan(
            session, record.envelope.chat, reply.reply_id, reply.text,
            typing=not record.redelivered,
        )  # fmt: skip
        if self.metrics:
            self.metrics.pacing_seconds.observe((plan.wait_ms + plan.typing_ms) / 1000)
        await asyncio.sleep(plan.wait_ms / 1000)
        if plan.typing_ms == 0:
            return
        try:
            await self.waha.start_typing(session, reply.chat_id)
            await asyncio.sleep(plan.typing_ms / 1000)
        finally:
            # Shielded: a cancellation repeated while it runs must not cut it off.
            await asyncio.shield(self.waha.stop_typing(session, reply.chat_id))

    async def _already_sent(self, session: str, reply: ReplyRequested) -> ReplySent | None:
        """The reply's outcome if WAHA already took it: the previous attempt sent it and
        died before recording so. When WAHA cannot tell, it is sent again — a reply shown
        twice is better than one never shown."""
        if reply.in_reply_to is None:
            return None
        try:
            found = await self.waha.sent_reply(session, reply.chat_id, reply.in_reply_to)
        except WahaError as exc:
            log.warning("reply %s: cannot tell whether WAHA took it (%s)", reply.reply_id, exc)
            return None
        if found is None:
            return None
        log.info("reply %s was already taken by WAHA; not sent again", reply.reply_id)
        return ReplySent(
            reply_id=reply.reply_id, chat_id=reply.chat_id, waha_message_id=found.waha_message_id
        )
