"""ortaq: transliteration of Turkic text between alphabets, driven by rule tables.

    >>> import ortaq
    >>> ortaq.convert("Қазақстан", "kk-Cyrl", "cta-2024")
    'Qazaqstan'
    >>> ortaq.convert("Біз білім алдық", "kk-Cyrl", "cta-2024", kk_i="ï")
    'Bïz bïlïm aldıq'
    >>> t = ortaq.Transliterator("kk-Cyrl", "cta-2024")
    >>> df["cta"] = df["text"].map(t)          # pandas: a Transliterator is a function

Keyword arguments are the table's options (`ortaq.tables()` lists them; write `kk_i` or
`settings={"kk-i": "ï"}` for the option kk-i) and these engine switches:
``invalid`` ("error", "replace" or "skip": what to do with ill-formed UTF-8 in bytes input),
``pass_through``, ``foreign_words``, ``repair_lookalikes`` (each True by default) and
``table_path`` (directories searched for tables first).

Text may be str (gives str) or bytes (gives bytes). Every failure raises ortaq.Error. The
conversion itself runs without the GIL, so threads convert in parallel.
"""
from __future__ import annotations

import dataclasses
from typing import Any

from . import _ortaq
from ._errors import Diagnostic, Error
from ._options import engine_options
from ._text import decode, encode
from ._transliterator import Conversion, Span, Stream, Transliterator

__all__ = [
    "Conversion", "Detection", "Diagnostic", "Error", "OptionInfo", "Span", "Stream", "TableInfo",
    "Transliterator", "convert", "detect", "tables", "version",
]

#: The library's version, "MAJOR.MINOR.PATCH".
version: str = _ortaq.version
__version__ = version


def convert(text: str | bytes, from_: str, to: str, **settings: Any) -> str | bytes:
    """Converts `text` from the alphabet `from_` to `to` (an id, or the path of a .tbl file).

    The table is compiled on each call; keep a Transliterator to convert many texts.
    """
    return Transliterator(from_, to, **settings).convert(text)


@dataclasses.dataclass(frozen=True)
class OptionInfo:
    """One `@option` of a table: its values, the default first."""

    name: str
    default: str
    values: list[str]
    description: str


@dataclasses.dataclass(frozen=True)
class TableInfo:
    """A table: source and target alphabet ids, a title, the file and its options."""

    from_: str
    to: str
    title: str
    path: str
    options: list[OptionInfo]

    @property
    def id(self) -> str:
        return f"{self.from_}--{self.to}"

    @classmethod
    def _of(cls, info: dict) -> "TableInfo":
        options = [OptionInfo(*o) for o in info["options"]]
        return cls(info["from_"], info["to"], info["title"], info["path"], options)


def tables(table_path: list[str] | None = None) -> list[TableInfo]:
    """Every table found on the search path (`table_path` first, then ORTAQ_TABLE_PATH, ...)."""
    options = engine_options({"table_path": table_path} if table_path else {})
    return [TableInfo._of(info) for info in _ortaq.tables(options)]


@dataclasses.dataclass(frozen=True)
class Detection:
    """A guess of a text's alphabet: `id` ("" with no letters to go by), how sure (0..1),
    and every candidate's score, best first."""

    id: str
    confidence: float
    scores: list[tuple[str, float]]


def detect(text: str | bytes) -> Detection:
    """Which alphabet `text` is written in, among the sources ortaq reads (kk-Cyrl,
    kk-Latn-2017, kk-Latn-2018, kk-Latn-2021, tr-Latn). Reads at most the first MiB."""
    data, _ = encode(text)
    id_, confidence, scores = _ortaq.detect(data)
    return Detection(id_, confidence, [tuple(s) for s in scores])


_ortaq._set_error_class(Error)
del decode
