"""The example clinic of ops/clinic/clinic.toml, and a conductor that books in it."""

from __future__ import annotations

from pathlib import Path

from redis.asyncio import Redis

from services.conductor.brain import Brain
from services.conductor.deciding import Decider
from services.conductor.offline_brain import OfflineBrain
from services.conductor.privacy import PrivacyNotice
from services.conductor.tools import Toolbox
from services.domain.clinic import Clinic
from services.domain.clinic_file import load_clinic_file
from services.domain.clinic_model import ClinicModel
from services.domain.embedded_calendar import EmbeddedCalendar

EXAMPLE_CLINIC = Path(__file__).resolve().parents[2] / "ops" / "clinic" / "clinic.toml"


def example_clinic() -> ClinicModel:
    """Three professionals, four services, São Paulo's holidays, a 2-hour cut-off."""
    return load_clinic_file(EXAMPLE_CLINIC, Clinic())


def clinic_decider(redis: Redis, brain: Brain | None = None) -> Decider:
    """The conductor with the example clinic file, the embedded calendar and (unless
    given another) the offline brain."""
    model = example_clinic()
    notice = PrivacyNotice.current("2026-11")
    toolbox = Toolbox(EmbeddedCalendar(redis), Clinic(), notice, clinic_model=model)
    return Decider(brain or OfflineBrain(model), toolbox, notice)
