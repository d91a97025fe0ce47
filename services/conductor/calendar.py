"""The calendar behind the scheduling tools. Its home is :mod:`services.domain.calendar`,
shared with the console, which books by hand; the conductor's modules know it by this
name too."""

from services.domain.calendar import Booking, Calendar, CalendarUnavailable, SlotTaken

__all__ = ["Booking", "Calendar", "CalendarUnavailable", "SlotTaken"]
