"""A WAHA session that leaves WORKING mid-conversation (a phone that must scan the QR code
again, NOWEB restarting its socket): the replies decided meanwhile wait for it and go out
once it is back, in order, none lost and none twice. The session health read model shows
the status over time, and the replies WhatsApp never acknowledged."""

from __future__ import annotations

import argparse
import asyncio
import io
from datetime import UTC, datetime, timedelta

from redis.asyncio import Redis

from events import EventLog, Keyspace
from events.schema import ReplyFailed, ReplySent
from services.cli.sessions import show
from services.ingest.settings import IngestSettings
from services.projector.health_report import session_reports
from services.projector.session_health import ACK_BOUND
from tests.support.kek import kek_env
from tests.support.projecting import caught_up, projecting
from tests.support.whole_stack import Phone, Stack

NUMBER = "5511977770077"
CHAT = f"{NUMBER}@c.us"


async def bot_messages(stack: Stack) -> list[str]:
    return [str(m["body"]) for m in stack[2].messages[("default", CHAT)] if m["fromMe"]]


async def set_status(stack: Stack, status: str) -> None:
    http, sim_url, _ = stack
    async with http.post(f"{sim_url}/sim/session", json={"status": status}) as response:
        assert response.status == 200, await response.text()


async def write(stack: Stack, text: str) -> None:
    """The person writes; the test does not wait for the answer."""
    http, sim_url, _ = stack
    async with http.post(f"{sim_url}/sim/inbound", json={"from": NUMBER, "text": text}) as got:
        assert got.status == 200, await got.text()


async def until(count: int, stack: Stack, within_s: float = 20) -> list[str]:
    for _ in range(int(within_s / 0.05)):
        if len(sent := await bot_messages(stack)) >= count:
            return sent
        await asyncio.sleep(0.05)
    raise AssertionError(f"{count} replies expected, {len(await bot_messages(stack))} sent")


async def test_replies_wait_for_a_session_that_must_scan_the_qr_code_and_then_go_out_in_order(
    stack: Stack, log: EventLog, redis: Redis, keyspace: Keyspace
) -> None:
    http, sim_url, simulator = stack
    simulator.status_wait_s = 0.2  # WAHA waits 5 s before its 422
    async with projecting(redis, keyspace):
        assert "Aviso" in await Phone(http, sim_url, NUMBER).say("oi")
        await set_status(stack, "SCAN_QR_CODE")
        await write(stack, "sim")
        await write(stack, "Maria Souza")
        await asyncio.sleep(1.5)
        assert len(await bot_messages(stack)) == 1  # decided, but held for the session
        await set_status(stack, "WORKING")
        sent = await until(3, stack)
        await caught_up(redis, keyspace, "outbox")
    await asyncio.sleep(0.3)  # anything sent twice would show by now
    sent = await bot_messages(stack)
    assert len(sent) == 3 and "Qual é o seu nome" in sent[1] and "Prazer, Maria Souza" in sent[2]
    outcomes = [r.envelope.event async for r in log.scan()]
    assert sum(isinstance(e, ReplySent) for e in outcomes) == 3
    assert not any(isinstance(e, ReplyFailed) for e in outcomes)
    [report] = await session_reports(redis, keyspace)
    assert report.status == "WORKING"
    assert [change.status for change in report.history] == ["SCAN_QR_CODE"]


async def test_replies_whatsapp_never_acknowledges_say_the_phone_is_offline(
    stack: Stack, redis: Redis, keyspace: Keyspace, ingest_settings: IngestSettings
) -> None:
    http, sim_url, _ = stack
    async with projecting(redis, keyspace):
        phone = Phone(http, sim_url, NUMBER)
        await phone.say("oi")  # acknowledged by WhatsApp's servers
        async with http.post(
            f"{sim_url}/sim/session", json={"status": "WORKING", "phone_online": False}
        ) as response:
            assert response.status == 200  # fmt: skip
        await phone.say("sim")  # taken by WAHA, never acknowledged
        await asyncio.sleep(0.5)  # an acknowledgement would have come by now
        await caught_up(redis, keyspace)
    later = datetime.now(UTC) + ACK_BOUND + timedelta(minutes=1)
    [report] = await session_reports(redis, keyspace, later)
    assert report.status == "WORKING" and len(report.unacknowledged) == 1
    assert report.phone_seems_offline
    env = {"REDIS_URL": ingest_settings.store.redis_url, "PARTITIONS": "4", **kek_env()}
    out = io.StringIO()
    assert await show(argparse.Namespace(history=3, json=False), env, out) == 0
    assert out.getvalue().startswith("default: WORKING since ")
    assert "lost its connection although WAHA says WORKING" not in out.getvalue()  # not yet
    assert CHAT not in out.getvalue() and NUMBER not in out.getvalue()


async def test_replies_whatsapp_acknowledges_leave_nothing_unacknowledged(
    stack: Stack, redis: Redis, keyspace: Keyspace
) -> None:
    http, sim_url, _ = stack
    async with projecting(redis, keyspace):
        phone = Phone(http, sim_url, NUMBER)
        for text in ("oi", "sim", "Maria"):
            await phone.say(text)
        await asyncio.sleep(0.5)
        await caught_up(redis, keyspace)
    later = datetime.now(UTC) + ACK_BOUND + timedelta(minutes=1)
    reports = await session_reports(redis, keyspace, later)
    assert all(r.unacknowledged == () and not r.phone_seems_offline for r in reports)
    # A chat whose replies were all acknowledged leaves no watch behind.
    assert [key async for key in redis.scan_iter(match="*:health:*:acks:*")] == []
