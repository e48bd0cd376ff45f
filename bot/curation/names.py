"""The names an article uses, and the aliases.yaml a draft proposes for it (`faqbot draft --aliases`).

Learned from the text alone, never from a list of names:
- the place's forms: its short form (洞溪镇 → 洞溪, 禾西经开区 → 禾西), the long forms the text
  writes with the counties before it (澄州市岑川县洞溪镇) and the other endings it gives the same
  stem (禾西经济开发区);
- people: a name after a post (党委书记林卫东), quoted after a post (书记万国强说), in the byline;
- villages and communities (青岗村, 湾塘社区) and organisations (…有限公司, …合作社, …中心): a run
  of jieba tokens ending in such a word, cut on the left where a verb, preposition, particle,
  numeral or punctuation begins (由|岑川县恒基建筑工程有限公司|承建); a generic word that jieba's
  dictionary knows (行政村, 全村) is not a name;
- terms the article puts in quotation marks (“红色网格”, “双报到”): its own coinages.
An organisation also gets its short forms (岑川县恒基建筑工程有限公司 → 恒基建筑工程有限公司,
恒基建筑工程, 恒基建筑, 恒基), so 「恒基那个项目」 reads as the company.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from bot.curation.phrases import known_word, unknown_word
from bot.question.people import SURNAMES, speakers

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
_POSTED = re.compile(rf"(?:{POSTS}|[\u4e00-\u9fff]{{0,3}}?员)([\u4e00-\u9fff]{{2,3}}?){NAME_ENDS}")
_PLACE_ENDINGS = ("经济技术开发区", "经济开发区", "经开区", "开发区", "街道", "镇", "乡", "县", "市", "区")
ORG_ENDINGS = ("公司", "合作社", "中心", "学院", "学校", "医院", "卫生院", "银行", "协会", "研究院", "研究所", "基地")
ORG_ENDINGS += ("联盟", "集团", "厂", "科院", "科学院")
_VILLAGE_ENDINGS = ("村", "社区")
#: A village's name is short (甑岭村, 仉家坳村, 湾塘社区); a longer run is prose ending in 村
#: (班子成员分片包村).
_LONGEST_VILLAGE = 6
#: What may lead a village's run without being its name: the town it is in (檠溪镇|藟坑村), or a
#: verb or preposition jieba glued to a name of rare characters (是藟坑村, 在苕岙社区).
_VILLAGE_LEAD = re.compile(
    r"^(?:[\u4e00-\u9fff]{1,4}?[镇乡县市]|[是在于和与及到从对向把被将给])(?=[\u4e00-\u9fff]{2,}(?:村|社区)$)"
)
#: jieba's flags of names and of characters that are no words alone (芰 g, 塘 j, 瀼 zg): a run with
#: one of them is a name; a run of common words only (社区党群服务中心) is a kind of place.
_PROPER = ("nr", "ns", "nz", "g", "j", "ng", "x", "yg", "zg")
#: jieba part-of-speech flags that cannot be inside a name: verbs, prepositions, particles,
#: conjunctions, numerals, adverbs, pronouns, punctuation.
_BREAK = re.compile(r"^(?:p|u|c|m|x|d|r|q|f|t|y|e|o)")
#: A term the article puts in quotation marks: 「“以奖代补”」, 「“千里眼”」.
QUOTED = re.compile(r"“([\u4e00-\u9fff]{2,8})”")
_REGION = re.compile(r"((?:[\u4e00-\u9fff]{2}[省市县区])+)$")


@functools.cache
def _name_characters() -> frozenset[str]:
    """The single characters jieba's dictionary tags as personal names (nr): the surnames a
    common-surname list lacks (庹, 蒯, 郏, 殳), with some given-name characters (晓, 峰)."""
    import jieba

    found: set[str] = set()
    with open(jieba.get_dict_file().name, encoding="utf-8") as lines:
        for line in lines:
            parts = line.split()
            if len(parts) == 3 and len(parts[0]) == 1 and parts[2] == "nr":
                found.add(parts[0])
    return frozenset(found)


def surname_like(character: str) -> bool:
    """Whether a name after a post may begin with `character`: a common surname, or a
    character jieba knows as a name's. The post before it is the evidence; this only keeps
    a word (党委书记带领) from being read as a name."""
    return character in SURNAMES or character in _name_characters()


def short_place(place: str) -> str:
    """洞溪镇 → 洞溪, 禾西经开区 → 禾西: the place without its administrative ending."""
    for ending in _PLACE_ENDINGS:
        if place.endswith(ending) and len(place) - len(ending) >= 2:
            return place[: -len(ending)]
    return place


def place_forms(place: str, text: str) -> list[str]:
    """The forms of `place` the text writes or people type: short, with counties, other endings."""
    short = short_place(place)
    forms = [short] if short != place else []
    ending = "|".join(_PLACE_ENDINGS)
    for match in re.finditer(rf"{re.escape(short)}[\u4e00-\u9fff]{{0,4}}?(?:{ending})", text):
        form = match.group(0)
        # 芰塘社区 is a community inside 芰塘镇, not the town: a 区 ends the place only as its
        # own ending (芰塘区) or a zone's (禾西经开区).
        if not form.endswith("区") or form == short + "区" or form.endswith(("开发区", "经开区")):
            forms.append(form)
    for match in re.finditer(re.escape(place), text):
        if region := _REGION.search(text[max(0, match.start() - 9) : match.start()]):
            regions = re.findall(r"[\u4e00-\u9fff]{2}[省市县区]", region.group(1))
            forms += ["".join(regions[i:]) + place for i in range(len(regions))]
    return [f for f in dict.fromkeys(forms) if f != place]


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
                post = sentence[max(0, match.start() - 8) : match.start(1)]
                found.setdefault(name, re.split(r"[，、。；：“”‘’]", post)[-1])
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
    for name in re.split(r"[\s、，,/]+", author):
        if 2 <= len(name) <= 4:
            found.setdefault(name, "byline")
    return found


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
        for size in (3, 2):
            name, rest = sentence[at : at + size], sentence[at + size :]
            ends = not rest or not "\u4e00" <= rest[0] <= "\u9fff" or known_word(rest[:2]) or rest[0] in "说和与等"
            if ends and not known_word(name) and not known_word(name[1:]):
                yield name, re.split(r"[，、。；：“”‘’]", sentence[max(0, match.start() - 8) : at])[-1]
                break


def _rare_character(character: str) -> bool:
    """Whether no word of jieba's dictionary is this character alone, commonly (眭, 厍, 蕲, 郗)."""
    import jieba

    jieba.initialize()
    return "\u4e00" <= character <= "\u9fff" and jieba.dt.FREQ.get(character, 0) < _RARE_CHARACTER


