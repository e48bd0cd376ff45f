"""The unit a question asks its number in, and whether a text gives a number in it.

「大坝有多高」 asks a length, 「造了多少亩」 an area, 「守了多少年」 a span of years. A fact that
gives numbers of other units only (185万元, 23个) cannot tell what was asked, however well its
words match: 「青棠水库的大坝有多高」 is not answered by what the dam's repairs cost. Only units
that measure something are checked — 多少个 or 多少项 could count anything — and only in
Chinese's own ways of asking (多少亩, 几公里, 多高, 多重).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from bot.question.kinds import Query
from bot.text.numerals import ABOUT, ESTIMATE, numerals_to_digits
from bot.text.sound import sounds_alike

#: What each measuring unit may be written as in a fact: 亩 as 亩 or 公顷; a length in any
#: length unit (the fact may say 1.2公里 where the user thinks in 米).
#: 3站路 (bus stops away) is how a distance is said in town.
_LENGTH = ("米", "公里", "千米", "厘米", "毫米", "站路")
_WEIGHT = ("吨", "公斤", "千克", "斤")
_AREA = ("亩", "公顷", "平方米", "平方公里")
_KINDS: dict[str, tuple[str, ...]] = {
    **dict.fromkeys(_LENGTH, _LENGTH),
    **dict.fromkeys(_WEIGHT, _WEIGHT),
    **dict.fromkeys(_AREA, _AREA),
    "立方米": ("立方米", "方"),
    "岁": ("岁",),
    "年": ("年", "年头"),
    "天": ("天", "日"),
    "小时": ("小时", "个小时", "分钟"),
    "分钟": ("分钟", "小时"),
    "分": ("分",),  # 得了多少分: points of a score (多少分钟 is matched first, the longer unit)
    "元": ("元", "美元", "欧元", "港元", "日元", "英镑"),  # 万元 and 亿元 too: the figure's 万 or 亿 stands before it
}
#: Nouns that are sums of money: 「投入的资金是多少」 and 「前三季度收入有多少」 ask an amount in 元,
#: as 「多少万元」 does, so a fact that gives none cannot answer and facts that give different
#: sums are a choice. 「多大岁数」 asks an age in 岁 as 「多少岁」 does.
_MONEY = (
    r"(?:资金|投资|投资额|投入|经费|费用|收入|产值|金额|补助|补贴|奖补|奖励|奖金|销售额|营业额|"
    r"交易额|营收|税收|造价|租金|工资|分红|花费|开支|支出|总额|损失|经济损失|成本|预算|罚款|罚金|赔偿款|补偿款|"
    r"保费|薪酬|利润|欠款)"
)
_LINKED = r"(?:总共|一共|共计|共|大概|大约|到底|究竟|了)?(?:是|有|为|达|达到|共计)?(?:了)?"
#: A rate or a share: 「治理率是多少」 and 「百分之多少」 ask a figure in %.
_SHARE_NOUN = r"(?:率|比例|占比|比重|比率)"
_IMPLIED = re.compile(
    rf"(?P<share>{_SHARE_NOUN}){_LINKED}多少(?=$|[?？。!！呢啊呀吗])|(?P<pct>百分之多少|(?:多少|(?<![\d零一二三四五六七八九十])几)个?百分点)"
    rf"|(?P<money>{_MONEY}){_LINKED}多少(?:[万亿]|$|[?？。!！呢啊呀吗])|(?:多少|几)(?:[十百千万亿]{{0,2}})?块?钱"
    r"|(?P<age>多大(?:的)?(?:岁数|年纪|年龄)|年龄(?:是|有)?多少|多少岁数)"
    rf"|(?P<area>(?:占地)?面积{_LINKED}多[大少]|多大(?:的)?(?:占地)?面积)"
    rf"|(?P<length>(?:长度|距离|里程){_LINKED}多[长少远]|多长(?:的)?(?:距离|一段))"
    rf"|(?P<bigshare>{_SHARE_NOUN}{_LINKED}多大|多大(?:的)?{_SHARE_NOUN})"
)
#: The unit of a share. Normalised text has no %, so a share is looked for in the text as written;
#: 四成 and 九成以上 are shares too (not 统一成, 一成不变), and so is 三分之一.
SHARE = ("%",)
#: A count of things (几起火灾, 多少名志愿者): any figure will do but a share, a date or a time —
#: 「发生了几起火灾」 is not answered by 「火灾起数同比下降31.6%」.
COUNT = "#"
_COUNT_ASKED = re.compile(
    r"(?:多少|(?<![\d那这前近])几)(起|个(?!月|小时|钟头|星期|礼拜|年头|工作日)|名|家|处|项|次|人|户|座|条|所|件|位|台|辆|场|批|支|套|栋|间|期|届|轮|堂|部|只|张|份|本(?![地市县镇乡村届次年月人])|篇|块(?!钱)|册|头|架|艘|棵|株)([\u4e00-\u9fff]{0,2})"
)
#: A figure that counts: no share (31.6%), no date or time (5月, 2024年, 7:40), no sum or measure
#: after it.
_COUNT_TOLD = re.compile(
    r"(?<![\d.])\d+(?:\.\d+)?(?![\d.%％:：]|个百分点|个?月|年|日|号|时|点|分|成"
    # …nor a sum of money or a measurement: 演出收入14.6万元 counts no 场.
    rf"|{ABOUT}?[万亿千百]?{ABOUT}?(?:元|米|公里|千米|亩|公顷|平方|立方|吨|公斤|千克|斤|岁|小时|分钟|天))"
)
#: People are counted in 名, 位 or 人: 「有几名调解员」 is not told by 「调处纠纷41件」.
_PEOPLE_MEASURES = frozenset("名位人")
_PEOPLE_TOLD = re.compile(rf"(?<![\d.])\d+(?:\.\d+)?{ABOUT}?(?:万)?{ABOUT}?(?:名|位|人|个人)")
#: A count told as none (未发生较大事故): of what is counted, in one clause.
_NONE = r"(?:未发生|没有发生|没发生|无一|零)[^，,。；;]*"
_SHARE_TOLD = re.compile(
    r"(\d+(?:\.\d+)?)\s*[%％]|百分之\s*([\d.零一二两三四五六七八九十百点]+)|(\d+(?:\.\d+)?)个?百分点"
    r"|(?<![统万唯之第专单同])([一二两三四五六七八九]|\d)成(?![本员果为都立效绩交熟长功就不])"
    r"|(?<![百千万])((?:[一二三四五六七八九十]|\d+)分之(?:[一二三四五六七八九十]|\d+))"
)
#: Characters after a unit's that make it the start of another word (年轻, 年级, 分红, 分之, 天然).
_WORD_GOES_ON = {"年": "轻级纪龄", "分": "红之钟配类别析享拣解布摊", "天": "然"}
#: 多高, 多深: a dimension asked without a unit.
_DIMENSIONS = {"高": _LENGTH, "深": _LENGTH, "长": _LENGTH, "宽": _LENGTH, "远": _LENGTH, "重": _WEIGHT}
#: The measuring units, longest first (公里 before 里), as one alternation.
_UNIT_NAMES = "|".join(sorted(_KINDS, key=len, reverse=True))
#: 几 after a numeral is a digit guessed (二〇一几年), after 那/这/前 a few (那几天): no question.
_ASKED = re.compile(
    # 个 or a magnitude, not both: 几千亩 asks an area, 几个千亩基地 counts 基地.
    r"(?:多少|(?<![\d零一二三四五六七八九十那这前近头后])几)(?:个|(?:(?!百分)[十百千万亿]){1,2})?("
    + _UNIT_NAMES
    + r")|多(?:大)?(高|深|宽|远|重)(?![要视大])|多(长)(?=$|[?？。!！呢啊呀吗])"
)


def _begins_word(unit: str, following: str) -> bool:
    """Whether `following` makes the unit's character the start of another word (分红, 分类)."""
    return bool(following) and following in _WORD_GOES_ON.get(unit, "")


