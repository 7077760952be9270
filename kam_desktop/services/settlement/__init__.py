"""Settlement use cases: locks, late facts, clawbacks, payouts, adjustments, MDF, liability, journal, economics."""
