"""What a batch leaves in its folder, and reading it back without realigning; so too a file
`storyview --json` wrote, one story or several.

    DIR/index.json            {"stories": [{"id", "label", "sources", "size", "file"}], ...}
    DIR/stories/<file>.json   one story, in the schema of `storyview --json` (docs/json.md)
    DIR/run.json              {"inputs": [as given], "folder", "threshold", "storyview"}, as it starts

Every file is written whole through a temporary file and a rename. A story's file name carries
a digest of what made it (its files' paths, sizes and times, the settings, storyview's
version), so `--resume` skips exactly the stories whose file is there and still right, and a
changed corpus or setting is realigned. Nothing here imports dask: the reader uses it.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field, fields, replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from storyview import __version__
from storyview.engine.segment import word_count
from storyview.engine.shares import source_shares
from storyview.exports.files import resolved
from storyview.exports.json_export import json_text
from storyview.inputs.text import storyview_json
from storyview.model import (
    Article,
    Collection,
    Group,
    Link,
    Marks,
    Member,
    Paragraph,
    Pin,
    Settings,
    Story,
    StoryEntry,
)

if TYPE_CHECKING:
    from storyview.pinstore import StoredPin

INDEX = "index.json"
STORIES = "stories"
# Written as a batch starts: what it was asked to read (as named), the folder it started in and
# its threshold, so a stopped batch's resume command names every input as the run did.
RUN = "run.json"


@dataclass(frozen=True)
class Entry:
    """One story of the index: what the story list shows before any file is opened.

    `articles` are its sources without their paragraphs (id, path, title, date, byline, outlet);
    `words` the words of their body text, `unique` the share of it only one source tells.
    """

    id: int
    label: str
    sources: tuple[str, ...]
    size: int
    file: str  # relative to the batch folder
    words: int = 0
    unique: float = 0.0
    articles: tuple[Article, ...] = ()
    # The word-vector model the story was aligned with (Story.model): the index states it once,
    # in its settings, so an entry read back from the index has none.
    model: str | None = field(default=None, compare=False)


def entry_of(story: Story, file: str) -> Entry:
    """The index entry of an aligned story written to `file`."""
    words = sum(word_count(p.text) for a in story.articles for p in a.body)
    return Entry(story.id, story.label, tuple(a.id for a in story.articles), len(story.articles), file, words,
                 round(story.unique_share, 4), tuple(replace(a, paragraphs=()) for a in story.articles), story.model)


def _entry_dict(e: Entry) -> dict[str, Any]:
    return {
        "id": e.id, "label": e.label, "sources": list(e.sources), "size": e.size, "file": e.file,
        "words": e.words, "unique": e.unique,
        "articles": [{"id": a.id, "path": a.path, "title": a.title, "date": a.date, "byline": a.byline,
                      "outlet": a.outlet} for a in e.articles],
    }


def _entry(d: dict[str, Any]) -> Entry:
    articles = tuple(Article(str(a["id"]), str(a.get("path", "")), (), a.get("title"), a.get("date"),
                             a.get("byline"), a.get("outlet")) for a in d.get("articles", ()))
    return Entry(int(d["id"]), str(d["label"]), tuple(map(str, d["sources"])), int(d["size"]), str(d["file"]),
                 int(d.get("words", 0)), float(d.get("unique", 0.0)), articles)


@dataclass(frozen=True)
class Batch:
    """A batch's folder and its index."""

    folder: Path
    entries: tuple[Entry, ...]
    warnings: tuple[str, ...] = ()
    settings: Settings = Settings()  # what the stories were aligned with
    # The stories already read, by id: those of a `storyview --json` file (`open_export`).
    held: Mapping[int, Story] = field(default_factory=dict, compare=False)
    # The sources' ids in the order the file lists them (an export's): written again in that order.
    order: tuple[str, ...] = ()
    # An export of stories of a folder of several (all of them, or --story N): written again so.
    several: bool | None = None
    # The folder the batch was run in, where its sources' relative paths lead (`RUN`); None: not recorded.
    started_in: str | None = None

    def path(self, entry: Entry) -> Path:
        return self.folder / entry.file

    def source_path(self, entry: Entry, path: str) -> str:
        """Where a source of `entry` is now: its path as the batch named it, from the folder the
        batch was run in (try31: opened from elsewhere, `+` found none of a story's files); for
        a batch that did not record it, the batch's folder or the first above it where the
        story's files all are."""
        if os.path.isabs(path):
            return path
        if self.started_in and os.path.exists(there := os.path.join(self.started_in, path)):
            return there
        base = _run_folder_once(self.folder, tuple(a.path for a in entry.articles))  # moved, or not recorded
        return os.path.join(base, path) if base else path

    def story(self, entry: Entry) -> Story:
        """The story of `entry` as it was aligned: held, or read from its file."""
        return self.held.get(entry.id) or read_story(self.path(entry))

    def collection(self) -> Collection:
        """The batch as the story list shows a folder split into stories (no paragraphs loaded)."""
        articles = tuple(a for e in self.entries for a in e.articles)
        if self.order:
            place = {source: n for n, source in enumerate(self.order)}
            articles = tuple(sorted(articles, key=lambda a: place.get(a.id, len(place))))
        stories = tuple(StoryEntry(e.id, e.label, e.sources, e.words) for e in self.entries)
        return Collection(articles, stories, self.warnings)

    def entry(self, story_id: int) -> Entry:
        return next(e for e in self.entries if e.id == story_id)


