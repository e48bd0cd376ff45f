"""`faqbot stats`: how the bot is doing, from the question log, readable in a terminal."""

from __future__ import annotations

import unicodedata
from collections import Counter

from bot.config import Settings
from bot.curation.logrows import parse_since, read_log, since_text


def _width(text: str) -> int:
    """Terminal columns: CJK characters and emoji take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    """Columns padded to the widest cell; the first column left-aligned, the others right."""
    cells = [header, *rows]
    widths = [max(_width(row[i]) for row in cells) for i in range(len(header))]
    lines = []
    for row in cells:
        parts = [
            cell + " " * (widths[i] - _width(cell)) if i == 0 else " " * (widths[i] - _width(cell)) + cell
            for i, cell in enumerate(row)
        ]
        lines.append("  " + "  ".join(parts).rstrip())
    return lines


def _share(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}%" if whole else "-"


STATUSES = ("answered", "clarify", "declined")


def stats_text(settings: Settings, since: str | None) -> str:
    """The report of `faqbot stats`: reply rates, per channel, most asked facts, feedback."""
    since = parse_since(since)
    log = read_log(settings, since)
    if isinstance(log, str):
        return log
    rows, feedback, picks = log.questions, log.feedback, log.picks
    if not rows and not feedback:
        return f"No questions logged in {settings.log_path}{since_text(since)}."
    users = len({r.user_hash for r in rows if r.user_hash})
    times = sorted(r.time for r in rows)
    span = f"{times[0][:10]} to {times[-1][:10]} (UTC)" if times else "no questions"
    head = f"Question log {settings.log_path}{since_text(since)}"
    lines = [f"{head}: {len(rows)} questions from {users} user(s), {span}.", ""]

    status = Counter(r.status for r in rows)
    lines.append("Replies")
    lines += _table(["", "count", "share"], [[s, str(status[s]), _share(status[s], len(rows))] for s in STATUSES])

    channels: dict[str, Counter[str]] = {}
    for r in rows:
        channels.setdefault(r.channel, Counter())[r.status] += 1
    lines += ["", "Per channel"]
    lines += _table(
        ["", "questions", *STATUSES],
        [
            [name, str(c.total()), *(_share(c[s], c.total()) for s in STATUSES)]
            for name, c in sorted(channels.items(), key=lambda item: -item[1].total())
        ],
    )

    asked = Counter(r.fact_id for r in rows if r.status == "answered" and r.fact_id)
    if asked:
        lines += ["", "Most asked facts"]
        lines += _table(["", "answered"], [[fact_id, str(n)] for fact_id, n in asked.most_common(10)])

    votes: dict[str, Counter[int]] = {}
    for f in feedback:
        votes.setdefault(f.fact_id or "(no fact)", Counter())[f.value] += 1
    if votes:
        lines += ["", "Feedback per fact, most 👎 first"]
        ranked = sorted(votes.items(), key=lambda item: (-item[1][-1], -item[1][1], item[0]))
        lines += _table(["", "👍", "👎"], [[fact_id, str(c[1]), str(c[-1])] for fact_id, c in ranked])
    lines += ["", f"Suggestions picked: {len(picks)}. Unanswered questions: faqbot unanswered"]
    return "\n".join(lines)
