"""POST /webhooks/waha: what is accepted, what is refused, and that refusals write nothing."""

from __future__ import annotations

import dataclasses
import time
from typing import Any

import pytest
from aiohttp.test_utils import TestClient, TestServer
from redis.asyncio import Redis

from events import EventLog, MessageReceived
from services.ingest.app import GATEWAY, create_app
from services.ingest.settings import IngestSettings
from services.runtime.ports import free_port
from services.runtime.settings import SettingsError
from services.runtime.store import StoreSettings
from tests.support.kek import kek_env
from tests.support.waha import HMAC_KEY, SENT_MS, encode, signed_headers, text_message, webhook

URL = "/webhooks/waha"


async def post(client: TestClient, body: dict[str, Any], **header_overrides: str) -> Any:
    raw = encode(body)
    headers = {**signed_headers(raw), **header_overrides}
    return await client.post(URL, data=raw, headers=headers)


async def entries(log: EventLog) -> list[Any]:
    return [record async for record in log.scan()]


def sample(client: TestClient, name: str, **labels: str) -> float:
    """A metric of the gateway behind ``client``, read from its registry."""
    return client.app[GATEWAY].registry.get_sample_value(name, labels) or 0.0


async def test_a_signed_message_becomes_one_event(ingest: TestClient, log: EventLog) -> None:
    response = await post(ingest, text_message("A1", body="Quero marcar consulta"))
    assert response.status == 200
    assert (await response.json())["status"] == "accepted"
    [record] = await entries(log)
    event = record.envelope.event
    assert isinstance(event, MessageReceived)
    assert event.text == "Quero marcar consulta"
    assert event.chat_id == "5511988887777@c.us"
    assert record.envelope.session == "default"


async def test_a_retried_webhook_is_a_duplicate_with_the_first_id(
    ingest: TestClient, log: EventLog
) -> None:
    first = await (await post(ingest, text_message("A1"))).json()
    again = await (await post(ingest, text_message("A1"))).json()
    assert again == {"status": "duplicate", "id": first["id"]}
    assert len(await entries(log)) == 1


async def test_message_and_message_any_of_one_message_are_one_event(
    ingest: TestClient, log: EventLog
) -> None:
    await post(ingest, text_message("A1"))
    await post(ingest, text_message("A1", event="message.any"))
    assert len(await entries(log)) == 1


async def test_a_key_being_rotated_out_still_verifies(ingest: TestClient, log: EventLog) -> None:
    raw = encode(text_message("A1"))
    headers = signed_headers(raw, key=b"previous-key")
    response = await ingest.post(URL, data=raw, headers=headers)
    assert response.status == 200


async def test_a_wrong_signature_is_401_and_writes_nothing(
    ingest: TestClient, redis: Redis
) -> None:
    response = await post(ingest, text_message("A1"), **{"X-Webhook-Hmac": "00" * 64})
    assert response.status == 401
    assert (await response.json())["error"] == "bad_signature"
    assert await redis.dbsize() == 0


async def test_a_missing_signature_is_401(ingest: TestClient, redis: Redis) -> None:
    raw = encode(text_message("A1"))
    response = await ingest.post(URL, data=raw, headers={"Content-Type": "application/json"})
    assert response.status == 401
    assert await redis.dbsize() == 0


async def test_a_signature_with_another_algorithm_is_401(ingest: TestClient) -> None:
    response = await post(ingest, text_message("A1"), **{"X-Webhook-Hmac-Algorithm": "sha1"})
    assert response.status == 401


async def test_a_body_altered_after_signing_is_401(ingest: TestClient, redis: Redis) -> None:
    raw = encode(text_message("A1"))
    headers = signed_headers(raw)
    response = await ingest.post(URL, data=raw.replace(b"oi", b"io"), headers=headers)
    assert response.status == 401
    assert await redis.dbsize() == 0


async def test_malformed_json_is_400_and_writes_nothing(ingest: TestClient, redis: Redis) -> None:
    raw = b'{"event": "message", '
    response = await ingest.post(URL, data=raw, headers=signed_headers(raw))
    assert response.status == 400
    assert (await response.json())["error"] == "bad_request"
    assert await redis.dbsize() == 0


async def test_a_payload_of_the_wrong_shape_is_400(ingest: TestClient, redis: Redis) -> None:
    body = webhook("message", {"id": 12, "from": "5511988887777@c.us"})
    response = await post(ingest, body)
    assert response.status == 400
    assert "$.id" in (await response.json())["detail"]
    assert await redis.dbsize() == 0


