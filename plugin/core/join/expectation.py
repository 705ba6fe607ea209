"""A join states its expectation: too few matches is a failure that names the likely cause and the fix.

``check_match_rate`` raises ``JoinExpectationError`` when fewer than ``min_percent`` % of the districts
or of the table rows found a partner (0 matches always fail). To name the cause it actually tries the
other key rules on the keys (how many would match with 'pad_zeros'?) and looks at their shape: lost
leading zeros, decimal or scientific-notation keys, keys of another district vintage (same format, few
in common), a table covering only a part (or more) of the area. Message lines stay short
(``MAX_LINE``); the lists go to the join report.
"""
import math
import os
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Optional

import pandas as pd

from ..errors import JoinError
from ..i18n import tr
from . import keys as keymod

if TYPE_CHECKING:
    from .report import JoinReport

DEFAULT_MIN_MATCH_PERCENT = 90.0
MAX_LINE = 300
SAMPLE = 2000  # keys looked at for their shape


class JoinExpectationError(JoinError):
    """Fewer matches than expected; ``report`` is the complete JoinReport (to be written for the user)."""

    def __init__(self, message: str, details: Any = None, report: Optional["JoinReport"] = None) -> None:
        super().__init__(message, details)
        self.report = report
        #: join_tables (several_tables.py) sets the reports of every table so far, the failing one last
        self.reports: list[JoinReport] = []


def cap(line: object, limit: int = MAX_LINE) -> str:
    """One message line of at most ``limit`` characters."""
    text = str(line)
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def percent(part: float, whole: float) -> float:
    """``part`` as a percentage of ``whole``; 0 when ``whole`` is 0."""
    return 100.0 * part / whole if whole else 0.0


def _pct(value: float) -> str:
    """A percentage rounded down to one decimal (99.78 -> '99.7', 10.04 -> '10', 0.04 -> '0.04'): never shows
    100 % for a partial match, never 0 % for a few matches, and as a threshold it is always passed."""
    if 0 < value < 1:
        return f"{math.floor(value * 100) / 100 or value:.2g}"
    value = math.floor(value * 10 + 1e-9) / 10
    return f"{int(value):d}" if value == int(value) else f"{value:.1f}"


def rates(report: "JoinReport") -> tuple[float, float]:
    """(percent of districts with data, percent of table rows with a district)."""
    return percent(report.n_matched_districts, report.n_districts), percent(report.n_matched_rows,
                                                                           report.n_table_rows)


def check_match_rate(report: "JoinReport", d_text: pd.Series, t_text: pd.Series, key_rule: str,
                     min_percent: Optional[float], d_names: Optional[Sequence[object]] = None,
                     t_names: Optional[Sequence[object]] = None) -> None:
    """Raise JoinExpectationError when the join matched fewer than ``min_percent`` % of the districts or
    of the table rows, or nothing at all.

    d_text/t_text: the keys as text (keys.key_text) of the district rows and the table rows;
    d_names/t_names: optional name lists (a vintage change keeps many names). The error's details are the
    report text; its ``report`` is the report itself.
    """
    if min_percent is None:
        return
    d_rate, t_rate = rates(report)
    matched_any = report.n_matched_districts > 0
    if matched_any and d_rate >= min_percent and t_rate >= min_percent:
        return
    name = os.path.basename(str(report.table)) or str(report.table)
    lines = [cap(tr("{table}: {m} of {n} districts ({dp} %) and {r} of {t} table rows ({tp} %) matched; "
                    "the join expects at least {min} % of both.").format(
        table=name, m=report.n_matched_districts, n=report.n_districts, dp=_pct(d_rate), r=report.n_matched_rows,
        t=report.n_table_rows, tp=_pct(t_rate), min=_pct(min_percent)))]
    cause = diagnose(report, d_text, t_text, key_rule, d_names, t_names)
    lines.extend(cap(line) for line in cause)
    if matched_any:
        needed = max(0.0, min(d_rate, t_rate))
        lines.append(cap(tr("If this is what you expect, lower the minimum match (MIN_MATCH_PERCENT) to {p} %; "
                            "the join report lists every unmatched key.").format(p=_pct(needed))))
    else:
        lines.append(cap(tr("No key matched, so the join is refused whatever the minimum; the join report lists "
                            "the keys.")))
    report.hints.extend(cause)
    raise JoinExpectationError("\n".join(lines), details=report.to_text(), report=report)


