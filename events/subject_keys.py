"""The data subjects' keys: one per chat, next to its partition's log, wrapped.

Writers take a chat's key from a bounded cache (the first message of a chat costs one
round trip that creates it); the append script checks that the key is still the chat's,
so an erasure is never outrun by a stale cache. Readers fetch keys per batch, uncached:
once a key is deleted, no process opens that subject's data again.

Redis holds each key wrapped with the key-encryption key (``events.key_wrapping``) when
one is given, as every service is; without one (a library use, a test) keys are stored
as they are.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterable
from typing import NamedTuple, cast

from events.codec import encode_entry
from events.envelope import Envelope
from events.key_wrapping import KekMismatch, KeyRing, fingerprint_of
from events.keys import Keyspace
from events.redis_client import RedisClient
from events.schema import SubjectErased
from events.scripts import Scripts
from events.sealing import new_subject_key

DEFAULT_CACHE_SIZE = 100_000
OPENED_CACHE_SIZE = 10_000


class SubjectKey(NamedTuple):
    """A chat's key, and the form Redis holds it in (what the append script compares)."""

    key: bytes
    stored: bytes


class SubjectKeys:
    """Creates, hands out and erases the keys that seal each data subject's personal data."""

    def __init__(
        self,
        redis: RedisClient,
        keyspace: Keyspace,
        *,
        keys: KeyRing | None = None,
        cache_size: int = DEFAULT_CACHE_SIZE,
    ) -> None:
        self.redis = redis
        self.keyspace = keyspace
        self.ring = keys
        self.cache_size = cache_size
        self._cache: OrderedDict[str, SubjectKey] = OrderedDict()
        self._opened: OrderedDict[tuple[str, bytes], bytes] = OrderedDict()
        self._scripts = Scripts.register(redis)

    def wrapped(self, key: bytes, chat: str) -> bytes:
        """``key`` as Redis holds it."""
        return key if self.ring is None else self.ring.wrap(key, chat)

    def opened(self, stored: bytes, chat: str) -> bytes:
        """The key a stored value holds (unwrapping costs as much as opening an event, and
        a replay meets a subject's key once per batch: the last ones are remembered, by
        their stored form, so an erased key still has to be read from Redis first)."""
        if self.ring is None:
            if fingerprint_of(stored) is not None:
                # Taken as a key, a wrapped one would open nothing: every subject would read
                # as erased, silently.
                raise KekMismatch("a subject key is wrapped and no key-encryption key was given")
            return stored
        found = self._opened.get((chat, stored))
        if found is None:
            found = self.ring.unwrap(stored, chat)
            self._opened[(chat, stored)] = found
            if len(self._opened) > OPENED_CACHE_SIZE:
                self._opened.popitem(last=False)
        return found

    async def for_writing(self, chats: Iterable[str]) -> dict[str, SubjectKey]:
        """The key of each chat, created for a chat that has none."""
        found: dict[str, SubjectKey] = {}
        missing: list[str] = []
        for chat in dict.fromkeys(chats):
            key = self._cache.get(chat)
            if key is None:
                missing.append(chat)
            else:
                self._cache.move_to_end(chat)
                found[chat] = key
        if missing:
            async with self.redis.pipeline(transaction=False) as pipe:
                for chat in missing:
                    store = self.keyspace.subject_keys(self.keyspace.partition_of(chat))
                    pipe.hsetnx(store, chat, self.wrapped(new_subject_key(), chat))
                    pipe.hget(store, chat)
                replies = await pipe.execute()
            for chat, stored in zip(missing, replies[1::2], strict=True):
                held = SubjectKey(self.opened(cast(bytes, stored), chat), cast(bytes, stored))
                found[chat] = self._remember(chat, held)
        return found

    def _remember(self, chat: str, key: SubjectKey) -> SubjectKey:
        self._cache[chat] = key
        if len(self._cache) > self.cache_size:
            self._cache.popitem(last=False)
        return key

    def forget(self, chat: str) -> None:
        """Drop a cached key that turned out stale (the subject was erased)."""
        self._cache.pop(chat, None)

    async def for_reading(self, partition: int, chats: Iterable[str]) -> dict[str, bytes]:
        """The keys that still exist among ``chats`` of one partition."""
        found = await self.stored(partition, chats)
        return {chat: self.opened(stored, chat) for chat, stored in found.items()}

    async def stored(self, partition: int, chats: Iterable[str]) -> dict[str, bytes]:
        """The keys that still exist among ``chats`` of one partition, as stored (each
        opened with :meth:`opened`), in one read."""
        wanted = list(dict.fromkeys(chats))
        if not wanted:
            return {}
        keys = await self.redis.hmget(self.keyspace.subject_keys(partition), wanted)
        found = zip(wanted, cast(list[bytes | None], keys), strict=True)
        return {chat: stored for chat, stored in found if stored}

    async def erase(self, erasure: Envelope) -> str | None:
        """Delete the chat's key and append ``erasure`` (a SubjectErased) in one step.

        Returns the erasure's entry id, or None when the chat had no key: never seen, or
        already erased, so erasing twice records one erasure.
        """
        if not isinstance(erasure.event, SubjectErased):
            raise TypeError("an erasure is recorded with a SubjectErased event")
        chat = erasure.chat
        partition = self.keyspace.partition_of(chat)
        fields = [item for pair in encode_entry(erasure).items() for item in pair]
        entry_id = await self._scripts.erase_subject(
            keys=[self.keyspace.subject_keys(partition), self.keyspace.stream(partition)],
            args=[chat, *fields],
        )
        self.forget(chat)
        return cast(bytes, entry_id).decode() if entry_id else None

    async def rewrap(self, partition: int) -> tuple[int, int]:
        """Wrap every key of a partition not wrapped with the current key-encryption key
        (an old one's, or one stored before keys were wrapped) with it, in one script;
        how many were re-wrapped, and how many still are not (changed meanwhile)."""
        if self.ring is None:
            raise TypeError("re-wrapping needs the key-encryption keys")
        store = self.keyspace.subject_keys(partition)
        held = cast(dict[bytes, bytes], await self.redis.hgetall(store))
        stale = [(chat.decode(), stored) for chat, stored in held.items()]
        stale = [(chat, stored) for chat, stored in stale if not self.ring.is_current(stored)]
        if not stale:
            return 0, 0
        triples = [
            item
            for chat, stored in stale
            for item in (chat, stored, self.ring.wrap(self.opened(stored, chat), chat))
        ]
        rewrapped = cast(int, await self._scripts.rewrap_subject_keys(keys=[store], args=triples))
        return rewrapped, len(stale) - rewrapped
