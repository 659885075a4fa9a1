"""Deterministic demo-hub content for sache, as plain records (no Django).

``generate_hub(orgs, seed)`` returns a :class:`Hub` of frozen dataclasses;
``iter_hub(orgs, seed)`` streams the same records for bulk inserts. The
code tuples (``KINDS``, ``SIZE_BANDS``, ``BUDGET_BANDS``, ``TIMEFRAMES``,
``NEED_STATUSES``, ``ASSET_KINDS``, ``PRODUCT_CATEGORIES``, ``AUDIENCES``,
``ROLES``, ``LANGUAGES``) are the choices the Django models share. The
``sache seed-demo`` command turns them into database rows. Run
``python -m sache.demo --help`` for the command-line entry.
"""

from sache.demo.generator import (
    ASSET_KINDS,
    AUDIENCES,
    BUDGET_BANDS,
    KINDS,
    LANGUAGES,
    NEED_STATUSES,
    PRODUCT_CATEGORIES,
    ROLES,
    SIZE_BANDS,
    TIMEFRAMES,
    Vocabulary,
    generate_hub,
    iter_hub,
    load_vocabulary,
)
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
    "ASSET_KINDS",
    "AUDIENCES",
    "BUDGET_BANDS",
    "KINDS",
    "LANGUAGES",
    "NEED_STATUSES",
    "PRODUCT_CATEGORIES",
    "ROLES",
    "SIZE_BANDS",
    "TIMEFRAMES",
    "AssetRecord",
    "Hub",
    "NeedRecord",
    "OfferRecord",
    "OrgRecord",
    "PersonRecord",
    "ProductRecord",
    "Vocabulary",
    "generate_hub",
    "iter_hub",
    "load_vocabulary",
]
