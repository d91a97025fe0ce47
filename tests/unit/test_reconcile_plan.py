"""What a reconciliation pass reads and offers to the log, and its settings; no Redis.

The overview and the listed messages are in WAHA's shapes: ChatSummary (id, name,
picture, lastMessage, _chat) from devlikeapro/waha src/structures/chats.dto.ts and
waha-docs content/docs/how-to/chats/index.md ("Get chats overview"); the listed messages
are the WAMessage a ``message`` webhook carries (tests/support/waha.py).
"""

from __future__ import annotations

from typing import Any

import msgspec
import pytest

from services.conductor.reconcile_plan import Window, chats_to_check, messages_to_offer, window
from services.conductor.reconcile_settings import (
    DEFAULT_INTERVAL_S,
    DEFAULT_LOOKBACK_MINUTES,
    ReconcileSettings,
)
from services.ingest.translate import Translated, parse_webhook, translate
from services.runtime.settings import SettingsError
from services.waha.messages import message_event
from services.waha.payloads import WahaMessage
from tests.support.waha import GROUP, encode, text_message

NOW = 1_800_000_000
SEEN = Window(since_s=NOW - 3600, until_s=NOW - 30)
SECRET = "a-chat-key-secret-of-this-deployment-0123456789"


def summary(chat: str, last_at: int | None) -> dict[str, Any]:
    last = None if last_at is None else {"id": f"false_{chat}_X", "timestamp": last_at}
    return {"id": chat, "name": None, "picture": None, "lastMessage": last, "_chat": {}}


def listed(message_id: str, at: int, *, from_me: bool = False) -> dict[str, Any]:
    payload: dict[str, Any] = text_message(message_id, timestamp=at, from_me=from_me)["payload"]
    return payload


def test_the_window_ends_the_settling_time_before_now() -> None:
    assert window(NOW + 0.7, lookback_s=3600, settle_s=30) == SEEN


def test_chats_whose_last_message_is_older_than_the_window_are_not_read() -> None:
    overview = [summary("5511900000001@c.us", NOW - 60), summary("5511900000002@c.us", NOW - 7200)]
    assert chats_to_check(overview, SEEN, limit=10) == ["5511900000001@c.us"]


def test_a_chat_with_a_message_too_new_to_have_settled_is_still_read() -> None:
    # Its older messages may be the ones whose webhooks were lost.
    assert chats_to_check([summary("5511900000001@c.us", NOW)], SEEN, limit=10) == [
        "5511900000001@c.us"
    ]


def test_groups_channels_and_broadcasts_are_not_read() -> None:
    overview = [summary(chat, NOW - 60) for chat in
                (GROUP, "1234@newsletter", "status@broadcast", "5511900000001@c.us")]  # fmt: skip
    assert chats_to_check(overview, SEEN, limit=10) == ["5511900000001@c.us"]


def test_no_more_chats_than_the_bound_are_read_the_most_recent_first() -> None:
    overview = [summary(f"55119000000{n:02d}@c.us", NOW - n) for n in range(5)]
    assert chats_to_check(overview, SEEN, limit=2) == ["5511900000000@c.us", "5511900000001@c.us"]


def test_chats_without_a_last_message_or_an_id_are_skipped() -> None:
    overview: list[Any] = [summary("5511900000001@c.us", None), {"name": "x"}, "junk"]
    assert chats_to_check(overview, SEEN, limit=10) == []


def test_messages_are_offered_oldest_first() -> None:
    offer = messages_to_offer([listed("B", NOW - 100), listed("A", NOW - 200)], SEEN)
    assert [m.id.rsplit("_", 1)[1] for m in offer.messages] == ["A", "B"]


def test_messages_outside_the_window_are_not_offered() -> None:
    history = [listed("OLD", SEEN.since_s - 1), listed("IN", SEEN.since_s),
               listed("NEW", SEEN.until_s + 1)]  # fmt: skip
    assert [m.id.rsplit("_", 1)[1] for m in messages_to_offer(history, SEEN).messages] == ["IN"]


def test_what_the_clinics_number_sent_is_not_offered() -> None:
    # Read back, the bot's own replies cannot be told from what the staff typed.
    assert messages_to_offer([listed("ME", NOW - 100, from_me=True)], SEEN).messages == []


def test_a_listed_item_not_in_wahas_shape_is_counted_and_skipped() -> None:
    offer = messages_to_offer([{"id": 7}, "junk", listed("A", NOW - 100)], SEEN)
    assert (len(offer.messages), offer.malformed) == (1, 2)


def test_a_message_read_back_has_the_idempotency_key_of_its_webhook() -> None:
    body = text_message("3EB0AA", timestamp=NOW - 100)
    by_webhook = translate(parse_webhook(encode(body)), body_digest="d", chat_secret=b"s")
    read_back = message_event("default", msgspec.convert(body["payload"], WahaMessage), b"s")
    assert isinstance(by_webhook, Translated) and isinstance(read_back, Translated)
    assert read_back.idempotency_key == by_webhook.idempotency_key
    assert read_back.envelope.chat == by_webhook.envelope.chat
    assert read_back.envelope.event == by_webhook.envelope.event


def test_reconciliation_is_on_by_default_with_its_bounds() -> None:
    found = ReconcileSettings.from_env({"CHAT_KEY_SECRET": SECRET})
    assert found is not None
    assert found.interval_s == DEFAULT_INTERVAL_S
    assert found.lookback_s == DEFAULT_LOOKBACK_MINUTES * 60


def test_an_interval_of_zero_turns_reconciliation_off_and_needs_no_secret() -> None:
    assert ReconcileSettings.from_env({"RECONCILE_INTERVAL_SECONDS": "0"}) is None


def test_a_look_back_beyond_the_dedup_window_is_refused() -> None:
    env = {"CHAT_KEY_SECRET": SECRET, "DEDUP_WINDOW_SECONDS": "3600",
           "RECONCILE_LOOKBACK_MINUTES": "60"}  # fmt: skip
    with pytest.raises(SettingsError, match=r"RECONCILE_LOOKBACK_MINUTES .*DEDUP_WINDOW_SECONDS"):
        ReconcileSettings.from_env(env)


@pytest.mark.parametrize("name", ["RECONCILE_MAX_CHATS", "RECONCILE_MAX_MESSAGES_PER_CHAT"])
def test_a_bound_of_zero_is_refused(name: str) -> None:
    with pytest.raises(SettingsError, match=name):
        ReconcileSettings.from_env({"CHAT_KEY_SECRET": SECRET, name: "0"})


def test_a_settling_time_as_long_as_the_look_back_is_refused() -> None:
    env = {"CHAT_KEY_SECRET": SECRET, "RECONCILE_LOOKBACK_MINUTES": "1",
           "RECONCILE_SETTLE_SECONDS": "60"}  # fmt: skip
    with pytest.raises(SettingsError, match="RECONCILE_SETTLE_SECONDS"):
        ReconcileSettings.from_env(env)
