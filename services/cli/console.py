"""``wsm console``: serve the front desk's web console."""

from __future__ import annotations

import argparse
from collections.abc import Mapping

from services.console.main import serve
from services.runtime.cli_types import port
from services.runtime.lifecycle import run_service

DEFAULT_PORT = 8070


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--host", default="127.0.0.1", help="address (default: 127.0.0.1)")
    parser.add_argument("--port", type=port, default=DEFAULT_PORT,
                        help=f"port (default: {DEFAULT_PORT})")  # fmt: skip


def run(args: argparse.Namespace, env: Mapping[str, str]) -> int:
    run_service(lambda stopping: serve(args.host, args.port, env, stopping))
    return 0
