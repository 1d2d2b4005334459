"""ortaq.Error: every failure of the module, with the place it is about."""
from __future__ import annotations

from typing import NamedTuple


class Diagnostic(NamedTuple):
    """One message about a place in a table (severity is "error", "warning" or "note")."""

    severity: str
    file: str
    line: int
    column: int
    message: str
    text: str  # "file:line:col: error: message", the source line and a caret


class Error(Exception):
    """A conversion or a table failed.

    code: "invalid_input" (text that is not UTF-8), "table_error" (a table that does not
    compile), "not_found" (no such table or file), "io_error", "invalid_argument" (an
    unknown option or value) or "internal".
    file, line, column: where. For invalid input file is "<input>", line and column are 1-based
    (column in characters), byte_offset the 0-based offset in the UTF-8 bytes and, for str
    input, index the position in the str. For a broken table: the table's name, the line and
    column of its first error, and every message in diagnostics. 0 (None for the offsets) when
    the error is not about a place.
    """

    def __init__(self, message: str, *, code: str = "internal", file: str = "", line: int = 0,
                 column: int = 0, byte_offset: int | None = None, index: int | None = None,
                 diagnostics: list = ()):
        super().__init__(message)
        self.message = message
        self.code = code
        self.file = file
        self.line = line
        self.column = column
        self.byte_offset = byte_offset
        self.index = index
        self.diagnostics = [Diagnostic(*d) for d in diagnostics]
