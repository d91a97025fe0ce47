"""The projector: read models built from the log, replay, and the admin API."""
