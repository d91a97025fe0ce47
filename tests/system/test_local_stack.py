"""``wsm up`` as a person runs it locally: it refuses ports it cannot have before
starting anything, says "ready" only once everything answers, and keeps its console short."""

from __future__ import annotations

import http.client
import json
import os
import re
import signal
import subprocess
import sys
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import redis as sync_redis

from services.cli.up import without_password
from services.runtime.embedded_redis import RedisServer
from services.runtime.ports import PortBusy, ensure_free, free_port


def free_ports() -> dict[str, int]:
    """A free port for each flag; the metrics port with its two conductors' and the
    gateway's after it."""
    while True:
        metrics = free_port()
        try:
            for n in (1, 2, 3):
                ensure_free(metrics + n, "a conductor's or the gateway's metrics")
        except PortBusy:
            continue
        names = ("--ingest-port", "--sim-port", "--redis-port", "--admin-port", "--console-port")
        ports = {name: free_port() for name in names}
        if not {metrics + 1, metrics + 2, metrics + 3} & set(ports.values()):
            return {**ports, "--metrics-port": metrics}


def up_command(state: Path, ports: dict[str, int]) -> list[str]:
    flags = [item for name, number in ports.items() for item in (name, str(number))]
    return [sys.executable, "-m", "services.cli", "up", "--state-dir", str(state), *flags]


@pytest.fixture
def local_env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k not in ("REDIS_URL", "WAHA_URL")}


def test_a_redis_port_already_in_use_is_refused_and_that_redis_is_left_alone(
    tmp_path: Path, redis_server: RedisServer, local_env: dict[str, str]
) -> None:
    foreign = sync_redis.Redis.from_url(redis_server.url)
    foreign.flushdb()
    ports = {**free_ports(), "--redis-port": redis_server.port}
    result = subprocess.run(up_command(tmp_path, ports), env=local_env, capture_output=True,
                            text=True, timeout=60)  # fmt: skip
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert f"port {redis_server.port} (--redis-port) is already in use" in result.stderr
    assert "embedded" not in result.stdout
    assert foreign.dbsize() == 0


@pytest.mark.parametrize("flag", ["--ingest-port", "--sim-port", "--admin-port"])
def test_a_busy_service_port_is_refused_in_one_line_before_anything_starts(
    tmp_path: Path, taken_port: int, flag: str, local_env: dict[str, str]
) -> None:
    ports = {**free_ports(), flag: taken_port}
    result = subprocess.run(up_command(tmp_path, ports), env=local_env, capture_output=True,
                            text=True, timeout=60)  # fmt: skip
    assert result.returncode == 1
    assert (
        result.stderr.strip()
        == f"wsm up: port {taken_port} ({flag}) is already in use; choose another"
    )
    assert not (tmp_path / "logs").exists()


def test_one_port_for_two_services_is_bad_input(tmp_path: Path, local_env: dict[str, str]) -> None:
    ports = free_ports()
    ports["--admin-port"] = ports["--ingest-port"]
    result = subprocess.run(up_command(tmp_path, ports), env=local_env, capture_output=True,
                            text=True, timeout=60)  # fmt: skip
    assert result.returncode == 2
    assert "--ingest-port and --admin-port are both" in result.stderr


@pytest.mark.timeout(120)
def test_a_service_that_stops_at_start_is_named_with_the_reason_it_gave(
    tmp_path: Path, local_env: dict[str, str]
) -> None:
    env = {**local_env, "REMINDER_OFFSETS": "soon"}  # read by the conductors alone
    result = subprocess.run(up_command(tmp_path, free_ports()), env=env, capture_output=True,
                            text=True, timeout=100)  # fmt: skip
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    said = re.search(r"(conductor-\d) exited with status 2; its log: \S+\n(.*)", result.stderr)
    assert said, result.stderr
    reason = "wsm conductor: REMINDER_OFFSETS: 'soon' is not a duration like 24h, 90m or 2d"
    assert said[2] == f"{said[1]}: {reason}"


def answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return bool(response.status == 200)
    except OSError:
        return False


