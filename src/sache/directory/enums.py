"""Code lists of the directory. The codes are shared with the demo generator and the API."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class OrganisationKind(models.TextChoices):
    MUSEUM = "museum", _("Museum")
    GALLERY = "gallery", _("Gallery")
    LIBRARY = "library", _("Library")
    ARCHIVE = "archive", _("Archive")
    THEATRE = "theatre", _("Theatre")
    FESTIVAL = "festival", _("Festival")
    HERITAGE_SITE = "heritage_site", _("Heritage site")
    CULTURAL_CENTRE = "cultural_centre", _("Cultural centre")
    CREATIVE_BUSINESS = "creative_business", _("Creative business")
    FREELANCER = "freelancer", _("Freelance practitioner")
    TECHNOLOGY_PROVIDER = "technology_provider", _("Technology provider")
    NGO = "ngo", _("NGO / association")
    PUBLIC_BODY = "public_body", _("Public body")
    UNIVERSITY = "university", _("University / research")


HERITAGE_KINDS = frozenset(
    {
        OrganisationKind.MUSEUM,
        OrganisationKind.GALLERY,
        OrganisationKind.LIBRARY,
        OrganisationKind.ARCHIVE,
        OrganisationKind.THEATRE,
        OrganisationKind.FESTIVAL,
        OrganisationKind.HERITAGE_SITE,
        OrganisationKind.CULTURAL_CENTRE,
    }
)
CREATIVE_KINDS = frozenset(
    {OrganisationKind.CREATIVE_BUSINESS, OrganisationKind.FREELANCER, OrganisationKind.TECHNOLOGY_PROVIDER}
)


class SectorGroup(models.TextChoices):
    HERITAGE = "heritage", _("Cultural heritage")
    CREATIVE = "creative", _("Creative and technology")
    SUPPORT = "support", _("Public, research and civil society")


def sector_group_of(kind: str) -> str:
    if kind in HERITAGE_KINDS:
        return SectorGroup.HERITAGE
    if kind in CREATIVE_KINDS:
        return SectorGroup.CREATIVE
    return SectorGroup.SUPPORT


class SizeBand(models.TextChoices):
    MICRO = "micro", _("Micro (under 10 people)")
    SMALL = "small", _("Small (10–49 people)")
    MEDIUM = "medium", _("Medium (50–249 people)")
    LARGE = "large", _("Large (250 people or more)")


class Publication(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("publication state", "Draft")
    PUBLISHED = "published", pgettext_lazy("publication state", "Published")


class MoneyBand(models.TextChoices):
    UNDER_5K = "under_5k", _("under €5,000")
    FROM_5K_TO_20K = "5k_20k", _("€5,000–20,000")
    FROM_20K_TO_50K = "20k_50k", _("€20,000–50,000")
    FROM_50K_TO_150K = "50k_150k", _("€50,000–150,000")
    OVER_150K = "over_150k", _("over €150,000")
    UNKNOWN = "unknown", _("not decided")


class Timeframe(models.TextChoices):
    UNDER_3M = "under_3m", _("under 3 months")
    FROM_3_TO_6M = "3_6m", _("3–6 months")
    FROM_6_TO_12M = "6_12m", _("6–12 months")
    OVER_12M = "over_12m", _("over 12 months")


class NeedStatus(models.TextChoices):
    OPEN = "open", pgettext_lazy("need status", "Open")
    IN_PROGRESS = "in_progress", pgettext_lazy("need status", "In progress")
    CLOSED = "closed", pgettext_lazy("need status", "Closed")


class AssetKind(models.TextChoices):
    COLLECTION_ITEM = "collection_item", _("Collection item")
    BUILDING = "building", _("Building")
    SITE = "site", _("Site")
    INTANGIBLE_PRACTICE = "intangible_practice", _("Intangible practice")
    ARCHIVE_SET = "archive_set", _("Archive set")


class ProductCategory(models.TextChoices):
    TICKETING = "ticketing", _("Ticketing")
    AR_VR_GUIDE = "ar_vr_guide", _("AR/VR guide")
    AUDIO_GUIDE = "audio_guide", _("Audio guide")
    SCANNING_3D = "3d_scanning", _("3D scanning")
    COLLECTION_MANAGEMENT = "collection_management", _("Collection management")
    DIGITAL_ARCHIVE = "digital_archive", _("Digital archive")
    CRM = "crm", _("Audience CRM")
    WEBSITE_CMS = "website_cms", _("Website / CMS")
    ONLINE_EXHIBITION = "online_exhibition", _("Online exhibition")
    ACCESSIBILITY_TOOLS = "accessibility_tools", _("Accessibility tools")
    EDUCATIONAL_APP = "educational_app", _("Educational app")
    OTHER = "other", _("Other")


class FacetKind(models.TextChoices):
    HERITAGE_DOMAIN = "heritage_domain", _("Heritage domain")
    CREATIVE_DOMAIN = "creative_domain", _("Creative domain")
    LANGUAGE = "language", _("Working language")
    COMPETENCE = "competence", _("Competence")
