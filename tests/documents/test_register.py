"""The document register from the store: issue, freeze, verify, supersede, sign (SQLite and PostgreSQL)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, text, update

from kam_desktop.domain.vocabulary import LedgerUnit
from kam_desktop.services.documents import register as docs
from kam_desktop.services.errors import Refused, ServiceError
from kam_desktop.store.models import AuditEntry, BenefitGrant, DocumentFile, LedgerEntry
from kam_desktop.store.sql import money_sum

from .builders import CLIENT_PL, CLIENT_RU, SIGNATORY_RU
from .pdfcheck import flat, flat_text, fonts
from .world import CLIENT_EN, KAM_NAME, QUARTER, SIGNATORY_PL, TODAY, World, approve, build

SIGNED_ON = date(2026, 2, 10)


@pytest.fixture
def world(any_store: Any, monkeypatch: pytest.MonkeyPatch) -> World:
    monkeypatch.setenv("KAM_TODAY", TODAY)
    return build(any_store)


@pytest.fixture
def sqlite_world(sqlite_store: Any, monkeypatch: pytest.MonkeyPatch) -> World:
    monkeypatch.setenv("KAM_TODAY", TODAY)
    return build(sqlite_store)


@dataclass(frozen=True)
class GrantState:
    status: str
    annex_id: Any


def _grants(store: Any, code: str = "PL1") -> dict[str, GrantState]:
    from kam_desktop.store.models import Account

    with store.read() as s:
        account_id = s.scalar(select(Account.id).where(Account.code == code))
        return {g.catalog_item.code: GrantState(g.status, g.annex_id)
                for g in s.scalars(select(BenefitGrant).where(BenefitGrant.account_id == account_id))}


def _audit(store: Any, action: str) -> list[dict[str, Any]]:
    """The details of every audit entry of `action`, oldest first."""
    with store.read() as s:
        return [a.details or {} for a in s.scalars(select(AuditEntry).where(AuditEntry.action == action)
                                                   .order_by(AuditEntry.created_at))]


@pytest.mark.parametrize(("code", "name", "signatory"), [("PL1", CLIENT_PL, SIGNATORY_PL),
                                                         ("RU1", CLIENT_RU, SIGNATORY_RU),
                                                         ("EN1", CLIENT_EN, "Olivia Grant")])
def test_agreement_prints_names_exactly_in_the_accounts_language(sqlite_world: World, code: str, name: str,
                                                                 signatory: str) -> None:
    issued = docs.issue_agreement(sqlite_world.store, code, actor="kasia")
    body = flat_text(issued.pdf)
    assert flat(name) in body and signatory in body
    assert "Nordwind Supply Sp. z o.o." in body and "Katarzyna Wiśniewska" in body  # the company settings
    assert issued.document.language == {"PL1": "pl", "RU1": "ru", "EN1": "en"}[code]
    assert issued.document.number == "AGR-2026-00001" and issued.document.status == "issued"
    assert all(f.embedded for f in fonts(issued.pdf)) and fonts(issued.pdf)


def test_language_can_be_chosen_and_a_bad_one_is_refused(sqlite_world: World) -> None:
    english = docs.issue_agreement(sqlite_world.store, "PL1", "en", actor="kasia")
    assert "PARTICIPATION AGREEMENT" in flat_text(english.pdf).upper() and english.document.language == "en"
    with pytest.raises(ServiceError, match="use pl, ru or en"):
        docs.issue_agreement(sqlite_world.store, "PL1", "de", actor="kasia")


def test_issuing_freezes_and_verify_detects_tampering(world: World) -> None:
    store = world.store
    issued = docs.issue_agreement(store, "PL1", actor="kasia")
    assert issued.document.sha256 == docs.sha256(issued.pdf)
    assert docs.document_pdf(store, issued.document.number) == issued.pdf
    assert docs.verify(store, issued.document.number).ok
    again = docs.issue_agreement(store, "PL1", actor="kasia")  # idempotent: the same frozen document
    assert again.existing and again.pdf == issued.pdf and again.document.id == issued.document.id
    with store.engine.begin() as connection:  # someone edits the stored bytes behind the app's back
        connection.execute(update(DocumentFile).values(content=issued.pdf + b"\n% edited\n"))
    result = docs.verify(store, issued.document.number)
    assert not result.ok and result.files[0].actual != result.recorded
    assert _audit(store, "document.issue")[0]["sha256"] == issued.document.sha256


def test_annex_lists_every_benefit_and_is_a_draft_while_an_exception_waits(world: World) -> None:
    store = world.store
    with pytest.raises(Refused, match="no participation agreement"):
        docs.issue_annex(store, "PL1", actor="kasia")
    docs.issue_agreement(store, "PL1", actor="kasia")
    draft = docs.issue_annex(store, "PL1", actor="kasia")
    body = flat_text(draft.pdf)
    assert draft.document.status == "draft" and draft.document.agreement == "AGR-2026-00001"
    assert "DRAFT" in body and "Rozszerzone SLA" in body and "Fundusz marketingowy (MDF)" in body
    assert world.pending_exception in body and flat(CLIENT_PL) in body
    with pytest.raises(Refused, match="DRAFT"):
        docs.sign(store, draft.document.number, SIGNATORY_PL, SIGNED_ON, actor="kasia")
    assert {g.status for g in _grants(store).values()} == {"proposed", "pending_approval"}
    approve(world)
    with pytest.raises(Refused, match="still open .* reissue"):
        docs.issue_annex(store, "PL1", actor="kasia")  # the open draft says something else now
    final = docs.reissue(store, draft.document.number, actor="kasia")
    body = flat_text(final.pdf)
    assert final.document.status == "issued" and final.document.version == 2 and "DRAFT" not in body
    assert "Rozszerzone SLA" in body and "Fundusz marketingowy (MDF)" in body and "Piotr Żak" in body


def test_v2_supersedes_v1_and_both_are_kept_unchanged(world: World) -> None:
    store = world.store
    v1 = docs.issue_agreement(store, "EN1", actor="kasia")
    v2 = docs.supersede(store, v1.document.number, actor="kasia")
    assert (v2.document.number, v2.document.version) == (v1.document.number, 2)
    assert v2.document.supersedes == f"{v1.document.number} v1" and v2.pdf != v1.pdf
    rows = docs.list_documents(store, "EN1")
    assert [(r.version, r.status) for r in rows] == [(1, "void"), (2, "issued")]
    assert docs.document_pdf(store, v1.document.number, 1) == v1.pdf and docs.verify(store, v1.document.number, 1).ok
    assert docs.document_pdf(store, v1.document.number) == v2.pdf
    assert "supersedes" in flat_text(v2.pdf).lower() or "replaces" in flat_text(v2.pdf).lower()
    v3 = docs.reissue(store, v1.document.number, actor="kasia")  # a correction of the correction
    assert [r.status for r in docs.list_documents(store, "EN1")] == ["void", "void", "issued"]
    assert v3.document.supersedes == f"{v1.document.number} v2"
    signed = docs.sign(store, v1.document.number, "Olivia Grant", SIGNED_ON, actor="kasia")
    assert signed.version == 3
    with pytest.raises(Refused, match="signed; a signed document is not corrected"):
        docs.reissue(store, v1.document.number, actor="kasia")


def test_signing_records_date_signatory_scan_and_only_then_activates(world: World, tmp_path: Path) -> None:
    store = world.store
    approve(world)
    docs.issue_agreement(store, "PL1", actor="kasia")
    annex = docs.issue_annex(store, "PL1", actor="kasia")
    assert annex.document.status == "issued"
    assert {g.status for g in _grants(store).values()} == {"proposed", "pending_approval"}  # not yet
    scan = tmp_path / "podpisany.png"
    scan.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 64)
    with pytest.raises(ServiceError, match="between the issue date"):
        docs.sign(store, annex.document.number, SIGNATORY_PL, date(2026, 3, 1), scan, actor="kasia")
    row = docs.sign(store, annex.document.number, SIGNATORY_PL, SIGNED_ON, scan, actor="kasia")
    assert (row.status, row.signed_on, row.client_signatory, row.scans) == ("signed", SIGNED_ON, SIGNATORY_PL, 1)
    grants = _grants(store)
    assert {g.status for g in grants.values()} == {"active"}
    assert {g.annex_id for g in grants.values()} == {annex.document.id}
    name, media, data = docs.document_scan(store, annex.document.number) or ("", "", b"")
    assert (name, media, data) == ("podpisany.png", "image/png", scan.read_bytes())
    assert docs.verify(store, annex.document.number).ok and len(docs.verify(store, annex.document.number).files) == 2
    assert len(_audit(store, "grant.activate")) == 2 and len(_audit(store, "document.sign")) == 1
    with pytest.raises(Refused, match="signed"):
        docs.sign(store, annex.document.number, SIGNATORY_PL, SIGNED_ON, actor="kasia")
    with pytest.raises(Refused, match="no proposed or pending benefits"):
        docs.issue_annex(store, "PL1", actor="kasia")  # everything is on the signed annex


def test_a_scan_must_be_what_its_name_says(sqlite_world: World, tmp_path: Path) -> None:
    store = sqlite_world.store
    agreement = docs.issue_agreement(store, "RU1", actor="kasia")
    fake = tmp_path / "scan.pdf"
    fake.write_bytes(b"not a pdf")
    with pytest.raises(ServiceError, match="not a PDF"):
        docs.sign(store, agreement.document.number, SIGNATORY_RU, SIGNED_ON, fake, actor="kasia")
    with pytest.raises(ServiceError, match="PDF, JPG or PNG"):
        docs.sign(store, agreement.document.number, SIGNATORY_RU, SIGNED_ON, tmp_path / "scan.docx", actor="kasia")
    assert docs.get_document(store, agreement.document.number).status == "issued"


def _ledger_balance(store: Any, code: str, unit: LedgerUnit, up_to: date) -> Decimal:
    from kam_desktop.store.models import Account

    with store.read() as s:
        account_id = s.scalar(select(Account.id).where(Account.code == code))
        return s.scalar(select(money_sum(LedgerEntry.amount)).where(
            LedgerEntry.account_id == account_id, LedgerEntry.unit == unit, LedgerEntry.booked_on <= up_to))


def test_statement_totals_equal_the_ledger_in_the_store(world: World) -> None:
    from kam_desktop.documents.formats import formats_for

    store = world.store
    issued = docs.issue_statement(store, "PL1", "2025Q4", actor="kasia")
    body = flat_text(issued.pdf)
    fmt = formats_for("pl")
    cashback = _ledger_balance(store, "PL1", LedgerUnit.CASHBACK, QUARTER.end)
    opening = _ledger_balance(store, "PL1", LedgerUnit.CASHBACK, date(2025, 9, 30))
    assert cashback > 0 and cashback != opening
    assert flat(fmt.money(cashback, "PLN")) in body and flat(fmt.money(opening, "PLN")) in body
    points = _ledger_balance(store, "PL1", LedgerUnit.POINTS, QUARTER.end)
    assert points > 0 and flat(fmt.quantity(points)) in body
    assert "CN-2025-11" in body and KAM_NAME in body and flat(CLIENT_PL) in body
    assert issued.document.period == "2025Q4" and issued.document.number.startswith("STM-2026-")
    with pytest.raises(Refused, match="not over yet"):
        docs.issue_statement(store, "PL1", "2026Q1", actor="kasia")
    with pytest.raises(ServiceError, match="not a quarter"):
        docs.issue_statement(store, "PL1", "2025-13", actor="kasia")


def test_statement_content_balances_for_every_account(sqlite_world: World) -> None:
    from kam_desktop.documents.content import DocumentHeader
    from kam_desktop.services.documents.content import load_account
    from kam_desktop.services.documents.statement import StatementSource

    store = sqlite_world.store
    with store.read() as s:
        accounts = [load_account(s, c) for c in ("PL1", "RU1", "EN1", "S0")]
        source = StatementSource(s, accounts, QUARTER)
        for account in accounts:
            content = source.content(account, "en", DocumentHeader("STM-2026-00001", date(2026, 2, 10), "en"))
            assert content.balance_problems() == []
            cash = next(x for x in content.ledgers if x.unit == "cashback")
            assert cash.closing == _ledger_balance(store, account.code, LedgerUnit.CASHBACK, QUARTER.end)


def test_batch_issues_each_account_once_with_progress_and_cancel(world: World) -> None:
    store = world.store
    calls: list[tuple[int, int]] = []
    stop_after = 2
    batch = docs.issue_statements(store, "2025Q4", "kasia", actor="kasia", progress=lambda d, t: calls.append((d, t)),
                                  cancelled=lambda: len(calls) >= stop_after, chunk=1)
    assert batch.cancelled and batch.issued == 2 and calls == [(1, 3), (2, 3)]
    written: dict[str, bytes] = {}
    rest = docs.issue_statements(store, "2025Q4", "kasia", actor="kasia", sink=lambda r, pdf: written.update(
        {r.account: pdf}))  # type: ignore[attr-defined]
    assert (rest.issued, rest.existing, rest.cancelled) == (1, 2, False)
    assert sorted(written) == ["EN1", "PL1", "RU1"] and rest.pages >= 1
    numbers = [r.number for r in rest.documents]  # type: ignore[attr-defined]
    assert len(set(numbers)) == 3
    everyone = docs.issue_statements(store, "2025Q4", actor="kasia")
    assert everyone.issued == 7 and everyone.existing == 3
    with pytest.raises(ServiceError, match="no user"):
        docs.issue_statements(store, "2025Q4", "nobody", actor="kasia")


def test_a_batch_large_enough_for_worker_processes_issues_the_same_statements(
        world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    from kam_desktop.documents import pool

    monkeypatch.setattr(pool, "PER_WORKER", 1)  # ten accounts: worth two workers
    monkeypatch.setattr(pool, "_cores", lambda: 2)
    rendered: list[bytes] = []
    real = pool.render_outcome
    monkeypatch.setattr(pool, "render_outcome", lambda c, at: rendered.append(real(c, at)) or rendered[-1])
    written: dict[str, bytes] = {}
    progress: list[int] = []
    batch = docs.issue_statements(world.store, "2025Q4", actor="kasia", progress=lambda d, t: progress.append(d),
                                  sink=lambda r, pdf: written.update({r.number: pdf}))  # type: ignore[attr-defined]
    assert rendered == []  # none in this process: the workers rendered them
    assert batch.issued == 10 and not batch.failures and progress == list(range(1, 11))
    numbers = [r.number for r in batch.documents]  # type: ignore[attr-defined]
    assert list(written) == numbers and len(set(numbers)) == 10
    assert all(docs.verify(world.store, number).ok for number in numbers)
    assert all(docs.document_pdf(world.store, number) == pdf for number, pdf in written.items())


def test_two_devices_issuing_offline_never_collide(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from kam_desktop.documents.numbering import RESERVE_START, lease_block
    from kam_desktop.services.documents.numbering import record_lease, register_device
    from kam_desktop.store.store import Store

    monkeypatch.setenv("KAM_TODAY", TODAY)
    server: list[Any] = []
    laptops = []
    for device in (2, 3):
        store = Store.open(tmp_path / f"laptop{device}.sqlite")
        build(store)
        with store.unit_of_work("kasia") as uow:
            register_device(uow.session, device, f"laptop {device}", "kasia")
            block = lease_block(server, "STM", 2026, device, size=2)  # online once: a tiny lease each
            server.append(block)
            record_lease(uow.session, block, "kasia")
            uow.commit()
        laptops.append(store)
    numbers: list[str] = []
    for store in laptops:  # offline: 10 statements each, far more than the lease holds
        for code in ("PL1", "RU1", "EN1", "S0", "S1", "S2", "S3", "S4", "S5", "S6"):
            numbers.append(docs.issue_statement(store, code, "2025Q4", actor="kasia").document.number)
        store.dispose()
    assert len(numbers) == len(set(numbers)) == 20
    sequences = sorted(int(n.rsplit("-", 1)[1]) for n in numbers)
    assert sequences[:4] == [1, 2, 3, 4]  # the two leases …
    assert all(s > RESERVE_START for s in sequences[4:])  # … then each device's own reserve slice


def test_a_solo_store_is_device_one_with_a_solo_block(sqlite_world: World) -> None:
    from kam_desktop.store.models import LocalDevice, NumberBlockLease

    store = sqlite_world.store
    first = docs.issue_agreement(store, "PL1", actor="kasia").document.number
    second = docs.issue_agreement(store, "RU1", actor="kasia").document.number
    assert (first, second) == ("AGR-2026-00001", "AGR-2026-00002")
    with store.read() as s:
        device = s.get(LocalDevice, 1)
        assert device is not None and (device.device_no, device.mode) == (1, "solo")
        blocks = [(b.prefix, b.first_seq, b.last_seq) for b in s.scalars(select(NumberBlockLease))]
    assert [b for b in blocks if b[0] == "AGR"] == [("AGR", 1, 89_999)]  # the world's exception leased EXC too


def test_every_action_is_audited(sqlite_world: World) -> None:
    store = sqlite_world.store
    issued = docs.issue_agreement(store, "EN1", actor="kasia")
    docs.sign(store, issued.document.number, "Olivia Grant", SIGNED_ON, actor="kasia")
    with store.read() as s:
        actions = [(a.action, a.created_by) for a in s.scalars(
            select(AuditEntry).where(AuditEntry.entity == "document").order_by(AuditEntry.created_at))]
        assert s.execute(text("select count(*) from document_files")).scalar() == 1
    assert actions == [("document.issue", "kasia"), ("document.sign", "kasia")]