def _goes_on(unit: str, following: str) -> bool:
    """`_begins_word`, or `following` sounds like a character that would (分仲: 仲 zhong, typed
    for 钟) — a question is typed, a fact's text is not."""
    return _begins_word(unit, following) or any(sounds_alike(following, end) for end in _WORD_GOES_ON.get(unit, ""))


def asked_units(text: str) -> tuple[str, ...]:
    """The units a number answering `text` (normalised) must be in; () when any will do.

    「多长」 asks a length only at the end of the question: 「多长时间」 asks a duration of any
    unit, and a slip (多长时问) must not turn it into a length."""
    found = _ASKED.search(text)
    if found is None:
        implied = _IMPLIED.search(text)
        if implied is None:
            return ()
        if implied.group("area") or implied.group("length"):
            return _AREA if implied.group("area") else _LENGTH
        shares = implied.group("share") or implied.group("pct") or implied.group("bigshare")
        return SHARE if shares else _KINDS["岁" if implied.group("age") else "元"]
    if found.group(1) == "分" and text[: found.start()].endswith("点"):
        return ()  # 几点几分 asks the time of day
    following = text[found.end() : found.end() + 1]
    if found.group(1) and following and _goes_on(found.group(1), following):
        return ()  # 多少年轻人, 几年级, 多少分红, 多少分仲 (分钟 typed by sound): another word
    if found.group(1):
        return _KINDS[found.group(1)]
    if found.group(3) and re.search(r"(时间|时长|工期|周期|期限|年限|假期)[有是为]?$", text[: found.start()]):
        return ()  # 「自由支配的时间有多长」 asks a duration
    if found.group(2) == "高" and re.search(r"(率|比例|占比|比重|比率)(到底|究竟)?[有是为达]?$", text[: found.start()]):
        return SHARE  # 「入住率有多高」 asks a rate
    return _DIMENSIONS[found.group(2) or found.group(3)]


