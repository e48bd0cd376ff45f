"""Where a question may be answered: the index built from the knowledge, its entries, recall
and search.

May import `bot.question`, `bot.knowledge` and `bot.text`."""
