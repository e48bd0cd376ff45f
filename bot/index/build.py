"""Building the index, and keeping it on disk while the knowledge is unchanged.

A build normalises every text of the knowledge once, segments it once, and derives every form
an `Entry` needs from that; texts repeated across facts (a source cited by several facts, the
same wording in many towns' articles) are processed once. The result is pickled in the cache
folder under a key made of the knowledge's hash and the hash of the code that builds it.
"""

from __future__ import annotations

import itertools
import logging
import math
import re
from array import array
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from bot.index.entries import EntryTable
from bot.index.learned import (
    authors,
    counties,
    own_places,
    told_before,
    unambiguous,
    village_names,
    with_posts,
)
from bot.index.search import READINGS_FILE, Index
from bot.index.tables import merge, near_words, share_equal, typical_top_idf
from bot.knowledge.cachefiles import code_version
from bot.knowledge.docfacts import byline
from bot.knowledge.model import NUMBER, Document, Fact, Knowledge, unsaid_note
from bot.question.kinds import asks, key_terms
from bot.question.people import people, speakers
from bot.question.supplied import supplies
from bot.question.unsaid import noted_kinds
from bot.text.cedict import english_words, forget_cedict, kin_by_gloss, use_cedict_cache
from bot.text.lexicon import INTERROGATIVES, STOPWORDS, canonical_words, everyday, synonyms
from bot.text.normalize import AliasTable, is_han, normalize
from bot.text.numerals import COUNTED
from bot.text.romanized import Romanized
from bot.text.segment import (
    NEW_WORD_FREQ,
    PLACE_SUFFIXES,
    Segmenter,
    add_words,
    build_dictionary,
    function_words,
    new_words,
    tagged,
)
from bot.text.sound import exact_readings, syllables, use_readings_cache, word_sound
from bot.text.thesaurus import classes, cousins_of, kin_of, not_places
from bot.text.thesaurus import function_words as cilin_function_words

log = logging.getLogger(__name__)

#: What an index is made by: a change to any of these packages makes a cached index unreadable.
_INDEX_SOURCES = ("text", "question", "index", "knowledge")
#: An administrative ending and a locative: 镇里 is "in the town", whatever place jieba's
#: dictionary also knows by that name (镇里 ns) — 「镇里有多少党员」 asks about the town in view.
_LOCATIVE = re.compile(f"[{''.join(PLACE_SUFFIXES)}][里上内外中下]")


