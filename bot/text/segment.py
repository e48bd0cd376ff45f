"""Word segmentation with jieba, tuned to the fact base.

jieba's full dictionary has 350 000 words and takes about a second to load — longer than a
whole `faqbot ask` should take. The fact base needs far fewer: the words of its own texts, the
curators' names and terms (so 问需问计问效会 or 杰必机电 stay whole), the common words of the
language (so a question's other words segment sensibly) and every place name jieba knows (so
a question about 苏州 or 西湖区 is recognised as being about somewhere else). `build_dictionary`
writes that compact dictionary once per knowledge version; `Segmenter` loads it in a fraction
of the time.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterable
from pathlib import Path

from bot.text.lexicon import POST_ENDINGS
from bot.text.normalize import is_han


def _import_jieba():
    """Import jieba without pkg_resources, which jieba imports only to locate its own files.

    pkg_resources alone takes about 0.12 s to import — a fifth of what `faqbot ask` may take.
    When it is missing jieba opens its files by path, which is all we need. The block is lifted
    at once, so other code can still import pkg_resources.
    """
    blocked = "pkg_resources" not in sys.modules
    if blocked:
        sys.modules["pkg_resources"] = None  # type: ignore[assignment]
    try:
        import jieba as module
    finally:
        if blocked:
            del sys.modules["pkg_resources"]
    return module


jieba = _import_jieba()

logging.getLogger("jieba").setLevel(logging.WARNING)
jieba.setLogLevel(logging.WARNING)

#: Words at least this frequent in jieba's dictionary are kept as "the common words".
COMMON_FREQ = 50
#: Place names (tag ns) at least this frequent are kept to recognise other places.
PLACE_FREQ = 3
#: Endings that make an unknown word look like a place: 西湖区, 萧山县, 周庄镇.
PLACE_SUFFIXES = tuple("省市县区镇乡村州")
#: The frequency given to the fact base's own names and terms, high enough to keep them whole.
TERM_FREQ = 50_000


#: How often jieba's dictionary may count a character alone for it to be seldom seen — a name's,
#: not a word's (箐, 磡, 岜, 畈; 镇 and 县 are counted tens of thousands of times).
SELDOM = 300


def seldom_seen(character: str) -> bool:
    """Whether a Chinese character is one jieba's dictionary has seldom seen alone (`SELDOM`)."""
    jieba.initialize()
    return is_han(character) and jieba.dt.FREQ.get(character, 0) < SELDOM


def full_dictionary() -> Path:
    return Path(jieba.__file__).parent / "dict.txt"


def read_full_dictionary() -> Iterable[tuple[str, int, str]]:
    with full_dictionary().open(encoding="utf-8") as handle:
        for line in handle:
            parts = line.split()
            if len(parts) >= 2 and parts[1].isdigit():
                yield parts[0], int(parts[1]), parts[2] if len(parts) > 2 else ""


def build_dictionary(
    texts: Iterable[str], terms: Iterable[str], path: Path, asking: Iterable[str] = ()
) -> tuple[set[str], set[str], dict[str, int]]:
    """Write the compact dictionary for `texts` and `terms` to `path`.

    It holds jieba's common words, every place name jieba knows, every word of jieba's
    dictionary that occurs in `texts` (found by substring look-up, so jieba's full dictionary is
    never loaded into a tokenizer) and the curators' `terms`. Returns (the words of jieba's
    dictionary found in `texts` plus the terms, the place names, the frequency of every word of
    the compact dictionary).
    """
    terms = [t for t in terms if t.strip() and " " not in t]
    present = _present(texts)
    entries: dict[str, tuple[int, str]] = {}
    places: set[str] = set()
    vocabulary: set[str] = set(terms)
    for word, freq, tag in read_full_dictionary():
        in_texts = word in present
        if in_texts:
            vocabulary.add(word)
        if tag == "ns" and freq >= PLACE_FREQ and len(word) >= 2:
            places.add(word)
        if freq >= COMMON_FREQ or in_texts or word in places:
            entries[word] = (freq, tag)
    for term in terms:
        entries[term] = (TERM_FREQ, "n")
    for word in asking:
        entries.setdefault(word, (TERM_FREQ, "r"))
        entries[word] = (max(entries[word][0], TERM_FREQ), entries[word][1])
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    with tmp.open("w", encoding="utf-8") as handle:
        for word, (freq, tag) in entries.items():
            if " " not in word:
                handle.write(f"{word} {freq} {tag}\n")
    tmp.replace(path)
    return vocabulary, places, {word: freq for word, (freq, _) in entries.items()}


#: Up to this many characters × `longest`, listing every substring of the texts takes less
#: memory than the dictionary's prefixes (about 100 MB): the bundled knowledge stays lean.
SUBSTRINGS = 1_000_000


def _present(texts: Iterable[str], longest: int = 8) -> set[str]:
    """Strings of 1 to `longest` characters inside the texts' chunks, as far as the dictionary's
    words go: `word in _present(texts)` tells whether a dictionary word occurs in them."""
    chunks = {chunk for text in texts for chunk in text.split()}  # repeated clauses once
    if sum(len(chunk) for chunk in chunks) * longest <= SUBSTRINGS:
        return _substrings(chunks, longest)
    words = {word for word, _, _ in read_full_dictionary() if len(word) <= longest}
    return _words_in(words, chunks, longest)