@pytest.mark.timeout(120)
def test_ready_is_said_once_everything_answers_and_the_logs_go_to_files(
    tmp_path: Path, local_env: dict[str, str]
) -> None:
    ports = free_ports()
    (tmp_path / "logs").mkdir()
    earlier = {"level": "error", "message": "a failure of an earlier run"}
    (tmp_path / "logs" / "ingest.log").write_text(json.dumps(earlier) + "\n")
    # In a session of its own, as a shell runs it in a terminal: Ctrl-C goes to the group.
    up = subprocess.Popen(up_command(tmp_path, ports), env=local_env, text=True,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          start_new_session=True)  # fmt: skip
    assert up.stdout is not None and up.stderr is not None
    console: list[str] = []
    try:
        while not console or not console[-1].startswith("ready."):
            line = up.stdout.readline()
            assert line, f"wsm up ended before it was ready: {up.stderr.read()}"
            console.append(line)
        metrics = ports["--metrics-port"]
        for url in (f"http://127.0.0.1:{ports['--ingest-port']}/readyz",
                    f"http://127.0.0.1:{ports['--sim-port']}/api/sessions",
                    f"http://127.0.0.1:{metrics}/healthz",
                    f"http://127.0.0.1:{metrics + 1}/healthz",
                    f"http://127.0.0.1:{metrics + 2}/healthz"):  # fmt: skip
            assert answers(url), url
    finally:
        os.killpg(up.pid, signal.SIGINT)  # Ctrl-C
        status = up.wait(timeout=60)
    errors = up.stderr.read()
    assert status == 0, errors  # every service stopped cleanly, Redis last
    assert len(console) < 20
    assert not any(line.startswith("{") for line in console)  # no JSON log on the console
    assert "Traceback" not in errors
    assert "earlier run" not in errors
    logs = sorted(p.name for p in (tmp_path / "logs").iterdir())
    assert oct((tmp_path / "env").stat().st_mode & 0o777) == "0o600"
    assert logs == ["conductor-1.log", "conductor-2.log", "console.log", "ingest.log",
                    "projector.log", "waha-sim.log"]  # fmt: skip
    lines = (tmp_path / "logs" / "conductor-1.log").read_text().splitlines()
    assert lines and all(json.loads(line)["level"] for line in lines)


def test_the_console_never_shows_a_redis_password() -> None:
    shown = without_password("redis://default:s3cret@redis.internal:6380/0")
    assert shown == "redis://default:***@redis.internal:6380/0"
    assert without_password("redis://127.0.0.1:6380/0") == "redis://127.0.0.1:6380/0"


@dataclass(frozen=True)
class Running:
    state: Path
    ports: dict[str, int]
    console: list[str]


@pytest.fixture(scope="module")
def running(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Running]:
    """``wsm up`` on a state directory it makes itself, ready; stopped after the module."""
    state = tmp_path_factory.mktemp("up") / "state"
    ports = free_ports()
    env = {k: v for k, v in os.environ.items() if k not in ("REDIS_URL", "WAHA_URL")}
    up = subprocess.Popen(up_command(state, ports), env=env, text=True,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          start_new_session=True)  # fmt: skip
    assert up.stdout is not None and up.stderr is not None
    console: list[str] = []
    try:
        while not (line := up.stdout.readline()).startswith("ready."):
            assert line, f"wsm up ended before it was ready: {up.stderr.read()}"
            console.append(line)
        yield Running(state, ports, console)
    finally:
        os.killpg(up.pid, signal.SIGINT)
        up.wait(timeout=60)


@pytest.mark.timeout(120)
def test_every_file_and_directory_wsm_up_makes_is_its_owners_alone(running: Running) -> None:
    made = [running.state, *running.state.rglob("*")]
    aof = [p for p in made if p.name.endswith(".aof")]
    assert aof, "the embedded Redis keeps an append-only file"
    lax = {str(p.relative_to(running.state)): oct(p.stat().st_mode & 0o777) for p in made
           if p.stat().st_mode & 0o777 != (0o700 if p.is_dir() else 0o600)}  # fmt: skip
    assert lax == {}


@pytest.mark.timeout(120)
def test_the_embedded_redis_refuses_a_client_without_its_password(running: Running) -> None:
    port = running.ports["--redis-port"]
    with pytest.raises(sync_redis.AuthenticationError):
        sync_redis.Redis(port=port, socket_timeout=5).dbsize()


@pytest.mark.timeout(120)
def test_the_services_reach_the_embedded_redis_with_the_password_kept_in_the_state(
    running: Running,
) -> None:
    password = (running.state / "redis_password").read_text().strip()
    assert len(password) >= 32
    env_file = (running.state / "env").read_text()
    assert f"REDIS_URL=redis://:{password}@127.0.0.1:{running.ports['--redis-port']}/0" in env_file
    client = sync_redis.Redis(port=running.ports["--redis-port"], password=password)
    assert client.config_get("protected-mode") == {"protected-mode": "yes"}


@pytest.mark.timeout(120)
def test_the_console_shows_the_embedded_redis_with_its_password_masked(running: Running) -> None:
    password = (running.state / "redis_password").read_text().strip()
    port = running.ports["--redis-port"]
    assert f"redis   redis://:***@127.0.0.1:{port}/0 (embedded, AOF on)\n" in running.console
    assert not [line for line in running.console if password in line]


@pytest.mark.timeout(120)
def test_wsm_up_serves_the_staff_console_and_prints_its_first_admins_login(
    running: Running,
) -> None:
    [said] = [line for line in running.console if line.startswith("console's first admin:")]
    found = re.match(r"console's first admin: (\S+), password (\S+) ", said)
    assert found is not None
    port = running.ports["--console-port"]
    assert f"console http://127.0.0.1:{port}/ (staff: wsm staff add NAME --role ROLE)\n" in (
        running.console
    )
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    body = urllib.parse.urlencode({"name": found[1], "password": found[2]})
    connection.request("POST", "/login", body,
                       {"Content-Type": "application/x-www-form-urlencoded"})  # fmt: skip
    response = connection.getresponse()
    assert response.status == 303  # logged in, sent on to the agenda
    assert "HttpOnly" in (response.getheader("Set-Cookie") or "")
