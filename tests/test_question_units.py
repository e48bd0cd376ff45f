"""What a question asks beyond its words: the unit of its number, the kind of answer, its focus."""

from __future__ import annotations

import jieba
import pytest

from bot.curation.evaluate import Item, passes
from bot.matching.engine import Engine
from bot.question.focus import focus
from bot.question.kinds import asks, is_yes_no, premised_numbers
from bot.question.supplied import supplies
from bot.question.timeframe import asks_done, other_year, tells_plan_only, tells_year
from bot.question.units import COUNT, SHARE, asked_units, figures_in, tells_unit, units_after
from bot.question.untold import list_untold, others_untold, part_of_whole, total_untold
from bot.reply import Reply
from bot.text.normalize import normalize
from tests.knowledge_helpers import story, town_story


@pytest.mark.parametrize(
    ("text", "number", "unit"),
    [("干保洁已经10年了吧", "10", "年头"), ("造林1.2万亩吗", "1.2", "公顷"), ("有25家吗", "25", None)],
)
def test_the_units_a_figure_is_given_in(text: str, number: str, unit: str | None) -> None:
    units = units_after(text, number)
    assert (unit in units) if unit else units == ()


@pytest.mark.parametrize(
    ("text", "told"),
    [
        ("垃圾分类准确率达到92.5%", True),
        ("覆盖率达到百分之六十", True),
        ("比去年提高5个百分点", True),
        ("其中60岁以上老年人占比超过四成", True),
        ("其中约三分之一以每吨低于市场价200元的价格供应", True),
        ("完成改造后统一成立业主委员会", False),
        ("全镇共有垃圾分类督导员92名", False),
    ],
)
def test_a_share_is_found_in_the_text_as_written(text: str, told: bool) -> None:
    # Normalising drops the %: a share is looked for in the source as the article writes it.
    assert tells_unit(text, SHARE) is told


@pytest.mark.parametrize(
    ("question", "unit"),
    [
        ("青棠水库的大坝有多高", "米"),
        ("这条路有多长", "公里"),
        ("造林造了多少亩", "亩"),
        ("阙木生守了多少年", "年头"),
        ("要等几个小时", "分钟"),
        ("多长时间能到", None),  # a duration of any unit, not a length
        ("留给学生自由支配的时间有多长", None),
        ("平均要多长时问", None),  # a slip must not make it a length
        ("绿控传动是201几年落户的", None),  # a digit guessed, not a question of years
        ("国庆那几天来了多少游客", None),  # 那几天: a few days
        ("有多少名志愿者", None),  # counts anything
        ("这件事多重要", None),
        ("考核中檀垟镇具体得了多少分", "分"),  # points of a score
        ("中医馆早上几点几分开门", None),  # a time of day
        ("今年有多少年轻人回到村里", None),  # 年轻人: 年 begins another word
        ("孩子读几年级", None),
        ("每户多少分红", None),
        ("平均响应时间不超过多少分仲", None),  # 分钟 typed by sound (仲 zhong): no points of a score
        ("民宿入住率到底有多高", "%"),  # a rate, not a length
        ("农村生活污水治理率是多少", "%"),
        ("生活垃圾资源化利用率提高到了百分之多少", "%"),
        ("小龙虾存活率提高了几个百分点", "%"),  # 几 asks as 多少 does
        ("提高了多少百分点", "%"),
        ("沄岙镇为防汛投了多少万元", "元"),  # 万 between the asking word and the unit
        ("造了几万亩", "亩"),
        ("蘩岙乡投入的资金是多少", "元"),  # a sum of money, though no unit is named
        ("前三季度收入有多少", "元"),
        ("营养午餐每天补助多少钱", "元"),
        ("收入同比增长了多少", None),  # a growth may be a share: no unit
        ("资金涉及多少个村", None),
        ("那位老人家今年多大岁数", "岁"),
        ("这场暴雨造成的直接经济损失有多少", "元"),  # a loss is a sum of money
        # a dimension named, asked by 多大 or 多长: its unit, not the word (面积 is never written
        # beside 3200平方米)
        ("改造的运动场有多大面积", "平方米"),
        ("新操场的面积有多大", "亩"),
        ("那片林子清了多长一段", "公里"),
        ("两个村之间的距离有多远", "米"),
        ("低价供应的占多大比例", "%"),
    ],
)
def test_the_unit_a_number_is_asked_in(question: str, unit: str | None) -> None:
    units = asked_units(normalize(question))
    assert (unit in units) if unit else units == ()


@pytest.mark.parametrize(
    ("text", "units", "told"),
    [
        ("累计完成荒山造林1.85万亩", ("亩",), True),
        ("已经在青棠水库守了11个年头", ("年", "年头"), True),
        ("这支志愿服务队成立于2019年", ("年", "年头"), False),  # a year on the calendar is no span
        ("投入资金185万元，完成大坝防渗加固", ("米", "公里"), False),
        ("据2025年11月18日报道，全镇快递进出件量达86.3万件", ("天", "日"), False),  # a date, no span
        ("快递进村时效由原来的3天左右缩短至24小时以内", ("天", "日"), True),
        ("总投资1.5亿美元的高端能源装备生产基地项目签约", asked_units("投资多少钱"), True),
        ("完成投资1150万元，投资完成率约62%", asked_units("投资多少钱"), True),
        ("全年新增就业岗位1200个", asked_units("投资多少钱"), False),
        ("分类准确率达到89.3%，分类投放", ("分",), False),  # the % dropped: 89.3 then 分类
        ("每亩多收稻谷20来斤", ("斤", "公斤"), True),  # 来: about 20
        ("每亩多收稻谷二十来斤", ("斤", "公斤"), True),
        ("转身赶往3站路外的单位上班", asked_units("单位离托育室多远"), True),  # bus stops away
        ("以前出一趟海少则七八天", ("天", "日"), True),  # an estimate in words gives a span too
        ("车间离家只有几百米", asked_units("车间离家有多远"), True),
        ("大家说了几句", ("天", "日"), False),
    ],
)
def test_whether_a_text_gives_a_number_in_a_unit(text: str, units: tuple[str, ...], told: bool) -> None:
    assert tells_unit(normalize(text), units) is told


