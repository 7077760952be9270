"""Translations: every string translated in pl and ru, .ts current with the sources, .qm current with the .ts."""

from __future__ import annotations

import importlib.util
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
FOLDER = ROOT / "resources" / "translations"


def load_build() -> ModuleType:
    spec = importlib.util.spec_from_file_location("translations_build", FOLDER / "build.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(ts).getroot()
    return {(ctx.findtext("name") or "", m.findtext("source") or ""): m.find("translation")  # type: ignore[misc]
            for ctx in root.iter("context") for m in ctx.iter("message")}


@pytest.mark.parametrize("language", ["pl", "ru"])
def test_every_string_has_a_finished_translation(language: str) -> None:
    found = messages(FOLDER / f"kam_desktop_{language}.ts")
    assert len(found) > 80
    unfinished = [key for key, tr in found.items()
                  if tr.get("type") in ("unfinished", "obsolete", "vanished")
                  or not ("".join(tr.itertext()).strip())]
    assert unfinished == []


def test_the_ts_sources_list_every_string_of_the_ui(tmp_path: Path) -> None:
    build = load_build()
    for ts in build.ts_files():
        copy = tmp_path / ts.name
        shutil.copy(ts, copy)
        build.update(copy)
        assert set(messages(copy)) == set(messages(ts)), f"run: python resources/translations/build.py --update ({ts.name})"


def test_the_built_qm_files_match_their_ts_sources() -> None:
    assert load_build().stale_catalogues() == []
