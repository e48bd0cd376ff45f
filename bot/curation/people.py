"""The people a news text names, for a draft to list and word questions about (`faqbot draft`).

A person is found, never looked up in a list of names: after a post or a trade (党委书记林卫东,
民宿主訾念宁), after any word for a person that jieba tags a name after (返乡青年伍德顺), before
a verb of saying (总经理濮志远告诉记者), quoted after a post (书记万国强说), in the byline; after a
post, a name opening with a character so rare jieba has no word for it (传承人眭根宝学习); after an
age (78岁的陆秀英); and right after a quotation, before a verb of saying (”邬春梅说).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from bot.curation.phrases import known_word, unknown_word
from bot.question.people import speakers, surname_like
from bot.text.normalize import is_han

#: Trades a person's name follows (民宿主訾念宁, 店主邬春梅): no post, what the person does.
TRADES = ("民宿主", "店主", "摊主", "场主", "业主", "船主", "老板", "店长", "司机")
#: The posts and trades a person's name follows in news prose (党委书记林卫东, 项目经理罗志刚,
#: 民宿主訾念宁): the common job titles, and who people are (村民, 养殖户).
POSTS = (
    "书记|镇长|乡长|县长|市长|区长|河长|湖长|路长|林长|网格长|主任|经理|局长|站长|所长|院长|校长|董事长|负责人|社长|队长|组长|委员|"
    "部长|处长|科长|村长|主席|专员|理事长|会长|厂长|团长|馆长|庭长|行长|园长|总监|军人|村民|居民|脱贫户|大户|记者|"
    "医师|医生|村医|护士|传承人|带头人|手艺人|"
    f"教师|老师|{'|'.join(TRADES)}|户主|养殖户|种植户"
)
#: Verbs of saying: after a post and a name (总经理濮志远告诉记者), the name is a person's,
#: whatever its surname.
_SAYING_VERBS = "说|表示|介绍|告诉|指出|坦言|认为|透露|解释|提醒|强调|回忆|感慨|补充"
#: What a name after a post runs up to: a verb of saying, punctuation, a figure, or a small word
#: that starts what the person does (在, 一早, 今年, 对此, 任组长).
NAME_ENDS = (
    rf"(?={_SAYING_VERBS}|[，。、：:“”（\d]|$|在|都|每|也|就|又|还|正|刚|已|一|带|"
    r"联系|是|从|今年|去年|家|把|将|向|和|与|给|对|任|担任|兼任)"
)
_SAYING = re.compile(_SAYING_VERBS)
#: An age in brackets after a name: 村民郗桂兰（63岁）说 names a person, whatever the surname.
_AGED = re.compile(r"[（(]\d{1,3}岁")
#: A post or a trade before a person's name (民宿主訾念宁2020年…, 店主邬春梅一早…).
#: A trade ending in 师 is a post too (高级农艺师禚绮岚, 保育师阙若溪, 工程师).
_POSTED = re.compile(
    rf"(?:{POSTS}|[\u4e00-\u9fff]{{0,3}}?员|[\u4e00-\u9fff]{{1,3}}?师(?![傅生资范徒父母姐兄弟]))([\u4e00-\u9fff]{{2,3}}?){NAME_ENDS}"
)

#: conjunctions, numerals, adverbs, pronouns, punctuation.
NO_NAME = re.compile(r"^(?:p|u|c|m|x|d|r|q|f|t|y|e|o)")


def people_in(sentences: Iterable[str], author: str = "") -> dict[str, str]:
    """Person → how the text names them (a post, 'byline'), in order of appearance."""
    found: dict[str, str] = {}
    for sentence in sentences:
        for match in _POSTED.finditer(sentence):
            name = match.group(1)
            if len(name) == 2 and sentence.count(name[0]) - sentence.count(name) >= 2:
                continue  # 「镇领导包片、村干部包组、护林员包山」: a verb in a list of its own, no surname
            said = _SAYING.match(sentence, match.end()) and not known_word(name) and name[0] not in _NO_NAME_START
            aged = _AGED.match(sentence, match.end()) and name[0] not in _NO_NAME_START  # 村民郗桂兰（63岁）
            if said or aged or named_after_post(name, match.group(0)[: -len(name)]):
                found.setdefault(name, _post_before(sentence, match.start(), match.start(1)))
        for name, post in _tagged_people(sentence).items():
            # The whole name, not a part (靳鹤 of 靳鹤年说, 罗志 of 罗志刚说, where 刚 may end a
            # name); a post says more than a quote.
            if found.get(name) in (None, "quoted") and not any(name != other and name in other for other in found):
                for part in [other for other in found if other != name and other in name]:
                    del found[part]
                found[name] = post
        for name, post in _rare_after_post(sentence):
            if not any(name in other or other in name for other in found):
                found[name] = post
        for name in speakers([sentence]):
            found.setdefault(name, "quoted")
        for name, how in _introduced(sentence):
            if not any(name in other or other in name for other in found):
                found[name] = how
    text = "。".join(sentences)
    found = {
        name: how
        for name, how in found.items()
        if not _counted(name, text) and not _word_goes_on(name, text) and _PRONOUNS.isdisjoint(name)
    }
    for name in re.split(r"[\s、，,/]+", author):
        if 2 <= len(name) <= 4:
            found.setdefault(name, "byline")
    return found


def _word_goes_on(name: str, text: str) -> bool:
    """Whether every time the text writes `name` its last character begins a word the text also
    writes without it — 普惠托 of 普惠托位 and 普惠托育, where 托位 and 托育 stand alone elsewhere: a
    word cut short, no person (宓嘉言 is followed by 说, 告诉…, and 言说 is written nowhere else)."""
    if len(name) < 3:
        return False
    after = [text[m.end()] for m in re.finditer(re.escape(name), text) if m.end() < len(text)]
    head = re.escape(name[:-1])
    return bool(after) and all(
        is_han(c) and re.search(rf"(?<!{head}){re.escape(name[-1] + c)}", text) is not None for c in after
    )


def _counted(name: str, text: str) -> bool:
    """Whether the text counts what `name` names — 「新建社区托育室4个」, 「每个托育室」: a thing; a
    person is never counted in 个."""
    run = re.escape(name)
    return re.search(rf"(?:[\d一二两三四五六七八九十几每各该这那]个){run}|{run}\d+(?:\.\d+)?个", text) is not None


_AFTER_POST = re.compile(rf"(?:{POSTS})(?=[\u4e00-\u9fff]{{3}})")


def _rare_after_post(sentence: str) -> Iterable[tuple[str, str]]:
    """A name after a post that opens with a character jieba's dictionary has no word for (传承人
    眭根宝学习, 团长蕲德顺介绍): so rare a character is a surname, and jieba, which cuts it off
    (眭/根/宝), cannot say where the name ends. It ends where a word of the language begins
    (学习, 介绍) or the clause does; three characters are tried before two."""
    for match in _AFTER_POST.finditer(sentence):
        at = match.end()
        if not _rare_character(sentence[at]) or sentence[at] in _NO_NAME_START:
            continue
        post = _post_before(sentence, match.start(), at)
        for size in (3, 2):
            name, rest = sentence[at : at + size], sentence[at + size :]
            ends = not rest or not "\u4e00" <= rest[0] <= "\u9fff" or known_word(rest[:2]) or rest[0] in "说和与等"
            if ends and not known_word(name) and not known_word(name[1:]):
                yield name, post
                break
        else:
            # No word begins after it either way (眭根宝收了6名徒弟): three characters, the commonest
            # length of a name, unless the third is a small word of its own (亓伟说, 亓伟的).
            name = sentence[at : at + 3]
            if len(name) == 3 and name[2] not in "说和与等是在的了把将也都就" and not known_word(name[1:]):
                yield name, post


#: An age before a name (今年七十二岁的禤守砚, 78岁的陆秀英): only a person is so described.
#: A word for who they are may stand between (62岁的村民濮桂兰): then any surname will do.
_AGE_BEFORE = re.compile(rf"(?:\d{{1,3}}|[一二三四五六七八九十]{{1,3}})岁的(?P<who>{POSTS})?(?=[\u4e00-\u9fff]{{2}})")
#: A quotation's end, then who said it (…干净的。”陆秀英笑着说): the name before the verb.
_QUOTED_BY = re.compile(rf"[”」](?=[\u4e00-\u9fff]{{2,3}}?(?:笑着|高兴地|感慨地|激动地)?(?:{_SAYING_VERBS}))")


def _introduced(sentence: str) -> Iterable[tuple[str, str]]:
    """A name after an age or right after a quotation (see the module): two or three characters
    opening with a surname or a character too rare for a word, ending where a word of the
    language, a verb of saying or the clause begins — never a word itself (78岁的老人)."""
    for match in (*_AGE_BEFORE.finditer(sentence), *_QUOTED_BY.finditer(sentence)):
        at = match.end()
        first = sentence[at]
        described = bool(match.groupdict().get("who"))  # an age and who they are: a person
        if first in _NO_NAME_START or not (described or surname_like(first) or _rare_character(first)):
            continue
        how = "quoted" if match.group(0)[:1] in "”」" else "aged"
        for size in (3, 2):
            name, rest = sentence[at : at + size], sentence[at + size :]
            ends = not rest or not "\u4e00" <= rest[0] <= "\u9fff" or known_word(rest[:2]) or bool(_SAYING.match(rest))
            if ends and _may_be_name(name):
                yield name, how
                break
        else:
            # No word begins after it either way (陆秀英拧开…): three characters, the commonest length.
            name = sentence[at : at + 3]
            if len(name) == 3 and name[2] not in _NO_NAME_START and _may_be_name(name):
                yield name, how


def _may_be_name(name: str) -> bool:
    """Whether a run may be a name: no word itself, nor opening with one (老人家), nor a surname
    before a word — unless that word is a given name jieba knows (陆/秀英)."""
    import jieba.posseg

    given = name[1:]
    known_given = known_word(given) and jieba.posseg.dt.word_tag_tab.get(given) != "nr"
    return not known_word(name) and not known_word(name[:2]) and not known_given


def _rare_character(character: str) -> bool:
    """Whether no word of jieba's dictionary is this character alone, commonly (眭, 厍, 蕲, 郗)."""
    import jieba

    jieba.initialize()
    return "\u4e00" <= character <= "\u9fff" and jieba.dt.FREQ.get(character, 0) < _RARE_CHARACTER


