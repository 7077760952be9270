"""The closed vocabularies whose values are translated when they appear in a message (roles, statuses, …).

A parameter that is one of these enums is looked up in the catalogue with the enum's name as the context
(`msgctxt "Role"`, `msgid "kam"`), so "finance" the role and "finance" the contact can differ. The renderer
knows them by name (`render.CONTEXTS`, checked against this list by a test) so that showing a message does not
import every domain module: the first paint of the window stays light.
"""

from __future__ import annotations

from enum import Enum

from kam_desktop.domain import vocabulary as v
from kam_desktop.domain.adjustments import AdjustmentStatus
from kam_desktop.domain.adjustments import Step as AdjustmentStep
from kam_desktop.domain.exceptions import Action
from kam_desktop.domain.late_facts import FactKind
from kam_desktop.domain.mdf import ClaimStatus
from kam_desktop.domain.movements import Movement
from kam_desktop.domain.payout import PayoutMethod
from kam_desktop.domain.permissions import UseCase
from kam_desktop.domain.rewards import PartnerEvent

VOCABULARY: tuple[type[Enum], ...] = (
    v.Role, v.AccountKind, v.AccountStatus, v.ContactRole, v.SlotSource, v.BenefitType, v.CostModel,
    v.GrantStatus, v.LedgerKind, v.LedgerUnit, v.ExceptionKind, v.ExceptionStatus, v.Decision, v.DocumentKind,
    v.DocumentStatus, UseCase, Action, AdjustmentStatus, AdjustmentStep, ClaimStatus, Movement, FactKind,
    PartnerEvent, PayoutMethod,
)
_NAMES = {kind: kind.__name__ for kind in VOCABULARY} | {AdjustmentStep: "AdjustmentStep"}


def contexts() -> dict[tuple[str, str], str]:
    """(module, class name) → catalogue context of every translated vocabulary."""
    return {(kind.__module__, kind.__qualname__): name for kind, name in _NAMES.items()}


def entries() -> list[tuple[str, str]]:
    """(context, value) of every word to translate, for the extraction."""
    return [(_NAMES[kind], str(member.value)) for kind in VOCABULARY for member in kind]
