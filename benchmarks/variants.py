"""Imaginary towns: what changes when a bundled article is rewritten for another place.

A `Variant` is one imaginary copy of the bundled world. Each bundled place gets a new city and
town name (嘉兴 → 枫棠, 大桥 → 柳汀, so 嘉兴科技城(大桥镇) → 枫棠科技城(柳汀镇)), each person a
new name of the same length, and each article its own number mapping (`benchmarks.numbers`).
`Variant.rewrite` applies all three in one pass, so a replacement is never replaced again, and
it applies them identically to an article, its sources, answers and questions and to the dev
set — which keeps every `faqbot check` rule true and every expected string findable.

Variant 0 is the bundled world itself, unchanged.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field

import opencc

from benchmarks.numbers import replace_numbers, replace_numerals

#: The distinctive parts of each bundled place's aliases (knowledge/aliases.yaml). Every alias
#: that contains one is rewritten per town; aliases made only of generic words (科技城, 开发区,
#: 经开区) cannot tell a thousand towns apart and stay with the bundled place only.
PLACE_PARTS: dict[str, tuple[str, ...]] = {
    "嘉兴科技城": ("嘉兴", "大桥"),
    "吴江开发区": ("吴江", "同里"),
}

#: The people named in the bundled articles (authors, officials, residents, entrepreneurs).
#: National figures (习近平) and the singer 张杰 are public names and stay.
PEOPLE: tuple[str, ...] = (
    "俞艳婷",
    "项洁",
    "孔莉宏",
    "项佳妮",
    "王某",
    "封小平",
    "赵青",
    "方磊",
    "卫华",
    "凌雪华",
    "尤志翔",
    "梁一波",
    "盛红明",
    "王健民",
    "李磊",
)

#: Characters that make plausible, rare town names and occur in no bundled place name.
_TOWN_CHARS = (
    "枫桐梅柳松柏桦杉棠榆荷莲芷蓉岚峰岭峪溪涧泉潭湾浦渚洲塘港陂坞墩埠堰圩屯寨堡营坪坝冈皋汀"
    "沚澄淇滢漪沅湘沂泾渭汾洮澧溧滁颍涪邕琅琊瑶璜珩瑾璞瑛翠黛青碧丹彤霞虹霓晴旭昕晖曦朗"
)
_SURNAMES = (
    "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦许何吕施张曹严华金魏陶姜谢邹喻柏窦章苏潘葛范彭鲁韦马苗凤方俞任袁"
    "柳鲍史唐费薛雷贺倪汤殷罗毕郝安常乐于傅齐康伍余顾孟黄穆萧尹姚邵汪祁毛狄米贝明臧计伏成戴谈宋庞熊纪舒屈"
    "项祝董梁杜阮蓝闵席季"
)
_GIVEN = (
    "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红娥玲兰凤洁梅琳素云莲真环雪荣爱妹香月莺媛瑞凡佳"
    "嘉琼勤珍贞莉桂娣叶璧璐娅琦晶妍茜秋珊莎锦黛青倩婷姣婉娴瑾颖露瑶怡婵雁蓓纨仪荷丹蓉眉君琴蕊薇菁梦岚苑婕"
    "馨瑗琰韵融园艺咏卿聪澜纯毓悦昭冰爽琬茗羽希宁欣飘育滢馥筠柔竹霭凝晓欢霄枫芸菲寒伊亚宜可姬舒影荔枝思丽"
)

# Given names use no town character, so no person's name can contain a town's name.
_GIVEN = "".join(ch for ch in dict.fromkeys(_GIVEN) if ch not in _TOWN_CHARS)

# Users type traditional characters too (大橋鎮, 吳江開發區): those spellings are renamed as well,
# into the traditional spelling of the new name.
_S2T = opencc.OpenCC("s2t")


def traditional(text: str) -> str:
    return _S2T.convert(text)


#: Every spelling of a bundled name part, simplified and traditional.
PART_FORMS: tuple[str, ...] = tuple(
    dict.fromkeys(form for parts in PLACE_PARTS.values() for part in parts for form in (part, traditional(part)))
)


def mentions(text: str) -> bool:
    """Does `text` contain a bundled place's name part (嘉兴, 大橋 …), so that a town renames it?"""
    return any(form in text for form in PART_FORMS)


