"""Recipe data classes for composite indices: classification, index definition, typology.

Split from model.py (indicators, treatment, reference rules, normalisation, metadata).
"""
from dataclasses import dataclass, field
from typing import Optional, Union

from ..i18n import tr
from .model import (
    AGGREGATIONS,
    CLASS_METHODS,
    ID_PATTERN,
    Indicator,
)
from .strict_reading import MAX_CLASSES, MAX_WEIGHT, EntryReader, entry_error, short_repr


@dataclass
class Classification:
    """Classes of an index score, ordered from the lowest score to the highest.

    fixed/manual: ``breaks`` are thresholds (in score units; with ``units: "sd"`` in SD units
    around the reference mean). ``equal_goes`` says which class a value exactly on a break
    belongs to ("lower" or "upper"; one value or one per break). Data-driven methods (quantile,
    jenks, equal_interval, sd) compute ``n`` classes from the reference districts' scores.
    """

    method: str = "fixed"
    n: int = 0
    breaks: list[float] = field(default_factory=list)
    equal_goes: Union[str, list[str]] = "lower"
    units: str = "value"
    step: float = 1.0
    labels: list[str] = field(default_factory=list)
    codes: list[str] = field(default_factory=list)
    colours: list[str] = field(default_factory=list)

    @classmethod
    def from_dict(cls, d: dict, where: str) -> "Classification":
        r = EntryReader(d, where)
        c = cls(method=r.get("method", "fixed", str, CLASS_METHODS), n=r.get("n", 0, int),
                breaks=r.numbers("breaks"), equal_goes=r.get("equal_goes", "lower"),
                units=r.get("units", "value", str, ("value", "sd")), step=r.get("step", 1.0, float),
                labels=r.texts("labels"), codes=r.texts("codes"), colours=r.texts("colours"))
        r.done()
        if c.method in ("fixed", "manual"):
            if not c.breaks:
                raise entry_error(where, tr("method '{m}' needs 'breaks'."), m=c.method)
            for i in range(len(c.breaks) - 1):
                if not c.breaks[i] < c.breaks[i + 1]:
                    raise entry_error(where, tr("thresholds out of order: {a} is not below {b}; list breaks "
                                                "ascending."),
                               a=c.breaks[i], b=c.breaks[i + 1])
            c.n = len(c.breaks) + 1
        elif c.n < 2:
            raise entry_error(where, tr("method '{m}' needs 'n' (number of classes, at least 2)."), m=c.method)
        if c.n > MAX_CLASSES:
            raise entry_error(where, tr("{n} classes are too many for a map; give at most {m}."), n=c.n, m=MAX_CLASSES)
        if isinstance(c.equal_goes, list):
            if c.method not in ("fixed", "manual"):
                raise entry_error(where, tr("'equal_goes' per break needs fixed breaks; with method '{m}' give "
                                            "'lower' or "
                                     "'upper'."), m=c.method)
            if len(c.equal_goes) != len(c.breaks) or any(e not in ("lower", "upper") for e in c.equal_goes):
                raise entry_error(where, tr("'equal_goes' must be 'lower', 'upper' or one of these per break."))
        elif c.equal_goes not in ("lower", "upper"):
            raise entry_error(where, tr("'equal_goes' must be 'lower', 'upper' or one of these per break."))
        for key in ("labels", "codes", "colours"):
            values = getattr(c, key)
            if values and len(values) != c.n:
                raise entry_error(where, tr("{n} classes but {m} {key}; give one per class, lowest score first."),
                           n=c.n, m=len(values), key=key)
        if not c.labels:
            c.labels = [str(i + 1) for i in range(c.n)]
        if not c.codes:
            c.codes = [str(i + 1) for i in range(c.n)]
        return c

    def to_dict(self) -> dict:
        d: dict = {"method": self.method, "labels": self.labels, "codes": self.codes, "colours": self.colours}
        if self.method in ("fixed", "manual"):
            d.update(breaks=self.breaks, equal_goes=self.equal_goes, units=self.units)
        else:
            d["n"] = self.n
            if self.method == "sd":
                d["step"] = self.step
        return d


WEIGHT_METHODS = ("pca_first_component", "equal_within_domain")


