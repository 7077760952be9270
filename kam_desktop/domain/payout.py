"""Paying rewards out: by rebate note / correcting invoice, as a discount on the next invoice, or into an MDF budget.

The program chooses the method per benefit (`SettlementTerms`). A payout redeems the amount from the
account's cashback lots, soonest-expiring first (`ledger.redeem`), and books one entry whose source
kind names the method and whose `source_ref` is the document's number; the document data carries the
entry's id and the lots it took, so each side points at the other. Document lines are rounded half up
to cents; VAT, when the program settles by correcting invoice, is computed per line.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from enum import StrEnum
from uuid import UUID, uuid4

from kam_desktop.domain.clawback import ClawbackRule
from kam_desktop.domain.ledger import Allocation, IdFactory, LedgerEntry, SourceKind, redeem
from kam_desktop.domain.messages import Message, NoteTemplate, Refusal
from kam_desktop.domain.monetary import CurrencyMismatch, Money
from kam_desktop.domain.periods import Quarter
from kam_desktop.domain.vocabulary import BenefitType, LedgerUnit


class SettlementError(Refusal, ValueError):
    """A payout that the program's settlement terms do not allow, or with data missing."""


class PayoutMethod(StrEnum):
    REBATE_NOTE = "rebate_note"  # a numbered rebate note, or a correcting invoice when VAT applies
    INVOICE_DISCOUNT = "invoice_discount"  # deducted on the client's next invoice
    MDF_BUDGET = "mdf_budget"  # moved into the partner's MDF / service budget


PAYOUT_NOTE = NoteTemplate("{method}: {period}", {"method": PayoutMethod})  # on the entry a payout books

SOURCE_KIND: Mapping[PayoutMethod, SourceKind] = {
    PayoutMethod.REBATE_NOTE: SourceKind.PAYOUT_REBATE_NOTE,
    PayoutMethod.INVOICE_DISCOUNT: SourceKind.PAYOUT_INVOICE_DISCOUNT,
    PayoutMethod.MDF_BUDGET: SourceKind.PAYOUT_MDF,
}


def _default_methods() -> dict[BenefitType, PayoutMethod]:
    return {
        BenefitType.CASHBACK: PayoutMethod.REBATE_NOTE,
        BenefitType.REBATE: PayoutMethod.REBATE_NOTE,
        BenefitType.VOLUME_DISCOUNT: PayoutMethod.INVOICE_DISCOUNT,
        BenefitType.MDF: PayoutMethod.MDF_BUDGET,
        BenefitType.SERVICE: PayoutMethod.MDF_BUDGET,
    }


@dataclass(frozen=True)
class SettlementTerms:
    """How the program books rewards with finance: the payout method per benefit, VAT, and the clawback rule."""

    methods: Mapping[BenefitType, PayoutMethod] = field(default_factory=_default_methods)
    vat_percent: Decimal | None = None  # None: a rebate note outside VAT; a rate: a correcting invoice
    clawback: ClawbackRule = ClawbackRule.CARRY_FORWARD

    def method_for(self, benefit: BenefitType) -> PayoutMethod:
        try:
            return self.methods[benefit]
        except KeyError:
            raise SettlementError(
                "the program settles no {benefit} by payout; set its method (rebate note, next-invoice discount or "
                "MDF budget) in the settlement terms", benefit=benefit,
            ) from None


@dataclass(frozen=True)
class Party:
    """A side of a document: name, tax ID (NIP, INN, VAT number) and address."""

    name: str
    tax_id: str
    address: str = ""

    def __post_init__(self) -> None:
        if not self.name.strip():
            raise SettlementError("a party without a name (tax ID {tax_id!r}); a settlement document needs both",
                                  tax_id=self.tax_id)
        if not self.tax_id.strip():
            raise SettlementError("{name}: tax_id missing; a settlement document needs both", name=self.name)


@dataclass(frozen=True)
class DocumentLine:
    description: str
    net: Money
    vat_percent: Decimal | None
    vat: Money
    gross: Money


def line(description: str, net: Money, vat_percent: Decimal | None) -> DocumentLine:
    """One line, its VAT rounded half up to cents (zero VAT outside VAT)."""
    vat = net.percent(vat_percent) if vat_percent is not None else Money.zero(net.currency)
    return DocumentLine(description, net.rounded(), vat_percent, vat, net.rounded() + vat)


