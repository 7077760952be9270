"""What the import dialog asks of the engine: preview and apply a file as the person at the keyboard.

The dialog never holds the store: its desk gives it an `Importer` bound to the store and the actor
and gets plain values back — a `Preview` (detection and a dry validation) and an `ImportReport`.
The choices the dialog offers for each detected reading option are listed here too, and the mapping
profiles it offers and saves (a profile saved here pins what the preview resolved: reading options and
the header of each column).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kam_desktop.domain.permissions import permits
from kam_desktop.imports.formats import get_format
from kam_desktop.imports.profiles import IGNORED, profile_file_name
from kam_desktop.services.context import Context
from kam_desktop.services.errors import ServiceError
from kam_desktop.services.imports.files import (
    DETECT,
    FORMAT_NAMES,
    IMPORT_USE_CASES,
    ImportCancelled,
    ImportIssue,
    ImportProgress,
    ImportReport,
    MappingProfile,
    Preview,
    ReadOptions,
    list_profiles,
    preview,
    run_import,
    save_mapping_profile,
)
from kam_desktop.services.imports.files import ProgressCallback as ProgressCallback
from kam_desktop.services.imports.reverse import ImportRow, Reversal, import_history, reverse_import
from kam_desktop.services.imports.values import CREATE, Known, NewValue, ValueMap

__all__ = [
    "DATE_ORDERS", "DECIMALS", "DELIMITERS", "DETECT", "ENCODINGS", "FORMAT_NAMES", "ImportCancelled",
    "CREATE", "IGNORED", "FieldInfo", "ImportIssue", "ImportProgress", "ImportReport", "ImportRow", "Importer", "Known", "MappingProfile",
    "NewValue", "Preview", "ReadOptions", "Reversal", "ServiceError", "ValueMap", "can_save_profile", "custom_profile",
    "profile_named", "profile_options", "profiles_for", "save_preview_as_profile",
]

# The values each reading option may be forced to (None, shown as "detect", leaves it to detection).
ENCODINGS = ("utf-8", "utf-8-sig", "cp1250", "cp1251", "utf-16")
DELIMITERS = (";", ",", "\t", "|")
DECIMALS = (",", ".")
DATE_ORDERS = ("ISO", "DMY", "MDY")
_PROFILE_OPTIONS = ("encoding", "delimiter", "decimal", "date_order", "sheet")  # what a profile may pin


@dataclass(frozen=True)
class FieldInfo:
    """A field of an import format: its canonical name and whether a file must have it."""

    name: str
    required: bool


@dataclass(frozen=True)
class Importer:
    """Imports into one store as the context's actor; every call may take a progress callback and a cancel flag."""

    ctx: Context

    def preview(self, path: Path | str, format_name: str, options: ReadOptions = DETECT, *,
                profile: MappingProfile | None = None, progress: ProgressCallback | None = None,
                cancel: Any = None, values: ValueMap | None = None) -> Preview:
        """Detection and a dry validation of the whole file (`options` win over the profile's); writes nothing.
        `values` maps the file's new names (categories, owners) to existing ones or confirms them as new."""
        return preview(self.ctx, Path(path), format_name, options, profile, progress=progress, cancel=cancel,
                       values=values)

    def apply(self, path: Path | str, format_name: str, options: ReadOptions = DETECT, *,
              profile: MappingProfile | str | None = None, progress: ProgressCallback | None = None,
              cancel: Any = None, dry_run: bool = False, values: ValueMap | None = None) -> ImportReport:
        """Validate and apply in one transaction (a dry run checks against the store and writes nothing);
        raises ImportCancelled (nothing written) on cancel."""
        return run_import(self.ctx, Path(path), format_name, options=options, profile=profile,
                          progress=progress, cancel=cancel, dry_run=dry_run, values=values)

    def history(self) -> list[ImportRow]:
        """Every applied import and reversal, newest first."""
        return import_history(self.ctx)

    def reverse(self, import_ref: str, reason: str) -> Reversal:
        """Undo an import of invoice lines with a linked batch of negated lines (refused when it cannot be)."""
        return reverse_import(self.ctx, import_ref, reason)

    def formats(self) -> list[str]:
        """The formats the actor's role may import (a KAM: contacts and potential of their own accounts)."""
        return [name for name in FORMAT_NAMES if permits(self.ctx.actor.role, IMPORT_USE_CASES[name])]

    def fields(self, format_name: str) -> list[FieldInfo]:
        """The fields of a format a file's column can feed, required ones first (the mapping's choices)."""
        spec = get_format(format_name)
        return [FieldInfo(c.name, c.required) for c in sorted(spec.columns, key=lambda c: not c.required)]


# -- mapping profiles -------------------------------------------------------------------------------

def profiles_for(format_name: str) -> list[MappingProfile]:
    """The saved mapping profiles of one format, by name; ServiceError if a saved file is malformed."""
    return list_profiles(format_name)


def profile_named(name: str) -> MappingProfile | None:
    """The saved profile that saving one called `name` would replace, of any format, or None.

    Names are compared by the file they are saved in, case ignored: on Windows `Comarch.json` and
    `comarch.json` are one file, and "A/B" and "A_B" both become `A_B.json`.
    """
    wanted = profile_file_name(name).casefold()
    return next((p for p in list_profiles() if profile_file_name(p.name).casefold() == wanted), None)


def profile_options(profile: MappingProfile | None) -> ReadOptions:
    """The reading options `profile` pins (no profile: detect everything), to show as the dialog's choices."""
    if profile is None:
        return DETECT
    return ReadOptions(**{key: profile.options[key] for key in _PROFILE_OPTIONS if key in profile.options})


def custom_profile(format_name: str, columns: dict[str, str], options: ReadOptions,
                   name: str = "(this file)") -> MappingProfile:
    """A mapping the person chose column by column (file header → field, IGNORED to leave one out), as a
    profile to preview and apply with — and to save under a name."""
    pinned = {key: value for key in _PROFILE_OPTIONS if (value := getattr(options, key)) is not None}
    return MappingProfile(name=name, format=get_format(format_name).name, columns=dict(columns), options=pinned)


def can_save_profile(previewed: Preview | None) -> bool:
    """Whether a preview is worth saving as a profile: the file was read and every required column found.

    Row errors (an unknown account, a bad date) do not matter: the profile is about reading the file.
    """
    if previewed is None or previewed.sniff is None:
        return False
    found = previewed.result.columns
    return all(column.name in found for column in get_format(previewed.result.format).columns
               if column.required)


def save_preview_as_profile(name: str, previewed: Preview, chosen: MappingProfile | None = None) -> MappingProfile:
    """Save what `previewed` resolved (its format, reading options, each column's header) as profile `name`,
    with the columns the person left out in `chosen` (the mapping previewed) left out again next time.

    A profile of that name (case ignored) is replaced and keeps its spelling; the caller asks first.
    """
    if not name.strip():
        raise ServiceError("a mapping profile needs a name")
    if not can_save_profile(previewed):
        raise ServiceError("only a file whose required columns were all found can be saved as a profile")
    existing = profile_named(name)
    result = previewed.result
    profile = MappingProfile(
        name=existing.name if existing else name.strip(), format=result.format,
        columns={**{h: c for h, c in (chosen.columns.items() if chosen else ()) if c == IGNORED},
                 **{header: column for column, header in result.columns.items()}},
        options={key: value for key in _PROFILE_OPTIONS if (value := getattr(result.options, key)) is not None},
    )
    save_mapping_profile(profile)
    return profile
