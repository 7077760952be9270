"""Notes the program wrote on ledger entries ("grade L2", "late sale in 2025Q4, grade L2"), in the reader's language.

The notes are stored as English text (they are part of the append-only ledger); each comes from one
`NoteTemplate` of the domain, which reads it back here. A note a person typed is shown as it is.
"""

from __future__ import annotations

from kam_desktop.domain.adjustments import MOVED_NOTE
from kam_desktop.domain.clawback import CLAWBACK_NOTE
from kam_desktop.domain.closing import LOCKED_NOTE, NOTE_SEPARATOR
from kam_desktop.domain.late_facts import LATE_SALE_NOTE
from kam_desktop.domain.messages import Listing, Message, NoteTemplate
from kam_desktop.domain.payout import PAYOUT_NOTE
from kam_desktop.domain.rewards import GRADE_NOTE
from kam_desktop.i18n.formats import ValueFormats
from kam_desktop.i18n.render import translated

NOTES: tuple[NoteTemplate, ...] = (GRADE_NOTE, LATE_SALE_NOTE, PAYOUT_NOTE, CLAWBACK_NOTE, LOCKED_NOTE, MOVED_NOTE)


def note_message(text: str) -> Listing:
    """The note as messages: each part the program wrote becomes its template, typed text stays text."""
    parts: list[Message | str] = []
    for part in text.split(NOTE_SEPARATOR):
        read = next((m for m in (n.read(part) for n in NOTES) if m is not None), None)
        parts.append(read if read is not None else part)
    return Listing(tuple(parts), NOTE_SEPARATOR)


def note_text(text: str | None, language: str, format: ValueFormats | None = None) -> str:  # noqa: A002
    """The note in `language` ("" for none)."""
    if not text:
        return ""
    return translated(note_message(text), language, format)
