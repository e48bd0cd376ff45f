"""`faqbot check` as a user runs it: exit codes, `file:line: message` output, flags, coverage.

A few rows run the real command (`python -m bot`) in a subprocess; the rest call `bot.cli.main`
in-process, which parses the same argv and prints the same lines, only faster.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli import main
from tests.knowledge_helpers import mutate, write_knowledge

#: A problem line as a curator sees it: path, line number, message (maybe a warning).
PROBLEM_LINE = re.compile(r"^kb/(facts|articles)/[\w.]+:\d+: (warning: )?\S")
SUMMARY_LINE = re.compile(r"^\d+ articles?, \d+ facts?, \d+ questions?: (ok|\d+ error\(s\))$")


@pytest.fixture(autouse=True)
def _no_config_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    # A developer's own FAQBOT_CONFIG must not change what these tests see.
    for name in ("FAQBOT_CONFIG", "FAQBOT_KNOWLEDGE"):
        monkeypatch.delenv(name, raising=False)


def run_faqbot(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("FAQBOT_CONFIG", "FAQBOT_KNOWLEDGE")}
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        cwd=cwd,
        timeout=60,
    )


def _assert_well_formed(stdout: str) -> None:
    """Every line is a problem, a coverage line or the one summary line that ends the output."""
    lines = stdout.splitlines()
    assert lines and SUMMARY_LINE.match(lines[-1]), stdout
    for line in lines[:-1]:
        assert PROBLEM_LINE.match(line) or line.startswith(("uncovered: ", "coverage: ")), line


_MEMBERS_ANSWER = "  answer: 截至2014年6月，测试镇有1200名党员。\n"

# (file, old, new, expected exit code, a line the output must contain)
SUBPROCESS_ROWS = [
    pytest.param(None, None, None, 0, "1 article, 3 facts, 9 questions: ok", id="clean"),
    pytest.param(
        "a.yaml",
        _MEMBERS_ANSWER,
        "  answer: 测试镇有1300名党员。\n",
        1,
        "kb/facts/a.yaml:17: the answer of the fact 'fa-members' says 1300",
        id="error",
    ),
    pytest.param(
        "a.yaml",
        "  - 首页 > 新闻\n",
        "  - 首页 > 旧闻\n",
        0,
        "kb/facts/a.yaml:9: warning: the chrome line '首页 > 旧闻'",
        id="warning-only",
    ),
    pytest.param(
        "a.yaml",
        "  outlet: 测试日报\n",
        "  outlet: 测试日报: 第5版\n",
        1,
        "kb/facts/a.yaml:4: YAML syntax error",
        id="yaml-syntax",
    ),
    pytest.param(
        "a.txt",
        "3月4日",
        b"3\xff4",
        1,
        "kb/facts/a.yaml:8: the article kb/articles/a.txt:3: the file is not valid UTF-8",
        id="article-not-utf8",
    ),
    pytest.param(
        "a.yaml",
        "  date: '2014-06-30'\n",
        "  date: 2014-13-01\n",
        1,
        "kb/facts/a.yaml:5: `date` must be YYYY-MM-DD",
        id="impossible-date",
    ),
]


@pytest.mark.parametrize(("name", "old", "new", "code", "expected"), SUBPROCESS_ROWS)
def test_check_command_exit_code_and_output(
    tmp_path: Path, name: str | None, old: str | None, new: str | bytes | None, code: int, expected: str
) -> None:
    root = write_knowledge(tmp_path / "kb")
    if name is not None:
        assert new is not None
        mutate(root, name, old, new)
    result = run_faqbot("check", "--knowledge", str(root), cwd=tmp_path)
    assert "Traceback" not in result.stdout + result.stderr
    assert result.returncode == code, result.stdout + result.stderr
    assert any(line.startswith(expected) for line in result.stdout.splitlines()), result.stdout
    _assert_well_formed(result.stdout)


def test_bundled_knowledge_passes_with_full_coverage(tmp_path: Path) -> None:
    result = run_faqbot("check", "--coverage", cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "coverage: 100.0%" in result.stdout
    assert "uncovered:" not in result.stdout
    assert result.stdout.splitlines()[-1].endswith(": ok")


def test_nonexistent_knowledge_folder_is_one_clear_error(tmp_path: Path) -> None:
    missing = tmp_path / "nope"
    result = run_faqbot("check", "--knowledge", str(missing), cwd=tmp_path)
    output = result.stdout + result.stderr
    assert result.returncode == 1
    assert "Traceback" not in output
    named = [line for line in output.splitlines() if "does not exist" in line]
    assert len(named) == 1 and str(missing) in named[0], output


def test_nonexistent_config_file_is_one_clear_error(tmp_path: Path) -> None:
    missing = tmp_path / "nope.yaml"
    result = run_faqbot("--config", str(missing), "check", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr == f"faqbot: The config file {missing} does not exist.\n"


# --- In-process: the same command line through bot.cli.main -----------------------------------

# Mutations whose output must be problem lines in `file:line: message` form (errors and warnings).
FORMAT_ROWS = [
    pytest.param("a.yaml", "  - 党员人数是多少\n", "", 1, id="too-few-questions"),
    pytest.param("a.yaml", "- id: fa-money\n", "- id: fa-members\n", 1, id="duplicate-id"),
    pytest.param("a.yaml", "  source: 全镇投入资金1.56亿元。\n", "  source: 全镇投资。\n", 1, id="source-not-verbatim"),
    pytest.param("a.yaml", "  tags: [党建]\n", "  tags: 5\n", 1, id="tags-wrong-type"),
    pytest.param("a.yaml", "  place: 测试镇\n", "  place: 火星镇\n", 0, id="unknown-place-warns"),
    pytest.param("a.yaml", "  - 首页 > 新闻\n", "  - 首页 > 旧闻\n", 0, id="chrome-warns"),
    pytest.param("a.yaml", None, "", 1, id="empty-file"),
]


@pytest.mark.parametrize(("name", "old", "new", "code"), FORMAT_ROWS)
def test_every_problem_is_printed_as_file_line_message(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    name: str,
    old: str | None,
    new: str,
    code: int,
) -> None:
    root = write_knowledge(tmp_path / "kb")
    mutate(root, name, old, new)
    monkeypatch.chdir(tmp_path.parent)  # shown paths are relative to the knowledge folder's parent, not the cwd
    assert main(["check", "--knowledge", str(root)]) == code
    out = capsys.readouterr().out
    _assert_well_formed(out)
    assert PROBLEM_LINE.match(out.splitlines()[0]), out
    assert out.splitlines()[-1].endswith(": ok" if code == 0 else "error(s)")


def _broken_and_clean(tmp_path: Path) -> tuple[Path, Path]:
    """Two knowledge folders side by side: `kb` has one error, `clean` has none."""
    broken = write_knowledge(tmp_path / "kb")
    mutate(broken, "a.yaml", _MEMBERS_ANSWER, "  answer: 测试镇有1300名党员。\n")
    return broken, write_knowledge(tmp_path / "clean")


FLAG_ROWS = [
    pytest.param(["--knowledge", "{kb}", "check"], 1, id="knowledge-before"),
    pytest.param(["check", "--knowledge", "{kb}"], 1, id="knowledge-after"),
    pytest.param(["--config", "{to_kb}", "check"], 1, id="config-before"),
    pytest.param(["check", "--config", "{to_kb}"], 1, id="config-after"),
    pytest.param(["--config", "{to_clean}", "check", "--knowledge", "{kb}"], 1, id="flag-beats-config"),
    pytest.param(["--config", "{to_kb}", "check", "--knowledge", "{clean}"], 0, id="flag-beats-config-clean"),
    pytest.param(["--knowledge", "{kb}", "check", "--knowledge", "{clean}"], 0, id="after-beats-before"),
]


@pytest.mark.parametrize(("argv", "code"), FLAG_ROWS)
def test_knowledge_and_config_flags_work_before_or_after_the_subcommand(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], code: int
) -> None:
    broken, clean = _broken_and_clean(tmp_path)
    # Relative knowledge_dir: resolved against the config file's folder, whatever the cwd.
    (tmp_path / "to_kb.yaml").write_text("knowledge_dir: kb\n", encoding="utf-8")
    (tmp_path / "to_clean.yaml").write_text("knowledge_dir: clean\n", encoding="utf-8")
    places = {"kb": broken, "clean": clean, "to_kb": tmp_path / "to_kb.yaml", "to_clean": tmp_path / "to_clean.yaml"}
    assert main([arg.format(**places) for arg in argv]) == code
    out = capsys.readouterr().out
    # The broken folder's one error shows exactly when it was the folder checked.
    assert ("kb/facts/a.yaml:17: the answer" in out) == (code == 1), out


@pytest.mark.parametrize("coverage", [True, False])
def test_coverage_flag_lists_uncovered_sentences_and_the_percentage(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], coverage: bool
) -> None:
    root = write_knowledge(tmp_path / "kb")
    mutate(root, "a.txt", "3月4日，测试镇召开动员大会。\n", "3月4日，测试镇召开动员大会。会上没有事实。\n")
    argv = ["check", "--knowledge", str(root)] + (["--coverage"] if coverage else [])
    assert main(argv) == 0  # an uncovered sentence is not an error
    lines = capsys.readouterr().out.splitlines()
    expected = ["uncovered: doc-a: 会上没有事实。", "coverage: 75.0% of 4 sentences"] if coverage else []
    assert lines[:-1] == expected
    # The chrome line 首页 > 新闻 is no sentence: it is neither listed nor counted.
    assert not any("首页" in line for line in lines)


def test_coverage_is_given_per_article_when_there_are_several(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = write_knowledge(tmp_path / "kb", second=True)
    mutate(root, "a.txt", "3月4日，测试镇召开动员大会。\n", "3月4日，测试镇召开动员大会。会上没有事实。\n")
    assert main(["check", "--knowledge", str(root), "--coverage"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert "coverage: doc-a: 75.0% of 4 sentences" in lines
    assert "coverage: doc-b: 100.0% of 1 sentences" in lines
    assert "coverage: 80.0% of 5 sentences" in lines
