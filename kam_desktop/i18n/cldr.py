"""Numbers, money and medium dates as Babel writes them for the three UI languages, without loading Babel.

Importing Babel and unpickling a locale's data takes ~50 ms, about half of what a bare Qt window needs to show,
and the first paint of the portfolio needs only a few of its figures: the group and decimal signs, the
currency pattern and symbols, the month abbreviations (`cldr_data`, written from Babel by
resources/translations/cldr.py). The rounding is Babel's own: the value normalised, then quantised in the
current decimal context (half to even). `tests/test_cldr.py` holds every function equal to Babel.
A currency outside the table gives None: the caller asks Babel.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from functools import lru_cache
from typing import Any

from kam_desktop.i18n.cldr_data import CURRENCY_PRECISION, LANGUAGES


@lru_cache(maxsize=16)
def _quantum(places: int) -> Decimal:
    return Decimal(1).scaleb(-places)


def decimal(value: int | Decimal, language: str, min_places: int, max_places: int) -> str:
    """`value` with grouped thousands and between `min_places` and `max_places` decimals (Babel's "#,##0.0#")."""
    data = LANGUAGES[language]
    return _affixed(_digits(value, data, min_places, max_places), value, data["decimal_affixes"])


def number(value: int | Decimal, language: str) -> str:
    """The language's default number format ("#,##0.###" in all three)."""
    low, high = LANGUAGES[language]["decimal_fraction"]
    return decimal(value, language, low, high)


def money(amount: Decimal, currency: str, language: str, *, cents: bool) -> str | None:
    """`amount` in the language's currency pattern: with the currency's own decimals, or whole units.

    None when the currency is not in the table (Babel knows every other one).
    """
    data = LANGUAGES[language]
    symbol = data["currency_symbols"].get(currency)
    if symbol is None:
        return None
    places = CURRENCY_PRECISION[currency] if cents else 0
    text = _affixed(_digits(amount, data, places, places), amount, data["currency_affixes"])
    return text.replace("¤", symbol)


def medium_date(value: date, language: str) -> str:
    """The medium date: "5 Mar 2026", "5 mar 2026", "5 мар. 2026 г."."""
    data = LANGUAGES[language]
    parts = []
    for piece in data["medium_date"]:
        if piece.startswith("'"):
            parts.append(piece[1:])
        elif piece == "d":
            parts.append(str(value.day))
        elif piece == "MMM":
            parts.append(data["months_abbreviated"][value.month - 1])
        else:  # "y": the year with as many digits as it has
            parts.append(str(value.year))
    return "".join(parts)


def _digits(value: int | Decimal, data: dict[str, Any], min_places: int, max_places: int) -> str:
    """The unsigned digits, grouped, with the decimal sign (Babel's `_quantize_value` and `_format_frac`)."""
    rounded = abs(Decimal(value)).normalize().quantize(_quantum(max_places))
    whole, _, fraction = f"{rounded:f}".partition(".")
    grouped = f"{int(whole):,}".replace(",", data["group"])
    fraction = fraction.ljust(min_places, "0")
    if max_places == 0 or (min_places == 0 and int(fraction or "0") == 0):
        return grouped
    fraction = fraction[:min_places] + fraction[min_places:].rstrip("0")
    return f"{grouped}{data['decimal']}{fraction}"


def _affixed(digits: str, value: int | Decimal, affixes: dict[str, list[str]]) -> str:
    """The pattern's prefix and suffix around the digits: the negative ones for a signed value (also -0)."""
    negative = int(Decimal(value).is_signed())
    return f"{affixes['prefix'][negative]}{digits}{affixes['suffix'][negative]}"
