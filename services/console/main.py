"""Serving the console until asked to stop."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Mapping

from services.console.app import create_app
from services.console.settings import ConsoleSettings
from services.domain.chats import chat_key_secret
from services.domain.clinic import Clinic
from services.domain.clinic_file import clinic_from_env
from services.runtime.metrics_server import serving
from services.runtime.store import StoreSettings, wait_for_layout

log = logging.getLogger(__name__)


async def serve(host: str, port: int, env: Mapping[str, str], stopping: asyncio.Event) -> None:
    """Serve on ``host:port`` until ``stopping`` is set."""
    store, own = StoreSettings.from_env(env), ConsoleSettings.from_env(env)
    zone, secret = Clinic.from_env(env).zone, chat_key_secret(env)
    clinic = clinic_from_env(env)
    async with store.connected() as redis:
        # REDIS_WAIT_REPLICAS: what the staff do is acknowledged once replicas hold it.
        event_log = store.event_log(redis, replica_wait=store.replica_wait)
        if not await wait_for_layout(event_log, stopping):
            return
        async with serving(create_app(event_log, own, zone, secret, clinic=clinic), host, port):
            log.info("console on http://%s:%d/", host, port)
            await stopping.wait()
