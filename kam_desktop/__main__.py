"""`python -m kam_desktop`: the desktop app, as `kam-desktop` starts it."""

import sys

from kam_desktop.app import main

if __name__ == "__main__":  # a statement batch's spawned worker imports this module too: it must not start the app
    sys.exit(main())
