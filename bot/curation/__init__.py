"""What curators learn: unanswered questions, statistics, and evaluation over question files.

May import `bot.matching` and everything below it, and `bot.questionlog`."""
