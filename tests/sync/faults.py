"""Cutting a laptop's connection to the server after its N-th statement, as a dropped network would."""

from __future__ import annotations

from types import TracebackType
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Engine, event


class CutAfter:
    """While active, the `n`-th statement `login` sends to the server succeeds, then its backend is terminated:
    the server rolls back whatever was not committed and the laptop meets a dead connection at its next step."""

    def __init__(self, admin_url: str, login: str, n: int) -> None:
        self.admin = sa.create_engine(admin_url, isolation_level="AUTOCOMMIT")
        self.login = login
        self.n = n
        self.count = 0
        self.fired = False

    def __enter__(self) -> CutAfter:
        event.listen(Engine, "after_cursor_execute", self._after)
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        event.remove(Engine, "after_cursor_execute", self._after)
        self.admin.dispose()

    def _after(self, connection: sa.Connection, cursor: Any, *_args: Any) -> None:
        if connection.engine.url.username != self.login or self.fired:
            return
        self.count += 1
        if self.count == self.n:
            self.fired = True
            pid = cursor.connection.info.backend_pid
            with self.admin.connect() as admin:
                admin.execute(sa.text("SELECT pg_terminate_backend(:pid, 5000)"), {"pid": pid})


class Counting(CutAfter):
    """Counts the statements of a clean sync (n = 0 never cuts)."""

    def __init__(self, admin_url: str, login: str) -> None:
        super().__init__(admin_url, login, 0)