@lru_cache(maxsize=64)
def _figure_in(units: tuple[str, ...]) -> re.Pattern[str]:
    """A number in one of `units`, compiled once per set of units (scoring asks per entry)."""
    # An estimate in words (七八天, 几百米) gives a figure in its unit as well as digits do.
    return re.compile(
        rf"(\d+(?:\.\d+)?|{ESTIMATE}){ABOUT}?(?:万|亿|千万|百万)?{ABOUT}?(?:个)?("
        + "|".join(sorted(units, key=len, reverse=True))
        + ")"
    )


def _figures(text: str, units: tuple[str, ...]) -> Iterator[re.Match[str]]:
    """The numbers `text` (normalised) gives in one of `units`; a year on the calendar (2019年)
    is no span of years, nor a day of the month (11月18日, the report date an answer cites) a
    span of days."""
    for found in _figure_in(units).finditer(text):
        calendar_year = found.group(2) == "年" and len(found.group(1)) == 4
        day_of_month = found.group(2) == "日" and text[: found.start()].endswith("月")
        # 89.3 then 分类 (the % dropped by normalising): 分 begins another word, no unit.
        goes_on = _begins_word(found.group(2), text[found.end() : found.end() + 1])
        if not (calendar_year or day_of_month or goes_on):
            yield found


def units_after(text: str, number: str) -> tuple[str, ...]:
    """The units a figure of `text` (normalised) is given in, as a fact may write them: 「干保洁
    已经10年了吧」 gives 10 in years, which a fact tells as 第5个年头; () for a count of anything."""
    found = re.search(rf"(?<![\d.]){re.escape(number)}{ABOUT}?(?:万|亿)?{ABOUT}?(?:个)?({_UNIT_NAMES})", text)
    return _KINDS[found.group(1)] if found else ()


def tells_unit(text: str, units: tuple[str, ...]) -> bool:
    """Whether `text` (normalised) gives a number in one of `units`: 1.85万亩, 11个年头, 3个小时;
    for a share, `text` as written (92.5%, 百分之六十, 5个百分点)."""
    if units == SHARE:
        return _SHARE_TOLD.search(text) is not None
    if units[:1] == (COUNT,) and units[2] in _STRICT_MEASURES:
        return _counted_figure(units[2]).search(_as_digits(text)) is not None
    if units[:1] == (COUNT,):  # (COUNT, what is counted, the measure asked)
        # A count told as none only of what is counted: 「诉讼案件多少件」 names nothing after 件.
        none = bool(units[1]) and re.search(_NONE + re.escape(units[1]), text) is not None
        told = _PEOPLE_TOLD if units[2] in _PEOPLE_MEASURES else _COUNT_TOLD
        return bool(told.search(_as_digits(text))) or none
    return next(_figures(text, units), None) is not None


@lru_cache(maxsize=64)
def counted_in(measure: str) -> re.Pattern[str]:
    """A figure counted in `measure` (412户, 1.1万余人次, 3000多名), as normalised text writes it: what
    a count asked in that measure word (多少户农户入社) must find."""
    return re.compile(rf"\d{ABOUT}?(?:万)?{ABOUT}?{re.escape(measure)}")


#: A count asked in a measure word (多少册, 几架, 多少人次): the measure the figures must be told in.
_MEASURE_ASKED = re.compile(
    r"(?:多少|几)(人次|册次|[个名家处项次人户座条所件位台辆场批支套栋间期届轮堂部只张份本篇块册头棵株架艘])"
)


def measure_asked(text: str) -> str | None:
    """The measure word a question (normalised) counts in: 「捐赠了多少册图书」 → 册."""
    found = _MEASURE_ASKED.search(text)
    return found.group(1) if found else None


