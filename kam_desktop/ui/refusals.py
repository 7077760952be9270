"""One way to show a service's refusal: its message in the UI language, put where the person looks."""

from __future__ import annotations

from kam_desktop.services.errors import ServiceError
from kam_desktop.ui.i18n import fill
from kam_desktop.ui.widgets import MessageLine


def refusal_text(error: BaseException) -> str:
    """The refusal's message for the screen.

    A service error carries an English template and its parameters (the message id); until the
    messages engineer's `translated(error, language)` lands, this is its English text — every screen
    goes through here, so switching to the translated text is this one function.
    """
    if isinstance(error, ServiceError):
        return str(error)
    return str(error) or type(error).__name__


def say_refused(line: MessageLine, template: str, error: BaseException) -> None:
    """Show `template` (already translated, with a `{reason}` placeholder) with the refusal in `line`."""
    line.error(fill(template, reason=refusal_text(error)))
