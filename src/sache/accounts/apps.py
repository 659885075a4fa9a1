from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "sache.accounts"
    label = "accounts"
    verbose_name = _("Accounts")

    def ready(self) -> None:
        from sache.accounts import privacy  # noqa: F401  (registers the account's personal data)
