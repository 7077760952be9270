"""Columns of finance's tables: late facts, clawbacks, stale grades, payouts, adjustments, MDF claims, liability.

Every amount is shown with its currency, in the UI language's format; money sorts within its currency (a EUR
amount is never ranked against a PLN one by its number alone).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication

from kam_desktop.domain.monetary import Money
from kam_desktop.ui.i18n import QT_TRANSLATE_NOOP, Formats
from kam_desktop.ui.labels import label
from kam_desktop.ui.table_model import Col

CTX = "Finance"
QT_TRANSLATE_NOOP("Finance", "Refused: %1")  # the panes' shared refusal line (finance_settlement)
_SHIFT = Decimal(10) ** 15  # moves any amount to a positive number, so its text sorts as the number


_WORDS: dict[str, str] = {
    "sale": QT_TRANSLATE_NOOP("Finance", "late sale"),
    "return": QT_TRANSLATE_NOOP("Finance", "late return"),
    "rebate_note": QT_TRANSLATE_NOOP("Finance", "rebate note"),
    "invoice_discount": QT_TRANSLATE_NOOP("Finance", "next-invoice discount"),
    "mdf_budget": QT_TRANSLATE_NOOP("Finance", "MDF budget"),
    "booked": QT_TRANSLATE_NOOP("Finance", "booked"),
    "paid": QT_TRANSLATE_NOOP("Finance", "paid"),
    "rebate": QT_TRANSLATE_NOOP("Finance", "rebate"),
    "volume_discount": QT_TRANSLATE_NOOP("Finance", "volume discount"),
    "mdf": QT_TRANSLATE_NOOP("Finance", "MDF"),
    "service": QT_TRANSLATE_NOOP("Finance", "service budget"),
}


def finance_label(code: str) -> str:
    """A settlement code in the UI language (the program's shared words otherwise)."""
    source = _WORDS.get(code)
    return QCoreApplication.translate(CTX, source) if source else label(code)


def money_text(value: Money | None, f: Formats) -> str:
    return "" if value is None else f.money(value.amount, value.currency, cents=True)


def money_key(value: Money | None) -> str:
    """Sorts by currency first, then by amount (a text key: Qt sorts it natively)."""
    return "" if value is None else f"{value.currency}:{value.amount + _SHIFT:022.2f}"


def _money(key: str, title: str, get: Any, **more: Any) -> Col[Any]:
    return Col(key, title, lambda r, f: money_text(get(r), f), sort=lambda r: money_key(get(r)), numeric=True,
               **more)


def _day(get: Any) -> Any:
    return lambda r, f: "" if get(r) is None else f.date(get(r))


def late_fact_columns() -> list[Col[Any]]:
    return [
        Col("account", QT_TRANSLATE_NOOP("Finance", "Account"), lambda r, f: r.account),
        Col("quarter", QT_TRANSLATE_NOOP("Finance", "Quarter"), lambda r, f: r.quarter),
        Col("ref", QT_TRANSLATE_NOOP("Finance", "Document"), lambda r, f: r.ref),
        Col("kind", QT_TRANSLATE_NOOP("Finance", "Kind"), lambda r, f: finance_label(r.kind)),
        Col("occurred_on", QT_TRANSLATE_NOOP("Finance", "Dated"), _day(lambda r: r.occurred_on),
            sort=lambda r: r.occurred_on),
        _money("net", QT_TRANSLATE_NOOP("Finance", "Net"), lambda r: r.net),
        _money("cashback", QT_TRANSLATE_NOOP("Finance", "Cashback change"), lambda r: r.cashback_change),
        Col("points", QT_TRANSLATE_NOOP("Finance", "Points change"), lambda r, f: f.number(r.points_change),
            sort=lambda r: r.points_change, numeric=True),
        _money("shortfall", QT_TRANSLATE_NOOP("Finance", "Already spent"),
               lambda r: r.shortfall if r.shortfall.is_positive else None, color=lambda r: "#b3261e"),
        Col("booked_on", QT_TRANSLATE_NOOP("Finance", "Booked on"), _day(lambda r: r.settled_on),
            sort=lambda r: r.settled_on),
    ]


def clawback_columns() -> list[Col[Any]]:
    return [
        Col("account", QT_TRANSLATE_NOOP("Finance", "Account"), lambda r, f: r.account),
        Col("quarter", QT_TRANSLATE_NOOP("Finance", "Quarter"), lambda r, f: r.quarter),
        _money("due", QT_TRANSLATE_NOOP("Finance", "Owed back"), lambda r: r.due),
        _money("taken", QT_TRANSLATE_NOOP("Finance", "Taken"), lambda r: r.taken),
        _money("outstanding", QT_TRANSLATE_NOOP("Finance", "Carried forward"), lambda r: r.outstanding,
               color=lambda r: "#b3261e" if r.outstanding.is_positive else None),
    ]


def stale_columns() -> list[Col[Any]]:
    return [
        Col("account", QT_TRANSLATE_NOOP("Finance", "Account"), lambda r, f: r.account),
        Col("grade", QT_TRANSLATE_NOOP("Finance", "Grade"), lambda r, f: r.grade),
        Col("evaluated_on", QT_TRANSLATE_NOOP("Finance", "Graded on"), _day(lambda r: r.evaluated_on),
            sort=lambda r: r.evaluated_on),
    ]


def payout_columns() -> list[Col[Any]]:
    return [
        Col("number", QT_TRANSLATE_NOOP("Finance", "Number"), lambda r, f: r.number),
        Col("method", QT_TRANSLATE_NOOP("Finance", "Method"), lambda r, f: finance_label(r.method)),
        Col("account", QT_TRANSLATE_NOOP("Finance", "Account"), lambda r, f: r.account),
        Col("period", QT_TRANSLATE_NOOP("Finance", "Period"), lambda r, f: r.period),
        Col("issued_on", QT_TRANSLATE_NOOP("Finance", "Issued on"), _day(lambda r: r.issued_on),
            sort=lambda r: r.issued_on),
        _money("net", QT_TRANSLATE_NOOP("Finance", "Net"), lambda r: r.net),
        _money("vat", QT_TRANSLATE_NOOP("Finance", "VAT"), lambda r: r.vat),
        _money("gross", QT_TRANSLATE_NOOP("Finance", "Gross"), lambda r: r.gross),
    ]


def adjustment_columns() -> list[Col[Any]]:
    def amount(r: Any, f: Formats) -> str:
        return money_text(r.money, f) if r.money else f.number(r.amount)

    return [
        Col("number", QT_TRANSLATE_NOOP("Finance", "Number"), lambda r, f: r.number),
        Col("account", QT_TRANSLATE_NOOP("Finance", "Account"), lambda r, f: r.account),
        Col("unit", QT_TRANSLATE_NOOP("Finance", "Unit"), lambda r, f: label(r.unit)),
        Col("amount", QT_TRANSLATE_NOOP("Finance", "Amount"), amount,
            sort=lambda r: money_key(r.money) if r.money else f"pts:{r.amount + _SHIFT:022.2f}", numeric=True),
        Col("dated", QT_TRANSLATE_NOOP("Finance", "Dated"), _day(lambda r: r.dated), sort=lambda r: r.dated),
        Col("status", QT_TRANSLATE_NOOP("Finance", "Status"), lambda r, f: finance_label(r.status)),
        Col("proposed_by", QT_TRANSLATE_NOOP("Finance", "Proposed by"), lambda r, f: r.proposed_by),
        Col("approved_by", QT_TRANSLATE_NOOP("Finance", "Approved by"), lambda r, f: r.approved_by or ""),
        Col("reason", QT_TRANSLATE_NOOP("Finance", "Reason"), lambda r, f: r.reason),
    ]


def claim_columns() -> list[Col[Any]]:
    return [
        Col("number", QT_TRANSLATE_NOOP("Finance", "Number"), lambda r, f: r.number),
        Col("account", QT_TRANSLATE_NOOP("Finance", "Account"), lambda r, f: r.account),
        Col("quarter", QT_TRANSLATE_NOOP("Finance", "Quarter"), lambda r, f: r.quarter),
        _money("amount", QT_TRANSLATE_NOOP("Finance", "Amount"), lambda r: r.amount),
        Col("status", QT_TRANSLATE_NOOP("Finance", "Status"), lambda r, f: finance_label(r.status)),
        Col("proofs", QT_TRANSLATE_NOOP("Finance", "Proofs"), lambda r, f: str(len(r.proofs)),
            sort=lambda r: len(r.proofs), numeric=True),
        Col("activity", QT_TRANSLATE_NOOP("Finance", "Activity"), lambda r, f: r.activity),
    ]


def liability_columns() -> list[Col[Any]]:
    def amount(name: str) -> Any:
        def text(r: Any, f: Formats) -> str:
            value = getattr(r, name)
            return f.money(value, r.currency, cents=True) if r.currency else f.number(value)
        return text

    def col(key: str, title: str) -> Col[Any]:
        return Col(key, title, amount(key), numeric=True, sort=lambda r: money_key(Money(getattr(r, key), r.currency))
                   if r.currency else f"points:{getattr(r, key) + _SHIFT:022.2f}")

    return [
        Col("denomination", QT_TRANSLATE_NOOP("Finance", "Balance"),
            lambda r, f: f"{label(r.unit)} {r.currency}" if r.currency else label(r.unit)),
        col("opening", QT_TRANSLATE_NOOP("Finance", "Opening")),
        col("accrued", QT_TRANSLATE_NOOP("Finance", "Accrued")),
        col("reversed", QT_TRANSLATE_NOOP("Finance", "Reversed")),
        col("redeemed", QT_TRANSLATE_NOOP("Finance", "Redeemed")),
        col("paid_out", QT_TRANSLATE_NOOP("Finance", "Paid out")),
        col("expired", QT_TRANSLATE_NOOP("Finance", "Expired")),
        col("clawed_back", QT_TRANSLATE_NOOP("Finance", "Clawed back")),
        col("adjusted", QT_TRANSLATE_NOOP("Finance", "Adjusted")),
        col("closing", QT_TRANSLATE_NOOP("Finance", "Closing")),
        col("estimated", QT_TRANSLATE_NOOP("Finance", "Estimated liability")),
    ]


def economics_columns(warning_text: Any) -> list[Col[Any]]:
    return [
        Col("account", QT_TRANSLATE_NOOP("Finance", "Account"), lambda r, f: r.account),
        Col("grade", QT_TRANSLATE_NOOP("Finance", "Grade"), lambda r, f: r.grade),
        _money("margin", QT_TRANSLATE_NOOP("Finance", "Gross margin"), lambda r: r.gross_margin),
        _money("cost", QT_TRANSLATE_NOOP("Finance", "Reward cost"), lambda r: r.reward_cost,
               color=lambda r: "#b3261e" if r.needs_action else None),
        _money("budget", QT_TRANSLATE_NOOP("Finance", "Budget"), lambda r: r.budget),
        Col("warnings", QT_TRANSLATE_NOOP("Finance", "Warnings"), lambda r, f: warning_text(r)),
    ]
