"""Names and words typed in pinyin or its common English spellings, read as the Chinese.

Readers abroad write 「Daqiao」, 「Who is Liang Yibo?」 or 「daqiaozhen dangyuan」: the
articles' own names and words, spelt in Latin letters. The table is learnt from the knowledge
(bot.index.build gives it every place name, alias, person and word of two or more characters
with its pinyin), never from a hand list: a new article's names are understood as soon as it
is indexed.

Spellings are compared on a loose key, since people drop tones and blur what Chinese
keyboards and southern accents blur too: zh=z, ch=c, sh=s, -ng=-n (Liang = Lian, Zhen = Zen),
and the syllables may be typed apart or run together (Liang Yibo, Liangyibo).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

#: Runs of Latin words, the only place a romanised name can be.
_LATIN_RUN = re.compile(r"[a-z]+(?:[ '\-]+[a-z]+)*")
_BLUR = (("zh", "z"), ("ch", "c"), ("sh", "s"), ("ng", "n"))
#: A name is spelt in at most this many Latin words (Jia Xing Da Qiao: four).
MAX_WORDS = 4
#: Marks the ends of a word put in Chinese, until the spaces around it are settled.
_MARK = "\x01"


def roman_key(text: str) -> str:
    """The loose key of a Latin spelling or of folded pinyin: letters only, blurred."""
    key = re.sub(r"[^a-z]", "", text.lower())
    for old, new in _BLUR:
        key = key.replace(old, new)
    return key


class Romanized:
    """Latin spellings → the knowledge's own Chinese words."""

    def __init__(self, spellings: Iterable[tuple[str, str]], keep: Iterable[str] = ()) -> None:
        """`spellings`: (folded pinyin, word), most wanted first (names before common words);
        `keep`: Latin words the knowledge itself uses (QQ, GaN), never read as pinyin."""
        self.table: dict[str, str] = {}
        for sound, word in spellings:
            key = roman_key(sound)
            if len(key) >= 4:  # two syllables at least: 「an」「men」 are English words
                self.table.setdefault(key, word)
        self.keep = frozenset(k.lower() for k in keep)

    def apply(self, text: str) -> str:
        """`text` with every romanised word of the table in Chinese, run into Chinese around it."""
        if not self.table or not re.search("[a-z]{4}", text):
            return text
        text = _LATIN_RUN.sub(lambda m: self._run(m.group()), text)
        if _MARK not in text:
            return text
        text = re.sub(f"{_MARK}\\s*{_MARK}", "", text)
        text = re.sub(f"(?<=[\u4e00-\u9fff])\\s*{_MARK}|{_MARK}\\s*(?=[\u4e00-\u9fff])", "", text)
        return text.replace(_MARK, " ")

    def _run(self, run: str) -> str:
        words = re.split(r"[ '\-]+", run)
        out: list[tuple[str, bool]] = []  # (piece, whether it is Chinese now)
        i = 0
        while i < len(words):
            for j in range(min(len(words), i + MAX_WORDS), i, -1):
                spelt = "".join(words[i:j])
                if spelt in self.keep:
                    continue
                found = self.table.get(roman_key(spelt))
                if found:
                    out.append((found, True))
                    i = j
                    break
            else:
                out.append((words[i], False))
                i += 1
        # Chinese is written without spaces: 「daqiaozhen dangyuan」 → 大桥镇党员, and
        # 「jiaxing 科技城」 → 嘉兴科技城, so that the whole name is found (see `apply`).
        return " ".join(f"{_MARK}{piece}{_MARK}" if chinese else piece for piece, chinese in out)
