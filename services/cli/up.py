"""``wsm up``: the whole product on one machine, with embedded defaults and no account.

Starts a ``redis-server`` with AOF under ``.wsm/`` unless ``REDIS_URL`` is given (loopback
only, protected mode, a password generated once and kept in ``.wsm/``), then the services
as child processes, their JSON logs in ``.wsm/logs/``. What it makes in ``.wsm/`` is
readable by its owner alone: the log holds personal data, the files hold secrets. The
console gets a short status: the banner once every service answers, then the services'
errors as they happen. A port already taken stops it before anything starts; Ctrl-C (or
SIGTERM) stops everything, Redis last.
"""

from __future__ import annotations

import argparse
import os
import secrets
import signal
import sys
import time
from collections.abc import Mapping
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from events.key_wrapping import new_kek_text
from services.cli.first_admin import ensure_first_admin
from services.cli.stack_processes import LogFollower, Service, first_unready, stop_all
from services.runtime.cli_types import port, positive_int
from services.runtime.embedded_redis import RedisServer
from services.runtime.ports import ensure_free
from services.runtime.settings import SettingsError
from services.waha_sim.engines import ENGINES

EXAMPLE_KNOWLEDGE = Path(__file__).resolve().parents[2] / "ops" / "clinic" / "knowledge.md"
MAX_ERRORS_SHOWN = 20


def add_arguments(parser: argparse.ArgumentParser) -> None:
    option = parser.add_argument
    option(
        "--state-dir",
        type=Path,
        default=Path(".wsm"),
        help="local data, secrets and the services' logs (default: .wsm)",
    )
    option(
        "--ingest-port", type=port, default=8080, help="the webhook gateway's port (default: 8080)"
    )
    option(
        "--sim-port",
        type=port,
        default=3000,
        help="the WAHA simulator's port, unless WAHA_URL is set (default: 3000)",
    )
    option("--engine", choices=ENGINES, default="WEBJS",
           help="the WAHA engine the simulator imitates (default: WEBJS)")  # fmt: skip
    option("--conductors", type=positive_int, default=2, help="conductor replicas (default: 2)")
    option(
        "--redis-port",
        type=port,
        default=6380,
        help="the embedded Redis's port, unless REDIS_URL is set (default: 6380)",
    )
    option("--admin-port", type=port, default=8090, help="the admin API's port (default: 8090)")
    option(
        "--metrics-port",
        type=port,
        default=9100,
        help="the projector's /metrics; conductor N's is this port + N, the gateway's the "
        "next after the last conductor's (default: 9100)",
    )
    option("--console-port", type=port, default=8070,
           help="the staff console's port (default: 8070)")  # fmt: skip
    option("--ready-timeout", type=positive_int, default=60,
           help="seconds every service has to start answering (default: 60)")  # fmt: skip


def write_private(path: Path, text: str) -> None:
    """Write a file readable by its owner only, from its first byte."""
    with os.fdopen(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "w") as file:
        file.write(text)
    path.chmod(0o600)  # a file made before, with laxer rights


def local_secret(state_dir: Path, name: str) -> str:
    """A secret generated once per machine and kept in the state directory."""
    path = state_dir / name
    if not path.exists():
        write_private(path, secrets.token_hex(32))
    path.chmod(0o600)  # one an earlier version left readable
    return path.read_text().strip()


def local_kek(state_dir: Path) -> Path:
    """The key-encryption key of the subject keys, generated once, beside (never inside)
    the embedded Redis's files: a copy of the Redis directory alone opens nothing."""
    path = state_dir / "subject-key-kek"
    if not path.exists():
        write_private(path, new_kek_text())
    return path


def without_password(url: str) -> str:
    """A URL fit for the console: its password, if any, replaced."""
    parts = urlsplit(url)
    credentials, at, hosts = parts.netloc.rpartition("@")
    if not at or ":" not in credentials:
        return url
    # Cut by hand rather than read as host and port: a cluster's URL lists several.
    user = credentials.split(":", 1)[0]
    return urlunsplit(parts._replace(netloc=f"{user}:***@{hosts}"))


