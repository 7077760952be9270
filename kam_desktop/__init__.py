"""KAM Desktop: the back office of a key account manager running a B2B loyalty program."""

__version__ = "0.1.0"
