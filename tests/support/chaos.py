"""Chaos soak: the whole product as separate processes on loopback, while they and Redis
are killed (SIGKILL) and restarted at random; then the promises are checked.

    python -m tests.support.chaos [--chats N] [--seconds S] [--seed K] [--limit S]
                                  [--redis single|cluster] [--kill redis ingest ...]

On a Redis Cluster (``--redis cluster``, ``tests.support.chaos_cluster``) the Redis killed
is a primary, and its replica takes over.

A real Redis with AOF (appendfsync always), ``wsm ingest``, two ``wsm conductor``, ``wsm
projector``, ``wsm waha-sim`` and a model server (``tests.support.chaos_model``); a share of the
model's calls and of WAHA's sends fail or stall. Each chat registers and books (some
chats race for the same slot); every webhook is posted until the gateway answers 2xx, as
WAHA does, and some are posted again later (WAHA retries). Exits non-zero on any
violation:

- every webhook answered 2xx is in the log exactly once;
- every inbound message got exactly one decision (one reply requested);
- every decided reply delivered, or recorded as given up after WAHA's failures;
- no reply delivered twice, but by a conductor that died with the request in flight (the
  next owner finds a reply WAHA took in the chat, and does not send it again);
- no slot is booked twice;
- the read models equal a fresh rebuild of the log;
- dead letters, listed with their causes (there should be none).

A soak that outlives its wall-clock limit (``--limit``) dumps where its tasks wait,
stops everything it started and fails.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import faulthandler
import os
import random
import secrets
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import aiohttp
import msgspec
from redis.asyncio import Redis

from events import EventLog, Keyspace
from events.deadletters import DeadLetters
from events.key_wrapping import KeyEncryptionKey, KeyRing, new_kek_text
from events.lag import group_positions
from events.schema import (
    AppointmentBooked,
    AppointmentCancelled,
    MessageReceived,
    ReplyFailed,
    ReplyRequested,
)
from services.projector.projections import PROJECTIONS, group_of
from services.projector.store import ReadModelKeys
from services.runtime.embedded_redis import RedisServer
from services.runtime.ports import free_port
from services.runtime.store import StoreSettings
from tests.support.chaos_cluster import ENV as CLUSTER_ENV
from tests.support.chaos_cluster import FailingOverCluster
from tests.support.projecting import groups_caught_up, read_model_contents, rebuilt_equals_live
from tests.support.time_limits import unfinished_task_stacks
from tests.support.waha import HMAC_KEY as WAHA_HMAC_KEY
from tests.support.waha import encode, signed_headers, text_message

PARTITIONS = 4
SECRET = secrets.token_hex(32)
HMAC_KEY = WAHA_HMAC_KEY.decode()
# A share of the model's calls fail (429/5xx) or stall, and of WAHA's sends: the groq
# client's retries, the conductor's graceful answer and the outbox's retries all run.
MODEL_FAULTS = ("--fail-rate", "0.1", "--stall-rate", "0.1", "--stall-seconds", "1")
WAHA_FAULTS = {"fail_rate": 0.1, "stall_rate": 0.1, "stall_seconds": 1.0}
SP = ZoneInfo("America/Sao_Paulo")


@dataclass
class Stack:
    """The processes, each restartable."""

    directory: Path
    redis: RedisServer | FailingOverCluster
    seed: int = 1
    ingest_port: int = field(default_factory=free_port)
    sim_port: int = field(default_factory=free_port)
    model_port: int = field(default_factory=free_port)
    processes: dict[str, subprocess.Popen[bytes]] = field(default_factory=dict)

    @property
    def kek_file(self) -> Path:
        """The key-encryption key every process of the stack shares, made on first use."""
        path = self.directory / "subject-key-kek"
        if not path.exists():
            path.write_text(new_kek_text())
        return path

    @property
    def env(self) -> dict[str, str]:
        return {
            **os.environ, "REDIS_URL": self.redis.url, "PARTITIONS": str(PARTITIONS),
            "SUBJECT_KEY_KEK_FILE": str(self.kek_file),
            "WEBHOOK_HMAC_KEY": HMAC_KEY, "CHAT_KEY_SECRET": SECRET,
            "WAHA_URL": f"http://127.0.0.1:{self.sim_port}", "REMINDER_OFFSETS": "off",
            "PACING": "off",  # the soak measures delivery under chaos, not the pacing's waits
            "BURST_WINDOW_SECONDS": "0",  # and a reply to every message it sends
            "GROQ_API_KEY": "chaos", "GROQ_BASE_URL": f"http://127.0.0.1:{self.model_port}",
            "PERSONAL_DATA_RETENTION_DAYS": "0", "LOG_LEVEL": "ERROR",
            **(CLUSTER_ENV if isinstance(self.redis, FailingOverCluster) else {}),
        }  # fmt: skip

    def command(self, name: str) -> list[str]:
        base = [sys.executable, "-m", "services.cli", "--log-level", "ERROR"]
        if name == "ingest":
            return [*base, "ingest", "--port", str(self.ingest_port)]
        if name == "waha-sim":
            return [*base, "waha-sim", "--port", str(self.sim_port)]
        if name == "model":
            model = [sys.executable, "-m", "tests.support.chaos_model"]
            return [*model, "--port", str(self.model_port), *MODEL_FAULTS, "--seed", str(self.seed)]
        if name.startswith("conductor"):
            return [*base, "conductor", "--name", name]
        return [*base, "projector", "--name", name]

    def start(self, name: str) -> None:
        log = (self.directory / f"{name}.log").open("ab")
        self.processes[name] = subprocess.Popen(self.command(name), env=self.env, stderr=log)

    def kill(self, name: str) -> None:
        if name == "redis":
            self.redis.kill()
            return
        process = self.processes[name]
        process.kill()
        process.wait()

    def restart(self, name: str) -> None:
        if name == "redis":
            self.redis.start()
        else:
            self.start(name)

    def supervise(self) -> list[str]:
        """Restart what exited by itself, as compose's or Kubernetes' restart policy would
        (a process starting while Redis is down gives up); what was restarted."""
        exited = [name for name, p in self.processes.items() if p.poll() is not None]
        for name in exited:
            self.start(name)
        return exited

    def stop(self) -> None:
        for process in self.processes.values():
            process.terminate()
        for process in self.processes.values():
            try:
                process.wait(20)
            except subprocess.TimeoutExpired:
                process.kill()


@dataclass
class Tally:
    accepted: dict[str, str] = field(default_factory=dict)  # message id -> entry id
    posts: int = 0
    retried: int = 0
    kills: Counter[str] = field(default_factory=Counter)
    kill_times: list[tuple[float, str]] = field(default_factory=list)
    restarts: Counter[str] = field(default_factory=Counter)


_FIRST_NAMES = ("Ana", "Bruno", "Carla", "Davi", "Elisa", "Fábio", "Gabi", "Heitor", "Iara", "João")


def scripts(chats_: int, rng: random.Random) -> dict[str, list[str]]:
    """Each chat's messages; every fourth pair of chats asks for the same slot."""
    day = date(2026, 11, 30)
    said = {}
    for n in range(chats_):
        slot = n // 2 if n % 4 < 2 else n
        when = f"dia {(day + timedelta(days=(slot // 20) % 10)).day} às {8 + slot % 10}:00"
        name = _FIRST_NAMES[n % len(_FIRST_NAMES)]  # a real name: mash is asked again
        said[f"55119{n:08d}@c.us"] = [
            "oi", "sim", f"{name} Souza", f"quero marcar {when}", "sim", "minhas consultas",
            "obrigado",
        ]  # fmt: skip
    return said


