"""``wsm ingest``: serve the gateway until SIGINT or SIGTERM."""

from __future__ import annotations

import argparse
import asyncio
import gc
import logging
from collections.abc import Mapping

from aiohttp import web
from prometheus_client import CollectorRegistry

from services.ingest.app import create_app
from services.ingest.settings import IngestSettings
from services.runtime.cli_types import port
from services.runtime.lifecycle import SHUTDOWN_GRACE_S, run_service
from services.runtime.metrics_server import add_metrics_arguments, serving_metrics
from services.runtime.store import wait_for_layout

log = logging.getLogger(__name__)

# Requests in flight get most of the grace to finish; closing the app takes the rest.
REQUESTS_GRACE_S = SHUTDOWN_GRACE_S - 5
# Allocations between two young-generation collections (Python's default: 700).
YOUNG_COLLECTION_EVERY = 20_000


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on")
    parser.add_argument("--port", type=port, default=8080, help="port to listen on")
    add_metrics_arguments(parser)


async def serve(
    settings: IngestSettings,
    args: argparse.Namespace,
    stopping: asyncio.Event,
) -> None:
    """Serve until ``stopping`` is set; a port that cannot be had raises ``OSError``."""
    registry = CollectorRegistry()
    # Access logs stay with nginx; the gateway reports through metrics and its own logs.
    # No lingering: a request refused before its body arrived (408, 413, 503) has its
    # connection closed at once, instead of the rest of its body being read and dropped.
    runner = web.AppRunner(create_app(settings, registry=registry), access_log=None,
                           shutdown_timeout=REQUESTS_GRACE_S, lingering_time=0)  # fmt: skip
    await runner.setup()
    settle_garbage_collector()
    try:
        async with serving_metrics(registry, args.metrics_host, args.metrics_port):
            await web.TCPSite(runner, args.host, args.port).start()
            log.info("ingest listening on http://%s:%d", args.host, args.port)
            # Checked as soon as Redis answers (the gateway listens before that): a log
            # laid out otherwise, or a key-encryption key that does not open the subject
            # keys, stops it in one line instead of failing each webhook.
            async with settings.store.connected() as redis:
                await wait_for_layout(settings.store.event_log(redis), stopping)
            await stopping.wait()
    finally:
        await runner.cleanup()


def settle_garbage_collector() -> None:
    """Keep the cycle collector off what the process holds for good, and run it less often.

    A webhook allocates a few hundred short-lived objects, nearly all freed by reference
    counting; at the default pace the collector took about a tenth of the gateway's CPU,
    most of it walking the modules, tables and clients made at start, which never become
    garbage. Those are frozen out of its reach once the app is set up.
    """
    gc.collect()
    gc.freeze()
    gc.set_threshold(YOUNG_COLLECTION_EVERY, *gc.get_threshold()[1:])


def run(args: argparse.Namespace, env: Mapping[str, str]) -> int:
    settings = IngestSettings.from_env(env)
    run_service(lambda stopping: serve(settings, args, stopping))
    return 0
