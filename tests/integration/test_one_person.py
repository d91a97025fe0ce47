"""One person, one conversation: a patient WhatsApp names by a linked id (``…@lid``) and by
their phone number meets the bot once, consents once, and is exported and erased whole.
Webhooks in each engine's own shape (tests/support/linked_ids.py) go through the real
gateway to the real conductor on a real Redis."""

from __future__ import annotations

import argparse
import asyncio
import io
import json
from collections.abc import Sequence
from typing import Any, TypeVar

import aiohttp
import pytest
from aiohttp.test_utils import TestClient, TestServer
from redis.asyncio import Redis

from events import EventLog, Keyspace, MessageReceived
from events.schema import (
    ConsentGranted,
    DomainEvent,
    IdentityLinked,
    PrivacyNoticeShown,
    ReplyRequested,
)
from services.cli import lgpd
from services.cli.audit import audit
from services.domain.chats import DEVELOPMENT_CHAT_KEY_SECRET, chat_key
from services.projector.admin_api import create_admin_app
from services.waha_sim.app import Simulator
from tests.support.cli import operator_env
from tests.support.linked_ids import LINKED, PHONE, gows_message, noweb_message
from tests.support.redis_contents import everything_in
from tests.support.waha import encode, signed_headers, text_message

Event = TypeVar("Event", bound=DomainEvent)
SECRET = DEVELOPMENT_CHAT_KEY_SECRET.encode()
BY_PHONE = chat_key(SECRET, "default", PHONE)
BY_LINKED = chat_key(SECRET, "default", LINKED)


class Patient:
    """One person's phone, posting WAHA's webhooks to the gateway, signed, one at a time."""

    def __init__(self, http: aiohttp.ClientSession, url: str, log: EventLog) -> None:
        self.http = http
        self.url = url
        self.log = log

    async def says(self, body: dict[str, Any]) -> None:
        """Deliver a webhook and wait for the bot's answer to it."""
        raw = encode(body)
        before = len(await self.logged(ReplyRequested))
        async with self.http.post(self.url, data=raw, headers=signed_headers(raw)) as response:
            assert response.status == 200, await response.text()
            assert (await response.json())["status"] == "accepted"
        for _ in range(400):
            if len(await self.logged(ReplyRequested)) > before:
                return
            await asyncio.sleep(0.025)
        raise AssertionError("the bot did not answer")

    async def logged(self, kind: type[Event]) -> list[tuple[str, Event]]:
        """Every event of a kind in the log, with the chat it is under."""
        found: list[tuple[str, Event]] = []
        async for record in self.log.scan():
            event = record.envelope.event
            if isinstance(event, kind):
                found.append((record.envelope.chat, event))
        return found


def chats_of(found: Sequence[tuple[str, DomainEvent]]) -> set[str]:
    return {chat for chat, _ in found}


@pytest.fixture
def patient(
    stack: tuple[aiohttp.ClientSession, str, Simulator], redis: Redis, keyspace: Keyspace
) -> Patient:
    http, _, simulator = stack
    assert simulator.webhook_url is not None
    return Patient(http, simulator.webhook_url, EventLog(redis, keyspace))


async def test_a_person_writing_under_both_ids_is_one_conversation_with_one_consent(
    patient: Patient,
) -> None:
    await patient.says(noweb_message("N1", "oi"))
    await patient.says(noweb_message("N2", "sim"))
    await patient.says(text_message("W3", chat=PHONE, body="Maria Silva"))
    assert chats_of(await patient.logged(MessageReceived)) == {BY_PHONE}
    assert len(await patient.logged(PrivacyNoticeShown)) == 1
    assert chats_of(await patient.logged(ConsentGranted)) == {BY_PHONE}
    assert len(await patient.logged(ConsentGranted)) == 1


async def test_an_id_learnt_mid_conversation_joins_the_conversation_already_begun(
    patient: Patient,
) -> None:
    await patient.says(text_message("W1", chat=PHONE, body="oi"))
    await patient.says(text_message("W2", chat=PHONE, body="sim"))
    await patient.says(gows_message("G3", "Maria Silva"))
    [(chat, linked)] = await patient.logged(IdentityLinked)
    assert chat == BY_PHONE
    assert (linked.chat_id, linked.linked_chat_id) == (PHONE, LINKED)
    assert linked.folded_chat == BY_LINKED
    assert chats_of(await patient.logged(MessageReceived)) == {BY_PHONE}
    assert len(await patient.logged(PrivacyNoticeShown)) == 1


