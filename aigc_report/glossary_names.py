"""How names are compared: full-width/half-width, case, traditional/simplified, spaces."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

import opencc


@lru_cache(maxsize=1)
def _t2s() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


@lru_cache(maxsize=4096)
def normalize(name: str) -> str:
    """The form two names are compared in.

    Full-width letters become half-width, case is folded, traditional characters become
    simplified, and spaces and the slash/hyphen variants readers type are ignored.

    >>> normalize("著作權") == normalize("著作权")
    True
    >>> normalize("ＧＡＮ"), normalize("Originality "), normalize("思想／表达 二分法")
    ('gan', 'originality', '思想/表达二分法')
    """
    text = unicodedata.normalize("NFKC", name).casefold()
    text = _t2s().convert(text)
    text = text.replace("—", "-").replace("–", "-")
    return "".join(text.split())
