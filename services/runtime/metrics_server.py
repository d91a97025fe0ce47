"""The ``/metrics`` (Prometheus text) and ``/healthz`` endpoints of a worker process."""

from __future__ import annotations

import argparse
import contextlib
import logging
from collections.abc import AsyncIterator

from aiohttp import web
from prometheus_client import CollectorRegistry
from prometheus_client.exposition import choose_encoder

from services.runtime.cli_types import port

log = logging.getLogger(__name__)


def add_metrics_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--metrics-host", default="127.0.0.1", help="metrics address")
    parser.add_argument(
        "--metrics-port", type=port, default=None, help="serve /metrics on this port"
    )


def metrics_response(registry: CollectorRegistry, request: web.Request) -> web.Response:
    """Prometheus text, or OpenMetrics (with the histograms' trace exemplars) when the
    scraper asks for it."""
    encode, content_type = choose_encoder(request.headers.get("Accept", ""))
    response = web.Response(body=encode(registry))
    response.headers["Content-Type"] = content_type
    return response


def metrics_app(registry: CollectorRegistry) -> web.Application:
    async def metrics(request: web.Request) -> web.Response:
        return metrics_response(registry, request)

    async def healthz(request: web.Request) -> web.Response:
        return web.json_response({"status": "ok"})

    app = web.Application()
    app.router.add_get("/metrics", metrics)
    app.router.add_get("/healthz", healthz)
    return app


@contextlib.asynccontextmanager
async def serving(app: web.Application, host: str, port: int) -> AsyncIterator[None]:
    """``app`` on ``host:port`` while the block runs."""
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    try:
        await web.TCPSite(runner, host, port).start()
        yield
    finally:
        await runner.cleanup()


@contextlib.asynccontextmanager
async def serving_metrics(
    registry: CollectorRegistry, host: str, port: int | None
) -> AsyncIterator[None]:
    """``/metrics`` on ``host:port`` while the block runs; nothing when ``port`` is None."""
    if port is None:
        yield
        return
    async with serving(metrics_app(registry), host, port):
        log.info("metrics on http://%s:%d/metrics", host, port)
        yield
