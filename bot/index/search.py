"""The searchable form of the knowledge: cheap recall from an inverted index, then re-ranking.

Every fact becomes an `Entry` (its questions, answer and source, normalised, segmented and in
pinyin); so does every article sentence, for questions no curated fact covers. Recall looks
up the question's words, character bigrams and pinyin words in an inverted index, so its cost
grows with the number of entries that share a token, not with the size of the fact base. Only
the best few dozen entries are re-ranked with rapidfuzz (`bot.matching.scoring`).
"""

from __future__ import annotations

import itertools
import math
import unicodedata
from array import array
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from bot.index.entries import Entry as Entry  # re-exported: scoring reads entries through the index
from bot.index.entries import EntryTable
from bot.index.mend import mend, pairs_of
from bot.index.recall import best_scores, span_scores, tops
from bot.index.spelling import Spelling
from bot.question.focus import focus
from bot.question.kinds import (
    Query,
    asks,
    asks_list,
    asks_next,
    counts_asked,
    describes_report,
    guessed_numbers,
    is_yes_no,
    key_terms,
    pinyin_of,
    premised_numbers,
    span_numbers,
    titled,
)
from bot.question.people import SURNAMES, surnamed
from bot.text.cedict import gloss
from bot.text.lexicon import POST_ENDINGS, STOPWORDS, canonical_words
from bot.text.normalize import AliasTable, is_han, normalize
from bot.text.segment import NEW_WORD_FREQ, PLACE_SUFFIXES, TERM_FREQ, Segmenter
from bot.text.sound import char_ngrams, use_readings_cache, word_sound

#: Bump when the index layout changes, so stale caches are rebuilt. The cache key also holds a
#: hash of the code that builds the index (`bot.knowledge.cachefiles.code_version`), so a forgotten bump is harmless.
INDEX_VERSION = 27
READINGS_FILE = "pinyin-readings-v2.marshal"
#: The share of its weight a function word (仍然, 对于, 期间) keeps as a key term: it links the
#: question's parts, and a fact that lacks it may still answer.
FUNCTION_WEIGHT = 0.3
#: How many facts and article sentences recall hands to the re-ranker. Scoring is most of a
#: question's time, but 13 facts lost 「大桥镇 党员」 among the many facts holding 党员
#: (docs/performance.md).
RECALL_FACTS = 16
RECALL_SENTENCES = 4
#: How many analysed questions an index keeps (`Index.query`).
CACHED_QUERIES = 2048
#: An unscoped question skips tokens found in more entries than this (or a tenth of them).
COMMON_POSTINGS = 1000
#: A word jieba's dictionary counts less often than this, right after a post, may be a name.
RARE_NAME = 100


