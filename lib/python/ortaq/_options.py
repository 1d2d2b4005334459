"""Keyword arguments to the options the C++ core takes."""
from __future__ import annotations

import os
from typing import Any

# Engine switches; every other keyword is a table option.
_ENGINE = ("invalid", "pass_through", "foreign_words", "repair_lookalikes", "table_path")


def engine_options(settings: dict[str, Any]) -> dict[str, Any]:
    """Splits keywords into engine switches and table options (`kk_i="ï"` is the option kk-i:
    option names are lowercase ASCII, digits and '-', so '_' stands for '-' without loss).
    `settings=` takes table options as a dict (or pairs) with their names as written."""
    options: dict[str, Any] = {}
    table_settings: list[tuple[str, str]] = []
    for key, value in settings.items():
        if key == "table_path":
            paths = [value] if isinstance(value, (str, os.PathLike)) else value
            options[key] = [os.fspath(p) for p in paths]
        elif key in _ENGINE:
            options[key] = value
        elif key == "settings":
            pairs = value.items() if isinstance(value, dict) else value
            table_settings.extend((str(k), str(v)) for k, v in pairs)
        else:
            table_settings.append((key.replace("_", "-"), str(value)))
    options["settings"] = table_settings
    return options


def freeze(settings: dict[str, Any]) -> tuple:
    """The keywords as a hashable value (for pickling and for the per-process cache)."""
    def hashable(v: Any) -> Any:
        if isinstance(v, dict):
            return tuple(sorted((k, hashable(x)) for k, x in v.items()))
        if isinstance(v, (list, tuple)):
            return tuple(hashable(x) for x in v)
        if isinstance(v, os.PathLike):
            return os.fspath(v)
        return v
    return tuple(sorted((k, hashable(v)) for k, v in settings.items()))
