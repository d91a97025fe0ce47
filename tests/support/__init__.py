"""What the tests share: factories, strategies, fakes that speak real protocols, the
whole stack in one process, the chaos soak, the time-limit plugin."""
