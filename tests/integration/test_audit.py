"""wsm audit: a conversation's timeline that a person can read."""

from __future__ import annotations

import argparse
import io

from hypothesis import given

from events.schema import DomainEvent
from services.cli.audit import audit, describe
from services.ingest.settings import IngestSettings
from tests.support.cli import operator_env
from tests.support.strategies import events_
from tests.support.whole_stack import Phone, Stack


@given(events_)
def test_every_event_type_has_a_description(event: DomainEvent) -> None:
    assert describe(event) != type(event).__name__


async def test_the_timeline_tells_the_conversation_in_order(
    stack: Stack,
    ingest_settings: IngestSettings,
) -> None:
    http, sim_url, _ = stack
    phone = Phone(http, sim_url, "5511977770009")
    for text in ("oi", "sim", "Nina", "marcar amanhã às 15h", "sim"):
        await phone.say(text)
    env = operator_env(ingest_settings.store.redis_url)
    out = io.StringIO()
    args = argparse.Namespace(chat="5511977770009@c.us", session="default", json=False)
    assert await audit(args, env, out) == 0
    kinds = [line.split("  ", 1)[1].split("  ")[0].strip() for line in out.getvalue().splitlines()]
    assert kinds[:3] == ["message received", "privacy notice shown", "reply decided"]
    timeline = out.getvalue()
    assert "consent GRANTED       version 2026-11 by 'sim'" in timeline
    assert "name registered       'Nina'" in timeline
    assert "at 2026-11-25 15:00" in timeline  # the clinic's time
    assert timeline.count("reply sent") == 5


async def test_an_unknown_chat_is_said_to_have_no_events(
    ingest_settings: IngestSettings, redis: object
) -> None:
    args = argparse.Namespace(chat="5511900001111@c.us", session="default", json=False)
    env = operator_env(ingest_settings.store.redis_url)
    assert await audit(args, env, io.StringIO()) == 1
