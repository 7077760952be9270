"""Filling a translated template: parameters translated (messages, vocabulary) and formatted (numbers, dates).

`translated(item, language)` accepts a `Message`, a `Listing`, anything carrying one (a domain `Refusal`, a
`ServiceError`), or anything with `template` and `params` (an import finding); anything else is shown as
`str(item)`. English without a formatter is exactly `str(item)`: logs, tests and `--json` read the same.
A translation that cannot be filled (a catalogue naming a parameter the code does not pass) falls back to
the English template, so showing an error can never fail.
"""

from __future__ import annotations

import logging
import string
from collections.abc import Mapping
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any

from kam_desktop.domain.messages import Listing, Message
from kam_desktop.domain.monetary import Money
from kam_desktop.i18n.catalog import lookup
from kam_desktop.i18n.formats import BabelFormats, ValueFormats

log = logging.getLogger(__name__)

Shown = Message | Listing
# how each language quotes a name it repeats back (Python's repr quotes are English)
_QUOTES = {"pl": ("„", "”"), "ru": ("«", "»")}
_DOMAIN = "kam_desktop.domain."
# (module, enum) → catalogue context of the vocabularies translated in messages (i18n.vocabulary lists the
# enums themselves; a test keeps the two equal)
CONTEXTS: dict[tuple[str, str], str] = {
    (_DOMAIN + "vocabulary", name): name for name in (
        "Role", "AccountKind", "AccountStatus", "ContactRole", "SlotSource", "BenefitType", "CostModel",
        "GrantStatus", "LedgerKind", "LedgerUnit", "ExceptionKind", "ExceptionStatus", "Decision", "DocumentKind",
        "DocumentStatus")
} | {
    (_DOMAIN + "permissions", "UseCase"): "UseCase", (_DOMAIN + "exceptions", "Action"): "Action",
    (_DOMAIN + "adjustments", "AdjustmentStatus"): "AdjustmentStatus", (_DOMAIN + "adjustments", "Step"): "AdjustmentStep",
    (_DOMAIN + "mdf", "ClaimStatus"): "ClaimStatus", (_DOMAIN + "movements", "Movement"): "Movement",
    (_DOMAIN + "late_facts", "FactKind"): "FactKind", (_DOMAIN + "rewards", "PartnerEvent"): "PartnerEvent",
    (_DOMAIN + "payout", "PayoutMethod"): "PayoutMethod",
}


def message_of(item: object) -> Shown | None:
    """The message an error, finding or message carries; None for anything else (shown as `str()`)."""
    if isinstance(item, Message | Listing):
        return item
    carried = getattr(item, "message", None)
    if isinstance(carried, Message | Listing):
        return carried
    template = getattr(item, "template", None)
    if isinstance(template, str) and template:
        params = getattr(item, "params", None) or {}
        return Message(template, dict(params.items() if isinstance(params, Mapping) else params))
    return None


def translated(item: object, language: str, format: ValueFormats | None = None) -> str:  # noqa: A002
    """`item`'s message in `language` (en, pl, ru), its numbers, money and dates written by `format`.

    Without `format`, English is the plain English text and Polish and Russian use Babel's formats.
    An import finding's location (`file:row:column:`) is kept in front of its translated message.
    """
    issue = getattr(item, "issue", None)  # ImportFileError: the finding it carries, with its location
    if issue is not None and message_of(issue) is not None:
        return _location(issue) + translated(issue, language, format)
    message = message_of(item)
    if message is None:
        return str(item)
    if language not in ("pl", "ru") and format is None:
        return str(message)
    return _Renderer(language, format or BabelFormats(language)).text(message)


def _location(issue: object) -> str:
    """`file:row:column: ` of an import finding: its text without the (English) message."""
    whole, message = str(issue), str(getattr(issue, "message", ""))
    return whole[: len(whole) - len(message)] if message and whole.endswith(message) else ""


class _Renderer(string.Formatter):
    """str.format with translated parameters; format specs give way to the language's number formats."""

    def __init__(self, language: str, formats: ValueFormats) -> None:
        super().__init__()
        self.language, self.formats = language, formats

    def text(self, shown: Shown) -> str:
        if isinstance(shown, Listing):
            return shown.separator.join(item if isinstance(item, str) else self.text(item) for item in shown.items)
        template = lookup(self.language, shown.template) or shown.template
        if not shown.params:
            return template
        try:
            return self.vformat(template, (), shown.params)
        except (KeyError, IndexError, ValueError) as exc:  # a broken translation must not hide the error
            log.warning("translation of %r into %s cannot be filled (%s)", shown.template, self.language, exc)
            return self.vformat(shown.template, (), shown.params)

    def convert_field(self, value: Any, conversion: str | None) -> Any:
        if conversion == "r" and isinstance(value, str) and self.language in _QUOTES:
            opening, closing = _QUOTES[self.language]
            return f"{opening}{value}{closing}"
        return super().convert_field(value, conversion)

    def format_field(self, value: Any, format_spec: str) -> str:
        if isinstance(value, Message | Listing):
            return self.text(value)
        if isinstance(value, Enum):
            return self._word(value)
        if isinstance(value, Money):
            return self.formats.money(value.amount, value.currency, cents=True)
        if isinstance(value, bool):
            return str(value)
        if isinstance(value, Decimal | float) or (isinstance(value, int) and "," in format_spec):
            # ints without a grouping spec are years, versions, row numbers: never "2 026"
            return self.formats.number(value if isinstance(value, int | Decimal) else Decimal(str(value)))
        if isinstance(value, datetime):
            return f"{self.formats.date(value.date())} {value:%H:%M}"
        if isinstance(value, date):
            return self.formats.date(value)
        return str(super().format_field(value, format_spec))

    def _word(self, value: Enum) -> str:
        text = str(value.value)
        context = CONTEXTS.get((type(value).__module__, type(value).__qualname__))
        return (lookup(self.language, text, context) if context else None) or text
