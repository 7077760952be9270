"""The message catalogues (`resources/translations/messages_<language>.po`), read with Babel at first use."""

from __future__ import annotations

import logging
from functools import lru_cache
from pathlib import Path

from kam_desktop.resources import resource

log = logging.getLogger(__name__)

LANGUAGES = ("en", "pl", "ru")  # English is the templates themselves: it has no catalogue
TRANSLATED = ("pl", "ru")

Key = tuple[str | None, str]  # (context, English text): context is a vocabulary's name, None for a template


def catalogue_path(language: str) -> Path:
    return resource("translations", f"messages_{language}.po")


@lru_cache(maxsize=4)
def catalogue(language: str) -> dict[Key, str]:
    """Every finished translation of `language` (empty for English or a language we do not translate).

    Entries the extraction marked obsolete count too: a template that comes back (a branch merged before the
    catalogues were refreshed) is then still translated.
    """
    if language not in TRANSLATED:
        return {}
    from babel.messages.pofile import read_po  # Babel only when a translation is first needed

    path = catalogue_path(language)
    try:
        with path.open("rb") as handle:
            parsed = read_po(handle, locale=language)
    except OSError as exc:
        log.warning("no message catalogue for %s (%s): messages stay in English", language, exc)
        return {}
    table: dict[Key, str] = {}
    for message in [*parsed.obsolete.values(), *parsed]:  # live entries win over obsolete ones
        if isinstance(message.id, str) and message.id and isinstance(message.string, str) and message.string \
                and not message.fuzzy:
            table[(message.context, message.id)] = message.string
    return table


def lookup(language: str, text: str, context: str | None = None) -> str | None:
    """The translation of `text` (a template, or a vocabulary word in `context`), or None."""
    return catalogue(language).get((context, text))
