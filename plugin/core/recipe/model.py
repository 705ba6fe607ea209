"""The index recipe as plain data classes, parsed strictly from a JSON-compatible dict.

A recipe says which fields are indicators, how they are cleaned (missing codes, imputation,
winsorising, log), how they are normalised (z-score with population or sample SD, min-max,
rank, distance, none), how they are combined into one or more indices, how the indices are
classified and which status x dynamics typologies are formed. The file format is documented
in docs/recipe-format.md. Parsing never evaluates code; unknown keys are errors so a typo
does not silently change the method.
"""
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Optional, Union

from ..errors import RecipeError
from ..i18n import tr

FORMAT_NAME = "sozialmonitor-recipe"
FORMAT_VERSION = 1

DIRECTIONS = ("higher_is_worse", "higher_is_better")
IMPUTE_METHODS = ("none", "mean", "median", "group_mean")
WINSORISE_METHODS = ("sd", "percentile", "mad")
TRANSFORMS = ("none", "log", "log1p")
NORMALISATIONS = ("zscore", "minmax", "rank", "distance", "none")
SD_KINDS = ("population", "sample")
AGGREGATIONS = ("sum", "mean", "weighted_mean", "geometric_mean")
CLASS_METHODS = ("fixed", "manual", "quantile", "jenks", "equal_interval", "sd")
EXCLUDED_GET = ("not_evaluated", "flagged")
ID_PATTERN = re.compile(r"^[A-Za-z][A-Za-z0-9_]{0,30}$")

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


def _err(where: str, text: str, **kw: object) -> RecipeError:
    return RecipeError(tr("Recipe entry {where}: ").format(where=where) + text.format(**kw))


def _path(where: str, key: Union[str, int]) -> str:
    if not where:
        return str(key)
    return f"{where}[{key}]" if isinstance(key, int) else f"{where}.{key}"


def _number_text(value: object) -> str:
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
                raise _err(at, tr("the number {v} is not finite; give a plain number (NaN and Infinity are not "
                                  "allowed)."), v=value)
            if abs(value) > MAX_NUMBER:
                raise _err(at, tr("the number {v} is out of range; numbers in a recipe must lie between -{m:g} and "
                                  "{m:g}."), v=_number_text(value), m=MAX_NUMBER)
            continue
        if isinstance(value, str):
            if len(value) > MAX_TEXT:
                raise _err(at, tr("the text is {n} characters long; at most {m} are allowed."), n=len(value),
                           m=MAX_TEXT)
            continue
        if not isinstance(value, (list, dict)):
            raise _err(at, tr("unexpected value of type {t}."), t=type(value).__name__)
        if depth > MAX_DEPTH:
            raise _err(at, tr("nested more than {m} levels deep; a recipe needs at most 5. Check the brackets."),
                       m=MAX_DEPTH)
        limit = MAX_EXCLUDE_KEYS if path == "reference.exclude_keys" else MAX_ITEMS
        if len(value) > limit:
            raise _err(at, tr("{n} entries; at most {m} are allowed here."), n=len(value), m=limit)
        if isinstance(value, dict):
            if path == "reference.exclude_keys":
                _check_exclude_keys(value, at)
                continue
            for key, item in value.items():
                if len(key) > MAX_TEXT:
                    raise _err(at, tr("a key is {n} characters long; at most {m} are allowed."), n=len(key),
                               m=MAX_TEXT)
                stack.append((item, _path(path, key), depth + 1))
        else:
            stack.extend((item, _path(path, i), depth + 1) for i, item in enumerate(value))


def _check_exclude_keys(keys: dict, at: str) -> None:
    """exclude_keys maps a key text to a reason text (checked in one pass, no per-key message)."""
    bad = [k for k, v in keys.items() if not isinstance(v, str) or len(v) > MAX_TEXT or len(k) > MAX_TEXT]
    if bad:
        k = bad[0]
        raise _err(at, tr("exclude_keys must map a key text to a reason text (at most {m} characters), got "
                          "{v} for {k}; {n} such entries."), m=MAX_TEXT, v=_short(keys[k]), k=_short(k), n=len(bad))


def _short(value: object, limit: int = 60) -> str:
    """repr() of ``value`` cut to ``limit`` characters, for messages."""
    text = _number_text(value) if isinstance(value, int) and not isinstance(value, bool) else repr(value)
    return text if len(text) <= limit else text[:limit] + "…"


