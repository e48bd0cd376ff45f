"""Replies that depend only on earlier turns: a picked number, 「出处呢？」, 「还有呢？」.

What counts as such a control input is bot.question.controls' call alone; this module says
what each one does with the conversation.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.matching.conversation import Conversation
from bot.matching.outcomes import CHOOSE_FIRST, NO_CHOICE, NO_CHOICES, NO_MORE, NO_SOURCE
from bot.question.controls import control_of
from bot.reply import Reply

if TYPE_CHECKING:
    from bot.matching.engine import Engine


def follow_up(engine: Engine, question: str, conversation: Conversation) -> Reply | None:
    """Replies that depend only on earlier turns: a picked number, 出处呢, 还有呢."""
    control = control_of(question)
    last = conversation.last
    if control is None:
        return None
    if control.kind == "choice":
        # A bare small number picks a choice; with no choice on offer it is not a question.
        choices = last.suggestions if last is not None else ()
        if 1 <= control.number <= len(choices):
            return engine.answer_fact(choices[control.number - 1].fact_id, question, conversation)
        message = NO_CHOICE.format(count=len(choices)) if choices else NO_CHOICES
        return Reply(question=question, status="declined", text=message, resolved=question)
    if control.kind == "source":
        if count := conversation.open_choices:
            # A choice is open: an older answer's source would be about something else.
            return Reply(question=question, status="declined", text=CHOOSE_FIRST.format(count=count), resolved=question)
        # The last answer that quoted a source, even with a decline or small talk since.
        answered = conversation.answered
        if answered is None or answered.source is None:
            return Reply(question=question, status="declined", text=NO_SOURCE, resolved=question)
        return Reply(
            question=question,
            status="answered",
            answer=answered.answer,
            fact_id=answered.fact_id,
            score=answered.score,
            source=answered.source,
            resolved=answered.resolved,
            paragraph=engine.paragraph(answered),
        )
    if last is None:
        return None
    while conversation.remaining:
        fact = engine.knowledge.fact(conversation.remaining.pop(0))
        if fact is not None and fact.id not in conversation.shown:
            conversation.shown.append(fact.id)
            reply = engine.replies.fact(question, fact, last.score, conversation.last_question)
            conversation.last = conversation.answered = reply
            return reply
    return Reply(question=question, status="declined", text=NO_MORE, resolved=question)