@dataclass
class IndexSpec:
    """One composite index: aggregation of normalised indicators (of a group or an explicit list) and/or of
    the scores of other indices of the recipe (``sub_indices``: domains such as work, income, education; any
    depth). ``weights`` gives the weight of a member at this level (indicator or sub-index id); an indicator
    without an entry weighs its own ``weight``, a sub-index 1. ``weights_from`` records how computed weights
    were derived (method, data, date, n) so a rerun is reproducible."""

    id: str
    label: str = ""
    description: str = ""
    indicators: list[str] = field(default_factory=list)
    aggregation: str = "sum"
    restandardise: bool = False
    higher_means: str = "worse"
    classification: Optional[Classification] = None
    sub_indices: list[str] = field(default_factory=list)
    weights: dict = field(default_factory=dict)
    weights_from: Optional[dict] = None

    @property
    def members(self) -> list[str]:
        """Indicator ids, then sub-index ids: the columns aggregated at this level."""
        return list(self.indicators) + list(self.sub_indices)

    def member_weights(self, indicators_by_id: dict[str, Indicator]) -> list[float]:
        """Weights aligned with ``members`` (``weights`` entry, else the indicator's weight, else 1)."""
        return [float(self.weights[m]) if m in self.weights else
                (indicators_by_id[m].weight if m in indicators_by_id and m in self.indicators else 1.0)
                for m in self.members]

    @classmethod
    def from_dict(cls, d: dict, where: str, all_indicators: list[Indicator]) -> "IndexSpec":
        r = EntryReader(d, where)
        idx_id = r.get("id", None, str, required=True)
        where = f"{where} (id '{idx_id}')"
        r.where = where
        group = r.get("group", None, str)
        listed = r.texts("indicators")
        subs = r.texts("sub_indices")
        raw_weights = r.get("weights", {}, dict)
        weights_from = r.get("weights_from", None, dict)
        spec = cls(id=idx_id, label=r.get("label", idx_id, str), description=r.get("description", "", str),
                   aggregation=r.get("aggregation", "sum", str, AGGREGATIONS),
                   restandardise=r.get("restandardise", False, bool),
                   higher_means=r.get("higher_means", "worse", str, ("worse", "better")),
                   sub_indices=subs)
        cdict = r.get("classification", None, dict)
        r.done()
        if not ID_PATTERN.match(spec.id):
            raise entry_error(where, tr("the id must start with a letter and contain only letters, digits and '_'."))
        known = {i.id: i for i in all_indicators}
        if listed:
            unknown = [i for i in listed if i not in known]
            if unknown:
                raise entry_error(where, tr("unknown indicator id(s) {ids}; known: {known}."),
                           ids=", ".join(unknown), known=", ".join(known))
            spec.indicators = listed
        elif not subs or group:
            group = group or spec.id
            spec.indicators = [i.id for i in all_indicators if i.group == group]
            if not spec.indicators:
                raise entry_error(where, tr("no indicator has group '{g}'; list 'indicators' or set their 'group'."),
                           g=group)
        if len(set(spec.members)) != len(spec.members):
            raise entry_error(where, tr("an indicator or sub-index is listed twice; list each member once."))
        spec.weights = _member_weights(raw_weights, spec.members, where)
        if weights_from is not None:
            spec.weights_from = _weights_from(weights_from, where + ".weights_from")
        weights = spec.member_weights(known)
        if sum(weights) <= 0:
            raise entry_error(where, tr("the weights of its indicators sum to zero; give at least one a weight > 0."))
        if spec.aggregation == "mean" and len(set(weights)) > 1:
            raise entry_error(where, tr("aggregation 'mean' ignores weights but the weights differ; "
                                 "use 'weighted_mean' or equal weights."))
        if cdict is not None:
            spec.classification = Classification.from_dict(cdict, where + ".classification")
        return spec

    def to_dict(self) -> dict:
        d: dict = {"id": self.id, "label": self.label, "indicators": self.indicators, "aggregation": self.aggregation,
             "restandardise": self.restandardise, "higher_means": self.higher_means}
        if self.sub_indices:
            d["sub_indices"] = self.sub_indices
        if self.weights:
            d["weights"] = dict(self.weights)
        if self.weights_from is not None:
            d["weights_from"] = dict(self.weights_from)
        if self.description:
            d["description"] = self.description
        if self.classification is not None:
            d["classification"] = self.classification.to_dict()
        return d


def _member_weights(raw: dict, members: list[str], where: str) -> dict[str, float]:
    """``weights`` checked: keys are members of the index, values numbers between 0 and MAX_WEIGHT."""
    out: dict[str, float] = {}
    for key, value in raw.items():
        if key not in members:
            raise entry_error(where + ".weights", tr("'{key}' is neither an indicator nor a sub-index of this index "
                                              "(members: {members})."), key=key, members=", ".join(members))
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= MAX_WEIGHT:
            raise entry_error(where + ".weights", tr("the weight of '{key}' must be a number from 0 to {m:g}, got "
                                              "{value}."), key=key, m=MAX_WEIGHT, value=short_repr(value))
        out[key] = float(value)
    return out


