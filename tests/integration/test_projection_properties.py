"""Properties of the read models over any event sequence: built event by event as the
live projector does, they equal a rebuild from the log; a redelivered prefix changes
nothing."""

from __future__ import annotations

import uuid

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from redis.asyncio import Redis

from events import EventLog, Keyspace, new_envelope
from events.batch_commit import BatchCheckpoints
from events.checkpoint import Checkpoints
from events.codec import Record
from events.schema import (
    CANCELLED_ON_ERASURE,
    AppointmentBooked,
    AppointmentCancelled,
    ConsentGranted,
    ConsentRefused,
    ConsentRevoked,
    DomainEvent,
    MessageAcknowledged,
    MessageReceived,
    NameRegistered,
    PrivacyNoticeShown,
    ReplySent,
    SessionStatusChanged,
    SubjectErased,
)
from services.projector import rebuild as rebuilding
from services.projector.projections import PROJECTIONS, group_of, projection
from services.projector.runs import RunProjection
from services.projector.store import ReadModelKeys
from services.projector.view_store import RedisViews
from tests.support.projecting import SP, read_model_contents, rebuilt_equals_live
from tests.support.strategies import events_, strategies_by_type

CHATS = [f"c{n:032x}" for n in range(3)]
APPOINTMENT_IDS = st.sampled_from(["a1", "a2", "a3"])
ERASE = "erase"

# Mostly the events the read models look at, on a few chats and appointments so that they
# meet; now and then any other event, and erasures.
step_kinds = [
    *(
        strategies_by_type[kind]
        for kind in (MessageReceived, PrivacyNoticeShown, ConsentGranted, ConsentRefused,
                     ConsentRevoked, NameRegistered)
    ),
    st.builds(AppointmentBooked, appointment_id=APPOINTMENT_IDS),
    st.builds(AppointmentCancelled, appointment_id=APPOINTMENT_IDS,
              reason=st.sampled_from(["", CANCELLED_ON_ERASURE])),
    events_,
    st.just(ERASE),
]  # fmt: skip
steps = st.lists(
    st.tuples(st.sampled_from(CHATS), st.sampled_from(step_kinds).flatmap(lambda kind: kind)),
    max_size=25,
)


class EventByEvent:
    """The live projector's work without its scheduling: each entry, when it arrives, is
    projected by every projection and committed with that projection's checkpoint."""

    def __init__(self, log: EventLog) -> None:
        self.log = log
        self.keys = ReadModelKeys(log.keyspace)
        views = RedisViews(log.redis)
        self.projections = [projection(name, views, self.keys, SP) for name in PROJECTIONS]
        self.checkpoints = {name: Checkpoints(log.redis, log.keyspace, group_of(name, 1))
                            for name in PROJECTIONS}  # fmt: skip
        self.seen: dict[int, str] = {}

    async def hold_the_leases(self) -> None:
        for name in PROJECTIONS:
            for partition in self.log.keyspace.all_partitions():
                await self.log.redis.set(self.log.keyspace.fence(partition, group_of(name, 1)), 1)

    async def catch_up(self) -> None:
        for partition in self.log.keyspace.all_partitions():
            start = "(" + self.seen[partition] if partition in self.seen else "-"
            for record in await self.log.read(partition, start=start):
                await self.apply(record)
                self.seen[partition] = record.entry_id

    async def apply(self, record: Record) -> bool:
        """Whether any projection applied it (False: every one recognised it as applied)."""
        applied = False
        for project in self.projections:
            effects = await project(record)
            applied |= await self.checkpoints[project.name].commit(
                partition=record.partition,
                token=1,
                chat=record.chat,
                entry_id=record.entry_id,
                effects=effects,
            )
        return applied


async def play(log: EventLog, live: EventByEvent, chat: str, step: DomainEvent | str) -> None:
    await play_only(log, chat, step)
    await live.catch_up()


async def play_only(log: EventLog, chat: str, step: DomainEvent | str) -> None:
    if step == ERASE:
        erasure = SubjectErased(reason="subject_request", legal_basis="art. 18", requested_by="t")
        await log.subject_keys.erase(new_envelope(erasure, chat=chat, session="default"))
    else:
        assert isinstance(step, DomainEvent)
        await log.append(new_envelope(step, chat=chat, session="default"))


