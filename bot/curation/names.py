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

import re
from collections.abc import Iterable
from typing import Any

from bot.curation.people import NO_NAME, people_in
from bot.question.units import ADMIN_ENDINGS
from bot.text.normalize import is_han
from bot.text.segment import SELDOM

ORG_ENDINGS = ("公司", "合作社", "中心", "学院", "学校", "医院", "卫生院", "银行", "协会", "研究院", "研究所", "基地")
ORG_ENDINGS += ("联盟", "集团", "厂", "科院", "科学院")
_VILLAGE_ENDINGS = ("村", "社区")
#: A village's name is short (甑岭村, 仉家坳村, 湾塘社区); a longer run is prose ending in 村
#: (班子成员分片包村).
_LONGEST_VILLAGE = 6
#: What may lead a village's run without being its name: the town it is in (檠溪镇|藟坑村), or a
#: verb or preposition jieba glued to a name of rare characters (是藟坑村, 在苕岙社区), with what
#: the prose before it left (埠洲村|站和上塅村站: 站和 of the station named before).
_VILLAGE_LEAD = re.compile(
    r"^(?:[\u4e00-\u9fff]{1,4}?[镇乡县市]|[\u4e00-\u9fff]{0,3}?[是在于和与及到从对向把被将给])"
    r"(?=[\u4e00-\u9fff]{2,}(?:村|社区)$)"
)
#: jieba's flags of names and of characters that are no words alone (芰 g, 塘 j, 瀼 zg): a run with
#: one of them is a name; a run of common words only (社区党群服务中心) is a kind of place.
_PROPER = ("nr", "ns", "nz", "g", "j", "ng", "x", "yg", "zg")
#: jieba part-of-speech flags that cannot be inside a name: verbs, prepositions, particles,
#: A term the article puts in quotation marks: 「“以奖代补”」, 「“千里眼”」.
QUOTED = re.compile(r"“([\u4e00-\u9fff]{2,8})”")
_REGION = re.compile(r"((?:[\u4e00-\u9fff]{2}[省市县区])+)$")


def short_place(place: str) -> str:
    """洞溪镇 → 洞溪, 禾西经开区 → 禾西: the place without its administrative ending."""
    for ending in ADMIN_ENDINGS:
        if place.endswith(ending) and len(place) - len(ending) >= 2:
            return place[: -len(ending)]
    return place


def place_forms(place: str, text: str) -> list[str]:
    """The forms of `place` the text writes or people type: short, with counties, other endings."""
    short = short_place(place)
    forms = [short] if short != place else []
    ending = "|".join(ADMIN_ENDINGS)
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


def _proper(word: str, flag: str) -> bool:
    """Whether a token is a name's or a rare character's — not 县 or 村, which jieba sometimes
    flags zg too: a character as common as those is no name's."""
    import jieba

    if flag in ("g", "zg") and len(word) == 1:
        return jieba.dt.FREQ.get(word, 0) < _COMMON_CHARACTER
    return flag in _PROPER


#: A single character jieba counts this often is a word of the language, whatever its flag.
_COMMON_CHARACTER = 1000
#: A single character counted this often is a word said on its own (镇, 属, 县).
_COMMON_WORD = 5000


def _rare(tokens: list[tuple[str, str]], k: int) -> bool:
    """A rare character jieba cannot place (藟 yg, 荇 x, 瀼 zg, 箐 g): a name's, not a break — nor is the single
    character after it (荇|洲, where jieba calls 洲 a measure word)."""
    import jieba

    word, flag = tokens[k]
    rare = flag in ("x", "yg") or (flag in ("g", "zg") and _proper(word, flag))
    # A character jieba has seldom seen, whatever it guessed it is (蔸 q, 畈 q in 岱|畈|村).
    rare = rare or jieba.dt.FREQ.get(word, 0) < SELDOM
    # A rare surname jieba tags as one (仉|家|坳村: 家 then reads as a measure word).
    rare = rare or (flag == "nr" and jieba.dt.FREQ.get(word, 0) < _COMMON_CHARACTER)
    return rare and len(word) == 1 and "\u4e00" <= word <= "\u9fff"


#: What may open a run without being a name's: a particle or preposition jieba glued on (了棠).
_LEAD_PARTICLE = re.compile(r"^[了的在是把和与及从向对给被将为](?=[\u4e00-\u9fff]{3,})")


