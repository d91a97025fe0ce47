"""REDIS_TLS_* as an operator writes them: checked at start, refused where they would be
silently ignored."""

from __future__ import annotations

from pathlib import Path

import pytest

from services.runtime.redis_connection import RedisTls
from services.runtime.settings import SettingsError
from services.runtime.store import StoreSettings
from tests.support.kek import kek_env

TLS_URL = "rediss://redis.internal:6380/0"


@pytest.fixture
def pem(tmp_path: Path) -> Path:
    path = tmp_path / "file.pem"
    path.write_text("not read before connecting")
    return path


def test_a_rediss_url_alone_verifies_the_server_against_the_systems_cas() -> None:
    store = StoreSettings.from_env({"REDIS_URL": TLS_URL, **kek_env()})
    assert store.tls == RedisTls()
    assert store.tls.options() == {"ssl_cert_reqs": "required", "ssl_check_hostname": True}


def test_the_ca_and_the_clients_certificate_reach_the_connection(pem: Path) -> None:
    env = {"REDIS_URL": TLS_URL, "REDIS_TLS_CA_FILE": str(pem),
           "REDIS_TLS_CERT_FILE": str(pem), "REDIS_TLS_KEY_FILE": str(pem)}  # fmt: skip
    tls = StoreSettings.from_env({**env, **kek_env()}).tls
    assert tls is not None
    options = tls.options()
    assert options["ssl_ca_certs"] == options["ssl_certfile"] == options["ssl_keyfile"] == str(pem)


def test_a_plain_url_has_no_tls() -> None:
    assert (
        StoreSettings.from_env({"REDIS_URL": "redis://127.0.0.1:6379/0", **kek_env()}).tls is None
    )


def test_tls_files_with_a_plain_url_are_refused(pem: Path) -> None:
    env = {"REDIS_URL": "redis://redis:6379/0", "REDIS_TLS_CA_FILE": str(pem)}
    with pytest.raises(SettingsError, match="rediss://"):
        StoreSettings.from_env({**env, **kek_env()})


def test_a_certificate_without_its_key_is_refused(pem: Path) -> None:
    with pytest.raises(SettingsError, match="REDIS_TLS_KEY_FILE"):
        StoreSettings.from_env({"REDIS_URL": TLS_URL, "REDIS_TLS_CERT_FILE": str(pem), **kek_env()})


def test_a_ca_file_that_does_not_exist_is_refused_by_name(tmp_path: Path) -> None:
    env = {"REDIS_URL": TLS_URL, "REDIS_TLS_CA_FILE": str(tmp_path / "missing.pem")}
    with pytest.raises(SettingsError, match="REDIS_TLS_CA_FILE"):
        StoreSettings.from_env({**env, **kek_env()})


@pytest.mark.parametrize("query", ["ssl_cert_reqs=none", "ssl_check_hostname=false"])
def test_a_url_that_would_turn_verification_off_is_refused(query: str) -> None:
    with pytest.raises(SettingsError, match="not by ssl_\\* options in the URL"):
        StoreSettings.from_env({"REDIS_URL": f"{TLS_URL}?{query}", **kek_env()})
