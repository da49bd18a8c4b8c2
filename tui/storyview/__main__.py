from storyview.cli import entry

raise SystemExit(entry())
