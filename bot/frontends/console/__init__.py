"""`faqbot chat`: the console front end, on a terminal or through a pipe."""
