"""``wsm ingest``: serve the gateway until SIGINT or SIGTERM."""

from __future__ import annotations

import argparse
import asyncio
import logging
from collections.abc import Mapping

from aiohttp import web

from services.ingest.app import create_app
from services.ingest.settings import IngestSettings
from services.runtime.cli_types import port
from services.runtime.lifecycle import SHUTDOWN_GRACE_S, run_service
from services.runtime.store import wait_for_layout

log = logging.getLogger(__name__)

# Requests in flight get most of the grace to finish; closing the app takes the rest.
REQUESTS_GRACE_S = SHUTDOWN_GRACE_S - 5


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on")
    parser.add_argument("--port", type=port, default=8080, help="port to listen on")


async def serve(settings: IngestSettings, host: str, port_: int, stopping: asyncio.Event) -> None:
    """Serve until ``stopping`` is set; a port that cannot be had raises ``OSError``."""
    # Access logs stay with nginx; the gateway reports through metrics and its own logs.
    runner = web.AppRunner(create_app(settings), access_log=None,
                           shutdown_timeout=REQUESTS_GRACE_S)  # fmt: skip
    await runner.setup()
    try:
        await web.TCPSite(runner, host, port_).start()
        log.info("ingest listening on http://%s:%d", host, port_)
        # Checked as soon as Redis answers (the gateway listens before that): a log laid
        # out otherwise, or a key-encryption key that does not open the subject keys,
        # stops it in one line instead of failing each webhook.
        async with settings.store.connected() as redis:
            await wait_for_layout(settings.store.event_log(redis), stopping)
        await stopping.wait()
    finally:
        await runner.cleanup()


def run(args: argparse.Namespace, env: Mapping[str, str]) -> int:
    settings = IngestSettings.from_env(env)
    run_service(lambda stopping: serve(settings, args.host, args.port, stopping))
    return 0
