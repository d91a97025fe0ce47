"""The shipped Redis users (ops/redis/users.acl, rendered by ops/redis/render-acl.sh) let
each service do its real work and nothing else: the processes run a whole dialogue, the
admin API and the operator's commands against a redis-server loaded with that file, and
Redis refuses none of their commands; a service reaching for another's work is refused."""

from __future__ import annotations

import contextlib
import http.client
import json
import os
import re
import secrets
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import redis as sync_redis

from services.runtime.embedded_redis import redis_server_binary
from services.runtime.ports import free_port
from tests.support.processes import Processes
from tests.support.waha import HMAC_KEY

ROOT = Path(__file__).resolve().parents[2]
USERS = ("ingest", "conductor", "projector", "operator", "console")
NUMBER = "5511977776666"


@dataclass
class AclRedis:
    """A redis-server with the shipped users and one more, ``observer``, for the test."""

    port: int
    passwords: dict[str, str]
    process: subprocess.Popen[bytes]

    def url(self, user: str) -> str:
        return f"redis://{user}:{self.passwords[user]}@127.0.0.1:{self.port}/0"

    def client(self, user: str) -> sync_redis.Redis:
        return sync_redis.Redis.from_url(self.url(user))

    def refusals(self) -> list[dict[str, Any]]:
        return [{k: entry[k] for k in ("username", "reason", "object", "context")}
                for entry in self.client("observer").acl_log()]  # fmt: skip


def render(directory: Path, passwords: dict[str, str]) -> Path:
    """The shipped users, rendered by the shipped script."""
    acl = directory / "users.acl"
    env = {**os.environ, **{f"REDIS_{u.upper()}_PASSWORD": passwords[u] for u in USERS}}
    subprocess.run(["sh", str(ROOT / "ops/redis/render-acl.sh"), str(ROOT / "ops/redis/users.acl"),
                    str(acl)], env=env, check=True, timeout=10)  # fmt: skip
    with acl.open("a") as file:
        file.write(f"user observer on >{passwords['observer']} ~* &* +@all\n")
    return acl


@pytest.fixture(scope="module")
def acl_redis(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AclRedis]:
    directory = tmp_path_factory.mktemp("acl-redis")
    passwords = {user: secrets.token_hex(32) for user in (*USERS, "observer")}
    port = free_port()
    command = [redis_server_binary(), "--port", str(port), "--bind", "127.0.0.1",
               "--save", "", "--appendonly", "no", "--dir", str(directory),
               "--aclfile", str(render(directory, passwords)),
               "--acllog-max-len", "1000"]  # fmt: skip
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL)
    server = AclRedis(port, passwords, process)
    try:
        deadline = time.monotonic() + 10
        while True:
            try:
                server.client("observer").ping()
                break
            except sync_redis.ConnectionError:
                assert time.monotonic() < deadline, "redis-server with the ACL did not start"
                time.sleep(0.05)
        yield server
    finally:
        process.terminate()
        process.wait(timeout=10)


def answers(url: str) -> bool:
    with urllib.request.urlopen(url, timeout=2) as response:
        return bool(response.status == 200)


def request(url: str, body: dict[str, Any] | None = None, token: str | None = None) -> Any:
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    data = json.dumps(body).encode() if body is not None else None
    with urllib.request.urlopen(urllib.request.Request(url, data=data, headers=headers),
                                timeout=30) as response:  # fmt: skip
        return json.loads(response.read())


def replies(sim: str) -> list[str]:
    messages = request(f"{sim}/api/default/chats/{NUMBER}@c.us/messages")
    return [str(m["body"]) for m in messages if m["fromMe"]]


def run_wsm(command: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "services.cli", *command], env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=60)  # fmt: skip


