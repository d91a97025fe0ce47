"""A wrong clinic file is one clear line at start, naming the field and its line, and the
conductor does not run."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from services.runtime.embedded_redis import RedisServer
from tests.support import cli
from tests.support.cli import one_clear_line
from tests.support.kek import kek_env

EXAMPLE = Path(__file__).parents[2] / "ops" / "clinic" / "clinic.toml"


@pytest.fixture
def env(redis_server: RedisServer) -> dict[str, str]:
    return {**os.environ, **kek_env(), "REDIS_URL": redis_server.url, "PARTITIONS": "4"}


def test_a_wrong_clinic_file_stops_the_conductor_with_the_field_and_line(
    env: dict[str, str], tmp_path: Path
) -> None:
    wrong = tmp_path / "clinic.toml"
    text = EXAMPLE.read_text(encoding="utf-8").replace('professionals = ["carla"]',
                                                       'professionals = ["carlos"]')  # fmt: skip
    wrong.write_text(text, encoding="utf-8")
    result = cli.wsm("conductor", env={**env, "CLINIC_FILE": str(wrong)}, timeout=30)
    assert result.returncode == 2
    line = one_clear_line(result)
    assert "services[3].professionals: no professional 'carlos'" in line
    assert f"{wrong}, line " in line
