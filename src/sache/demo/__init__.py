"""Deterministic demo-hub content for sache, as plain records (no Django).

``generate_hub(orgs, seed)`` returns a :class:`Hub` of frozen dataclasses;
``iter_hub(orgs, seed)`` streams the same records for bulk inserts. The
``sache seed-demo`` command turns them into database rows. Run
``python -m sache.demo --help`` for the command-line entry.
"""

from sache.demo.generator import generate_hub, iter_hub, load_vocabulary
from sache.demo.records import (
    AssetRecord,
    Hub,
    NeedRecord,
    OfferRecord,
    OrgRecord,
    PersonRecord,
    ProductRecord,
)

__all__ = [
    "AssetRecord",
    "Hub",
    "NeedRecord",
    "OfferRecord",
    "OrgRecord",
    "PersonRecord",
    "ProductRecord",
    "generate_hub",
    "iter_hub",
    "load_vocabulary",
]
