"""Processes a system test starts (the services through ``wsm``, Prometheus, a model
server), each writing its own log, waited on and all stopped in the end."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


@dataclass
class Processes:
    """What a fixture started, each with its log in ``logs``; ``env`` unless told another,
    and ``wsm`` with ``cli_options`` before its command."""

    logs: Path
    env: dict[str, str]
    cli_options: tuple[str, ...] = ()
    running: dict[str, subprocess.Popen[bytes]] = field(default_factory=dict)

    def start(self, name: str, *command: str, env: dict[str, str] | None = None) -> None:
        with (self.logs / f"{name}.log").open("wb") as log:
            self.running[name] = subprocess.Popen(
                command, env=self.env if env is None else env, cwd=ROOT,
                stdout=log, stderr=subprocess.STDOUT,
            )  # fmt: skip

    def wsm(self, name: str, *args: str, env: dict[str, str] | None = None) -> None:
        self.start(name, sys.executable, "-m", "services.cli", *self.cli_options, *args, env=env)

    def wait_until(self, check: Callable[[], bool], what: str, seconds: float = 30) -> None:
        """Until ``check`` holds (an OSError counts as not yet); fails, with the logs'
        tails, after ``seconds`` or as soon as a process exits."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            exited = {n: p.returncode for n, p in self.running.items() if p.poll() is not None}
            assert not exited, f"exited while waiting for {what}: {exited}; {self.tails()}"
            try:
                if check():
                    return
            except OSError:
                pass
            time.sleep(0.1)
        raise AssertionError(f"no {what} within {seconds} s; {self.tails()}")

    def tails(self) -> str:
        """The end of every log, for a failure's message."""
        return "; ".join(f"{log.stem}: {log.read_text(errors='replace')[-800:]!r}"
                         for log in sorted(self.logs.glob("*.log")))  # fmt: skip

    def stop(self) -> None:
        for process in self.running.values():
            process.terminate()
        for process in self.running.values():
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
