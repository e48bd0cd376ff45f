"""Spelling: words of a question mistyped by one character, put right against the knowledge.

Kept apart from search (as bm25s and whoosh keep their spelling correction apart): `Spelling` is
mixed into `Index`, whose vocabulary, word frequencies and one-character-away table
(`near`) it reads. Characters typed by sound are mended before segmenting (`bot.index.mend`);
what jieba's words still show — 教肓, 觉员, a word cut in two — is corrected here.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from bot.index.mend import same_body, same_shape, same_sound
from bot.question.focus import MEASURES
from bot.text.lexicon import STOPWORDS
from bot.text.normalize import AliasTable, is_han
from bot.text.numerals import NUMBER_CHARS
from bot.text.sound import exact_readings, sounds_alike, syllables

if TYPE_CHECKING:
    from bot.index.entries import EntryTable

#: A typo of two characters is fixed to the likeliest word only if the knowledge uses it this
#: many times more often than the next candidate.
DOMINANT = 3
#: …and uses it at least this many times.
TYPO_SUPPORT = 5
#: Single characters that ask (几中全会): never the first half of a typo of two characters.
_ASKING_CHARS = frozenset("几哪啥谁")


class Spelling:
    """Typo correction for `Index` (which provides the attributes declared here)."""

    if TYPE_CHECKING:
        vocabulary: frozenset[str]
        general: dict[str, int]
        frequency: dict[str, int]
        near: Mapping[str, frozenset[str]]
        places: dict[str, list[str]]
        people: frozenset[str]
        _twins: dict[str, str] | None
        _name_sounds: dict[str, set[str]] | None
        memo: dict[str, dict]
        entries: EntryTable

        aliases: AliasTable

        def _curated_names(self) -> frozenset[str]: ...

    def correct(self, words: list[str]) -> list[str]:
        """Fix words mistyped by one character (教肓 → 教育, 觉员 → 党员) against the knowledge.

        Only a word that is neither in the knowledge nor in the general dictionary is changed —
        年纪 or 股票 are real words about something else and stay — and it becomes the most
        frequent knowledge word it is one character away from. Two single characters that jieba
        left apart (a typo breaks a word) are tried as one word.
        """
        words = _split_measures(words, self._unknown)
        out: list[str] = []
        i = 0
        while i < len(words):
            word = words[i]
            pair = word + words[i + 1] if i + 1 < len(words) else ""
            if (  # 彭立新说明年…: after a person, 说 is what they said, not 说明 (explain)
                i
                and word in _SPEECH_GLUED
                and words[i - 1] in self.people
                and i + 1 < len(words)
                and word[1] + words[i + 1] in self.general
            ):
                out.extend((word[0], word[1] + words[i + 1]))
                i += 2
                continue
            if i and words[i - 1].replace(".", "").isdigit() and word[0] in "多余来几":
                out.extend((word[0], word[1:]) if len(word) > 1 else (word,))  # 2800多户: no typo of 多少
                i += 1
                continue
            if (
                len(word) == 2
                and word[0] in STOPWORDS
                and word[1] in self.general
                and not any(sounds_alike(c, word) for c in self.neighbours(word))
            ):
                out.append(word)  # 再建: an adverb and a verb jieba kept together, no typo of 党建 (几坳 is 麂坳)
                i += 1
                continue
            if self._unknown(word) and 3 <= len(word) <= 4 and (fixed := self.name_by_sound(word)):
                out.append(fixed)  # 俞胜桥 for the article's 俞晟峤: a name typed by sound throughout
                i += 1
                continue
            if self._unknown(word) and len(word) >= 2 and (fixed := self._closest(word)):
                out.append(fixed)
                i += 1
                continue
            if word in self.known_places and word not in self.vocabulary and (fixed := self.sound_twin(word)):
                # 青冈 for the article's 青岗: a place somewhere in China that sounds exactly like
                # a word of the knowledge is that word typed by sound, not a place it lacks — and
                # with the 村 jieba cut off, the village (青岗村) when the knowledge names it.
                whole = fixed + pair[len(word) :]
                joined = len(pair) > len(word) and whole in self.vocabulary
                out.append(whole if joined else fixed)
                i += 2 if joined else 1
                continue
            if len(word) == 1 and _counting(words, i) and (fixed := self._counted_slip(word)):
                out.append(fixed)  # 多少个材 → 村, 住几搂 → 楼: what is counted, slipped by shape or sound
                i += 1
                continue
            if self._unknown(word) and len(word) >= 3 and (split := self._unglue(word)):
                out.extend(split)
                i += 1
                continue
            # Two single characters jieba left apart, as one word: a typo (问颗 → 问题) or a word
            # typed by sound (作出了不属 → 部署). Not a measure word after a count: 多少/名/党圆.
            apart = (
                len(word) == 1
                and len(pair) == 2
                and word not in STOPWORDS
                and word not in _ASKING_CHARS  # 几中全会 asks which plenary; it is no typo of 集中
                and words[i + 1] not in STOPWORDS
                and not (
                    (word in MEASURES or word in UNITS) and i and (words[i - 1] in STOPWORDS or words[i - 1].isdigit())
                )
            )
            if apart and (  # the word with exactly that sound first: a closer match than a typo
                (pair not in self.vocabulary and (fixed := self.sound_twin(pair)))
                or (self._unknown(pair) and (fixed := self._closest(pair)))
            ):
                out.append(fixed)
                i += 2
                continue
            if (  # 俞/胜桥 for the article's 俞晟峤: a name typed by sound, two characters of it slipped
                len(word) == 1
                and 3 <= len(pair) <= 4
                and word not in STOPWORDS
                and word not in _ASKING_CHARS
                and pair not in self.vocabulary
                and (fixed := self.name_by_sound(pair))
            ):
                out.append(fixed)
                i += 2
                continue
            if (  # 党组只: a real word, and the last character of a longer one typed by sound
                len(word) >= 2
                and i + 1 < len(words)
                and len(words[i + 1]) == 1
                and words[i + 1] not in STOPWORDS
                and self._unknown(pair)
                and (fixed := self._closest(pair))
                and fixed.startswith(word)
                and sounds_alike(fixed, pair)
            ):
                out.append(fixed)
                i += 2
                continue
            out.append(word)
            i += 1
        return out

    def _known_run(self, run: str) -> bool:
        return run in self.vocabulary or run in self.general

    def _common_pair(self, pair: str) -> bool:
        return pair in self.general

    def _unglue(self, word: str) -> list[str] | None:
        """A typo jieba's HMM glued to a neighbouring character (多少名觉员 → 名觉员): 名 + 党员."""
        for head, tail in ((word[:1], word[1:]), (word[:-1], word[-1:])):
            rest, single = (tail, head) if len(head) == 1 else (head, tail)
            # Fixed when one word fits; otherwise kept for scoring's typo match if any word is near.
            fixed = (self._closest(rest) or (rest if self.neighbours(rest) else None)) if self._unknown(rest) else None
            if fixed:
                return [single, fixed] if single == head else [fixed, single]
        return None

    def name_by_sound(self, run: str) -> str | None:
        """The one name of the knowledge — a person, a place, a curated name — that sounds like
        `run` on a pinyin keyboard, every reading of a polyphone counted (峤: jiao, qiao), if only
        one does: 俞胜桥 → 俞晟峤, 谢美镇 → 澥湄镇 (a rare place name is typed by sound whole)."""
        if self._name_sounds is None:
            by_sound: dict[str, set[str]] = defaultdict(set)
            # A place or a curated name in any of its forms (大桥镇), read as its canonical name.
            named = set(self.places) | self._curated_names()
            forms = {form: name for form, name in self.aliases.canonical.items() if name in named}
            for form, name in {**{p: p for p in self.people | named}, **forms}.items():
                if 3 <= len(form) <= 4 and is_han(form):
                    for key in itertools.product(*(exact_readings(ch) for ch in form)):
                        by_sound[" ".join(key)].add(name)
            self._name_sounds = by_sound
        found: set[str] = set()
        for key in itertools.product(*(exact_readings(ch) for ch in run)):
            found |= self._name_sounds.get(" ".join(key), set())
        return found.pop() if len(found) == 1 else None

    def sound_twin(self, word: str) -> str | None:
        """The one knowledge word that sounds exactly like `word` (不属 → 部署), if only one does.

        A pinyin keyboard offers every character of a syllable; picking the wrong one gives a
        real but unrelated word, which jieba then splits apart.
        """
        if self._twins is None:
            by_sound: dict[str, set[str]] = defaultdict(set)
            for known in self.vocabulary:
                if len(known) >= 2 and is_han(known):
                    by_sound[" ".join(syllables(known))].add(known)
            self._twins = {sound: next(iter(ws)) for sound, ws in by_sound.items() if len(ws) == 1}
        return self._twins.get(" ".join(syllables(word)))

    def _unknown(self, word: str) -> bool:
        return (
            word not in self.vocabulary
            and word not in self.general
            and word not in self.places
            and word not in STOPWORDS  # chat the knowledge never writes (来着) is no typo
            and is_han(word)
        )

    def _closest(self, word: str) -> str | None:
        # Never a way of asking or speaking (多大, 多少): 最多能 is 最多 + 能, no slip of 多大.
        candidates = frozenset(c for c in self.neighbours(word) if c not in STOPWORDS)
        alike = sorted(c for c in candidates if sounds_alike(c, word))
        if alike:  # a pinyin slip: the word that sounds the same
            return max(alike, key=lambda w: self.frequency.get(w, 0))
        # Not by sound, a function word typed is meant (那支 is "that one", no slip of the article's
        # 三支): only a same-sound slip replaces one.
        candidates = frozenset(c for c in candidates if _slip(word, c)[0] not in STOPWORDS)
        shaped = [c for c in candidates if same_body(*_slip(word, c))]
        if len(shaped) == 1:  # 主特: 主持 (特/持 share 寺), not the commoner 主题 — a hand's or an eye's slip
            return shaped[0]
        if len(word) == 2 and candidates:
            # 谈会: 社会 (15 uses)? 大会 (10)? One character of two is too little to guess from,
            # unless one candidate is what the knowledge says far more often (觉员: 党员 66, 动员 14)
            # and often at all: 斯达 is a name, not a slip for 表达, which the knowledge uses once.
            counts = sorted(((self.frequency.get(c, 0), c) for c in candidates), reverse=True)
            rival = counts[1][0] if len(counts) > 1 else 0
            return counts[0][1] if counts[0][0] >= max(DOMINANT * rival, TYPO_SUPPORT) else None
        return max(sorted(candidates), key=lambda w: self.frequency.get(w, 0)) if candidates else None

    def _counted_slip(self, char: str) -> str | None:
        """The character the knowledge counts (14个村, 5楼) that `char`, which the knowledge never
        writes as a word, was typed for: the one of the same sound, else of the same shape when
        the knowledge counts it `DOMINANT` times as often as any other; None when unsure."""
        if char in self.vocabulary or char in STOPWORDS or char in MEASURES or not is_han(char):
            return None
        counted = self.memo.get("counted")
        if counted is None:  # how often each character is written right after a count, once an index
            found = Counter(m.group(1) for s in self.entries.sentences for m in _AFTER_COUNT.finditer(s))
            counted = self.memo["counted"] = {
                c: n for c, n in found.items() if c in self.vocabulary and c not in MEASURES and c not in STOPWORDS
            }
        alike = [c for c in counted if same_sound(char, c)]
        if alike:
            return alike[0] if len(alike) == 1 else None
        shaped = sorted((counted[c] for c in counted if same_shape(char, c)), reverse=True)
        if not shaped or (len(shaped) > 1 and shaped[0] < DOMINANT * shaped[1]):
            return None
        return next(c for c in counted if same_shape(char, c) and counted[c] == shaped[0])

    def neighbours(self, term: str) -> frozenset[str]:
        """Words of the knowledge one character away from `term` (教肓 → 教育): typo candidates."""
        if len(term) < 2 or term in self.vocabulary:
            return frozenset()
        found: set[str] = set()
        for at, key in enumerate(blanks(term)):
            # 四星庭院 is no slip of 五星庭院, nor 二期 of 一期: a numeral typed is meant.
            found |= {w for w in self.near.get(key, ()) if not (term[at] in NUMBER_CHARS and w[at] in NUMBER_CHARS)}
        return frozenset(found)


