"""Words for the program's stored codes (statuses, kinds, roles, sources) in the UI language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from kam_desktop.ui.i18n import QT_TRANSLATE_NOOP

CONTEXT = "Labels"

_LABELS: dict[str, str] = {
    # benefit grant status
    "proposed": QT_TRANSLATE_NOOP("Labels", "proposed"),
    "pending_approval": QT_TRANSLATE_NOOP("Labels", "waiting for approval"),
    "active": QT_TRANSLATE_NOOP("Labels", "active"),
    "used": QT_TRANSLATE_NOOP("Labels", "used"),
    "expired": QT_TRANSLATE_NOOP("Labels", "expired"),
    "cancelled": QT_TRANSLATE_NOOP("Labels", "cancelled"),
    # exception status
    "draft": QT_TRANSLATE_NOOP("Labels", "draft"),
    "submitted": QT_TRANSLATE_NOOP("Labels", "submitted"),
    "approved": QT_TRANSLATE_NOOP("Labels", "approved"),
    "rejected": QT_TRANSLATE_NOOP("Labels", "rejected"),
    "withdrawn": QT_TRANSLATE_NOOP("Labels", "withdrawn"),
    # exception kind
    "discount": QT_TRANSLATE_NOOP("Labels", "discount"),
    "payment_terms": QT_TRANSLATE_NOOP("Labels", "payment terms"),
    "benefit_budget": QT_TRANSLATE_NOOP("Labels", "benefit budget"),
    "gift_value": QT_TRANSLATE_NOOP("Labels", "gift value"),
    "other": QT_TRANSLATE_NOOP("Labels", "other"),
    # roles (people and contacts)
    "kam": QT_TRANSLATE_NOOP("Labels", "key account manager"),
    "director": QT_TRANSLATE_NOOP("Labels", "sales director"),
    "finance": QT_TRANSLATE_NOOP("Labels", "finance"),
    "admin": QT_TRANSLATE_NOOP("Labels", "administrator"),
    "purchasing": QT_TRANSLATE_NOOP("Labels", "purchasing"),
    "operations": QT_TRANSLATE_NOOP("Labels", "operations"),
    "technical": QT_TRANSLATE_NOOP("Labels", "technical"),
    "management": QT_TRANSLATE_NOOP("Labels", "management"),
    # ledger
    "accrual": QT_TRANSLATE_NOOP("Labels", "accrual"),
    "redemption": QT_TRANSLATE_NOOP("Labels", "redemption"),
    "expiry": QT_TRANSLATE_NOOP("Labels", "expiry"),
    "reversal": QT_TRANSLATE_NOOP("Labels", "reversal"),
    "adjustment": QT_TRANSLATE_NOOP("Labels", "adjustment"),
    "points": QT_TRANSLATE_NOOP("Labels", "points"),
    "cashback": QT_TRANSLATE_NOOP("Labels", "cashback"),
    # slot sources
    "survey": QT_TRANSLATE_NOOP("Labels", "survey"),
    "interview": QT_TRANSLATE_NOOP("Labels", "interview"),
    "sales_book": QT_TRANSLATE_NOOP("Labels", "client's sales books"),
    "estimate": QT_TRANSLATE_NOOP("Labels", "estimate"),
    # potential quadrants
    "high_units_high_money": QT_TRANSLATE_NOOP("Labels", "high units, high money: growth offers"),
    "high_units_low_money": QT_TRANSLATE_NOOP("Labels", "high units, low money: volume offers"),
    "low_units_high_money": QT_TRANSLATE_NOOP("Labels", "low units, high money: premium offers"),
    "low_units_low_money": QT_TRANSLATE_NOOP("Labels", "low units, low money: add-ons"),
    # ROI waterfall steps and methods
    "baseline margin": QT_TRANSLATE_NOOP("Labels", "baseline margin"),
    "incremental margin": QT_TRANSLATE_NOOP("Labels", "incremental margin"),
    "reward cost": QT_TRANSLATE_NOOP("Labels", "reward cost"),
    "operating cost": QT_TRANSLATE_NOOP("Labels", "operating cost"),
    "net program result": QT_TRANSLATE_NOOP("Labels", "net result"),
    "control_group": QT_TRANSLATE_NOOP("Labels", "increment against the control group (accounts not enrolled)"),
    "prior_year_trend": QT_TRANSLATE_NOOP("Labels", "increment against the accounts' own prior-year trend"),
    # units of a requested value
    "pct": QT_TRANSLATE_NOOP("Labels", "%"),
    "days": QT_TRANSLATE_NOOP("Labels", "days"),
    "money": QT_TRANSLATE_NOOP("Labels", "money"),
    "units": QT_TRANSLATE_NOOP("Labels", "units"),
}


def label(code: str | None) -> str:
    """The translated word for a stored code; the code itself when it has no word."""
    if not code:
        return ""
    source = _LABELS.get(code)
    return QCoreApplication.translate(CONTEXT, source) if source else code
