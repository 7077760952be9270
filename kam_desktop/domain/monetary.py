"""Money with its currency: amounts that refuse to mix currencies, per-currency totals, dated conversion."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from kam_desktop.domain.messages import Message
from kam_desktop.domain.money import CENT, MoneyError, money

# More than 10^15 of any currency is a unit or typing error (and would not fit Numeric(18, 2)).
MAX_AMOUNT = Decimal(10) ** 15
_CURRENCY_RE = re.compile(r"^[A-Z]{3}$")
# operations and quantities named in refusals (each a message of its own, so it is translated too)
_ADD, _SUBTRACT, _DIVIDE, _COMPARE = (Message.of("add"), Message.of("subtract"), Message.of("divide"),
                                      Message.of("compare"))
AMOUNT, FACTOR, DIVISOR, PERCENTAGE, RATE = (Message.of("amount"), Message.of("factor"), Message.of("divisor"),
                                             Message.of("percentage"), Message.of("rate"))


class CurrencyMismatch(MoneyError):
    """Two amounts of different currencies met in one operation without a conversion."""

    def __init__(self, operation: Message, left: str, right: str) -> None:
        self.operation, self.left, self.right = operation, left, right
        super().__init__("cannot {operation} {left} and {right}: convert one of them with a dated rate first",
                         operation=operation, left=left, right=right)


def check_currency(code: str) -> str:
    """A currency as its ISO 4217 code (three capital letters), or a MoneyError saying what was given."""
    if not isinstance(code, str) or not _CURRENCY_RE.match(code):
        raise MoneyError("{code!r} is not a currency code; write three capital letters, e.g. EUR or PLN", code=code)
    return code


def check_amount(value: object, what: Message = AMOUNT) -> Decimal:
    """A finite Decimal of sane size; floats, NaN, ±inf, bools and absurd magnitudes are refused."""
    if isinstance(value, bool) or not isinstance(value, Decimal | int):
        raise MoneyError("{what} {value!r} must be a Decimal (or int), not {type}", what=what, value=value,
                         type=type(value).__name__)
    amount = Decimal(value)
    if not amount.is_finite():
        raise MoneyError("{what} {value!r} is not a finite number", what=what, value=value)
    if abs(amount) >= MAX_AMOUNT:
        raise MoneyError("{what} {amount} is out of range (at most {limit:,} in absolute value)", what=what,
                         amount=amount, limit=MAX_AMOUNT)
    return amount


@dataclass(frozen=True, slots=True)
class Money:
    """An amount in one currency. Adds, subtracts and compares only with the same currency.

    The amount keeps whatever precision the arithmetic gave (a rate or a percentage may add places);
    `rounded()` rounds half up to cents, which the program does once per account and quarter, per
    document line and per conversion (see docs/settlement.md).
    """

    amount: Decimal
    currency: str

    def __post_init__(self) -> None:
        check_currency(self.currency)
        object.__setattr__(self, "amount", check_amount(self.amount))

    @classmethod
    def of(cls, value: str | int | Decimal, currency: str) -> Money:
        """Read an amount from text, int or Decimal (never a float): `Money.of("12.50", "EUR")`."""
        if isinstance(value, str):
            try:
                value = Decimal(value.strip())
            except ArithmeticError:
                raise MoneyError("{value!r} is not an amount; write it like 1234.56", value=value) from None
        return cls(value, currency)  # type: ignore[arg-type]  # ints are checked and accepted

    @classmethod
    def zero(cls, currency: str) -> Money:
        return cls(Decimal("0.00"), currency)

    @staticmethod
    def total(items: Iterable[Money], currency: str) -> Money:
        """The sum of amounts that must all be in `currency` (zero for none)."""
        result = Money.zero(currency)
        for item in items:
            result = result + item
        return result

    def _same(self, other: object, operation: Message) -> Money:
        if not isinstance(other, Money):
            raise MoneyError("cannot {operation} {amount} and {other!r}: both must be Money", operation=operation,
                             amount=self, other=other)
        if other.currency != self.currency:
            raise CurrencyMismatch(operation, self.currency, other.currency)
        return other

    def __add__(self, other: Money) -> Money:
        return Money(self.amount + self._same(other, _ADD).amount, self.currency)

    def __sub__(self, other: Money) -> Money:
        return Money(self.amount - self._same(other, _SUBTRACT).amount, self.currency)

    def __neg__(self) -> Money:
        return Money(-self.amount, self.currency)

    def __abs__(self) -> Money:
        return Money(abs(self.amount), self.currency)

    def __mul__(self, factor: Decimal | int) -> Money:
        if isinstance(factor, Money):
            raise MoneyError("cannot multiply {amount} by {factor}: money times money means nothing", amount=self,
                             factor=factor)
        return Money(self.amount * check_amount(factor, FACTOR), self.currency)

    __rmul__ = __mul__

    def __truediv__(self, divisor: Decimal | int) -> Money:
        if isinstance(divisor, Money):
            raise MoneyError("use {amount}.ratio_to({divisor}) for a ratio of two amounts", amount=self, divisor=divisor)
        value = check_amount(divisor, DIVISOR)
        if value == 0:
            raise MoneyError("cannot divide {amount} by zero", amount=self)
        return Money(self.amount / value, self.currency)

    def ratio_to(self, other: Money) -> Decimal:
        """self / other as a plain number (same currency; e.g. reward cost over gross margin)."""
        if self._same(other, _DIVIDE).amount == 0:
            raise MoneyError("cannot divide {amount} by zero {currency}", amount=self, currency=other.currency)
        return self.amount / other.amount

    def percent(self, rate: Decimal) -> Money:
        """`rate` % of this amount, rounded half up to cents."""
        return (self * check_amount(rate, PERCENTAGE) / 100).rounded()

    def _compare(self, other: object, operation: Message = _COMPARE) -> Decimal:
        return self._same(other, operation).amount

    def __lt__(self, other: Money) -> bool:
        return self.amount < self._compare(other)

    def __le__(self, other: Money) -> bool:
        return self.amount <= self._compare(other)

    def __gt__(self, other: Money) -> bool:
        return self.amount > self._compare(other)

    def __ge__(self, other: Money) -> bool:
        return self.amount >= self._compare(other)

    def __bool__(self) -> bool:
        return self.amount != 0

    @property
    def is_zero(self) -> bool:
        return self.amount == 0

    @property
    def is_positive(self) -> bool:
        return self.amount > 0

    @property
    def is_negative(self) -> bool:
        return self.amount < 0

    def rounded(self) -> Money:
        """Rounded half up to cents (0.005 → 0.01, −0.005 → −0.01)."""
        return Money(money(self.amount), self.currency)

    def min(self, other: Money) -> Money:
        return self if self <= other else other

    def max(self, other: Money) -> Money:
        return self if self >= other else other

    def __str__(self) -> str:
        """Canonical text for logs and files: `EUR 1234.50` (screens format by locale instead)."""
        return f"{self.currency} {money(self.amount):f}"


def sum_by_currency(items: Iterable[Money]) -> MoneyBag:
    """Per-currency totals of any amounts: never one number for several currencies."""
    return MoneyBag.of(items)


@dataclass(frozen=True)
class MoneyBag:
    """Totals per currency, e.g. a sum over accounts that invoice in EUR and PLN.

    It has no single amount: read one currency with `[code]`, or convert all with `in_currency`
    (dated rates, labelled as the target currency). Currencies that sum to zero are kept (a subtotal
    of 0.00 is still shown) but do not make two bags unequal.
    """

    _totals: Mapping[str, Money] = field(default_factory=dict)

    @classmethod
    def of(cls, items: Iterable[Money]) -> MoneyBag:
        totals: dict[str, Money] = {}
        for item in items:
            if not isinstance(item, Money):
                raise MoneyError("{item!r} is not Money; a total needs amounts with their currency", item=item)
            totals[item.currency] = totals.get(item.currency, Money.zero(item.currency)) + item
        return cls(dict(sorted(totals.items())))

    def __getitem__(self, currency: str) -> Money:
        return self._totals.get(check_currency(currency), Money.zero(currency))

    def __iter__(self) -> Iterator[Money]:
        return iter(self._totals.values())

    def __len__(self) -> int:
        return len(self._totals)

    def currencies(self) -> tuple[str, ...]:
        return tuple(self._totals)

    def __add__(self, other: MoneyBag | Money) -> MoneyBag:
        more = other._totals.values() if isinstance(other, MoneyBag) else (other,)
        return MoneyBag.of([*self._totals.values(), *more])

    def __sub__(self, other: MoneyBag | Money) -> MoneyBag:
        less = other._totals.values() if isinstance(other, MoneyBag) else (other,)
        return MoneyBag.of([*self._totals.values(), *(-m for m in less)])

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, MoneyBag):
            return NotImplemented
        return self._nonzero() == other._nonzero()

    def __hash__(self) -> int:
        return hash(tuple(sorted(self._nonzero().items())))

    def _nonzero(self) -> dict[str, Decimal]:
        return {c: m.amount for c, m in self._totals.items() if not m.is_zero}

    @property
    def is_zero(self) -> bool:
        return not self._nonzero()

    def rounded(self) -> MoneyBag:
        return MoneyBag({c: m.rounded() for c, m in self._totals.items()})

    def in_currency(self, target: str, rates: Iterable[Rate]) -> Money:
        """All totals converted to `target` with the given rates (one per other currency), rounded each."""
        by_source = {r.from_currency: r for r in rates if r.to_currency == target}
        result = Money.zero(check_currency(target))
        for item in self._totals.values():
            if item.currency == target:
                result += item
            elif item.currency in by_source:
                result += convert(item, by_source[item.currency])
            elif not item.is_zero:
                raise MoneyError("no {source}→{target} rate given: cannot total {amount} in {target}", source=item.currency,
                                 target=target, amount=item)
        return result

    def __str__(self) -> str:
        return ", ".join(str(m) for m in self._totals.values()) or "0.00"


@dataclass(frozen=True, slots=True)
class Rate:
    """`value` units of `to_currency` per one `from_currency`, as published on `on` by `source`."""

    from_currency: str
    to_currency: str
    on: date
    value: Decimal
    source: str = ""

    def __post_init__(self) -> None:
        check_currency(self.from_currency)
        check_currency(self.to_currency)
        value = check_amount(self.value, RATE)
        if value <= 0:
            raise MoneyError("{source}→{target} rate on {day} must be positive, not {value}", source=self.from_currency,
                             target=self.to_currency, day=self.on, value=value)
        if self.from_currency == self.to_currency and value != 1:
            raise MoneyError("a {source}→{target} rate can only be 1, not {value}", source=self.from_currency,
                             target=self.to_currency, value=value)
        object.__setattr__(self, "value", value)

    def inverted(self) -> Rate:
        """The opposite direction of the same quotation (1 / value), naming where it came from."""
        return Rate(self.to_currency, self.from_currency, self.on, Decimal(1) / self.value,
                    f"inverse of {self.source or 'a rate'}")

    def __str__(self) -> str:
        source = f", {self.source}" if self.source else ""
        return f"1 {self.from_currency} = {self.value} {self.to_currency} ({self.on.isoformat()}{source})"


def convert(amount: Money, rate: Rate) -> Money:
    """`amount` in the rate's target currency, rounded half up to cents: the only way to change currency."""
    if amount.currency != rate.from_currency:
        raise CurrencyMismatch(Message.of("convert with a {currency} rate", currency=rate.from_currency), amount.currency,
                               rate.from_currency)
    return Money(amount.amount * rate.value, rate.to_currency).rounded()


def parse(text: str) -> Money:
    """Read the canonical text form, `EUR 1234.50`, as written by `str(Money)`."""
    parts = text.split()
    if len(parts) != 2:
        raise MoneyError("{text!r} is not an amount with its currency; write it like 'EUR 1234.50'", text=text)
    return Money.of(parts[1], parts[0])


__all__ = [
    "CENT", "MAX_AMOUNT", "CurrencyMismatch", "Money", "MoneyBag", "MoneyError", "Rate",
    "check_amount", "check_currency", "convert", "parse", "sum_by_currency",
]