def _finite(value: Union[int, float], where: str, key: str) -> float:
    """``value`` as a finite float within +-MAX_NUMBER; RecipeError naming entry and key otherwise."""
    if not (isinstance(value, float) and not math.isfinite(value)) and abs(value) <= MAX_NUMBER:
        return float(value)
    raise _err(where, tr("'{key}' must be a finite number between -{m:g} and {m:g}, got {value}."), key=key,
               m=MAX_NUMBER, value=_short(value))


class _Reader:
    """Take typed values out of one dict of the recipe; every error names the entry."""

    def __init__(self, data: object, where: str) -> None:
        if not isinstance(data, dict):
            raise _err(where, tr("expected an object ({{...}}), got {got}."), got=type(data).__name__)
        self.data = dict(data)
        self.where = where

    def get(self, key: str, default: Any = None, kind: Optional[type] = None,
            choices: Optional[tuple[str, ...]] = None, required: bool = False) -> Any:
        """The value of ``key`` (removed from the unread keys), checked to be of ``kind`` (float, int, bool,
        str with optional ``choices``, list, dict); ``default`` when absent or null."""
        if key not in self.data:
            if required:
                raise _err(self.where, tr("the key '{key}' is required."), key=key)
            return default
        value = self.data.pop(key)
        if value is None:
            if required:  # "id": null is as missing as no "id"
                raise _err(self.where, tr("the key '{key}' is required."), key=key)
            return default
        if kind is float:
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                raise _err(self.where, tr("'{key}' must be a number, got {value}."), key=key, value=_short(value))
            return _finite(value, self.where, key)
        if kind is int:
            if isinstance(value, bool) or not isinstance(value, int):
                raise _err(self.where, tr("'{key}' must be a whole number, got {value}."), key=key, value=_short(value))
            return value
        if kind is bool:
            if not isinstance(value, bool):
                raise _err(self.where, tr("'{key}' must be true or false, got {value}."), key=key, value=_short(value))
            return value
        if kind is str:
            if not isinstance(value, str):
                raise _err(self.where, tr("'{key}' must be text, got {value}."), key=key, value=_short(value))
            if choices and value not in choices:
                raise _err(self.where, tr("'{key}' must be one of {choices}, got '{value}'."),
                           key=key, choices=", ".join(choices), value=value)
            return value
        if kind is list:
            if not isinstance(value, list):
                raise _err(self.where, tr("'{key}' must be a list [...], got {value}."), key=key, value=_short(value))
            return value
        if kind is dict:
            if not isinstance(value, dict):
                raise _err(self.where, tr("'{key}' must be an object {{...}}, got {value}."),
                           key=key, value=_short(value))
            return value
        return value

    def numbers(self, key: str, default: Sequence[float] = ()) -> list[float]:
        values = self.get(key, list(default), kind=list)
        for v in values:
            if isinstance(v, bool) or not isinstance(v, (int, float)):
                raise _err(self.where, tr("'{key}' must be a list of numbers, got {value}."), key=key, value=_short(v))
        return [_finite(v, self.where, key) for v in values]

    def texts(self, key: str, default: Sequence[str] = ()) -> list[str]:
        values = self.get(key, list(default), kind=list)
        for v in values:
            if not isinstance(v, str):
                raise _err(self.where, tr("'{key}' must be a list of texts, got {value}."), key=key, value=_short(v))
        return list(values)

    def text_map(self, key: str) -> dict[str, str]:
        """An object mapping texts to texts (e.g. typology names)."""
        values = self.get(key, {}, kind=dict)
        for k, v in values.items():
            if not isinstance(v, str):
                raise _err(self.where, tr("'{key}' must map texts to texts, got {value} for '{k}'."), key=key,
                           value=_short(v), k=k)
        return dict(values)

    def done(self) -> None:
        """RecipeError when keys are left unread (unknown keys)."""
        if self.data:
            raise _err(self.where, tr("unknown key(s) {keys}; check the spelling (see docs/recipe-format.md)."),
                       keys=", ".join(f"'{k}'" for k in sorted(self.data)))


