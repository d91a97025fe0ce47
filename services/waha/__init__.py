"""WAHA's protocol, in one home for every service that speaks it: the webhook payloads
(``payloads``) and their signature (``signature``), read by the gateway and written by the
simulator, and the HTTP client (``client``) the conductor sends with.

It imports no service, so that no service imports another to talk WAHA.
"""
