"""Django's task framework, from Django itself where it has one (6.0+), else the backport.

Import ``task`` and ``default_task_backend`` from here so that moving to Django 6
changes one file.
"""

from importlib.util import find_spec

if find_spec("django.tasks"):  # pragma: no cover - Django >= 6.0
    from django.tasks import TaskResultStatus, default_task_backend, task, task_backends
else:
    from django_tasks import TaskResultStatus, default_task_backend, task, task_backends

__all__ = ["TaskResultStatus", "default_task_backend", "task", "task_backends"]
