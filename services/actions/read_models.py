"""The read models as the operator actions' callers read them (the command line, the
admin API, the console): the projector keeps them, every other process only reads."""

from __future__ import annotations

from services.projector.store import ReadModels
from services.projector.views import AppointmentView, ConsentRecord, SessionView

__all__ = ["AppointmentView", "ConsentRecord", "ReadModels", "SessionView"]
