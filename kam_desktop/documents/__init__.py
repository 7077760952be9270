"""Printable documents (reportlab): agreement, benefit annex, quarterly statement."""
