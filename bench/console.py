"""Staff console benchmark: how long a login and the main pages take on a full day.

    bench/run console [--patients N] [--requests R]

Writes N registered patients (default 200), each with an appointment today, to a fresh
embedded Redis; projects them; serves the console in this process; then logs in R times
and asks each page R times (default 20) over one keep-alive connection, one request at a
time, and prints the median and 90th percentile of each.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bench.ingest import percentile
from events import EventLog, Keyspace
from events.key_wrapping import KeyEncryptionKey, KeyRing, new_kek_text
from services.console.staff import Role
from services.projector.name_index import GROUP as NAMES
from services.runtime.embedded_redis import RedisServer
from services.runtime.store import StoreSettings
from tests.support.console import (
    SP,
    add_staff,
    booked,
    browser,
    log_in,
    registered_patient,
    serving_console,
)
from tests.support.projecting import caught_up, projecting

PAGES = ("/agenda", "/agenda?ver=semana", "/agenda/versao", "/atendimento", "/dpo/acessos",
         "/pacientes?telefone=11900000007", "/pacientes?nome=paciente+7")  # fmt: skip


async def measure(patients: int, requests: int, directory: Path) -> None:
    kek_path = directory / "kek"
    kek_path.write_text(new_kek_text())
    keys = KeyRing(KeyEncryptionKey.from_file(kek_path))
    server = RedisServer(directory / "redis")
    server.start()
    try:
        redis = StoreSettings(redis_url=server.url).connect()
        keyspace = Keyspace(partitions=16)
        log = EventLog(redis, keyspace, keys=keys)
        await log.ensure_layout()
        await add_staff(log, "root", Role.ADMIN)
        morning = datetime.now(SP).replace(hour=8, minute=0, second=0, microsecond=0)
        for n in range(patients):
            chat = await registered_patient(log, f"55119{n:08d}", f"Paciente {n}",
                                            datetime.now(UTC))  # fmt: skip
            await booked(log, chat, morning + timedelta(minutes=3 * n))
        async with projecting(redis, keyspace, keys), serving_console(log) as base:
            await caught_up(redis, keyspace, NAMES)
            async with browser(base) as http:
                timings: dict[str, list[float]] = {"POST /login": []}
                for _ in range(requests):
                    started = time.perf_counter()
                    await log_in(http, "root")
                    timings["POST /login"].append(time.perf_counter() - started)
                for path in PAGES:
                    timings[path] = []
                    for _ in range(requests):
                        started = time.perf_counter()
                        async with http.get(path) as response:
                            await response.read()
                            assert response.status == 200, path
                        timings[path].append(time.perf_counter() - started)
        await redis.aclose()
    finally:
        server.stop()
    print(f"{patients} patients booked today, {requests} requests each, one at a time")
    print(f"{'request':<34} {'p50 ms':>8} {'p90 ms':>8}")
    for name, values in timings.items():
        print(f"{name:<34} {percentile(values, 0.5) * 1000:8.1f} "
              f"{percentile(values, 0.9) * 1000:8.1f}")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(prog="bench/run console")
    parser.add_argument("--patients", type=int, default=200)
    parser.add_argument("--requests", type=int, default=20)
    args = parser.parse_args()
    os.environ.pop("SUBJECT_KEY_KEK_FILE", None)
    with tempfile.TemporaryDirectory() as directory:
        asyncio.run(measure(args.patients, args.requests, Path(directory)))


if __name__ == "__main__":
    main()
