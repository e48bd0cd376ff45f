"""Wordings that ask about the people and bodies a sentence names: who holds a post, what post a
person holds, how old someone is, which company did something (`faqbot draft`, via
`bot.curation.wordings.Wordings`)."""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.curation.names import ORG_ENDINGS, organisation_forms, organisations_in, villages_in
from bot.curation.people import NAME_ENDS, POSTS, TRADES, named_after_post, people_in, surname_like
from bot.curation.phrases import unknown_word

#: A post and the name after it; the post may open with what it belongs to (洞溪镇党委书记林卫东,
#: 63岁的巡库员阙木生).
_ROLE = re.compile(rf"([\u4e00-\u9fff]{{0,8}}?(?:{POSTS}|[\u4e00-\u9fff]员))([\u4e00-\u9fff]{{2,3}}?){NAME_ENDS}")
#: The end of a firm's name, left when `_ROLE`'s reach cut the rest away.
_CUT_FIRM = re.compile(r"^(?:有限责任公司|有限公司|公司|集团)(?=[\u4e00-\u9fff]{2})")
#: Who a person is without holding a post: asked where they are from, not what post they hold.
_NO_POST = ("村民", "居民", "群众", "大户", "军人", "老人", "市民", "游客", "脱贫户", "养殖户", "种植户", "户主")
_AGE_BEFORE = re.compile(r"(?:\d+|[一二三四五六七八九十]+)岁的?$")
#: A person's age as the prose gives it (七十二岁的禤守砚, 72岁的周德福): asked 「…今年多大岁数」.
_AGED = re.compile(
    r"(?:\d+|[一二三四五六七八九十]+)岁的?([\u4e00-\u9fff]{2,3}?)(?=[，。、是说已在从把今干都也就每还又家]|一直|$)"
)
#: A village's post (下槲村党支部书记): asked with the village, since every village has one.
_VILLAGE_POST = re.compile(r"[\u4e00-\u9fff]{2,4}?(?:(?<!农)村|社区)(?!村)[\u4e00-\u9fff]{2,7}$")
#: The post after a village, town or company it belongs to (枳园村村医 → 村医, 洞溪镇党委书记 →
#: 党委书记): the post is asked by itself, never cut mid-name (园村村医).
#: Not the 村 of 村委会 or 村民: a word of its own.
_POST_AFTER_PLACE = re.compile(r"(?:村|社区|镇|乡|县|区|市|公司|中心|合作社)(?!级|委会|民|两委)([\u4e00-\u9fff]{2,7})$")
#: Bodies a post is asked with when the post alone says little (中心负责人, 合作社理事长).
_BODIES = ("公司", "中心", "合作社")


#: Someone named, then what they said after a colon (村民郗秀兰（61岁）笑着说：我们家5口人).
_SPOKEN = re.compile(r"^([^：:]{2,24}?)[：:](.{4,})$")
#: Words for the speaker's own: 我们家 → 郗秀兰家.
_FIRST_PERSON = re.compile(r"我们家|我家|我们|我")


def in_their_words(sentence: str) -> str:
    """What a quoted person said, with 我 made their name: 「村民郗秀兰笑得合不拢嘴：我们家5口人」
    is asked 「郗秀兰家有多少口人」, not 「…合不拢嘴：我们家有多少口人」."""
    spoken = _SPOKEN.match(sentence)
    speaker = next(iter(people_in([spoken.group(1)])), None) if spoken else None
    if spoken is None or speaker is None:
        return sentence
    return _FIRST_PERSON.sub(lambda m: speaker + ("家" if m.group(0).endswith("家") else ""), spoken.group(2))


def _role_of(before: str) -> str:
    """The post in what precedes a name: not the age (63岁的巡库员) nor what leads to it with a
    preposition (项目由乡长)."""
    return re.split(r"[由被据让请把向]", before.split("的")[-1])[-1]


def _org_role(sentence: str, role: str) -> str:
    """A post in an organisation, named by the organisation's name without its county
    (樟川县鹰眼科技有限公司经理 → 鹰眼科技有限公司经理), not by a tail of it the pattern caught
    mid-name (at most eight characters before the post)."""
    for org in organisations_in(sentence):
        ending = next((e for e in ORG_ENDINGS if org.endswith(e)), "")
        at = role.rfind(ending) if ending else -1
        if at >= 0 and org.endswith(role[: at + len(ending)]):
            named = next((f for f in organisation_forms(org) if f.endswith(ending)), org)
            return named + role[at + len(ending) :]
    return role


