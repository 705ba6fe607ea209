"""The optional ``uncertainty`` section of a recipe: the method choices that could reasonably differ.

Each key names one choice and its alternatives; an uncertainty analysis draws one alternative per
choice (weights: a value per weight) for every simulated recipe. Parsed strictly like the rest of the
recipe (unknown keys are errors); documented in docs/recipe-format.md, section "Uncertainty".
"""
from dataclasses import dataclass, field
from typing import Optional

from ..i18n import tr
from .indices import IndexSpec
from .model import IMPUTE_METHODS, Indicator, Winsorise
from .strict_reading import MAX_WEIGHT, EntryReader, entry_error, short_repr

UNCERTAIN_NORMALISATIONS = ("zscore", "minmax", "rank")
UNCERTAIN_AGGREGATIONS = ("arithmetic", "geometric")
UNCERTAIN_REFERENCES = ("recipe", "all")


@dataclass
class UncertaintySpec:
    """Alternatives per choice; an empty list / None / False means the choice keeps the recipe's value.

    index: the analysed index (default: the first index with a classification);
    normalisation: methods from UNCERTAIN_NORMALISATIONS; aggregation: 'arithmetic' (the recipe's sum/mean/
    weighted mean) and/or 'geometric'; weight_ranges: {indicator id: [low, high]} (uniform draws);
    weight_dirichlet: concentration c of a Dirichlet around the recipe's weight shares (excludes
    weight_ranges); impute: imputation methods; winsorise: rules or None (= off); reference: 'recipe'
    (its rules) and/or 'all' (every complete district enters the reference statistics);
    drop_indicator: also draw "drop one indicator of the index" (or none).
    """

    index: str = ""
    normalisation: list[str] = field(default_factory=list)
    aggregation: list[str] = field(default_factory=list)
    weight_ranges: dict[str, list[float]] = field(default_factory=dict)
    weight_dirichlet: Optional[float] = None
    impute: list[str] = field(default_factory=list)
    winsorise: list[Optional[Winsorise]] = field(default_factory=list)
    reference: list[str] = field(default_factory=list)
    drop_indicator: bool = False

    @classmethod
    def from_dict(cls, d: Optional[dict], indices: list, indicators: list,
                  where: str = "uncertainty") -> Optional["UncertaintySpec"]:
        """Parse ``d``; ``indices``/``indicators`` are the recipe's parsed lists (for checking ids)."""
        if d is None:
            return None
        r = EntryReader(d, where)
        spec = cls(index=r.get("index", "", str),
                   normalisation=_choices(r, "normalisation", UNCERTAIN_NORMALISATIONS),
                   aggregation=_choices(r, "aggregation", UNCERTAIN_AGGREGATIONS),
                   weight_ranges=_ranges(r.get("weight_ranges", {}, dict), where + ".weight_ranges"),
                   weight_dirichlet=r.get("weight_dirichlet", None, float),
                   impute=_choices(r, "impute", IMPUTE_METHODS),
                   winsorise=_winsorise(r.get("winsorise", [], list), where + ".winsorise"),
                   reference=_choices(r, "reference", UNCERTAIN_REFERENCES),
                   drop_indicator=r.get("drop_indicator", False, bool))
        r.done()
        spec._check(indices, indicators, where)
        return spec

    def _check(self, indices: list[IndexSpec], indicators: list[Indicator], where: str) -> None:
        ids = [i.id for i in indices]
        if not self.index:
            classified = [i.id for i in indices if i.classification is not None]
            if not classified:
                raise entry_error(where, tr("an uncertainty analysis needs an index with a classification; none "
                                            "has one."))
            self.index = classified[0]
        if self.index not in ids:
            raise entry_error(where, tr("'index' names '{id}', but the recipe's indices are {ids}."), id=self.index,
                       ids=", ".join(ids))
        spec = indices[ids.index(self.index)]
        if spec.classification is None:
            raise entry_error(where, tr("the index '{id}' has no classification; class probabilities need one."),
                       id=self.index)
        for ind_id in self.weight_ranges:
            if ind_id not in spec.indicators:
                raise entry_error(where + ".weight_ranges", tr("'{id}' is not an indicator of the index '{index}' "
                                                        "({ids})."), id=ind_id, index=self.index,
                           ids=", ".join(spec.indicators))
        if self.weight_dirichlet is not None:
            if self.weight_ranges:
                raise entry_error(where, tr("give either 'weight_ranges' or 'weight_dirichlet', not both."))
            weights = {i.id: i.weight for i in indicators}
            total = sum(weights[i] for i in spec.indicators)
            if total <= 0:
                raise entry_error(where, tr("the weights of the index '{id}' sum to 0."), id=self.index)
            smallest = min(weights[i] for i in spec.indicators) / total
            if self.weight_dirichlet * smallest < 1:
                raise entry_error(where, tr("'weight_dirichlet' must be at least {m:g} here (concentration × smallest "
                                     "weight share ≥ 1); larger values keep the weights closer to the recipe."),
                           m=1 / smallest if smallest > 0 else float("inf"))
        if self.drop_indicator and len(spec.indicators) < 2:
            raise entry_error(where, tr("'drop_indicator' needs an index with at least 2 indicators."))
        if not self.choices():
            raise entry_error(where, tr("names no choice to vary; give at least one of normalisation, aggregation, "
                                 "weight_ranges, weight_dirichlet, impute, winsorise, reference, drop_indicator."))

    def choices(self) -> list[str]:
        """Names of the choices that vary (in a fixed order)."""
        names = [n for n in ("normalisation", "aggregation", "impute", "winsorise", "reference")
                 if getattr(self, n)]
        if self.weight_ranges or self.weight_dirichlet is not None:
            names.append("weights")
        if self.drop_indicator:
            names.append("drop_indicator")
        return names

    def to_dict(self) -> dict:
        d: dict = {"index": self.index}
        for key in ("normalisation", "aggregation", "impute", "reference"):
            if getattr(self, key):
                d[key] = list(getattr(self, key))
        if self.winsorise:
            d["winsorise"] = [w.to_dict() if w is not None else None for w in self.winsorise]
        if self.weight_ranges:
            d["weight_ranges"] = {k: list(v) for k, v in self.weight_ranges.items()}
        if self.weight_dirichlet is not None:
            d["weight_dirichlet"] = self.weight_dirichlet
        if self.drop_indicator:
            d["drop_indicator"] = True
        return d