def story_file(story_id: int, inputs: Sequence[tuple[str, int, int]], settings: Settings,
               pins: Sequence[StoredPin] = ()) -> str:
    """The file name of a story (relative to the batch folder), from what made it.

    `inputs`: (path, size, mtime in ns) of each of its files, in the story's order; `pins`: the
    reader's pins it follows (a pin made since, and `--resume` aligns the story again).
    """
    made = [__version__, asdict(settings), [list(i) for i in inputs]] + ([[p.to_dict() for p in pins]] if pins else [])
    made_of = json.dumps(made, ensure_ascii=False)
    digest = hashlib.blake2b(made_of.encode("utf-8", "surrogatepass"), digest_size=8).hexdigest()
    return f"{STORIES}/{story_id:06d}-{digest}.json"


def made_of(file: str | Path) -> str:
    """The digest part of a story file's name (`story_file`): what made it, whatever its number."""
    return Path(file).name.split("-", 1)[1]


def index_text(entries: Sequence[Entry], settings: Settings, warnings: Sequence[str] = ()) -> str:
    """The index's JSON; its settings are those of `storyview --json`, with the model the
    stories were aligned with (null: none was, turned off or not loaded)."""
    data = {
        "storyview": __version__,
        "settings": {**asdict(settings), "model": next((e.model for e in entries if e.model), None)},
        "stories": [_entry_dict(e) for e in entries],
        "warnings": list(warnings),
    }
    return json_text(data, indent=1) + "\n"


def run_text(paths: Sequence[str], threshold: float) -> str:
    """The JSON of `RUN`: the batch's files and folders as it was given them (it reads no
    address or standard input), the folder it was started in, its threshold and storyview's
    version. Its stories' files are named as it named them: a resume must name them alike."""
    from storyview.inputs.arguments import STDIN
    from storyview.inputs.web import is_url

    inputs = [p for p in paths if p != STDIN and not is_url(p)]
    data = {"storyview": __version__, "inputs": inputs, "folder": os.getcwd(), "threshold": threshold}
    return json_text(data, indent=1) + "\n"


def recorded_run(folder: Path) -> tuple[tuple[str, ...], float | None, str | None] | None:
    """The inputs, threshold and starting folder `RUN` recorded; None where it is not there or
    not readable (a batch of an older storyview: its inputs are then guessed from the stories
    written)."""
    try:
        data = json.loads((folder / RUN).read_text(encoding="utf-8"))
        inputs = tuple(str(p) for p in data["inputs"])
        threshold = data.get("threshold")
        started = data.get("folder")
        return (inputs, float(threshold) if isinstance(threshold, (int, float)) else None,
                started if isinstance(started, str) else None)
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def leftovers(folder: Path) -> list[Path]:
    """Temporary files of writes that never finished (a worker killed in the middle of one)."""
    stories = folder / STORIES
    found = [p for p in (stories.iterdir() if stories.is_dir() else ()) if _temporary(p.name)]
    return found + [p for name in (INDEX, RUN) for p in folder.glob(f".{name}.*.tmp")]