def console_work(port: int, passwords: dict[str, str], subject: str) -> None:
    """Each role's round of the console: log in, its pages, its forms, log out."""

    def call(method: str, path: str, form: dict[str, str] | None = None,
             cookie: str = "") -> http.client.HTTPResponse:  # fmt: skip
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        headers = {"Content-Type": "application/x-www-form-urlencoded", "Cookie": cookie}
        body = urllib.parse.urlencode(form) if form is not None else None
        connection.request(method, path, body, headers)
        response = connection.getresponse()
        response.read()
        assert response.status in (200, 303), (path, response.status)
        return response

    def logged_in(name: str, pages: tuple[str, ...]) -> tuple[str, str]:
        login = call("POST", "/login", {"name": name, "password": passwords[name]})
        cookie = (login.getheader("Set-Cookie") or "").split(";")[0]
        for path in pages:
            call("GET", path, cookie=cookie)
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        connection.request("GET", pages[0], headers={"Cookie": cookie})
        page = connection.getresponse().read().decode()
        found = re.search(r'name="csrf" value="([^"]+)"', page)
        assert found is not None
        return cookie, found[1]

    cookie, csrf = logged_in("root", ("/equipe",))
    call("POST", "/equipe/adicionar", {"csrf": csrf, "name": "bruna", "role": "receptionist"},
         cookie=cookie)  # fmt: skip
    call("POST", "/logout", {"csrf": csrf}, cookie=cookie)
    cookie, csrf = logged_in("carla", (f"/dpo/consentimento?titular={subject}", "/dpo/acessos"))
    call("POST", "/dpo/consentimento", {"csrf": csrf, "titular": subject}, cookie=cookie)
    call("POST", "/logout", {"csrf": csrf}, cookie=cookie)
    cookie, csrf = logged_in("julia", ("/agenda?ver=semana", "/agenda/versao", "/atendimento",
                                       f"/atendimento/{subject}", "/pacientes"))  # fmt: skip
    for search in ({"telefone": "11987654321"}, {"nome": "maria silva"}):
        call("POST", "/pacientes", {"csrf": csrf} | search, cookie=cookie)
    # Bookings by hand through the calendar's scripts: book a slot, block one, free both.
    day = (datetime.now(UTC) + timedelta(days=8)).date().isoformat()
    for n, (path, extra) in enumerate((("/agenda/marcar", {"paciente": subject}),
                                       ("/agenda/bloquear", {}))):  # fmt: skip
        form = {"csrf": csrf, "form_id": f"{n:032x}", "dia": day, "hora": f"{10 + n}:00"}
        call("POST", path, form | extra, cookie=cookie)
    for appointment in (f"staff-{0:032x}", f"block-{1:032x}-0"):
        call("POST", f"/agenda/consulta/{appointment}/cancelar", {"csrf": csrf},
             cookie=cookie)  # fmt: skip
    call("POST", "/logout", {"csrf": csrf}, cookie=cookie)


@dataclass(frozen=True)
class Worked:
    redis: AclRedis
    logs: Path
    operator: list[subprocess.CompletedProcess[str]]


@pytest.fixture(scope="module")
def worked(acl_redis: AclRedis, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Worked]:
    logs = tmp_path_factory.mktemp("acl-logs")
    with working(acl_redis.url, acl_redis.refusals, logs) as operator:
        yield Worked(acl_redis, logs, operator)


@contextlib.contextmanager
def working(
    url_of: Callable[[str], str],
    refusals: Callable[[], object],
    logs: Path,
    settings: dict[str, str] | None = None,
) -> Iterator[list[subprocess.CompletedProcess[str]]]:
    """Every service's real work, each as its own Redis user (``url_of(user)``): a dialogue
    from consent to a booking, a cancellation and a revocation; the admin API's reads and a
    correction; the console's rounds; the operator's commands, an erasure last. Yields the
    operator's results; fails saying what Redis refused (``refusals()``)."""
    token, chat_secret = secrets.token_hex(32), secrets.token_hex(32)
    ingest_port, sim_port, admin_port = free_port(), free_port(), free_port()
    metrics = {"conductor": free_port(), "projector": free_port()}
    base = {k: v for k, v in os.environ.items() if not k.startswith(("OTEL_", "GROQ_"))}
    base |= {"PARTITIONS": "4", "CHAT_KEY_SECRET": chat_secret, "REMINDER_OFFSETS": "2h",
             "WAHA_URL": f"http://127.0.0.1:{sim_port}", "ADMIN_API_TOKEN": token,
             "WEBHOOK_HMAC_KEY": HMAC_KEY.decode(), "LOG_LEVEL": "WARNING",
             # Paced, briefly: the pacing's script runs as the conductor's user too.
             "PACING": "on", "PACING_TYPING_MIN_MS": "10", "PACING_TYPING_MAX_MS": "50",
             "PACING_CHAT_GAP_MS": "50", **(settings or {})}  # fmt: skip

    def env(user: str) -> dict[str, str]:
        return {**base, "REDIS_URL": url_of(user)}

    gateway, sim = f"http://127.0.0.1:{ingest_port}", f"http://127.0.0.1:{sim_port}"
    processes = Processes(logs, base)
    try:
        processes.wsm("ingest", "ingest", "--port", str(ingest_port), env=env("ingest"))
        processes.wsm("waha-sim", "waha-sim", "--port", str(sim_port),
                      "--webhook-url", f"{gateway}/webhooks/waha")  # fmt: skip
        processes.wsm("conductor", "conductor", "--name", "c1", "--metrics-port",
                      str(metrics["conductor"]), env=env("conductor"))  # fmt: skip
        processes.wsm("projector", "projector", "--name", "p1", "--admin-port", str(admin_port),
                      "--metrics-port", str(metrics["projector"]),
                      env=env("projector"))  # fmt: skip
        for url in (f"{gateway}/readyz", f"{sim}/api/sessions",
                    f"http://127.0.0.1:{metrics['conductor']}/healthz",
                    f"http://127.0.0.1:{metrics['projector']}/healthz",
                    f"http://127.0.0.1:{admin_port}/v1/openapi.json"):  # fmt: skip
            processes.wait_until(lambda url=url: answers(url), url)  # type: ignore[misc]
        dialogue = ("oi", "sim", "Ana Souza", "quero agendar uma consulta", "1", "sim",
                    "minhas consultas", "quero agendar uma consulta", "2", "sim",
                    "quero cancelar", "1", "sim", "revogar consentimento", "sim")  # fmt: skip
        for n, text in enumerate(dialogue, 1):
            request(f"{sim}/sim/inbound", {"from": NUMBER, "text": text})
            processes.wait_until(lambda n=n: len(replies(sim)) >= n, f"a reply to {text!r}")  # type: ignore[misc]
        admin = f"http://127.0.0.1:{admin_port}/v1"
        sessions = request(f"{admin}/sessions", token=token)["items"]
        assert sessions, "the projector's read models hold the dialogue"
        subject = sessions[0]["chat"]
        for path in (f"sessions/{subject}", f"subjects/{subject}/consent",
                     f"subjects/{subject}/appointments", f"subjects/{subject}/export"):  # fmt: skip
            request(f"{admin}/{path}", token=token)
        correction = {"name": "Ana Souza Lima", "requested_by": "dpo"}
        request(f"{admin}/subjects/{subject}/correction", correction, token=token)
        passwords = {}
        for name, role in (("root", "admin"), ("carla", "dpo"), ("julia", "receptionist")):
            added = run_wsm(["staff", "add", name, "--role", role, "--generate"],
                            env("operator"))  # fmt: skip
            passwords[name] = added.stdout.split("password: ")[1].strip()
        console_port = free_port()
        processes.wsm("console", "console", "--port", str(console_port), env=env("console"))
        processes.wait_until(lambda: answers(f"http://127.0.0.1:{console_port}/healthz"),
                             "the console")  # fmt: skip
        console_work(console_port, passwords, subject)
        operator_commands = (["events"], ["audit", f"{NUMBER}@c.us"],
                             ["consent", "history", f"{NUMBER}@c.us"], ["deadletters", "list"],
                             ["lgpd", "export", f"{NUMBER}@c.us"],
                             ["lgpd", "erase", f"{NUMBER}@c.us",
                              "--requested-by", "dpo"])  # fmt: skip
        operator = [run_wsm(command, env("operator")) for command in operator_commands]
        time.sleep(2)  # the consumers apply the erasure
    except Exception as failure:  # say what Redis refused, the likeliest cause
        processes.stop()
        raise AssertionError(f"{refusals()}; {processes.tails()}") from failure
    try:
        yield operator
    finally:
        processes.stop()


