"""``wsm up --engine NOWEB``: the whole product locally, in front of NOWEB's shapes."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from tests.system.test_local_stack import free_ports, up_command

NUMBER = "5511977770099"


def call(url: str, body: dict[str, Any] | None = None) -> Any:
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data=data, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.load(response)


@pytest.mark.timeout(180)
def test_wsm_up_with_the_noweb_engine_answers_a_person(tmp_path: Path) -> None:
    ports = free_ports()
    env = {k: v for k, v in os.environ.items() if k not in ("REDIS_URL", "WAHA_URL")}
    command = [*up_command(tmp_path / "state", ports), "--engine", "NOWEB"]
    up = subprocess.Popen(command, env=env, text=True, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, start_new_session=True)  # fmt: skip
    assert up.stdout is not None and up.stderr is not None
    try:
        while not (line := up.stdout.readline()).startswith("ready."):
            assert line, f"wsm up ended before it was ready: {up.stderr.read()}"
        sim = f"http://127.0.0.1:{ports['--sim-port']}"
        said = call(f"{sim}/sim/inbound", {"from": NUMBER, "text": "oi"})
        assert said["gateway"]["status"] == "accepted"
        deadline = time.monotonic() + 60
        replies: list[dict[str, Any]] = []
        while not replies and time.monotonic() < deadline:
            listed = call(f"{sim}/api/default/chats/{NUMBER}@c.us/messages")
            replies = [m for m in listed if m["fromMe"]]
            time.sleep(0.2)
        [reply] = replies
        assert "Aviso de privacidade" in reply["body"]
        assert "to" not in reply  # NOWEB's shape: the chat in ``from``, no ``to``
        assert call(f"{sim}/sim/ack", {"message_id": reply["id"]})["gateway"]["status"] == (
            "accepted"
        )
    finally:
        os.killpg(up.pid, signal.SIGINT)
        up.wait(timeout=60)
