"""The outbox paces its sends through the real WAHA simulator, on a real Redis: seen,
typing, typing stopped, then the send; a gap between messages to one chat; a bound per
minute per session that every replica shares."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from dataclasses import replace

import pytest
from prometheus_client import CollectorRegistry
from redis.asyncio import Redis

from events import EventLog, Keyspace, Record, new_envelope
from events.codec import decode_entry, encode_entry
from events.schema import ReplyRequested, ReplySent
from events.subscription import Subscription
from services.conductor.metrics import ConductorMetrics
from services.conductor.outbox import Outbox
from services.conductor.pacer import Booking, Pacer
from services.conductor.pacing import PacingRules, send_at_ms
from services.runtime.store import StoreSettings
from services.waha.client import WahaClient
from services.waha_sim.app import Simulator
from tests.support.outbox_records import KEY, as_stored
from tests.support.projecting import groups_caught_up
from tests.support.whole_stack import FAST

CHAT, OTHER = "5511977770055@c.us", "5511977770066@c.us"
CHAT_KEYS = {CHAT: "chat-key-1", OTHER: "chat-key-2"}  # pseudonyms, as the log keys chats
NO_TYPING = dict(typing_min_ms=0, typing_max_ms=0)


def reply(reply_id: str, chat_id: str = CHAT, text: str = "Olá!") -> Record:
    """A reply as the log hands it to the outbox."""
    event = ReplyRequested(reply_id=reply_id, chat_id=chat_id, text=text,
                           in_reply_to=f"false_{chat_id}_3EB0{reply_id}")  # fmt: skip
    envelope = new_envelope(event, chat=CHAT_KEYS[chat_id], session="default")
    return decode_entry("1-0", 0, as_stored(encode_entry(envelope, KEY)), KEY)


def paced(redis: Redis, keyspace: Keyspace, client: WahaClient, **rules: int) -> Outbox:
    return Outbox(keyspace, client, pacer=Pacer(redis, keyspace, PacingRules(**rules)))


def sent_at(simulator: Simulator, chat: str) -> list[float]:
    return [float(m["received_at"]) for m in simulator.messages[("default", chat)]]


async def test_a_reply_is_seen_then_typed_then_typing_stops_then_it_is_sent(
    redis: Redis, keyspace: Keyspace, waha: tuple[Simulator, WahaClient]
) -> None:
    simulator, client = waha
    await paced(redis, keyspace, client, typing_min_ms=50, typing_max_ms=50)(reply("r1"))
    assert simulator.actions == [("sendSeen", CHAT), ("startTyping", CHAT),
                                 ("stopTyping", CHAT), ("sendText", CHAT)]  # fmt: skip


async def test_the_reply_goes_only_after_its_typing_time(
    redis: Redis, keyspace: Keyspace, waha: tuple[Simulator, WahaClient]
) -> None:
    simulator, client = waha
    outbox = paced(redis, keyspace, client, typing_min_ms=400, typing_max_ms=400)
    started = time.time()
    await outbox(reply("r1"))
    assert sent_at(simulator, CHAT)[0] - started >= 0.4


async def test_two_replies_to_one_chat_go_at_least_the_gap_apart(
    redis: Redis, keyspace: Keyspace, waha: tuple[Simulator, WahaClient]
) -> None:
    simulator, client = waha
    outbox = paced(redis, keyspace, client, chat_gap_ms=1000, **NO_TYPING)
    await outbox(reply("r1"))
    await outbox(reply("r2"))
    first, second = sent_at(simulator, CHAT)
    # The gap runs from the first send's booked time; the send itself may come a moment
    # after it on a loaded machine.
    assert second - first >= 0.8


async def test_a_chat_waiting_for_its_gap_does_not_delay_another_chats_reply(
    redis: Redis, keyspace: Keyspace, waha: tuple[Simulator, WahaClient]
) -> None:
    simulator, client = waha
    outbox = paced(redis, keyspace, client, chat_gap_ms=2000, **NO_TYPING)
    await outbox(reply("r1"))
    waiting = asyncio.create_task(outbox(reply("r2")))
    await asyncio.sleep(0.05)
    await outbox(reply("r3", OTHER))
    assert len(sent_at(simulator, CHAT)) == 1, "the other chat's reply went first"
    await waiting


async def test_a_reply_cut_short_while_typing_leaves_no_typing_behind(
    redis: Redis, keyspace: Keyspace, waha: tuple[Simulator, WahaClient]
) -> None:
    simulator, client = waha
    outbox = paced(redis, keyspace, client, typing_min_ms=5000, typing_max_ms=5000)
    handling = asyncio.create_task(outbox(reply("r1")))
    for _ in range(500):
        if ("startTyping", CHAT) in simulator.actions:
            break
        await asyncio.sleep(0.01)
    handling.cancel()  # the partition stops: the entry stays pending for its next owner
    with pytest.raises(asyncio.CancelledError):
        await handling
    for _ in range(500):  # the stop goes on after the cancellation, shielded from it
        if simulator.actions[-1] == ("stopTyping", CHAT):
            break
        await asyncio.sleep(0.01)
    assert simulator.actions[-1] == ("stopTyping", CHAT)
    assert ("sendText", CHAT) not in simulator.actions


async def test_a_redelivered_reply_is_sent_without_typing_again(
    redis: Redis, keyspace: Keyspace, waha: tuple[Simulator, WahaClient]
) -> None:
    simulator, client = waha
    outbox = paced(redis, keyspace, client, typing_min_ms=5000, typing_max_ms=5000)
    await outbox(replace(reply("r1"), redelivered=True))
    assert simulator.actions == [("sendSeen", CHAT), ("sendText", CHAT)]


async def test_a_redelivered_reply_that_waha_already_took_is_not_sent_again_when_paced(
    redis: Redis, keyspace: Keyspace, waha: tuple[Simulator, WahaClient]
) -> None:
    simulator, client = waha
    outbox = paced(redis, keyspace, client, **NO_TYPING)
    await outbox(reply("r1"))
    await outbox(replace(reply("r1"), redelivered=True))
    assert [a for a in simulator.actions if a[0] == "sendText"] == [("sendText", CHAT)]


async def test_unpaced_replies_are_seen_and_sent_with_no_typing(
    keyspace: Keyspace, waha: tuple[Simulator, WahaClient]
) -> None:
    simulator, client = waha
    await Outbox(keyspace, client)(reply("r1"))
    assert sorted(simulator.actions) == [("sendSeen", CHAT), ("sendText", CHAT)]


@pytest.fixture
async def other_replica(redis_url: str) -> AsyncIterator[Redis]:
    """Another conductor's own connection to the same Redis."""
    client = StoreSettings(redis_url=redis_url).connect()
    yield client
    await client.aclose()


