"""The focus of a question: the thing it asks about, which a fact must mention to answer.

「新时代文明实践所有多少名**志愿者**」 is not answered by a fact about the 实践所 that never
mentions volunteers, however alike the rest of the words. The focus sits next to the asking
word (多少名**志愿者**, **产值**有多少), after a when-word (几点**关门**), before 叫什么 (**女儿**叫什么),
before a clause-final 什么 (**迎接**什么) or 怎么 (工作**作风**如何), or is the role of 是谁
(**村干部**是谁).
"""

from __future__ import annotations

import re

from bot.text.lexicon import POST_ENDINGS, STOPWORDS, is_noise

# The words that ask: the focus of a question sits right after them (多少名志愿者) or, when
# they end the clause, right before them (产值有多少).
_ASKING = re.compile(
    r"^(多少|几|几个|几名|几家|几位|几次|几堂|几篇|几件|几条|多大|多高|多长|多远|哪个|哪些|哪家|哪所|哪种|哪类|哪项|哪位|谁)$"
)
# Measure words and generic nouns between the asking word and the thing asked about.
MEASURES = frozenset(
    "个 名 家 堂 节 次 回 遍 趟 期 条 位 所 种 项 件 篇 套 户 座 类 批 场 轮 届 张 份 本 台 辆 间 栋 处 笔 个人".split()
)
GENERIC = frozenset(
    "单位 地方 东西 人 时候 名字 名称 部门 机构 方式 办法 内容 样 样子 回事 意思 情况 事 事情 "
    "资金 钱 金额 人次 人数 次数 数量 时间 日子 年份 领导 同志 负责人 人员 岁数 年纪 年龄 人家 "
    "比例 比率 占比 百分比 百分之 比重 成员 全名 姓名 名叫 全称 大名 "
    # A dimension is asked by its unit (多大面积 → 亩, 平方米: `bot.question.units`), not named.
    "面积 长度 高度 宽度 深度 重量 距离 里程 规模".split()
)
#: Words for a name: 「书记的全名叫什么」 asks whose name, not a 全名 the fact must say.
_NAME_WORDS = frozenset("名字 名称 全名 姓名 全称 大名".split())
# 「产值**有**多少」: only a copula links a focus before the asking word to it.
_COPULA = frozenset("有 是 为 达 达到 共有 叫".split())
_LINKING = frozenset(
    "一共 总共 共 还 都 已 已经 大概 大约 到底 究竟 分别 各自 "
    # when it held (入户率**原来**是多少): a time, not the thing asked about
    "原来 原先 以前 之前 过去 当时 当初 现在 目前 如今 眼下".split()
)


#: Words joining alternatives: 多少**意见和问题** asks of either.
_AND = frozenset("和 或 或者 与 及 以及 跟 、 还是".split())


def focus(words: list[str] | tuple[str, ...], verbs: frozenset[str] = frozenset()) -> tuple[str, ...]:
    """The thing a question asks about — 多少名**志愿者**, **产值**有多少 — with any alternatives
    joined to it (多少**意见**和**问题**); empty when there is none. `verbs` are the words jieba's
    dictionary tags as verbs: a verb before 多少钱 (需要, 砸进去) names no sum."""
    head = (
        _price(words, verbs)
        or _focus(words, verbs)
        or _event(words)
        or _named(words)
        or _action(words)
        or _topic(words)
        or _either(words)
        or _kind_named(words, verbs)
    )
    if head is None:
        return ()
    if head not in words:  # a unit cut from its word (一斤 → 斤)
        return (head,)
    found = [head]
    j = words.index(head)
    while True:
        # 「免费的还是收费的」: a particle may stand between an alternative and 还是.
        n = j + 2 if j + 2 < len(words) and words[j + 1] in _AROUND_OR and words[j + 2] == "还是" else j + 1
        if n + 1 >= len(words) or words[n] not in _AND:
            return tuple(found)
        m = _beside_or(words, n)[1] if words[n] == "还是" else n + 1
        if not _is_content(words[m]):
            return tuple(found)
        found.append(words[m])
        j = m


#: Words that ask when; the word after them is the event asked about (几点**关门**, 什么时候**施工**).
#: Words between a when-word and its event: 啥时候能投产, 什么时候才开工.
_MODAL = frozenset("能 会 将 要 才 可以 可 能够 就 又 还 再 准备 打算 计划 预计 正式".split())
_WHEN = frozenset("什么时候 几点 哪天 哪一天 哪年 哪一年 几月 几号 几日 何时 啥时候 啥时".split())