@dataclass
class Winsorise:
    """Clip outliers: ``sd`` at mean +- k SD, ``percentile`` at the lower/upper percentiles (0-100),
    ``mad`` at median +- k * 1.4826 * MAD (the robust rule: one huge outlier moves neither bound).

    Bounds are computed over the reference districts.
    """

    method: str = "sd"
    k: float = 3.0
    lower: float = 1.0
    upper: float = 99.0

    @classmethod
    def from_dict(cls, d: Optional[dict], where: str) -> Optional["Winsorise"]:
        if d is None:
            return None
        r = _Reader(d, where)
        w = cls(method=r.get("method", "sd", str, WINSORISE_METHODS), k=r.get("k", 3.0, float),
                lower=r.get("lower", 1.0, float), upper=r.get("upper", 99.0, float))
        r.done()
        if w.method in ("sd", "mad") and w.k <= 0:
            raise _err(where, tr("'k' must be greater than 0, got {k}."), k=w.k)
        if w.method == "percentile" and not (0 <= w.lower < w.upper <= 100):
            raise _err(where, tr("percentiles must satisfy 0 <= lower < upper <= 100, got {lo} and {hi}."),
                       lo=w.lower, hi=w.upper)
        return w

    def to_dict(self) -> dict:
        if self.method in ("sd", "mad"):
            return {"method": self.method, "k": self.k}
        return {"method": "percentile", "lower": self.lower, "upper": self.upper}


@dataclass
class Treatment:
    """Cleaning rules. Order of application: missing codes, imputation, winsorising, transformation."""

    missing_codes: list[float] = field(default_factory=list)
    missing_if_all_equal: list[float] = field(default_factory=list)
    impute: str = "none"
    impute_group_field: Optional[str] = None
    winsorise: Optional[Winsorise] = None
    transform: str = "none"

    @classmethod
    def from_dict(cls, d: Optional[dict], where: str = "treatment") -> "Treatment":
        r = _Reader(d or {}, where)
        t = cls(missing_codes=r.numbers("missing_codes"), missing_if_all_equal=r.numbers("missing_if_all_equal"),
                impute=r.get("impute", "none", str, IMPUTE_METHODS),
                impute_group_field=r.get("impute_group_field", None, str),
                winsorise=Winsorise.from_dict(r.get("winsorise", None, dict), where + ".winsorise"),
                transform=r.get("transform", "none", str, TRANSFORMS))
        r.done()
        if t.impute == "group_mean" and not t.impute_group_field:
            raise _err(where, tr("impute 'group_mean' needs 'impute_group_field' (e.g. the district field)."))
        return t

    def to_dict(self) -> dict:
        return {"missing_codes": self.missing_codes, "missing_if_all_equal": self.missing_if_all_equal,
                "impute": self.impute, "impute_group_field": self.impute_group_field,
                "winsorise": self.winsorise.to_dict() if self.winsorise else None, "transform": self.transform}


@dataclass
class Indicator:
    """One input field. ``direction`` says whether a higher value means a worse or better situation;
    ``missing_codes``/``impute``/``winsorise``/``transform`` override the recipe's treatment when set."""

    id: str
    field: str
    label: str = ""
    unit: str = ""
    direction: str = "higher_is_worse"
    weight: float = 1.0
    group: str = ""
    description: str = ""
    missing_codes: Optional[list[float]] = None
    impute: Optional[str] = None
    winsorise: Optional[Winsorise] = None
    transform: Optional[str] = None

    @classmethod
    def from_dict(cls, d: dict, where: str) -> "Indicator":
        r = _Reader(d, where)
        ind_id = r.get("id", None, str, required=True)
        where = f"{where} (id '{ind_id}')"
        r.where = where
        ind = cls(id=ind_id, field=r.get("field", ind_id, str), label=r.get("label", ind_id, str),
                  unit=r.get("unit", "", str), direction=r.get("direction", "higher_is_worse", str, DIRECTIONS),
                  weight=r.get("weight", 1.0, float), group=r.get("group", "", str),
                  description=r.get("description", "", str),
                  missing_codes=r.numbers("missing_codes") if "missing_codes" in r.data else None,
                  impute=r.get("impute", None, str, IMPUTE_METHODS),
                  winsorise=Winsorise.from_dict(r.get("winsorise", None, dict), where + ".winsorise"),
                  transform=r.get("transform", None, str, TRANSFORMS))
        r.done()
        if not ID_PATTERN.match(ind.id):
            raise _err(where, tr("the id must start with a letter and contain only letters, digits and '_' "
                                 "(max. 31 characters), because it becomes part of output field names."))
        if ind.weight < 0:
            raise _err(where, tr("negative weight {w}; weights must be >= 0. Use 'direction' "
                                 "(higher_is_better) to reverse an indicator."), w=ind.weight)
        if ind.weight > MAX_WEIGHT:
            raise _err(where, tr("weight {w:g} is too large; weights are relative, give at most {m:g} (e.g. 1 and "
                                 "2 for one indicator counting double)."), w=ind.weight, m=MAX_WEIGHT)
        return ind

    def to_dict(self) -> dict:
        d = {"id": self.id, "field": self.field, "label": self.label, "unit": self.unit,
             "direction": self.direction, "weight": self.weight, "group": self.group}
        if self.description:
            d["description"] = self.description
        if self.missing_codes is not None:
            d["missing_codes"] = self.missing_codes
        if self.impute is not None:
            d["impute"] = self.impute
        if self.winsorise is not None:
            d["winsorise"] = self.winsorise.to_dict()
        if self.transform is not None:
            d["transform"] = self.transform
        return d


