"""What an operator or the data-protection officer does to a subject's data: export,
correction, erasure, handing a chat back to the bot. Each is recorded as an event; the
command line and the admin API call the same functions."""
