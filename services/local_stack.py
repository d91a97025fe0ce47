"""``wsm up``: the whole product on one machine, with embedded defaults and no account.

Starts a ``redis-server`` with AOF under ``.wsm/`` unless ``REDIS_URL`` is given, then the
services as child processes; Ctrl-C (or SIGTERM) stops them all, Redis last.
"""

from __future__ import annotations

import argparse
import secrets
import signal
import subprocess
import sys
import time
from collections.abc import Mapping
from pathlib import Path

from services.runtime.cli_types import port, positive_int
from services.runtime.embedded_redis import RedisServer


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--state-dir", type=Path, default=Path(".wsm"), help="local data")
    parser.add_argument("--ingest-port", type=port, default=8080)
    parser.add_argument("--sim-port", type=port, default=3000, help="WAHA simulator port")
    parser.add_argument("--conductors", type=positive_int, default=2, help="conductor replicas")
    parser.add_argument("--redis-port", type=port, default=6380, help="embedded Redis port")
    parser.add_argument("--admin-port", type=port, default=8090, help="admin API port")
    parser.add_argument(
        "--metrics-port", type=port, default=9100,
        help="the projector's /metrics; conductor N's is this port + N",
    )  # fmt: skip


EXAMPLE_KNOWLEDGE = Path(__file__).resolve().parents[1] / "ops" / "clinic" / "knowledge.md"


def local_secret(state_dir: Path, name: str) -> str:
    """A secret generated once per machine and kept in the state directory."""
    path = state_dir / name
    if not path.exists():
        path.write_text(secrets.token_hex(32))
        path.chmod(0o600)
    return path.read_text().strip()


def service(*arguments: str) -> list[str]:
    return [sys.executable, "-m", "services.cli", *arguments]


def run(args: argparse.Namespace, env: Mapping[str, str]) -> int:
    state: Path = args.state_dir
    state.mkdir(parents=True, exist_ok=True)
    child_env = dict(env)
    redis: RedisServer | None = None
    if not env.get("REDIS_URL"):
        redis = RedisServer(state / "redis", args.redis_port)
        redis.start()
        child_env["REDIS_URL"] = redis.url
    for name in ("WEBHOOK_HMAC_KEY", "CHAT_KEY_SECRET", "ADMIN_API_TOKEN"):
        if not env.get(name):
            child_env[name] = local_secret(state, name.lower())
    # The example clinic's information, unless the deployment brings its own.
    child_env.setdefault("CLINIC_KNOWLEDGE_FILE", str(EXAMPLE_KNOWLEDGE))
    # A reminder 10 minutes before, too: a booking for later today shows one in the demo.
    child_env.setdefault("REMINDER_OFFSETS", "24h,2h,10m")
    ingest_url = f"http://127.0.0.1:{args.ingest_port}"
    children = {
        "ingest": subprocess.Popen(
            service("ingest", "--host", "127.0.0.1", "--port", str(args.ingest_port)),
            env=child_env,
        )
    }
    if not env.get("WAHA_URL"):
        child_env["WAHA_URL"] = f"http://127.0.0.1:{args.sim_port}"
        children["waha-sim"] = subprocess.Popen(
            service("waha-sim", "--port", str(args.sim_port),
                    "--webhook-url", f"{ingest_url}/webhooks/waha"),
            env=child_env,
        )  # fmt: skip
    projector = ("projector", "--name", "projector-1", "--admin-port", str(args.admin_port))
    metrics = ("--metrics-port", str(args.metrics_port))
    children["projector"] = subprocess.Popen(service(*projector, *metrics), env=child_env)
    for n in range(1, args.conductors + 1):
        conductor = ("conductor", "--name", f"conductor-{n}")
        metrics = ("--metrics-port", str(args.metrics_port + n))
        children[f"conductor-{n}"] = subprocess.Popen(service(*conductor, *metrics), env=child_env)
    shared = {
        k: child_env[k]
        for k in ("REDIS_URL", "WEBHOOK_HMAC_KEY", "CHAT_KEY_SECRET", "ADMIN_API_TOKEN", "WAHA_URL")
    }
    env_file = state / "env"
    env_file.write_text("".join(f"{k}={v}\n" for k, v in shared.items()))
    env_file.chmod(0o600)
    print(
        f"redis   {child_env['REDIS_URL']}{' (embedded, AOF on)' if redis else ''}\n"
        f"ingest  {ingest_url}/webhooks/waha\n"
        f"waha    {child_env['WAHA_URL']}{' (simulator)' if 'waha-sim' in children else ''}\n"
        f"agents  {args.conductors} conductor replicas, offline brain, embedded calendar\n"
        "views   a projector keeps the read models (wsm consent history, wsm audit)\n"
        f"metrics http://127.0.0.1:{args.metrics_port}/metrics (projector), "
        f"+1, +2… (conductors)\n"
        f"admin   http://127.0.0.1:{args.admin_port}/v1/openapi.json "
        f"(Authorization: Bearer $ADMIN_API_TOKEN, in {env_file})\n"
        f"talk    wsm chat --sim {child_env['WAHA_URL']}\n"
        f"other wsm commands in another shell: set -a; . {env_file}; set +a\n"
        "Ctrl-C stops everything.",
        flush=True,
    )
    stopping = False

    def request_stop(signum: int, frame: object) -> None:
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGINT, request_stop)
    signal.signal(signal.SIGTERM, request_stop)
    status = 0
    try:
        while not stopping:
            for name, child in children.items():
                if child.poll() is not None:
                    print(f"{name} exited with status {child.returncode}", file=sys.stderr)
                    stopping, status = True, 1
            time.sleep(0.2)
    finally:
        for child in children.values():
            if child.poll() is None:
                child.send_signal(signal.SIGTERM)
        for child in children.values():
            try:
                child.wait(timeout=15)
            except subprocess.TimeoutExpired:
                child.kill()
        if redis:
            redis.stop()
    return status
