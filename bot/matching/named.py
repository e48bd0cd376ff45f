"""Who an article names after a village or a post (甑岭村保洁员仉大满), worked out once an index:
the village and the post are kin of the person, since Chinese news names a person in full once
and then by the name alone."""

from __future__ import annotations

import re

from bot.index.search import Index
from bot.question.units import VILLAGE_ENDINGS
from bot.text.lexicon import POST_ENDINGS


def named_after(index: Index) -> dict[str, frozenset[str]]:
    """Each village, community or post → the people an article names right after it
    (甑岭村保洁员仉大满): kin of the village's name and of the post, so a fact about 仉大满's age
    answers 「甑岭村那个保洁员多大岁数」 though it never names the village nor the post — Chinese
    news names a person in full once, then by the name alone. Worked out once an index."""
    known = index.memo.get("named after")
    if known is not None:
        return known
    found: dict[str, set[str]] = {}
    for entry in index.entries:
        for person in entry.words & index.people:
            for holder in (w for w in entry.words if holds(w)):
                if re.search(re.escape(holder) + r"[^\d，。、；]{0,8}?" + re.escape(person), entry.body):
                    found.setdefault(holder, set()).add(person)
    known = index.memo["named after"] = {holder: frozenset(people) for holder, people in found.items()}
    return known


def holds(word: str) -> bool:
    """A village (甑岭村) or a post a person is named after (保洁员, 党委书记) — not 党员 or 人员,
    which a whole crowd is."""
    if len(word) >= 3 and word.endswith(VILLAGE_ENDINGS):
        return True
    return (len(word) >= 2 and word.endswith(POST_ENDINGS)) or (
        len(word) >= 3 and word.endswith("员") and not word.endswith("人员")
    )