def _village_role(before: str, role: str) -> str:
    """A village's post (村委会主任, 村党支部书记) with the village the sentence names before it:
    「邰庄村调委会调处纠纷35件……村委会主任邰秀芬」 is asked 「邰庄村村委会主任是谁」 — every village has
    one, and the town's name would ask of none."""
    if not role.startswith(("村", "社区")):
        return role
    # 「在下槲村，村党支部书记秦有根…」: jieba reads 在下 as a word, so 在 + a village is read here.
    named = villages_in(before) or [v for v in _IN_VILLAGE.findall(before) if not v.endswith(("农村", "行政村"))]
    return f"{named[-1]}{role}" if named else role


#: A village a role names (鬯溪村村民, 苕岙社区), not the 村 of 村民.
_VILLAGE_IN_ROLE = re.compile(r"[\u4e00-\u9fff](?:村|社区)(?!民)")
#: 在 + a village (在下槲村, 在湾塘社区).
_IN_VILLAGE = re.compile(r"在([\u4e00-\u9fff]{2,4}?(?:村|社区))")


def _last_words(phrase: str, most: int = 6) -> str:
    """The words that end `phrase`, at most `most` characters, cut between words (应急管理办公室
    主任 → 办公室主任, not 公室主任)."""
    import jieba

    taken = ""
    for word in reversed(jieba.lcut(phrase)):
        if taken and len(word) + len(taken) > most:
            break
        taken = word + taken
    return taken


def _asked_of(name: str, role: str, scoped: Callable[[str], str], short: Callable[[str], str]) -> list[str]:
    """How a person named after `role` is asked about: what a trader does, where a villager is
    from, who holds a post and what post the person holds."""
    if role.endswith(TRADES):  # no post: what the person does
        return [f"{name}是做什么的"]
    if role.endswith(_NO_POST) or role.endswith(("村", "社区")):
        # 鬯溪村村民隗桂芝, 苕岙社区佘桂枝: where she is from; 种粮大户覃美华: no place is told, what he is
        return [f"{name}是哪里人" if _VILLAGE_IN_ROLE.search(role) else f"{name}是做什么的"]
    if not re.search(rf"(?:{POSTS})$", role) and not role.endswith("员"):
        return [f"{name}是做什么的"]  # 返乡青年农晓川: who he is, no post
    post = _POST_AFTER_PLACE.search(role)
    core = post.group(1) if post else _last_words(role)
    if post and len(core) <= 3 and (body := post.group(0)[: -len(core)]) in _BODIES:
        core = body + core  # 中心负责人, 合作社理事长: whose 负责人, not 负责人 alone
    if village := _VILLAGE_POST.search(role):
        core = village.group(0)  # 下槲村党支部书记: each village has one, so the village stays
    return [scoped(f"{role}是谁"), f"{name}是什么职务", short(f"{core}叫什么名字")]


def people_wordings(sentence: str, scoped: Callable[[str], str], short: Callable[[str], str]) -> list[str]:
    """A person named after a post: who holds the post, what post the person holds; and a
    person's age the prose gives (63岁的巡库员阙木生): how old the person is. `scoped` and
    `short` name the article's place in a wording as `Wordings` does."""
    found: list[str] = []
    asked = 0
    whole = people_in([sentence])
    for match in _ROLE.finditer(sentence):
        said, name = match.group(1), match.group(2)
        said = _CUT_FIRM.sub("", said)  # 瀚渎智充科技|有限公司汊埕片区经理: the firm's name was cut
        if not named_after_post(name, said):
            continue
        # 罗志 of 罗志刚说 (刚 may end a name): the whole name `people_in` found.
        name = next((w for w in whole if len(w) > len(name) and w.startswith(name)), name)
        role = _village_role(sentence[: match.start(2)], _org_role(sentence, _role_of(said)))
        if len(role) < 2:
            continue
        if _AGE_BEFORE.search(sentence[: match.start(1)] + said[: len(said) - len(role)]):
            found.append(f"{name}今年多大岁数")
        # 「由镇党委书记蒙振华任组长、镇长韦靖岚任副组长」: the second person is asked who holds the
        # post only, so that the sentence's figures keep their wordings.
        found = [*found, *_asked_of(name, role, scoped, short)[: 3 if not asked else 1]]
        asked += 1
        if asked == 2:
            break
    if not found:
        # A name jieba tags after a word for a person, before any verb (副书记钭晓岚牵头): the
        # regular expression cannot tell where such a name ends; `people_in` can.
        for name, post in whole.items():
            role = _org_role(sentence, _role_of(post))
            role = role if role != _role_of(post) else _last_words(role)
            if post not in ("quoted", "byline", "aged") and len(role) >= 2:
                found = _asked_of(name, role, scoped, short)
                break
    # 「七十二岁的禤守砚」: after an age, a name no dictionary knows is a person's, whatever
    # the surname (禤 is rare); 72岁的老人 is no name.
    aged = [f"{name}今年多大岁数" for name in _AGED.findall(sentence) if surname_like(name[0]) or unknown_word(name)]
    return list(dict.fromkeys([*found, *aged[:1]]))


