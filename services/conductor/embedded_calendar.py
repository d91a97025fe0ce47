"""The calendar kept in Redis, by the name the conductor's modules know it; its home is
:mod:`services.domain.embedded_calendar`, shared with the console."""

from services.domain.embedded_calendar import EmbeddedCalendar

__all__ = ["EmbeddedCalendar"]
