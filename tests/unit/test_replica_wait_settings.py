"""REDIS_WAIT_REPLICAS and REDIS_WAIT_TIMEOUT_MS: off by default, checked at start, read
with the store settings every service shares."""

from __future__ import annotations

import pytest

from events.replication import ReplicaWait
from services.runtime.settings import SettingsError
from services.runtime.store import StoreSettings, replica_wait
from tests.support.kek import kek_env


def test_no_replica_is_waited_for_by_default() -> None:
    assert replica_wait({}) is None


def test_a_replica_count_turns_the_wait_on_with_its_timeout() -> None:
    env = {"REDIS_WAIT_REPLICAS": "1", "REDIS_WAIT_TIMEOUT_MS": "250"}
    assert replica_wait(env) == ReplicaWait(replicas=1, timeout_ms=250)


def test_a_wait_longer_than_the_connection_timeout_is_refused() -> None:
    env = {"REDIS_WAIT_REPLICAS": "1", "REDIS_WAIT_TIMEOUT_MS": "5000"}
    with pytest.raises(SettingsError, match="REDIS_WAIT_TIMEOUT_MS"):
        replica_wait(env)


def test_a_negative_replica_count_is_refused() -> None:
    with pytest.raises(SettingsError, match="REDIS_WAIT_REPLICAS"):
        replica_wait({"REDIS_WAIT_REPLICAS": "-1"})


def test_every_services_store_settings_carry_the_wait() -> None:
    env = {"REDIS_WAIT_REPLICAS": "1", "REDIS_WAIT_TIMEOUT_MS": "300", **kek_env()}
    assert StoreSettings.from_env(env).replica_wait == ReplicaWait(replicas=1, timeout_ms=300)
