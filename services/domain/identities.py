"""One person, one conversation: the identity map of WhatsApp ids.

WhatsApp names a person by their phone number (``5511…@c.us``, ``…@s.whatsapp.net``) and,
since its privacy changes, by a linked id (``…@lid``); WAHA passes on whichever the phone
used. Each id would otherwise key a conversation of its own, with its own consent and
history. When WAHA reveals that two ids are one person (a webhook carrying both, its LID
endpoints, a send answer), the map folds their chat keys into one identity: the chat key
of the conversation seen first. From then on every event of either id is logged under it;
what was logged before under the other key stays there, linked by an ``IdentityLinked``
event in the identity's chat.

The map holds chat keys only (keyed hashes, never a phone number), in one Redis slot of its
own, so that each fold is one script. This module is the only place that reads or changes it.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import cast

from events import Envelope, Keyspace, new_envelope
from events.redis_client import RedisClient
from events.schema import IdentityLinked
from services.domain import chats

Append = Callable[[Envelope, str], Awaitable[object]]
"""Appends an event to the log once per idempotency key (``EventLog.append``)."""

PHONE_SERVER = "c.us"
LINKED_SERVER = "lid"


def _script(name: str) -> str:
    return resources.files("services.domain").joinpath("lua", f"{name}.lua").read_text()


def is_linked_id(chat_id: str) -> bool:
    """Whether a normalised chat id is a linked id (``…@lid``) rather than a phone number."""
    return chat_id.endswith(f"@{LINKED_SERVER}")


def is_phone_id(chat_id: str) -> bool:
    """Whether a normalised chat id names a person by their phone number."""
    return chat_id.endswith(f"@{PHONE_SERVER}")


@dataclass(frozen=True, slots=True)
class Sighting:
    """Two ids WAHA revealed to be one person's: the phone-number id and the linked id."""

    phone_id: str
    linked_id: str
    source: str


def sighting(first: str | None, second: str | None, source: str) -> Sighting | None:
    """The sighting two raw ids make: one a phone number and the other a linked id, in
    either order; None for anything else (a missing id, a group, two of a kind)."""
    if not first or not second:
        return None
    try:
        a, b = chats.normalize_chat_id(first), chats.normalize_chat_id(second)
    except chats.ChatIdInvalid:
        return None
    if is_phone_id(a) and is_linked_id(b):
        return Sighting(phone_id=a, linked_id=b, source=source)
    if is_linked_id(a) and is_phone_id(b):
        return Sighting(phone_id=b, linked_id=a, source=source)
    return None


@dataclass(frozen=True, slots=True)
class Link:
    """A fold the map made: ``folded_chat`` belongs to ``chat`` from now on."""

    chat: str
    folded_chat: str
    sighting: Sighting
    pending_as: str

    def envelope(self, session: str) -> Envelope:
        """The event that records the fold, in the chat that absorbs the other."""
        event = IdentityLinked(
            chat_id=self.sighting.phone_id,
            linked_chat_id=self.sighting.linked_id,
            folded_chat=self.folded_chat,
            source=self.sighting.source,
        )
        return new_envelope(event, chat=self.chat, session=session)

    @property
    def idempotency_key(self) -> str:
        # One fold is one fact, however many deliveries reveal it.
        return f"identity:{self.chat}:{self.folded_chat}"


@dataclass(frozen=True, slots=True)
class Folding:
    """The chat key an event belongs to, and the folds still to be recorded."""

    chat: str
    links: tuple[Link, ...]


@dataclass(frozen=True, slots=True)
class Arrival:
    """An event's chat key as it arrived (None: no event) and the sightings beside it."""

    session: str
    chat: str | None
    sightings: Sequence[Sighting] = ()


