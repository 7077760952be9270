"""Domain tests: pure rules, readable as prose."""
