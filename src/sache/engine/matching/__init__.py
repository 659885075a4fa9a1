"""Partner matching: multilingual, explainable recommendations of organisations.

Build a :class:`MatchingIndex` from :class:`OrgRecord` objects (plus earlier
collaborations), then ``rank`` a :class:`MatchQuery` (a need, an offer or an
organisation) to get :class:`Recommendation` objects with :class:`Reason`
chips. The index is updated one organisation at a time (``add``, ``remove``).
Problem formulation, features and references: :mod:`sache.engine.matching.index`;
command line: :mod:`sache.engine.matching.cli`.
"""

from sache.engine.matching.exposure import exposure_gini
from sache.engine.matching.index import MatchingIndex
from sache.engine.matching.records import (
    LocalizedText,
    MatchQuery,
    OrgRecord,
    Reason,
    Recommendation,
)

__all__ = [
    "MatchingIndex",
    "OrgRecord",
    "MatchQuery",
    "LocalizedText",
    "Reason",
    "Recommendation",
    "exposure_gini",
]
