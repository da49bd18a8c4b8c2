"""Similarity by meaning, from the static word-vector model the wordllama package ships.

The model (wordllama's `l2_supercat`, 256 dimensions, MIT) is a table of token vectors, and a
text's vector is the mean of its tokens' vectors. Its tokenizer splits nothing across a space,
so a story is embedded by tokenising each distinct whitespace-separated word once (once per
process: the stories of a folder share the table) and pooling every text with one sparse
product: the same vectors as the model's own `embed`, several times faster than tokenising
every text.

The two files are read from the installed package: no network, no cache folder, no write
anywhere. If they cannot be read, `load` returns None and `failure` says why in one line; the
engine then aligns by words alone.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib.util import find_spec
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np
    from threadpoolctl import ThreadpoolController
    from tokenizers import Tokenizer

NAME = "wordllama l2_supercat 256"
SMALL = 3_000  # sentences: up to here, every sentence pair of a story is compared at once
PACKAGE = "wordllama"
WEIGHTS = Path("weights", "l2_supercat_256.safetensors")
TOKENIZER = Path("tokenizers", "l2_supercat_tokenizer_config.json")
TENSOR = "embedding.weight"
WORDS_KEPT = 250_000  # distinct words whose vectors a process keeps: 256 MB (the BBC's 2,225 articles have 60,000)


class _WordCache:
    """Each distinct word's summed token vectors, computed once per process.

    A folder of many stories repeats its words from story to story: tokenising them again for
    each story cost a third of aligning 2,225 BBC articles. Rows are kept in one table of
    WORDS_KEPT words (then it starts over: the rows come out the same, only computed again),
    made at once: the system gives its zero pages as rows are first written, so the rows not
    used take no memory and none is ever copied to a larger table (growing one by doubling
    cost 0.15 s a process on the BBC's words). A lock lets the reader's worker and a batch
    thread share it.
    """

    def __init__(self, dimensions: int) -> None:
        import numpy as np

        self.index: dict[str, int] = {}
        self.table = np.zeros((WORDS_KEPT, dimensions), np.float32)
        self.lock = threading.Lock()

    def indexed(self, words: Sequence[str], compute: Callable[[list[str]], np.ndarray]) -> tuple[list[int], np.ndarray]:
        """Each word's row in the table, and the table; `compute` embeds the words not seen before."""
        import numpy as np

        with self.lock:
            index = self.index
            new = [w for w in dict.fromkeys(words) if w not in index]
            if new and len(index) + len(new) > WORDS_KEPT:  # a corpus of millions: start over
                index = self.index = {}
                new = list(dict.fromkeys(words))
            if new:
                found = compute(new)
                need = len(index) + len(new)
                if need > len(self.table):  # one text of more distinct words than a table holds
                    grown = np.zeros((max(need, 2 * len(self.table)), self.table.shape[1]), np.float32)
                    grown[:len(index)] = self.table[:len(index)]
                    self.table = grown
                self.table[len(index):need] = found
                for at, word in enumerate(new, len(index)):
                    index[word] = at
            return list(map(index.__getitem__, words)), self.table


@dataclass(frozen=True, eq=False)
class Model:
    """The token vectors and the tokenizer that maps words to them."""

    name: str
    vectors: np.ndarray  # (vocabulary, dimensions), float32
    tokenizer: Tokenizer

    @property
    def dimensions(self) -> int:
        return int(self.vectors.shape[1])

    @cached_property
    def _cache(self) -> _WordCache:
        return _WordCache(self.dimensions)

    def word_sums(self, words: Sequence[str]) -> np.ndarray:
        """Each word's token vectors summed: one row per word, float32; each distinct word is
        tokenised once per process (the same row whichever story asks first)."""
        import numpy as np

        rows, table = self._cache.indexed(list(words), self._encode)
        return table[np.array(rows, np.int64).reshape(-1)]

    def _encode(self, words: list[str]) -> np.ndarray:
        """`word_sums` of words not seen before.

        The words go to the tokenizer pre-split, in one call: each is tokenised as on its own
        (the model's own encoding of that word: its normaliser marks every word's start), at a
        fraction of the cost of a call each. One sequence, not a batch: a batch call costs half a
        millisecond more, and a folder of stories makes one call a story.
        """
        import numpy as np
        from scipy import sparse

        encoded = self.tokenizer.encode(words, is_pretokenized=True, add_special_tokens=False)
        ids = np.asarray(encoded.ids, np.int64)
        owner = np.asarray(encoded.word_ids, np.int64)
        np.clip(ids, 0, len(self.vectors) - 1, out=ids)
        tokens = sparse.csr_matrix((np.ones(len(ids), np.float32), (owner, ids)),
                                   shape=(len(words), len(self.vectors)))
        return np.asarray(tokens @ self.vectors, dtype=np.float32)

    def sums(self, texts: Sequence[str]) -> np.ndarray:
        """Each text's token vectors summed (its mean pooling, before length), one row per text.

        Lower-cased first: on ECB+ topics 1-10 the cosine of lower-cased text separates
        same-event sentence pairs from the others better (AUC 0.899 against 0.889), and more
        words are then single tokens. One sparse product of word counts with the cached rows.
        """
        import numpy as np
        from scipy import sparse

        split = [text.lower().split() for text in texts]
        indptr = np.zeros(len(split) + 1, np.int64)
        np.cumsum([len(words) for words in split], out=indptr[1:])
        flat = list(chain.from_iterable(split))
        if not flat:
            return np.zeros((len(texts), self.dimensions), np.float32)
        rows, table = self._cache.indexed(flat, self._encode)
        counts = sparse.csr_matrix((np.ones(len(flat), np.float32), np.array(rows, np.int64), indptr),
                                   shape=(len(texts), len(table)))
        return np.asarray(counts @ table, dtype=np.float32)

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """One unit-length row per text (all zeros for a text without a word), float32: the
        direction of the model's own mean-pooled `embed` of the lower-cased text."""
        return unit(self.sums(texts))


def unit(rows: np.ndarray) -> np.ndarray:
    """`rows` scaled to length 1 in place (a zero row stays zero), and returned."""
    import numpy as np

    norms = np.linalg.norm(rows, axis=1, keepdims=True)
    np.divide(rows, norms, out=rows, where=norms > 0)
    return rows


@contextmanager
def one_thread() -> Iterator[None]:
    """Matrix products on one thread inside: the engine's are many and small, and waking
    OpenBLAS's threads for each cost more than it saved (the candidates of 300 BBC articles by
    meaning: 0.4 s on one thread, 7 s threaded, on a busy 2-core machine)."""
    controller = _controller()
    if controller is None:  # the products are right either way, only slower
        yield
        return
    with controller.limit(limits=1, user_api="blas"):
        yield


@lru_cache(maxsize=1)
def _controller() -> ThreadpoolController | None:
    """threadpoolctl's view of the loaded BLAS libraries, taken once: taking it scans every
    loaded library (0.25 ms or more a time, against 0.01 ms to set a limit through it), and a
    folder of a thousand stories sets limits thousands of times."""
    try:
        from threadpoolctl import ThreadpoolController
    except ImportError:
        return None
    import numpy  # noqa: F401  (its BLAS must be loaded before the controller looks)

    return ThreadpoolController()


_lock = threading.Lock()
_loaded: list[tuple[Model | None, str | None]] = []  # filled once by `load`


def load() -> Model | None:
    """The model, read once on first use (thread-safe); None if it cannot be read."""
    with _lock:
        if not _loaded:
            _loaded.append(_read())
        return _loaded[0][0]


def failure() -> str | None:
    """Why the model could not be loaded, in one line; None if it loaded or was not tried."""
    return _loaded[0][1] if _loaded else None


def package_folder() -> Path:
    """Where the installed wordllama package is, found without importing it."""
    spec = find_spec(PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError(f"the {PACKAGE} package is not installed")
    return Path(next(iter(spec.submodule_search_locations)))


def _read() -> tuple[Model | None, str | None]:
    try:
        import numpy as np
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        folder = package_folder()
        vectors = np.ascontiguousarray(load_file(str(folder / WEIGHTS))[TENSOR], dtype=np.float32)
        tokenizer = Tokenizer.from_file(str(folder / TOKENIZER))
        tokenizer.no_padding()
        tokenizer.no_truncation()
        if vectors.ndim != 2 or tokenizer.get_vocab_size() > len(vectors):
            raise ValueError(f"{WEIGHTS.name} does not fit its tokenizer")
        return Model(NAME, vectors, tokenizer), None
    except Exception as error:  # a broken install of any kind: say so, align by words alone
        reason = " ".join(str(error).split()) or type(error).__name__
        return None, f"semantic model unavailable ({reason}); aligning by shared words only"


@dataclass(frozen=True, eq=False)
class StoryVectors:
    """A story's paragraphs and sentences embedded once: unit-length rows, float32.

    Paragraph i's sentences are rows `first[i]:first[i + 1]` of `sentences`; a paragraph's
    vector pools its sentences' tokens, so it costs one more sparse product, not a second pass.
    """

    paragraphs: np.ndarray
    sentences: np.ndarray
    first: np.ndarray

    @classmethod
    def of(cls, model: Model, paragraphs: Sequence[Sequence[str]]) -> StoryVectors:
        """`paragraphs`: each paragraph's sentence texts, in order."""
        import numpy as np

        counts = np.fromiter((len(p) for p in paragraphs), dtype=np.int64, count=len(paragraphs))
        first = np.concatenate([[0], np.cumsum(counts)])
        sums = model.sums([s for p in paragraphs for s in p])
        pooled = np.zeros((len(paragraphs), model.dimensions), np.float32)
        told = counts > 0
        if told.any():
            pooled[told] = np.add.reduceat(sums, first[:-1][told], axis=0)
        return cls(unit(pooled), unit(sums), first)

    def paragraph(self, i: int, j: int) -> float:
        return float(self.paragraphs[i] @ self.paragraphs[j])

    def sentence(self, i: int, k: int, j: int, m: int) -> float:
        """Cosine of sentence k of paragraph i and sentence m of paragraph j."""
        return float(self.sentences[self.first[i] + k] @ self.sentences[self.first[j] + m])

    def sentence_block(self, i: int, j: int) -> np.ndarray:
        """Cosines of every sentence of paragraph i with every sentence of paragraph j."""
        return self.sentences[self.first[i]:self.first[i + 1]] @ self.sentences[self.first[j]:self.first[j + 1]].T

    @cached_property
    def best_matrix(self) -> np.ndarray | None:
        """For a story of up to SMALL sentences, every paragraph pair's `best_sentences` at once
        (one product and two maxima by segment; -1 where a paragraph has no sentence); None
        for a larger story, where the sampled and per-source paths take over."""
        import numpy as np

        n = len(self.paragraphs)
        if not len(self.sentences) or len(self.sentences) > SMALL:
            return None
        told = np.flatnonzero(np.diff(self.first) > 0)
        starts = self.first[told]
        alike = self.sentences @ self.sentences.T
        best = np.maximum.reduceat(np.maximum.reduceat(alike, starts, axis=0), starts, axis=1)
        out = np.full((n, n), -1.0, np.float32)
        out[np.ix_(told, told)] = best
        return out

    def best_sentences(self, pairs: Sequence[tuple[int, int]]) -> list[float]:
        """For each paragraph pair, the cosine of its two most alike sentences (-1 if either
        paragraph has none): whether the two share a claim, however many others each tells."""
        sentences, first = self.sentences, self.first.tolist()
        out = []
        for i, j in pairs:
            block = sentences[first[i]:first[i + 1]] @ sentences[first[j]:first[j + 1]].T
            out.append(float(block.max()) if block.size else -1.0)
        return out

    def baseline(self, owner: Sequence[int], sample: int = 20_000) -> float:
        """How alike two paragraphs of different sources are in this story: the median cosine
        of their two most alike sentences (`best_sentences`).

        Every part of a story is about the same thing, and a long paragraph has more sentences
        to find a close one among, so meaning counts from here, not from a fixed cosine. A story
        with more pairs than `sample` is measured on a fixed sample of them.
        """
        import numpy as np

        owner = np.asarray(owner)
        n = len(owner)
        if n < 2:
            return 0.0
        if n * (n - 1) // 2 <= sample:
            a, b = np.triu_indices(n, 1)
        else:
            rng = np.random.default_rng(0)
            a, b = rng.integers(0, n, sample), rng.integers(0, n, sample)
        keep = owner[a] != owner[b]
        if not keep.any():
            return 0.0
        a, b = a[keep], b[keep]
        best = self.best_matrix
        if best is not None:
            return float(np.median(best[a, b]))
        return float(np.median(self.best_sentences(list(zip(a.tolist(), b.tolist())))))

    def alike(self, owner: Sequence[int], floor: float, neighbours: int = 10) -> dict[tuple[int, int], float]:
        """Every pair of paragraphs of different sources with two sentences at least `floor`
        alike: {(i, j) with i < j: the cosine of their most alike sentences}.

        `owner[i]` is paragraph i's source; a source's paragraphs are consecutive. Every other
        source is searched when there are few; among many (a folder of unrelated articles), only
        a source's `neighbours` closest sources by their mean vector, so the work grows with the
        number of sentences, not with its square. One matrix product per source.
        """
        import numpy as np

        owner = np.asarray(owner)
        n = len(owner)
        if n == 0:
            return {}
        best = self.best_matrix
        if best is not None:
            row, col = np.nonzero(np.triu(best >= floor, 1) & (owner[:, None] != owner[None, :]))
            return dict(zip(zip(row.tolist(), col.tolist()), best[row, col].tolist()))
        starts = np.flatnonzero(np.r_[True, owner[1:] != owner[:-1]])
        bounds = np.r_[starts, n]
        sources = len(starts)
        if sources <= neighbours + 1:
            partners = [np.arange(a + 1, sources) for a in range(sources)]
        else:
            means = unit(np.add.reduceat(self.paragraphs, starts, axis=0))
            closeness = means @ means.T
            np.fill_diagonal(closeness, -np.inf)
            closest = np.argpartition(-closeness, neighbours, axis=1)[:, :neighbours]
            linked = np.zeros((sources, sources), bool)
            linked[np.repeat(np.arange(sources), neighbours), closest.ravel()] = True
            linked |= linked.T
            partners = [np.flatnonzero(row[a + 1:]) + a + 1 for a, row in enumerate(linked)]
        first = self.first
        paragraph_of = np.repeat(np.arange(n), np.diff(first))
        source_rows = [(first[bounds[a]], first[bounds[a + 1]]) for a in range(sources)]
        rows, cols, values = [], [], []
        for a, others in enumerate(partners):
            lo, hi = source_rows[a]
            if not len(others) or lo == hi:
                continue
            columns = np.concatenate([np.arange(*source_rows[b]) for b in others])
            if not len(columns):
                continue
            block = self.sentences[lo:hi] @ self.sentences[columns].T
            r, c = np.nonzero(block >= floor)
            rows.append(paragraph_of[r + lo])
            cols.append(paragraph_of[columns[c]])
            values.append(block[r, c])
        if not rows:
            return {}
        row, col, value = np.concatenate(rows), np.concatenate(cols), np.concatenate(values)
        if not len(row):
            return {}
        order = np.lexsort((-value, col, row))  # the best sentence pair of each paragraph pair first
        row, col, value = row[order], col[order], value[order]
        keep = np.r_[True, (row[1:] != row[:-1]) | (col[1:] != col[:-1])]
        return dict(zip(zip(row[keep].tolist(), col[keep].tolist()), value[keep].tolist()))


def nearest(alike: dict[tuple[int, int], float], owner: Sequence[int]) -> list[tuple[int, int]]:
    """Of `alike` pairs, each paragraph's best in each other source (ties: the earlier), sorted."""
    best: dict[tuple[int, int], tuple[float, int]] = {}
    for (i, j), value in alike.items():
        for x, y in ((i, j), (j, i)):
            key = (x, owner[y])
            known = best.get(key)
            if known is None or value > known[0] or (value == known[0] and y < known[1]):
                best[key] = (value, y)
    return sorted({(min(x, y), max(x, y)) for (x, _), (_, y) in best.items()})
