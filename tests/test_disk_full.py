"""A full disk at start-up is named as the cause: `faqbot chat` with its question log, and
`faqbot telegram` with its file of received updates, on a real full file system (a 64 KB
tmpfs, filled), each say in one line which disk is full, how much is free and what to do."""

from __future__ import annotations

import errno
import json
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.errors import full_disk
from tests.knowledge_helpers import FIXTURE_KNOWLEDGE

TOKEN = "123456:" + "A" * 35
TIMEOUT = 60


@pytest.fixture(params=["filled", "64 KB free"])
def full_dir(tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[Path]:
    """A folder on a 64 KB tmpfs, filled, or left empty: too small for a new log's first
    writes. Needs root (mount); skipped otherwise."""
    folder = tmp_path / "full"
    folder.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(folder)], capture_output=True, text=True
    )
    if mounted.returncode != 0:
        pytest.skip(f"mounting a small tmpfs to fill is not permitted here ({mounted.stderr.strip()})")
    try:
        if request.param == "filled":
            _fill(folder)
        yield folder
    finally:
        if subprocess.run(["umount", str(folder)], capture_output=True).returncode != 0:
            subprocess.run(["umount", "-l", str(folder)], capture_output=True)


def _fill(folder: Path) -> None:
    with (folder / "filler").open("wb", buffering=0) as filler:  # unbuffered: nothing left to flush
        try:
            while True:
                filler.write(b"\0" * 4096)
        except OSError as exc:
            assert exc.errno == errno.ENOSPC


def _run(command: list[str], tmp_path: Path, cache_dir: Path, extra: dict[str, str], config: str = "") -> str:
    """Run `python -m bot COMMAND…` to its end; return its stderr, checked to be one clean line."""
    config_file = tmp_path / "config.yaml"
    config_file.write_text(f"cache_dir: {json.dumps(str(cache_dir))}\n{config}", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("FAQBOT_", "TELEGRAM_"))}
    env.update(HOME=str(tmp_path / "home"), FAQBOT_KNOWLEDGE=str(FIXTURE_KNOWLEDGE), **extra)
    run = subprocess.run(
        [sys.executable, "-m", "bot", "--config", str(config_file), *command],
        input="有多少党员？\n",
        capture_output=True,
        text=True,
        env=env,
        timeout=TIMEOUT,
    )
    assert run.returncode != 0, run.stdout + run.stderr
    assert "Traceback" not in run.stderr and run.stdout == "", run.stdout + run.stderr
    lines = [line for line in run.stderr.splitlines() if line.startswith("faqbot: ")]
    assert len(lines) == 1, run.stderr
    return lines[0]


@pytest.mark.parametrize("name", ["log.sqlite3", "logs/questions.sqlite3"])
def test_a_question_log_on_a_full_disk_says_the_disk_is_full(
    full_dir: Path, tmp_path: Path, cache_dir: Path, name: str
) -> None:
    said = _run(["chat"], tmp_path, cache_dir, {"FAQBOT_LOG_DB": str(full_dir / name)})
    assert said.startswith(f"faqbot: The question log {full_dir / name} cannot be written: ")
    folder = (full_dir / name).parent  # made if missing: a folder takes no space on tmpfs
    assert f"the disk holding {folder} is full (" in said and " bytes free)" in said, said
    assert "Free some space, or set log_db in the config to a file on another disk" in said


@pytest.mark.parametrize("full_dir", ["filled"], indirect=True)  # a new update file fits in 64 KB
def test_the_telegram_update_file_on_a_full_disk_says_the_disk_is_full(
    full_dir: Path, tmp_path: Path, cache_dir: Path
) -> None:
    journal = full_dir / "updates.sqlite3"
    env = {"FAQBOT_LOG_DB": "", "TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_API_BASE_URL": "http://127.0.0.1:9/bot"}
    said = _run(["telegram"], tmp_path, cache_dir, env, f"telegram:\n  journal: {json.dumps(str(journal))}\n")
    assert said.startswith(f"faqbot: The file of received Telegram updates {journal} cannot be written: ")
    assert f"the disk holding {full_dir} is full (" in said and " bytes free)" in said, said
    assert "set telegram.journal in the config to a file on another disk" in said


@pytest.mark.parametrize(
    ("error", "full"),
    [
        (OSError(errno.ENOSPC, "No space left on device"), True),
        (OSError(errno.EDQUOT, "Disk quota exceeded"), True),
        (sqlite3.OperationalError("database or disk is full"), True),
        (OSError(errno.EACCES, "Permission denied"), False),
        (sqlite3.DatabaseError("file is not a database"), False),
    ],
)
def test_only_a_full_disk_is_called_full(tmp_path: Path, error: Exception, full: bool) -> None:
    said = full_disk(tmp_path / "log.sqlite3", error)
    assert (said is not None) == full
    if full:
        assert said is not None and said.startswith(f"the disk holding {tmp_path} is full (") and "bytes free" in said
