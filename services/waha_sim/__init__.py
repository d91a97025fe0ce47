"""A local stand-in for WAHA: the endpoints the product uses, and signed webhooks."""
