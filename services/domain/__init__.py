"""What more than one service means by the same words: chats and chat keys, data
subjects. Every service imports it; it imports no service."""
