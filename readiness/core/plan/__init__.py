"""Building the plan: one plain object that every output reads."""
