from __future__ import annotations

from django.db.models import Count, QuerySet
from django.shortcuts import get_object_or_404

from sache.programmes.models import Programme


def programmes() -> QuerySet[Programme]:
    """Every programme: what a hub runs and who funds it is public, like its events and calls."""
    return Programme.objects.order_by("name", "id")


def programmes_with_counts() -> QuerySet[Programme]:
    return programmes().annotate(
        n_events=Count("events", distinct=True), n_calls=Count("calls", distinct=True),
        n_partnerships=Count("partnerships", distinct=True),
    )


def get_programme(code: str) -> Programme:
    return get_object_or_404(Programme, code=code)
