"""Presentation helpers for directory templates: labels of codes in the reader's language."""

from __future__ import annotations

from django import template
from django.conf import settings
from django.utils.translation import get_language

from sache.directory import vocabularies
from sache.directory.regions import region_name

register = template.Library()


def _language() -> str:
    return (get_language() or "en")[:2]


@register.filter
def sector_label(code: str) -> str:
    return vocabularies.label_any(code, _language())


@register.filter
def competence_label(code: str) -> str:
    return vocabularies.label(vocabularies.COMPETENCES, code, _language())


@register.filter
def region_label(code: str) -> str:
    return region_name(code, "en" if _language() == "en" else "pl")


@register.filter
def language_label(code: str) -> str:
    return str(dict(settings.CONTENT_LANGUAGES).get(code, code))


@register.filter
def verbose_name(record) -> str:
    return str(record._meta.verbose_name).capitalize()
