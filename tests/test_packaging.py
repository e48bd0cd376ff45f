"""The built wheel carries the bundled knowledge, and an installed copy finds it."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

from tests.conftest import ROOT


def test_wheel_ships_and_finds_the_bundled_knowledge(tmp_path: Path) -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(tmp_path / "dist"),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    wheel = next((tmp_path / "dist").glob("zh_faqbot-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert "bot/bundled_knowledge/aliases.yaml" in names
    assert any(n.startswith("bot/bundled_knowledge/facts/") and n.endswith(".yaml") for n in names)
    assert any(n.startswith("bot/bundled_knowledge/articles/") for n in names)
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    # Run from an unrelated folder so only the extracted copy can be imported.
    found = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; sys.path.insert(0, sys.argv[1]); "
            "from bot.config import bundled_knowledge_dir; from bot.knowledge.read import load_knowledge; "
            "k = load_knowledge(bundled_knowledge_dir()); print(bundled_knowledge_dir(), len(k.facts))",
            str(site),
        ],
        cwd=tmp_path,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    assert Path(found[0]).is_relative_to(site)
    assert int(found[1]) > 150
