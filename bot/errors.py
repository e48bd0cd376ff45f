"""The one base class of errors that reach a user as one line, not a traceback."""

from __future__ import annotations


class UserError(Exception):
    """Bad input from a user or curator: `faqbot` prints the message and exits with `code`."""

    code = 1