@pytest.mark.parametrize(
    ("text", "measure", "told"),
    [
        # a measure word of one sort of thing is told only in its family
        ("提供电子书、有声书等资源，注册用户已有4300人", "册", False),
        ("农家书屋新增图书1.2万册", "册", True),
        ("捐赠科普读物600本", "册", True),
        ("蔸坪村有肉牛养殖户23户，存栏肉牛3200头", "头", True),
        ("配备植保无人机6架", "架", True),
        ("配备植保无人机6台", "架", True),
        ("配备植保无人机的村有6个", "架", False),
        ("拥有各类农机87台", "台", True),  # machines, counted in 台, 架 or 套
        ("补贴各类机具142套", "台", True),
        ("新增秸秆收储点3个，争取补贴资金400万元", "台", False),
        # a measure any count may stand for is read loosely, as before
        ("建成健身路径12处", "个", True),
    ],
)
def test_a_count_in_a_measure_of_one_sort_is_told_only_in_its_family(text: str, measure: str, told: bool) -> None:
    assert tells_unit(normalize(text), (COUNT, "", measure)) is told


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("石罅村卫生室的村医叫什么名字", "named"),
        ("青棠水库的巡库员是谁", "named"),
        ("蓝鹞救援队的队长是谁", "named"),
        ("芰塘社区的家庭医生是礼拜几坐班呢", "weekday"),
        ("家庭医生星期几来", "weekday"),
        ("寄宿生每周哪天晚上可以打亲情电话", "weekday"),
        ("剪纸工坊每周哪几天对外开放", "weekday"),
        ("想加入调解队要怎么报名", "procedure"),
        ("申请人才公寓需要准备哪些材料", "procedure"),
        ("殳明澈是哪一年开始担任党委书记的", "year"),
        ("巡库员阙木生是哪个村的人", "village"),
        ("阙木生是哪里人", "origin"),
        ("岩汐镇为什么选箬塘村做试点", "reason"),
        ("嘉兴科技城重点培育柔电院成为什么", None),  # 成为什么: what it becomes, no reason
        ("犴塍镇今年9月被确定为什么示范乡镇", None),  # 确定为 + 什么
        ("蕰埼镇被评为什么称号", None),
        ("镇政府的一把手是哪一位", "named"),
        ("迎新春登山健身走是在哪座山举行的", "location"),  # where, by the kind of place
        ("广场舞展演哪支队伍得了第一名", "winner"),  # who won: a fact counting the teams does not say
        ("篮球联赛的冠军是哪支队伍", "winner"),
        ("和哪家单位签订了全市第一个给水配套协议", "organisation"),  # 第一个 is no prize
        ("返乡大学生亓佳禾是从哪所大学毕业的", "organisation"),  # an institution by its name
        ("评选阅读之星的标准是什么", "criterion"),  # by what rule
        ("东洋浜村党支部按什么来划分的", "criterion"),
        ("积分怎么算的", "criterion"),
        ("方雷是怎么评价赵青的", None),  # 评价 asks an opinion, no rule
    ],
)
def test_what_a_question_asks_for(question: str, kind: str | None) -> None:
    assert asks(normalize(question)) == kind


@pytest.mark.parametrize(
    ("source", "kind", "told"),
    [
        ("每周二、周五在社区服务点坐诊", "weekday", True),
        ("11月12日上午9点", "weekday", False),  # a date on the calendar is no day of the week
        ("从3月份开始，镇里就把防汛当作头等大事", "year", False),  # a month is no year
        ("这支志愿服务队成立于2019年", "year", True),
        ("荷塘湾村种粮大户吴长贵流转了680亩农田", "village", True),
        ("63岁的巡库员阙木生已经守了11个年头", "village", False),
        ("为避免打乱企业正常的生产经营活动，开发区坚持无事不扰企业", "reason", True),
        ("洞溪镇将每月15日定为全镇主题党日", "reason", False),  # what was done, not why
        ("郄家畈村代表队夺得冠军", "winner", True),
        ("广场舞展演吸引了23支队伍、400余名群众参加", "winner", False),
        ("村里按居住地划分党支部", "criterion", True),
        ("村民每次分类投放得1分，积分可兑换日用品", "criterion", True),
        ("年底评选出阅读之星62名、书香家庭25户", "criterion", False),  # who was chosen, not by what rule
        ("返乡大学生亓佳禾把常见骗局拍成短视频", "organisation", False),  # a student names no university
        ("她毕业于省农业大学", "organisation", True),
    ],
)
def test_what_a_fact_can_tell(source: str, kind: str, told: bool) -> None:
    assert (kind in supplies(normalize(source), frozenset())) is told


@pytest.mark.parametrize(
    ("question", "year"),
    [
        ("去年用于物资补充的资金是多少", "去年"),
        ("今年用于物资补充的资金是多少", None),
        ("防汛专项的钱比去年涨了多少", None),  # the change, which the fact tells
        ("去年同期排查出了多少处隐患", "去年"),  # 去年同期 is one word to jieba
    ],
)
def test_the_other_year_a_question_asks_about(question: str, year: str | None) -> None:
    pattern = other_year(tuple(jieba.lcut(question)))
    assert (pattern is not None and pattern.search(year) is not None) if year else pattern is None


@pytest.mark.parametrize(
    ("sentence", "told"),
    [
        ("全镇县域内就诊率达到91.2%，比去年提高3个百分点", False),  # the change only
        ("门诊量达到4.7万人次，同比增长19.6%，较上年同期多6000人次", False),
        ("资源化利用率由去年的42%提高到71.8%", True),
        ("去年全村茶叶销售收入达到420万元", True),
    ],
)
def test_a_year_compared_with_is_not_told(sentence: str, told: bool) -> None:
    year = other_year(("去年", "的", "就诊率", "是", "多少"))
    assert year is not None and tells_year(year, sentence) is told


