"""Where the reader's pins and breaks live between launches: a small JSON file beside the story.

The file sits in a `.storyview/` folder next to the inputs, or in the user's data folder when
that folder cannot be written (or there is none: the bundled seeds, standard input, web pages).
Each pin names its two paragraphs by source id, paragraph number and a digest of the text, so
a pin whose paragraph changed is noticed (and dropped, with a warning) rather than applied to
the wrong text, and one whose paragraph only moved is followed. The file is written atomically;
one that cannot be read is set aside under another name, never overwritten.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
import sys
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from storyview.model import Article, Member, Pin

FORMAT = 1
"""The file's format version (its "storyview_pins" field)."""
FILE = "pins.json"


@dataclass(frozen=True)
class Ref:
    """A paragraph as the pins file names it: source id, 0-based paragraph, digest of its text."""

    source: str
    paragraph: int
    digest: str

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source, "paragraph": self.paragraph, "digest": self.digest}


@dataclass(frozen=True)
class StoredPin:
    kind: str
    a: Ref
    b: Ref

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "a": self.a.to_dict(), "b": self.b.to_dict()}


def digest(text: str) -> str:
    """A short fingerprint of a paragraph's words (spacing does not count)."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8", "surrogatepass")).hexdigest()[:16]


def ref(article: Article, paragraph: int) -> Ref:
    return Ref(article.id, paragraph, digest(article.paragraphs[paragraph].text))


def data_dir() -> Path:
    """The user's data folder for storyview: $STORYVIEW_DATA if set, else XDG on Linux, the
    platform's own elsewhere."""
    if os.environ.get("STORYVIEW_DATA"):
        return Path(os.environ["STORYVIEW_DATA"])
    if sys.platform == "win32":
        root = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        root = Path.home() / "Library" / "Application Support"
    else:
        root = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return root / "storyview"


def _writable(folder: Path) -> bool:
    inside = folder / ".storyview"
    if inside.exists():
        return inside.is_dir() and os.access(inside, os.W_OK | os.X_OK)
    return folder.is_dir() and os.access(folder, os.W_OK | os.X_OK)


def _folder(path: str) -> Path | None:
    """The folder a path lies in (a folder: itself), or None when it cannot be told (a symlink
    loop, no permission, a name too long): that path then decides nothing."""
    try:
        resolved = Path(path).expanduser().resolve()
        return resolved if resolved.is_dir() else resolved.parent
    except (OSError, RuntimeError, ValueError):
        return None


def pins_path(inputs: Sequence[str]) -> Path:
    """The pins file of a story read from `inputs` (files, folders; "-" and addresses aside).

    Never raises: whatever cannot be looked at sends the pins to the data folder.
    """
    from storyview.inputs.web import is_url

    folders = [f for p in inputs if p != "-" and not is_url(p) if (f := _folder(p)) is not None]
    key = "\n".join(sorted(inputs)) or "seeds"
    if folders:
        try:
            folder = Path(os.path.commonpath([str(f) for f in folders]))
        except ValueError:  # on different drives
            folder = folders[0]
        key = str(folder)
        # Inputs from far apart (/tmp and a home folder) have no folder of their own: not "/" or ~.
        scattered = folder in (Path(folder.anchor), Path.home()) and any(f != folder for f in folders)
        try:
            if not scattered and _writable(folder):
                return folder / ".storyview" / FILE
        except OSError:
            pass
    name = hashlib.sha256(key.encode("utf-8", "surrogateescape")).hexdigest()[:16]
    return data_dir() / "pins" / f"{name}.json"