def diagnose(report: "JoinReport", d_text: pd.Series, t_text: pd.Series, key_rule: str,
             d_names: Optional[Sequence[object]] = None, t_names: Optional[Sequence[object]] = None) -> list[str]:
    """Lines naming the likely cause of a poor match and the fix, found by trying the alternatives."""
    lines: list[str] = []
    d_keys = d_text.dropna()
    t_keys = t_text.dropna()
    if t_keys.empty:
        return [tr("The table's key column is empty.")]
    d_set = set(d_keys)
    d_example = _example(d_keys)
    t_example = _example(t_keys[~t_keys.isin(d_set)]) or _example(t_keys)
    shape = _shape(t_keys.head(SAMPLE))
    if shape["lossy_scientific"]:
        lines.append(tr("{n} table keys are in scientific notation without all digits (e.g. '{ex}'): Excel "
                        "rounded them and they cannot be matched. Format the key column as text in Excel and "
                        "export again.").format(n=shape["lossy_scientific"], ex=shape["lossy_example"]))
    best = _best_rule(report, d_text, t_text, key_rule)
    if best is not None:
        rule, d_n, t_n = best
        if shape["scientific"]:
            why = tr("The table's keys are in scientific notation (e.g. '{t}', layer '{d}'), as Excel writes long "
                     "numbers.").format(t=shape["scientific_example"], d=d_example)
        elif shape["float"]:
            why = tr("The table's keys are decimal numbers (e.g. '{t}', layer '{d}').").format(
                t=shape["float_example"], d=d_example)
        elif rule == "pad_zeros":
            partner = _padded(t_example, d_set)
            if partner and len(partner) < len(t_example):
                why = tr("The layer's keys lost their leading zeros (e.g. '{d}' for '{t}'; a numeric key "
                         "field?).").format(d=partner, t=t_example)
            else:
                why = tr("The table's keys lost their leading zeros (e.g. '{t}' for '{d}').").format(
                    t=t_example, d=partner or d_example)
        else:
            why = tr("The keys differ in case or spacing (e.g. table '{t}', layer '{d}').").format(
                t=t_example, d=d_example)
        lines.append(why + " " + tr("With the key rule '{rule}' {m} of {n} districts ({p} %) would match.").format(
            rule=rule, m=d_n, n=report.n_districts, p=_pct(percent(d_n, report.n_districts))))
        return lines
    if lines:
        return lines
    d_rate, t_rate = rates(report)
    if report.n_matched_districts and t_rate >= 90 and d_rate < t_rate:
        return [tr("{r} of the table's {t} rows matched, but they cover only {m} of the {n} districts: the table "
                   "covers a part of the area only (or the layer has more districts than the table).").format(
            r=report.n_matched_rows, t=report.n_table_rows, m=report.n_matched_districts, n=report.n_districts)]
    if report.n_matched_districts and d_rate >= 90 and t_rate < d_rate:
        return [tr("{m} of the {n} districts got data, but only {r} of the table's {t} rows found a district: the "
                   "table covers a larger area than the layer (or holds other areas as well).").format(
            m=report.n_matched_districts, n=report.n_districts, r=report.n_matched_rows, t=report.n_table_rows)]
    if _same_format(d_keys, t_keys):
        line = tr("The table's keys look like a different district vintage: same format as the layer's (e.g. "
                  "table '{t}', layer '{d}'), but only {r} of {n} occur in the layer.").format(
            t=t_example, d=d_example, r=report.n_matched_rows, n=report.n_table_rows)
        same_names = _names_in_common(d_names, t_names)
        if same_names:
            line += " " + tr("{k} names occur in both.").format(k=same_names)
        lines.append(line)
        lines.append(tr("Join it to districts in the table's boundaries (or take the table for this layer's "
                        "vintage)."))
        return lines
    return [tr("The keys of table and layer look different (e.g. table '{t}', layer '{d}'): check the key "
               "column (TABLE_KEY) and the district key field (INPUT_KEY).").format(t=t_example, d=d_example)]


def _best_rule(report: "JoinReport", d_text: pd.Series, t_text: pd.Series, current: str
               ) -> Optional[tuple[str, int, int]]:
    """(rule, districts, table rows) of the other key rule that matches clearly more, or None."""
    best: Optional[tuple[str, int, int]] = None
    for rule in keymod.KEY_RULES:
        if rule == current:
            continue
        width = keymod.digit_width(d_text, t_text) if rule == "pad_zeros" else 0
        d_norm = keymod.normalise(d_text, rule, width)
        t_norm = keymod.normalise(t_text, rule, width)
        t_set = set(t_norm.dropna())
        d_n = int(d_norm.isin(t_set).sum())
        t_n = int(t_norm.isin(set(d_norm.dropna())).sum())
        gain = (d_n - report.n_matched_districts) + (t_n - report.n_matched_rows)
        if gain > 0 and (best is None or d_n + t_n > best[1] + best[2]):
            best = (rule, d_n, t_n)
    return best


def _shape(keys: pd.Series) -> dict[str, Any]:
    out: dict[str, Any] = {"scientific": 0, "scientific_example": "", "float": 0, "float_example": "",
                           "lossy_scientific": 0, "lossy_example": ""}
    texts = keys.unique()
    implied = keymod.full_precision(texts)
    for text in texts:
        if keymod.is_lossy_scientific(text, implied):
            out["lossy_scientific"] += 1
            out["lossy_example"] = out["lossy_example"] or text
        elif keymod.scientific_digits(text, implied) is not None:
            out["scientific"] += 1
            out["scientific_example"] = out["scientific_example"] or text
        elif ("." in text or "," in text) and keymod.key_digits(text) is not None:
            out["float"] += 1
            out["float_example"] = out["float_example"] or text
    return out


def _same_format(d_keys: pd.Series, t_keys: pd.Series) -> bool:
    """Keys of one kind: mostly the same length and all digits on both sides (or both with letters)."""
    def profile(keys: pd.Series) -> tuple[Any, bool]:
        sample = keys.head(SAMPLE)
        lengths = sample.str.len()
        return lengths.mode().iloc[0], bool(sample.str.fullmatch(r"\d+").mean() > 0.9)

    if d_keys.empty:
        return False
    return profile(d_keys) == profile(t_keys)


def _names_in_common(d_names: Optional[Sequence[object]], t_names: Optional[Sequence[object]]) -> int:
    if not d_names or not t_names:
        return 0
    d = {keymod.fold_name(n) for n in d_names} - {""}
    return len({keymod.fold_name(n) for n in t_names} & d)


def _example(keys: pd.Series) -> str:
    return str(keys.iloc[0]) if len(keys) else ""


def _padded(text: str, d_set: set[str]) -> str:
    digits = keymod.key_digits(text) if text else None
    if digits is None:
        return ""
    for key in d_set:
        if keymod.key_digits(key) is not None and key.lstrip("0") == digits.lstrip("0"):
            return key
    return ""