def verb_asked(words: tuple[str, ...], terms: tuple[str, ...]) -> str | None:
    """The key term a figure is asked right after, naming no unit (「同比增长了多少」 → 增长): what
    the figure asked follows in a fact."""
    for i, word in enumerate(words):
        if word in ("多少", "几"):
            before = [w for w in words[:i] if w not in ("了", "的", "达到", "到")]
            if before and before[-1] in terms and len(before[-1]) >= 2:
                return before[-1]
            return None
    return None


@lru_cache(maxsize=64)
def _after_verb(verb: str) -> re.Pattern[str]:
    return re.compile(
        rf"{re.escape(verb)}(?:了|达到?|到|至|为|约|近|超)?(\d+(?:\.\d+)?{ABOUT}?[万亿]?(?:%|个百分点|倍)?)"
    )


def figures_after(text: str, verb: str) -> frozenset[str]:
    """The figures `text` (normalised) gives right after `verb`: {45%} of 「同比增长45%」."""
    return frozenset(found.group(1) for found in _after_verb(verb).finditer(text))


def count_word(word: str) -> str | None:
    """The measure a word of asking alone counts in (几架, 多少场 → 架, 场); None for any other word."""
    found = _MEASURE_ASKED.fullmatch(word)
    return found.group(1) if found else None


def counts_in(text: str, measure: str) -> bool:
    """Whether `text` (normalised) counts something in `measure` or its family: 11架, 3台, 12名 of 几位."""
    return _counted_figure(measure).search(_as_digits(text)) is not None


#: Measure words that only count things of one sort (册 books, 头 cattle, 架 drones): a count asked
#: in one is told only in one of its family — 「多少册电子书」 is not told by 「注册用户4300人」.
_STRICT_MEASURES = {
    **dict.fromkeys("册本", "册|本|套"),
    **dict.fromkeys("头只", "头|只"),
    **dict.fromkeys("架艘", "架|艘|台"),
    "台": "台|架|套",  # machines: 各类农机87台, 机具142台（套）
    **dict.fromkeys("棵株", "棵|株"),
    "张": "张",
    "篇": "篇",
}


@lru_cache(maxsize=64)
def _counted_figure(measure: str) -> re.Pattern[str]:
    # People are counted in any of their measures: 「多少人参加」 is answered by 300余名 and 1.8万人次.
    # A thing's count in 次 counts goings, not things: 清理电动车2870辆次 is no count of 多少辆电动车.
    people = measure in _PEOPLE_MEASURES or measure == "人次"
    family = "名|位|人次|人|个人" if people else _STRICT_MEASURES.get(measure, re.escape(measure))
    goings = "" if people else "(?!次)"
    return re.compile(rf"(?<![\d.])\d+(?:\.\d+)?{ABOUT}?[万亿]?{ABOUT}?(?:{family}){goings}")


def figures_counted(text: str, measure: str) -> frozenset[str]:
    """The figures `text` (normalised) counts in `measure`, as written: {1.16万册, 3200册}."""
    return frozenset(found.group(0) for found in _counted_figure(measure).finditer(text))


@lru_cache(maxsize=4096)
def _as_digits(text: str) -> str:
    """A source with its Chinese numerals as digits (一千八百多个 → 1800多个), once per source: a
    count question checks every candidate's."""
    return numerals_to_digits(text)


def figures_in(text: str, units: tuple[str, ...]) -> frozenset[str]:
    """The figures `text` (normalised) gives in one of `units`, as written: {38.6公里}."""
    if units == SHARE:
        return frozenset(next(filter(None, found.groups())) for found in _SHARE_TOLD.finditer(text))
    return frozenset(found.group(0) for found in _figures(text, units))


def units_of(query: Query) -> tuple[str, ...]:
    """The units the number a question asks for must be in; () for a question asking no number,
    or checking one it gives (有25家吗)."""
    if query.asks not in ("number", "duration", "age") or query.yes_no:
        return ()
    return asked_units(query.text)


def figure_units(query: Query) -> tuple[str, ...]:
    """`units_of`, or (`COUNT`, what is counted, the measure) for a count of things asked in no
    measuring unit (几起火灾 → (COUNT, 火灾, 起)): what a fact must give a figure in to answer."""
    if query.asks != "number" or query.yes_no:
        return units_of(query)
    counted = _COUNT_ASKED.search(query.text)
    if not counted:
        return units_of(query)
    # 多少册次: the goings counted in 册, which a figure in 册次 tells (8.74万册次)
    measure, what = counted.group(1), counted.group(2)
    if what.startswith("次") and measure not in _PEOPLE_MEASURES:
        measure, what = measure + "次", what[1:]
    return units_of(query) or (COUNT, what, measure)


