"""The rebate note / correcting invoice that pays a client's cashback out: parties with both tax IDs, lines, totals.

A rebate note when the program settles outside VAT; a correcting invoice (VAT per line, half up) when it
sets a VAT rate. Deterministic like every document: the same content and date give the same bytes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from reportlab.platypus import Flowable, Spacer

from kam_desktop.documents.content import CompanyIdentity, DocumentHeader, Lang, Party
from kam_desktop.documents.formats import formats_for
from kam_desktop.documents.layout import (
    data_table,
    key_values,
    para,
    party_block,
    signature_blocks,
    styles,
    two_columns,
)
from kam_desktop.documents.pdf import PageDecor, build_pdf, creation_moment

#        key: (English, Polish, Russian)
LABELS: dict[str, tuple[str, str, str]] = {
    "rebate_note": ("Rebate note", "Nota uznaniowa", "Кредит-нота"),
    "correcting_invoice": ("Correcting invoice", "Faktura korygująca", "Корректировочный счёт-фактура"),
    "subtitle": ("No. {number} of {date} · loyalty programme cashback for {period}",
                 "nr {number} z dnia {date} · cashback z programu lojalnościowego za {period}",
                 "№ {number} от {date} · кэшбэк по программе лояльности за {period}"),
    "issuer": ("Issuer (the Organiser)", "Wystawca (Organizator)", "Составитель (Организатор)"),
    "recipient": ("Recipient (the Participant)", "Odbiorca (Uczestnik)", "Получатель (Участник)"),
    "description": ("Loyalty programme cashback {period}", "Cashback z programu lojalnościowego {period}",
                    "Кэшбэк по программе лояльности {period}"),
    "col_no": ("#", "Lp.", "№"),
    "col_description": ("Description", "Opis", "Описание"),
    "col_net": ("Net", "Netto", "Без НДС"),
    "col_vat_rate": ("VAT rate", "Stawka VAT", "Ставка НДС"),
    "col_vat": ("VAT", "VAT", "НДС"),
    "col_gross": ("Gross", "Brutto", "С НДС"),
    "outside_vat": ("outside VAT", "poza VAT", "без НДС"),
    "total_net": ("Total net", "Razem netto", "Итого без НДС"),
    "total_vat": ("Total VAT", "Razem VAT", "Итого НДС"),
    "total_due": ("Total credited to the Participant", "Razem na rzecz Uczestnika", "Итого к зачёту Участнику"),
    "settlement": (
        "The amount is credited to the Participant under the loyalty programme agreement: it is set off against "
        "the Participant's receivables or paid by bank transfer. It settles cashback accrued in the programme's "
        "ledger.",
        "Kwota przysługuje Uczestnikowi na podstawie umowy programu lojalnościowego: zostanie potrącona z "
        "należności Uczestnika lub wypłacona przelewem. Rozlicza cashback naliczony w rejestrze programu.",
        "Сумма причитается Участнику по договору программы лояльности: она засчитывается в счёт задолженности "
        "Участника или перечисляется банковским переводом. Погашает кэшбэк, начисленный в реестре программы.",
    ),
    "correcting_reason": (
        "Reason for the correction: a retrospective rebate (cashback) granted for purchases in {period}.",
        "Przyczyna korekty: rabat udzielony po dokonaniu sprzedaży (cashback) za zakupy w okresie {period}.",
        "Основание корректировки: ретроспективная скидка (кэшбэк) на покупки за период {period}.",
    ),
}
_ORDER = {"en": 0, "pl": 1, "ru": 2}


def label(lang: Lang, key: str, **params: object) -> str:
    """A label of this document in `lang`, filled."""
    return LABELS[key][_ORDER[lang]].format(**params)


@dataclass(frozen=True)
class NoteLine:
    description: str
    net: Decimal
    vat_percent: Decimal | None
    vat: Decimal
    gross: Decimal


@dataclass(frozen=True)
class RebateNoteContent:
    """What a rebate note prints: both parties with their tax IDs, the lines and totals in one currency."""

    header: DocumentHeader
    company: CompanyIdentity
    client: Party
    period: str
    currency: str
    lines: tuple[NoteLine, ...]
    # the ledger entry the payout booked: kept with the document's facts, not printed (a client reads no store id)
    entry: str

    @property
    def is_correcting_invoice(self) -> bool:
        return any(x.vat_percent is not None for x in self.lines)

    @property
    def title(self) -> str:
        return label(self.header.lang, "correcting_invoice" if self.is_correcting_invoice else "rebate_note")


def render_rebate_note(content: RebateNoteContent, *, created_at: datetime | None = None) -> bytes:
    """The rebate note as PDF bytes (deterministic for the same content and `created_at`)."""
    header = content.header
    decor = PageDecor(content.company, content.title, header.number, header.lang)
    return build_pdf(_story(content), decor, creation_moment(header.issued_on, created_at), subject=content.client.name)


def _story(content: RebateNoteContent) -> list[Flowable]:
    st = styles()
    lang = content.header.lang
    fmt = formats_for(lang)

    def money(amount: Decimal) -> str:  # one currency per document
        return fmt.money(amount, content.currency)

    story: list[Flowable] = [
        para(content.title, st.title),
        para(label(lang, "subtitle", number=content.header.number, date=fmt.long_date(content.header.issued_on),
                   period=content.period), st.subtitle),
        two_columns(party_block(lang, content.company.party, label(lang, "issuer")),
                    party_block(lang, content.client, label(lang, "recipient"))),
        Spacer(1, 6),
    ]
    rows = [[str(i), x.description, money(x.net),
             fmt.percent(x.vat_percent) if x.vat_percent is not None else label(lang, "outside_vat"),
             money(x.vat), money(x.gross)] for i, x in enumerate(content.lines, start=1)]
    head = [label(lang, k) for k in ("col_no", "col_description", "col_net", "col_vat_rate", "col_vat", "col_gross")]
    story.append(data_table(head, rows, widths=(0.06, 0.38, 0.15, 0.12, 0.13, 0.16), right=(2, 3, 4, 5)))
    net = sum((x.net for x in content.lines), Decimal(0))
    vat = sum((x.vat for x in content.lines), Decimal(0))
    story += [Spacer(1, 6), key_values([(label(lang, "total_net"), money(net)), (label(lang, "total_vat"), money(vat)),
                                        (label(lang, "total_due"), money(net + vat))], bold_last=True)]
    if content.is_correcting_invoice:
        story.append(para(label(lang, "correcting_reason", period=content.period), st.clause))
    story.append(para(label(lang, "settlement"), st.clause))
    story.append(signature_blocks(lang, content.company.party, content.client))
    return story