#: How often jieba's dictionary may count a character alone for it still to be rare (郗 0, 厍 155;
#: 王 and 张 are counted tens of thousands of times, 蕲 of 蕲春 1352).
_RARE_CHARACTER = 200


def named_after_post(name: str, post: str) -> bool:
    """Whether `name`, written after `post`, is a person's. After a post, a name no dictionary
    knows is one, however rare the surname (厍); after 村民 or 居民, who are many, it is as often
    what they do (村民取件、寄件). A word of the language is none, whatever it opens with
    (负责人介绍: 介 is a name's character too), nor a run opening with a preposition
    (书记为第一责任人)."""
    if known_word(name) or name[0] in _NO_NAME_START:
        return False
    return surname_like(name[0]) or (unknown_word(name) and not post.endswith(("村民", "居民")))


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
            if len(rest) in (1, 2) and not _BREAK.match(rest_flag) and not rest_flag.startswith("v") and not common:
                name = word + rest
        after = cut[i + 1 + (name != word and bool(name))][1] if i + 1 + (name != word) < len(cut) else "x"
        # A whole name jieba tags after a post may be followed by anything (副局长逄志刚现场观摩).
        whole = len(name) == 3 and name == word and post_like
        if name and (after.startswith(_AFTER_NAME) or whole) and named_after_post(name, before):
            at = sentence.find(name)
            found[name] = re.split(r"[，、。；：“”‘’]", sentence[max(0, at - 8) : at])[-1] or before
    return found


def _proper(word: str, flag: str) -> bool:
    """Whether a token is a name's or a rare character's — not 县 or 村, which jieba sometimes
    flags zg too: a character as common as those is no name's."""
    import jieba

    if flag in ("g", "zg") and len(word) == 1:
        return jieba.dt.FREQ.get(word, 0) < _COMMON_CHARACTER
    return flag in _PROPER


#: A single character jieba counts this often is a word of the language, whatever its flag.
_COMMON_CHARACTER = 1000


