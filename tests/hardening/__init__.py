"""Property and fuzz tests (issue 5)."""