@dataclass
class Index(Spelling):
    entries: EntryTable
    postings: dict[str, array[int]]  # token → positions of the entries holding it, ascending
    idf: dict[str, float]  # word → inverse entry frequency (a token's follows from its postings)
    aliases: AliasTable
    places: dict[str, list[str]]  # canonical place → document ids
    vocabulary: frozenset[str]
    near: dict[str, frozenset[str]]  # a word with one character blanked → the words it fits
    frequency: dict[str, int]  # word → how many entries use it
    known_places: frozenset[str]  # place names jieba knows (to spot other places)
    general: dict[str, int]  # word → frequency in general Chinese (jieba's dictionary)
    dictionary: Path
    fingerprint: str
    spans: dict[str, tuple[int, int]] = field(default_factory=dict)  # document → its entries' positions
    max_idf: float = 1.0
    kin: dict[str, frozenset[str]] = field(default_factory=dict)  # word → knowledge words of like meaning
    cousins: dict[str, frozenset[str]] = field(default_factory=dict)  # …of near meaning (one Cilin group)
    english: dict[str, str] = field(default_factory=dict)  # English gloss → knowledge word (bot.text.cedict)
    function: frozenset[str] = frozenset()  # adverbs, prepositions…: words that name nothing (bot.text.segment)
    people: frozenset[str] = frozenset()  # the people the articles name (bot.question.kinds.people)
    verbs: frozenset[str] = frozenset()  # words jieba's dictionary tags as verbs (转回, 搬到): no place names
    years: dict[str, int] = field(default_factory=dict)  # document → the year it was reported
    _segmenter: Segmenter | None = field(default=None, repr=False)
    _twins: dict[str, str] | None = field(default=None, repr=False)
    _name_sounds: dict[str, set[str]] | None = field(default=None, repr=False)
    _names: frozenset[str] | None = field(default=None, repr=False)
    _queries: dict[str, Query] = field(default_factory=dict, repr=False)  # question → its analysis
    #: What the layers above work out from this index alone and keep (scoring's key terms): it
    #: goes with the index, so an edit that rebuilds the index starts afresh.
    memo: dict[str, dict] = field(default_factory=dict, repr=False)

    # -- question analysis ------------------------------------------------------------------

    @property
    def segmenter(self) -> Segmenter:
        if self._segmenter is None:
            self._segmenter = Segmenter(self.dictionary)
            use_readings_cache(self.dictionary.parent / READINGS_FILE)
        return self._segmenter

    def __getstate__(self) -> dict[str, object]:
        state = dict(self.__dict__)
        state["_segmenter"] = None
        state["_twins"] = None
        state["_names"] = None
        state["_queries"] = {}
        state["memo"] = {}
        return state

    def query(self, question: str) -> Query:
        """The question normalised and taken apart; remembered, since people ask alike."""
        found = self._queries.get(question)
        if found is None:
            if len(self._queries) >= CACHED_QUERIES:
                self._queries.clear()
            found = self._queries[question] = self._analyse(question)
        return found

    def _pairs(self) -> frozenset[str]:
        """`mend`'s characters side by side in knowledge words, worked out once an index."""
        found = self.memo.get("pairs")
        if found is None:
            found = self.memo["pairs"] = pairs_of(self.near)
        return found

    def _analyse(self, question: str) -> Query:
        segmenter = self.segmenter  # loads the pinyin tables from the cache too, before mending
        text = gloss(normalize(question, self.aliases, typos=True), self.english)
        mended = mend(text, self.near, self._known_run, self._common_pair, self._pairs())
        if mended != text:  # a mended alias (禾西开发区) must still become its canonical name
            text = normalize(mended, self.aliases, typos=True)
        # Mended chunk by chunk: two characters a space keeps apart (立刻办 已完成) are no broken word.
        words = tuple(w for chunk in text.split() for w in self.correct(canonical_words(segmenter.words(chunk))))
        words = surnamed(words, self.people)  # 蓟医生 is 蓟雁秋, the one 蓟 of the articles
        named = tuple(dict.fromkeys(w for w in words if w in self.places))
        place_words = set(self.places)
        foreign = self._foreign_places(words, place_words)
        if others := self._other_zones(words):  # 嘉兴经开区: neither zone that calls itself 经开区
            named = tuple(w for w in named if w not in others.values())
            foreign = (*foreign, *others)
        yes_no = is_yes_no(text, question)
        approximate, checked = guessed_numbers(words, yes_no)
        checked |= premised_numbers(question) & set(words)  # 听说有20项: heard, to be confirmed
        context = approximate | checked | span_numbers(words)  # numbers that are no key terms
        strangers = self._strangers(words, text)
        about = describes_report(text)
        terms = (
            tuple(
                t
                for t in key_terms(words, place_words)
                if t not in context
                and not any(t in stranger for stranger in strangers)  # 李, 建华 of 李建华
                and not self._foreign_word(t, question)
                and not (t in about and t not in place_words)  # 「这篇关于…的报道是谁写的」 asks the report
            )
            or titled(text)
            or self._coinages(words)
        )
        return Query(
            raw=question,
            text=text,
            words=words,
            terms=terms,
            places=named,
            foreign=foreign,
            asks=asks(text),
            focus=tuple(
                f for f in focus(words, self.verbs) if segmenter.knows(f) and not self._foreign_word(f, question)
            ),
            yes_no=yes_no,
            approximate=frozenset(approximate),
            checked=frozenset(checked),
            plural=asks_list(text),
            counts=counts_asked(words),
            after=asks_next(text),
            pinyin=pinyin_of([w for w in words if w not in STOPWORDS] or list(words)),
            strangers=strangers,
        )

    def _strangers(self, words: tuple[str, ...], text: str) -> tuple[str, ...]:
        """People the question names after a post whom no article names (乡长郦昀涛): a false
        premise about who holds the post, not a subject the knowledge lacks. After a post, a
        run of two or three characters that the knowledge does not know, that jieba's dictionary
        knows rarely or after a surname, and that is no verb (强调, 带队) is a name — or a surname
        jieba cut from the given name (李/建华)."""
        found = []
        for i in range(1, len(words)):
            if not words[i - 1].endswith(POST_ENDINGS):
                continue
            word = words[i]
            if len(word) == 1 and word in SURNAMES and i + 1 < len(words) and len(words[i + 1]) <= 2:
                word += words[i + 1]
            if (
                2 <= len(word) <= 3
                and is_han(word)
                and not self._spelled_on(word, text)
                and word not in self.vocabulary
                and (self.general.get(word, 0) < RARE_NAME or word[0] in SURNAMES)
                and word not in self.verbs
                and word not in self.function
                and word not in self.places
            ):
                found.append(word)
        return tuple(found)

    def _spelled_on(self, word: str, text: str) -> bool:
        """Whether the knowledge writes the post before `word` in `text` on into `word`'s first
        character: 「主管网有四十几公里」 is about its 主管网, not a 网有 whose post is 主管."""
        at = text.find(word)
        if at < 2:
            return False
        sentences = self.memo.get("sentences")
        if sentences is None:  # every sentence once, in one string: strangers are rare, a scan will do
            sentences = self.memo["sentences"] = {"": "\n".join(dict.fromkeys(self.entries.sentences))}
        return text[at - 2 : at + 1] in sentences[""]

    def _coinages(self, words: tuple[str, ...]) -> tuple[str, ...]:
        """Pairs of characters the knowledge writes together, for a question whose every word is
        a stopword: 「上请 下问」 quotes the article's 上请、下问, which jieba cuts into 上/请/下/问.
        A greeting (你好) is no pair the knowledge writes, so it stays without key terms."""
        singles = [w if len(w) == 1 and is_han(w) else "" for w in words]
        return tuple(a + b for a, b in itertools.pairwise(singles) if a and b and f"c:{a}{b}" in self.postings)

    def _foreign_places(self, words: tuple[str, ...], covered: set[str]) -> tuple[str, ...]:
        """Words naming a place the knowledge does not cover (杭州, 西湖区, 周庄镇).

        jieba often cuts a town's name from its 镇 or 区 when the name is rare or the next
        character sticks to the ending (周庄/镇有, 南湖/区). A name followed by a bare ending
        is a place too, even one the articles mention (南湖区 is 嘉兴科技城's district, not a
        place they report on): its stem is what a fact must contain to be about it.
        """
        found = [
            w
            for w in words
            if w not in self.vocabulary
            and w not in covered
            and (w in self.known_places or (len(w) >= 3 and w.endswith(PLACE_SUFFIXES)))
        ]
        for stem, after in itertools.pairwise(words):
            if self._name_before_ending(stem, after, covered):
                found.append(stem)
        # A name of two rare characters jieba cut apart, its ending glued to the next word (枫/坑/镇建).
        for first, second, after in zip(words, words[1:], words[2:], strict=False):
            stem = first + second
            if (
                len(first) == len(second) == 1
                and first not in STOPWORDS
                and second not in STOPWORDS
                and first not in self.function
                and second not in self.function
                and stem not in self.general
                and self._name_before_ending(stem, after, covered)
            ):
                found.append(stem)
        return tuple(dict.fromkeys(found))

    def _name_before_ending(self, stem: str, after: str, covered: set[str]) -> bool:
        """Whether `stem` is a place's name that jieba cut from its ending (周庄/镇有)."""
        return (
            after.startswith(PLACE_SUFFIXES)
            and (after in PLACE_SUFFIXES or after not in self.general)
            and 2 <= len(stem) <= 3
            and stem not in covered
            and stem not in STOPWORDS
            and stem not in self.verbs  # 转回/镇/卫生院: back to the town's health centre
            and stem not in self.function
            and is_han(stem)
            and (stem not in self.vocabulary or stem in self.known_places)
        )

    def _other_zones(self, words: tuple[str, ...]) -> dict[str, str]:
        """A place form two articles share (经开区, see bot.index.learned.unambiguous) after the
        name of a place that is neither of theirs: 「嘉兴经开区」 is a third zone. Maps the whole
        name to the form."""
        found: dict[str, str] = {}
        places: dict[str, str] = {}
        for before, word in itertools.pairwise(words):
            docs = self.places.get(word, [])
            if len(docs) < 2 or before in self.places or len(before) < 2:
                continue
            if not places:  # each document's place, read only when a shared form is used
                table = self.entries
                places = {doc: place or "" for doc, place in zip(table.doc_ids, table.doc_places, strict=True)}
            owners = {places.get(d, "") for d in docs}
            elsewhere = any(before in place for d, place in places.items() if d not in docs)
            if (before in self.known_places or elsewhere) and not any(before in owner for owner in owners):
                found[before + word] = word  # 杭州经开区, or 嘉兴经开区 with 嘉兴 of 嘉兴科技城
        return found

    def _foreign_word(self, word: str, question: str) -> bool:
        """An English word the glossary (bot.text.english) left and the knowledge never uses: talk
        around the question (building, together), not its subject. The knowledge is Chinese.

        An acronym typed in capitals (GDP, CEO) is kept: in a Chinese question it is the subject
        (「吴江开发区2014年GDP多少」), and the knowledge never giving it is why the bot declines.
        """
        if not (word.isascii() and word.isalpha()) or word in self.vocabulary:
            return False
        return not (2 <= len(word) <= 5 and word.upper() in unicodedata.normalize("NFKC", question))

    def is_name(self, word: str) -> bool:
        """A name of the knowledge: a curator's canonical name (杰必机电) or one jieba's HMM found
        in the articles (梁一波, 凌雪华). Places are not key terms, so never asked here."""
        return word in self._curated_names() or self.general.get(word) == NEW_WORD_FREQ

    def own_term(self, word: str) -> bool:
        """A name or term of the knowledge's own: `is_name`, or a word the segmenter keeps whole
        for it (城市书房, 埼阳路: a curator's `terms:`, a canonical name, a county) — not a word of
        Chinese at large (工人, 地方)."""
        return self.is_name(word) or self.general.get(word) == TERM_FREQ

    def names_someone(self, word: str) -> bool:
        """A name a fact must repeat to be about it: a curator's canonical name (杰必机电) or a
        person the articles name (梁一波). Not every word jieba's HMM made up: most are names,
        but some are fragments of prose (不扰 of 无事不扰, 之基 of 信仰之基)."""
        return word in self._curated_names() or word in self.people

    def written(self, text: str) -> bool:
        """Whether some entry's text holds `text` as written (青岗村, which jieba cuts 青/岗村)."""
        return next(self._writing(text), None) is not None

    def documents_writing(self, text: str) -> set[str]:
        """The documents whose entries hold `text` as written (党委: nearly every one)."""
        return {self.entries[p].doc_id for p in self._writing(text)}

    def _writing(self, text: str) -> Iterator[int]:
        """The entries holding `text` as written, read only among those its rarest two characters'
        postings name."""
        grams = [self.postings.get(f"c:{text[i : i + 2]}") for i in range(len(text) - 1)]
        if len(text) < 2 or not all(grams):
            return iter(())
        fewest = min(grams, key=len)  # type: ignore[arg-type]
        return (p for p in fewest if text in self.entries[p].body)

    def _curated_names(self) -> frozenset[str]:
        """The canonical names of aliases.yaml other than places (made on first use)."""
        if self._names is None:
            self._names = frozenset(self.aliases.canonical.values()) - set(self.places)
        return self._names

    def weight(self, term: str) -> float:
        """How much a key term matters: rare in the knowledge → high.

        A word the knowledge never uses is either the subject of a question it cannot answer
        (北京, 年龄) or just another way of speaking (那边, 总共, 集体). General-language
        frequency tells them apart: the commoner the word in Chinese at large, the less its
        absence from a fact says.
        """
        if term in self.function:
            return FUNCTION_WEIGHT * (self.idf.get(term) or self.max_idf)
        if term in self.idf:
            return self.idf[term]
        freq = self.general.get(term, 0)
        return self.max_idf * min(1.0, max(0.2, 1.0 - math.log10(freq + 1) / 6))

    # -- recall ----------------------------------------------------------------------------

    def recall(self, query: Query, docs: set[str] | None) -> list[int]:
        """Entries sharing the most informative tokens with the question, best first.

        A question scoped to a place reads only its documents' stretch of each posting list
        (entries are stored document by document, postings in order). An unscoped one skips
        tokens shared by a large part of the knowledge: they add little and cost the most.
        """
        spans = [self.spans[d] for d in docs if d in self.spans] if docs is not None else None
        count = len(self.entries) or 1
        common = max(COMMON_POSTINGS, len(self.entries) // 10)
        # Tokens with the same posting list (the build shares equal lists) are read once, with
        # their weights (idf) added up.
        shared: dict[int, list] = {}
        for token in tokens(query.words, query.text):
            postings = self.postings.get(token)
            if not postings or (spans is None and len(postings) > common):
                continue
            weight = math.log(1 + count / len(postings))
            found = shared.get(id(postings))
            if found is None:
                shared[id(postings)] = [weight, postings]
            else:
                found[0] += weight
        weighted = [(weight, postings) for weight, postings in shared.values()]
        kind = self.entries.is_fact
        if spans is None:
            scores = best_scores(weighted, kind, (RECALL_SENTENCES, RECALL_FACTS))
        else:
            scores = span_scores(weighted, spans)
        sentences, facts = tops(scores, kind, (RECALL_SENTENCES, RECALL_FACTS))
        return facts + sentences


def tokens(words: tuple[str, ...] | list[str], text: str) -> set[str]:
    """Index tokens: words (w:), character bigrams (c:) and pinyin of words (p:)."""
    tokens = {f"w:{w}" for w in words if w not in STOPWORDS}
    tokens.update(f"c:{g}" for g in char_ngrams(text) if len(g) == 2)
    tokens.update(f"p:{word_sound(w)}" for w in words if w not in STOPWORDS and len(w) > 1)
    return tokens
