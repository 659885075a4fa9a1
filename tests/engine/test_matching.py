"""Tests of the matching engine: index, ranking rules, explanations, command line."""

import json
import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sache.engine.embeddings import HashingEncoder
from sache.engine.matching import (
    LocalizedText,
    MatchingIndex,
    MatchQuery,
    OrgRecord,
    exposure_gini,
)
from sache.engine.matching.cli import main as cli_main
from sache.engine.matching.exposure import gini
from sache.engine.matching.fitting import fit_linear_ranker, ranking_objective
from sache.engine.matching.lexical import BM25Index
from sache.engine.matching.text import guess_language, lemmas, split_sentences

pytestmark = pytest.mark.unit


def text(value, language="en"):
    return (LocalizedText(value, language),)


ORGS = [
    OrgRecord(
        "castle",
        kind="heritage",
        name="Castle Museum",
        region="PL213",
        coordinates=(50.05, 19.94),
        languages=("pl", "en"),
        sectors=("museums",),
        competences=("collections",),
        texts=text("Castle museum with medieval collections seeking an augmented reality guide."),
    ),
    OrgRecord(
        "ar-studio",
        kind="creative",
        name="AR Studio",
        region="PL214",
        coordinates=(50.06, 19.90),
        languages=("en",),
        sectors=("games", "museums"),
        competences=("augmented reality", "3D scanning"),
        texts=text("We build augmented reality guides and 3D scanning for museums and castles."),
    ),
    OrgRecord(
        "vr-lab",
        kind="technology",
        name="VR Lab",
        region="HU11",
        languages=("hu", "en"),
        competences=("virtual reality",),
        texts=text(
            "Virtual reality laboratory building immersive reconstructions of heritage sites."
        ),
    ),
    OrgRecord(
        "bakery",
        kind="other",
        name="Bakery",
        region="CZ01",
        texts=text("We bake sourdough bread and pastries."),
    ),
    OrgRecord(
        "hidden",
        kind="creative",
        name="Hidden Studio",
        published=False,
        texts=text("Augmented reality guides for castles and museums, augmented reality apps."),
    ),
    OrgRecord(
        "network",
        kind="creative",
        name="Creative Network",
        member_ids=("ar-studio",),
        texts=text("A network of augmented reality and game studios."),
    ),
]

NEED = MatchQuery(
    "need-1",
    texts=text("We need an augmented reality guide for our castle museum."),
    org_id="castle",
)


def build(orgs=ORGS, projects=(("castle", "vr-lab"), ("vr-lab", "ar-studio"))):
    index = MatchingIndex(HashingEncoder(dimension=256))
    index.add_many(orgs)
    for project in projects:
        index.add_collaboration(project)
    return index


def test_rank_is_identical_on_two_builds_of_the_same_index():
    first = [(r.org_id, r.score, r.reasons) for r in build().rank(NEED, top=5)]
    second = [(r.org_id, r.score, r.reasons) for r in build().rank(NEED, top=5)]

    assert first == second


def test_rank_never_returns_the_asker_or_its_members_or_unpublished_orgs():
    ranking = [r.org_id for r in build().rank(NEED, top=10, explain=False)]

    assert sorted(ranking) == ["ar-studio", "bakery", "network", "vr-lab"]


def test_rank_of_a_network_leaves_out_its_members():
    query = MatchQuery("q", texts=text("augmented reality"), org_id="network")

    ranking = [r.org_id for r in build().rank(query, top=10, explain=False)]

    assert sorted(ranking) == ["bakery", "castle", "vr-lab"]


def test_rank_of_a_member_leaves_out_its_network():
    query = MatchQuery("q", texts=text("augmented reality"), org_id="ar-studio")

    ranking = [r.org_id for r in build().rank(query, top=10, explain=False)]

    assert sorted(ranking) == ["bakery", "castle", "vr-lab"]


def test_rank_for_an_organisation_reuses_its_profile_vector():
    index = build()
    encoded_before = index.encoder.encoded_texts

    ranking = [r.org_id for r in index.rank(MatchQuery("q", org_id="castle"), top=1)]

    assert (ranking, index.encoder.encoded_texts) == (["ar-studio"], encoded_before)


def test_rank_puts_the_matching_studio_first():
    assert build().rank(NEED, top=1)[0].org_id == "ar-studio"


def test_unpublished_org_still_gets_recommendations():
    query = MatchQuery("q", org_id="hidden")

    ranking = [r.org_id for r in build().rank(query, top=1, explain=False)]

    assert ranking == ["ar-studio"]


