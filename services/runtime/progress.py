"""Progress of long operator work, on stderr: a bar on a terminal, else a line now and
then (a log file or a CI job has no use for a bar redrawn in place)."""

from __future__ import annotations

import time
from typing import Never, TextIO

from tqdm import tqdm

SUMMARY_EVERY_S = 5.0


class Progress:
    """How far ``label`` is, in entries, out of ``total`` when it is known."""

    def __init__(
        self, label: str, total: int | None, out: TextIO, every_s: float = SUMMARY_EVERY_S
    ) -> None:
        self.label = label
        self.total = total
        self.out = out
        self.every_s = every_s
        self.done = 0
        self._started = self._last = time.monotonic()
        self._bar: tqdm[Never] | None = None
        if out.isatty():
            self._bar = tqdm(desc=label, total=total, unit=" entries", unit_scale=True,
                             file=out, leave=False)  # fmt: skip

    def reached(self, done: int) -> None:
        """``done`` entries so far."""
        if self._bar is not None:
            self._bar.update(done - self.done)
        self.done = done
        now = time.monotonic()
        if self._bar is None and now - self._last >= self.every_s:
            self._last = now
            self.out.write(self.summary(now) + "\n")
            self.out.flush()

    def summary(self, now: float) -> str:
        """One line: how many so far, of how many, and how fast."""
        rate = self.done / max(now - self._started, 1e-9)
        of = f" of {self.total:,}" if self.total else ""
        share = f" ({self.done / self.total:.0%})" if self.total else ""
        return f"{self.label}: {self.done:,}{of} entries{share}, {rate:,.0f}/s"

    def close(self) -> None:
        """Take the bar off the terminal (the caller prints the final figures)."""
        if self._bar is not None:
            self._bar.close()
