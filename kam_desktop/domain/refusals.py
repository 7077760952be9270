"""Typed refusals of the settlement rules: each names who was refused and which rule refused them."""

from __future__ import annotations

from kam_desktop.domain.messages import ActorRefusal


class RuleRefused(ActorRefusal):
    """An action a settlement rule refuses; `str()` reads `actor: what happened [rule]`."""

    rule = "settlement rule"


class IllegalTransitionError(RuleRefused):
    rule = "illegal transition"


class SelfApprovalError(RuleRefused):
    rule = "a second person approves"


class WrongRoleError(RuleRefused):
    rule = "a KAM proposes, finance books"