async def test_every_replica_shares_the_sessions_bound_per_minute(
    redis: Redis, other_replica: Redis, keyspace: Keyspace
) -> None:
    rules = PacingRules(session_per_minute=2, chat_gap_ms=0, **NO_TYPING)
    one, two = Pacer(redis, keyspace, rules), Pacer(other_replica, keyspace, rules)
    first = await one.book("default", "chat-a", "r1", 0)
    await two.book("default", "chat-b", "r2", 0)
    third = await two.book("default", "chat-c", "r3", 0)
    assert third.at_ms == first.at_ms + 60_000


async def test_another_session_has_a_bound_of_its_own(redis: Redis, keyspace: Keyspace) -> None:
    pacer = Pacer(redis, keyspace, PacingRules(session_per_minute=1, chat_gap_ms=0))
    await pacer.book("default", "chat-a", "r1", 0)
    other = await pacer.book("clinic-2", "chat-b", "r2", 0)
    assert other.at_ms == other.now_ms


async def test_a_reply_booked_again_after_a_redelivery_takes_no_second_place(
    redis: Redis, keyspace: Keyspace
) -> None:
    pacer = Pacer(redis, keyspace, PacingRules(session_per_minute=1, chat_gap_ms=3000))
    await pacer.book("default", "chat-a", "r1", 0)
    again = await pacer.book("default", "chat-a", "r1", 0)
    assert again.at_ms == again.now_ms


