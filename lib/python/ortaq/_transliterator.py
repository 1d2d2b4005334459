"""Transliterator, its edit spans and its streams."""
from __future__ import annotations

import bisect
import codecs
import functools
import os
from typing import Any, Iterable, Iterator, NamedTuple

from . import _ortaq
from ._errors import Error
from ._options import engine_options, freeze
from ._text import decode, encode, with_index


class Stats(NamedTuple):
    """What the engine's own rules did: look-alike letters read as the source letter, tokens
    (URLs, addresses, handles, numerals...) copied as written, words copied as foreign."""

    repaired_letters: int = 0
    protected_tokens: int = 0
    foreign_words: int = 0


class Span(NamedTuple):
    """source[source_begin:source_end] became output[output_begin:output_end]; `changed` is
    False for text copied through. Offsets are in the unit of the Conversion."""

    source_begin: int
    source_end: int
    output_begin: int
    output_end: int
    changed: bool


_UNITS = ("char", "byte", "utf16")


def _unit_offsets(data: bytes, offsets: Iterable[int], unit: str) -> list[int]:
    """Byte offsets (ascending, on character boundaries) of `data` in `unit`: code points
    (Python str indices; an undecodable byte counts one, as surrogateescape reads it), bytes,
    or UTF-16 code units."""
    if unit == "byte":
        return list(offsets)
    result, done, count = [], 0, 0
    for offset in offsets:
        piece = data[done:offset].decode("utf-8", "surrogateescape")
        count += len(piece)
        if unit == "utf16":
            count += sum(1 for c in piece if ord(c) > 0xFFFF)
        result.append(count)
        done = offset
    return result


class Conversion:
    """A conversion with its edit spans: `output`, `spans` (covering input and output exactly,
    in order), `unit` ("char", "byte" or "utf16") and `stats`."""

    def __init__(self, output: str | bytes, spans: list[Span], unit: str, stats: Stats):
        self.output = output
        self.spans = spans
        self.unit = unit
        self.stats = stats
        self._source_ends = [s.source_end for s in spans]
        self._output_ends = [s.output_end for s in spans]

    def to_output(self, position: int) -> int:
        """Where the output of the input at `position` begins (a cursor moved across the
        conversion). Inside a changed span: that span's start; the end maps to the end."""
        return self._map(position, self._source_ends, 0, 2)

    def to_source(self, position: int) -> int:
        """The input position of the text that produced the output at `position`, likewise."""
        return self._map(position, self._output_ends, 2, 0)

    def _map(self, position: int, ends: list[int], here: int, there: int) -> int:
        if not self.spans:
            return 0
        i = bisect.bisect_right(ends, position)
        if i == len(self.spans):
            return self.spans[-1][there + 1]
        span = self.spans[i]
        if span.changed:
            return span[there]
        return span[there] + position - span[here]

    def __repr__(self) -> str:
        return f"Conversion(output={self.output!r}, spans={len(self.spans)}, unit={self.unit!r})"


class Stream:
    """Input in pieces of any size (bytes may end inside a character): each write returns what
    is decided so far, finish() the rest; together they equal converting the whole text.
    Writes take str or bytes, the same type throughout, and return that type."""

    def __init__(self, core: Any):
        self._core = core
        self._as_str: bool | None = None
        self._decoder = codecs.getincrementaldecoder("utf-8")("surrogateescape")
        self.stats = Stats()

    def write(self, chunk: str | bytes) -> str | bytes:
        data, as_str = encode(chunk)
        if self._as_str is None:
            self._as_str = as_str
        elif as_str != self._as_str:
            raise TypeError("a Stream takes str or bytes, not both")
        out, stats = self._core.write(data)
        self.stats = Stats(*stats)
        return self._decoder.decode(out) if as_str else out

    def finish(self) -> str | bytes:
        out, stats = self._core.finish()
        self.stats = Stats(*stats)
        if self._as_str is False:
            return out
        return self._decoder.decode(out, final=True)