@pytest.mark.parametrize(
    ("raw", "premised"),
    [
        ("听说洞溪镇2023年为民办实事项目有20项，现在完工几项了？", {"20"}),  # a year says when
        ("接待游客已经突破150万人次了吧？具体是多少？", {"150"}),
        ("全镇今年投入了1380万元，用在哪些地方", set()),  # stated, not heard or supposed
    ],
)
def test_the_numbers_of_a_premise_are_to_be_checked(raw: str, premised: set[str]) -> None:
    assert premised_numbers(raw) == premised


@pytest.mark.parametrize(
    ("raw", "yes_no"),
    [
        ("听说石楠坳村那晚转移了100人，对吧？", True),
        ("是吧", True),
        ("转移了多少人吧", False),
        ("暑期课堂收不收费？", True),  # a verb, 不 and the verb again
        ("补贴标准会不会提高？", False),  # 会不会 asks what may come
    ],
)
def test_a_claim_with_dui_ba_asks_to_be_confirmed(raw: str, yes_no: bool) -> None:
    assert is_yes_no(normalize(raw), raw) is yes_no


@pytest.mark.parametrize(
    ("words", "found"),
    [
        (["村医", "叫", "什么", "名字"], ("村医",)),
        (["村党支部书记", "的", "全名", "叫", "什么"], ("村党支部书记",)),  # whose 全名: the 书记's
        (["全名", "叫", "什么"], ()),
        (["姓祁", "的", "那位", "村", "党支部", "书记", "全", "名叫", "什么"], ()),  # 名叫 is no thing
    ],
)
def test_who_is_named_comes_before_the_word_for_a_name(words: list[str], found: tuple[str, ...]) -> None:
    assert focus(words) == found


@pytest.mark.parametrize(
    "words",
    [
        ["藟坑村", "有", "多少", "户", "人家"],
        ["达标", "比例", "是", "多少"],
        ["服务队", "由", "多少", "名", "成员", "组成"],
        ["每名", "党员", "要", "联系", "多少", "户", "村民"],  # households, whoever lives in them
        ["运动场", "有", "多大", "面积"],  # a dimension: asked by its unit (亩, 平方米)
    ],
)
def test_a_kind_of_thing_is_no_focus_the_fact_must_name(words: list[str]) -> None:
    # 多少户人家: households, whatever the fact calls them; 比例: any rate (合格率 93.2%).
    assert focus(words) == ()


@pytest.mark.parametrize(
    ("reply", "passed"),
    [
        (Reply(question="q", status="answered", answer="高血压84.3%，糖尿病80.6%"), True),  # every reading
        (Reply(question="q", status="answered", answer="高血压84.3%"), False),  # one reading only
    ],
)
def test_an_answer_giving_every_reading_of_an_ambiguous_question_passes(reply: Reply, passed: bool) -> None:
    item = Item(question="慢病规范管理率是多少", kind="ambiguous", status="clarify", expect=("84.3%", "80.6%"))
    assert passes(item, reply) is passed


@pytest.mark.parametrize(
    ("text", "passed"),
    [
        ("文中说的是鄢志强，不是仉海燕。", True),  # the correction tells whom the article names
        ("鄢志强", False),  # any other text is not read: only the answer and a correction count
    ],
)
def test_a_correction_of_a_false_premise_is_read_with_the_answer(text: str, passed: bool) -> None:
    item = Item(question="所长仉海燕说劝阻率达到了99%，这个数准吗", kind="adversarial", expect=("鄢志强", "98.5%"))
    reply = Reply(question=item.question, status="answered", text=text, answer="见面劝阻率达到98.5%")
    assert passes(item, reply) is passed


@pytest.mark.parametrize(
    ("question", "source", "outcome"),
    [
        ("剩下6个村卫生室的改造，2025年6月前都完成了吗", "剩余6个计划于2025年6月前完成标准化改造", True),
        ("8000亩高标准农田后来建完了吗", "明年计划再建设高标准农田8000亩", True),
        ("11个村卫生室完成了吗", "今年全镇已完成11个村卫生室的标准化改造", False),  # done, not planned
    ],
)
def test_a_question_about_what_came_of_a_plan(question: str, source: str, outcome: bool) -> None:
    from bot.question.timeframe import asks_outcome

    assert asks_outcome(normalize(question), normalize(source)) is outcome


def test_an_age_that_only_says_who_is_meant_is_no_figure_to_check() -> None:
    from bot.question.kinds import described_ages

    assert described_ages(("72", "岁", "的", "禤守砚", "订单", "排到")) == {"72"}
    assert described_ages(("禤守砚", "今年", "72", "岁")) == frozenset()  # the age asked about


@pytest.mark.parametrize(
    ("question", "source", "whole"),
    [
        ("那45个人里，退伍军人有多少个", "由45名年轻干部和退伍军人组成", "45名"),
        ("那185万元里，溢洪道清淤花了多少", "镇里投入资金185万元，完成大坝防渗加固和溢洪道清淤", "185万元"),
        ("1,900多名群众中，枧头村占多少人", "鹭沄村、枧头村2个村1,900余名群众", "1900余名"),  # 2个 counts villages
        ("签约的12个项目中有几个是配套项目", "此次签约的12个项目中，有8个是配套项目", None),  # the part told
        ("1.86万人中重点人群签约率多少", "全镇签约1.86万人，其中重点人群签约率达到91.5%", None),  # a share
        ("1216名村民里每人领多少钱", "全村1216名村民每人领到420元", None),  # a part of another unit told
        ("45名队员的服务中心有多少", "由45名队员组成", None),  # 中心 is no 中 of a whole
        ("这45个人是干什么的", "由45名年轻干部和退伍军人组成", None),  # no count asked
    ],
)
def test_a_part_of_a_whole_the_article_never_splits(question: str, source: str, whole: str | None) -> None:
    assert part_of_whole(normalize(question), normalize(source).split()) == whole


