"""kamctl's output through a pipe whose encoding cannot write "→" (Windows gives a pipe cp1250/cp1252): the command
still succeeds and writes UTF-8, instead of exiting 1 after its work is done."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from kam_desktop.cli.main import main

RUN = "from kam_desktop.cli.main import main; raise SystemExit(main())"


def test_a_summary_with_an_arrow_reaches_a_cp1250_pipe_as_utf8(tmp_path: Path) -> None:
    db = str(tmp_path / "store.sqlite")
    assert main(["--db", db, "init"]) == 0
    env = os.environ | {"PYTHONIOENCODING": "cp1250", "KAM_TODAY": "2026-03-31"}  # as a Windows pipe is
    result = subprocess.run([sys.executable, "-c", RUN, "--db", db, "simulate", "--cutoffs", "0.1,0.3,0.6",
                             "--cashback", "3,2,1,0"], env=env, capture_output=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    assert "→" in result.stdout.decode("utf-8")
    refused = subprocess.run([sys.executable, "-c", RUN, "--db", db, "--lang", "ru", "account", "show", "НЕТ"],
                             env=env, capture_output=True, timeout=120)
    assert refused.returncode == 1 and "нет клиента" in refused.stderr.decode("utf-8")  # errors too
