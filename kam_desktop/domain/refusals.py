"""Typed refusals of the settlement rules: each names who was refused and which rule refused them."""

from __future__ import annotations


class RuleRefused(Exception):
    """An action a settlement rule refuses; `str()` reads `actor: what happened [rule]`."""

    rule = "settlement rule"

    def __init__(self, actor: str, message: str) -> None:
        self.actor = actor
        super().__init__(f"{actor}: {message} [{self.rule}]")


class IllegalTransitionError(RuleRefused):
    rule = "illegal transition"


class SelfApprovalError(RuleRefused):
    rule = "a second person approves"


class WrongRoleError(RuleRefused):
    rule = "a KAM proposes, finance books"
