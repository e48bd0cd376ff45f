"""What a question asks: its parts (a long message taken apart), its kind of answer and its focus.

May import `bot.knowledge` and `bot.text`."""
