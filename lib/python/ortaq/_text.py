"""str and bytes to the UTF-8 bytes the core converts, and back."""
from __future__ import annotations

from ._errors import Error


def encode(text: str | bytes | bytearray | memoryview) -> tuple[bytes, bool]:
    """The bytes to convert, and whether the caller gave str (and gets str back).

    A str may carry undecodable bytes as the surrogates U+DC80..U+DCFF (Python's
    "surrogateescape", e.g. open(path, errors="surrogateescape")): they become those bytes
    again, and the `invalid` policy decides what happens to them, as for bytes input. Any other
    lone surrogate cannot be written in UTF-8 at all: an ortaq.Error at its place.
    """
    if isinstance(text, str):
        try:
            return text.encode("utf-8", "surrogateescape"), True
        except UnicodeEncodeError as e:
            before = text[:e.start]
            line = before.count("\n") + 1
            column = e.start - (before.rfind("\n") + 1) + 1
            offset = len(before.encode("utf-8", "surrogateescape"))
            raise Error(f"a lone surrogate U+{ord(text[e.start]):04X} at line {line}, column {column}"
                        " cannot be written in UTF-8", code="invalid_input", file="<input>", line=line,
                        column=column, byte_offset=offset, index=e.start) from None
    if isinstance(text, (bytes, bytearray, memoryview)):
        return bytes(text), False
    raise TypeError(f"ortaq converts str or bytes, not {type(text).__name__}")


def decode(data: bytes, as_str: bool) -> str | bytes:
    return data.decode("utf-8", "surrogateescape") if as_str else data


def with_index(error: Error, data: bytes) -> Error:
    """Adds the str index of an invalid-input error's byte offset (for str input)."""
    if error.code == "invalid_input" and error.byte_offset is not None and error.index is None:
        error.index = len(data[:error.byte_offset].decode("utf-8", "surrogateescape"))
    return error
