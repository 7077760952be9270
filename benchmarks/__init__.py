"""The benchmark suite (not timed tests): scale data, cases timed against raw baselines in the same run."""

from __future__ import annotations

import os
from pathlib import Path

OUT_DIR = Path(os.environ.get("KAM_BENCH_OUT", Path(__file__).resolve().parent.parent / "bench-out"))


def use_bench_data_dir() -> None:
    """Keep the store's backups and logs under bench-out/, not in the user's data folder."""
    os.environ.setdefault("KAM_DATA_DIR", str(OUT_DIR / "data"))
