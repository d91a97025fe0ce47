"""Busy time as intervals: a span is busy when any busy interval overlaps it, however
little, and free when they only touch."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from services.domain.schedule import BusyTimes, Span

T0 = datetime(2026, 11, 25, 12, tzinfo=UTC)
_SPAN = st.tuples(st.integers(0, 600), st.integers(1, 240)).map(
    lambda p: Span(T0 + timedelta(minutes=p[0]), T0 + timedelta(minutes=p[0] + p[1]))
)


def test_a_span_ending_where_a_busy_one_starts_is_free() -> None:
    busy = BusyTimes([Span(T0, T0 + timedelta(hours=2))])
    assert not busy.overlaps(T0 - timedelta(minutes=30), T0)
    assert not busy.overlaps(T0 + timedelta(hours=2), T0 + timedelta(hours=3))


def test_a_long_block_makes_every_span_inside_it_busy() -> None:
    busy = BusyTimes([Span(T0, T0 + timedelta(hours=2))])
    starts = [T0 + timedelta(minutes=m) for m in range(-29, 120, 1)]
    assert all(busy.overlaps(s, s + timedelta(minutes=30)) for s in starts)


@given(st.lists(_SPAN, max_size=20), _SPAN)
def test_busy_times_agree_with_comparing_every_interval(busy: list[Span], asked: Span) -> None:
    expected = any(asked.overlaps(b) for b in busy)
    assert BusyTimes(busy).overlaps(asked.start, asked.end) is expected
