"""The identity map on a real Redis: which chat key a person's events go to, and when."""

from __future__ import annotations

import uuid

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from redis.asyncio import Redis

from events import Keyspace
from services.domain.identities import Arrival, IdentityMap, Sighting

SECRET = b"identity-map-test-secret-0123456789"
PHONE = "5511988887777@c.us"
LINKED = "123456789012345@lid"
OTHER_LINKED = "998877665544332@lid"


@pytest.fixture
def identities(redis: Redis, keyspace: Keyspace) -> IdentityMap:
    return IdentityMap(redis, keyspace, SECRET)


def key(identities: IdentityMap, chat_id: str) -> str:
    return identities.chat_key("default", chat_id)


def seen_together(phone: str = PHONE, linked: str = LINKED) -> Sighting:
    return Sighting(phone_id=phone, linked_id=linked, source="webhook")


async def test_a_chat_never_linked_is_its_own_identity(identities: IdentityMap) -> None:
    folding = await identities.fold("default", key(identities, PHONE))
    assert folding.chat == key(identities, PHONE)
    assert folding.links == ()


async def test_a_batch_of_arrivals_folds_as_the_same_calls_one_after_another_would(
    identities: IdentityMap,
) -> None:
    linked, phone = key(identities, LINKED), key(identities, PHONE)
    foldings = await identities.fold_many([
        Arrival("default", linked),
        Arrival("default", phone, [seen_together()]),
        Arrival("default", None, [seen_together()]),
        Arrival("default", phone),
    ])  # fmt: skip
    assert [folding.chat for folding in foldings] == [linked, linked, "", linked]
    # The fold stays pending until recorded: each arrival revealing it is told of it.
    assert [[(link.chat, link.folded_chat) for link in f.links] for f in foldings] == [
        [], [(linked, phone)], [(linked, phone)], []
    ]  # fmt: skip


async def test_ids_first_seen_together_are_kept_under_the_phone_number(
    identities: IdentityMap,
) -> None:
    linked = key(identities, LINKED)
    folding = await identities.fold("default", linked, [seen_together()])
    assert folding.chat == key(identities, PHONE)
    [link] = folding.links
    assert (link.chat, link.folded_chat) == (key(identities, PHONE), linked)


async def test_the_conversation_seen_first_keeps_its_key(identities: IdentityMap) -> None:
    linked = key(identities, LINKED)
    await identities.fold("default", linked)
    folding = await identities.fold("default", key(identities, PHONE), [seen_together()])
    assert folding.chat == linked
    assert [(link.chat, link.folded_chat) for link in folding.links] == [
        (linked, key(identities, PHONE))
    ]
    assert await identities.identity(key(identities, PHONE)) == linked


async def test_a_fold_not_recorded_is_given_again_to_the_retried_delivery(
    identities: IdentityMap,
) -> None:
    first = await identities.fold("default", key(identities, LINKED), [seen_together()])
    retried = await identities.fold("default", key(identities, LINKED), [seen_together()])
    assert retried.links == first.links


async def test_a_recorded_fold_is_not_given_again(identities: IdentityMap) -> None:
    first = await identities.fold("default", key(identities, LINKED), [seen_together()])
    await identities.recorded(first.links)
    again = await identities.fold("default", key(identities, LINKED), [seen_together()])
    assert again.links == ()
    assert again.chat == key(identities, PHONE)


async def test_two_identities_of_one_person_become_one_with_every_member(
    identities: IdentityMap,
) -> None:
    phone, linked, other = (key(identities, i) for i in (PHONE, LINKED, OTHER_LINKED))
    await identities.fold("default", phone)
    await identities.fold("default", other)
    await identities.fold("default", linked, [seen_together(PHONE, OTHER_LINKED)])
    folding = await identities.fold("default", linked, [seen_together(PHONE, LINKED)])
    assert folding.chat == phone
    assert await identities.chats_of(other) == [phone, other, linked]


async def test_ids_of_another_session_are_another_person(identities: IdentityMap) -> None:
    await identities.fold("default", None, [seen_together()])
    elsewhere = identities.chat_key("second", LINKED)
    assert await identities.identity(elsewhere) == elsewhere


async def test_forgetting_a_person_drops_every_one_of_their_chat_keys(
    identities: IdentityMap,
) -> None:
    phone, linked = key(identities, PHONE), key(identities, LINKED)
    await identities.fold("default", linked, [seen_together()])
    assert await identities.forget(linked) == [phone, linked]
    assert await identities.identity(linked) == linked
    assert await identities.chats_of(phone) == [phone]


PHONES = [f"55119000000{n:02d}@c.us" for n in range(3)]
LINKS = [f"2000000000000{n:02d}@lid" for n in range(3)]
step = st.one_of(
    st.tuples(st.just("writes"), st.sampled_from(PHONES + LINKS)),
    st.tuples(st.sampled_from(PHONES), st.sampled_from(LINKS)),
)


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])  # fmt: skip
@given(steps=st.lists(step, max_size=12))
async def test_every_id_belongs_to_the_id_of_its_people_seen_first(
    redis: Redis, steps: list[tuple[str, str]]
) -> None:
    # A key prefix of its own per example: the fixture's Redis is shared by the examples.
    identities = IdentityMap(redis, Keyspace(prefix=f"p{uuid.uuid4().hex[:12]}"), SECRET)
    order: dict[str, int] = {}
    joined: dict[str, set[str]] = {}
    for first, second in steps:
        if first == "writes":
            await identities.fold("default", key(identities, second))
            order.setdefault(second, len(order))
            joined.setdefault(second, {second})
            continue
        folding = await identities.fold("default", None, [seen_together(first, second)])
        await identities.recorded(folding.links)
        for chat_id in (first, second):
            order.setdefault(chat_id, len(order))
            joined.setdefault(chat_id, {chat_id})
        together = joined[first] | joined[second]
        assert len(folding.links) == (joined[first] is not joined[second])
        for chat_id in together:
            joined[chat_id] = together
    for chat_id, people in joined.items():
        first_seen = min(people, key=order.__getitem__)
        assert await identities.identity(key(identities, chat_id)) == key(identities, first_seen)
        held = await identities.chats_of(key(identities, chat_id))
        assert held[0] == key(identities, first_seen)
        assert sorted(held) == sorted(key(identities, each) for each in people)