@pytest.mark.timeout(240)
def test_no_command_of_any_service_is_refused_by_the_shipped_users(worked: Worked) -> None:
    assert worked.redis.refusals() == []


@pytest.mark.timeout(240)
def test_the_operator_commands_succeed_as_the_operator_user(worked: Worked) -> None:
    failed = [(r.args[3:], r.returncode, r.stderr[-300:]) for r in worked.operator
              if r.returncode != 0]  # fmt: skip
    assert failed == []


@pytest.mark.timeout(240)
def test_no_service_logged_a_refusal(worked: Worked) -> None:
    refused = [log.name for log in worked.logs.glob("*.log") if "NOPERM" in log.read_text()]
    assert refused == []


@pytest.mark.parametrize(
    ("user", "command"),
    [
        ("ingest", ("XREADGROUP", "GROUP", "conductor", "c", "STREAMS", "wsm:{p0}:log", ">")),
        ("ingest", ("HGETALL", "wsm:{p0}:subject-keys")),
        ("ingest", ("DEL", "wsm:{p0}:log")),
        ("conductor", ("XGROUP", "DESTROY", "wsm:{p0}:log", "projector")),
        ("projector", ("FLUSHALL",)),
        ("operator", ("CONFIG", "SET", "appendonly", "no")),
        ("operator", ("GET", "other:key")),
        ("console", ("DEL", "wsm:{p0}:log")),
        ("console", ("SET", "wsm:{p0}:log", "x")),
        ("console", ("HDEL", "wsm:{p0}:subject-keys", "c" + "0" * 32)),
        ("console", ("DEL", "wsm:{identities}:identity")),
        ("console", ("XADD", "wsm:{staff}:names", "*", "a", "b")),
    ],
    ids=lambda v: v if isinstance(v, str) else v[0],
)
def test_a_user_is_refused_what_its_service_does_not_do(
    acl_redis: AclRedis, user: str, command: tuple[str, ...]
) -> None:
    with pytest.raises(sync_redis.exceptions.NoPermissionError):
        acl_redis.client(user).execute_command(*command)


def test_a_client_without_a_user_is_refused(acl_redis: AclRedis) -> None:
    with pytest.raises(sync_redis.AuthenticationError):
        sync_redis.Redis(port=acl_redis.port).get("wsm:layout")
