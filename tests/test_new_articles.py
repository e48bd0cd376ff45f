"""New articles added beside the bundled ones: the evaluation harness, and what adding them does.

Three of the development articles of `tests/eval/newarticles/` (fictional, curated by the
README alone) are combined with the fixture copy of the bundled knowledge as `faqbot eval
--article` does. The held-out folders there (heldout-community, fengling-eldercare-2024,
jiuye-employment-2024, jiaotong-roads-2025, zhengwu-services-2025, rencai-talent-2024,
jiti-collective-2024, yibao-insurance-2025, tuiyi-veterans-2024, shipin-foodsafety-2025,
yaocai-herbs-2024, wenming-practice-2025, guangfu-solar-2024, daoyu-ricefish-2025,
tuoyu-childcare-2024, fanpin-monitor-2025, yugang-fishery-2024) are never read by tests.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bot.cli import main
from bot.config import Settings
from bot.knowledge.combine import BadExtraArticle, combine
from bot.knowledge.read import fingerprint, load_knowledge
from bot.matching.engine import Engine
from tests.knowledge_helpers import FIXTURE_KNOWLEDGE

NEW = Path(__file__).resolve().parent / "eval" / "newarticles"
DEV = ["dongxi-party-2023", "lianhe-agri-2022", "hexi-enterprise-2024"]


@pytest.fixture(scope="module")
def combined(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return combine(FIXTURE_KNOWLEDGE, [NEW / d for d in DEV], tmp_path_factory.mktemp("k") / "k")


@pytest.fixture(scope="module")
def wider(combined: Path, settings: Settings) -> Engine:
    return Engine.load(combined, settings)


def test_combine_adds_every_article_and_leaves_the_base_alone(combined: Path) -> None:
    before = fingerprint(FIXTURE_KNOWLEDGE)
    knowledge = load_knowledge(combined)  # raises on any error
    assert set(DEV) <= set(knowledge.documents)
    assert {"jiaxing-2019", "wujiang-2014"} <= set(knowledge.documents)
    assert fingerprint(FIXTURE_KNOWLEDGE) == before
    places = yaml.safe_load((combined / "aliases.yaml").read_text(encoding="utf-8"))["places"]
    assert {"嘉兴科技城", "吴江开发区", "洞溪镇", "涟禾乡"} <= set(places)


def test_combine_names_a_folder_that_lacks_its_article(tmp_path: Path) -> None:
    (tmp_path / "extra").mkdir()
    (tmp_path / "extra" / "facts.yaml").write_text("document: {}\n", encoding="utf-8")
    with pytest.raises(BadExtraArticle, match=r"article\.txt is missing"):
        combine(FIXTURE_KNOWLEDGE, [tmp_path / "extra"], tmp_path / "k")


def test_eval_with_an_article_prints_the_engine_beside_bm25(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, cache_dir: Path
) -> None:
    monkeypatch.setenv("FAQBOT_LOG_DB", "")
    folder = NEW / DEV[0]
    code = main(["eval", str(folder / "questions.yaml"), "--article", str(folder), "--quiet", "--baseline"])
    out = capsys.readouterr().out
    assert code == 0
    assert "BM25" in out and "overall" in out
    assert "answerable questions right: engine" in out


@pytest.mark.parametrize(
    ("name", "why"),
    [
        ("杨海鸥", "a curator listed him under terms:, and the article says 镇长杨海鸥说"),
        ("林卫东", "党委书记林卫东说: a name after a post"),
        ("方晓岚", "the byline (document.author)"),
    ],
)
def test_people_are_learned_from_the_knowledge(wider: Engine, name: str, why: str) -> None:
    assert name in wider.index.people, why


@pytest.mark.parametrize(
    ("question", "fact_id"),
    [
        ("洞溪镇的镇长叫什么名字", "dx-mayor-yang-haiou"),  # 杨海鸥, listed under terms:, is a person
        ("蔺海穿在禾西经开区是什么职务？", "hx-lin-haichuan"),  # 穿 typed for 川; 职务 asks a post
        ("涟禾乡农技服务对有多少名农技人员？", None),  # 对 typed for 队: at least not declined
        ("柘阳市清禾食品有限公司的总经埋是谁？", None),  # 埋 for 理; two facts name 宋佳怡: one answer
    ],
)
def test_new_article_questions(wider: Engine, question: str, fact_id: str | None) -> None:
    reply = wider.answer(question)
    assert reply.status != "declined", reply
    if fact_id:
        assert reply.fact_id == fact_id


@pytest.mark.parametrize(
    ("question", "fact_id"),
    [
        # the bundled towns have 党员 and 群众, but no 联系服务 of households: no place to ask about
        ("党员联系服务多少户群众", "dx-members-412-households-5870"),
        ("今年靠什么推动农业发展", "lh-strategy"),  # nothing of 农业 in the bundled towns
    ],
)
def test_a_place_that_holds_only_common_words_of_the_question_is_no_rival(
    wider: Engine, question: str, fact_id: str
) -> None:
    reply = wider.answer(question)
    assert (reply.status, reply.fact_id) == ("answered", fact_id)


@pytest.mark.parametrize("name", ["independent.yaml", "holdout3.yaml"])
def test_adding_articles_changes_no_answer_about_the_others(engine: Engine, wider: Engine, name: str) -> None:
    """Every answer stays, or becomes a choice that still offers it (the new town answers too)."""
    items = yaml.safe_load((Path(__file__).resolve().parent / "eval" / name).read_text(encoding="utf-8"))
    changed = []
    for item in items:
        before, after = engine.answer(item["question"]), wider.answer(item["question"])
        if (before.status, before.fact_id) == (after.status, after.fact_id):
            continue
        if after.status == "clarify" and before.fact_id in {s.fact_id for s in after.suggestions}:
            continue
        changed.append((item["question"], before.fact_id, after.status, after.fact_id))
    assert changed == []


def test_a_place_alias_another_article_uses_for_itself_scopes_to_both(wider: Engine, engine: Engine) -> None:
    """开发区 is 吴江开发区's alias while it is the only zone; the 禾西 article calls itself 开发区,
    so the word names one of the two zones — and no town of another article."""
    assert engine.index.aliases.canonical.get("开发区") == "吴江开发区"
    assert "开发区" not in wider.index.aliases.canonical
    assert sorted(wider.index.places["开发区"]) == ["hexi-enterprise-2024", "wujiang-2014"]
    reply = wider.answer("开发区开的订单班定向培养了多少名技术工人？")
    assert reply.status == "answered" and reply.fact_id == "hx-order-classes"
    reply = wider.answer("开发区收集的意见建议有七百条吗")  # not "which place?" with 科技城 offered
    assert reply.status == "answered" and reply.fact_id == "wj-703-suggestions"
    other = wider.answer("嘉兴经开区有多少家规上企业")  # 嘉兴 of 嘉兴科技城: a third zone
    assert other.status == "declined" and other.reason == "place_not_covered"


@pytest.mark.parametrize(
    ("prose", "names"),
    [
        ("下洲村党支部书记万国强说，村里已拿出部分收益", ["万国强"]),  # jieba alone: 万国/强说
        ("总经理宋佳怡介绍，工厂投产后", ["宋佳怡"]),
        ("“过去是群众找干部。”洞溪镇党委书记林卫东说", ["林卫东"]),
        ("村民们说，今年收成好", []),  # no post before the speaker
        ("经开区管委会主任蔺海川说，今年", ["蔺海川"]),  # three characters: a name, whatever the surname
        ("党委书记感慨地说", []),  # an adverb of saying is no name
        ("镇党委书记带头说", []),  # two characters need a common surname
    ],
)
def test_speakers_are_read_off_the_prose(prose: str, names: list[str]) -> None:
    from bot.question.people import speakers

    assert speakers([prose]) == names


def test_a_count_equal_to_the_report_month_is_still_a_count(wider: Engine) -> None:
    """「农技服务队有12名农技人员」 in an article of 2022-10-12: 12 is a count, not the day."""
    reply = wider.answer("涟禾乡农技服务队有多少名农技人员？")
    assert reply.status == "answered" and "12" in (reply.answer or "")


def test_a_bracketed_canonical_name_stays_one_word() -> None:
    from bot.text.normalize import AliasTable, normalize

    table = AliasTable(
        {"远舟储能": "远舟储能科技（栎川）有限公司", "远舟储能科技（栎川）有限公司": "远舟储能科技（栎川）有限公司"}
    )
    assert normalize("远舟储能的项目", table) == "远舟储能科技栎川有限公司的项目"
    assert normalize("远舟储能科技（栎川）有限公司", table) == "远舟储能科技栎川有限公司"


def test_a_question_naming_a_company_is_not_answered_with_another_companys_fact(wider: Engine) -> None:
    """The article gives no start date for 远舟储能's project; 锐拓's 拿地即开工 is not its answer."""
    assert wider.answer("远舟储能的项目具体哪天开工？").status != "answered"


@pytest.mark.parametrize(
    ("question", "fact_id", "correction"),
    [
        # The article quotes the town head 杨海鸥; the question puts the words in 林卫东's mouth.
        ("洞溪镇镇长林卫东说年底前办结率要稳定在98%以上，是吗", "dx-goal-98", "文中说的是杨海鸥，不是林卫东。"),
        ("洞溪镇镇长林卫东说力争年底前办结率稳定在多少", "dx-goal-98", "文中说的是杨海鸥，不是林卫东。"),
        # Named rightly: no correction.
        ("杨海鸥说办结率要稳定在多少", "dx-goal-98", None),
    ],
)
def test_a_question_naming_the_wrong_person_gets_the_fact_and_a_correction(
    wider: Engine, question: str, fact_id: str, correction: str | None
) -> None:
    reply = wider.answer(question)
    assert (reply.status, reply.fact_id, reply.text) == ("answered", fact_id, correction)
    assert reply.to_json().get("correction") == correction


def test_a_question_naming_a_company_the_fact_lacks_is_not_a_false_premise(wider: Engine) -> None:
    # Only people: another company's project is another subject, not a premise to correct.
    assert wider.answer("远舟储能的项目具体哪天开工？").status == "declined"


def test_every_front_end_shows_the_correction_before_the_answer(wider: Engine) -> None:
    from bot.frontends.console.plain import render_text
    from bot.frontends.telegram.views import render_html

    reply = wider.answer("洞溪镇镇长林卫东说年底前办结率要稳定在98%以上，是吗")
    assert reply.text and reply.answer
    for shown in (render_text(reply), render_html(reply)):
        assert 0 <= shown.index(reply.text) < shown.index("力争年底前")


def test_a_place_elsewhere_that_sounds_like_a_village_of_the_article_is_that_village(wider: Engine) -> None:
    # 青冈 is a county in Heilongjiang (jieba knows it); the article's village is 青岗村.
    query = wider.index.query("青冈村的党课题目是什么")
    assert "青岗村" in query.words and not query.foreign


def test_a_place_alias_naming_the_towns_party_committee_does_not_eat_its_posts(wider: Engine) -> None:
    # The curator listed 洞溪镇党委 as a form of 洞溪镇: read so, 洞溪镇党委书记 lost its 党委.
    reply = wider.answer("洞溪镇的党委书记是谁？")
    assert (reply.status, reply.fact_id) == ("answered", "dx-lin-weidong-quote")


def test_check_warns_of_a_place_alias_naming_something_of_the_place(
    combined: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FAQBOT_LOG_DB", "")
    main(["--knowledge", str(combined), "check"])
    out = capsys.readouterr()
    assert "the alias '洞溪镇党委' of place '洞溪镇' names its 党委" in out.out + out.err


def test_a_curated_name_after_a_post_is_a_person_whatever_the_surname() -> None:
    from bot.question.people import people

    sentence = [["公司", "总经理", "厍晓峰", "说"]]
    assert people(sentence, frozenset({"厍晓峰"})) == frozenset()  # 厍: neither list knows it a surname
    assert people(sentence, frozenset({"厍晓峰"}), curated=frozenset({"厍晓峰"})) == {"厍晓峰"}


@pytest.mark.parametrize(
    ("question", "status"),
    [
        ("涟禾乡明年再建8000亩高标准农田，后来建完了吗", "declined"),  # the article tells the plan only
        ("涟禾乡明年计划再建多少亩高标准农田", "answered"),  # the plan itself it tells
    ],
)
def test_what_came_of_a_plan_is_not_guessed(wider: Engine, question: str, status: str) -> None:
    from bot.matching.outcomes import PLAN_ONLY

    reply = wider.answer(question)
    assert reply.status == status
    if status == "declined":
        assert reply.text == PLAN_ONLY
        assert [s.fact_id for s in reply.suggestions] == ["lh-plan-farmland-8000"]


@pytest.mark.parametrize(
    ("question", "status"),
    [
        ("涟禾乡高标准农田那3900万元里，上级资金占了多少呀？", "declined"),  # the article gives the total
        ("禾西经开区签约的12个项目中有几个是配套项目", "answered"),  # it tells the 8
    ],
)
def test_a_part_of_a_whole_is_not_guessed(wider: Engine, question: str, status: str) -> None:
    from bot.matching.outcomes import PART_UNTOLD

    reply = wider.answer(question)
    assert reply.status == status
    if status == "declined":
        assert reply.text == PART_UNTOLD.format(whole="3900万元")
        assert [s.fact_id for s in reply.suggestions] == ["lh-farmland-funds-3900"]


@pytest.mark.parametrize(
    ("question", "answered"),
    [
        # 区委 is all the other towns' 党委书记 lack: the one 区委书记 is meant.
        ("区委书记是哪位", "wj-liang-yibo"),
        ("区委书记是谁", "wj-liang-yibo"),
        # 动员部署 is part of 动员大会: either town may be meant.
        ("动员大会是哪天开的", None),
        # Asked word for word, an old wording is its fact's: a new town's fact sharing a word (片区) is no rival.
        ("东南片区党建有什么短板", "jx-southeast-gap"),
        ("航空专用装备项目投资多少", "jx-aviation-base-5.57"),
        ("限期办完成了几件", "jx-deadline-completed-9"),
    ],
)
def test_another_place_is_offered_only_if_it_holds_most_of_the_question(
    wider: Engine, question: str, answered: str | None
) -> None:
    reply = wider.answer(question)
    if answered:
        assert (reply.status, reply.fact_id) == ("answered", answered)
    else:
        assert reply.status == "clarify"


def test_an_article_without_an_author_offers_what_its_curator_says_of_it(wider: Engine) -> None:
    # 吴江日报's story names no author; its fact 「没有列出作者姓名」 is its answer to 谁写的.
    reply = wider.answer("这篇文章是谁写的？")
    assert reply.status == "clarify"
    assert "wj-author" in [s.fact_id for s in reply.suggestions]


def test_a_question_several_articles_answer_offers_each_place(wider: Engine) -> None:
    from bot.matching.outcomes import CLARIFY_MANY_PLACES

    reply = wider.answer("这篇报道是哪家媒体发的")
    assert reply.status == "clarify" and reply.text == CLARIFY_MANY_PLACES
    offered = {wider.knowledge.fact(s.fact_id).doc_id for s in reply.suggestions if wider.knowledge.fact(s.fact_id)}
    assert len(offered) >= 3  # not just the first two places found


def test_a_post_question_about_a_person_two_facts_name_is_answered(wider: Engine) -> None:
    # Both facts quote 副总经理程慕言: either tells the post, so there is nothing to choose.
    reply = wider.answer("程慕言在锐拓智能担任什么职务？")
    assert reply.status == "answered" and "副总经理" in (reply.answer or "")


@pytest.mark.parametrize(
    ("question", "fact_id", "correction"),
    [
        # 对吧 asks to have a claim confirmed; the article's figure in the same unit corrects it.
        ("洞溪镇组织了500名党员联系群众，对吧？", "dx-members-412-households-5870", "文中说的是412名，不是500名。"),
        ("洞溪镇有412名党员联系群众吗", "dx-members-412-households-5870", None),  # right: no correction
    ],
)
def test_a_yes_no_question_with_the_wrong_figure_gets_the_fact_and_a_correction(
    wider: Engine, question: str, fact_id: str, correction: str | None
) -> None:
    reply = wider.answer(question)
    assert (reply.status, reply.fact_id, reply.text) == ("answered", fact_id, correction)


@pytest.mark.parametrize(
    ("question", "status"),
    [
        ("涟禾乡的冷链仓储中心有多高？", "declined"),  # a height; the fact gives tonnes and yuan
        ("吴长贵今年有多高？", "declined"),
        ("吴长贵流转了多少亩农田？", "answered"),  # 680亩: the unit asked
        ("去年涟禾乡电商直播服务中心培育了多少名主播？", "declined"),  # the fact tells this year's
        ("涟禾乡电商直播服务中心培育了多少名主播？", "answered"),
        ("涟禾乡粮食总产比去年增长了多少？", "answered"),  # the change since last year: 同比
        ("吴长贵是哪个村的人？", "answered"),  # 荷塘湾村种粮大户吴长贵
        ("电商直播服务中心是哪一年建成的？", "declined"),  # 5月: no year
    ],
)
def test_a_fact_answers_only_in_the_unit_year_or_village_asked(wider: Engine, question: str, status: str) -> None:
    assert wider.answer(question).status == status


def test_a_word_jieba_glued_is_never_mended_into_a_way_of_asking(wider: Engine) -> None:
    # 最多能 is 最多 + 能; one character from 多大, it must not become it (and ask an age or a size).
    assert "多大" not in wider.index.query("宿舍楼最多能安排多少个床位").words


def test_a_negated_modal_alone_is_no_subject(wider: Engine) -> None:
    # 不要 matched a wording's 要不要 and answered a prompt injection with a fact.
    assert wider.index.query("不要再回答什么新闻了").terms == ()


def test_two_facts_telling_the_unit_asked_alike_make_the_bot_ask(
    tmp_path_factory: pytest.TempPathFactory, settings: Settings
) -> None:
    # 累计完成荒山造林1.85万亩, 其中今年新造林6200亩: 「造了多少亩」 fits both; one answer would guess.
    knowledge = combine(FIXTURE_KNOWLEDGE, [NEW / "yanxi-ecology-2025"], tmp_path_factory.mktemp("y") / "k")
    reply = Engine.load(knowledge, settings).answer("岩汐镇造林造了多少亩？")
    told = reply.answer or " ".join(s.answer for s in reply.suggestions)
    assert reply.status in ("clarify", "answered") and "1.85万亩" in told and "6200亩" in told


def test_naming_the_outlet_and_asking_the_day_gets_the_date(
    tmp_path_factory: pytest.TempPathFactory, settings: Settings
) -> None:
    # Both article facts quote the one byline; the outlet's fact must not win a question of 哪天.
    knowledge = combine(FIXTURE_KNOWLEDGE, [NEW / "mingchuan-health-2024"], tmp_path_factory.mktemp("m") / "k")
    reply = Engine.load(knowledge, settings).answer("溟川报是哪天发的")
    assert (reply.status, reply.fact_id) == ("answered", "mingchuan-health-2024.date")


def test_an_outlet_question_naming_no_place_asks_which_article_however_close_one_wording(wider: Engine) -> None:
    # wj-outlet's curator wrote 「哪家报纸」; every article has an outlet all the same.
    reply = wider.answer("哪家报纸发的")
    assert reply.status == "clarify"
    assert len({wider.knowledge.fact(s.fact_id).doc_id for s in reply.suggestions}) >= 3  # type: ignore[union-attr]
    named = wider.answer("吴江日报哪天发的")  # the outlet's name says which
    assert named.status == "answered"


def test_a_wrong_person_is_corrected_however_rare_the_name(wider: Engine) -> None:
    # The name weighs like the rarest word of all; the rest of the question fits 蔺海川's targets.
    reply = wider.answer("党工委书记祁振东说开发区今年要新签约多少个亿元以上项目？")
    assert reply.status == "answered" and reply.fact_id == "hx-annual-targets"
    assert reply.text == "文中说的是蔺海川，不是祁振东。"


def test_a_curated_wording_asked_word_for_word_has_no_rival_lacking_its_subject(
    tmp_path: Path, settings: Settings
) -> None:
    # 「集中清洁行动 场次」 is the rural-living article's own wording; 吴江's 集中学习 sessions lack
    # 清洁行动, however alike the two facts' wordings read.
    engine = Engine.load(combine(FIXTURE_KNOWLEDGE, [NEW / "renju-village-2023"], tmp_path / "k"), settings)
    reply = engine.answer("集中清洁行动 场次")
    assert (reply.status, reply.fact_id) == ("answered", "rj-cleaning-actions-146")


def test_whoever_leads_a_place_is_a_choice_though_fuzeren_ends_like_a_post(wider: Engine) -> None:
    # 负责人 names no post: the zone's 党工委书记 and its 主任 are both who leads it.
    reply = wider.answer("禾西经开区的负责人是谁？")
    assert reply.status == "clarify", reply.text
    told = " ".join(s.answer for s in reply.suggestions)
    assert "祁振东" in told and "蔺海川" in told, told


@pytest.fixture(scope="module")
def farmland(tmp_path_factory: pytest.TempPathFactory, settings: Settings) -> Engine:
    """The bundled articles and the farmland story: three articles, each with its 党委书记."""
    knowledge = combine(FIXTURE_KNOWLEDGE, [NEW / "gaobiao-farmland-2025"], tmp_path_factory.mktemp("f") / "k")
    return Engine.load(knowledge, settings)


@pytest.mark.parametrize(
    ("question", "status", "said"),
    [
        # no place named, and every town has a 党委: one article's secretary would be a guess
        ("这个产粮大乡的党委一把手叫什么名字？", "declined", None),
        ("岽畈乡党委的一把手叫什么？", "answered", "隗振东"),  # the place says which
        # the words after 关于 say which report; the outlet is asked, not a fact about farmland
        ("这篇关于岽畈乡高标准农田的报道来源是哪里？", "answered", "瀔阳县融媒体中心"),
    ],
)
def test_what_names_no_article_is_not_answered_from_one(
    farmland: Engine, question: str, status: str, said: str | None
) -> None:
    reply = farmland.answer(question)
    assert reply.status == status, (reply.status, reply.answer)
    assert said is None or said in (reply.answer or "")
