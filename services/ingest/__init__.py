"""The webhook gateway: signed WAHA webhooks in, deduplicated events on the log out."""