def _temporary(name: str) -> bool:
    return name.startswith(".") and name.endswith(".tmp")


def sweep(folder: Path) -> None:
    for path in leftovers(folder):
        try:
            os.unlink(path)
        except OSError:
            pass


# A story file's name as `story_file` makes it.
STORY_FILE_RE = re.compile(r"\d{6}-[0-9a-f]{16}\.json")


def story_files(folder: Path) -> list[Path]:
    """The story files written in the batch folder `folder`, by name (none without its stories folder)."""
    stories = folder / STORIES
    return sorted(p for p in stories.iterdir() if STORY_FILE_RE.fullmatch(p.name)) if stories.is_dir() else []


def stale(folder: Path, kept: Sequence[str]) -> list[Path]:
    """Story files an earlier run wrote that the index no longer names (`kept`: its files, relative
    to `folder`): their files, pins or settings changed since, and a newer file took their place."""
    named = {Path(f).name for f in kept}
    return [p for p in story_files(folder) if p.name not in named]


def is_batch(path: str | Path) -> bool:
    """`path` is a batch's folder or its index.json (not one that cannot be looked into: the
    loader then says why in one line)."""
    p = Path(path)
    try:
        return (p.is_dir() and (p / INDEX).is_file()) or (p.name == INDEX and p.is_file())
    except OSError:
        return False


