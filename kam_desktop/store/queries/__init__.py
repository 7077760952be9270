"""Read-side query functions that return plain rows (dataclasses), for the services and Qt models."""
