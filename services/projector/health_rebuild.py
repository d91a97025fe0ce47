"""The health read model rebuilt in memory: each WAHA session's status and each chat's
watch of acknowledgements folded over the partition's events, written once per batch.

The live projection (``projections.SessionHealth``) reads, decodes, encodes and writes a
watch for every reply and acknowledgement; a rebuild only needs each key's last state.
This keeps the views themselves and writes the changed ones in one MSET, the watches
closed since in one DEL, and the index's changes in one ZREM and one ZADD. It applies the
same ``project_status`` and ``project_acks`` with the same rules: a view is written only
when it changes, and a watch with nothing open is deleted and leaves the index.
"""

from __future__ import annotations

import msgspec

from events import Record
from events.checkpoint import Command
from events.schema import MessageAcknowledged, ReplySent, SessionStatusChanged, SubjectErased
from services.projector.session_health import (
    AckWatch,
    SessionStatusView,
    project_acks,
    project_status,
)
from services.projector.store import ReadModelKeys

_encoder = msgspec.msgpack.Encoder()


class HealthRebuild:
    """The health model of one partition at a time, built from its events in log order."""

    name = "health"

    def __init__(self, keys: ReadModelKeys) -> None:
        self.keys = keys
        self.partition: int | None = None
        self.statuses: dict[str, SessionStatusView] = {}
        self.watches: dict[tuple[str, str], AckWatch | None] = {}
        """By (session, chat); None once deleted."""
        self.dirty_statuses: set[str] = set()
        self.dirty_watches: set[tuple[str, str]] = set()
        self.written: set[tuple[str, str]] = set()
        """The watches an earlier batch wrote: those deleted since are deleted in Redis."""

    def fold(self, record: Record) -> None:
        """Apply one event of the partition being built."""
        envelope = record.envelope
        event, session = envelope.event, envelope.session
        if isinstance(event, SessionStatusChanged):
            before = self.statuses.get(session)
            status = project_status(before, envelope)
            if status is None or status == before:
                return
            self.statuses[session] = status
            self.dirty_statuses.add(session)
        elif isinstance(event, ReplySent | MessageAcknowledged | SubjectErased):
            place = (session, record.chat)
            watch = self.watches.get(place)
            after = project_acks(watch, envelope)
            if after is None or after == watch:
                return
            open_ = bool(after.unacknowledged or after.acknowledged_early)
            self.watches[place] = after if open_ else None
            self.dirty_watches.add(place)
        else:
            return
        self.partition = record.partition

    def changes(self) -> list[Command]:
        """The writes of every view changed since the last call, and of the index."""
        if self.partition is None:
            return []
        keys, partition = self.keys, self.partition
        strings: list[str | bytes] = []
        added: list[str | int] = []
        removed: list[str] = []
        deleted: list[str] = []
        for session in sorted(self.dirty_statuses):
            status = _encoder.encode(self.statuses[session])
            strings += (keys.session_status(partition, session), status)
            added += (0, session)
        for place in sorted(self.dirty_watches):
            session, chat = place
            key, member = keys.ack_watch(partition, session, chat), f"{chat}:{session}"
            watch = self.watches[place]
            if watch is None:
                removed.append(member)
                if place in self.written:
                    deleted.append(key)
            else:
                strings += (key, _encoder.encode(watch))
                added += (0, member)
        self.written |= self.dirty_watches
        self.dirty_statuses.clear()
        self.dirty_watches.clear()
        index = keys.health_index(partition)
        commands: list[Command] = []
        if deleted:
            commands.append(("DEL", *deleted))
        if strings:
            commands.append(("MSET", *strings))
        if removed:
            commands.append(("ZREM", index, *removed))
        if added:
            commands.append(("ZADD", index, *added))
        return commands

    def forget(self) -> None:
        """Drop what is held (everything changed must have been written)."""
        assert not self.dirty_statuses and not self.dirty_watches
        self.statuses.clear()
        self.watches.clear()
        self.written.clear()
        self.partition = None
