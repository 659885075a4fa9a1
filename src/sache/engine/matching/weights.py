"""Feature names and the weights of the matching score.

Fitted weights come from ``python bench/matching/fit_weights.py`` (coordinate
ascent on the mean of nDCG@10 and Recall@50 over the 189 CORDIS dev queries,
all 5,405 organisations as candidates; see that script and
``bench/matching/README.md`` for the cross-validated figures). The CORDIS
data has no sectors, competences, working languages, coordinates or product
kinds, so the weights of those features cannot be fitted there: they are
set by judgement, on the scale of ``lexical`` (1.0 = the best BM25 match of
the query), and marked below. Re-fit them once the product has collected
"useful / not useful" feedback.
"""

from __future__ import annotations

__all__ = ["FEATURE_NAMES", "DEFAULT_WEIGHTS", "ASKER_WEIGHTS", "UNFITTED_WEIGHTS"]

FEATURE_NAMES = (
    "lexical",
    "dense",
    # Best profile unit and pseudo-relevance feedback: weight 0 in both sets;
    # re-fitted with them, the out-of-fold figures did not improve
    # (bench/matching/README.md, quality second round).
    "dense_max",
    "lexical_max",
    "dense_feedback",
    "lexical_feedback",
    "track_record",
    "text_partners",
    # Random walk over the collaboration graph from the best text matches:
    # weight 0 in both sets; re-fitted with it, the out-of-fold figures over
    # four fold splits fell slightly (bench/matching/README.md, third round).
    "text_walk",
    "partners",
    "partners_of_partners",
    "tags",
    "tag_family",
    "sectors",
    "languages",
    "competences",
    "same_country",
    "same_region",
    "nearby",
    "complementary_kinds",
)

# Not fittable on CORDIS (the fields do not exist there): judgement.
UNFITTED_WEIGHTS: dict[str, float] = {
    "sectors": 0.2,
    "languages": 0.1,
    "competences": 0.3,
    "same_region": 0.05,
    "nearby": 0.1,
    "complementary_kinds": 0.2,
}

# Anonymous queries (text and programme tags only): fitted on CORDIS dev
# (5-fold out-of-fold nDCG@10 0.119, Recall@50 0.293; lexical alone 0.095, 0.253).
# Third round, same features re-fitted on freshly computed tensors: 0.120 and
# 0.291 out of fold, mean of four fold splits; one run 0.122, 0.296.
DEFAULT_WEIGHTS: dict[str, float] = {
    "lexical": 1.0,
    "dense": 0.2,
    "track_record": 0.1,
    "text_partners": 0.2,
    "kind:HES": 0.02,
    "kind:OTH": 0.1,
    "kind:PRC": -0.1,
    "kind:PUB": 0.02,
    "kind:REC": 0.02,
    **UNFITTED_WEIGHTS,
}

# Queries posted by an organisation (its partners are known): fitted on CORDIS
# dev with the coordinator as the asking organisation, removed from candidates
# and labels (5-fold out-of-fold nDCG@10 0.085, Recall@50 0.266; lexical alone
# 0.067, 0.212).
ASKER_WEIGHTS: dict[str, float] = {
    "lexical": 1.0,
    "dense": 0.35,
    "track_record": 0.1,
    "text_partners": 0.35,
    "partners": 0.05,
    "partners_of_partners": 0.02,
    "same_country": 0.02,
    "kind:OTH": 0.05,
    "kind:PRC": -0.05,
    "kind:PUB": -0.02,
    **UNFITTED_WEIGHTS,
}
