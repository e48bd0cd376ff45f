"""Question wordings made from a sentence, for `faqbot draft`.

A wording asks for what the sentence tells, in the sentence's own words: a number becomes
多少/几 (「划分为86个网格」 → 「划分为多少个网格」), a leading date 什么时候, a person named after
a role 「…书记是谁」 and 「林卫东是什么职务」, the rest 「…做了什么」 and a bare keyword query such
as people type into a search box. Wordings scoped by the article's place name it, as the engine
scopes a question by the place it names. Keywords are ranked by jieba's TF-IDF (its IDF table
is the library's data, not ours), names found by its part-of-speech tags.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from bot.knowledge.model import Document
from bot.question.kinds import SURNAMES

#: A number as news prose writes it, with what it counts: 86个, 1.82万吨, 97.6%, 2.3万余户次.
_COUNT = re.compile(r"\d+(?:\.\d+)?(?:余|多)?(?:万|亿)?(?:余|多)?([个名件项户人座家场次条所批位台套元吨亩米公里%]*)")
#: A date that is a whole clause: 3月15日, 2021年以来, 4月至5月 (not 今年以来: it names no date).
_LEADING_DATE = re.compile(r"(?:\d{4}年)?\d{1,2}月(?:\d{1,2}日)?(?:至\d{1,2}月)?(?:以来|初|底)?|\d{4}年(?:以来|初|底)")
#: Role words that end a title before a name (党委书记林卫东, 项目经理罗志刚): the common job
#: titles of Chinese news prose.
_ROLE = re.compile(
    r"([\u4e00-\u9fff]{0,8}?(?:书记|镇长|乡长|县长|市长|区长|主任|经理|局长|站长|所长|院长|校长|董事长|负责人|"
    r"社长|队长|组长|委员|部长|处长|科长|村长|主席|专员|大户|网格员|党员|军人|村民|居民))([\u4e00-\u9fff]{2,3})"
)
_CLAUSE = re.compile(r"[，；：,;:]")
_END = "。！？!?”“\"'’‘「」『』"


def _clauses(sentence: str) -> list[str]:
    return [c.strip(_END + " ") for c in _CLAUSE.split(sentence) if len(c.strip(_END + " ")) >= 2]


class Wordings:
    """Makes the wordings of each fact of one article; no wording is given to two facts."""

    def __init__(self, doc: Document) -> None:
        self.place = doc.place or ""
        self.used: set[str] = set()

    def _scoped(self, text: str) -> str:
        short = self.place.rstrip("镇乡县市区村")
        if not self.place or self.place in text or (len(short) >= 2 and short in text):
            return text
        return self.place + text

    def of(self, sentence: str, least: int = 3, most: int = 6) -> list[str]:
        """3 to 6 wordings for the fact citing `sentence`, none used by an earlier fact."""
        clauses = _clauses(sentence)
        candidates: list[str] = []
        candidates += self._numbers(clauses)
        candidates += self._dates(clauses)
        candidates += self._people(sentence)
        keywords = self._keywords(sentence)
        if keywords:
            candidates.append(self._scoped(f"{''.join(keywords[:2])}是怎么回事"))
            candidates.append(self._scoped(f"在{keywords[0]}方面做了什么"))
            candidates.append(" ".join([self.place, *keywords[:3]]).strip())
        if clauses:
            candidates.append(self._scoped(f"{clauses[0]}的情况"))
            candidates.append(self._scoped("，".join(clauses[:2])))
        candidates.append(self._scoped(sentence.strip(_END)))
        result: list[str] = []
        for text in candidates:
            key = re.sub(r"[\s，。？！?!,.、]+", "", text)
            if len(key) < 3 or key in self.used:
                continue
            self.used.add(key)
            result.append(text if text.endswith(("？", "?")) or " " in text else text + "？")
            if len(result) >= most:
                break
        n = 0
        while len(result) < least:  # every fact needs three distinct wordings, however short its sentence
            n += 1
            extra = f"{self._scoped(sentence.strip(_END))}（{n}）"
            self.used.add(extra)
            result.append(extra)
        return result

    def _numbers(self, clauses: list[str]) -> list[str]:
        """Each of the first numbers asked for in turn, the rest of its clause kept as context;
        a clause's last number first (「9个行政村、2个社区划分为86个网格」 tells 86)."""
        found: list[str] = []
        for clause in clauses:
            for match in reversed(list(_COUNT.finditer(clause))):
                if re.match(r"\d+(月|日|年|时|点|:)", clause[match.start() :]):
                    continue  # a date or a time, not a count
                asked = "多少" + ("" if match.group(1) == "%" else match.group(1))
                found.append(self._scoped(clause[: match.start()] + asked + clause[match.end() :]))
                if len(found) == 2:
                    return found
        return found

    def _dates(self, clauses: list[str]) -> list[str]:
        """「3月15日，全镇组织党员志愿者…」 → 「…什么时候组织党员志愿者…」."""
        if len(clauses) >= 2 and _LEADING_DATE.fullmatch(clauses[0]):
            return [self._scoped(f"什么时候{clauses[1]}")]
        return []

    def _people(self, sentence: str) -> list[str]:
        found: list[str] = []
        for role, name in _ROLE.findall(sentence):
            if name[0] not in SURNAMES:
                continue
            found.append(self._scoped(f"{role}是谁"))
            found.append(f"{name}是什么职务")
            break
        return found

    def _keywords(self, sentence: str) -> list[str]:
        import jieba.analyse

        words = jieba.analyse.extract_tags(sentence, topK=6)
        return [w for w in words if not re.fullmatch(r"[\d.]+", w) and w not in self.place][:4]


def names_in(sentences: Iterable[str]) -> list[tuple[str, str]]:
    """People named after a role (党委书记林卫东), and the places and organisations jieba tags
    (long enough to be names, not the fragments its tagger also marks), in order of appearance."""
    import jieba.posseg

    found: dict[str, str] = {}
    for sentence in sentences:
        for role, name in _ROLE.findall(sentence):
            if name[0] in SURNAMES:
                found.setdefault(name, f"person, {role}")
        for pair in jieba.posseg.cut(sentence):
            if (pair.flag == "ns" and len(pair.word) >= 3) or (pair.flag == "nt" and len(pair.word) >= 4):
                found.setdefault(pair.word, "place" if pair.flag == "ns" else "organisation")
    return list(found.items())