class IdentityMap:
    """The map of chat keys to the identity (chat key) of the person they name."""

    def __init__(self, redis: RedisClient, keyspace: Keyspace, secret: bytes) -> None:
        self.redis = redis
        self.secret = secret
        self._members = keyspace.in_slot("identities", "member")
        self._seen = keyspace.in_slot("identities", "seen")
        self._identities = keyspace.in_slot("identities", "identity")
        self._order = keyspace.in_slot("identities", "order")
        self._pending = keyspace.in_slot("identities", "pending")
        self._fold = redis.register_script(_script("fold_identities"))
        self._forget = redis.register_script(_script("forget_identity"))

    def chat_key(self, session: str, chat_id: str) -> str:
        """The chat key a normalised chat id of ``session`` is logged under, before folding."""
        return chats.chat_key(self.secret, session, chat_id)

    async def fold(
        self,
        session: str,
        chat: str | None,
        sightings: Sequence[Sighting] = (),
        *,
        known_only: bool = False,
    ) -> Folding:
        """Fold what ``sightings`` reveal, then the identity ``chat`` belongs to.

        With ``known_only``, a sighting of a person none of whose ids has been seen in a
        webhook is passed over: the map holds nothing of people who never wrote. The
        folds returned stay pending until :meth:`recorded` is told they are in the log; a
        delivery retried after a crash gets them again, so none goes unrecorded.
        """
        [folding] = await self.fold_many([Arrival(session, chat, sightings)], known_only=known_only)
        return folding

    async def fold_many(
        self, arrivals: Sequence[Arrival], *, known_only: bool = False
    ) -> list[Folding]:
        """:meth:`fold` for each of ``arrivals``, in order, in one script call."""
        keys = [self._members, self._seen, self._identities, self._order, self._pending]
        args: list[str | int] = ["1" if known_only else "0"]
        pairs_of = []
        for arrival in arrivals:
            pairs = [
                (self.chat_key(arrival.session, s.phone_id),
                 self.chat_key(arrival.session, s.linked_id))
                for s in arrival.sightings
            ]  # fmt: skip
            pairs_of.append(pairs)
            args += [arrival.chat or "", len(pairs), *(key for pair in pairs for key in pair)]
        answers = cast(
            list[tuple[bytes, list[list[bytes | int]]]], await self._fold(keys=keys, args=args)
        )
        return [
            _folding(arrival, pairs, identity, folds)
            for arrival, pairs, (identity, folds) in zip(arrivals, pairs_of, answers, strict=True)
        ]

    async def learn(
        self,
        session: str,
        chat: str | None,
        sightings: Sequence[Sighting],
        append: Append,
        *,
        known_only: bool = False,
    ) -> str:
        """Fold what ``sightings`` reveal (as :meth:`fold`), record each fold in the log
        with ``append``, and say which identity ``chat`` belongs to ("" for no chat)."""
        folding = await self.fold(session, chat, sightings, known_only=known_only)
        for link in folding.links:
            await append(link.envelope(session), link.idempotency_key)
        await self.recorded(folding.links)
        return folding.chat

    async def recorded(self, links: Sequence[Link]) -> None:
        """The folds ``links`` are in the log: they are no longer pending."""
        if links:
            await self.redis.hdel(self._pending, *(link.pending_as for link in links))

    async def identity(self, chat: str) -> str:
        """The chat key of the person ``chat`` names: ``chat`` itself unless it was folded."""
        found = cast(bytes | None, await self.redis.hget(self._members, chat))
        return found.decode() if found else chat

    async def chats_of(self, chat: str) -> list[str]:
        """Every chat key of the person ``chat`` names, their identity first."""
        identity = await self.identity(chat)
        held = cast(bytes | None, await self.redis.hget(self._identities, identity))
        return held.decode().split() if held else [identity]

    async def forget(self, chat: str) -> list[str]:
        """Drop every chat key of the person ``chat`` names from the map (their erasure);
        the keys dropped, their identity first."""
        keys = [self._members, self._seen, self._identities]
        members = cast(list[bytes], await self._forget(keys=keys, args=[chat]))
        return [member.decode() for member in members]


def _folding(
    arrival: Arrival, pairs: list[tuple[str, str]], identity: bytes, folds: list[list[bytes | int]]
) -> Folding:
    links = tuple(
        Link(
            chat=_text(kept),
            folded_chat=_text(folded),
            sighting=arrival.sightings[int(index)],
            pending_as=" ".join(pairs[int(index)]),
        )
        for index, kept, folded in folds
    )
    return Folding(chat=identity.decode() if arrival.chat else "", links=links)


def _text(value: bytes | int) -> str:
    return value.decode() if isinstance(value, bytes) else str(value)
