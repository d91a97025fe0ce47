"""The services' Redis Cluster client, chosen by a ``redis+cluster://`` REDIS_URL, with the
guarantees of the single client (``redis_connection``): connections that never lose a
cancellation, pipelines whose errors never carry a command's arguments, and a bound on
connections that *waits* for a free one rather than failing.

redis-py's cluster client keeps, per node, a list of connections that raises
``MaxConnectionsError`` once ``max_connections`` are in use, where the single client's
``BlockingConnectionPool`` waits up to its timeout. Here every command and every pipeline
first takes one of ``max_connections`` permits, waiting up to ``timeout``: no node can
then be asked for more connections than it may open (a pipeline holds at most one
connection per node at a time).

The URL: ``redis+cluster://[[user]:password@]host:port[,host:port...][?options]``, or
``rediss+cluster://`` for TLS. The nodes are seeds: the client asks them for the
cluster's layout and follows it (MOVED, ASK, failovers).
"""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import re
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any, cast
from urllib.parse import urlsplit

from redis.asyncio.cluster import ClusterNode, ClusterPipeline, RedisCluster
from redis.asyncio.connection import Connection, SSLConnection, parse_url
from redis.exceptions import MaxConnectionsError, RedisError

from services.runtime.redis_connection import keeping_cancellation

CLUSTER_SCHEMES = {"redis+cluster": "redis", "rediss+cluster": "rediss"}

_holding = contextvars.ContextVar("holding_cluster_permit", default=False)
_ANNOTATED = re.compile(r"^Command # (\d+) \(")


def is_cluster_url(url: str) -> bool:
    """Whether ``url`` names a Redis Cluster (``redis+cluster://`` or ``rediss+cluster://``)."""
    return url.split("://", 1)[0].lower() in CLUSTER_SCHEMES


@dataclass(frozen=True, slots=True)
class ClusterUrl:
    """A cluster URL read: the seed nodes and the options every node's connection takes."""

    seeds: tuple[tuple[str, int], ...]
    options: dict[str, Any]
    tls: bool


def parse_cluster_url(url: str) -> ClusterUrl:
    """Read a ``redis+cluster://`` URL; ``ValueError`` (naming no secret) when it is none."""
    scheme, _, rest = url.partition("://")
    single_scheme = CLUSTER_SCHEMES.get(scheme.lower())
    if single_scheme is None:
        raise ValueError("a cluster URL starts with redis+cluster:// or rediss+cluster://")
    credentials, at, hosts_and_rest = rest.rpartition("@")
    hosts, sep, tail = _split_hosts(hosts_and_rest)
    if not hosts:
        raise ValueError("a cluster URL names at least one host:port")
    seeds = []
    options: dict[str, Any] = {}
    for host in hosts.split(","):
        split = urlsplit(f"//{host}")
        try:
            port = split.port
        except ValueError:
            raise ValueError("a cluster node's port must be a number") from None
        if not split.hostname or port is None:
            raise ValueError("each cluster node is given as host:port")
        seeds.append((split.hostname, port))
        # Each seed read as a single Redis URL: the same checks and options as the
        # single client's (credentials, query options).
        options = dict(parse_url(f"{single_scheme}://{credentials}{at}{host}{sep}{tail}"))
    for placed in ("host", "port"):
        options.pop(placed, None)
    for placed in ("host", "port"):
        options.pop(placed, None)
    if options.pop("db", 0) not in (0, "0"):
        raise ValueError("a Redis Cluster has database 0 only")
    tls = options.pop("connection_class", Connection) is SSLConnection
    return ClusterUrl(seeds=tuple(seeds), options=options, tls=tls)


def _split_hosts(text: str) -> tuple[str, str, str]:
    """``hosts``, then the separator and what follows (``/0``, ``?options``)."""
    for index, char in enumerate(text):
        if char in "/?":
            return text[:index], char, text[index + 1 :]
    return text, "", ""


