"""Realistic sample content for previews, docs renders, benchmarks and tests (no store needed)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

from kam_desktop.documents.content import (
    AgreementContent,
    AnnexContent,
    BenefitLine,
    BenefitUsage,
    CompanyIdentity,
    DocumentHeader,
    ExceptionRef,
    ExpiryLine,
    GradeProgress,
    GradeRule,
    Lang,
    LedgerEntryLine,
    LedgerSection,
    OpenOffer,
    Party,
    ProgramRules,
    StatementContent,
    WalletShare,
)
from kam_desktop.documents.texts import quarter_short
from kam_desktop.domain.money import D
from kam_desktop.domain.periods import Quarter

_CLIENTS: dict[Lang, Party] = {
    "pl": Party("Hurtownia Elektryczna „Żółć-Gęś” Łukasz Jaźwiński sp. z o.o.", "525-000-12-34",
                ("ul. Świętokrzyska 18/4", "00-052 Warszawa", "Polska"), "Łucja Źrebięcka-Ćwik",
                "Prezes Zarządu", "ACC-0042", "PL"),
    "ru": Party("ООО «Сибирская электротехника»", "5406123456",
                ("ул. Фрунзе, д. 5, офис 312", "630091 Новосибирск", "Россия"), "Щёкина Юлия Эдуардовна",
                "Генеральный директор", "ACC-0107", "RU"),
    "en": Party("Northbridge Integration Ltd", "GB 123 4567 89",
                ("14 Canal Street", "Manchester M1 3HE", "United Kingdom"), "Olivia Grant",
                "Procurement Director", "ACC-0230", "GB"),
}
_PLACES: dict[Lang, str] = {"pl": "Warszawa", "ru": "Новосибирск", "en": "Manchester"}
_CURRENCY: dict[Lang, str] = {"pl": "PLN", "ru": "RUB", "en": "GBP"}


def sample_company() -> CompanyIdentity:
    party = Party("Elektrosystem Polska S.A.", "PL 527-000-11-22", ("al. Jerozolimskie 92", "00-807 Warszawa"),
                  "Marek Wiśniewski", "Dyrektor Sprzedaży")
    return CompanyIdentity(party, email="program@elektrosystem.example", phone="+48 22 555 01 00",
                           website="elektrosystem.example")


def sample_rules(currency: str = "PLN") -> ProgramRules:
    grades = (
        GradeRule("L1", "Platinum", D("10"), D("3.0")),
        GradeRule("L2", "Gold", D("20"), D("2.0")),
        GradeRule("L3", "Silver", D("30"), D("1.0")),
        GradeRule("L4", "Member", D("40"), D("0.5")),
    )
    return ProgramRules(grades, "gross_margin", 12, 2, "quarterly_rebate", D("1"), 24, D("15"), D("500"),
                        currency)


def sample_agreement(lang: Lang = "pl") -> AgreementContent:
    header = DocumentHeader("AGR-2026-00017", date(2026, 1, 15), lang)
    return AgreementContent(header, sample_company(), _CLIENTS[lang], sample_rules(_CURRENCY[lang]),
                            date(2026, 2, 1), None, 90, _PLACES[lang])


_BENEFITS: dict[Lang, tuple[tuple[str, str, str], ...]] = {
    "pl": (("Cashback kwartalny 2,5%", "2,5% od zakupów netto w kategoriach kabli i osprzętu",
            "Zakupy min. 150 000 zł netto w kwartale"),
           ("Rozszerzone SLA serwisu", "Czas reakcji 4 h w dni robocze, linia priorytetowa",
            "Dotyczy instalacji z listy w załączniku"),
           ("Fundusz marketingowy (MDF)", "Współfinansowanie 50% kampanii lokalnych",
            "Rozliczenie na podstawie faktur i raportu z kampanii")),
    "ru": (("Квартальный кэшбэк 2,5%", "2,5% от чистых закупок в категориях кабеля и арматуры",
            "Закупки от 2 500 000 ₽ без НДС в квартал"),
           ("Расширенный SLA сервиса", "Время реакции 4 ч в рабочие дни, приоритетная линия",
            "Для объектов из перечня в приложении"),
           ("Маркетинговый фонд (MDF)", "Софинансирование 50% региональных кампаний",
            "По счетам и отчёту о кампании")),
    "en": (("Quarterly cashback 2.5%", "2.5% of net purchases in cables and fittings",
            "Minimum net purchases of GBP 30,000 per quarter"),
           ("Extended service SLA", "4-hour response on working days, priority line",
            "For the sites listed in the schedule"),
           ("Marketing development funds (MDF)", "50% co-funding of local campaigns",
            "Settled against invoices and a campaign report")),
}


def sample_annex(lang: Lang = "pl", draft: bool = False) -> AnnexContent:
    header = DocumentHeader("ANX-2026-00042", date(2026, 3, 2), lang)
    (t1, terms1, c1), (t2, terms2, c2), (t3, terms3, c3) = _BENEFITS[lang]
    validity = (date(2026, 4, 1), date(2026, 12, 31))
    benefits = (
        BenefitLine("cashback", t1, terms1, c1, *validity, D("18000.00"), "approved", ("EXC-2026-00017",)),
        BenefitLine("extended_sla", t2, terms2, c2, *validity, D("6500.00"), "within_policy"),
        BenefitLine("mdf", t3, terms3, c3, *validity, D("12000.00"), "pending" if draft else "approved",
                    ("EXC-2026-00021",)),
    )
    exceptions = (
        ExceptionRef("EXC-2026-00017", _exception_summary(lang, 0), "Anna Kowalczyk", date(2026, 2, 20),
                     date(2026, 12, 31), "approved"),
        ExceptionRef("EXC-2026-00021", _exception_summary(lang, 1), "" if draft else "Piotr Żak",
                     None if draft else date(2026, 2, 27), date(2026, 12, 31),
                     "pending" if draft else "approved"),
    )
    return AnnexContent(header, sample_company(), _CLIENTS[lang], "AGR-2026-00017", date(2026, 1, 15), "L2",
                        "Gold", benefits, exceptions, D("30000.00"), D("4000.00"), _CURRENCY[lang],
                        _PLACES[lang])


def _exception_summary(lang: Lang, index: int) -> str:
    summaries = {
        "pl": ("Cashback 2,5% zamiast 2,0% dla poziomu L2", "MDF ponad limit 8 000 zł na kwartał"),
        "ru": ("Кэшбэк 2,5% вместо 2,0% для уровня L2", "MDF сверх лимита на квартал"),
        "en": ("Cashback 2.5% instead of 2.0% for grade L2", "MDF above the quarterly cap"),
    }
    return summaries[lang][index]


_WALLET: dict[Lang, tuple[str, ...]] = {
    "pl": ("Kable i przewody", "Osprzęt instalacyjny", "Oświetlenie", "Automatyka"),
    "ru": ("Кабель и провод", "Электроустановочные изделия", "Освещение", "Автоматика"),
    "en": ("Cables and wires", "Wiring accessories", "Lighting", "Automation"),
}
_ENTRY_TEXT: dict[Lang, tuple[str, str, str]] = {
    "pl": ("Punkty za zakupy", "Wymiana punktów na szkolenie", "Wygaśnięcie punktów z 2024 r."),
    "ru": ("Баллы за закупки", "Обмен баллов на обучение", "Сгорание баллов 2024 г."),
    "en": ("Points for purchases", "Points exchanged for training", "Expiry of 2024 points"),
}


def sample_statement(lang: Lang = "pl", index: int = 0, entries: int = 6) -> StatementContent:
    """A consistent statement; `index` varies the numbers so that a batch is not one PDF repeated."""
    quarter = Quarter(2026, 1)
    currency = _CURRENCY[lang]
    bump = Decimal(index % 97)
    header = DocumentHeader(f"STM-2026-{index + 1:05d}", date(2026, 4, 3), lang)
    accrual, redemption, expiry = _ENTRY_TEXT[lang]
    lines: list[LedgerEntryLine] = []
    for n in range(entries):
        day = date(2026, 1 + n % 3, 5 + (n * 7) % 22)
        lines.append(LedgerEntryLine(day, "accrual", accrual,
                                     f"FV/2026/{index:04d}/{n + 1:03d}", D(1200 + 35 * n) + bump))
    lines.append(LedgerEntryLine(date(2026, 2, 18), "redemption", redemption, "RDM-2026-0311", D("-2500")))
    lines.append(LedgerEntryLine(date(2026, 3, 31), "expiry", expiry, quarter_short(lang, Quarter(2024, 1)), D("-640")))
    lines.sort(key=lambda e: e.booked_on)
    opening = D("14250") + bump
    points = LedgerSection("points", opening, tuple(lines), opening + sum(e.amount for e in lines),
                           (ExpiryLine(date(2026, 6, 30), D("820")), ExpiryLine(date(2026, 12, 31), D("3100"))))
    cash = (LedgerEntryLine(date(2026, 3, 31), "accrual", _cashback_text(lang), quarter_short(lang, quarter), D("4318.75") + bump),
            LedgerEntryLine(date(2026, 2, 10), "redemption", _paid_text(lang), "KOR/2026/0102", D("-3906.10")))
    cashback = LedgerSection("cashback", D("3906.10"), cash, D("4318.75") + bump, currency=currency)
    history = tuple((Quarter(2025, 2).plus(i), D(380000 + 22000 * i) + bump * 100) for i in range(4))
    progress = GradeProgress("L2", "Gold", "gross_margin", history[-1][1], currency, 12, "L1", "Platinum",
                             D("520000"), history)
    wallet = tuple(WalletShare(name, D(90000 + 40000 * i) + bump, D(160000 + 95000 * i), currency)
                   for i, name in enumerate(_WALLET[lang]))
    client = replace(_CLIENTS[lang], code=f"ACC-{index + 1:04d}")
    return StatementContent(header, sample_company(), client, quarter, "Katarzyna Nowak", progress,
                            (points, cashback), _usage(lang, currency), _offers(lang), wallet)


def _cashback_text(lang: Lang) -> str:
    return {"pl": "Cashback za I kwartał 2026", "ru": "Кэшбэк за I квартал 2026", "en": "Cashback for Q1 2026"}[lang]


def _paid_text(lang: Lang) -> str:
    return {"pl": "Wypłata cashbacku za IV kw. 2025 (faktura korygująca)",
            "ru": "Выплата кэшбэка за IV кв. 2025 (корректировочный счёт)",
            "en": "Cashback for Q4 2025 paid (credit note)"}[lang]


def _usage(lang: Lang, currency: str) -> tuple[BenefitUsage, ...]:
    titles = {"pl": ("Fundusz marketingowy (MDF)", "Szkolenia techniczne"),
              "ru": ("Маркетинговый фонд (MDF)", "Техническое обучение"),
              "en": ("Marketing development funds (MDF)", "Technical training")}[lang]
    unit = {"pl": "h", "ru": "ч", "en": "h"}[lang]
    return (BenefitUsage(titles[0], D("12000"), D("7450"), currency),
            BenefitUsage(titles[1], D("40"), D("16"), unit=unit))


def _offers(lang: Lang) -> tuple[OpenOffer, ...]:
    text = {
        "pl": (("Automatyka: +1 pp cashbacku", "Dodatkowy 1 punkt procentowy cashbacku na automatykę "
                "przy zakupach powyżej 40 000 zł w II kwartale.")),
        "ru": (("Автоматика: +1 п. п. кэшбэка", "Дополнительный 1 процентный пункт кэшбэка на автоматику "
                "при закупках свыше 600 000 ₽ во II квартале.")),
        "en": (("Automation: +1 pp cashback", "An extra percentage point of cashback on automation for "
                "purchases above GBP 8,000 in Q2.")),
    }[lang]
    return (OpenOffer(text[0], text[1], date(2026, 6, 30)),)