async def post_until_accepted(
    http: aiohttp.ClientSession, url: str, body: bytes, tally: Tally
) -> dict[str, str]:
    while True:
        tally.posts += 1
        try:
            async with http.post(url, data=body, headers=signed_headers(body)) as response:
                if response.status == 200:
                    return dict(await response.json())
        except (TimeoutError, aiohttp.ClientError, OSError):
            pass
        tally.retried += 1
        await asyncio.sleep(0.2)


async def inject_waha_faults(stack: Stack, seed: int) -> None:
    url = f"http://127.0.0.1:{stack.sim_port}/sim/faults"
    async with aiohttp.ClientSession() as http:
        for _ in range(100):
            with contextlib.suppress(aiohttp.ClientError):
                async with http.post(url, json={**WAHA_FAULTS, "seed": seed}) as response:
                    response.raise_for_status()
                    return
            await asyncio.sleep(0.1)
    raise RuntimeError("the WAHA simulator did not start")


async def talk(
    stack: Stack, said: dict[str, list[str]], tally: Tally, rng: random.Random, spread_s: float
) -> None:
    """Every chat's conversation; chats start at random over ``spread_s`` seconds."""
    url = f"http://127.0.0.1:{stack.ingest_port}/webhooks/waha"
    timeout = aiohttp.ClientTimeout(total=10)
    async with aiohttp.ClientSession(timeout=timeout) as http:

        async def one_chat(chat_id: str, texts: list[str]) -> None:
            await asyncio.sleep(rng.uniform(0, spread_s))
            sent: list[bytes] = []
            for i, text in enumerate(texts):
                message_id = f"{chat_id}-{i}"
                body = encode(text_message(message_id, chat=chat_id, body=text))
                answer = await post_until_accepted(http, url, body, tally)
                tally.accepted[f"false_{chat_id}_{message_id}"] = answer["id"]
                sent.append(body)
                if rng.random() < 0.3:  # WAHA retrying an earlier delivery
                    await post_until_accepted(http, url, rng.choice(sent), tally)
                await asyncio.sleep(rng.uniform(0.3, 1.5))

        await asyncio.gather(*(one_chat(c, t) for c, t in said.items()))