#: How often jieba's dictionary may count a character alone for it still to be rare (郗 0, 厍 155;
#: 王 and 张 are counted tens of thousands of times, 蕲 of 蕲春 1352).
_RARE_CHARACTER = 200


def _post_before(sentence: str, start: int, at: int) -> str:
    """How the text names the person whose name begins at `at`: what stands before it, from up to
    `_POST_REACH` characters before `start` (where the post was found), back to the clause's
    opening — from a whole word on (县农业服务中心农艺师, not 业服务中心农艺师), and after what
    introduces it (镇里还成立了由|镇长, 传承着|县级非遗代表性传承人)."""
    import jieba.posseg

    begin = max(0, start - _POST_REACH)
    window = re.split(r"[，、。；：“”‘’]", sentence[begin:at])[-1]
    words = [(pair.word, pair.flag) for pair in jieba.posseg.cut(window)]
    if begin > 0 and len(window) == at - begin and len(words) > 1:
        words = words[1:]  # the window may open inside a word
    for k in range(len(words) - 1, -1, -1):
        word, flag = words[k]
        if word in _INTRODUCING or (flag.startswith("v") and flag != "vn" and word.endswith(("了", "着"))):
            words = words[k + 1 :]
            break
    return "".join(word for word, _ in words)


#: How far before a post its description may reach (县农业服务中心农艺师).
_POST_REACH = 12
#: Words that introduce a post, no part of it: 成立了由|镇长任组长的…, 传承着|…传承人, 据|镇…主任.
_INTRODUCING = frozenset("由 着 了 据 在 是 为 请 请来 来自".split())