#: 说 glued by jieba to the next word's first character (说明 of 说明年, 说今 of 说今年).
_SPEECH_GLUED = frozenset("说明 说今 说去 说全 说这".split())
#: Units of measure a count is asked in (多少亩地, 几吨粮): with the next character they are no
#: mistyped word (亩地 is not 基地).
UNITS = frozenset("亩 吨 斤 米 里 元 度 升 克 平方 公顷 公斤 公里 千米 千克 万元 亿元".split())


#: A character right after a count (14个村, 5楼, 几户): what the knowledge counts.
_AFTER_COUNT = re.compile(r"[0-9几两一二三四五六七八九十][个名家座处条项所户栋层]?([\u4e00-\u9fff])")


def _counting(words: list[str], at: int) -> bool:
    """Whether the word at `at` follows a count: 几/多少/a number, and maybe a measure word."""

    def count(word: str) -> bool:
        return word in ("几", "多少") or word.replace(".", "").isdigit()

    before = words[at - 1] if at else ""
    return count(before) or (before in MEASURES and at >= 2 and count(words[at - 2]))


def _split_measures(words: list[str], unknown: Callable[[str], bool]) -> list[str]:
    """多少名党圆 → 多少/名/党圆, not 多少/名党/圆: after a count or an asking word, a measure word
    that jieba glued to a mistyped character stands alone, so the typo can be mended."""
    out: list[str] = []
    for i, word in enumerate(words):
        after_count = i and (words[i - 1] in STOPWORDS or words[i - 1].isdigit())
        if after_count and len(word) >= 2 and word[0] in MEASURES and unknown(word):
            out.extend((word[0], word[1:]))
        else:
            out.append(word)
    return out


def _slip(word: str, meant: str) -> tuple[str, str]:
    """The characters of `word` and of `meant`, one character away, where the two differ."""
    return next(((a, b) for a, b in zip(word, meant, strict=True) if a != b), ("", ""))


def blanks(word: str) -> list[str]:
    return [word[:i] + "?" + word[i + 1 :] for i in range(len(word))]