def _weights_from(raw: dict, where: str) -> dict:
    """Provenance of computed weights: method (one of WEIGHT_METHODS), data, date (texts), n (count), and
    optional numbers per member (loadings, explained share) kept as given."""
    r = EntryReader(raw, where)
    out: dict = {"method": r.get("method", None, str, WEIGHT_METHODS, required=True), "data": r.get("data", "", str),
           "date": r.get("date", "", str), "n": r.get("n", 0, int)}
    for key in ("loadings", "explained"):
        value = r.get(key, None, dict)
        if value is not None:
            out[key] = value
    r.done()
    return out


def check_hierarchy(indices: list[IndexSpec]) -> list[IndexSpec]:
    """Raise RecipeError when a sub-index is unknown, the index itself, part of a cycle, or oriented against
    its parent without being re-standardised; return the indices in computing order (sub-indices first,
    otherwise the order of the recipe)."""
    by_id = {spec.id: spec for spec in indices}
    for n, spec in enumerate(indices):
        where = f"indices[{n}] (id '{spec.id}')"
        for sub in spec.sub_indices:
            if sub not in by_id:
                raise entry_error(where, tr("unknown sub-index '{sub}'; known indices: {known}."), sub=sub,
                           known=", ".join(by_id))
            if sub == spec.id:
                raise entry_error(where, tr("the index lists itself as a sub-index."))
            sub_spec = by_id[sub]
            if sub_spec.higher_means != spec.higher_means and not sub_spec.restandardise:
                raise entry_error(where, tr("sub-index '{sub}' has higher_means '{a}' but this index '{b}'; its "
                                            "score is "
                                     "reversed, which needs \"restandardise\": true for '{sub}'."), sub=sub,
                           a=sub_spec.higher_means, b=spec.higher_means)
    order: list[IndexSpec] = []
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    for spec in indices:
        stack = [(spec.id, iter(spec.sub_indices))]
        state[spec.id] = state.get(spec.id, 0) or 1
        if state[spec.id] == 2:
            continue
        path = [spec.id]
        while stack:
            node, children = stack[-1]
            child = next(children, None)
            if child is None:
                stack.pop()
                path.pop()
                if state[node] != 2:
                    state[node] = 2
                    order.append(by_id[node])
                continue
            if state.get(child) == 1:
                cycle = path[path.index(child):] + [child]
                raise entry_error("indices", tr("the sub-indices form a cycle: {cycle}; an index cannot contain "
                                         "itself."), cycle=" > ".join(cycle))
            if state.get(child) != 2:
                state[child] = 1
                stack.append((child, iter(by_id[child].sub_indices)))
                path.append(child)
    return order


@dataclass
class Typology:
    """Cross of two classified indices, e.g. status x dynamics -> "2+/-".

    ``code`` and ``label`` are templates with the placeholders {row_code}, {row_label}, {col_code},
    {col_label} (plain text replacement, no expressions). ``names`` optionally maps a code to a name.
    """

    id: str
    label: str = ""
    rows: str = ""
    columns: str = ""
    code: str = "{row_code}{col_code}"
    label_template: str = "{row_label} / {col_label}"
    names: dict = field(default_factory=dict)

    @classmethod
    def from_dict(cls, d: dict, where: str, indices: list[IndexSpec]) -> "Typology":
        r = EntryReader(d, where)
        t = cls(id=r.get("id", None, str, required=True), label=r.get("label", "", str),
                rows=r.get("rows", None, str, required=True), columns=r.get("columns", None, str, required=True),
                code=r.get("code", "{row_code}{col_code}", str),
                label_template=r.get("label_template", "{row_label} / {col_label}", str),
                names=r.text_map("names"))
        r.done()
        where = f"{where} (id '{t.id}')"
        if not ID_PATTERN.match(t.id):
            raise entry_error(where, tr("the id must start with a letter and contain only letters, digits and '_'."))
        by_id = {i.id: i for i in indices}
        for ref in (t.rows, t.columns):
            if ref not in by_id:
                raise entry_error(where, tr("refers to index '{ref}' which the recipe does not define."), ref=ref)
            if by_id[ref].classification is None:
                raise entry_error(where, tr("index '{ref}' has no classification to cross."), ref=ref)
        return t

    def render(self, template: str, row_code: str, row_label: str, col_code: str, col_label: str) -> str:
        """``template`` with its placeholders replaced (plain text, no expressions)."""
        return (template.replace("{row_code}", row_code).replace("{row_label}", row_label)
                .replace("{col_code}", col_code).replace("{col_label}", col_label))

    def to_dict(self) -> dict:
        return {"id": self.id, "label": self.label, "rows": self.rows, "columns": self.columns,
                "code": self.code, "label_template": self.label_template, "names": self.names}
