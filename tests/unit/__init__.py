"""No Redis, no service processes: seconds for the lot."""
