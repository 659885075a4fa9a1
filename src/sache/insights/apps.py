from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InsightsConfig(AppConfig):
    name = "sache.insights"
    label = "insights"
    verbose_name = _("Impact insights")

    def ready(self) -> None:
        from sache.insights import receivers

        receivers.connect()
