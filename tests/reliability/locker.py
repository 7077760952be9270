"""A child process that holds the store's write lock (BEGIN IMMEDIATE) until its stdin closes."""

from __future__ import annotations

import sqlite3
import sys

if __name__ == "__main__":
    con = sqlite3.connect(sys.argv[1], isolation_level=None)
    con.execute("BEGIN IMMEDIATE")
    print("locked", flush=True)
    sys.stdin.read()
    con.execute("ROLLBACK")
    con.close()
