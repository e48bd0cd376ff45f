"""`faqbot draft`: a new article's facts YAML that passes `faqbot check` as written."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bot.cli import main
from bot.curation.draft import Draft
from bot.knowledge.check import check
from tests.knowledge_helpers import write_knowledge

#: A new article as a curator pastes it: header, story with a section heading, footer.
ARTICLE = """\
新河镇：小网格撬动大治理
2022-03-18 10:05  来源：新河日报
记者 王小明  通讯员 李红

今年以来，新河镇把全镇12个村划分为58个网格，组织326名党员联系群众。
网格成了解民忧的窗口

3月5日，新河镇召开网格工作推进会。镇党委书记赵立新说，网格员每天巡查不少于2小时。
“有事找网格员，一找一个准。”村民孙大海说。

责任编辑：周一
"""


@pytest.fixture
def knowledge(tmp_path: Path) -> Path:
    root = write_knowledge(tmp_path / "kb")
    (root / "articles" / "xinhe.txt").write_text(ARTICLE, encoding="utf-8")
    return root


def _drafted(tmp_path: Path, story: str, title: str = "新河镇：实事清单", **flags: str | None) -> Draft:
    """The draft of a one-story article under a header with `title` (flags as `draft` takes them)."""
    from bot.curation.draft import draft

    path = tmp_path / "xinhe.txt"
    path.write_text(f"{title}\n来源：新河日报    发布时间：2022-03-18\n\n{story}\n", encoding="utf-8")
    return draft(path, **flags)  # type: ignore[arg-type]


def _draft(knowledge: Path, capsys: pytest.CaptureFixture[str], *flags: str) -> tuple[int, str]:
    code = main(["--knowledge", str(knowledge), "draft", str(knowledge / "articles" / "xinhe.txt"), *flags])
    return code, capsys.readouterr().out


def test_the_draft_passes_check_as_written(knowledge: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = _draft(knowledge, capsys, "--place", "测试镇", "--id", "xinhe")
    assert code == 0
    (knowledge / "facts" / "xinhe.yaml").write_text(out, encoding="utf-8")
    report = check(knowledge)
    assert [str(p) for p in report.errors] == []
    assert report.coverage.uncovered == []
    data = yaml.safe_load(out)
    assert data["document"] == {
        "id": "xinhe",
        "title": "新河镇：小网格撬动大治理",
        "outlet": "新河日报",
        "date": "2022-03-18",
        "author": "王小明 李红",
        "place": "测试镇",
        "text": "articles/xinhe.txt",
        "chrome": [
            "新河镇：小网格撬动大治理",
            "2022-03-18 10:05  来源：新河日报",
            "记者 王小明  通讯员 李红",
            "网格成了解民忧的窗口",
            "责任编辑：周一",
        ],
    }
    facts = {f["source"]: f for f in data["facts"]}
    members = facts["今年以来，新河镇把全镇12个村划分为58个网格，组织326名党员联系群众。"]
    assert members["answer"].startswith("据2022年3月18日报道，")
    assert any("多少个网格" in q for q in members["questions"])
    meeting = facts["3月5日，新河镇召开网格工作推进会。"]
    assert any("什么时候" in q for q in meeting["questions"])
    secretary = facts["镇党委书记赵立新说，网格员每天巡查不少于2小时。"]
    assert any(q.endswith("是谁？") for q in secretary["questions"])
    assert secretary["tags"] == ["网格成了解民忧的窗口"]
    assert all(len(f["questions"]) >= 3 for f in data["facts"])
    assert "#   赵立新  (person, 镇党委书记)" in out


@pytest.mark.parametrize(
    ("flags", "todo_line"),
    [
        # A title that leads with no place (「新河镇：…」 would give the place) leaves it a TODO.
        (("--id", "xinhe", "--title", "小网格撬动大治理"), "`place` of the document is still TODO"),
    ],
)
def test_what_the_draft_cannot_know_is_a_todo_check_points_at(
    knowledge: Path, capsys: pytest.CaptureFixture[str], flags: tuple[str, ...], todo_line: str
) -> None:
    code, out = _draft(knowledge, capsys, *flags)
    assert code == 0 and "place: TODO" in out
    (knowledge / "facts" / "xinhe.yaml").write_text(out, encoding="utf-8")
    problems = [str(p) for p in check(knowledge).errors]
    assert any(p.startswith("kb/facts/xinhe.yaml:") and todo_line in p for p in problems), problems


def test_flags_fill_what_the_text_lacks(knowledge: Path, capsys: pytest.CaptureFixture[str]) -> None:
    body = "\n".join(ARTICLE.splitlines()[4:])
    (knowledge / "articles" / "xinhe.txt").write_text(body, encoding="utf-8")
    code, out = _draft(
        knowledge, capsys, "--place", "测试镇", "--date", "2022-03-18", "--outlet", "新河日报", "--title", "新河镇网格"
    )
    assert code == 0
    document = yaml.safe_load(out)["document"]
    assert (document["title"], document["outlet"], document["date"]) == ("新河镇网格", "新河日报", "2022-03-18")


def test_a_missing_article_is_one_clear_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["draft", str(tmp_path / "nope.txt")]) == 2
    assert "the article" in capsys.readouterr().err


def test_the_place_is_read_from_the_title_and_the_aliases_are_drafted(
    knowledge: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    aliases = tmp_path / "aliases.yaml"
    code, out = _draft(knowledge, capsys, "--id", "xinhe", "--aliases", str(aliases))
    assert code == 0
    data = yaml.safe_load(out)
    assert data["document"]["place"] == "新河镇"
    wordings = [q for f in data["facts"] for q in f["questions"]]
    assert any(q.startswith("新河") and not q.startswith("新河镇") for q in wordings)  # the short form
    assert "新河组织几名党员联系群众啊？" in wordings  # colloquial: 几 for a count of people or things
    proposed = yaml.safe_load(aliases.read_text(encoding="utf-8"))
    assert proposed["places"] == {"新河镇": ["新河"]}
    assert {"赵立新", "孙大海", "王小明", "李红"} <= set(proposed["terms"])
    # Merged into the knowledge's aliases.yaml, the draft is clean: the place is a known place.
    table = yaml.safe_load((knowledge / "aliases.yaml").read_text(encoding="utf-8")) or {}
    table.setdefault("places", {}).update(proposed["places"])
    table["terms"] = [*(table.get("terms") or []), *proposed["terms"]]
    (knowledge / "aliases.yaml").write_text(yaml.safe_dump(table, allow_unicode=True), encoding="utf-8")
    (knowledge / "facts" / "xinhe.yaml").write_text(out, encoding="utf-8")
    report = check(knowledge)
    assert [str(p) for p in report.problems if "xinhe" in str(p) or "aliases" in str(p)] == []


def test_split_makes_one_fact_per_figure_with_verbatim_sources(
    knowledge: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = _draft(knowledge, capsys, "--id", "xinhe", "--split")
    assert code == 0
    sources = [f["source"] for f in yaml.safe_load(out)["facts"]]
    assert "今年以来，新河镇把全镇12个村划分为58个网格" in sources
    assert "组织326名党员联系群众。" in sources
    (knowledge / "facts" / "xinhe.yaml").write_text(out, encoding="utf-8")
    report = check(knowledge)
    assert [str(p) for p in report.errors] == []
    assert report.coverage.uncovered == []


@pytest.mark.parametrize(
    ("sentence", "groups"),
    [
        ("今年以来，新河镇把全镇12个村划分为58个网格，组织326名党员联系群众。", 2),
        ("3月5日，新河镇召开网格工作推进会。", 1),  # a date is no figure
        ("新成立网格党支部31个，配备网格员132名，并为每名网格员发放“民情联系卡”。", 2),
        ("“我们白天施工，计划8月底前完工，共投入30万元。”他说。", 1),  # a quotation stays whole
        ("收集诉求1136件，已办结1109件，办结率达97.6%。", 3),
    ],
)
def test_clause_groups_are_verbatim_and_one_figure_each(sentence: str, groups: int) -> None:
    from bot.curation.clauses import clause_groups

    found = clause_groups(sentence)
    assert len(found) == groups
    assert all(group in sentence for group in found)
    assert "，".join(found) == sentence or len(found) == 1


def test_a_dash_sets_off_a_clause_as_a_comma_does() -> None:
    from bot.curation.phrases import clauses_of

    sentence = "新河镇首个项目落地——2月22日摘牌，2月26日取得4本证书。"
    assert clauses_of(sentence) == ["新河镇首个项目落地", "2月22日摘牌", "2月26日取得4本证书"]


@pytest.mark.parametrize(
    ("article", "wording"),
    [
        # 「目前」 opens without a subject: the items counted are the last sentence's (项).
        ("年初，新河镇梳理出为民办实事项目12项。目前，已完工7项。", "新河镇为民办实事项目完工多少项？"),
        # 「此外」 opens a new subject: nothing is borrowed.
        ("年初，新河镇梳理出为民办实事项目12项。此外，新建凉亭3座。", "新河镇新建凉亭多少座？"),
    ],
)
def test_a_sentence_without_a_subject_is_asked_about_what_the_last_one_counted(
    tmp_path: Path, article: str, wording: str
) -> None:
    last = _drafted(tmp_path, article, place="新河镇").facts[-1]
    assert wording in last["questions"]  # type: ignore[operator]


def test_a_title_without_a_colon_and_a_closing_byline_fill_the_document(tmp_path: Path) -> None:
    story = "新河镇建成助餐点12个。新河镇还有家庭医生团队8支。\n（记者 温砚秋 陆鸣川）"
    document = _drafted(tmp_path, story, title="新河镇织密养老服务网：让老人乐享晚年").document
    assert (document["place"], document["author"]) == ("新河镇", "温砚秋 陆鸣川")


def test_the_dateline_stays_in_the_source_and_leaves_the_answer(tmp_path: Path) -> None:
    fact = _drafted(tmp_path, "本报讯 今年以来，新河镇建成助餐点12个。").facts[0]
    assert str(fact["source"]).startswith("本报讯")
    assert "本报讯" not in str(fact["answer"]) and not any("本报讯" in q for q in fact["questions"])  # type: ignore[attr-defined]


def test_every_figure_of_a_sentence_is_asked(tmp_path: Path) -> None:
    story = "按照规定，镇级河长每月巡河不少于2次，村级河长每周巡河不少于1次，一般问题须在48小时内办结。"
    questions = _drafted(tmp_path, story, place="新河镇").facts[0]["questions"]
    assert "新河镇一般问题须在多少小时内办结？" in questions  # type: ignore[operator]


def test_every_figure_of_a_long_list_is_asked_in_its_measure(tmp_path: Path) -> None:
    # Six figures in one sentence, the last two in 栋 and 艘: each is asked, none dropped for the count.
    story = (
        "全年共开展清洁行动146场，参与群众2.3万人次，清理垃圾2300吨，清理沟渠96公里，"
        "拆除乱搭乱建410处，整治空心房73栋，改造渔船12艘。"
    )
    questions = _drafted(tmp_path, story, place="新河镇").facts[0]["questions"]
    assert "新河镇整治空心房多少栋？" in questions  # type: ignore[operator]
    assert "新河镇改造渔船多少艘？" in questions  # type: ignore[operator]


def test_a_quotation_takes_along_the_speaker_who_opens_the_next_sentence(tmp_path: Path) -> None:
    story = "“高标准农田是粮食安全的压舱石。”新河镇党委书记赵立新说，镇里同步建立了田长制。"
    quote, rest = _drafted(tmp_path, story, place="新河镇").facts[:2]
    assert quote["source"] == "“高标准农田是粮食安全的压舱石。”新河镇党委书记赵立新说"
    assert str(quote["answer"]).endswith("新河镇党委书记赵立新说：“高标准农田是粮食安全的压舱石。”")
    # The ” closes the quotation: the next sentence's source does not open with it.
    assert str(rest["source"]).startswith("新河镇党委书记赵立新说，镇里")


def test_a_quotation_standing_alone_is_said_by_whom_its_paragraph_named_last(tmp_path: Path) -> None:
    story = "年轻妈妈宓嘉言把女儿交到保育师手中，转身去上班。“现在她会自己拿勺子吃饭，比在家里进步快多了。”"
    quote = _drafted(tmp_path, story, place="新河镇").facts[1]
    # The speaker is named; 她 inside her words stays hers (the daughter), not 宓嘉言.
    assert str(quote["answer"]).endswith("宓嘉言说：“现在她会自己拿勺子吃饭，比在家里进步快多了。”")


def test_a_region_two_companies_open_with_is_no_short_form_of_either() -> None:
    from bot.curation.names import draft_aliases

    names = [("岚陵恒屹新材料有限公司", "organisation"), ("岚陵鼎丰模具有限公司", "organisation")]
    proposed = draft_aliases(None, "岚陵恒屹新材料有限公司和岚陵鼎丰模具有限公司都签了约。", names)
    forms = proposed["names"]  # type: ignore[index]
    assert "鼎丰" in forms["岚陵鼎丰模具有限公司"]  # type: ignore[index]
    assert not any("岚陵" in f for fs in forms.values() for f in fs if f != "岚陵恒屹新材料有限公司")  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("sentence", "village"),
    [("全镇新建农村污水处理站16座。", None), ("箬塘村建成试点。", "箬塘村")],
)
def test_a_word_ending_in_cun_is_no_village(sentence: str, village: str | None) -> None:
    from bot.curation.names import names_in

    villages = [name for name, kind in names_in([sentence]) if kind == "village"]
    assert villages == ([village] if village else [])


def test_what_the_prose_leaves_before_a_village_after_a_conjunction_is_no_part_of_it() -> None:
    from bot.curation.names import villages_in

    # 埠洲村|站和上塅村|站: the 站和 of the station named first
    assert villages_in("埠洲村站和上塅村站分别为50吨。") == ["埠洲村", "上塅村"]


@pytest.mark.parametrize(
    ("story", "wording"),
    [
        # the where and the how before the verb are left out of the short question
        ("新河镇在东塘村、西塘村等6个村建成高标准农田2.6万亩。", "新河建成高标准农田有多少亩？"),
        # the person doing it stays
        ("东塘村种粮大户吴长贵流转了680亩农田。", "新河吴长贵流转了多少亩农田？"),
        # 由…提高到: the thing that changed, and the change
        ("新河镇主要农作物耕种收综合机械化率由71%提高到93%。", "新河综合机械化率提高到多少啊？"),
        # a comparison asks the change of what the clause before measured, without a doubled 有
        ("新河镇卫生厕所普及率达到93.6%，比去年提高8.2个百分点。", "新河镇卫生厕所普及率比去年提高多少个百分点？"),
        ("新河镇全年累计兑换积分12.6万分。", "新河镇全年累计兑换积分是多少啊？"),  # not 兑换积分分
        ("新河镇发放创业担保贷款3860万元。", "新河担保贷款多少钱？"),  # a loan is not spent
        ("新河镇投入资金85万元建设智慧网格平台。", "新河建设智慧网格平台要花多少钱？"),
        # the figure a verb reaches is asked in its place: no 「稳定在以上是多少」
        ("两个示范村的分类准确率稳定在95%以上。", "新河两个示范村的分类准确率稳定在多少以上啊？"),
        ("全镇垃圾分类准确率由2024年底的61.5%提高到89.3%。", "新河全镇垃圾分类准确率现在是多少啊？"),
        # a list of counts, each asked alone; 站点 ends in 点 but 9 is no time of day
        ("全镇建成垃圾收集亭126个、再生资源回收站点9个。", "新河镇再生资源回收站点多少个？"),
        ("全镇建成垃圾收集亭126个、再生资源回收站点9个。", "新河镇全镇建成垃圾收集亭多少个？"),
        ("全镇农村生活垃圾治理考核位居全县第2。", "新河镇全镇农村生活垃圾治理考核位居全县第几？"),  # a rank
        # 这一数字 is what the clause before measured; 以上 no part of a rate asked 是多少
        ("全镇水质合格率达98.6%，而2024年同期这一数字是91.2%。", "新河全镇水质合格率2024年同期是多少啊？"),
        ("全镇自来水普及率达99%以上。", "新河全镇自来水普及率是多少啊？"),
        ("抢修队接到报修后，2个多小时后恢复供水。", "新河镇多长时间后恢复供水？"),  # a rough span
        ("全镇安装智能远传水表3200块，采集水样126份。", "新河采集水样几份啊？"),  # 块 and 份 count
        ("新水厂总投资2800万元，采用混凝沉淀+过滤+消毒工艺。", "新河采用什么工艺？"),  # a method named
        # 分别: both figures are asked, not the last one after the first
        ("全镇基料化和原料化利用分别为0.4万吨和0.3万吨。", "新河镇全镇基料化和原料化利用分别是多少吨？"),
        ("全镇农家书屋总藏书达9.8万册。", "新河农家书屋总藏书有多少册？"),  # 册 is a measure word
        # 脱贫人口 is one compound: 人口人均纯收入 alone would be everyone's income
        ("全镇脱贫人口人均纯收入达到1.6万元。", "新河脱贫人口人均纯收入多少钱？"),
        # 来 is rough, as 多 and 余 are
        ("村民吴长贵家去年春茶每亩多收了20来斤。", "新河镇村民吴长贵家去年春茶每亩多收了多少斤？"),
        # the date of a scene is asked with what happened there
        (
            "11月8日，在东塘村的稻田里，两台秸秆打捆机来回作业。",
            "新河镇什么时候在东塘村的稻田里两台秸秆打捆机来回作业？",
        ),
    ],
)
def test_a_figure_is_also_asked_with_just_its_verb_and_object(tmp_path: Path, story: str, wording: str) -> None:
    questions = _drafted(tmp_path, story, place="新河镇").facts[0]["questions"]
    assert wording in questions  # type: ignore[operator]


def test_an_age_before_the_person_is_asked_with_the_person(tmp_path: Path) -> None:
    questions = _drafted(tmp_path, "今年67岁的宓雨桐，是阅读推广志愿服务队的一员。", place="新河镇").facts[0][
        "questions"
    ]
    assert not any("多少岁的" in q for q in questions)  # type: ignore[union-attr]


def test_a_month_range_is_no_figure_to_ask(tmp_path: Path) -> None:
    questions = _drafted(tmp_path, "1至9月，新河镇12个村集体经济收入合计486万元。", place="新河镇").facts[0][
        "questions"
    ]
    assert not any("多少至" in q for q in questions)  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("sentence", "person", "post"),
    [
        ("县医院心内科副主任医师蓟雁秋给出了诊断意见。", "蓟雁秋", "县医院心内科副主任医师"),  # a rare surname
        # the whole description, from a whole word on, after what introduces it
        ("据了解，镇上今年请县农业服务中心农艺师訾明远介绍还田要求。", "訾明远", "县农业服务中心农艺师"),
        ("镇里还成立了由镇长郗晓岚任组长的工作专班。", "郗晓岚", "镇长"),
        ("据镇应急管理办公室主任逄立军介绍，今年新建监控点9个。", "逄立军", "镇应急管理办公室主任"),
        ("在蔺家堰村，村党支部书记庹建业把签约服务做到了家门口。", "庹建业", "村党支部书记"),  # …把
        ("“有事找网格员。”镇长赵立新说。", "赵立新", "镇长"),  # no quotation mark in the post
        ("民宿主邴若溪2020年辞职回乡。", "邴若溪", "民宿主"),  # a trade, and a year after the name
        ("公司总经理邝书航对此深有体会。", "邝书航", "公司总经理"),  # …对此
        ("在樟垄村，村民邬春梅一早就来取件。", "邬春梅", "村民"),  # …一早
        ("公司总经理濮志远告诉记者，今年产量翻番。", "濮志远", "公司总经理"),  # 濮: said, whatever the surname
        ("”该公司项目经理罗志刚说。", "罗志刚", "该公司项目经理"),  # not 罗志, though 刚 may end a name
        # a name jieba tags, after a word for a person, before any verb
        ("镇党委副书记钭晓岚牵头负责宣传发动。", "钭晓岚", "镇党委副书记"),
        ("90后大学生戚明轩回村开起了网店。", "戚明轩", "90后大学生"),
        ("返乡青年伍德顺去年创办了竹编工坊。", "伍德顺", "返乡青年"),  # 伍/德顺 joined
        ("新农人韦秋生在峃口村流转了200亩土地。", "韦秋生", "新农人"),
        # a surname jieba has no word for (眭/根/宝): the name ends where a word begins (学习)
        ("县级非遗代表性传承人眭根宝学习竹编技法。", "眭根宝", "县级非遗代表性传承人"),
        ("市级剪纸代表性传承人厍秀芝领衔。", "厍秀芝", "市级剪纸代表性传承人"),
        ("团长蕲德顺介绍，剧团今年演出62场。", "蕲德顺", "团长"),
        ("竹编代表性传承人眭根宝收了6名徒弟。", "眭根宝", "竹编代表性传承人"),  # no word after it either way
        # a trade ending in 师 is a post
        ("县农业技术推广中心高级农艺师禚绮岚今年在镇里蹲点。", "禚绮岚", "县农业技术推广中心高级农艺师"),
        ("保育师阙若溪在托育室工作了两年。", "阙若溪", "保育师"),
    ],
)
def test_people_after_a_post_are_found_whatever_their_surname(sentence: str, person: str, post: str) -> None:
    from bot.curation.names import people_in

    assert people_in([sentence]).get(person) == post


@pytest.mark.parametrize(
    ("sentence", "person", "how"),
    [
        ("岜坳村78岁的陆秀英拧开厨房的水龙头。", "陆秀英", "aged"),  # 秀英 is a given name jieba knows
        ("在下槲村，72岁的眭德厚起初不愿离开。", "眭德厚", "aged"),
        ("今年七十二岁的禤守砚是省级传承人。", "禤守砚", "aged"),
        ("“水还是干净的。”陆秀英笑着说。", "陆秀英", "quoted"),  # who said it, after the quotation
        ("“明年还要办。”邬春梅说。", "邬春梅", "quoted"),
        ("瀼湾村62岁的村民濮桂兰在农场帮工。", "濮桂兰", "aged"),  # an age and who: any surname
    ],
)
def test_people_after_an_age_or_a_quotation_are_found(sentence: str, person: str, how: str) -> None:
    from bot.curation.names import people_in

    assert people_in([sentence]).get(person) == how


@pytest.mark.parametrize(
    "sentence",
    [
        "78岁的老人家说，日子好了。",
        "今年60岁的他说，很满意。",
        "“好。”大家纷纷说。",
        "“行。”村民们说。",
        "今年68岁的村民说，日子好了。",
        "72岁的村民们都来了。",
        "“一开始没人愿意改，村民先跟我说怕臭。”",  # 先跟我: a pronoun is in no name
    ],
)
def test_no_name_after_an_age_or_a_quotation_that_is_a_word(sentence: str) -> None:
    from bot.curation.names import people_in

    assert people_in([sentence]) == {}


def test_what_villagers_do_is_no_name() -> None:
    from bot.curation.names import people_in

    assert people_in(["过去村民取件、寄件都要专程跑一趟。"]) == {}  # 取件 is what they do


def test_what_the_text_counts_in_ge_is_no_person() -> None:
    from bot.curation.names import people_in

    # jieba tags 托育室 a name after 社区; the article counts it (4个, 每个托育室): a thing.
    story = ["街道新建社区托育室4个。", "我们还给每个托育室配了一名保健员。"]
    assert "托育室" not in people_in(story)


@pytest.mark.parametrize(
    "sentence",
    [
        "镇党委书记为第一责任人。",  # 为 opens what follows the post
        "合作社负责人介绍，梨子今年卖得好。",  # 介绍 is a word, though 介 may start a name
        "把零散的田块连成片，机器能开进去了。",  # 成片 is too common a word for a given name
        "家长最放心不下的是上学路远。",  # two characters tagged a name, after no post
        "村医们说，过去心电图要靠肉眼判读。",  # 们 makes the post a group
        "镇党委书记亲自带队检查。",  # 亲 is common: no rare surname
        "她拉着工作人员的手说：“心里暖和。”",  # 的 opens no name
    ],
)
def test_words_after_a_post_or_a_noun_are_no_names(sentence: str) -> None:
    from bot.curation.names import people_in

    assert people_in([sentence]) == {}


@pytest.mark.parametrize(
    ("sentence", "found", "not_found"),
    [
        # 溟 and 川 are single tokens to jieba: the run goes on to the county
        (
            "该中心由溟川县翎康医疗信息技术有限公司承建。",
            "溟川县翎康医疗信息技术有限公司",
            "川县翎康医疗信息技术有限公司",
        ),
        # the name goes on after 中心
        ("芰塘镇中心卫生院新增床位26张。", "芰塘镇中心卫生院", "芰塘镇中心"),
        # a kind of place every town has, and a count, are no names
        ("社区党群服务中心开展义诊。", None, "社区党群服务中心"),
        ("全镇建成三大中心。", None, "三大中心"),
        ("中心已为溱丰竹木制品厂等企业提供服务。", "溱丰竹木制品厂", "竹木制品厂"),  # a works (厂)
        # 了 glued to a rare character is no part of the name; 洲 after the rare 荇 is
        ("他成立了棠溆县枧塘竹艺有限公司。", "棠溆县枧塘竹艺有限公司", "了棠溆县枧塘竹艺有限公司"),
        ("棠溆县荇洲云雾茶专业合作社今年收购鲜叶2万斤。", "棠溆县荇洲云雾茶专业合作社", "云雾茶专业合作社"),
        # 瀼 (zg) is a rare character, so the run is a name; 县 flagged zg too is a common one
        ("工程由瀼水县城乡供水有限公司负责运营。", "瀼水县城乡供水有限公司", "城乡供水有限公司"),
        ("病人转到县医院。", None, "县医院"),
        ("箐口村村民陆秀英今年68岁。", "箐口村", "口村"),  # 箐 (g) rare, 口 after it no break
        # 的 and 与 end what comes before a name (jieba glues 村的 into one token)
        (
            "位于棠埂村的汧陔县禾丰生物有机肥有限公司，厂区内堆满稻草。",
            "汧陔县禾丰生物有机肥有限公司",
            "村的汧陔县禾丰生物有机肥有限公司",
        ),
        ("位于棠埂村的汧陔县禾丰生物有机肥有限公司，厂区内堆满稻草。", "棠埂村", "村的"),
        (
            "蘩岙乡与苕峪县清岙环境服务有限公司签订协议。",
            "苕峪县清岙环境服务有限公司",
            "岙乡与苕峪县清岙环境服务有限公司",
        ),
        # words saying what it is open the run, not the name
        ("本地企业埼润纺织有限公司一次性捐赠图书3200册。", "埼润纺织有限公司", "企业埼润纺织有限公司"),
        # a verbal noun after the name's own characters is part of it; with none before, it is not
        ("书房由嵝溪县笙墨文化传播有限公司负责日常运营。", "嵝溪县笙墨文化传播有限公司", "有限公司"),
        ("提醒群众下载安装国家反诈中心。", None, "群众下载安装国家反诈中心"),
        # a character jieba has seldom seen is a name's, whatever it guessed (畈 q)
        ("岱畈村把农家书屋和课堂结合起来。", "岱畈村", "畈村"),
        ("在蔸坪村，秸秆经过揉丝变成饲料。", "蔸坪村", "坪村"),
        # a name too long for the run's reach still opens at its first rare character (翯)
        (
            "在鬯塘村，翯阳县澥湄鬯禾稻虾专业合作社理事长说。",
            "翯阳县澥湄鬯禾稻虾专业合作社",
            "阳县澥湄鬯禾稻虾专业合作社",
        ),
    ],
)
def test_organisations_are_whole_names_not_kinds(sentence: str, found: str | None, not_found: str) -> None:
    from bot.curation.names import names_in

    organisations = [name for name, kind in names_in([sentence]) if kind in ("organisation", "village")]
    assert not_found not in organisations
    if found:
        assert found in organisations


def test_a_community_of_the_town_is_no_form_of_the_town() -> None:
    from bot.curation.names import draft_aliases, organisation_forms

    proposed = draft_aliases("芰塘镇", "芰塘镇芰塘社区新建家庭医生工作室。", [])
    assert "芰塘社区" not in proposed["places"]["芰塘镇"]  # type: ignore[index]
    assert "宏砺公司" in organisation_forms("苍栎宏砺石材有限公司", ["苍栎"])
    # No 县人民, and no 人民医院 or 便民服务中心 either: every county and town has one.
    assert organisation_forms("溟川县人民医院") == []
    assert organisation_forms("蒲溪镇便民服务中心") == []


def test_a_villages_name_is_no_short_form_of_a_firm_there() -> None:
    from bot.curation.names import draft_aliases

    names = [("枧塘村", "village"), ("棠溆县枧塘竹艺有限公司", "organisation")]
    forms = draft_aliases("蓼坪乡", "棠溆县", names)["names"]["棠溆县枧塘竹艺有限公司"]  # type: ignore[index]
    assert "枧塘" not in forms and "枧塘竹艺" in forms


@pytest.mark.parametrize(
    "story",
    [
        "9月18日凌晨2时40分，新河镇发布暴雨红色预警。",  # a time of day
        "位于东塘村上游的青棠水库是一座小（1）型水库。",  # a class in brackets
    ],
)
def test_a_time_of_day_or_a_class_is_no_figure_to_ask(tmp_path: Path, story: str) -> None:
    questions = _drafted(tmp_path, story, place="新河镇").facts[0]["questions"]
    assert not any("多少分" in q or "（多少）" in q for q in questions)  # type: ignore[union-attr]


def test_keywords_keep_the_articles_names_whole() -> None:
    from bot.curation.wordings import Wordings
    from bot.knowledge.model import Document

    doc = Document(id="x", title="t", outlet="o", date="2025-09-26", text="", path="x", place="沄岙镇")
    keywords = Wordings(doc, (), ("蘧阳县",))._keywords("蘧阳县气象台将暴雨预警由橙色升级为红色")
    assert "蘧阳县" in keywords and "阳县" not in keywords  # jieba alone cuts 阳县 out of it


def test_a_slogan_title_names_no_author_and_its_place_comes_after_the_county(tmp_path: Path) -> None:
    story = "新河镇建成民宿42家。新河镇接待游客9.2万人次。\n（记者 温砚秋）"
    document = _drafted(tmp_path, story, title="古村焕新颜 文旅富乡邻：云岭县新河镇走出新路子").document
    assert (document["title"], document["author"], document["place"]) == (
        "古村焕新颜 文旅富乡邻：云岭县新河镇走出新路子",
        "温砚秋",  # the byline, not 旅富乡邻 after the 文 of 文旅
        "新河镇",
    )


@pytest.mark.parametrize(
    ("sentences", "name", "kind"),
    [
        (["游客都去了新河镇藟坑村。"], "藟坑村", "village"),  # the town before it is no part of it
        (["檠溪镇民宿行业协会成立。", "民宿行业协会牵头培训。"], "檠溪镇民宿行业协会", "organisation"),
    ],
)
def test_names_are_found_whole_and_once(sentences: list[str], name: str, kind: str) -> None:
    from bot.curation.names import names_in

    found = [n for n, k in names_in(sentences) if k == kind]
    assert found == [name]


def test_a_person_after_a_trade_and_an_age_is_asked_who_and_how_old(tmp_path: Path) -> None:
    questions = _drafted(tmp_path, "63岁的巡库员阙木生已经在青棠水库守了11个年头。", place="新河镇").facts[0][
        "questions"
    ]
    assert {"新河镇巡库员是谁？", "阙木生是什么职务？", "阙木生今年多大岁数？"} <= set(questions)  # type: ignore[arg-type]


def test_each_figure_of_a_list_with_its_own_verb_is_asked(tmp_path: Path) -> None:
    story = "新河镇将力争全年新签约亿元以上项目40个以上、实际到位资金突破60亿元、规上工业产值突破380亿元。"
    questions = _drafted(tmp_path, story, place="新河镇").facts[0]["questions"]
    assert "新河镇实际到位资金突破多少亿元？" in questions  # type: ignore[operator]
    assert "新河镇规上工业产值突破多少亿元？" in questions  # type: ignore[operator]


def test_a_long_source_line_with_a_byline_and_a_place_after_a_space_fill_the_document(tmp_path: Path) -> None:
    from bot.curation.draft import draft

    path = tmp_path / "xinhe.txt"
    header = (
        "小切口推动大变化　新河镇绘就和美乡村新画卷\n"
        "来源：云岭县融媒体中心    发布时间：2023-12-06    记者 温砚秋　通讯员 陆鸣川"
    )
    path.write_text(f"{header}\n\n本报讯 新河镇建成污水处理站12座。新河镇改厕1426户。\n", encoding="utf-8")
    document = draft(path).document
    assert (document["outlet"], document["date"], document["author"], document["place"]) == (
        "云岭县融媒体中心",
        "2023-12-06",
        "温砚秋 陆鸣川",
        "新河镇",  # after the slogan and a full-width space, with no county before it
    )


@pytest.mark.parametrize(
    ("story", "wording"),
    [
        # 他 is the person named last; 该村 the village named last; 该镇 the article's town
        ("保洁员仉大满每天收垃圾。今年57岁的他干保洁已经第五个年头了。", "仉大满今年多大岁数？"),
        ("东塘村建成污水处理站。该村日处理能力达到80吨。", "新河镇东塘村日处理能力达到多少吨？"),
        ("新河公司建成厂房。该镇今年新增就业1286人。", "新河镇今年新增就业多少人？"),
        # a villager is asked who she is, never what post she holds
        ("东塘村68岁的村民隗桂芝家用上了卫生厕所。", "隗桂芝是哪里人？"),
        ("东塘村脱贫户柯玉兰今年养了200只鸡。", "柯玉兰是哪里人？"),
        # no village said: where she is from is not told, what she is is
        ("种粮大户柯玉兰蹲在田埂边说，今年收成好。", "柯玉兰是做什么的？"),
        # a trade is no post either: what the person does is asked
        ("民宿主訾念宁2020年回村开了一家民宿。", "訾念宁是做什么的？"),
    ],
)
def test_an_anaphor_is_asked_by_what_it_stands_for(tmp_path: Path, story: str, wording: str) -> None:
    questions = [q for fact in _drafted(tmp_path, story, place="新河镇").facts for q in fact["questions"]]  # type: ignore[attr-defined]
    assert wording in questions
    assert "是哪里人" not in wording or "村" in story
    assert not any("哪里人" in q for q in questions if "村" not in story)
    assert not any("职务" in q for q in questions if {"隗桂芝", "柯玉兰", "訾念宁"} & set(q.split("是")))
    assert not any("新河公司" in q for q in questions if "就业" in q)


def test_tags_are_the_topic_before_a_headings_colon(tmp_path: Path) -> None:
    story = "垃圾分类：从“一扔了之”到“分类投放”\n新河镇配发分类垃圾桶8200套。"
    assert _drafted(tmp_path, story, place="新河镇").facts[0]["tags"] == ["垃圾分类"]


@pytest.mark.parametrize(
    ("story", "wording"),
    [
        ("位于东塘村上游的青棠水库是一座小（1）型水库，总库容436万立方米。", "新河青棠水库是什么样的水库？"),
        ("今年七十二岁的禤守砚是傩面雕刻代表性传承人。", "禤守砚今年多大岁数？"),  # 禤: a rare surname
    ],
)
def test_what_a_sentence_defines_and_an_age_before_a_name_are_asked(tmp_path: Path, story: str, wording: str) -> None:
    questions = [q for fact in _drafted(tmp_path, story, place="新河镇").facts for q in fact["questions"]]  # type: ignore[attr-defined]
    assert wording in questions


@pytest.mark.parametrize(
    ("story", "wanted", "unwanted"),
    [
        # A thousands separator: one figure, asked in its unit.
        ("今年以来，新河镇卫生院累计坐诊1,460人次。", "坐诊多少人次", "以来累计"),
        # A post after the village it belongs to: asked by itself, the village never cut.
        ("枳园村村医蒯长顺今年58岁，负责管理本村高血压患者186人。", "村医叫什么名字", "园村村医叫"),
        # Years that are a duration, not a calendar year.
        ("东塘村68岁的甯桂香患高血压已有9年。", "已有多少年", "已有9年？"),
        # A run jieba's HMM makes of 其中从县 is no keyword.
        ("卫生院收治住院患者1820人次，其中从县医院下转康复的有146人次。", "下转康复", " 中从县"),
        ("县交通运输局局长靳砚秋说，全县今年新建公路86公里。", "新河交通运输局局长叫什么名字", " 局局长"),
        ("镇应急管理办公室主任亓建国说，全镇今年排查隐患35处。", "新河办公室主任叫什么名字", "新河公室主任"),
        ("今年5月至6月15日，全镇共排查企业326家。", "排查企业多少家", "至6月15日是什么时候"),  # a period
        ("全镇清理楼道停放电动自行车2300余辆次。", "多少辆次", "几次"),  # 辆次 is counted whole
        ("6月下旬，记者走进桧湾村工业集中区，厂区干净整洁。", "新河", "什么时候记者"),  # the reporter's visit
        ("镇党委书记林卫东说，全镇今年新建公路86公里。", "新河镇党委书记是谁", "新河镇镇党委"),
        ("城乡公交线路由3条增至7条。", "增至多少条", "条增至几条"),
        ("村民以前到镇上要绕行90分钟，现在15分钟就到了。", "多久", "绕行分钟"),
        ("村口有一座建于上世纪70年代的老石拱桥。", "石拱桥", "多久代"),
        ("驾驶员厍永昶已经在这条线路上跑了两年多。", "厍永昶是什么职务", "在哪里上跑"),
        ("大桥历时两个半月，于6月底建成通车。", "建成通车是什么时候", "于建成"),
        ("郗家坪村开办了暑期课堂，吸引附近62名中小学生参加。", "吸引附近几名", "附几名"),  # 附近 is no rounding 近
    ],
)
def test_draft_wordings_read_figures_names_and_posts_whole(
    tmp_path: Path, story: str, wanted: str, unwanted: str
) -> None:
    questions = " ".join(_drafted(tmp_path, story, place="新河镇").facts[0]["questions"])  # type: ignore[arg-type]
    assert wanted in questions and unwanted not in questions


def test_a_quotation_is_asked_of_its_speaker(tmp_path: Path) -> None:
    # 我 in 「“我编了50多年竹子。”眭根宝说。」 is 眭根宝: nobody asks 「我编了多少年竹子」.
    story = "竹编传承人眭根宝收了6名徒弟。“我编了50多年竹子。”眭根宝说。"
    facts = _drafted(tmp_path, story, place="新河镇").facts
    questions = " ".join(str(q) for f in facts for q in f["questions"])  # type: ignore[union-attr]
    assert "眭根宝编了多少年竹子" in questions and "我编了" not in questions


def test_an_answer_names_the_village_its_sentence_only_calls_the_village(tmp_path: Path) -> None:
    story = "青岗村地处深山，过去吃水难。镇里投入136万元新建蓄水池2座，全村386户群众喝上了自来水。"
    facts = _drafted(tmp_path, story, place="新河镇").facts
    answer = next(f["answer"] for f in facts if "136" in str(f["source"]))
    assert "青岗村" in str(answer) and "136万元" in str(answer)


@pytest.mark.parametrize(
    ("sentence", "village"),
    [
        ("工坊由传承人厍秀芝领衔，今年开展剪纸培训4期。", "厍口村"),  # the paragraph's village, named last
        ("乡综治中心每月召开一次分析研判会。", None),  # the town's own centre
        ("全镇今年开展培训12期。", None),
        ("“年轻人愿意学了。”厍秀芝说。", None),  # a quotation stays the speaker's
    ],
)
def test_a_paragraph_about_a_village_goes_on_about_it(tmp_path: Path, sentence: str, village: str | None) -> None:
    story = f"与亓山村相隔约6公里的厍口村，把剪纸工坊设在村文化礼堂二楼。{sentence}"
    facts = _drafted(tmp_path, story, place="新河镇").facts
    answer = str(next(f["answer"] for f in facts if f["source"] == sentence))
    assert ("在新河镇厍口村" in answer) is (village is not None), answer


def test_a_draft_answer_reads_on_its_own(tmp_path: Path) -> None:
    story = (
        "东塘村今年投入资金300万元。其中，争取上级补助资金120万元。\n\n"
        "西岭村是个山村。该村原有砂石路5公里，今年全部完成硬化。"
    )
    answers = [str(f["answer"]) for f in _drafted(tmp_path, story, place="新河镇").facts]
    assert not any("其中，" in a or "该村" in a for a in answers), answers
    assert any("西岭村原有砂石路5公里" in a for a in answers), answers


def test_this_noun_is_named_by_the_name_before_it(tmp_path: Path) -> None:
    # 该中心 stands for the last name found that ends in 中心: answer and wordings say which.
    story = "今年3月，新河镇便民服务中心正式投用。据介绍，该中心设有办事窗口12个，整合审批事项86项。"
    facts = _drafted(tmp_path, story, place="新河镇").facts
    fact = next(f for f in facts if "该中心" in str(f["source"]))
    assert "新河镇便民服务中心设有办事窗口12个" in str(fact["answer"]), fact
    assert any("便民服务中心" in q for q in fact["questions"]), fact  # type: ignore[union-attr]


def test_a_pronoun_is_asked_by_someone_its_paragraph_names(tmp_path: Path) -> None:
    story = (
        "东塘村党支部书记林卫东介绍，村里建成民宿12家。\n\n"
        "民宿主訾念宁2020年从省城辞职回乡。她说，今年她的民宿营业收入达到了62万元。"
    )
    questions = " ".join(q for f in _drafted(tmp_path, story, place="新河镇").facts for q in f["questions"])  # type: ignore[union-attr]
    assert "林卫东的民宿" not in questions  # 她 is not the secretary of the paragraph before


def test_a_title_with_a_subtitle_longer_than_a_heading_is_read(tmp_path: Path) -> None:
    from bot.curation.draft import draft

    path = tmp_path / "fengxi.txt"
    title = "枫溪镇：让群众办事“只进一扇门、最多跑一次”　便民服务中心改造升级后办件量同比增长21.5%"
    header = f"{title}\n2025-03-02 09:10  来源：岚川县融媒体中心\n记者 宋知微  通讯员 姜远山"
    path.write_text(f"{header}\n\n本报讯 枫溪镇便民服务中心设有12个窗口。\n", encoding="utf-8")
    document = draft(path).document
    assert (document["title"], document["outlet"], document["date"], document["author"], document["place"]) == (
        title,
        "岚川县融媒体中心",
        "2025-03-02",
        "宋知微 姜远山",
        "枫溪镇",
    )


@pytest.mark.parametrize(
    ("story", "answer"),
    [
        # The sentence says where within the town; the village named before is not borrowed.
        (
            "东塘村建起代办点。在西坞村，代办点与电商服务站合署办公，村里的快递员每天捎带材料。",
            "据2022年3月18日报道，在新河镇西坞村，代办点与电商服务站合署办公，村里的快递员每天捎带材料。",
        ),
        # 据统计 leans on the reporter: the answer's 据…报道 says it.
        ("据统计，新河镇中心共受理办件1236件。", "据2022年3月18日报道，新河镇中心共受理办件1236件。"),
    ],
)
def test_a_draft_answer_says_where_once_and_whose_account_once(tmp_path: Path, story: str, answer: str) -> None:
    answers = [str(f["answer"]) for f in _drafted(tmp_path, story, place="新河镇").facts]
    assert answer in answers


def test_town_and_village_locatives_are_no_keywords(tmp_path: Path) -> None:
    story = "今年3月，镇里投入186万元，将原供销社旧址改建为新河镇便民服务中心。"
    questions = [q for f in _drafted(tmp_path, story, place="新河镇").facts for q in f["questions"]]  # type: ignore[attr-defined]
    keywords = [q for q in questions if " " in q]
    assert keywords and not any("镇里" in q.split() for q in keywords)


def test_a_hotline_number_is_no_figure_to_ask(tmp_path: Path) -> None:
    story = "新河镇将12345政务服务便民热线工单办理纳入年度考核，全年办结工单1052件。"
    questions = [str(q) for f in _drafted(tmp_path, story, place="新河镇").facts for q in f["questions"]]  # type: ignore[attr-defined]
    assert not any("多少政务服务" in q or "几政务服务" in q for q in questions)
    assert any("多少件" in q for q in questions)  # the count of 件 is still asked


def test_a_slogan_ending_in_cun_is_no_place_when_the_title_names_a_town(tmp_path: Path) -> None:
    title = "快递进村“跑”出致富路——枫溪镇构建县乡村三级寄递物流体系"
    story = "枫溪镇推进快递进村，建成服务站12个。快递进村以后，枫溪镇农产品卖得更远。"
    assert _drafted(tmp_path, story, title=title).document["place"] == "枫溪镇"


@pytest.mark.parametrize(
    ("story", "asked", "not_asked"),
    [
        # a date and a time of day set a scene: nothing to ask 是什么时候 of
        ("10月18日清晨6点半，新河镇服务站门口停着一辆快递车。", None, "清晨6点半是什么时候"),
        # 现在 is "now", not 在 + a place
        ("主播笑着说，现在不少乡亲主动把土特产送到直播间。", None, "现在哪里"),
        # the 内 of 在产业园内 goes with the place; 立方米 is a unit
        ("去年以来，镇里在产业园内建成库容1200立方米的冷库。", "在哪里建成库容1200立方米的冷库", "哪里内"),
        ("去年以来，镇里在产业园内建成库容1200立方米的冷库。", "库容多少立方米", "库容立方米"),
    ],
)
def test_draft_wordings_ask_what_the_sentence_tells(
    tmp_path: Path, story: str, asked: str | None, not_asked: str
) -> None:
    questions = [str(q) for f in _drafted(tmp_path, story, place="新河镇").facts for q in f["questions"]]  # type: ignore[attr-defined]
    assert not any(not_asked in q for q in questions)
    assert asked is None or any(asked in q for q in questions)


@pytest.mark.parametrize(
    ("story", "wording"),
    [
        # a name jieba tags after the post, before any verb: asked like any other
        ("镇党委副书记钭晓岚牵头负责宣传发动。", "钭晓岚是什么职务？"),
        ("项目由乡长邰素珩牵头推进。", "新河镇乡长是谁？"),  # 由 is no part of the post
        ("麂坳村村级河长邵德庆每周巡河两次。", "新河麂坳村村级河长叫什么名字？"),  # not 级河长; the village stays
        ("东塘村訾念宁开起了农家乐。", "訾念宁是哪里人？"),  # after a village: where from
        ("返乡青年农晓川在村里当起了管水员。", "农晓川是做什么的？"),  # no post: what he does
        ("6公里外的下槲村党支部书记乜桂芬带队转移了73人。", "新河下槲村党支部书记叫什么名字？"),  # one per village
        # two posts in one sentence, each before 任: both holders are asked for
        ("镇里成立由镇党委书记蒙振华任组长、镇长韦靖岚任副组长的工作专班。", "蒙振华是什么职务？"),
        ("镇里成立由镇党委书记蒙振华任组长、镇长韦靖岚任副组长的工作专班。", "新河镇长是谁？"),
    ],
)
def test_people_named_before_any_verb_are_asked_about(tmp_path: Path, story: str, wording: str) -> None:
    questions = [q for fact in _drafted(tmp_path, story, place="新河镇").facts for q in fact["questions"]]  # type: ignore[attr-defined]
    assert wording in questions


@pytest.mark.parametrize(
    ("story", "answer_part"),
    [
        # an answer is read on its own: 她 is the person the paragraph named
        ("返乡青年唐小雨今年26岁。1997年出生的她，在村里开了网店。", "1997年出生的唐小雨，在村里开了网店。"),
        ("返乡青年唐小雨今年26岁。“他们都说我傻。”她笑着说。", "唐小雨笑着说：“他们都说我傻。”"),
        # …not inside a quotation, nor after a name of its own sentence
        ("村民田桂英开了家小店。“何大哥说话算数，有事找他准没错。”她说。", "有事找他准没错"),
        ("返乡青年唐小雨今年26岁。主任医师蓟雁秋是其中一位，每周三她都来坐诊。", "每周三她都来坐诊"),
        # a quotation of two sentences is one fact, with its speaker
        ("镇长邝绮梅说：“教育最要紧。学校要办强。”", "镇长邝绮梅说：“教育最要紧。学校要办强。”"),
        ("“以前全倒一个桶。现在心里有数。”保洁员蔺水根说。", "保洁员蔺水根说：“以前全倒一个桶。现在心里有数。”"),
    ],
)
def test_an_answer_names_who_a_pronoun_means(tmp_path: Path, story: str, answer_part: str) -> None:
    answers = [str(fact["answer"]) for fact in _drafted(tmp_path, story, place="新河镇").facts]  # type: ignore[index]
    assert any(answer_part in answer for answer in answers), answers


@pytest.mark.parametrize(
    "story",
    ["如何让村民主动分类？新河镇推行积分制，村民分类投放可获积分。", "分出来的垃圾去了哪里？新河镇建成堆肥站3座。"],
)
def test_a_question_goes_with_the_sentence_that_answers_it(tmp_path: Path, story: str) -> None:
    # alone, the question would be a fact that answers nothing
    assert [fact["source"] for fact in _drafted(tmp_path, story, place="新河镇").facts] == [story]


@pytest.mark.parametrize(
    "story",
    [
        "在泖川市14个乡镇考核中，新河镇排名第一。",  # a set compared, not a place
        "主播在服务中心一楼的直播间里卖货。",  # a place inside the place
        "乡里向在外务工人员宣传家乡变化。",  # 在外 after a preposition
    ],
)
def test_no_where_question_of_what_is_no_location(tmp_path: Path, story: str) -> None:
    questions = [q for fact in _drafted(tmp_path, story, place="新河镇").facts for q in fact["questions"]]  # type: ignore[attr-defined]
    assert not any("在哪里" in q for q in questions), questions


def test_without_headings_a_paragraph_is_tagged_with_what_it_keeps_coming_back_to(tmp_path: Path) -> None:
    story = (
        "新河镇今年推进垃圾分类，成效明显。\n\n"
        "在东塘村，有机肥厂每天处理易腐垃圾12吨，有机肥供不应求，有机肥每吨卖到600元。\n\n"
        "西岭村的保洁员每天收两次垃圾，保洁员还负责劝导分类。"
    )
    tags = [fact["tags"][0] for fact in _drafted(tmp_path, story, place="新河镇").facts]  # type: ignore[index]
    assert tags == ["概况", "有机肥", "保洁员"]


def test_a_sentence_opening_with_gongsi_means_the_company_named_before(tmp_path: Path) -> None:
    story = "棠溪县禾沃环境科技有限公司负责收运易腐垃圾。公司总经理濮志远介绍，日均收集量18.6吨。"
    facts = _drafted(tmp_path, story, place="新河镇").facts
    assert "棠溪县禾沃环境科技有限公司总经理濮志远介绍" in str(facts[1]["answer"])
    assert any("棠溪县禾沃环境科技有限公司" in q for q in facts[1]["questions"])  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("story", "planned"),
    [
        ("新河镇力争2026年全镇自来水普及率达到99.5%以上。", "2026年"),  # the plan's year
        ("下一步，新河镇将新建充电棚30处。", "计划"),  # no year: 计划
        ("新河镇全镇自来水普及率达到98.6%。", ""),  # what is, no plan
    ],
)
def test_a_short_wording_of_a_plan_says_it_is_one(tmp_path: Path, story: str, planned: str) -> None:
    # 「自来水普及率是多少啊」 of a plan would ask this year's figure, which another fact tells.
    questions = [q for fact in _drafted(tmp_path, story, place="新河镇").facts for q in fact["questions"]]  # type: ignore[attr-defined]
    spoken = [q for q in questions if q.endswith("啊？") or q.endswith("啊")]
    assert spoken, questions
    if planned:
        assert all(planned in q or "力争" in q or "将" in q for q in spoken), spoken
    else:
        assert not any("计划" in q or "年全镇" in q for q in spoken), spoken


@pytest.mark.parametrize(
    ("sentence", "asked"),
    [
        ("邰庄村调委会调处纠纷35件，村委会主任邰秀芬把调解室搬进了茶馆。", "邰庄村村委会主任是谁"),
        ("在下槲村，村党支部书记秦有根带队转移群众。", "下槲村村党支部书记是谁"),
        ("全镇村党支部书记都参加了培训，村医张德顺说收获很大。", "新河镇村医是谁"),  # no village named
    ],
)
def test_a_village_post_is_asked_with_the_village_named_before_it(sentence: str, asked: str) -> None:
    from bot.curation.askpeople import people_wordings

    wordings = people_wordings(sentence, lambda text: f"新河镇{text}", lambda text: f"新河{text}")
    assert any(asked in w for w in wordings), wordings


@pytest.mark.parametrize(
    ("text", "scoped", "short"),
    [
        ("芷镇党委书记是谁", "甪芷镇党委书记是谁", "甪芷党委书记是谁"),  # cut out of the place's name
        ("河道整治了多少公里", "甪芷镇河道整治了多少公里", "甪芷河道整治了多少公里"),  # no overlap
        ("镇长是谁", "甪芷镇长是谁", "甪芷镇长是谁"),
    ],
)
def test_a_wording_repeats_nothing_of_the_place_it_names(text: str, scoped: str, short: str) -> None:
    from bot.curation.wordings import Wordings
    from bot.knowledge.model import Document

    doc = Document(id="x", title="t", outlet="o", date="2025-01-01", text="", path="", place="甪芷镇")
    wordings = Wordings(doc)
    assert (wordings._scoped(text), wordings._short(text)) == (scoped, short)


@pytest.mark.parametrize(
    ("heading", "topic"),
    [
        ("垃圾分类：从“一扔了之”到“分类投放”", "垃圾分类"),
        ("一、还田离田两条路 秸秆各有去处", "还田离田两条路"),
        ("（二）城市书房成为家门口的“文化客厅”", "城市书房成为家门口的“文化客厅”"),
        ("三、补贴政策落地，农机装备升级", "补贴政策落地"),
        ("第四部分：擦亮品牌", "擦亮品牌"),
    ],
)
def test_a_section_heading_is_a_short_topic(heading: str, topic: str) -> None:
    from bot.curation.draft import _heading_topic

    assert _heading_topic(heading) == topic


def test_an_organisation_spoken_of_by_its_kind_is_the_one_named_last(tmp_path: Path) -> None:
    story = "新河镇穗丰农机专业合作社今年收储秸秆1.35万吨。合作社现有社员46名。“农户不用花钱。”合作社理事长翟庆禾说。"
    facts = _drafted(tmp_path, story, place="新河镇").facts
    members = next(f for f in facts if "46名" in str(f["source"]))
    assert "穗丰农机专业合作社现有社员46名" in str(members["answer"])
    assert any("穗丰农机专业合作社现有社员" in q for q in members["questions"])  # type: ignore[union-attr]
    said = next(f for f in facts if "翟庆禾" in str(f["source"]))
    assert "穗丰农机专业合作社理事长翟庆禾" in str(said["answer"])


@pytest.mark.parametrize("split", [True, False])
def test_a_quotation_told_to_the_reporter_is_restated_with_its_speaker_first(tmp_path: Path, split: bool) -> None:
    story = "“帮扶不能只给钱，要让群众自己能挣钱。”镇长褚雯告诉记者，镇里还引导合作社收购茶青1.2万斤。"
    answers = [str(f["answer"]) for f in _drafted(tmp_path, story, place="新河镇", split=split).facts]  # type: ignore[arg-type]
    assert any("镇长褚雯告诉记者：“帮扶不能只给钱" in a for a in answers), answers
    assert not any("挣钱。”镇长" in a for a in answers), answers


@pytest.mark.parametrize(
    ("story", "wanted", "unwanted"),
    [
        # 项目 is a word: its 项 is no stray measure word of a count
        ("项目总投资1180万元，其中区级财政补助420万元。", "项目总投资多少钱", "新河目"),
        # the reach before a post cut a firm's name: its 有限公司 opens no question
        ("瀚渎智充科技有限公司汊埕片区经理蒯立新介绍，充电按时长计费。", "片区经理是谁", "有限公司汊埕"),
    ],
)
def test_a_wording_opens_on_a_whole_word(tmp_path: Path, story: str, wanted: str, unwanted: str) -> None:
    questions = [q for fact in _drafted(tmp_path, story, place="新河镇").facts for q in fact["questions"]]  # type: ignore[attr-defined]
    assert any(wanted in q for q in questions), questions
    assert not any(unwanted in q for q in questions), questions