async def test_earlier_events_under_the_other_id_stay_where_they_are(patient: Patient) -> None:
    await patient.says(text_message("W1", chat=PHONE, body="oi"))
    await patient.says(noweb_message("N2", "oi", alt=None))  # nothing yet says who this is
    await patient.says(noweb_message("N3", "quero marcar uma consulta"))
    said = await patient.logged(MessageReceived)
    assert sorted(chat for chat, _ in said) == sorted([BY_PHONE, BY_LINKED, BY_PHONE])
    [(chat, linked)] = await patient.logged(IdentityLinked)
    assert (chat, linked.folded_chat) == (BY_PHONE, BY_LINKED)


def environment(redis_url: str) -> dict[str, str]:
    return operator_env(redis_url)


async def a_person_known_under_both_ids(patient: Patient) -> None:
    await patient.says(text_message("W1", chat=PHONE, body="oi"))
    await patient.says(noweb_message("N2", "oi", alt=None))
    await patient.says(noweb_message("N3", "sim"))


async def test_an_export_of_either_id_covers_both_conversations(
    patient: Patient, redis_url: str
) -> None:
    await a_person_known_under_both_ids(patient)
    for named in (PHONE, LINKED):
        out = io.StringIO()
        args = lgpd_args(named)
        assert await lgpd.export(args, environment(redis_url), out) == 0
        document = json.loads(out.getvalue())
        assert document["subject"] == BY_PHONE
        [other] = document["linked_conversations"]
        assert other["subject"] == BY_LINKED
        assert {e["chat"] for e in document["events"]} == {BY_PHONE}
        assert {e["chat"] for e in other["events"]} == {BY_LINKED}


async def test_an_erasure_of_either_id_shreds_both_conversations(
    patient: Patient, redis_url: str, redis: Redis, keyspace: Keyspace
) -> None:
    await a_person_known_under_both_ids(patient)
    out = io.StringIO()
    assert await lgpd.erase(lgpd_args(LINKED), environment(redis_url), out) == 0
    for chat in (BY_PHONE, BY_LINKED):
        history = await EventLog(redis, keyspace).chat_history(chat)
        said = [r.envelope.event for r in history if isinstance(r.envelope.event, MessageReceived)]
        assert said and all(event.text == "" and event.chat_id == "" for event in said)


def lgpd_args(subject: str) -> argparse.Namespace:
    return argparse.Namespace(subject=subject, session="default", requested_by="dpo", name=None)


async def test_the_admin_api_names_the_person_by_either_id(
    patient: Patient, redis: Redis, keyspace: Keyspace
) -> None:
    await a_person_known_under_both_ids(patient)
    token = "t" * 40
    app = create_admin_app(EventLog(redis, keyspace), token=token, chat_key_secret=SECRET)
    async with TestClient(TestServer(app)) as admin:
        response = await admin.get(
            f"/v1/subjects/{LINKED}/export", headers={"Authorization": f"Bearer {token}"}
        )
        assert response.status == 200, await response.text()
        document = await response.json()
    assert document["subject"] == BY_PHONE
    assert [other["subject"] for other in document["linked_conversations"]] == [BY_LINKED]


async def test_the_audit_of_either_id_tells_the_conversation_and_where_the_rest_is(
    patient: Patient, redis_url: str
) -> None:
    await a_person_known_under_both_ids(patient)
    out = io.StringIO()
    args = argparse.Namespace(chat=LINKED, session="default", json=False)
    assert await audit(args, environment(redis_url), out) == 0
    assert f"one person, two ids   {PHONE} is {LINKED}; earlier under {BY_LINKED}" in (
        out.getvalue()
    )


async def test_neither_id_of_a_folded_person_is_readable_in_redis(
    patient: Patient, redis: Redis
) -> None:
    await patient.says(noweb_message("N1", "oi"))
    [(_, linked)] = await patient.logged(IdentityLinked)
    assert (linked.chat_id, linked.linked_chat_id) == (PHONE, LINKED)  # the log opens them
    held = await everything_in(redis)
    for number in (PHONE.split("@")[0], LINKED.split("@")[0]):
        assert number.encode() not in held
