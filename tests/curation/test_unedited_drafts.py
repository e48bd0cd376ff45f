"""Unedited drafts of two development articles (`tests/eval/newarticles`) beside the bundled
knowledge, asked what their blind question sets asked: where a draft's plainer wordings leave two
facts close, the engine still tells which one the question means."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from bot.config import Settings
from bot.curation.draft import draft, to_yaml
from bot.knowledge.combine import combine
from bot.matching.engine import Engine
from tests.knowledge_helpers import FIXTURE_KNOWLEDGE

NEW = Path(__file__).parent.parent / "eval" / "newarticles"


def _drafted_engine(folder: Path, name: str, settings: Settings) -> Engine:
    """The bundled knowledge with `name`'s article added as `faqbot draft --place --date` drafts it."""
    document = yaml.safe_load((NEW / name / "facts.yaml").read_text(encoding="utf-8"))["document"]
    article = folder / "extra" / name
    article.mkdir(parents=True)
    shutil.copy(NEW / name / "article.txt", article / "article.txt")
    drafted = draft(article / "article.txt", doc_id=name, place=document["place"], date=str(document["date"]))
    (article / "facts.yaml").write_text(to_yaml(drafted), encoding="utf-8")
    (article / "aliases.yaml").write_text("places: {}\n", encoding="utf-8")
    return Engine.load(combine(FIXTURE_KNOWLEDGE, [article], folder / "knowledge"), settings)


@pytest.mark.parametrize(
    ("name", "question", "wanted"),
    [
        # the 初级中学's 校长 is no reading of a question naming the 中心小学
        ("jiaoyu-school-2025", "蒨岭那边中心小学的校长叫啥呀？", "甘墨林"),
        # 了 asks what was reached, not the plan's 97%
        ("renju-village-2023", "蘩岙乡卫生厕所普及率达到多少了？", "93.6%"),
    ],
)
def test_a_draft_answers_the_fact_the_question_means(
    tmp_path: Path, settings: Settings, name: str, question: str, wanted: str
) -> None:
    reply = _drafted_engine(tmp_path, name, settings).answer(question)
    assert reply.status == "answered" and wanted in (reply.answer or ""), (reply.status, reply.answer)
