"""How well an unedited `faqbot draft` answers a new article's blind questions (issue 16).

    .venv/bin/python -m benchmarks.draftquality            # the ten development articles
    .venv/bin/python -m benchmarks.draftquality --failures # and each question that failed

For each development article of `tests/eval/newarticles/` (the unread ones are not drafted
here), the article is drafted with `faqbot draft --aliases` exactly as a curator would run it —
no hand-written facts, wordings or aliases — and the article's blind questions are run with `faqbot eval --article`
against the bundled knowledge plus that draft. The curated facts of the same article are run
beside it, for comparison. Target: the draft answers ≥ 80% of the questions.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = (
    "dongxi-party-2023",
    "lianhe-agri-2022",
    "hexi-enterprise-2024",
    "yanxi-ecology-2025",
    "quyang-flood-2025",
    "mingchuan-health-2024",
    "jiaoyu-school-2025",
    "wenlv-tourism-2023",
    "renju-village-2023",
    "laji-sorting-2025",
)
FAQBOT = str(Path(sys.executable).parent / "faqbot")


def _eval(questions: Path, article_dir: Path, failures: bool) -> tuple[float, str]:
    command = [FAQBOT, "eval", str(questions), "--article", str(article_dir)]
    if not failures:
        command.append("--quiet")
    out = subprocess.run(command, capture_output=True, text=True, check=False).stdout
    found = re.search(r"overall\s+(\d+(?:\.\d+)?)%", out)
    return (float(found.group(1)) if found else 0.0), out


def measure(name: str, failures: bool) -> tuple[float, float, str]:
    """(draft accuracy, curated accuracy, the draft's eval output) for one article."""
    source = ROOT / "tests" / "eval" / "newarticles" / name
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / name
        folder.mkdir()
        (folder / "article.txt").write_bytes((source / "article.txt").read_bytes())
        subprocess.run(
            [
                FAQBOT,
                "draft",
                str(folder / "article.txt"),
                "--id",
                name,
                "-o",
                str(folder / "facts.yaml"),
                "--aliases",
                str(folder / "aliases.yaml"),
            ],
            check=True,
            capture_output=True,
        )
        # `faqbot eval --article` reads the article as articles/NAME.txt, like the curated facts.
        facts = folder / "facts.yaml"
        text = facts.read_text(encoding="utf-8")
        facts.write_text(re.sub(r"(?m)^  text: .*$", f"  text: articles/{name}.txt", text), encoding="utf-8")
        drafted, out = _eval(source / "questions.yaml", folder, failures)
    curated, _ = _eval(source / "questions.yaml", source, False)
    return drafted, curated, out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.draftquality", description=__doc__.splitlines()[0])
    parser.add_argument("--failures", action="store_true", help="print each question the draft fails")
    parser.add_argument("articles", nargs="*", default=list(ARTICLES), help="article folders to measure")
    args = parser.parse_args(argv)
    print("| article | draft | curated |\n|---|---|---|")
    for name in args.articles:
        drafted, curated, out = measure(name, args.failures)
        print(f"| {name} | {drafted:.1f}% | {curated:.1f}% |", flush=True)
        if args.failures:
            print(out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
