"""What was found when two doors and copied rules disagreed, kept from coming back (issue 10)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import func, select

from kam_desktop.services.errors import Refused, ServiceError
from kam_desktop.services.ledger import close as quarter_close
from kam_desktop.store.models import AuditEntry, BenefitGrant, ExceptionRequest, LedgerEntry
from tests.acting import desk

from .builders import account, sale, world

TODAY = date(2026, 1, 10)


@pytest.fixture
def acme(any_store: Any) -> Any:
    """ACME (kam1's): L1, 12-month revenue 100 000 and margin 30 000 (budget 8 % = 2 400); nine small accounts."""
    world(any_store)
    account(any_store, "ACME")
    sale(any_store, "ACME", date(2025, 6, 1), "100000.00", "30000.00")
    for n in range(1, 10):
        account(any_store, f"S{n}")
        sale(any_store, f"S{n}", date(2025, 6, 1), "100.00")
    desk(any_store, "admin", TODAY).grade(date(2025, 12, 31), apply=True)
    return any_store


def _grant(store: Any, grant_id: Any) -> tuple[str, Any, Any]:
    """(status, annex id, linked exception id) of a grant."""
    with store.read() as s:
        grant = s.get(BenefitGrant, grant_id)
        assert grant is not None
        return grant.status, grant.annex_id, grant.exception_id


def test_a_signed_annex_activates_a_grant_only_when_every_exceeded_cap_is_covered(acme: Any) -> None:
    """The annex door and the activate door use one rule: a rejected budget exception stops both."""
    kam, boss = desk(acme, "kam1", TODAY), desk(acme, "boss", TODAY)
    # a 15 % discount (cap 12 %) costing 3 000 a year (budget 2 400): two caps exceeded
    outcome = kam.add_benefit("ACME", "VOL-DISC", Decimal(15), Decimal("3000.00"))
    assert sorted(d.kind for d in outcome.drafts) == ["benefit_budget", "discount"]
    discount, budget = kam.request_exceptions(
        "ACME", [("discount", Decimal(15)), ("benefit_budget", Decimal("3000.00"))], "match the competitor",
        grant_id=outcome.grant_id, submit=True)
    boss.decide_exception(discount.number, True, "ok")
    boss.decide_exception(budget.number, False, "no budget left")
    kam.issue_document("ACME", "agreement")
    annex = kam.issue_document("ACME", "annex")  # its linked exception (the discount) is approved: not a draft
    assert not annex.document.is_draft
    with pytest.raises(Refused, match=r"cannot be signed: VOL-DISC: benefits would cost 3000.00, above the L1 budget"):
        kam.sign_document(annex.document.number, "Jan Kowalski", TODAY)
    with pytest.raises(Refused, match=r"cannot activate: VOL-DISC: benefits would cost 3000.00"):
        kam.activate_benefit(outcome.grant_id)
    assert _grant(acme, outcome.grant_id)[:2] == ("pending_approval", None)
    assert kam.documents("ACME")[-1].status == "issued"  # nothing was signed


def test_requesting_the_exceptions_of_a_grant_is_one_step(acme: Any) -> None:
    """The exception dialog's save: a refusal of the second request leaves nothing behind, a retry saves two."""
    kam = desk(acme, "kam1", TODAY)
    outcome = kam.add_benefit("ACME", "VOL-DISC", Decimal(15), Decimal("3000.00"))

    def requests() -> int:
        with acme.read() as s:
            return s.scalar(select(func.count()).select_from(ExceptionRequest)) or 0

    with pytest.raises(ServiceError, match="within the cap"):
        kam.request_exceptions("ACME", [("discount", Decimal(15)), ("payment_terms", Decimal(30))], "terms",
                               grant_id=outcome.grant_id, submit=True)  # 30 days is within the 60-day cap
    assert requests() == 0 and _grant(acme, outcome.grant_id)[2] is None
    rows = kam.request_exceptions("ACME", [("discount", Decimal(15)), ("benefit_budget", Decimal("3000.00"))],
                                  "terms", grant_id=outcome.grant_id, submit=True)
    assert [r.status for r in rows] == ["submitted", "submitted"] and requests() == 2
    assert _grant(acme, outcome.grant_id)[2] is not None


def test_a_kam_cannot_close_a_quarter_through_any_door(acme: Any) -> None:
    with pytest.raises(Refused, match=r"kam1 \(kam\) may not close a quarter"):
        desk(acme, "kam1", TODAY).close_quarter("2025Q4")
    with acme.read() as s:
        assert not s.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.action == "quarter.close"))


@pytest.mark.parametrize("any_store", ["pg"], indirect=True)
def test_a_close_racing_another_close_says_run_it_again_at_the_desk(acme: Any, monkeypatch: Any) -> None:
    """The desk's close goes through the same duplicate-key handling as kamctl's (it used to skip it)."""
    sale(acme, "ACME", date(2025, 11, 3), "5000.00")  # a Q4 sale, graded L1 at the quarter's end
    real_book = quarter_close.book
    raced = []

    def book_after_a_rival(session: Any, entries: Any, *args: Any) -> None:
        if not raced:  # another person's close commits the same accruals first
            raced.append(True)
            desk(acme, "money", TODAY).close_quarter("2025Q4")
        real_book(session, entries, *args)

    monkeypatch.setattr(quarter_close, "book", book_after_a_rival)
    # closes take turns (store/settlement_lock.py), so a rival can no longer book inside this one's transaction;
    # without the lock, as a writer that does not take it would, the duplicate key still reads as a refusal
    monkeypatch.setattr(quarter_close, "hold_settlement", lambda session: None)
    with pytest.raises(ServiceError, match="another close of 2025Q4 booked entries meanwhile; run it again"):
        desk(acme, "boss", TODAY).close_quarter("2025Q4")
    with acme.read() as s:
        keys = s.scalars(select(LedgerEntry.idempotency_key)).all()
    assert keys and len(keys) == len(set(keys))  # the rival's close stands, nothing doubled


def test_the_account_workspace_reads_in_one_session(acme: Any, monkeypatch: Any) -> None:
    """It used to open eight sessions (one per tab); now one transaction gives every view one snapshot."""
    opened = []
    real_read = acme.read
    kam = desk(acme, "kam1", TODAY)  # (knowing who acts is a read of its own)

    def counting_read() -> Any:
        opened.append(True)
        return real_read()

    monkeypatch.setattr(acme, "read", counting_read)
    view = kam.account_view("ACME")
    assert len(opened) == 1
    assert view.card.summary.code == "ACME" and view.progress.grade == "L1" and len(view.series) == 24
    with pytest.raises(Refused, match=r"kam2 \(kam\) may not view an account of ACME"):
        desk(acme, "kam2", TODAY).account_view("ACME")  # each view still checks the actor