@pytest.mark.parametrize(
    ("text", "units", "figures"),
    [
        ("铺设污水管网38.6公里受益农户3100户", ("米", "公里"), {"38.6公里"}),
        ("2019年以来守了11个年头", ("年",), {"11个年"}),  # a calendar year is no span
        ("受益农户3100户", ("公里",), set()),
    ],
)
def test_the_figures_a_text_gives_in_a_unit(text: str, units: tuple[str, ...], figures: set[str]) -> None:
    assert figures_in(text, units) == figures


@pytest.mark.parametrize(
    ("question", "sentence", "count"),
    [
        ("18座公厕分别建在哪几个村？", "今年全乡完成户厕改造1426户，新建和改造农村公厕18座。", "18座"),
        ("新招的5名村医准备安排到哪些村", "推进第二批村卫生室“乡聘村用”试点，计划明年再招聘村医5名", "5名"),
        ("3个示范村是哪几个村", "已有甑岭村、葳塅村、芣田村3个村成功创建示范村", None),  # they are named
        # villages counted are a kind of village (先进村), not a name: the article does not say which
        ("表扬的5个先进村分别是哪几个村", "对表现突出的23名志愿者、5个先进村进行了通报表扬。", "5个"),
        # other things counted beside them are no list of members; a village named is no 路口
        ("新建的3处口袋公园分别建在哪几个小区", "新建口袋公园3处、儿童活动场地2处。", "3处"),
        ("眭溪村那4个检查卡口设在哪些路口", "眭溪村林地1650公顷，配有专职护林员6名，设置卡口4个。", "4个"),
        ("跑了16批次都去了哪些地方", "已赴长三角、珠三角开展小分队招商16批次", None),  # a list
        # whether one is among them asks which they are as well
        ("受到通报表扬的23名志愿者里有没有亓佳禾", "对表现突出的23名志愿者进行了通报表扬", "23名"),
        # 村（社区） is every village and community, none named
        ("新增的30台智能回收设备打算放在哪些村", "计划新增智能回收设备30台，推动回收站点实现村（社区）全覆盖", "30台"),
        # the count is one item beside the others listed: its members are not named
        ("整合的4家民营快递企业分别是哪几家", "镇里整合邮政、供销和4家民营快递企业资源", "4家"),
        ("45名队员是由哪些人组成的", "由45名年轻干部和退伍军人组成", None),  # what kind, not which
        ("18座公厕是什么时候建的", "新建和改造农村公厕18座", None),  # not which ones
        # which one, which few, which there are: asked as plainly as which village
        ("那1项省级非遗项目具体是哪一项", "全镇共有县级以上非遗项目9项，其中省级1项、市级3项", "1项"),
        ("新引进的5家企业都有哪些", "今年新引进企业5家，总投资12亿元", "5家"),
    ],
)
def test_which_members_of_a_group_the_article_only_counts(question: str, sentence: str, count: str | None) -> None:
    assert list_untold(normalize(question), sentence) == count


@pytest.mark.parametrize(
    ("words", "found"),
    [
        (["活动", "涉及", "党员", "多少", "名"], ("党员",)),  # the count closes: 党员 is counted
        (["项目", "一共", "几", "个", "呀"], ("项目",)),
        (["党", "备有", "多少", "名"], ()),  # 备有 is "there are", nothing counted
        (["收集", "亨", "多少", "个"], ()),  # one character: a slip's remnant
        (["保洁员", "一个月", "工资", "多少"], ("工资",)),  # 多少 alone closes it too
        (["销售额", "增长", "了", "百分之", "多少"], ()),  # 百分之多少 asks a share, names nothing
        (["光学", "薄膜", "项目", "总", "投资", "多少钱", "？"], ("投资",)),  # the sum before 多少钱
        (["门票", "一共", "多少钱", "呀"], ("门票",)),
        (["投了", "多少钱"], ()),  # a doing, no sum named
    ],
)
def test_a_closing_count_counts_the_word_before(words: list[str], found: tuple[str, ...]) -> None:
    assert focus(words) == found


@pytest.mark.parametrize("words", [["需要", "多少钱"], ["一共", "砸", "进去", "多少钱", "嘞"]])
def test_a_verb_before_a_closing_price_names_no_sum(words: list[str]) -> None:
    # jieba's dictionary tags 需要 and 进去 as verbs: what was spent is asked, no sum named.
    assert focus(words, verbs=frozenset({"需要", "砸", "进去"})) == ()


@pytest.mark.parametrize(
    ("terms", "sentence", "place"),
    [
        # an item of a list: the figure is the list's
        (("鲦溪社区", "充电棚"), "在鲦溪社区、栎港社区以及芰塘村等区域新建充电棚47处。", "鲦溪社区"),
        (("粮站新村", "楼"), "纳入圩桥小区、纺机厂宿舍小区和粮站新村4个小区，涉及楼栋68栋。", "粮站新村"),
        # a place given its own figure too is no mere item
        (("眭溪村", "林地"), "仉家坳村和眭溪村是最大的两个村。仉家坳村林地2100公顷，眭溪村林地1650公顷。", None),
        # each item with its figure
        (("芰塘村", "户"), "芰塘村3户、蘅岗村5户完成改造。", None),
        # two places named: the list itself may be asked about
        (("鲦溪社区", "栎港社区"), "在鲦溪社区、栎港社区新建充电棚47处。", None),
    ],
)
def test_one_place_of_a_list(terms: tuple[str, ...], sentence: str, place: str | None) -> None:
    from bot.question.untold import one_of_list

    found = one_of_list(terms, sentence)
    assert (found[0] if found else None) == place


