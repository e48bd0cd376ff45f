"""Plain text of a reply, for a pipe and for `faqbot ask`: answer, quoted source, citation, choices.

Kept apart from `render` (rich, the session) so that `faqbot ask` imports none of the console's
libraries: a one-shot answer should start fast.
"""

from __future__ import annotations

from bot.reply import CLARIFY_TEXT, DECLINED_TEXT, SUGGEST_TEXT, Reply


def render_text(reply: Reply) -> str:
    """Plain text for a terminal or a pipe: answer, quoted source, citation, numbered choices."""
    lines: list[str] = []
    if reply.status == "answered" and reply.answer:
        if reply.text:  # a correction of the question's premise, before the answer
            lines.append(reply.text)
        lines.append(reply.answer)
        if reply.source:
            lines.append(f"「{reply.source.sentence}」")
            lines.append(f"—— {reply.source.citation()}")
    elif reply.status == "clarify":
        lines.append(reply.text or CLARIFY_TEXT)
    else:
        lines.append(reply.text or DECLINED_TEXT)
    if reply.paragraph:
        lines.append(reply.paragraph)
    if reply.suggestions:
        if reply.status != "clarify":
            lines.append(SUGGEST_TEXT)
        for number, suggestion in enumerate(reply.suggestions, 1):
            lines.append(f"  {number}. {suggestion.question}")
    return "\n".join(lines)
