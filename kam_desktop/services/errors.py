"""Errors a user meets from the services: each says what went wrong and what to do, in any UI language.

A message is an English template with named parameters (`"no account with code {code!r}"`, code="C1"): the
template is the message id the translations are keyed by, and `str(error)` is the English text. The GUI and
the CLI show `translated(error, language)` (`kam_desktop.i18n`), never a text of their own.
"""

from __future__ import annotations

from typing import Any

from kam_desktop.domain.permissions import NotPermitted


class ServiceError(Exception):
    """A refused or impossible action, with a message fit to show as it is."""

    def __init__(self, template: str, /, **params: Any) -> None:
        self.template = template
        self.params = params
        super().__init__(template.format(**params) if params else template)


class NotFound(ServiceError):
    """The named account, user, document, … does not exist."""


class Refused(ServiceError):
    """A rule forbids the action (who, which rule)."""


class NotPermittedError(Refused):
    """The actor's role may not use this use case (or not on this account): the one permission table says so."""

    @classmethod
    def of(cls, refusal: NotPermitted) -> NotPermittedError:
        person = refusal.person
        if refusal.account is None:
            return cls("{login} ({role}) may not {use_case} [{rule}]", login=person.login, role=person.role,
                       use_case=refusal.use_case, rule=refusal.rule)
        return cls("{login} ({role}) may not {use_case} of {account}: it is another KAM's account [{rule}]",
                   login=person.login, role=person.role, use_case=refusal.use_case, account=refusal.account,
                   rule=refusal.rule)


class Cancelled(ServiceError):
    """The person stopped a long job before it was committed: nothing was changed."""
