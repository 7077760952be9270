"""Printable documents (reportlab): agreement, benefit annex, quarterly statement.

The boundary: services build frozen view models (`content`, plain dataclasses) and call a renderer
(`agreement.render_agreement`, `annex.render_annex`, `statement.render_statement`), which returns PDF bytes,
deterministic for the same content and creation date (so an issued document's SHA-256 is reproducible).
Many statements at once: `batch`. The package imports nothing itself, so a view model costs no reportlab.
"""
