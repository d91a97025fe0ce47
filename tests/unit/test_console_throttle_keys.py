"""The login throttle's Redis key names: keyed digests of accounts and addresses."""

from __future__ import annotations

import hashlib

from events import Keyspace
from services.console.throttle import Limits, LoginThrottle
from services.runtime.store import StoreSettings

KEYSPACE = Keyspace(prefix="wsm", partitions=4)


def throttle(secret: bytes) -> LoginThrottle:
    # The client is never used: naming keys does no I/O.
    redis = StoreSettings(redis_url="redis://127.0.0.1:1/0").connect()
    return LoginThrottle(redis, KEYSPACE, Limits(), secret)


def test_an_addresss_key_names_no_unkeyed_digest_of_it() -> None:
    _, key = throttle(b"s" * 32).keys_of("julia", "203.0.113.9")
    for unkeyed in (hashlib.blake2b(b"203.0.113.9", digest_size=12).hexdigest(),
                    hashlib.sha256(b"203.0.113.9").hexdigest()[:24]):  # fmt: skip
        assert unkeyed not in key


def test_another_secret_names_other_keys_for_the_same_address() -> None:
    assert throttle(b"a" * 32).keys_of("julia", "203.0.113.9") != throttle(b"b" * 32).keys_of(
        "julia", "203.0.113.9"
    )
