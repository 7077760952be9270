"""`imports.fast.edges_touched` and `imports.values.clean_text`: the quick "no such character at all" answer never hides
a cell that starts or ends with a space or the export's quote, and cleaning gives what a per-cell strip gives."""

from __future__ import annotations

import re

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from kam_desktop.imports.fast import edges_touched
from kam_desktop.imports.values import _NEUTRALISED, _WS, clean_text

LEADING, TRAILING = " \t\u00a0'", " \t\u00a0"


@pytest.mark.parametrize(("cells", "touched"), [
    (["FV/1", "12.50", "2026-01-31"], False),  # none of the characters anywhere: the quick answer
    (["a b", "c\u00a0d"], False),  # inside cells only: the pattern answers, no false alarm here
    ([" PL-1", "PL-2"], True),
    (["PL-1", "PL-2\t"], True),
    (["PL-1", "'=SUM(A1)"], True),  # our export's neutralising quote
    (["x", "\u00a0"], True),
])
def test_edges(cells: list[str], touched: bool) -> None:
    assert edges_touched(pd.Series(cells, dtype=object), LEADING, TRAILING) is touched


def _per_cell(cells: list[str]) -> list[str]:
    """The exact path, cell by cell: trim the spaces, then undo the export's neutralising quote."""
    return [re.sub(_NEUTRALISED, "", cell.strip(_WS)) for cell in cells]


@given(st.lists(st.text(alphabet="ab1=+-' \t\u00a0\u202f", max_size=6), min_size=1, max_size=20))
def test_cleaning_gives_what_the_per_cell_path_gives_whatever_the_shortcut_decides(cells: list[str]) -> None:
    assert clean_text(pd.Series(cells, dtype=object)).tolist() == _per_cell(cells)
