from __future__ import annotations

from dataclasses import dataclass

from sache.directory.models import DigitalProduct, HeritageAsset, Need, Offer, Organisation


@dataclass(frozen=True)
class HubFigures:
    organisations: int
    needs: int
    offers: int
    assets: int
    products: int


def hub_figures() -> HubFigures:
    """Counts of published records shown on the home page."""
    return HubFigures(
        organisations=Organisation.objects.published().count(),
        needs=Need.objects.published().filter(organisation__publication="published").count(),
        offers=Offer.objects.published().filter(organisation__publication="published").count(),
        assets=HeritageAsset.objects.published().filter(organisation__publication="published").count(),
        products=DigitalProduct.objects.published().filter(organisation__publication="published").count(),
    )