class PinStore:
    """The pins file of one story: read on every build, written on every pin or break.

    Reads and writes come from the build thread and the event loop: a lock keeps them whole.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()

    @classmethod
    def for_inputs(cls, inputs: Sequence[str]) -> PinStore:
        return cls(pins_path(inputs))

    # -- reading -------------------------------------------------------------------------------------

    def read(self) -> tuple[list[StoredPin], list[str]]:
        """The stored pins and any warning; a file that cannot be read is set aside (renamed)."""
        with self._lock:
            return self._read()

    def _read(self, set_aside: bool = True) -> tuple[list[StoredPin], list[str]]:
        try:
            if (odd := _not_a_pins_file(self.path)) is not None:
                return [], [f"pins file {self.path} is {odd}: pins left out, the file left as it is"]
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return [], []
        except OSError as error:
            return [], [f"pins file {self.path} could not be read ({error.strerror or error}): pins left out"]
        try:
            return _parse(json.loads(raw.decode("utf-8"))), []
        except (ValueError, TypeError, KeyError, AttributeError, RecursionError) as error:
            reason = " ".join(str(error).split())[:80] or type(error).__name__
            if not set_aside:
                return [], [f"pins file {self.path} is damaged ({reason}): pins left out, the file left as it is"]
            return [], [self._set_aside(reason)]

    def _set_aside(self, reason: str) -> str:
        stamp = time.strftime("%Y%m%d-%H%M%S")
        aside = self.path.with_name(f"{self.path.name}.corrupt-{stamp}")
        n = 2
        while aside.exists():
            aside = self.path.with_name(f"{self.path.name}.corrupt-{stamp}-{n}")
            n += 1
        try:
            os.replace(self.path, aside)
        except OSError as error:
            return (f"pins file {self.path} is damaged ({reason}) and could not be set aside "
                    f"({error.strerror or error}): pins left out, the file left as it is")
        return f"pins file {self.path} is damaged ({reason}): set aside as {aside.name}, starting without pins"

    def resolve(self, articles: Sequence[Article]) -> tuple[tuple[Pin, ...], list[str]]:
        """The stored pins that fit these articles, as Pins, and a warning per pin dropped.

        A pin about a source not loaded now is kept for later, silently; one whose paragraph
        changed or vanished is dropped from the file, with a one-line warning.
        """
        with self._lock:
            stored, warnings = self._read()
            fit, keep, dropped = fit_pins(stored, articles)
            warnings.extend(dropped)
            if keep != stored:
                try:
                    self._write(keep)
                except OSError as error:
                    warnings.append(f"pins file {self.path} could not be written ({error.strerror or error})")
            return fit, warnings

    def peek(self) -> tuple[list[StoredPin], list[str]]:
        """The stored pins, as `read`, but a damaged file is left as it is (a batch follows the
        reader's pins and never writes where the inputs are)."""
        return self._read(set_aside=False)

    # -- writing -------------------------------------------------------------------------------------

    def add(self, pin: Pin, articles: Sequence[Article]) -> list[str]:
        """Record a pin or break (replacing any earlier decision about the same two paragraphs)
        and write the file; the warnings of reading it first."""
        by_id = {a.id: a for a in articles}
        new = StoredPin(pin.kind, ref(by_id[pin.a.source], pin.a.paragraph), ref(by_id[pin.b.source], pin.b.paragraph))
        with self._lock:
            stored, warnings = self._read()
            pair = {(new.a.source, new.a.digest), (new.b.source, new.b.digest)}
            stored = [p for p in stored if {(p.a.source, p.a.digest), (p.b.source, p.b.digest)} != pair]
            self._write([*stored, new])
            return warnings

    def clear(self) -> int:
        """Forget every pin (the file is written empty); how many there were."""
        with self._lock:
            stored, _ = self._read()
            if stored:
                self._write([])
            return len(stored)

    def _write(self, pins: list[StoredPin]) -> None:
        from storyview.exports.files import write_atomic
        from storyview.exports.json_export import json_text

        if not pins and not self.path.exists():
            return
        try:
            odd = _not_a_pins_file(self.path)
        except FileNotFoundError:
            odd = None
        if odd is not None:
            raise OSError(odd)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        text = json_text({"storyview_pins": FORMAT, "pins": [p.to_dict() for p in pins]}, indent=2)
        write_atomic(self.path, text + "\n")


# Far more than a reader ever pins (a pin is some 300 bytes): a larger file is no pins file.
MOST_BYTES = 16 << 20


def _not_a_pins_file(path: Path) -> str | None:
    """What makes `path` no file of pins to read or replace, or None: a pipe, a device, a folder
    or a file of more than `MOST_BYTES` (try32: a FIFO hung the build, a link to /dev/zero
    filled 4 GB). FileNotFoundError where there is none."""
    info = path.stat()
    if not stat.S_ISREG(info.st_mode):
        return "not a regular file"
    if info.st_size > MOST_BYTES:
        return f"too large for pins ({info.st_size >> 20} MB)"
    return None


class Pins(Protocol):
    """What aligning asks of pins: those that fit the articles, and what was said about the rest."""

    def resolve(self, articles: Sequence[Article]) -> tuple[tuple[Pin, ...], list[str]]: ...


@dataclass(frozen=True)
class KnownPins:
    """Pins read once (`PinStore.peek`) and followed without a file: what a batch's workers
    get, so that no two of them write the reader's pins file at once."""

    stored: tuple[StoredPin, ...]

    def resolve(self, articles: Sequence[Article]) -> tuple[tuple[Pin, ...], list[str]]:
        fit, _, dropped = fit_pins(self.stored, articles)
        return fit, dropped


def fit_pins(stored: Sequence[StoredPin], articles: Sequence[Article]
             ) -> tuple[tuple[Pin, ...], list[StoredPin], list[str]]:
    """The stored pins that fit these articles (as Pins), the pins to keep (those of sources not
    loaded now too, each at its paragraph's place now), and a warning per pin dropped."""
    by_id = {a.id: a for a in articles}
    fit: list[Pin] = []
    keep: list[StoredPin] = []
    warnings: list[str] = []
    for pin in stored:
        if pin.a.source not in by_id or pin.b.source not in by_id:
            keep.append(pin)
            continue
        a, b = _find(pin.a, by_id[pin.a.source]), _find(pin.b, by_id[pin.b.source])
        if a is None or b is None:
            gone = pin.a if a is None else pin.b
            warnings.append(f"{pin.kind} dropped: {gone.source} ¶{gone.paragraph + 1} changed or is gone")
            continue
        fit.append(Pin("break" if pin.kind == "break" else "pin", Member(pin.a.source, a), Member(pin.b.source, b)))
        keep.append(StoredPin(pin.kind, replace_paragraph(pin.a, a), replace_paragraph(pin.b, b)))
    return tuple(fit), keep, warnings


def replace_paragraph(r: Ref, paragraph: int) -> Ref:
    return r if r.paragraph == paragraph else Ref(r.source, paragraph, r.digest)


def _find(r: Ref, article: Article) -> int | None:
    """Where the paragraph is now: at its number if its text is the same, else the one body
    paragraph with that text (it moved), else None (it changed or vanished)."""
    paragraphs = article.paragraphs
    if 0 <= r.paragraph < len(paragraphs) and paragraphs[r.paragraph].kind == "body" \
            and digest(paragraphs[r.paragraph].text) == r.digest:
        return r.paragraph
    same = [p.index for p in paragraphs if p.kind == "body" and digest(p.text) == r.digest]
    return same[0] if len(same) == 1 else None


def _parse(data: object) -> list[StoredPin]:
    if not isinstance(data, dict) or data.get("storyview_pins") != FORMAT or not isinstance(data.get("pins"), list):
        raise ValueError("not a storyview pins file")
    out = []
    for item in data["pins"]:
        if item["kind"] not in ("pin", "break"):
            raise ValueError(f"unknown kind {item['kind']!r}")
        refs = []
        for side in (item["a"], item["b"]):
            source, paragraph, text_digest = side["source"], side["paragraph"], side["digest"]
            if not isinstance(source, str) or not isinstance(paragraph, int) or not isinstance(text_digest, str):
                raise ValueError("a pin names a paragraph wrongly")
            refs.append(Ref(source, paragraph, text_digest))
        out.append(StoredPin(item["kind"], refs[0], refs[1]))
    return out
