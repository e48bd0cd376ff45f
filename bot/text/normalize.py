"""From what a user typed to comparable text: `normalize`, then `Segmenter.words`, `pinyin`.

Every step exists because of how Chinese is typed on phones and keyboards; the same pipeline
runs over the fact base, so both sides of a comparison always look alike.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache

import opencc

from bot.text.english import translate
from bot.text.numerals import numerals_to_digits
from bot.text.romanized import Romanized
from bot.text.sound import rhymes_alike, sounds_alike, syllables

# Traditional → simplified before anything else: users in Taiwan, Hong Kong or with a
# traditional IME type 網格/幾個; jieba's dictionary and the fact base are simplified, so an
# unconverted 網 would neither segment into a known word nor share a character with 网格.
_T2S = opencc.OpenCC("t2s")

# Chat particles at the end of a clause carry tone, not content: 党员有多少呀 = 党员有多少.
# 吗 stays: it makes a yes/no question (「人数是4302吗」), which the engine reads differently.
# 来着 asks again for what one half remembers (一共有多少来着): tone too.
_PARTICLES = re.compile(r"(?:来着|[啊呢嘛吧呀哦噢喔啦哈呗咯哇嘞捏咩])+(?=\s|$)")
# A spoken yes/no question ends on 不 where a written one has 吗: 有奖励不？ = 有奖励吗？
_ASKING_NOT = re.compile(r"(?<=[\u4e00-\u9fff])不(?=\s*\?)")
# Spoken dates say 号 where articles write 日: 3月4号 = 3月4日.
# The look-behind starts a match only at the first digit of a run: without it a long run of
# digits and no 号 is tried from every digit, quadratic in its length (64,000 digits: minutes).
_SPOKEN_DAY = re.compile(r"(?<!\d)(\d+)号")
#: An average per day, head or household said in full (平均每天, 每户平均, 一天平均): the compact
#: word the reports write (日均, 户均). Both a question and the knowledge are read this way, so
#: 「水厂一天平均能供多少水」 meets 「日均供水5200吨」 and 「日均收发」 meets 「平均每天收发」.
_PER = {"天": "日", "日": "日", "户": "户", "家": "户", "人": "人", "亩": "亩", "月": "月", "年": "年"}
_AVERAGE_PER = re.compile(r"平均(?:每|(?<![\d.])1)([天日户家人亩月年])|(?:每|(?<![\d.])1)([天日户家人亩月年])平均")
# Characters that carry nothing: controls, zero-width and direction marks, unpaired surrogates.
_INVISIBLE = {"Cc", "Cf", "Cs", "Co", "Cn"}
# Thousands written with separators (1,900余名; a Chinese IME's ， is the same after NFKC) are
# one number: 1900, not 1 and 900.
_THOUSANDS = re.compile(r"(?<![\d.,])(\d{1,3})((?:,\d{3})+)(?![\d,])")


#: A place's ending that, with 长 after it, is a post: 镇长, 乡长, 县长, 市长, 区长, 村长.
_POST_OPENING = frozenset("镇乡县市区村")


class AliasTable:
    """Replace every surface form of a name with its canonical form, longest match first.

    科技城, 大桥镇 and 浙江嘉兴科技城 are one place; after this step the index, the scoping and
    the fuzzy signals see one spelling only. Names of three or more characters are also found
    with one wrong character (嘉兴科枝城, 大挢镇) or typed by sound (吴江开发去): a misspelt
    place name must still scope the question to its article.
    """

    def __init__(self, canonical: dict[str, str]) -> None:
        # A canonical name is one word: 远舟储能科技（栎川）有限公司 would fall apart at its
        # brackets into 远舟/储能/科技/栎/川, and a question naming the company would name nothing.
        self._given = {_basic(k): k for k in canonical if _basic(k)}  # form as matched → as given
        self.canonical = {_basic(k): _one_word(v) for k, v in canonical.items() if _basic(k)}
        for name in set(self.canonical.values()):  # the joined name is a name too, found whole
            self.canonical.setdefault(_basic(name), name)
        forms = sorted(self.canonical, key=len, reverse=True)
        # Latin aliases (gan) must not match inside English words (organ).
        parts = [rf"(?<![a-z]){re.escape(f)}(?![a-z])" for f in forms if f.isascii()]
        # The others as one trie-shaped pattern: a thousand towns' names stay one fast pass.
        if any(not f.isascii() for f in forms):
            parts.append(_trie_pattern([f for f in forms if not f.isascii()]))
        self._pattern = re.compile("|".join(parts)) if parts else None
        self._anywhere: re.Pattern[str] | None = None  # the same forms, found inside longer ones too
        self._near: dict[str, str] = {}  # form with one character blanked → canonical
        self._sound: dict[str, str] = {}  # pinyin of the form → canonical
        self._windows: dict[str, str | None] = {}  # window → what _lookup found
        self.romanized: Romanized | None = None  # Latin spellings of the knowledge's words (bot.index.build)
        self._lengths = sorted({len(f) for f in forms if len(f) >= 3 and not f.isascii()}, reverse=True)
        self._chars = frozenset("".join(f for f in forms if not f.isascii()))
        for form in forms:
            if len(form) < 3 or form.isascii():
                continue
            for i in range(len(form)):
                self._near.setdefault(form[:i] + "?" + form[i + 1 :], form)
            self._sound.setdefault(" ".join(syllables(form)), self.canonical[form])

    def forms_in(self, text: str) -> set[str]:
        """The surface forms of the table, as it was given them, that occur in `text`, also inside
        a longer one (经开区 in 禾西经开区): the longest form starting at each character."""
        if self._pattern is None:
            return set()
        if self._anywhere is None:  # compiled once: a knowledge of a thousand towns asks per article
            self._anywhere = re.compile(f"(?=({self._pattern.pattern}))")
        found = (m.group(1) for m in self._anywhere.finditer(_basic(text)))
        return {self._given[f] for f in found if f in self._given}

    def apply(self, text: str, typos: bool = False) -> str:
        """Canonical names for every alias in `text`; with `typos`, for near misses too."""
        if self.romanized is not None:
            text = self.romanized.apply(text)
        if self._pattern is None:
            return text
        text = self._pattern.sub(self._canonical, text)
        return self._approximate(text) if typos and self._lengths else text

    def _canonical(self, match: re.Match[str]) -> str:
        """The canonical name of an alias found; a place's ending that opens a post stays for the
        post: 「大桥镇长是谁」 is 大桥 + 镇长, 嘉兴科技城的镇长, not 嘉兴科技城 + 长是."""
        form, after = match.group(), match.string[match.end() : match.end() + 1]
        if after == "长" and form[-1:] in _POST_OPENING:
            return f"{self.canonical[form]} {form[-1]}"
        return self.canonical[form]

    def _approximate(self, text: str) -> str:
        """Replace near-miss spellings of long names; exact names already replaced are kept."""
        protected = [False] * len(text)
        for match in self._pattern.finditer(text) if self._pattern else ():
            for i in range(match.start(), match.end()):
                protected[i] = True
        out: list[str] = []
        i = 0
        while i < len(text):
            found = None
            # A misspelt name keeps all but one of its characters: one of the first two is in it.
            if not protected[i] and is_han(text[i]) and (text[i] in self._chars or text[i + 1 : i + 2] in self._chars):
                for size in self._lengths:
                    window = text[i : i + size]
                    if len(window) < size or any(protected[i : i + size]):
                        continue
                    found = self._lookup(window)
                    if found:
                        out.append(found)
                        i += size
                        break
            if not found:
                out.append(text[i])
                i += 1
        return "".join(out)

    def _lookup(self, window: str) -> str | None:
        """The canonical name `window` misspells, if any (remembered: parts of a message overlap)."""
        try:
            return self._windows[window]
        except KeyError:
            pass
        if len(self._windows) >= 20_000:
            self._windows.clear()
        found = self._windows[window] = self._misspelt(window)
        return found

    def __getstate__(self) -> dict[str, object]:
        return {**self.__dict__, "_windows": {}}

    def _misspelt(self, window: str) -> str | None:
        if not is_han(window):
            return None
        known = sum(ch in self._chars for ch in window)
        if known * 2 < len(window):
            return None  # a homophone slip keeps most characters of a name
        # A one-character slip keeps every other character of the name: most windows hold too
        # few of the names' characters to be one, and are not looked up character by character.
        for j in range(len(window)) if known >= len(window) - 1 else ():
            if window[j] in _RUNNING:
                continue  # 经济发展的主阵地 is running text, not 经济发展局 mistyped
            form = self._near.get(window[:j] + "?" + window[j + 1 :])
            # One wrong character out of three (科技园 for 科技城) is another name, not a typo,
            # unless it sounds the same, or rhymes and keeps the name's last character: a
            # look-alike sharing the sound part (大挢镇 for 大桥镇), not running text (科技什么).
            # A slip at either end of a long name must sound like it too: 返乡创业补贴 is the start
            # of 返乡创业园 followed by 补贴, not the name mistyped.
            inside = 0 < j < len(window) - 1
            if form and (
                (len(form) >= 4 and inside)
                or sounds_alike(form, window)
                or (form[-1] == window[-1] and rhymes_alike(form, window))
            ):
                return self.canonical[form]
        return self._sound.get(" ".join(syllables(window)))


#: Characters so common in running text that a name with one of them in place of its own is
#: the name's first words followed by the sentence, not the name mistyped.
_RUNNING = frozenset("的了是在和与及有也都就还把被对为之着过吗呢吧啊")


def _trie_pattern(words: list[str]) -> str:
    """A regex matching any of `words`, longest first, shaped as a trie of their characters."""
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, dict]) -> str:
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:  # a word may end here: the longer continuation is tried first (greedy ?)
            body = f"(?:{body})?"
        return body

    return build(trie)


_HAN = re.compile("[\u4e00-\u9fff]*")


def is_han(text: str) -> bool:
    """Whether `text` is made of Chinese characters only (CJK Unified Ideographs)."""
    return _HAN.fullmatch(text) is not None


_INSIDE_NAME = re.compile(r"[\s()（）\[\]【】〔〕<>《》「」“”\"'·・,，、]")


def _one_word(name: str) -> str:
    """A name without the brackets, quotes and spaces that would split it (X（Y）Z → XYZ)."""
    return _INSIDE_NAME.sub("", name) or name


#: Roman numeral signs (水质Ⅱ类, Ⅳ级) as the digits people type (2类, 二类): NFKC alone would
#: make them Latin letters (ii), which no number check reads.
_ROMAN = {0x2160 + i: str(i + 1) for i in range(12)} | {0x2170 + i: str(i + 1) for i in range(12)}


def roman_digits(text: str) -> str:
    """Roman numeral signs as digits: 水质Ⅱ类 → 水质2类."""
    return text.translate(_ROMAN)


def _basic(text: str) -> str:
    """Roman numeral signs → digits, NFKC, lower case, invisible characters dropped, traditional →
    simplified."""
    text = unicodedata.normalize("NFKC", roman_digits(text)).lower()
    return _T2S.convert(text.translate(_VISIBLE))


def compact(text: str) -> str:
    """What a chat phrase is compared by: `normalize` without its English glossary, no spaces.

    Small talk (「Hi」, 「謝謝你啊！」) is made of exactly the words the glossary drops as
    function words, so they must survive: NFKC, lower case, traditional → simplified,
    punctuation and spaces removed, trailing chat particles dropped.
    """
    text = _basic(text).translate(_SEPARATORS)
    text = _PARTICLES.sub(" ", text)
    return "".join(text.split())


def normalize(text: str, aliases: AliasTable | None = None, typos: bool = False) -> str:
    """The comparable form of a question or a fact text.

    NFKC (full-width ２８９３ → 2893), lower case, invisible characters dropped, traditional →
    simplified, Chinese numerals → digits, 号 → 日 after a number, aliases → canonical names
    (with `typos`, for a user's text: also misspelt ones),
    punctuation → spaces, chat particles dropped.
    """
    text = translate(_basic(text))
    text = _THOUSANDS.sub(lambda m: m.group(1) + m.group(2).replace(",", ""), text)
    text = numerals_to_digits(text)
    text = _SPOKEN_DAY.sub(r"\1日", text)
    text = _AVERAGE_PER.sub(lambda m: _PER[m.group(1) or m.group(2)] + "均", text)
    if aliases is not None:
        text = aliases.apply(text, typos)
    text = _ASKING_NOT.sub("吗", text)
    text = text.translate(_SEPARATORS)
    text = _LONE_DOT.sub(" ", text)
    text = _PARTICLES.sub(" ", text)
    return " ".join(text.split())


def _is_separator(ch: str) -> bool:
    if ch == ".":  # keep decimal points (1.56亿元); lone dots become spaces below
        return False
    category = unicodedata.category(ch)
    return category[0] in "PSZ" or category in {"Cc", "Cf"}


class _CharMap(dict[int, "int | str | None"]):
    """A `str.translate` table filled in per character on first sight, from a rule.

    Building texts character by character in Python (a generator per character) was a fifth of
    an index build; `str.translate` walks the text in C and asks the rule once per character
    ever seen — a few thousand distinct characters in a whole knowledge base.
    """

    def __init__(self, rule: Callable[[str], str | None]) -> None:
        super().__init__()
        self._rule = rule

    def __missing__(self, code: int) -> int | str | None:
        ch = chr(code)
        found = self._rule(ch)
        value = self[code] = code if found == ch else found
        return value


#: Invisible characters dropped (controls, zero-width and direction marks), tab and newline kept.
_VISIBLE = _CharMap(lambda ch: None if unicodedata.category(ch) in _INVISIBLE and ch not in "\n\t" else ch)
#: Punctuation, symbols and separators → a space.
_SEPARATORS = _CharMap(lambda ch: " " if _is_separator(ch) else ch)


_LONE_DOT = re.compile(r"(?<!\d)\.|\.(?!\d)")


@lru_cache(maxsize=4096)
def normal_form(text: str) -> str:
    """`normalize(text)` with no aliases, kept: a fact's source is read by many questions, and
    normalised once."""
    return normalize(text)
