"""The demo's users (director, finance, KAMs) and each account's contacts."""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from kam_desktop.demo import names
from kam_desktop.demo.series import uuid4_int
from kam_desktop.domain.vocabulary import ContactRole, Language, Role

EMAIL_DOMAIN = "nordwind.pl"

# login, name, role, language; KAM languages steer which accounts they own
STAFF = (
    ("k.wisniewska", "Katarzyna Wiśniewska", Role.DIRECTOR, Language.PL),
    ("t.zielinski", "Tomasz Zieliński", Role.FINANCE, Language.PL),
    ("a.nowak", "Anna Nowak", Role.KAM, Language.PL),
    ("p.kowalczyk", "Piotr Kowalczyk", Role.KAM, Language.PL),
    ("e.smirnova", "Елена Смирнова", Role.KAM, Language.RU),
    ("j.whitfield", "James Whitfield", Role.KAM, Language.EN),
)

POSITIONS = {
    Language.PL: {
        ContactRole.FINANCE: "Dyrektor finansowy", ContactRole.PURCHASING: "Kierownik działu zakupów",
        ContactRole.OPERATIONS: "Kierownik operacyjny", ContactRole.TECHNICAL: "Główny inżynier",
        ContactRole.MANAGEMENT: "Prezes zarządu", ContactRole.OTHER: "Asystentka zarządu",
    },
    Language.RU: {
        ContactRole.FINANCE: "Финансовый директор", ContactRole.PURCHASING: "Руководитель отдела закупок",
        ContactRole.OPERATIONS: "Операционный директор", ContactRole.TECHNICAL: "Главный инженер",
        ContactRole.MANAGEMENT: "Генеральный директор", ContactRole.OTHER: "Офис-менеджер",
    },
    Language.EN: {
        ContactRole.FINANCE: "Chief Financial Officer", ContactRole.PURCHASING: "Purchasing Manager",
        ContactRole.OPERATIONS: "Operations Manager", ContactRole.TECHNICAL: "Technical Director",
        ContactRole.MANAGEMENT: "Managing Director", ContactRole.OTHER: "Office Manager",
    },
}
_MAIN_ROLES = (ContactRole.FINANCE, ContactRole.PURCHASING, ContactRole.OPERATIONS, ContactRole.TECHNICAL,
               ContactRole.MANAGEMENT)


def new_uuid(rng: random.Random) -> uuid.UUID:
    return uuid.UUID(int=uuid4_int(rng))


def stamp(rng: random.Random, day: date) -> datetime:
    """A working-hours moment on `day`, in UTC: timestamps come from the business dates, never the clock."""
    from datetime import UTC

    return datetime.combine(day, time(7, 0), UTC) + timedelta(minutes=rng.randrange(600), seconds=rng.randrange(60))


def synced(rng: random.Random, day: date, actor: str) -> dict[str, Any]:
    """The bookkeeping columns of a synced row created on `day`."""
    moment = stamp(rng, day)
    return {"id": new_uuid(rng), "version": 1, "created_at": moment, "updated_at": moment,
            "updated_by": actor, "deleted_at": None}


@dataclass(frozen=True)
class Staff:
    rows: list[dict[str, Any]]
    by_login: dict[str, dict[str, Any]]

    def kams(self) -> list[dict[str, Any]]:
        return [r for r in self.rows if r["role"] == Role.KAM]

    def by_id(self, user_id: uuid.UUID) -> dict[str, Any]:
        return next(r for r in self.rows if r["id"] == user_id)

    def one(self, role: Role) -> dict[str, Any]:
        return next(r for r in self.rows if r["role"] == role)


def staff(rng: random.Random, since: date) -> Staff:
    rows = []
    for login, name, role, language in STAFF:
        rows.append({**synced(rng, since, "admin"), "login": login, "name": name, "role": str(role),
                     "email": f"{login}@{EMAIL_DOMAIN}", "language": str(language), "active": True})
    return Staff(rows, {r["login"]: r for r in rows})


def contacts(rng: random.Random, account: dict[str, Any], country: str, domain: str, as_of: date,
             actor: str) -> list[dict[str, Any]]:
    """Two to five people of the client, each in a different role, with consent and NPS answers."""
    language = Language(account["language"])
    roles = rng.sample(_MAIN_ROLES, rng.randint(2, 4))
    if rng.random() < 0.1:
        roles.append(ContactRole.OTHER)
    created = account["enrolled_on"] or as_of - timedelta(days=700)
    rows: list[dict[str, Any]] = []
    used: set[str] = set()
    named: set[str] = set()
    for role in roles:
        who = _another_person(rng, country, named, account["id"])
        named.add(who.name)
        local = who.email_local if who.email_local not in used else f"{who.email_local}{len(used)}"
        used.add(local)
        consent = rng.random() < 0.7
        answered = rng.random() < 0.55
        nps = min(10, max(0, round(rng.gauss(7.6, 2.0)))) if answered else None
        rows.append({
            **synced(rng, created, actor), "account_id": account["id"], "name": who.name, "role": str(role),
            "position": POSITIONS[language][role], "email": f"{local}@{domain}",
            "phone": names.phone(rng, country), "language": str(language), "marketing_consent": consent,
            "consent_on": created + timedelta(days=rng.randrange(0, 60)) if consent else None,
            "nps": nps, "nps_on": as_of - timedelta(days=rng.randrange(10, 330)) if answered else None,
        })
    return rows


def _another_person(rng: random.Random, country: str, named: set[str], account: object) -> names.Person:
    """A person whose name nobody else at the account has: contacts are imported by account and name, so an
    exported demo must import back. A name drawn twice is drawn again from a generator of its own, which keeps the
    demo's main sequence (and every figure after it) as it was."""
    who = names.person(rng, country)
    redraw = random.Random(f"{account}:{len(named)}")
    while who.name in named:
        who = names.person(redraw, country)
    return who
