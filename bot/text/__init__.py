"""Chinese text made comparable: normalising what users type, segmenting it, reading numerals,
English words, and the word lists and thesaurus questions are read with.

The lowest layer: it imports nothing of the bot but `bot.errors`."""
