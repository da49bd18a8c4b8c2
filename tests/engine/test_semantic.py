"""The bundled word-vector model: loaded from the installed files only, pooled like the model's
own `embed`, used by the aligner, and a broken install falls back to words alone."""

from __future__ import annotations

import json
import os
import socket
import stat
from pathlib import Path

import numpy as np
import pytest

from storyview.cli import main
from storyview.engine import semantic, similarity
from storyview.engine.align import align
from storyview.engine.match import MEANING_MATCH, meaning_matches
from storyview.engine.semantic import StoryVectors
from storyview.model import Article, Member, Paragraph, Settings
from storyview.pipeline import build_story

TEXTS = [
    "The company fired its chief executive on Monday after months of falling sales.",
    "On Monday the firm dismissed its boss, following a long slide in revenue.",
    "Heavy rain flooded the city centre and closed three schools.",
    "Storms left streets under water downtown, and three schools shut their doors.",
    "Smith scored twice as United beat City 3-1.",
    "Police arrested Smith in Boston after a car chase.",
]


@pytest.fixture
def fresh(monkeypatch: pytest.MonkeyPatch) -> None:
    """The model not loaded yet in this process, as at start-up (and forgotten after)."""
    monkeypatch.setattr(semantic, "_loaded", [])


@pytest.fixture
def offline(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """No network (a socket raises) and a home folder nothing may be written into."""

    def refuse(*args: object, **kwargs: object) -> socket.socket:
        raise OSError("network access in a test")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    home = tmp_path / "home"
    home.mkdir()
    home.chmod(stat.S_IRUSR | stat.S_IXUSR)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    yield home
    home.chmod(stat.S_IRWXU)


def article(name: str, *texts: str) -> Article:
    return Article(name, f"{name}.txt", tuple(Paragraph(i, "body", t) for i, t in enumerate(texts)))


def grouped(alignment_groups: tuple, a: Member, b: Member) -> bool:
    return any(a in g.members and b in g.members for g in alignment_groups)


def test_loads_and_aligns_offline_without_writing_home(fresh: None, offline: Path) -> None:
    model = semantic.load()
    assert model is not None and semantic.failure() is None
    assert model.vectors.shape == (32_000, 256) and model.vectors.dtype == np.float32
    story = build_story()
    assert story.model == semantic.NAME
    assert list(offline.iterdir()) == []


def test_loaded_once_and_shared(fresh: None) -> None:
    assert semantic.load() is semantic.load()


def test_pooling_agrees_with_the_models_own_embed(fresh: None) -> None:
    wordllama = pytest.importorskip("wordllama")
    reference = wordllama.WordLlama.load(cache_dir=semantic.package_folder(), disable_download=True)
    model = semantic.load()
    assert model is not None
    texts = TEXTS + [story_text.text for story_text in build_story(settings=Settings(semantic=False)).articles[0].body]
    ours = model.embed(texts)
    theirs = reference.embed([t.lower() for t in texts], norm=True)
    assert np.allclose(np.linalg.norm(ours, axis=1), 1.0, atol=1e-5)
    assert float(np.min(np.sum(ours * theirs, axis=1))) > 0.999


def test_the_word_table_gives_the_same_vectors_whoever_asks_first_and_when_it_starts_over(
        fresh: None, monkeypatch: pytest.MonkeyPatch) -> None:
    """Stories share one table of word vectors: a story's sums must not depend on what was
    embedded before it, nor on the table having been emptied when full."""
    model = semantic.load()
    assert model is not None
    alone = model._encode(["boss", "revenue", "schools"])
    first, second = TEXTS[:3], TEXTS[3:]
    before = model.sums(second)
    model.sums(first)
    assert np.array_equal(model.sums(second), before)
    assert np.array_equal(model.word_sums(["boss", "revenue", "schools"]), alone)
    monkeypatch.setattr(semantic, "WORDS_KEPT", 8)  # far fewer than two stories' words
    model.sums(["zebras and quokkas"])
    assert sorted(model._cache.index) == ["and", "quokkas", "zebras"]  # started over
    assert np.array_equal(model.sums(second), before)
    assert np.array_equal(model.word_sums(["boss", "revenue", "schools"]), alone)


def test_empty_text_is_a_zero_row(fresh: None) -> None:
    model = semantic.load()
    assert model is not None
    rows = model.embed(["", "   ", "words here"])
    assert not rows[0].any() and not rows[1].any() and rows[2].any()


def test_meaning_groups_what_is_told_in_other_words_and_keeps_strangers_apart(
        fresh: None, monkeypatch: pytest.MonkeyPatch) -> None:
    a = article("a", TEXTS[0], TEXTS[2], TEXTS[4])
    b = article("b", TEXTS[3], TEXTS[1], TEXTS[5])
    assert not grouped(align([a, b], Settings()).groups, Member("a", 2), Member("b", 2))
    # The fitted weight of meaning is small (ECB+ 1-10 shows no gain beyond its noise); with
    # more weight the mechanism shows: paraphrases that share no rare word are linked.
    monkeypatch.setattr(similarity, "SEMANTIC_CENTRE", 0.2)
    monkeypatch.setattr(similarity, "SEMANTIC_UP", 1.0)
    alignment = align([a, b], Settings())
    assert alignment.model == semantic.NAME
    assert grouped(alignment.groups, Member("a", 0), Member("b", 1))  # fired / dismissed
    assert grouped(alignment.groups, Member("a", 1), Member("b", 0))  # flooded / under water
    assert not grouped(alignment.groups, Member("a", 2), Member("b", 2))  # two Smiths
    words_only = align([a, b], Settings(semantic=False))
    assert words_only.model is None and words_only.vectors is None
    assert not grouped(words_only.groups, Member("a", 0), Member("b", 1))


def test_alike_pairs_and_the_nearest_in_each_other_source(fresh: None) -> None:
    model = semantic.load()
    assert model is not None
    vectors = StoryVectors.of(model, [[TEXTS[0], TEXTS[4]], [TEXTS[2]], [TEXTS[1]], [TEXTS[3]], [TEXTS[5]]])
    owner = [0, 0, 1, 1, 2]
    alike = vectors.alike(owner, floor=0.3)
    assert (0, 2) in alike and (1, 3) in alike
    assert all(owner[i] != owner[j] for i, j in alike)
    assert alike[(0, 2)] == pytest.approx(float(vectors.sentence_block(0, 2).max()))
    assert vectors.alike(owner, floor=1.01) == {}
    closest_only = vectors.alike(owner, floor=0.3, neighbours=1)  # each source and its closest one
    assert (0, 2) in closest_only and set(closest_only) <= set(alike)
    # Paragraph 0's best in source 1 is 3, paragraph 2's best in source 0 is 0, 1's is 2.
    assert semantic.nearest({(0, 2): 0.5, (0, 3): 0.6, (1, 2): 0.4, (1, 4): 0.1}, owner) == [(0, 2), (0, 3), (1, 2), (1, 4)]
    assert semantic.nearest({(0, 2): 0.5, (1, 2): 0.6}, owner) == [(0, 2), (1, 2)]


def test_sentence_matches_by_meaning(fresh: None) -> None:
    model = semantic.load()
    assert model is not None
    same = "Police arrested two men after the robbery at the bank on Friday."
    vectors = StoryVectors.of(model, [[TEXTS[2], same], [same.replace("Police", "Officers"), TEXTS[4]]])
    found = meaning_matches(vectors, 0, 1)
    assert [(k, m) for k, m, _ in found] == [(1, 0)]
    assert found[0][2] >= MEANING_MATCH


def test_a_broken_install_warns_once_and_aligns_by_words(fresh: None, monkeypatch: pytest.MonkeyPatch,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(semantic, "WEIGHTS", Path("weights", "missing.safetensors"))
    story = build_story()
    lexical = build_story(settings=Settings(semantic=False))
    assert story.model is None
    notes = [w for w in story.warnings if "semantic model unavailable" in w]
    assert len(notes) == 1 and "\n" not in notes[0]
    assert [g.members for g in story.groups] == [g.members for g in lexical.groups]
    assert main(["--json"]) == 0
    out, err = capsys.readouterr()
    assert json.loads(out)["settings"]["model"] is None
    assert "Traceback" not in err
    assert len([line for line in err.splitlines() if "semantic model unavailable" in line]) == 1


def test_a_missing_package_is_one_line(fresh: None, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(semantic, "PACKAGE", "no_such_package_here")
    assert semantic.load() is None
    assert "not installed" in (semantic.failure() or "")


def test_json_names_the_model_and_no_semantic_turns_it_off(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--json"]) == 0
    assert json.loads(capsys.readouterr().out)["settings"]["model"] == semantic.NAME
    assert main(["--json", "--no-semantic"]) == 0
    settings = json.loads(capsys.readouterr().out)["settings"]
    assert settings["model"] is None and settings["semantic"] is False


def test_one_source_is_not_embedded_yet_names_the_model(monkeypatch: pytest.MonkeyPatch) -> None:
    """A single article has nothing to compare by meaning: the model is not run on it, and the
    story still names the model a folder's other stories were aligned with."""
    from storyview.engine import align as aligning

    def refuse(units: object) -> None:
        raise AssertionError("embedded a story of one source")

    monkeypatch.setattr(aligning, "embed", refuse)
    one = article("a", *TEXTS[:3])
    assert align([one], Settings()).model == semantic.NAME
    assert align([one], Settings(semantic=False)).model is None


def test_the_reader_does_not_import_the_model_at_start() -> None:
    import subprocess
    import sys

    code = ("import sys, storyview.reader.app, storyview.cli; "
            "print(any(m in sys.modules for m in ('tokenizers', 'safetensors', 'wordllama')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={**os.environ}).stdout
    assert out.strip() == "False"
