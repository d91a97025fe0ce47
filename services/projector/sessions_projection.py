"""The sessions model, live: each chat's session, its place among the sessions by last
activity, and the index of the chats in a person's hands."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence

from events import Record
from events.checkpoint import Command
from services.projector.store import (
    ReadModelKeys,
    decode_session,
    encode_session,
)
from services.projector.view_store import ViewStore
from services.projector.views import SessionView, project_session

SESSIONS_REMEMBERED = 4096


def _handed(view: SessionView) -> bool:
    return view.conversation.handoff_until is not None


def handoff_index_change(
    keys: ReadModelKeys, partition: int, chat: str, view: SessionView, handed_before: bool
) -> list[Command]:
    """What keeps the handoff index holding exactly the chats whose stored session has a
    handoff, once ``view`` is stored (``handed_before``: the session it replaces had one)."""
    until = view.conversation.handoff_until
    if until is not None:
        return [("ZADD", keys.handoffs(partition), int(until.timestamp() * 1000), chat)]
    return [("ZREM", keys.handoffs(partition), chat)] if handed_before else []


class Sessions:
    """The sessions model, event by event. A rebuild folds it in memory instead
    (``services.projector.sessions_rebuild``), which must leave what this leaves."""

    name = "sessions"

    def __init__(self, views: ViewStore, keys: ReadModelKeys) -> None:
        self.views = views
        self.keys = keys
        # The sessions last written, opened: a chat's events come in runs, and opening a
        # sealed session again costs more than projecting the event.
        self._written: OrderedDict[str, tuple[bytes, bytes | None, SessionView]] = OrderedDict()

    def _opened(self, key: str, raw: bytes, chat: str, subject_key: bytes | None) -> SessionView:
        written = self._written.get(key)
        if written is not None and written[0] == raw and written[1] == subject_key:
            return written[2]
        return decode_session(raw, chat, subject_key)

    def _remember(self, key: str, raw: bytes, subject_key: bytes | None, view: SessionView) -> None:
        self._written[key] = (raw, subject_key, view)
        self._written.move_to_end(key)
        if len(self._written) > SESSIONS_REMEMBERED:
            self._written.popitem(last=False)

    types: frozenset[str] | None = None  # the conversation evolves with most events

    async def __call__(self, record: Record) -> Sequence[Command]:
        return await self.project(record, self.views)

    def reads(self, record: Record) -> Sequence[str]:
        return (self.keys.session(record.partition, record.chat),)

    async def project(self, record: Record, views: ViewStore) -> Sequence[Command]:
        return (await self.project_run([record], views))[0]

    async def project_run(
        self, records: Sequence[Record], views: ViewStore
    ) -> list[Sequence[Command]]:
        """The commands of each of ``records``, a run committed all or nothing: each chat's
        session is sealed and written once, with the last entry that changed it, since
        sealing costs more than projecting and only the last write of a run is seen."""
        held: dict[str, tuple[SessionView, bytes | None]] = {}
        handed_before: dict[str, bool] = {}  # in the handoff index before the run
        last_change: dict[str, int] = {}
        for n, record in enumerate(records):
            chat, subject_key = record.chat, record.subject_key
            before = await self._before(record, held.get(chat), views)
            if chat not in handed_before:
                handed_before[chat] = before is not None and _handed(before)
            after = project_session(before, record.envelope)
            if after is None or after == before:
                continue
            held[chat] = (after, subject_key)
            last_change[chat] = n
        effects: list[Sequence[Command]] = [() for _ in records]
        for chat, n in last_change.items():
            effects[n] = self._stored(records[n].partition, chat, held[chat], handed_before[chat])
        return effects

    def _stored(
        self, partition: int, chat: str, held: tuple[SessionView, bytes | None], handed: bool
    ) -> list[Command]:
        """The commands that store a chat's session (``handed``: its stored one was in
        the handoff index)."""
        view, subject_key = held
        key = self.keys.session(partition, chat)
        stored = encode_session(view, subject_key)
        self._remember(key, stored, subject_key, view)
        score = int(view.last_activity.timestamp() * 1000)
        commands: list[Command] = [
            ("SET", key, stored),
            ("ZADD", self.keys.sessions(partition), score, chat),
        ]
        return commands + handoff_index_change(self.keys, partition, chat, view, handed)

    async def _before(
        self, record: Record, held: tuple[SessionView, bytes | None] | None, views: ViewStore
    ) -> SessionView | None:
        """The session as this entry would read it back from Redis."""
        key = self.keys.session(record.partition, record.chat)
        if held is None:
            raw = await views.get(key)
            return None if raw is None else self._opened(key, raw, record.chat, record.subject_key)
        view, sealed_with = held
        if sealed_with == record.subject_key:
            return view
        # Sealed with another key (an erasure between them): read as Redis would give it.
        return decode_session(encode_session(view, sealed_with), record.chat, record.subject_key)
