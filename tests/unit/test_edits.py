"""An edited message, as the front desk takes it: the latest one, edited soon, is the
message; anything else is on record only."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from events.schema import DomainEvent, MessageEdited, MessageReceived, ReplyRequested
from services.conductor.turn import EDIT_SEEN, Turn, noting_the_edit
from services.domain.conversation import EDIT_WINDOW, Conversation, edit_as_message, evolve

CHAT = "5511999990000@c.us"
SAID_AT = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)


def said(bare: str, text: str, at: datetime = SAID_AT) -> MessageReceived:
    return MessageReceived(message_id=f"false_{CHAT}_{bare}", chat_id=CHAT, sender=CHAT,
                           text=text, sent_at=at)  # fmt: skip


def edit(bare: str, text: str, *, after: timedelta = timedelta(minutes=1),
         from_me: bool = False, edit_id: str = "E1") -> MessageEdited:  # fmt: skip
    return MessageEdited(message_id=f"{str(from_me).lower()}_{CHAT}_{bare}",
                         edit_id=f"false_{CHAT}_{edit_id}", chat_id=CHAT, text=text,
                         from_me=from_me, edited_at=SAID_AT + after)  # fmt: skip


def conversation(*messages: MessageReceived) -> Conversation:
    state = Conversation()
    for message in messages:
        state = evolve(state, message)
    return state


def test_an_edit_of_the_latest_message_soon_after_is_taken_as_the_message() -> None:
    state = conversation(said("M1", "amanhã às 15h"))
    taken = edit_as_message(state, edit("M1", "amanhã às 16h"))
    assert taken is not None
    assert (taken.message_id, taken.text) == (f"false_{CHAT}_M1", "amanhã às 16h")


def test_an_edit_of_an_earlier_message_is_only_recorded() -> None:
    state = conversation(said("M1", "amanhã às 15h"), said("M2", "obrigada"))
    assert edit_as_message(state, edit("M1", "amanhã às 16h")) is None
    assert evolve(state, edit("M1", "amanhã às 16h")) == state


def test_an_edit_long_after_the_message_is_only_recorded() -> None:
    state = conversation(said("M1", "amanhã às 15h"))
    late = edit("M1", "amanhã às 16h", after=EDIT_WINDOW + timedelta(seconds=1))
    assert edit_as_message(state, late) is None


def test_an_edit_by_the_business_is_only_recorded() -> None:
    state = conversation(said("M1", "amanhã às 15h"))
    assert edit_as_message(state, edit("M1", "oi", from_me=True)) is None


def test_a_second_edit_of_the_same_message_is_taken_too() -> None:
    state = evolve(conversation(said("M1", "às 15h")), edit("M1", "às 16h"))
    taken = edit_as_message(state, edit("M1", "às 17h", after=timedelta(minutes=2)))
    assert taken is not None and taken.text == "às 17h"


def test_the_edit_is_matched_whatever_form_the_chat_takes_in_its_id() -> None:
    state = conversation(said("M1", "às 15h"))
    other_form = MessageEdited(message_id="false_123456789@lid_M1", edit_id="E1", chat_id=CHAT,
                               text="às 16h", from_me=False,
                               edited_at=SAID_AT + timedelta(minutes=1))  # fmt: skip
    assert edit_as_message(state, other_form) is not None


async def decide(turn: Turn) -> list[DomainEvent]:
    quoted = turn.message.message_id
    return [ReplyRequested(reply_id="r1", chat_id=CHAT, text="Marcado às 16h.",
                           in_reply_to=quoted),
            ReplyRequested(reply_id="r2", chat_id=CHAT, text="Até amanhã.",
                           in_reply_to=quoted)]  # fmt: skip


async def test_the_answer_to_an_edit_opens_with_a_note_that_it_was_seen() -> None:
    turn = Turn("s", "e", said("M1", "às 16h"), Conversation(), SAID_AT)
    first, second = await noting_the_edit(decide)(turn)
    assert isinstance(first, ReplyRequested) and isinstance(second, ReplyRequested)
    assert first.text == f"{EDIT_SEEN}\n\nMarcado às 16h."
    assert second.text == "Até amanhã."


async def test_the_answer_to_an_edit_quotes_nothing_the_first_answer_quoted() -> None:
    # The outbox takes a redelivered reply for sent when the chat holds one quoting the
    # same message: the answer to the first version does.
    turn = Turn("s", "e", said("M1", "às 16h"), Conversation(), SAID_AT)
    replies = await noting_the_edit(decide)(turn)
    assert [r.in_reply_to for r in replies if isinstance(r, ReplyRequested)] == [None, None]
