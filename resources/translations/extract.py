"""The message catalogues of the engine: scan the code for templates, update messages_pl.po and messages_ru.po.

    python resources/translations/extract.py            # add new templates (untranslated), mark vanished ones obsolete
    python resources/translations/extract.py --check    # exit 1 if a template has no translation or a call builds one

A template is the English text with `{named}` parameters that a refusal, a service error, a `Message` or an
import finding is made from. The scan reads every module of `kam_desktop/` (without importing it) and finds
the calls of every function, method or class whose parameter is named `template` (and of what inherits such a
constructor): the argument must be a string literal, or a name passing on a template received (never an
f-string, a `.format()` or a concatenation, which no catalogue can hold). Class attributes `rule = "…"` (the
names of rules in refusals) and the closed vocabularies of `kam_desktop.i18n.vocabulary` are translated too.

Counted phrases are plural entries (`msgid_plural`, one `msgstr[n]` per form of the catalogue's Plural-Forms):
the calls of a function whose parameters are named `singular` and `plural` (and optionally `context`), e.g.
`documents.counts.counted(lang, "{count} day", "{count} days", n, "notice")`; all three must be literals.
"""

from __future__ import annotations

import argparse
import ast
import string
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
PACKAGE = ROOT / "kam_desktop"
LANGUAGES = ("pl", "ru")
HEADER = ("# The messages of the KAM Desktop engine (refusals, rules, import findings, notes) in one language.\n"
          "# Written by resources/translations/extract.py: translate every empty msgstr; keep each {parameter}.")
FIXED_DATE = datetime(2026, 1, 1, tzinfo=UTC)
SKIP = ("kam_desktop/ui/", "kam_desktop/i18n/")  # Qt's tr() has its own catalogues (.ts); i18n only reads


@dataclass
class Found:
    """A template and where the code uses it."""

    text: str
    context: str | None = None
    places: set[str] = field(default_factory=set)
    plural: str | None = None  # the English plural of a counted phrase (a plural entry of the catalogue)


@dataclass
class Problem:
    place: str
    what: str

    def __str__(self) -> str:
        return f"{self.place}: {self.what}"


@dataclass
class _Signatures:
    """Where the template argument sits, by callee: a class, a module function, `Class.method`, `.method`."""

    classes: dict[str, int] = field(default_factory=dict)
    functions: dict[str, int] = field(default_factory=dict)
    methods: dict[str, int] = field(default_factory=dict)  # "Class.method"
    by_method_name: dict[str, set[int]] = field(default_factory=dict)
    bases: dict[str, list[str]] = field(default_factory=dict)  # class name → its base classes' names
    plurals: dict[str, tuple[int, int, int | None]] = field(default_factory=dict)  # name → singular, plural, context


def sources(root: Path = PACKAGE) -> list[Path]:
    return sorted(p for p in root.rglob("*.py") if not str(p.relative_to(ROOT)).startswith(SKIP))


def _template_index(function: ast.FunctionDef | ast.AsyncFunctionDef, method: bool) -> int | None:
    positional = [a.arg for a in (*function.args.posonlyargs, *function.args.args)]
    if method and positional and positional[0] in ("self", "cls"):
        positional = positional[1:]
    if "template" in positional:
        return positional.index("template")
    return None


def _dataclass_index(node: ast.ClassDef) -> int | None:
    names = [s.target.id for s in node.body if isinstance(s, ast.AnnAssign) and isinstance(s.target, ast.Name)]
    return names.index("template") if "template" in names else None


