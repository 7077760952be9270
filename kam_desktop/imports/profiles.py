"""Matching a file's headers to canonical columns, and the mapping profiles users save."""

from __future__ import annotations

import json
import os
import re
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from kam_desktop.imports.errors import ProfileError
from kam_desktop.imports.formats import FORMATS, FormatSpec, get_format
from kam_desktop.imports.synonyms import normalise_label, synonyms_for, without_unit

PROFILE_SUFFIX = ".json"
IGNORED = "-"  # a profile mapping a header to this leaves the column out (no synonym picks it up either)
_OPTION_KEYS = ("encoding", "delimiter", "decimal", "date_order", "sheet")


@dataclass(frozen=True)
class MappingProfile:
    """A user's saved mapping: file header (as written) → canonical column, plus reading options.

    Headers are compared normalised, so a profile saved for `Nr faktury` also matches `NR FAKTURY:`.
    `options` may pin encoding, delimiter, decimal, date_order or sheet for an ERP that sniffing gets wrong.
    """

    name: str
    format: str
    columns: dict[str, str]
    options: dict[str, str] = field(default_factory=dict)

    def to_json(self) -> dict[str, object]:
        return {"name": self.name, "format": self.format, "columns": dict(self.columns),
                "options": dict(self.options)}

    @classmethod
    def from_json(cls, data: object) -> MappingProfile:
        """Build and check a profile from parsed JSON; raises ProfileError saying what is wrong."""
        if not isinstance(data, dict):
            raise ProfileError("a mapping profile must be a JSON object")
        name, fmt, columns = data.get("name"), data.get("format"), data.get("columns")
        options = data.get("options", {})
        if not isinstance(name, str) or not name.strip():
            raise ProfileError("the profile has no name")
        if not isinstance(fmt, str):
            raise ProfileError("profile {name!r} has no format", name=name)
        if not isinstance(columns, dict) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in columns.items()
        ):
            raise ProfileError("profile {name!r}: 'columns' must map header text to a column name", name=name)
        if not isinstance(options, dict) or not set(options) <= set(_OPTION_KEYS):
            raise ProfileError("profile {name!r}: 'options' may only set {keys}", name=name, keys=", ".join(_OPTION_KEYS))
        profile = cls(name.strip(), fmt, dict(columns), {str(k): str(v) for k, v in options.items()})
        profile.check()
        return profile

    def check(self) -> None:
        """Raise ProfileError if the format or a target column does not exist."""
        try:
            spec = get_format(self.format)
        except KeyError:
            raise ProfileError("profile {name!r}: unknown import format {format!r}; choose one of {formats}",
                               name=self.name, format=self.format, formats=", ".join(FORMATS)) from None
        unknown = sorted(set(self.columns.values()) - set(spec.names) - {IGNORED})
        if unknown:
            raise ProfileError("profile {name!r} maps to unknown columns of {format}: {unknown}; known: {known}",
                               name=self.name, format=spec.name, unknown=", ".join(unknown),
                               known=", ".join(spec.names))


def profile_file_name(name: str) -> str:
    """The file a profile called `name` is saved in: two names with the same file name are one profile."""
    # A profile name is user text; keep the file name portable across Windows and Linux.
    slug = re.sub(r"[^\w\-]+", "_", name.strip(), flags=re.UNICODE).strip("_") or "profile"
    return slug[:80] + PROFILE_SUFFIX


def save_profile(directory: Path, profile: MappingProfile) -> Path:
    """Write `profile` as JSON into `directory` (created if needed), atomically; returns the path."""
    profile.check()
    directory.mkdir(parents=True, exist_ok=True)
    target = directory / profile_file_name(profile.name)
    fd, tmp = tempfile.mkstemp(dir=directory, suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(profile.to_json(), fh, ensure_ascii=False, indent=2)
        os.replace(tmp, target)  # a crash never leaves a half-written profile
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target


def load_profiles(directory: Path) -> dict[str, MappingProfile]:
    """All profiles in `directory` by name; a malformed file raises ProfileError naming it."""
    profiles: dict[str, MappingProfile] = {}
    if not directory.is_dir():
        return profiles
    for path in sorted(directory.glob("*" + PROFILE_SUFFIX)):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise ProfileError("{file}: not a readable JSON profile ({reason})", file=path.name, reason=str(exc)) from exc
        profile = MappingProfile.from_json(data)
        profiles[profile.name] = profile
    return profiles


def load_profile(directory: Path, name: str) -> MappingProfile:
    """The profile called `name`; ProfileError listing the saved ones if there is none."""
    profiles = load_profiles(directory)
    if name not in profiles:
        if not profiles:
            raise ProfileError("no mapping profile named {name!r} (none saved)", name=name)
        raise ProfileError("no mapping profile named {name!r} ({saved})", name=name, saved=", ".join(sorted(profiles)))
    return profiles[name]


@dataclass(frozen=True, slots=True)
class HeaderMatch:
    """Which file column feeds each canonical column, and what was left over."""

    columns: dict[str, int]  # canonical → position in the file
    headers: tuple[str, ...]  # the headers as written in the file
    missing: tuple[str, ...]  # required canonical columns not found
    ignored: tuple[str, ...]  # file headers that feed nothing
    ambiguous: tuple[tuple[str, tuple[str, ...]], ...]  # canonical → several file headers

    def header_of(self, column: str) -> str:
        return self.headers[self.columns[column]]


def _candidates(spec: FormatSpec, column: str, labels: Sequence[str]) -> list[int]:
    words = synonyms_for(spec.name, column)
    exact = [i for i, label in enumerate(labels) if label in words]
    if exact:
        return exact
    return [i for i, label in enumerate(labels) if without_unit(label) in words]


def match_headers(spec: FormatSpec, headers: Sequence[str], profile: MappingProfile | None = None
                  ) -> HeaderMatch:
    """Map `headers` onto `spec`: the profile first, then the shipped synonyms for what remains."""
    labels = [normalise_label(h) for h in headers]
    chosen: dict[str, int] = {}
    left_out: set[int] = set()
    if profile is not None:
        wanted = {normalise_label(h): col for h, col in profile.columns.items()}
        for i, label in enumerate(labels):
            if wanted.get(label) == IGNORED:
                left_out.add(i)
            elif label in wanted and wanted[label] not in chosen:
                chosen[wanted[label]] = i
    ambiguous: list[tuple[str, tuple[str, ...]]] = []
    for col in spec.names:
        if col in chosen:
            continue
        found = [i for i in _candidates(spec, col, labels) if i not in chosen.values() and i not in left_out]
        # the canonical name itself beats a synonym: an exported canonical file has no doubt
        canonical = [i for i in found if labels[i] == normalise_label(col)]
        found = canonical or found
        if len(found) == 1:
            chosen[col] = found[0]
        elif len(found) > 1:
            ambiguous.append((col, tuple(headers[i] for i in found)))
    missing = tuple(c.name for c in spec.columns if c.required and c.name not in chosen
                    and c.name not in dict(ambiguous))
    used = set(chosen.values())
    ignored = tuple(h for i, h in enumerate(headers) if i not in used)
    return HeaderMatch(chosen, tuple(headers), missing, ignored, tuple(ambiguous))
