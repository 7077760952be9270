"""Messages a person reads: an English template with named parameters, translated at the edge (kam_desktop.i18n).

The English template is the message id the catalogues are keyed by (`resources/translations/messages_*.po`);
`str()` of a message or a refusal is the English text, so logs, tests and `--json` stay as they were. A
parameter may itself be a `Message` (a rule's name, a nested reason) and is then translated too; an enum
value (a role, a status, a use case) is translated as vocabulary; numbers, money and dates are formatted
for the reader's language by whoever shows the message.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any


def render(template: str, params: Mapping[str, Any]) -> str:
    """The English text: the template filled in; with no parameters the template is the text (braces and all)."""
    return template.format(**params) if params else template


@dataclass(frozen=True)
class Message:
    """A template (English, with `{named}` parameters) and the values to fill it with."""

    template: str
    params: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))

    @classmethod
    def of(cls, template: str, /, **params: Any) -> Message:
        return cls(template, MappingProxyType(params))

    def __str__(self) -> str:
        return render(self.template, self.params)


@dataclass(frozen=True)
class Listing:
    """Several messages shown as one parameter ("no liability account for points; no counter-account for …")."""

    items: tuple[Message, ...]
    separator: str = "; "

    def __str__(self) -> str:
        return self.separator.join(str(item) for item in self.items)


class Refusal(Exception):
    """Something a rule refuses, or input that cannot be used, told as a `Message`; `str()` is the English text.

    Subclasses keep their own exception bases (a `ValueError` stays one), so callers that caught them before
    still do; services pass the message on unchanged (`Refused.of(refusal)`).
    """

    def __init__(self, template: str, /, **params: Any) -> None:
        self.message = Message.of(template, **params)
        super().__init__(str(self.message))

    @property
    def template(self) -> str:
        return self.message.template

    @property
    def params(self) -> Mapping[str, Any]:
        return self.message.params


class ActorRefusal(Refusal):
    """A refusal that names who was refused and which rule refused them: `actor: what happened [rule]`.

    `rule` is a class attribute, one English phrase per subclass; it is translated like any template.
    """

    rule = "rule"

    def __init__(self, actor: str, template: str, /, **params: Any) -> None:
        self.actor = actor
        super().__init__("{actor}: {problem} [{rule}]", actor=actor, problem=Message.of(template, **params),
                         rule=Message.of(self.rule))

    @property
    def problem(self) -> Message:
        """What happened, without who and which rule."""
        problem: Message = self.message.params["problem"]
        return problem
