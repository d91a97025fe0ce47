"""The projector's setting for rewriting Redis's AOF after erasures."""

from __future__ import annotations

from datetime import timedelta

import pytest

from services.projector.settings import ProjectorSettings
from services.runtime.settings import SettingsError


def test_the_aof_is_rewritten_at_most_every_ten_minutes_by_default() -> None:
    assert ProjectorSettings.from_env({}).aof_rewrite_every == timedelta(minutes=10)


def test_zero_minutes_never_asks_redis_to_rewrite_its_aof() -> None:
    env = {"AOF_REWRITE_AFTER_ERASURE_MINUTES": "0"}
    assert ProjectorSettings.from_env(env).aof_rewrite_every is None


def test_a_period_that_is_not_a_number_of_minutes_is_refused() -> None:
    with pytest.raises(SettingsError, match="AOF_REWRITE_AFTER_ERASURE_MINUTES"):
        ProjectorSettings.from_env({"AOF_REWRITE_AFTER_ERASURE_MINUTES": "soon"})