@pytest.mark.parametrize(
    ("question", "sentence", "total"),
    [
        ("17名农民工每人分别被拖欠了多少工资", "17名农民工反映被拖欠工资共计23.8万元。", "共计23.8万元"),
        # the sentence says what each gets, or gives the parts beside the total
        ("每人领到多少分红", "全村1216名村民每人领到420元，共计51万元。", None),
        ("两个村分别有多少户", "东村30户、西村50户，共计80户。", None),
        # no one's share asked
        ("一共拖欠了多少工资", "被拖欠工资共计23.8万元。", None),
        # the largest one's, of a total told after a few words (累计处罚金额)
        ("罚得最多的1家罚了多少钱", "累计处罚金额48.6万元", "累计处罚金额48.6万元"),
    ],
)
def test_each_ones_share_of_a_total(question: str, sentence: str, total: str | None) -> None:
    from bot.question.untold import each_untold

    assert each_untold(question, sentence) == total


@pytest.mark.parametrize(
    ("text", "ranges", "told", "holds"),
    [
        ("有30几名队员具体是多少", [(30, 40)], "现有队员36名", True),
        ("有30几名队员具体是多少", [(30, 40)], "扩充到50人", False),
        ("大概2万多人", [(20000, 30000)], "辖14个行政村、2.6万人", True),
        ("1200余户", [(1200, 1300)], "涉及1260户", True),
        ("100多元", [(100, 200)], "每月水费不到150元", True),
        ("20来斤", [(20, 30)], "每亩多收20来斤", True),
    ],
)
def test_a_rough_figure_stands_for_a_range(text: str, ranges: list, told: str, holds: bool) -> None:
    from bot.question.units import rough_ranges, tells_in

    assert rough_ranges(text) == ranges
    assert tells_in(told, ranges) is holds


@pytest.mark.parametrize(
    ("question", "sentence", "rate"),
    [
        ("今年给调解员发的误工补贴一共多少钱", "乡里按每件50元的标准给予误工补贴。", "每件50元"),
        ("赡养费累计付了多少钱", "三人每人每月支付赡养费600元。", "每人每月支付赡养费600元"),
        # a total told beside the rate answers
        ("一共补贴了多少钱", "每户补贴500元，共补贴120万元。", None),
        # the rate itself is asked
        ("每件补贴多少钱", "乡里按每件50元的标准给予误工补贴。", None),
    ],
)
def test_a_total_is_not_told_by_a_rate(question: str, sentence: str, rate: str | None) -> None:
    assert total_untold(normalize(question), sentence) == rate


@pytest.mark.parametrize(
    ("question", "sentence", "rate"),
    [
        ("去年春茶总共收了多少斤", "我照着试了试，去年春茶每亩多收了20来斤。", "每亩多收了20来斤"),
        ("书房一共开放多少小时", "全年365天开放，每天开放12小时。", "每天开放12小时"),
        ("一共收了多少斤", "每亩多收20斤，全村共增收3万斤。", None),  # the total is told too
    ],
)
def test_a_total_in_any_unit_is_not_told_by_a_rate(question: str, sentence: str, rate: str | None) -> None:
    from bot.question.units import asked_units

    assert total_untold(normalize(question), sentence, asked_units(normalize(question))) == rate


@pytest.mark.parametrize(
    ("question", "source", "plan_only"),
    [
        (
            "这次改造一共加装了多少部电梯",
            "2026年计划再改造老旧小区5个，力争加装电梯不少于30部，并推动已改造小区物业服务覆盖率达到100%。",
            True,
        ),
        ("这次改造一共加装了多少部电梯", "2025年以来，4个小区共加装电梯41部。", False),
        # what was done comes first; the plan follows it
        ("已经完工了几个项目", "为民办实事项目已完工7项，下一步将加快推进其余5项。", False),
        # a count of what was sold, though 明年 is named
        ("今年一共卖出了多少个面具", "现在订单排到了明年三月，光今年就卖了一千八百多个。", False),
        # 将 doing to a thing (the 把 of writing), not will
        ("全镇划分了多少个网格", "舄塘镇将全镇14个村（社区）划分为126个网格。", False),
        ("全镇划分了多少个网格", "舄塘镇将于年底前把全镇划分为130个网格。", True),
        ("建成了多少座文化礼堂", "镇里将把3个村部打造成文化礼堂。", True),
    ],
)
def test_a_plan_does_not_tell_what_was_done(question: str, source: str, plan_only: bool) -> None:
    assert asks_done(normalize(question))
    assert tells_plan_only(source) is plan_only


@pytest.mark.parametrize("question", ["明年计划加装多少部电梯", "加装电梯的补贴是多少", "哪个部门仍然帮忙出主意"])
def test_a_question_about_a_plan_or_no_count_asks_nothing_done(question: str) -> None:
    assert not asks_done(normalize(question))


@pytest.mark.parametrize(
    ("sentence", "told"), [("2025年，镇里计划再举办安全培训班8期。", False), ("2023年举办培训班5期", True)]
)
def test_a_year_written_out_must_be_the_one_asked(sentence: str, told: bool) -> None:
    # In a report of 2024, 去年 is 2023.
    year = other_year(("去年", "办", "了", "几期"))
    assert year is not None and tells_year(year, sentence, reported=2024) is told


@pytest.mark.parametrize(
    ("text", "told"),
    [
        ("截至10月底已在全县演出58场", True),
        ("今年剧团获得演出收入14.6万元", False),  # a sum of money counts no 场
        ("工坊面积420平方米", False),  # nor does a measurement
        ("火灾起数同比下降31.6%", False),  # nor a share
    ],
)
def test_a_count_is_told_by_a_figure_that_counts(text: str, told: bool) -> None:
    assert tells_unit(text, (COUNT, "", "场")) is told  # a count is read in the source as written


