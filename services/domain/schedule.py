"""Busy time as intervals, and the question every slot asks of it: does anything busy
overlap me? Pure.

A calendar's busy time is a set of half-open intervals [start, end) — Google's freebusy
answers with them (its ``TimePeriod``: an inclusive start, an exclusive end) and the
embedded calendar holds each booking's start and end. Comparing only starts lets a
2-hour block hide a single slot; comparing intervals hides every slot it touches.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from datetime import datetime
from itertools import accumulate
from typing import NamedTuple


class Span(NamedTuple):
    """A half-open interval of time [start, end), time-zone aware."""

    start: datetime
    end: datetime

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end


class BusyTimes:
    """Busy intervals, asked whether a span overlaps any of them in O(log n)."""

    def __init__(self, spans: Iterable[Span]) -> None:
        ordered = sorted(s for s in spans if s.start < s.end)
        self._starts = [s.start.timestamp() for s in ordered]
        # The latest end among the spans starting up to each index: a span starting before
        # ``end`` overlaps [start, end) exactly when some such span ends after ``start``.
        self._latest_ends = list(accumulate((s.end.timestamp() for s in ordered), max))
        self.spans = tuple(ordered)

    def overlaps(self, start: datetime, end: datetime) -> bool:
        """Whether [start, end) meets any busy interval."""
        before_end = bisect_left(self._starts, end.timestamp())
        return before_end > 0 and self._latest_ends[before_end - 1] > start.timestamp()

    def __bool__(self) -> bool:
        return bool(self.spans)


def merged(spans: Iterable[Span]) -> list[Span]:
    """The spans sorted, with those that overlap or touch joined into one."""
    out: list[Span] = []
    for span in sorted(spans):
        if out and span.start <= out[-1].end:
            out[-1] = Span(out[-1].start, max(out[-1].end, span.end))
        else:
            out.append(span)
    return out