def named_after_post(name: str, post: str) -> bool:
    """Whether `name`, written after `post`, is a person's. After a post, a name no dictionary
    knows is one, however rare the surname (厍); after 村民 or 居民, who are many, it is as often
    what they do (村民取件、寄件). A word of the language is none, whatever it opens with
    (负责人介绍: 介 is a name's character too), nor a run opening with a preposition
    (书记为第一责任人)."""
    if known_word(name) or name[0] in _NO_NAME_START:
        return False
    # …unless it opens with a character too rare for a word of its own: a surname (村民濮桂兰在…).
    many = post.endswith(("村民", "居民")) and not _rare_character(name[0])
    return surname_like(name[0]) or (unknown_word(name) and not many)


#: A word jieba's dictionary counts this often is too common to be a given name cut from its
#: surname (成片 148, where 志远 has 18).
_COMMON_GIVEN = 100
#: jieba's flags of what may follow a name: a verb, punctuation, a preposition, a time, an
#: adverb, 的, a pronoun (每周), a numeral, a conjunction or a locative.
_AFTER_NAME = ("v", "x", "p", "t", "d", "uj", "r", "m", "c", "f")
#: How words for a person end (青年, 带头人, 大学生, 创业者, 手艺人): a name may follow them.
_PERSON_ENDINGS = ("人", "员", "者", "青年", "学生", "师傅", "工匠", "能手", "户主", "老板")
#: Characters that open what follows a post, never a name after it: 为, 是, 在, 对, 把, 将…, 们
#: (村医们说: the 村医 as a group), the words that round a figure (务工人员近万人, 约3000人), and
#: particles (工作人员的手说: 的手 is no one).
_NO_NAME_START = frozenset("为是在对把将从向和与及被给等也都就又还们近约逾超达共各每的地得了着过")
#: A pronoun is in no name: 「村民先跟我说」 names no 先跟我.
_PRONOUNS = frozenset("我你您他她它咱俺")


