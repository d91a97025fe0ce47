"""``wsm conductor``: the conversation agents, the outbox and the reminder scheduler,
until SIGINT or SIGTERM."""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import signal
import socket
from collections.abc import Mapping

from redis.asyncio import Redis

from events import EventLog
from events.subscription import Subscription
from services.conductor.brain import Brain
from services.conductor.calendar import Calendar
from services.conductor.embedded_calendar import EmbeddedCalendar
from services.conductor.google_calendar import GoogleCalendar, authorised_http
from services.conductor.groq_brain import GroqBrain
from services.conductor.offline_brain import OfflineBrain
from services.conductor.privacy import PrivacyNotice
from services.conductor.reminders import ReminderScheduler
from services.conductor.service import ConversationHandler, Outbox
from services.conductor.settings import ConductorSettings
from services.conductor.tools import Toolbox
from services.conductor.turn import Conductor
from services.conductor.waha_client import WahaClient

log = logging.getLogger(__name__)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--name", default=f"{socket.gethostname()}-{os.getpid()}", help="this replica's name"
    )


def build_conductor(settings: ConductorSettings, redis: Redis) -> Conductor:
    """The conductor with the calendar and the brain the settings choose."""
    notice = PrivacyNotice.current(settings.policy_version)
    embedded = EmbeddedCalendar(redis, settings.store.key_prefix)
    calendar: Calendar = embedded
    if (google := settings.google) is not None:
        http = authorised_http(google.service_account_file)
        calendar = GoogleCalendar(http, google.calendar_id, embedded,
                                  api_endpoint=google.api_endpoint)  # fmt: skip
    brain: Brain = OfflineBrain()
    if settings.groq_api_key:
        brain = GroqBrain(settings.groq_api_key, settings.groq_model,
                          base_url=settings.groq_base_url)  # fmt: skip
    log.info("calendar: %s; brain: %s", type(calendar).__name__, type(brain).__name__)
    toolbox = Toolbox(calendar, settings.clinic, notice, handoff_quiet=settings.handoff_quiet,
                      knowledge=settings.knowledge)  # fmt: skip
    return Conductor(brain, toolbox, notice)


async def serve(settings: ConductorSettings, name: str) -> None:
    keyspace = settings.store.keyspace
    async with settings.store.connected() as redis:
        event_log = EventLog(redis, keyspace)
        await event_log.ensure_layout()
        conductor = build_conductor(settings, redis)
        waha = WahaClient(settings.waha_url, settings.waha_api_key)
        subscriptions = [
            Subscription(redis, keyspace, group="conductor", consumer=name,
                         handler=ConversationHandler(
                             redis, event_log, conductor,
                             reminder_offsets=settings.reminder_offsets),
                         types=ConversationHandler.TYPES),
            Subscription(redis, keyspace, group="outbox", consumer=name,
                         handler=Outbox(keyspace, waha), types=Outbox.TYPES),
        ]  # fmt: skip

        scheduler = ReminderScheduler(event_log)
        stopping = asyncio.Event()

        def stop_all() -> None:
            stopping.set()
            for subscription in subscriptions:
                subscription.stop()

        loop = asyncio.get_running_loop()
        for signum in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(signum, stop_all)
        log.info("conductor %s consuming", name)
        try:
            await asyncio.gather(*(s.run() for s in subscriptions), scheduler.run(stopping))
        finally:
            await waha.close()


def run(args: argparse.Namespace, env: Mapping[str, str]) -> int:
    asyncio.run(serve(ConductorSettings.from_env(env), args.name))
    return 0
