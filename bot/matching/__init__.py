"""One question in, one `Reply` out: scoring, confidence, places, the engine, the conversation and
hot reload.

May import everything below it: `bot.index`, `bot.question`, `bot.knowledge`, `bot.text`."""
