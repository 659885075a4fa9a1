"""The ecosystem: organisations, their people, needs, offers, heritage assets and products.

Multi-valued attributes (sectors, languages, competences) live in JSON lists on the
record, which forms and the API read and write; services mirror them into
``OrganisationFacetValue`` rows so that facet counts are plain indexed GROUP BYs.
Every text carries the language it is written in.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sache.directory.enums import (
    AssetKind,
    FacetKind,
    MoneyBand,
    NeedStatus,
    OrganisationKind,
    ProductCategory,
    Publication,
    SizeBand,
    Timeframe,
)

LANGUAGE_CHOICES = settings.CONTENT_LANGUAGES


class PublishableQuerySet(models.QuerySet):
    def published(self) -> PublishableQuerySet:
        return self.filter(publication=Publication.PUBLISHED)


class Organisation(models.Model):
    external_id = models.CharField(
        _("external id"), max_length=64, unique=True, null=True, blank=True,
        help_text=_("Identifier in the system the record was imported from; re-imports update by it."),
    )
    slug = models.SlugField(_("address"), max_length=120, unique=True)
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=32, choices=OrganisationKind.choices, db_index=True)
    heritage_domains = models.JSONField(_("heritage domains"), default=list, blank=True)
    creative_domains = models.JSONField(_("creative domains"), default=list, blank=True)
    region = models.CharField(_("region (NUTS 2021)"), max_length=5, db_index=True)
    city = models.CharField(_("city"), max_length=120, blank=True)
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    size_band = models.CharField(_("size"), max_length=16, choices=SizeBand.choices, blank=True)
    languages = models.JSONField(_("working languages"), default=list, blank=True)
    website = models.URLField(_("website"), blank=True)
    logo = models.ImageField(_("logo"), upload_to="logos/", blank=True)
    competences = models.JSONField(_("competences"), default=list, blank=True)
    tags = models.JSONField(_("free tags"), default=list, blank=True)
    founded = models.PositiveSmallIntegerField(_("year founded"), null=True, blank=True)
    publication = models.CharField(
        _("status"), max_length=16, choices=Publication.choices, default=Publication.DRAFT, db_index=True
    )
    completeness = models.PositiveSmallIntegerField(_("profile completeness (%)"), default=0)
    search_document = models.TextField(editable=False, default="")
    created_at = models.DateTimeField(_("created"), default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(_("updated"), default=timezone.now)

    objects = PublishableQuerySet.as_manager()

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name", "id"]
        indexes = [models.Index(fields=["publication", "name"])]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("directory:organisation-detail", kwargs={"slug": self.slug})


class OrganisationDescription(models.Model):
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="descriptions")
    language = models.CharField(_("language"), max_length=8, choices=LANGUAGE_CHOICES)
    text = models.TextField(_("description"))
    is_primary = models.BooleanField(_("main description"), default=False)

    class Meta:
        verbose_name = _("description")
        verbose_name_plural = _("descriptions")
        ordering = ["-is_primary", "language"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "language"], name="one_description_per_language")
        ]

    def __str__(self) -> str:
        return f"{self.organisation} [{self.language}]"


class OrganisationFacetValue(models.Model):
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="facet_values")
    facet = models.CharField(max_length=20, choices=FacetKind.choices)
    value = models.CharField(max_length=64)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["organisation", "facet", "value"], name="unique_facet_value")
        ]
        indexes = [models.Index(fields=["facet", "value", "organisation"])]

    def __str__(self) -> str:
        return f"{self.facet}={self.value}"


class DirectoryVersion(models.Model):
    """One row whose ``token`` changes whenever an organisation's facets or visibility may have changed.

    Database triggers (``search.version_statements``) set a new random token on every
    insert, delete and relevant update of organisations and their facet rows, bulk
    writes included, in the writer's transaction: a reader that sees the token also
    sees the data it stands for. In-memory facet indexes (``facet_index``) are rebuilt
    when it changes. Random rather than counted, so that a rolled-back write can never
    bring back a token already seen with other data.
    """

    token = models.BigIntegerField(default=0)

    def __str__(self) -> str:
        return str(self.token)


class Person(models.Model):
    """Someone working at an organisation. With a ``user`` the person is a member who can edit."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="people")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="memberships"
    )
    external_id = models.CharField(max_length=64, unique=True, null=True, blank=True)
    first_name = models.CharField(_("first name"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=100)
    role = models.CharField(_("role in the organisation"), max_length=150, blank=True)
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    skills = models.JSONField(_("skills"), default=list, blank=True)
    languages = models.JSONField(_("languages"), default=list, blank=True)
    consent_contact = models.BooleanField(
        _("show my contact details"), default=False,
        help_text=_("Email and phone are shown to other users only with this consent."),
    )
    consent_recorded_at = models.DateTimeField(null=True, blank=True)
    is_admin = models.BooleanField(_("manages the organisation's members"), default=False)

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["last_name", "first_name", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "user"], condition=models.Q(user__isnull=False), name="one_membership_per_org"
            )
        ]

    def __str__(self) -> str:
        return f"{self.first_name} {self.last_name}"

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"


