"""No Redis, no processes: seconds for the lot."""
