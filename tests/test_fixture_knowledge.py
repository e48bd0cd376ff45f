"""The suite reads its own copy of the knowledge, so a curator's edit of `knowledge/` fails no test.

The rows below edit a copy of the knowledge the way a curator would (a changed answer, a fact
taken out) and show that the edit changes what the bot answers — and that neither the session's
engine nor a `faqbot` command run by a test sees it.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bot.config import Settings, load_settings
from bot.matching.engine import Engine
from tests.conftest import ROOT
from tests.knowledge_helpers import FIXTURE_KNOWLEDGE

#: Test modules allowed to name the bundled folder: they test where it is found, not what it says.
_ABOUT_THE_BUNDLED_FOLDER = {"test_config.py", "test_packaging.py", "test_fixture_knowledge.py"}

QUESTION, FACT = "同里镇有多少党员", "wj-party-members-5600"


def _curator_edits(root: Path) -> Path:
    """A legitimate curator's edit: the fact's wordings now belong to a different answer text."""
    facts = root / "facts" / "wujiang-2014.yaml"
    text = facts.read_text(encoding="utf-8")
    start = text.index(f"- id: {FACT}\n")
    end = text.index("\n- id: ", start + 1)
    facts.write_text(text[:start] + text[end + 1 :], encoding="utf-8")
    return root


def test_no_test_reads_the_bundled_knowledge() -> None:
    readers = [
        path.relative_to(ROOT)
        for path in (ROOT / "tests").rglob("*.py")
        if path.name not in _ABOUT_THE_BUNDLED_FOLDER
        and re.search(r"bundled_knowledge_dir\(\)|ROOT\s*/\s*\"knowledge\"", path.read_text(encoding="utf-8"))
    ]
    assert readers == []


def test_the_session_reads_the_fixture_copy(engine: Engine) -> None:
    assert engine.knowledge.root == FIXTURE_KNOWLEDGE
    assert load_settings().knowledge_dir == FIXTURE_KNOWLEDGE


def test_a_curators_edit_changes_answers_but_not_the_suites(
    engine: Engine, tmp_path: Path, settings: Settings, cache_dir: Path
) -> None:
    edited = _curator_edits(shutil.copytree(FIXTURE_KNOWLEDGE, tmp_path / "knowledge"))
    assert Engine.load(edited, settings).answer(QUESTION).fact_id != FACT  # the edit matters…
    assert engine.answer(QUESTION).fact_id == FACT  # …to the curator, not to the suite's engine
    # A `faqbot` child process of the suite reads the fixture too, unless told otherwise.
    config = tmp_path / "config.yaml"
    config.write_text(f"cache_dir: {json.dumps(str(cache_dir))}\n", encoding="utf-8")
    env = {**os.environ, "FAQBOT_CONFIG": str(config)}
    asked = subprocess.run(
        [sys.executable, "-m", "bot", "ask", "--json", QUESTION],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        cwd=tmp_path,
        timeout=120,
        check=True,
    )
    assert json.loads(asked.stdout)["fact_id"] == FACT


@pytest.mark.parametrize("folder", [FIXTURE_KNOWLEDGE])
def test_the_fixture_is_a_whole_knowledge_folder(folder: Path) -> None:
    assert (folder / "aliases.yaml").is_file()
    assert sorted(p.name for p in (folder / "facts").glob("*.yaml"))
    assert sorted(p.name for p in (folder / "articles").glob("*.txt"))
