"""Translated strings the directory reuses in several places."""

from django.utils.translation import gettext_lazy as _

# What each missing part of a profile is called on the profile page (keys of documents.COMPLETENESS_WEIGHTS).
PART_LABELS = {
    "description": _("a description of at least 80 characters"),
    "second_language": _("a description in a second language"),
    "sectors": _("heritage or creative domains"),
    "competences": _("competences"),
    "languages": _("working languages"),
    "website": _("a website"),
    "location": _("a city"),
    "size": _("a size band"),
    "people": _("at least one person"),
}