#: A named village or community in a clause (甑岭村, 湾塘社区), once the words that only end
#: like one are taken out (农村, 行政村, 各村) — and villages counted (5个先进村, 3个试点社区): a
#: name is never counted, so what follows a count is a kind of village.
_NAMED_PLACE = re.compile(r"[\u4e00-\u9fff](?:村|社区)")
_NOT_NAMED = re.compile(
    r"\d+个[\u4e00-\u9fff]{0,4}?(?:村|社区)|"
    r"农村|乡村|山村|村村|[全本该各每]村|行政村|自然村|[全本该各每]社区|城乡社区|村[（(\s]?社区|"
    r"村(?:医|民|委|级|干部|官|集体|里|务|两委|用|卫生室|道|庄)"
)


#: 「全镇的林地面积有多少」: the whole of a place, not a part of it.
_WHOLE = re.compile(r"全(?:镇|乡|县|区|市|街道)")


def asks_whole(text: str) -> bool:
    """Whether a question (normalised) asks about the whole of its place: 全镇, 全县."""
    return _WHOLE.search(text) is not None


#: The village a sentence named before (茆塘村…，全村分类准确率达到94.2%).
_THE_VILLAGE = re.compile(r"[全该本]村|村里|[全该本]社区")


#: What ends a clause of a sentence; a list joined by 、 stays one clause.
CLAUSE_END = re.compile(r"[，,。；;：:！？!?]")


def told_of_parts(text: str, units: tuple[str, ...]) -> bool:
    """Whether every figure `text` (normalised) gives in `units` is told of a named village or
    community (「仉家坳村林地2100公顷」, 「茆塘村…，全村分类准确率达到94.2%」): a part's figure,
    never the whole's."""
    named = names_a_village(text)
    clauses = [c for c in CLAUSE_END.split(text) if tells_unit(c, units)]
    return bool(clauses) and all(names_a_village(c) or (named and _THE_VILLAGE.search(c)) for c in clauses)


def names_a_village(text: str) -> bool:
    """Whether `text` (normalised) names a village or community (甑岭村), not only a word ending
    like one (农村, 行政村, 各村)."""
    return _NAMED_PLACE.search(_NOT_NAMED.sub("", text.replace(" ", ""))) is not None


#: How a village or community's name ends (箬塘村, 湾塘社区, 湾塘居委会).
VILLAGE_ENDINGS = ("村", "社区", "居委会")
#: The administrative endings a place's short form leaves off, longest first: 涟禾乡 is typed 涟禾.
ADMIN_ENDINGS = ("经济技术开发区", "经济开发区", "经开区", "开发区", "街道", "镇", "乡", "县", "市", "区")


def names_no_place(word: str) -> bool:
    """Whether a word ending like a village's name is none (农村, 行政村, 各村, 全社区)."""
    return _NOT_NAMED.fullmatch(word) is not None


_ROUGH_FIGURE = re.compile(r"(?<![\d.])(\d+)(万|亿)?(?:几|多|余|来)")
#: A figure as a text writes it, with its 万 or 亿.
_FIGURE_VALUE = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)(万|亿)?")
_MAGNITUDE = {"万": 10_000, "亿": 100_000_000}


def rough_ranges(text: str) -> list[tuple[float, float]]:
    """The ranges a question's rough figures stand for (normalised text): 30几 → [30, 40),
    2万多 → [20000, 30000), 100多 → [100, 200)."""
    ranges = []
    for digits, magnitude in _ROUGH_FIGURE.findall(text):
        unit = _MAGNITUDE.get(magnitude, 1)
        step = 10 ** (len(digits) - len(digits.rstrip("0")))  # 30几: tens; 1200余: hundreds
        ranges.append((int(digits) * unit, (int(digits) + step) * unit))
    return ranges


def figure_value(figure: str) -> float:
    """The number a figure as written stands for (3.2万人次 → 32000); -1 for no figure."""
    found = _FIGURE_VALUE.match(figure)
    return float(found.group(1)) * _MAGNITUDE.get(found.group(2), 1) if found else -1.0


def tells_in(text: str, ranges: list[tuple[float, float]]) -> bool:
    """Whether `text` (normalised) gives a figure in one of `ranges` (36 in [30, 40))."""
    for digits, magnitude in _FIGURE_VALUE.findall(text):
        value = float(digits) * _MAGNITUDE.get(magnitude, 1)
        if any(low <= value < high for low, high in ranges):
            return True
    return False
