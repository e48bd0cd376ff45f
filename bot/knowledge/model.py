"""The fact base as the engine sees it: documents (articles), their curated facts, and the whole
`Knowledge` with its alias table. Reading and validating a knowledge folder is `bot.knowledge.read`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from bot.knowledge.aliases import Aliases
from bot.yamlfile import Problem

#: Sentences end at 。！？ (and their ASCII forms) or at a line break.
#: A sentence ends after 。！？ — and after the closing quotation marks right behind them: in
#: 「…交那边。”主任说」 the ” closes the quotation, it does not open the next sentence.
_SENTENCE_END = re.compile(r"(?<=[。！？!?])(?![”’」』。！？!?])|(?<=[。！？!?][”’」』])(?![”’」』。！？!?])")
#: A number as the fact rules see it: a run of ASCII digits, maybe with a decimal part.
NUMBER = re.compile(r"\d+(?:\.\d+)?")


class InvalidKnowledge(Exception):
    """The knowledge folder has errors; `.problems` lists each with its file and line."""

    def __init__(self, problems: list[Problem]) -> None:
        errors = [p for p in problems if p.severity == "error"]
        head = f"The knowledge has {len(errors)} error(s); the first: {errors[0]}" if errors else ""
        super().__init__(head)
        self.problems = problems


@dataclass(frozen=True)
class Document:
    """One article and its metadata."""

    id: str
    title: str
    outlet: str
    date: str  # YYYY-MM-DD
    text: str
    path: str  # shown path of the facts file that declares it
    author: str | None = None
    place: str | None = None  # canonical place (aliases.yaml `places`) the article is about
    chrome: tuple[str, ...] = ()  # lines that carry no fact: navigation, headings
    place_line: int = 1  # where `place` is declared, for problems about it

    def sentences(self) -> list[str]:
        """The article's sentences, page chrome left out, in order."""
        return [s for _, s in self.numbered_sentences()]

    def numbered_sentences(self) -> list[tuple[int, str]]:
        """(paragraph number, sentence) for every sentence outside the chrome."""
        chrome = set(self.chrome)
        result: list[tuple[int, str]] = []
        for number, line in enumerate(self.paragraphs()):
            if line in chrome:
                continue
            result.extend((number, s.strip()) for s in _SENTENCE_END.split(line) if s.strip())
        return result

    def paragraphs(self) -> list[str]:
        return [line.strip() for line in self.text.splitlines() if line.strip()]

    def paragraph_of(self, sentence: str) -> str | None:
        """The paragraph (line) of the article holding `sentence`, for 「出处呢？」 and 📖 原文."""
        for line in self.paragraphs():
            if sentence in line:
                return line
        return None

    def date_numbers(self) -> set[str]:
        """The numbers an answer may take from the date: 2014-06-30 gives 2014, 06, 6, 30."""
        parts = self.date.split("-")
        return set(parts) | {str(int(p)) for p in parts if p.isdigit()}


@dataclass(frozen=True)
class Fact:
    """A curated fact: how people ask for it, the answer, and the verbatim source sentence."""

    id: str
    doc_id: str
    questions: tuple[str, ...]
    answer: str
    source: str
    tags: tuple[str, ...] = ()
    line: int = 1
    #: "curated" (a facts file) or "document" (made from `document:`, bot.knowledge.docfacts).
    origin: str = "curated"

    @property
    def unsaid(self) -> str | None:
        """The curator's note of what the article does not say, ending the answer in full-width
        brackets: 「……与宁夏高校的校企合作（文中未列出具体高校名称）。」 → 文中未列出具体高校名称."""
        return unsaid_note(self.answer)


_UNSAID = re.compile(r"（(文中[^（）]*)）[。.]?\s*$")


def unsaid_note(answer: str) -> str | None:
    """The note of what the article does not say that ends `answer`, if any (see `Fact.unsaid`)."""
    match = _UNSAID.search(answer)
    return match.group(1) if match else None


@dataclass
class Knowledge:
    root: Path
    documents: dict[str, Document]
    facts: list[Fact]
    aliases: Aliases
    fingerprint: str = ""

    def fact(self, fact_id: str) -> Fact | None:
        return self._by_id.get(fact_id)

    def __post_init__(self) -> None:
        self._by_id = {f.id: f for f in self.facts}

    def topics(self) -> dict[str, list[Fact]]:
        """Facts by tag, tags in order of first appearance."""
        result: dict[str, list[Fact]] = {}
        for fact in self.facts:
            for tag in fact.tags or ("其他",):
                result.setdefault(tag, []).append(fact)
        return result
