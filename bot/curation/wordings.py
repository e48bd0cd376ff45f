"""Question wordings made from a sentence, for `faqbot draft`.

A wording asks for what the fact's source tells, built from the source's own structure, in the
several registers people type: a number becomes 多少/几 + its measure word, both in the
sentence's words (「划分为多少个网格」) and as a short colloquial question about the thing
counted (「洞溪网格有几个啊」); an amount of money 多少钱; a date 什么时候/哪天; a person named after
a post 「…书记是谁」 and 「林卫东是什么职务」; a place after 在 「在哪里」; a reason or method clause
为什么/怎么; and a bare keyword query as people type into a search box. Some wordings name the
article's place, some its short form (洞溪镇 → 洞溪) and some none, as users do. A clause group
cut from a longer sentence (`bot.curation.clauses`) borrows the keywords of the sentence's
leading clauses, which say what it is about. Keywords are ranked by jieba's TF-IDF (its IDF
table is the library's data, not ours).
"""

from __future__ import annotations

import re

from bot.curation.askdates import date_wordings
from bot.curation.askfigures import SMALL, Phrasing, figure_wordings
from bot.curation.askpeople import award_wordings, in_their_words, organisation_wordings, people_wordings
from bot.curation.names import name_bare_kinds
from bot.curation.phrases import (
    clauses_of,
    head_noun,
    known_word,
    plain,
)
from bot.knowledge.model import Document
from bot.text.lexicon import STOPWORDS

#: jieba's part-of-speech flags of words that name nothing: conjunctions, adverbs, prepositions,
#: pronouns, particles.
_FUNCTION_FLAGS = frozenset("cdpru")
#: 在 + a place (在青岗村文化广场, 在洞溪河沿岸): what 「在哪里」 asks; not the 在 of 现在 or 正在.
_WHERE = re.compile(
    r"(?<![现正存实所自好])在([\u4e00-\u9fff]{2,10}?(?:村|社区|镇|乡|县|市|区|广场|公园|中心|园区|基地|河|湖|山|街道|路|站|厂|园))"
    r"(?:内|里|中|旁|边)?"  # 在产业园内建成…: asked 在哪里建成, the 内 goes with the place
)
#: A place in a ranking (排名第一, 位居全县第3, 名列前茅 is no place).
_RANKED = re.compile(r"(?:排名|排在|位居|位列|名列|居)[\u4e00-\u9fff]{0,4}?(第[一二三四五六七八九十\d]+)")
_NOT_ONE_PLACE = "各每全本这那该此"
#: A clause telling why or how (为了…, 通过…, 采取…, 以…为): asked with 为什么/怎么.
_REASON = re.compile(r"^(?:为了|因为|由于)(.{2,})")  # not a bare 为: 为中小企业提供… is "for", no reason
_METHOD = re.compile(r"^(?:通过|采取|采用|依托|借助|利用|围绕)(.{2,})")  # not 按照: a basis, no method
_END = "。！？!?”“\"'’‘「」『』 "
#: The speaker after a quotation's own full stop (…40多万元。公司总经理芮晓峰说).
_SAID = re.compile(r"[。！？](?=[^。！？]{1,16}(?:说|表示|介绍|坦言|感慨)$)")
#: The village a paragraph is about, as its sentences go on to call it (全村, 村里, 本村).
_THE_WHOLE_VILLAGE = re.compile(r"全村|村里(?![人])|本村|该村")
#: Anaphors for a name of an earlier sentence, by the kind of name they stand for (该公司 → the
#: last organisation named, 该乡 → the article's place, 他 → the last person): the wording names it.
_ANAPHORS = {
    # 「公司总经理濮志远介绍」 opening a sentence: the company the paragraph named.
    "该公司": re.compile(r"该(?:公司|企业|合作社|项目)|^(?:公司|企业)(?=[\u4e00-\u9fff])"),
    "该镇": re.compile(r"该(?:乡|镇|区|街道)"),
    "该村": re.compile(r"该(?:村|社区)"),
    "他": re.compile(r"(?<![其])[他她](?![们人])"),
}


#: 「青棠水库是一座小（1）型水库」: a subject, 是, a measure word and what kind of thing it is.
_IS_A = re.compile(r"^(.{2,16}?)是(?:一|1)(?:座|个|家|所|条|支|项|种|处|名|位|片)(.{2,20})$")


