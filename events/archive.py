"""The log's older entries, kept in segment files once they leave Redis.

Redis holds the recent part of each partition's stream; what an archiver has moved out
lives in segment files, one directory per partition, each named by its first entry id
and holding the entries as Redis stored them: sealed personal data stays sealed, so
erasing a subject's key shreds archived events too. A segment is written whole, synced
and renamed into place before any of its entries is trimmed from Redis
(``events.archiving``), so an entry is always in one place or both, never in neither.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator, Sequence
from pathlib import Path

import msgspec

from events.codec import as_text

EntryId = tuple[int, int]
StreamEntries = Sequence[tuple[bytes, dict[bytes, bytes]]]
_SEGMENT = msgspec.msgpack.Decoder(list[tuple[bytes, dict[bytes, bytes]]])
SUFFIX = ".seg"


def parse_id(entry_id: str | bytes) -> EntryId:
    """A stream entry id as a comparable pair (milliseconds, sequence)."""
    ms, _, seq = as_text(entry_id).partition("-")
    return int(ms), int(seq or 0)


def format_id(entry_id: EntryId) -> str:
    return f"{entry_id[0]}-{entry_id[1]}"


class CorruptSegment(Exception):
    """A segment file that cannot be read back: the archive needs an operator."""


class Archive:
    """Segment files of archived entries under ``directory``."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory

    def _partition_dir(self, partition: int) -> Path:
        return self.directory / f"p{partition}"

    def segments(self, partition: int) -> list[Path]:
        """The partition's segments, oldest first."""
        folder = self._partition_dir(partition)
        if not folder.is_dir():
            return []
        found = [path for path in folder.iterdir() if path.suffix == SUFFIX]
        return sorted(found, key=lambda path: parse_id(path.stem))

    def read(
        self, partition: int, after: EntryId | None = None, end: EntryId | None = None
    ) -> Iterator[StreamEntries]:
        """The archived entries after ``after`` and up to ``end``, a segment at a time."""
        for path in self.segments(partition):
            try:
                entries = _SEGMENT.decode(path.read_bytes())
            except (OSError, msgspec.DecodeError) as exc:
                raise CorruptSegment(f"{path}: {exc}") from exc
            wanted = [(eid, fields) for eid, fields in entries if _within(eid, after, end)]
            if wanted:
                yield wanted
            if entries and end is not None and parse_id(entries[-1][0]) >= end:
                return

    def write(self, partition: int, entries: StreamEntries) -> Path:
        """Store ``entries`` (in id order) as one segment, durably, replacing a segment
        that starts at the same id (one written before a crash kept it from being trimmed)."""
        folder = self._partition_dir(partition)
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{entries[0][0].decode()}{SUFFIX}"
        partial = path.with_suffix(".partial")
        with partial.open("wb") as out:
            out.write(msgspec.msgpack.encode(list(entries)))
            out.flush()
            os.fsync(out.fileno())
        partial.replace(path)
        _sync_directory(folder)
        return path


def _within(entry_id: bytes, after: EntryId | None, end: EntryId | None) -> bool:
    position = parse_id(entry_id)
    return (after is None or position > after) and (end is None or position <= end)


def _sync_directory(folder: Path) -> None:
    """Make a rename in ``folder`` durable (where the platform allows opening a folder)."""
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
