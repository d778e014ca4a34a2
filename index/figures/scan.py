"""Looking around a number in the text: the word or letters before it, a currency sign, a URL, and
skipping a token, an alphanumeric code or a phone number."""
from __future__ import annotations

from index.figures.patterns import _CUR_PREFIX_RE, _is_dev_letter


class TextScan:

    # ------------------------------------------------------------------ small helpers
    @staticmethod
    def _letters_before(text: str, p: int) -> str:
        i = p
        lo = max(0, p - 40)
        while i > lo and text[i - 1].isascii() and text[i - 1].isalpha():
            i -= 1
        return text[i:p]

    @staticmethod
    def _skip_token(text: str, p: int) -> int:
        n = len(text)
        j = p
        lim = min(n, p + 300)
        while j < lim and not text[j].isspace():
            j += 1
        return j

    @staticmethod
    def _skip_run(text: str, p: int, limit: int, part, joiners: str) -> int:
        """Past the run at p of characters that are `part`, or `joiners` followed by a digit (at least one)."""
        n = len(text)
        j = p
        lim = min(n, p + limit)
        while j < lim and (part(text[j]) or (text[j] in joiners and j + 1 < n and text[j + 1].isdigit())):
            j += 1
        return max(j, p + 1)

    @classmethod
    def _skip_alnum(cls, text: str, p: int) -> int:
        return cls._skip_run(text, p, 300, str.isalnum, ".,-:")

    @classmethod
    def _skip_phone(cls, text: str, p: int) -> int:
        return cls._skip_run(text, p, 40, str.isdigit, "- /")

    @staticmethod
    def _currency_before(text: str, p: int) -> bool:
        return bool(_CUR_PREFIX_RE.search(text, max(0, p - 14), p))

    @staticmethod
    def _word_before(text: str, p: int):
        j = p
        lo = max(0, p - 30)
        while j > lo and text[j - 1] in " \t\u00a0:-–,":
            j -= 1
        i = j
        while i > lo and (text[i - 1].isalpha() or text[i - 1] == "." or _is_dev_letter(text[i - 1]) or text[i - 1] in "\u200c\u200d"):
            i -= 1
        return (text[i:j], i) if i < j else (None, p)

    @staticmethod
    def _in_url(text: str, p: int) -> bool:
        a = p
        lo = max(0, p - 120)
        while a > lo and not text[a - 1].isspace():
            a -= 1
        b = p
        hi = min(len(text), p + 120)
        while b < hi and not text[b].isspace():
            b += 1
        tok = text[a:b]
        return "@" in tok or "://" in tok or "www." in tok or ".gov" in tok or ".com" in tok or ".in/" in tok