#: A thousands separator (1,460人次): asked about, the figure is one number.
_THOUSANDS = re.compile(r"(?<=\d)[,，](?=\d{3}(?!\d))")
#: The name before a 村 a phrase would start with: up to three characters, none a particle.
_VILLAGE_HEAD = re.compile(r"[^\W\d_的了在和与及是有从到]{1,3}$")


#: "In the town", "the whole village" (镇里, 全村): where the sentence is, not what it is about.
_LOCATIVE = re.compile(r"^(?:[镇村县乡市区]里|[全本各该][镇村县乡市区])$")

#: Units of measure jieba keeps as words (公里 of 86公里): no keyword of what a sentence is about.
_UNIT_WORDS = frozenset("公里 千米 平方米 公顷 公斤 千克 万元 亿元 人次 户次 小时 分钟".split())


def _after(place: str, text: str) -> str:
    """`text` without what it repeats of the end of `place` before it: a phrase cut out of the
    place's name (芷镇党委书记 of 甪芷镇党委书记) is not asked 「甪芷镇芷镇党委书记是谁」. Two characters
    or more: one alone may begin a word of its own (新河 + 河道)."""
    for size in range(min(len(place), len(text)), 1, -1):
        if place.endswith(text[:size]):
            return text[size:]
    return text


def _key(wording: str) -> str:
    """What two wordings must differ in: their characters, punctuation and spaces aside."""
    return re.sub(r"[\s，。？！?!,.、]+", "", wording)


