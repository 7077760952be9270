"""Ledger notes in the UI language (loaded with the account tabs: the notes know every settlement rule)."""

from __future__ import annotations

from kam_desktop.i18n.notes import note_text
from kam_desktop.ui.i18n import Formats


def ledger_note(note: str | None, formats: Formats) -> str:
    """A ledger entry's note: the program's own notes ("grade L2") translated, a person's note as typed."""
    return note_text(note, formats.language, formats)
