"""The team server: one PostgreSQL database the laptops sync with, its roles, row-level security and functions."""
