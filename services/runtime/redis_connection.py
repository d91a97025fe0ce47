"""The services' Redis client: connections that never lose a cancellation, pipelines
whose errors never carry a command's arguments.

With a socket timeout set, redis-py bounds every write with ``asyncio.wait_for``. On
Python 3.11, ``wait_for`` returns the inner result when the write completes in the same
loop iteration as the caller's cancellation, and the cancellation is gone (CPython
gh-86296; 3.12 rebuilt ``wait_for`` on ``asyncio.timeout``). The write finishes almost at
once, so the window is wide: cancelled at random, two calls in three returned normally,
and a cancelled consumer went on renewing its leases for ever. These connections notice
a cancellation requested during a write and raise it.

A ``rediss://`` URL speaks TLS; ``RedisTls`` holds the CA to verify the server with and
the client's own certificate, where the server asks for one.

A failed command of a pipeline is named, in redis-py's error, with all its arguments:
refused by a Redis out of memory or read-only, the HSETNX that stores a subject's key put
the raw key into the error, and from there into the gateway's log. These pipelines name
the command alone.
"""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import hiredis
from redis.asyncio import Redis
from redis.asyncio.client import Pipeline
from redis.asyncio.connection import (
    AbstractConnection,
    BlockingConnectionPool,
    Connection,
    parse_url,
)

from services.runtime import settings


class _KeepsCancellation(AbstractConnection):
    def pack_command(self, *args: Any) -> list[bytes]:
        # The bytes redis-py's hiredis packer sends, without its Python pass over every
        # argument first (a batch of appends is hundreds of them): hiredis encodes str as
        # UTF-8 (strictly), int and float as redis-py does, and refuses anything else.
        # A name of letters only: redis-py would split one such as "SCRIPT LOAD" in two.
        first = args[0]
        encoder = self.encoder
        if (
            isinstance(first, str | bytes)
            and first.isalpha()
            and encoder.encoding == "utf-8"
            and encoder.encoding_errors == "strict"
        ):
            try:
                return [hiredis.pack_command(args)]
            except TypeError:
                pass  # a bool, a memoryview, None: redis-py's own way, and its own error
        return super().pack_command(*args)

    async def send_packed_command(
        self, command: bytes | str | Iterable[bytes], check_health: bool = True
    ) -> None:
        task = asyncio.current_task()
        requested = task.cancelling() if task is not None else 0
        await super().send_packed_command(command, check_health)
        if task is not None and task.cancelling() > requested:
            # The command went out and its reply will never be read: the connection
            # cannot be reused.
            await self.disconnect(nowait=True)
            raise asyncio.CancelledError


@functools.cache
def keeping_cancellation(base: type[AbstractConnection]) -> type[AbstractConnection]:
    """``base`` (TCP, TLS or Unix socket connection) with cancellations kept."""
    return type(f"CancellationKeeping{base.__name__}", (_KeepsCancellation, base), {})


def blocking_pool(url: str, **options: Any) -> BlockingConnectionPool:
    """A pool for ``url`` (as ``BlockingConnectionPool.from_url``) whose connections keep
    cancellations. A URL that cannot be one raises ``ValueError``."""
    url_options: dict[str, Any] = dict(parse_url(url))
    base = url_options.pop("connection_class", Connection)
    # No CLIENT SETINFO on connecting: each service's Redis user may send only the commands
    # its work needs (ops/redis/users.acl).
    options = {"driver_info": None, **options}
    # As in from_url, what the URL says wins over the keyword options.
    return BlockingConnectionPool(
        connection_class=keeping_cancellation(base), **{**options, **url_options}
    )


@dataclass(frozen=True, slots=True)
class RedisTls:
    """TLS to Redis: the server's certificate is verified (against ``ca_file``, or the
    system's CAs) and its host name checked; ``cert_file``/``key_file``: the client's."""

    ca_file: Path | None = None
    cert_file: Path | None = None
    key_file: Path | None = None

    @classmethod
    def from_env(cls, env: Mapping[str, str], url: str) -> RedisTls | None:
        """REDIS_TLS_* for a ``rediss://`` URL; None for a plain one, which must not have
        them (a deployment that meant TLS would otherwise run in clear)."""
        names = ("REDIS_TLS_CA_FILE", "REDIS_TLS_CERT_FILE", "REDIS_TLS_KEY_FILE")
        ca, cert, key = (_readable_file(env, name) for name in names)
        # rediss+cluster:// is the same over TLS to every node of a cluster.
        if not url.startswith(("rediss://", "rediss+cluster://")):
            if ca or cert or key:
                raise settings.SettingsError("REDIS_TLS_* need a rediss:// REDIS_URL")
            return None
        if (cert is None) != (key is None):
            raise settings.SettingsError(
                "REDIS_TLS_CERT_FILE and REDIS_TLS_KEY_FILE go together: set both or neither"
            )
        # The URL's options win over these (as in redis-py's from_url): one saying
        # ssl_cert_reqs=none would turn the server's verification off without a word.
        if any(name.startswith("ssl") for name in parse_qs(urlsplit(url).query)):
            raise settings.SettingsError(
                "REDIS_URL: TLS is set by REDIS_TLS_*, not by ssl_* options in the URL"
            )
        return cls(ca, cert, key)

    def options(self) -> dict[str, Any]:
        """redis-py's connection options for it."""
        files = {"ssl_ca_certs": self.ca_file, "ssl_certfile": self.cert_file,
                 "ssl_keyfile": self.key_file}  # fmt: skip
        return {"ssl_cert_reqs": "required", "ssl_check_hostname": True,
                **{k: str(v) for k, v in files.items() if v is not None}}  # fmt: skip


def _readable_file(env: Mapping[str, str], name: str) -> Path | None:
    value = settings.text(env, name, "")
    if not value:
        return None
    path = Path(value)
    if not path.is_file():
        raise settings.SettingsError(f"{name} {value!r} is not a file")
    return path


class _QuietPipeline(Pipeline):
    def annotate_exception(
        self, exception: Exception, number: int, command: Iterable[object]
    ) -> None:
        name = next(iter(command), "?")
        name = name.decode(errors="replace") if isinstance(name, bytes) else str(name)
        cause = exception.args[0] if exception.args else ""
        message = f"command #{number} ({name}) of a pipeline failed: {cause}"
        exception.args = (message, *exception.args[1:])


class ServicesRedis(Redis):
    """A client whose pipelines report a failed command by its name only."""

    def pipeline(self, transaction: bool = True, shard_hint: str | None = None) -> Pipeline:
        return _QuietPipeline(
            self.connection_pool, self.response_callbacks, transaction, shard_hint
        )
