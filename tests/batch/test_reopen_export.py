"""`storyview FILE.json` on what `storyview --json` wrote: the stories as they were aligned, a
story list where the file holds several, nothing aligned again unless another threshold asks.
`--json` and `--report` of such a file (or of a batch's folder) write what they write of the
folder it was made from."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from story_factories import CUTS, EVENTS, QUAKE

import storyview.pipeline
from storyview.batch.opened import open_for_reader
from storyview.batch.output import INDEX, entry_of, index_text, is_export
from storyview.exports.json_export import to_json
from storyview.model import Story
from storyview.cli import batch_app, main
from storyview.model import Settings
from storyview.reader.screens.main import MainScreen
from storyview.reader.screens.stories import StoriesScreen


def quakes(folder: Path) -> Path:
    """Three reports of each of two earthquakes: a folder of two stories."""
    folder.mkdir()
    for n, cut in enumerate(CUTS):
        for name, facts in EVENTS.items():
            (folder / f"{name}{n}.txt").write_text("\n\n".join(QUAKE[k].format(**facts) for k in cut) + "\n")
    return folder


def exported(tmp_path: Path, *paths: str) -> Path:
    out = tmp_path / "out.json"
    assert main([*paths, "--json", "-o", str(out)]) == 0
    return out


def test_a_json_export_of_two_stories_reopens_as_those_two_stories(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    out = exported(tmp_path, str(quakes(tmp_path / "quakes")))
    data = json.loads(out.read_text())
    assert is_export(out) and not is_export(tmp_path / "quakes" / "qeshm0.txt")

    def never(*_: object, **__: object) -> None:
        raise AssertionError("a story was aligned again")

    monkeypatch.setattr(storyview.pipeline, "story_from", never)
    opened = open_for_reader(out)
    entries = opened.batch.entries
    assert [(e.id, set(e.sources)) for e in entries] == [(s["id"], set(s["sources"])) for s in data["stories"]]
    for entry in entries:
        story = opened.batch.story(entry)
        groups = [g for g in data["groups"] if g["story"] == entry.id]
        assert [a.id for a in story.articles] == [s["id"] for s in data["sources"] if s["id"] in entry.sources]
        assert [g.label for g in story.groups] == [g["label"] for g in groups]
        assert [g.id for g in story.groups] == list(range(1, len(groups) + 1))


def test_a_json_export_reopened_with_another_threshold_is_aligned_again_from_its_own_text(tmp_path: Path) -> None:
    out = exported(tmp_path)  # the seeds
    (tmp_path / "moved.json").write_bytes(out.read_bytes())  # the export, away from any article file
    opened = open_for_reader(tmp_path / "moved.json")
    [entry] = opened.batch.entries
    as_written = opened.batch.story(entry)
    stricter = opened.align(opened.gather(), entry.id, Settings(threshold=0.4))
    assert [a.id for a in stricter.articles] == [a.id for a in as_written.articles]
    assert len(stricter.groups) > len(as_written.groups)


@pytest.mark.asyncio
async def test_the_reader_opens_a_json_export_of_one_story_side_by_side(tmp_path: Path) -> None:
    app = batch_app(open_for_reader(exported(tmp_path)))
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(300):
            if isinstance(app.screen, MainScreen) and app.story is not None:
                break
            await pilot.pause(0.02)
        assert isinstance(app.screen, MainScreen) and not isinstance(app.screen, StoriesScreen)
        assert app.story is not None and len(app.story.articles) == 5


def test_json_that_storyview_did_not_write_is_still_not_an_article(tmp_path: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    other = tmp_path / "api.json"
    other.write_text('{"results": [1, 2]}')
    assert not is_export(other)
    broken = tmp_path / "broken.json"
    broken.write_text('{"storyview": "1", "sources": 3}')
    assert main([str(broken)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1 and err[0].startswith(f"storyview: {broken}: not a storyview --json file that can be read")


def out_of(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    assert main(list(argv)) == 0
    return capsys.readouterr().out


def never_aligned(monkeypatch: pytest.MonkeyPatch) -> None:
    def never(*_: object, **__: object) -> None:
        raise AssertionError("a story was aligned again")

    monkeypatch.setattr(storyview.pipeline, "story_from", never)


@pytest.mark.parametrize("fmt", [["--json"], ["--report", "md"], ["--report", "html"]])
def test_json_and_reports_of_an_export_are_those_of_its_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                capsys: pytest.CaptureFixture[str],
                                                                fmt: list[str]) -> None:
    folder = quakes(tmp_path / "quakes")
    for path in list(folder.iterdir()):  # "0-qeshm", "0-sumatra", "1-qeshm"…: the stories' sources interleave
        path.rename(folder / f"{path.stem[-1]}-{path.stem[:-1]}.txt")
    (folder / "blank.txt").write_text(" \n")  # a load warning, beside a story's own note:
    (folder / "3-sumatra.txt").write_text("Magnitude 7.6 earthquake in Sumatra kills 1,100 near Pariaman\n")
    out = str(exported(tmp_path, str(folder)))
    capsys.readouterr()
    of_folder = {story: out_of(capsys, *fmt, *story, str(folder)) for story in ((), ("--story", "2"))}
    never_aligned(monkeypatch)
    for story, text in of_folder.items():
        assert out_of(capsys, *fmt, *story, out) == text
    if fmt == ["--json"]:  # an export of one story of the folder, written again as it is
        two = tmp_path / "two.json"
        two.write_text(of_folder[("--story", "2")])
        assert out_of(capsys, "--json", str(two)) == two.read_text()
        data = json.loads(Path(out).read_text())
        note = f"{folder / '3-sumatra.txt'}: no body text to line up"
        assert data["warnings"] == [f"{folder / 'blank.txt'}: skipped, no text (only whitespace)", note]
        assert [s["warnings"] for s in data["stories"]] == [[note], []]
    assert main([*fmt, "--story", "3", out]) == 1
    assert capsys.readouterr().err == "storyview: no story 3: the file has 2 stories\n"


def test_tei_of_an_export_holds_one_story_as_of_its_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = str(quakes(tmp_path / "quakes"))
    out = str(exported(tmp_path, folder))
    assert main(["--report", "tei", out]) == 1
    assert "TEI holds one story and the file has 2: choose one with --story N" in capsys.readouterr().err
    assert out_of(capsys, "--report", "tei", "--story", "1", out) == out_of(capsys, "--report", "tei", "--story", "1",
                                                                              folder)
    # A file of story 2 alone holds story 2, and says so when asked for another.
    two = tmp_path / "two.json"
    assert main(["--json", "--story", "2", folder, "-o", str(two)]) == 0
    assert main(["--report", "tei", "--story", "1", str(two)]) == 1
    assert capsys.readouterr().err.endswith("no story 1: the file has 1 story (story 2)\n")
    assert out_of(capsys, "--report", "tei", str(two)) == out_of(capsys, "--report", "tei", "--story", "2", folder)


def test_json_of_the_seeds_export_writes_the_file_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    out = exported(tmp_path)
    never_aligned(monkeypatch)
    again = tmp_path / "again.json"
    assert main(["--json", str(out), "-o", str(again)]) == 0
    assert again.read_bytes() == out.read_bytes()
    assert main(["--report", "md", str(out), "-o", str(out)]) == 1  # never over what it reads
    assert "refusing to overwrite an input file" in capsys.readouterr().err
    assert json.loads(out.read_text())["storyview"]


def test_another_threshold_aligns_the_export_again_as_its_folder(tmp_path: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    out = str(exported(tmp_path))
    capsys.readouterr()
    stricter = out_of(capsys, "--json", "--threshold", "0.4", out)
    assert stricter == out_of(capsys, "--json", "--threshold", "0.4")
    assert json.loads(stricter)["settings"]["threshold"] == 0.4


def test_json_of_a_batch_folder_is_its_stories_as_written(seed_story: Story, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "stories").mkdir()
    text = to_json(seed_story)
    (tmp_path / "stories" / "1.json").write_text(text, encoding="utf-8")
    (tmp_path / INDEX).write_text(index_text([entry_of(seed_story, "stories/1.json")], seed_story.settings),
                                  encoding="utf-8")
    never_aligned(monkeypatch)
    assert out_of(capsys, "--json", str(tmp_path)) == text + "\n"
    assert out_of(capsys, "--report", "md", str(tmp_path / INDEX)).startswith("# ")
    for mine in (INDEX, "stories/1.json"):  # never over what it reads
        assert main(["--json", str(tmp_path), "-o", str(tmp_path / mine)]) == 1
        assert "refusing to overwrite an input file" in capsys.readouterr().err
    assert (tmp_path / "stories" / "1.json").read_text(encoding="utf-8") == text


def test_an_export_of_nothing_or_a_broken_one_writes_nothing_and_exits_1(tmp_path: Path,
                                                                         capsys: pytest.CaptureFixture[str]) -> None:
    nothing = tmp_path / "nothing.json"
    assert main(["--json", str(tmp_path / "no folder"), "-o", str(nothing)]) == 1
    broken = tmp_path / "broken.json"
    broken.write_text('{"storyview": "1", "sources": 3}')
    odd = tmp_path / "odd.json"
    odd.write_text('{"storyview": "1", "sources": [], "groups": [], "stories": "one"}')
    capsys.readouterr()
    for path, why in ((nothing, "a --json file of no article: nothing to write"),
                      (broken, "not a storyview --json file that can be read"),
                      (odd, "not a storyview --json file that can be read")):
        for fmt in (["--json"], ["--report", "md"]):
            target = tmp_path / "out.md"
            assert main([*fmt, str(path), "-o", str(target)]) == 1
            err = capsys.readouterr().err.splitlines()
            assert len(err) == 1 and err[0].startswith(f"storyview: {path}: {why}"), err
            assert not target.exists()


def test_json_that_storyview_did_not_write_keeps_its_line_and_exits_1(tmp_path: Path,
                                                                      capsys: pytest.CaptureFixture[str]) -> None:
    other = tmp_path / "api.json"
    other.write_text('{"results": [1, 2]}')
    target = tmp_path / "r.md"
    assert main(["--report", "md", str(other), "-o", str(target)]) == 1  # nothing could be read
    err = capsys.readouterr().err
    assert f"storyview: {other}: skipped, JSON data, not an article: storyview reads plain text" in err
    assert "0 sources" in target.read_text()


def test_an_export_among_other_paths_says_how_to_reopen_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = exported(tmp_path)
    article = tmp_path / "a.txt"
    article.write_text("Police said on Tuesday that the bridge would stay closed until the spring.\n")
    assert main(["--json", str(out), str(article)]) == 0
    assert (f"storyview: {out}: skipped, JSON data, not an article: a file storyview --json wrote, reopened when "
            "it is the only PATH") in capsys.readouterr().err


@pytest.mark.parametrize("edit", ["a paragraph deleted", "a paragraph in no group deleted", "a source deleted", "an id renamed",
                                  "a group deleted"])
def test_an_edited_export_whose_parts_no_longer_fit_is_one_line_and_exit_1(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], edit: str) -> None:
    """try32: such an export broke --report md and --json with KeyError and StopIteration, and the
    reader's findings with "Could not analyse the story"."""
    out = exported(tmp_path)
    data = json.loads(out.read_text(encoding="utf-8"))
    source = data["sources"][1]
    if edit == "a paragraph deleted":
        source["paragraphs"].pop(1)
    elif edit == "a paragraph in no group deleted":  # try33: an IndexError in the figures
        gone = (source["id"], source["paragraphs"].pop(0)["index"])
        for g in data["groups"]:
            g["members"] = [m for m in g["members"] if (m["source"], m["paragraph"]) != gone]
            g["links"] = [x for x in g.get("links", []) if gone not in {(e["source"], e["paragraph"]) for e in (x["a"], x["b"])}]
        data["groups"] = [g for g in data["groups"] if g["members"]]
        for s in data["sources"]:
            for p in s["paragraphs"]:
                p["near"] = [n for n in p.get("near", []) if (n["source"], n["paragraph"]) != gone]
    elif edit == "a source deleted":
        data["sources"].remove(source)
    elif edit == "an id renamed":
        source["id"] = "renamed"
    else:
        data["groups"].pop(0)
    out.write_text(json.dumps(data), encoding="utf-8")
    capsys.readouterr()
    for fmt in (["--json"], ["--report", "md"], ["--report", "html"]):
        target = tmp_path / "out"
        assert main([*fmt, str(out), "-o", str(target)]) == 1
        err = capsys.readouterr().err.splitlines()
        assert len(err) == 1 and err[0].startswith(f"storyview: {out}: not a storyview --json file that can be read ("), err
        assert not target.exists()


