"""The conductor's handlers are the kind a consumer tells what they must forget: the
conversation handler of partitions given up, the outbox of replies dead-lettered."""

from __future__ import annotations

from events.consumer import ClearsWhenGivenUp, KeepsPartitions
from services.conductor.handler import ConversationHandler
from services.conductor.outbox import Outbox


def test_the_conversation_handler_is_told_of_the_partitions_its_consumer_gives_up() -> None:
    assert issubclass(ConversationHandler, KeepsPartitions)


def test_the_outbox_is_told_of_the_replies_its_consumer_dead_letters() -> None:
    assert issubclass(Outbox, ClearsWhenGivenUp)
