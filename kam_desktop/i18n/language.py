"""Which language a person reading the command line wants: `--lang`, else the environment's locale."""

from __future__ import annotations

import locale
import os
from collections.abc import Mapping

SUPPORTED = ("en", "pl", "ru")
_NAMES = {"polish": "pl", "russian": "ru", "english": "en"}  # Windows spells locales out: Polish_Poland.1250


def language_from_environment(environ: Mapping[str, str] | None = None) -> str:
    """pl or ru when LANGUAGE, LC_ALL, LC_MESSAGES or LANG (in gettext's order) asks for it, else en.

    Without any of them (as on Windows) the user's locale decides.
    """
    env = os.environ if environ is None else environ
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(variable, "").strip()
        if value and value not in ("C", "POSIX"):
            return _language(value.split(":")[0])
        if value:  # C or POSIX: the plain, untranslated messages
            return "en"
    if environ is None:
        return _language(locale.getlocale(locale.LC_CTYPE)[0] or "")
    return "en"


def _language(name: str) -> str:
    code = name.split(".")[0].split("@")[0].split("_")[0].split("-")[0].lower()
    code = _NAMES.get(code, code)
    return code if code in SUPPORTED else "en"