def _event(words: list[str] | tuple[str, ...]) -> str | None:
    """「中医馆晚上几点关门」 asks the time of 关门: a fact that only tells when it opens does not
    answer it."""
    for i, word in enumerate(words[:-1]):
        if word in _WHEN:
            j = i + 1
            while j < len(words) - 1 and words[j] in _MODAL:
                j += 1  # 什么时候**能**投产: the event is 投产
            following = words[j]
            return following if _is_content(following) and len(following) >= 2 else None
    return None


_WHAT = frozenset("什么 啥 什么名字 啥名字".split())
#: Verbs too general to be what a question asks about (是什么, 有什么, 做了什么).
_LIGHT_VERBS = frozenset("是 有 叫 做 干 搞 弄 说 讲 为 在 要 办".split())


def _action(words: list[str] | tuple[str, ...]) -> str | None:
    """「要以优异成绩迎接什么」 asks what is 迎接ed: a fact about the same goal that never says
    迎接 does not answer it. Only a verb right before a clause-final 什么."""
    for i, word in enumerate(words[1:], 1):
        if word in ("什么", "啥") and (i + 1 == len(words) or words[i + 1] in _PARTICLES):
            verb = words[i - 1]
            if verb in ("了", "过") and i >= 2:
                verb = words[i - 2]
            ok = _is_content(verb) and len(verb) >= 2 and verb not in _LIGHT_VERBS and verb not in GENERIC
            return verb if ok else None
    return None


_PARTICLES = frozenset("呢 啊 呀 吗 吧 哦 嘛 ? ？".split())


_HOW = frozenset("怎么 如何 怎样 怎么样 咋 咋样".split())


def _topic(words: list[str] | tuple[str, ...]) -> str | None:
    """「天香社区的物业管理怎么做的」 asks how of 物业管理: a fact about 天香社区 that never mentions
    it does not answer."""
    for i, word in enumerate(words[1:], 1):
        if word in _HOW:
            before = words[i - 1]
            ok = _is_content(before) and len(before) >= 2 and before not in GENERIC and before not in _LIGHT_VERBS
            return before if ok else None
    return None


def _named(words: list[str] | tuple[str, ...]) -> str | None:
    """「凌雪华的女儿叫什么」 asks the name of 女儿: a fact about 凌雪华 that never mentions a
    daughter does not answer it."""
    for i, word in enumerate(words[1:-1], 1):
        if word == "叫" and words[i + 1] in _WHAT:
            k = i - 1
            if words[k] in _NAME_WORDS and k >= 1:  # 「村党支部书记的全名叫什么」 names the 书记
                k -= 2 if words[k - 1] == "的" and k >= 2 else 1
            before = words[k]
            if before in _NAME_WORDS:
                return None
            if before in GENERIC:
                return _qualifier(words, k)  # 「设计单位叫什么名字」: the 设计 one
            return before if _is_content(before) and len(before) >= 2 else None
    return None


def _focus(words: list[str] | tuple[str, ...], verbs: frozenset[str] = frozenset()) -> str | None:
    for i, word in enumerate(words):
        if not _ASKING.match(word):
            continue
        # 「谁帮的忙」: after 谁 comes what the person did, not what they are; only 「村干部是谁」
        # names the role the answer must have.
        if word == "谁" and any(_is_content(w) for w in words[i + 1 :]):
            return None  # 「…犯愁，是谁帮的忙」: 是谁…的 stresses the doer; 犯愁 is no role
        j = len(words) if word == "谁" else i + 1
        while j < len(words) and words[j] in MEASURES:
            j += 1
        if "户" in words[i + 1 : j] and j < len(words) and words[j] not in ("是", "为"):
            return None  # 多少户村民: households are counted, whoever lives in them (联系10户至15户)
        if j + 1 < len(words) and words[j] in ("是", "为") and _is_content(words[j + 1]):
            j += 1  # 216户里有多少是脱贫户: the part asked about
        named = j < len(words) and words[j] in ("名字", "名称")  # 「村医叫什么名字」: who is named comes before
        if not named and j < len(words) and (words[j] in GENERIC or words[j] == "人"):
            return None  # 多少人, 哪个单位: a kind of thing, not a thing the fact must name
        if not named and j < len(words) and _is_content(words[j]):
            # 「施工单位是哪家企业」: which 企业 is told by any firm; the 施工 one is asked.
            # 「亚军是哪个村」: the 亚军 is asked, 村 only says what sort of answer — any fact naming a
            # village has one.
            subject = _subject_before(words, i) if words[j] in _SORTS or words[j] in _BODIES else None
            return subject or words[j]
        k = i - 1
        while k >= 0 and words[k] in _LINKING:
            k -= 1
        if _closes(words, i, j) and _counted(words[k] if k >= 0 else ""):
            # 「活动涉及党员多少名」: a count closing the question counts the word before — unless it
            # is a verb (检测包括多少项): a doing names nothing the fact must say.
            return None if words[k] in verbs else words[k]
        if k < 1 or words[k] not in _COPULA:
            return None
        k -= 1
        while k >= 0 and words[k] in _LINKING:
            k -= 1
        if k >= 0 and _is_content(words[k]):
            # A lone character before 是谁 is a mistyped word's remnant (总经埋 → 总经/埋).
            if words[k] in GENERIC:
                return _qualifier(words, k)  # 「管理单位是哪家」: the 管理 one
            return None if word == "谁" and len(words[k]) < 2 else words[k]
        return None
    return None


