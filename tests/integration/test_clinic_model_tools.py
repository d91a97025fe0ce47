"""A model books in the example clinic with the same tool arguments the offline brain
uses (service, professional): through the real groq SDK against a local server speaking
the chat-completions wire format (tests/support/fake_openai.py); bad service or
professional arguments are refused with the options, and nothing is proposed."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from redis.asyncio import Redis

from events.schema import ActionProposed, AppointmentBooked
from tests.support.clinic import clinic_decider
from tests.support.dialogue import Dialogue, model_brain, model_decider, registered_chat, results_of
from tests.support.fake_openai import FakeOpenAI, completion, tool_call

SP = ZoneInfo("America/Sao_Paulo")
NOW = datetime(2026, 12, 7, 9, 10, tzinfo=SP)  # a Monday morning
TRANSFER = tool_call("transfer_to_agent", '{"agent": "scheduling"}', "c1")
RETURN_WITH_BRUNO = '{"start": "2026-12-08T14:00", "service": "retorno", "professional": "bruno"}'


def registered(redis: Redis, base_url: str) -> Dialogue:
    """Maria, registered, talking to the example clinic's conductor with a model."""
    return registered_chat(clinic_decider(redis, model_brain(base_url)), NOW)


async def test_a_model_is_offered_the_service_and_professional_arguments(redis: Redis) -> None:
    fake = FakeOpenAI([completion(calls=[TRANSFER]), completion("Qual serviço?")])
    async with fake.serving() as url:
        await registered(redis, url).say("quero marcar")
    tools = {t["function"]["name"]: t["function"] for t in fake.requests[-1]["tools"]}
    for name in ("check_availability", "propose_appointment", "book_appointment"):
        parameters = tools[name]["parameters"]
        struct = parameters["$ref"].rsplit("/", 1)[-1]  # msgspec's schema: a $ref to $defs
        properties = parameters["$defs"][struct]["properties"]
        assert {"service", "professional"} <= set(properties)


async def test_a_model_books_the_service_with_the_professional_on_the_yes(redis: Redis) -> None:
    fake = FakeOpenAI([
        completion(calls=[TRANSFER]),
        completion(calls=[tool_call("propose_appointment", RETURN_WITH_BRUNO, "c2")]),
        completion("Posso confirmar retorno com o Dr. Bruno na terça, 08/12, às 14h?"),
        completion(calls=[TRANSFER]),
        completion(calls=[tool_call("book_appointment", RETURN_WITH_BRUNO, "c3")]),
        completion("Marcado!"),
    ])  # fmt: skip
    async with fake.serving() as url:
        chat = registered(redis, url)
        await chat.say("quero um retorno com o dr bruno terça às 14h")
        await chat.say("sim")
    [proposed] = results_of(chat, "propose_appointment")
    assert proposed["servico"] == "Retorno"
    assert proposed["profissional"] == "Dr. Bruno Tavares (cardiologista)"
    [made] = chat.of_type(AppointmentBooked)
    assert (made.professional, made.service) == ("bruno", "retorno")  # type: ignore[attr-defined]


async def test_a_model_naming_an_unknown_service_is_told_the_services(redis: Redis) -> None:
    unknown = '{"start": "2026-12-08T14:00", "service": "massagem"}'
    fake = FakeOpenAI([
        completion(calls=[TRANSFER]),
        completion(calls=[tool_call("propose_appointment", unknown, "c2")]),
        completion("Não temos massagem."),
    ])  # fmt: skip
    async with fake.serving() as url:
        chat = registered(redis, url)
        await chat.say("quero uma massagem")
    [refused] = results_of(chat, "propose_appointment")
    assert refused["ok"] is False
    assert "serviço desconhecido" in str(refused["error"])
    assert "retorno (Retorno)" in str(refused["error"])
    assert chat.of_type(ActionProposed) == []


async def test_a_model_naming_a_professional_who_does_not_give_it_is_refused(
    redis: Redis,
) -> None:
    wrong = '{"start": "2026-12-07T14:00", "service": "nutricao", "professional": "ana"}'
    fake = FakeOpenAI([
        completion(calls=[TRANSFER]),
        completion(calls=[tool_call("propose_appointment", wrong, "c2")]),
        completion("A Dra. Ana não faz."),
    ])  # fmt: skip
    async with fake.serving() as url:
        chat = registered(redis, url)
        await chat.say("nutrição com a dra ana")
    [refused] = results_of(chat, "propose_appointment")
    assert "quem faz: carla" in str(refused["error"])
    assert chat.of_type(ActionProposed) == []


async def test_a_model_booking_another_professional_than_proposed_is_refused(
    redis: Redis,
) -> None:
    other = '{"start": "2026-12-08T14:00", "service": "retorno", "professional": "ana"}'
    fake = FakeOpenAI([
        completion(calls=[TRANSFER]),
        completion(calls=[tool_call("propose_appointment", RETURN_WITH_BRUNO, "c2")]),
        completion("Posso confirmar?"),
        completion(calls=[TRANSFER]),
        completion(calls=[tool_call("book_appointment", other, "c3")]),
        completion("Ok."),
    ])  # fmt: skip
    async with fake.serving() as url:
        chat = registered(redis, url)
        await chat.say("quero um retorno terça às 14h")
        await chat.say("sim")
    assert chat.of_type(AppointmentBooked) == []


async def test_a_model_naming_a_service_in_a_clinic_without_a_file_is_refused(
    redis: Redis,
) -> None:
    named = '{"start": "2026-12-08T14:00", "service": "retorno"}'
    fake = FakeOpenAI([
        completion(calls=[TRANSFER]),
        completion(calls=[tool_call("propose_appointment", named, "c2")]),
        completion("Ok."),
    ])  # fmt: skip
    async with fake.serving() as url:
        chat = registered_chat(model_decider(redis, url), NOW)
        await chat.say("quero um retorno terça às 14h")
    [refused] = results_of(chat, "propose_appointment")
    assert "um só serviço" in str(refused["error"])


async def test_a_model_naming_a_service_not_shaped_like_an_id_is_refused(redis: Redis) -> None:
    malformed = '{"start": "2026-12-08T14:00", "service": "Retorno; tudo"}'
    fake = FakeOpenAI([
        completion(calls=[TRANSFER]),
        completion(calls=[tool_call("check_availability", '{"service": "Retorno; tudo"}', "c2")]),
        completion(calls=[tool_call("propose_appointment", malformed, "c3")]),
        completion("Ok."),
    ])  # fmt: skip
    async with fake.serving() as url:
        chat = registered(redis, url)
        await chat.say("quero um retorno")
    for tool in ("check_availability", "propose_appointment"):
        [refused] = results_of(chat, tool)
        assert "argumentos inválidos" in str(refused["error"])
    assert chat.of_type(ActionProposed) == []
