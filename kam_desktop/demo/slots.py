"""Potential slots: what each client spends per category in total, as collected by its KAM."""

from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from kam_desktop.demo.accounts import DemoAccount
from kam_desktop.demo.catalog import CATEGORIES
from kam_desktop.demo.money import rate
from kam_desktop.demo.people import synced
from kam_desktop.domain.vocabulary import SlotSource

_SOURCES = tuple(str(s) for s in SlotSource)
_NOTES = {"pl": "Dane z rozmowy z działem zakupów.", "ru": "Данные со встречи с отделом закупок.",
          "en": "Figures from the purchasing team interview."}


def make_slots(rng: random.Random, accounts: list[DemoAccount], category_ids: list[Any],
               category_totals: dict[tuple[int, int], list[int]], as_of: date) -> list[dict[str, Any]]:
    """Slots for most accounts: each category it buys (and one it might), total ≥ ours in most cases."""
    rows = []
    for a, account in enumerate(accounts):
        if rng.random() < 0.12:
            continue
        cats = list(account.profile.categories)
        if rng.random() < 0.5:
            cats.append(rng.randrange(len(CATEGORIES)))
        for cat in dict.fromkeys(cats):
            qty, net = category_totals.get((a, cat), [0, 0])
            collected = as_of - timedelta(days=rng.randrange(20, 540))
            rows.append(_slot(rng, account, cat, category_ids[cat], qty, net, collected))
            if rng.random() < 0.2:  # an older survey: the history of the potential
                older = collected - timedelta(days=rng.randrange(200, 400))
                rows.append(_slot(rng, account, cat, category_ids[cat], qty * 4 // 5, net * 4 // 5, older))
    return rows


def _slot(rng: random.Random, account: DemoAccount, cat: int, category_id: Any, qty: int, net: int,
          collected: date) -> dict[str, Any]:
    c = CATEGORIES[cat]
    if net <= 0:  # a category it does not buy from us yet: the whole spend is potential
        units = rng.uniform(c.units[0], c.units[1]) * rng.randint(6, 30)
        qty = max(1000, round(units) * 1000)
        net = round(c.unit_price_cents * account.profile.price_factor * qty / 1000)
    factor = rng.uniform(0.7, 0.95) if rng.random() < 0.06 else rng.uniform(1.15, 4.0)  # some stale surveys
    row = {
        **synced(rng, collected, account.row["updated_by"]),
        "account_id": account.row["id"], "category_id": category_id,
        "total_units": Decimal(round(qty * factor)).scaleb(-3),
        "total_value": Decimal(round(net * factor)).scaleb(-2),
        "currency": account.row["currency"], "source": rng.choice(_SOURCES), "collected_on": collected,
        "confidence": rate(round(rng.uniform(0.35, 0.95), 2)),
        "note": _NOTES[account.row["language"]] if rng.random() < 0.3 else None,
    }
    return row
