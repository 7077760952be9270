"""Numbers, money and dates in the document's language, through Babel (pl_PL, ru_RU, en_GB)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from functools import cache, lru_cache

from babel import Locale
from babel.dates import format_date
from babel.numbers import (
    NumberPattern,
    format_compact_decimal,
    format_currency,
    format_decimal,
    format_percent,
    parse_pattern,
)

from kam_desktop.documents.content import LANGUAGES, Lang
from kam_desktop.documents.errors import UnsupportedLanguageError
from kam_desktop.domain.money import money

# en_GB rather than en_US: day-month-year dates and A4 paper are what European clients expect.
LOCALES: dict[str, str] = {"pl": "pl_PL", "ru": "ru_RU", "en": "en_GB"}
# Babel's en_GB pattern glues a currency code to the digits ("PLN1,234.50"); spell it "PLN 1,234.50".
_DATE_PATTERNS = {"pl": "dd.MM.yyyy", "ru": "dd.MM.yyyy", "en": "dd/MM/yyyy"}
_MONEY_PATTERNS: dict[str, str | None] = {"pl": None, "ru": None, "en": "¤¤\u00a0#,##0.00"}
# Parsed once: Babel parses a pattern string, and a locale name, again on every call (half its time).
_QUANTITY = parse_pattern("#,##0.##")
_PERCENT = parse_pattern("#,##0.#%")


@cache
def _number_pattern(places: int) -> NumberPattern:
    return parse_pattern("#,##0" + ("." + "0" * places if places else ""))


class Formats:
    """Formatting for one language; reuse it across a batch (see `formats_for`).

    Babel takes 5–15 µs a call given a parsed locale and pattern (twice that given their names); a batch
    formats the same dates and many equal amounts thousands of times, so results are memoised per instance.
    """

    def __init__(self, lang: Lang) -> None:
        if lang not in LANGUAGES:
            raise UnsupportedLanguageError(f"document language {lang!r}; use one of {', '.join(LANGUAGES)}")
        self.lang = lang
        self.locale = LOCALES[lang]
        self._babel = Locale.parse(self.locale)
        pattern = _MONEY_PATTERNS[lang]
        self._money_pattern = parse_pattern(pattern) if pattern else None
        self.money = lru_cache(maxsize=8192)(self._money)  # type: ignore[method-assign]
        self.date = lru_cache(maxsize=2048)(self._date)  # type: ignore[method-assign]
        self.quantity = lru_cache(maxsize=8192)(self._quantity)  # type: ignore[method-assign]
        self.ratio = lru_cache(maxsize=4096)(self._ratio)  # type: ignore[method-assign]

    def money(self, amount: Decimal, currency: str) -> str:
        return self._money(amount, currency)

    def _money(self, amount: Decimal, currency: str) -> str:
        return format_currency(money(amount), currency, format=self._money_pattern, locale=self._babel)

    def number(self, value: Decimal, places: int = 0) -> str:
        return format_decimal(value, format=_number_pattern(places), locale=self._babel)

    def quantity(self, value: Decimal) -> str:
        """A count or points: up to two decimals, none when whole."""
        return self._quantity(value)

    def _quantity(self, value: Decimal) -> str:
        return format_decimal(value, format=_QUANTITY, locale=self._babel)

    def compact(self, value: Decimal) -> str:
        """A short figure for a chart: "755.9k", "755,9 tys.", "755,9 тыс." (CLDR's short decimal format)."""
        # two decimals in millions: a client near 1.1 million each quarter must not read "1.1m" four times
        places = 2 if abs(value) >= 1_000_000 else 1
        return format_compact_decimal(value, locale=self._babel, fraction_digits=places)

    def signed(self, value: Decimal) -> str:
        text = self.quantity(value)
        return "+" + text if value > 0 else text

    def percent(self, value: Decimal) -> str:
        """`value` in percent points (12.5 → "12,5%")."""
        return format_percent(value / Decimal(100), format=_PERCENT, locale=self._babel)

    def ratio(self, value: Decimal) -> str:
        """`value` as a fraction (0.125 → "12,5%")."""
        return self._ratio(value)

    def _ratio(self, value: Decimal) -> str:
        return format_percent(value, format=_PERCENT, locale=self._babel)

    def date(self, day: dt.date) -> str:
        return self._date(day)

    def _date(self, day: dt.date) -> str:
        return format_date(day, _DATE_PATTERNS[self.lang], locale=self._babel)

    def long_date(self, day: dt.date) -> str:
        return format_date(day, "long", locale=self._babel)


@cache
def formats_for(lang: Lang) -> Formats:
    return Formats(lang)
