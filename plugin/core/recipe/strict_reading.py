"""Strict reading of a recipe's parsed JSON: limits on its shape, and a reader that takes typed values out of
one entry and names the entry in every error (``entry_error``). The data classes in ``model`` and ``indices``
are built with it; unknown keys are errors so a typo does not silently change the method.
"""
import math
from collections.abc import Sequence
from typing import Any, Optional, Union

from ..errors import RecipeError
from ..i18n import tr

# Limits: far above any real recipe (Berlin's has 6 indicators, 2 indices, 30 excluded keys), low enough that
# a broken or hostile file fails at once with a message instead of running for minutes or exhausting memory.
MAX_FILE_BYTES = 16 * 1024 * 1024
MAX_DEPTH = 12             # recipe > indices > [i] > classification > labels is 5 levels
MAX_ITEMS = 1000           # entries of any list or object ...
MAX_EXCLUDE_KEYS = 100000  # ... except reference.exclude_keys (one per district at most)
MAX_TEXT = 10000           # characters of any text (descriptions included)
MAX_NUMBER = 1e15          # |number| anywhere in a recipe (codes, breaks, populations)
MAX_WEIGHT = 1e6           # an indicator weight
MAX_CLASSES = 50           # classes of one classification


def entry_error(where: str, text: str, **kw: object) -> RecipeError:
    return RecipeError(tr("Recipe entry {where}: ").format(where=where) + text.format(**kw))


def key_path(where: str, key: Union[str, int]) -> str:
    if not where:
        return str(key)
    return f"{where}[{key}]" if isinstance(key, int) else f"{where}.{key}"


def number_text(value: object) -> str:
    if isinstance(value, int) and abs(value) > 10 ** 20:
        return f"{str(value)[:6]}… ({len(str(abs(value)))} digits)"
    return repr(value)


def check_shape(data: object, where: str = "") -> None:
    """Raise RecipeError naming the entry when ``data`` (parsed JSON) breaks a limit: nesting deeper than
    MAX_DEPTH, a list or object longer than MAX_ITEMS (MAX_EXCLUDE_KEYS for reference.exclude_keys), a text
    longer than MAX_TEXT, a number that is not finite or larger than MAX_NUMBER. Iterative, so any depth is
    safe; runs before the entries are read, so later code only meets bounded, finite values."""
    stack = [(data, where, 1)]
    while stack:
        value, path, depth = stack.pop()
        at = path or tr("recipe")
        if isinstance(value, bool) or value is None:
            continue
        if isinstance(value, (int, float)):
            if isinstance(value, float) and not math.isfinite(value):
                raise entry_error(at, tr("the number {v} is not finite; give a plain number (NaN and Infinity are not "
                                  "allowed)."), v=value)
            if abs(value) > MAX_NUMBER:
                raise entry_error(at, tr("the number {v} is out of range; numbers in a recipe must lie between "
                                         "-{m:g} and "
                                  "{m:g}."), v=number_text(value), m=MAX_NUMBER)
            continue
        if isinstance(value, str):
            if len(value) > MAX_TEXT:
                raise entry_error(at, tr("the text is {n} characters long; at most {m} are allowed."), n=len(value),
                           m=MAX_TEXT)
            continue
        if not isinstance(value, (list, dict)):
            raise entry_error(at, tr("unexpected value of type {t}."), t=type(value).__name__)
        if depth > MAX_DEPTH:
            raise entry_error(at, tr("nested more than {m} levels deep; a recipe needs at most 5. Check the brackets."),
                       m=MAX_DEPTH)
        limit = MAX_EXCLUDE_KEYS if path == "reference.exclude_keys" else MAX_ITEMS
        if len(value) > limit:
            raise entry_error(at, tr("{n} entries; at most {m} are allowed here."), n=len(value), m=limit)
        if isinstance(value, dict):
            if path == "reference.exclude_keys":
                check_exclude_keys(value, at)
                continue
            for key, item in value.items():
                if len(key) > MAX_TEXT:
                    raise entry_error(at, tr("a key is {n} characters long; at most {m} are allowed."), n=len(key),
                               m=MAX_TEXT)
                stack.append((item, key_path(path, key), depth + 1))
        else:
            stack.extend((item, key_path(path, i), depth + 1) for i, item in enumerate(value))


def check_exclude_keys(keys: dict, at: str) -> None:
    """exclude_keys maps a key text to a reason text (checked in one pass, no per-key message)."""
    bad = [k for k, v in keys.items() if not isinstance(v, str) or len(v) > MAX_TEXT or len(k) > MAX_TEXT]
    if bad:
        k = bad[0]
        raise entry_error(at, tr("exclude_keys must map a key text to a reason text (at most {m} characters), got "
                          "{v} for {k}; {n} such entries."),
                              m=MAX_TEXT, v=short_repr(keys[k]), k=short_repr(k), n=len(bad))


