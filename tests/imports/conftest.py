"""Shared builders for import tests: the lookup a caller passes and small file writers."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from kam_desktop.imports.importer import import_file
from kam_desktop.imports.staged import ImportResult, KnownData


@pytest.fixture
def known() -> KnownData:
    return KnownData(
        accounts={"PL-0001": "PLN", "PL-0002": "PLN", "PL-0003": "PLN", "RU-0001": "RUB",
                  "RU-0002": "RUB", "EU-0001": "EUR"},
        owner_logins=frozenset({"anowak", "ipetrov"}),
        categories=frozenset({"Cables", "Kable", "Кабель"}),
        today=date(2026, 3, 1),
    )


Writer = Callable[..., Path]


@pytest.fixture
def write(tmp_path: Path) -> Writer:
    """write("name.csv", text, encoding="utf-8") → path; bytes are written as given."""

    def _write(name: str, content: str | bytes, encoding: str = "utf-8") -> Path:
        path = tmp_path / name
        path.write_bytes(content if isinstance(content, bytes) else content.encode(encoding))
        return path

    return _write


@pytest.fixture
def run(known: KnownData) -> Callable[..., ImportResult]:
    def _run(path: Path, format_name: str = "invoices", **kwargs: object) -> ImportResult:
        return import_file(path, format_name, known, **kwargs)  # type: ignore[arg-type]

    return _run