def open_batch(path: str | Path) -> Batch:
    """The batch in folder `path` (or whose index.json `path` is); OSError or ValueError if unreadable."""
    p = Path(path)
    index = p / INDEX if p.is_dir() else p
    data = json.loads(index.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or not isinstance(data.get("stories"), list):
        raise ValueError(f"{index}: not a storyview batch index (no \"stories\" list)")
    entries = tuple(_entry(s) for s in data["stories"])
    recorded = recorded_run(index.parent)
    return Batch(index.parent, entries, tuple(map(str, data.get("warnings", ()))), _settings(data),
                 started_in=recorded[2] if recorded else None)


@dataclass(frozen=True)
class Stopped:
    """A batch's folder with story files and no index: its run was stopped (ctrl+c, a crash)
    before it finished, and `--resume` finishes it."""

    folder: Path
    written: int
    # What the run was asked to read, as it named it (`RUN`); for a batch of an older storyview,
    # the folders of the articles of the stories written (one none of whose stories was written
    # yet is not known).
    inputs: tuple[str, ...]
    threshold: float | None
    # The folder the run was started in, where its relative inputs are (None: not recorded).
    started_in: str | None = None


def stopped(path: str | Path) -> Stopped | None:
    """The stopped batch at `path` (its folder or its stories folder), or None."""
    p = Path(path)
    folder = p.parent if p.name == STORIES else p
    try:
        if (folder / INDEX).exists() or not (folder / STORIES).is_dir():
            return None
        written = story_files(folder)
    except OSError:
        return None
    if not written:
        return None
    recorded = recorded_run(folder)
    if recorded is not None:
        return Stopped(folder, len(written), *recorded)
    inputs: dict[str, None] = {}
    read: list[str] = []
    threshold = None
    for f in written:
        try:
            data = json.loads(f.read_text(encoding="utf-8"))
            paths = [str(s["path"]) for s in data["sources"]]
        except (OSError, ValueError, KeyError, TypeError):
            continue
        inputs.update((os.path.dirname(path) or ".", None) for path in paths)
        read.extend(paths[:2])
        try:
            threshold = float(data["settings"]["threshold"])
        except (KeyError, TypeError, ValueError):
            pass
    base = _run_folder(folder, read[:8])
    named = [os.path.normpath(os.path.join(base, p)) if base is not None else p for p in inputs]
    return Stopped(folder, len(written), tuple(dict.fromkeys(named)), threshold)


@lru_cache(maxsize=64)
def _run_folder_once(folder: Path, paths: tuple[str, ...]) -> str | None:
    """`_run_folder` of a story's files, looked for once however many of them are asked after."""
    return _run_folder(folder, paths)


def _run_folder(folder: Path, paths: Sequence[str]) -> str | None:
    """Where the stopped run was started, for its relative `paths` (the files it read, as it
    named them): the batch's folder or the first above it where they all are. A batch is often
    opened from elsewhere than it was run (`--out try25/b` from /tmp, then `storyview
    /tmp/try25/b` from /), and the command must work from here. None where they are found from
    this folder already, or nowhere (moved or deleted): they stay as named."""
    relative = [p for p in paths if not os.path.isabs(p)]
    if not relative:
        return None
    try:
        here = Path.cwd()
        above = resolved(folder)
    except OSError:
        return None
    if all((here / p).is_file() for p in relative):
        return None  # as named, they work from here
    for base in (above, *above.parents):
        if all((base / p).is_file() for p in relative):
            return str(base)
    return None


def resume_command(inputs: Sequence[str], folder: str | Path, threshold: float | None = None,
                   started_in: str | None = None) -> str:
    """The command that finishes a stopped batch (as a line to copy: arguments quoted where needed).

    Started in another folder with inputs named from there, it goes there first: the stories'
    files are named by their articles' paths as the run named them, and only the same names
    find them again (named from here, every story would be aligned anew)."""
    from shlex import quote

    named = " ".join(quote(p) for p in inputs) if inputs else "PATH..."
    other = f" --threshold {threshold:g}" if threshold is not None and threshold != Settings.threshold else ""
    go = ""
    if started_in and any(not os.path.isabs(p) for p in inputs) and \
            os.path.realpath(started_in) != os.path.realpath(os.getcwd()):
        go, folder = f"cd {quote(started_in)} && ", os.path.abspath(folder)
    return f"{go}storyview batch {named} --out {quote(str(folder))}{other} --resume"


def is_export(path: str | Path) -> bool:
    """`path` is a JSON file that `storyview --json` (or a batch, for one story) wrote."""
    p = Path(path)
    try:
        if p.suffix.lower() != ".json" or p.name == INDEX or not p.is_file():
            return False
        with open(p, "rb") as fh:
            head = fh.read(64)
    except OSError:
        return False
    return storyview_json(head.decode("utf-8", errors="replace"))


def open_export(path: str | Path) -> Batch:
    """A `storyview --json` file as a batch of the stories it holds, every one read already (a
    file of one story is a batch of one); OSError, ValueError or KeyError if unreadable."""
    p = Path(path)
    data = json.loads(p.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or not isinstance(data.get("sources"), list) or not isinstance(data.get("groups"), list):
        raise ValueError('no "sources" and "groups" lists')
    told = data.get("stories") or []
    # Stories of a folder of several list their own notes (files written before that do not: all
    # their warnings are then the folder's).
    several = bool(told) and all(isinstance(e, dict) and isinstance(e.get("warnings"), list) for e in told)
    stories = [story_from_dict(part) for part in _parts(data, several)]
    if several:
        notes = {str(w) for entry in told for w in entry.get("warnings", ())}
    else:  # a file of one story: its warnings are the folder's and the story's own notes
        from storyview.pipeline import story_notes

        notes = {w for s in stories for w in story_notes(s.articles, s.groups, s.settings, s.model)}
    entries = tuple(entry_of(story, p.name) for story in stories)
    return Batch(p.parent, entries, tuple(str(w) for w in data.get("warnings", ()) if str(w) not in notes),
                 _settings(data), {story.id: story for story in stories},
                 tuple(str(s["id"]) for s in data["sources"]), several or None)


def _parts(data: dict[str, Any], several: bool) -> list[dict[str, Any]]:
    """A document of several stories as each story's own (`json_export.parts_dict` undone): its
    sources, its groups numbered from 1 again and its own notes; a document of one story as it
    is (of a folder of several: with its own notes)."""
    told = data.get("stories") or []
    if len(told) < 2 and not several:
        return [data]
    parts = []
    for entry in told:
        mine = set(entry["sources"])
        groups = [g for g in data["groups"] if g.get("story") == entry["id"]]
        parts.append({**data, "stories": [entry], "sources": [s for s in data["sources"] if s["id"] in mine],
                      "groups": [{**g, "id": n} for n, g in enumerate(groups, 1)],
                      "warnings": entry.get("warnings", []) if several else []})
    return parts


def read_story(path: str | Path) -> Story:
    """A story file (the JSON `storyview --json` writes) back as the Story it was made from.

    Exact for everything the JSON holds; the shading by how many sources carry a passage
    (`Marks.support`) is not in the JSON, so a story read back shades nothing.
    """
    return story_from_dict(json.loads(Path(path).read_text(encoding="utf-8")))


def _member(d: dict[str, Any]) -> Member:
    return Member(str(d["source"]), int(d["paragraph"]))


def _settings(data: dict[str, Any]) -> Settings:
    known = {f.name for f in fields(Settings)}
    return Settings(**{k: v for k, v in (data.get("settings") or {}).items() if k in known})


def story_from_dict(data: dict[str, Any]) -> Story:
    """The inverse of `export.to_dict` for the Story's own fields (findings are recomputed from it)."""
    settings = _settings(data)
    articles: list[Article] = []
    marks: dict[Member, Marks] = {}
    near: dict[Member, tuple[Link, ...]] = {}
    for s in data["sources"]:
        paragraphs = []
        for p in s["paragraphs"]:
            paragraphs.append(Paragraph(int(p["index"]), p["kind"], p["text"]))
            member = Member(s["id"], int(p["index"]))
            if p.get("unique"):
                marks[member] = Marks(unique=tuple((int(a), int(b)) for a, b in p["unique"]))
            if p.get("near"):
                near[member] = tuple(Link(member, _member(n), float(n["score"])) for n in p["near"])
        articles.append(Article(s["id"], s["path"], tuple(paragraphs), s.get("title"), s.get("date"),
                                s.get("byline"), s.get("outlet")))
    groups = tuple(
        Group(
            int(g["id"]), g["label"], tuple(_member(m) for m in g["members"]),
            tuple(Link(_member(l["a"]), _member(l["b"]), float(l["score"]), bool(l.get("pinned", False)))
                  for l in g.get("links", ())),
            keywords=str(g.get("keywords", "")),
        )
        for g in data["groups"]
    )
    told = data.get("stories") or [{}]
    story_id, label = int(told[0].get("id", 1)), str(told[0].get("label", ""))
    model = (data.get("settings") or {}).get("model")
    pins = tuple(Pin(p["kind"], _member(p["a"]), _member(p["b"])) for p in data.get("pins", ()))
    story = Story(tuple(articles), groups, marks, settings, tuple(data.get("warnings", ())), near,
                  model=model, id=story_id, label=label, pins=pins)
    _check_whole(story)
    return replace(story, shares=source_shares(story))


def _check_whole(story: Story) -> None:
    """ValueError, saying what, where the file's parts do not fit together as storyview wrote
    them (try32: an export with a paragraph or a source deleted, or an id renamed, broke the
    reports and the reader with KeyError and StopIteration): each body paragraph in exactly one
    group, every member, link, pin and mark on a paragraph the file holds."""
    held: dict[Member, int] = {}
    for a in story.articles:
        if [p.index for p in a.paragraphs] != list(range(len(a.paragraphs))):
            raise ValueError(f"source {a.id!r}'s paragraphs are not numbered 0, 1, 2… (one deleted or repeated?)")
        for p in a.paragraphs:
            held[Member(a.id, p.index)] = len(p.text)
    def absent(m: Member) -> str:
        return f"paragraph {m.paragraph} of source {m.source!r}, which the file does not hold"

    grouped: set[Member] = set()
    for g in story.groups:
        for m in (*g.members, *(x for link in g.links for x in (link.a, link.b))):
            if m not in held:
                raise ValueError(f"group {g.id} names {absent(m)}")
        if grouped & set(g.members):
            raise ValueError(f"group {g.id} holds a paragraph another group holds")
        grouped.update(g.members)
    body = {Member(a.id, p.index) for a in story.articles for p in a.body}
    if missing := sorted(body - grouped):
        raise ValueError(f"paragraph {missing[0].paragraph} of source {missing[0].source!r} is in no group")
    for m, links in story.near.items():
        for link in links:
            if link.b not in held:
                raise ValueError(f"a link names {absent(link.b)}")
    for m, marks in story.marks.items():
        if any(not 0 <= a <= b <= held[m] for a, b in marks.unique):
            raise ValueError(f"a mark of paragraph {m.paragraph} of source {m.source!r} runs outside its text")
    for pin in story.pins:
        if pin.a not in held or pin.b not in held:
            raise ValueError("a pin names a paragraph the file does not hold")