def test_an_export_cut_short_among_other_paths_is_no_article(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """try32: `storyview trunc.json b.txt` read the cut export as an article of 638 paragraphs."""
    out = exported(tmp_path)
    out.write_text(out.read_text(encoding="utf-8")[:2000], encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text("Police said on Tuesday that the bridge would stay closed until the spring.\n")
    assert main(["--json", str(out), str(article), "-o", str(tmp_path / "r.json")]) == 0
    assert f"storyview: {out}: skipped, JSON data, not an article" in capsys.readouterr().err
    assert [s["id"] for s in json.loads((tmp_path / "r.json").read_text())["sources"]] == ["a"]


def test_one_story_of_a_folder_of_several_aligned_again_warns_as_the_folder_does(tmp_path: Path) -> None:
    """An export of `--story N` of a folder of several holds one story, yet its folder held
    others: aligned again, its notes are those `align_story` gives that story of the folder."""
    folder = quakes(tmp_path / "quakes")
    (folder / "orchid.txt").write_text("Botanists from Kew identified a ghost orchid in a Yorkshire wood, "
                                       "the first sighting of the plant in the county since 1953.\n")
    (folder / "blank.txt").write_text(" \n")
    collection = storyview.pipeline.collect(storyview.pipeline.load([str(folder)]))
    [lone] = [s.id for s in collection.stories if len(s.sources) == 1]
    out = tmp_path / "lone.json"
    assert main(["--json", "--story", str(lone), str(folder), "-o", str(out)]) == 0
    opened = open_for_reader(out)
    stricter = Settings(threshold=0.4)
    again = opened.align(opened.gather(), lone, stricter)
    assert again.warnings == storyview.pipeline.align_story(collection, lone, stricter).warnings
    assert storyview.pipeline.LONE not in again.warnings


def test_a_story_of_a_folder_of_one_aligned_again_keeps_the_folder_warnings_not_its_old_notes(tmp_path: Path) -> None:
    folder = tmp_path / "sumatra"
    folder.mkdir()
    for n, cut in enumerate(CUTS):
        (folder / f"sumatra{n}.txt").write_text("\n\n".join(QUAKE[k].format(**EVENTS["sumatra"]) for k in cut) + "\n")
    (folder / "blank.txt").write_text(" \n")
    (folder / "headline.txt").write_text("Magnitude 7.6 earthquake in Sumatra kills 1,100 near Pariaman\n")
    collection = storyview.pipeline.collect(storyview.pipeline.load([str(folder)]))
    assert len(collection.stories) == 1 and collection.warnings
    out = exported(tmp_path, str(folder))
    opened = open_for_reader(out)
    assert opened.gather().warnings == collection.warnings
    stricter = Settings(threshold=0.4)
    again = opened.align(opened.gather(), 1, stricter)
    assert again.warnings == storyview.pipeline.align_story(collection, 1, stricter).warnings


def test_an_export_is_told_by_its_head_read_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import storyview.batch.opened
    import storyview.batch.output

    out = exported(tmp_path)
    heads = []
    real = storyview.batch.output.is_export

    def counted(path: str | Path) -> bool:
        heads.append(path)
        return real(path)

    for module in (storyview.batch.output, storyview.batch.opened):
        monkeypatch.setattr(module, "is_export", counted)
    assert main(["--json", str(out), "-o", str(tmp_path / "again.json")]) == 0
    assert heads == [str(out)]
