"""The package's design, kept by a test: who may import what, and no import circles.

Read with `ast` from the source, so a rule breaks here before it breaks quietly in use:
- only the reader (and the CLI that starts it) imports textual; only the batch runner imports
  dask; only the semantic module loads a model package;
- exports and the reader read the Story: they never import the modules that build one
  (segmenting, scoring, aligning, marking) to work something out their own way;
- nothing lower imports anything higher (inputs < engine < findings < exports < reader);
- no circle of imports between modules, counting every import that runs (at the top of a
  module or inside a function), not those under `if TYPE_CHECKING:`.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "tui" / "storyview"


@dataclass(frozen=True)
class Import:
    module: str  # the importing module, dotted
    target: str  # what it imports, dotted (a module, or a module's name resolved to the module)
    names: tuple[str, ...]
    line: int


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _nodes_that_run(tree: ast.AST) -> Iterator[ast.AST]:
    """Every node except those inside an `if TYPE_CHECKING:` block."""
    stack = [tree]
    while stack:
        node = stack.pop()
        yield node
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and _type_checking(child):
                stack.extend(child.orelse)
                continue
            stack.append(child)


def imports_of(name: str, path: Path, known: dict[str, Path]) -> list[Import]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    out = []
    for node in _nodes_that_run(tree):
        if isinstance(node, ast.Import):
            out += [Import(name, alias.name, (), node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            for alias in node.names:
                sub = f"{base}.{alias.name}"
                # `from storyview.inputs import load` imports a module; `from x import name`, x.
                target = sub if sub in known else base
                out.append(Import(name, target, (alias.name,), node.lineno))
    return out


@pytest.fixture(scope="module")
def graph() -> dict[str, list[Import]]:
    known = modules()
    return {name: imports_of(name, path, known) for name, path in known.items()}


def _is(target: str, prefix: str) -> bool:
    return target == prefix or target.startswith(prefix + ".")


def test_the_package_has_the_parts_the_readme_names() -> None:
    for part in ("inputs", "engine", "findings", "exports", "reader"):
        assert (PACKAGE / part / "__init__.py").is_file(), part
    for top in ("cli.py", "__main__.py", "model.py", "pipeline.py"):
        assert (PACKAGE / top).is_file(), top
    assert (PACKAGE / "reader" / "storyview.tcss").is_file()


@pytest.mark.parametrize(
    ("library", "allowed"),
    [
        ("textual", ("storyview.reader", "storyview.cli")),
        ("dask", ("storyview.batch",)),
        ("distributed", ("storyview.batch",)),
        ("wordllama", ("storyview.engine.semantic",)),
    ],
)
def test_heavy_and_screen_libraries_are_imported_only_where_their_mode_starts(
    graph: dict[str, list[Import]], library: str, allowed: tuple[str, ...]
) -> None:
    wrong = [
        f"{i.module}:{i.line} imports {i.target}"
        for found in graph.values()
        for i in found
        if _is(i.target, library) and not any(_is(i.module, a) for a in allowed)
    ]
    assert wrong == []


# What builds a Story. The reader and the exports read the Story it made; they never import these
# to work something out again their own way.
BUILDERS = (
    "storyview.inputs",
    "storyview.engine.segment",
    "storyview.engine.similarity",
    "storyview.engine.candidates",
    "storyview.engine.align",
    "storyview.engine.match",
    "storyview.engine.unique",
)
# Names of builder modules the readers may use, each for a reason that is not recomputing:
READER_MAY_USE = {
    ("storyview.engine.unique", "token_diff"),  # the detail view's diff of two paragraphs, drawn as is
    ("storyview.inputs.text", "shown"),  # a path made safe to print in a message
    ("storyview.inputs.load", "SUFFIXES"),  # which file names an input folder would read back
    ("storyview.inputs.load", "written_by_storyview"),  # a report or JSON file -o may replace
    ("storyview.inputs.bundled", "seeds_dir"),  # where the bundled articles are
    ("storyview.inputs.parse", "is_credit"),  # a wire credit line, no byline to head a column with
    ("storyview.engine.segment", "CJK"),  # which letters are Han or kana: East Asian text breaks
    ("storyview.engine.segment", "CJK_RE"),  # between them, as the engine splits it into words
}


def test_exports_and_the_reader_read_the_story_and_never_rebuild_it(graph: dict[str, list[Import]]) -> None:
    wrong = [
        f"{i.module}:{i.line} imports {i.target} {i.names}"
        for name, found in graph.items()
        if _is(name, "storyview.exports") or _is(name, "storyview.reader")
        for i in found
        if any(_is(i.target, b) for b in BUILDERS)
        and not all((i.target, n) in READER_MAY_USE for n in i.names or ("*",))
    ]
    assert wrong == []


LAYERS = ["storyview.model", "storyview.inputs", "storyview.engine", "storyview.findings", "storyview.exports", "storyview.reader"]


def _layer(name: str) -> int | None:
    for n, layer in enumerate(LAYERS):
        if _is(name, layer):
            return n
    return None


# Segmentation (sentences and words with offsets) is the engine's first step and also how the
# inputs judge a line of page debris: the one module a lower layer may use from a higher one.
SHARED_GROUND = ("storyview.engine.segment",)


def test_nothing_lower_imports_anything_higher(graph: dict[str, list[Import]]) -> None:
    wrong = []
    for name, found in graph.items():
        mine = _layer(name)
        for i in found:
            theirs = _layer(i.target)
            if i.target in SHARED_GROUND:
                continue
            if mine is not None and theirs is not None and theirs > mine:
                wrong.append(f"{name}:{i.line} imports {i.target}")
    assert wrong == []


def test_the_core_imports_nothing_of_the_cli_or_the_pipeline(graph: dict[str, list[Import]]) -> None:
    wrong = [
        f"{name}:{i.line} imports {i.target}"
        for name, found in graph.items()
        if _layer(name) is not None and _layer(name) <= LAYERS.index("storyview.findings")
        for i in found
        if i.target in ("storyview.cli", "storyview.pipeline", "storyview.__main__")
    ]
    assert wrong == []


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (or a module importing itself)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = 0

    def visit(v: str) -> None:
        nonlocal counter
        index[v] = low[v] = counter
        counter += 1
        stack.append(v)
        on_stack.add(v)
        for w in sorted(edges.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1 or v in edges.get(v, ()):
                found.append(sorted(component))

    for v in sorted(edges):
        if v not in index:
            visit(v)
    return found


def test_no_import_circles_among_imports_that_run(graph: dict[str, list[Import]]) -> None:
    edges = {
        name: {i.target for i in found if _is(i.target, "storyview") and i.target in graph and i.target != name}
        for name, found in graph.items()
    }
    assert cycles(edges) == []


def test_the_cycle_finder_finds_a_circle() -> None:
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_imports_under_type_checking_do_not_count(tmp_path: Path) -> None:
    source = tmp_path / "m.py"
    source.write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import textual\nelse:\n    import rich\n"
        "def f():\n    import dask\n",
        encoding="utf-8",
    )
    targets = {i.target for i in imports_of("m", source, {})}
    assert targets == {"typing", "rich", "dask"}
