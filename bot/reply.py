"""What the engine says back: the types every layer shares (rendering is each front end's own).

A `Reply` is the one result type of `Engine.answer`; the console, Telegram and `faqbot ask`
only render it. Its JSON form is the public contract of `faqbot ask --json` (see docs/contracts.md).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Status = Literal["answered", "clarify", "declined"]


@dataclass(frozen=True)
class Source:
    """The article a reply rests on, and the verbatim sentence quoted from it."""

    doc: str
    title: str
    outlet: str
    date: str
    sentence: str

    def to_json(self) -> dict[str, str]:
        return {
            "doc": self.doc,
            "title": self.title,
            "outlet": self.outlet,
            "date": self.date,
            "sentence": self.sentence,
        }

    def citation(self) -> str:
        """《title》· outlet · date, as printed under every answer."""
        return f"《{self.title}》· {self.outlet} · {self.date}"


@dataclass(frozen=True)
class Suggestion:
    """A fact offered as 「您是不是想问」 when the engine is not sure."""

    fact_id: str
    question: str
    answer: str
    #: The article's place, when the wording does not name it (shown beside the choice).
    place: str | None = field(default=None, compare=False)

    def to_json(self) -> dict[str, str]:
        return {"fact_id": self.fact_id, "question": self.question, "answer": self.answer}


@dataclass(frozen=True)
class Reply:
    """The engine's verdict on one question.

    `question` is what the user typed; `resolved` is the question as the engine understood it
    after conversation context (「那吴江开发区呢？」 → the previous question about 吴江开发区).
    `text` carries a message of the engine's own when there is no fact to show (a greeting-free
    explanation of a decline, the paragraph asked for by 「出处呢？」) — or, beside an answer, a
    correction of the question's premise (「文中说的是杨海鸥，不是林卫东。」).
    """

    question: str
    status: Status
    answer: str | None = None
    fact_id: str | None = None
    score: float = 0.0
    source: Source | None = None
    suggestions: tuple[Suggestion, ...] = ()
    resolved: str = ""
    text: str | None = None
    paragraph: str | None = None
    #: Why a decline is one, for scripts: smalltalk, off_topic, place_not_covered, not_in_article.
    reason: str | None = None
    explain: tuple[dict[str, Any], ...] = field(default=(), compare=False)

    def to_json(self, *, resolved: bool = False) -> dict[str, Any]:
        """The `faqbot ask --json` object; with `resolved`, also the context-resolved question."""
        data: dict[str, Any] = {
            "question": self.question,
            "status": self.status,
            "answer": self.answer,
            "fact_id": self.fact_id,
            "score": round(self.score, 4),
            "source": self.source.to_json() if self.source else None,
            "suggestions": [s.to_json() for s in self.suggestions],
        }
        if self.reason is not None:
            # The bot's own words ride along, so a script can say what the bot would say.
            data["reason"] = self.reason
            data["message"] = self.text
        if self.status == "answered" and self.text:
            data["correction"] = self.text  # the question named the wrong person or figure
        if resolved:
            data["resolved"] = self.resolved or self.question
        return data


DECLINED_TEXT = "抱歉，这个问题我在现有的文章里找不到可靠的答案。"
CLARIFY_TEXT = "您的问题可能指下面几件事，请选一个："
SUGGEST_TEXT = "您是不是想问："
