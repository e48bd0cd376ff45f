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
    sentences: dict[str, int] = field(default_factory=dict)  # doc id → how many sentences it has

    @property
    def percent(self) -> float:
        return 100.0 if self.total == 0 else 100.0 * (self.total - len(self.uncovered)) / self.total

    def percent_of(self, doc_id: str) -> float:
        """The coverage of one article: a curator adding one wants to see it alone."""
        total = self.sentences.get(doc_id, 0)
        missing = sum(1 for doc, _ in self.uncovered if doc == doc_id)
        return 100.0 if total == 0 else 100.0 * (total - missing) / total


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
            result.sentences[doc.id] = result.sentences.get(doc.id, 0) + 1
            if not any(src in sentence or sentence in src for src in cited):
                result.uncovered.append((doc.id, sentence))
    return result


def _line_of(path: Path, text: str) -> int:
    """The first line of `path` that holds `text` (1 when none does)."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return 1
    return next((n for n, line in enumerate(lines, 1) if text in line), 1)


def _places_problems(knowledge: Knowledge) -> list[Problem]:
    known = set(knowledge.aliases.places.values())
    aliases_file = knowledge.root / "aliases.yaml"
    problems = [
        Problem(
            str(aliases_file),
            _line_of(aliases_file, form),
            f"the alias '{form}' of place '{knowledge.aliases.places[form]}' names its {tail}, not the "
            f"place, and is not used (read as the place it would drop '{tail}' from the text); "
            "list it under names: if it needs one spelling.",
            "warning",
        )
        for form, tail in knowledge.aliases.of_the_place().items()
    ]
    return problems + [
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
