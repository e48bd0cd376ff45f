"""The short phrases a spoken question keeps from a news sentence, for `faqbot draft`.

Chinese piles the where, the when and the how before a verb; a question typed in a chat keeps
the verb, what it acts on and who does it (「在荷塘湾村、下洲村等6个村建成高标准农田」 → 建成高标准
农田). These helpers cut a sentence into clauses, find that phrase before a figure, the thing
an earlier sentence counted, and the last noun of a phrase.
"""

from __future__ import annotations

import re

from bot.curation.clauses import FIGURE, clause_spans
from bot.text.numerals import ABOUT

_END = "。！？!?”“\"'’‘「」『』 "

#: Words that open a clause and say nothing about its subject: left out of a short question.
OPENERS = re.compile(r"^(?:其中|同时|此外|目前|另外|并且|并|还|已经|已|共|累计|全年|(?:今年|去年)(?:以来)?|预计)+")


def clauses_of(sentence: str) -> list[str]:
    """The sentence's clauses; a list of figures each with its own verb (「新签约项目40个以上、实际
    到位资金突破60亿元、规上工业产值突破380亿元」) is a clause per figure. A list of counts
    ending in what they add up to (「9个行政村、2个社区划分为86个网格」) stays one clause."""
    clauses: list[str] = []
    for a, b in clause_spans(sentence):
        clause = sentence[a:b].strip(_END)
        parts = clause.split("、")
        if len(parts) > 1 and all(len(FIGURE.findall(p)) == 1 and len(p) >= 6 for p in parts):
            clauses += parts
        elif len(clause) >= 2:
            clauses.append(clause)
    return clauses


def counted_before(context: str, measure: str) -> str:
    """The thing `context` counts with `measure` (为民办实事项目12项 → 为民办实事项目), or ""."""
    for match in re.finditer(
        rf"([\u4e00-\u9fff]{{2,8}}?)\d+(?:\.\d+)?{ABOUT}?(?:万|亿)?" + re.escape(measure), context
    ):
        return OPENERS.sub("", match.group(1).lstrip("年月日的出了有共"))
    return ""


def spoken_phrase(text: str) -> str:
    """The verb and what it acts on right before a figure, as people ask it: 「在荷塘湾村、下洲村
    等6个村建成高标准农田」 → 建成高标准农田, with the person or place doing it when it is named
    just before (吴长贵流转了). Chinese piles the where and the how before the verb; a spoken
    question keeps the verb, its object and its subject. 「机械化率由71%提高到」 keeps the thing
    that changed: 机械化率提高到."""
    import jieba.posseg

    if changed := CHANGE.fullmatch(text):
        return spoken_phrase(changed.group(1)) + changed.group(2)
    if len(text) <= 8:
        return text
    tokens = list(jieba.posseg.cut(text))
    taken: list[tuple[str, str]] = []
    while tokens:
        token = tokens.pop()
        if token.word in ("了", "过") and not taken:
            taken.insert(0, (token.word, "v"))  # 流转了: the verb's aspect, part of it
            continue
        if token.word in ("等", "的", "共", "约") and not taken:
            continue  # 转移到文化礼堂**等**3处: a particle before the figure, not the phrase's end
        if token.flag[0] in "xpucmqr" or not re.fullmatch(r"[\u4e00-\u9fff]+", token.word):
            break  # punctuation, a preposition, a particle, a number: what came before is another phrase
        length = sum(len(word) for word, _ in taken)
        if length >= 4 and length + len(token.word) > 8 and not _leans_on(taken[0], token.word, token.flag, length):
            # A long noun phrase (主要农作物耕种收综合机械化率): its head is enough, without a
            # lone character cut from the word before it (收).
            while len(taken) > 1 and len(taken[0][0]) == 1:
                taken.pop(0)
            break
        taken.insert(0, (token.word, token.flag))
        if token.flag == "v" and len(token.word) >= 2 and len(taken) >= 2:  # 耕种收…: 收 is no verb of its own
            if tokens and tokens[-1].flag in ("nr", "ns", "nt", "nz"):
                taken.insert(0, (tokens[-1].word, tokens[-1].flag))
            break
    phrase = "".join(word for word, _ in taken)
    if len(phrase) < 3 or not any(flag.startswith(("n", "vn")) for _, flag in taken):
        return text
    if text.endswith(phrase) and _COUNTED_BEFORE.search(text[: len(text) - len(phrase)]):
        return text  # 向14个村分配收益: 村分配收益 is what the count counted, cut from it
    return phrase


def _leans_on(head: tuple[str, str], word: str, flag: str, length: int) -> bool:
    """Whether `word` is the verb a two-character noun opening the phrase is named by, the two one
    compound (脱贫|人口, 留守|儿童, 低保|家庭: 人口人均纯收入 alone is everyone's income): kept, up
    to ten characters. A noun before it is a scope (全镇) or a modifier the head does without."""
    return (
        len(head[0]) == 2
        and head[1].startswith("n")
        and len(word) == 2
        and flag.startswith("v")
        and length + len(word) <= 10
    )


#: A count with its measure word, right before a phrase (14个|村, 5名|党员).
_COUNTED_BEFORE = re.compile(rf"\d+{ABOUT}?[个名户家项座条所位批只件场次处]$")

#: A clause that only sets the frame: 在全县148个行政村中.
AMONG = re.compile(
    rf"在?([\u4e00-\u9fff]{{1,6}}?)\d+{ABOUT}?(个|名|户|家|所)([\u4e00-\u9fff]{{1,8}}?)(?:当中|之中|中|里)"
)

#: 「…由71%提高到」: the thing that changed, then the change.
CHANGE = re.compile(
    r"(.{2,}?)由[\d.]+(?:%|[\u4e00-\u9fff]{0,2})?((?:提高|提升|增加|增长|降低|下降|减少|缩短|扩大|增|减|升|降)[到至])"
)


def head_noun(phrase: str) -> str:
    """The last noun of `phrase` (小（1）型水库 → 水库), or ""."""
    import jieba.posseg

    tokens = [t for t in jieba.posseg.cut(phrase) if re.fullmatch(r"[\u4e00-\u9fff]+", t.word)]
    return tokens[-1].word if tokens and tokens[-1].flag.startswith("n") and len(tokens[-1].word) >= 2 else ""


def unknown_word(word: str) -> bool:
    """Whether jieba's dictionary lacks `word` and every two-character word inside it."""
    import jieba

    jieba.initialize()
    return not any(jieba.dt.FREQ.get(word[i:j]) for i in range(len(word)) for j in range(i + 2, len(word) + 1))


def known_word(word: str) -> bool:
    """Whether jieba's dictionary has `word` itself, and not as a rarity: not a run its HMM made
    up (中从县 of 其中从县医院) nor a cut it keeps only for odd prose (局局长 of 交通运输局局长)."""
    import jieba

    jieba.initialize()
    return jieba.dt.FREQ.get(word, 0) >= 10


def plain(text: str) -> str:
    """Quotation marks and book-title marks dropped: people do not type them."""
    return re.sub(r"[“”‘’「」『』《》\"]", "", text)
