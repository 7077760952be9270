"""Document tests run once per document language where they take `lang`."""

from __future__ import annotations

import pytest

from kam_desktop.documents.content import Lang


@pytest.fixture(params=["pl", "ru", "en"])
def lang(request: pytest.FixtureRequest) -> Lang:
    return request.param  # type: ignore[no-any-return]