async def test_an_invalid_chat_id_is_400(ingest: TestClient, redis: Redis) -> None:
    response = await post(ingest, text_message("A1", chat="not a chat"))
    assert response.status == 400
    assert await redis.dbsize() == 0


async def test_an_oversized_body_is_413_and_writes_nothing(
    ingest: TestClient, redis: Redis
) -> None:
    response = await post(ingest, text_message("A1", body="x" * 70_000))
    assert response.status == 413
    assert (await response.json())["error"] == "too_large"
    assert await redis.dbsize() == 0


async def test_an_oversized_chunked_body_is_413(ingest: TestClient, redis: Redis) -> None:
    async def chunks() -> Any:
        for _ in range(100):
            yield b"x" * 1024

    headers = {"Content-Type": "application/json", "X-Webhook-Hmac": "00"}
    response = await ingest.post(URL, data=chunks(), headers=headers)
    assert response.status == 413
    assert await redis.dbsize() == 0


async def test_a_non_json_content_type_is_415(ingest: TestClient, redis: Redis) -> None:
    response = await post(ingest, text_message("A1"), **{"Content-Type": "text/plain"})
    assert response.status == 415
    assert await redis.dbsize() == 0


async def test_the_bots_own_echo_is_not_an_inbound_message(
    ingest: TestClient, log: EventLog
) -> None:
    response = await post(ingest, text_message("A1", from_me=True, source="api"))
    assert (await response.json()) == {"status": "ignored", "reason": "own_message"}
    assert await entries(log) == []


async def test_an_unsupported_event_kind_is_answered_200_without_an_event(
    ingest: TestClient, log: EventLog
) -> None:
    response = await post(ingest, webhook("presence.update", {"id": "x"}))
    assert response.status == 200
    assert (await response.json())["status"] == "ignored"
    assert await entries(log) == []
    ignored = {"event": "presence.update", "reason": "unsupported_event"}
    assert sample(ingest, "wsm_webhook_ignored_total", **ignored) == 1


async def test_redis_down_is_503(ingest_settings: IngestSettings) -> None:
    settings = IngestSettings(
        hmac_keys=ingest_settings.hmac_keys,
        store=StoreSettings(redis_url=f"redis://127.0.0.1:{free_port()}/0"),
    )
    async with TestClient(TestServer(create_app(settings))) as client:
        response = await post(client, text_message("A1"))
        assert response.status == 503
        assert (await response.json())["error"] == "unavailable"
        assert (await client.get("/readyz")).status == 503
        assert (await client.get("/healthz")).status == 200


async def test_readyz_answers_a_fixed_text_never_redis_s_error(
    ingest_settings: IngestSettings,
) -> None:
    port = free_port()
    settings = dataclasses.replace(
        ingest_settings, store=StoreSettings(redis_url=f"redis://127.0.0.1:{port}/0")
    )
    async with TestClient(TestServer(create_app(settings))) as client:
        response = await client.get("/readyz")
        assert response.status == 503
        assert await response.json() == {"status": "unavailable"}


async def test_readyz_is_200_when_redis_answers(ingest: TestClient) -> None:
    assert (await ingest.get("/readyz")).status == 200


async def test_metrics_are_not_served_on_the_webhook_port(ingest: TestClient) -> None:
    assert (await ingest.get("/metrics")).status == 404


async def test_metrics_count_requests_by_outcome(ingest: TestClient) -> None:
    await post(ingest, text_message("A1"))
    await post(ingest, text_message("A1"))
    await post(ingest, text_message("A2"), **{"X-Webhook-Hmac": "bad"})
    outcomes = ("accepted", "duplicate", "bad_signature")
    counts = [sample(ingest, "wsm_webhook_requests_total", outcome=o) for o in outcomes]
    assert counts == [1, 1, 1]
    assert sample(ingest, "wsm_event_append_seconds_count") == 2


@pytest.mark.parametrize("age_s", [86400 + 60, -3600], ids=["too old", "from the future"])
async def test_a_signed_webhook_outside_the_window_is_refused_as_stale(
    ingest: TestClient, log: EventLog, age_s: int
) -> None:
    body = {**text_message("OLD1"), "timestamp": SENT_MS - age_s * 1000}
    response = await post(ingest, body)
    assert response.status == 400
    assert (await response.json())["error"] == "stale"
    assert await entries(log) == []


