"""Benefit grants in every status: within the policy caps, or linked to the exception that allows them."""

from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from kam_desktop.demo.defaults import CatalogEntry, Defaults
from kam_desktop.demo.exceptions import ClientFacts
from kam_desktop.demo.money import from_pln, money, rate
from kam_desktop.demo.people import new_uuid, stamp
from kam_desktop.domain.costs import FINANCING_RATE
from kam_desktop.domain.vocabulary import CostModel, ExceptionKind, ExceptionStatus, GrantStatus

# the catalog item a granted exception unlocks
EXCEPTION_BENEFIT = {ExceptionKind.DISCOUNT: "VOL-DISC", ExceptionKind.PAYMENT_TERMS: "PAY-TERMS",
                     ExceptionKind.BENEFIT_BUDGET: "MDF", ExceptionKind.GIFT_VALUE: "GIFT"}
# what a grant linked to a request becomes, by the request's status
LINKED_STATUS = {ExceptionStatus.APPROVED: GrantStatus.ACTIVE, ExceptionStatus.EXPIRED: GrantStatus.EXPIRED,
                 ExceptionStatus.SUBMITTED: GrantStatus.PENDING_APPROVAL,
                 ExceptionStatus.REJECTED: GrantStatus.CANCELLED}
_PLAIN_STATUSES = ((GrantStatus.ACTIVE, 0.42), (GrantStatus.EXPIRED, 0.2), (GrantStatus.USED, 0.14),
                   (GrantStatus.PROPOSED, 0.14), (GrantStatus.CANCELLED, 0.1))
def make_grants(rng: random.Random, clients: list[ClientFacts], defaults: Defaults, as_of: date,
                exceptions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Grants within the caps for about half the clients, plus one for each request that unlocks a benefit."""
    rows: list[dict[str, Any]] = []
    forced = [s for s, _ in _PLAIN_STATUSES]  # the first grants take every status once
    for client in clients:
        if rng.random() > 0.55:
            continue
        eligible = [e for e in defaults.catalog.values() if client.grade in e.eligible_grades]
        for entry in rng.sample(eligible, min(len(eligible), rng.randint(1, 3))):
            status = forced.pop(0) if forced else _pick_status(rng)
            value = _value_within_caps(entry, client, defaults)
            rows.append(_grant(rng, client, entry, value, status, as_of, None, None))
    by_id = {c.row["id"]: c for c in clients}
    for request in exceptions:
        linked = LINKED_STATUS.get(ExceptionStatus(request["status"]))
        code = EXCEPTION_BENEFIT.get(ExceptionKind(request["kind"]))
        if linked is None or code is None or code not in defaults.catalog:
            continue
        value = request["expected_cost"] if request["kind"] == ExceptionKind.BENEFIT_BUDGET else request["requested_value"]
        rows.append(_grant(rng, by_id[request["account_id"]], defaults.catalog[code], rate(value), linked, as_of,
                           request, request["expected_cost"]))
    return rows


def _pick_status(rng: random.Random) -> GrantStatus:
    draw, acc = rng.random(), 0.0
    for status, weight in _PLAIN_STATUSES:
        acc += weight
        if draw < acc:
            return status
    return GrantStatus.ACTIVE


def _value_within_caps(entry: CatalogEntry, client: ClientFacts, defaults: Defaults) -> Decimal | None:
    cap, currency = defaults.caps[client.grade], client.row["currency"]
    value = entry.default_value
    if value is None:
        return None
    if entry.code == "VOL-DISC":
        value = min(value, cap.max_discount_pct)
    elif entry.code == "PAY-TERMS":
        value = min(value, Decimal(cap.max_payment_days))
    elif entry.value_unit == "money":
        value = from_pln(value, currency)
        if entry.code == "GIFT":
            value = min(value, from_pln(cap.gift_limit, currency))
        if entry.code == "MDF":
            value = max(Decimal("0.00"), min(value, money(client.margin * cap.budget_pct_of_margin / 100)))
    return rate(value)


def _cost(entry: CatalogEntry, value: Decimal | None, client: ClientFacts) -> Decimal:
    if value is None or entry.cost_model == CostModel.NONE:
        return Decimal("0.00")
    if entry.cost_model == CostModel.PERCENT_OF_REVENUE:
        return money(client.revenue * value / 100)
    if entry.cost_model == CostModel.FINANCING:
        return money(client.revenue * value / 365 * FINANCING_RATE)
    if entry.cost_model == CostModel.PER_UNIT:
        return money(value * 100)
    return money(value)


def _validity(rng: random.Random, status: GrantStatus, as_of: date,
              request: dict[str, Any] | None) -> tuple[date, date]:
    if request is not None and request["valid_from"] is not None:
        return request["valid_from"], request["valid_to"]
    if status in (GrantStatus.PROPOSED, GrantStatus.PENDING_APPROVAL):
        start = as_of + timedelta(days=rng.randint(10, 60))
    elif status == GrantStatus.ACTIVE:
        start = as_of - timedelta(days=rng.randint(10, 330))
    elif status == GrantStatus.CANCELLED:
        start = as_of - timedelta(days=rng.randint(-30, 400))
    else:  # used or expired: over
        start = as_of - timedelta(days=rng.randint(380, 900))
    return start, start + timedelta(days=364)


def _grant(rng: random.Random, client: ClientFacts, entry: CatalogEntry, value: Decimal | None,
           status: GrantStatus, as_of: date, request: dict[str, Any] | None,
           cost: Decimal | None) -> dict[str, Any]:
    account = client.row
    start, end = _validity(rng, status, as_of, request)
    cost = cost if cost is not None else _cost(entry, value, client)
    if status == GrantStatus.USED:
        used = cost
    elif status == GrantStatus.ACTIVE:
        elapsed = min(1.0, max(0.0, (as_of - start).days / 365))
        used = min(cost, money(cost * Decimal(str(round(elapsed * rng.uniform(0.5, 1.0), 3)))))
    elif status == GrantStatus.EXPIRED:
        used = money(cost * Decimal(str(round(rng.uniform(0.3, 0.95), 3))))
    else:
        used = Decimal("0.00")
    created_on = min(as_of, start - timedelta(days=rng.randint(5, 30)))
    if request is not None:
        created_on = request["created_at"].date()
    created = stamp(rng, created_on)
    return {
        "id": new_uuid(rng), "version": 1, "created_at": created,
        "updated_at": max(created, stamp(rng, min(as_of, max(start, created_on)))),
        "updated_by": account["updated_by"], "deleted_at": None,
        "account_id": account["id"], "catalog_id": entry.id,
        # no typed terms: documents print the grant's value and validity in their own language, and a sentence
        # typed here would stay in the client's language in a document issued in another one
        "terms": None,
        "value": value, "valid_from": start, "valid_to": end, "status": str(status), "cost_estimate": cost,
        "used_amount": used, "currency": account["currency"],
        "exception_id": None if request is None else request["id"], "annex_id": None,
        "granted_by": account["updated_by"],
    }
