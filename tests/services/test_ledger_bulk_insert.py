"""The ledger's bulk insert (a quarter close's ~30,000 rows) writes the very rows, stamps and chain links one ORM object
per entry writes, and the verifier, which reads the rows back, accepts its chain: on SQLite and PostgreSQL."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import IntegrityError

from kam_desktop.domain import ledger as dl
from kam_desktop.domain.periods import Quarter
from kam_desktop.domain.row_chain import first_row_break
from kam_desktop.services.audit import verify_audit
from kam_desktop.services.ledger import entries as ledger_entries
from kam_desktop.services.ledger.close import close_quarter
from kam_desktop.services.ledger.entries import is_duplicate_key
from kam_desktop.store import ledger_chain
from kam_desktop.store.codec import InexactValueError
from kam_desktop.store.limits import FieldTooLongError
from kam_desktop.store.models import LedgerEntry, LedgerLink
from kam_desktop.store.queries.grades import AccountRef, accounts
from kam_desktop.store.store import Store
from tests.acting import as_

from .builders import account, sale, world

Q4 = Quarter(2025, 4)
EXPIRES = date(2026, 12, 31)


@pytest.fixture
def two(any_store: Any) -> Any:
    world(any_store)
    for code in ("ACME", "BETA"):
        account(any_store, code)
    return any_store


def _refs(store: Store) -> dict[str, AccountRef]:
    with store.read() as session:
        return {a.code: a for a in accounts(session, active_only=False)}


def _entries() -> list[dl.LedgerEntry]:
    """Lots as a close, a late sale and a manual adjustment book them: both units, notes, corrections, no allocations."""
    first = dl.LedgerEntry("ACME", dl.LedgerUnit.CASHBACK, dl.LedgerKind.ACCRUAL, Decimal("1234.50"), date(2025, 12, 31),
                           dl.SourceKind.QUARTER_CLOSE, "2025Q4", "t:ACME:cashback", expires_on=EXPIRES,
                           note='grade L1 — 2,5 % "net"', currency="PLN")
    return [
        first,
        dl.LedgerEntry("ACME", dl.LedgerUnit.POINTS, dl.LedgerKind.ACCRUAL, Decimal("70"), date(2025, 12, 31),
                       dl.SourceKind.QUARTER_CLOSE, "", "t:ACME:points", expires_on=EXPIRES),
        dl.LedgerEntry("BETA", dl.LedgerUnit.CASHBACK, dl.LedgerKind.ADJUSTMENT, Decimal("0.01"), date(2026, 1, 2),
                       dl.SourceKind.MANUAL, "EXC/1", "t:BETA:adj", expires_on=date(2027, 3, 31), note="Łódź\n\\x"),
        dl.LedgerEntry("ACME", dl.LedgerUnit.CASHBACK, dl.LedgerKind.ACCRUAL, Decimal("9999999999999999.99"),
                       date(2026, 1, 3), dl.SourceKind.LATE_SALE, "FV/9", "t:ACME:late", expires_on=EXPIRES,
                       corrects=first.id),
    ]


def _raw_rows(session: Any) -> list[tuple[Any, ...]]:
    """Every column of every ledger row as the store keeps it, by key; the stamp left out (taken as written)."""
    columns = [c.name for c in LedgerEntry.__table__.columns if c.name != "created_at"]
    table = LedgerEntry.__table__
    return [tuple(row) for row in session.execute(
        select(*(table.c[name] for name in columns)).order_by(table.c.idempotency_key)).all()]


def _links(session: Any) -> list[tuple[str, uuid.UUID]]:
    return [tuple(r) for r in session.execute(select(LedgerLink.row_table, LedgerLink.row_id).where(
        LedgerLink.row_id.in_(select(LedgerEntry.id))).order_by(LedgerLink.seq))]


def _book_rolled_back(store: Store, entries: list[dl.LedgerEntry], refs: dict[str, AccountRef],
                      path: Any) -> tuple[list[tuple[Any, ...]], list[tuple[str, uuid.UUID]], Any]:
    """The rows and links one path books, read inside its transaction (then rolled back); and whether the verifier,
    reading the rows back, accepts the whole chain there."""
    with store.unit_of_work("money") as uow:
        path(uow.session, entries, refs, Q4)
        uow.session.flush()
        rows, links = _raw_rows(uow.session), _links(uow.session)
        broken = None
        if store.engine.dialect.name == "sqlite":
            chain, outside, sealed = ledger_chain.read_chain(uow.session.connection())
            broken = first_row_break(chain, outside, sealed)
    return rows, links, broken


def test_the_bulk_path_books_the_rows_and_links_of_the_orm_path(two: Any) -> None:
    refs, entries = _refs(two), _entries()
    bulk = _book_rolled_back(two, entries, refs, ledger_entries._insert_rows)
    orm = _book_rolled_back(two, entries, refs, ledger_entries._add_objects)
    assert bulk == orm
    rows, links, broken = bulk
    assert len(rows) == len(entries) and broken is None
    assert links == ([("ledger_entries", e.id) for e in entries] if two.engine.dialect.name == "sqlite" else [])


def _row_values(entries: list[dl.LedgerEntry], refs: dict[str, AccountRef], stamps: list[datetime]) -> list[dict[str, Any]]:
    return [{**ledger_entries._values(e, refs[e.account], Q4), "created_by": "money", "created_at": stamp}
            for e, stamp in zip(entries, stamps, strict=True)]


@pytest.mark.parametrize("any_store", ["sqlite"], indirect=True)
def test_given_the_same_stamps_both_paths_write_the_same_bytes_and_the_same_hashes(two: Any) -> None:
    """Stamps and amounts whose text could differ between the values bound and the values read back (a zone other
    than UTC, no microseconds, a year before 1000, a negative zero, a reversal's key): the same stored text and the
    same link hashes as ORM objects flushed, and the verifier accepts them."""
    refs = _refs(two)
    entries = _entries()
    stamps = [datetime(2026, 4, 1, 12, 0, tzinfo=UTC), datetime(2026, 4, 1, 14, 0, 0, 1, tzinfo=timezone(timedelta(hours=2))),
              datetime(999, 1, 2, 3, 4, 5, 60, tzinfo=UTC), datetime.now(UTC)]
    rows = _row_values(entries, refs, stamps)
    rows[1] |= {"amount": Decimal("-0.00"), "reverses_id": entries[0].id, "note": "", "source_ref": ""}
    rows[2] |= {"booked_on": datetime(2026, 1, 2, 23, 59, tzinfo=UTC), "expires_on": date(999, 12, 31)}  # as Date binds

    def written(bulk: bool) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
        with two.unit_of_work("money") as uow:
            session = uow.session
            if bulk:
                ledger_entries.check_values(LedgerEntry, rows)
                ledger_chain.insert_entries(session, rows)
            else:
                session.add_all([LedgerEntry(**row) for row in rows])
                session.flush()
            driver = session.connection().connection.driver_connection
            stored = driver.execute("SELECT * FROM ledger_entries ORDER BY idempotency_key").fetchall()
            links = driver.execute("SELECT seq, row_table, row_id, prev_hash, hash FROM ledger_chain ORDER BY seq"
                                   ).fetchall()
            chain, outside, sealed = ledger_chain.read_chain(session.connection())
            assert first_row_break(chain, outside, sealed) is None
            assert ledger_chain.seal_line(session) is not None  # the commit would seal the new head
        return stored, links

    bulk, orm = written(True), written(False)
    assert bulk == orm
    assert len(bulk[0]) == len(rows) and len(bulk[1]) == len(rows)


def test_a_committed_bulk_close_verifies(two: Any) -> None:
    """A close booked through the bulk path, committed: the ledger's chain (a laptop's) and the audit chain hold."""
    for code, net in (("ACME", "90000.00"), ("BETA", "40000.00")):
        sale(two, code, date(2025, 11, 5), net)
    as_admin = as_(two, "admin", date(2026, 1, 10))
    from kam_desktop.services.grading import grade_portfolio

    grade_portfolio(as_admin, date(2025, 9, 30), apply=True)
    result = close_quarter(as_(two, "money", date(2026, 1, 10)), Q4)
    assert result.booked >= 2
    check = verify_audit(as_(two, "boss", date(2026, 1, 10)))
    laptop = two.engine.dialect.name == "sqlite"
    assert check.ledger_broken is None and (check.ok or not laptop), check  # a bare test server has no audit chain
    with two.read() as session:
        booked = session.scalar(select(func.count()).select_from(LedgerEntry))
    assert check.ledger_links == (booked if laptop else 0)


def test_a_key_booked_already_is_the_duplicate_key_error_either_path_raises(two: Any) -> None:
    refs, entries = _refs(two), _entries()
    with two.unit_of_work("money") as uow:
        ledger_entries.book(uow.session, entries[:1], refs, Q4)
        uow.commit()
    again = [dl.LedgerEntry(**{**entries[0].__dict__, "id": uuid.uuid4()})]
    with pytest.raises(IntegrityError) as info, two.unit_of_work("money") as uow:
        ledger_entries.book(uow.session, again, refs, Q4)
        uow.session.flush()
    assert is_duplicate_key(info.value)


@pytest.mark.parametrize("any_store", ["sqlite"], indirect=True)
@pytest.mark.parametrize(("change", "error"), [
    ({"amount": 0.5}, InexactValueError), ({"amount": Decimal("1.005")}, InexactValueError),
    ({"created_at": datetime(2026, 4, 1, 12, 0)}, ValueError), ({"booked_on": "2026-04-01"}, TypeError),
])
def test_the_bulk_path_refuses_what_the_column_types_refuse(two: Any, change: dict[str, Any], error: type) -> None:
    refs = _refs(two)
    rows = _row_values(_entries()[:1], refs, [datetime.now(UTC)])
    rows[0] |= change
    with pytest.raises(error), two.unit_of_work("money") as uow:
        ledger_chain.insert_entries(uow.session, rows)
    with two.read() as session:
        assert session.scalar(select(func.count()).select_from(LedgerEntry)) == 0


def test_the_bulk_insert_names_every_column_of_the_table() -> None:
    """Its INSERT lists the chain's covered columns: a column added to the table must be added to it (or defaulted)."""
    assert set(ledger_chain.COVERED["ledger_entries"]) == set(LedgerEntry.__table__.columns.keys())


