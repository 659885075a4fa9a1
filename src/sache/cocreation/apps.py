from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CocreationConfig(AppConfig):
    name = "sache.cocreation"
    label = "cocreation"
    verbose_name = _("Co-creation workshops")

    def ready(self) -> None:
        from sache.cocreation import privacy  # noqa: F401  (leaf: registers the personal data holder)