class OpportunityBase(models.Model):
    """Fields shared by needs, offers, assets and products: a titled text in one language."""

    external_id = models.CharField(_("external id"), max_length=64, unique=True, null=True, blank=True)
    language = models.CharField(_("language"), max_length=8, choices=LANGUAGE_CHOICES)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"))
    publication = models.CharField(
        _("status"), max_length=16, choices=Publication.choices, default=Publication.PUBLISHED, db_index=True
    )
    search_document = models.TextField(editable=False, default="")
    created_at = models.DateTimeField(_("created"), default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(_("updated"), default=timezone.now)

    objects = PublishableQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.title


class Need(OpportunityBase):
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="needs")
    competences = models.JSONField(_("competences sought"), default=list, blank=True)
    budget_band = models.CharField(_("budget"), max_length=16, choices=MoneyBand.choices, default=MoneyBand.UNKNOWN)
    timeframe = models.CharField(_("timeframe"), max_length=16, choices=Timeframe.choices, blank=True)
    status = models.CharField(_("progress"), max_length=16, choices=NeedStatus.choices, default=NeedStatus.OPEN, db_index=True)
    asset = models.ForeignKey(
        "HeritageAsset", verbose_name=_("heritage asset"), null=True, blank=True, on_delete=models.SET_NULL, related_name="needs"
    )

    class Meta(OpportunityBase.Meta):
        verbose_name = _("need")
        verbose_name_plural = _("needs")

    def get_absolute_url(self) -> str:
        return reverse("directory:need-detail", kwargs={"pk": self.pk})


class Offer(OpportunityBase):
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="offers")
    competences = models.JSONField(_("competences"), default=list, blank=True)
    portfolio_links = models.JSONField(_("portfolio links"), default=list, blank=True)
    price_band = models.CharField(_("price"), max_length=16, choices=MoneyBand.choices, default=MoneyBand.UNKNOWN)

    class Meta(OpportunityBase.Meta):
        verbose_name = _("offer")
        verbose_name_plural = _("offers")

    def get_absolute_url(self) -> str:
        return reverse("directory:offer-detail", kwargs={"pk": self.pk})


class HeritageAsset(OpportunityBase):
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="assets")
    kind = models.CharField(_("kind"), max_length=32, choices=AssetKind.choices)
    period = models.CharField(_("period"), max_length=120, blank=True)
    place = models.CharField(_("place"), max_length=200, blank=True)
    rights_uri = models.URLField(
        _("rights statement"),
        help_text=_("A rightsstatements.org or Creative Commons URI, e.g. http://creativecommons.org/publicdomain/mark/1.0/"),
    )
    reuse_conditions = models.TextField(_("reuse conditions"), blank=True)

    class Meta(OpportunityBase.Meta):
        verbose_name = _("heritage asset")
        verbose_name_plural = _("heritage assets")

    def get_absolute_url(self) -> str:
        return reverse("directory:asset-detail", kwargs={"pk": self.pk})


class AssetImage(models.Model):
    asset = models.ForeignKey(HeritageAsset, on_delete=models.CASCADE, related_name="images")
    image = models.ImageField(_("image"), upload_to="assets/")
    caption = models.CharField(_("caption"), max_length=300, blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("image")
        verbose_name_plural = _("images")

    def __str__(self) -> str:
        return self.caption or self.image.name


class DigitalProduct(OpportunityBase):
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="products")
    category = models.CharField(_("category"), max_length=32, choices=ProductCategory.choices)
    audience = models.CharField(_("audience"), max_length=200, blank=True)
    price_band = models.CharField(_("price"), max_length=16, choices=MoneyBand.choices, default=MoneyBand.UNKNOWN)
    references = models.JSONField(_("references"), default=list, blank=True)

    class Meta(OpportunityBase.Meta):
        verbose_name = _("digital product")
        verbose_name_plural = _("digital products")

    def get_absolute_url(self) -> str:
        return reverse("directory:product-detail", kwargs={"pk": self.pk})


class ImportBatch(models.Model):
    """An uploaded import file, kept between its preview and its commit."""

    class Kind(models.TextChoices):
        ORGANISATIONS = "organisations", _("Organisations")
        PEOPLE = "people", _("People")
        NEEDS = "needs", _("Needs")
        OFFERS = "offers", _("Offers")

    kind = models.CharField(_("records"), max_length=20, choices=Kind.choices)
    filename = models.CharField(_("file"), max_length=200)
    content = models.BinaryField()
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(_("uploaded"), default=timezone.now)
    committed_at = models.DateTimeField(_("imported"), null=True, blank=True)
    summary = models.JSONField(default=dict, blank=True)

    class Meta:
        verbose_name = _("import")
        verbose_name_plural = _("imports")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.filename
