"""A local ``redis-server`` process: the default store of ``wsm up`` and of the tests."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path
from urllib.parse import quote

import redis

from services.runtime.ports import ensure_free, free_port

MIN_VERSION = (7, 0)


class RedisUnavailable(RuntimeError):
    """No usable redis-server binary on this machine."""


def redis_server_binary() -> str:
    path = shutil.which("redis-server")
    if path is None:
        raise RedisUnavailable(
            "redis-server not found; run scripts/bootstrap (it installs redis-server >= 7.0)"
        )
    banner = subprocess.run([path, "--version"], capture_output=True, text=True).stdout
    version = banner.split("v=")[1].split()[0] if "v=" in banner else "0"
    major_minor = tuple(int(part) for part in version.split(".")[:2])
    if major_minor < MIN_VERSION:
        raise RedisUnavailable(f"redis-server {version} is too old; 7.0 or newer is needed")
    return path


class RedisServer:
    """A redis-server child process on loopback, with its data in ``directory``."""

    def __init__(
        self,
        directory: Path,
        port: int | None = None,
        *,
        appendonly: bool = True,
        appendfsync: str = "everysec",
        password: str | None = None,
        options: tuple[str, ...] = (),
    ) -> None:
        self.directory = directory
        self.options = options
        """More of redis-server's command-line options (e.g. a cluster node's)."""
        self.port = port or free_port()
        self.password = password
        self.appendonly = appendonly
        self.appendfsync = appendfsync
        self._process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        """Where clients reach it, with its password when it has one."""
        credentials = f":{quote(self.password, safe='')}@" if self.password else ""
        return f"redis://{credentials}127.0.0.1:{self.port}/0"

    def start(self, timeout: float = 10.0) -> None:
        """Start and wait until it serves; ``PortBusy`` if another process has the port."""
        ensure_free(self.port, "the embedded Redis")
        self.directory.mkdir(parents=True, exist_ok=True)
        command = [
            redis_server_binary(),
            str(self._private_config()),
            "--bind", "127.0.0.1",
            "--protected-mode", "yes",
            "--port", str(self.port),
            "--dir", str(self.directory),
            "--save", "",
            "--appendonly", "yes" if self.appendonly else "no",
            "--appendfsync", self.appendfsync,
            "--logfile", "redis.log",
            *self.options,
        ]  # fmt: skip
        # Its own session: a Ctrl-C meant for its parent must not stop it before the
        # services that use it.
        self._process = subprocess.Popen(command, stdout=subprocess.DEVNULL,
                                         start_new_session=True)  # fmt: skip
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                log = (self.directory / "redis.log").read_text(errors="replace")[-2000:]
                raise RedisUnavailable(f"redis-server exited at start:\n{log}")
            if self._serving():
                return
            time.sleep(0.02)
        self.stop()
        raise RedisUnavailable(f"redis-server did not answer on port {self.port}")

    def _private_config(self) -> Path:
        """A configuration file only its owner reads, holding what must not be on the
        command line (which every local user can read in the process list)."""
        path = self.directory / "private.conf"
        password = f"requirepass {self.password}\n" if self.password else ""
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "w") as file:
            file.write(password)
        path.chmod(0o600)  # one made before with laxer rights
        return path

    def _serving(self) -> bool:
        """Whether this very process answers, its data loaded: a server that took the
        port meanwhile would answer too."""
        assert self._process is not None
        client = redis.Redis(port=self.port, password=self.password, socket_timeout=0.5,
                             socket_connect_timeout=0.5)  # fmt: skip
        try:
            info = client.info()
            return info.get("process_id") == self._process.pid and not info.get("loading")
        except (redis.RedisError, OSError):
            return False
        finally:
            client.close()

    def stop(self) -> None:
        """Stop gracefully (SIGTERM lets Redis flush its AOF); killed after 10 s."""
        if self._process and self._process.poll() is None:
            self._process.terminate()
            try:
                self._process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
        self._process = None

    @property
    def running(self) -> bool:
        """Whether its process is alive."""
        return self._process is not None and self._process.poll() is None

    def kill(self) -> None:
        """Stop abruptly, as a crash would."""
        if self._process and self._process.poll() is None:
            self._process.kill()
            self._process.wait(timeout=10)
        self._process = None