@dataclass
class ReferenceRules:
    """Which districts enter the reference statistics (mean, SD, bounds, data-driven breaks).

    Districts failing a rule are 'not_evaluated' (no score, no class) or 'flagged' (score and class
    computed against the reference, but marked). Districts with missing indicator values are never
    evaluated unless imputation fills them.
    """

    min_population: Optional[float] = None
    exclude_keys: dict = field(default_factory=dict)  # key text -> reason
    excluded_get: str = "not_evaluated"

    @classmethod
    def from_dict(cls, d: Optional[dict], where: str = "reference") -> "ReferenceRules":
        r = _Reader(d or {}, where)
        keys = r.get("exclude_keys", {}, dict)
        if len(keys) > MAX_EXCLUDE_KEYS:
            raise _err(where + ".exclude_keys", tr("{n} entries; at most {m} are allowed here."), n=len(keys),
                       m=MAX_EXCLUDE_KEYS)
        _check_exclude_keys(keys, where + ".exclude_keys")
        rules = cls(min_population=r.get("min_population", None, float), exclude_keys=dict(keys),
                    excluded_get=r.get("excluded_get", "not_evaluated", str, EXCLUDED_GET))
        r.done()
        return rules

    def to_dict(self) -> dict:
        return {"min_population": self.min_population, "exclude_keys": self.exclude_keys,
                "excluded_get": self.excluded_get}


@dataclass
class Normalisation:
    """How each indicator is made comparable. ``sd`` (population: ddof=0, sample: ddof=1) and
    ``weighted`` (by the population field) also apply to re-standardised aggregates."""

    method: str = "zscore"
    sd: str = "population"
    weighted: bool = False
    reference_value: Union[float, str] = "mean"  # distance: a number, "mean" or "median"
    relative: bool = False  # distance: in % of the reference value
    range: list[float] = field(default_factory=lambda: [0.0, 1.0])  # minmax target range

    @classmethod
    def from_dict(cls, d: Optional[dict], where: str = "normalisation") -> "Normalisation":
        r = _Reader(d or {}, where)
        ref = r.get("reference_value", "mean")
        if not (ref in ("mean", "median") or (isinstance(ref, (int, float)) and not isinstance(ref, bool))):
            raise _err(where, tr("'reference_value' must be a number, 'mean' or 'median', got {v}."), v=_short(ref))
        n = cls(method=r.get("method", "zscore", str, NORMALISATIONS), sd=r.get("sd", "population", str, SD_KINDS),
                weighted=r.get("weighted", False, bool), reference_value=ref,
                relative=r.get("relative", False, bool), range=r.numbers("range", [0.0, 1.0]))
        r.done()
        if len(n.range) != 2 or n.range[0] >= n.range[1]:
            raise _err(where, tr("'range' must be [low, high] with low < high, got {v}."), v=n.range)
        return n

    @property
    def ddof(self) -> int:
        return 0 if self.sd == "population" else 1

    def to_dict(self) -> dict:
        return {"method": self.method, "sd": self.sd, "weighted": self.weighted,
                "reference_value": self.reference_value, "relative": self.relative, "range": self.range}


@dataclass
class Metadata:
    """Descriptive fields shown on maps and in reports."""

    title: str = ""
    description: str = ""
    source: str = ""
    data_date: str = ""
    key_field: str = ""
    name_field: str = ""
    population_field: str = ""

    @classmethod
    def from_dict(cls, d: Optional[dict], where: str = "metadata") -> "Metadata":
        r = _Reader(d or {}, where)
        m = cls(**{k: r.get(k, "", str) for k in cls.__dataclass_fields__})
        r.done()
        return m

    def to_dict(self) -> dict:
        return {k: getattr(self, k) for k in self.__dataclass_fields__}
