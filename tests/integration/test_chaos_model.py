"""The soak's model server answers over the wire as the offline brain does in process."""

from __future__ import annotations

from aiohttp.test_utils import TestServer
from redis.asyncio import Redis

from events.schema import AppointmentBooked, ConsentGranted
from tests.integration.test_groq_brain import NOW
from tests.support.chaos_model import ChaosModel
from tests.support.dialogue import Dialogue, model_decider


async def test_a_conversation_through_the_groq_client_registers_and_books(redis: Redis) -> None:
    async with TestServer(ChaosModel(0, 0, 0, seed=1).app()) as server:
        chat = Dialogue(model_decider(redis, str(server.make_url("")).rstrip("/"), retries=2), NOW)
        for text in ("oi", "sim", "Maria Souza", "quero marcar amanhã às 10:00", "sim"):
            await chat.say(text)
    assert chat.of_type(ConsentGranted)
    [booked] = chat.of_type(AppointmentBooked)
    local = booked.start.astimezone(NOW.tzinfo)
    assert (local.day, local.hour) == (NOW.day + 1, 10)