def _tagged_people(sentence: str) -> dict[str, str]:
    """People jieba tags as names right after a word for a person (副书记钭晓岚牵头, 大学生戚明轩回村,
    返乡青年伍德顺去年…): a post the regular expression cannot end, because what follows the name
    is any verb. A rare surname jieba cut from the given name (伍/德顺, 濮/志远) is joined to it."""
    import jieba
    import jieba.posseg

    cut = [(p.word, p.flag) for p in jieba.posseg.cut(sentence)]
    found: dict[str, str] = {}
    for i in range(1, len(cut)):
        before, flag_before = cut[i - 1]
        word, flag = cut[i]
        personal = before.endswith(_PERSON_ENDINGS)  # 青年 (jieba: a time word), 新农/人
        village = before.endswith(("村", "社区"))  # 东塘村訾念宁: a villager
        if not village and (flag_before.startswith(("nr", "ns")) or not (flag_before.startswith("n") or personal)):
            continue
        if len(before) < 2 and not personal:
            continue
        name = ""
        post_like = personal or re.search(rf"(?:{POSTS})$", before) is not None
        if flag.startswith("nr") and (len(word) == 3 or (len(word) == 2 and post_like)):
            name = word  # two characters tagged a name (路远 of 上学路远) only after a post
        elif len(word) == 1 and surname_like(word) and i + 1 < len(cut):
            rest, rest_flag = cut[i + 1]
            # A given name may be a word (志远, 明远), but not a common one (连/成片 is no 连成片).
            common = jieba.dt.FREQ.get(rest, 0) >= _COMMON_GIVEN and not rest_flag.startswith("nr")  # 唐/小雨
            if len(rest) in (1, 2) and not NO_NAME.match(rest_flag) and not rest_flag.startswith("v") and not common:
                name = word + rest
        after = cut[i + 1 + (name != word and bool(name))][1] if i + 1 + (name != word) < len(cut) else "x"
        # A whole name jieba tags after a post may be followed by anything (副局长逄志刚现场观摩).
        whole = len(name) == 3 and name == word and post_like
        if name and (after.startswith(_AFTER_NAME) or whole) and named_after_post(name, before):
            at = sentence.find(name)
            found[name] = _post_before(sentence, at, at) or before
    return found


#: A pronoun for a person (not the 他 of 其他).
_PRONOUN = re.compile(r"(?<!其)[他她]")


def subject_before_pronoun(source: str, people: tuple[str, ...]) -> str:
    """The person a sentence names before its pronoun, as its subject: 「蓟雁秋就是其中一位，每周
    三一早，她都会…」, 「村民濮桂兰在蒯亦川的农场帮工，她说」 — the first named, not one owning
    something (蒯亦川的): that one is no subject."""
    pronoun = _PRONOUN.search(source)
    if not pronoun:
        return ""
    named = [
        (at, person)
        for person in people
        if (at := source.find(person, 0, pronoun.start())) >= 0 and not source.startswith("的", at + len(person))
    ]
    return min(named)[1] if named else ""
