"""Use cases of the store itself: opening it, its status, backups, the quick start."""
