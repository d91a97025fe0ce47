"""What a message asks for: the intents the offline brain tells apart."""

from __future__ import annotations

from enum import StrEnum


class Intent(StrEnum):
    SCHEDULE = "schedule"
    CONSULT = "consult"
    CANCEL = "cancel"
    HUMAN = "human"
    LGPD = "lgpd"
    REVOKE = "revoke"
    HELP = "help"
    CONFIRM = "confirm"
    RESCHEDULE = "reschedule"
    INFO = "info"
    UNKNOWN = "unknown"
