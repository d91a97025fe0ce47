"""Session health as a pure function of the log: each WAHA session's status over time, and
the replies WhatsApp has not acknowledged, which tell a phone that lost its connection
while WAHA says WORKING."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import msgspec
from prometheus_client import CollectorRegistry

from events import Envelope, new_envelope
from events.schema import (
    DomainEvent,
    MessageAcknowledged,
    ReplySent,
    SessionStatusChanged,
    SubjectErased,
)
from services.cli.sessions import as_json, describe
from services.domain.clinic import Clinic
from services.projector.health_report import HealthMetrics, SessionReport
from services.projector.session_health import (
    ACK_BOUND,
    ACK_WINDOW,
    AckWatch,
    SessionStatusView,
    project_acks,
    project_status,
    unacknowledged,
)

T0 = datetime(2026, 12, 7, 12, 0, tzinfo=UTC)
CHAT = "5511988887777@c.us"
REPLY_ID = f"true_{CHAT}_3EB0C0FFEE"


def at(event: DomainEvent, when: datetime, chat: str = "c") -> Envelope:
    envelope = new_envelope(event, chat=chat, session="default", occurred_at=when)
    return msgspec.structs.replace(envelope, recorded_at=when)


def statuses(*changes: tuple[str, int]) -> SessionStatusView | None:
    view = None
    for status, minute in changes:
        view = project_status(
            view, at(SessionStatusChanged(status=status), T0 + timedelta(minutes=minute))
        )
    return view


def test_a_session_is_in_its_last_status_since_it_took_it_with_the_earlier_ones_kept() -> None:
    view = statuses(("WORKING", 0), ("SCAN_QR_CODE", 10), ("WORKING", 25))
    assert view is not None and (view.status, view.since) == ("WORKING", T0 + timedelta(minutes=25))
    assert [(c.status, c.at) for c in view.history] == [
        ("WORKING", T0), ("SCAN_QR_CODE", T0 + timedelta(minutes=10))]  # fmt: skip


def test_a_repeated_status_keeps_the_time_it_began() -> None:
    view = statuses(("FAILED", 0), ("FAILED", 7))
    assert view is not None and view.since == T0 and view.history == ()


def sent(minute: int, message_id: str | None = REPLY_ID) -> Envelope:
    event = ReplySent(reply_id="r1", chat_id=CHAT, waha_message_id=message_id)
    return at(event, T0 + timedelta(minutes=minute))


def acked(minute: int, ack: int = 1, message_id: str = REPLY_ID) -> Envelope:
    event = MessageAcknowledged(message_id=message_id, chat_id=CHAT, ack=ack,
                                ack_name="SERVER", from_me=True)  # fmt: skip
    return at(event, T0 + timedelta(minutes=minute))


def watched(*envelopes: Envelope) -> AckWatch | None:
    watch = None
    for envelope in envelopes:
        watch = project_acks(watch, envelope)
    return watch


def late(watch: AckWatch | None, minute: float) -> int:
    assert watch is not None
    return len(unacknowledged(watch, T0 + timedelta(minutes=minute)))


def test_a_reply_never_acknowledged_counts_once_past_the_bound() -> None:
    watch = watched(sent(0))
    bound = ACK_BOUND.total_seconds() / 60
    assert (late(watch, bound - 1), late(watch, bound)) == (0, 1)


def test_an_acknowledged_reply_does_not_count() -> None:
    assert late(watched(sent(0), acked(1)), 30) == 0


def test_an_acknowledgement_before_its_reply_sent_still_counts_as_one() -> None:
    # WAHA's ack webhook may reach the log before the outbox records what WAHA answered.
    assert late(watched(acked(0), sent(0)), 30) == 0
    watch = watched(sent(0, f"true_{CHAT}_OTHER"), acked(1), sent(1))
    assert late(watch, 30) == 1  # only the other reply waits


def test_an_error_acknowledgement_is_no_acknowledgement() -> None:
    assert late(watched(sent(0), acked(1, ack=-1)), 30) == 1


def test_replies_sent_before_the_window_no_longer_count() -> None:
    assert late(watched(sent(0)), ACK_WINDOW.total_seconds() / 60 + 1) == 0


def test_an_erased_reply_is_not_watched() -> None:
    assert late(watched(sent(0, message_id=None)), 30) == 0


def test_an_erased_acknowledgement_changes_nothing() -> None:
    assert late(watched(sent(0), acked(1, message_id="")), 30) == 1


def test_an_erasure_forgets_the_chats_replies_and_no_other() -> None:
    other = ReplySent(reply_id="r2", chat_id=CHAT, waha_message_id=f"true_{CHAT}_3EB0OTHER")
    erased = at(SubjectErased(reason="subject_request", legal_basis="x", requested_by="y"), T0)
    watch = watched(sent(0), at(other, T0, chat="d"), erased)
    assert watch is not None and [name.split("/")[0] for name in watch.unacknowledged] == ["d"]


def test_wsm_sessions_says_when_the_phone_seems_offline_although_working() -> None:
    report = SessionReport("default", "WORKING", T0, (), (T0, T0 + timedelta(minutes=1)))
    lines = describe(report, T0 + timedelta(minutes=30), Clinic(), history=3)
    assert lines[0] == "default: WORKING since 2026-12-07 09:00 (30 min)"
    assert "2 replies sent since 2026-12-07 09:00 have no acknowledgement" in lines[1]
    assert "lost its connection although WAHA says WORKING" in lines[2]


def test_wsm_sessions_shows_a_session_out_of_working_with_the_status_before() -> None:
    view = statuses(("WORKING", 0), ("SCAN_QR_CODE", 10))
    assert view is not None
    report = SessionReport("default", view.status, view.since, view.history, ())
    lines = describe(report, T0 + timedelta(hours=3), Clinic(), history=3)
    assert lines == ["default: SCAN_QR_CODE since 2026-12-07 09:10 (2 h 50 min)",
                     "  before: WORKING since 2026-12-07 09:00"]  # fmt: skip


def test_the_gauges_show_the_current_status_and_the_unacknowledged_replies() -> None:
    registry = CollectorRegistry()
    metrics = HealthMetrics(registry)
    report = SessionReport("default", "SCAN_QR_CODE", T0, (), (T0,))
    metrics.show([report], T0 + timedelta(minutes=12))

    def value(name: str, **labels: str) -> float | None:
        return registry.get_sample_value(name, {"session": "default", **labels})

    assert value("wsm_waha_session_status", status="SCAN_QR_CODE") == 1
    assert value("wsm_waha_session_status", status="WORKING") == 0
    assert value("wsm_waha_session_status_seconds") == 720
    assert value("wsm_waha_replies_unacknowledged") == 1


def test_wsm_sessions_json_names_the_session_and_counts_without_chats() -> None:
    report = SessionReport("default", "WORKING", T0, (), (T0,))
    line = msgspec.json.decode(as_json(report))
    assert line == {"session": "default", "status": "WORKING", "since": "2026-12-07T12:00:00Z",
                    "history": [], "unacknowledged_replies": 1,
                    "phone_seems_offline": True}  # fmt: skip
