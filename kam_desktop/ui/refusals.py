"""One way to show what the engine says — a refusal, a finding, a note — in the language the window speaks.

Services and the domain raise errors whose message is an English template with parameters; the screens
never show `str(error)`, they show `refusal_text(error)`: the template translated (`kam_desktop.i18n`),
names, roles and statuses in the UI language, numbers, money and dates in its formats.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kam_desktop.i18n import translated
from kam_desktop.ui.i18n import Formats, current_language, fill

if TYPE_CHECKING:  # the main window imports this module before its first paint; the widgets come later
    from kam_desktop.ui.widgets import MessageLine


def refusal_text(error: object) -> str:
    """What went wrong, in the UI language: a service or domain refusal translated; any other error as it reads."""
    return message_text(error)


# A refusal may end with the kamctl command that is the next step at a terminal ("; see `kamctl users list`",
# "(kamctl fx set EUR RATE …)"). The window has its own ways to that step, and a KAM never opens a terminal.
_CLI_HINT = re.compile(r"\s*;[^;]*`kamctl [^`]*`[^;]*$|\s*\((?:[^()]*[\s`])?kamctl [^()]*\)")


def message_text(message: object) -> str:
    """A `Message` (a KPI note, a decision, a warning) or anything carrying one, in the UI language."""
    language = current_language()
    return without_cli_hints(translated(message, language, Formats(language)))


def without_cli_hints(text: str) -> str:
    """`text` without the kamctl commands it suggests."""
    return _CLI_HINT.sub("", text)


def say_refused(line: MessageLine, template: str, error: BaseException) -> None:
    """Show `template` (already translated, with a `{reason}` placeholder) with the refusal in `line`."""
    line.error(fill(template, reason=refusal_text(error)))
