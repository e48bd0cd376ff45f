"""`faqbot draft`: names and wordings a curator had to mend by hand, each made right on text of
our own (a curator's report on a forest-fire story: a name cut short, a villager missed, prose
taken for a village, a wording asking 「在哪里」 of a clause that is all place, 「6:多少」)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.curation.draft import Draft, draft


def _drafted(tmp_path: Path, story: str) -> Draft:
    path = tmp_path / "story.txt"
    path.write_text(f"樟岭镇：护林防火\n来源：樟岭日报    发布时间：2025-03-10\n\n{story}\n", encoding="utf-8")
    return draft(path, place="樟岭镇")


def _questions(tmp_path: Path, story: str) -> list[str]:
    return [q for fact in _drafted(tmp_path, story).facts for q in fact["questions"]]  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("sentence", "person", "post"),  # post: how the found post ends
    [
        # jieba tags the whole name, though what follows is a noun (现场), not a verb
        ("县应急管理局副局长庞志刚现场观摩后点评说，队伍集结很快。", "庞志刚", "应急管理局副局长"),
        # a verb of saying that is not 说 (提醒), after a given name jieba reads as a holiday
        ("镇综合行政执法队队长訾国庆提醒，野外用火须经审批。", "訾国庆", "执法队队长"),
        # a villager's age in brackets names her, whatever the surname
        ("枫溪村村民郗桂兰（63岁）说，今年清明改献鲜花。", "郗桂兰", "枫溪村村民"),
    ],
)
def test_people_a_curator_had_to_add_are_found(sentence: str, person: str, post: str) -> None:
    from bot.curation.names import people_in

    found = people_in([sentence])
    assert found.get(person, "").endswith(post)
    assert not any(name != person and person.startswith(name) for name in found)  # not 庞志


@pytest.mark.parametrize(
    ("sentence", "found", "not_found"),
    [
        ("仉家湾村和枫溪村是全镇林地最大的两个村。", "仉家湾村", None),  # 仉|家|湾: 家 is no measure here
        ("镇里12名班子成员分片包村，干部包山头。", None, "名班子成员分片包村"),  # prose ending in 村
        # one token jieba made up and tagged a person's name is a village all the same
        ("邰庄村调委会调处纠纷35件，调解成功34件。", "邰庄村", None),
    ],
)
def test_villages_of_rare_names_are_found_and_prose_is_not_one(
    sentence: str, found: str | None, not_found: str | None
) -> None:
    from bot.curation.names import names_in

    villages = [name for name, kind in names_in([sentence]) if kind == "village"]
    assert (found in villages) if found else True
    assert (not_found not in villages) if not_found else True


def test_a_verb_repeated_down_a_list_is_no_surname() -> None:
    from bot.curation.names import people_in

    assert "包山" not in people_in(["形成“镇领导包片、村干部包组、护林员包山”的三级网格。"])


def test_a_post_in_a_firm_is_asked_with_the_firms_name(tmp_path: Path) -> None:
    story = "樟川县鹰眼科技有限公司经理甪浩川说：“无人机夜间也能发现火点。”"
    questions = _questions(tmp_path, story)
    assert any("鹰眼科技有限公司经理是谁" in q for q in questions)
    assert not any(q.startswith(("樟岭镇有限公司", "樟岭镇人机")) for q in questions)


@pytest.mark.parametrize(
    ("story", "bad"),
    [
        # the clause after 在 is all place: no 「在哪里」 without a verb
        ("3月9日清晨，在樟岭镇枫溪村后山的2号瞭望塔上，护林员开始了第一轮观察。", "在哪里枫溪村"),
        # 在进山路|口: a place cut inside a word
        ("枫溪村在进山路口设置检查卡口5个。", "在哪里口"),
        # a time of day is no figure to ask
        ("他在巡护日志上写下“6:20，晴，无异常”。", ":多少"),
        # a figure told before (这1.8万公顷) is no new fact
        ("全镇要守护好这1.8万公顷的绿水青山。", "这公顷"),
        # 按照 gives a basis, not a method to ask 怎么 of
        ("按照县里统一部署，今年全镇提前进入防火期。", "怎么县里"),
        # 村委会 is a word: the post is no 委会主任 of the town
        ("邰庄村调委会主任、村委会主任邰秀芬把调解室搬进了茶馆。", "樟岭委会"),
        # a figure rounded after a word for people is nobody's name
        ("全镇户籍人口4.3万人，其中常年外出务工人员近万人。", "近万人是"),
        # the count's 个 goes with the count (4个托育室平均面积), not into the question
        ("今年新建的4个托育室平均面积280多平方米。", "樟岭个托育室"),
        # a part of what the clause counts is asked in full only
        ("全镇托育点覆盖辖区9个社区中的6个。", "社区中几个"),
        # a measure the draft does not know is no 「是多少」 of what follows it
        ("她转身赶往3站路外的单位上班。", "站路外的单位上班是多少"),
        # the verb leading to the last figure is no part of what the comparison measures
        ("每千人口拥有托位数由2.1个提高到4.3个，比全县平均水平高1.6个。", "提高到比全县"),
        ("全日托收费标准为每月1380元，比周边同类机构低40%左右。", "为每月比"),
        # 例 counts cases: asked 几例, not 「问题例是多少」
        ("全年发现并干预发育迟缓等问题23例。", "问题例"),
        # a short question never opens with what the cut left leaning (超过…的, 对…, 按…)
        ("沟坑面积不能超过田块面积的10%。", "樟岭超过田块"),
        ("对连片面积达到200亩以上的经营主体，每亩补助300元。", "樟岭对连片"),
        ("合作社小龙虾按每公斤28元的均价算。", "樟岭按每公斤"),
        # a modal before the bound is no part of what is asked (纯收入可超过 → 纯收入)
        ("预计全年纯收入可超过70万元。", "收入可多少"),
        # a verb reaching its figure takes no 有; nor does a figure describing what follows
        ("明年计划将种养面积扩大到1.5万亩。", "扩大到有"),
        ("镇里计划新建一座2000吨冷链仓储中心。", "一座有多少"),
        # the county above the town is not the town's (no 樟岭县)
        ("县农业技术推广中心高级农艺师禚绮岚今年在镇里蹲点整整5个月。", "樟岭县"),
        # a short saying is asked what it means, never numbered
        ("种得好，更要卖得好。", "（1）"),
    ],
)
def test_wordings_a_curator_had_to_delete_are_not_drafted(tmp_path: Path, story: str, bad: str) -> None:
    assert not any(bad in q for q in _questions(tmp_path, story))


def test_a_bound_on_a_figure_is_asked_with_its_bound(tmp_path: Path) -> None:
    story = "全镇现有专职护林员64名，按照每人管护面积不超过200公顷的标准划定责任区。"
    questions = _questions(tmp_path, story)
    assert any("不超过多少公顷" in q for q in questions)
    assert not any("不公顷" in q for q in questions)


def test_a_quotation_with_its_own_speaker_keeps_the_next_speaker_out(tmp_path: Path) -> None:
    story = (
        "枫溪村党支部书记仉建华说：“我们村山高坡陡，谁家要烧田埂都得提前报备。”"
        "柳塘村党支部书记眭红英则告诉记者，村里今年清理林缘地带2.1公里。"
    )
    facts = _drafted(tmp_path, story).facts
    first = str(facts[0]["source"])
    assert first.endswith("报备。”") and "眭红英" not in first
    assert any(str(f["source"]).startswith("柳塘村党支部书记眭红英则告诉记者") for f in facts)


def test_a_quoted_term_names_a_topic_whole() -> None:
    from bot.curation.topics import paragraph_topics

    text = (
        "樟岭镇：护林防火\n"
        "今年樟岭镇全面推进森林防火工作。\n"
        "镇里拿出专项资金45万元实行“以奖代补”，“以奖代补”对未发生火情的村每村奖励3万元。\n"
    )
    topics = [topic for _, topic in paragraph_topics(text, "樟岭镇")]
    assert "奖代" not in topics  # jieba's 以/奖代/补


@pytest.mark.parametrize(
    ("story", "wanted", "bad"),
    [
        # a figure said after a colon is asked of the speaker, 我们家 made their name
        (
            "村民郗秀兰（61岁）笑得合不拢嘴：“我们家5口人，今年分红拿了1400元。”",
            "郗秀兰家有多少口人",
            "合不拢嘴：我们家",
        ),
        # a frame clause (在…中) is asked as what it counts, not 「在全县多少个行政村中」
        ("在全县148个行政村中，樟岭镇14个村集体经营性收入全部突破30万元。", "全县有多少个行政村", "行政村中"),
        # the thing a sum is for keeps the count it follows whole (14个|村 is no 个村)
        ("强村公司去年向14个村分配收益280万元。", "向14个村分配收益多少钱", "樟岭个村"),
        # a bare attribute is of what the clause before names last, not of the town
        ("枫溪村的老晒谷场改造成了一个标准篮球场，面积约680平方米。", "篮球场面积约多少平方米", "樟岭镇面积"),
        # …but a scope word (全镇) is no attribute: the clause's own count follows it
        ("为推广这一做法，全镇120名网格员逐户上门宣传。", "全镇多少名网格员", "做法全镇"),
    ],
)
def test_figures_are_asked_as_people_would(tmp_path: Path, story: str, wanted: str, bad: str) -> None:
    questions = _questions(tmp_path, story)
    assert any(wanted in q for q in questions)
    assert not any(bad in q for q in questions)


def test_a_service_centre_every_town_has_is_no_organisations_name() -> None:
    from bot.curation.names import names_in

    found = dict(names_in(["村民在便民服务中心就能办理参保。", "郗坊镇卫生院院长柘文斌介绍，卫生院组建了12支团队。"]))
    assert "便民服务中心" not in found
    assert found.get("郗坊镇卫生院") == "organisation"


def test_a_post_that_says_little_is_asked_with_its_body(tmp_path: Path) -> None:
    questions = _questions(tmp_path, "镇电商服务中心负责人佴晓栎介绍，中心今年销售稻渔产品320多吨。")
    assert any("中心负责人叫什么名字" in q for q in questions)
    assert not any(q.endswith("樟岭负责人叫什么名字？") for q in questions)


def test_a_sentence_calling_its_paragraphs_village_the_whole_village_is_asked_of_it(tmp_path: Path) -> None:
    story = "在藟坑村，村里把古民居统一收储。村党支部书记蒯德昶说，全村已有64户村民签订了入股协议。"
    questions = _questions(tmp_path, story)
    assert any("藟坑村已有多少户村民签订了入股协议" in q for q in questions)


def test_a_figure_deep_in_a_paragraph_is_asked_with_the_paragraphs_topic(tmp_path: Path) -> None:
    story = "秸秆禁烧，是秋冬季大气治理的关键一环。全镇今年划分网格214个，配备无人机6架。"
    figures = _drafted(tmp_path, story).facts[1]
    assert any("秸秆" in q for q in figures["questions"])  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("story", "wanted"),
    [
        ("镇卫生院在社区服务点设立签约窗口，每周二、周五安排家庭医生坐班。", "每周几安排家庭医生坐班"),
        # a time of day alone (一早) is said of the clause after it
        ("县医院专家蓟雁秋就是其中一位，每周三一早，她都会准时出现在卫生院的专家诊室。", "是星期几"),
    ],
)
def test_days_of_the_week_are_asked_with_which_day(tmp_path: Path, story: str, wanted: str) -> None:
    assert any(wanted in q for q in _questions(tmp_path, story))


@pytest.mark.parametrize(
    ("story", "wanted"),
    [
        # a period with its first and last day: when it is, when it ends, when it begins
        ("按照县里统一部署，今年全镇森林防火期为2025年1月1日至5月31日。", "樟岭森林防火期到什么时候结束"),
        ("按照县里统一部署，今年全镇森林防火期为2025年1月1日至5月31日。", "樟岭森林防火期从哪天开始"),
        ("其中3月15日至4月30日为重点防火期，全员在岗。", "樟岭镇重点防火期是什么时候"),
    ],
)
def test_a_period_is_asked_when_it_is_ends_and_begins(tmp_path: Path, story: str, wanted: str) -> None:
    assert f"{wanted}？" in _questions(tmp_path, story)


@pytest.mark.parametrize(
    ("story", "meant", "not_meant"),
    [
        # the person named in the sentence, before its pronoun — not the one the paragraph named last
        ("护林员仉大满今年57岁。英语教师阙晓蘅就是其中之一，去年她所带班级的平均分提高了8分。", "阙晓蘅", "仉大满"),
        # the first named is the subject; one owning something (蒯亦川的农场) is not
        ("62岁的村民濮桂兰在蒯亦川的农场帮工，她说：“现在又有鱼了。”今年她家收入3万元。", "濮桂兰说", "蒯亦川说"),
    ],
)
def test_a_pronoun_stands_for_the_subject_its_sentence_names(
    tmp_path: Path, story: str, meant: str, not_meant: str
) -> None:
    drafted = _drafted(tmp_path, story)
    facts = [fact for fact in drafted.facts if "她" in str(fact["source"])]
    told = [q for fact in facts for q in [*fact["questions"], fact["answer"]]]  # type: ignore[misc]
    assert any(meant in q for q in told)
    assert not any(not_meant in q for q in told)


def test_a_paragraphs_slogan_is_its_topic_and_no_fact_of_its_own(tmp_path: Path) -> None:
    story = "今年樟岭镇全面推进森林防火工作。\n\n技防让“千里眼”全天候值守。镇里投入资金58万元，新建高清智能监控点9个。"
    facts = _drafted(tmp_path, story).facts
    assert not any(str(fact["source"]).endswith("全天候值守。") for fact in facts)  # no fact of the slogan alone
    watched = next(fact for fact in facts if "监控点9个" in str(fact["source"]))
    assert str(watched["source"]).startswith("技防让")  # the paragraph stays covered: the slogan rides along
    assert watched["tags"] == ["技防让千里眼全天候值守"]
    assert not any("值守" in q for q in watched["questions"])  # type: ignore[union-attr]
    assert "值守" not in str(watched["answer"])


def test_a_sum_spent_on_what_follows_it_is_asked_as_its_cost(tmp_path: Path) -> None:
    questions = _questions(tmp_path, "总投资4200万元的樟岭中心渔港升级改造工程今年6月底完工。")
    assert any(q.startswith("樟岭中心渔港升级改造工程") and "多少钱" in q for q in questions)
    assert not any(q.startswith(("的", "樟岭的")) for q in questions)


def test_a_word_that_names_nothing_is_no_keyword(tmp_path: Path) -> None:
    story = "村民喻秀莲一边熟练地编着竹篮一边说，要不是镇里帮忙，日子难以为继。"
    keyworded = [q for q in _questions(tmp_path, story) if " " in q or q.endswith("是怎么回事？")]
    assert keyworded
    assert not any(word in q for q in keyworded for word in ("要不是", "一边"))


@pytest.mark.parametrize(
    ("story", "wanted", "bad"),
    [
        # what has gone on since a date is asked when it began
        ("9月16日开海以来，全镇312艘渔船中已有296艘出海作业。", "什么时候开海", "开海以来是什么时候"),
        # a date in a later clause is of the person the first clause names…
        ("岽头村村民闵德旺今年58岁，今年3月突发脑梗住院。", "闵德旺今年突发脑梗住院是什么时候", ""),
        # …but not of the one who only tells it
        ("镇长厍立川介绍，剩余6个村卫生室计划于2025年6月前完成改造。", "完成改造是什么时候", "厍立川剩余"),
        # a quotation is one clause: its date is asked with its own part, not with who said it
        (
            "改造项目由岑川县恒基建筑工程有限公司承建。“我们白天施工，计划8月底前全部完工。”该公司项目经理罗志刚说。",
            "计划全部完工是什么时候",
            "说是什么时候",
        ),
    ],
)
def test_a_date_is_asked_of_what_happened_then(tmp_path: Path, story: str, wanted: str, bad: str) -> None:
    questions = _questions(tmp_path, story)
    assert any(wanted in q for q in questions), questions
    assert not bad or not any(bad in q for q in questions), questions


@pytest.mark.parametrize(
    ("story", "wanted", "bad"),
    [
        # a company someone dealt with is asked which company, by what was done with it
        ("今年9月，街道通过公开招标引入樟川县澹和物业服务有限公司，提供保洁等基础服务。", "引入哪家公司", ""),
        ("镇里还与樟川县翼飞无人机服务有限公司签订了巡护协议。", "与哪家公司签订了巡护协议", ""),
        # not one only telling whose post follows, nor one of a list
        ("樟岭竹韵工艺品专业合作社理事长訾国梁介绍，社员户均增收1.2万元。", "", "哪家合作社"),
        ("樟岭铸造有限公司、渚源纺织印染有限公司等28家重点企业建立了标准化体系。", "", "哪家公司、"),
        # a 中心 may be the start of a longer name (镇中心微型消防站): never asked which 单位
        ("樟岭镇中心微型消防站站长逄永强介绍，全镇已建成微型消防站19个。", "", "哪个单位"),
    ],
)
def test_an_organisation_is_asked_which_one(tmp_path: Path, story: str, wanted: str, bad: str) -> None:
    questions = _questions(tmp_path, story)
    assert not wanted or any(wanted in q for q in questions), questions
    assert not bad or not any(bad in q for q in questions), questions


def test_a_figure_told_before_a_plan_is_not_asked_as_the_plans(tmp_path: Path) -> None:
    story = "今年镇里投入资金58万元，新建监控点9个；按照规划，到2026年底全镇还将再新增监控点6个。"
    questions = _questions(tmp_path, story)
    assert any("投入资金" in q and "多少" in q for q in questions), questions
    assert not any("2026年镇里投入资金" in q or "2026年投入资金" in q for q in questions), questions


def test_a_bare_post_is_asked_with_the_body_named_before(tmp_path: Path) -> None:
    # News names the body once, then its head by the bare post; 「樟岭镇队长是谁」 asks of every 队.
    story = "这支志愿调解队成立于2022年3月，现有队员36名。\n\n队长邰守仁今年67岁，退休前是教师。"
    facts = _drafted(tmp_path, story).facts
    questions = [q for fact in facts for q in fact["questions"]]  # type: ignore[union-attr]
    assert any("志愿调解队队长是谁" in q for q in questions), questions
    assert any("志愿调解队队长邰守仁" in str(fact["answer"]) for fact in facts)
    assert not any("队员队长" in q for q in questions), questions


@pytest.mark.parametrize(
    ("story", "wanted"),
    [
        # an honour won is asked both ways: what the winner won, and who won it
        ("最终，郄家畈村代表队夺得冠军。", "樟岭镇郄家畈村代表队夺得了什么"),
        ("最终，郄家畈村代表队夺得冠军。", "樟岭镇哪支队伍夺得冠军"),
        ("今年9月，樟岭镇被评为全市森林防火示范镇，在全县考核中排名第一。", "樟岭镇被评为什么"),
        (
            "镇中心小学跳绳队在全县阳光体育运动会上获得团体第一名。",
            "樟岭镇哪支队伍在全县阳光体育运动会上获得团体第一名",
        ),
    ],
)
def test_an_honour_is_asked_what_was_won_and_who_won_it(tmp_path: Path, story: str, wanted: str) -> None:
    assert f"{wanted}？" in _questions(tmp_path, story)


@pytest.mark.parametrize(
    "story",
    [
        "村民正确分类垃圾均可获得积分。",  # 获得积分 is a figure earned, not a title
        "球队训练刻苦，今年获得冠军。",  # the winner is in another clause: nothing to ask who
    ],
)
def test_no_winner_is_asked_for_where_the_clause_names_no_honour_or_no_winner(tmp_path: Path, story: str) -> None:
    assert not any(q.startswith(("谁", "哪支")) for q in _questions(tmp_path, story))


def test_a_sum_spent_before_the_clauses_last_figure_is_asked_too(tmp_path: Path) -> None:
    # The clause's last figure (2座) is asked, and the money spent on it as well: 「花了多少钱」
    # is the commonest question of all.
    questions = _questions(tmp_path, "在青岗村，镇里投入136万元新建蓄水池2座，全村386户群众喝上了自来水。")
    assert any("多少万元" in q or "多少钱" in q for q in questions), questions
    assert any("几座" in q or "多少座" in q for q in questions), questions
