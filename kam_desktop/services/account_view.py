"""One account as its workspace shows it — card, grade progress, LTV, slots, benefits, requests, ledger,
documents — read in one transaction: one session and one snapshot, not a session per view."""

from __future__ import annotations

from dataclasses import dataclass

from kam_desktop.services import potential
from kam_desktop.services.accounts import card, workspace
from kam_desktop.services.benefits import catalog
from kam_desktop.services.context import Context
from kam_desktop.services.documents import register
from kam_desktop.services.documents.records import DocumentRow
from kam_desktop.services.exceptions import requests
from kam_desktop.services.ledger import entries


@dataclass(frozen=True)
class AccountView:
    """Everything the account's tabs show."""

    card: card.AccountCard
    progress: workspace.GradeProgress
    series: list[workspace.LtvPoint]
    slots: potential.AccountSlots
    benefits: catalog.AccountBenefits
    exceptions: list[requests.ExceptionRow]
    ledger: entries.AccountLedger
    documents: list[DocumentRow]


def account_view(ctx: Context, code: str) -> AccountView:
    """The account's views as the actor may see them (each view checks the actor, as it would alone)."""
    with ctx.one_read() as one:
        return AccountView(
            card=card.account_card(one, code), progress=workspace.grade_progress(one, code),
            series=workspace.ltv_series(one, code), slots=potential.account_slots(one, code),
            benefits=catalog.account_benefits(one, code), exceptions=requests.list_exceptions(one, code=code),
            ledger=entries.account_ledger(one, code), documents=register.list_documents(one, code),
        )