async def fresh_log(redis: Redis) -> EventLog:
    # A key prefix of its own per example: the fixture's Redis is shared by the examples.
    log = EventLog(redis, Keyspace(prefix=f"p{uuid.uuid4().hex[:12]}", partitions=2))
    await log.ensure_layout()
    return log


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])  # fmt: skip
@given(steps=steps, data=st.data())
async def test_event_by_event_equals_a_rebuild_and_a_redelivered_prefix_changes_nothing(
    redis: Redis, steps: list[tuple[str, DomainEvent | str]], data: st.DataObject
) -> None:
    log = await fresh_log(redis)
    live = EventByEvent(log)
    await live.hold_the_leases()
    for chat, step in steps:
        await play(log, live, chat, step)
    await rebuilt_equals_live(redis, log)

    held = await read_model_contents(redis, live.keys)
    entries = [r async for r in log.scan()]
    redelivered = entries[: data.draw(st.integers(0, len(entries)), label="prefix")]
    assert [await live.apply(record) for record in redelivered] == [False] * len(redelivered)
    assert await read_model_contents(redis, live.keys) == held


# Replies and their acknowledgements too, on a few ids so that they meet (a chat's watch
# of acknowledgements is written, then deleted once nothing is awaited), and statuses.
WAHA_IDS = st.sampled_from(["true_1@c.us_A1", "true_1@c.us_B2"])
acknowledged_steps = st.lists(
    st.tuples(
        st.sampled_from(CHATS),
        st.sampled_from([
            *step_kinds,
            st.builds(ReplySent, waha_message_id=WAHA_IDS),
            st.builds(MessageAcknowledged, message_id=WAHA_IDS, ack=st.just(2),
                      from_me=st.just(True)),
            st.builds(SessionStatusChanged, status=st.sampled_from(["WORKING", "FAILED"])),
        ]).flatmap(lambda kind: kind),
    ),
    max_size=25,
)  # fmt: skip


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])  # fmt: skip
@given(steps=acknowledged_steps)
async def test_a_rebuild_written_in_many_small_batches_equals_event_by_event(
    redis: Redis, steps: list[tuple[str, DomainEvent | str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Pages of two entries and a write every three: a view written by one batch is
    # changed, replaced or deleted by the next.
    monkeypatch.setattr(rebuilding, "PAGE", 2)
    monkeypatch.setattr(rebuilding, "FLUSH_EVERY", 3)
    log = await fresh_log(redis)
    live = EventByEvent(log)
    await live.hold_the_leases()
    for chat, step in steps:
        await play(log, live, chat, step)
    await rebuilt_equals_live(redis, log)


class InRuns(EventByEvent):
    """The live projector's work on runs: what arrived since the last run, projected
    together by each projection and committed with its checkpoints in one script call."""

    async def catch_up(self) -> None:
        for partition in self.log.keyspace.all_partitions():
            start = "(" + self.seen[partition] if partition in self.seen else "-"
            run = await self.log.read(partition, start=start)
            if run:
                await self.apply_run(partition, run)
                self.seen[partition] = run[-1].entry_id

    async def apply_run(self, partition: int, run: list[Record]) -> None:
        for project in self.projections:
            positions = BatchCheckpoints(
                self.log.redis, self.log.keyspace, group_of(project.name, 1)
            )
            chats = list(dict.fromkeys(record.chat for record in run))
            batch = positions.batch(partition, await positions.positions(partition, chats))
            effects = await RunProjection(project, self.log.redis)(partition, run)
            for record, commands in zip(run, effects, strict=True):
                batch.add(record.chat, record.entry_id, commands)
            assert await positions.commit(batch, token=1)


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])  # fmt: skip
@given(steps=acknowledged_steps, data=st.data())
async def test_runs_of_any_length_equal_a_rebuild(
    redis: Redis, steps: list[tuple[str, DomainEvent | str]], data: st.DataObject
) -> None:
    # A run ends after any step: a chat's session changed several times in one run (and
    # across an erasure) is written once, as event by event leaves it.
    log = await fresh_log(redis)
    runs = InRuns(log)
    await runs.hold_the_leases()
    for chat, step in steps:
        if step == ERASE:
            await runs.catch_up()  # the live projector reads before an erasure is made
        await play_only(log, chat, step)
        if data.draw(st.booleans(), label="run ends"):
            await runs.catch_up()
    await runs.catch_up()
    await rebuilt_equals_live(redis, log)