#: How a question asks for an organisation of each kind: 哪家公司, 哪所学校. Not a 中心 or a 基地:
#: the ending is often the start of a longer name (镇中心微型消防站), not an organisation's end.
_WHICH = (
    ("合作社", "哪家合作社"),
    ("银行", "哪家银行"),
    ("卫生院", "哪家医院"),
    ("医院", "哪家医院"),
    ("学校", "哪所学校"),
    ("公司", "哪家公司"),
    ("集团", "哪家企业"),
    ("厂", "哪家企业"),
)
#: A post right after an organisation (…合作社理事长訾国梁, …公司安全总监): the clause is about a
#: person; a list goes on (…有限公司、渚源…有限公司等28家): the clause is about them all.
_NOT_ALONE = re.compile(rf"[\u4e00-\u9fff]{{0,4}}?(?:{POSTS}|总监)|[、等和及与]")


def organisation_wordings(clauses: list[str], scoped: Callable[[str], str]) -> list[str]:
    """The first clause that names an organisation as what someone dealt with, asked which one:
    「街道通过公开招标引入泠川县澹和物业服务有限公司」 → 「…通过公开招标引入哪家公司」. People ask for a
    company by what it did or had done to it, since its long registered name is what they lack.
    Not a clause where the organisation only says whose post follows (合作社理事长訾国梁介绍)."""
    for clause in clauses:
        for org in organisations_in(clause):
            at = clause.find(org)
            which = next((w for ending, w in _WHICH if org.endswith(ending)), "")
            if at < 0 or not which or _NOT_ALONE.match(clause, at + len(org)) or clause[:at].endswith("、"):
                continue
            rest = clause[:at] + clause[at + len(org) :]
            if len(rest) >= 5 and not rest.startswith("的"):
                return [scoped(clause[:at] + which + clause[at + len(org) :])]
    return []


#: Who won what (「郄家畈村代表队夺得冠军」, 「澥湄镇被评为全省稻渔综合种养示范区」).
_AWARDED = re.compile(
    r"^(?P<who>[^，,]{2,24}?)(?P<verb>被评为|被命名为|获评|荣获|夺得|摘得|斩获|获得)(?P<honour>[^，,]{2,30})$"
)
#: …where the honour says it is one: a place, a prize, a title of model or star (获得积分 is none).
_HONOUR = re.compile(
    r"冠军|亚军|季军|第[一二三1-3]名|[一二三]等奖|金奖|银奖|铜奖|称号|示范|先进|星级|荣誉|模范|标兵|优秀"
)
#: Words that open a clause without being the winner (最终，…; 据了解，今年…).
_LEAD_WORDS = re.compile(r"^(?:最终|最后|据了解|今年|去年|目前|其中)+")
#: The winner and where it won (镇中心小学跳绳队|在全县中小学生阳光体育运动会上).
_AT_EVENT = re.compile(r"^(.+?)((?:在|于)[^，,]{2,30}?[上中])?$")
#: Which one won, by how the winner's name ends: 哪支队伍夺得冠军, 哪个街道被评为示范街道.
_WINNERS = (
    ("队", "哪支队伍"),
    ("社区", "哪个社区"),
    ("村", "哪个村"),
    ("街道", "哪个街道"),
    ("镇", "哪个镇"),
    ("乡", "哪个乡"),
)


def award_wordings(clauses: list[str], scoped: Callable[[str], str]) -> list[str]:
    """An honour won, asked both ways: what the winner won (「郄家畈村代表队获得了什么」, 「澥湄镇被评为
    什么」) and who won it (「哪支队伍夺得冠军」, 「哪个街道被评为全市婴幼儿照护服务示范街道」)."""
    found: list[str] = []
    for clause in clauses:
        match = _AWARDED.match(clause)
        if not match or not _HONOUR.search(match.group("honour")):
            continue
        who, verb, honour = match.group("who"), match.group("verb"), match.group("honour")
        who = _LEAD_WORDS.sub("", who)
        if not who:
            continue  # 「今年获得冠军」: the winner is in another clause
        asked = "被评为什么" if verb.startswith("被") else f"{verb}了什么"
        winner, at = _AT_EVENT.match(who).groups(default="")  # 跳绳队|在全县…运动会上
        which = next((w for ending, w in _WINNERS if winner.endswith(ending)), "谁")
        found += [scoped(f"{who}{asked}"), scoped(f"{which}{at}{verb}{honour}")]
        if len(found) >= 4:
            break
    return found