async def test_the_script_books_by_the_pure_rule(redis: Redis, keyspace: Keyspace) -> None:
    rules = PacingRules(session_per_minute=3, chat_gap_ms=700)
    pacer = Pacer(redis, keyspace, rules)
    booked: list[int] = []
    last: dict[str, int] = {}
    for n, (chat, lead) in enumerate(
        [("a", 0), ("a", 100), ("b", 0), ("a", 0), ("c", 300), ("b", 50), ("c", 0)]
    ):
        got: Booking = await pacer.book("default", chat, f"r{n}", lead)
        expected = send_at_ms(now_ms=got.now_ms, lead_ms=lead, chat_last_ms=last.get(chat),
                              session_sends_ms=booked, rules=rules)  # fmt: skip
        assert got.at_ms == expected
        booked.append(got.at_ms)
        last[chat] = got.at_ms


async def test_the_pacing_keys_leave_redis_once_they_no_longer_count(
    redis: Redis, keyspace: Keyspace
) -> None:
    pacer = Pacer(redis, keyspace, PacingRules(chat_gap_ms=1000))
    await pacer.book("default", "chat-a", "r1", 0)
    ttls = [await redis.pttl(key) async for key in redis.scan_iter(match="wsm:{pacing:*")]
    assert len(ttls) == 2
    assert all(0 < ttl <= 60_000 for ttl in ttls)


@pytest.mark.timeout(30)
async def test_a_reply_whose_replica_dies_while_it_types_is_sent_once_by_the_next(
    redis: Redis, keyspace: Keyspace, log: EventLog, waha: tuple[Simulator, WahaClient]
) -> None:
    simulator, client = waha
    rules = PacingRules(typing_min_ms=1500, typing_max_ms=1500)
    event = ReplyRequested(reply_id="r1", chat_id=CHAT, text="Olá!",
                           in_reply_to=f"false_{CHAT}_3EB0AAAA")  # fmt: skip
    await log.append(new_envelope(event, chat=CHAT_KEYS[CHAT], session="default"))

    def replica(name: str) -> Subscription:
        outbox = Outbox(keyspace, client, pacer=Pacer(redis, keyspace, rules))
        return Subscription(redis, keyspace, group="outbox", consumer=name, handler=outbox,
                            types=Outbox.TYPES, options=FAST)  # fmt: skip

    dying = asyncio.create_task(replica("c1").run())
    for _ in range(500):
        if ("startTyping", CHAT) in simulator.actions:
            break
        await asyncio.sleep(0.01)
    dying.cancel()  # as a crash: the lease lapses, the entry stays pending
    with pytest.raises(asyncio.CancelledError):
        await dying
    successor = replica("c2")
    running = asyncio.create_task(successor.run())
    try:
        await groups_caught_up(redis, keyspace, "outbox")
    finally:
        successor.stop()
        await running
    records = [r for p in keyspace.all_partitions() for r in await log.read(p)]
    assert [a for a in simulator.actions if a[0] == "sendText"] == [("sendText", CHAT)]
    assert sum(isinstance(r.envelope.event, ReplySent) for r in records) == 1


async def test_how_long_a_reply_waited_is_measured(
    redis: Redis, keyspace: Keyspace, waha: tuple[Simulator, WahaClient]
) -> None:
    _, client = waha
    registry = CollectorRegistry()
    pacer = Pacer(redis, keyspace, PacingRules(typing_min_ms=200, typing_max_ms=200))
    await Outbox(keyspace, client, ConductorMetrics(registry), pacer)(reply("r1"))
    assert registry.get_sample_value("wsm_outbox_pacing_seconds_count") == 1
    assert registry.get_sample_value("wsm_outbox_pacing_seconds_sum") == pytest.approx(0.2)
