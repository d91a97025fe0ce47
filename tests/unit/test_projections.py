"""Each read model has the projection that keeps it, found by name in one table."""

from __future__ import annotations

from zoneinfo import ZoneInfo

import pytest

from events import Keyspace
from services.projector.projections import PROJECTIONS, projection
from services.projector.store import ReadModelKeys
from services.projector.view_store import RedisViews

KEYS = ReadModelKeys(Keyspace())
UTC = ZoneInfo("UTC")


@pytest.mark.parametrize("name", PROJECTIONS)
def test_every_read_model_has_its_projection(name: str) -> None:
    assert projection(name, RedisViews(None), KEYS, UTC).name == name  # type: ignore[arg-type]


def test_a_read_model_without_a_projection_is_refused() -> None:
    with pytest.raises(ValueError, match="no projection named 'bookings'"):
        projection("bookings", RedisViews(None), KEYS, UTC)  # type: ignore[arg-type]
