"""English words in a Chinese question, read as the Chinese they stand for.

Bilingual users mix languages freely — 「How many 党组织 does 吴江开发区 have?」 — and the
articles are Chinese only. Function words are dropped; the common question words and nouns of
this domain are replaced by their Chinese equivalents, so the question's kind (how many → 多少)
and key terms survive. Other English words stay as they are; unless the knowledge uses them (QQ,
AR), they are not key terms (bot.index.search).
"""

from __future__ import annotations

import re

# Phrases first (longest match wins), then single words. Data, not logic: extend freely.
GLOSSARY: dict[str, str] = {
    "how many": "多少",
    "how much": "多少",
    "how long": "多久",
    "what time": "什么时候",
    "what date": "哪天",
    "which year": "哪年",
    "what year": "哪年",
    "party members": "党员",
    "party member": "党员",
    "party organizations": "党组织",
    "party organisations": "党组织",
    "party organization": "党组织",
    "china side": "中国方",
    "science city": "科技城",
    "science park": "科技园",
    "economic and technological development zone": "经济技术开发区",
    "economic development zone": "经济开发区",
    "development zone": "开发区",
    "town": "镇",
    "in charge": "负责人",
    "when": "什么时候",
    "who": "谁",
    "whom": "谁",
    "whose": "谁的",
    "where": "哪里",
    "what": "什么",
    "which": "哪个",
    "why": "为什么",
    "how": "怎么",
    "members": "党员",
    "member": "党员",
    "party": "党",
    "investment": "投资",
    "invest": "投资",
    "invested": "投资",
    "total": "总",
    "project": "项目",
    "projects": "项目",
    "newspaper": "报纸",
    "published": "发表",
    "publish": "发表",
    "article": "文章",
    "report": "报道",
    "author": "作者",
    "title": "标题",
    "department": "局",
    "bureau": "局",
    "company": "企业",
    "companies": "企业",
    "enterprise": "企业",
    "enterprises": "企业",
    "problem": "问题",
    "problems": "问题",
    "issues": "问题",
    "collected": "收集",
    "collect": "收集",
    "solved": "办结",
    "resolved": "办结",
    "meeting": "会",
    "mobilization": "动员",
    "mobilisation": "动员",
    "held": "召开",
    "hold": "召开",
    "campaign": "活动",
    "study": "学习",
    "lectures": "党课",
    "lecture": "党课",
    "grids": "网格",
    "grid": "网格",
    "volunteers": "志愿者",
    "hospital": "卫生院",
    "opens": "开门",
    "open": "开门",
    "date": "日期",
    "year": "年",
    "people": "人",
    "employees": "员工",
    "workers": "员工",
    "housing": "房源",
    "houses": "房源",
    "apartments": "房源",
    "rent": "租房",
    "village": "村",
    "community": "社区",
    "secretary": "书记",
    "director": "主任",
    "manager": "经理",
    "head": "负责人",
    "suggestions": "意见建议",
    "opinions": "意见建议",
    "organizations": "组织",
    "organisations": "组织",
    "training": "培训",
    "courses": "课程",
    "course": "课程",
    "base": "基地",
    "medical": "医疗",
    "fee": "费",
    "fees": "费",
    "strategy": "战略",
    "forum": "论坛",
    "agreement": "协议",
    "signed": "签订",
    "sign": "签订",
    "mechanism": "机制",
    "established": "建立",
    "establish": "建立",
    "set up": "设立",
    "team": "团队",
    "technology": "技术",
    "chain": "链",
    "demonstration": "示范点",
    # Everyday words of local news that bilingual users type in English.
    "followers": "粉丝",
    "fans": "粉丝",
    "account": "账号",
    "sales": "销售额",
    "income": "收入",
    "revenue": "收入",
    "output": "产值",
    "households": "户",
}
STOP = frozenset(
    """
    is are was were be been being the a an of on in at to for do does did have has had and or with by
    from about this that these those it its there their they them will would can could should please
    tell me i you we our your my any some get got there's what's who's i'm it's hi hello thanks thank
    lot lots much very just also during together while list name named called know want like let into
    than then total overall number amount exactly roughly approximately currently now still
    """.split()
)

_PHRASES = sorted(GLOSSARY, key=len, reverse=True)
_WORD = re.compile(
    r"(?<![a-z])(" + "|".join(re.escape(p) for p in _PHRASES) + r"|" + r"[a-z]+(?:'[a-z]+)?" + r")(?![a-z])"
)


def translate(text: str) -> str:
    """Lower-case `text` with English glossary words replaced and function words dropped."""
    if not re.search(r"[a-z]{2}", text):
        return text

    def replace(match: re.Match[str]) -> str:
        word = match.group(1)
        if word in GLOSSARY:
            return f" {GLOSSARY[word]} "
        if word in STOP:
            return " "
        return match.group(0)

    return _WORD.sub(replace, text)