class _QuietClusterPipeline(ClusterPipeline):
    """A pipeline whose failed command is named by its name only: redis-py's message puts
    the command's arguments into the error (and from there into logs)."""

    async def execute(
        self, raise_on_error: bool = True, allow_redirections: bool = True
    ) -> list[Any]:
        queue = self._execution_strategy._command_queue  # type: ignore[attr-defined]
        names = [_command_name(command.args) for command in queue]
        client = self.cluster_client
        assert isinstance(client, ServicesRedisCluster)
        try:
            async with client.permit():
                return await super().execute(raise_on_error, allow_redirections)
        except RedisError as exc:
            _quieten(exc, names)
            raise


def _command_name(args: tuple[Any, ...]) -> str:
    name = args[0] if args else "?"
    return name.decode(errors="replace") if isinstance(name, bytes) else str(name)


def _quieten(exc: BaseException, names: list[str]) -> None:
    message = exc.args[0] if exc.args else ""
    if not isinstance(message, str):
        return
    found = _ANNOTATED.match(message)
    if found is None:
        return
    number = int(found.group(1))
    name = "MULTI" if number == 0 else names[number - 1] if number <= len(names) else "?"
    _, _, cause = message.partition(" of pipeline caused error: ")
    exc.args = (f"command #{number} ({name}) of a pipeline failed: {cause}", *exc.args[1:])


class ServicesRedisCluster(RedisCluster):
    """The cluster client of the services (see the module's docstring)."""

    def __init__(self, *, timeout: float = 10, **options: Any) -> None:
        super().__init__(**options)
        # Set after redis-py's own constructor, which names its connection class itself.
        base = self.connection_kwargs["connection_class"]
        keeping = cast(type[Connection], keeping_cancellation(base))
        self.connection_kwargs["connection_class"] = keeping
        for node in self.startup_nodes:
            node.connection_class = keeping
        self._permits = asyncio.Semaphore(int(options.get("max_connections", 100)))
        self._permit_timeout = timeout

    @contextlib.asynccontextmanager
    async def permit(self) -> AsyncIterator[None]:
        """One of the bounded permits, waited for up to the pool's timeout; a command
        run by a holder (a pipeline retrying a command alone) takes none."""
        if _holding.get():
            yield
            return
        try:
            async with asyncio.timeout(self._permit_timeout):
                await self._permits.acquire()
        except TimeoutError:
            raise MaxConnectionsError("No connection available.") from None
        token = _holding.set(True)
        try:
            yield
        finally:
            _holding.reset(token)
            self._permits.release()

    async def execute_command(self, *args: Any, **kwargs: Any) -> Any:
        async with self.permit():
            return await super().execute_command(*args, **kwargs)

    def pipeline(
        self, transaction: Any | None = None, shard_hint: Any | None = None
    ) -> ClusterPipeline:
        if shard_hint:
            return super().pipeline(transaction, shard_hint)  # refused by redis-py
        # As redis-py's own pipeline(): mypy takes an attribute its commands declare
        # for an abstract one.
        return _QuietClusterPipeline(self, transaction)  # type: ignore[abstract]


def cluster_client(url: str, **options: Any) -> ServicesRedisCluster:
    """The cluster client for ``url`` with ``options`` (as for the single client's pool:
    ``max_connections``, ``timeout``, socket timeouts, TLS files); what the URL says wins."""
    parsed = parse_cluster_url(url)
    options = {"driver_info": None, **options}
    # No CLIENT SETINFO on connecting (as the single client): see redis_connection.
    tls_options = {key: options.pop(key) for key in list(options) if key.startswith("ssl")}
    if parsed.tls:
        options.update(ssl=True, **tls_options)
    seeds = [ClusterNode(host, port) for host, port in parsed.seeds]
    return ServicesRedisCluster(startup_nodes=seeds, **{**options, **parsed.options})