VICTIMS = ("conductor-1", "conductor-2", "projector", "ingest", "redis")


async def chaos(
    stack: Stack,
    tally: Tally,
    rng: random.Random,
    until: asyncio.Event,
    victims: tuple[str, ...] = VICTIMS,
) -> None:
    order: list[str] = []
    while not until.is_set():
        await asyncio.sleep(rng.uniform(0.5, 1.5))
        # Each in turn, in a random order: even a short run kills every kind once.
        order = order or rng.sample(victims, len(victims))
        victim = order.pop()
        stack.kill(victim)
        tally.kills[victim] += 1
        tally.kill_times.append((time.time(), victim))
        await asyncio.sleep(rng.uniform(0.1, 0.8))
        stack.restart(victim)
        tally.restarts.update(stack.supervise())


async def supervising(stack: Stack, tally: Tally, until: asyncio.Event) -> None:
    while not until.is_set():
        tally.restarts.update(stack.supervise())
        await asyncio.sleep(0.5)


async def check(stack: Stack, said: dict[str, list[str]], tally: Tally) -> list[str]:
    problems: list[str] = []
    store = StoreSettings(redis_url=stack.redis.url, partitions=PARTITIONS)
    redis = store.connect()
    keyspace = store.keyspace
    log = EventLog(redis, keyspace, keys=KeyRing(KeyEncryptionKey.from_file(stack.kek_file)))
    groups = ["conductor", "outbox", *(group_of(name, 1) for name in PROJECTIONS)]
    try:
        await groups_caught_up(redis, keyspace, *groups, within_s=90)
    except AssertionError:
        for p in keyspace.all_partitions():
            for position in await group_positions(redis, keyspace.stream(p)):
                if position.group in groups and position.behind:
                    consumers = await redis.xinfo_consumers(keyspace.stream(p), position.group)
                    print(f"BEHIND p{p}: {position} consumers {consumers}")
        print(
            "members",
            {
                k: await redis.zrange(k, 0, -1, withscores=True)
                async for k in redis.scan_iter(match="*member*")
            },
        )
        print("leases", {k: await redis.get(k) async for k in redis.scan_iter(match="*lease*")})
        raise
    records = [r async for r in log.scan()]
    messages = Counter(
        r.envelope.event.message_id
        for r in records
        if isinstance(r.envelope.event, MessageReceived)
    )
    for message_id in tally.accepted:
        if messages[message_id] != 1:
            problems.append(f"accepted {message_id} is in the log {messages[message_id]} times")
    inbound = {
        r.envelope.event_id for r in records if isinstance(r.envelope.event, MessageReceived)
    }
    decided = Counter(
        r.envelope.event.reply_id for r in records if isinstance(r.envelope.event, ReplyRequested)
    )
    for event_id in inbound:
        if decided[f"{event_id}-reply"] != 1:
            problems.append(f"message {event_id} got {decided[f'{event_id}-reply']} decisions")
    cancelled = {r.envelope.event.appointment_id for r in records
                 if isinstance(r.envelope.event, AppointmentCancelled)}  # fmt: skip
    live = Counter(
        r.envelope.event.start for r in records
        if isinstance(r.envelope.event, AppointmentBooked)
        and r.envelope.event.appointment_id not in cancelled
    )  # fmt: skip
    problems += [f"slot {start} booked {n} times" for start, n in live.items() if n > 1]
    given_up = sum(1 for r in records if isinstance(r.envelope.event, ReplyFailed))
    sent = await deliveries(stack, said)
    repeats = sum(len(copies) - 1 for copies in sent.values())
    unexplained = [
        key
        for key, copies in sent.items()
        if len(copies) > 1 and not in_outbox_window(copies, tally.kill_times)
    ]
    problems += [
        f"reply {key} delivered {len(sent[key])} times, not by a sender dying mid-request"
        for key in unexplained
    ]
    missing = sum(decided.values()) - given_up - len(sent)
    try:
        await rebuilt_equals_live(redis, log)
    except AssertionError:
        problems += await differences(redis, keyspace)
    dead = await DeadLetters(redis, keyspace).list()
    problems += [f"dead letter {d.ref} ({d.group}): {d.error[:200]}" for d in dead]
    print(
        f"chats {len(said)}, webhooks accepted {len(tally.accepted)}, posts {tally.posts} "
        f"(retried {tally.retried}), kills {dict(tally.kills)}, restarted after exiting "
        f"by themselves {dict(tally.restarts)}\n"
        f"log: {len(records)} events; decisions {sum(decided.values())} for {len(inbound)} "
        f"messages; replies delivered {len(sent)}, given up after WAHA's failures "
        f"{given_up}, repeated {repeats} (only by a conductor dying with the "
        f"request in flight); live bookings "
        f"{sum(live.values())} on {len(live)} slots; "
        f"dead letters {len(dead)}"
    )
    await redis.aclose()
    if missing:
        problems.append(f"{missing} decided replies were neither delivered nor given up")
    return problems