def test_explanations_name_only_facts_of_both_profiles():
    index = build()
    castle = index.record("castle")
    recommendation = index.rank(NEED, top=1)[0]
    studio = index.record(recommendation.org_id)
    reasons = {reason.code: reason.values for reason in recommendation.reasons}

    assert reasons["kinds"] == ("heritage", "creative")
    assert reasons["sectors"] == ("museums",)
    assert reasons["region"] == ("PL21",)
    assert reasons["languages"] == ("en",)
    assert set(reasons["phrases"]) <= set(lemmas(NEED.texts[0].text)) | {"augmented"}
    assert set(lemmas(" ".join(reasons["phrases"]))) <= set(lemmas(studio.texts[0].text))
    assert reasons["partners"] == ("vr-lab",)
    assert castle.id not in reasons["partners"]


def test_explanations_mention_distance_when_both_have_coordinates():
    recommendation = build().rank(NEED, top=1)[0]
    reasons = {reason.code: reason.values for reason in recommendation.reasons}

    assert reasons["distance"] == ("3",)


def test_remove_takes_an_org_out_of_rankings():
    index = build()
    index.remove("ar-studio")

    ranking = [r.org_id for r in index.rank(NEED, top=10, explain=False)]

    assert sorted(ranking) == ["bakery", "network", "vr-lab"]


def test_update_gives_the_same_ranking_as_a_rebuild():
    changed = OrgRecord(
        "bakery", kind="creative", texts=text("Augmented reality guide studio for castle museums.")
    )
    index = build()
    index.add(changed)
    index.remove("vr-lab")
    rebuilt = build([*(o for o in ORGS if o.id not in ("bakery", "vr-lab")), changed])

    first = index.rank(NEED, top=10, explain=False)
    second = rebuilt.rank(NEED, top=10, explain=False)

    # Scores agree up to float32 summation order (rows sit in other places).
    assert [r.org_id for r in first] == [r.org_id for r in second]
    assert [r.score for r in first] == pytest.approx([r.score for r in second], abs=1e-5)


def test_exposure_weight_spreads_recommendations():
    index = build()
    query = MatchQuery("q", texts=text("augmented reality guides"))
    plain = [index.rank(query, top=1, explain=False)[0].org_id for _ in range(3)]
    spread = [
        index.rank(query, top=1, explain=False, exposure_weight=5.0)[0].org_id for _ in range(3)
    ]

    assert (len(set(plain)), len(set(spread))) == (1, 3)


def test_bm25_matches_the_formula_on_a_small_corpus():
    index = BM25Index(k1=1.2, b=0.75)
    docs = [["a", "b", "a"], ["b", "c"], ["c", "c", "c", "d"]]
    for row, doc in enumerate(docs):
        index.set_document(row, doc)
    average = sum(map(len, docs)) / 3

    def expected(term, doc):
        df = sum(term in d for d in docs)
        idf = math.log(1 + (3 - df + 0.5) / (df + 0.5))
        f = doc.count(term)
        return idf * f * 2.2 / (f + 1.2 * (0.25 + 0.75 * len(doc) / average))

    scores = index.score(["a", "c"], n_rows=3).tolist()

    assert scores == pytest.approx([expected("a", d) + expected("c", d) for d in docs])


@settings(max_examples=30, deadline=None)
@given(st.lists(st.lists(st.sampled_from("abcdef"), max_size=6), min_size=1, max_size=6), st.data())
def test_bm25_after_removal_equals_fresh_index(docs, data):
    removed = data.draw(st.integers(0, len(docs) - 1))
    updated = BM25Index()
    for row, doc in enumerate(docs):
        updated.set_document(row, doc)
    updated.remove_document(removed)
    fresh = BM25Index()
    for row, doc in enumerate(docs):
        if row != removed:
            fresh.set_document(row, doc)

    assert updated.score(list("abcdef"), len(docs)).tolist() == pytest.approx(
        fresh.score(list("abcdef"), len(docs)).tolist()
    )


def test_lemmas_fold_inflection_and_drop_stop_words():
    # English only: loading another language's dictionary takes seconds.
    assert lemmas("The castles of museums and a castle", "en") == ["castle", "museum", "castle"]


def test_lemmas_of_an_unknown_language_are_folded_tokens():
    assert lemmas("Zámek MUZEUM", "xx") == ["zámek", "muzeum"]


def test_split_sentences_keeps_abbreviation_free_text_whole():
    assert split_sentences("One. Two! three") == ["One.", "Two! three"]


def test_guess_language_recognises_german():
    assert guess_language("Das Museum sucht ein Studio für die Besucher und die Schulen") == "de"


def test_gini_of_equal_exposure_is_zero_and_of_one_winner_high():
    assert (
        gini([2, 2, 2]),
        exposure_gini([["a"], ["a"], ["a"]], ["a", "b", "c", "d"], depth=1),
    ) == (
        0.0,
        0.75,
    )