def _runs(
    sentence: str, endings: tuple[str, ...], longest: int, bare_ending: bool = False, organisations: bool = False
) -> list[str]:
    """Runs of jieba tokens ending in one of `endings`, cut on the left at a breaking token.
    With `bare_ending`, a last token that is a word of its own (农村, 全村) ends no name; with
    `organisations`, the words saying what it is that open a run are no part of the name."""
    import jieba
    import jieba.posseg

    tokens = _unglued(jieba.posseg.cut(sentence), endings)
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
            # A verbal noun may be a name's (笙墨文化传播|有限公司).
            verb = flag.startswith("v") and flag != "vn" and (len(before) >= 2 or before in "起到至给向往")
            # A rare character jieba cannot place (藟 yg, 荇 x) is a name's, not a break.
            rare = _rare(tokens, j - 1) or (len(before) == 1 and is_han(before) and j >= 2 and _rare(tokens, j - 2))
            if (NO_NAME.match(flag) and before not in "（）()" and not rare) or verb:
                break
            j -= 1
        while (
            organisations
            and 0 < j <= i
            and len(prior := tokens[j - 1][0]) == 1
            and is_han(prior)
            and _rare(tokens, j - 1)
        ):
            j -= 1  # cut for length inside rare characters (翯|阳县澥湄…合作社): a name opens at none of them
        while j < i and len(tokens[j][0]) >= 2 and tokens[j][0].endswith("方"):
            j += 1  # 施工方|岚川县通达公路工程有限公司: the party to the work, not the company's name
        if organisations:
            j = _first_proper(tokens, j, i)
        # A particle or preposition jieba glued to a name of rare characters (成立了棠|溆县…).
        name = _LEAD_PARTICLE.sub("", "".join(w for w, _ in tokens[j : i + 1]).strip("（）()"))
        # 位于棠埂村的|汧陔县…公司, 蘩岙乡与|苕峪县…公司: 的 and 与 end what comes before a name.
        name = re.split(r"[的与]", name)[-1]
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


def _unglued(pairs: Iterable[Any], endings: tuple[str, ...]) -> list[tuple[str, str]]:
    """jieba's (word, flag) tokens, with a particle it glued to a name's ending taken off again
    (棠埂|村的 → 棠埂|村|的): the ending is then seen, and the particle breaks the next run."""
    tokens: list[tuple[str, str]] = []
    for pair in pairs:
        word, flag = pair.word, pair.flag
        if len(word) >= 2 and word[-1] in "的了" and word[:-1].endswith(endings):
            tokens += [(word[:-1], "n"), (word[-1], "u")]
        else:
            tokens.append((word, flag))
    return tokens


def _first_proper(tokens: list[tuple[str, str]], start: int, end: int) -> int:
    """Where a run's name begins (`_past_kind_words`, then `_past_verbal_nouns`)."""
    return _past_verbal_nouns(tokens, _past_kind_words(tokens, start, end), end)


def _past_kind_words(tokens: list[tuple[str, str]], start: int, end: int) -> int:
    """Past the words of the language that open a run (本地|企业|埼润纺织有限公司: 企业 says what it
    is; 镇|属|国有企业|檠溪文旅…) — a dictionary word of two characters or more, or a single
    character common on its own — up to its first token of a name or a rare character. When a word
    jieba does not know comes first, the run is left whole (远|舟|储能…: it may be the name's own)."""
    import jieba

    k = start
    while k < end:
        word, flag = tokens[k]
        known = jieba.dt.FREQ.get(word, 0)
        if _proper(word, flag) or _rare(tokens, k) or not ((known >= 1 and len(word) >= 2) or known >= _COMMON_WORD):
            break
        k += 1
    return k if _proper(*tokens[k]) or _rare(tokens, k) else start


def _past_verbal_nouns(tokens: list[tuple[str, str]], start: int, end: int) -> int:
    """Past every verbal noun with no name's token before it (群众|下载安装|国家|反诈|中心: 反诈 is
    no part of a name); one after a name's own characters is (笙墨|文化|传播|有限公司)."""
    import jieba

    k = start
    for m in range(start, end):
        named = any(
            _proper(w, f) or _rare(tokens, n) or not jieba.dt.FREQ.get(w)
            for n, (w, f) in enumerate(tokens[start:m], start)
        )
        if tokens[m][1] == "vn" and not named:
            k = m + 1
    return k


