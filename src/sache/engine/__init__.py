"""Pure-Python algorithms of sache.

Nothing in this package imports Django or any other ``sache`` package: plain
data in, plain data out, so every algorithm can be run, tested and
benchmarked on its own (``python -m sache.engine.<module>``).
"""
