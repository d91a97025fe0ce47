"""What more than one service means by the same words: chats and chat keys, data
subjects, the conversation's state and how it evolves, the clinic's rules, the calendar's
records. Every service imports it; it imports no service."""
