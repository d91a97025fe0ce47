"""Staff console benchmark: how long a login and the main pages take on a full day.

    bench/run console [--patients N] [--handed H] [--requests R]

Writes N registered patients (default 200), each with an appointment today, the first H of
them (default 10) handed over to a person, to a fresh embedded Redis; projects them; serves
the console in this process; then, for a receptionist and for the DPO (an admin sees no
patient's data), logs in R times and asks each of the role's pages R times (default 20)
over one keep-alive connection, one request at a time, and prints the median and 90th
percentile of each.
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
    handed_over,
    log_in,
    registered_patient,
    serving_console,
)
from tests.support.projecting import caught_up, projecting

# The pages each role sees (an admin sees no patient's data), by a member of staff of it.
PAGES = {
    ("julia", Role.RECEPTIONIST): (
        "/agenda", "/agenda?ver=semana", "/agenda/versao", "/atendimento", "/atendimento/versao",
        "/pacientes?telefone=11900000007", "/pacientes?nome=paciente+7",
    ),
    ("dora", Role.DPO): ("/dpo/acessos",),
}  # fmt: skip


async def measure(patients: int, handed: int, requests: int, directory: Path) -> None:
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
        for name, role in PAGES:
            await add_staff(log, name, role)
        morning = datetime.now(SP).replace(hour=8, minute=0, second=0, microsecond=0)
        for n in range(patients):
            chat = await registered_patient(log, f"55119{n:08d}", f"Paciente {n}",
                                            datetime.now(UTC))  # fmt: skip
            # Every 3 minutes from 8:00 to 18:00, then again from 8:00: all of them today.
            await booked(log, chat, morning + timedelta(minutes=3 * (n % 200)))
            if n < handed:
                await handed_over(log, chat)
        async with projecting(redis, keyspace, keys), serving_console(log) as base:
            await caught_up(redis, keyspace, NAMES)
            timings: dict[str, list[float]] = {"POST /login": []}
            for (name, _), pages in PAGES.items():
                async with browser(base) as http:
                    for _ in range(requests):
                        started = time.perf_counter()
                        await log_in(http, name)
                        timings["POST /login"].append(time.perf_counter() - started)
                    for path in pages:
                        timings[path] = []
                        for _ in range(requests):
                            started = time.perf_counter()
                            async with http.get(path) as response:
                                await response.read()
                                assert response.status == 200, (path, response.status)
                            timings[path].append(time.perf_counter() - started)
        await redis.aclose()
    finally:
        server.stop()
    print(f"{patients} patients booked today, {handed} of them in a person's hands, "
          f"{requests} requests each, one at a time")  # fmt: skip
    print(f"{'request':<34} {'p50 ms':>8} {'p90 ms':>8}")
    for name, values in timings.items():
        print(f"{name:<34} {percentile(values, 0.5) * 1000:8.1f} "
              f"{percentile(values, 0.9) * 1000:8.1f}")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(prog="bench/run console")
    parser.add_argument("--patients", type=int, default=200)
    parser.add_argument("--handed", type=int, default=10, help="patients in a person's hands")
    parser.add_argument("--requests", type=int, default=20)
    args = parser.parse_args()
    os.environ.pop("SUBJECT_KEY_KEK_FILE", None)
    with tempfile.TemporaryDirectory() as directory:
        asyncio.run(measure(args.patients, args.handed, args.requests, Path(directory)))


if __name__ == "__main__":
    main()
