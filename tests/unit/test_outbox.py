"""The outbox sends each reply once, even when its entry comes back after its sender died
between WAHA taking the reply and the outcome being committed."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from aiohttp import web
from aiohttp.test_utils import TestServer

from events import Keyspace
from events.checkpoint import Command
from events.codec import decode_entry
from events.schema import ReplySent
from services.conductor.outbox import Outbox
from services.waha.client import WahaClient, message_id_only
from services.waha_sim.app import Simulator
from tests.support.outbox_records import CHAT, KEY, as_stored, reply_record


def sent_by_bot(simulator: Simulator) -> list[dict[str, object]]:
    return [m for m in simulator.messages[("default", CHAT)] if m["fromMe"]]


def outcome(effects: Sequence[Command]) -> ReplySent:
    """The event the outbox's one effect appends."""
    [(_, _, _, *fields)] = effects
    pairs = dict(zip(fields[::2], fields[1::2], strict=True))
    record = decode_entry("2-0", 0, as_stored(pairs), KEY)
    assert isinstance(record.envelope.event, ReplySent)
    return record.envelope.event


async def test_a_redelivered_reply_that_waha_already_took_is_not_sent_again(
    waha: tuple[Simulator, WahaClient],
) -> None:
    simulator, client = waha
    outbox = Outbox(Keyspace(), client)
    first = outcome(await outbox(reply_record()))
    again = outcome(await outbox(replace(reply_record(), redelivered=True)))
    assert len(sent_by_bot(simulator)) == 1
    assert again.waha_message_id == first.waha_message_id


async def test_a_redelivered_reply_that_waha_never_took_is_sent(
    waha: tuple[Simulator, WahaClient],
) -> None:
    simulator, client = waha
    await Outbox(Keyspace(), client)(replace(reply_record(), redelivered=True))
    assert len(sent_by_bot(simulator)) == 1


async def test_another_replys_quote_does_not_count_as_this_one(
    waha: tuple[Simulator, WahaClient],
) -> None:
    simulator, client = waha
    outbox = Outbox(Keyspace(), client)
    await outbox(reply_record("r1", in_reply_to=f"false_{CHAT}_3EB0BBBB"))
    await outbox(replace(reply_record("r2"), redelivered=True))
    assert len(sent_by_bot(simulator)) == 2


async def sends_after_redelivery(listing_status: int, listing: object) -> int:
    """How many times the outbox sends a redelivered reply, WAHA listing the chat as given."""
    sends: list[object] = []

    async def messages(request: web.Request) -> web.Response:
        return web.json_response(listing, status=listing_status)

    async def send_text(request: web.Request) -> web.Response:
        sends.append(await request.json())
        return web.json_response({"id": "true_x_1"}, status=201)

    async def indicator(request: web.Request) -> web.Response:
        return web.json_response({})

    app = web.Application()
    app.router.add_get("/api/{session}/chats/{chat}/messages", messages)
    app.router.add_post("/api/sendText", send_text)
    for action in ("sendSeen", "startTyping"):
        app.router.add_post(f"/api/{action}", indicator)
    async with TestServer(app, host="127.0.0.1") as server:
        client = WahaClient(str(server.make_url("")).rstrip("/"), None)
        try:
            await Outbox(Keyspace(), client)(replace(reply_record(), redelivered=True))
        finally:
            await client.close()
    return len(sends)


async def test_when_waha_cannot_tell_the_reply_is_sent_rather_than_lost() -> None:
    assert await sends_after_redelivery(503, {"error": "engine restarting"}) == 1


async def test_a_quoting_message_without_an_id_still_counts_as_sent() -> None:
    listing = [{"fromMe": True, "body": "Olá!", "replyTo": {"id": "3EB0AAAA"}}]
    assert await sends_after_redelivery(200, listing) == 0


def test_a_serialized_message_id_is_quoted_by_its_own_id() -> None:
    assert message_id_only(f"false_{CHAT}_3EB0AAAA") == "3EB0AAAA"
    assert message_id_only("false_120363@g.us_3EB0CCCC_5511999990000@c.us") == "3EB0CCCC"
    assert message_id_only("3EB0AAAA") == "3EB0AAAA"
