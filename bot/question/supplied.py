"""What kinds of answer a fact can give, read off its text: a date, a place, a firm, a span of time.

`bot.question.kinds.asks` says what a question wants (多少, 谁, 哪家企业, 多长时间); a fact whose text
gives nothing of that kind cannot answer it, however alike its words (`Matching`'s kind factor).
Each kind is told by the way Chinese news writes it (3月12日, 位于, 有限公司, 第5个年头).
"""

from __future__ import annotations

import re

from bot.text.numerals import ABOUT, ESTIMATE

_DATE_IN_TEXT = re.compile(
    r"\d+月|\d+日|\d{4}年|\d+:\d+|上午|下午|早上|晚上|周末|假期|每周|每月|以来|期间|近日|近年|今年|去年"
    r"|此后|会后|之后|之前|提前|当即|随时|起"
)
#: A span of time or a frequency: 3年, 48小时, 第5个年头, 每月1次, 两个半月.
_SPAN_IN_TEXT = re.compile(
    rf"\d(?:\.\d+)?{ABOUT}?个?(?:年|月|天|日|小时|分钟|周|星期|年头|次|秒)|每[天日周月年]|半[年月天]|[年月日]底"
)
_AGE_IN_TEXT = re.compile(r"\d+岁|岁")
_LOCATION_IN_TEXT = re.compile(
    r"位于|坐落|地址|设在|设于|落户|扎根|落地|开工|签约|在[^,，;；。]{1,15}"
    r"(内|里|旁|路|街|村|镇|区|园|楼|号|社区|公园|中心|基地|大厦|厂|院|馆|城|市|省)"
)
_ORIGIN_IN_TEXT = re.compile(r"籍贯|老家|祖籍|出生|人士")
_CLOCK_IN_TEXT = re.compile(r"\d+:\d+|\d+点|上午|下午|早上|晚上|凌晨|中午|傍晚")
_DAY_IN_TEXT = re.compile(r"\d+月|\d+日|\d{4}年")
_VILLAGE_IN_TEXT = re.compile(r"[\u4e00-\u9fff]{2,}(村|社区)")
_REASON_IN_TEXT = re.compile(
    r"为了|为此|因为|由于|旨在|以便|便于|方便|目的|原因|为避免|为的是|从而|以免|所以|因此|针对|考虑到|鉴于|需要|难题|短板"
)
_YEAR_IN_TEXT = re.compile(r"\d{4}年|(去|今|前|明)年|\d{4}-\d")
_WEEKDAY_IN_TEXT = re.compile(r"(星期|礼拜|周)[一二三四五六日天1-7]|周末|工作日")
_ORDINAL_IN_TEXT = re.compile(r"第\d|首[个家张批次位座]|头1|[\d一二三四五六七八九十]中全会|\d+届")
#: A telephone number as news prints one: 0571-88886666, 12345热线, 13800001111.
_PHONE_IN_TEXT = re.compile(r"(?<![\d.])(?:\d{3,4}-)?\d{5,11}(?![\d.%]|(?!热线|转)[\u4e00-\u9fff])")
_ORGANISATION_IN_TEXT = re.compile(
    r"[\u4e00-\u9fff]{2,}(有限公司|公司|集团|合作社|银行|医院|卫生院|厂|协会|商会|研究院|研究所|学校|小学|中学|大学(?!生)|学院"
    r"|事务所|基金会)|品牌|牌子|商标"
)
#: How to apply or take part: 申请, 报名, 凭…办理, 扫码, 符合…条件.
_PROCEDURE_IN_TEXT = re.compile(
    r"申请|报名|办理|预约|登记|申报|凭|携带|材料|手续|条件|要求|流程|程序|步骤|扫码|小程序|窗口|即可|只需|符合|入股|加入"
)
#: A figure given as an estimate in words, with what it measures (七八天, 几百米, 二三十人).
#: A rule something is judged or counted by: 按…标准, 根据, 分为, 每…得1分, 评分.
_CRITERION_IN_TEXT = re.compile(
    r"标准|按照|根据|依据|计算|划分|分为|分成|评分|打分|考核|按[^，,。；;]{0,8}(?:分|算|评|计)"
    r"|每[^，,。；;]{0,8}(?:得|记|计|积|奖励)\d|\d+分"
)
#: A winner named: 夺得冠军, 荣获一等奖, 名列第一.
_WINNER_IN_TEXT = re.compile(r"冠军|第一名|一等奖|金奖|夺得|荣获|摘得|名列第一|获得第一|获第一|夺冠")
_ESTIMATED = re.compile(rf"{ESTIMATE}(?:个|多)?(?:米|公里|天|年|月|周|小时|分钟|人|户|名|家|元|斤|亩|次|岁|块)")
_MONEY_IN_TEXT = re.compile(r"\d[\d.]*\s*(万|亿)?(元|美元)|亿元|万元")


#: The kinds a fact supplies when its source says something of the sort (每周二 a weekday).
_TOLD_BY_SOURCE = (
    ("day", _DAY_IN_TEXT),
    ("reason", _REASON_IN_TEXT),
    ("village", _VILLAGE_IN_TEXT),
    ("year", _YEAR_IN_TEXT),
    ("weekday", _WEEKDAY_IN_TEXT),
    ("location", _LOCATION_IN_TEXT),
    ("age", _AGE_IN_TEXT),
    ("origin", _ORIGIN_IN_TEXT),
    ("phone", _PHONE_IN_TEXT),
    ("procedure", _PROCEDURE_IN_TEXT),
    ("criterion", _CRITERION_IN_TEXT),
    ("winner", _WINNER_IN_TEXT),
)


def supplies(source: str, numbers: frozenset[str], named: bool = True, answer: str = "") -> frozenset[str]:
    """The kinds of answer a fact can give, from its normalised source and the numbers it tells.

    Dates are read from the source (every answer cites the report date, so its own text would
    always look like a date); counts from the numbers the answer tells, and a time of day from
    the answer too (「…提前了中医馆开门时间」 does not tell the hour its source gives); `named`
    when its text names a person (`people`).
    """
    kinds = {"person", "other"} | ({"named"} if named else set())
    if estimated := _ESTIMATED.search(source):  # 七八天, 几百米: a figure, though no digits
        numbers = numbers or frozenset({estimated.group()})
    if numbers:
        kinds.add("number")
    if numbers and _SPAN_IN_TEXT.search(source):  # not the answer: it cites the report date
        kinds.add("duration")  # 多久: a span or a frequency, never 2900余户
    if _DATE_IN_TEXT.search(source):
        kinds |= {"date", "duration"}
    kinds |= {kind for kind, told in _TOLD_BY_SOURCE if told.search(source)}
    if _CLOCK_IN_TEXT.search(answer or source):
        kinds.add("clock")
    if _ORGANISATION_IN_TEXT.search(f"{source} {answer}"):  # the answer may name the firm its clause calls 企业
        kinds.add("organisation")
    if _MONEY_IN_TEXT.search(source) and numbers:
        kinds.add("money")
    if numbers or _ORDINAL_IN_TEXT.search(source):
        kinds.add("ordinal")
    return frozenset(kinds)
