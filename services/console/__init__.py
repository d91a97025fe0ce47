"""The front desk's web console: the agenda with names, the handoff inbox, the
data-protection officer's views and the staff accounts, server-rendered for staff only."""