def ports_to_take(args: argparse.Namespace, env: Mapping[str, str]) -> dict[int, str]:
    """Every port the stack will listen on, with the flag that sets it; the same port
    given to two services is refused."""
    wanted = [(args.ingest_port, "--ingest-port"), (args.admin_port, "--admin-port"),
              (args.metrics_port, "--metrics-port"),
              (args.console_port, "--console-port")]  # fmt: skip
    wanted += [(args.metrics_port + n, f"--metrics-port + {n}")
               for n in range(1, args.conductors + 2)]  # fmt: skip
    if not env.get("WAHA_URL"):
        wanted.append((args.sim_port, "--sim-port"))
    if not env.get("REDIS_URL"):
        wanted.append((args.redis_port, "--redis-port"))
    taken: dict[int, str] = {}
    for number, flag in wanted:
        if number > 65535:
            raise SettingsError(f"{flag} is {number}, past the last TCP port")
        if number in taken:
            raise SettingsError(f"{taken[number]} and {flag} are both {number}")
        taken[number] = flag
    return taken


def ingest_metrics_port(args: argparse.Namespace) -> int:
    """The gateway's metrics: the port after the last conductor's."""
    return int(args.metrics_port + args.conductors + 1)


def plan(args: argparse.Namespace, env: dict[str, str], logs: Path) -> list[Service]:
    """The services to start, in order, with where each answers once it is ready."""
    local = "http://127.0.0.1"
    ingest_url = f"{local}:{args.ingest_port}"
    ingest = ("ingest", "--host", "127.0.0.1", "--port", str(args.ingest_port),
              "--metrics-port", str(ingest_metrics_port(args)))  # fmt: skip
    services = [Service("ingest", ingest, f"{ingest_url}/readyz", logs)]
    if not env.get("WAHA_URL"):
        env["WAHA_URL"] = f"{local}:{args.sim_port}"
        sim = ("waha-sim", "--port", str(args.sim_port), "--engine", args.engine,
               "--webhook-url", f"{ingest_url}/webhooks/waha")  # fmt: skip
        services.append(Service("waha-sim", sim, f"{env['WAHA_URL']}/api/sessions", logs))
    projector = ("projector", "--name", "projector-1", "--admin-port", str(args.admin_port),
                 "--metrics-port", str(args.metrics_port))  # fmt: skip
    services.append(Service("projector", projector, f"{local}:{args.metrics_port}/healthz", logs))
    for n in range(1, args.conductors + 1):
        metrics_port = args.metrics_port + n
        conductor = ("conductor", "--name", f"conductor-{n}", "--metrics-port", str(metrics_port))
        services.append(
            Service(f"conductor-{n}", conductor, f"{local}:{metrics_port}/healthz", logs)
        )
    console = ("console", "--port", str(args.console_port))
    services.append(Service("console", console, f"{local}:{args.console_port}/healthz", logs))
    return services


def banner(args: argparse.Namespace, env: Mapping[str, str], embedded: bool,
           simulated: bool, env_file: Path, logs: Path) -> str:  # fmt: skip
    return (
        f"redis   {without_password(env['REDIS_URL'])}{' (embedded, AOF on)' if embedded else ''}\n"
        f"ingest  http://127.0.0.1:{args.ingest_port}/webhooks/waha\n"
        f"waha    {env['WAHA_URL']}{' (simulator)' if simulated else ''}\n"
        f"agents  {args.conductors} conductor replicas, offline brain, embedded calendar\n"
        "views   a projector keeps the read models (wsm consent history, wsm audit)\n"
        f"metrics http://127.0.0.1:{args.metrics_port}/metrics (projector), "
        f"+1, +2… (conductors), :{ingest_metrics_port(args)} (ingest)\n"
        f"admin   http://127.0.0.1:{args.admin_port}/v1/openapi.json "
        f"(Authorization: Bearer $ADMIN_API_TOKEN, in {env_file})\n"
        f"console http://127.0.0.1:{args.console_port}/ (staff: wsm staff add NAME --role ROLE)\n"
        f"logs    {logs}/ (JSON, one file per service); errors also show here\n"
        f"talk    wsm chat --sim {env['WAHA_URL']}\n"
        f"other wsm commands in another shell: set -a; . {env_file}; set +a\n"
        "ready.  Ctrl-C stops everything."
    )


def make_private(directory: Path) -> None:
    """``directory`` and what an earlier run left in it (before umask 077), owner-only."""
    directory.mkdir(parents=True, exist_ok=True)
    directory.chmod(0o700)
    for path in directory.rglob("*"):
        if not path.is_symlink():
            path.chmod(0o700 if path.is_dir() else 0o600)


