"""How Chinese text sounds: toneless pinyin with the sounds keyboards and accents blur folded.

A user who types 党组只 for 党组织 has typed the right sounds with the wrong characters;
comparing sounds recovers them. The readings come from pypinyin, cached as one marshalled table
beside the index so a one-shot `faqbot ask` need not import it.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Any

from bot.text.marshalled import load_tables

# Pinyin, toneless, with the initials and finals that a pinyin keyboard and southern accents
# blur folded together (zh=z, ch=c, sh=s, -ng=-n). A user who types 党组只 for 党组织 or
# 网各 for 网格 has typed the right sounds with the wrong characters; comparing sounds
# recovers them.
_FOLD = [("zh", "z"), ("ch", "c"), ("sh", "s"), ("ang", "an"), ("eng", "en"), ("ing", "in")]


def _fold(reading: str) -> str:
    plain = unicodedata.normalize("NFKD", reading)
    plain = "".join(ch for ch in plain if ch.isascii() and ch.isalpha())
    for old, new in _FOLD:
        if plain.startswith(old) and old in ("zh", "ch", "sh"):
            plain = new + plain[len(old) :]
        elif plain.endswith(old) and old in ("ang", "eng", "ing"):
            plain = plain[: -len(old)] + new
    return plain


_TABLES: dict[str, dict[str, Any]] = {}


def _toneless(reading: str) -> str:
    """A reading as a pinyin keyboard spells it: tone marks gone, nothing folded (zhù → zhu)."""
    plain = unicodedata.normalize("NFKD", reading)
    return "".join(ch for ch in plain if ch.isascii() and ch.isalpha())


def _build_tables() -> dict[str, dict[str, tuple[str, ...]]]:
    """Both pinyin tables from pypinyin's: folded readings (zh ~ z: 大挢镇 ~ 大桥镇 for the fuzzy
    signals) and exact toneless ones (a keyboard slip is the same syllable: 租 zu is no 住 zhu)."""
    from pypinyin.pinyin_dict import pinyin_dict

    folded, exact = {}, {}
    for code, readings in pinyin_dict.items():
        spelled = readings.split(",")
        folded[chr(code)] = tuple(dict.fromkeys(_fold(r) for r in spelled))
        exact[chr(code)] = tuple(dict.fromkeys(_toneless(r) for r in spelled))
    return {"readings": folded, "exact": exact}


def _build_readings() -> dict[str, tuple[str, ...]]:
    return _build_tables()["readings"]


def use_readings_cache(path: Path) -> None:
    """Load the pinyin tables (folded and exact) from `path`, building and writing them there on first use.

    Importing pypinyin's table and folding 42 000 entries takes about half a second — more than
    a whole `faqbot ask` may. The folded table, marshalled, loads in a few milliseconds.
    """
    if "readings" in _TABLES and "exact" in _TABLES:
        return
    tables = load_tables(path, frozenset({"readings", "exact"}), _build_tables)
    _TABLES.update(tables)


def _readings_table() -> dict[str, tuple[str, ...]]:
    if "readings" not in _TABLES:
        _TABLES["readings"] = _build_readings()
    return _TABLES["readings"]


def _pinyin_table() -> dict[str, str]:
    if "first" not in _TABLES:
        _TABLES["first"] = {ch: readings[0] for ch, readings in _readings_table().items()}
    return _TABLES["first"]


def exact_readings(ch: str) -> tuple[str, ...]:
    """Every toneless reading of a character as typed on a pinyin keyboard (长: chang, zhang)."""
    if "exact" not in _TABLES:
        _TABLES.update(_build_tables())
    return _TABLES["exact"].get(ch, (ch,))


def readings(ch: str) -> tuple[str, ...]:
    """Every folded reading of a character (挢: jiao, qiao): polyphones sound like several."""
    return _readings_table().get(ch, (ch,))


def sounds_alike(a: str, b: str) -> bool:
    """Same length, and every pair of characters shares a reading (大挢镇 ~ 大桥镇)."""
    return len(a) == len(b) and all(x == y or set(readings(x)) & set(readings(y)) for x, y in zip(a, b, strict=True))


_INITIAL = re.compile(r"^(zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])")


def rhymes_alike(a: str, b: str) -> bool:
    """Same length, and every pair of characters shares a final (挢 jiao ~ 桥 qiao).

    Chinese characters that look alike mostly share their phonetic component and with it their
    final, so this catches shape slips (挢/桥) as well as sound slips; 园 (yuan) for 城 (cen)
    rhymes with nothing and stays another name.
    """
    if len(a) != len(b):
        return False
    for x, y in zip(a, b, strict=True):
        if x != y and not {_INITIAL.sub("", r) for r in readings(x)} & {_INITIAL.sub("", r) for r in readings(y)}:
            return False
    return True


def syllables(text: str) -> list[str]:
    """One folded toneless syllable per Chinese character; other characters kept as they are."""
    table = _pinyin_table()
    return [table.get(ch, ch) for ch in text if not ch.isspace()]


@lru_cache(maxsize=1 << 16)
def word_sound(word: str) -> str:
    """A word's folded syllables run together (党员 → danyuan): its pinyin token.

    Cached: an index build asks for the same few thousand words hundreds of thousands of times.
    """
    return "".join(syllables(word))


def pinyin(text: str) -> str:
    """The folded pinyin of `text`, syllables separated by spaces."""
    return " ".join(syllables(text))


def char_ngrams(text: str, n: int = 2) -> list[str]:
    """Character n-grams within each space-separated chunk (single characters for 1-char chunks)."""
    grams: list[str] = []
    for chunk in text.split():
        if len(chunk) < n:
            grams.append(chunk)
        else:
            grams.extend(chunk[i : i + n] for i in range(len(chunk) - n + 1))
    return grams
