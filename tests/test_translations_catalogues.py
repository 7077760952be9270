"""Every message the engine can show has a Polish and a Russian translation, filling the same parameters.

The scan (resources/translations/extract.py) reads kam_desktop/ for the templates of refusals, service errors,
messages and notes; the catalogues are resources/translations/messages_pl.po and messages_ru.po. The Qt side
(.ts files of the screens) is checked in tests/ui/test_translations.py.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from kam_desktop.i18n import vocabulary
from kam_desktop.i18n.render import CONTEXTS

ROOT = Path(__file__).resolve().parents[1]
LANGUAGES = ("pl", "ru")


def load_extract() -> ModuleType:
    spec = importlib.util.spec_from_file_location("translations_extract", ROOT / "resources" / "translations" /
                                                  "extract.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


extract = load_extract()


@pytest.fixture(scope="module")
def scanned() -> tuple[dict[Any, Any], list[Any]]:
    return extract.scan()  # type: ignore[no-any-return]


def test_every_template_the_code_builds_is_a_literal(scanned: tuple[dict[Any, Any], list[Any]]) -> None:
    templates, problems = scanned
    assert [str(p) for p in problems] == []
    assert sum(1 for context, _ in templates if context is None) > 250  # refusals, errors, notes, rules
    assert sum(1 for context, _ in templates if context is not None) > 100  # roles, statuses, use cases, …


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_template_and_word_has_a_translation(scanned: tuple[dict[Any, Any], list[Any]], language: str) -> None:
    assert extract.missing(language, scanned[0]) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_translation_fills_the_parameters_of_its_template(language: str) -> None:
    assert extract.mismatched(language) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_catalogues_list_every_template_of_the_code(scanned: tuple[dict[Any, Any], list[Any]],
                                                        language: str) -> None:
    assert extract.stale(language, scanned[0]) == [], "run: python resources/translations/extract.py"


def test_a_template_without_a_translation_is_reported() -> None:
    nobody = {(None, "a template nobody translated {x}"): extract.Found("a template nobody translated {x}")}
    assert extract.missing("pl", nobody) == ["'a template nobody translated {x}'"]
    assert extract.stale("ru", nobody) == ["'a template nobody translated {x}'"]


def test_the_renderer_knows_every_translated_vocabulary() -> None:
    assert vocabulary.contexts() == CONTEXTS


SAMPLE = '''
class Refusal(Exception):
    def __init__(self, template, /, **params):
        super().__init__(template.format(**params))


class ServiceError(Refusal):
    pass


class ActorRefusal(Refusal):
    rule = "the sample rule"

    def __init__(self, actor, template, /, **params):
        super().__init__("{actor}: {problem}", actor=actor, problem=template)


class SampleRefused(ActorRefusal):
    rule = "a second rule"


def found(code):
    raise ServiceError("no account {code!r}", code=code)


def built(code):
    raise ServiceError(f"no account {code!r}")


def passed_on(exc):
    raise ServiceError(str(exc))


def by_actor(x):
    raise SampleRefused("me", "{x} is wrong", x=x)


def concatenated(x):
    raise SampleRefused("me", "a " + x)
'''


def test_the_scan_finds_templates_through_subclasses_and_refuses_built_ones(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(SAMPLE, encoding="utf-8")
    templates, problems = extract.scan([sample])
    assert {text for context, text in templates if context is None} == {
        "no account {code!r}", "{x} is wrong", "the sample rule", "a second rule", "{actor}: {problem}"}
    assert [p.place for p in problems] == ["sample.py:27", "sample.py:31", "sample.py:39"]
    assert "built at run time (f'no account {code!r}')" in str(problems[0])


def test_placeholders_are_the_names_a_template_fills() -> None:
    assert extract.placeholders("{code!r} of {amount:,} in {quarter}") == {"code", "amount", "quarter"}
    assert extract.placeholders("no parameters") == set()