Deliveries = dict[tuple[str, str], list[float]]


async def deliveries(stack: Stack, said: dict[str, list[str]]) -> Deliveries:
    """When WAHA took each reply: (chat, the message it answers) -> times, one per copy."""
    sent: Deliveries = {}
    async with aiohttp.ClientSession() as http:
        for chat_id in said:
            url = f"http://127.0.0.1:{stack.sim_port}/api/default/chats/{chat_id}/messages"
            async with http.get(url) as response:
                for m in await response.json():
                    if m["fromMe"]:
                        key = (chat_id, m["replyTo"]["id"] if m.get("replyTo") else m["id"])
                        sent.setdefault(key, []).append(m["received_at"])
    return sent


def in_outbox_window(copies: list[float], kills: list[tuple[float, str]]) -> bool:
    """Whether a conductor died with the first copy in flight: its request reached WAHA
    just after the next owner had looked for it there. Any other repeat of a reply that
    quotes a message is a fault: the next owner finds it in the chat and does not send
    it again."""
    first = min(copies)
    return any(first - 1 <= at <= first for at, victim in kills if victim.startswith("conductor"))


async def differences(redis: Redis, keyspace: Keyspace) -> list[str]:
    """How the read models in service differ from the rebuild, field by field."""
    live = await read_model_contents(redis, ReadModelKeys(keyspace, 1))
    rebuilt = await read_model_contents(redis, ReadModelKeys(keyspace, 101))
    found = []
    for key in sorted(live.keys() | rebuilt.keys()):
        if live.get(key) == rebuilt.get(key):
            continue
        mine, theirs = _decoded(live.get(key)), _decoded(rebuilt.get(key))
        if isinstance(mine, dict) and isinstance(theirs, dict):
            fields = {f: (mine.get(f), theirs.get(f)) for f in mine.keys() | theirs.keys()
                      if mine.get(f) != theirs.get(f)}  # fmt: skip
            found.append(f"read model {key} differs from a rebuild: {fields}"[:3000])
        else:
            found.append(f"read model {key}: live {mine!r:.1500} rebuilt {theirs!r:.1500}")
    return found


