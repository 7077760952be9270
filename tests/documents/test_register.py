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
from kam_desktop.services.desk import Desk
from kam_desktop.services.documents.records import sha256
from kam_desktop.services.errors import Refused, ServiceError
from kam_desktop.store.models import AuditEntry, BenefitGrant, DocumentFile, LedgerEntry
from kam_desktop.store.sql import money_sum
from tests.acting import desk

from .builders import CLIENT_PL, CLIENT_RU, SIGNATORY_RU
from .pdfcheck import flat, flat_text, fonts
from .world import CLIENT_EN, KAM_NAME, QUARTER, SIGNATORY_PL, TODAY, World, approve, build

SIGNED_ON = date(2026, 2, 10)


@pytest.fixture
def world(any_store: Any) -> World:
    return build(any_store)


@pytest.fixture
def sqlite_world(sqlite_store: Any) -> World:
    return build(sqlite_store)


def _kasia(store: Any) -> Desk:
    """The desk of the KAM who owns PL1, RU1 and EN1, on the world's business day."""
    return desk(store, "kasia", date.fromisoformat(TODAY))


def _finance(store: Any) -> Desk:
    """Finance's desk (every account), on the world's business day."""
    return desk(store, "money", date.fromisoformat(TODAY))


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
    issued = _kasia(sqlite_world.store).issue_document(code, "agreement")
    body = flat_text(issued.pdf)
    assert flat(name) in body and signatory in body
    assert "Nordwind Supply Sp. z o.o." in body and "Katarzyna Wiśniewska" in body  # the company settings
    assert issued.document.language == {"PL1": "pl", "RU1": "ru", "EN1": "en"}[code]
    assert issued.document.number == "AGR-2026-00001" and issued.document.status == "issued"
    assert all(f.embedded for f in fonts(issued.pdf)) and fonts(issued.pdf)


def test_language_can_be_chosen_and_a_bad_one_is_refused(sqlite_world: World) -> None:
    english = _kasia(sqlite_world.store).issue_document("PL1", "agreement", lang="en")
    assert "PARTICIPATION AGREEMENT" in flat_text(english.pdf).upper() and english.document.language == "en"
    with pytest.raises(ServiceError, match="use pl, ru or en"):
        _kasia(sqlite_world.store).issue_document("PL1", "agreement", lang="de")


def test_issuing_freezes_and_verify_detects_tampering(world: World) -> None:
    store = world.store
    issued = _kasia(store).issue_document("PL1", "agreement")
    assert issued.document.sha256 == sha256(issued.pdf)
    assert _kasia(store).document_pdf(issued.document.number) == issued.pdf
    assert _kasia(store).verify_document(issued.document.number).ok
    again = _kasia(store).issue_document("PL1", "agreement")  # idempotent: the same frozen document
    assert again.existing and again.pdf == issued.pdf and again.document.id == issued.document.id
    with store.engine.begin() as connection:  # someone edits the stored bytes behind the app's back
        connection.execute(update(DocumentFile).values(content=issued.pdf + b"\n% edited\n"))
    result = _kasia(store).verify_document(issued.document.number)
    assert not result.ok and result.files[0].actual != result.recorded
    assert _audit(store, "document.issue")[0]["sha256"] == issued.document.sha256


def test_annex_lists_every_benefit_and_is_a_draft_while_an_exception_waits(world: World) -> None:
    store = world.store
    with pytest.raises(Refused, match="no participation agreement"):
        _kasia(store).issue_document("PL1", "annex")
    _kasia(store).issue_document("PL1", "agreement")
    draft = _kasia(store).issue_document("PL1", "annex")
    body = flat_text(draft.pdf)
    assert draft.document.status == "draft" and draft.document.agreement == "AGR-2026-00001"
    assert "PROJEKT" in body and "DRAFT" not in body and "Rozszerzone SLA" in body and "Fundusz marketingowy (MDF)" in body
    assert world.pending_exception in body and flat(CLIENT_PL) in body
    with pytest.raises(Refused, match="DRAFT"):
        _kasia(store).sign_document(draft.document.number, SIGNATORY_PL, SIGNED_ON)
    assert {g.status for g in _grants(store).values()} == {"proposed", "pending_approval"}
    approve(world)
    with pytest.raises(Refused, match="still open .* reissue"):
        _kasia(store).issue_document("PL1", "annex")  # the open draft says something else now
    final = _kasia(store).reissue_document(draft.document.number)
    body = flat_text(final.pdf)
    assert final.document.status == "issued" and final.document.version == 2 and "PROJEKT" not in body
    assert "Rozszerzone SLA" in body and "Fundusz marketingowy (MDF)" in body and "Piotr Żak" in body


