"""PySide6 user interface: windows, Qt models, dialogs, workers. No business rules here."""
