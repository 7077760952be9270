"""New names in an import file — categories, owners — and what the person decided for each: map it to an
existing one ("did you mean"), or add it as new. A name that looks like an existing one is never added
silently, and only a role that may manage people adds a person."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from kam_desktop.domain.messages import Message
from kam_desktop.domain.permissions import UseCase, permits
from kam_desktop.domain.vocabulary import Role
from kam_desktop.imports.errors import ImportIssue
from kam_desktop.imports.matching import suggestions
from kam_desktop.imports.staged import ImportResult, StagedRows
from kam_desktop.imports.synonyms import normalise_label
from kam_desktop.store.models import ProductCategory, User

CREATE = "+"  # a decision: add the new name as it is
COLUMNS = {"category": "category", "owner": "owner_login"}  # kind → the staged column holding it
ValueMap = Mapping[tuple[str, str], str]  # (kind, name in the file) → an existing key, or CREATE


@dataclass(frozen=True)
class Known:
    """An existing category or person as a choice: its key (code, login) and how it reads."""

    key: str
    label: str


@dataclass(frozen=True)
class NewValue:
    """A name of the file the store does not know: what it may be, and whether the actor may add it."""

    kind: str  # category | owner
    value: str
    suggestions: tuple[Known, ...]
    may_create: bool
    row: int | None  # the first row that names it

    @property
    def needs_decision(self) -> bool:
        """It looks like an existing one, or it cannot be added by this person: someone must say what it is."""
        return bool(self.suggestions) or not self.may_create


def known_values(session: Session, kind: str) -> dict[str, Known]:
    """Every existing category (code · name) or person (login · name) a new name may be mapped to."""
    if kind == "category":
        rows = session.execute(select(ProductCategory.code, ProductCategory.name)
                               .where(ProductCategory.deleted_at.is_(None)).order_by(ProductCategory.code))
    else:
        rows = session.execute(select(User.login, User.name).where(User.active.is_(True), User.deleted_at.is_(None))
                               .order_by(User.login))
    return {key: Known(key, f"{key} · {name}" if name and name != key else key) for key, name in rows}


def _aliases(session: Session, kind: str) -> dict[str, list[str]]:
    if kind == "category":
        rows = session.execute(select(ProductCategory.code, ProductCategory.name, ProductCategory.name_pl,
                                      ProductCategory.name_ru).where(ProductCategory.deleted_at.is_(None)))
        return {code: [n for n in names if n] for code, *names in rows}
    return {login: [name] for login, name in session.execute(select(User.login, User.name))}


def review(session: Session, result: ImportResult, role: Role) -> tuple[NewValue, ...]:
    """Each new name of the (validated) file with the existing ones it probably means."""
    found = []
    for kind, names in (("category", result.new_categories), ("owner", result.new_owner_logins)):
        if not names:
            continue
        aliases = _aliases(session, kind)
        known = known_values(session, kind)
        may = kind == "category" or permits(role, UseCase.MANAGE_USERS)
        for name in names:
            found.append(NewValue(kind, name, tuple(known[k] for k in suggestions(name, aliases) if k in known), may,
                                  _first_row(result, kind, name)))
    return tuple(found)


def _first_row(result: ImportResult, kind: str, name: str) -> int | None:
    frame = result.staged.frame
    column = COLUMNS[kind]
    if column not in frame or "row" not in frame or len(frame) == 0:
        return None
    label = normalise_label(name)
    hits = frame.loc[frame[column].map(lambda v: bool(v) and normalise_label(str(v)) == label), "row"]
    return int(hits.iloc[0]) if len(hits) else None


def remapped(result: ImportResult, decisions: ValueMap) -> ImportResult:
    """The result with every name mapped to an existing one replaced by it (and no longer new)."""
    mapped = {(kind, normalise_label(value)): target for (kind, value), target in decisions.items()
              if target and target != CREATE}
    if not mapped or len(result.staged) == 0:
        return result
    frame = result.staged.frame.copy()
    for kind, column in COLUMNS.items():
        targets = {label: target for (k, label), target in mapped.items() if k == kind}
        if targets and column in frame:
            frame[column] = frame[column].map(lambda v, t=targets: t.get(normalise_label(str(v)), v) if v else v)
    staged = StagedRows(result.staged.row_type, frame, {f: result.staged.kind_of(f) for f in result.staged.fields},
                        result.staged.numbers)  # the same rows, only names replaced
    return replace(result, staged=staged,
                   new_categories=_left(result.new_categories, "category", mapped),
                   new_owner_logins=_left(result.new_owner_logins, "owner", mapped))


def _left(names: Iterable[str], kind: str, mapped: Mapping[tuple[str, str], str]) -> tuple[str, ...]:
    return tuple(n for n in names if (kind, normalise_label(n)) not in mapped)


def undecided(result: ImportResult, values: Iterable[NewValue], decisions: ValueMap) -> list[ImportIssue]:
    """Why the file cannot be applied as decided: a look-alike name nobody decided on, or a person the actor may
    not add — each at the first row that names it."""
    issues = []
    column_header = {kind: result.columns.get(column, column) for kind, column in COLUMNS.items()}
    for value in values:
        decision = decisions.get((value.kind, value.value))
        if not value.may_create and decision in (None, CREATE):
            issues.append(ImportIssue.of(result.file, value.row, column_header[value.kind], Message.of(
                "owner {owner!r} is not a person of this store, and only an administrator adds people: map it to an "
                "existing login in the import dialog, or ask an administrator to add the person first",
                owner=value.value)))
        elif value.suggestions and decision is None:
            options = ", ".join(s.label for s in value.suggestions)
            if value.kind == "category":
                message = Message.of("category {value!r} looks like the existing {options}: map it to that one in the "
                                     "import dialog, or confirm it as new; nothing is added as a near-duplicate",
                                     value=value.value, options=options)
            else:
                message = Message.of("owner {value!r} looks like the existing {options}: map it to that one in the "
                                     "import dialog, or confirm it as new; nothing is added as a near-duplicate",
                                     value=value.value, options=options)
            issues.append(ImportIssue.of(result.file, value.row, column_header[value.kind], message))
    return issues