@pytest.mark.parametrize("any_store", ["sqlite"], indirect=True)
def test_the_stamp_is_the_moment_of_insertion_row_by_row(two: Any) -> None:
    refs, entries = _refs(two), _entries()
    before = datetime.now(UTC)
    with two.unit_of_work("money") as uow:
        ledger_entries.book(uow.session, entries, refs, Q4)
        stamps = [datetime.fromisoformat(s) for (s,) in uow.session.execute(text(
            "SELECT created_at FROM ledger_entries ORDER BY rowid"))]
    assert len(stamps) == len(entries)
    assert before <= stamps[0] and stamps == sorted(stamps) and stamps[-1] <= datetime.now(UTC)


def test_a_too_long_value_in_a_bulk_is_refused_naming_the_first_one(two: Any) -> None:
    """The lengths are checked column by column at once; a refusal still names the first row's offending field."""
    refs = _refs(two)
    rows = _row_values(_entries(), refs, [datetime.now(UTC)] * 4)
    ledger_entries.check_values(LedgerEntry, rows)  # all fit
    rows[1] |= {"idempotency_key": "k" * 161}
    rows[2] |= {"source_ref": "r" * 121}
    with pytest.raises(FieldTooLongError) as info:
        ledger_entries.check_values(LedgerEntry, rows)
    assert info.value.params["field"] == "ledger_entries.idempotency_key" and info.value.params["given"] == 161
    rows[1] |= {"idempotency_key": "k" * 160, "note": "n" * 100_000}  # Text: no limit
    with pytest.raises(FieldTooLongError) as info:
        ledger_entries.check_values(LedgerEntry, rows)
    assert info.value.params["field"] == "ledger_entries.source_ref"
