from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _ensure_search_structures(sender, using="default", **kwargs):
    # SQLite loses triggers when a migration rebuilds a table; put them back after every migrate.
    from django.db import connections  # noqa: PLC0415

    from sache.directory.search import SEARCH_TABLES, ensure_search_structures  # noqa: PLC0415 (leaf, at signal time)

    if set(SEARCH_TABLES) <= set(connections[using].introspection.table_names()):
        ensure_search_structures(using)


class DirectoryConfig(AppConfig):
    name = "sache.directory"
    label = "directory"
    verbose_name = _("Ecosystem directory")

    def ready(self) -> None:
        post_migrate.connect(_ensure_search_structures, sender=self)