@dataclass
class Variant:
    """One imaginary copy of the bundled world; number 0 is the bundled world itself."""

    number: int
    parts: dict[str, str] = field(default_factory=dict)  # 嘉兴 → 枫棠 …
    people: dict[str, str] = field(default_factory=dict)  # 盛红明 → 韩雪芷 …
    numbers: dict[str, dict[str, str]] = field(default_factory=dict)  # doc id → number mapping
    _pattern: re.Pattern[str] | None = field(default=None, repr=False)

    @property
    def suffix(self) -> str:
        return "" if self.number == 0 else f"-t{self.number:04d}"

    def place(self, canonical: str) -> str:
        """The generated name of a bundled canonical place (嘉兴科技城 → 枫棠科技城)."""
        return self.rewrite_names(canonical)

    def rewrite_names(self, text: str) -> str:
        """`text` with place parts and people renamed; numbers untouched."""
        if self.number == 0 or self._compiled() is None:
            return text
        return self._compiled().sub(self._rename, text)  # type: ignore[union-attr]

    def rewrite(self, text: str, doc_id: str, numerals: bool = False) -> str:
        """`text` of the article `doc_id` as this town tells it: names, people, numbers.

        With `numerals`, Chinese quantity numerals (一百九十四堂) are varied too — for questions,
        which people type that way; articles and answers write digits.
        """
        if self.number == 0:
            return text
        mapping = self.numbers.get(doc_id, {})
        text = replace_numbers(self.rewrite_names(text), mapping)
        return replace_numerals(text, mapping) if numerals else text

    def _compiled(self) -> re.Pattern[str] | None:
        if self._pattern is None:
            forms = sorted([*self.parts, *self.people], key=len, reverse=True)
            if not forms:
                return None
            # A name may be typeset with spaces (作者: 项 洁); match and keep them.
            self._pattern = re.compile("|".join(r"\s*".join(map(re.escape, f)) for f in forms))
        return self._pattern

    def _rename(self, match: re.Match[str]) -> str:
        found = match.group()
        key = "".join(found.split())
        new = iter(self.parts.get(key) or self.people[key])
        return "".join(ch if ch.isspace() else next(new) for ch in found)


def _with_traditional(names: dict[str, str]) -> dict[str, str]:
    """`names` plus the traditional spelling of each, renamed into traditional spelling."""
    result = dict(names)
    for old, new in names.items():
        result.setdefault(traditional(old), traditional(new))
    return result


class Namer:
    """Hands out distinct town and person names, reproducibly from one seed."""

    def __init__(self, seed: int, forbidden: str = "") -> None:
        self._rng = random.Random(seed)
        # A town name that occurs in the bundled texts (青云 in 青云加速器) would turn those
        # words into the town's alias; every name must be new to the corpus.
        self._forbidden = forbidden
        self._towns: set[str] = set()
        self._people: set[str] = set()  # every person name handed out, to keep towns apart
        self._pairs = [a + b for a in _TOWN_CHARS for b in _TOWN_CHARS if a != b]
        self._rng.shuffle(self._pairs)

    def town(self) -> str:
        """A fresh two-character name (falls back to three characters when pairs run out)."""
        while self._pairs:
            name = self._pairs.pop()
            if self._new_town(name):
                return name
        while True:
            name = "".join(self._rng.sample(_TOWN_CHARS, 3))
            if self._new_town(name):
                return name

    def _new_town(self, name: str) -> bool:
        if name in self._towns or name in self._people or name in self._forbidden:
            return False
        self._towns.add(name)
        return True

    def person(self, length: int, taken: set[str]) -> str:
        """A name of `length` characters (surname + given) not in `taken` within this variant."""
        while True:
            name = self._rng.choice(_SURNAMES) + "".join(self._rng.choices(_GIVEN, k=length - 1))
            if name not in taken and name not in self._towns and name not in self._forbidden:
                self._people.add(name)
                return name


def make_variant(number: int, namer: Namer) -> Variant:
    """Variant `number` with fresh place and people names (numbers are added per article)."""
    if number == 0:
        return Variant(0)
    parts = {part: namer.town() for parts in PLACE_PARTS.values() for part in parts}
    taken: set[str] = set()
    people: dict[str, str] = {}
    for person in PEOPLE:
        people[person] = namer.person(len(person), taken)
        taken.add(people[person])
    return Variant(number, parts=_with_traditional(parts), people=_with_traditional(people))
