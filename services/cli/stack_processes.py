"""The child processes of ``wsm up``: started with their logs in files, asked whether
they answer, followed for errors, stopped."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import IO

STOP_TIMEOUT_S = 20
"""How long the services have after SIGTERM before they are killed (each needs at most
15 s, and they stop together)."""


class Service:
    """One ``wsm`` child process, logging to ``logs/NAME.log``."""

    def __init__(self, name: str, arguments: Sequence[str], ready_url: str, logs: Path) -> None:
        self.name = name
        self.arguments = tuple(arguments)
        self.ready_url = ready_url
        self.log = logs / f"{name}.log"
        self._process: subprocess.Popen[bytes] | None = None
        self._log_file: IO[bytes] | None = None
        self._log_start = 0

    def start(self, env: Mapping[str, str]) -> None:
        """Start it, its output appended to its log file."""
        self._log_file = self.log.open("ab")
        self._log_start = self._log_file.tell()
        self._process = subprocess.Popen(
            [sys.executable, "-m", "services.cli", *self.arguments],
            env=dict(env),
            stdin=subprocess.DEVNULL,
            stdout=self._log_file,
            stderr=subprocess.STDOUT,
            # Out of the terminal's process group: Ctrl-C reaches wsm up alone, which
            # stops the services in order, Redis last.
            start_new_session=True,
        )

    def exited(self) -> bool:
        return self._process is not None and self._process.poll() is not None

    def returncode(self) -> int | None:
        return None if self._process is None else self._process.returncode

    def last_words(self) -> str | None:
        """The last line this run wrote that is not a JSON log line: how a command says
        why it stopped (its error boundary's one line, or a crash's last line)."""
        with self.log.open("rb") as log:
            log.seek(self._log_start)
            lines = log.read().decode(errors="replace").splitlines()
        plain = [line for line in lines if line.strip() and not line.startswith("{")]
        return plain[-1][:500] if plain else None

    def answers(self) -> bool:
        """Whether its ready URL answers 200 now."""
        try:
            with urllib.request.urlopen(self.ready_url, timeout=1) as response:
                return bool(response.status == 200)
        except (urllib.error.URLError, OSError):
            return False

    def signal(self, signum: int) -> None:
        if self._process is not None and self._process.poll() is None:
            self._process.send_signal(signum)

    def wait(self, deadline: float) -> None:
        """Wait for it to exit until ``deadline`` (monotonic), then kill it."""
        if self._process is not None:
            try:
                self._process.wait(timeout=max(0.0, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
        if self._log_file is not None:
            self._log_file.close()


def first_unready(services: Iterable[Service]) -> Service | None:
    """The first service that does not answer yet, if any."""
    return next((service for service in services if not service.answers()), None)


def stop_all(services: Sequence[Service], at_once: bool = False) -> list[Service]:
    """SIGTERM to every service together, then wait for them all until one deadline
    (killed past it); ``at_once``: killed without waiting. The services that did not
    stop cleanly."""
    for service in services:
        service.signal(signal.SIGKILL if at_once else signal.SIGTERM)
    deadline = time.monotonic() + STOP_TIMEOUT_S
    for service in services:
        service.wait(deadline)
    return [service for service in services if service.returncode() not in (0, None)]


class LogFollower:
    """The error lines the services write to their logs, as short console lines."""

    def __init__(self, services: Iterable[Service]) -> None:
        # From the end of what earlier runs wrote: their errors were shown then.
        self._offsets = {s.name: (s.log, s.log.stat().st_size if s.log.exists() else 0)
                         for s in services}  # fmt: skip

    def new_errors(self) -> list[str]:
        """The error lines written since the last call, as ``NAME: message``."""
        lines: list[str] = []
        for name, (path, offset) in self._offsets.items():
            try:
                with path.open("rb") as log:
                    log.seek(offset)
                    chunk = log.read()
            except FileNotFoundError:
                continue
            complete = chunk[: chunk.rfind(b"\n") + 1]  # a line being written waits
            self._offsets[name] = (path, offset + len(complete))
            lines += [f"{name}: {error}" for error in errors_in(complete.splitlines())]
        return lines


def errors_in(lines: Iterable[bytes]) -> list[str]:
    """The messages of the error lines among a service's JSON log lines."""
    errors = []
    for line in lines:
        try:
            entry = json.loads(line)
        except ValueError:
            continue  # not a log line: a crash's traceback, read in the file
        if isinstance(entry, dict) and entry.get("level") in ("error", "critical"):
            errors.append(str(entry.get("message", "")))
    return errors
