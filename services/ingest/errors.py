"""What can be wrong with a webhook request, each with its HTTP answer."""

from __future__ import annotations


class WebhookRejected(Exception):
    """A request that is answered with an error and changes nothing."""

    status = 400
    code = "bad_request"


class BadSignature(WebhookRejected):
    """The gateway's answer to :class:`services.waha.signature.SignatureInvalid`."""

    status = 401
    code = "bad_signature"


class PayloadInvalid(WebhookRejected):
    """Signed, but not a webhook as WAHA sends one: bad JSON or types, no chat, a bad time."""

    status = 400
    code = "bad_request"


class WebhookStale(WebhookRejected):
    """Signed, but older than any retry: a replay of a captured webhook."""

    status = 400
    code = "stale"


class PayloadTooLarge(WebhookRejected):
    """Larger than ``WEBHOOK_MAX_BODY_BYTES``; refused before it is read whole."""

    status = 413
    code = "too_large"


class TimestampMissing(WebhookRejected):
    """Signed, but without the ``timestamp`` the age check needs (WAHA signs the body, not
    the ``X-Webhook-Timestamp`` header, so only the body's own stamp can be trusted)."""

    status = 400
    code = "no_timestamp"


class BodyTimeout(WebhookRejected):
    """The body did not arrive within ``WEBHOOK_BODY_TIMEOUT_SECONDS``."""

    status = 408
    code = "body_timeout"


class GatewayBusy(WebhookRejected):
    """Too many bodies arriving at once (``WEBHOOK_BODY_BUDGET_BYTES``); WAHA retries."""

    status = 503
    code = "busy"


class UnsupportedMediaType(WebhookRejected):
    """Not sent as JSON."""

    status = 415
    code = "unsupported_media_type"


class StoreUnavailable(WebhookRejected):
    """Redis did not confirm the append; WAHA must retry."""

    status = 503
    code = "unavailable"


class AppendNotReplicated(WebhookRejected):
    """Appended, but fewer replicas than ``REDIS_WAIT_REPLICAS`` confirmed it in time; WAHA
    retries, and the retry is deduplicated."""

    status = 503
    code = "not_replicated"
