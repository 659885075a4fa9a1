"""``python -m sache.engine.matching``: see :mod:`sache.engine.matching.cli`."""

from sache.engine.matching.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
