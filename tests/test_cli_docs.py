"""Every `faqbot` subcommand is documented: a docstring, a working --help, and a README mention.

Adding a command to bot.cli.COMMANDS without documenting it makes one of these rows fail.
"""

from __future__ import annotations

import inspect
import re
import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli import COMMANDS, main

README = Path(__file__).resolve().parent.parent / "README.md"


def _words(text: str) -> str:
    """Whitespace-insensitive form: --help re-indents the docstring's continuation lines."""
    return " ".join(text.split())


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_command_function_has_a_docstring(command: str) -> None:
    doc = inspect.getdoc(COMMANDS[command]) or ""
    assert len(doc.split()) >= 3, f"bot.cli.{COMMANDS[command].__name__} needs a docstring"


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_command_help_exits_0_and_shows_the_docstring(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main([command, "--help"])
    assert caught.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith(f"usage: faqbot {command}")
    assert _words(inspect.getdoc(COMMANDS[command]) or "") in _words(out)


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_readme_mentions_the_command(command: str) -> None:
    # The README or a guide under docs/ it points to (docs/curating.md for draft and check --replay).
    texts = [README, *sorted((README.parent / "docs").glob("*.md"))]
    found = any(f"faqbot {command}" in path.read_text(encoding="utf-8") for path in texts)
    assert found, f"neither README.md nor docs/*.md mentions `faqbot {command}`."


def test_faqbot_help_lists_every_command() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "bot", "--help"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    listing = _words(result.stdout)  # argparse wraps long summaries onto a second line
    for command, function in COMMANDS.items():
        summary = (inspect.getdoc(function) or "").splitlines()[0]
        assert f"{command} {_words(summary)}" in listing, f"`faqbot --help` does not list {command}."


def test_readme_is_for_users_and_its_links_stay_in_the_repository() -> None:
    text = README.read_text(encoding="utf-8")
    assert len(text.splitlines()) <= 200
    assert text.lstrip().startswith("# zh-faqbot") and "./run.sh chat" in text and "./run.sh test" in text
    root = README.parent
    docs = [README, *sorted((root / "docs").glob("*.md"))]
    for doc in docs:
        for target in re.findall(r"\]\(([^)#]+)\)", doc.read_text(encoding="utf-8")):
            if "://" in target:
                continue
            resolved = (doc.parent / target).resolve()
            assert resolved.is_relative_to(root), f"{doc.name} links outside the repository: {target}"
            # docs/curating.md and docs/reliability.md are written alongside this work.
            assert resolved.exists() or resolved.name in {"curating.md", "reliability.md"}, f"{doc.name}: {target}"


def test_every_signal_explain_shows_is_in_both_legends() -> None:
    """`--explain` prints each signal scoring sets; `faqbot ask --help` and docs/curating.md say
    what each one means — a new penalty must not appear unexplained."""
    from bot.cli.serving import cmd_ask

    root = README.parent
    scoring = (root / "bot" / "matching" / "scoring.py").read_text(encoding="utf-8")
    signals = set(re.findall(r'signals\["([a-z_]+)"\]', scoring)) | {"coverage", "wording", "sound"}
    guide = (root / "docs" / "curating.md").read_text(encoding="utf-8")
    help_text = cmd_ask.__doc__ or ""
    assert len(signals) >= 14
    for signal in sorted(signals):
        assert f"`{signal}" in guide, signal
        assert re.search(rf"^\s+{signal}\b", help_text, re.MULTILINE), signal
