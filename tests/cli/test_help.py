"""Every kamctl command and sub-command prints its help (argparse formats help lazily, so typos hide)."""

from __future__ import annotations

import argparse
import subprocess
import sys

import pytest

from kam_desktop.cli.main import build_parser, main


def _commands(parser: argparse.ArgumentParser, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    found = [prefix]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                found += _commands(sub, (*prefix, name))
    return found


@pytest.mark.parametrize("command", _commands(build_parser()), ids=lambda c: " ".join(c) or "kamctl")
def test_help_renders(command: tuple[str, ...], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main([*command, "--help"])
    assert exit_info.value.code == 0
    assert "usage: kamctl" in capsys.readouterr().out


@pytest.mark.parametrize("argv", [["--version"], ["--help"], ["document", "--help"], ["import", "--help"]])
def test_version_and_help_load_no_heavy_library(argv: list[str]) -> None:
    """`kamctl --version` / `--help` answer at once: no pandas, SQLAlchemy, Qt or reportlab (a fresh process)."""
    probe = ("import runpy, sys\n"
             f"sys.argv = ['kamctl', *{argv!r}]\n"
             "try:\n    runpy.run_module('kam_desktop.cli.main', run_name='__main__')\n"
             "except SystemExit:\n    pass\n"
             "heavy = [m for m in ('pandas', 'sqlalchemy', 'PySide6', 'reportlab', 'numpy') if m in sys.modules]\n"
             "print('HEAVY:' + ','.join(heavy), file=sys.stderr)\n")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert "HEAVY:\n" in done.stderr, done.stderr
    assert done.stdout.strip()  # it did answer


def test_the_console_script_answers_version_without_loading_the_cli(capsys: pytest.CaptureFixture[str],
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    from kam_desktop import __version__
    from kam_desktop.cli.entry import main as console_script

    monkeypatch.setattr(sys, "argv", ["kamctl", "--version"])
    assert console_script() == 0
    assert capsys.readouterr().out == f"kamctl {__version__}\n"
    probe = ("import sys\nsys.argv = ['kamctl', '--version']\nfrom kam_desktop.cli.entry import main\nmain()\n"
             "print(sorted(m for m in sys.modules if m.startswith('kam_desktop')), file=sys.stderr)")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=True)
    assert done.stdout == f"kamctl {__version__}\n"
    assert done.stderr.strip() == "['kam_desktop', 'kam_desktop.cli', 'kam_desktop.cli.entry']"
