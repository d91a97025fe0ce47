"""Days far beyond the booking horizon, up to the last a calendar has, are answered with
the horizon's reason in the clinic of a clinic file: never a crash."""

from __future__ import annotations

import json
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from redis.asyncio import Redis

from events.schema import MessageReceived
from services.conductor.brain import ToolCall
from services.conductor.turn import Turn
from services.domain.conversation import Conversation, Stage
from tests.support.clinic import clinic_decider

SP = ZoneInfo("America/Sao_Paulo")
NOW = datetime(2026, 12, 7, 9, 10, tzinfo=SP)


async def availability(redis: Redis, arguments: str) -> dict[str, object]:
    toolbox = clinic_decider(redis).toolbox
    message = MessageReceived(
        message_id="m1", chat_id="5511900000001@c.us", sender="5511900000001@c.us",
        text="tem horário?", media=None, sent_at=NOW,
    )  # fmt: skip
    state = Conversation(stage=Stage.REGISTERED, name="Maria")
    call = ToolCall("c1", "check_availability", arguments)
    outcome = await toolbox.run(
        call, ("check_availability",), Turn("s1", "e1", message, state, NOW)
    )
    answer: dict[str, object] = json.loads(outcome.as_json())
    return answer


@pytest.mark.parametrize("day", ["9999-12-31", "2030-01-02"])
async def test_a_day_past_the_horizon_gets_the_horizon_reason(redis: Redis, day: str) -> None:
    answer = await availability(redis, json.dumps({"date": day, "service": "retorno"}))
    assert "agenda está aberta só para os próximos" in json.dumps(answer, ensure_ascii=False)
