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


class UnsupportedMediaType(WebhookRejected):
    """Not sent as JSON."""

    status = 415
    code = "unsupported_media_type"


class StoreUnavailable(WebhookRejected):
    """Redis did not confirm the append; WAHA must retry."""

    status = 503
    code = "unavailable"
