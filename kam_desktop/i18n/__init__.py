"""What the engine says, in the reader's language: `translated(error_or_message, language, format=...)`."""

from kam_desktop.i18n.render import message_of, translated

__all__ = ["message_of", "translated"]
