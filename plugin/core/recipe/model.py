"""The index recipe as plain data classes, parsed strictly from a JSON-compatible dict.

A recipe says which fields are indicators, how they are cleaned (missing codes, imputation,
winsorising, log), how they are normalised (z-score with population or sample SD, min-max,
rank, distance, none), how they are combined into one or more indices, how the indices are
classified and which status x dynamics typologies are formed. The file format is documented
in docs/recipe-format.md. Parsing never evaluates code; unknown keys are errors so a typo
does not silently change the method.
"""
import re
from dataclasses import dataclass, field
from typing import Optional, Union

from ..i18n import tr
from .strict_reading import MAX_EXCLUDE_KEYS, MAX_WEIGHT, EntryReader, check_exclude_keys, entry_error, short_repr

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
        r = EntryReader(d, where)
        w = cls(method=r.get("method", "sd", str, WINSORISE_METHODS), k=r.get("k", 3.0, float),
                lower=r.get("lower", 1.0, float), upper=r.get("upper", 99.0, float))
        r.done()
        if w.method in ("sd", "mad") and w.k <= 0:
            raise entry_error(where, tr("'k' must be greater than 0, got {k}."), k=w.k)
        if w.method == "percentile" and not (0 <= w.lower < w.upper <= 100):
            raise entry_error(where, tr("percentiles must satisfy 0 <= lower < upper <= 100, got {lo} and {hi}."),
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
        r = EntryReader(d or {}, where)
        t = cls(missing_codes=r.numbers("missing_codes"), missing_if_all_equal=r.numbers("missing_if_all_equal"),
                impute=r.get("impute", "none", str, IMPUTE_METHODS),
                impute_group_field=r.get("impute_group_field", None, str),
                winsorise=Winsorise.from_dict(r.get("winsorise", None, dict), where + ".winsorise"),
                transform=r.get("transform", "none", str, TRANSFORMS))
        r.done()
        if t.impute == "group_mean" and not t.impute_group_field:
            raise entry_error(where, tr("impute 'group_mean' needs 'impute_group_field' (e.g. the district field)."))
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
        r = EntryReader(d, where)
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
            raise entry_error(where, tr("the id must start with a letter and contain only letters, digits and '_' "
                                 "(max. 31 characters), because it becomes part of output field names."))
        if ind.weight < 0:
            raise entry_error(where, tr("negative weight {w}; weights must be >= 0. Use 'direction' "
                                 "(higher_is_better) to reverse an indicator."), w=ind.weight)
        if ind.weight > MAX_WEIGHT:
            raise entry_error(where, tr("weight {w:g} is too large; weights are relative, give at most {m:g} "
                                        "(e.g. 1 and "
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
        r = EntryReader(d or {}, where)
        keys = r.get("exclude_keys", {}, dict)
        if len(keys) > MAX_EXCLUDE_KEYS:
            raise entry_error(where + ".exclude_keys", tr("{n} entries; at most {m} are allowed here."), n=len(keys),
                       m=MAX_EXCLUDE_KEYS)
        check_exclude_keys(keys, where + ".exclude_keys")
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
        r = EntryReader(d or {}, where)
        ref = r.get("reference_value", "mean")
        if not (ref in ("mean", "median") or (isinstance(ref, (int, float)) and not isinstance(ref, bool))):
            raise entry_error(where, tr("'reference_value' must be a number, 'mean' or 'median', got {v}."),
                              v=short_repr(ref))
        n = cls(method=r.get("method", "zscore", str, NORMALISATIONS), sd=r.get("sd", "population", str, SD_KINDS),
                weighted=r.get("weighted", False, bool), reference_value=ref,
                relative=r.get("relative", False, bool), range=r.numbers("range", [0.0, 1.0]))
        r.done()
        if len(n.range) != 2 or n.range[0] >= n.range[1]:
            raise entry_error(where, tr("'range' must be [low, high] with low < high, got {v}."), v=n.range)
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
        r = EntryReader(d or {}, where)
        m = cls(**{k: r.get(k, "", str) for k in cls.__dataclass_fields__})
        r.done()
        return m

    def to_dict(self) -> dict:
        return {k: getattr(self, k) for k in self.__dataclass_fields__}
