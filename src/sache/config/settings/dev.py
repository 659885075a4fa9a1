"""Development settings: DEBUG on, console email, tasks run inline."""

import os

os.environ.setdefault("DEBUG", "1")
os.environ.setdefault("LOG_FORMAT", "text")
# A laptop runs without a worker: tasks execute at once inside the request.
os.environ.setdefault("TASKS_BACKEND", "immediate")

from .base import *  # noqa: E402,F403
