"""The NGINX edge, for real: ops/nginx's configuration in front of a real gateway, and the
same configuration as Kubernetes runs it."""

from __future__ import annotations

import asyncio
import os
import re
import subprocess
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import aiohttp
import pytest
import yaml
from aiohttp.test_utils import TestServer
from redis.asyncio import Redis

from events import EventLog
from services.ingest.app import create_app
from services.ingest.settings import IngestSettings
from services.runtime.ports import free_port
from tests.support.edge import NGINX, TEMPLATE, configure, start
from tests.support.waha import encode, signed_headers, text_message

RATE, BURST = 5, 5
ROOT = Path(__file__).resolve().parents[2]
K8S_EDGE = ROOT / "ops" / "k8s" / "edge.yaml"
COMPOSE = ROOT / "compose.yml"
# client_body_timeout in the shipped configuration.
BODY_TIMEOUT_S = int(re.findall(r"client_body_timeout (\d+)s;", TEMPLATE.read_text())[0])

pytestmark = pytest.mark.skipif(
    not os.access(NGINX, os.X_OK), reason="nginx is not installed (scripts/bootstrap installs it)"
)


@pytest.fixture
async def gateway(redis: Redis, ingest_settings: IngestSettings) -> AsyncIterator[str]:
    async with TestServer(create_app(ingest_settings, redis=redis), host="127.0.0.1") as server:
        yield f"http://127.0.0.1:{server.port}"


@pytest.fixture
def edge(gateway: str, tmp_path: Path) -> Iterator[str]:
    """NGINX on loopback in front of the gateway; its base URL."""
    port = free_port()
    config = configure(tmp_path, port, gateway, rate=RATE, burst=BURST)
    nginx = start(tmp_path, config)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        nginx.terminate()
        nginx.wait(10)


async def until_up(http: aiohttp.ClientSession, edge: str) -> None:
    for _ in range(100):
        try:
            async with http.get(f"{edge}/healthz") as response:
                if response.status == 200:
                    return
        except aiohttp.ClientConnectionError:
            pass
        await asyncio.sleep(0.05)
    raise AssertionError("nginx did not start")


async def post(http: aiohttp.ClientSession, edge: str, n: int) -> int:
    body = encode(text_message(f"N{n}", body=f"msg {n}"))
    async with http.post(f"{edge}/webhooks/waha", data=body, headers=signed_headers(body)) as r:
        return r.status


async def test_signed_webhooks_pass_through_to_the_gateway(edge: str, log: EventLog) -> None:
    async with aiohttp.ClientSession() as http:
        await until_up(http, edge)
        statuses = []
        for n in range(3):
            statuses.append(await post(http, edge, n))
            await asyncio.sleep(1 / RATE)
    assert statuses == [200, 200, 200]
    assert len([r async for r in log.scan()]) == 3


async def test_a_burst_beyond_the_limit_gets_429s(edge: str, log: EventLog) -> None:
    async with aiohttp.ClientSession() as http:
        await until_up(http, edge)
        statuses = await asyncio.gather(*(post(http, edge, n) for n in range(30)))
    passed = statuses.count(200)
    assert BURST <= passed <= BURST + 2  # the burst, and what the rate refilled meanwhile
    assert statuses.count(429) == 30 - passed
    assert len([r async for r in log.scan()]) == passed


async def test_an_oversized_body_gets_413_and_reaches_nothing(edge: str, log: EventLog) -> None:
    body = encode(text_message("BIG", body="x" * 2_000_000))
    async with aiohttp.ClientSession() as http:
        await until_up(http, edge)
        url = f"{edge}/webhooks/waha"
        async with http.post(url, data=body, headers=signed_headers(body)) as response:
            assert response.status == 413
    assert [r async for r in log.scan()] == []


async def test_anything_but_the_webhook_is_not_served(edge: str) -> None:
    async with aiohttp.ClientSession() as http:
        await until_up(http, edge)
        async with http.get(f"{edge}/metrics") as response:
            assert response.status == 404
        async with http.get(f"{edge}/webhooks/waha") as response:
            assert response.status == 403


@pytest.mark.timeout(60)
async def test_a_body_that_stalls_is_cut_by_the_edge_within_its_timeout(
    edge: str, log: EventLog
) -> None:
    async with aiohttp.ClientSession() as http:
        await until_up(http, edge)
    port = int(edge.rsplit(":", 1)[1])
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    started = time.monotonic()
    writer.write(
        b"POST /webhooks/waha HTTP/1.1\r\nHost: edge\r\nContent-Type: application/json\r\n"
        b"Content-Length: 1000\r\n\r\n{"
    )
    await writer.drain()
    await asyncio.wait_for(reader.read(), BODY_TIMEOUT_S + 5)  # returns once closed
    writer.close()
    assert time.monotonic() - started < BODY_TIMEOUT_S + 3
    assert [r async for r in log.scan()] == []


# --- the same configuration, as Kubernetes runs it (ops/k8s/edge.yaml) -----------------


def k8s_edge() -> list[dict[str, Any]]:
    return [d for d in yaml.safe_load_all(K8S_EDGE.read_text()) if d]


def k8s_edge_resource(kind: str) -> dict[str, Any]:
    [found] = [d for d in k8s_edge() if d["kind"] == kind]
    return found


def test_the_kubernetes_edge_carries_the_shipped_configuration_unchanged() -> None:
    data = k8s_edge_resource("ConfigMap")["data"]
    assert data["default.conf.template"] == TEMPLATE.read_text()


def test_the_kubernetes_edge_sets_every_variable_the_configuration_uses() -> None:
    [container] = k8s_edge_resource("Deployment")["spec"]["template"]["spec"]["containers"]
    wanted = set(re.findall(r"\$\{(WSM_\w+)\}", TEMPLATE.read_text()))
    assert wanted <= {variable["name"] for variable in container["env"]}


def test_the_kubernetes_edge_runs_the_nginx_image_compose_runs() -> None:
    [container] = k8s_edge_resource("Deployment")["spec"]["template"]["spec"]["containers"]
    compose = yaml.safe_load(COMPOSE.read_text())
    assert container["image"] == compose["services"]["nginx"]["image"]


def test_nginx_accepts_the_kubernetes_edge_main_configuration(tmp_path: Path) -> None:
    # Its server block comes from the shipped template (rendered for loopback here, into
    # what stands for the pod's conf.d); /tmp is the pod's scratch volume.
    rendered, scratch = tmp_path / "conf.d", tmp_path / "scratch"
    rendered.mkdir()
    scratch.mkdir()
    configure(rendered, free_port(), "http://127.0.0.1:9", rate=RATE, burst=BURST)
    (rendered / "nginx.conf").unlink()  # the loopback main configuration: not the pod's
    main = k8s_edge_resource("ConfigMap")["data"]["nginx.conf"]
    main = main.replace("/tmp/", f"{scratch}/").replace("/etc/nginx/conf.d/", f"{rendered}/")
    assert f"include {rendered}/*.conf;" in main
    config = tmp_path / "nginx.conf"
    config.write_text(main)
    checked = subprocess.run([NGINX, "-t", "-p", str(tmp_path), "-c", str(config)],
                             capture_output=True, text=True, timeout=30)  # fmt: skip
    assert checked.returncode == 0, checked.stderr
    assert "limit_req_zone" in (rendered / "default.conf").read_text()
