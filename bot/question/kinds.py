"""What a question asks for, beyond its words: the kind of answer, its focus, the places it names.

Wording similarity alone cannot tell 「云创小镇有多少家企业？」 (a number the article never gives)
from 「云创小镇怎么样了？」 (which it answers). So a question is also read for what it wants — a
number, a date, a sum of money, a person — and for its focus, the thing it asks that of
(多少名**志愿者**, 多大**年纪**, **产值**有多少). A fact that cannot supply the kind, or never
mentions the focus, is a near miss, not an answer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from bot.knowledge.model import NUMBER
from bot.question.focus import MEASURES
from bot.question.parts import INDEFINITE
from bot.text.lexicon import POST_ENDINGS, STOPWORDS, is_noise
from bot.text.normalize import normalize
from bot.text.sound import syllables

#: Who a question may ask to be named besides a post (「村医叫什么名字」, 「巡库员是谁」): the
#: people news stories name by what they do.
_PEOPLE = (
    *POST_ENDINGS,
    "党员",
    "干部",
    "领导",
    "作者",
    "老总",
    "记者",
    "医生",
    "村医",
    "医师",
    "护士",
    "老师",
    "教师",
    "律师",
    "老人",
    "老人家",
    "大爷",
    "大妈",
    "村民",
    "居民",
    "志愿者",
    "师傅",
)

# What a question asks for, tried in this order (a date question also says 几: 几月几日).
_ASKS = [
    # A telephone number: news seldom prints one, and a fact about the hotline's hours is no number.
    (
        "phone",
        re.compile(
            r"电话(号码)?(是|为)?多少|(哪个|什么)(举报|服务|值班|咨询|联系)?电话|电话号码|号码是多少|联系方式|手机号|热线(电话)?(是|为)?多少"
        ),
    ),
    # How to apply, and what it takes (怎么报名, 需要哪些材料, 有年龄要求吗): a fact telling only
    # that a programme exists gives no procedure.
    (
        "procedure",
        re.compile(
            r"(怎么|如何|怎样|咋)(才能|才可以|可以|能|去)?(申请|报名|办理|加入|参加|预约|申报|登记|入住|缴费|参保|预订|神请)"
            r"|(需要|要)(准备|提交|带|交)?(哪些|什么|啥)(材料|手续|证件|资料|条件)"
            r"|(什么|哪些|啥)(条件|门槛|流程|手续|程序)|(年龄|条件|什么)要求|(报名|申请)(方式|渠道|条件|流程)"
        ),
    ),
    # 为什么 asks a reason or a purpose: a fact that tells only what was done cannot give it — not
    # after a verb 为 completes (被确定为什么示范乡镇, 评为什么称号): that is 为 + 什么.
    ("reason", re.compile(r"(?<![成作认以称视改更定评列选名分誉])为(什么|啥|何)|什么原因|啥原因|出于什么|凭什么")),
    # A person's age or home town: news about them seldom says, and a fact that merely names
    # them (「封小平今年多大了」) must not answer.
    ("age", re.compile(r"几岁|多少岁|岁数|年龄|年纪|今年多大|多大了")),
    ("origin", re.compile(r"哪里人|哪儿人|哪的人|什么地方人|哪个(镇|乡|县|市|省|地方)的人|老家|籍贯|祖籍")),
    # 哪个村: a fact naming a village tells it (荷塘湾村种粮大户吴长贵); one naming none cannot.
    ("village", re.compile(r"(哪个|哪一个|哪1个|什么)(村|社区)")),
    # Where a thing is (「严慕党史纪念馆在哪儿」): a fact that only mentions a visit there does not
    # say. Only the question that ends on it: 在哪里找到工作 asks where, but of an event.
    # 在哪条路上 asks a street: a place too.
    (
        "location",
        re.compile(
            r"(在|位于|设在|坐落在?)(哪儿|哪里|哪|什么地方|什么位置)([开办建举召][^\s的]{0,2}的)?[呢啊呀吗]?$"
            r"|地址|具体位置|什么位置|哪个位置|哪条(路|街|马路|大街)|哪个路口"
            # 「培训班在哪里上课」: where a thing is held or done at a place
            r"|在(哪儿|哪里|哪)(上课|开课|开会|举行|举办|集合|报名|办理|办公|看病|坐诊|领取|兑换|购买|买)"
            # 「登山健身走是在哪座山举行的」: where, by the kind of place
            r"|在哪[座个条片所家处][\u4e00-\u9fff]{1,3}(举行|举办|开展|召开|进行)"
        ),
    ),
    # 多久 asks for a duration or a frequency (十多年, 每月1次): a number or a time will do.
    ("duration", re.compile(r"多久|多长时间|多长的时间|多少年|几年了|频率|多频繁")),
    # 几月几号 asks for a day on the calendar; 此后 or 会后 can tell 什么时候, never 哪一天.
    # 哪一年 asks a year: 3月份 does not tell it.
    ("year", re.compile(r"哪年|哪1年|哪一年|(?<![\d零一二三四五六七八九十])几几年")),
    # 星期几, 每周哪天 ask a day of the week: 每周二 tells it, a date on the calendar does not.
    ("weekday", re.compile(r"(星期|礼拜|周)几|哪个?(星期|礼拜)|每(个)?(周|星期|礼拜)的?哪(一|1|几)?天")),
    ("day", re.compile(r"哪天|哪1天|哪一天|几月|几日|几号|日期|哪月|什么日子")),
    # 几点 asks a time of day: 提前了开门时间 tells when it changed, not the hour.
    ("clock", re.compile(r"几点|几时几分|什么时刻")),
    # 时间 asks only as the thing asked (什么时间, 开工时间是, 时间呢): in 时间银行有多少志愿者
    # it is part of a name, and the question asks how many.
    (
        "date",
        re.compile(
            r"什么时候|何时|啥时候|啥时|那天|(什么|啥|哪个)时间|时间(是|为|定在|在)?(什么|啥|哪|几|多少)|时间[呢吗？?]*$"
        ),
    ),
    # 十八届几中全会: 几 stands for the numeral inside a name (三中全会), asked like an ordinal.
    ("ordinal", re.compile(r"第几|第多少|排第|排名|几中全会|几届")),
    # Who won (哪支队伍得了第一名, 冠军是谁): only a fact that names a winner tells it, not one
    # that counts the teams taking part.
    (
        "winner",
        re.compile(
            r"(得了|拿了|获得|夺得|取得|荣获)(第[一1]名?(?![个次批家座条项])|冠军|[一1]等奖|金奖)"
            r"|(冠军|第[一1]名|[一1]等奖|金奖)(是|为)(谁|哪)|(谁|哪支|哪个|哪家|哪位)[^，。？]{0,8}(冠军|第[一1]名|[一1]等奖|金奖)"
        ),
    ),
    # By what rule something is judged or counted (评选的标准是什么, 积分怎么算, 三色分级怎么划分): a
    # fact that only says it is done gives no rule. Not 怎么评价, which asks an opinion.
    (
        "criterion",
        re.compile(
            r"(什么|啥|哪些)标准|标准是(什么|啥)|怎么(算|计算|划分|评(?!价)|认定|区分)|如何(计算|划分|评选|认定)|按什么"
        ),
    ),
    (
        "money",
        re.compile(
            r"多少钱|花了多少|花费|费用|金额|投资额|投资了多少|投了多少|造价|成本|多少资金|几个亿|多少亿|多少万"
            r"|(?:多少|几[十百千万]{0,2})块钱"  # 块 is the spoken 元: 每亩出几块钱
        ),
    ),
    # Which firm, maker or brand: 「施工单位是哪家企业」 is not told by a fact that says only
    # 电梯企业. Not the report's outlet (哪家媒体发的): the report's own facts tell that.
    (
        "organisation",
        re.compile(
            r"哪家(?!媒体|报|网|新闻|电视)|哪个(公司|企业|单位|厂|厂家|银行|机构)|什么(公司|企业|单位|厂家|机构|品牌|牌子)"
            # 哪所大学, 哪所医院: an institution by its name
            r"|哪所|(哪个|什么)(大学|学校|学院|医院)"
            r"|(公司|企业|单位|厂家|厂商)(的名字|名称)?(叫|是)?(什么|啥)(名字)?$|品牌|牌子"
        ),
    ),
    # 哪几个 asks which ones, not how many: 「整改要求做到哪几个“改”」 wants the list.
    ("number", re.compile(r"多少|(?<!哪)几|数量|人数|数目|总数|规模|多大|多高|多长|多重(?!要)|多远|几成")),
    # A person by name: 哪位党员, 村干部是谁. Plain 谁 is looser — 「网格是谁设的」 is answered
    # by 嘉兴科技城 — and any fact can say who did something.
    (
        "named",
        re.compile(
            r"哪一?位|姓名|哪[两几一\d]?户人家|(他|她|此人|这位\S{0,4}|那位\S{0,4})叫(什么|啥)|("
            + "|".join(_PEOPLE)
            + r"|[\u4e00-\u9fff]员)(是谁|叫什么|叫啥|姓什么)"
        ),
    ),
    ("person", re.compile(r"谁|什么人|哪个人|哪些人")),
]
#: 收不收费, 要不要钱: a verb, 不 and the verb again asks yes or no (会不会 and 能不能 ask what may
#: come, which no report tells).
_YES_NO = re.compile(r"吗\s*$|吗\s|是不是|是否|对不对|对吗|有没有|是真的|([^会能可\W\d])不\1")
#: A chatty ending that makes a question with no asking word a yes/no one (「骑行要收费嘛」); 吧
#: only before a question mark: 「是7月1日投用的吧？」 checks a claim, 「说说吧」 asks nothing.
_CASUAL_YES_NO = re.compile(r"[嘛么][?？!！。\s]*$|吧\s*[?？][?？\s]*$")
#: A claim with 对吧 or 是吧 after it asks to have it confirmed (「…转移了100人，对吧？」).
_TAG_YES_NO = re.compile(r"(对|是|没错|真的|是这样)吧[?？!！。\s]*$")
_ASKING_WORD = re.compile(r"什么|啥|怎|哪|谁|几|多少|如何|为何")


_PLURAL = re.compile(r"哪些|哪几|都有什么|都有啥|都做了|分别")


_COUNT = re.compile(r"多少|(?<!哪)几(?![月号日点天年时])")


_NEXT = re.compile(
    r"^(.{2,}?)(?:之后|以后|后来|然后|接着|完了以后)(?:又|还|接着|紧接着)?(?:做|干|搞|开展|进行|采取)?了?(?:什么|啥|哪些)"
)


def asks_next(normalized: str) -> str:
    """The step before the one asked for: 「成立领导小组之后又做了什么」 → 成立领导小组."""
    match = _NEXT.match(normalized.replace(" ", ""))
    return match.group(1) if match else ""


def counts_asked(words: list[str] | tuple[str, ...]) -> int:
    """How many counts a question asks for: 「收集了多少问题，办结了多少」 asks two, which one
    article sentence often gives together (收集问题191个,已办结175个)."""
    return sum(1 for w in words if _COUNT.match(w))


def asks_list(normalized: str) -> bool:
    """「有哪些企业落户了」, 「都做了些啥」: the answer is a list, not one fact."""
    return bool(_PLURAL.search(normalized))


def is_yes_no(normalized: str, raw: str = "") -> bool:
    """Whether the question checks a claim: 吗, 是不是, 能不能, 对吧, or a chatty 嘛 after no asking
    word (the particles 吧 and 嘛 are gone from `normalized`, so `raw` is read for them)."""
    if _YES_NO.search(normalized) or _TAG_YES_NO.search(raw):
        return True
    return bool(_CASUAL_YES_NO.search(raw)) and not _ASKING_WORD.search(raw)


def asks(normalized: str) -> str | None:
    """The kind of answer wanted: phone, procedure, reason, age, origin, village, location, duration, year,
    weekday, day, clock, date, ordinal, money, organisation, number, named, person, or None."""
    text = INDEFINITE.sub("", normalized)
    for kind, pattern in _ASKS:
        if pattern.search(text):
            return kind
    return None


@dataclass(frozen=True)
class Query:
    """A question, normalised and taken apart."""

    raw: str
    text: str  # normalised
    words: tuple[str, ...]  # segmented, synonyms replaced by the first of their group
    terms: tuple[str, ...]  # key terms: words that are neither stopwords nor named places
    places: tuple[str, ...]  # canonical places named
    foreign: tuple[str, ...]  # words that name a place the knowledge does not cover
    asks: str | None
    focus: tuple[str, ...]  # the thing asked about, and any alternative joined to it; may be empty
    yes_no: bool  # 「…是4302吗」: a question that checks a value it gives
    approximate: frozenset[str]  # numbers given roughly (5600多): context, not key terms
    plural: bool  # 「有哪些企业落户了」: asks for a list, which several facts may make up
    counts: int  # 「收集了多少问题，办结了多少」: how many counts it asks for
    after: str  # 「成立领导小组之后又做了什么」: the step whose next one is asked ("" if none)
    pinyin: str
    checked: frozenset[str] = frozenset()  # numbers offered to be confirmed: 有25家吗, 两个还是三个
    strangers: tuple[str, ...] = ()  # people named after a post whom the knowledge does not know (乡长郦昀涛)

    @cached_property
    def compact(self) -> str:
        """The text without spaces (worked out once: every candidate entry compares with it)."""
        return self.text.replace(" ", "")

    @cached_property
    def term_words(self) -> str:
        """The key terms, sorted and joined by spaces, for word-level ratios (an entry's curated
        questions are sorted likewise when the index is built: word order does not count)."""
        return " ".join(sorted(self.terms))


_ABOUT_BEFORE = frozenset("约 近 大约 大概 将近 超过 差不多 上 快".split())
_EXACTLY = frozenset("具体 确切 准确 精确 到底 究竟".split())
_ABOUT_AFTER = re.compile(r"^(多|几|余|来|左右|上下|出头)")


def guessed_numbers(words: list[str] | tuple[str, ...], yes_no: bool) -> tuple[set[str], set[str]]:
    """Numbers the asker guesses rather than states, as (approximate, checked).

    Approximate: 2800多, 60几个, 大约5000 — near the true figure, so a fact giving exactly that
    figure is not what they ask about (「有五千六百多党员的开发区，党组织有多少个」).
    Checked: 两个还是三个, 有没有二十年 — candidates the answer should confirm or correct.
    Neither is a key term: no fact is faulted for lacking them.
    """
    numbers = [i for i, w in enumerate(words) if NUMBER.fullmatch(w)]
    if yes_no or "还是" in words:
        return set(), {words[i] for i in numbers}
    approximate = {
        words[i]
        for i in numbers
        if (i + 1 < len(words) and _ABOUT_AFTER.match(words[i + 1])) or (i and words[i - 1] in _ABOUT_BEFORE)
    }
    # 「有六十几个单位作出部署，具体是多少个？」: the rough figure is the one asked, made exact.
    if approximate and any(w in _EXACTLY for w in words):
        return set(), approximate
    return approximate, set()


#: A clause that states what the asker heard or supposes (听说有20项, 已经突破150万人次了吧): its
#: numbers are a premise to confirm or correct, not a figure a fact must repeat.
_PREMISE = re.compile(r"^(?:我)?(?:听说|据说|听人说|有人说|好像|记得)|(?:了|是|对|没错)?吧$")
_CLAUSES = re.compile(r"[，,。？?！!；;\s]+")
#: A figure that is no date (2023年 and 11月 say when, which the question may still need).
_FIGURE_NOT_DATE = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)(?![\d.年月日号])")


def premised_numbers(raw: str) -> set[str]:
    """The numbers of the clauses of `raw` that state a premise rather than ask: 「听说洞溪镇为民
    办实事项目有20项，现在完工几项了」 asks how many are done; 20 is what the asker heard."""
    return {
        found.group(1)
        for clause in _CLAUSES.split(raw)
        if clause and _PREMISE.search(clause)
        for found in _FIGURE_NOT_DATE.finditer(normalize(clause))
    }


#: 前三个季度, 近5年, 头两个月: a span of time the question is set in, told by articles in their
#: own way (1至9月, 2019年以来); its number is no figure a fact must repeat.
_SPAN_BEFORE = frozenset("前 近 头 过去 最近".split())
_SPAN_UNITS = frozenset("季度 月 年 周 天".split())


def span_numbers(words: list[str] | tuple[str, ...]) -> set[str]:
    """The numbers of the time spans a question is set in (前3个季度 → 3)."""
    found = set()
    for i, word in enumerate(words):
        if i and words[i - 1] in _SPAN_BEFORE and NUMBER.fullmatch(word):
            rest = [w for w in words[i + 1 : i + 3] if w != "个"]
            if rest and rest[0] in _SPAN_UNITS:
                found.add(word)
    return found


def key_terms(words: list[str] | tuple[str, ...], places: set[str]) -> list[str]:
    # 1 is left out: 一家企业, 凌雪华一家 — before a measure word 一 is mostly "a", not a count;
    # but not in a date (11月1日 is not 11月12日). 一年 is a span (一年能加工…), never a date.
    # A measure word after a count or an asking word (多少**条**问题, 700**条**) only counts: the
    # knowledge rarely uses 条 or 名, which would make them weigh like names.
    # A count after 哪 (哪两个社区) is the size of the list asked for, not a number the fact says.
    return [
        w
        for i, w in enumerate(words)
        if w not in STOPWORDS
        and w not in places
        and not is_noise(w)
        and (w != "1" or "".join(words[i + 1 : i + 2]) in ("月", "日", "号"))
        and not (i and words[i - 1] == "哪" and NUMBER.fullmatch(w))
        and not (w in MEASURES and i and (words[i - 1] in STOPWORDS or words[i - 1].isdigit()))
    ]


#: 「这篇报道叫什么」: the name of the article itself is its title.
_TITLE_ASKED = re.compile(r"(报道|文章|新闻|稿子)(的)?(叫什么|叫啥|什么名字|啥名字|名字|名称|题目是)")


#: 「这篇关于岽畈乡高标准农田的报道来源是哪里」: the words after 关于 say which article, and the
#: question asks a detail of the report itself (its outlet, author, title or date).
_ABOUT_REPORT = re.compile(r"(?:这|那)篇(?:关于)?(?P<about>.{2,24}?)的?(?:报道|文章|新闻|稿子)")
_REPORT_FIELD = re.compile(r"来源|出处|出自|作者|记者|署名|谁写|标题|题目|发布|哪天发|几号发|什么时候发|哪家媒体")


def describes_report(text: str) -> str:
    """The words a question uses to say which report it asks a detail of (高标准农田 of 「这篇关于
    高标准农田的报道是谁写的」), or "" — they name no fact, only the article."""
    found = _ABOUT_REPORT.search(text)
    return found.group("about") if found and _REPORT_FIELD.search(text) else ""


def titled(text: str) -> tuple[str, ...]:
    """The key term of a question whose every word is a stopword and that asks the article's own
    name (「这篇报道叫什么」): 标题, the word its title fact is asked by."""
    return ("标题",) if _TITLE_ASKED.search(text) else ()


def pinyin_of(words: list[str] | tuple[str, ...]) -> str:
    return " ".join(syllables("".join(words)))


def described_ages(words: tuple[str, ...]) -> frozenset[str]:
    """The numbers of an age that only says who is meant (72岁的禤守砚): a fact about the person
    that does not repeat the age still answers 「…订单排到什么时候」."""
    return frozenset(
        word
        for i, word in enumerate(words)
        if NUMBER.fullmatch(word) and words[i + 1 : i + 3] == ("岁", "的") and i + 3 < len(words)
    )


def years_named(words: tuple[str, ...]) -> frozenset[str]:
    """The calendar years a question names (2024年, 二〇二四年 once normalised): a fact tells one
    by writing it, or — in an article reported that year — by 今年 or by giving no other year."""
    return frozenset(
        word
        for i, word in enumerate(words)
        if len(word) == 4 and word.isdigit() and 1900 < int(word) < 2100 and words[i + 1 : i + 2] == ("年",)
    )
