"""Stream and key naming, and partitioning of chats.

Every key that belongs to a partition carries the partition as a Redis Cluster hash tag
(``wsm:{p7}:...``) so that each Lua script touches a single slot and the same code runs on
a single Redis or on Redis Cluster. On a cluster the tags are spread (``wsm:{p7.440}:...``,
``events.slots``) so that the partitions fall evenly on the shards; a single Redis keeps
the plain tags its log was written with.
"""

from __future__ import annotations

import hashlib
import zlib
from dataclasses import dataclass

from events.slots import spread_tags

DEFAULT_PARTITIONS = 16


@dataclass(frozen=True, slots=True)
class Keyspace:
    """Names every Redis key of one deployment."""

    prefix: str = "wsm"
    partitions: int = DEFAULT_PARTITIONS
    spread: bool = False
    """Tags at evenly spaced cluster slots (for Redis Cluster) rather than plain ``pN``."""

    def __post_init__(self) -> None:
        if not 1 <= self.partitions <= 1024:
            raise ValueError(f"partitions must be between 1 and 1024, got {self.partitions}")
        if not self.prefix or any(c in self.prefix for c in "{} "):
            raise ValueError(f"invalid key prefix {self.prefix!r}")

    def partition_of(self, chat: str) -> int:
        """The partition of a chat: a stable hash, identical across processes and versions."""
        return zlib.crc32(chat.encode()) % self.partitions

    def all_partitions(self) -> range:
        return range(self.partitions)

    def _tag(self, partition: int) -> str:
        if self.spread:
            return f"{self.prefix}:{{{spread_tags(self.partitions)[partition]}}}"
        return f"{self.prefix}:{{p{partition}}}"

    def stream(self, partition: int) -> str:
        """The partition's event log."""
        return f"{self._tag(partition)}:log"

    def dedup(self, partition: int, idempotency_key: str) -> str:
        # Hashed so that ids carrying phone numbers never appear in key names, and so
        # that arbitrarily long keys from the network cost a fixed amount of memory.
        digest = hashlib.blake2b(idempotency_key.encode(), digest_size=16).hexdigest()
        return f"{self._tag(partition)}:dedup:{digest}"

    def subject_keys(self, partition: int) -> str:
        """Hash of chat -> the data subject's key, which opens their personal data."""
        return f"{self._tag(partition)}:subject-keys"

    def archived(self, partition: int) -> str:
        """The id of the last entry moved from the stream into the archive."""
        return f"{self._tag(partition)}:archived"

    def dead_letters(self, partition: int) -> str:
        return f"{self._tag(partition)}:dead"

    def checkpoint(self, partition: int, group: str) -> str:
        """Hash of chat -> last applied entry id, for one consumer group."""
        return f"{self._tag(partition)}:ckpt:{group}"

    def attempts(self, partition: int, group: str) -> str:
        """Hash of entry id -> handling attempts, kept only for entries taken over."""
        return f"{self._tag(partition)}:attempts:{group}"

    def lease(self, partition: int, group: str) -> str:
        return f"{self._tag(partition)}:lease:{group}"

    def fence(self, partition: int, group: str) -> str:
        """Monotonic counter incremented on each new lease: the fencing token."""
        return f"{self._tag(partition)}:fence:{group}"

    def in_partition(self, partition: int, *name: str) -> str:
        """A key a service keeps beside the partition's log, in its slot
        (``wsm:{p7}:NAME``): the partition's scripts may touch it with the log's keys."""
        return ":".join((self._tag(partition), *name))

    def in_every_partition(self, *name: str) -> str:
        """The SCAN pattern of ``in_partition(p, *name)`` for every partition ``p``."""
        return ":".join((f"{self.prefix}:{{p*}}", *name))

    def in_slot(self, slot: str, *name: str) -> str:
        """A key in a slot of its own (``wsm:{SLOT}:NAME``), for keys that one script
        touches together and that belong to no partition."""
        return ":".join((f"{self.prefix}:{{{slot}}}", *name))

    def shared(self, *name: str) -> str:
        """A key that belongs to no partition and is touched alone (``wsm:NAME``)."""
        return ":".join((self.prefix, *name))

    def members(self, group: str) -> str:
        """Sorted set of live consumers of a group, scored by last heartbeat."""
        return f"{self.prefix}:group:{group}:members"

    def archiver(self) -> str:
        """The lock that keeps a single archiver at work."""
        return f"{self.prefix}:archiver"

    def layout(self) -> str:
        """Records the partition count the log was written with (and its spread tags)."""
        return f"{self.prefix}:layout"

    def staff_account(self, name: str) -> str:
        """Hash of one member of staff of the console: role and password hash. The staff's
        keys share a slot: a login counts its account and its address together."""
        return self.in_slot("staff", "account", name)

    def staff_names(self) -> str:
        """Set of the console's staff account names."""
        return self.in_slot("staff", "names")

    def staff_session(self, token_digest: str) -> str:
        """A console login session, under a digest of its cookie's token (the token
        itself is never stored)."""
        return self.in_slot("staff", "session", token_digest)

    def login_failures(self, kind: str, who_digest: str) -> str:
        """Failed console logins lately, per account or per client address (a digest)."""
        return self.in_slot("staff", "login-failures", kind, who_digest)

    @property
    def layout_value(self) -> str:
        """What ``layout()`` holds for this keyspace: the count, then ``spread`` if so."""
        return f"{self.partitions} spread" if self.spread else str(self.partitions)

    def name_token(self, partition: int, digest: str) -> str:
        """Sorted set of the partition's chats whose registered name has the token whose
        keyed hash is ``digest`` (the name index: no name in clear)."""
        return f"{self._tag(partition)}:names:token:{digest}"

    def name_tokens_of(self, partition: int, chat: str) -> str:
        """Sorted set of the keyed hashes of a chat's registered name tokens, so a
        correction or an erasure removes exactly them from the index."""
        return f"{self._tag(partition)}:names:chat:{chat}"
