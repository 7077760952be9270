"""Write `kam_desktop/i18n/cldr_data.py`: the few CLDR figures the screens format with, taken from Babel.

    python resources/translations/cldr.py           # write the module again from the installed Babel
    python resources/translations/cldr.py --check   # exit 1 if the committed module differs from it

The desktop's first paint formats a portfolio's money, counts and dates; loading Babel and its locale data for
that costs more than drawing the window (see kam_desktop/i18n/cldr.py). The module is data only, and the test
that runs `--check` holds it equal to the Babel the app installs.
"""

from __future__ import annotations

import argparse
import pprint
import sys
from pathlib import Path

from babel import Locale
from babel.dates import tokenize_pattern
from babel.numbers import get_currency_precision, get_currency_symbol, parse_pattern

ROOT = Path(__file__).resolve().parents[2]
TARGET = ROOT / "kam_desktop" / "i18n" / "cldr_data.py"
LOCALES = {"en": "en_GB", "pl": "pl_PL", "ru": "ru_RU"}  # as kam_desktop/ui/i18n.py formats them
# The currencies a program of this kind meets (Europe, the CIS and the usual trading ones); any other is
# formatted by Babel itself, only slower.
CURRENCIES = ("PLN", "EUR", "USD", "GBP", "CHF", "CZK", "HUF", "RON", "BGN", "SEK", "NOK", "DKK", "RUB", "UAH",
              "BYN", "KZT", "TRY", "CNY", "CAD", "AUD")


def _affixes(pattern: str) -> dict[str, list[str]]:
    """A number pattern's texts before and after the digits (positive, negative).

    The digits themselves are grouped by three with at least one integer digit in all three languages; a
    language that groups otherwise is refused here rather than formatted wrongly there.
    """
    parsed = parse_pattern(pattern)
    if parsed.grouping != (3, 3) or parsed.int_prec[0] != 1 or parsed.scale or parsed.exp_prec:
        raise SystemExit(f"{pattern!r}: kam_desktop/i18n/cldr.py groups by three only; format it with Babel")
    return {"prefix": list(parsed.prefix), "suffix": list(parsed.suffix)}


def _medium_date(locale: Locale) -> list[str]:
    """The medium date pattern as pieces: "d", "MMM", "y" or a literal text."""
    pieces: list[str] = []
    for _kind, value in tokenize_pattern(locale.date_formats["medium"].pattern):
        if isinstance(value, str):
            pieces.append("'" + str(value))
        else:
            field, width = value
            pieces.append(field * width)
    return pieces


def language_data(language: str) -> dict[str, object]:
    """Everything `kam_desktop.i18n.cldr` needs of one language."""
    locale = Locale.parse(LOCALES[language])
    symbols = locale.number_symbols["latn"]
    currency_pattern = locale.currency_formats["standard"].pattern
    return {
        "locale": LOCALES[language],
        "group": symbols["group"],
        "decimal": symbols["decimal"],
        "decimal_affixes": _affixes(locale.decimal_formats[None].pattern),
        "decimal_fraction": list(locale.decimal_formats[None].frac_prec),
        "currency_affixes": _affixes(currency_pattern),
        "currency_symbols": {code: get_currency_symbol(code, locale) for code in CURRENCIES},
        "months_abbreviated": [locale.months["format"]["abbreviated"][m] for m in range(1, 13)],
        "medium_date": _medium_date(locale),
    }


def render() -> str:
    """The module's text."""
    data = {language: language_data(language) for language in LOCALES}
    precision = {code: get_currency_precision(code) for code in CURRENCIES}
    return (
        '"""CLDR figures of the three UI languages, written by resources/translations/cldr.py from Babel '
        '(do not edit)."""\n\n'
        "from __future__ import annotations\n\nfrom typing import Any\n\n"
        f"CURRENCY_PRECISION: dict[str, int] = {pprint.pformat(precision, width=110, sort_dicts=True)}\n\n"
        f"LANGUAGES: dict[str, dict[str, Any]] = {pprint.pformat(data, width=110, sort_dicts=True)}\n"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the committed module is out of date")
    args = parser.parse_args(argv)
    text = render()
    if args.check:
        if TARGET.read_text(encoding="utf-8") != text:
            print(f"{TARGET} differs from the installed Babel; run: python resources/translations/cldr.py")
            return 1
        return 0
    TARGET.write_text(text, encoding="utf-8")
    print(f"wrote {TARGET}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
