"""The curators' fact base: the YAML model, reading and validating it, aliases, the on-disk cache,
and `faqbot check`.

May import `bot.text` and the shared modules (`bot.config`, `bot.yamlfile`, `bot.errors`)."""