def _decoded(value: object) -> object:
    if isinstance(value, bytes):
        try:
            return msgspec.msgpack.decode(value)
        except msgspec.DecodeError:
            return value
    if isinstance(value, list):
        return [_decoded(item) for item in value]
    return value


async def soak(
    chats_: int,
    seconds: float,
    seed: int,
    cluster: bool = False,
    victims: tuple[str, ...] = VICTIMS,
) -> list[str]:
    """Run the stack, kill ``victims`` at random while chats talk, check the promises."""
    rng = random.Random(seed)
    with tempfile.TemporaryDirectory() as directory:
        redis: RedisServer | FailingOverCluster
        if cluster:
            redis = FailingOverCluster(Path(directory) / "cluster", random.Random(seed))
        else:
            redis = RedisServer(Path(directory) / "redis", appendfsync="always")
        redis.start()
        stack = Stack(Path(directory), redis, seed)
        try:
            for name in ("model", "waha-sim", "ingest", "conductor-1", "conductor-2", "projector"):
                stack.start(name)
            await inject_waha_faults(stack, seed)
            said = scripts(chats_, rng)
            tally = Tally()
            calm = asyncio.Event()
            chaos_task = asyncio.create_task(chaos(stack, tally, rng, calm, victims))
            talking = asyncio.create_task(talk(stack, said, tally, rng, spread_s=seconds / 2))
            await asyncio.wait([talking], timeout=seconds)
            calm.set()
            await chaos_task
            done = asyncio.Event()
            supervisor = asyncio.create_task(supervising(stack, tally, done))
            await talking  # the rest of the conversation, with everything up
            try:
                problems = await check(stack, said, tally)
            finally:
                done.set()
                await supervisor
        finally:
            stack.stop()
            redis.stop()
    return problems


async def within(
    limit_s: float,
    chats_: int,
    seconds: float,
    seed: int,
    cluster: bool = False,
    victims: tuple[str, ...] = VICTIMS,
) -> list[str]:
    """The soak, or a single problem if it did not finish within ``limit_s``."""
    soaking = asyncio.create_task(soak(chats_, seconds, seed, cluster, victims))
    await asyncio.wait([soaking], timeout=limit_s)
    if soaking.done():
        return soaking.result()
    sys.stderr.write(unfinished_task_stacks())
    soaking.cancel()  # its cleanup stops the processes and Redis
    with contextlib.suppress(asyncio.CancelledError):
        await soaking
    return [f"the soak did not finish within its {limit_s:.0f} s limit"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chats", type=int, default=40)
    parser.add_argument("--seconds", type=float, default=20, help="of chaos, at most")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--limit", type=float, default=None,
        help="wall-clock limit of the whole soak in seconds (default: 4 times --seconds, plus 120)",
    )  # fmt: skip
    parser.add_argument("--redis", choices=("single", "cluster"), default="single",
                        help="one redis-server, or a six-node Redis Cluster")  # fmt: skip
    parser.add_argument("--kill", nargs="+", choices=VICTIMS, default=list(VICTIMS),
                        help="what is killed (default: every kind, in turn)")  # fmt: skip
    args = parser.parse_args()
    limit_s = args.limit if args.limit is not None else 4 * args.seconds + 120
    # The last resort, if even the cleanup hangs: every thread's stack, and exit.
    faulthandler.dump_traceback_later(limit_s + 60, exit=True)
    started = time.perf_counter()
    problems = asyncio.run(
        within(
            limit_s, args.chats, args.seconds, args.seed, args.redis == "cluster", tuple(args.kill)
        )
    )
    for problem in problems:
        print(f"VIOLATION: {problem}")
    print(f"{'FAILED' if problems else 'OK'} in {time.perf_counter() - started:.0f} s")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
