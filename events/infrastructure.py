"""Failures of Redis or the network, not of the entry being handled: they are waited out
and retried, never counted against an entry."""

from __future__ import annotations

from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

INFRASTRUCTURE_ERRORS = (RedisConnectionError, RedisTimeoutError, OSError)
