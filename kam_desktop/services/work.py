"""A use case's transaction: the store's unit of work, whose storage refusals are the use case's refusals."""

from __future__ import annotations

from types import TracebackType

from kam_desktop.services.errors import ServiceError
from kam_desktop.store.limits import FieldTooLongError
from kam_desktop.store.uow import UnitOfWork


class UseCaseWork(UnitOfWork):
    """A text too long for its column (the store checks before each flush) becomes a `ServiceError`, which every
    screen and kamctl show as a refusal, instead of a storage error only kamctl would show."""

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        super().__exit__(exc_type, exc, tb)
        if isinstance(exc, FieldTooLongError):
            raise ServiceError.of(exc) from None
