"""``python -m sache.engine.rotations``: see :func:`sache.engine.rotations.cli.main`."""

import sys

from .cli import main

if __name__ == "__main__":  # guarded: pytest's doctest collection imports this module
    sys.exit(main())
