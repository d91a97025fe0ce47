"""``wsm ingest``: serve the gateway until SIGINT or SIGTERM."""

from __future__ import annotations

import argparse
import logging
from collections.abc import Mapping

from aiohttp import web

from services.ingest.app import create_app
from services.ingest.settings import IngestSettings
from services.runtime.cli_types import port
from services.runtime.lifecycle import SHUTDOWN_GRACE_S

log = logging.getLogger(__name__)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on")
    parser.add_argument("--port", type=port, default=8080, help="port to listen on")


def run(args: argparse.Namespace, env: Mapping[str, str]) -> int:
    settings = IngestSettings.from_env(env)

    def listening(_banner: str) -> None:  # called once the port is bound
        log.info("ingest listening on http://%s:%d", args.host, args.port)

    # Access logs stay with nginx; the gateway reports through metrics and its own logs.
    # SIGINT and SIGTERM stop it; requests in flight get SHUTDOWN_GRACE_S to finish.
    web.run_app(create_app(settings), host=args.host, port=args.port, access_log=None,
                print=listening, shutdown_timeout=SHUTDOWN_GRACE_S)  # fmt: skip
    return 0
