"""The settlement terms finance sets: clawback rule, payout methods, VAT, limits, breakage, point value, chart.

They live in the `settings` table, one key each, so that they sync like every other setting:

| key | value | default |
|---|---|---|
| `settlement.clawback` | claw_back, carry_forward or ignore | carry_forward |
| `settlement.method.<benefit>` | rebate_note, invoice_discount or mdf_budget | cashback/rebate: rebate note, … |
| `settlement.vat_percent` | a percentage (a correcting invoice), or empty (a rebate note outside VAT) | empty |
| `settlement.limit.<CUR>` / `settlement.limit.points` | what finance books alone | PLN 5000, EUR 1200, RUB 100000; 50000 |
| `settlement.breakage.<unit>` | expected share expiring unused, 0..1; empty: measured | measured on matured lots |
| `settlement.point_value` | one point in money, e.g. `PLN 0.01` | 0.01 of the base currency |
| `journal.liability.<unit>`, `journal.counter.<movement>[.<unit>]` | an account of the chart | the standard chart |
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from sqlalchemy import select
from sqlalchemy.orm import Session

from kam_desktop.domain.adjustments import ApprovalLimits
from kam_desktop.domain.clawback import ClawbackRule
from kam_desktop.domain.journal import AccountMapping, JournalError
from kam_desktop.domain.messages import Message
from kam_desktop.domain.monetary import Money, MoneyError, check_currency, parse
from kam_desktop.domain.movements import PointValue
from kam_desktop.domain.payout import PayoutMethod, SettlementTerms
from kam_desktop.domain.permissions import UseCase
from kam_desktop.domain.rewards import PointsRules
from kam_desktop.domain.vocabulary import BenefitType, LedgerUnit
from kam_desktop.services.context import Context
from kam_desktop.services.errors import ServiceError
from kam_desktop.store.models import Setting
from kam_desktop.store.queries.fx import base_currency

PREFIXES = ("settlement.", "journal.")


@dataclass(frozen=True)
class SettlementConfig:
    """Everything the settlement use cases read from the settings, as domain values."""

    terms: SettlementTerms
    limits: ApprovalLimits
    breakage: Mapping[LedgerUnit, Decimal]  # a unit missing here: measured on the ledger's matured lots
    point_value: PointValue
    mapping: AccountMapping
    base_currency: str
    raw: Mapping[str, str] = field(default_factory=dict)  # the stored keys as text (what finance set)


def _stored(session: Session) -> dict[str, str]:
    rows = session.execute(select(Setting.key, Setting.value).where(Setting.deleted_at.is_(None)))
    return {k: "" if v is None else str(v) for k, v in rows if k.startswith(PREFIXES)}


def settlement_config(session: Session) -> SettlementConfig:
    """The terms in force, from the settings (defaults where a key is missing); a bad value is refused by name."""
    raw = _stored(session)
    base = base_currency(session)
    for key, value in raw.items():
        _check(key, value)
    methods, limits, points_limit, breakage = _keyed(raw)
    vat = raw.get("settlement.vat_percent") or None
    terms = SettlementTerms(methods, Decimal(vat) if vat else None,
                            ClawbackRule(raw.get("settlement.clawback") or ClawbackRule.CARRY_FORWARD))
    point_value = PointValue(parse(raw["settlement.point_value"]) if raw.get("settlement.point_value")
                             else Money(PointsRules().point_value, base))
    return SettlementConfig(terms, ApprovalLimits(limits, points_limit), breakage, point_value, _mapping(raw), base,
                            raw)


def _keyed(raw: dict[str, str]) -> tuple[dict[BenefitType, PayoutMethod], dict[str, Decimal], Decimal,
                                          dict[LedgerUnit, Decimal]]:
    """The settings with a name after the dot: payout methods per benefit, approval limits, breakage rates."""
    methods = dict(SettlementTerms().methods)
    limits = dict(ApprovalLimits().per_currency)
    points_limit = ApprovalLimits().points
    breakage: dict[LedgerUnit, Decimal] = {}
    for key, value in raw.items():
        name = key.split(".", 1)[1]
        if not value:
            continue
        if name.startswith("method."):
            methods[BenefitType(name.removeprefix("method."))] = PayoutMethod(value)
        elif name == "limit.points":
            points_limit = Decimal(value)
        elif name.startswith("limit."):
            limits[name.removeprefix("limit.")] = Decimal(value)
        elif name.startswith("breakage."):
            breakage[LedgerUnit(name.removeprefix("breakage."))] = Decimal(value)
    return methods, limits, points_limit, breakage


def _mapping(raw: dict[str, str]) -> AccountMapping:
    """The journal's chart of accounts: the standard one with the program's own keys over it."""
    journal = {k.removeprefix("journal."): v for k, v in raw.items() if k.startswith("journal.") and v}
    try:
        return AccountMapping.from_settings(_standard_keys(AccountMapping.standard()) | journal)
    except JournalError as exc:
        raise ServiceError.of(exc) from None


def _standard_keys(mapping: AccountMapping) -> dict[str, str]:
    keys = {f"liability.{u}": a for u, a in mapping.liability.items()}
    return keys | {f"counter.{m}": a for m, a in mapping.counter.items()}


def _known_key(key: str) -> bool:
    name = key.split(".", 1)[1] if "." in key else ""
    if key.startswith("journal."):
        return name.split(".")[0] in ("liability", "counter")
    return name in ("clawback", "vat_percent", "point_value", "limit.points") or name.split(".")[0] in (
        "method", "limit", "breakage")


def _check(key: str, value: str) -> None:
    """Refuse a value that the key cannot hold, saying what to write instead."""
    if not _known_key(key):
        raise ServiceError("unknown settlement setting {key!r}; see `kamctl settlement terms` for the keys", key=key)
    if not value:
        return
    try:
        _check_value(key, value)
    except (ValueError, InvalidOperation, MoneyError, JournalError):
        raise ServiceError("setting {key}: {value!r} is not valid; {hint}", key=key, value=value,
                           hint=_hint(key)) from None


def _check_value(key: str, value: str) -> None:
    name = key.split(".", 1)[1]
    if key.startswith("journal."):
        AccountMapping.from_settings(_standard_keys(AccountMapping.standard()) | {name: value})
    elif name == "clawback":
        ClawbackRule(value)
    elif name.startswith("method."):
        BenefitType(name.removeprefix("method."))
        PayoutMethod(value)
    elif name == "point_value":
        PointValue(parse(value))
    elif name.startswith("limit.") and name != "limit.points":
        check_currency(name.removeprefix("limit."))
        _number(value, Decimal(0), None)
    elif name == "limit.points":
        _number(value, Decimal(0), None)
    elif name == "vat_percent":
        _number(value, Decimal(0), Decimal(100))
    elif name.startswith("breakage."):
        LedgerUnit(name.removeprefix("breakage."))
        _number(value, Decimal(0), Decimal(1))


def _number(value: str, low: Decimal, high: Decimal | None) -> None:
    number = Decimal(value)
    if not number.is_finite() or number < low or (high is not None and number > high):
        raise ValueError(value)


def _hint(key: str) -> Message:
    name = key.split(".", 1)[1]
    if name == "clawback":
        return Message.of("write claw_back, carry_forward or ignore")
    if name.startswith("method."):
        return Message.of("write rebate_note, invoice_discount or mdf_budget for a known benefit type")
    if name == "point_value":
        return Message.of("write an amount with its currency, e.g. PLN 0.01")
    if name == "vat_percent":
        return Message.of("write a percentage from 0 to 100, or leave it empty for a rebate note outside VAT")
    if name.startswith("breakage."):
        return Message.of("write a share from 0 to 1 (e.g. 0.15) for points or cashback")
    if name.startswith("limit."):
        return Message.of("write a non-negative amount for a currency code (e.g. settlement.limit.EUR = 1200)")
    return Message.of("write an account number of the chart for a known unit or movement")


@dataclass(frozen=True)
class TermLine:
    """One setting as Settings and `kamctl settlement terms` show it."""

    key: str
    value: str
    default: bool  # True: not set, the value shown is the default


def terms_lines(ctx: Context) -> list[TermLine]:
    """Every settlement setting with its value in force (set, or the default)."""
    ctx.permit(UseCase.VIEW_PROGRAM)
    with ctx.read() as session:
        config = settlement_config(session)
    shown = {
        "settlement.clawback": str(config.terms.clawback),
        "settlement.vat_percent": "" if config.terms.vat_percent is None else str(config.terms.vat_percent),
        "settlement.point_value": str(config.point_value.per_point),
        "settlement.limit.points": str(config.limits.points),
    }
    shown |= {f"settlement.method.{b}": str(m) for b, m in config.terms.methods.items()}
    shown |= {f"settlement.limit.{c}": str(v) for c, v in config.limits.per_currency.items()}
    shown |= {f"settlement.breakage.{u}": str(config.breakage.get(u, "")) for u in LedgerUnit}
    shown |= {f"journal.{k}": v for k, v in _standard_keys(config.mapping).items()}
    shown |= {f"journal.counter.{m}.{u}": a for (m, u), a in (config.mapping.counter_per_unit or {}).items()}
    return [TermLine(k, v, not config.raw.get(k)) for k, v in sorted(shown.items())]


def set_term(ctx: Context, key: str, value: str) -> TermLine:
    """Finance sets one settlement setting (an empty value returns it to the default); audited."""
    ctx.permit(UseCase.SETTLEMENT_TERMS)
    key, value = key.strip(), value.strip()
    if not key.startswith(PREFIXES):
        raise ServiceError("unknown settlement setting {key!r}; see `kamctl settlement terms` for the keys", key=key)
    _check(key, value)
    with ctx.unit_of_work() as uow:
        row = uow.session.scalar(select(Setting).where(Setting.key == key))
        before = None if row is None else row.value
        if row is None:
            uow.session.add(Setting(key=key, value=value or None))
        else:
            row.value, row.deleted_at = value or None, None
        uow.session.flush()
        settlement_config(uow.session)  # the whole set must still make sense
        uow.audit("settlement.terms", "settings", key, key=key, value=value, previous=before)
        uow.commit()
    return TermLine(key, value, not value)
