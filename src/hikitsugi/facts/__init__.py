"""Each fact about a runbook, a post or a day, decided once for every output."""
