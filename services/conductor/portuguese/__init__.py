"""Understanding Brazilian Portuguese offline: intents, answers, names and times."""