def _generic(run: list[tuple[str, str]]) -> bool:
    """Whether a run of tokens is all common words, none a name's part (县人民医院)."""
    import jieba

    # 便民|服务中心: every part a word of the language (便民服务 is rarer than 10, a word all the same);
    # a character jieba has seldom seen alone is a name's (蔸|坪|村).
    return all(
        not _proper(word, flag) and jieba.dt.FREQ.get(word, 0) >= (SELDOM if len(word) == 1 else 1)
        for word, flag in run
    )


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
    return _runs(sentence, ORG_ENDINGS, 6, organisations=True)


def villages_in(sentence: str) -> list[str]:
    """The villages and communities a sentence names, in order (邰庄村, 湾塘社区)."""
    found = (_VILLAGE_LEAD.sub("", name) for name in _runs(sentence, _VILLAGE_ENDINGS, 3, bare_ending=True))
    return [village for village in found if len(village) <= _LONGEST_VILLAGE]


def names_in(sentences: list[str], author: str = "") -> list[tuple[str, str]]:
    """Every name found, with what it looks like, for the draft's comments."""
    found: dict[str, str] = {name: f"person, {how}" for name, how in people_in(sentences, author).items()}
    for sentence in sentences:
        for village in villages_in(sentence):
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


#: An organisation spoken of by its kind alone where a sentence or a quotation's tag opens
#: (「合作社现有社员46名」, 「…”合作社理事长翟庆禾说」): the one the article named last.
BARE_KIND = "^"


def bare_kinds(told: str, text: str, at: int, organisations: Iterable[str]) -> dict[str, str]:
    """For each kind of organisation `told` opens with (合作社, 公司), the last organisation of
    that kind the article (`text`) names before `at`: a referent keyed `^合作社`."""
    found: dict[str, str] = {}
    for kind in ORG_ENDINGS:
        if not re.search(rf"(?:^|[”，,]){kind}(?=[\u4e00-\u9fff])", told):
            continue
        earlier = [(text.rfind(name, 0, at), name) for name in organisations if name.endswith(kind) and name != kind]
        if earlier := [(pos, name) for pos, name in earlier if pos >= 0]:
            found[BARE_KIND + kind] = max(earlier)[1]
    return found


#: A post named by the body it heads (队长 of a 队), and the endings of that body's name.
_POST_BODIES = {
    "队长": ("队",),
    "团长": ("团",),
    "站长": ("站",),
    "馆长": ("馆",),
    "社长": ("社",),
    "理事长": ("社",),
    "校长": ("小学", "中学", "学校"),
}
#: Where a body's name starts, reading back from its ending: after a demonstrative and its
#: measure word (这支|志愿调解队), a particle, a preposition or a verb of going (走进|…中心小学).
_BODY_OPENS = re.compile(r"^.*[的在了是和把这那支个家所对从由与及为于进到向往]")
#: How far back a bare post's body is looked for: the paragraph before at most.
_BODY_REACH = 400


def bare_posts(told: str, text: str, at: int) -> dict[str, str]:
    """For a post `told` opens with alone (「队长邰守仁今年67岁」), the post with the body the text
    before `at` last names of its kind (这支志愿调解队 → 志愿调解队队长): news names the body once,
    then its head by the bare post, and a wording of the bare post would ask of every 队."""
    found: dict[str, str] = {}
    for post, endings in _POST_BODIES.items():
        if not re.search(rf"(?:^|[”，,]){post}(?=[\u4e00-\u9fff])", told):
            continue
        ending = "|".join(endings)
        before = text[max(0, at - _BODY_REACH) : at]
        bodies = list(re.finditer(rf"[\u4e00-\u9fff]{{1,12}}?(?:{ending})(?![员长部伍])", before))
        if bodies and len(body := _BODY_OPENS.sub("", bodies[-1].group(0))) >= 3:
            found[BARE_KIND + post] = body + post
    return found


def name_bare_kinds(text: str, referents: dict[str, str]) -> str:
    """`text` with each organisation spoken of by its kind alone named (see `bare_kinds`)."""
    for key, name in referents.items():
        if key.startswith(BARE_KIND):
            kind = key[len(BARE_KIND) :]
            text = re.sub(rf"(^|[”，,]){kind}(?=[\u4e00-\u9fff])", lambda m, n=name: m.group(1) + n, text)
    return text
