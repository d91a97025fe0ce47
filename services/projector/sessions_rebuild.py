"""The sessions read model rebuilt in memory: each chat's session folded over its events,
written once per chat per batch.

The live projection (``sessions_projection.Sessions``) turns every event into a SET of the
session and a ZADD of its place in the index. In a rebuild nobody reads the version being
built, so only each chat's last session matters: this folds a partition's events into one
session per chat, and writes the changed ones, sealed, in one MSET and one ZADD per
partition. What it writes is what the live projection would have left: the same
``project_session`` per event, the same "unchanged, not written" rule, each session
sealed with the key of the event that last changed it, and an event opened with another
key (an erasure between them) reading the session as the live projection reads it back.
"""

from __future__ import annotations

from events import Record
from events.checkpoint import Command
from services.projector.sessions_projection import handoff_index_change
from services.projector.store import ReadModelKeys, decode_session, encode_session
from services.projector.views import SessionView, project_session

Session = tuple[SessionView, bytes | None]
"""A chat's session, and the subject key it is sealed with when written."""


class SessionsRebuild:
    """The sessions of one partition at a time, built from its events in log order."""

    name = "sessions"

    def __init__(self, keys: ReadModelKeys) -> None:
        self.keys = keys
        self.partition: int | None = None
        self.sessions: dict[str, Session] = {}
        self.dirty: set[str] = set()
        self.handed: set[str] = set()  # chats written to the handoff index

    def fold(self, record: Record) -> None:
        """Apply one event of the partition being built to its chat's session."""
        chat, subject_key = record.chat, record.subject_key
        held = self.sessions.get(chat)
        before: SessionView | None = None
        if held is not None:
            before, sealed_with = held
            if sealed_with != subject_key:
                # As the live projection reads its stored session with this event's key.
                stored = encode_session(before, sealed_with)
                before = decode_session(stored, chat, subject_key)
        after = project_session(before, record.envelope)
        if after is None or after == before:
            return
        self.partition = record.partition
        self.sessions[chat] = (after, subject_key)
        self.dirty.add(chat)

    def changes(self) -> list[Command]:
        """The writes of every session changed since the last call: an MSET of the
        sealed sessions and a ZADD of their last activity."""
        if not self.dirty or self.partition is None:
            return []
        keys, partition = self.keys, self.partition
        strings: list[str | bytes | int] = []
        scores: list[str | bytes | int] = []
        handoffs: list[Command] = []
        for chat in sorted(self.dirty):
            view, subject_key = self.sessions[chat]
            strings += (keys.session(partition, chat), encode_session(view, subject_key))
            scores += (int(view.last_activity.timestamp() * 1000), chat)
            handoffs += handoff_index_change(keys, partition, chat, view, chat in self.handed)
            if view.conversation.handoff_until is None:
                self.handed.discard(chat)
            else:
                self.handed.add(chat)
        self.dirty.clear()
        return [("MSET", *strings), ("ZADD", keys.sessions(partition), *scores), *handoffs]

    def forget(self) -> None:
        """Drop what is held (everything changed must have been written)."""
        assert not self.dirty
        self.sessions.clear()
        self.handed.clear()
        self.partition = None