def short_repr(value: object, limit: int = 60) -> str:
    """repr() of ``value`` cut to ``limit`` characters, for messages."""
    text = number_text(value) if isinstance(value, int) and not isinstance(value, bool) else repr(value)
    return text if len(text) <= limit else text[:limit] + "…"


def finite_number(value: Union[int, float], where: str, key: str) -> float:
    """``value`` as a finite float within +-MAX_NUMBER; RecipeError naming entry and key otherwise."""
    if not (isinstance(value, float) and not math.isfinite(value)) and abs(value) <= MAX_NUMBER:
        return float(value)
    raise entry_error(where, tr("'{key}' must be a finite number between -{m:g} and {m:g}, got {value}."), key=key,
               m=MAX_NUMBER, value=short_repr(value))


class EntryReader:
    """Take typed values out of one dict of the recipe; every error names the entry."""

    def __init__(self, data: object, where: str) -> None:
        if not isinstance(data, dict):
            raise entry_error(where, tr("expected an object ({{...}}), got {got}."), got=type(data).__name__)
        self.data = dict(data)
        self.where = where

    def get(self, key: str, default: Any = None, kind: Optional[type] = None,
            choices: Optional[tuple[str, ...]] = None, required: bool = False) -> Any:
        """The value of ``key`` (removed from the unread keys), checked to be of ``kind`` (float, int, bool,
        str with optional ``choices``, list, dict); ``default`` when absent or null."""
        if key not in self.data:
            if required:
                raise entry_error(self.where, tr("the key '{key}' is required."), key=key)
            return default
        value = self.data.pop(key)
        if value is None:
            if required:  # "id": null is as missing as no "id"
                raise entry_error(self.where, tr("the key '{key}' is required."), key=key)
            return default
        if kind is float:
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                raise entry_error(self.where, tr("'{key}' must be a number, got {value}."),
                                  key=key, value=short_repr(value))
            return finite_number(value, self.where, key)
        if kind is int:
            if isinstance(value, bool) or not isinstance(value, int):
                raise entry_error(self.where, tr("'{key}' must be a whole number, got {value}."),
                                  key=key, value=short_repr(value))
            return value
        if kind is bool:
            if not isinstance(value, bool):
                raise entry_error(self.where, tr("'{key}' must be true or false, got {value}."),
                                  key=key, value=short_repr(value))
            return value
        if kind is str:
            if not isinstance(value, str):
                raise entry_error(self.where, tr("'{key}' must be text, got {value}."),
                                  key=key, value=short_repr(value))
            if choices and value not in choices:
                raise entry_error(self.where, tr("'{key}' must be one of {choices}, got '{value}'."),
                           key=key, choices=", ".join(choices), value=value)
            return value
        if kind is list:
            if not isinstance(value, list):
                raise entry_error(self.where, tr("'{key}' must be a list [...], got {value}."),
                                  key=key, value=short_repr(value))
            return value
        if kind is dict:
            if not isinstance(value, dict):
                raise entry_error(self.where, tr("'{key}' must be an object {{...}}, got {value}."),
                           key=key, value=short_repr(value))
            return value
        return value

    def numbers(self, key: str, default: Sequence[float] = ()) -> list[float]:
        values = self.get(key, list(default), kind=list)
        for v in values:
            if isinstance(v, bool) or not isinstance(v, (int, float)):
                raise entry_error(self.where, tr("'{key}' must be a list of numbers, got {value}."),
                                  key=key, value=short_repr(v))
        return [finite_number(v, self.where, key) for v in values]

    def texts(self, key: str, default: Sequence[str] = ()) -> list[str]:
        values = self.get(key, list(default), kind=list)
        for v in values:
            if not isinstance(v, str):
                raise entry_error(self.where, tr("'{key}' must be a list of texts, got {value}."),
                                  key=key, value=short_repr(v))
        return list(values)

    def text_map(self, key: str) -> dict[str, str]:
        """An object mapping texts to texts (e.g. typology names)."""
        values = self.get(key, {}, kind=dict)
        for k, v in values.items():
            if not isinstance(v, str):
                raise entry_error(self.where, tr("'{key}' must map texts to texts, got {value} for '{k}'."), key=key,
                           value=short_repr(v), k=k)
        return dict(values)

    def done(self) -> None:
        """RecipeError when keys are left unread (unknown keys)."""
        if self.data:
            raise entry_error(self.where, tr("unknown key(s) {keys}; check the spelling (see docs/recipe-format.md)."),
                       keys=", ".join(f"'{k}'" for k in sorted(self.data)))
