"""Policy-exception requests in every status, with approval steps that agree with the status."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from kam_desktop.demo.defaults import Defaults
from kam_desktop.demo.money import from_pln, money, rate, to_pln
from kam_desktop.demo.people import Staff, new_uuid, stamp
from kam_desktop.domain.vocabulary import Decision, ExceptionKind, ExceptionStatus, Role

# per 200 accounts
STATUS_COUNTS = (
    (ExceptionStatus.DRAFT, 5), (ExceptionStatus.SUBMITTED, 10), (ExceptionStatus.APPROVED, 14),
    (ExceptionStatus.REJECTED, 7), (ExceptionStatus.WITHDRAWN, 4), (ExceptionStatus.EXPIRED, 6),
)
KINDS = (ExceptionKind.DISCOUNT, ExceptionKind.PAYMENT_TERMS, ExceptionKind.BENEFIT_BUDGET,
         ExceptionKind.GIFT_VALUE, ExceptionKind.OTHER)
# days before as_of when the request was submitted, per status
_SUBMITTED_AGO = {
    ExceptionStatus.DRAFT: (1, 20), ExceptionStatus.SUBMITTED: (1, 25), ExceptionStatus.APPROVED: (20, 320),
    ExceptionStatus.REJECTED: (10, 900), ExceptionStatus.WITHDRAWN: (10, 600), ExceptionStatus.EXPIRED: (400, 900),
}
JUSTIFICATION = {
    ExceptionKind.DISCOUNT: {
        "pl": "Klient konsoliduje zakupy u jednego dostawcy; konkurencja oferuje {v}% rabatu. Oczekujemy wzrostu udziału w portfelu.",
        "ru": "Клиент консолидирует закупки у одного поставщика; конкурент предлагает скидку {v}%. Ожидаем рост доли кошелька.",
        "en": "The client is consolidating purchases with one supplier; a competitor offers {v}% off. We expect a higher share of wallet."},
    ExceptionKind.PAYMENT_TERMS: {
        "pl": "Klient prosi o {v} dni terminu płatności w zamian za roczną umowę ramową.",
        "ru": "Клиент просит отсрочку платежа {v} дней в обмен на годовой рамочный договор.",
        "en": "The client asks for {v}-day payment terms in exchange for a one-year framework agreement."},
    ExceptionKind.BENEFIT_BUDGET: {
        "pl": "Wspólna kampania sezonowa z partnerem; budżet {v}% marży brutto.",
        "ru": "Совместная сезонная кампания с партнёром; бюджет {v}% валовой маржи.",
        "en": "Joint seasonal campaign with the partner; budget of {v}% of gross margin."},
    ExceptionKind.GIFT_VALUE: {
        "pl": "Upominki na jubileusz firmy klienta, wartość {v}.",
        "ru": "Подарки к юбилею компании клиента, стоимость {v}.",
        "en": "Gifts for the client's company anniversary, worth {v}."},
    ExceptionKind.OTHER: {
        "pl": "Rezerwacja {v} szt. towaru na duży projekt inwestycyjny klienta.",
        "ru": "Резерв {v} ед. товара под крупный инвестиционный проект клиента.",
        "en": "Reserved stock of {v} units for the client's large investment project."},
}
REJECT_NOTES = {
    Role.DIRECTOR: "Koszt nie jest uzasadniony oczekiwaną marżą przyrostową.",
    Role.FINANCE: "Budżet benefitów na ten kwartał jest wyczerpany; proszę wrócić w kolejnym.",
}
APPROVE_NOTES = ("Zgoda na 12 miesięcy, przegląd po pierwszym kwartale.", None, None, "OK.")


@dataclass(frozen=True)
class ClientFacts:
    """What the exception and grant generators need to know about one account."""

    row: dict[str, Any]
    grade: str  # the grade the account would likely get, for picking caps (the engine computes the real one)
    revenue: Decimal  # trailing 12 months, account currency
    margin: Decimal


def make_exceptions(rng: random.Random, clients: list[ClientFacts], defaults: Defaults, staff: Staff,
                    as_of: date, scale: int) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Requests in every status (numbered EXC-YYYY-NNNNN in submission order) and their approval steps."""
    drafts: list[tuple[dict[str, Any], list[dict[str, Any]]]] = []
    n = 0
    for status, count in STATUS_COUNTS:
        for _ in range(count * scale):
            client = clients[rng.randrange(len(clients))]
            drafts.append(_request(rng, client, KINDS[n % len(KINDS)], status, defaults, staff, as_of))
            n += 1
    drafts.sort(key=lambda d: (d[0]["created_at"], d[0]["id"]))
    per_year: dict[int, int] = {}
    for request, _steps in drafts:
        year = request["created_at"].year
        per_year[year] = per_year.get(year, 0) + 1
        request["number"] = f"EXC-{year}-{per_year[year]:05d}"
    return [d[0] for d in drafts], [s for d in drafts for s in d[1]]


def _values(rng: random.Random, kind: ExceptionKind, client: ClientFacts,
            defaults: Defaults) -> tuple[Decimal | None, Decimal, str, Decimal]:
    """(policy cap, requested value, unit, expected cost in the account's currency)."""
    cap, currency = defaults.caps[client.grade], client.row["currency"]
    if kind == ExceptionKind.DISCOUNT:
        requested = cap.max_discount_pct + rng.randint(2, 6)
        return cap.max_discount_pct, requested, "pct", money(client.revenue * requested / 100)
    if kind == ExceptionKind.PAYMENT_TERMS:
        days = cap.max_payment_days + rng.choice((15, 30, 45))
        return Decimal(cap.max_payment_days), Decimal(days), "days", money(client.revenue * days / 365 * Decimal("0.09"))
    if kind == ExceptionKind.BENEFIT_BUDGET:
        requested = cap.budget_pct_of_margin + rng.randint(2, 5)
        return cap.budget_pct_of_margin, requested, "pct", money(client.margin * requested / 100)
    if kind == ExceptionKind.GIFT_VALUE:
        limit = from_pln(cap.gift_limit, currency)
        requested = money(limit * Decimal(rng.choice((15, 20, 30))) / 10)
        return limit, requested, "money", requested
    units = Decimal(rng.choice((100, 200, 500)))
    return None, units, "units", from_pln(Decimal(rng.choice((1500, 4000, 9000))), currency)


