"""The whole product as processes (``wsm up``: the gateway, two conductors, the projector)
on a real Redis Cluster: it comes up ready and answers a person."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

from tests.support.redis_cluster import LocalCluster
from tests.system.test_local_stack import free_ports, up_command

NUMBER = "5511955550021"


def post(url: str, body: dict[str, object]) -> int:
    request = urllib.request.Request(url, data=json.dumps(body).encode(), method="POST",
                                     headers={"Content-Type": "application/json"})  # fmt: skip
    with urllib.request.urlopen(request, timeout=10) as response:
        return int(response.status)


def replies(sim: str) -> list[str]:
    with urllib.request.urlopen(f"{sim}/api/default/chats/{NUMBER}@c.us/messages") as response:
        return [m["body"] for m in json.loads(response.read()) if m["fromMe"]]


@pytest.mark.timeout(150)
def test_wsm_up_on_a_redis_cluster_answers_a_person(
    tmp_path: Path, redis_cluster: LocalCluster
) -> None:
    redis_cluster.flush()
    ports = free_ports()
    env = {**{k: v for k, v in os.environ.items() if k != "WAHA_URL"},
           "REDIS_URL": redis_cluster.url}  # fmt: skip
    up = subprocess.Popen(up_command(tmp_path, ports), env=env, text=True,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          start_new_session=True)  # fmt: skip
    assert up.stdout is not None and up.stderr is not None
    try:
        while not (line := up.stdout.readline()).startswith("ready."):
            assert line, f"wsm up ended before it was ready: {up.stderr.read()}"
        sim = f"http://127.0.0.1:{ports['--sim-port']}"
        assert post(f"{sim}/sim/inbound", {"from": NUMBER, "text": "oi"}) == 200
        deadline = time.monotonic() + 30
        while not replies(sim) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert "Aviso de privacidade" in " ".join(replies(sim))
    finally:
        os.killpg(up.pid, signal.SIGINT)  # Ctrl-C
        status = up.wait(timeout=60)
    errors = up.stderr.read()
    assert status == 0, errors  # every service stopped cleanly
    assert "Traceback" not in errors