def run(args: argparse.Namespace, env: Mapping[str, str]) -> int:
    for number, flag in ports_to_take(args, env).items():
        ensure_free(number, flag)
    # Before anything is made: every file and directory of this run, and of the Redis and
    # the services it starts (they inherit it), is its owner's alone.
    os.umask(0o077)
    state: Path = args.state_dir
    logs = state / "logs"
    state.mkdir(parents=True, exist_ok=True)
    make_private(logs)
    child_env = dict(env)
    for name in ("WEBHOOK_HMAC_KEY", "CHAT_KEY_SECRET", "ADMIN_API_TOKEN"):
        if not env.get(name):
            child_env[name] = local_secret(state, name.lower())
    if not env.get("SUBJECT_KEY_KEK_FILE"):
        child_env["SUBJECT_KEY_KEK_FILE"] = str(local_kek(state).resolve())
    # The example clinic's information, unless the deployment brings its own.
    child_env.setdefault("CLINIC_KNOWLEDGE_FILE", str(EXAMPLE_KNOWLEDGE))
    # A reminder 10 minutes before, too: a booking for later today shows one in the demo.
    child_env.setdefault("REMINDER_OFFSETS", "24h,2h,10m")

    stopping = False
    services: list[Service] = []

    def request_stop(signum: int, frame: object) -> None:
        nonlocal stopping
        if stopping:  # asked twice: no more waiting
            stop_all(services, at_once=True)
        stopping = True

    signal.signal(signal.SIGINT, request_stop)
    signal.signal(signal.SIGTERM, request_stop)
    redis: RedisServer | None = None
    try:
        if not env.get("REDIS_URL"):
            make_private(state / "redis")
            password = local_secret(state, "redis_password")
            redis = RedisServer(state / "redis", args.redis_port, password=password)
            redis.start()
            child_env["REDIS_URL"] = redis.url
        first_admin = ensure_first_admin(child_env)
        services = plan(args, child_env, logs)
        env_file = write_env_file(state, child_env)
        follower = LogFollower(services)
        for service in services:
            service.start(child_env)
        print(f"starting {len(services)} services; logs in {logs}/", flush=True)
        ready_by = time.monotonic() + args.ready_timeout
        console = Console(follower, logs)
        while not stopping:
            console.show_errors()
            if (exited := next((s for s in services if s.exited()), None)) is not None:
                console.show_errors()  # those written just before it exited
                print(f"{exited.name} exited with status {exited.returncode()}; "
                      f"its log: {exited.log}", file=sys.stderr)  # fmt: skip
                if (words := exited.last_words()) is not None:
                    print(f"{exited.name}: {words}", file=sys.stderr)
                return 1
            if not console.ready:
                waiting = first_unready(services)
                if waiting is None:
                    console.ready = True
                    if first_admin is not None:
                        print(f"console's first admin: {first_admin[0]}, password "
                              f"{first_admin[1]} (shown this once)", flush=True)  # fmt: skip
                    print(banner(args, child_env, redis is not None,
                                 "waha-sim" in {s.name for s in services}, env_file, logs),
                          flush=True)  # fmt: skip
                elif time.monotonic() > ready_by:
                    late = f"{waiting.name} did not answer at {waiting.ready_url}"
                    print(f"{late} within {args.ready_timeout} s; its log: {waiting.log}",
                          file=sys.stderr)  # fmt: skip
                    return 1
            time.sleep(0.2)
    finally:
        unclean = stop_all(services)
        if redis:
            redis.stop()
    for service in unclean:
        print(f"{service.name} stopped with status {service.returncode()}; "
              f"its log: {service.log}", file=sys.stderr)  # fmt: skip
    return 1 if unclean else 0


class Console:
    """What ``wsm up`` shows while it runs: the services' first errors."""

    def __init__(self, follower: LogFollower, logs: Path) -> None:
        self.follower = follower
        self.logs = logs
        self.ready = False
        self.shown = 0

    def show_errors(self) -> None:
        for line in self.follower.new_errors():
            if self.shown < MAX_ERRORS_SHOWN:
                print(line, file=sys.stderr, flush=True)
            elif self.shown == MAX_ERRORS_SHOWN:
                print(f"(more errors in {self.logs}/)", file=sys.stderr, flush=True)
            self.shown += 1


def write_env_file(state: Path, env: Mapping[str, str]) -> Path:
    """What other ``wsm`` commands need to reach this stack, readable by its owner only."""
    names = ("REDIS_URL", "WEBHOOK_HMAC_KEY", "CHAT_KEY_SECRET", "ADMIN_API_TOKEN", "WAHA_URL",
             "SUBJECT_KEY_KEK_FILE")  # fmt: skip
    env_file = state / "env"
    write_private(env_file, "".join(f"{k}={env[k]}\n" for k in names))
    return env_file
