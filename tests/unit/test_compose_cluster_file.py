"""compose.cluster.yml, laid over compose.yml: valid compose, six Redis nodes each with a
volume of its own, and every service of ours on the cluster as its own Redis user, after
the cluster is made, waiting for a replica."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

ROOT = Path(__file__).resolve().parents[2]
NODES = ["redis", "redis-1", "redis-2", "redis-3", "redis-4", "redis-5"]


def services(name: str) -> dict[str, dict[str, Any]]:
    return dict(yaml.safe_load((ROOT / name).read_text())["services"])


def test_the_cluster_override_is_valid_compose() -> None:
    command = [sys.executable, "-m", "check_jsonschema", "--builtin-schema",
               "vendor.compose-spec", str(ROOT / "compose.cluster.yml")]  # fmt: skip
    checked = subprocess.run(command, capture_output=True, text=True, timeout=30)
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_each_of_the_six_nodes_keeps_its_data_in_a_volume_of_its_own() -> None:
    override = services("compose.cluster.yml")
    volumes = [
        next(v.split(":")[0] for v in override[node]["volumes"] if v.endswith(":/data"))
        for node in NODES
    ]
    assert len(set(volumes)) == len(NODES)


def test_the_cluster_is_made_once_every_node_is_healthy() -> None:
    create = services("compose.cluster.yml")["redis-cluster-create"]
    assert create["command"] == NODES
    assert {node: dep["condition"] for node, dep in create["depends_on"].items()} == {
        node: "service_healthy" for node in NODES
    }


def test_every_service_reaching_redis_reaches_the_cluster_as_its_own_user() -> None:
    base, override = services("compose.yml"), services("compose.cluster.yml")
    on_redis = {name for name, s in base.items()
                if "REDIS_URL" in s.get("environment", {})}  # fmt: skip
    assert on_redis == {"ingest", "conductor", "projector", "console", "operator"}
    for name in on_redis:
        service = override[name]
        url = urlsplit(service["environment"]["REDIS_URL"])
        assert url.scheme == "redis+cluster"
        user = url.netloc.split(":")[0]
        assert user == name and f"${{REDIS_{name.upper()}_PASSWORD}}" in url.netloc
        seeds = url.netloc.rsplit("@", 1)[1].split(",")
        assert seeds == [f"{node}:6379" for node in NODES]
        made = service["depends_on"]["redis-cluster-create"]["condition"]
        assert made == "service_completed_successfully"


def test_every_service_writing_waits_for_a_replica_on_the_cluster() -> None:
    override = services("compose.cluster.yml")
    for name in ("ingest", "conductor", "projector", "console"):
        assert override[name]["environment"]["REDIS_WAIT_REPLICAS"] == "${REDIS_WAIT_REPLICAS:-1}"
