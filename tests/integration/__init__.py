"""Against a real redis-server, started by the tests on a free port."""
