"""Messages a person reads: an English template with named parameters, translated at the edge (kam_desktop.i18n).

The English template is the message id the catalogues are keyed by (`resources/translations/messages_*.po`);
`str()` of a message or a refusal is the English text, so logs, tests and `--json` stay as they were. A
parameter may itself be a `Message` (a rule's name, a nested reason) and is then translated too; an enum
value (a role, a status, a use case) is translated as vocabulary; numbers, money and dates are formatted
for the reader's language by whoever shows the message.
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
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
    """Several messages shown as one parameter ("no liability account for points; no counter-account for …").

    An item may be plain text (a note a person typed), shown as it is in every language.
    """

    items: tuple[Message | str, ...]
    separator: str = "; "

    def __str__(self) -> str:
        return self.separator.join(str(item) for item in self.items)


@dataclass(frozen=True)
class NoteTemplate:
    """A note the program writes on a record it makes (a ledger entry's "grade L2"), stored as English text.

    `fill` writes the note; `read` recognises a stored note and gives it back as a `Message`, its parameters
    read by `readers` (text → value), so a screen can show it in the reader's language. Notes a person typed
    match no template and are shown as they are.
    """

    template: str
    readers: Mapping[str, Callable[[str], Any]] = field(default_factory=dict)

    def fill(self, **params: Any) -> str:
        return self.template.format(**params)

    def read(self, text: str) -> Message | None:
        found = self._pattern.fullmatch(text)
        if found is None:
            return None
        try:
            params = {name: self.readers.get(name, str)(value) for name, value in found.groupdict().items()}
        except (ValueError, ArithmeticError):  # looks like the note but a part does not read back (typed)
            return None
        return Message(self.template, params)

    @cached_property
    def _pattern(self) -> re.Pattern[str]:
        parts = []
        for literal, name, _spec, _conversion in string.Formatter().parse(self.template):
            parts.append(re.escape(literal))
            if name:
                parts.append(f"(?P<{name}>.+?)")
        return re.compile("".join(parts), re.DOTALL)


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
