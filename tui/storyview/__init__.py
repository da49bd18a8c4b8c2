"""storyview: several articles about one story, side by side, with what only one source says."""

__version__ = "0.1.0"
