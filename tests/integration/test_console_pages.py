"""The console's pages over what the bot recorded: the agenda with names, the handoff
inbox and its reply, the DPO's consent history and access log."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from events import EventLog
from events.schema import HandoffEnded, ReplyRequested, StaffActed
from services.console.accountability import recent
from services.console.staff import Role
from tests.support.console import (
    SP,
    booked,
    chat_of,
    console_as,
    events_of,
    fetched,
    handed_over,
    hidden_fields,
    posted,
    registered_patient,
)


def today_at(hour: int) -> datetime:
    return datetime.now(SP).replace(hour=hour, minute=0, second=0, microsecond=0)


async def test_the_agenda_shows_a_booked_patients_name(log: EventLog) -> None:
    chat = await registered_patient(log, "5511988887777", "Ana Souza", datetime.now(UTC))
    await booked(log, chat, today_at(14))
    async with console_as(log, "julia", Role.RECEPTIONIST, projected=True) as http:
        _, text = await fetched(http, "/agenda")
    assert "Ana Souza" in text
    assert "14:00" in text
    assert "marcada" in text


async def test_showing_names_on_the_agenda_is_recorded_with_the_subjects(log: EventLog) -> None:
    chat = await registered_patient(log, "5511988887777", "Ana Souza", datetime.now(UTC))
    await booked(log, chat, today_at(14))
    async with console_as(log, "julia", Role.RECEPTIONIST, projected=True) as http:
        status, _ = await fetched(http, "/agenda")
        assert status == 200
    viewed = [e.event for e in await recent(log) if e.event.action == "viewed_agenda"]
    assert [v.subjects for v in viewed] == [(chat,)]
    assert all("Ana" not in v.detail for v in viewed)


async def test_the_inbox_lists_a_handed_off_chat_with_its_recent_words(log: EventLog) -> None:
    at = datetime.now(UTC) - timedelta(minutes=7)
    chat = await registered_patient(log, "5511988887777", "Ana Souza", at)
    await handed_over(log, chat)
    async with console_as(log, "julia", Role.RECEPTIONIST, projected=True) as http:
        _, listed = await fetched(http, "/atendimento")
        _, shown = await fetched(http, f"/atendimento/{chat}")
    assert "Ana Souza" in listed and "há 7 min" in listed
    assert "Devolver ao robô" in shown
    assert "720 min" in shown  # the quiet period


async def test_a_staff_reply_is_a_reply_event_recorded_once(log: EventLog) -> None:
    chat = await registered_patient(log, "5511988887777", "Ana Souza", datetime.now(UTC))
    await handed_over(log, chat)
    async with console_as(log, "julia", Role.RECEPTIONIST, projected=True) as http:
        form = await hidden_fields(http, f"/atendimento/{chat}")
        form |= {"text": "Olá Ana, aqui é a Júlia."}
        for _ in range(2):  # a double click
            async with http.post(f"/atendimento/{chat}/responder", data=form) as sent:
                assert sent.status == 200
    replies = await events_of(log, chat, ReplyRequested)
    chat_id, _ = chat_of("5511988887777")
    assert [(r.text, r.chat_id, r.by) for r in replies] == [
        ("Olá Ana, aqui é a Júlia.", chat_id, "julia")
    ]


async def test_a_reply_to_a_chat_not_in_handoff_is_refused_and_nothing_is_sent(
    log: EventLog,
) -> None:
    chat = await registered_patient(log, "5511988887777", "Ana Souza", datetime.now(UTC))
    async with console_as(log, "julia", Role.RECEPTIONIST, projected=True) as http:
        form = {"form_id": "ab" * 16, "text": "Olá Ana, aqui é a Júlia."}
        path = f"/atendimento/{chat}"
        status, text = await posted(http, f"{path}/responder", form, token_from=path)
        assert status == 409
        assert "não está com a equipe" in text
    assert not await events_of(log, chat, ReplyRequested)


async def test_giving_a_chat_back_to_the_bot_ends_its_handoff(log: EventLog) -> None:
    chat = await registered_patient(log, "5511988887777", "Ana Souza", datetime.now(UTC))
    await handed_over(log, chat)
    async with console_as(log, "julia", Role.RECEPTIONIST, projected=True) as http:
        path = f"/atendimento/{chat}"
        status, _ = await posted(http, f"{path}/devolver", {}, token_from=path)
        assert status == 200
    ended = await events_of(log, chat, HandoffEnded)
    assert ended == [HandoffEnded(reason="released", by="julia")]


async def test_the_dpo_sees_a_subjects_consent_with_its_evidence(log: EventLog) -> None:
    chat = await registered_patient(log, "5511988887777", "Ana Souza", datetime.now(UTC))
    async with console_as(log, "carla", Role.DPO, projected=True) as http:
        _, text = await posted(http, "/dpo/consentimento", {"titular": "+55 11 98888-7777"})
    assert chat in text
    assert "consentimento dado" in text and "sim, aceito" in text


async def test_the_dpo_sees_who_looked_at_whose_data(log: EventLog) -> None:
    chat = await registered_patient(log, "5511988887777", "Ana Souza", datetime.now(UTC))
    await handed_over(log, chat)
    async with console_as(log, "julia", Role.RECEPTIONIST, projected=True) as http:
        status, _ = await fetched(http, f"/atendimento/{chat}")
        assert status == 200
    async with console_as(log, "carla", Role.DPO, projected=True) as http:
        _, text = await fetched(http, "/dpo/acessos")
    assert "julia" in text and "viu uma conversa" in text and chat[:9] in text


async def test_a_bad_subject_gets_a_clear_answer(log: EventLog) -> None:
    async with console_as(log, "carla", Role.DPO) as http:
        status, text = await posted(http, "/dpo/consentimento", {"titular": "<script>"})
    assert status == 400
    assert "<script>" not in text
    assert not [e for e in await recent(log) if isinstance(e.event, StaffActed)
                and e.event.action == "viewed_consent"]  # fmt: skip
