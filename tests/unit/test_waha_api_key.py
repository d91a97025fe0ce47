"""compose's WAHA API key works as shipped: one key is made (or taken from .env), WAHA
holds its ``sha512:`` form and the conductor sends the plain key, which WAHA accepts."""

from __future__ import annotations

import hashlib
import os
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml
from aiohttp.test_utils import TestServer

from services.conductor.settings import waha_api_key
from services.runtime.settings import SettingsError
from services.waha.client import WahaClient
from services.waha_sim.app import Simulator, create_app

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "ops" / "waha" / "api-key.sh"
CHAT = "5511988887777@c.us"


def put_key_in_place(directory: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """Run compose's waha-api-key service's script on ``directory``."""
    environment = {"PATH": os.environ["PATH"], "WAHA_API_KEY_DIR": str(directory), **env}
    return subprocess.run(["sh", str(SCRIPT)], env=environment, capture_output=True,
                          text=True, timeout=10, check=False)  # fmt: skip


async def test_waha_holding_the_hashed_key_takes_the_conductors_plain_key(tmp_path: Path) -> None:
    assert put_key_in_place(tmp_path).returncode == 0
    key = waha_api_key({"WAHA_API_KEY_FILE": str(tmp_path / "plain")})
    hashed = (tmp_path / "sha512").read_text()
    assert key is not None and hashed == "sha512:" + hashlib.sha512(key.encode()).hexdigest()
    simulator = Simulator(webhook_url=None, hmac_key=b"k", api_key=hashed)
    async with TestServer(create_app(simulator), host="127.0.0.1") as server:
        client = WahaClient(str(server.make_url("")).rstrip("/"), key)
        try:
            assert await client.send_text("default", CHAT, "Olá") is not None
        finally:
            await client.close()


def test_the_generated_key_is_kept_from_one_start_to_the_next(tmp_path: Path) -> None:
    put_key_in_place(tmp_path)
    first = (tmp_path / "plain").read_text()
    put_key_in_place(tmp_path)
    assert (tmp_path / "plain").read_text() == first and len(first) == 64


def test_a_key_set_in_env_is_the_one_used(tmp_path: Path) -> None:
    chosen = "3f9a1c5e7b2d4f6a8c0e1b3d5f7a9c2e4b6d8f0a1c3e5b7d"
    put_key_in_place(tmp_path, WAHA_API_KEY=chosen)
    assert (tmp_path / "plain").read_text() == chosen
    assert (tmp_path / "sha512").read_text().endswith(hashlib.sha512(chosen.encode()).hexdigest())


def test_the_hashed_form_in_env_is_refused_without_being_repeated(tmp_path: Path) -> None:
    hashed = "sha512:" + hashlib.sha512(b"x").hexdigest()
    done = put_key_in_place(tmp_path, WAHA_API_KEY=hashed)
    assert done.returncode == 2 and "plain key" in done.stderr
    assert hashed[8:] not in done.stderr + done.stdout
    assert not (tmp_path / "plain").exists()


@pytest.mark.parametrize("name", ["WAHA_API_KEY", "WAHA_API_KEY_FILE"])
def test_the_conductor_refuses_the_hashed_form_as_its_key(tmp_path: Path, name: str) -> None:
    hashed = "sha512:" + hashlib.sha512(b"x").hexdigest()
    (tmp_path / "key").write_text(hashed)
    value = str(tmp_path / "key") if name == "WAHA_API_KEY_FILE" else hashed
    with pytest.raises(SettingsError, match=f"^{name} holds the sha512: form") as refused:
        waha_api_key({name: value})
    assert hashed[8:] not in str(refused.value)


def test_an_unreadable_key_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(SettingsError, match=r"^WAHA_API_KEY_FILE: cannot read"):
        waha_api_key({"WAHA_API_KEY_FILE": str(tmp_path / "missing")})


def compose() -> dict[str, Any]:
    return dict(yaml.safe_load((ROOT / "compose.yml").read_text())["services"])


def test_compose_gives_waha_the_hash_and_the_conductor_the_plain_key() -> None:
    services = compose()
    waha, conductor, maker = services["waha"], services["conductor"], services["waha-api-key"]
    assert "WAHA_API_KEY" not in waha["environment"]
    assert waha["entrypoint"] == ["sh", "/ops/waha/start.sh"]
    assert conductor["environment"]["WAHA_API_KEY_FILE"] == "/run/waha-api-key/plain"
    assert "waha-api-key:/run/waha-api-key" in maker["volumes"]
    for user in (waha, conductor):
        assert "waha-api-key:/run/waha-api-key:ro" in user["volumes"]
        assert user["depends_on"]["waha-api-key"] == {"condition": "service_completed_successfully"}
    start = (ROOT / "ops" / "waha" / "start.sh").read_text()
    assert "/run/waha-api-key}/sha512" in start and "exec /entrypoint.sh" in start


def test_a_short_key_in_env_is_refused_without_being_repeated(tmp_path: Path) -> None:
    done = put_key_in_place(tmp_path, WAHA_API_KEY="hunter2-hunter2")
    assert done.returncode == 2 and "shorter than 32 bytes" in done.stderr
    assert "hunter2" not in done.stderr + done.stdout
    assert not (tmp_path / "plain").exists()
