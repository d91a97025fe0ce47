"""The services reach a Redis that speaks TLS only (``rediss://``): the server's
certificate is verified against REDIS_TLS_CA_FILE and the client presents its own. A real
redis-server with TLS, certificates made by openssl for the run."""

from __future__ import annotations

import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import redis as sync_redis
from redis.exceptions import ConnectionError as RedisConnectionError

from events import EventLog
from services.runtime.embedded_redis import redis_server_binary
from services.runtime.ports import free_port
from services.runtime.store import StoreSettings
from tests.support.kek import kek_env


def openssl(*args: str, cwd: Path) -> None:
    subprocess.run(["openssl", *args], cwd=cwd, check=True, capture_output=True, timeout=30)


def authority(directory: Path, name: str) -> None:
    openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", f"/CN={name}",
            "-keyout", f"{name}.key", "-out", f"{name}.crt", cwd=directory)  # fmt: skip


def certificate(directory: Path, name: str, ca: str) -> None:
    """``name``.crt and .key, signed by ``ca``, valid for 127.0.0.1."""
    (directory / "san.ext").write_text("subjectAltName=IP:127.0.0.1,DNS:localhost\n")
    openssl("req", "-newkey", "rsa:2048", "-nodes", "-subj", f"/CN={name}",
            "-keyout", f"{name}.key", "-out", f"{name}.csr", cwd=directory)  # fmt: skip
    openssl("x509", "-req", "-in", f"{name}.csr", "-CA", f"{ca}.crt", "-CAkey", f"{ca}.key",
            "-CAcreateserial", "-days", "2", "-extfile", "san.ext", "-out", f"{name}.crt",
            cwd=directory)  # fmt: skip


@dataclass(frozen=True)
class TlsRedis:
    port: int
    certs: Path

    def env(self, **tls: str) -> dict[str, str]:
        files = {f"REDIS_TLS_{k.upper()}_FILE": str(self.certs / v) for k, v in tls.items()}
        return {"REDIS_URL": f"rediss://127.0.0.1:{self.port}/0", "PARTITIONS": "4", **files}


@pytest.fixture(scope="module")
def tls_redis(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TlsRedis]:
    certs = tmp_path_factory.mktemp("tls")
    authority(certs, "ca")
    authority(certs, "other-ca")
    certificate(certs, "server", "ca")
    certificate(certs, "client", "ca")
    port = free_port()
    command = [redis_server_binary(), "--port", "0", "--tls-port", str(port),
               "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", str(certs),
               "--tls-cert-file", "server.crt", "--tls-key-file", "server.key",
               "--tls-ca-cert-file", "ca.crt", "--tls-auth-clients", "yes"]  # fmt: skip
    process = subprocess.Popen(command, cwd=certs, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT)  # fmt: skip
    client = sync_redis.Redis(port=port, ssl=True, ssl_ca_certs=str(certs / "ca.crt"),
                              ssl_certfile=str(certs / "client.crt"),
                              ssl_keyfile=str(certs / "client.key"))  # fmt: skip
    try:
        deadline = time.monotonic() + 10
        while True:
            if process.poll() is not None:
                said = process.stdout.read().decode() if process.stdout else ""
                if "TLS" in said and "not" in said:
                    pytest.skip("this redis-server was built without TLS")
                raise AssertionError(f"redis-server with TLS exited: {said[-1000:]}")
            try:
                client.ping()
                break
            except sync_redis.ConnectionError:
                assert time.monotonic() < deadline, "redis-server with TLS did not answer"
                time.sleep(0.05)
        yield TlsRedis(port, certs)
    finally:
        client.close()
        process.terminate()
        process.wait(timeout=10)


async def test_a_service_uses_the_log_over_tls_with_its_certificate(tls_redis: TlsRedis) -> None:
    store = StoreSettings.from_env(
        {**tls_redis.env(ca="ca.crt", cert="client.crt", key="client.key"), **kek_env()}
    )
    async with store.connected() as redis:
        event_log = EventLog(redis, store.keyspace)
        await event_log.ensure_layout()
        assert await redis.get(store.keyspace.layout()) is not None


async def test_a_server_the_configured_ca_did_not_sign_is_refused(tls_redis: TlsRedis) -> None:
    env = tls_redis.env(ca="other-ca.crt", cert="client.crt", key="client.key")
    async with StoreSettings.from_env({**env, **kek_env()}).connected() as redis:
        with pytest.raises(RedisConnectionError):
            await redis.ping()


async def test_a_client_without_a_certificate_is_refused_by_the_server(
    tls_redis: TlsRedis,
) -> None:
    async with StoreSettings.from_env(
        {**tls_redis.env(ca="ca.crt"), **kek_env()}
    ).connected() as redis:
        with pytest.raises(RedisConnectionError):
            await redis.ping()
