"""What an operator is told when a command fails: one line and an exit code.

Bad input (a setting, an argument, a layout the configuration does not match) exits 2;
a failure of the world (Redis away, a port taken) exits 1. Messages name what to fix and
never carry an exception's own text where it could hold personal data.
"""

from __future__ import annotations

import errno
from dataclasses import dataclass

from redis.exceptions import AuthenticationError
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

from events.codec import CorruptEntry
from events.infrastructure import CLUSTER_SETTLING
from events.log import LayoutMismatch
from services.domain.subjects import SubjectInvalid
from services.runtime.embedded_redis import RedisUnavailable
from services.runtime.lifecycle import StoppedLate
from services.runtime.ports import PortBusy
from services.runtime.settings import SettingsError

BAD_INPUT = 2
WORLD_FAILED = 1


@dataclass(frozen=True, slots=True)
class Failure:
    """What the operator is told, and the exit code."""

    exit_code: int
    message: str


def leaves(error: BaseException) -> list[BaseException]:
    """The errors inside (possibly nested) exception groups, in order."""
    if isinstance(error, BaseExceptionGroup):
        return [leaf for inner in error.exceptions for leaf in leaves(inner)]
    return [error]


def known_failure(error: BaseException) -> Failure | None:
    """The operator's line for a failure we know, or None for an unexpected error."""
    for leaf in leaves(error):
        failure = _describe(leaf)
        if failure is not None:
            return failure
    return None


def _describe(error: BaseException) -> Failure | None:
    match error:
        case SettingsError() | LayoutMismatch() | SubjectInvalid():
            return Failure(BAD_INPUT, str(error))
        case AuthenticationError():
            return Failure(WORLD_FAILED, "Redis refused the credentials of REDIS_URL")
        case RedisConnectionError() | RedisTimeoutError():
            # redis-py's text names the address and the cause, never the password.
            return Failure(WORLD_FAILED, f"Redis cannot be reached: {error}")
        case CorruptEntry():
            return Failure(WORLD_FAILED, f"the log holds an entry that cannot be read: {error}")
        case PortBusy() | StoppedLate() | RedisUnavailable():
            return Failure(WORLD_FAILED, str(error))
        case OSError(errno=errno.EADDRINUSE):
            return Failure(WORLD_FAILED, f"an address to listen on is already in use ({error})")
        case _ if isinstance(error, CLUSTER_SETTLING):
            # A Redis Cluster down or settling (a failover, a slot moving): its kind only,
            # as its text may name nodes.
            return Failure(WORLD_FAILED, f"Redis is not serving ({type(error).__name__})")
    return None


def unexpected(error: BaseException) -> Failure:
    """The operator's line for an error we did not expect: its kind, never its text."""
    leaf = leaves(error)[0]
    return Failure(
        WORLD_FAILED,
        f"unexpected {type(leaf).__name__}; run it again with --debug to see the traceback",
    )
