"""The outbox: the log consumer that delivers each ReplyRequested to WAHA and records the
outcome (sent, or given up after WAHA's failures), committed with its checkpoint.

A reply whose WAHA session is not WORKING waits for it (``SessionGate``), and the replies
of its chat wait behind it, so they go out in order once it works. Paced
(``services.conductor.pacer``), a reply goes as WAHA's guidance against blocking asks: the
person's message marked seen, "typing…" for a while, typing stopped, then the send. The
waits happen in the handler, that is in the reply's own chat lane, where the chat's next
reply has to wait anyway; other chats go on meanwhile.

Before each send the outbox marks the reply as possibly going (``sending_key``), only
while its worker still holds the partition's lease: a worker whose lease lapsed unnoticed
(a long pause, Redis away) stops there instead of sending beside the new owner. With
``REDIS_WAIT_REPLICAS`` the reply goes out only once replicas hold the mark, written after
the decision that asked for it on the same primary: a failover then cannot lose that
decision (its turn would run again and answer twice) nor the sign that the reply may have
gone (a redelivery asks WAHA first). The outcome's commit clears the mark (and returns
once the replicas hold it too); a reply dead-lettered instead has it cleared then.
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
from events.lease_marks import LeaseMarks
from events.metrics import trace_exemplar
from events.redis_client import RedisClient
from events.replication import ReplicaWait
from events.schema import (
    ReplyFailed,
    ReplyRequested,
    ReplySent,
    SessionStatusChanged,
    type_of_class,
)
from events.spans import traced
from services.conductor.metrics import ConductorMetrics
from services.conductor.pacer import Pacer
from services.conductor.recording import decision_effects
from services.conductor.session_gate import SessionGate
from services.conductor.waha_key_alarm import WahaKeyAlarm
from services.waha.client import SessionNotWorking, WahaClient, WahaError, WahaUnauthorized

log = logging.getLogger(__name__)
tracer = trace.get_tracer(__name__)


def sending_key(keyspace: Keyspace, partition: int) -> str:
    """Hash of reply id -> entry id: the partition's replies that may be on their way."""
    return keyspace.in_partition(partition, "outbox", "sending")