def test_v2_supersedes_v1_and_both_are_kept_unchanged(world: World) -> None:
    store = world.store
    v1 = _kasia(store).issue_document("EN1", "agreement")
    v2 = _kasia(store).reissue_document(v1.document.number)
    assert (v2.document.number, v2.document.version) == (v1.document.number, 2)
    assert v2.document.supersedes == f"{v1.document.number} v1" and v2.pdf != v1.pdf
    rows = _kasia(store).documents("EN1")
    assert [(r.version, r.status) for r in rows] == [(1, "void"), (2, "issued")]
    assert _kasia(store).document_pdf(v1.document.number, 1) == v1.pdf and _kasia(store).verify_document(v1.document.number, 1).ok
    assert _kasia(store).document_pdf(v1.document.number) == v2.pdf
    assert "supersedes" in flat_text(v2.pdf).lower() or "replaces" in flat_text(v2.pdf).lower()
    v3 = _kasia(store).reissue_document(v1.document.number)  # a correction of the correction
    assert [r.status for r in _kasia(store).documents("EN1")] == ["void", "void", "issued"]
    assert v3.document.supersedes == f"{v1.document.number} v2"
    signed = _kasia(store).sign_document(v1.document.number, "Olivia Grant", SIGNED_ON)
    assert signed.version == 3
    with pytest.raises(Refused, match="signed; a signed document is not corrected"):
        _kasia(store).reissue_document(v1.document.number)


def test_signing_records_date_signatory_scan_and_only_then_activates(world: World, tmp_path: Path) -> None:
    store = world.store
    approve(world)
    _kasia(store).issue_document("PL1", "agreement")
    annex = _kasia(store).issue_document("PL1", "annex")
    assert annex.document.status == "issued"
    assert {g.status for g in _grants(store).values()} == {"proposed", "pending_approval"}  # not yet
    scan = tmp_path / "podpisany.png"
    scan.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 64)
    with pytest.raises(ServiceError, match="between the issue date"):
        _kasia(store).sign_document(annex.document.number, SIGNATORY_PL, date(2026, 3, 1), scan)
    row = _kasia(store).sign_document(annex.document.number, SIGNATORY_PL, SIGNED_ON, scan)
    assert (row.status, row.signed_on, row.client_signatory, row.scans) == ("signed", SIGNED_ON, SIGNATORY_PL, 1)
    grants = _grants(store)
    assert {g.status for g in grants.values()} == {"active"}
    assert {g.annex_id for g in grants.values()} == {annex.document.id}
    name, media, data = _kasia(store).document_scan(annex.document.number) or ("", "", b"")
    assert (name, media, data) == ("podpisany.png", "image/png", scan.read_bytes())
    assert _kasia(store).verify_document(annex.document.number).ok and len(_kasia(store).verify_document(annex.document.number).files) == 2
    assert len(_audit(store, "grant.activate")) == 2 and len(_audit(store, "document.sign")) == 1
    with pytest.raises(Refused, match="signed"):
        _kasia(store).sign_document(annex.document.number, SIGNATORY_PL, SIGNED_ON)
    with pytest.raises(Refused, match="no proposed or pending benefits"):
        _kasia(store).issue_document("PL1", "annex")  # everything is on the signed annex


def test_a_scan_must_be_what_its_name_says(sqlite_world: World, tmp_path: Path) -> None:
    store = sqlite_world.store
    agreement = _kasia(store).issue_document("RU1", "agreement")
    fake = tmp_path / "scan.pdf"
    fake.write_bytes(b"not a pdf")
    with pytest.raises(ServiceError, match="not a PDF"):
        _kasia(store).sign_document(agreement.document.number, SIGNATORY_RU, SIGNED_ON, fake)
    with pytest.raises(ServiceError, match="PDF, JPG or PNG"):
        _kasia(store).sign_document(agreement.document.number, SIGNATORY_RU, SIGNED_ON, tmp_path / "scan.docx")
    assert _kasia(store).document(agreement.document.number).status == "issued"


def _ledger_balance(store: Any, code: str, unit: LedgerUnit, up_to: date) -> Decimal:
    from kam_desktop.store.models import Account

    with store.read() as s:
        account_id = s.scalar(select(Account.id).where(Account.code == code))
        return s.scalar(select(money_sum(LedgerEntry.amount)).where(
            LedgerEntry.account_id == account_id, LedgerEntry.unit == unit, LedgerEntry.booked_on <= up_to))