class Transliterator:
    """A compiled table (or chain of tables): immutable, shared freely between threads, and
    picklable (a worker process compiles it again, once per process).

        Transliterator("kk-Cyrl", "cta-2024", kk_i="ï")    # by alphabet ids
        Transliterator("kk-Cyrl", "my.tbl")                # `to` may name a .tbl file
        Transliterator.from_file("my.tbl")
        Transliterator.from_text("@from x\\n@to y\\nа > a\\n", name="mine")

    Calling it converts: `t("Қазақ")`, so `series.map(t)` works in pandas.
    """

    def __init__(self, from_: str, to: str, **settings: Any):
        if str(to).endswith(".tbl"):
            path = _ortaq.find_table(from_, os.fspath(to), engine_options(settings))
            self._open(("file", path), settings)
        else:
            self._open(("ids", from_, to), settings)

    @classmethod
    def from_file(cls, path: str | os.PathLike, **settings: Any) -> "Transliterator":
        """Compiles the table in a file; its @inherit parents are looked for next to it, then
        on the search path."""
        return cls._new(("file", os.fspath(path)), settings)

    @classmethod
    def from_text(cls, text: str | bytes, name: str = "<text>", **settings: Any) -> "Transliterator":
        """Compiles a table given as text; `name` is the file name its errors give."""
        data, _ = encode(text)
        return cls._new(("text", data, name), settings)

    @classmethod
    def _new(cls, recipe: tuple, settings: dict[str, Any]) -> "Transliterator":
        self = cls.__new__(cls)
        self._open(recipe, settings)
        return self

    def _open(self, recipe: tuple, settings: dict[str, Any]) -> None:
        options = engine_options(settings)
        kind, *args = recipe
        opener = {"ids": _ortaq.open_ids, "file": _ortaq.open_file, "text": _ortaq.open_text}[kind]
        self._core = opener(*args, options)
        self._recipe = (recipe, freeze(settings))

    def __reduce__(self):
        return (_rebuild, self._recipe)

    def convert(self, text: str | bytes) -> str | bytes:
        """The conversion of `text` (str gives str, bytes gives bytes)."""
        data, as_str = encode(text)
        try:
            return decode(self._core.convert(data), as_str)
        except Error as e:
            raise (with_index(e, data) if as_str else e) from None

    __call__ = convert

    def convert_with_spans(self, text: str | bytes, unit: str | None = None) -> Conversion:
        """The conversion with its edit spans, in `unit`: "char" (str indices, the default for
        str), "byte" (UTF-8 bytes, the default for bytes) or "utf16" (code units, as editors
        and browsers count)."""
        data, as_str = encode(text)
        unit = unit or ("char" if as_str else "byte")
        if unit not in _UNITS:
            raise ValueError(f"unit must be one of {', '.join(_UNITS)}, not {unit!r}")
        try:
            out, raw, stats = self._core.convert_with_spans(data)
        except Error as e:
            raise (with_index(e, data) if as_str else e) from None
        sources = _unit_offsets(data, [b for s in raw for b in s[:2]], unit)
        outputs = _unit_offsets(out, [b for s in raw for b in s[2:4]], unit)
        spans = [Span(sources[2 * i], sources[2 * i + 1], outputs[2 * i], outputs[2 * i + 1], s[4])
                 for i, s in enumerate(raw)]
        return Conversion(decode(out, as_str), spans, unit, Stats(*stats))

    def new_stream(self) -> Stream:
        """A Stream over this transliterator (one per text; not for two threads at once)."""
        return Stream(self._core.new_stream())

    def stream(self, lines: Iterable[str | bytes]) -> Iterator[str | bytes]:
        """Converts an iterable of lines (a file, say) as one text and yields the output line by
        line, each with its line end, as soon as it is decided. Context that crosses a line end
        (a -{...}- span, the case of a one-letter word) is read as in a whole conversion."""
        stream = self.new_stream()
        pending = None
        for line in lines:
            out = stream.write(line)
            pending = out if pending is None else pending + out
            complete = pending.rfind("\n" if isinstance(pending, str) else b"\n") + 1
            if complete:
                yield from _split_lines(pending[:complete])
                pending = pending[complete:]
        rest = stream.finish()
        pending = rest if pending is None else pending + rest
        if pending:
            yield from _split_lines(pending)

    @property
    def info(self):
        """The table's ids, title, file and options (an ortaq.TableInfo)."""
        from . import TableInfo
        return TableInfo._of(self._core.info)

    @property
    def settings(self) -> dict[str, str]:
        """Every option of the table with the value this transliterator uses."""
        return dict(self._core.settings)

    @property
    def chained(self) -> bool:
        """Whether this runs a chain of tables (an id pair with no table of its own)."""
        return self._core.chained

    def __repr__(self) -> str:
        info = self._core.info
        return f"<ortaq.Transliterator {info['from_']} -> {info['to']}>"


def _split_lines(text):
    """Cuts str or bytes after each "\\n" (splitlines would also cut at \\r, U+2028 and more)."""
    newline = "\n" if isinstance(text, str) else b"\n"
    parts = text.split(newline)
    lines = [p + newline for p in parts[:-1]]
    if parts[-1]:
        lines.append(parts[-1])
    return lines


@functools.lru_cache(maxsize=64)
def _rebuild(recipe: tuple, frozen_settings: tuple) -> Transliterator:
    """Unpickles a Transliterator: compiled once per process for each table and settings."""
    settings = {k: (dict(v) if k == "settings" else v) for k, v in frozen_settings}
    return Transliterator._new(recipe, settings)
