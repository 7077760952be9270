"""Counted phrases of the documents ("90 days", "90 dni", "90 дней") through the catalogues' plural forms.

English is the code itself (singular for 1, plural otherwise); Polish and Russian come from the plural entries
(`msgid_plural`, `msgstr[0..2]`) of `resources/translations/messages_<language>.po`, chosen by the catalogue's
own `Plural-Forms` expression, exactly as gettext's `ngettext` does. `extract.py` finds every `counted(...)`
call and `--check` fails on a missing form. A context (`msgctxt`) tells apart the grammatical cases one
English phrase takes in Polish or Russian ("after 12 months": genitive; "over the preceding 12 months":
accusative in Russian).

Only whole counts: gettext's plural expressions take integers. A fraction ("0.01 points") takes CLDR's
"other" form through `texts.plural`.
"""

from __future__ import annotations

import gettext
import logging
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from kam_desktop.documents.content import Lang
from kam_desktop.resources import resource

log = logging.getLogger(__name__)

PluralKey = tuple[str | None, str, str]  # (context, singular, plural)


@dataclass(frozen=True)
class PluralCatalogue:
    """The plural entries of one language's catalogue and its rule for picking a form."""

    forms: dict[PluralKey, tuple[str, ...]]
    rule: Callable[[int], int]


@cache
def plural_catalogue(lang: str) -> PluralCatalogue:
    """The plural entries of messages_<lang>.po (none for English, whose forms are the msgids)."""
    if lang == "en":
        return PluralCatalogue({}, lambda n: 0 if n == 1 else 1)
    from babel.messages.pofile import read_po  # Babel's reader only when a document first counts

    with resource("translations", f"messages_{lang}.po").open("rb") as handle:
        catalog = read_po(handle, locale=lang)
    forms: dict[PluralKey, tuple[str, ...]] = {}
    for message in catalog:
        if isinstance(message.id, tuple | list) and isinstance(message.string, tuple | list) and all(message.string):
            forms[(message.context, message.id[0], message.id[1])] = tuple(message.string)
    return PluralCatalogue(forms, gettext.c2py(catalog.plural_expr))


def counted(lang: Lang, singular: str, plural: str, count: int, context: str | None = None) -> str:
    """The phrase for `count` in `lang` with `{count}` filled: ngettext over the .po's plural forms."""
    catalogue = plural_catalogue(lang)
    forms = catalogue.forms.get((context, singular, plural))
    if forms is None:
        if lang != "en":  # extract.py --check keeps this from shipping; a document must still print
            log.warning("no %s plural forms for %r (%s)", lang, singular, context)
        template = singular if count == 1 else plural
    else:
        template = forms[min(catalogue.rule(count), len(forms) - 1)]
    return template.format(count=count)
