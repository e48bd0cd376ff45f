"""`faqbot check`: every problem a curator can cause, and how much of each article is covered."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from bot.knowledge.model import Knowledge
from bot.knowledge.read import read_knowledge
from bot.yamlfile import Problem


@dataclass
class Coverage:
    """Which article sentences no fact cites."""

    total: int = 0
    uncovered: list[tuple[str, str]] = field(default_factory=list)  # (doc id, sentence)

    @property
    def percent(self) -> float:
        return 100.0 if self.total == 0 else 100.0 * (self.total - len(self.uncovered)) / self.total


@dataclass
class Report:
    knowledge: Knowledge
    problems: list[Problem]
    coverage: Coverage

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def ok(self) -> bool:
        return not self.errors


def check(root: Path) -> Report:
    """Validate the knowledge folder `root` and measure its coverage."""
    knowledge, problems = read_knowledge(root)
    problems += _places_problems(knowledge)
    return Report(knowledge, problems, coverage(knowledge))


def coverage(knowledge: Knowledge) -> Coverage:
    """A sentence is covered when some fact's source lies inside it (or it inside a source)."""
    result = Coverage()
    sources: dict[str, list[str]] = {}
    for fact in knowledge.facts:
        sources.setdefault(fact.doc_id, []).append(fact.source)
    for doc in knowledge.documents.values():
        cited = sources.get(doc.id, [])
        for sentence in doc.sentences():
            result.total += 1
            if not any(src in sentence or sentence in src for src in cited):
                result.uncovered.append((doc.id, sentence))
    return result


def _places_problems(knowledge: Knowledge) -> list[Problem]:
    known = set(knowledge.aliases.places.values())
    return [
        Problem(
            doc.path,
            doc.place_line,
            f"the place '{doc.place}' of document '{doc.id}' is not a place in aliases.yaml; "
            "questions naming it will not be scoped.",
            "warning",
        )
        for doc in knowledge.documents.values()
        if doc.place and doc.place not in known
    ]
