"""The JSON export: its shape, plain data, safe text, and a large story one item a line."""

from __future__ import annotations

import json

import pytest
from storyview import __version__
from storyview.exports.json_export import to_dict, to_json
from storyview.inputs.load import Loaded
from storyview.inputs.parse import parse_article
from storyview.model import Member, Settings
from storyview.pipeline import story_from


def test_shape(seed_story) -> None:
    data = json.loads(to_json(seed_story))
    assert data["storyview"] == __version__
    assert set(data) >= {"storyview", "sources", "groups", "warnings", "settings"}
    assert len(data["sources"]) == 5
    for src in data["sources"]:
        assert set(src) == {"id", "path", "title", "date", "byline", "outlet", "unique_share", "groups_covered",
                            "paragraphs"}
        assert 0 <= src["unique_share"] <= 1 and 0 <= src["groups_covered"] <= len(data["groups"])
        for i, p in enumerate(src["paragraphs"]):
            assert set(p) == {"index", "kind", "text", "unique", "near"}
            assert p["index"] == i
            assert p["kind"] in ("headline", "byline", "body", "boilerplate")
            for span in p["unique"]:
                assert isinstance(span, list) and len(span) == 2
                assert 0 <= span[0] < span[1] <= len(p["text"])
    for n, g in enumerate(data["groups"], 1):
        assert g["id"] == n
        assert isinstance(g["label"], str)
        assert g["members"] and all(set(m) == {"source", "paragraph"} for m in g["members"])


def test_json_matches_the_story(seed_story) -> None:
    data = json.loads(to_json(seed_story))
    by_id = {s["id"]: s for s in data["sources"]}
    cnn = by_id["004_dfaf2f3fb21cad14"]
    assert (cnn["byline"], cnn["outlet"], cnn["date"], cnn["title"]) == ("Austin Culpepper", "CNN", "2025-11-07", None)
    for a in seed_story.articles:
        for p in a.paragraphs:
            out = by_id[a.id]["paragraphs"][p.index]
            assert out["text"] == p.text
            assert [tuple(s) for s in out["unique"]] == list(seed_story.unique(Member(a.id, p.index)))
            assert [(n["source"], n["paragraph"], n["score"]) for n in out["near"]] == [
                (link.b.source, link.b.paragraph, link.score) for link in seed_story.near.get(Member(a.id, p.index), ())
            ]
    assert [[(m["source"], m["paragraph"]) for m in g["members"]] for g in data["groups"]] == [
        [(m.source, m.paragraph) for m in g.members] for g in seed_story.groups
    ]


def test_to_dict_is_plain_data(seed_story) -> None:
    assert json.loads(json.dumps(to_dict(seed_story))) == to_dict(seed_story)


def test_text_round_trips_and_unsafe_characters_are_escaped() -> None:
    a = parse_article("a", "dir/\x9b31m\u202eevil\udce9.txt", "Plain text with [bold]markup[/] and emoji \U0001F600.")
    story = story_from(Loaded(articles=[a]), Settings())
    out = to_json(story)
    for ch in ("\x9b", "\u202e", "\udce9"):
        assert ch not in out
    assert "\\u009b" in out and "\\u202e" in out and "\\udce9" in out
    out.encode("utf-8")  # no lone surrogate left: valid UTF-8
    data = json.loads(out)
    assert data["sources"][0]["path"] == a.path
    assert data["sources"][0]["paragraphs"][0]["text"] == "Plain text with [bold]markup[/] and emoji \U0001F600."




def test_a_large_story_writes_one_item_a_line_with_the_same_content(seed_story, monkeypatch: pytest.MonkeyPatch) -> None:
    import storyview.exports.json_export as export

    pretty = to_json(seed_story)
    monkeypatch.setattr(export, "INDENT_UP_TO", 0)
    lined = to_json(seed_story)
    assert json.loads(lined) == json.loads(pretty) == to_dict(seed_story)
    lines = lined.splitlines()
    assert len(lines) < len(pretty.splitlines())
    for source in seed_story.articles:  # each source whole on one line
        assert sum(1 for line in lines if f'"id": "{source.id}"' in line) == 1


def test_parts_sent_as_text_make_the_same_json(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A large folder's stories come back from the workers as JSON text (`to_part`): put
    together, byte for byte the JSON of their dictionaries, for the folder, one story of it, and
    a folder of one story; escaped alike."""
    import storyview.exports.json_export as export
    from story_factories import CUTS, EVENTS, QUAKE
    from storyview.inputs.load import load
    from storyview.pipeline import align_all, collect

    monkeypatch.setattr(export, "INDENT_UP_TO", 0)
    for n, cut in enumerate(CUTS):
        for name, facts in EVENTS.items():
            text = f"{facts['place']} quake report\n\n" + "\n\n".join(QUAKE[k].format(**facts) for k in cut)
            for folder in ("two", "one") if name == "sumatra" else ("two",):
                (tmp_path / folder).mkdir(exist_ok=True)
                (tmp_path / folder / f"{name}{n}\u202e.txt").write_text(text + "\n", encoding="utf-8")
    for folder, only in (("two", None), ("two", 2), ("one", None)):
        collection = collect(load([str(tmp_path / folder)]))
        stories = align_all(collection, Settings(), only=only)
        assert (len(collection.stories), len(stories)) == ((1, 1) if folder == "one" else (2, 1 if only else 2))
        text = export.parts_json(collection, [export.to_part(s) for s in stories])
        assert text == export.parts_json(collection, [to_dict(s) for s in stories])
        assert "\u202e" not in text and "\\u202e" in text and len(text.splitlines()) > 10
