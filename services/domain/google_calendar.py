"""Google Calendar through google-api-python-client (a service account, its bundled
discovery document).

Google has no "insert if the slot is free": a freebusy check followed by an insert lets
two replicas book one slot. So a slot is first claimed atomically in Redis (the embedded
calendar's script), and only the claimant writes to Google; freebusy adds the times the
clinic blocked directly in Google. The Google event id is the appointment id (hex is
valid base32hex), so a retried insert finds its own event instead of booking twice.
Private extended properties tie each event to the pseudonymous subject, until the subject
is erased: then a patch removes them (a property patched to null is deleted: Google's
Calendar API guide, "Extended properties", Delete properties) and the event keeps only
the neutral summary, nobody's.

httplib2's ``Http`` is not thread-safe, and every call runs in a worker thread: each
worker thread has an ``Http`` of its own, passed to ``execute`` (google-api-python-client's
"Thread Safety" page: each thread making requests needs its own ``httplib2.Http``, given
per call through ``execute(http=...)``). They all sign with one set of service-account
credentials, so one token serves them all, and a thread keeps its connection between
calls.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import Callable, Mapping
from datetime import UTC, datetime, timedelta
from typing import Any

import httplib2
from google.auth.exceptions import GoogleAuthError
from googleapiclient.discovery import build
from googleapiclient.errors import HttpError

from events.error_text import describe
from services.domain.calendar import Booking, CalendarUnavailable, SlotTaken
from services.domain.embedded_calendar import EmbeddedCalendar
from services.domain.schedule import Span

SCOPES = ["https://www.googleapis.com/auth/calendar"]
SUBJECT = "wsm_subject"
APPOINTMENT = "wsm_appointment"
PROFESSIONAL = "wsm_professional"  # an id from the clinic file: nobody's personal data
SUMMARY = "Consulta"
# What an event of an erased subject keeps: no property of ours, no words of anyone's.
UNLINKED = {
    "summary": SUMMARY,
    "description": None,
    "extendedProperties": {"private": {SUBJECT: None, APPOINTMENT: None, PROFESSIONAL: None}},
}
PAGE = 250  # the most events.list gives in one page
FREEBUSY_WINDOW = timedelta(days=60)  # well within the range one freebusy query may span


HttpFactory = Callable[[], httplib2.Http]


def authorised_http(service_account_file: str) -> HttpFactory:
    """What makes a new HTTP client signing requests as the service account; each one
    shares the credentials (and so the token), none shares a connection."""
    from google.oauth2 import service_account
    from google_auth_httplib2 import AuthorizedHttp

    credentials = service_account.Credentials.from_service_account_file(  # type: ignore[no-untyped-call]
        service_account_file, scopes=SCOPES
    )

    def new_http() -> httplib2.Http:
        http: httplib2.Http = AuthorizedHttp(credentials, http=httplib2.Http(timeout=20))
        return http

    return new_http


class GoogleCalendar:
    def __init__(
        self,
        new_http: HttpFactory,
        calendar_id: str,
        slots: EmbeddedCalendar,
        *,
        api_endpoint: str | None = None,
        professional_calendars: Mapping[str, str] | None = None,
    ) -> None:
        """``calendar_id`` is the clinic's calendar: that of a professional without one of
        their own in ``professional_calendars`` (professional id -> calendar id). On a
        calendar shared by several professionals, anyone's event is busy time for all."""
        options = {"api_endpoint": api_endpoint} if api_endpoint else None
        self._new_http = new_http
        self._per_thread = threading.local()
        # The service's own Http only builds requests; each is executed on its thread's.
        self._api = build(
            "calendar", "v3", http=new_http(), static_discovery=True, client_options=options
        )
        self.calendar_id = calendar_id
        self.professional_calendars = dict(professional_calendars or {})
        self.slots = slots

    def _calendar_of(self, professional: str) -> str:
        return self.professional_calendars.get(professional, self.calendar_id)

    @property
    def _calendars(self) -> list[str]:
        return sorted({self.calendar_id, *self.professional_calendars.values()})

    async def _run(self, request: Any, *, handled: tuple[int, ...] = ()) -> Any:
        """Run ``request``; an HTTP error with a status in ``handled`` is the caller's to
        read, any other failure to reach or hear Google (an error status, a timeout, a
        refused token) is :class:`CalendarUnavailable`: what Google holds is unknown."""
        try:
            # The client is blocking: it runs in a worker thread, never on the event loop.
            return await asyncio.to_thread(self._execute, request)
        except HttpError as exc:
            if exc.resp.status in handled:
                raise
            # Only the status: the error's text carries the request body sent.
            raise CalendarUnavailable(f"Google answered {exc.resp.status}") from exc
        except (OSError, httplib2.HttpLib2Error, GoogleAuthError) as exc:
            raise CalendarUnavailable(f"Google could not be reached: {describe(exc)}") from exc

    def _execute(self, request: Any) -> Any:
        """Run ``request`` on this thread's own Http (made on the thread's first call)."""
        http: httplib2.Http | None = getattr(self._per_thread, "http", None)
        if http is None:
            http = self._per_thread.http = self._new_http()
        return request.execute(http=http, num_retries=3)

    async def _busy(self, start: datetime, end: datetime, calendar_id: str) -> list[Span]:
        """Google's busy periods of a calendar in [start, end), asked a window at a time:
        Google refuses a freebusy query over too long a range (400 "The requested time
        range is too long.", past about 90 days), and a clinic may book further ahead."""
        spans: set[Span] = set()
        while start < end:
            window_end = min(end, start + FREEBUSY_WINDOW)
            spans.update(await self._busy_in_window(start, window_end, calendar_id))
            start = window_end
        return sorted(spans)

    async def _busy_in_window(self, start: datetime, end: datetime, calendar_id: str) -> list[Span]:
        """Google's busy periods of a calendar in [start, end), in one query.

        The answer's shape is the bundled discovery document's ``FreeBusyResponse``:
        ``calendars`` maps each id asked to a ``FreeBusyCalendar`` of ``busy``
        ``TimePeriod``s (``start`` inclusive, ``end`` exclusive) and, when its computation
        failed, ``errors`` (``domain``, ``reason``: "notFound" for a calendar not shared
        with the service account) — then ``busy`` is empty and means nothing.
        """
        body = {
            "timeMin": start.astimezone(UTC).isoformat(),
            "timeMax": end.astimezone(UTC).isoformat(),
            "items": [{"id": calendar_id}],
        }
        answer = await self._run(self._api.freebusy().query(body=body))
        calendar = answer.get("calendars", {}).get(calendar_id)
        if calendar is None:
            raise CalendarUnavailable("Google's freebusy answer left the calendar out")
        if errors := calendar.get("errors"):
            reasons = sorted({str(e.get("reason", "unknown"))[:40] for e in errors})
            raise CalendarUnavailable(f"Google's freebusy failed: {', '.join(reasons)}")
        return [
            Span(datetime.fromisoformat(p["start"]), datetime.fromisoformat(p["end"]))
            for p in calendar.get("busy", [])
        ]

    async def busy(self, start: datetime, end: datetime, professional: str = "") -> list[Span]:
        blocked = await self._busy(start, end, self._calendar_of(professional))
        return sorted(set(blocked) | set(await self.slots.busy(start, end, professional)))

    async def book(self, booking: Booking) -> Booking:
        claimed = await self.slots.book(booking)  # raises SlotTaken
        if claimed.start != booking.start:
            return claimed  # booked before under this appointment id
        calendar_id = self._calendar_of(booking.professional)
        try:
            free = await self._free_in_google(booking, calendar_id)
        except Exception:
            await self.slots.cancel(booking.appointment_id)  # no booking Google cannot vouch for
            raise
        if not free:
            await self.slots.cancel(booking.appointment_id)
            raise SlotTaken(booking.start.isoformat())
        event = {
            "id": booking.appointment_id,
            "summary": SUMMARY,
            "start": {"dateTime": booking.start.isoformat()},
            "end": {"dateTime": booking.end.isoformat()},
            "extendedProperties": {
                "private": {
                    SUBJECT: booking.subject,
                    APPOINTMENT: booking.appointment_id,
                    **({PROFESSIONAL: booking.professional} if booking.professional else {}),
                }
            },
        }
        try:
            # 409: our own event, inserted by an earlier attempt
            await self._run(
                self._api.events().insert(calendarId=calendar_id, body=event), handled=(409,)
            )
        except HttpError:
            pass
        except CalendarUnavailable:
            await self.slots.cancel(booking.appointment_id)
            raise
        return claimed

    async def _free_in_google(self, booking: Booking, calendar_id: str) -> bool:
        """Whether Google holds nothing else in the time ``booking`` keeps."""
        busy = await self._busy(booking.start, booking.kept_until, calendar_id)
        moved = await self.slots.record(booking.moves) if booking.moves else None
        if moved is not None and moved.subject == booking.subject:
            # The event of the subject's appointment being moved is busy time in Google:
            # no obstacle to the move.
            busy = [s for s in busy if (s.start, s.end) != (moved.start, moved.end)]
        return not busy or await self._is_ours(booking.appointment_id, calendar_id)

    async def _is_ours(self, appointment_id: str, calendar_id: str) -> bool:
        try:
            await self._run(
                self._api.events().get(calendarId=calendar_id, eventId=appointment_id),
                handled=(404, 410),
            )
        except HttpError:
            return False
        return True

    async def cancel(self, appointment_id: str) -> Booking | None:
        # Google first: were Redis freed first and the delete then failed, the event would
        # stay in Google with nothing left to say it should go. A claim already cancelled
        # still has its event deleted, for an earlier attempt that stopped in between.
        record = await self.slots.record(appointment_id)
        if record is None:
            return None
        calendar_id = self._calendar_of(record.professional)
        with contextlib.suppress(HttpError):  # already gone is what we wanted
            await self._run(
                self._api.events().delete(calendarId=calendar_id, eventId=appointment_id),
                handled=(404, 410),
            )
        return await self.slots.cancel(appointment_id)

    async def cancelled(self, appointment_id: str) -> Booking | None:
        return await self.slots.cancelled(appointment_id)

    async def forget(self, subject: str, tombstone: str) -> int:
        # The claims first: from then on no booking of the subject is found in Redis, and
        # the events Google holds for them (cancelled ones too) lose what ties them.
        await self.slots.forget(subject, tombstone)
        events = await self._events_of(subject, show_deleted=True)
        for calendar_id, event in events:
            with contextlib.suppress(HttpError):  # removed meanwhile: nothing to unlink
                await self._run(
                    self._api.events().patch(
                        calendarId=calendar_id, eventId=event["id"], body=UNLINKED
                    ),
                    handled=(404, 410),
                )
        return len(events)

    async def _events_of(
        self, subject: str, *, show_deleted: bool
    ) -> list[tuple[str, dict[str, Any]]]:
        """The events tied to ``subject`` on every calendar, every page of them, each
        with the calendar holding it."""
        events: list[tuple[str, dict[str, Any]]] = []
        for calendar_id in self._calendars:
            page: str | None = None
            while True:
                answer = await self._run(
                    self._api.events().list(
                        calendarId=calendar_id,
                        privateExtendedProperty=f"{SUBJECT}={subject}",
                        singleEvents=True,
                        orderBy="startTime",
                        showDeleted=show_deleted,
                        maxResults=PAGE,
                        pageToken=page,
                    )
                )
                events += ((calendar_id, item) for item in answer.get("items", []))
                page = answer.get("nextPageToken")
                if not page:
                    break
        return events

    async def bookings_of(self, subject: str) -> list[Booking]:
        """The subject's events in Google, each with what only the claim in Redis keeps
        (the service and the buffer), so a move keeps its service and the waiting list
        can match the time it frees."""
        bookings = []
        for _, item in await self._events_of(subject, show_deleted=False):
            if item.get("status") == "cancelled":
                continue
            private = item.get("extendedProperties", {}).get("private", {})
            appointment_id = private.get(APPOINTMENT, item["id"])
            record = await self.slots.record(appointment_id)
            end = datetime.fromisoformat(item["end"]["dateTime"])
            until = record.until if record is not None else None
            bookings.append(
                Booking(
                    appointment_id=appointment_id,
                    subject=subject,
                    start=datetime.fromisoformat(item["start"]["dateTime"]),
                    end=end,
                    calendar_entry_id=item["id"],
                    professional=private.get(PROFESSIONAL, ""),
                    service=record.service if record is not None else "",
                    until=until if until is not None and until != end else None,
                )
            )
        return sorted(bookings, key=lambda b: b.start)