def _rare(tokens: list[tuple[str, str]], k: int) -> bool:
    """A rare character jieba cannot place (藟 yg, 荇 x, 瀼 zg, 箐 g): a name's, not a break — nor is the single
    character after it (荇|洲, where jieba calls 洲 a measure word)."""
    import jieba

    word, flag = tokens[k]
    rare = flag in ("x", "yg") or (flag in ("g", "zg") and _proper(word, flag))
    # A rare surname jieba tags as one (仉|家|坳村: 家 then reads as a measure word).
    rare = rare or (flag == "nr" and jieba.dt.FREQ.get(word, 0) < _COMMON_CHARACTER)
    return rare and len(word) == 1 and "\u4e00" <= word <= "\u9fff"


#: What may open a run without being a name's: a particle or preposition jieba glued on (了棠).
_LEAD_PARTICLE = re.compile(r"^[了的在是把和与及从向对给被将为](?=[\u4e00-\u9fff]{3,})")


def _runs(sentence: str, endings: tuple[str, ...], longest: int, bare_ending: bool = False) -> list[str]:
    """Runs of jieba tokens ending in one of `endings`, cut on the left at a breaking token.
    With `bare_ending`, a last token that is a word of its own (农村, 全村) ends no name."""
    import jieba
    import jieba.posseg

    tokens = [(p.word, p.flag) for p in jieba.posseg.cut(sentence)]
    found: list[str] = []
    for i, (word, _) in enumerate(tokens):
        if not word.endswith(endings):
            continue
        if bare_ending and word not in endings and tokens[i][1] != "ns" and jieba.dt.FREQ.get(word):
            continue  # 新建农村, 全镇农村: 农村 is a word, not a village's ending (塘村 of 箬塘村 is a place)
        j, steps = i, 0
        while j > 0 and steps < longest:
            before, flag = tokens[j - 1]
            # jieba cuts a name of rare characters into single ones (溟|川|县): two of them
            # make one step of the run, as one word would.
            steps += 1 if len(before) >= 2 or (j < i and len(tokens[j][0]) >= 2) else 0.5
            # A verb ends the name on its left, and so does a verb's one-character complement
            # (串联起/汀洲社区: 起 says where 串联 goes, it is no part of 汀洲).
            verb = flag.startswith("v") and (len(before) >= 2 or before in "起到至给向往")
            # A rare character jieba cannot place (藟 yg, 荇 x) is a name's, not a break.
            rare = _rare(tokens, j - 1) or (len(before) == 1 and j >= 2 and _rare(tokens, j - 2))  # 荇|洲
            if (_BREAK.match(flag) and before not in "（）()" and not rare) or verb:
                break
            j -= 1
        while j < i and len(tokens[j][0]) >= 2 and tokens[j][0].endswith("方"):
            j += 1  # 施工方|岚川县通达公路工程有限公司: the party to the work, not the company's name
        # A particle or preposition jieba glued to a name of rare characters (成立了棠|溆县…).
        name = _LEAD_PARTICLE.sub("", "".join(w for w, _ in tokens[j : i + 1]).strip("（）()"))
        if name.count("（") != name.count("）"):
            continue  # 村（社区: a bracket of the prose, not of a name
        if i + 1 < len(tokens) and tokens[i + 1][0].endswith(endings):
            continue  # 芰塘镇中心|卫生院: the name goes on
        if re.match(r"[一二三四五六七八九十两几多]", name) or _generic(tokens[j : i + 1]):
            continue  # 三大中心, 社区党群服务中心: a count or a kind, not a name
        # A dictionary word (行政村, 服务中心) is no name.
        # One token is a name when jieba made it up (邰庄村, tagged a person's name): no word has it.
        whole = i == j and len(name) >= 3 and not jieba.dt.FREQ.get(word)
        if (len(name) - len(word) >= 2 or (i > j and len(name) >= 3) or whole) and not jieba.dt.FREQ.get(name):
            found.append(name)
    return found


def _generic(run: list[tuple[str, str]]) -> bool:
    """Whether a run of tokens is all common words, none a name's part (县人民医院)."""
    import jieba

    # 便民|服务中心: every part a word of the language (便民服务 is rarer than 10, a word all the same)
    return all(not _proper(word, flag) and jieba.dt.FREQ.get(word, 0) >= 1 for word, flag in run)