#: Heads that say only what sort of body is asked (施工**单位**, 管理**部门**): the word before says which.
_BODIES = frozenset("单位 部门 机构 企业 公司 方".split())


def _qualifier(words: list[str] | tuple[str, ...], k: int) -> str | None:
    """The word qualifying a generic body at `k` (施工 of 施工/单位): what a fact must name for
    「加装电梯的施工单位是哪家企业」 — a fact about the lifts that names no builder does not tell."""
    if k < 1 or words[k] not in _BODIES:
        return None
    before = words[k - 1]
    return before if _is_content(before) and len(before) >= 2 and before not in GENERIC else None


#: What sort of named thing an answer is (哪个**村**, 哪支**队伍**): not what is asked about it.
_SORTS = frozenset("村 社区 镇 乡 县 队 队伍 学校 医院 单位 合作社 协会 品牌 地方".split())


def _subject_before(words: list[str] | tuple[str, ...], asking: int) -> str | None:
    """The thing asked of in 「X是哪个Y」: X before the copula (亚军, or 施工 of a generic 施工单位),
    unless it is a place (洞溪镇是哪个县的: the 县 is asked), a long name or too generic to name
    anything."""
    if asking < 2 or words[asking - 1] not in ("是", "为"):
        return None
    before = words[asking - 2]
    if before in GENERIC or before in _BODIES:
        return _qualifier(words, asking - 2)
    place = before.endswith(("镇", "乡", "村", "县", "市", "区", "街道", "社区"))
    # A role is a short word (亚军, 主办); a long one names the thing the question is about (智慧网格
    # 信息平台是哪家公司建的: the firm is asked).
    return before if _is_content(before) and 2 <= len(before) <= 3 and not place else None


def _closes(words: list[str] | tuple[str, ...], asking: int, after: int) -> bool:
    """Whether a count word with its measure (多少名, 几个) closes the question: spoken Chinese puts
    the thing counted first (党员多少名, 项目几个) without the 有 that 「产值有多少」 needs."""
    bare = words[asking] == "多少" and after == asking + 1  # 「一个月工资多少」: 多少 alone closes it too
    return (after > asking + 1 or bare) and all(w in _PARTICLES for w in words[after:])


def _counted(word: str) -> bool:
    """Whether the word before a closing count is the thing counted: not a generic word, nor a verb
    of having (设有, 建有, 共有 are 有, "there are")."""
    return len(word) >= 2 and _is_content(word) and word not in GENERIC and not word.endswith("有")


def _either(words: list[str] | tuple[str, ...]) -> str | None:
    """「在抖音还是快手上直播」 asks which of two: a fact naming neither cannot tell (the other
    alternative joins through 还是, see `focus`)."""
    for i, word in enumerate(words[1:-1], 1):
        if word == "还是":
            before, after = _beside_or(words, i)
            if _is_content(words[before]) and _is_content(words[after]):
                return words[before]
    return None


#: Words beside 还是 that belong to neither alternative (免费的还是收费的, 是自己交还是要村里出).
_AROUND_OR = frozenset("的 是 要 得 了".split())


def _beside_or(words: list[str] | tuple[str, ...], at: int) -> tuple[int, int]:
    """Where the alternatives on either side of the 还是 at `at` stand (0 < at < len - 1): the
    words next to it, or past a particle there (「免费的还是收费的」 → 免费, 收费)."""
    before = at - 2 if at >= 2 and words[at - 1] in _AROUND_OR else at - 1
    after = at + 2 if at + 2 < len(words) and words[at + 1] in _AROUND_OR else at + 1
    return before, after


