"""kamctl grade, slots, quarter close, ledger, policy check, exception …, kpi, simulate."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, TypeAlias

from kam_desktop.cli.context import desk_from
from kam_desktop.cli.output import print_json, print_result, print_table
from kam_desktop.cli.speech import say
from kam_desktop.domain.messages import Message
from kam_desktop.domain.vocabulary import ExceptionKind, ExceptionStatus
from kam_desktop.services.errors import ServiceError

if TYPE_CHECKING:
    from kam_desktop.services.exceptions.requests import ExceptionRow

Sub: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"

EXIT_OUTSIDE_POLICY = 3  # `policy check --strict`: the offer breaks a cap (1 and 2 are errors)
EXIT_LEDGER_INCONSISTENT = 5  # `ledger CODE`: the stored entries break the ledger's invariants (4: not permitted)


def decimal_arg(text: str) -> Decimal:
    try:
        value = Decimal(text.strip())
    except InvalidOperation:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if not value.is_finite():
        raise argparse.ArgumentTypeError(f"{text!r} is not a finite number")
    return value


def _decimals(text: str) -> list[Decimal]:
    return [decimal_arg(part) for part in text.split(",")]


def _gift(text: str) -> tuple[str, Decimal]:
    person, sep, value = text.partition("=")
    if not sep or not person.strip():
        raise argparse.ArgumentTypeError(f"{text!r}: write a gift as PERSON=VALUE")
    return person.strip(), decimal_arg(value)


def register(subparsers: Sub, common: argparse.ArgumentParser) -> None:
    grade = subparsers.add_parser("grade", parents=[common], help="grade the portfolio (dry run unless --apply)")
    grade.add_argument("--as-of", type=date.fromisoformat, default=None, help="default: today")
    grade.add_argument("--apply", action="store_true", help="store the evaluations")
    grade.set_defaults(handler=_grade)

    slots = subparsers.add_parser("slots", parents=[common], help="an account's potential slots")
    slots.add_argument("code")
    slots.add_argument("--as-of", type=date.fromisoformat, default=None)
    slots.set_defaults(handler=_slots)

    quarter = subparsers.add_parser("quarter", help="quarter jobs")
    quarter_sub = quarter.add_subparsers(dest="quarter_command", metavar="ACTION", required=True)
    close = quarter_sub.add_parser("close", parents=[common], help="accrue cashback and points (idempotent)")
    close.add_argument("quarter", help="e.g. 2026Q1")
    close.set_defaults(handler=_close)

    ledger = subparsers.add_parser("ledger", parents=[common], help="an account's ledger and balance")
    ledger.add_argument("code")
    ledger.set_defaults(handler=_ledger)

    policy = subparsers.add_parser("policy", help="commercial policy")
    policy_sub = policy.add_subparsers(dest="policy_command", metavar="ACTION", required=True)
    check = policy_sub.add_parser("check", parents=[common], help="every cap an offer exceeds")
    check.add_argument("code")
    check.add_argument("--discount", type=decimal_arg, required=True, help="discount in %%")
    check.add_argument("--payment-days", type=int, default=None)
    check.add_argument("--benefit-cost", type=decimal_arg, default=None)
    check.add_argument("--gift", type=_gift, action="append", default=[], help="PERSON=VALUE (repeatable)")
    check.add_argument("--strict", action="store_true",
                       help=f"exit {EXIT_OUTSIDE_POLICY} when the offer breaks a cap (for scripts; default: exit 0 and report)")
    check.set_defaults(handler=_policy_check)

    _register_exceptions(subparsers, common)

    kpi = subparsers.add_parser("kpi", parents=[common], help="program KPIs and report data")
    kpi.add_argument("--as-of", type=date.fromisoformat, default=None)
    kpi.add_argument("--owner", default=None, help="one KAM's portfolio (a KAM: their own)")
    kpi.set_defaults(handler=_kpi)

    sim = subparsers.add_parser("simulate", parents=[common], help="what-if cut-offs and cashback")
    sim.add_argument("--cutoffs", type=_decimals, required=True, help="e.g. 0.1,0.3,0.6")
    sim.add_argument("--cashback", type=_decimals, required=True, help="%% for L1..L4, e.g. 3,2,1,0")
    sim.add_argument("--as-of", type=date.fromisoformat, default=None)
    sim.set_defaults(handler=_simulate)


def _register_exceptions(subparsers: Sub, common: argparse.ArgumentParser) -> None:
    exc = subparsers.add_parser("exception", help="policy-exception requests")
    sub = exc.add_subparsers(dest="exception_command", metavar="ACTION", required=True)
    request = sub.add_parser("request", parents=[common], help="draft a request")
    request.add_argument("code")
    request.add_argument("--kind", required=True, choices=[k.value for k in ExceptionKind])
    request.add_argument("--requested", type=decimal_arg, required=True)
    request.add_argument("--justification", required=True)
    request.add_argument("--expected-cost", type=decimal_arg, default=None)
    request.add_argument("--expected-margin", type=decimal_arg, default=None)
    request.set_defaults(handler=_exc_request)
    for name, handler, text in (("submit", _exc_submit, "send for approval"), ("withdraw", _exc_withdraw, "take back")):
        p = sub.add_parser(name, parents=[common], help=text)
        p.add_argument("number")
        p.set_defaults(handler=handler)
    decide = sub.add_parser("decide", parents=[common], help="approve or reject the current step")
    decide.add_argument("number")
    verdict = decide.add_mutually_exclusive_group(required=True)
    verdict.add_argument("--approve", action="store_true")
    verdict.add_argument("--reject", action="store_true")
    decide.add_argument("--note", default="")
    decide.add_argument("--seen-version", type=int, default=None, help="the version you read (stale check)")
    decide.set_defaults(handler=_exc_decide)
    listing = sub.add_parser("list", parents=[common], help="list requests")
    listing.add_argument("--status", default=None, choices=[s.value for s in ExceptionStatus])
    listing.set_defaults(handler=_exc_list)


def _grade(args: argparse.Namespace) -> int:
    run = desk_from(args).grade(args.as_of, apply=args.apply)
    rows = [{"code": r.code, "basis": r.basis, "rank": r.rank, "grade": r.grade, "previous_grade": r.previous_grade,
             "at_risk": r.at_risk, "computed_grade": r.computed_grade, "population": r.population,
             "percentile": r.percentile, "cutoff": r.cutoff, "overridden": r.overridden, "segment": r.segment,
             "why": list(r.why)} for r in run.rows]
    if args.json:
        print_json(rows)
    else:
        print_table(rows, ["code", "basis", "rank", "grade", "previous_grade", "at_risk", "segment"])
        print(f"{len(rows)} accounts graded as of {run.as_of} on {run.basis_kind}"
              + ("; applied" if run.applied else " (dry run; --apply to store)"))
    return 0


def _slots(args: argparse.Namespace) -> int:
    view = desk_from(args).slots(args.code, args.as_of)
    if args.json:
        print_json(view)
        return 0
    print_table([vars(c) for c in view.categories],
                ["category", "total_money", "our_money", "slot_money", "share_money", "slot_units", "collected_on"])
    print(f"money in {view.currency}; quadrant: {view.quadrant.value if view.quadrant else '-'} (money ≥ "
          f"{view.base_currency} {view.money_threshold}, units ≥ {view.units_threshold} is high)")
    return 0


def _close(args: argparse.Namespace) -> int:
    report = desk_from(args).close_quarter(args.quarter)
    result = report.result
    data = {"quarter": result.quarter, "accounts": result.accounts, "booked": result.booked,
            "cashback": report.cashback, "points": result.points, "expiries": result.expiries,
            "ungraded": result.ungraded, "late_facts": report.late_facts, "clawbacks": report.clawbacks,
            "stale_grades": report.stale_grades, "locked": report.locked}
    lines = [f"{result.quarter}: booked {result.booked} entries for {result.accounts} accounts "
             f"(cashback {report.cashback}, points {result.points}), {result.expiries} expiries"
             + (f"; not graded, skipped: {', '.join(result.ungraded)}" if result.ungraded else "")]
    lines += [f"  late {x.kind} {x.ref} ({x.account}, {x.quarter}): cashback {x.cashback_change}, points "
              f"{x.points_change}" + (f", shortfall {x.shortfall}" if x.shortfall.is_positive else "")
              for x in report.late_facts]
    lines += [f"  clawback {x.account} {x.quarter}: due {x.due}, taken {x.taken}, still owed {x.outstanding}"
              for x in report.clawbacks]
    if report.stale_grades:
        lines.append("  warning: graded before the quarter ended — grade the portfolio as of its end: " + ", ".join(
            f"{s.account} ({s.grade}, {s.evaluated_on})" for s in report.stale_grades))
    return print_result(args, data, "\n".join(lines))


def _ledger(args: argparse.Namespace) -> int:
    view = desk_from(args).ledger(args.code)
    if args.json:
        print_json(view)
        return EXIT_LEDGER_INCONSISTENT if view.problems else 0
    print_table([vars(e) for e in view.entries], ["booked_on", "unit", "kind", "amount", "currency", "expires_on",
                                                  "key"])
    for unit, amount in view.balance.items():
        shown = f"{view.currency} " if unit == "cashback" else ""  # cashback is money in the account's currency
        print(f"balance {unit}: {shown}{amount} (usable today {shown}{view.available[unit]})")
    if view.problems:  # a row changed outside the program (or a bug): say so, entry by entry
        print(say(args, Message.of("The ledger of {code} breaks its own rules ({count} found):", code=view.code,
                                   count=len(view.problems))), file=sys.stderr)
        for problem in view.problems:
            print(f"  {problem.entry_key}: {problem.message}", file=sys.stderr)
        return EXIT_LEDGER_INCONSISTENT
    return 0


def _policy_check(args: argparse.Namespace) -> int:
    result = desk_from(args).policy_check(args.code, discount=args.discount, payment_days=args.payment_days,
                          benefit_cost=args.benefit_cost, gifts=dict(args.gift))
    data = {"code": result.code, "grade": result.grade, "graded": result.graded, "policy": result.policy,
            "ok": result.ok, "violations": [{"rule": v.rule, "cap": v.cap, "requested": v.requested,
                                             "person": v.person, "message": v.message} for v in result.violations]}
    shown = "within policy" if result.ok else "\n".join(say(args, v.message) for v in result.violations)
    print_result(args, data, f"{result.code} ({result.grade}): {shown}")
    return EXIT_OUTSIDE_POLICY if args.strict and not result.ok else 0


def _exc_show(args: argparse.Namespace, row: ExceptionRow) -> int:
    return print_result(args, row, f"{row.number} {row.status}" + (f", waiting for {row.waiting_for}" if row.waiting_for else ""))


def _exc_request(args: argparse.Namespace) -> int:
    row = desk_from(args).request_exception(args.code, args.kind, args.requested, args.justification,
                                            expected_cost=args.expected_cost, expected_margin=args.expected_margin)
    return _exc_show(args, row)


def _exc_submit(args: argparse.Namespace) -> int:
    return _exc_show(args, desk_from(args).submit_exception(args.number))


def _exc_withdraw(args: argparse.Namespace) -> int:
    return _exc_show(args, desk_from(args).withdraw_exception(args.number))


def _exc_decide(args: argparse.Namespace) -> int:
    row = desk_from(args).decide_exception(args.number, bool(args.approve), args.note, args.seen_version)
    return _exc_show(args, row)


def _exc_list(args: argparse.Namespace) -> int:
    rows = desk_from(args).exceptions(status=args.status)
    if args.json:
        print_json(rows)
    else:
        print_table([vars(r) for r in rows],
                    ["number", "account", "kind", "status", "requested", "cap", "requested_by", "waiting_for"])
    return 0


def _kpi(args: argparse.Namespace) -> int:
    desk = desk_from(args)
    k = desk.portfolio_kpis(args.as_of, args.owner) if args.owner else desk.kpis(args.as_of)
    roi = k.roi
    data = {
        "as_of": k.as_of, "accounts": k.accounts, "ltv_12m": k.ltv_12m, "ltv_prev_12m": k.ltv_prev_12m,
        "ltv_trend": k.ltv_trend, "churn_months": k.churn_months, "churn_rate": k.churn_rate,
        "churned": k.churned, "share_of_wallet": k.share_of_wallet,
        "roi": None if roi is None else {
            "roi": roi.roi, "method": roi.method, "method_note": k.roi_note, "baseline_margin": roi.baseline_margin,
            "actual_margin": roi.actual_margin, "incremental_margin": roi.incremental_margin,
            "reward_cost": roi.reward_cost, "operating_cost": roi.operating_cost},
        "roi_note": k.roi_note,
        "tier_table": [{"grade": t.grade, "accounts": t.accounts, "gross_margin": t.gross_margin,
                        "reward_cost": t.reward_cost, "cost_to_margin": t.cost_to_margin} for t in k.tier_table],
        "waterfall": k.waterfall, "cohorts": [{"cohort": str(c.cohort), "size": c.size, "retention": c.retention}
                                              for c in k.cohorts],
        "basket": [{"category": b.category, "before": b.before, "after": b.after, "change": b.change} for b in k.basket],
    }
    return print_result(args, data, f"LTV 12m {k.ltv_12m} (prior {k.ltv_prev_12m}), churn {k.churn_rate}, "
                f"share of wallet {k.share_of_wallet}, ROI {roi.roi if roi else '-'} — {k.roi_note}")


def _simulate(args: argparse.Namespace) -> int:
    desk = desk_from(args)
    if args.as_of is not None and args.as_of > desk.today():
        raise ServiceError("--as-of {as_of} is in the future", as_of=args.as_of)
    sim = desk.simulate(args.cutoffs, args.cashback, args.as_of)
    r = sim.result
    data = {"as_of": sim.as_of, "cutoffs": sim.cutoffs, "cashback": sim.cashback, "upgrades": r.upgrades,
            "downgrades": r.downgrades, "unchanged": r.unchanged,
            "moves": [{"from": a, "to": b, "accounts": n} for (a, b), n in sorted(r.moves.items())],
            "counts_now": r.counts_now, "counts_scenario": r.counts_scenario, "cost_now": r.cost_now,
            "cost_scenario": r.cost_scenario, "gross_margin": r.gross_margin,
            "cost_to_margin_now": r.cost_to_margin(False), "cost_to_margin_scenario": r.cost_to_margin(True)}
    return print_result(args, data, f"{r.upgrades} up, {r.downgrades} down, {r.unchanged} unchanged; cost {r.cost_now} → "
                f"{r.cost_scenario} against margin {r.gross_margin}")
