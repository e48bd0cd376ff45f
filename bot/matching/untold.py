"""Why a fact that matches cannot answer: what its sentence leaves untold, as the bot says it.

The checks themselves read text and live in `bot.question.untold` (one place or item of a list,
each one's share, a total of a rate, the others beside the one named, last year's figure of a
comparison, a kind among the rest, a part of a whole, which members of a group) and
`bot.question.called` (a thing's name, one brought in only as one of its kind, a person's name);
this module asks them in order and words the reply (`bot.matching.outcomes`).
"""

from __future__ import annotations

import re
from collections.abc import Collection
from functools import lru_cache

from bot.matching.outcomes import (
    ITEM_OF_LIST,
    KIND_UNTOLD,
    LAST_YEAR_UNTOLD,
    LIST_UNTOLD,
    NAME_UNTOLD,
    ONE_OF_LIST,
    OTHERS_UNTOLD,
    PART_UNTOLD,
    PERSON_UNTOLD,
    RATE_ONLY,
    SORT_UNTOLD,
)
from bot.question.called import name_untold, person_untold, sort_untold, unnamed_untold
from bot.question.kinds import Query
from bot.question.units import SHARE, units_of
from bot.question.untold import (
    count_untold,
    each_untold,
    item_of_list,
    kind_untold,
    last_year_untold,
    list_untold,
    one_of_list,
    others_untold,
    part_of_whole,
    total_untold,
)
from bot.text.normalize import normal_form, normalize

_DIGIT = re.compile(r"\d")


@lru_cache(maxsize=4096)
def _chunks(sentence: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """A source sentence cut at its full stops and semicolons: each piece as written, and its
    clauses normalised."""
    return tuple((told, tuple(normalize(told).split())) for told in re.split(r"[。；;！!？?]", sentence))


def untold_reason(question: str, query: Query, sentence: str, people: Collection[str] = ()) -> str | None:
    """Why a fact citing `sentence` cannot answer `query` though it matches, as the reply says it;
    None when nothing asked is left untold. `question` is the whole message: the whole may be
    named in a clause before the part decided (「那185万元里，溢洪道清淤花了多少」); `people` are the
    knowledge's, for a person's name asked of a fact naming only the question's own people."""
    if query.asks in ("number", "money"):
        if listed := one_of_list(query.terms, sentence, query.text):
            return ONE_OF_LIST.format(place=listed[0], told=listed[1])
        if listed := item_of_list(query.terms, sentence, query.text):
            return ITEM_OF_LIST.format(item=listed[0], told=listed[1])
        if total := each_untold(query.text, sentence):  # 「每人分别被拖欠了多少」 of a 共计
            return PART_UNTOLD.format(whole=total)
    # 「一共多少钱」 of 每件50元, 「总共收了多少斤」 of 每亩多收了20来斤, 「一共有多少名护士」 of
    # 每个团队由…1名护士…组成: only a rate is told.
    units = ("元",) if query.asks == "money" else tuple(u for u in units_of(query) if u not in SHARE)
    if rate := total_untold(query.text, sentence, units) or count_untold(query, sentence):
        return RATE_ONLY.format(rate=rate)
    # 「除了郗小雨，其他几个徒弟都叫什么」: the one named may be in the clause before the part decided.
    if named := others_untold(query.text, sentence) or others_untold(normal_form(question), sentence):
        return OTHERS_UNTOLD.format(named=named)
    if (thing := unnamed_untold(query.words, sentence)) or (
        query.asks not in ("named", "person", "organisation") and (thing := name_untold(query.words, sentence))
    ):  # 「那家企业叫什么名字」 of 「与一家外省家居企业签订…」, 「公众号叫什么名字」 of 「在镇微信公众号…推送」
        return NAME_UNTOLD.format(thing=thing)
    if thing := sort_untold(query.words, sentence):  # 「讲的是哪种骗局」 of 「把常见骗局拍成短视频」
        return SORT_UNTOLD.format(thing=thing)
    if query.asks in (None, "named", "person") and (who := person_untold(query.words, query.text, sentence, people)):
        return PERSON_UNTOLD.format(who=who)  # the people the fact names are the question's own
    if last_year_untold(query, sentence):  # 「去年同期的管理率是多少」 of 「比去年同期提高8个百分点」
        return LAST_YEAR_UNTOLD
    if kind := kind_untold(query, sentence):  # 「合同纠纷有多少件」 of 「…其余为合同、损害赔偿等纠纷」
        return KIND_UNTOLD.format(kind=kind)
    asked = [text for text in dict.fromkeys((query.text, normal_form(question))) if _DIGIT.search(text)]
    if not asked:  # no figure named: no whole and no counted group asked about
        return None
    for told, clauses in _chunks(sentence):
        if whole := next(filter(None, (part_of_whole(text, list(clauses)) for text in asked)), None):
            return PART_UNTOLD.format(whole=whole)
        if count := next(filter(None, (list_untold(text, told) for text in asked)), None):
            return LIST_UNTOLD.format(count=count)
    return None
