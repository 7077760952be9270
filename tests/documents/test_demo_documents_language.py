"""The demo company's documents, as a KAM issues them in Polish and Russian, read as their reader's own.

The whole demo (200 accounts in PL, RU, GB and DE, grants of every kind, exceptions) is built with the real
services; agreements, annexes and statements of clients of every country are issued in Polish and Russian and
read back from the PDF: no unit codes, ISO dates, quarter keys or English job titles anywhere.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from sqlalchemy import select

from kam_desktop.services.clock import FixedClock
from kam_desktop.services.demo.setup import load_demo
from kam_desktop.services.documents.content import ANNEXABLE
from kam_desktop.services.errors import Refused
from kam_desktop.store.models import Account, BenefitGrant
from tests.acting import desk

from .pdfcheck import flat_text
from .test_document_language import ENGLISH_TITLES, ISO_DATE, QUARTER_KEY, UNIT_CODES

AS_OF = date(2026, 3, 31)


def _clients(store: Any) -> list[str]:
    """Every account with benefits to put on an annex, and an account of each country."""
    with store.read() as session:
        with_grants = set(session.scalars(select(Account.code).join(BenefitGrant, BenefitGrant.account_id == Account.id)
                                          .where(BenefitGrant.status.in_(ANNEXABLE), Account.status == "active")))
        by_country = {country: code for country, code in session.execute(
            select(Account.country, Account.code).where(Account.status == "active").order_by(Account.code.desc()))}
    return sorted(with_grants | set(by_country.values()))


def test_the_demos_polish_and_russian_documents_hold_no_internal_words(sqlite_store: Any) -> None:
    load_demo(sqlite_store, seed=3, clock=FixedClock(AS_OF))
    clients = _clients(sqlite_store)
    assert len(clients) >= 8
    director = desk(sqlite_store, "k.wisniewska", AS_OF)
    problems = []
    for index, code in enumerate(clients):
        lang = ("pl", "ru")[index % 2]
        kinds = ["agreement", "statement"] + (["annex"] if index < 12 else [])
        for kind in kinds:
            pdf = _issued(director, code, kind, lang)
            if pdf is None:
                continue
            text = flat_text(pdf)
            found = (ISO_DATE.findall(text) + QUARTER_KEY.findall(text) + ENGLISH_TITLES.findall(text)
                     + [c for c in UNIT_CODES if c in text] + re.findall(r"\bSettled under\b", text))
            if found:
                problems.append((code, kind, lang, found))
    assert problems == []


def _issued(director: Any, code: str, kind: str, lang: str) -> bytes | None:
    """The document in `lang`; a demo annex already open is reissued in it; None: nothing to annex."""
    try:
        return bytes(director.issue_document(code, kind, lang=lang).pdf)
    except Refused as refused:
        assert kind == "annex", refused
        if "no proposed or pending benefits" in str(refused):
            return None
        open_annex = re.search(r"ANX-\d{4}-\d{5}", str(refused))
        assert open_annex is not None and "still open" in str(refused), refused
        return bytes(director.reissue_document(open_annex[0], lang).pdf)
