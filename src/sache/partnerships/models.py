"""Partnerships: two or more organisations working together, from first contact to impact."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sache.partnerships.enums import EndReason, Origin, OutcomeKind, Stage


class Partnership(models.Model):
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"), blank=True)
    language = models.CharField(_("language"), max_length=8, choices=settings.CONTENT_LANGUAGES, default="pl")
    origin = models.CharField(_("origin"), max_length=20, choices=Origin.choices, default=Origin.MANUAL)
    origin_detail = models.CharField(
        _("origin details"), max_length=200, blank=True, help_text=_("For example the event or call where it began.")
    )
    programme = models.ForeignKey(
        "programmes.Programme", verbose_name=_("programme"), null=True, blank=True, on_delete=models.SET_NULL, related_name="partnerships",
        help_text=_("Taken from the event, workshop or call where it began, if that belonged to a programme."),
    )
    stage = models.CharField(_("stage"), max_length=16, choices=Stage.choices, default=Stage.EXPLORE, db_index=True)
    end_reason = models.CharField(_("reason for ending"), max_length=16, choices=EndReason.choices, blank=True)
    organisations = models.ManyToManyField(
        "directory.Organisation", through="PartnershipMember", related_name="partnerships", verbose_name=_("partners")
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(_("started"), default=timezone.now, db_index=True)
    stage_changed_at = models.DateTimeField(_("stage since"), default=timezone.now)
    published_at = models.DateTimeField(_("shown in the showcase since"), null=True, blank=True)

    class Meta:
        verbose_name = _("partnership")
        verbose_name_plural = _("partnerships")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("partnerships:detail", kwargs={"pk": self.pk})

    @property
    def is_published(self) -> bool:
        return self.published_at is not None


class PartnershipMember(models.Model):
    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="members")
    organisation = models.ForeignKey("directory.Organisation", on_delete=models.CASCADE, related_name="partnership_memberships")
    is_lead = models.BooleanField(_("lead partner"), default=False)
    agreed_to_publish = models.BooleanField(_("agrees to show it in the public showcase"), default=False)
    joined_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["partnership", "organisation"], name="unique_partner")]
        ordering = ["-is_lead", "id"]

    def __str__(self) -> str:
        return f"{self.organisation} in {self.partnership}"


class ChecklistItem(models.Model):
    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="checklist")
    code = models.CharField(max_length=40)
    done = models.BooleanField(default=False)
    note = models.CharField(_("note"), max_length=300, blank=True)
    done_at = models.DateTimeField(null=True, blank=True)
    done_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["partnership", "code"], name="unique_checklist_item")]

    def __str__(self) -> str:
        return self.code


class StageTransition(models.Model):
    """History of stages; the funnel and time-in-stage statistics read it."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="transitions")
    from_stage = models.CharField(max_length=16, choices=Stage.choices, blank=True)
    to_stage = models.CharField(max_length=16, choices=Stage.choices)
    at = models.DateTimeField(default=timezone.now, db_index=True)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.from_stage or '∅'} → {self.to_stage}"


class Milestone(models.Model):
    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="milestones")
    title = models.CharField(_("milestone"), max_length=200)
    due_date = models.DateField(_("due date"))
    done_at = models.DateField(_("reached on"), null=True, blank=True)

    class Meta:
        ordering = ["due_date", "id"]
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")

    def __str__(self) -> str:
        return self.title


class Document(models.Model):
    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="documents")
    title = models.CharField(_("title"), max_length=200)
    url = models.URLField(_("link"), blank=True)
    file = models.FileField(_("file"), upload_to="partnerships/", blank=True)
    added_at = models.DateTimeField(default=timezone.now)
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["-added_at", "-id"]
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    def __str__(self) -> str:
        return self.title


class Outcome(models.Model):
    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="outcomes")
    kind = models.CharField(_("kind"), max_length=16, choices=OutcomeKind.choices)
    description = models.CharField(_("description"), max_length=300)
    value = models.DecimalField(_("value"), max_digits=14, decimal_places=2, null=True, blank=True,
                                help_text=_("People reached, jobs, or euros, depending on the kind."))
    achieved_on = models.DateField(_("date"), default=timezone.localdate)

    class Meta:
        ordering = ["-achieved_on", "-id"]
        verbose_name = _("outcome")
        verbose_name_plural = _("outcomes")

    def __str__(self) -> str:
        return self.description
