"""The benchmarks must not rot: a tiny run of each, and the generator's promises.

Nothing here is timed: the figures depend on the machine. What is asserted is that the scripts
run and print their tables, that a generated fact base is valid knowledge whose towns the engine
tells apart, and that numbers are varied consistently.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.common import Target, markdown, percentile
from benchmarks.devset import Retelling
from benchmarks.generate import generate, make_variants, read_sources
from benchmarks.naive import run as run_naive
from benchmarks.numbers import chinese, cn_value, kept_numbers, number_map, replace_numbers, replace_numerals
from benchmarks.variants import PLACE_PARTS
from bot.config import Settings
from bot.curation.evaluate import Item
from bot.knowledge.check import check
from bot.matching.engine import Engine
from tests.knowledge_helpers import FIXTURE_KNOWLEDGE

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list]:
    """The bundled world and one imaginary town (×2)."""
    out = tmp_path_factory.mktemp("x2")
    return out / "knowledge", generate(2, out)


def test_quick_run_prints_every_table(tmp_path: Path) -> None:
    out = tmp_path / "bench.json"
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks", "--quick", "--json", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    for heading in ("## Cold start of `faqbot ask`", "## The engine at each size", "## Naive matchers", "## Targets"):
        assert heading in done.stdout
    assert "| ×2 " in done.stdout and "| rapidfuzz" in done.stdout and "| difflib" in done.stdout
    data = json.loads(out.read_text(encoding="utf-8"))
    assert [s["size"] for s in data["sizes"]] == [1, 2]
    for size in data["sizes"]:
        assert size["problems"] == []
        assert len(size["engine"]["passed"]["questions-place.yaml"]) == 20
    assert {t["verdict"] for t in data["targets"]} <= {"PASS", "MISS", "n/a"}
    assert data["coldstart"]["warm"] and data["coldstart"]["stages"]


def test_generated_knowledge_passes_check(generated: tuple[Path, list]) -> None:
    knowledge, variants = generated
    report = check(knowledge)
    assert report.ok, [str(p) for p in report.errors]
    bundled = check(FIXTURE_KNOWLEDGE).knowledge
    assert len(report.knowledge.facts) == 2 * len(bundled.facts)
    town = variants[1].place("嘉兴科技城")
    assert town != "嘉兴科技城" and report.knowledge.aliases.places[town] == town
    documents = [d for d in report.knowledge.documents.values() if d.place == town]
    assert len(documents) == 1 and "大桥" not in documents[0].text and "盛红明" not in documents[0].text


@pytest.mark.parametrize(
    ("question", "expect"),
    [
        ("大桥镇讲了多少堂党课", "194"),
        ("吴江开发区有多少名党员", "5600"),
    ],
)
def test_engine_finds_the_retold_town(
    generated: tuple[Path, list], tmp_path_factory: pytest.TempPathFactory, question: str, expect: str
) -> None:
    knowledge, variants = generated
    retold = Retelling(variants, seed=1).retell(Item(question=question, kind="direct", expect=(expect,)))
    assert retold.variant == 1 and retold.checked
    assert retold.item.question != question and retold.item.expect != (expect,)
    settings = Settings(log_db="", cache_dir=str(tmp_path_factory.getbasetemp() / "x2-cache"))
    reply = Engine.load(knowledge, settings).answer(retold.item.question)
    assert reply.status == "answered"
    assert retold.item.expect[0] in (reply.answer or "")
    assert reply.source is not None and reply.source.doc.endswith("-t0001")


@pytest.mark.parametrize("value", [0, 7, 10, 16, 24, 101, 110, 1000, 1001, 4302, 5600, 10000, 70000, 12345])
def test_chinese_numerals_round_trip(value: int) -> None:
    assert cn_value(chinese(value)) == value


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("那一百九十四堂党课", "那二百三十三堂党课"),
        ("五点五七个亿的项目", "七点五七个亿的项目"),
        ("拿到了七万块医疗费", "拿到了九万块医疗费"),
        ("四千三百零二人参加", "四千五百一十一人参加"),
        ("领导千部", "领导千部"),  # a typo, not a number
        ("统一一些四五六战略", "统一一些四五六战略"),  # words, not quantities
        ("七点四十开门", "七点四十开门"),  # a clock time: 40 is not in the mapping
    ],
)
def test_numerals_follow_the_number_mapping(question: str, expected: str) -> None:
    mapping = {"194": "233", "5.57": "7.57", "7": "9", "4302": "4511"}
    assert replace_numerals(question, mapping) == expected


def test_numbers_vary_consistently_but_dates_stay() -> None:
    texts = ["自9月12日以来讲党课194堂，中医馆7:40开门，3D显示，投资5.57亿元，另有194人、12小类。"]
    kept = kept_numbers(texts, "2019-12-11")
    assert {"9", "12", "7", "40", "3", "2019", "11"} <= kept
    mapping = number_map(texts, kept, random.Random(1))
    assert set(mapping) == {"194", "5.57"}
    assert mapping["5.57"].endswith(".57") and mapping["194"] != "194"
    rewritten = replace_numbers(texts[0], mapping)
    assert "9月12日" in rewritten and "7:40" in rewritten and rewritten.count(mapping["194"]) == 2
    full_width = str.maketrans("0123456789", "０１２３４５６７８９")
    assert replace_numbers("１９４堂", mapping) == mapping["194"].translate(full_width) + "堂"


def test_variants_are_the_same_at_every_scale() -> None:
    sources = read_sources(FIXTURE_KNOWLEDGE)[0]
    small, large = make_variants(3, sources), make_variants(5, sources)
    assert [v.parts for v in small] == [v.parts for v in large[:3]]
    assert small[2].numbers == large[2].numbers
    names = [v.parts[part] for v in large[1:] for parts in PLACE_PARTS.values() for part in parts]
    assert len(names) == len(set(names))


def test_naive_matchers_answer_the_bundled_dev_set(tmp_path: Path) -> None:
    questions = tmp_path / "q.yaml"
    questions.write_text('- question: 大桥镇讲了多少堂党课\n  kind: direct\n  expect: ["194"]\n', encoding="utf-8")
    result = run_naive(["rapidfuzz", "difflib"], FIXTURE_KNOWLEDGE, [questions], limit=None, budget=5)
    for name in ("rapidfuzz", "difflib"):
        answered = result["matchers"][name]["q.yaml"]
        assert len(answered["seconds"]) == 1 and answered["total"] == 1
    bundled = check(FIXTURE_KNOWLEDGE).knowledge
    assert result["choices"] == sum(len(f.questions) for f in bundled.facts)


@pytest.mark.parametrize(
    ("values", "q", "expected"),
    [
        ([], 0.5, 0.0),
        ([3.0], 0.99, 3.0),
        ([1.0, 2.0, 3.0, 4.0], 0.5, 2.0),
        ([float(n) for n in range(1, 101)], 0.99, 99.0),
    ],
)
def test_percentile_is_nearest_rank(values: list[float], q: float, expected: float) -> None:
    assert percentile(values, q) == expected


@pytest.mark.parametrize(
    ("target", "verdict"),
    [
        (Target("p50", 0.5, "ms", 0.4), "PASS"),
        (Target("p50", 0.5, "ms", 0.6), "MISS"),
        (Target("build", 60, "s", 30, lower_bound=True), "MISS"),
        (Target("p99", 2, "ms", None), "n/a"),
    ],
)
def test_target_verdicts(target: Target, verdict: str) -> None:
    assert target.verdict == verdict
    assert verdict in markdown(["a", "b", "c", "d", "e"], [target.row()])


def test_the_learned_gate_fits_ranks_and_is_put_back() -> None:
    from benchmarks.learnedgate import FEATURES, auc, best_threshold, fit, gated, probability
    from bot.matching.confidence import Confidence

    # Right answers score high, wrong ones low: the fit must rank them apart.
    data = [([s] + [0.0] * (len(FEATURES) - 1), s > 0.5) for s in (0.1, 0.2, 0.3, 0.4, 0.6, 0.7, 0.8, 0.9)]
    w = fit(data)
    learned = [(probability(w, x), ok) for x, ok in data]
    assert auc(learned) == 1.0
    assert 0.3 <= best_threshold(learned) <= 0.9
    hand = Confidence.sure
    with gated(w, 0.5):
        assert Confidence.sure is not hand
    assert Confidence.sure is hand


def test_the_new_article_evaluation_prints_an_unread_articles_totals_and_never_its_questions(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from benchmarks import newarticles

    name = sorted(newarticles.unread())[0]
    out = tmp_path / "rows.json"
    assert newarticles.main([name, "--failures", "--processes", "1", "--json", str(out)]) == 0
    printed = capsys.readouterr().out
    assert printed.startswith("unread, curated facts (1 articles): ")
    assert "development failures" not in printed
    rows = json.loads(out.read_text(encoding="utf-8"))
    asked = (ROOT / "tests" / "eval" / "newarticles" / name / "questions.yaml").read_text(encoding="utf-8")
    assert rows and all(r["question"].startswith("#") for r in rows)
    assert not any(line.split("question:")[-1].strip() in printed for line in asked.splitlines() if "question:" in line)


def test_the_new_article_totals_count_wrong_answers_and_out_of_scope_answers_apart() -> None:
    from benchmarks.newarticles import Row, summary

    rows = [
        Row("a", "questions.yaml", "q1", "direct", "answered", "answered", True, "f1"),
        Row("a", "questions.yaml", "q2", "direct", "answered", "answered", False, "f2"),  # wrong
        Row("a", "questions.yaml", "q3", "paraphrase", "answered", "declined", False, None),  # not wrong
        Row("a", "out_of_scope.yaml", "q4", "out_of_scope", "declined", "answered", False, "f3"),
        Row("a", "out_of_scope.yaml", "q5", "out_of_scope", "declined", "declined", True, None),
    ]
    assert summary("development", rows) == (
        "development (1 articles): 1 of 3 = 33.3%, answered wrongly 1, out-of-scope answered 1 of 2\n"
        "  by kind: direct 50%, paraphrase 0%"
    )
