"""Errors a user meets from the services: each says what went wrong and what to do."""

from __future__ import annotations


class ServiceError(Exception):
    """A refused or impossible action, with a message fit to show as it is."""


class NotFound(ServiceError):
    """The named account, user, document, … does not exist."""


class Refused(ServiceError):
    """A rule forbids the action (who, which rule)."""
