"""The demo's documents: every status, several languages, and the signed annex activates only its benefit."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from sqlalchemy import select

from kam_desktop.services.documents import register as docs
from kam_desktop.store.models import Account, BenefitGrant, Document

from .world import TODAY, build


def test_seed_makes_documents_in_every_status(sqlite_store: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KAM_TODAY", TODAY)
    build(sqlite_store)
    with sqlite_store.unit_of_work("admin") as uow:
        made = docs.seed_demo_documents(uow, date(2026, 2, 10))
        uow.commit()
    assert len(made) == 9
    with sqlite_store.read() as s:
        rows = list(s.scalars(select(Document)))
        assert {d.status for d in rows} == {"draft", "issued", "signed", "void"}
        assert {d.kind for d in rows} == {"agreement", "annex", "statement"}
        assert len({d.language for d in rows}) >= 2  # the small world has English-only quiet accounts
        signed_annex = next(d for d in rows if d.kind == "annex" and d.status == "signed")
        activated = list(s.scalars(select(BenefitGrant).where(BenefitGrant.annex_id == signed_annex.id)))
        assert [(g.status, g.valid_from <= date(2026, 2, 10) <= g.valid_to) for g in activated] == [("active", True)]
        owner = s.get(Account, signed_annex.account_id)
        assert owner is not None and owner.code.startswith("S")  # an account without open benefits of its own
        versions = [(d.number, d.doc_version) for d in rows]
    for number, version in versions:
        assert docs.verify(sqlite_store, number, version).ok
