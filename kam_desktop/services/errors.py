"""Errors a user meets from the services: each says what went wrong and what to do, in any UI language.

A message is an English template with named parameters (`"no account with code {code!r}"`, code="C1"): the
template is the message id the translations are keyed by, and `str(error)` is the English text. The GUI and
the CLI show `translated(error, language)` (`kam_desktop.i18n`), never a text of their own. A refusal of a
domain rule reaches the user with its own template and parameters: `raise Refused.of(refusal)`.
"""

from __future__ import annotations

from typing import Any, Self

from kam_desktop.domain.messages import Message, Refusal


class ServiceError(Refusal):
    """A refused or impossible action, with a message fit to show as it is."""

    def __init__(self, template: str, /, **params: Any) -> None:
        super().__init__(template, **params)

    @classmethod
    def of(cls, refusal: Refusal) -> Self:
        """The same message (template and parameters) as a domain refusal, as this kind of service error."""
        return cls.with_message(refusal.message)

    @classmethod
    def with_message(cls, message: Message) -> Self:
        return cls(message.template, **message.params)


class NotFound(ServiceError):
    """The named account, user, document, … does not exist."""


class Refused(ServiceError):
    """A rule forbids the action (who, which rule)."""


class NotPermittedError(Refused):
    """The actor's role may not use this use case (or not on this account): the one permission table says so."""


class Cancelled(ServiceError):
    """The person stopped a long job before it was committed: nothing was changed."""
