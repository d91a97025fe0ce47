"""The conductor: consumes inbound events per conversation and runs the agents."""