def signatures(trees: Iterable[ast.Module]) -> _Signatures:
    """Every callee that takes a template, found by reading the definitions (inheritance by base name)."""
    found = _Signatures()
    bases = found.bases
    for tree in trees:
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                bases[node.name] = [b.id if isinstance(b, ast.Name) else b.attr for b in node.bases
                                    if isinstance(b, ast.Name | ast.Attribute)]
                init = None
                for item in node.body:
                    if isinstance(item, ast.FunctionDef):
                        index = _template_index(item, method=True)
                        if item.name == "__init__":
                            init = index if index is not None else -1
                        elif index is not None:
                            found.methods[f"{node.name}.{item.name}"] = index
                            found.by_method_name.setdefault(item.name, set()).add(index)
                if init is None:
                    init = _dataclass_index(node)
                if init is not None and init >= 0:
                    found.classes[node.name] = init
                elif init == -1:
                    found.classes[node.name] = -1  # its own __init__ takes no template: not inherited
        for node in tree.body:
            if isinstance(node, ast.FunctionDef) and (index := _template_index(node, method=False)) is not None:
                found.functions[node.name] = index
            if isinstance(node, ast.FunctionDef):
                positional = [a.arg for a in (*node.args.posonlyargs, *node.args.args)]
                if "singular" in positional and "plural" in positional:
                    context = positional.index("context") if "context" in positional else None
                    found.plurals[node.name] = (positional.index("singular"), positional.index("plural"), context)
    changed = True
    while changed:  # a class without an __init__ of its own builds its message like its base
        changed = False
        for name, parents in bases.items():
            if name in found.classes:
                continue
            inherited = next((found.classes[p] for p in parents if p in found.classes), None)
            if inherited is not None:
                found.classes[name] = inherited
                changed = True
    found.classes = {k: v for k, v in found.classes.items() if v >= 0}
    return found


def _callee_index(call: ast.Call, sig: _Signatures, owner: str | None = None) -> int | None:
    func = call.func
    if (owner is not None and isinstance(func, ast.Attribute) and func.attr == "__init__"
            and isinstance(func.value, ast.Call) and isinstance(func.value.func, ast.Name)
            and func.value.func.id == "super"):  # super().__init__(template, …) in a subclass
        return next((sig.classes[b] for b in sig.bases.get(owner, []) if b in sig.classes), None)
    if isinstance(func, ast.Name):
        return sig.classes.get(func.id, sig.functions.get(func.id))
    if isinstance(func, ast.Attribute):
        if isinstance(func.value, ast.Name):
            qualified = f"{func.value.id}.{func.attr}"
            if qualified in sig.methods:
                return sig.methods[qualified]
            if func.attr in sig.classes:  # module.Class(…), e.g. dx.WrongRoleError(…)
                return sig.classes[func.attr]
        indexes = sig.by_method_name.get(func.attr, set())
        if len(indexes) == 1 and not (isinstance(func.value, ast.Name) and func.value.id[:1].isupper()):
            return next(iter(indexes))  # sink.add(…): the one method of that name that takes a template
    return None


def _argument(call: ast.Call, index: int) -> ast.expr | None:
    keyword = next((k.value for k in call.keywords if k.arg == "template"), None)
    if keyword is not None:
        return keyword
    if index < len(call.args) and not any(isinstance(a, ast.Starred) for a in call.args[: index + 1]):
        return call.args[index]
    return None


def _literal(node: ast.expr) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def scan(paths: Iterable[Path] | None = None) -> tuple[dict[tuple[str | None, str], Found], list[Problem]]:
    """Templates by (context, text) and the calls that build a template no catalogue can hold."""
    files = list(paths or sources())
    trees = {path: ast.parse(path.read_text(encoding="utf-8"), str(path)) for path in files}
    sig = signatures(trees.values())
    templates: dict[tuple[str | None, str], Found] = {}
    problems: list[Problem] = []

    def add(text: str, place: str) -> None:
        templates.setdefault((None, text), Found(text)).places.add(place)

    for path, tree in trees.items():
        where = str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else path.name
        for node, owner in _walk(tree):
            if isinstance(node, ast.Call) and (name := _plural_callee(node, sig)) is not None:
                _add_plural(node, sig.plurals[name], f"{where}:{node.lineno}", templates, problems)
                continue
            if isinstance(node, ast.ClassDef):
                for item in node.body:
                    if (isinstance(item, ast.Assign) and len(item.targets) == 1
                            and isinstance(item.targets[0], ast.Name) and item.targets[0].id == "rule"
                            and (text := _literal(item.value)) is not None):
                        add(text, where)
            if not isinstance(node, ast.Call) or (index := _callee_index(node, sig, owner)) is None:
                continue
            argument = _argument(node, index)
            if argument is None:
                continue
            if (text := _literal(argument)) is not None:
                add(text, where)
            elif isinstance(argument, ast.JoinedStr | ast.BinOp | ast.Call):
                problems.append(Problem(f"{where}:{node.lineno}", "the template is built at run time "
                                        f"({ast.unparse(argument)[:60]}); pass a literal with named parameters"))
    for context, value in _vocabulary():
        templates.setdefault((context, value), Found(value, context)).places.add("kam_desktop/i18n/vocabulary.py")
    return templates, problems