@dataclass(frozen=True)
class RebateNote:
    """The data of a numbered rebate note / correcting invoice (the PDF is made by documents/)."""

    number: str
    issued_on: date
    seller: Party  # us
    buyer: Party  # the client
    account: str
    period: str  # what it settles, e.g. 2026Q1
    lines: tuple[DocumentLine, ...]
    ledger_entry: UUID
    lots: tuple[Allocation, ...]

    @property
    def is_correcting_invoice(self) -> bool:
        return any(x.vat_percent is not None for x in self.lines)

    @property
    def total_net(self) -> Money:
        return Money.total((x.net for x in self.lines), self.lines[0].net.currency)

    @property
    def total_vat(self) -> Money:
        return Money.total((x.vat for x in self.lines), self.lines[0].net.currency)

    @property
    def total_gross(self) -> Money:
        return self.total_net + self.total_vat


@dataclass(frozen=True)
class InvoiceDiscount:
    """A discount the ERP deducts from the client's next invoice (its number is the voucher's)."""

    number: str
    account: str
    amount: Money
    valid_from: date
    ledger_entry: UUID


@dataclass(frozen=True)
class BudgetTransfer:
    """Cashback moved into the partner's MDF / service budget of a quarter (see domain/mdf.py)."""

    number: str
    account: str
    amount: Money
    quarter: Quarter
    ledger_entry: UUID


@dataclass(frozen=True)
class Payout:
    entry: LedgerEntry
    document: RebateNote | InvoiceDiscount | BudgetTransfer


@dataclass(frozen=True)
class PayoutRequest:
    """What to pay out: whose cashback, how much, for which benefit and period, under which number."""

    account: str
    benefit: BenefitType
    amount: Money
    number: str
    on: date
    period: str
    seller: Party | None = None
    buyer: Party | None = None
    # the line's text as the note prints it, in its language and with the period in its words; "" for the
    # English line with the period key ("Loyalty programme cashback 2026Q1")
    description: str = ""


def payout_key(account: str, number: str) -> str:
    return f"payout:{account}:{number}"


def pay_out(
    ledger: Sequence[LedgerEntry], request: PayoutRequest, terms: SettlementTerms, new_id: IdFactory = uuid4
) -> Payout | None:
    """The entry and document of a payout; None if a payout with that number is already booked."""
    method = terms.method_for(request.benefit)
    _check(request, method)
    amount = request.amount
    result = redeem(
        ledger, request.account, LedgerUnit.CASHBACK, amount.amount, request.on, request.number,
        payout_key(request.account, request.number), new_id,
    )
    if not result.entries:
        return None
    entry = result.entries[0]
    if entry.currency not in (None, amount.currency):
        raise CurrencyMismatch(Message.of("pay out"), amount.currency, entry.currency or "")
    entry = replace(entry, source_kind=SOURCE_KIND[method], currency=amount.currency,
                    note=PAYOUT_NOTE.fill(method=method, period=request.period))
    return Payout(entry, _document(request, method, entry, terms))


def _check(request: PayoutRequest, method: PayoutMethod) -> None:
    if not request.amount.is_positive or request.amount.rounded() != request.amount:
        raise SettlementError("a payout is a positive amount in whole cents, not {currency} {value}",
                              currency=request.amount.currency, value=request.amount.amount)
    if not request.number.strip():
        raise SettlementError("a payout needs its document number (rebate note, voucher or transfer)")
    if method is PayoutMethod.REBATE_NOTE and (request.seller is None or request.buyer is None):
        raise SettlementError("{number}: a rebate note needs our and the client's name and tax ID", number=request.number)


def _document(
    request: PayoutRequest, method: PayoutMethod, entry: LedgerEntry, terms: SettlementTerms
) -> RebateNote | InvoiceDiscount | BudgetTransfer:
    if method is PayoutMethod.INVOICE_DISCOUNT:
        return InvoiceDiscount(request.number, request.account, request.amount, request.on, entry.id)
    if method is PayoutMethod.MDF_BUDGET:
        return BudgetTransfer(request.number, request.account, request.amount, Quarter.of(request.on), entry.id)
    assert request.seller is not None and request.buyer is not None  # checked in _check
    text = request.description or f"Loyalty programme cashback {request.period}"
    lines = (line(text, request.amount, terms.vat_percent),)
    return RebateNote(
        request.number, request.on, request.seller, request.buyer, request.account, request.period, lines,
        entry.id, entry.allocations,
    )
