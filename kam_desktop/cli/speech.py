"""How kamctl speaks to a person: in `--lang`, else the environment's language; `--json` stays English + ids."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from kam_desktop.domain.messages import Message
from kam_desktop.i18n import message_of, translated
from kam_desktop.i18n.language import SUPPORTED, language_from_environment
from kam_desktop.jsonable import to_jsonable

LANGUAGES = SUPPORTED


def language_of(args: argparse.Namespace) -> str:
    """`kamctl --lang` when given, else what LANGUAGE / LC_ALL / LC_MESSAGES / LANG (or the OS locale) ask for."""
    return getattr(args, "messages_lang", None) or language_from_environment()


def say(args: argparse.Namespace, item: object) -> str:
    """A message (or an error carrying one) for the person reading: translated, or English under --json."""
    return str(item) if getattr(args, "json", False) else translated(item, language_of(args))


def report_error(args: argparse.Namespace, line: Message, error: object) -> None:
    """One line on stderr: `line` (e.g. "kamctl: error: {message}") in the reader's language.

    With --json the line is a JSON object instead: the English text and, when the error has one, its message id
    (the template) and parameters, so a script can recognise an error without parsing English.
    """
    if not getattr(args, "json", False):
        print(translated(line, language_of(args)), file=sys.stderr)
        return
    payload: dict[str, Any] = {"error": str(line)}
    message = message_of(error)
    if isinstance(message, Message):
        payload |= {"message_id": message.template, "params": to_jsonable(dict(message.params))}
    print(json.dumps(payload, ensure_ascii=False), file=sys.stderr)