def _plural_callee(call: ast.Call, sig: _Signatures) -> str | None:
    func = call.func
    name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else None
    return name if name in sig.plurals else None


def _add_plural(call: ast.Call, where: tuple[int, int, int | None], place: str,
                templates: dict[tuple[str | None, str], Found], problems: list[Problem]) -> None:
    """A counted phrase: its singular, plural and context must be literals (a catalogue holds no expressions)."""
    def argument(index: int | None, keyword: str) -> ast.expr | None:
        found = next((k.value for k in call.keywords if k.arg == keyword), None)
        if found is None and index is not None and index < len(call.args):
            found = call.args[index]
        return found

    singular, plural = _literal_or_none(argument(where[0], "singular")), _literal_or_none(argument(where[1], "plural"))
    context_node = argument(where[2], "context")
    context = None if context_node is None else _literal_or_none(context_node)
    if singular is None or plural is None or (context_node is not None and context is None):
        problems.append(Problem(place, "a counted phrase must pass its singular, plural and context as literals"))
        return
    found = templates.setdefault((context, singular), Found(singular, context, plural=plural))
    found.places.add(place.rsplit(":", 1)[0])


def _literal_or_none(node: ast.expr | None) -> str | None:
    return None if node is None else _literal(node)


def _walk(tree: ast.AST, owner: str | None = None) -> Iterator[tuple[ast.AST, str | None]]:
    """Every node with the name of the class whose body it is in (None at module level)."""
    for child in ast.iter_child_nodes(tree):
        yield child, owner
        yield from _walk(child, child.name if isinstance(child, ast.ClassDef) else owner)


def _vocabulary() -> list[tuple[str, str]]:
    sys.path.insert(0, str(ROOT))
    from kam_desktop.i18n.vocabulary import entries

    return entries()


def placeholders(text: str) -> set[str]:
    """The parameter names a template fills (`{code!r}` → code)."""
    names = set()
    for _literal_text, name, _spec, _conversion in string.Formatter().parse(text):
        if name:
            names.add(name.split(".")[0].split("[")[0])
    return names


# -- the .po files -----------------------------------------------------------------------------------------
def po_path(language: str) -> Path:
    return HERE / f"messages_{language}.po"


def read(language: str) -> tuple[dict[tuple[str | None, str], str], dict[tuple[str | None, str], str]]:
    """(live, obsolete) translations of a catalogue, empty strings included; a plural entry's value is its forms.

    A plural entry the code no longer uses is dropped, not kept obsolete (its forms need its English plural)."""
    from babel.messages.pofile import read_po

    path = po_path(language)
    if not path.exists():
        return {}, {}
    with path.open("rb") as handle:
        catalog = read_po(handle, locale=language)
    live = {(m.context, m.id): m.string for m in catalog if m.id and isinstance(m.id, str)}
    live |= {(m.context, m.id[0]): tuple(m.string) for m in catalog if m.id and isinstance(m.id, tuple | list)}
    obsolete = {(m.context, m.id): m.string for m in catalog.obsolete.values() if isinstance(m.id, str)}
    return live, obsolete  # type: ignore[return-value]  # a plural entry's forms are a tuple


