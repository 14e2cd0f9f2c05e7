"""`duban import`: a government work-plan document (plain text) → a draft tasks.toml."""
