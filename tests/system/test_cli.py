"""The wsm command line, run as a user runs it: real processes, real Redis."""

from __future__ import annotations

import json
import os
import secrets
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
import redis as sync_redis

from services.runtime.embedded_redis import RedisServer
from services.runtime.ports import free_port
from tests.support.cli import wsm
from tests.support.waha import HMAC_KEY, encode, signed_headers, text_message

CHAT = "5511988887777@c.us"


@pytest.fixture
def env(redis_server: RedisServer) -> dict[str, str]:
    sync_redis.Redis.from_url(redis_server.url).flushdb()
    return {
        **os.environ,
        "REDIS_URL": redis_server.url,
        "WEBHOOK_HMAC_KEY": HMAC_KEY.decode(),
        "CHAT_KEY_SECRET": secrets.token_hex(32),
        "PARTITIONS": "16",
    }


@pytest.fixture
def ingest_url(env: dict[str, str]) -> Iterator[str]:
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "services.cli", "ingest", "--port", str(port)],
        env=env,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                urllib.request.urlopen(f"{url}/readyz", timeout=1)
                break
            except OSError:
                time.sleep(0.05)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


def post(url: str, body: bytes) -> dict[str, str]:
    request = urllib.request.Request(
        f"{url}/webhooks/waha", data=body, headers=signed_headers(body), method="POST"
    )
    with urllib.request.urlopen(request, timeout=5) as response:
        answer: dict[str, str] = json.loads(response.read())
        return answer


def test_a_webhook_posted_to_wsm_ingest_shows_up_in_wsm_events(
    ingest_url: str, env: dict[str, str]
) -> None:
    answer = post(ingest_url, encode(text_message("CLI1", chat=CHAT, body="Bom dia")))
    listed = wsm("events", "--json", env=env)
    assert listed.returncode == 0, listed.stderr
    [line] = listed.stdout.splitlines()
    entry = json.loads(line)
    assert entry["entry_id"] == answer["id"]
    assert entry["event"]["type"] == "message.received"
    assert entry["event"]["text"] == "Bom dia"


def test_events_of_one_chat_are_found_by_its_whatsapp_id(
    ingest_url: str, env: dict[str, str]
) -> None:
    post(ingest_url, encode(text_message("A", chat=CHAT, body="primeira")))
    post(ingest_url, encode(text_message("B", chat="5511911112222@c.us", body="outra")))
    post(ingest_url, encode(text_message("C", chat=CHAT, body="segunda")))
    listed = wsm("events", "--chat", CHAT, "--json", env=env)
    texts = [json.loads(line)["event"]["text"] for line in listed.stdout.splitlines()]
    assert texts == ["primeira", "segunda"]


def test_events_can_be_limited_and_filtered_by_type(ingest_url: str, env: dict[str, str]) -> None:
    for n in range(3):
        post(ingest_url, encode(text_message(f"L{n}", chat=CHAT)))
    assert len(wsm("events", "--limit", "2", env=env).stdout.splitlines()) == 2
    assert wsm("events", "--type", "session.status", env=env).stdout == ""


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["events", "--limit", "0"], "must be at least 1"),
        (["events", "--limit", "many"], "not an integer"),
        (["events", "--type", "nope"], "invalid choice"),
        (["ingest", "--port", "70000"], "not a TCP port"),
        (["frobnicate"], "invalid choice"),
        (["chat", "--phone", "abc"], "not a phone number"),
        (["up", "--conductors", "0"], "must be at least 1"),
        (["waha-sim", "--port", "0"], "must be at least 1"),
    ],
)
def test_bad_arguments_are_refused_with_a_clear_error(
    args: list[str], message: str, env: dict[str, str]
) -> None:
    result = wsm(*args, env=env)
    assert result.returncode == 2
    assert message in result.stderr


def test_ingest_without_an_hmac_key_refuses_to_start(env: dict[str, str]) -> None:
    result = wsm("ingest", "--port", str(free_port()), env={**env, "WEBHOOK_HMAC_KEY": ""})
    assert result.returncode == 2
    assert "WEBHOOK_HMAC_KEY must be set" in result.stderr


def test_a_malformed_setting_is_refused_with_its_name(env: dict[str, str]) -> None:
    result = wsm("events", env={**env, "PARTITIONS": "sixteen"})
    assert result.returncode == 2
    assert "PARTITIONS must be an integer" in result.stderr


def test_a_chat_argument_that_is_not_a_chat_id_is_refused(env: dict[str, str]) -> None:
    result = wsm("events", "--chat", "not a chat@", env=env)
    assert result.returncode == 2
    assert "not a WhatsApp chat id" in result.stderr


def test_a_sessions_own_events_are_found_by_its_session_key(env: dict[str, str]) -> None:
    assert wsm("events", "--chat", "session:default", env=env).returncode == 0


def test_a_bad_clinic_setting_stops_the_conductor_with_its_name(env: dict[str, str]) -> None:
    result = wsm("conductor", env={**env, "BUSINESS_OPENS": "oito"})
    assert result.returncode == 2
    assert "BUSINESS_OPENS" in result.stderr


@pytest.mark.parametrize("service", ["conductor", "projector"])
def test_a_service_started_before_redis_waits_for_it(
    service: str, env: dict[str, str], tmp_path: Path
) -> None:
    server = RedisServer(tmp_path / "redis")
    command = [sys.executable, "-m", "services.cli", service, "--name", "early"]
    process = subprocess.Popen(command, env={**env, "REDIS_URL": server.url},
                               stderr=subprocess.DEVNULL)  # fmt: skip
    try:
        time.sleep(1.5)
        assert process.poll() is None, "it gave up instead of waiting"
        server.start()
        redis = sync_redis.Redis.from_url(server.url)
        for _ in range(200):
            if redis.exists("wsm:{p0}:log") and redis.xinfo_groups("wsm:{p0}:log"):
                break
            time.sleep(0.05)
        assert redis.xinfo_groups("wsm:{p0}:log"), "it never started consuming"
    finally:
        process.terminate()
        assert process.wait(timeout=30) == 0
        server.stop()
