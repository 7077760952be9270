"""kamctl benefit list | grant | edit | cancel | use | activate | why: an account's benefits without a screen."""

from __future__ import annotations

import argparse
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any, TypeAlias

from kam_desktop.cli.context import desk_from
from kam_desktop.cli.output import print_json, print_table
from kam_desktop.services.errors import NotFound, ServiceError

if TYPE_CHECKING:  # the engine loads when a command runs: `kamctl --help` stays light
    from kam_desktop.services.benefits.catalog import BenefitLine
    from kam_desktop.services.benefits.grants import Blocker, GrantOutcome
    from kam_desktop.services.desk import Desk

Sub: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"
SHORT_ID = 8  # a grant is named by the first characters of its id, as `benefit list` prints it


def _amount(text: str) -> Decimal:
    try:
        value = Decimal(text.strip().replace(",", "."))
    except InvalidOperation:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number (write e.g. 1250.50)") from None
    if not value.is_finite() or abs(value) >= Decimal("1e15"):
        raise argparse.ArgumentTypeError(f"{text!r} is not a usable amount") from None
    return value


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date; write it as YYYY-MM-DD") from None


def register(subparsers: Sub, common: argparse.ArgumentParser) -> None:
    benefit = subparsers.add_parser("benefit", help="an account's benefits: list, grant, edit, cancel, use")
    sub = benefit.add_subparsers(dest="benefit_command", metavar="ACTION", required=True)
    listing = sub.add_parser("list", parents=[common], help="the account's benefits and its budget")
    listing.add_argument("code")
    listing.set_defaults(handler=_list)
    grant = sub.add_parser("grant", parents=[common], help="grant a catalog benefit (checked against the policy)")
    grant.add_argument("code")
    grant.add_argument("benefit", help="catalog code, e.g. VOL-DISC")
    _terms(grant)
    grant.set_defaults(handler=_grant)
    edit = sub.add_parser("edit", parents=[common], help="change a proposed or pending benefit's terms")
    edit.add_argument("code")
    edit.add_argument("id", help="the benefit's id (its first characters, as `benefit list` prints them)")
    _terms(edit)
    edit.set_defaults(handler=_edit)
    cancel = sub.add_parser("cancel", parents=[common], help="cancel a benefit, saying why")
    cancel.add_argument("code")
    cancel.add_argument("id")
    cancel.add_argument("--reason", required=True, help="why (kept on the record)")
    cancel.set_defaults(handler=_cancel)
    use = sub.add_parser("use", parents=[common], help="record what the client used of an active benefit")
    use.add_argument("code")
    use.add_argument("id")
    use.add_argument("amount", type=_amount, help="in the account's currency")
    use.add_argument("--on", type=_day, default=None, help="day of the usage (default: today)")
    use.add_argument("--note", default="")
    use.set_defaults(handler=_use)
    activate = sub.add_parser("activate", parents=[common], help="make a benefit active (all its caps covered)")
    activate.add_argument("code")
    activate.add_argument("id")
    activate.set_defaults(handler=_activate)
    why = sub.add_parser("why", parents=[common], help="why a benefit is not active")
    why.add_argument("code")
    why.add_argument("id")
    why.set_defaults(handler=_why)


