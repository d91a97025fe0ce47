"""The subject keys the lanes of one partition ask for at the same moment, read together.

Every entry is opened with its subject's key read from Redis just before (uncached: once a
key is deleted, no process opens that subject's data again). The lanes of a partition
that start handling in the same turn of the event loop ask for theirs in one ``HMGET``
instead of one each: still read after each asked, never kept.
"""

from __future__ import annotations

import asyncio

from events.subject_keys import SubjectKeys


class KeyReads:
    """One partition's subject-key reads, gathered per turn of the event loop."""

    def __init__(self, subject_keys: SubjectKeys, partition: int) -> None:
        self.subject_keys = subject_keys
        self.partition = partition
        self._waiting: dict[str, list[asyncio.Future[bytes | None]]] = {}

    async def key_of(self, chat: str) -> bytes | None:
        """The chat's subject key, read after this call; None once erased."""
        loop = asyncio.get_running_loop()
        asked: asyncio.Future[bytes | None] = loop.create_future()
        if not self._waiting:
            loop.call_soon(self._read_all)  # after the lanes resumed in this turn ask too
        self._waiting.setdefault(chat, []).append(asked)
        return await asked

    def _read_all(self) -> None:
        waiting, self._waiting = self._waiting, {}
        # Read together, opened each alone: a key that does not open (``KekMismatch``)
        # fails its own chat's read, not those read beside it.
        reading = asyncio.ensure_future(self.subject_keys.stored(self.partition, waiting))

        def answer(done: asyncio.Future[dict[str, bytes]]) -> None:
            failure = None if done.cancelled() else done.exception()
            for chat, futures in waiting.items():
                for asked in futures:
                    if asked.done():
                        continue  # its lane was cancelled meanwhile
                    if done.cancelled():
                        asked.cancel()
                    elif failure is not None:
                        asked.set_exception(failure)
                    else:
                        _answer(asked, self.subject_keys, chat, done.result().get(chat))

        reading.add_done_callback(answer)


def _answer(
    asked: asyncio.Future[bytes | None], subject_keys: SubjectKeys, chat: str, stored: bytes | None
) -> None:
    """Answer ``asked`` with the chat's key opened, or with why it does not open."""
    if stored is None:
        asked.set_result(None)
        return
    try:
        asked.set_result(subject_keys.opened(stored, chat))
    except Exception as exc:
        asked.set_exception(exc)