class _Texts:
    """Each text of the knowledge normalised once, each clause segmented once, however often used.

    Segmentation is cached per clause (the space-separated chunks of normalised text): jieba cuts
    every run of Han characters on its own, so a text's words are its clauses' words in order,
    and a thousand towns' retellings of one article share most clauses. Words are interned, so
    the same word in many clauses is one string.
    """

    def __init__(self, aliases: AliasTable) -> None:
        self.aliases = aliases
        self.segmenter: Segmenter | None = None
        self._normal: dict[str, str] = {}
        self._clauses: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {}
        self._words: dict[str, str] = {}
        self._paragraphs: tuple[str | None, list[str]] = (None, [])
        self._sounds: dict[str, tuple[str, ...]] = {}
        self._tokens: dict[str, tuple[str | None, str | None]] = {}

    def normal(self, text: str) -> str:
        found = self._normal.get(text)
        if found is None:
            found = self._normal[text] = normalize(text, self.aliases)
        return found

    def _clause(self, clause: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """A clause's words (synonyms unified) and the dictionary words inside its longer words."""
        found = self._clauses.get(clause)
        if found is None:
            assert self.segmenter is not None
            words = tuple(self._intern(w) for w in canonical_words(self.segmenter.words(clause)))
            inner = tuple(self._intern(w) for w in canonical_words(self.segmenter.inner_words(list(words))))
            found = self._clauses[clause] = (words, inner)
        return found

    def _intern(self, word: str) -> str:
        return self._words.setdefault(word, word)

    def words(self, normal: str) -> list[str]:
        """Segmented words of a normalised text, synonyms unified."""
        return [w for clause in normal.split(" ") if clause for w in self._clause(clause)[0]]

    def paragraph(self, doc: Document, sentence: str) -> str | None:
        """`doc.paragraph_of(sentence)`, the document's paragraphs split once, not per fact.

        Only the last document's are kept: entries are built document by document, and a
        thousand articles' paragraphs would be another copy of every article.
        """
        if self._paragraphs[0] != doc.id:
            self._paragraphs = (doc.id, doc.paragraphs())
        return next((line for line in self._paragraphs[1] if sentence in line), None)

    def pinyin_of(self, words: list[str] | tuple[str, ...]) -> str:
        """`query.pinyin_of(words)`: the words' syllables, each word's looked up once."""
        return " ".join(s for w in words for s in self._syllables(w))

    def _syllables(self, word: str) -> tuple[str, ...]:
        found = self._sounds.get(word)
        if found is None:
            found = self._sounds[word] = tuple(syllables(word))
        return found

    def tokens(self, words: Iterable[str], text: str) -> set[str]:
        """`index.tokens(words, text)`, each word's tokens made once."""
        found: set[str | None] = set()
        for word in words:
            pair = self._tokens.get(word)
            if pair is None:
                pair = self._tokens[word] = (
                    None if word in STOPWORDS else f"w:{word}",
                    None if word in STOPWORDS or len(word) < 2 else f"p:{word_sound(word)}",
                )
            found.update(pair)
        for chunk in text.split():  # the character bigrams of each chunk (none of a 1-character one)
            found.update(["c:" + chunk[i : i + 2] for i in range(len(chunk) - 1)])
        found.discard(None)
        return found  # type: ignore[return-value]

    def all_words(self, normal: str) -> list[str]:
        """The words and the dictionary words inside the longer ones (专题教育 → 专题, 教育)."""
        clauses = [self._clause(clause) for clause in normal.split(" ") if clause]
        return [w for words, _ in clauses for w in words] + [w for _, inner in clauses for w in inner]


def build_index(knowledge: Knowledge, workdir: Path) -> Index:
    """Build the index for `knowledge`; the compact jieba dictionary goes into `workdir`."""
    use_readings_cache(workdir / READINGS_FILE)
    use_cedict_cache(workdir)
    table, shared = unambiguous(knowledge)
    aliases = AliasTable(table)
    texts = _Texts(aliases)
    own = own_places(knowledge, texts.normal)  # 涟禾乡 and 涟禾, listed in aliases.yaml or not
    places: dict[str, list[str]] = defaultdict(list, {form: sorted(docs) for form, docs in own.items()})
    for canonical in set(knowledge.aliases.places.values()):
        places.setdefault(normalize(canonical), [])
    for form, named in shared.items():  # 开发区, used by two zones: a question with it is about either
        places[texts.normal(form)] = sorted({d for place in named for d in places.get(texts.normal(place), [])})

    # Document by document, facts then sentences: recall reads a document's stretch of postings.
    units: list[tuple[str | None, Document, tuple[str, ...], str, str, tuple[str, ...]]] = []
    spans: dict[str, tuple[int, int]] = {}
    facts_of: dict[str, list[Fact]] = defaultdict(list)
    for fact in knowledge.facts:
        facts_of[fact.doc_id].append(fact)
    for doc in knowledge.documents.values():
        start = len(units)
        units.extend((f.id, doc, f.questions, f.answer, f.source, f.tags) for f in facts_of[doc.id])
        # A sentence listing things between semicolons is indexed part by part: 「…开工;…签约;…」
        # answers 「氮化镓项目什么时候投产」 only if one part holds both the project and the event.
        units.extend((None, doc, (), part, part, ()) for sentence in doc.sentences() for part in _list_items(sentence))
        spans[doc.id] = (start, len(units))

    normals = list(dict.fromkeys(texts.normal(t) for u in units for t in (*u[2], u[3], u[4])))
    # People quoted after their post (书记万国强说) are words before jieba reads anything (its HMM
    # would cut 万国/强说), and people too (`people` takes the terms as name candidates).
    quoted = speakers(texts.normal(t) for u in units for t in (u[3], u[4]))
    curated = [normalize(t, aliases) for t in knowledge.aliases.terms]
    terms = [*curated, *(normalize(t, aliases) for t in (*aliases.canonical.values(), *shared))]
    above = counties(knowledge, texts.normal)  # 澂浦县: one word, not 澂/浦县 (bot.index.learned)
    terms += quoted + [form for form in (*own, *above) if form not in terms]
    # Named for the code too: an index built by other code must never read this one's words.
    dictionary = workdir / f"dict-{code_version(_INDEX_SOURCES)}-{knowledge.fingerprint or 'x'}.txt"
    vocabulary, known_places, general = build_dictionary(normals, terms, dictionary, INTERROGATIVES)
    texts.segmenter = Segmenter(dictionary)
    # Names jieba does not know (凌雪华, 倪家浜村) are found by its HMM in the knowledge's own
    # texts; adding them to the dictionary keeps them whole in a question too (帮凌雪华 → 凌雪华).
    # Only the article's own sentences teach names: curated questions are typed casually, and
    # the HMM would glue a name to the word after it there (卫华帮, 赵青为).
    prose = dict.fromkeys(texts.normal(t) for u in units for t in (u[3], u[4]))
    found = new_words((texts.words(n) for n in prose), general)
    # Villages of rare characters, whole (岜坳村): jieba's dictionary cuts them apart (岜/坳村),
    # and its HMM only sees what the dictionary left; the segmenter is made anew to know them.
    villages = [v for v in village_names(prose, general) if v not in found]
    found += villages
    del normals
    if found:
        add_words(dictionary, found)
        general.update(dict.fromkeys(found, NEW_WORD_FREQ))
        vocabulary |= set(found)
    if villages:
        texts.segmenter = Segmenter(dictionary)

    # A name may reach the dictionary three ways: jieba knows it (nr), its HMM found it in the
    # prose, or a curator listed it under terms: (which makes it a known word the HMM never
    # reports). A byline (document.author) names people outright.
    candidates = tagged(dictionary, ["nr"]) | set(found) | set(terms)
    named = people((texts.words(n) for n in prose), candidates, frozenset(curated) | frozenset(quoted))
    named |= authors(knowledge, texts.normal)
    firms = frozenset(texts.normal(name) for name in knowledge.aliases.names.values())
    entries = EntryTable()
    postings: dict[str, array[int]] = {}
    word_df: Counter[str] = Counter()
    for position, unit in enumerate(units):
        fields = _entry(texts, named, firms, *unit)
        entries.add(**fields)
        words = fields["words"]
        word_df.update(words)
        for token in texts.tokens(words, " ".join([*fields["questions"], fields["body"]])):
            found_postings = postings.get(token)
            if found_postings is None:
                found_postings = postings[token] = array("i")
            found_postings.append(position)
    segmenter = texts.segmenter
    # Names jieba's HMM found (阚雨桐 after 返乡青年) are read in every reading too, people or not.
    aliases.romanized = _romanized(knowledge, segmenter, [*named, *found], word_df)
    lexicon = list(_everyday_words(texts, word_df))
    del texts, units
    share_equal(postings)
    count = len(entries) or 1
    idf = {w: math.log(1 + count / df) for w, df in word_df.items()}
    filed = classes(general)  # Cilin's classes of every word of the dictionary, read once
    index = Index(
        entries=entries,
        postings=postings,
        idf=idf,
        aliases=aliases,
        places=dict(places),
        vocabulary=frozenset(vocabulary) | frozenset(word_df),
        near=near_words(set(word_df)),
        frequency=dict(word_df),
        known_places=frozenset(w for w in known_places - not_places(filed) if not _LOCATIVE.fullmatch(w)),
        general=general,
        dictionary=dictionary,
        fingerprint=knowledge.fingerprint,
        spans=spans,
        max_idf=typical_top_idf(word_df, count),
        kin=with_posts(merge(kin_of(word_df, synonyms(), everyday=lexicon), kin_by_gloss(word_df)), word_df),
        cousins=cousins_of(word_df, synonyms()),
        english=english_words(word_df, word_df),
        function=function_words(dictionary) | frozenset(cilin_function_words(filed)),
        people=named,
        verbs=tagged(dictionary, ("v",)),
        years={d.id: int(d.date[:4]) for d in knowledge.documents.values() if d.date[:4].isdigit()},
        _segmenter=Segmenter(dictionary) if found else segmenter,
    )
    # A running bot rebuilds on every edit: CC-CEDICT's tables (tens of MB) are not kept between
    # builds — the next one reads them back from the cache folder in a fraction of a second.
    forget_cedict()
    return index


def _romanized(knowledge: Knowledge, segmenter: Segmenter, named: Iterable[str], word_df: Counter[str]) -> Romanized:
    """Latin spellings of the knowledge's names and words (bot.text.romanized).

    Names first, so that a spelling shared with a common word reads as the name: every alias
    form (大桥镇, 大桥) and its parts (嘉兴 of 嘉兴科技城), the people the articles name, then
    the words of the facts and articles, most used first.
    """
    forms = [f for f in knowledge.aliases.canonical() if is_han(f)]
    parts = [w for f in forms for w in segmenter.words(f) if len(w) >= 2 and is_han(w)]
    words = sorted((w for w in word_df if len(w) >= 2 and is_han(w)), key=lambda w: -word_df[w])
    names = dict.fromkeys([*forms, *parts, *named])
    latin = [w for w in word_df if w.isascii() and w.isalpha()]
    # A person's name in every reading of its polyphones (阚: kan as well as han; 覃: qin, tan):
    # which one a name takes, no dictionary says, and its bearer spells it their own way.
    readings = [
        ("".join(spelt), name)
        for name in named
        if is_han(name) and len(name) <= 4
        for spelt in itertools.islice(itertools.product(*(exact_readings(ch) for ch in name)), 16)
    ]
    spellings = [*((word_sound(w), w) for w in names), *readings]
    spellings += [(word_sound(w), w) for w in words if w not in names]
    return Romanized(spellings, keep=latin)


def _everyday_words(texts: _Texts, frequency: Counter[str]) -> Iterator[tuple[list[str], list[str]]]:
    """bot/text/data/everyday.txt as the words a question and an article are compared in: for each
    everyday phrase, its words and the official phrase's word they stand for (借钱难 → 借钱/难,
    融资难 → 融资/难: 借钱 for 融资). Single characters are left out (难 is no synonym of 难), and
    of an official phrase of several words only the rarest in the knowledge is meant: 关门 stands
    for 关停 of 关停企业, not for 企业."""
    for official, phrases in everyday():
        words = [w for w in _content_words(texts, official) if frequency.get(w)]
        officials = [min(words, key=lambda w: frequency[w])] if words else []
        for phrase in phrases:
            yield _content_words(texts, phrase), officials


def _content_words(texts: _Texts, text: str) -> list[str]:
    return [w for w in texts.words(texts.normal(text)) if len(w) >= 2 and w not in STOPWORDS]


def _list_items(sentence: str) -> list[str]:
    """A sentence's parts between semicolons (the sentence itself when it has none)."""
    parts = [p for p in re.split(r"(?<=[;；])", sentence) if len(p.strip("；; ")) >= 6]
    return [p.rstrip(";；") for p in parts] if len(parts) > 1 else [sentence]


def _entry(
    texts: _Texts,
    named: frozenset[str],
    firms: frozenset[str],
    fact_id: str | None,
    doc: Document,
    questions: tuple[str, ...],
    answer: str,
    source: str,
    tags: tuple[str, ...],
) -> dict[str, Any]:
    """The stored fields of one entry (`EntryTable.add`); `words` is a set."""
    norm_q = [texts.normal(q) for q in questions]
    q_words = [texts.words(q) for q in norm_q]
    answer_normal, source_normal = texts.normal(answer), texts.normal(source)
    body_text = normalize(f"{answer_normal} {source_normal}")
    answer_words = texts.all_words(answer_normal)
    all_words = {w for q in norm_q for w in texts.all_words(q)}
    all_words.update(answer_words, texts.all_words(source_normal))
    paragraph = texts.paragraph(doc, source) or source
    # The answer's figures, less the report date it cites (据2023年6月…) — unless its source says
    # the figure too: 6个村 in an article dated June is a count, not the month.
    told = frozenset(NUMBER.findall(answer_normal))
    counted = frozenset(m.group() for m in COUNTED.finditer(source_normal))
    numbers = (told - doc.date_numbers()) | (told & counted)
    return {
        "fact_id": fact_id,
        "doc_id": doc.id,
        "place": texts.normal(doc.place) if doc.place else None,
        "sentence": source,
        "questions": [q.replace(" ", "") for q in norm_q],
        # Sorted once here, so scoring's word-level ratio is a plain ratio (token_sort_ratio's sort
        # on every comparison was a tenth of the time a question takes).
        "question_words": [" ".join(sorted(w for w in ws if w not in STOPWORDS)) for ws in q_words],
        "question_pinyin": [texts.pinyin_of(key_terms(ws, set()) or ws) for ws in q_words],
        "words": all_words,
        "pinyin_words": {word_sound(w) for w in all_words if len(w) > 1},
        # What a fact can supply: dates from its source sentence (the answer always cites the
        # report date), counts from the numbers its answer tells.
        # Whether the answer names a person: its words looked up among the people, not the
        # people searched for in it — a thousand towns know tens of thousands of people.
        # A kind the curator asks it for in a wording (为什么…, 礼拜几…) it supplies too: the
        # curator has read the article and says the fact answers that.
        # A fact naming one of the curators' names (杰必机电, no 公司 in it) can say which firm.
        # A fact about the article itself quotes the whole byline (title, outlet, date, author):
        # what it tells is its answer — the outlet's fact gives no date.
        "kinds": supplies(
            answer_normal if source == byline(doc) else source_normal,
            numbers,
            not named.isdisjoint(answer_words),
            answer_normal,
        )
        | {kind for q in norm_q if (kind := asks(q)) is not None}
        | ({"organisation"} if not firms.isdisjoint(answer_words) else set())  # 杰必机电: a curator's name
        | noted_kinds(unsaid_note(answer)),
        "numbers": numbers,
        "context": frozenset(NUMBER.findall(texts.normal(paragraph))) | _named_before(texts, paragraph, source, named),
        "body": body_text.replace(" ", ""),
        "tags": tags,
    }


def _named_before(texts: _Texts, paragraph: str, source: str, people: frozenset[str]) -> frozenset[str]:
    """`told_before` of the entry's paragraph: what its source speaks of without naming it."""
    at = paragraph.find(source)
    if at <= 0:
        return frozenset()
    return told_before(texts.words(texts.normal(paragraph[:at])), texts.words(texts.normal(source)), people)
