"""A ``redis+cluster://`` REDIS_URL chooses the cluster client, read as an operator writes it."""

from __future__ import annotations

from pathlib import Path

import pytest
from redis.asyncio import Redis

from services.runtime.redis_cluster import ServicesRedisCluster, parse_cluster_url
from services.runtime.settings import SettingsError
from services.runtime.store import StoreSettings
from tests.support.kek import kek_env


def test_every_node_of_the_url_is_a_seed() -> None:
    parsed = parse_cluster_url("redis+cluster://10.0.0.1:7000,10.0.0.2:7001,redis-c:7002")
    assert parsed.seeds == (("10.0.0.1", 7000), ("10.0.0.2", 7001), ("redis-c", 7002))
    assert not parsed.tls


def test_the_user_and_password_reach_every_node() -> None:
    parsed = parse_cluster_url("redis+cluster://ingest:s3cr%40t@a:7000,b:7001/0")
    assert parsed.options["username"] == "ingest"
    assert parsed.options["password"] == "s3cr@t"


def test_rediss_cluster_speaks_tls() -> None:
    assert parse_cluster_url("rediss+cluster://a:7000").tls


@pytest.mark.parametrize(
    "url",
    [
        "redis+cluster://",  # no node
        "redis+cluster://a",  # no port
        "redis+cluster://a:port",  # not a number
        "redis+cluster://a:7000/1",  # a cluster has database 0 only
    ],
)
def test_a_cluster_url_that_names_no_usable_node_is_refused(url: str) -> None:
    with pytest.raises(ValueError):
        parse_cluster_url(url)


def test_a_bad_cluster_url_stops_the_service_without_echoing_it() -> None:
    with pytest.raises(SettingsError) as refused:
        StoreSettings.from_env({"REDIS_URL": "redis+cluster://u:hunter2@a:7000/3", **kek_env()})
    assert "hunter2" not in str(refused.value)


def test_a_cluster_url_gives_the_cluster_client() -> None:
    store = StoreSettings.from_env({"REDIS_URL": "redis+cluster://a:7000,b:7001", **kek_env()})
    client = store.connect()  # connects lazily: nothing is sent yet
    assert isinstance(client, ServicesRedisCluster)
    assert [node.name for node in client.startup_nodes] == ["a:7000", "b:7001"]


def test_a_single_url_still_gives_the_single_client() -> None:
    store = StoreSettings.from_env({"REDIS_URL": "redis://a:6379/0", **kek_env()})
    assert isinstance(store.connect(), Redis)


def test_the_cluster_client_verifies_every_node_over_tls(tmp_path: Path) -> None:
    ca = tmp_path / "ca.pem"
    ca.write_text("not read before connecting")
    env = {"REDIS_URL": "rediss+cluster://a:7000", "REDIS_TLS_CA_FILE": str(ca), **kek_env()}
    client = StoreSettings.from_env(env).connect()
    assert isinstance(client, ServicesRedisCluster)
    options = client.connection_kwargs
    assert options["ssl_ca_certs"] == str(ca)
    assert options["ssl_cert_reqs"] == "required" and options["ssl_check_hostname"] is True
    assert "SSL" in options["connection_class"].__name__
    assert "CancellationKeeping" in options["connection_class"].__name__