def write(language: str, templates: dict[tuple[str | None, str], Found]) -> None:
    """Rewrite a catalogue: every template (with its translation if it has one), vanished ones kept obsolete."""
    from babel.messages.catalog import Catalog
    from babel.messages.pofile import write_po

    live, obsolete = read(language)
    known = {**obsolete, **live}
    # a fixed header: running the extraction twice on the same code must not change the file
    catalog = Catalog(locale=language, project="KAM Desktop", version="1", fuzzy=False, header_comment=HEADER,
                      copyright_holder="KAM Desktop", msgid_bugs_address="", creation_date=FIXED_DATE,
                      revision_date=FIXED_DATE, last_translator="KAM Desktop team", language_team=language)
    for key in sorted(templates, key=lambda k: (k[0] or "", k[1])):
        found = templates[key]
        names = sorted(placeholders(found.text)) if key[0] is None else []
        comments = [f"parameters: {', '.join(names)}"] if names else []
        locations = [(place, None) for place in sorted(found.places)]
        if found.plural is not None:
            forms = known.get(key)
            if not isinstance(forms, tuple) or len(forms) != catalog.num_plurals:
                forms = ("",) * catalog.num_plurals  # type: ignore[assignment]
            catalog.add((found.text, found.plural), forms, context=key[0], auto_comments=["parameters: count"],
                        locations=locations)
            continue
        catalog.add(found.text, known.get(key, ""), context=key[0], auto_comments=comments, locations=locations)
    for key, text in sorted(known.items(), key=lambda item: (item[0][0] or "", item[0][1])):
        if key not in templates and isinstance(text, str) and text:
            catalog.obsolete[key[1] if key[0] is None else (key[1], key[0])] = _obsolete(key, text)
    with po_path(language).open("wb") as handle:
        write_po(handle, catalog, width=0, omit_header=False, include_lineno=False, sort_output=False)


def _obsolete(key: tuple[str | None, str], text: str) -> object:
    from babel.messages.catalog import Message

    return Message(key[1], text, context=key[0])


def missing(language: str, templates: dict[tuple[str | None, str], Found]) -> list[str]:
    """The templates the code uses that the catalogue does not translate (live or obsolete entries)."""
    live, obsolete = read(language)
    known = {**obsolete, **live}
    return sorted(_shown(key) for key in templates if not _translated(known.get(key, "")))


def _translated(value: str | tuple[str, ...]) -> bool:
    """A translation, or every form of a plural entry, is written."""
    return all(form.strip() for form in value) and bool(value) if isinstance(value, tuple) else bool(value.strip())


def stale(language: str, templates: dict[tuple[str | None, str], Found]) -> list[str]:
    """Templates the code uses that are not live entries of the catalogue: the extraction must be run."""
    live, _obsolete = read(language)
    return sorted(_shown(key) for key in templates if key not in live)


def mismatched(language: str) -> list[str]:
    """Translations that name other parameters than their template (they could not be filled)."""
    live, obsolete = read(language)
    return sorted(f"{_shown(key)} -> {text!r}" for key, text in {**obsolete, **live}.items()
                  if (key[0] is None or isinstance(text, tuple)) and text
                  and any(form and placeholders(form) != placeholders(key[1])
                          for form in (text if isinstance(text, tuple) else (text,))))


def _shown(key: tuple[str | None, str]) -> str:
    return f"[{key[0]}] {key[1]!r}" if key[0] else repr(key[1])


def iter_report(templates: dict[tuple[str | None, str], Found], problems: list[Problem]) -> Iterator[str]:
    yield from (str(p) for p in problems)
    for language in LANGUAGES:
        yield from (f"messages_{language}.po: no translation for {m}" for m in missing(language, templates))
        yield from (f"messages_{language}.po: parameters differ: {m}" for m in mismatched(language))
        yield from (f"messages_{language}.po: not extracted yet: {m}" for m in stale(language, templates))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report what is missing; exit 1 if anything is")
    args = parser.parse_args(argv)
    templates, problems = scan()
    if not args.check:
        for language in LANGUAGES:
            write(language, templates)
    report = list(iter_report(templates, problems))
    print("\n".join(report) or f"{len(templates)} messages, all translated into {', '.join(LANGUAGES)}")
    if not args.check:
        print(f"{po_path('pl').name}, {po_path('ru').name}: {len(templates)} messages")
    return 1 if report else 0


if __name__ == "__main__":
    sys.exit(main())
