"""Every role × every use case, through `kamctl` and through the GUI's desk: the same answer as the one table.

A call counts as *refused* when the permission check stops it (NotPermittedError; exit code 4 for kamctl) and as
*let through* otherwise — whether it then succeeds or a rule of the record refuses it (a director deciding a
request waiting for finance, a second signature of a signed document): those rules come after the door.
A KAM is tried on an account of their own and on another KAM's; the other roles reach every account.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from kam_desktop.cli.main import EXIT_NOT_PERMITTED, main
from kam_desktop.domain.permissions import PERMISSIONS, UseCase, permits
from kam_desktop.domain.vocabulary import Role
from kam_desktop.services.desk import Desk
from kam_desktop.services.errors import NotPermittedError
from kam_desktop.store.models import ExceptionRequest
from kam_desktop.store.store import Store
from tests.acting import as_, desk

from .builders import account, sale, world

TODAY = date(2026, 2, 10)
PEOPLE = {"kam1": Role.KAM, "boss": Role.DIRECTOR, "money": Role.FINANCE, "admin": Role.ADMIN}
OWNED = {"A1": "kam1", "A2": "kam2"}


@dataclass(frozen=True)
class Door:
    """How one use case is reached on an account (or, for a list, on an owner's portfolio)."""

    cli: Callable[[Any, str], list[str]]  # (world, target) -> kamctl arguments
    desk: Callable[[Desk, Any, str], object]  # (desk, world, target) -> the desk call
    scoped: bool = True  # whether the target account matters (False: one call, no account involved)


@dataclass
class World:
    store: Store
    db: str
    folder: Path
    requests: dict[str, str]  # account code -> a submitted request's number
    agreements: dict[str, str]  # account code -> an issued agreement's number
    files: dict[tuple[str, str], Path]  # (format, account code) -> an import file of one row
    counter: Iterator[int]
    adjustments: dict[str, str]  # account code -> a proposed adjustment's number
    claims: dict[str, str]  # account code -> a submitted MDF claim's number


def _n(w: World) -> int:
    return next(w.counter)


DOORS: dict[UseCase, Door] = {
    UseCase.VIEW_PORTFOLIO: Door(
        lambda w, t: ["accounts", "list", "--owner", OWNED[t]],
        lambda d, w, t: d.portfolio(owner=OWNED[t])),
    UseCase.VIEW_ACCOUNT: Door(lambda w, t: ["account", "show", t], lambda d, w, t: d.card(t)),
    UseCase.VIEW_PROGRAM: Door(lambda w, t: ["users", "list"], lambda d, w, t: d.users(), scoped=False),
    UseCase.VIEW_REPORTS: Door(lambda w, t: ["kpi"], lambda d, w, t: d.kpis(), scoped=False),
    UseCase.VIEW_PORTFOLIO_KPIS: Door(lambda w, t: ["kpi", "--owner", OWNED[t]],
                                      lambda d, w, t: d.portfolio_kpis(owner=OWNED[t])),
    UseCase.MANAGE_USERS: Door(
        lambda w, t: ["users", "add", f"new{_n(w)}", "--role", "kam"],
        lambda d, w, t: d.add_user(f"new{_n(w)}", "kam"), scoped=False),
    UseCase.PREVIEW_GRADES: Door(lambda w, t: ["grade"], lambda d, w, t: d.grade(), scoped=False),
    UseCase.APPLY_GRADES: Door(lambda w, t: ["grade", "--apply"], lambda d, w, t: d.grade(apply=True),
                               scoped=False),
    UseCase.CLOSE_QUARTER: Door(lambda w, t: ["quarter", "close", "2025Q4"],
                                lambda d, w, t: d.close_quarter("2025Q4"), scoped=False),
    UseCase.REDEEM: Door(
        lambda w, t: ["redeem", t, "--unit", "points", "--amount", "1", "--ref", f"R{_n(w)}"],
        lambda d, w, t: d.redeem(t, "points", Decimal(1), f"R{_n(w)}")),
    UseCase.SAVE_SLOT: Door(
        lambda w, t: ["slot", "save", t, "HW", "--units", "5", "--money", "900", "--source", "survey",
                      "--collected-on", "2026-01-20"],
        lambda d, w, t: d.save_slot(t, "HW", total_units=Decimal(5), total_money=Decimal(900), source="survey",
                                    collected_on=date(2026, 1, 20), confidence=Decimal("0.5"))),
    UseCase.GRANT_BENEFIT: Door(
        lambda w, t: ["benefit", "grant", t, "SLA-PLUS", "--cost", "100"],
        lambda d, w, t: d.add_benefit(t, "SLA-PLUS", None, Decimal(100))),
    UseCase.REQUEST_EXCEPTION: Door(
        lambda w, t: ["exception", "request", t, "--kind", "discount", "--requested", "15", "--justification", "x"],
        lambda d, w, t: d.request_exception(t, "discount", Decimal(15), "x")),
    UseCase.DECIDE_EXCEPTION: Door(
        lambda w, t: ["exception", "decide", w.requests[t], "--approve"],
        lambda d, w, t: d.decide_exception(w.requests[t], True)),
    UseCase.ISSUE_DOCUMENT: Door(
        lambda w, t: ["document", "agreement", t, "--out", str(w.folder / f"agr{_n(w)}.pdf")],
        lambda d, w, t: d.issue_document(t, "agreement")),
    UseCase.SIGN_DOCUMENT: Door(
        lambda w, t: ["document", "sign", w.agreements[t], "--signatory", "Client", "--date", TODAY.isoformat()],
        lambda d, w, t: d.sign_document(w.agreements[t], "Client", TODAY)),
    UseCase.ISSUE_STATEMENTS: Door(
        lambda w, t: ["document", "statements", "--quarter", "2025Q4", "--owner", OWNED[t],
                      "--out-dir", str(w.folder / f"stm{_n(w)}")],
        lambda d, w, t: d.issue_statements("2025Q4", OWNED[t])),
    UseCase.IMPORT_ACCOUNTS: Door(
        lambda w, t: ["import", "accounts", str(w.files["accounts", t]), "--dry-run"],
        lambda d, w, t: d.importer().apply(w.files["accounts", t], "accounts", dry_run=True)),
    UseCase.IMPORT_SALES: Door(
        lambda w, t: ["import", "invoices", str(w.files["invoices", t]), "--dry-run"],
        lambda d, w, t: d.importer().apply(w.files["invoices", t], "invoices", dry_run=True)),
    UseCase.IMPORT_BALANCES: Door(
        lambda w, t: ["import", "opening-balances", str(w.files["opening-balances", t]), "--dry-run"],
        lambda d, w, t: d.importer().apply(w.files["opening-balances", t], "opening-balances", dry_run=True)),
    UseCase.IMPORT_CRM: Door(
        lambda w, t: ["import", "contacts", str(w.files["contacts", t]), "--dry-run"],
        lambda d, w, t: d.importer().apply(w.files["contacts", t], "contacts", dry_run=True)),
    UseCase.EXPORT_PORTFOLIO: Door(
        lambda w, t: ["export", "portfolio", str(w.folder / f"p{_n(w)}.csv"), "--owner", OWNED[t]],
        lambda d, w, t: d.export("portfolio", w.folder / f"p{_n(w)}.csv", owner=OWNED[t])),
    UseCase.EXPORT_DATA: Door(
        lambda w, t: ["export", "grades", str(w.folder / f"g{_n(w)}.csv")],
        lambda d, w, t: d.export("grades", w.folder / f"g{_n(w)}.csv"), scoped=False),
    UseCase.SET_FX: Door(lambda w, t: ["fx", "set", "EUR", "4.3"], lambda d, w, t: d.set_fx_rate("EUR", "4.3"),
                         scoped=False),
    UseCase.EDIT_COMPANY: Door(
        lambda w, t: ["company", "set", "--phone", f"+48 {_n(w)}"],
        lambda d, w, t: d.save_company(_with_phone(d, f"+48 {_n(w)}")), scoped=False),
    UseCase.VIEW_IMPORTS: Door(lambda w, t: ["import", "history"], lambda d, w, t: d.importer().history(),
                               scoped=False),
    # an unknown id: let through, the reversal is then refused as not found (4 is only the door's refusal)
    UseCase.REVERSE_IMPORT: Door(lambda w, t: ["import", "reverse", "0123abcd", "--reason", "wrong unit"],
                                 lambda d, w, t: d.importer().reverse("0123abcd", "wrong unit"), scoped=False),
    UseCase.CHECK_ROLLUP: Door(lambda w, t: ["check"], lambda d, w, t: d.check_rollup(), scoped=False),
    UseCase.BACKUP: Door(
        lambda w, t: ["backup", str(w.folder / f"b{_n(w)}.sqlite")],
        lambda d, w, t: d.backup(w.folder / f"b{_n(w)}.sqlite"), scoped=False),
    UseCase.RESTORE: Door(
        lambda w, t: ["restore", str(w.folder / "nothing-there.sqlite")],
        lambda d, w, t: d.restore(w.folder / "nothing-there.sqlite"), scoped=False),
    # on the matrix's plain store with no password store: let through, then refused by the store itself
    UseCase.ENCRYPT_STORE: Door(lambda w, t: ["store", "encrypt"], lambda d, w, t: d.encrypt_store(), scoped=False),
    UseCase.DECRYPT_STORE: Door(lambda w, t: ["store", "key", "show"], lambda d, w, t: d.store_key(), scoped=False),
    UseCase.VIEW_SETTLEMENT: Door(lambda w, t: ["payout", "list", "--account", t], lambda d, w, t: d.payouts(t)),
    UseCase.SETTLEMENT_TERMS: Door(
        lambda w, t: ["settlement", "set", "settlement.vat_percent", ""],
        lambda d, w, t: d.set_settlement_term("settlement.vat_percent", ""), scoped=False),
    UseCase.LOCK_PERIOD: Door(lambda w, t: ["lock", "2025Q3"], lambda d, w, t: d.lock_quarter("2025Q3"), scoped=False),
    UseCase.SETTLE: Door(lambda w, t: ["settle"], lambda d, w, t: d.settle(), scoped=False),
    UseCase.PAY_OUT: Door(lambda w, t: ["payout", "pay", t, "--amount", "1.00"], lambda d, w, t: d.pay_out(t, "1.00")),
    UseCase.PROPOSE_ADJUSTMENT: Door(
        lambda w, t: ["adjust", "propose", t, "--unit", "points", "--amount", "5", "--reason", "x"],
        lambda d, w, t: d.propose_adjustment(t, "points", "5", "x")),
    UseCase.DECIDE_ADJUSTMENT: Door(lambda w, t: ["adjust", "approve", w.adjustments[t]],
                                    lambda d, w, t: d.approve_adjustment(w.adjustments[t])),
    UseCase.BOOK_ADJUSTMENT: Door(lambda w, t: ["adjust", "book", w.adjustments[t]],
                                  lambda d, w, t: d.book_adjustment(w.adjustments[t])),
    UseCase.MANAGE_MDF: Door(lambda w, t: ["mdf", "fund", t, "2026Q2", "--allocated", "100"],
                             lambda d, w, t: d.mdf_fund(t, "2026Q2", "100")),
    UseCase.CLAIM_MDF: Door(
        lambda w, t: ["mdf", "claim", t, "2026Q1", "--activity", "x", "--performed-on", "2026-01-20", "--amount", "1"],
        lambda d, w, t: d.mdf_claim(t, "2026Q1", "x", date(2026, 1, 20), "1")),
    UseCase.DECIDE_MDF: Door(lambda w, t: ["mdf", "reject", w.claims[t], "--note", "no"],
                             lambda d, w, t: d.mdf_decide(w.claims[t], False, "no")),
    UseCase.PAY_MDF: Door(lambda w, t: ["mdf", "pay", w.claims[t], "--ref", "T1"],
                          lambda d, w, t: d.mdf_pay(w.claims[t], "T1")),
    UseCase.VIEW_LIABILITY: Door(lambda w, t: ["liability", "--from", "2025-10-01", "--to", "2025-12-31"],
                                 lambda d, w, t: d.liability(date(2025, 10, 1), date(2025, 12, 31)), scoped=False),
    UseCase.EXPORT_JOURNAL: Door(
        lambda w, t: ["journal", "--from", "2025-10-01", "--to", "2025-12-31", str(w.folder / f"j{_n(w)}.csv")],
        lambda d, w, t: d.journal_export(date(2025, 10, 1), date(2025, 12, 31), w.folder / f"j{_n(w)}.csv"),
        scoped=False),
    UseCase.VERIFY_AUDIT: Door(lambda w, t: ["audit", "verify"], lambda d, w, t: d.verify_audit(), scoped=False),
}


def _with_phone(d: Desk, phone: str) -> Any:
    from dataclasses import replace

    return replace(d.company(), phone=phone)


def _files(folder: Path) -> dict[tuple[str, str], Path]:
    rows = {
        "accounts": ("account_code,name,kind,owner_login,currency,language",
                     "{code},Renamed {code},customer,{owner},PLN,pl"),
        "invoices": ("invoice_no,line_no,invoice_date,account_code,category,quantity,net_amount,margin_amount,currency",
                     "FV/M/{code},1,2026-01-05,{code},HW,1,100.00,30.00,PLN"),
        "opening-balances": ("account_code,points,cashback,expires_on,note", "{code},10,5.00,2026-12-31,carried"),
        "contacts": ("account_code,name,role,email,phone,language", "{code},Jan Nowak,purchasing,,,pl"),
    }
    files = {}
    for fmt, (header, row) in rows.items():
        for code, owner in OWNED.items():
            path = folder / f"{fmt}-{code}.csv"
            path.write_text(f"{header}\n{row.format(code=code, owner=owner)}\n", encoding="utf-8")
            files[fmt, code] = path
    return files


@pytest.fixture(scope="module")
def matrix_world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    import itertools
    import os

    folder = tmp_path_factory.mktemp("matrix")
    os.environ["KAM_DATA_DIR"] = str(folder / "data")
    path = folder / "kam.sqlite"
    store = Store.open(path)
    world(store)  # kam1, kam2, boss (director), money (finance), the admin; categories HW and SW
    for code, owner in OWNED.items():
        account(store, code, owner=owner)
        sale(store, code, date(2025, 11, 5), "10000.00")
    admin = desk(store, "admin", TODAY)
    admin.grade(date(2025, 12, 31), apply=True)
    requests, agreements, adjustments, claims = {}, {}, {}, {}
    for code, owner in OWNED.items():
        kam = desk(store, owner, TODAY)
        requests[code] = kam.submit_exception(kam.request_exception(code, "discount", Decimal(20), "x").number).number
        agreements[code] = admin.issue_document(code, "agreement").document.number
        adjustments[code] = kam.propose_adjustment(code, "points", "5", "goodwill").number
        desk(store, "boss", TODAY).mdf_fund(code, "2026Q1", "1000")
        claims[code] = kam.mdf_claim(code, "2026Q1", "booth", date(2026, 1, 20), "10", [("invoice", "FV/1")]).number
    yield World(store, str(path), folder, requests, agreements, _files(folder), itertools.count(1), adjustments,
                claims)
    store.dispose()
    os.environ.pop("KAM_DATA_DIR", None)


def _targets(login: str, door: Door) -> list[str]:
    if not door.scoped:
        return ["A1"]
    return ["A1", "A2"] if PEOPLE[login] is Role.KAM else ["A2"]


def _expected(login: str, use_case: UseCase, target: str, door: Door) -> bool:
    own = None if not door.scoped else OWNED[target] == login
    return permits(PEOPLE[login], use_case, own=own)


def _through_cli(w: World, login: str, argv: list[str]) -> tuple[bool, str]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main([*argv, "--db", w.db, "--as", login])
    return code != EXIT_NOT_PERMITTED, err.getvalue()


def _through_desk(w: World, login: str, call: Callable[[Desk], object]) -> tuple[bool, str]:
    try:
        call(desk(w.store, login, TODAY))
    except NotPermittedError as refusal:
        return False, str(refusal)
    except Exception as other:  # noqa: BLE001 - a rule after the door: the call was let through
        return True, repr(other)
    return True, ""


def test_every_use_case_has_a_row_in_the_table_and_a_door_here() -> None:
    assert set(PERMISSIONS) == set(UseCase)
    assert set(DOORS) == set(UseCase), "a use case without a door in this test: add how the CLI and desk reach it"


@pytest.mark.parametrize("use_case", list(UseCase), ids=lambda u: u.name)
def test_the_cli_and_the_desk_answer_as_the_table(matrix_world: World, use_case: UseCase, monkeypatch: Any) -> None:
    monkeypatch.setenv("KAM_TODAY", TODAY.isoformat())
    door = DOORS[use_case]
    wrong = []
    for login in PEOPLE:
        for target in _targets(login, door):
            expected = _expected(login, use_case, target, door)
            by_cli, cli_text = _through_cli(matrix_world, login, door.cli(matrix_world, target))
            by_desk, desk_text = _through_desk(matrix_world, login,
                                               lambda d, t=target: door.desk(d, matrix_world, t))
            for door_name, got, text in (("kamctl", by_cli, cli_text), ("desk", by_desk, desk_text)):
                if got != expected:
                    wrong.append(f"{door_name} as {login} on {target}: {'let through' if got else 'refused'}, "
                                 f"the table says {'let through' if expected else 'refused'} ({text.strip()[:160]})")
            if not expected:
                assert str(use_case) in cli_text and str(use_case) in desk_text  # the refusal names what
    assert not wrong, "\n".join(wrong)


def test_an_unknown_or_inactive_person_is_refused_at_every_door(matrix_world: World, monkeypatch: Any) -> None:
    monkeypatch.setenv("KAM_TODAY", TODAY.isoformat())
    with matrix_world.store.unit_of_work("admin") as uow:
        requests = len(uow.session.scalars(select(ExceptionRequest)).all())
    allowed, text = _through_cli(matrix_world, "ghost", ["exception", "request", "A1", "--kind", "discount",
                                                          "--requested", "15", "--justification", "x"])
    assert "no person with login 'ghost'" in text
    with pytest.raises(Exception, match="no person with login 'ghost'"):
        as_(matrix_world.store, "ghost")
    with matrix_world.store.unit_of_work("admin") as uow:
        assert len(uow.session.scalars(select(ExceptionRequest)).all()) == requests  # nothing written


def test_the_documented_table_is_the_table() -> None:
    from pathlib import Path

    from kam_desktop.cli.admin import permissions_markdown

    documented = (Path(__file__).resolve().parents[2] / "docs" / "permissions.md").read_text(encoding="utf-8")
    assert permissions_markdown() in documented, "update docs/permissions.md from `kamctl permissions`"
