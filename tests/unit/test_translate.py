"""WAHA webhooks -> domain events, without Redis or HTTP."""

from __future__ import annotations

from typing import Any

import pytest

from events import (
    MessageAcknowledged,
    MessageReceived,
    MessageRevoked,
    ReactionReceived,
    SessionStatusChanged,
)
from events.schema import DomainEvent, MessageEdited, MessageSentByBusiness
from services.domain import chats
from services.ingest.errors import PayloadInvalid
from services.ingest.translate import (
    KNOWN_WAHA_EVENTS,
    SUPPORTED_EVENTS,
    TRANSLATORS,
    Ignored,
    Translated,
    TranslatorTableInvalid,
    dispatch_table,
    parse_webhook,
    translate,
)
from tests.support.waha import (
    BOT,
    ENGINES,
    GROUP,
    MEMBER,
    encode,
    group_message,
    text_message,
    webhook,
)

SECRET = b"secret"


def run(body: dict[str, Any]) -> Translated | Ignored:
    return translate(parse_webhook(encode(body)), body_digest="digest", chat_secret=SECRET)


def translated(body: dict[str, Any]) -> Translated:
    outcome = run(body)
    assert isinstance(outcome, Translated)
    return outcome


@pytest.mark.parametrize(
    ("raw", "canonical"),
    [
        ("5511988887777@c.us", "5511988887777@c.us"),
        ("5511988887777@s.whatsapp.net", "5511988887777@c.us"),
        ("5511988887777:12@s.whatsapp.net", "5511988887777@c.us"),
        ("123456789012345@lid", "123456789012345@lid"),
        ("120363040000000000@g.us", "120363040000000000@g.us"),
    ],
)
def test_every_engine_form_of_a_chat_id_normalises_to_one(raw: str, canonical: str) -> None:
    assert chats.normalize_chat_id(raw) == canonical


def test_the_same_person_under_two_engines_is_one_conversation() -> None:
    webjs = translated(text_message("A1", chat="5511988887777@c.us"))
    noweb = translated(text_message("A2", chat="5511988887777@s.whatsapp.net"))
    assert webjs.envelope.chat == noweb.envelope.chat


def test_the_chat_key_does_not_contain_the_phone_number() -> None:
    outcome = translated(text_message("A1", chat="5511988887777@c.us"))
    assert "5511988887777" not in outcome.envelope.chat


def test_a_text_message_keeps_its_text_time_and_id() -> None:
    outcome = translated(text_message("A1", body="Olá, tudo bem?", timestamp=1764000123))
    event = outcome.envelope.event
    assert isinstance(event, MessageReceived)
    assert event.text == "Olá, tudo bem?"
    assert event.message_id == "false_5511988887777@c.us_A1"
    assert event.sent_at.timestamp() == 1764000123
    assert outcome.envelope.occurred_at == event.sent_at
    assert outcome.idempotency_key == "default:message:false_5511988887777@c.us_A1"


def test_an_audio_message_carries_its_media_metadata() -> None:
    media = {"url": "http://waha/api/files/a.oga", "mimetype": "audio/ogg; codecs=opus",
             "filename": None, "error": None}  # fmt: skip
    event = translated(text_message("A1", body="", hasMedia=True, media=media)).envelope.event
    assert isinstance(event, MessageReceived)
    assert event.media is not None
    assert event.media.mimetype == "audio/ogg; codecs=opus"


@pytest.mark.parametrize("engine", ENGINES)
def test_a_group_message_is_dropped_on_every_engine(engine: str) -> None:
    assert run(group_message(engine)) == Ignored("group")


@pytest.mark.parametrize("engine", ENGINES)
def test_what_the_business_writes_in_a_group_is_dropped_on_every_engine(engine: str) -> None:
    assert run(group_message(engine, from_me=True)) == Ignored("group")


@pytest.mark.parametrize("engine", ENGINES)
def test_the_ack_of_a_group_message_is_dropped(engine: str) -> None:
    body = group_message(engine, from_me=True)
    assert run({**body, "event": "message.ack"}) == Ignored("group")


