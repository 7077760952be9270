"""Currency conversion to the company's base currency with a dated rate table (closing rates)."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from kam_desktop.domain.messages import Refusal
from kam_desktop.domain.monetary import Money, Rate, convert
from kam_desktop.domain.money import CENT, cents_times, money


class MissingRateError(Refusal, LookupError):
    """No rate for a currency on or before the day asked: amounts in it cannot be compared."""


class BadRateError(Refusal, ValueError):
    """A rate that cannot convert anything (zero or negative)."""


@dataclass(frozen=True)
class FxTable:
    """Rates as base units per one unit of a currency, each valid from its date until the next one.

    Grades rank accounts that invoice in different currencies, so their bases must be in one
    currency first; the rate used is the latest one on or before the day (a closing rate).
    """

    base: str
    _dates: dict[str, list[date]] = field(default_factory=dict)
    _rates: dict[str, list[Decimal]] = field(default_factory=dict)

    @classmethod
    def of(cls, base: str, rates: Iterable[tuple[date, str, Decimal]]) -> FxTable:
        """Build from (rate_date, currency, rate) triples in any order."""
        table = cls(base)
        for day, currency, rate in sorted(rates):
            if rate <= 0:
                raise BadRateError("FX rate for {currency} on {day} must be positive, not {rate}", currency=currency, day=day,
                                  rate=rate)
            table._dates.setdefault(currency, []).append(day)
            table._rates.setdefault(currency, []).append(rate)
        return table

    def rate_on(self, currency: str, day: date) -> Decimal:
        """Base units per one `currency` on `day`; 1 for the base currency itself."""
        if currency == self.base:
            return Decimal(1)
        dates = self._dates.get(currency, [])
        index = bisect_right(dates, day)
        if index == 0:
            raise MissingRateError("no {currency}→{base} exchange rate on or before {day}; add one (kamctl fx set "
                                   "{currency} RATE --date {day})", currency=currency, base=self.base, day=day)
        return self._rates[currency][index - 1]

    def to_base(self, amount: Decimal, currency: str, day: date) -> Decimal:
        """`amount` of `currency` in the base currency on `day`, rounded to cents once."""
        if currency == self.base or amount == 0:  # nothing to convert: no rate needed
            return amount
        return money(amount * self.rate_on(currency, day))

    def converter(self, day: date) -> Callable[[Decimal, str], Decimal]:
        """`to_base(amount, currency, day)` for many amounts on one day: each currency's rate is looked up once (a
        grading converts up to 20,000 bases), the same rounding to cents, the same refusal of a missing rate."""
        rates: dict[str, Decimal] = {}

        def to_base(amount: Decimal, currency: str) -> Decimal:
            if currency == self.base or amount == 0:  # nothing to convert: no rate needed
                return amount
            rate = rates.get(currency)
            if rate is None:
                rate = rates[currency] = self.rate_on(currency, day)
            return (amount * rate).quantize(CENT, rounding=ROUND_HALF_UP)  # `money` of a Decimal product

        return to_base

    def cents_converter(self, day: date) -> Callable[[int, str], int]:
        """`converter` for amounts of whole cents, in whole cents (`money.cents_times`): each rate looked up once, the
        same rounding, no rate needed for the base currency or a zero, the same refusal of a missing rate."""
        rates: dict[str, Callable[[int], int]] = {}

        def to_base(cents: int, currency: str) -> int:
            if currency == self.base or cents == 0:
                return cents
            times = rates.get(currency)
            if times is None:
                times = rates[currency] = cents_times(self.rate_on(currency, day))
            return times(cents)

        return to_base

    def rate(self, currency: str, day: date) -> Rate:
        """The closing rate `currency`→base in force on `day` as a dated `Rate` (its own date, this table)."""
        if currency == self.base:
            return Rate(currency, self.base, day, Decimal(1), "same currency")
        dates = self._dates.get(currency, [])
        self.rate_on(currency, day)  # refuses a missing rate with the message that says what to do
        index = bisect_right(dates, day) - 1
        return Rate(currency, self.base, dates[index], self._rates[currency][index], f"FX table {self.base}")

    def money_to_base(self, amount: Money, day: date) -> Money:
        """`amount` in the base currency at the rate in force on `day`, rounded to cents once."""
        if amount.currency == self.base:
            return amount
        if amount.is_zero:  # nothing to convert: no rate needed
            return Money.zero(self.base)
        return convert(amount, self.rate(amount.currency, day))

    def currencies(self) -> set[str]:
        return set(self._dates) | {self.base}
