"""Use cases of one account and of the portfolio: its card, figures, workspace views."""
