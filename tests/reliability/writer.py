"""A child process that writes to a store until killed, printing each write once it is committed."""

from __future__ import annotations

import sys
from pathlib import Path

from kam_desktop.services.clock import clock_from_environment
from kam_desktop.services.desk import Desk
from kam_desktop.store.store import Store


def main(db: str, prefix: str, count: int) -> None:
    store = Store.open(Path(db))
    desk = Desk.open(store, None, clock_from_environment())
    print("ready", flush=True)
    for n in range(count):
        login = f"{prefix}{n:05d}"
        desk.add_user(login, "kam")
        print(login, flush=True)  # acknowledged: the unit of work has committed
    store.dispose()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]))
