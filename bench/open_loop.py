"""A lean open-loop HTTP/1.1 load generator: fixed request rate, keep-alive connections.

Requests are pre-encoded bytes and responses are parsed only as far as their length, so
the generator costs a fraction of what a full client would, and leaves the CPU of this
small machine to the server being measured. Latency is taken from each request's
scheduled time (no coordinated omission).
"""

from __future__ import annotations

import asyncio
import time
from collections import deque
from dataclasses import dataclass, field


@dataclass
class _Connection(asyncio.Protocol):
    done: asyncio.Queue[_Connection]
    transport: asyncio.Transport | None = None
    buffer: bytearray = field(default_factory=bytearray)
    started: float = 0.0
    status: int = 0
    latencies: list[float] = field(default_factory=list)
    errors: int = 0

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self.transport = transport

    def send(self, request: bytes, scheduled: float) -> None:
        assert self.transport is not None
        self.started = scheduled
        self.transport.write(request)

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        head_end = self.buffer.find(b"\r\n\r\n")
        if head_end < 0:
            return
        head = bytes(self.buffer[:head_end]).lower()
        start = head.find(b"content-length:")
        length = int(head[start + 15 : head.find(b"\r\n", start)]) if start >= 0 else 0
        if len(self.buffer) < head_end + 4 + length:
            return
        loop = asyncio.get_running_loop()
        self.latencies.append((loop.time() - self.started) * 1000)
        self.errors += not head.startswith(b"http/1.1 200")
        del self.buffer[: head_end + 4 + length]
        self.done.put_nowait(self)


def http_post(host: str, port: int, path: str, headers: dict[str, str], body: bytes) -> bytes:
    lines = [f"POST {path} HTTP/1.1", f"Host: {host}:{port}", f"Content-Length: {len(body)}"]
    lines += [f"{name}: {value}" for name, value in headers.items()]
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + body


async def run(
    host: str,
    port: int,
    requests: list[bytes],
    rate: float,
    connections: int = 64,
    sent_at: list[float] | None = None,
) -> tuple[list[float], int]:
    """Send ``requests`` at ``rate`` per second; latencies (ms) and the count of non-200s.

    ``sent_at``, if given, receives each request's scheduled time (wall clock, seconds).
    """
    loop = asyncio.get_running_loop()
    idle: asyncio.Queue[_Connection] = asyncio.Queue()
    pool = []
    for _ in range(connections):
        _, protocol = await loop.create_connection(lambda: _Connection(idle), host, port)
        pool.append(protocol)
        idle.put_nowait(protocol)
    backlog: deque[float] = deque()
    start = loop.time() + 0.1
    wall_offset = time.time() - loop.time()
    for i, request in enumerate(requests):
        scheduled = start + i / rate
        delay = scheduled - loop.time()
        if delay > 0:
            await asyncio.sleep(delay)
        backlog.append(scheduled)
        if sent_at is not None:
            sent_at.append(scheduled + wall_offset)
        # A request waits for a free connection; its wait counts in its latency.
        connection = await idle.get()
        connection.send(request, backlog.popleft())
    for _ in range(connections):
        await idle.get()
    for connection in pool:
        assert connection.transport is not None
        connection.transport.close()
    latencies = [ms for c in pool for ms in c.latencies]
    return latencies, sum(c.errors for c in pool)
