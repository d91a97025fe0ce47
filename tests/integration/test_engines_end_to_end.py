"""The simulator speaking each engine, through the whole product."""

from __future__ import annotations

from typing import Any

import aiohttp
import pytest

from events import EventLog
from events.schema import (
    MessageAcknowledged,
    MessageEdited,
    MessageReceived,
    MessageRevoked,
    MessageSentByBusiness,
    ReactionReceived,
    ReplySent,
    SessionStatusChanged,
)
from services.conductor.turn import EDIT_SEEN
from services.waha_sim.engines import ENGINES
from tests.support.whole_stack import Phone, Stack

NUMBER = "5511977770042"
pytestmark = pytest.mark.parametrize("sim_engine", ENGINES)


async def sim(http: aiohttp.ClientSession, url: str, route: str, **body: Any) -> Any:
    async with http.post(f"{url}/sim/{route}", json=body) as response:
        answer = await response.json()
        assert response.status == 200, answer
        assert answer["gateway"]["status"] == "accepted", answer
        return answer


async def registered(phone: Phone) -> None:
    for text in ("oi", "sim", "Maria"):
        await phone.say(text)


async def test_every_kind_the_simulator_posts_reaches_the_log(stack: Stack, log: EventLog) -> None:
    http, url, _ = stack
    phone = Phone(http, url, NUMBER)
    await phone.say("oi")
    said = await sim(http, url, "inbound", **{"from": NUMBER, "text": "amanhã às 15h"})
    await phone.reply()  # the answer to it, so that the chat is quiet again
    replies = [r.envelope.event async for r in log.scan()]
    [reply_id, *_] = [e.waha_message_id for e in replies if isinstance(e, ReplySent)]
    await sim(http, url, "ack", message_id=reply_id, ack=3)
    await sim(http, url, "react", **{"from": NUMBER, "message_id": reply_id, "text": "👍"})
    await sim(http, url, "edit", **{"from": NUMBER, "message_id": said["message_id"],
                                    "text": "amanhã às 16h"})  # fmt: skip
    await sim(http, url, "revoke", **{"from": NUMBER, "message_id": said["message_id"]})
    await sim(http, url, "phone", to=NUMBER, text="Bom dia, aqui é a recepção")
    await sim(http, url, "session", status="SCAN_QR_CODE")
    await sim(http, url, "session", status="WORKING")
    kinds = {type(r.envelope.event) async for r in log.scan()}
    assert kinds >= {MessageReceived, MessageAcknowledged, ReactionReceived, MessageEdited,
                     MessageRevoked, MessageSentByBusiness, SessionStatusChanged}  # fmt: skip


async def test_the_sent_id_on_record_is_the_one_the_engine_acks(
    stack: Stack, log: EventLog
) -> None:
    http, url, _ = stack
    await Phone(http, url, NUMBER).say("oi")
    [sent] = [r.envelope.event async for r in log.scan() if isinstance(r.envelope.event, ReplySent)]
    assert sent.waha_message_id is not None
    await sim(http, url, "ack", message_id=sent.waha_message_id, ack=3)  # read
    acks = [r.envelope.event async for r in log.scan()
            if isinstance(r.envelope.event, MessageAcknowledged)]  # fmt: skip
    # The server's ack (1), which the simulator sends by itself, and the one asked for.
    assert {a.message_id for a in acks} == {sent.waha_message_id}
    assert max(a.ack for a in acks) == 3


async def test_an_edit_of_the_last_message_is_answered_anew_with_a_note(stack: Stack) -> None:
    http, url, _ = stack
    phone = Phone(http, url, NUMBER)
    await registered(phone)
    asked = {"from": NUMBER, "text": "tem horário sexta de manhã?"}
    said = await sim(http, url, "inbound", **asked)
    assert "sexta, 27/11" in await phone.reply()
    await sim(http, url, "edit", **{"from": NUMBER, "message_id": said["message_id"],
                                    "text": "tem horário quinta de manhã?"})  # fmt: skip
    reply = await phone.reply()
    assert reply.startswith(EDIT_SEEN) and "quinta, 26/11" in reply