def test_a_reaction_in_a_group_is_dropped() -> None:
    # WEBJS: the reacting person in ``from`` and ``participant``, the group in ``to``
    # (session.webjs.core.ts, the message.reaction handler).
    payload = {"id": f"false_{GROUP}_R1_{MEMBER}", "from": MEMBER, "fromMe": False,
               "to": GROUP, "participant": MEMBER,
               "reaction": {"text": "👍", "messageId": "M9"}}  # fmt: skip
    assert run(webhook("message.reaction", payload)) == Ignored("group")


def test_a_revoke_in_a_group_is_dropped() -> None:
    before = group_message("NOWEB")["payload"]
    body = webhook("message.revoked", {"after": None, "before": before, "revokedMessageId": "G1"})
    assert run(body) == Ignored("group")


@pytest.mark.parametrize(
    ("chat", "reason"),
    [
        ("status@broadcast", "broadcast"),
        ("1700000000@broadcast", "broadcast"),
        ("120363040000000001@newsletter", "channel"),
    ],
    ids=["status", "broadcast list", "channel"],
)
def test_status_broadcasts_and_channels_are_dropped(chat: str, reason: str) -> None:
    body = text_message("A1", chat=chat, participant=MEMBER)
    assert run(body) == Ignored(reason)


def test_a_person_reacting_in_their_own_chat_is_still_served() -> None:
    # WEBJS names the reacting person in ``participant`` in a one-to-one chat too.
    payload = {"id": "R1", "from": "5511988887777@c.us", "fromMe": False,
               "to": "5511988887777@c.us", "participant": "5511988887777@c.us",
               "reaction": {"text": "👍", "messageId": "M9"}}  # fmt: skip
    assert isinstance(run(webhook("message.reaction", payload)), Translated)


def test_messages_from_the_business_number_are_recorded_in_the_customers_chat() -> None:
    body = text_message("A1", from_me=True, event="message.any", to="5511988887777@c.us")
    outcome = translated(body)
    event = outcome.envelope.event
    assert isinstance(event, MessageSentByBusiness)
    assert (event.chat_id, event.text) == ("5511988887777@c.us", "oi")
    incoming = translated(text_message("A2", chat="5511988887777@c.us"))
    assert outcome.envelope.chat == incoming.envelope.chat


def test_the_echo_of_a_reply_the_bot_sent_through_the_api_is_ignored() -> None:
    body = text_message("A1", from_me=True, event="message.any", source="api")
    assert run(body) == Ignored("own_message")


def test_an_ack_is_keyed_by_message_and_level() -> None:
    body = text_message("A1", from_me=True, ack=3, ackName="READ", event="message.ack")
    outcome = translated(body)
    event = outcome.envelope.event
    assert isinstance(event, MessageAcknowledged)
    assert (event.ack, event.ack_name, event.from_me) == (3, "READ", True)
    assert event.chat_id == "5511988887777@c.us"
    assert outcome.idempotency_key.endswith(":3")


def test_a_reaction_names_the_message_it_reacts_to() -> None:
    payload = {"id": "R1", "from": "5511988887777@c.us", "fromMe": False, "to": BOT,
               "timestamp": 1764000000, "reaction": {"text": "👍", "messageId": "M9"}}  # fmt: skip
    event = translated(webhook("message.reaction", payload)).envelope.event
    assert isinstance(event, ReactionReceived)
    assert (event.reaction, event.target_message_id) == ("👍", "M9")


def test_a_revoke_names_the_revoked_message_by_the_id_it_was_received_under() -> None:
    # NOWEB and GOWS: ``after`` is the revocation (A2), the revoked message is A1, bare.
    after = text_message("A2")["payload"]
    body = webhook("message.revoked", {"after": after, "before": None, "revokedMessageId": "A1"})
    event = translated(body).envelope.event
    assert isinstance(event, MessageRevoked)
    assert event.revoked_message_id == "false_5511988887777@c.us_A1"


def test_two_edits_of_one_message_on_webjs_are_two_events() -> None:
    # WEBJS gives every edit the edited message's own id (the MESSAGE_EDIT handler).
    first = text_message("A1", body="às 16h", event="message.edited", editedMessageId="A1")
    second = text_message("A1", body="às 17h", event="message.edited", editedMessageId="A1")
    keys = {translated(first).idempotency_key, translated(second).idempotency_key}
    assert len(keys) == 2
    assert translated(first).idempotency_key == translated(first).idempotency_key


def test_a_revoke_without_any_message_is_invalid() -> None:
    with pytest.raises(PayloadInvalid):
        run(webhook("message.revoked", {"after": None, "before": None}))