def _choices(reader: EntryReader, key: str, allowed: tuple[str, ...]) -> list[str]:
    values = reader.texts(key)
    for v in values:
        if v not in allowed:
            raise entry_error(reader.where, tr("'{key}' alternatives must be among {choices}, got '{value}'."), key=key,
                       choices=", ".join(allowed), value=v)
    if len(set(values)) != len(values):
        raise entry_error(reader.where, tr("'{key}' lists an alternative twice."), key=key)
    return values


def _ranges(ranges: dict, where: str) -> dict[str, list[float]]:
    out: dict[str, list[float]] = {}
    for ind_id, pair in ranges.items():
        ok = (isinstance(pair, list) and len(pair) == 2
              and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in pair))
        if not ok or not (0 <= pair[0] <= pair[1] <= MAX_WEIGHT):
            raise entry_error(where, tr("'{id}' must be [low, high] with 0 ≤ low ≤ high ≤ {m:g}, got {v}."), id=ind_id,
                       m=MAX_WEIGHT, v=short_repr(pair))
        out[ind_id] = [float(pair[0]), float(pair[1])]
    return out


def _winsorise(rules: list, where: str) -> list[Optional[Winsorise]]:
    out: list[Optional[Winsorise]] = []
    for i, rule in enumerate(rules):
        out.append(None if rule is None else Winsorise.from_dict(rule, f"{where}[{i}]"))
    if len({repr(w) for w in out}) != len(out):
        raise entry_error(where, tr("lists an alternative twice."))
    return out