#: Kinds too broad for a fact to name them: 「采取了什么措施」 is told by what was done, not by 措施;
#: and categories a value tells without naming them (什么名次: 团体第一名).
_BROAD = frozenset(
    "时候 原因 作用 意义 目的 好处 变化 特点 特色 措施 做法 举措 方法 方面 问题 工作 形式 类型 "
    "办法 手段 方式 要求 条件 职务 职位 岗位 身份 活动 项目 服务 政策 情况 名堂 东西 样 样的 区别 关系 "
    "成效 效果 成果 成绩 收获 亮点 经验 困难 难题 作为 安排 计划 打算 任务 目标 规定 "
    # A category told by its value alone: 团体第一名 is a 名次, 省级文明村 a 称号, 红色 a 颜色.
    "名次 奖项 等级 档次 称号 荣誉 颜色 味道 口味 规格 型号 尺寸 材质 品牌 牌子".split()
)


#: Words after 什么 that name no kind: 什么以上 (补上 mended to a locative), 什么一下.
_NO_KIND = frozenset("以上 以下 以来 以后 以前 之后 之前 左右 上下 一下 一点 一些 样子".split())


#: What the noun after 什么 may be and still name no kind a fact must name.
_NOT_KINDS = GENERIC | _BROAD | _NO_KIND


def _kind_named(words: list[str] | tuple[str, ...], verbs: frozenset[str] = frozenset()) -> str | None:
    """「水厂采用什么工艺」 asks a 工艺: a fact that names none does not answer it, however much it
    says of the plant. The noun right after 什么 names the kind of thing asked — unless it is so
    broad (措施, 原因, 活动) that a fact tells one without naming the kind, or a category its value
    tells (名次, 品牌)."""
    for i, word in enumerate(words[:-1]):
        if word in ("什么", "啥", "是什么", "是啥", "有什么", "有啥", "哪种", "哪类", "何种"):
            kind = words[i + 1]
            # A four-character kind ends in what it is (安全隐患 is a 隐患); a grade (级别, 类型) is
            # told by a word that names none (省级).
            kind = kind[-2:] if len(kind) >= 4 else kind
            ok = _is_content(kind) and len(kind) >= 2 and kind not in _NOT_KINDS and kind not in verbs
            # A post (什么书记) is told by whoever holds it, not named as a kind.
            return kind if ok and not kind.endswith(("级", "别", "类", "型", "儿", *POST_ENDINGS)) else None
    return None


_HOW_MUCH = frozenset("多少钱 几块钱 几元 几毛钱".split())
#: What a price is per: a measure word or a unit of weight, length, area or time (一斤, 每亩, 一晚).
_PRICED = MEASURES | frozenset("斤 两 吨 克 亩 米 尺 盒 箱 袋 瓶 桶 斗 只 头 棵 株 块 晚 天 月 年".split())
#: Verbs between a unit and its price (一斤卖多少钱, 一张要多少钱).
_SELLING = frozenset("卖 要 收 售 是 能卖 卖到 收购".split())


def _price(words: list[str] | tuple[str, ...], verbs: frozenset[str]) -> str | None:
    """「茶油多少钱一斤」 asks a price per 斤: a fact must say 斤 — an income or an investment in
    元 is no price. The unit is the focus (一斤 → 斤). A 多少钱 closing the question asks the
    sum named before it (总投资多少钱 → 投资)."""
    for i, word in enumerate(words[:-1]):
        if word in _HOW_MUCH:
            following = words[i + 1]
            if following in ("一", "1") and i + 2 < len(words):  # 多少钱一件, normalised 多少钱1件
                return words[i + 2]
            if len(following) >= 2 and following[0] == "一":
                return following[1:]
    end = len(words) - 1 if words and words[-1] in _PARTICLES else len(words)
    if end >= 1 and words[end - 1] in _HOW_MUCH:
        # 「小龙虾一斤卖多少钱」, 「每斤多少钱」: the unit before, maybe with a verb of selling between.
        k = end - 2
        if k >= 1 and words[k] in _SELLING:
            k -= 1
        if k >= 0 and len(words[k]) == 2 and words[k][0] in "一每1" and words[k][1] in _PRICED:
            return words[k][1]
        # 「光学薄膜项目总投资多少钱」: the sum named before a closing 多少钱 is what a fact must
        # give (not the new output's 9亿元); 「投了多少钱」 names a doing, no sum.
        k = end - 2
        while k >= 0 and words[k] in _LINKING:
            k -= 1
        if k >= 0 and _counted(words[k]) and words[k] not in verbs and not words[k].endswith(("了", "过", "掉")):
            return words[k]
    return None


def _is_content(word: str) -> bool:
    return word not in STOPWORDS and not is_noise(word) and not word.isdigit()
