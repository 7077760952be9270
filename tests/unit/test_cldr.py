"""kam_desktop.i18n.cldr writes exactly what Babel writes, for every language, currency and kind of value."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from babel import Locale
from babel.dates import format_date
from babel.numbers import format_currency, format_decimal
from hypothesis import example, given, settings
from hypothesis import strategies as st

from kam_desktop.i18n import cldr
from kam_desktop.i18n.cldr_data import CURRENCY_PRECISION, LANGUAGES

ROOT = Path(__file__).resolve().parents[2]
GENERATOR = ROOT / "resources" / "translations" / "cldr.py"
LOCALES = {language: Locale.parse(data["locale"]) for language, data in LANGUAGES.items()}

languages = st.sampled_from(sorted(LANGUAGES))
currencies = st.sampled_from(sorted(CURRENCY_PRECISION))
amounts = st.one_of(
    st.decimals(min_value=Decimal("-1e15"), max_value=Decimal("1e15"), allow_nan=False, allow_infinity=False),
    st.decimals(min_value=Decimal("-10"), max_value=Decimal("10"), places=6),
    st.integers(min_value=-10**15, max_value=10**15).map(Decimal),
)


@settings(max_examples=400, deadline=None)
@given(value=amounts, language=languages)
@example(value=Decimal("-0.0004"), language="en")
@example(value=Decimal("1234.5675"), language="pl")
@example(value=Decimal("1E+3"), language="ru")
@example(value=Decimal("-0"), language="en")
def test_numbers_are_written_as_babel_writes_them(value: Decimal, language: str) -> None:
    locale = LOCALES[language]
    assert cldr.number(value, language) == format_decimal(value, locale=locale)
    assert cldr.decimal(value, language, 1, 1) == format_decimal(value, format="#,##0.0", locale=locale)
    assert cldr.decimal(value, language, 0, 6) == format_decimal(value, format="#,##0.######", locale=locale)
    assert cldr.decimal(value, language, 2, 2) == format_decimal(value, format="#,##0.00", locale=locale)


@settings(max_examples=400, deadline=None)
@given(value=amounts, currency=currencies, language=languages)
@example(value=Decimal("-0.4"), currency="EUR", language="en")
@example(value=Decimal("98000.50"), currency="HUF", language="pl")
def test_money_is_written_as_babel_writes_it(value: Decimal, currency: str, language: str) -> None:
    locale = LOCALES[language]
    assert cldr.money(value, currency, language, cents=True) == format_currency(value, currency, locale=locale)
    whole = LOCALES[language].currency_formats["standard"].pattern.replace(".00", "")
    assert cldr.money(value, currency, language, cents=False) == format_currency(
        value, currency, format=whole, currency_digits=False, locale=locale)


def test_a_currency_outside_the_table_is_left_to_babel() -> None:
    assert cldr.money(Decimal(5), "JPY", "en", cents=True) is None


@pytest.mark.parametrize("language", sorted(LANGUAGES))
def test_every_day_of_two_years_is_written_as_babel_writes_it(language: str) -> None:
    day = date(2025, 1, 1)
    while day < date(2027, 1, 1):
        assert cldr.medium_date(day, language) == format_date(day, format="medium", locale=LOCALES[language])
        day += timedelta(days=1)
    for far in (date(1, 1, 5), date(999, 12, 31), date(9999, 9, 9)):
        assert cldr.medium_date(far, language) == format_date(far, format="medium", locale=LOCALES[language])


def test_the_committed_table_is_the_installed_babels() -> None:
    done = subprocess.run([sys.executable, str(GENERATOR), "--check"], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_check_finds_a_changed_table(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("cldr_generator", GENERATOR)
    assert spec is not None and spec.loader is not None
    generator = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(generator)
    generator.TARGET = tmp_path / "cldr_data.py"
    generator.TARGET.write_text(generator.render().replace("'zł'", "'zl'"), encoding="utf-8")
    assert generator.main(["--check"]) == 1
    assert generator.main([]) == 0
    assert generator.main(["--check"]) == 0
