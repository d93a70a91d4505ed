"""Polish alphabetical order and search without diacritics, as plain strings a database can
index and compare byte by byte.

The Polish alphabet (PN-ISO/IEC 8859-2 order used by dictionaries and ICU's ``pl`` collation):
a ą b c ć d e ę f g h i j k l ł m n ń o ó p q r s ś t u v w x y z ź ż. A letter with a
diacritic is a letter of its own that follows its base letter: Ćwikła comes after Cywiński and
before Dąbrowski, Łukasik after Lis, Żak after Zieliński. ICU agrees (CLDR ``pl`` tailoring:
``&A<ą<<<Ą &C<ć<<<Ć &E<ę<<<Ę &L<ł<<<Ł &N<ń<<<Ń &O<ó<<<Ó &S<ś<<<Ś &Z<ź<<<Ź<ż<<<Ż``).

`sort_key` maps each letter to one ASCII character in that order (digits before letters, a
space before both: "Nowak Anna" before "Nowakowska"), so the same key sorts the same on SQLite
(BINARY) and PostgreSQL (COLLATE "C") and serves keyset pagination with a plain index.
`fold` is the search form: lower case, no diacritics, ł → l ("zolk" finds Żółkiewski)."""

from __future__ import annotations

import unicodedata

ALPHABET = "aąbcćdeęfghijklłmnńoópqrsśtuvwxyzźż"
# Letter i of the alphabet → chr(0x41 + i): 'A'… (35 letters end at 'c', below DEL).
_KEY = {letter: chr(0x41 + i) for i, letter in enumerate(ALPHABET)}
_FOLD = str.maketrans({"ł": "l", "Ł": "l", "ß": "ss"})
KEY_LENGTH = 300  # the column's width; names are at most 300 characters


def _strip_marks(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def fold(text: str) -> str:
    """Lower case, diacritics removed, spaces collapsed: the form both a name and a query take
    before a substring search."""
    return " ".join(_strip_marks(text.translate(_FOLD).casefold()).split())


def _letter_key(c: str) -> str:
    if c in _KEY:
        return _KEY[c]
    if c.isdigit():
        return c if c.isascii() else ""
    base = _strip_marks(c)  # é → e, ü → u: foreign letters sort with their base letter
    return "".join(_KEY.get(b, "") for b in base)


def sort_key(text: str) -> str:
    """The key that orders names in Polish alphabetical order; punctuation counts as a space."""
    words = ["".join(_letter_key(c) for c in word) for word in _split(text.casefold())]
    return " ".join(w for w in words if w)[:KEY_LENGTH]


def _split(text: str) -> list[str]:
    return "".join(c if c.isalnum() else " " for c in unicodedata.normalize("NFC", text)).split()