def test_ranking_objective_scores_a_perfect_ranking_one():
    scores = np.array([[3.0, 2.0, 1.0, 0.0]])
    relevant = np.array([[True, True, False, False]])

    assert ranking_objective(scores, relevant) == {"nDCG@10": 1.0, "R@50": 1.0, "objective": 1.0}


def test_fit_linear_ranker_finds_the_informative_feature():
    rng = np.random.default_rng(0)
    relevant = rng.random((20, 60)) < 0.1
    noise = rng.random((20, 60))
    signal = relevant + 0.3 * rng.random((20, 60))
    features = np.stack([noise, signal], axis=2)

    weights, value = fit_linear_ranker(features, relevant, initial=[1.0, 0.0])

    assert (weights[0], weights[1] > 1.0, value) == (1.0, True, 1.0)


def write_jsonl(path, records):
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")


def test_cli_ranks_without_reading_relevant_and_excludes_the_coordinator(tmp_path):
    orgs = [
        {
            "id": "1",
            "name": "Castle",
            "type": "PUB",
            "country": "PL",
            "n_train_projects": 2,
            "profile": "Castle museum heritage collections.",
        },
        {
            "id": "2",
            "name": "Studio",
            "type": "PRC",
            "country": "PL",
            "n_train_projects": 1,
            "profile": "Augmented reality studio for museums.",
        },
        {
            "id": "3",
            "name": "Bakery",
            "type": "PRC",
            "country": "CZ",
            "n_train_projects": 1,
            "profile": "Bread and pastries.",
        },
    ]
    queries = [
        {
            "id": "q1",
            "text": "Augmented reality for a castle museum",
            "topics": ["HORIZON-CL2-2024-HERITAGE-01"],
            "coordinator": "1",
        }
    ]
    history = [
        {"id": "p1", "title": "x", "topics": ["HORIZON-CL2-2022-HERITAGE-01"], "orgs": ["1", "2"]}
    ]
    write_jsonl(tmp_path / "orgs.jsonl", orgs)
    write_jsonl(tmp_path / "history.jsonl", history)
    outputs = []
    for relevant in (["2"], ["3"]):
        write_jsonl(tmp_path / "queries.jsonl", [{**queries[0], "relevant": relevant}])
        for flag in ([], ["--exclude-coordinator"]):
            out = tmp_path / "ranking.jsonl"
            cli_main(
                [
                    "rank",
                    "--orgs",
                    str(tmp_path / "orgs.jsonl"),
                    "--queries",
                    str(tmp_path / "queries.jsonl"),
                    "--history",
                    str(tmp_path / "history.jsonl"),
                    "--top",
                    "3",
                    "--out",
                    str(out),
                    "--encoder",
                    "hashing",
                    *flag,
                ]
            )
            outputs.append(json.loads(out.read_text()))

    assert (
        outputs
        == [
            {"query_id": "q1", "ranking": ["2", "1", "3"]},
            {"query_id": "q1", "ranking": ["2", "3"]},
        ]
        * 2
    )


def test_cli_names_the_line_of_a_broken_input(tmp_path, capsys):
    (tmp_path / "orgs.jsonl").write_text('{"id": "1", "profile": "x"}\n{broken\n', encoding="utf-8")
    (tmp_path / "queries.jsonl").write_text('{"id": "q", "text": "x"}\n', encoding="utf-8")

    status = cli_main(
        [
            "rank",
            "--orgs",
            str(tmp_path / "orgs.jsonl"),
            "--queries",
            str(tmp_path / "queries.jsonl"),
            "--out",
            str(tmp_path / "out.jsonl"),
            "--encoder",
            "none",
        ]
    )

    assert (status, capsys.readouterr().err.splitlines()[-1]) == (
        2,
        f"error: {tmp_path / 'orgs.jsonl'}, line 2: not a JSON object (Expecting property name enclosed in double quotes)",
    )


def test_two_stage_ranking_agrees_with_every_feature_for_every_row():
    # A big index in miniature: exact_up_to=0 forces the two stages.
    rng = np.random.default_rng(3)
    words = ["castle", "museum", "archive", "game", "studio", "scan", "sound", "light", "bread"]
    orgs = [
        OrgRecord(
            f"org{i}",
            kind=["heritage", "creative", "technology"][i % 3],
            region=["PL213", "HU11", "CZ01"][i % 3],
            texts=text(" ".join(rng.choice(words, size=6))),
            track_record=int(i % 5),
        )
        for i in range(300)
    ]
    fast = MatchingIndex(HashingEncoder(dimension=128), exact_up_to=0, candidates=60)
    fast.add_many(orgs)
    for i in range(0, 300, 7):
        fast.add_collaboration([f"org{i}", f"org{(i * 13) % 300}"])
    query = MatchQuery("q", texts=text("castle museum scan"), org_id="org7")

    two_stage = [r.org_id for r in fast.rank(query, top=10)]
    one_stage = [r.org_id for r in fast.rank(query, top=10, exact=True)]

    assert two_stage == one_stage
    assert "org7" not in two_stage


