from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CallsConfig(AppConfig):
    name = "sache.calls"
    label = "calls"
    verbose_name = _("Open calls")

    def ready(self) -> None:
        from sache.calls import privacy  # noqa: F401, PLC0415 (leaf: registers personal data)