@pytest.mark.parametrize(
    ("text", "units", "told"),
    [
        ("服务群众1.1万余人次", ("人次",), "1.1万余人次"),  # 余 after 万 as well as before it
        ("服务群众1200余人次", ("人次",), "1200余人次"),
        ("吸引游客3万多人次", ("人次",), "3万多人次"),
    ],
)
def test_a_rough_figure_is_read_with_its_unit_whichever_way_it_is_written(
    text: str, units: tuple[str, ...], told: str
) -> None:
    assert tells_unit(normalize(text), units)
    assert figures_in(normalize(text), units) == frozenset({told})


@pytest.mark.parametrize(
    ("words", "found"),
    [
        (["电梯", "是什么", "品牌", "的"], ()),  # a category its value tells (日立电梯)
        (["跳绳队", "拿", "了", "什么", "名次"], ()),  # 团体第一名 is a 名次 without saying so
        (["后来", "靠", "什么", "以上", "的"], ()),  # a locative (补上 mended to 以上) is no kind
        (["水厂", "采用", "什么", "工艺"], ("工艺",)),
        (["发现", "了", "什么", "安全隐患"], ("隐患",)),  # a four-character kind is what it ends in
        (["采取", "了", "什么", "措施"], ()),  # too broad: told by what was done
        (["他", "是", "什么", "级别", "的"], ()),  # a grade is told by 省级, which names none
        (["是什么", "书记"], ()),  # a post is told by whoever holds it
        # a generic body (单位, 部门) asked of is the one its qualifier names
        (["加装电梯", "的", "施工", "单位", "是", "哪家", "企业"], ("施工",)),
        (["改造", "的", "设计", "单位", "叫", "什么", "名字"], ("设计",)),
        (["管理", "单位", "是", "哪家"], ("管理",)),
        (["负责", "配送", "的", "是", "哪家", "企业"], ("企业",)),  # no body before 是: the firm
    ],
)
def test_the_noun_after_shenme_or_a_bodys_qualifier_names_the_kind_asked(
    words: list[str], found: tuple[str, ...]
) -> None:
    assert focus(words) == found


@pytest.mark.parametrize(
    ("question", "sentence", "named"),
    [
        ("除了郗小雨，其他几个徒弟都叫什么", "眭根宝一口气收了6名徒弟，年龄最小的郗小雨只有19岁", "郗小雨"),
        ("除了文化礼堂以外，另外两处安置点在哪", "群众被转移到文化礼堂等3处集中安置点", "文化礼堂"),
        ("除了张三，其他人是谁", "获奖的有张三、李四和王五", None),  # a list: the others are in it
        ("除了张三，其他人是谁", "王五获得一等奖", None),  # the one named is not in the sentence
        ("其他几个徒弟都叫什么", "年龄最小的郗小雨只有19岁", None),  # nobody set aside
        # two named, of a list cut short by 等; two named in a list that goes on
        ("除了厍岭支行和邮储网点，另外两家是哪两家", "与厍岭支行、邮储网点等4家网点联动", "厍岭支行和邮储网点"),
        ("除了张三和李四，其他人是谁", "获奖的有张三、李四和王五", None),
    ],
)
def test_the_others_beside_the_one_an_article_names_are_untold(question: str, sentence: str, named: str | None) -> None:
    assert others_untold(normalize(question), sentence) == named


@pytest.mark.parametrize(
    ("sentence", "told"),
    [
        ("共抽检食品5268批次，比去年同期的3870批次增长36.1%", True),  # compared with last year's figure
        ("全镇就诊率达到91.2%，比去年提高3个百分点", False),  # compared, no figure of last year's
        ("高血压患者规范管理率由去年同期的68%提升至84.3%", True),
    ],
)
def test_last_year_is_told_by_a_comparison_that_gives_its_figure(sentence: str, told: bool) -> None:
    year = other_year(("去年", "抽检", "了", "多少"))
    assert year is not None
    assert tells_year(year, sentence, 2025) is told


@pytest.mark.parametrize(
    ("question", "units"),
    [
        ("翀岭有几个千亩基地", ()),  # 个 then 千亩: a count of 基地, not an area
        ("种了几千亩", ("亩", "公顷", "平方米", "平方公里")),
    ],
)
def test_a_magnitude_after_ge_is_part_of_what_is_counted(question: str, units: tuple[str, ...]) -> None:
    assert asked_units(normalize(question)) == units


@pytest.mark.parametrize("source", ["车间离家只有几百米。", "以前出一趟海少则七八天。", "来了二三十人。"])
def test_a_figure_given_as_an_estimate_is_a_number(source: str) -> None:
    from bot.question.supplied import supplies

    assert "number" in supplies(normalize(source), frozenset())


@pytest.mark.parametrize(
    ("question", "terms", "sentence", "item"),
    [
        # one item of a list counted as a whole: the figure is the list's
        ("挂历发了多少份", ("挂历", "份"), "发放宣传折页、挂历、围裙等宣传品2.8万余份", "挂历"),
        ("羊肚菌种了多少亩", ("羊肚菌", "亩"), "引进鲜食玉米、羊肚菌等新品种800亩", "羊肚菌"),
        # …in its own clause: a figure in the next may count something else
        ("羊肚菌种了多少亩", ("羊肚菌", "亩"), "引进鲜食玉米、羊肚菌等新品种，流转土地800亩", None),
        # the question names the list itself (等) or two of its items
        ("拉动了多少餐饮住宿等消费", ("餐饮", "住宿", "消费"), "拉动餐饮、住宿等消费1200万元", None),
        ("挂历围裙一共多少份", ("挂历", "围裙", "份"), "发放宣传折页、挂历、围裙等宣传品2.8万余份", None),
        # each item with its own figure
        ("蓄水池建了几座", ("蓄水池", "座"), "新建蓄水池2座、铺设供水管网7.8公里", None),
        # a list with no figure after the item: nothing counted as a whole
        ("挂历发了多少份", ("挂历", "份"), "发放挂历3000份，宣传折页、围裙若干", None),
    ],
)
def test_one_item_of_a_list_counted_as_a_whole(
    question: str, terms: tuple[str, ...], sentence: str, item: str | None
) -> None:
    from bot.question.untold import item_of_list

    found = item_of_list(terms, sentence, question)
    assert (found[0] if found else None) == item