def test_a_session_status_is_logged_under_the_session() -> None:
    outcome = translated(webhook("session.status", {"status": "WORKING", "name": "default"}))
    assert isinstance(outcome.envelope.event, SessionStatusChanged)
    assert outcome.envelope.chat == "session:default"
    assert outcome.idempotency_key == "default:session.status:evt_1"


def test_a_session_name_with_spaces_is_invalid() -> None:
    with pytest.raises(PayloadInvalid, match=r"\$\.session"):
        parse_webhook(encode(webhook("message", {}, session="my session")))


def test_a_timestamp_far_in_the_future_is_invalid() -> None:
    with pytest.raises(PayloadInvalid, match="timestamp"):
        run(text_message("A1", timestamp=10**14))


REACTION = {"id": "R1", "from": "5511988887777@c.us", "fromMe": False, "to": BOT,
            "reaction": {"text": "👍", "messageId": "M9"}}  # fmt: skip
# A kind without a branch of its own used to fall through to the revocation at the end of
# translate; sent with a revocation's body, such a kind must still become no event.
REVOCATION = {"after": text_message("A2")["payload"], "before": None, "revokedMessageId": "A1"}
EDIT = text_message("A3", event="message.edited", editedMessageId="A1")
# One webhook per supported kind, and the event only that kind's translator makes of it.
EVERY_KIND: dict[str, tuple[dict[str, Any], type[DomainEvent]]] = {
    "message": (text_message("A1"), MessageReceived),
    "message.any": (text_message("A1", event="message.any"), MessageReceived),
    "message.ack": (text_message("A1", event="message.ack", ack=3), MessageAcknowledged),
    "message.reaction": (webhook("message.reaction", REACTION), ReactionReceived),
    "message.revoked": (webhook("message.revoked", REVOCATION), MessageRevoked),
    "message.edited": (EDIT, MessageEdited),
    "session.status": (webhook("session.status", {"status": "WORKING"}), SessionStatusChanged),
}


def test_every_supported_kind_has_its_translator() -> None:
    assert TRANSLATORS.keys() == SUPPORTED_EVENTS
    assert EVERY_KIND.keys() == SUPPORTED_EVENTS  # a new kind needs a case there too


@pytest.mark.parametrize("kind", sorted(SUPPORTED_EVENTS))
def test_each_kind_becomes_its_own_event(kind: str) -> None:
    body, event_type = EVERY_KIND[kind]
    assert type(translated(body).envelope.event) is event_type


def test_a_kind_declared_supported_without_a_translator_is_refused() -> None:
    expected = r"without a translator: \['message.waiting'\]"
    with pytest.raises(TranslatorTableInvalid, match=expected):
        dispatch_table(SUPPORTED_EVENTS | {"message.waiting"}, TRANSLATORS)


def test_a_translator_of_a_kind_not_declared_supported_is_refused() -> None:
    translators = {**TRANSLATORS, "message.waiting": TRANSLATORS["message"]}
    with pytest.raises(TranslatorTableInvalid, match=r"not supported: \['message.waiting'\]"):
        dispatch_table(SUPPORTED_EVENTS, translators)


def test_the_table_cannot_be_changed_after_the_check() -> None:
    with pytest.raises(TypeError):
        TRANSLATORS["message.waiting"] = TRANSLATORS["message"]  # type: ignore[index]


@pytest.mark.parametrize("kind", [*sorted(KNOWN_WAHA_EVENTS - SUPPORTED_EVENTS), "made.up"])
def test_a_kind_without_a_translator_is_ignored_never_read_as_another(kind: str) -> None:
    assert run(webhook(kind, REVOCATION)) == Ignored("unsupported_event")


@pytest.mark.parametrize("event", ["message.ack", "message.reaction", "message.edited"])
def test_an_outgoing_kind_naming_no_valid_chat_is_invalid_not_a_crash(event: str) -> None:
    payload = {"id": "not-a-serialized-id", "from": "not a chat", "fromMe": False, "ack": 1,
               "reaction": {"text": "👍", "messageId": "M1"}, "body": "x",
               "editedMessageId": "M1", "timestamp": 1764000000}  # fmt: skip
    with pytest.raises(PayloadInvalid):
        run(webhook(event, payload))
