"""A child process rendering a long statements batch in worker processes, until it is killed."""

from __future__ import annotations

from kam_desktop.documents.batch import render_statements
from tests.documents import builders as build

if __name__ == "__main__":  # the workers are spawned: they import this module without running the batch
    items = [build.statement("pl", index) for index in range(2_000)]
    print("rendering", flush=True)
    render_statements(items, lambda content, pdf: None, workers=2)
