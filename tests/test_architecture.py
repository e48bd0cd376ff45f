"""The layout is the data flow: imports only go down, and no module grows past a few hundred lines."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
#: A module past this many lines holds more than one concept: split it.
MAX_LINES = 420


def test_import_contracts_hold() -> None:
    """import-linter's layers contract (pyproject.toml): a cycle or an upward import fails."""
    linter = Path(sys.executable).with_name("lint-imports")
    if not linter.exists():
        pytest.fail("import-linter is not installed: it is a test extra (pip install -e '.[test]').")
    done = subprocess.run([str(linter)], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "broken" in done.stdout and "0 broken" in done.stdout


@pytest.mark.parametrize("path", sorted((ROOT / "bot").rglob("*.py")), ids=lambda p: str(p.relative_to(ROOT)))
def test_module_is_small(path: Path) -> None:
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{path.relative_to(ROOT)} has {lines} lines; split it by concept"


@pytest.mark.parametrize(
    "package",
    ["text", "knowledge", "question", "index", "matching", "curation", "frontends/telegram", "frontends/console"],
)
def test_packages_say_what_they_own(package: str) -> None:
    init = ROOT / "bot" / package / "__init__.py"
    assert init.exists() and init.read_text(encoding="utf-8").strip().startswith('"""')
