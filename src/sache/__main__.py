"""The ``sache`` command: Django's management commands with sache's settings.

``sache worker`` runs a background-task worker, ``sache seed-demo`` builds a demo
hub; every other Django command (``migrate``, ``check --deploy``, ...) works too.
Hyphenated names are accepted for the commands sache defines with underscores.
"""

from __future__ import annotations

import os
import sys

COMMAND_ALIASES: dict[str, str] = {}


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sache.config.settings.production")
    from django.core.management import execute_from_command_line

    args = list(sys.argv if argv is None else argv)
    if len(args) > 1:
        command = args[1]
        command = COMMAND_ALIASES.get(command, command)
        if "-" in command and not command.startswith("-"):
            command = command.replace("-", "_")
        args[1] = command
    args[0] = "sache"
    execute_from_command_line(args)


if __name__ == "__main__":
    main()
