from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MatchingConfig(AppConfig):
    name = "sache.matching"
    label = "matching"
    verbose_name = _("Partner matching")

    def ready(self) -> None:
        from sache.matching import (
            privacy,  # noqa: F401, PLC0415 (registers personal data)
            receivers,  # noqa: F401  (keeps the index in step with profile changes)
        )
