"""The Reports screen's figures remembered on a laptop's store while they are exact, so reopening Reports reads them.

At 20,000 accounts the KPIs take ~1.7 s of SQL and Python and the simulator's bases ~0.2 s. The store counts every
change of the tables they are computed from (`data_generation`: SQLite triggers of migrations 0017 and 0019, the
sales by store/rollup.py's writers). An entry holds a value with its kind, scope (the whole program or one KAM's
portfolio), the day it is as of, the count it was read at and the build; it is served only while all of these still
hold, and is written only when the count has not moved since the value was read. On PostgreSQL (a team server)
nothing is remembered: `generation` answers None and the caller computes.

A value is kept as typed JSON: Decimals as text (exact, with their places), days as ISO text, and dataclasses and
enums by the name of a class the caller allows; anything else cannot be written, and an entry that does not read back
into the caller's classes is computed again.
"""

from __future__ import annotations

import dataclasses
import enum
import json
import logging
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from decimal import Decimal
from types import MappingProxyType
from typing import Any

from sqlalchemy import Engine, delete, insert, or_, select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from kam_desktop import __version__
from kam_desktop.store.models import KpiSnapshot

FORMAT = 1  # of the stored text
# an entry of another build (other rules after the SQL, another format) is not this build's
VERSION = f"{__version__}:{FORMAT}"
PROGRAM = "program"  # the scope of the whole program; one KAM's portfolio is "owner:<login>"
log = logging.getLogger(__name__)

_COUNT = text("SELECT generation FROM data_generation WHERE id = 1")


def owner_scope(owner: str | None) -> str:
    """The scope an entry is kept under: the whole program (None) or one owner's portfolio."""
    return PROGRAM if owner is None else f"owner:{owner}"


def generation(session: Session) -> int | None:
    """How many changes the figures' tables have seen, read in `session`'s transaction; None where nothing is
    remembered (PostgreSQL: a team server keeps no count)."""
    if session.get_bind().dialect.name != "sqlite":
        return None
    found = session.execute(_COUNT).scalar_one_or_none()
    return None if found is None else int(found)


def read(session: Session, kind: str, scope: str, as_of: date, at_generation: int, classes: Iterable[type]) -> Any:
    """The value remembered for (kind, scope, as_of) at `at_generation` by this build, else None; the value is of
    the first of `classes`, made of them.

    Call it in the read transaction `at_generation` was read in, so that no change can fall between them.
    """
    found = session.execute(select(KpiSnapshot.value).where(
        KpiSnapshot.kind == kind, KpiSnapshot.scope == scope, KpiSnapshot.as_of == as_of,
        KpiSnapshot.generation == at_generation, KpiSnapshot.version == VERSION)).scalar_one_or_none()
    if found is None:
        return None
    allowed = tuple(classes)
    try:
        value = decode(found, allowed)
        if not isinstance(value, allowed[0]):
            raise TypeError(f"a {type(value).__name__}, not a {allowed[0].__name__}")
        return value
    except (ValueError, KeyError, TypeError, IndexError, AttributeError, ArithmeticError) as error:
        # damaged or of an unknown shape: computed again (and written over by that computation)
        log.warning("a remembered %s entry is unreadable (%s); the figures are computed", kind, error)
        return None


def write(engine: Engine, kind: str, scope: str, as_of: date, at_generation: int, value: object,
          classes: Iterable[type]) -> bool:
    """Remember `value`, read at `at_generation`, for (kind, scope, as_of); False (nothing written) when the data has
    changed since it was read, when it would not read back exactly, or when the store cannot be written now. Entries
    of another count or build go: they can never be served again."""
    try:
        stored = encode(value)
        exact = repr(decode(stored, classes)) == repr(value)
    except (TypeError, ValueError) as error:
        log.warning("the %s figures cannot be remembered (%s)", kind, error)
        return False
    if not exact:  # repr: every Decimal's places and every type, which == alone does not compare
        log.warning("the %s figures would not read back exactly; not remembered", kind)
        return False
    try:
        with engine.connect() as connection:
            connection.execution_options(kam_write=True)  # BEGIN IMMEDIATE: the count cannot move under the write
            with connection.begin():
                if connection.execute(_COUNT).scalar_one_or_none() != at_generation:
                    return False
                connection.execute(delete(KpiSnapshot).where(or_(
                    KpiSnapshot.generation != at_generation, KpiSnapshot.version != VERSION,
                    (KpiSnapshot.kind == kind) & (KpiSnapshot.scope == scope) & (KpiSnapshot.as_of == as_of))))
                connection.execute(insert(KpiSnapshot).values(kind=kind, scope=scope, as_of=as_of,
                                                              generation=at_generation, version=VERSION, value=stored))
    except DBAPIError as error:  # busy or read-only: the figures were shown all the same, the next call computes
        log.warning("the %s figures were not remembered: %s", kind, error)
        return False
    return True


