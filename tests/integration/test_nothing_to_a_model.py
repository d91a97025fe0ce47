"""Nothing a person writes before consent, or after revoking it, reaches a model: the
conductor built from its settings, with the real groq client pointed (``GROQ_BASE_URL``)
at a local OpenAI-compatible server that keeps every request it receives."""

from __future__ import annotations

import json

from redis.asyncio import Redis

from events.schema import AppointmentBooked, AppointmentCancelled, ConsentRevoked
from services.conductor.deciding import Decider
from services.conductor.main import build_decider
from services.conductor.offline_brain import OfflineBrain
from services.conductor.settings import ConductorSettings
from tests.integration.test_dialogues import NOW
from tests.support.dialogue import Dialogue, registered_chat
from tests.support.fake_openai import FakeOpenAI, completion, tool_call
from tests.support.kek import kek_env

BEFORE_CONSENT = [
    "Oi, tenho HIV e preciso de uma consulta urgente",
    "meu CPF é 123.456.789-09, consegue marcar amanhã?",
    "claro que tenho dúvidas, quem vai ler meus dados?",
]
AFTER_REVOCATION = "tenho diabetes, meu CPF 987.654.321-00"


def conductor(redis: Redis, base_url: str) -> Decider:
    env = {"GROQ_API_KEY": "test-key", "GROQ_MODEL": "test-model", "GROQ_BASE_URL": base_url}
    decider = build_decider(ConductorSettings.from_env({**env, **kek_env()}), redis)
    assert not isinstance(decider.brain, OfflineBrain)  # the groq client, really
    return decider


async def test_no_request_reaches_the_model_before_consent(redis: Redis) -> None:
    fake = FakeOpenAI([completion("ok")] * 8)
    async with fake.serving() as url:
        chat = Dialogue(conductor(redis, url), NOW)
        for text in [*BEFORE_CONSENT, "não", AFTER_REVOCATION]:  # asked, refused, again
            await chat.say(text)
    assert fake.requests == []


async def test_no_request_reaches_the_model_after_a_revocation(redis: Redis) -> None:
    fake = FakeOpenAI([completion("ok")] * 8)
    async with fake.serving() as url:
        chat = registered_chat(conductor(redis, url), NOW)
        for text in ("quero revogar meu consentimento", AFTER_REVOCATION, "cancelar", "parar"):
            await chat.say(text)
    assert len(chat.of_type(ConsentRevoked)) == 1
    assert fake.requests == []


async def test_cancelling_after_a_revocation_asks_no_model(redis: Redis) -> None:
    fake = FakeOpenAI([
        completion(calls=[tool_call("transfer_to_agent", '{"agent": "scheduling"}', "c1")]),
        completion(calls=[tool_call("propose_appointment", '{"start": "2026-11-25T15:00"}')]),
        completion("Posso confirmar quarta, 25/11 às 15:00?"),
        completion(calls=[tool_call("book_appointment", '{"start": "2026-11-25T15:00"}', "c2")]),
        completion("Pronto, marcada."),
    ])  # fmt: skip
    async with fake.serving() as url:
        chat = registered_chat(conductor(redis, url), NOW)
        await chat.say("marcar amanhã às 15h")  # the model's turns, while consent is active
        await chat.say("sim")
        assert len(chat.of_type(AppointmentBooked)) == 1 and len(fake.requests) == 5
        await chat.say("revogar consentimento")
        assert "Posso cancelar" in await chat.say("quero cancelar minha consulta")
        assert "cancelada" in await chat.say("sim")
    assert len(chat.of_type(AppointmentCancelled)) == 1
    assert len(fake.requests) == 5


async def test_the_first_request_after_consent_holds_nothing_said_before_it(
    redis: Redis,
) -> None:
    fake = FakeOpenAI([completion("Prazer, Maria!")])
    async with fake.serving() as url:
        chat = Dialogue(conductor(redis, url), NOW)
        for text in [*BEFORE_CONSENT, "sim"]:
            await chat.say(text)
        assert fake.requests == []
        await chat.say("Maria Silva")
    [first] = fake.requests
    wire = json.dumps(first, ensure_ascii=False)
    for text in BEFORE_CONSENT:
        assert text not in wire
    assert "HIV" not in wire and "123.456.789-09" not in wire
    assert first["messages"][-1] == {"role": "user", "content": "Maria Silva"}


async def test_the_dialogue_kept_after_consent_holds_nothing_said_before_it(
    redis: Redis,
) -> None:
    fake = FakeOpenAI([])
    async with fake.serving() as url:
        chat = Dialogue(conductor(redis, url), NOW)
        for text in [*BEFORE_CONSENT, "Sim, aceito"]:
            await chat.say(text)
    kept = " ".join(text for _, text in chat.state.dialogue)
    assert all(text not in kept for text in BEFORE_CONSENT)
    assert "Sim, aceito" not in kept  # the evidence is in the consent event, not here