@pytest.mark.parametrize(
    ("words", "sentence", "thing"),
    [
        # the thing is there, bare, its name is not
        (("那段", "方言", "快板", "叫", "什么", "名字"), "村党支部书记把反诈知识编成了快板，演了6场。", "快板"),
        # words before it may be its name
        (("那段", "方言", "快板", "叫", "什么", "名字"), "村党支部书记把反诈知识编成了当地方言快板，演了6场。", None),
        (("那个", "项目", "叫", "什么", "名字"), "总投资5.57亿元的航空专用装备项目签约落户。", None),
        (("直播", "账号", "叫", "什么", "名字"), "返乡青年蒋一帆的直播团队已有7名成员，账号粉丝达到41万。", "账号"),
        # a quotation beside it names it, after or before
        (("直播", "账号", "叫", "什么"), "她的直播账号“藕遇涟禾”目前已有粉丝11.3万。", None),
        (("那个", "招牌", "叫", "啥"), "不断擦亮“东方硅谷”招牌。", None),
        # a verb of naming
        (("快板", "叫", "什么", "名字"), "他编了一段快板，名为《防骗十八招》。", None),
        # a person or a body is asked after by other kinds
        (("返乡", "青年", "叫", "什么", "名字"), "返乡青年在箐口村开了民宿。", None),
        (("设计", "单位", "叫", "什么", "名字"), "由街道、社区、设计单位和电梯企业一站式帮办。", None),
        # the thing is not in the sentence as asked: judged elsewhere
        (("直播号", "叫", "啥"), "她的直播账号目前已有粉丝11.3万。", None),
    ],
)
def test_a_things_name_the_article_never_gives(words: tuple[str, ...], sentence: str, thing: str | None) -> None:
    from bot.question.called import name_untold

    assert name_untold(words, sentence) == thing


@pytest.mark.parametrize(
    ("words", "sentence", "thing"),
    [
        # brought in as one of its kind: the article never says which
        (("那家", "外省", "家居", "企业", "叫", "什么", "名字"), "合作社与一家外省家居企业签下订单3000只。", "企业"),
        (("签", "订单", "的", "是", "哪家", "企业"), "合作社与一家外省家居企业签下订单3000只。", "企业"),
        (("捐款", "的", "企业", "是", "哪家"), "某企业捐款20万元。", "企业"),
        # a figure between ends the phrase: 一位 may be counting, not bringing one in
        (("那位", "老人", "叫", "什么"), "一位82岁的老人说，现在看病方便多了。", None),
        # named, or first of a rank, or named after
        (("捐款", "的", "企业", "是", "哪家"), "本地企业埼润纺织有限公司捐款20万元。", None),
        (("那家", "企业", "叫", "什么"), "综合评分第一名企业获奖。", None),
        (("那家", "企业", "叫", "什么"), "一家企业“禾丰农业”捐款20万元。", None),
        (("那家", "企业", "叫", "什么"), "一家企业捐款，该企业即禾丰农业公司。", None),  # named elsewhere in it
    ],
)
def test_the_name_of_one_brought_in_only_as_one_of_its_kind(
    words: tuple[str, ...], sentence: str, thing: str | None
) -> None:
    from bot.question.called import unnamed_untold

    assert unnamed_untold(words, sentence) == thing


@pytest.mark.parametrize(
    ("words", "terms", "verb"),
    [
        (("涟禾乡", "同比", "增长", "了", "多少"), ("同比", "增长"), "增长"),
        (("和", "去年同期", "比", "增加", "了", "多少"), ("去年同期", "增加"), "增加"),
        (("涟禾乡", "有", "多少", "党员"), ("党员",), None),  # 有 is no key term: the figure counts 党员
    ],
)
def test_the_verb_a_figure_is_asked_after(words: tuple[str, ...], terms: tuple[str, ...], verb: str | None) -> None:
    from bot.question.units import figures_after, verb_asked

    assert verb_asked(words, terms) == verb
    if verb:
        assert figures_after(f"销售额达2760万元，同比{verb}45%", verb) == {"45%"}


@pytest.mark.parametrize(
    ("words", "sentence", "who"),
    [
        # the sentence names only the master the question names: the youngest apprentice is untold
        (("厍秀芝", "收", "的", "最小", "徒弟", "叫", "什么", "名字"), "厍秀芝收了5名徒弟，年龄最小的21岁。", "徒弟"),
        # it names someone else: the answer may be that one
        (("厍秀芝", "收", "的", "最小", "徒弟", "叫", "什么"), "厍秀芝收了5名徒弟，年龄最小的郗小雨只有19岁。", None),
        # a thing's name is judged elsewhere; a sentence naming nobody is judged by its kind
        (("厍秀芝", "编", "的", "快板", "叫", "什么"), "厍秀芝编了一段快板，演了6场。", None),
        (("那位", "徒弟", "叫", "什么"), "年龄最小的只有21岁。", None),
    ],
)
def test_a_persons_name_is_untold_by_a_sentence_naming_only_the_questions_people(
    words: tuple[str, ...], sentence: str, who: str | None
) -> None:
    from bot.question.called import person_untold

    assert person_untold(words, "".join(words), sentence, {"厍秀芝", "郗小雨"}) == who


@pytest.mark.parametrize(
    ("terms", "held"),
    [
        (("明年", "新建", "步道"), {"明年"}),
        (("上年", "游客"), {"上年"}),
        (("今年", "步道"), set()),  # the report's own year is no other year
        (("年产", "步道"), set()),
    ],
)
def test_the_terms_naming_another_year(terms: tuple[str, ...], held: set[str]) -> None:
    from bot.question.timeframe import year_words

    assert year_words(terms) == held


