"""The rewards ledger: entries, balances, redemptions, expiries and the quarter close."""
