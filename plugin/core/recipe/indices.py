"""Recipe data classes for composite indices: classification, index definition, typology.

Split from model.py (indicators, treatment, reference rules, normalisation, metadata).
"""
from dataclasses import dataclass, field
from typing import Optional

from ..i18n import tr
from .model import AGGREGATIONS, CLASS_METHODS, ID_PATTERN, MAX_CLASSES, _err, _Reader


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
    equal_goes: object = "lower"
    units: str = "value"
    step: float = 1.0
    labels: list[str] = field(default_factory=list)
    codes: list[str] = field(default_factory=list)
    colours: list[str] = field(default_factory=list)

    @classmethod
    def from_dict(cls, d, where):
        r = _Reader(d, where)
        c = cls(method=r.get("method", "fixed", str, CLASS_METHODS), n=r.get("n", 0, int),
                breaks=r.numbers("breaks"), equal_goes=r.get("equal_goes", "lower"),
                units=r.get("units", "value", str, ("value", "sd")), step=r.get("step", 1.0, float),
                labels=r.texts("labels"), codes=r.texts("codes"), colours=r.texts("colours"))
        r.done()
        if c.method in ("fixed", "manual"):
            if not c.breaks:
                raise _err(where, tr("method '{m}' needs 'breaks'."), m=c.method)
            for i in range(len(c.breaks) - 1):
                if not c.breaks[i] < c.breaks[i + 1]:
                    raise _err(where, tr("thresholds out of order: {a} is not below {b}; list breaks ascending."),
                               a=c.breaks[i], b=c.breaks[i + 1])
            c.n = len(c.breaks) + 1
        elif c.n < 2:
            raise _err(where, tr("method '{m}' needs 'n' (number of classes, at least 2)."), m=c.method)
        if c.n > MAX_CLASSES:
            raise _err(where, tr("{n} classes are too many for a map; give at most {m}."), n=c.n, m=MAX_CLASSES)
        if isinstance(c.equal_goes, list):
            if c.method not in ("fixed", "manual"):
                raise _err(where, tr("'equal_goes' per break needs fixed breaks; with method '{m}' give 'lower' or "
                                     "'upper'."), m=c.method)
            if len(c.equal_goes) != len(c.breaks) or any(e not in ("lower", "upper") for e in c.equal_goes):
                raise _err(where, tr("'equal_goes' must be 'lower', 'upper' or one of these per break."))
        elif c.equal_goes not in ("lower", "upper"):
            raise _err(where, tr("'equal_goes' must be 'lower', 'upper' or one of these per break."))
        for key in ("labels", "codes", "colours"):
            values = getattr(c, key)
            if values and len(values) != c.n:
                raise _err(where, tr("{n} classes but {m} {key}; give one per class, lowest score first."),
                           n=c.n, m=len(values), key=key)
        if not c.labels:
            c.labels = [str(i + 1) for i in range(c.n)]
        if not c.codes:
            c.codes = [str(i + 1) for i in range(c.n)]
        return c

    def to_dict(self):
        d = {"method": self.method, "labels": self.labels, "codes": self.codes, "colours": self.colours}
        if self.method in ("fixed", "manual"):
            d.update(breaks=self.breaks, equal_goes=self.equal_goes, units=self.units)
        else:
            d["n"] = self.n
            if self.method == "sd":
                d["step"] = self.step
        return d


@dataclass
class IndexSpec:
    """One composite index: aggregation of the normalised indicators of a group (or an explicit list)."""

    id: str
    label: str = ""
    description: str = ""
    indicators: list[str] = field(default_factory=list)
    aggregation: str = "sum"
    restandardise: bool = False
    higher_means: str = "worse"
    classification: Optional[Classification] = None

    @classmethod
    def from_dict(cls, d, where, all_indicators):
        r = _Reader(d, where)
        idx_id = r.get("id", None, str, required=True)
        where = f"{where} (id '{idx_id}')"
        r.where = where
        group = r.get("group", None, str)
        listed = r.texts("indicators")
        spec = cls(id=idx_id, label=r.get("label", idx_id, str), description=r.get("description", "", str),
                   aggregation=r.get("aggregation", "sum", str, AGGREGATIONS),
                   restandardise=r.get("restandardise", False, bool),
                   higher_means=r.get("higher_means", "worse", str, ("worse", "better")))
        cdict = r.get("classification", None, dict)
        r.done()
        if not ID_PATTERN.match(spec.id):
            raise _err(where, tr("the id must start with a letter and contain only letters, digits and '_'."))
        known = {i.id: i for i in all_indicators}
        if listed:
            unknown = [i for i in listed if i not in known]
            if unknown:
                raise _err(where, tr("unknown indicator id(s) {ids}; known: {known}."),
                           ids=", ".join(unknown), known=", ".join(known))
            spec.indicators = listed
        else:
            group = group or spec.id
            spec.indicators = [i.id for i in all_indicators if i.group == group]
            if not spec.indicators:
                raise _err(where, tr("no indicator has group '{g}'; list 'indicators' or set their 'group'."),
                           g=group)
        weights = [known[i].weight for i in spec.indicators]
        if sum(weights) <= 0:
            raise _err(where, tr("the weights of its indicators sum to zero; give at least one a weight > 0."))
        if spec.aggregation == "mean" and len(set(weights)) > 1:
            raise _err(where, tr("aggregation 'mean' ignores weights but the weights differ; "
                                 "use 'weighted_mean' or equal weights."))
        if cdict is not None:
            spec.classification = Classification.from_dict(cdict, where + ".classification")
        return spec

    def to_dict(self):
        d = {"id": self.id, "label": self.label, "indicators": self.indicators, "aggregation": self.aggregation,
             "restandardise": self.restandardise, "higher_means": self.higher_means}
        if self.description:
            d["description"] = self.description
        if self.classification is not None:
            d["classification"] = self.classification.to_dict()
        return d


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
    def from_dict(cls, d, where, indices):
        r = _Reader(d, where)
        t = cls(id=r.get("id", None, str, required=True), label=r.get("label", "", str),
                rows=r.get("rows", None, str, required=True), columns=r.get("columns", None, str, required=True),
                code=r.get("code", "{row_code}{col_code}", str),
                label_template=r.get("label_template", "{row_label} / {col_label}", str),
                names=r.text_map("names"))
        r.done()
        where = f"{where} (id '{t.id}')"
        if not ID_PATTERN.match(t.id):
            raise _err(where, tr("the id must start with a letter and contain only letters, digits and '_'."))
        by_id = {i.id: i for i in indices}
        for ref in (t.rows, t.columns):
            if ref not in by_id:
                raise _err(where, tr("refers to index '{ref}' which the recipe does not define."), ref=ref)
            if by_id[ref].classification is None:
                raise _err(where, tr("index '{ref}' has no classification to cross."), ref=ref)
        return t

    def render(self, template, row_code, row_label, col_code, col_label):
        return (template.replace("{row_code}", row_code).replace("{row_label}", row_label)
                .replace("{col_code}", col_code).replace("{col_label}", col_label))

    def to_dict(self):
        return {"id": self.id, "label": self.label, "rows": self.rows, "columns": self.columns,
                "code": self.code, "label_template": self.label_template, "names": self.names}
