"""Session health, as pure functions of the log: each WAHA session's status over time, and
the replies it sent that WhatsApp never acknowledged.

The statuses are WAHA's (devlikeapro/waha, src/structures/enums.dto.ts, WAHASessionStatus),
from its ``session.status`` webhooks. WAHA may keep saying WORKING, and answer sends with
success, after the phone lost its connection: then WhatsApp's servers never acknowledge
what it sends (``message.ack`` with ack 1, SERVER, or more: WAMessageAck in the same
file). A reply sent ``ACK_BOUND`` ago without any acknowledgement says so.

Nothing here is personal: a session's name is the business's, and a reply is known by its
chat's pseudonymous key and a digest of WAHA's own random part of its id (never the number
in it). An erasure drops the chat's replies, so that a replay of the erased log, where
they read as nothing, builds the same watch.
"""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta

import msgspec

from events import Envelope
from events.schema import MessageAcknowledged, ReplySent, SessionStatusChanged, SubjectErased
from services.waha.client import message_id_only

WORKING = "WORKING"
HISTORY_KEPT = 50
"""Status changes a session keeps, latest last."""
ACK_BOUND = timedelta(minutes=5)
"""A reply sent longer ago than this without an acknowledgement counts as unacknowledged."""
ACK_WINDOW = timedelta(hours=1)
"""Replies sent longer ago than this no longer count: the alert is about now."""
WATCH_KEPT = timedelta(days=1)
"""How long a reply is remembered at all, whether acknowledged or not."""
SERVER_ACK = 1  # WAMessageAck.SERVER: WhatsApp's servers have it


class StatusChange(msgspec.Struct, frozen=True, array_like=True):
    status: str
    at: datetime


class SessionStatusView(msgspec.Struct, frozen=True, kw_only=True):
    """A WAHA session's status now, since when, and the changes before it."""

    session: str
    status: str
    since: datetime
    history: tuple[StatusChange, ...] = ()


class AckWatch(msgspec.Struct, frozen=True, kw_only=True):
    """One session's replies in one partition: sent and not yet acknowledged (chat key and
    digest -> when sent), and acknowledgements that came before the reply's
    ``reply.sent``."""

    session: str
    unacknowledged: dict[str, datetime] = {}
    acknowledged_early: dict[str, datetime] = {}


def reply_name(chat: str, message_id: str) -> str:
    """A reply's name in the watch: its chat's key and a digest of the random part of
    WAHA's id for it."""
    digest = hashlib.blake2b(message_id_only(message_id).encode(), digest_size=12).hexdigest()
    return f"{chat}/{digest}"


def project_status(view: SessionStatusView | None, envelope: Envelope) -> SessionStatusView | None:
    """The session's status after ``envelope``; ``view`` unchanged for other events."""
    event = envelope.event
    if not isinstance(event, SessionStatusChanged):
        return view
    if view is not None and view.status == event.status:
        return view  # WAHA repeats a status: it has held since the first time
    at = envelope.occurred_at
    history = () if view is None else (*view.history, StatusChange(view.status, view.since))
    return SessionStatusView(
        session=envelope.session, status=event.status, since=at, history=history[-HISTORY_KEPT:]
    )


def project_acks(watch: AckWatch | None, envelope: Envelope) -> AckWatch | None:
    """The watch after ``envelope``; ``watch`` unchanged for other events.

    A reply or an acknowledgement whose id is erased (or was never given) names nothing to
    watch, yet it makes the watch exist and ages it as a clear one does: a replay of an
    erased log builds what the live projector holds once the erasure dropped the chat.
    """
    event, at = envelope.event, envelope.recorded_at
    if isinstance(event, SubjectErased):
        if watch is None:
            return None
        mine = f"{envelope.chat}/"
        kept = {d: t for d, t in watch.unacknowledged.items() if not d.startswith(mine)}
        early = {d: t for d, t in watch.acknowledged_early.items() if not d.startswith(mine)}
        return msgspec.structs.replace(watch, unacknowledged=kept, acknowledged_early=early)
    if isinstance(event, ReplySent):
        current = watch or AckWatch(session=envelope.session)
        if not event.waha_message_id:
            return _pruned(current, at)
        digest = reply_name(envelope.chat, event.waha_message_id)
        if digest in current.acknowledged_early:
            early = {d: t for d, t in current.acknowledged_early.items() if d != digest}
            return _pruned(msgspec.structs.replace(current, acknowledged_early=early), at)
        pending = {**current.unacknowledged, digest: at}
        return _pruned(msgspec.structs.replace(current, unacknowledged=pending), at)
    if isinstance(event, MessageAcknowledged) and event.from_me and event.ack >= SERVER_ACK:
        current = watch or AckWatch(session=envelope.session)
        if not event.message_id:
            return _pruned(current, at)
        digest = reply_name(envelope.chat, event.message_id)
        if digest in current.unacknowledged:
            pending = {d: t for d, t in current.unacknowledged.items() if d != digest}
            return _pruned(msgspec.structs.replace(current, unacknowledged=pending), at)
        # Its reply.sent is still to come (or it is a message from the clinic's phone,
        # forgotten after WATCH_KEPT like the rest).
        early = {**current.acknowledged_early, digest: at}
        return _pruned(msgspec.structs.replace(current, acknowledged_early=early), at)
    return watch


def _pruned(watch: AckWatch, now: datetime) -> AckWatch:
    """Without what is older than ``WATCH_KEPT``: the watch stays small."""
    oldest = now - WATCH_KEPT
    return msgspec.structs.replace(
        watch,
        unacknowledged={d: t for d, t in watch.unacknowledged.items() if t >= oldest},
        acknowledged_early={d: t for d, t in watch.acknowledged_early.items() if t >= oldest},
    )


def unacknowledged(watch: AckWatch, now: datetime) -> list[datetime]:
    """When each reply was sent that has waited longer than ``ACK_BOUND`` (and less than
    ``ACK_WINDOW``) for an acknowledgement, oldest first."""
    return sorted(
        t for t in watch.unacknowledged.values() if now - ACK_WINDOW <= t <= now - ACK_BOUND
    )


_status = msgspec.msgpack.Decoder(SessionStatusView)
_watch = msgspec.msgpack.Decoder(AckWatch)


def decode_status(raw: bytes) -> SessionStatusView:
    return _status.decode(raw)


def decode_watch(raw: bytes) -> AckWatch:
    return _watch.decode(raw)
