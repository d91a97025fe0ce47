"""Plumbing every service shares: settings, the Redis connection, logging, an embedded Redis."""