class Wordings:
    """Makes the wordings of each fact of one article; no wording is given to two facts."""

    def __init__(
        self, doc: Document, forms: tuple[str, ...] = (), names: tuple[str, ...] = (), people: tuple[str, ...] = ()
    ) -> None:
        self.place = doc.place or ""
        #: the place as the text writes it (澄州市岑川县洞溪镇): no keyword, jieba cuts it anyhow (州市)
        self.forms = (self.place, *forms) if self.place else forms
        self.short = self.place
        for suffix in ("经济技术开发区", "经济开发区", "经开区", "开发区", "街道", "镇", "乡", "县", "市", "区", "村"):
            if self.place.endswith(suffix) and len(self.place) - len(suffix) >= 2:
                self.short = self.place[: -len(suffix)]
                break
        self.used: set[str] = set()
        #: the article's names, kept whole as keywords: jieba alone cuts 阳县 out of 蘧阳县
        self.names = tuple(dict.fromkeys((*self.forms, *names)))
        #: the people among them (闵德旺): a later clause's date may be theirs
        self.people = people
        self._phrasing = Phrasing(self.place, self._scoped, self._short, self._unbroken, self._keywords)

    def _names_place(self, text: str) -> bool:
        return bool(self.place) and (self.place in text or self.short in text)

    def _scoped(self, text: str) -> str:
        """`text` naming the article's place in full (洞溪镇…), unless it already names it."""
        if not self.place or self._names_place(text) or self._above_place(text):
            return text
        # 镇党委书记 after 簃溪镇: the post's 镇 is the place's (簃溪镇党委书记, not 簃溪镇镇党委书记).
        return self.place + (
            text[1:] if text[:1] == self.place[-1] and text[:1] in "镇乡县区市村" else _after(self.place, text)
        )

    def _above_place(self, text: str) -> bool:
        """Whether `text` opens with the county or city above a town's place (县农业技术推广中心
        of 澥湄镇): naming the town before it would make up a 澥湄县."""
        return text[:1] in "县市省" and self.place.endswith(("镇", "乡", "街道", "村", "社区"))

    def _short(self, text: str) -> str:
        """`text` naming the place by its short form (洞溪…), as people type it."""
        if not self.place or self._names_place(text) or self._above_place(text):
            return text
        rest = _after(self.place, text)  # 芷镇党委书记 after 甪芷: 甪芷党委书记
        return self.short + (rest if rest != text else _after(self.short, text))

    def of(
        self,
        source: str,
        context: str = "",
        referents: dict[str, str] | None = None,
        least: int = 3,
        most: int = 7,
        topic: str = "",
    ) -> list[str]:
        """3 to `most` wordings for the fact citing `source`, none used by an earlier fact.

        `context` is what the source is about when it was cut from a longer sentence (that
        sentence's leading clauses); `referents` what each kind of anaphor stands for (see
        `_ANAPHORS`: 该公司 → 岚陵恒屹公司)."""
        sentence = _THOUSANDS.sub("", plain(source.strip(_END)))  # 1,460人次 is one figure
        for anaphor, name in (referents or {}).items():
            if anaphor in _ANAPHORS and name:
                sentence = _ANAPHORS[anaphor].sub(name, sentence)
            elif anaphor.startswith("该") and name:  # 该中心: the 中心 named before
                sentence = sentence.replace(anaphor, name)
        sentence = name_bare_kinds(sentence, referents or {})  # 合作社现有… → 穗丰…合作社现有…
        if village := (referents or {}).get("全村"):
            # 「全村已有64户村民签订了入股协议」 of the paragraph about 藟坑村: asked of 藟坑村.
            sentence = _THE_WHOLE_VILLAGE.sub(village, sentence)
        # 「…一年光水费就能省下40多万元。”公司总经理芮晓峰说」: the figures are the quotation's;
        # who said it is asked of the whole.
        said = _SAID.search(sentence)
        clauses = clauses_of(in_their_words(sentence[: said.start()] if said else sentence))
        keywords = self._keywords(sentence)
        about = [w for w in self._keywords(plain(context)) if w not in keywords][:1] if context else []
        if topic and not about:
            # 「全镇签约1.86万人」 deep in a paragraph opening 「家庭医生签约，是…关键一环」: Chinese
            # leaves the topic to the paragraph's first sentence; the keyword wording names it.
            # A name there (新河公司建成厂房) is another subject, not the paragraph's topic.
            named = set(self.names)
            about = [
                w for w in self._keywords(plain(topic)) if w not in keywords and w not in sentence and w not in named
            ][:1]
        candidates: list[str] = []
        numbers, figures = figure_wordings(clauses, about, plain(context), self._phrasing)
        candidates += numbers[:2]
        candidates += people_wordings(sentence, self._scoped, self._short)
        candidates += organisation_wordings(clauses, self._scoped)
        candidates += award_wordings(clauses, self._scoped)
        candidates += date_wordings(clauses, self._scoped, self._short, self.people)
        # Every figure asked once before any is asked twice: 「每月巡河不少于2次…48小时内办结」
        # is asked for its 48 hours too.
        candidates += [numbers[2 * i + 1] for i in range(1, figures)]
        candidates += [numbers[2 * i] for i in range(1, figures)]
        candidates += self._rank(clauses)
        candidates += self._what(clauses)
        candidates += self._where(sentence)
        candidates += self._why(clauses)
        if keywords:
            candidates.append(" ".join([self.place, *about, *keywords[:3]]).strip())
            candidates.append(self._short(f"{''.join(keywords[:2])}是怎么回事"))
        candidates += numbers[4:]

        return self._distinct(candidates, sentence, least, max(most, 2 + 2 * figures))

    def _distinct(self, candidates: list[str], sentence: str, least: int, most: int) -> list[str]:
        result: list[str] = []
        for text in candidates:
            key = _key(text)
            if len(key) < 3 or key in self.used:
                continue
            self.used.add(key)
            result.append(text if text.endswith(("？", "?")) or " " in text else text + "？")
            if len(result) >= most:
                break
        whole = self._scoped(sentence)
        key = _key(whole)
        if len(result) < least and key not in self.used:  # a short sentence: itself, asked
            self.used.add(key)
            result.append(whole + "？")
        # A short saying (种得好，更要卖得好) is asked what it means and why it is said, in the words
        # people use of a slogan; numbered copies only when even those are taken.
        said = sentence.strip("，,。；;")
        for extra in (f"{whole}是什么意思？", self._short(f"为什么说{said}？"), self._scoped(f"怎么理解{said}？")):
            if len(result) < least and (key := _key(extra)) not in self.used:
                self.used.add(key)
                result.append(extra)
        n = 0
        while len(result) < least:  # every fact needs three distinct wordings, however short its sentence
            n += 1
            extra = f"{self._scoped(sentence)}（{n}）"
            self.used.add(extra)
            result.append(extra)
        return result

    def _rank(self, clauses: list[str]) -> list[str]:
        """「新河镇考核排名第一」 → 「新河镇考核排名第几」: a place in a ranking is asked with 第几."""
        for clause in clauses:
            if match := _RANKED.search(clause):
                return [self._scoped(f"{clause[: match.start(1)]}第几{clause[match.end(1) :]}")]
        return []

    def _what(self, clauses: list[str]) -> list[str]:
        """「青棠水库是一座小（1）型水库」 → 「青棠水库是什么样的水库」: a thing the article defines."""
        for clause in clauses:
            if match := _IS_A.match(clause):
                subject = re.split(r"[的地]", match.group(1))[-1]
                kind = head_noun(match.group(2))
                if len(subject) >= 2 and kind and subject != kind:
                    return [self._short(f"{subject}是什么样的{kind}")]
        return []

    def _where(self, sentence: str) -> list[str]:
        match = _WHERE.search(sentence)
        # 在各村和集镇社区: not one place (各, 每, 全, 这条线路), nor the first of a list
        if not match or match.group(1)[0] in _NOT_ONE_PLACE or sentence[match.end() : match.end() + 1] in "和、及与":
            return []
        before = re.split(r"[，；]", sentence[: match.start()])[-1]
        after = re.split(r"[，；]", sentence[match.end() :])[0]
        all_place = re.search(r"[上下里内中旁边]$", after)  # 「在…仉家坳村后山的3号瞭望塔上，」
        if len(before + after) < 2 or all_place or known_word(match.group(1)[-1] + after[:1]):
            return []  # nothing done there, or the place cut inside a word (在进山路|口设置)
        # Not where anything is: a set compared (在全县14个乡镇中排名第一), a place inside the
        # place (在服务中心一楼的直播间里), or a 在 that follows a preposition (向在外人员宣传).
        inside = re.match(r"[^，]{0,10}?[里内](?![面外])", after)  # 一楼的直播间里
        if re.match(r"[\d全各所]", after) or inside or before.endswith(tuple("向对给为把从与和")):
            return []
        return [self._short(f"{before}在哪里{after}")]

    def _why(self, clauses: list[str]) -> list[str]:
        for clause in clauses:
            if match := _REASON.match(clause):
                return [self._scoped(f"为什么要{match.group(1)}")]
            if match := _METHOD.match(clause):
                if clause.startswith(("采用", "采取")):
                    # 「采用混凝沉淀+过滤+消毒工艺」 names the method: asked what it is, not 怎么.
                    kind = head_noun(match.group(1))
                    return [self._short(f"采用什么{kind}")] if kind else []
                return [self._short(f"怎么{match.group(1)}")]
        return []

    def _keywords(self, sentence: str) -> list[str]:
        import jieba.analyse
        import jieba.posseg

        words = jieba.analyse.extract_tags(sentence, topK=8)
        # A conjunction, adverb, preposition or pronoun (要不是, 一边, 此次) says nothing of the subject.
        words = [w for w in words if jieba.posseg.dt.word_tag_tab.get(w, "x")[:1] not in _FUNCTION_FLAGS]
        # 「个村」 is jieba's cut of 12个村: a measure word left over from a number is no keyword.
        words = [w for w in words if not re.search(r"\d", w) and w[0] not in SMALL and w[0] not in "万亿余多"]
        words = [w for w in words if w not in _UNIT_WORDS and w not in STOPWORDS and not _LOCATIVE.match(w)]
        words = [w for w in self._whole(words, sentence) if not any(w in form for form in self.forms)]
        # A run jieba's HMM made up (中从县 of 其中从县医院) is no keyword, unless it is a name.
        return [w for w in words if w in self.names or known_word(w)][:4]

    def _unbroken(self, phrase: str, text: str) -> str:
        """`phrase`, the end of `text`, reaching back to the start of a name it cuts into: 「园村村医
        蒯长顺今年」 of 「枳园村村医蒯长顺今年」 is 「枳园村村医蒯长顺今年」."""
        start = len(text) - len(phrase)
        if not phrase or not text.endswith(phrase):
            return phrase
        for name in self.names:
            for match in re.finditer(re.escape(name), text):
                if match.start() < start < match.end():
                    start = match.start()
        if text[start : start + 1] == "村" and (village := _VILLAGE_HEAD.search(text[:start])):
            start = village.start()  # 荇湾村村医, a village the draft did not know as a name
        return text[start:]

    def _whole(self, words: list[str], sentence: str) -> list[str]:
        """`words` with each piece jieba cut from one of the article's names (阳县 of 蘧阳县, 但沄 of
        但沄岙镇) replaced by that name, or dropped when it straddles one."""
        spans = [(m.start(), m.end(), name) for name in self.names for m in re.finditer(re.escape(name), sentence)]
        whole: list[str] = []
        for word in words:
            at = sentence.find(word)
            end = at + len(word)
            cut = [(a, b, name) for a, b, name in spans if a < end and at < b and not (at <= a and b <= end)]
            if not cut:
                whole.append(word)
            elif inside := [name for a, b, name in cut if a <= at and end <= b]:
                whole.append(max(inside, key=len))
        return list(dict.fromkeys(whole))
