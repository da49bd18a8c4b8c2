"""The `storyview` command without the reader: --json, -o, --version, --help, warnings."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from storyview import __version__
from storyview.inputs.bundled import seeds_dir
from storyview.cli import main, parser


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["--json", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_json_on_the_seeds(capsys) -> None:
    code, out, err = run(capsys)
    assert code == 0
    data = json.loads(out)
    assert len(data["sources"]) == 5
    assert err == ""


def test_warnings_go_to_stderr_and_the_rest_goes_on(capsys, write, tmp_path) -> None:
    good = write("good.txt", "The council approved the budget on Tuesday.")
    empty = write("empty.txt", "")
    code, out, err = run(capsys, good, empty, str(tmp_path / "missing.txt"))
    assert code == 0
    assert [s["id"] for s in json.loads(out)["sources"]] == ["good"]
    lines = err.splitlines()
    assert f"storyview: {empty}: skipped, empty file" in lines
    assert f"storyview: {tmp_path / 'missing.txt'}: skipped, no such file or folder" in lines
    assert "storyview: fewer than two usable sources: nothing to compare" in lines
    assert "Traceback" not in err


def test_version(capsys) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["--version"])
    assert exc.value.code == 0
    assert capsys.readouterr().out.strip() == f"storyview {__version__}"


def test_help_lists_every_option(capsys) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["--help"])
    assert exc.value.code == 0
    out = capsys.readouterr().out
    options = [s for action in parser()._actions for s in action.option_strings]
    assert {"--json", "-o", "--output", "--threshold", "--version", "--help"} <= set(options)
    for option in options:
        assert option in out, option
    assert "PATH" in out


def test_bad_threshold_is_a_usage_error(capsys) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["--json", "--threshold", "2"])
    assert exc.value.code == 2
    assert "--threshold must be between 0 and 1" in capsys.readouterr().err


def test_a_path_that_is_not_there_exits_1_and_still_writes_the_document(capsys, tmp_path) -> None:
    missing = str(tmp_path / "typo")
    code, out, err = run(capsys, missing)
    assert code == 1 and json.loads(out)["sources"] == []
    assert "no such file or folder" in err
    assert main(["--report", "md", missing]) == 1
    assert main([missing]) == 1  # the reader does not open on nothing at all
    # Next to a real source: the work goes on and exits 0.
    assert run(capsys, missing, str(seeds_dir()))[0] == 0


def test_nothing_that_could_be_read_exits_1_and_still_writes_the_document(capsys, tmp_path) -> None:
    (tmp_path / "empty").mkdir()
    (tmp_path / "blank.txt").write_text("  \n")
    (tmp_path / "api.json").write_text('{"results": [1, 2]}')
    for inputs in (["empty"], ["blank.txt", "api.json"]):
        code, out, err = run(capsys, *(str(tmp_path / name) for name in inputs))
        assert code == 1 and json.loads(out)["sources"] == []
        assert all(f"{tmp_path / name}: skipped" in err for name in inputs)
    report = tmp_path / "r.md"
    assert main(["--report", "md", str(tmp_path / "api.json"), "-o", str(report)]) == 1
    assert report.exists()


def test_threshold_reaches_the_export(capsys) -> None:
    code, out, _ = run(capsys, "--threshold", "0.5")
    assert code == 0
    assert json.loads(out)["settings"]["threshold"] == 0.5


def test_output_file_is_written_atomically(capsys, write, tmp_path) -> None:
    a = write("in/a.txt", "The council approved the budget on Tuesday.")
    b = write("in/b.txt", "On Tuesday the council passed the budget.")
    target = tmp_path / "out" / "story.json"
    target.parent.mkdir()
    code, out, err = run(capsys, a, b, "-o", str(target))
    assert code == 0
    assert out == ""
    assert err.strip() == f"storyview: wrote {target}"
    assert len(json.loads(target.read_text())["sources"]) == 2
    assert os.listdir(target.parent) == ["story.json"]


def test_output_refuses_to_overwrite_an_input(capsys, write) -> None:
    a = write("a.txt", "The council approved the budget on Tuesday.")
    b = write("b.txt", "On Tuesday the council passed the budget.")
    before = Path(a).read_bytes()
    code, out, err = run(capsys, a, b, "-o", a)
    assert code == 1
    assert Path(a).read_bytes() == before
    assert f"storyview: {a}: refusing to overwrite an input file" in err.splitlines()
    assert out == ""


def test_output_into_a_missing_folder_fails_cleanly(capsys, write, tmp_path) -> None:
    a = write("a.txt", "The council approved the budget on Tuesday.")
    code, _, err = run(capsys, a, "-o", str(tmp_path / "no" / "such" / "out.json"))
    assert code == 1
    assert err.startswith("storyview: ") and "Traceback" not in err
    assert ".tmp" not in err and "there is no folder" in err


@pytest.mark.parametrize("fmt", ["--json", "--report=html"])
def test_output_to_a_folder_says_it_is_a_folder(capsys, write, tmp_path, fmt: str) -> None:
    write("in/a.txt", "The council approved the budget on Tuesday.")
    (tmp_path / "elsewhere").mkdir()
    for folder in (tmp_path / "in", tmp_path / "elsewhere"):  # an input folder, and any other
        code = main([fmt, str(tmp_path / "in"), "-o", str(folder)])
        out, err = capsys.readouterr()
        assert (code, out) == (1, "")
        assert err.splitlines() == [f"storyview: {folder}: is a folder: name a file"]
    assert os.listdir(tmp_path / "in") == ["a.txt"] and os.listdir(tmp_path / "elsewhere") == []


@pytest.mark.parametrize("name", ["", " "])
def test_an_empty_output_name_is_a_usage_error(capsys, name: str) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["--json", "-o", name])
    assert exit_.value.code == 2
    out, err = capsys.readouterr()
    assert out == "" and "-o/--output needs a file name" in err


def test_output_without_json_or_report_is_a_usage_error(capsys) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["-o", "x.json"])
    assert exit_.value.code == 2
    assert "-o/--output needs --json or --report" in capsys.readouterr().err


def test_a_failing_standard_output_is_one_line_not_a_traceback() -> None:
    with open("/dev/full", "w") as full:
        done = subprocess.run([sys.executable, "-m", "storyview", "--json"], stdout=full, stderr=subprocess.PIPE,
                              text=True, timeout=60)
    assert done.returncode == 1
    assert done.stderr.splitlines() == ["storyview: cannot write to standard output (No space left on device)"]


def test_output_is_the_same_for_every_hash_seed(tmp_path) -> None:
    outputs = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run([sys.executable, "-m", "storyview", "--json"], capture_output=True, env=env, timeout=60)
        assert done.returncode == 0, done.stderr
        outputs.append(done.stdout)
    assert outputs[0] == outputs[1]
    json.loads(outputs[0])


def test_dash_o_dash_writes_to_standard_output_not_a_file_named_dash(tmp_path, monkeypatch, capsys) -> None:
    """`--json -o -` had written a file named "-" (try18)."""
    from storyview.cli import main

    monkeypatch.chdir(tmp_path)
    assert main(["--json", "-o", "-"]) == 0
    assert capsys.readouterr().out.startswith("{") and not (tmp_path / "-").exists()


def test_reading_standard_input_from_a_terminal_says_how_to_end_it(monkeypatch, capsys) -> None:
    """`storyview - o` with the terminal as standard input had shown a blank screen (try18)."""
    import io
    import sys

    from storyview.cli import main

    class Terminal(io.TextIOWrapper):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr(sys, "stdin", Terminal(io.BytesIO(b"A storm hit Oslo on Monday.\n\nPower was cut.\n")))
    main(["--json", "-"])
    assert "type or paste it, then ctrl+d" in capsys.readouterr().err
