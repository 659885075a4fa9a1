"""Keep the matching index in step: a changed profile is re-encoded in the background.

Only cache upkeep lives here; no business rule.
"""

from __future__ import annotations

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from sache.directory.models import Need, Offer, Organisation, OrganisationDescription


def _enqueue(organisation_id: int) -> None:
    from sache.matching.tasks import task_refresh_matching_profile

    transaction.on_commit(lambda: task_refresh_matching_profile.enqueue(organisation_id=organisation_id))


@receiver(post_save, sender=Organisation)
def organisation_saved(sender, instance: Organisation, raw: bool = False, **kwargs) -> None:
    if not raw:
        _enqueue(instance.pk)


@receiver(post_save, sender=OrganisationDescription)
@receiver(post_save, sender=Need)
@receiver(post_save, sender=Offer)
@receiver(post_delete, sender=Need)
@receiver(post_delete, sender=Offer)
def profile_text_changed(sender, instance, raw: bool = False, **kwargs) -> None:
    if not raw:
        _enqueue(instance.organisation_id)


@receiver(post_delete, sender=Organisation)
def organisation_deleted(sender, instance: Organisation, **kwargs) -> None:
    from sache.matching.index import bump_generation

    transaction.on_commit(bump_generation)
