"""A plugin (``-p tests.support.time_limits``): a test past its time limit names itself and shows
where it hung, then the run ends.

pytest-timeout's thread method dumps every thread's stack and ends the run. A hung
asyncio test shows only its event loop waiting in ``select`` there, so the stack of every
unfinished task is dumped first: that is where the await that never returned is.
"""

from __future__ import annotations

import asyncio
import gc
import io
import sys
import threading
import traceback
from collections.abc import Iterator
from types import FrameType
from typing import Any

import pytest
import pytest_timeout

_TIMER = pytest.StashKey[threading.Timer]()


def _await_chain(coroutine: Any) -> Iterator[FrameType]:
    """The frames of a suspended coroutine and of everything it awaits, outermost first
    (a task's own stack holds only the outermost)."""
    while coroutine is not None:
        frame = getattr(coroutine, "cr_frame", None) or getattr(coroutine, "gi_frame", None)
        if frame is None:
            return
        yield frame
        coroutine = getattr(coroutine, "cr_await", None) or getattr(coroutine, "gi_yieldfrom", None)


def unfinished_task_stacks() -> str:
    """Where every asyncio task not yet done waits, on any loop of the process."""
    out = io.StringIO()
    tasks = [o for o in gc.get_objects() if isinstance(o, asyncio.Task) and not o.done()]
    for task in tasks:
        out.write(f"~~~ task {task.get_name()} ~~~\n")
        frames = [(frame, frame.f_lineno) for frame in _await_chain(task.get_coro())]
        out.write("".join(traceback.StackSummary.extract(frames).format()))
    return out.getvalue()


def pytest_timeout_set_timer(item: pytest.Item, settings: pytest_timeout.Settings) -> bool | None:
    if settings.method != "thread" or not settings.timeout:
        return None  # pytest-timeout's own way

    def expired() -> None:
        sys.stderr.write(f"\n{item.nodeid} did not finish in {settings.timeout:g} s\n")
        sys.stderr.write(unfinished_task_stacks())
        sys.stderr.flush()
        pytest_timeout.timeout_timer(item, settings)  # every thread's stack, then exit 1

    timer = threading.Timer(settings.timeout, expired)
    timer.name = "test time limit"
    timer.daemon = True
    timer.start()
    item.stash[_TIMER] = timer
    return True


def pytest_timeout_cancel_timer(item: pytest.Item) -> bool | None:
    timer = item.stash.get(_TIMER, None)
    if timer is None:
        return None
    timer.cancel()
    del item.stash[_TIMER]
    return True