async def test_with_the_window_off_an_old_webhook_is_accepted(
    redis: Redis, ingest_settings: IngestSettings, log: EventLog
) -> None:
    settings = dataclasses.replace(ingest_settings, max_age_s=0)
    async with TestClient(TestServer(create_app(settings, redis=redis))) as client:
        response = await post(client, {**text_message("OLD2"), "timestamp": 1_600_000_000_000})
        assert (await response.json())["status"] == "accepted"


def test_a_window_longer_than_the_dedup_window_is_refused_at_start() -> None:
    env = {
        "WEBHOOK_HMAC_KEY": HMAC_KEY.decode(),
        "DEVELOPMENT_MODE": "true",
        "DEDUP_WINDOW_SECONDS": "600",
        "WEBHOOK_MAX_AGE_SECONDS": "601",
    }
    with pytest.raises(SettingsError, match="WEBHOOK_MAX_AGE_SECONDS"):
        IngestSettings.from_env({**env, **kek_env()})


def test_an_age_whose_skew_outlives_the_dedup_window_is_refused_at_start() -> None:
    # Stamped 300 s ahead and accepted for 600 s after its stamp, a webhook would be
    # acceptable for 900 s: past its 600 s dedup marker.
    env = {"WEBHOOK_HMAC_KEY": HMAC_KEY.decode(), "DEVELOPMENT_MODE": "true",
           "DEDUP_WINDOW_SECONDS": "600", "WEBHOOK_MAX_AGE_SECONDS": "600",
           "WEBHOOK_MAX_CLOCK_SKEW_SECONDS": "300"}  # fmt: skip
    with pytest.raises(SettingsError, match=r"plus WEBHOOK_MAX_CLOCK_SKEW_SECONDS") as refused:
        IngestSettings.from_env({**env, **kek_env()})
    assert "\n" not in str(refused.value)


def test_by_default_age_plus_skew_fit_the_dedup_window() -> None:
    env = {"WEBHOOK_HMAC_KEY": HMAC_KEY.decode(), "DEVELOPMENT_MODE": "true",
           "DEDUP_WINDOW_SECONDS": "600", **kek_env()}  # fmt: skip
    settings = IngestSettings.from_env(env)
    assert settings.max_age_s + settings.max_clock_skew_s <= settings.dedup_window_s
    assert settings.max_age_s > 0


async def test_with_the_age_check_on_a_webhook_without_its_timestamp_is_refused(
    ingest: TestClient, log: EventLog
) -> None:
    body = text_message("NOSTAMP1")
    del body["timestamp"]
    response = await post(ingest, body)
    assert response.status == 400
    assert (await response.json())["error"] == "no_timestamp"
    assert await entries(log) == []


async def test_the_unsigned_timestamp_header_cannot_stand_in_for_the_signed_one(
    ingest: TestClient, log: EventLog
) -> None:
    body = text_message("NOSTAMP2")
    del body["timestamp"]
    response = await post(ingest, body, **{"X-Webhook-Timestamp": str(SENT_MS)})
    assert (await response.json())["error"] == "no_timestamp"
    assert await entries(log) == []


async def test_a_webhook_stamped_ahead_by_more_than_the_allowed_skew_is_refused(
    redis: Redis, ingest_settings: IngestSettings, log: EventLog
) -> None:
    settings = dataclasses.replace(ingest_settings, max_clock_skew_s=60)
    now_ms = int(time.time() * 1000)  # not the module's stamp: the run may be minutes long
    async with TestClient(TestServer(create_app(settings, redis=redis))) as client:
        ahead = await post(client, {**text_message("AHEAD1"), "timestamp": now_ms + 120_000})
        assert (await ahead.json())["error"] == "stale"
        within = await post(client, {**text_message("AHEAD2"), "timestamp": now_ms + 30_000})
        assert (await within.json())["status"] == "accepted"


async def test_a_deeply_nested_body_is_a_400_not_a_crash(ingest: TestClient, log: EventLog) -> None:
    raw = b'{"payload":' + b"[" * 5000 + b"]" * 5000 + b"}"
    response = await ingest.post(URL, data=raw, headers=signed_headers(raw))
    assert response.status == 400
    assert await entries(log) == []