def encode(value: object) -> str:
    """`value` as typed JSON (TypeError for a value this format cannot hold exactly, e.g. a float or a set)."""
    return json.dumps(_encoded(value), ensure_ascii=False, separators=(",", ":"))


def decode(stored: str, classes: Iterable[type]) -> Any:
    """The value `encode` wrote, its dataclasses and enums among `classes` (else ValueError)."""
    return _Decoder({_name(c): c for c in classes}).value(json.loads(stored))


def _name(cls: type) -> str:
    return f"{cls.__module__}.{cls.__qualname__}"


def _encoded(value: object) -> Any:
    if value is None or isinstance(value, (bool, int, str)) and not isinstance(value, enum.Enum):
        return value
    if isinstance(value, Decimal):
        return {"$": "d", "v": str(value)}
    if isinstance(value, datetime):  # a datetime is a date too: refused rather than kept as its day
        raise TypeError("a datetime is not kept")
    if isinstance(value, date):
        return {"$": "day", "v": value.isoformat()}
    if isinstance(value, enum.Enum):
        return {"$": "enum", "c": _name(type(value)), "v": value.value}
    if isinstance(value, (list, tuple)):
        if value and all(v is None or isinstance(v, Decimal) for v in value):  # a column of amounts: one tag
            return {"$": "ds", "t": isinstance(value, tuple), "v": [None if v is None else str(v) for v in value]}
        if value and all(v is None or type(v) is str for v in value):  # a column of codes: read back as it is
            return {"$": "ss", "t": isinstance(value, tuple), "v": list(value)}
        if value and all(type(v) is int for v in value):  # a column of whole cents: read back as it is
            return {"$": "is", "t": isinstance(value, tuple), "v": list(value)}
        items = [_encoded(v) for v in value]
        return {"$": "tuple", "v": items} if isinstance(value, tuple) else items
    if isinstance(value, (dict, MappingProxyType)):
        return {"$": "map" if isinstance(value, dict) else "proxy", "v": [[_encoded(k), _encoded(v)]
                                                                           for k, v in value.items()]}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = dataclasses.fields(value)
        if not all(f.init for f in fields):
            raise TypeError(f"{type(value).__name__} has a field its constructor does not take")
        return {"$": "obj", "c": _name(type(value)), "f": {f.name: _encoded(getattr(value, f.name)) for f in fields}}
    raise TypeError(f"a {type(value).__name__} is not kept")


@dataclasses.dataclass(frozen=True)
class _Decoder:
    classes: Mapping[str, type]

    def value(self, stored: Any) -> Any:
        if isinstance(stored, list):
            return [self.value(v) for v in stored]
        if not isinstance(stored, dict):
            if isinstance(stored, float):
                raise ValueError("a float in a remembered entry")
            return stored
        tag = stored["$"]
        if tag == "d":
            return Decimal(stored["v"])
        if tag == "ds":
            amounts = [None if v is None else Decimal(v) for v in stored["v"]]
            return tuple(amounts) if stored["t"] else amounts
        if tag == "ss":
            if not all(v is None or isinstance(v, str) for v in stored["v"]):
                raise ValueError("a column of text with something else in it")
            return tuple(stored["v"]) if stored["t"] else stored["v"]
        if tag == "is":
            if not all(type(v) is int for v in stored["v"]):
                raise ValueError("a column of whole numbers with something else in it")
            return tuple(stored["v"]) if stored["t"] else stored["v"]
        if tag == "day":
            return date.fromisoformat(stored["v"])
        if tag == "tuple":
            return tuple(self.value(v) for v in stored["v"])
        if tag in ("map", "proxy"):
            mapping = {self.value(k): self.value(v) for k, v in stored["v"]}
            return mapping if tag == "map" else MappingProxyType(mapping)
        if tag == "enum":
            return self._class(stored["c"])(stored["v"])
        if tag == "obj":
            if not dataclasses.is_dataclass(self._class(stored["c"])):
                raise ValueError(f"{stored['c']} is not a dataclass")
            return self._class(stored["c"])(**{name: self.value(v) for name, v in stored["f"].items()})
        raise ValueError(f"unknown tag {tag!r}")

    def _class(self, name: str) -> Any:
        if name not in self.classes:
            raise ValueError(f"{name} is not a class of this entry")
        return self.classes[name]
