"""Use cases that join the domain and the store; the GUI and the CLI call these and nothing below."""
