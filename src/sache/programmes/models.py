"""Programmes a hub runs: an Interreg project, an accelerator edition, a voucher scheme.

Events (and so their workshops), open calls and partnerships belong to at most one
programme, so that a funder's report can be cut to the activities it paid for. The
app knows nothing of those apps; they point here.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Programme(models.Model):
    code = models.CharField(
        _("short code"), max_length=32, unique=True,
        validators=[RegexValidator(r"^[A-Za-z0-9][A-Za-z0-9._-]*$", _("Letters, digits, dots, hyphens and underscores only."))],
        help_text=_("For example CE0100123 or ACC-2026; shown in reports and exports."),
    )
    name = models.CharField(_("name"), max_length=200)
    # Like other content, the name and description are written in one language, which pages declare.
    language = models.CharField(_("language"), max_length=8, choices=settings.CONTENT_LANGUAGES, default="pl")
    funder = models.CharField(_("funder"), max_length=200, blank=True)
    starts_on = models.DateField(_("starts on"), null=True, blank=True)
    ends_on = models.DateField(_("ends on"), null=True, blank=True)
    description = models.TextField(_("description"), blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")
        ordering = ["name", "id"]

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"

    def get_absolute_url(self) -> str:
        return reverse("programmes:programme-detail", kwargs={"code": self.code})