PLAN, PLAN_DOCUMENT = story(
    "jinxi-fitness-2024",
    "槿溪乡：全民健身",
    "2024-11-26",
    "棠川县融媒体中心",
    "冯知秋",
    "槿溪乡",
    "槿溪乡计划2025年新建健身步道5公里。\n\n槿溪乡今年建成健身广场3处。\n\n槿溪乡力争明年群众健身满意度达到95%。\n",
)
PLAN_FACTS = (
    PLAN_DOCUMENT
    + """\
facts:
- id: jx-trail-plan
  questions: [槿溪乡计划新建多长的健身步道, 槿溪乡2025年要建多少公里步道, 健身步道 计划 公里]
  answer: 据2024年11月报道，槿溪乡计划2025年新建健身步道5公里。
  source: 槿溪乡计划2025年新建健身步道5公里。
- id: jx-squares
  questions: [槿溪乡建成了几处健身广场, 槿溪乡健身广场有多少处, 健身广场 处]
  answer: 据2024年11月报道，槿溪乡今年建成健身广场3处。
  source: 槿溪乡今年建成健身广场3处。
- id: jx-satisfaction
  questions: [槿溪乡明年群众健身满意度要达到多少, 健身满意度 明年 多少, 槿溪乡群众对健身满意吗]
  answer: 据2024年11月报道，槿溪乡力争明年群众健身满意度达到95%。
  source: 槿溪乡力争明年群众健身满意度达到95%。
"""
)


def test_a_year_word_is_held_by_a_fact_telling_that_year(tmp_path_factory: pytest.TempPathFactory) -> None:
    # 明年 in a report of 2024 is 2025: 「计划2025年新建…」 holds it as fully as its other words.
    engine = town_story(tmp_path_factory.mktemp, "jinxi-fitness-2024", PLAN, PLAN_FACTS)
    asked, plain = (engine.explain(q)[0] for q in ("槿溪乡明年打算新建多长的健身步道", "槿溪乡打算新建多长的健身步道"))
    assert asked["fact_id"] == plain["fact_id"] == "jx-trail-plan"
    assert asked["coverage"] >= plain["coverage"]  # the year word counts as a word the fact holds


@pytest.mark.parametrize(
    ("text", "about"),
    [
        ("这篇关于岽畈乡高标准农田的报道来源是哪里", "岽畈乡高标准农田"),
        ("这篇岽畈乡农田报道是哪天发布的", "岽畈乡农田"),
        ("这篇关于高标准农田的报道里岽畈乡新建了多少亩", ""),  # a fact asked, not the report's detail
        ("这篇报道是谁写的", ""),  # no words say which
    ],
)
def test_the_words_saying_which_report_a_detail_is_asked_of(text: str, about: str) -> None:
    from bot.question.kinds import describes_report

    assert describes_report(text) == about


@pytest.mark.parametrize(
    ("question", "fact_id", "missed"),
    [
        # 目标 names the plan that 力争 tells: nothing asked is missing
        ("槿溪乡健身满意度的目标是多少", "jx-satisfaction", False),
        ("槿溪乡健身满意度的计划是多少", "jx-satisfaction", False),
        # a fact telling what was done names no plan
        ("槿溪乡健身广场的目标是多少", "jx-squares", True),
    ],
)
def test_a_plan_asked_as_such_is_named_by_a_fact_telling_a_plan(
    tmp_path_factory: pytest.TempPathFactory, question: str, fact_id: str, missed: bool
) -> None:
    engine = town_story(tmp_path_factory.mktemp, "jinxi-fitness-2024", PLAN, PLAN_FACTS)
    best = engine.explain(question)[0]
    assert best["fact_id"] == fact_id
    assert ("focus_miss" in best) is missed


@pytest.mark.parametrize(
    ("words", "sentence", "thing"),
    [
        # called only in general, every time: which sort is untold
        (("短视频", "讲", "的", "是", "哪种", "骗局"), "志愿者还把常见骗局拍成短视频，在村民微信群里推送。", "骗局"),
        (("用", "的", "是", "哪类", "设备"), "镇里为各村配备了各类设备。", "设备"),
        # a sort named once tells it
        (("短视频", "讲", "的", "是", "哪种", "骗局"), "她把常见骗局和“冒充客服”骗局拍成短视频。", None),
        (("讲", "的", "是", "哪种", "骗局"), "她把冒充客服退款骗局拍成了短视频。", None),
        # not asked which sort
        (("短视频", "讲", "的", "是", "什么"), "志愿者还把常见骗局拍成短视频。", None),
    ],
)
def test_which_sort_of_a_thing_called_only_in_general(words: tuple[str, ...], sentence: str, thing: str | None) -> None:
    from bot.question.called import sort_untold

    assert sort_untold(words, sentence) == thing


@pytest.mark.parametrize(
    ("text", "measure", "figures"),
    [
        # a thing counted in 次 counts goings: 2870辆次 is no count of bicycles
        ("清理楼道电动车2870辆次，登记电动车5600辆", "辆", {"5600辆"}),
        ("借阅量达8.74万册次，捐赠图书3200册", "册", {"3200册"}),
        # people are counted in any of their measures
        ("参加活动1.8万人次，志愿者300余名", "人", {"1.8万人次", "300余名"}),
    ],
)
def test_a_count_in_ci_is_no_count_of_the_things(text: str, measure: str, figures: set[str]) -> None:
    from bot.question.units import figures_counted

    assert figures_counted(text, measure) == figures


def test_a_count_asked_in_ci_is_told_in_ci(engine: Engine) -> None:
    from bot.question.units import figure_units

    assert figure_units(engine.index.query("流动书车去年送出去多少册次的书"))[2] == "册次"
    assert figure_units(engine.index.query("书屋有多少册书"))[2] == "册"
