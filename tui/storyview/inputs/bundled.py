"""Where the bundled seed articles are: a tiny module, so the reader can ask before the engine loads."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def seeds_dir() -> Path:
    """The bundled seed articles, in the wheel or (editable install) at the repo root."""
    packaged = Path(str(resources.files("storyview"))) / "seeds"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[3] / "seeds"