class Outbox:
    """Delivers replies once each: the outcome is committed with the outbox's checkpoint.

    If the process dies after WAHA took a message and before the outcome is committed, the
    entry comes back marked as a redelivery, and the outbox first asks WAHA whether the
    chat already has a message quoting the one the reply answers. Only a reply quoting
    nothing, or one WAHA cannot tell about, can still be sent twice.
    """

    TYPES = (type_of_class(ReplyRequested), type_of_class(SessionStatusChanged))

    def __init__(
        self,
        keyspace: Keyspace,
        waha: WahaClient,
        metrics: ConductorMetrics | None = None,
        pacer: Pacer | None = None,
        *,
        session_poll_s: float = 5.0,
        redis: RedisClient | None = None,
        replicated: tuple[RedisClient, ReplicaWait] | None = None,
    ) -> None:
        """``pacer``: None sends at once (benchmarks), marking the message seen alongside.
        ``redis``: where a reply's sending mark is written; ``replicated``: the Redis and
        the wait for replicas it is written with instead. Neither (tests without Redis):
        no mark, no check of the lease."""
        self.keyspace = keyspace
        self.redis = redis
        self.replicated = replicated
        self._marks = (
            LeaseMarks(*replicated) if replicated else LeaseMarks(redis) if redis else None
        )
        self.waha = waha
        self.metrics = metrics
        self.pacer = pacer
        self.alarm = WahaKeyAlarm(metrics)
        self.sessions = SessionGate(waha, self.alarm, poll_s=session_poll_s)

    async def __call__(self, record: Record) -> Sequence[Command]:
        reply, session = record.envelope.event, record.envelope.session
        if isinstance(reply, SessionStatusChanged):
            self.sessions.observe(session, reply.status, record.envelope.occurred_at)
            return ()
        if not isinstance(reply, ReplyRequested) or record.erased:
            return ()  # an erased reply's recipient is no longer known, by their wish
        redelivered = record.redelivered
        while True:
            await self._wait_for(session)
            try:
                return await self._deliver(record, reply, redelivered=redelivered)
            except SessionNotWorking as exc:
                # WAHA sent nothing this time; the reply waits for the session, then goes
                # out. An attempt before the 422 may have timed out after WAHA took it:
                # the chat is looked at first, as for a redelivery.
                self.sessions.observe(session, exc.status)
                redelivered = True

    async def _wait_for(self, session: str) -> None:
        if self.metrics:
            self.metrics.replies_waiting.inc()
        try:
            await self.sessions.working(session)
        finally:
            if self.metrics:
                self.metrics.replies_waiting.dec()

    async def _deliver(
        self, record: Record, reply: ReplyRequested, *, redelivered: bool
    ) -> Sequence[Command]:
        session = record.envelope.session
        if redelivered and (earlier := await self._already_sent(session, reply)):
            return self._outcome(record, earlier)
        seen: asyncio.Task[bool] | None = None
        if self.pacer is None:
            # Unpaced, the read receipt goes out alongside the reply: it never delays it.
            seen = asyncio.create_task(
                self.waha.mark_seen(session, reply.chat_id, reply.in_reply_to)
            )
        else:
            await self._pace(record, reply, self.pacer, typing=not redelivered)
        outcome: ReplySent | ReplyFailed
        try:
            # Marked last before the send, after the pacing's waits: a lease lost
            # meanwhile stops the send here. Marked before, though the entry did not come
            # back as a redelivery: an attempt got as far as the send, it may have gone.
            marked_before = await self._marked_before(record, reply)
            if (
                marked_before
                and not redelivered
                and (earlier := await self._already_sent(session, reply))
            ):
                return self._outcome(record, earlier)
            started = time.perf_counter()
            with traced(
                tracer, "POST /api/sendText", kind=SpanKind.CLIENT,
                attributes={"http.request.method": "POST", "url.path": "/api/sendText"},
            ):  # fmt: skip
                sent = await self.waha.send_text(
                    session, reply.chat_id, reply.text, reply.in_reply_to
                )
            self.alarm.accepted()
            outcome = ReplySent(
                reply_id=reply.reply_id, chat_id=reply.chat_id, waha_message_id=sent
            )
            if self.metrics:
                elapsed = time.perf_counter() - started
                self.metrics.waha_send_seconds.observe(elapsed, trace_exemplar())
        except SessionNotWorking:
            raise
        except WahaError as exc:
            if isinstance(exc, WahaUnauthorized):
                self.alarm.refused(exc)  # said once, loudly, rather than once per reply
            else:
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
        return self._outcome(record, outcome)

    def _outcome(self, record: Record, outcome: ReplySent | ReplyFailed) -> list[Command]:
        """The outcome's append, and the sending mark cleared with it."""
        effects = decision_effects(self.keyspace, record, [outcome])
        if self.replicated is not None or self.redis is not None:
            mark = sending_key(self.keyspace, record.partition)
            effects.append(("HDEL", mark, outcome.reply_id))
        return effects

    def given_up(self, record: Record) -> list[Command]:
        """A dead-lettered reply's sending mark, cleared: no outcome will clear it."""
        reply = record.envelope.event
        if not isinstance(reply, ReplyRequested) or (self.redis or self.replicated) is None:
            return []
        return [("HDEL", sending_key(self.keyspace, record.partition), reply.reply_id)]

    async def _marked_before(self, record: Record, reply: ReplyRequested) -> bool:
        """Mark the reply as being sent (with a wait, once replicas hold the mark, and so
        everything written before it on that primary: the decision asking for the reply);
        whether an earlier attempt had marked it already. Raises ``LeaseLost`` when this
        worker no longer owns the partition, ``NotReplicated`` when too few replicas
        confirm (the reply waits, the entry is retried)."""
        key = sending_key(self.keyspace, record.partition)
        # Only while this worker holds the partition's lease: one that lost it unnoticed
        # (it lapsed in a long pause, a failover lost its renewal) must not send beside
        # the new owner.
        if self._marks is None:
            return False
        return await self._marks.mark(key, reply.reply_id, record.entry_id)

    async def _pace(
        self, record: Record, reply: ReplyRequested, pacer: Pacer, *, typing: bool
    ) -> None:
        """Seen, then the booked wait, then "typing…" for its time, then typing stopped.

        A redelivered reply is not typed again: it is late already, and the attempt before
        may have typed it. Whatever cuts the wait short (a stop, a lost lease), typing is
        stopped: WAHA would otherwise show "typing…" until the next message.
        """
        session = record.envelope.session
        await self.waha.mark_seen(session, reply.chat_id, reply.in_reply_to)
        plan = await pacer.plan(
            session, record.envelope.chat, reply.reply_id, reply.text, typing=typing
        )
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
        except SessionNotWorking:
            raise  # WAHA cannot tell yet: ask again once the session works
        except WahaError as exc:
            log.warning("reply %s: cannot tell whether WAHA took it (%s)", reply.reply_id, exc)
            return None
        if found is None:
            return None
        log.info("reply %s was already taken by WAHA; not sent again", reply.reply_id)
        return ReplySent(
            reply_id=reply.reply_id, chat_id=reply.chat_id, waha_message_id=found.waha_message_id
        )
