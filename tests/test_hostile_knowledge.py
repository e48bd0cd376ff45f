"""Hostile knowledge edits: the folder cannot reach outside itself, and no file can stall the bot.

Each edit is tried twice: through `faqbot check` as a real process (with its memory capped, so a
bomb fails the test instead of the machine) and through a running `LiveEngine`, which must
refuse the edit with `file:line` and keep answering from the previous knowledge.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from bot.config import Settings
from bot.matching.reload import LiveEngine
from tests.knowledge_helpers import mutate, write_knowledge

SECRET = "TELEGRAM_BOT_TOKEN=123456789:AAsecretsecretsecretsecret"
TEXT_LINE = "  text: articles/a.txt\n"
MEMBERS = "测试镇有多少党员？"

#: A 1.6 KB "billion laughs": nine levels of nine aliases, the last used as a mapping key.
ALIAS_BOMB = (
    "a0: &l0 [x, x, x, x, x, x, x, x, x]\n"
    + "".join(f"a{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 9)}]\n" for i in range(1, 10))
    + "? *l9\n: 1\n"
)


def _outside(root: Path) -> Path:
    secret = root.parent / "config.yaml"
    secret.write_text(SECRET + "\n", encoding="utf-8")
    return secret


def absolute_path(root: Path) -> None:
    mutate(root, "a.yaml", TEXT_LINE, f"  text: {_outside(root)}\n")


def proc_environ(root: Path) -> None:
    mutate(root, "a.yaml", TEXT_LINE, "  text: /proc/self/environ\n")


def dot_dot(root: Path) -> None:
    _outside(root)
    mutate(root, "a.yaml", TEXT_LINE, "  text: articles/../../config.yaml\n")


def symlink_out(root: Path) -> None:
    (root / "articles" / "link.txt").symlink_to(_outside(root))
    mutate(root, "a.yaml", TEXT_LINE, "  text: articles/link.txt\n")


def facts_symlink_out(root: Path) -> None:
    secret = root.parent / "other.yaml"
    secret.write_text((root / "facts" / "a.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    (root / "facts" / "a.yaml").unlink()
    (root / "facts" / "a.yaml").symlink_to(secret)


def article_fifo(root: Path) -> None:
    os.mkfifo(root / "articles" / "pipe.txt")
    mutate(root, "a.yaml", TEXT_LINE, "  text: articles/pipe.txt\n")


def facts_fifo(root: Path) -> None:
    os.mkfifo(root / "facts" / "pipe.yaml")


def alias_bomb(root: Path) -> None:
    (root / "facts" / "bomb.yaml").write_text(ALIAS_BOMB, encoding="utf-8")


def huge_article(root: Path) -> None:
    (root / "articles" / "a.txt").write_text("测试镇有1200名党员。" * 400_000, encoding="utf-8")


# (edit, the file:line the refusal names, words of the message)
REFUSED = [
    pytest.param(absolute_path, "kb/facts/a.yaml:8", "must name a file inside articles/", id="absolute-path"),
    pytest.param(proc_environ, "kb/facts/a.yaml:8", "must name a file inside articles/", id="proc-self-environ"),
    pytest.param(dot_dot, "kb/facts/a.yaml:8", "must name a file inside articles/", id="dot-dot"),
    pytest.param(symlink_out, "kb/facts/a.yaml:8", "a link to a file outside articles/", id="symlink-out"),
    pytest.param(facts_symlink_out, "kb/facts/a.yaml", "outside the knowledge folder", id="facts-symlink-out"),
    pytest.param(article_fifo, "kb/facts/a.yaml:8", "it is a named pipe", id="article-fifo"),
    pytest.param(facts_fifo, "kb/facts/pipe.yaml", "it is a named pipe", id="facts-fifo"),
    pytest.param(alias_bomb, "kb/facts/bomb.yaml:2", "the YAML alias *l0 is not allowed", id="alias-bomb"),
    pytest.param(huge_article, "kb/facts/a.yaml:8", "larger than 4 MB", id="huge-article"),
]


def _capped() -> None:
    """Run in the child: 1.5 GB of address space, so a bomb fails fast instead of swapping."""
    resource.setrlimit(resource.RLIMIT_AS, (1536 * 1024 * 1024, 1536 * 1024 * 1024))


def check(root: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("FAQBOT_")}
    return subprocess.run(
        [sys.executable, "-m", "bot", "check", "--knowledge", str(root)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        cwd=root.parent,
        timeout=60,
        preexec_fn=_capped,
    )


@pytest.mark.parametrize(("edit", "where", "says"), REFUSED)
def test_faqbot_check_refuses_a_hostile_edit_with_file_and_line(
    tmp_path: Path, edit: Callable[[Path], None], where: str, says: str
) -> None:
    root = write_knowledge(tmp_path / "kb")
    edit(root)
    result = check(root)
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "Traceback" not in output and "secretsecret" not in output
    assert any(line.startswith(where) and says in line for line in result.stdout.splitlines()), output


@pytest.fixture
def small_settings(tmp_path: Path) -> Settings:
    settings = Settings()
    settings.knowledge_dir = write_knowledge(tmp_path / "kb")
    settings.cache_dir = ""
    settings.log_db = ""
    return settings


@pytest.mark.parametrize(("edit", "where", "says"), REFUSED)
def test_a_running_bot_refuses_a_hostile_edit_and_keeps_serving(
    small_settings: Settings, edit: Callable[[Path], None], where: str, says: str
) -> None:
    live = LiveEngine(small_settings)
    edit(Path(small_settings.knowledge_dir))
    problems = live.reload()
    assert any(str(p).startswith(where) and says in str(p) for p in problems), problems
    reply = live.engine.answer(MEMBERS)
    assert reply.status == "answered" and "1200" in (reply.answer or "")
    assert all(SECRET not in document.text for document in live.engine.knowledge.documents.values())


def test_a_device_among_unused_articles_is_not_read(tmp_path: Path) -> None:
    root = write_knowledge(tmp_path / "kb")
    (root / "articles" / "zero.txt").symlink_to("/dev/zero")
    result = check(root)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines()[-1].endswith(": ok")


def test_an_unknown_top_level_key_is_reported(tmp_path: Path) -> None:
    root = write_knowledge(tmp_path / "kb")
    mutate(root, "a.yaml", "facts:\n", "secrets: [1]\nfacts:\n")
    result = check(root)
    assert "kb/facts/a.yaml:11: warning: the file has an unknown key `secrets`" in result.stdout, result.stdout
