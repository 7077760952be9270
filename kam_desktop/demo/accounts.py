"""Accounts: customers and partners across Poland, Russia, the UK and Germany, with their buying profile."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from kam_desktop.demo import names, taxids
from kam_desktop.demo.people import Staff, synced
from kam_desktop.demo.series import SalesProfile, history_start, sales_profile
from kam_desktop.domain.vocabulary import AccountKind, AccountStatus, Language

# country, share, language, currencies with weights
COUNTRIES = (
    ("PL", 0.60, Language.PL, (("PLN", 0.9), ("EUR", 0.1))),
    ("RU", 0.20, Language.RU, (("RUB", 1.0),)),
    ("GB", 0.12, Language.EN, (("GBP", 1.0),)),
    ("DE", 0.08, Language.EN, (("EUR", 1.0),)),
)
CUSTOMER_INDUSTRIES = ("Construction", "Manufacturing", "Retail chain", "Logistics", "Energy", "Agriculture",
                       "Healthcare", "Automotive", "Food processing", "Facility management")
PARTNER_INDUSTRIES = ("Wholesale distribution", "System integration", "Dealer network", "Installation contractor")
PARTNER_SHARE = 0.25
CONTROL_SHARE = 0.10
PROGRAM_LAUNCH = date(2020, 1, 1)


@dataclass(frozen=True)
class DemoAccount:
    row: dict[str, Any]
    country: str
    domain: str
    profile: SalesProfile


def _pick(rng: random.Random, weighted: tuple[tuple[str, float], ...]) -> str:
    draw, acc = rng.random(), 0.0
    for value, weight in weighted:
        acc += weight
        if draw < acc:
            return value
    return weighted[-1][0]


def _owner(rng: random.Random, staff: Staff, language: Language) -> dict[str, Any]:
    kams = staff.kams()
    speaking = [k for k in kams if k["language"] == language] or kams
    return speaking[rng.randrange(len(speaking))]


def make_accounts(rng: random.Random, count: int, as_of: date, months: int, staff: Staff) -> list[DemoAccount]:
    """`count` accounts; about a quarter partners and a tenth in the control group (not enrolled)."""
    start = history_start(as_of)
    taken_tax: set[str] = set()
    taken_names: set[str] = set()
    out = []
    for i in range(count):
        draw, acc = rng.random(), 0.0
        for country, share, language, currencies in COUNTRIES:  # noqa: B007 - the loop picks one
            acc += share
            if draw < acc:
                break
        partner = rng.random() < PARTNER_SHARE
        currency = _pick(rng, currencies)
        name, stem = names.company_name(rng, country)
        street, city, region, inn_region = names.address(rng, country)
        if name in taken_names:
            name = f"{name} ({city})"
        taken_names.add(name)
        tax_id = _unique_tax_id(rng, country, inn_region, taken_tax)
        profile = sales_profile(rng, currency, months, partner)
        control = rng.random() < CONTROL_SHARE
        earliest = max(PROGRAM_LAUNCH, start - timedelta(days=730))
        enrolled = None if control else earliest + timedelta(days=rng.randrange((as_of - earliest).days - 60))
        quiet_long = profile.last_month is not None and profile.last_month < months - 18
        owner = _owner(rng, staff, language)
        row = {
            **synced(rng, enrolled or start, owner["login"]),
            "code": f"{'P' if partner else 'C'}{10000 + i}", "name": name, "tax_id": tax_id,
            "kind": str(AccountKind.PARTNER if partner else AccountKind.CUSTOMER), "owner_id": owner["id"],
            "region": region,
            "industry": rng.choice(PARTNER_INDUSTRIES if partner else CUSTOMER_INDUSTRIES),
            "currency": currency, "language": str(language),
            "status": str(AccountStatus.INACTIVE if quiet_long and rng.random() < 0.5 else AccountStatus.ACTIVE),
            "enrolled_on": enrolled, "address": street, "city": city, "country": country,
            "control_group": control,
        }
        domain = f"{stem}.{names.EMAIL_TLD[country]}"
        out.append(DemoAccount(row, country, domain, profile))
    return out


def _unique_tax_id(rng: random.Random, country: str, inn_region: int, taken: set[str]) -> str:
    while True:
        if country == "PL":
            tax_id = taxids.make_nip(rng)
        elif country == "RU":
            tax_id = taxids.make_inn10(rng, inn_region)
        elif country == "GB":
            tax_id = taxids.make_gb_vat(rng)
        else:
            tax_id = taxids.make_de_vat(rng)
        if tax_id not in taken:
            taken.add(tax_id)
            return tax_id
