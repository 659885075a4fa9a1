from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    OPERATOR = "operator", _("Hub operator")
    MEMBER = "member", _("Organisation member")
    REVIEWER = "reviewer", _("Reviewer")
