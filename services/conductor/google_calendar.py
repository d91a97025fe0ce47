"""Google Calendar, by the name the conductor's modules know it; its home is
:mod:`services.domain.google_calendar`, shared with the console."""

from services.domain.google_calendar import GoogleCalendar, authorised_http

__all__ = ["GoogleCalendar", "authorised_http"]