def test_cosine_moments_follow_additions_and_removals():
    index = MatchingIndex(HashingEncoder(dimension=64))
    index.add_many(ORGS)
    index.remove("bakery")
    index.add(ORGS[0])  # replacing must not count the old vector twice
    vector = index._vectors[index._row_of["castle"]]
    live = [index._row_of[o.id] for o in ORGS if o.id in index]
    cosines = index._vectors[live] @ vector

    mean, spread = index._cosine_moments(vector)

    assert mean == pytest.approx(float(cosines.mean()), abs=1e-5)
    assert spread == pytest.approx(float(cosines.std()), abs=1e-5)


def test_recorded_exposure_raises_the_gini():
    index = MatchingIndex(HashingEncoder(dimension=64))
    index.add_many(ORGS)
    assert index.exposure_gini() == 0.0

    index.record_exposure(["ar-studio", "castle"])

    assert index.exposure_gini() > 0.0


def test_shared_paragraphs_are_kept_while_any_profile_has_them():
    shared = "We digitise castle archives.\n\nWe also bake bread."
    index = MatchingIndex(HashingEncoder(dimension=64))
    index.add_many([OrgRecord("a", texts=text(shared)), OrgRecord("b", texts=text(shared.split("\n\n")[0]))])
    query = MatchQuery("q", texts=text("castle archives"))
    assert len(index._unit_lexical) == 2

    index.remove("a")
    assert len(index._unit_lexical) == 1  # the bread paragraph was only a's
    index.add(OrgRecord("b", texts=text("Sound design for games.")))

    assert len(index._unit_lexical) == 1
    assert index.features(query)["lexical_max"].max() == 0.0


def test_ranking_limits_blas_threads_only_while_it_runs():
    threadpoolctl = pytest.importorskip("threadpoolctl")
    from sache.engine.matching import index as index_module

    controller = threadpoolctl.ThreadpoolController()
    blas = [lib for lib in controller.lib_controllers if lib.user_api == "blas"]
    if not blas:
        pytest.skip("numpy is not linked to a BLAS library that threadpoolctl controls")
    seen = []

    class SpyEncoder(HashingEncoder):
        def encode(self, texts, *, as_query=False):
            if as_query:
                seen.append(blas[0].get_num_threads())
            return super().encode(texts, as_query=as_query)

    index = MatchingIndex(SpyEncoder(dimension=64))
    index.add_many(ORGS)
    query = MatchQuery("need", texts=text("augmented reality guide for a castle"))
    with controller.limit(limits=2, user_api="blas"):
        limited = [r.org_id for r in index.rank(query, top=3)]
        after = blas[0].get_num_threads()
        index.query_blas_threads = None
        unlimited = [r.org_id for r in index.rank(query, top=3, explain=False)]

    assert index_module.QUERY_BLAS_THREADS == 1
    assert seen == [1]  # the second query's vector came from the cache
    assert after == 2
    assert limited == unlimited


def test_overlapping_rankings_restore_blas_threads_after_the_last():
    threadpoolctl = pytest.importorskip("threadpoolctl")
    from sache.engine.matching.index import _blas_threads

    blas = threadpoolctl.ThreadpoolController().select(user_api="blas")
    if not blas.lib_controllers:
        pytest.skip("numpy is not linked to a BLAS library that threadpoolctl controls")

    def threads():
        return blas.lib_controllers[0].get_num_threads()

    with blas.limit(limits=2):
        first, second = _blas_threads(1), _blas_threads(1)
        first.__enter__()
        second.__enter__()
        first.__exit__(None, None, None)  # the first to start ends first
        during = threads()
        second.__exit__(None, None, None)
        after = threads()

    assert (during, after) == (1, 2)


def test_text_walk_reaches_partners_of_text_matches_and_follows_graph_changes():
    # "bakery" shares no word with the need; it scores on the walk only as a
    # partner of a text match, and only once the collaboration is recorded.
    index = build(projects=())
    query = MatchQuery("q", texts=text("augmented reality guide for a castle museum"))
    bakery = index.row_ids().index("bakery")
    assert index.features(query)["text_walk"][bakery] == 0.0

    index.add_collaboration(["ar-studio", "bakery"])
    walk = index.features(query)["text_walk"]

    assert walk[bakery] > 0.0
    assert walk.max() == pytest.approx(1.0)

    index.remove("ar-studio")
    assert index.features(query)["text_walk"][bakery] == 0.0  # its only path is gone
