"""The DPO carries out a data subject's requests in the console, each behind a
confirmation: access (the export), correction, erasure."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from events import EventLog
from events.schema import NameCorrected, SubjectErased
from services.console.accountability import recent
from services.console.staff import Role
from tests.support.console import (
    console_as,
    csrf_of,
    events_of,
    fetched,
    posted,
    registered_patient,
    submitted,
)


async def test_the_dpo_downloads_everything_held_about_a_subject(log: EventLog) -> None:
    chat = await registered_patient(log, "5511988887777", "Ana Souza", datetime.now(UTC))
    async with (
        console_as(log, "carla", Role.DPO, projected=True) as http,
        submitted(http, f"/dpo/titular/{chat}/exportar", {}) as done,
    ):
        assert "attachment" in done.headers["Content-Disposition"]
        document = await done.json()
    assert document["subject"] == chat
    assert document["session"]["conversation"]["name"] == "Ana Souza"
    latest, *_ = await recent(log)
    assert latest.event.action == "exported_subject"


async def test_the_dpo_corrects_a_subjects_name(log: EventLog) -> None:
    chat = await registered_patient(log, "5511988887777", "Ana Souza", datetime.now(UTC))
    async with console_as(log, "carla", Role.DPO, projected=True) as http:
        _, text = await posted(http, f"/dpo/titular/{chat}/corrigir", {"name": "Ana Souza Lima"})
        assert "Nome corrigido" in text
    assert await events_of(log, chat, NameCorrected) == [
        NameCorrected(name="Ana Souza Lima", requested_by="carla")
    ]


async def test_a_name_that_cannot_be_one_is_refused_and_nothing_is_recorded(log: EventLog) -> None:
    chat = await registered_patient(log, "5511988887777", "Ana Souza", datetime.now(UTC))
    async with console_as(log, "carla", Role.DPO, projected=True) as http:
        status, _ = await posted(http, f"/dpo/titular/{chat}/corrigir", {"name": "<b>Ana</b>"})
        assert status == 400
    assert await events_of(log, chat, NameCorrected) == []


async def test_an_erasure_needs_its_confirmation_word(log: EventLog) -> None:
    chat = await registered_patient(log, "5511988887777", "Ana Souza", datetime.now(UTC))
    async with console_as(log, "carla", Role.DPO, projected=True) as http:
        page = f"/dpo/titular/{chat}/apagar"
        csrf = await csrf_of(http, page)
        async with http.post(page, data={"csrf": csrf, "confirmacao": "sim"}) as refused:
            assert refused.status == 400
        assert await events_of(log, chat, SubjectErased) == []
        async with http.post(page, data={"csrf": csrf, "confirmacao": "APAGAR"}) as done:
            assert "Dados pessoais do titular apagados" in await done.text()
    [erased] = await events_of(log, chat, SubjectErased)
    assert isinstance(erased, SubjectErased) and erased.requested_by == "carla"


async def test_a_receptionist_cannot_carry_out_a_subjects_request(log: EventLog) -> None:
    chat = await registered_patient(log, "5511988887777", "Ana Souza", datetime.now(UTC))
    async with console_as(log, "julia", Role.RECEPTIONIST) as http:
        form = {"confirmacao": "APAGAR"}
        status, _ = await posted(http, f"/dpo/titular/{chat}/apagar", form, token_from="/agenda")
        assert status == 403
    assert await events_of(log, chat, SubjectErased) == []


async def test_an_unknown_request_is_not_found(log: EventLog) -> None:
    async with console_as(log, "carla", Role.DPO) as http:
        status, text = await fetched(http, f"/dpo/titular/c{'0' * 32}/vender")
    assert status == 404
    assert re.search(r"não encontrada", text)
