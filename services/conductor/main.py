"""``wsm conductor``: the conversation agents, the outbox and the reminder scheduler,
until SIGINT or SIGTERM."""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import logging
import os
import socket
from collections.abc import Mapping
from datetime import timedelta

from prometheus_client import CollectorRegistry

from events.consumer import SubscriptionOptions
from events.metrics import ConsumerMetrics
from events.redis_client import RedisClient
from events.subscription import Subscription
from services.conductor.brain import Brain
from services.conductor.deciding import Decider
from services.conductor.groq_brain import GroqBrain
from services.conductor.groq_client import groq_client
from services.conductor.handler import ConversationHandler
from services.conductor.metrics import ConductorMetrics
from services.conductor.offline_brain import OfflineBrain
from services.conductor.outbox import Outbox
from services.conductor.pacer import Pacer
from services.conductor.privacy import PrivacyNotice
from services.conductor.reconcile_settings import ReconcileSettings
from services.conductor.reconciler import Reconciler, ReconcilerMetrics
from services.conductor.reminders import ReminderScheduler
from services.conductor.settings import ConductorSettings
from services.conductor.tools import Toolbox
from services.conductor.transcription import GroqTranscriber, Transcriber
from services.domain.calendar_settings import calendar_of
from services.runtime.lifecycle import run_service
from services.runtime.metrics_server import add_metrics_arguments, serving_metrics
from services.runtime.store import wait_for_layout
from services.waha.client import WahaClient

log = logging.getLogger(__name__)

# The outbox's handlers spend their time waiting (for WAHA, for their turn in the pacing,
# typing), not on Redis: more of them at once lets one session's queue, waiting for its
# bound, leave room for the replies of another.
OUTBOX_OPTIONS = SubscriptionOptions(max_concurrent_handlers=256)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--name", default=f"{socket.gethostname()}-{os.getpid()}", help="this replica's name"
    )
    add_metrics_arguments(parser)


def build_decider(
    settings: ConductorSettings,
    redis: RedisClient,
    metrics: ConductorMetrics | None = None,
    waha: WahaClient | None = None,
) -> Decider:
    """The conductor with the calendar and the brain the settings choose; with a Groq key
    and ``waha``, voice notes are transcribed."""
    notice = PrivacyNotice.current(settings.policy_version)
    calendar = calendar_of(redis, settings.store.keyspace, settings.google,
                           settings.clinic_model, slot=settings.clinic.slot)  # fmt: skip
    brain: Brain = OfflineBrain(settings.clinic_model)
    transcriber: Transcriber | None = None
    if settings.groq_api_key:
        brain = GroqBrain(settings.groq_api_key, settings.groq_model,
                          base_url=settings.groq_base_url)  # fmt: skip
        if waha is not None:
            client = groq_client(settings.groq_api_key, settings.groq_base_url,
                                 timeout_s=20.0, max_retries=2)  # fmt: skip
            transcriber = GroqTranscriber(client, waha, settings.voice_notes)
    log.info("calendar: %s; brain: %s", type(calendar).__name__, type(brain).__name__)
    toolbox = Toolbox(calendar, settings.clinic, notice, handoff_quiet=settings.handoff_quiet,
                      knowledge=settings.knowledge,
                      max_open_appointments=settings.max_open_appointments,
                      clinic_model=settings.clinic_model,
                      no_shows=settings.no_show_policy)  # fmt: skip
    return Decider(brain, toolbox, notice, metrics, turn_budget_s=settings.groq_turn_seconds,
                   transcriber=transcriber)  # fmt: skip


async def serve(
    settings: ConductorSettings,
    args: argparse.Namespace,
    stopping: asyncio.Event,
    reconcile: ReconcileSettings | None = None,
) -> None:
    """Consume until ``stopping`` is set, then finish what is in hand and leave; with
    ``reconcile``, read back from WAHA what its webhooks did not bring, meanwhile."""
    keyspace, name = settings.store.keyspace, args.name
    registry = CollectorRegistry()
    consumers, conversation = ConsumerMetrics(registry), ConductorMetrics(registry)
    async with settings.store.connected() as redis:
        event_log = settings.store.event_log(redis)
        if not await wait_for_layout(event_log, stopping):
            return
        waha = WahaClient(settings.waha_url, settings.waha_api_key)
        conductor = build_decider(settings, redis, conversation, waha)
        pacer = None if settings.pacing is None else Pacer(redis, keyspace, settings.pacing)
        log.info("pacing: %s", "on" if pacer else "off")
        # REDIS_WAIT_REPLICAS: the commits, and a reply's sending mark, wait for replicas.
        wait = settings.store.replica_wait
        replicated = None if wait is None else (redis, wait)
        deciding = SubscriptionOptions(replica_wait=wait)
        sending = dataclasses.replace(OUTBOX_OPTIONS, replica_wait=wait)
        subscriptions = [
            Subscription(redis, keyspace, group="conductor", consumer=name,
                         handler=ConversationHandler(
                             redis, event_log, conductor,
                             reminder_offsets=settings.reminder_offsets,
                             erased_bookings=settings.erased_bookings,
                             burst_window=timedelta(seconds=settings.burst_window_s),
                             offer_for=settings.waitlist_offer),
                         types=ConversationHandler.TYPES, options=deciding, metrics=consumers,
                         keys=settings.store.keys),
            Subscription(redis, keyspace, group="outbox", consumer=name,
                         handler=Outbox(keyspace, waha, conversation, pacer, redis=redis,
                                        replicated=replicated),
                         types=Outbox.TYPES, options=sending, metrics=consumers,
                         keys=settings.store.keys),
        ]  # fmt: skip

        scheduler = ReminderScheduler(event_log)
        background = [scheduler.run(stopping)]
        if reconcile is not None:
            reconciler = Reconciler(redis, settings.store, waha, reconcile,
                                    ReconcilerMetrics(registry), name=name)  # fmt: skip
            background.append(reconciler.run(stopping))

        async def stop_when_asked() -> None:
            await stopping.wait()
            for subscription in subscriptions:
                subscription.stop()

        try:
            async with serving_metrics(registry, args.metrics_host, args.metrics_port):
                log.info("conductor %s consuming", name)
                await asyncio.gather(
                    *(s.run() for s in subscriptions),
                    *background,
                    consumers.keep_sampling(redis, keyspace, ("conductor", "outbox"), stopping),
                    stop_when_asked(),
                )
        finally:
            await waha.close()


def run(args: argparse.Namespace, env: Mapping[str, str]) -> int:
    settings = ConductorSettings.from_env(env)
    reconcile = ReconcileSettings.from_env(env)
    run_service(lambda stopping: serve(settings, args, stopping, reconcile))
    return 0