def test_statement_totals_equal_the_ledger_in_the_store(world: World) -> None:
    from kam_desktop.documents.formats import formats_for

    store = world.store
    issued = _kasia(store).issue_document("PL1", "statement", "2025Q4")
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
        _kasia(store).issue_document("PL1", "statement", "2026Q1")
    with pytest.raises(ServiceError, match="not a quarter"):
        _kasia(store).issue_document("PL1", "statement", "2025-13")


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
    batch = _kasia(store).issue_statements("2025Q4", "kasia", progress=lambda d, t: calls.append((d, t)),
                                  cancelled=lambda: len(calls) >= stop_after, chunk=1)
    assert batch.cancelled and batch.issued == 2 and calls == [(1, 3), (2, 3)]
    written: dict[str, bytes] = {}
    rest = _kasia(store).issue_statements("2025Q4", "kasia", sink=lambda r, pdf: written.update(
        {r.account: pdf}))  # type: ignore[attr-defined]
    assert (rest.issued, rest.existing, rest.cancelled) == (1, 2, False)
    assert sorted(written) == ["EN1", "PL1", "RU1"] and rest.pages >= 1
    numbers = [r.number for r in rest.documents]  # type: ignore[attr-defined]
    assert len(set(numbers)) == 3
    mine = _kasia(store).issue_statements("2025Q4")  # a KAM's batch is their own portfolio
    assert (mine.issued, mine.existing) == (0, 3)
    with pytest.raises(Refused, match="kasia \\(kam\\) may not issue statements for a portfolio of boss's accounts"):
        _kasia(store).issue_statements("2025Q4", "boss")
    everyone = _finance(store).issue_statements("2025Q4")
    assert everyone.issued == 7 and everyone.existing == 3
    with pytest.raises(ServiceError, match="no person with login 'nobody'"):
        _finance(store).issue_statements("2025Q4", "nobody")


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
    batch = _finance(world.store).issue_statements("2025Q4", progress=lambda d, t: progress.append(d),
                                  sink=lambda r, pdf: written.update({r.number: pdf}))  # type: ignore[attr-defined]
    assert rendered == []  # none in this process: the workers rendered them
    assert batch.issued == 10 and not batch.failures and progress == list(range(1, 11))
    numbers = [r.number for r in batch.documents]  # type: ignore[attr-defined]
    assert list(written) == numbers and len(set(numbers)) == 10
    assert all(_finance(world.store).verify_document(number).ok for number in numbers)
    assert all(_finance(world.store).document_pdf(number) == pdf for number, pdf in written.items())


def test_two_devices_issuing_offline_never_collide(tmp_path: Path) -> None:
    from kam_desktop.domain.numbering import RESERVE_START, NumberBlock
    from kam_desktop.services.numbering import record_lease, register_device
    from kam_desktop.store.store import Store

    laptops = []
    for device in (2, 3):
        store = Store.open(tmp_path / f"laptop{device}.sqlite")
        build(store)
        with store.unit_of_work("kasia") as uow:
            register_device(uow.session, device, f"laptop {device}", "kasia")
            first = 2 * device - 3  # online once: a tiny lease each, one after the other, as the server leases them
            block = NumberBlock("STM", 2026, first, first + 1, device)
            record_lease(uow.session, block, "kasia")
            uow.commit()
        laptops.append(store)
    numbers: list[str] = []
    for store in laptops:  # offline: 10 statements each, far more than the lease holds
        for code in ("PL1", "RU1", "EN1", "S0", "S1", "S2", "S3", "S4", "S5", "S6"):
            numbers.append(_finance(store).issue_document(code, "statement", "2025Q4").document.number)
        store.dispose()
    assert len(numbers) == len(set(numbers)) == 20
    sequences = sorted(int(n.rsplit("-", 1)[1]) for n in numbers)
    assert sequences[:4] == [1, 2, 3, 4]  # the two leases …
    assert all(s > RESERVE_START for s in sequences[4:])  # … then each device's own reserve slice


def test_a_solo_store_is_device_one_with_a_solo_block(sqlite_world: World) -> None:
    from kam_desktop.store.models import LocalDevice, NumberBlockLease

    store = sqlite_world.store
    first = _kasia(store).issue_document("PL1", "agreement").document.number
    second = _kasia(store).issue_document("RU1", "agreement").document.number
    assert (first, second) == ("AGR-2026-00001", "AGR-2026-00002")
    with store.read() as s:
        device = s.get(LocalDevice, 1)
        assert device is not None and (device.device_no, device.mode) == (1, "solo")
        blocks = [(b.prefix, b.first_seq, b.last_seq) for b in s.scalars(select(NumberBlockLease))]
    assert [b for b in blocks if b[0] == "AGR"] == [("AGR", 1, 89_999)]  # the world's exception leased EXC too


def test_every_action_is_audited(sqlite_world: World) -> None:
    store = sqlite_world.store
    issued = _kasia(store).issue_document("EN1", "agreement")
    _kasia(store).sign_document(issued.document.number, "Olivia Grant", SIGNED_ON)
    with store.read() as s:
        actions = [(a.action, a.created_by) for a in s.scalars(
            select(AuditEntry).where(AuditEntry.entity == "document").order_by(AuditEntry.created_at))]
        assert s.execute(text("select count(*) from document_files")).scalar() == 1
    assert actions == [("document.issue", "kasia"), ("document.sign", "kasia")]


def test_a_statement_offers_what_awaits_only_the_client_never_what_awaits_an_approval(sqlite_world: World) -> None:
    statement = _kasia(sqlite_world.store).issue_document("PL1", "statement", str(QUARTER))
    body = flat_text(statement.pdf)
    assert "Rozszerzone SLA" in body  # proposed within the policy: an offer
    assert "Fundusz marketingowy (MDF)" not in body and sqlite_world.pending_exception not in body  # not approved yet