def organisation_forms(name: str, regions: Iterable[str] = ()) -> list[str]:
    """岑川县恒基建筑工程有限公司 → 恒基建筑工程有限公司, 恒基建筑工程, 恒基建筑, 恒基.

    `regions` are the places a name may open with (岚陵, 禾西经开区): 岚陵恒屹新材料有限公司 is
    恒屹 for short, never 岚陵, which names the county and its other companies too."""
    import jieba

    bare = re.sub(r"^(?:[\u4e00-\u9fff]{2}[省市县区乡镇])+", "", name)
    for region in sorted(regions, key=len, reverse=True):
        if bare.startswith(region) and len(bare) - len(region) >= 4:
            bare = bare[len(region) :]
            break
    kind = re.search(r"(公司|合作社)$", bare)
    if kind is None:
        # A hospital, a centre, a school goes by its whole name: 县人民 is no way to say 县人民医院;
        # without its town it is a kind of place every town has (便民服务中心), no form of it.
        return [bare] if bare != name and bare not in regions and not _common_kind(bare) else []
    core = re.sub(r"(?:股份有限公司|有限责任公司|有限公司|分公司|公司|专业合作社|合作社)$", "", bare)
    core = re.sub(r"（.*?）|\(.*?\)", "", core)
    words = list(jieba.cut(core))
    forms = [bare, core]
    if len(words) >= 2:
        forms.append(words[0] + words[1][:2] if len(words[1]) > 2 else words[0] + words[1])
    if len(words[0]) >= 2:
        # People name a firm by its brand, and by its brand and what it is: 宏砺, 宏砺公司.
        forms += [words[0], words[0] + kind.group(1)]
    # A short form that is an everyday word (党员, 服务) would rewrite that word in every question.
    return [
        f for f in dict.fromkeys(forms) if f != name and len(f) >= 2 and not jieba.dt.FREQ.get(f) and f not in regions
    ]


def organisations_in(sentence: str) -> list[str]:
    """The organisations a sentence names (樟川县鹰眼科技有限公司)."""
    return _runs(sentence, ORG_ENDINGS, 6)


def names_in(sentences: list[str], author: str = "") -> list[tuple[str, str]]:
    """Every name found, with what it looks like, for the draft's comments."""
    found: dict[str, str] = {name: f"person, {how}" for name, how in people_in(sentences, author).items()}
    for sentence in sentences:
        for name in _runs(sentence, _VILLAGE_ENDINGS, 3, bare_ending=True):
            if len(village := _VILLAGE_LEAD.sub("", name)) <= _LONGEST_VILLAGE:
                found.setdefault(village, "village")
        for name in organisations_in(sentence):
            found.setdefault(name, "organisation")
        for term in QUOTED.findall(sentence):
            found.setdefault(term, "quoted term")
    # 民宿行业协会 is what jieba left of 檠溪镇民宿行业协会 elsewhere: the longer name is the name.
    return [
        (name, kind)
        for name, kind in found.items()
        if kind == "person"
        or not any(other != name and other.endswith(name) and k == kind for other, k in found.items())
    ]


def _common_kind(name: str) -> bool:
    """Whether `name` is only everyday words (便民服务中心, 人民医院): a kind, not a name. Unlike
    `_generic`, a word's frequency does not count: 便民 is rare in jieba's dictionary, yet no
    part of a name."""
    import jieba.posseg

    return all(not _proper(p.word, p.flag) for p in jieba.posseg.cut(name))


def draft_aliases(place: str | None, text: str, names: list[tuple[str, str]]) -> dict[str, object]:
    """The aliases.yaml a draft proposes: the place and its forms, organisations and their
    short forms, and every name as a term for the segmenter."""
    taken: set[str] = set()
    result: dict[str, object] = {}
    if place:
        forms = place_forms(place, text)
        result["places"] = {place: forms}
        taken |= {place, *forms}
    organisations: dict[str, list[str]] = {}
    named = [name for name, kind in names if kind == "organisation"]
    # What several organisations' names open with is a region (岚陵恒屹…, 岚陵鼎丰…), as are the
    # stems the text writes before 县 or 市 (栎川县) and the article's own place.
    regions = {n[:2] for n in named if sum(1 for other in named if other.startswith(n[:2])) >= 2}
    regions |= set(re.findall(r"([\u4e00-\u9fff]{2})[县市]", text)) | ({place, short_place(place)} if place else set())
    # A village's own name is no short form of a firm there (枧塘 of 枧塘竹艺公司 and 枧塘村).
    taken |= {re.sub(r"(?:村|社区)$", "", n) for n, kind in names if kind == "village"}
    for name in named:
        if name not in taken:
            forms = [f for f in organisation_forms(name, regions) if f not in taken]
            organisations[name] = forms
            taken |= {name, *forms}
    if organisations:
        result["names"] = organisations
    terms = [name for name, _ in names if name not in (place,)]
    result["terms"] = list(dict.fromkeys(terms))
    return result
