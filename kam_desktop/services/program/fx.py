"""Use cases for exchange rates to the base currency: list them and set one for a day."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

from sqlalchemy import select
from sqlalchemy.orm import Session

from kam_desktop.domain.fx import MissingRateError
from kam_desktop.domain.monetary import Money, convert
from kam_desktop.domain.permissions import UseCase
from kam_desktop.services.context import Context
from kam_desktop.services.errors import ServiceError
from kam_desktop.store.models import FxRate
from kam_desktop.store.queries.fx import base_currency, fx_table

RATE_PLACES = Decimal("0.000001")


@dataclass(frozen=True)
class RateRow:
    rate_date: date
    currency: str
    base_currency: str
    rate: Decimal


def list_rates(ctx: Context, currency: str | None = None) -> list[RateRow]:
    """Every rate to the base currency, newest first."""
    ctx.permit(UseCase.VIEW_PROGRAM)
    with ctx.read() as session:
        base = base_currency(session)
        query = select(FxRate).where(FxRate.base_currency == base, FxRate.deleted_at.is_(None))
        if currency:
            query = query.where(FxRate.currency == currency.upper())
        rows = session.scalars(query.order_by(FxRate.rate_date.desc(), FxRate.currency))
        return [RateRow(r.rate_date, r.currency, r.base_currency, r.rate) for r in rows]


MAX_RATE = Decimal(1_000_000_000)  # base units per unit: the weakest currency stays far below; Numeric(18, 6) holds 12 digits


def set_rate(ctx: Context, currency: str, rate: str, on: date | None = None) -> RateRow:
    """Record how many base units one `currency` is worth from `on` (default today); replaces that day's rate."""
    ctx.permit(UseCase.SET_FX)
    on = on or ctx.today()
    currency = currency.strip().upper()
    if len(currency) != 3 or not currency.isalpha():
        raise ServiceError("currency {currency!r} must be a three-letter ISO code such as EUR", currency=currency)
    try:
        value = Decimal(rate.replace(",", "."))
    except InvalidOperation:
        raise ServiceError("rate {rate!r} is not a number; write it like 4.2715", rate=rate) from None
    if not value.is_finite() or value <= 0:
        raise ServiceError("rate {rate!r} must be a positive number", rate=rate)
    if value >= MAX_RATE:  # checked before quantize, which raises InvalidOperation past 28 digits (1e30)
        raise ServiceError("rate {rate!r} is out of range: it must be below {limit}", rate=rate, limit=str(MAX_RATE))
    if value != value.quantize(RATE_PLACES):
        raise ServiceError("rate {rate!r} has more than 6 decimal places", rate=rate)
    with ctx.unit_of_work() as uow:
        base = base_currency(uow.session)
        if currency == base:
            raise ServiceError("{currency} is the base currency; its rate is always 1", currency=currency)
        row = uow.session.scalar(select(FxRate).where(
            FxRate.rate_date == on, FxRate.currency == currency, FxRate.base_currency == base))
        old = row.rate if row else None
        if row is None:
            row = FxRate(rate_date=on, currency=currency, base_currency=base, rate=value)
            uow.session.add(row)
        else:
            row.rate = value
        uow.session.flush()
        uow.audit("fx.set", "fx_rate", row.id, currency=currency, base=base, on=on, rate=value, previous=old)
        uow.commit()
        return RateRow(on, currency, base, value)


def convert_on(session: Session, amount: Money, to: str, on: date) -> Money:
    """`amount` in currency `to` at the closing rates in force on `on` (through the base currency), rounded once
    per conversion: the one way the services change a currency. A missing rate is refused, naming it."""
    if amount.currency == to:
        return amount
    fx = fx_table(session)
    try:
        in_base = fx.money_to_base(amount, on)
        return in_base if to == fx.base else convert(in_base, fx.rate(to, on).inverted())
    except MissingRateError as exc:
        raise ServiceError("cannot convert {amount} to {currency}: {problem}", amount=amount, currency=to,
                           problem=exc.message) from None
