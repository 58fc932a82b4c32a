"""Numbers as office staff type them: `1.250,5` (Indonesian), `1,250.5` (English) or `1250.5`.

A separator that could be either the thousands or the decimal one is never guessed: `1.250` is
1,250 to an Indonesian reader and 1.25 to an English one, so it is refused with the two ways to say
which is meant. Unambiguous forms are read: one separator followed by other than exactly three
digits is the decimal one (`12,5`, `0.75`), both separators name the decimal one by coming last
(`1.250,5`, `1,250.5`), and a separator repeated (`1.250.000`) groups thousands.
"""

from __future__ import annotations

import re

from kitrack.domain.problems import Term, TermError


class NumberError(TermError):
    """Text that is not a number, or not one that can be read without guessing."""


_DIGITS = re.compile(r"[0-9]+")


def _grouped(text: str, separator: str) -> bool:
    """Whether `text` is thousands in groups of three after a first group of one to three digits
    that does not start with 0 (`0.250` is no thousands)."""
    return re.fullmatch("[1-9][0-9]{0,2}(?:" + re.escape(separator) + "[0-9]{3})+", text) is not None


def parse_number(text: str) -> float:
    """The number `text` means, or NumberError saying why it cannot be read and what to type."""
    typed = text
    text = text.strip().replace(" ", "").replace("\u00a0", "")
    sign = -1.0 if text.startswith("-") else 1.0
    text = text.lstrip("+-")
    if not text or not all(ch.isascii() and (ch.isdigit() or ch in ".,") for ch in text) or not text[0].isdigit():
        raise NumberError(Term("edit.not_a_number", value=typed))
    dots, commas = text.count("."), text.count(",")
    if dots and commas:
        decimal = "," if text.rfind(",") > text.rfind(".") else "."
        thousands = "." if decimal == "," else ","
        whole, _, fraction = text.rpartition(decimal)
        if text.count(decimal) > 1 or not _grouped(whole, thousands) or not _DIGITS.fullmatch(fraction):
            raise NumberError(Term("edit.not_a_number", value=typed))
        return sign * float(whole.replace(thousands, "") + "." + fraction)
    separator = "." if dots else "," if commas else ""
    if not separator:
        return sign * float(text)
    count = dots or commas
    whole, _, fraction = text.partition(separator)
    if count > 1:  # repeated: thousands only (1.250.000)
        if not _grouped(text, separator):
            raise NumberError(Term("edit.not_a_number", value=typed))
        return sign * float(text.replace(separator, ""))
    if not _DIGITS.fullmatch(whole) or not _DIGITS.fullmatch(fraction):
        raise NumberError(Term("edit.not_a_number", value=typed))
    if _grouped(text, separator):
        # 1.250 or 1,250: a thousands separator or a decimal one, and both readings are numbers.
        as_decimal = repr(float(whole + "." + fraction))
        as_thousands = str(int(whole + fraction))
        raise NumberError(
            Term(
                "edit.ambiguous_number",
                value=typed,
                separator=separator,
                thousands=as_thousands,
                decimal=as_decimal,
                comma=as_decimal.replace(".", ","),
            )
        )
    return sign * float(whole + "." + fraction)