def _terms(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--value", type=_amount, default=None, help="in the catalog's unit (%%, days, …)")
    parser.add_argument("--cost", type=_amount, default=None, help="cost over a year (default: the estimate)")
    parser.add_argument("--from", dest="valid_from", type=_day, default=None, help="first day (default: today)")
    parser.add_argument("--to", "--valid-to", dest="valid_to", type=_day, default=None,
                        help="last day (default: open)")


def _line(desk: Desk, code: str, short: str) -> tuple[BenefitLine, str]:
    """The benefit of `code` whose id starts with `short` (and the account's currency)."""
    benefits = desk.benefits(code)
    wanted = short.strip().lower()
    if len(wanted) < 4:
        raise ServiceError("name a benefit by at least 4 characters of its id (see `kamctl benefit list {code}`)",
                           code=code)
    found = [b for b in benefits.lines if str(b.id).startswith(wanted)]
    if not found:
        raise NotFound("{code} has no benefit with id {id}…; see `kamctl benefit list {code}`", code=code, id=wanted)
    if len(found) > 1:
        raise ServiceError("{id}… names {count} benefits of {code}; give more characters", id=wanted,
                           count=len(found), code=code)
    return found[0], benefits.budget.currency


def _money(amount: Decimal | None, currency: str) -> str:
    return "" if amount is None else f"{currency} {amount:,.2f}"


def _value(value: Decimal | None, unit: str | None, currency: str) -> str:
    """A benefit's value in its unit: 5 %, 30 days, PLN 1,500.00."""
    if value is None:
        return ""
    if unit == "money":
        return _money(value, currency)
    number = f"{value.normalize():f}"
    return {"pct": f"{number} %", "days": f"{number} days"}.get(unit or "", number)


def _list(args: argparse.Namespace) -> int:
    benefits = desk_from(args).benefits(args.code)
    if args.json:
        print_json(benefits)
        return 0
    rows = [{"id": str(b.id)[:SHORT_ID], "benefit": b.catalog_code, "value": _value(b.value, b.unit, b.currency),
             "status": b.status, "from": b.valid_from, "to": b.valid_to, "cost": _money(b.cost, b.currency),
             "used": _money(b.used, b.currency), "exception": b.exception or ""} for b in benefits.lines]
    print_table(rows, ["id", "benefit", "value", "status", "from", "to", "cost", "used", "exception"])
    budget = benefits.budget
    print(f"budget {_money(budget.budget, budget.currency)} ({budget.budget_pct} % of the 12-month gross margin "
          f"{_money(budget.margin_12m, budget.currency)}), committed {_money(budget.committed, budget.currency)}")
    return 0


def _outcome(args: argparse.Namespace, outcome: GrantOutcome, code: str, currency: str) -> int:
    if args.json:
        print_json(outcome)
        return 0
    print(f"{str(outcome.grant_id)[:SHORT_ID]} {outcome.status}")
    for violation in outcome.check.violations:
        print(f"  beyond the policy: {violation.message}")
    for draft in outcome.drafts:
        requested = _money(draft.requested, currency) if draft.unit == "money" else f"{draft.requested}"
        print(f"  it needs an approved exception: kamctl exception request {code} --kind {draft.kind} "
              f"--requested {draft.requested} --justification \"…\"   ({requested} asked)")
    return 0


def _grant(args: argparse.Namespace) -> int:
    desk = desk_from(args)
    cost = args.cost if args.cost is not None else desk.estimate_cost(args.code, args.benefit, args.value)
    outcome = desk.add_benefit(args.code, args.benefit, args.value, cost, args.valid_to, args.valid_from)
    return _outcome(args, outcome, args.code, desk.benefits(args.code).budget.currency)


def _edit(args: argparse.Namespace) -> int:
    from kam_desktop.services.benefits.lifecycle import GrantTerms  # the engine: only when a command runs

    desk = desk_from(args)
    line, currency = _line(desk, args.code, args.id)
    terms = GrantTerms(
        value=args.value if args.value is not None else line.value,
        cost=args.cost if args.cost is not None else line.cost,
        valid_from=args.valid_from or line.valid_from, valid_to=args.valid_to or line.valid_to)
    return _outcome(args, desk.edit_benefit(line.id, terms), args.code, currency)


def _cancel(args: argparse.Namespace) -> int:
    desk = desk_from(args)
    line, _currency = _line(desk, args.code, args.id)
    status = desk.cancel_benefit(line.id, args.reason)
    return _say(args, {"id": line.id, "benefit": line.catalog_code, "status": status},
                f"{str(line.id)[:SHORT_ID]} {line.catalog_code} {status}")


def _use(args: argparse.Namespace) -> int:
    desk = desk_from(args)
    line, currency = _line(desk, args.code, args.id)
    used, status = desk.use_benefit(line.id, args.amount, args.on, args.note)
    return _say(args, {"id": line.id, "benefit": line.catalog_code, "used": used, "cost": line.cost,
                       "currency": currency, "status": status},
                f"{line.catalog_code}: used {_money(used, currency)} of {_money(line.cost, currency)} ({status})")


def _activate(args: argparse.Namespace) -> int:
    desk = desk_from(args)
    line, _currency = _line(desk, args.code, args.id)
    status = desk.activate_benefit(line.id)
    return _say(args, {"id": line.id, "benefit": line.catalog_code, "status": status},
                f"{line.catalog_code} {status}")


def _why(args: argparse.Namespace) -> int:
    desk = desk_from(args)
    line, currency = _line(desk, args.code, args.id)
    blockers = desk.benefit_blockers(line.id)
    if args.json:
        print_json(blockers)
        return 0
    if not blockers:
        print(f"{line.catalog_code} can be activated now (kamctl benefit activate {args.code} {args.id})")
    for blocker in blockers:
        print(blocker_text(blocker, currency))
    return 0


def blocker_text(b: Blocker, currency: str) -> str:
    """One reason a benefit is not active, in a line."""
    if b.reason == "status":
        return f"{b.benefit} is {b.status}: only a proposed or pending benefit is activated"
    if b.reason == "linked":
        return f"{b.benefit}: its exception {b.number} is {b.request_status}" + (f" ({b.note})" if b.note else "")

    def shown(value: Decimal | None) -> str:
        return _value(value, b.unit, currency)

    text = f"{b.benefit}: {b.kind} {shown(b.requested)} is beyond the cap {shown(b.cap)}"
    if b.number is None:
        return text + "; no exception was requested"
    if b.request_status == "rejected":
        return text + f"; {b.number} was rejected" + (f": {b.note}" if b.note else "")
    if b.request_status == "submitted":
        return text + f"; {b.number} waits for {b.waiting_for}"
    if b.allows is not None:
        return text + f"; {b.number} allows only {shown(b.allows)}"
    return text + f"; {b.number} is {b.request_status}"


def _say(args: argparse.Namespace, data: Any, text: str) -> int:
    if args.json:
        print_json(data)
    else:
        print(text)
    return 0