def _request(rng: random.Random, client: ClientFacts, kind: ExceptionKind, status: ExceptionStatus,
             defaults: Defaults, staff: Staff, as_of: date) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    account, requester = client.row, staff.by_id(client.row["owner_id"])
    policy, requested, unit, cost = _values(rng, kind, client, defaults)
    steps_needed = 2 if to_pln(cost, account["currency"]) > defaults.director_limit else 1
    low, high = _SUBMITTED_AGO[status]
    submitted_on = as_of - timedelta(days=rng.randint(low, high))
    created = stamp(rng, submitted_on - timedelta(days=rng.randint(0, 3)))
    submitted = None if status == ExceptionStatus.DRAFT else max(created, stamp(rng, submitted_on))
    gain = rng.uniform(1.3, 4.0) if status in (ExceptionStatus.APPROVED, ExceptionStatus.EXPIRED) else rng.uniform(0.4, 2.0)
    request = {
        "id": new_uuid(rng), "version": 1, "created_at": created, "updated_at": submitted or created,
        "updated_by": requester["login"], "deleted_at": None, "number": "",
        "account_id": account["id"], "kind": str(kind),
        "policy_value": None if policy is None else rate(policy), "requested_value": rate(requested),
        "value_unit": unit,
        "justification": JUSTIFICATION[kind][account["language"]].format(v=_shown(requested, unit, account)),
        "expected_incremental_margin": money(cost * Decimal(str(round(gain, 2)))), "expected_cost": cost,
        "currency": account["currency"], "status": str(status), "requested_by_id": requester["id"],
        "submitted_at": submitted, "decided_at": None, "required_steps": steps_needed,
        "valid_from": None, "valid_to": None,
    }
    steps = [] if submitted is None else _decide(rng, request, status, staff)
    if steps and status in (ExceptionStatus.APPROVED, ExceptionStatus.REJECTED, ExceptionStatus.EXPIRED):
        request["decided_at"] = steps[-1]["created_at"]
    if status in (ExceptionStatus.APPROVED, ExceptionStatus.EXPIRED):
        request["valid_from"] = request["decided_at"].date()
        request["valid_to"] = request["valid_from"] + timedelta(days=364)
    if submitted is not None:  # rows are inserted at version 1: the history is in the timestamps and steps
        extra = 1 if status in (ExceptionStatus.WITHDRAWN, ExceptionStatus.EXPIRED) else 0
        last = steps[-1]["created_at"] if steps else submitted
        request["updated_at"] = last + timedelta(days=extra * rng.randint(1, 20)) if extra else last
        if status == ExceptionStatus.EXPIRED:
            request["updated_at"] = stamp(rng, request["valid_to"] + timedelta(days=1))
    return request, steps


def _decide(rng: random.Random, request: dict[str, Any], status: ExceptionStatus,
            staff: Staff) -> list[dict[str, Any]]:
    """The approval steps a request in `status` must have: director first, finance second for big ones."""
    two = request["required_steps"] == 2
    if status in (ExceptionStatus.APPROVED, ExceptionStatus.EXPIRED):
        plan = [Decision.APPROVE, Decision.APPROVE] if two else [Decision.APPROVE]
    elif status == ExceptionStatus.REJECTED:
        plan = [Decision.APPROVE, Decision.REJECT] if two and rng.random() < 0.5 else [Decision.REJECT]
    elif status == ExceptionStatus.SUBMITTED and two and rng.random() < 0.5:
        plan = [Decision.APPROVE]  # the director said yes; finance has yet to decide
    else:
        plan = []
    steps, moment = [], request["submitted_at"]
    for step_no, decision in enumerate(plan, start=1):
        role = Role.DIRECTOR if step_no == 1 else Role.FINANCE
        approver = staff.one(role)
        moment = moment + timedelta(hours=rng.randint(2, 96))
        note = REJECT_NOTES[role] if decision == Decision.REJECT else rng.choice(APPROVE_NOTES)
        steps.append({
            "id": new_uuid(rng), "created_at": moment, "created_by": approver["login"],
            "exception_id": request["id"], "step_no": step_no, "approver_role": str(role),
            "decided_by_id": approver["id"], "decision": str(decision), "note": note, "request_version": 1,
        })
    return steps


def _shown(value: Decimal, unit: str, account: dict[str, Any]) -> str:
    if unit == "money":
        return f"{value:.2f} {account['currency']}"
    return f"{value.normalize():f}"


def likely_grades(revenues_pln: list[tuple[int, Decimal]]) -> dict[int, str]:
    """Percentile cut 10/30/60 % of the ranked revenue, the default program's shape."""
    ranked = sorted(revenues_pln, key=lambda r: (-r[1], r[0]))
    out = {}
    for position, (index, _) in enumerate(ranked):
        share = (position + 1) / len(ranked)
        out[index] = "L1" if share <= 0.1 else "L2" if share <= 0.3 else "L3" if share <= 0.6 else "L4"
    return out

