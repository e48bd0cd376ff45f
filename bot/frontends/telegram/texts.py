"""Everything the Telegram bot says on its own, as data.

Handlers look texts up here by key instead of carrying literals, so the bot's voice can be
reviewed (and one day translated) in one place. Texts are plain: the handlers HTML-escape
them, except those whose key ends in `_html`, which are trusted markup.
"""

from __future__ import annotations

from typing import Final

#: Canned messages, by purpose.
TEXTS: Final[dict[str, str]] = {
    "start_html": (
        "<b>您好！我是新闻问答机器人。</b>\n"
        "我读过几篇关于基层党建的新闻报道，可以回答与它们有关的问题，"
        "每个回答都附上原文出处。直接发问题给我就行，比如点下面的例子："
    ),
    "start_group_html": (
        "<b>大家好！我是新闻问答机器人。</b>\n"
        "我读过几篇关于基层党建的新闻报道，可以回答与它们有关的问题，每个回答都附上原文出处。\n"
        "在群里，普通消息我不会打扰：请用 /ask 问题、@{username} 加问题，或者回复我的消息来提问。"
        "也可以点下面的例子："
    ),
    "help_html": (
        "<b>怎么用</b>\n"
        "直接发送问题，例如「大桥镇讲了多少堂党课？」。\n"
        "接着可以追问「那吴江开发区呢？」「出处呢？」「还有呢？」。\n"
        "点「📖 原文」看原文段落，点 👍 / 👎 告诉我回答好不好。\n\n"
        "<b>命令</b>\n"
        "/topics 按主题浏览\n"
        "/about 我读过的文章\n"
        "/ask 问题 —— 在群里提问（也可以 @我 或回复我的消息）\n"
        "/help 显示这段说明\n\n"
        "在任何聊天里输入 @{username} 加关键词，可以直接引用一条回答。"
    ),
    "about_head": "我的回答都来自下面这些文章：",
    "about_facts": "共 {facts} 条整理好的问答。",
    "topics_head": "请选择一个主题：",
    "topic_head": "「{tag}」下的问题（共 {count} 条）：",
    "topic_page": "第 {page} / {pages} 页",
    "previous": "‹ 上一页",
    "next": "下一页 ›",
    "topic_gone": "这个主题已经不存在了（知识库已更新），请重新打开 /topics。",
    "back": "« 返回主题",
    "ask_usage": "请在 /ask 后面写上问题，例如：/ask 大桥镇讲了多少堂党课？",
    "not_text": "我只能看懂文字。请用文字输入您的问题，例如：嘉兴科技城有多少名党员？",
    "unknown_command": "我不认识这个命令。发送 /help 查看可用的命令。",
    "slow_down": "您发得太快了，请稍等一分钟再提问。",
    "sorry": "抱歉，刚才出了点问题，请稍后再试一次。",
    "stale": "这个按钮已经过期了（知识库已更新），请重新提问。",
    "no_paragraph": "这条回答没有可以展示的原文段落。",
    "feedback_up": "谢谢反馈！",
    "feedback_down": "谢谢反馈，我们会改进这条回答。",
    "inline_empty": "输入关键词搜索问答，例如：党员",
    "inline_none": "没有找到相关的问答",
    # Admin replies.
    "reload_ok": "已重新加载知识库：{documents} 篇文章，{facts} 条问答。",
    "reload_failed_html": "知识库有错误，继续使用之前的版本：",
    "reload_failed_more": "……另有 {more} 个问题，详见日志。",
    "admin_empty": "（暂无数据）",
}

#: Button labels.
BUTTONS: Final[dict[str, str]] = {
    "paragraph": "📖 原文",
    "up": "👍",
    "down": "👎",
}

#: The command menu registered with set_my_commands (admin commands stay unlisted).
COMMANDS: Final[tuple[tuple[str, str], ...]] = (
    ("start", "开始使用"),
    ("help", "使用说明"),
    ("topics", "按主题浏览问题"),
    ("about", "回答依据的文章"),
    ("ask", "提问（群聊里用）：/ask 问题"),
)
