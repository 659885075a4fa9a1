"""``sache matching_exposure``: how evenly suggested partners are spread, with and without exposure control."""

from __future__ import annotations

from django.conf import settings
from django.core.management.base import BaseCommand

from sache.directory.enums import Publication
from sache.directory.models import Organisation
from sache.engine.matching.exposure import exposure_gini
from sache.matching import adapters, index


class Command(BaseCommand):
    help = (
        "Ask for suggested partners of published organisations (every one, or an evenly spaced sample) "
        "and report the Gini coefficient of top-N exposure over all published organisations, without "
        "exposure control and with SACHE_MATCHING_EXPOSURE_WEIGHT (or --weight)."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--sample", type=int, default=1000, help="Organisations asking (0: all).")
        parser.add_argument("--top", type=int, default=10, help="Suggestions per organisation.")
        parser.add_argument("--weight", type=float, help="Exposure weight (default: the setting).")

    def handle(self, *args, sample: int, top: int, weight: float | None, **options) -> None:
        weight = float(settings.SACHE_MATCHING_EXPOSURE_WEIGHT if weight is None else weight)
        published = list(
            Organisation.objects.filter(publication=Publication.PUBLISHED).order_by("pk").values_list("pk", flat=True)
        )
        asking = published
        if sample and len(published) > sample:
            step = len(published) / sample
            asking = [published[int(i * step)] for i in range(sample)]
        engine = index.indexes().organisations
        candidates = [str(pk) for pk in published]
        results = {}
        for label, strength in (("off", 0.0), ("on", weight)):
            # A fresh start for each variant, in the order the organisations were asked.
            engine.reset_exposure()
            rankings = []
            for organisation in Organisation.objects.filter(pk__in=asking).only("pk").order_by("pk"):
                ranking = engine.rank(
                    adapters.organisation_query(organisation), top=top, exclude={str(organisation.pk)},
                    explain=False, exposure_weight=strength,
                )
                rankings.append([r.org_id for r in ranking])
            shown = {org_id for ranking in rankings for org_id in ranking}
            results[label] = (exposure_gini(rankings, candidates, depth=top), len(shown))
        engine.reset_exposure()
        self.stdout.write(
            f"{len(asking)} organisations asked for {top} suggested partners among {len(published)} published.\n"
            f"Exposure Gini@{top} without control: {results['off'][0]:.3f} ({results['off'][1]} organisations shown).\n"
            f"Exposure Gini@{top} with control (weight {weight:g}): {results['on'][0]:.3f} "
            f"({results['on'][1]} organisations shown)."
        )
