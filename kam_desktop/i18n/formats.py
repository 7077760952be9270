"""How numbers, money and dates inside a message are written for a language (Babel's CLDR data).

The GUI passes its own `ui.i18n.Formats` (the same methods); without one, `formats_for(language)` is used.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Protocol


class ValueFormats(Protocol):
    """What `translated` asks of a formatter: the methods of `ui.i18n.Formats`."""

    def number(self, value: int | Decimal) -> str: ...

    def money(self, amount: Decimal, currency: str, *, cents: bool = False) -> str: ...

    def date(self, value: date) -> str: ...


class BabelFormats:
    """A language's numbers (grouped, its decimal sign), money with cents and medium dates."""

    _LOCALES = {"en": "en_GB", "pl": "pl_PL", "ru": "ru_RU"}

    def __init__(self, language: str) -> None:
        from babel import Locale  # Babel only once a message is actually formatted

        self.locale = Locale.parse(self._LOCALES.get(language, "en_GB"))

    def number(self, value: int | Decimal) -> str:
        from babel.numbers import format_decimal

        return format_decimal(value, locale=self.locale, decimal_quantization=False)

    def money(self, amount: Decimal, currency: str, *, cents: bool = False) -> str:
        from babel.numbers import format_currency

        # always the cents: a refusal quotes an amount exactly ("asks 1 250,50 zł; 1 000,00 zł left")
        return format_currency(amount, currency, locale=self.locale)

    def date(self, value: date) -> str:
        from babel.dates import format_date

        return format_date(value, format="medium", locale=self.locale)
