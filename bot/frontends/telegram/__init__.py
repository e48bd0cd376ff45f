"""`faqbot telegram`: the Telegram front end (python-telegram-bot v22)."""