def _substrings(chunks: Iterable[str], longest: int) -> set[str]:
    """Every substring of 1 to `longest` characters of `chunks`."""
    found: set[str] = set()
    for chunk in chunks:
        for i in range(len(chunk)):
            found.update(chunk[i:j] for j in range(i + 1, min(len(chunk), i + longest) + 1))
    return found


def _words_in(words: set[str], chunks: Iterable[str], longest: int) -> set[str]:
    """The `words` found in `chunks`.

    Every substring is looked up, but one that begins no word ends the search from its start:
    most stop after two or three characters. Listing every substring of a thousand towns' texts
    instead held tens of millions of strings.
    """
    prefixes = {word[:i] for word in words for i in range(1, len(word) + 1)}
    found: set[str] = set()
    for chunk in chunks:
        for i in range(len(chunk)):
            for j in range(i + 1, min(len(chunk), i + longest) + 1):
                part = chunk[i:j]
                if part not in prefixes:
                    break
                if part in words:
                    found.add(part)
    return found


#: How many chunks' words a `Segmenter` keeps (a few MB).
CACHED_CHUNKS = 20_000

#: The frequency given to words jieba's HMM found in the knowledge (names: 凌雪华, 封小平).
NEW_WORD_FREQ = 2_000

#: Parts of speech (jieba's tags) of words that shape a sentence rather than say what it is
#: about: adverbs (仍然, 一直), prepositions (对于, 通过), conjunctions, locatives (之后, 期间),
#: pronouns, particles and interjections.
FUNCTION_TAGS = frozenset("d ad p c f r u uj ul uz ug uv ud y e o zg".split())


def function_words(dictionary: Path) -> frozenset[str]:
    """The words of a compact dictionary tagged with a function part of speech."""
    return tagged(dictionary, FUNCTION_TAGS)


def tagged(dictionary: Path, tags: Iterable[str]) -> frozenset[str]:
    """The words of a compact dictionary tagged with one of `tags` (nr: a person's name)."""
    wanted = frozenset(tags)
    found: set[str] = set()
    with dictionary.open(encoding="utf-8") as handle:
        for line in handle:
            parts = line.split()
            if len(parts) == 3 and parts[2] in wanted:
                found.add(parts[0])
    return frozenset(found)


def new_words(segmented: Iterable[list[str]], known: dict[str, int]) -> list[str]:
    """Words that jieba's HMM made up because no dictionary has them: mostly names."""
    found: dict[str, None] = {}
    for words in segmented:
        for word in words:
            if 2 <= len(word) <= 6 and word not in known and is_han(word):
                found[word] = None
    return list(found)


def add_words(dictionary: Path, words: list[str]) -> None:
    with dictionary.open("a", encoding="utf-8") as handle:
        for word in words:
            handle.write(f"{word} {NEW_WORD_FREQ} nz\n")


class Segmenter:
    """jieba over the compact dictionary written by `build_dictionary`."""

    def __init__(self, dictionary: Path) -> None:
        self._tokenizer = jieba.Tokenizer(str(dictionary))
        self._tokenizer.tmp_dir = str(dictionary.parent)
        self._tokenizer.cache_file = f"{dictionary.stem}.jieba.cache"
        # Read the dictionary now, not at the first question: the file may be pruned or the
        # folder removed once the index is loaded.
        self._tokenizer.initialize()
        self._chunks: dict[str, list[str]] = {}

    def words(self, text: str) -> list[str]:
        """Words of normalised text; spaces separate, never join, words.

        jieba cuts every run of Han characters (and letters, digits) on its own, so the words of
        a text are its space-separated chunks' words in order. Each chunk's are kept: the parts of
        a long message overlap, and people ask the same clauses again and again.
        """
        words: list[str] = []
        for chunk in text.split():
            found = self._chunks.get(chunk)
            if found is None:
                if len(self._chunks) >= CACHED_CHUNKS:
                    self._chunks.clear()
                found = self._chunks[chunk] = deputies([w for w in self._tokenizer.lcut(chunk) if w.strip()])
            words.extend(found)
        return words

    def knows(self, word: str) -> bool:
        """Whether `word` is a dictionary word, not a run jieba's HMM made up (贝有 of a mistyped 党贝有)."""
        return bool(self._tokenizer.FREQ.get(word))

    def inner_words(self, words: list[str]) -> list[str]:
        """The dictionary words of two and three characters inside longer words (专题教育 → 专题, 教育).

        Facts are indexed with them too, so that a question segmented more finely than the fact
        (专题 教育 for 专题教育) still finds every one of its words; this is what jieba's search
        mode adds, without segmenting the text a second time.
        """
        freq = self._tokenizer.FREQ
        inner: list[str] = []
        for word in words:
            if _is_deputy(word):
                continue  # 副镇长 holds no 镇长: the deputy is another person
            for size in (2, 3):
                if len(word) > size:
                    inner.extend(g for i in range(len(word) - size + 1) if freq.get(g := word[i : i + size]))
        return inner


def deputies(words: list[str]) -> list[str]:
    """「副」 joined to the post after it (副/书记 → 副书记): jieba cuts most deputy posts in two,
    and a 书记 found in 党委副书记 would answer 「书记是谁」 with the deputy."""
    if "副" not in words:
        return words
    joined: list[str] = []
    for word in words:
        if joined and joined[-1] == "副" and word.endswith(POST_ENDINGS):
            joined[-1] = "副" + word
        else:
            joined.append(word)
    return joined


def _is_deputy(word: str) -> bool:
    return len(word) >= 3 and word[0] == "副" and word.endswith(POST_ENDINGS)
