"""zh-faqbot: a Chinese question-answering bot over curated news-article facts.

Data flow: knowledge (YAML, articles) → text (normalize, segment) → index (recall, scoring)
→ engine (decisions, context) → reply (Reply, renderers) → front ends (console, Telegram, CLI).
"""

__version__ = "0.1.0"
