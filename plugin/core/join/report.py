"""The join report: what matched, what did not, and every conversion, in one data class.

``to_text()`` is for the Processing log and the GUI, ``to_dataframe()``/``to_csv()`` give one row per
finding with the columns ``section, key, name, row, column, count, detail`` (the CSV is written
UTF-8 with BOM and ';' so German Excel opens it directly). Lists are complete in the table/CSV;
the text shows the first ``TEXT_LIMIT`` entries of each list.
"""
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Callable, Optional

import pandas as pd

from ..i18n import tr, tr_noop
from ..outputs import atomic
from ..outputs.atomic import StrPath

TEXT_LIMIT = 25
COLUMNS = ["section", "key", "name", "row", "column", "count", "detail"]


def _text(value: object) -> str:
    """A cell as text: None/NaN -> '', a row number 3.0 (a column with gaps) -> '3'."""
    if value is None or (isinstance(value, float) and value != value) or value is pd.NA:
        return ""
    text = str(value)
    return text[:-2] if text.endswith(".0") and text[:-2].lstrip("-").isdigit() else text


def _names(row: dict[str, str]) -> str:
    return tr("{key}: {count} features ({names})").format(key=row["key"], count=row["count"], names=row["name"]) \
        if row["name"].strip(" |") else tr("{key}: {count} features").format(key=row["key"], count=row["count"])


# The sections of the report, in the order of the CSV, the log and the panel: (section id of the CSV rows,
# title with the number of findings, text of one finding from its CSV row). The one definition of the report:
# to_dataframe writes the rows, to_text and findings() (the panel) show them through these texts.
SECTIONS: list[tuple[str, str, Callable[[dict[str, str]], str]]] = [
    ("district_without_data", tr_noop("Districts without data ({n})"),
     lambda r: "{} {}".format(r["key"], r["name"]).strip()),
    ("district_without_key", tr_noop("Districts without key ({n})"),
     lambda r: tr("feature {row} {name}").format(row=r["row"], name=r["name"]).strip()),
    ("table_row_without_district", tr_noop("Table rows without district ({n})"),
     lambda r: tr("row {row}: {key} {name}").format(row=r["row"], key=r["key"], name=r["name"]).strip()),
    ("table_row_without_key", tr_noop("Table rows without key ({n})"),
     lambda r: tr("row {row} {name}").format(row=r["row"], name=r["name"]).strip()),
    ("duplicate_district_key", tr_noop("Duplicate keys in the district layer ({n}) — all features kept, each gets "
                                       "the same table row"), _names),
    ("duplicate_table_key", tr_noop("Duplicate keys in the table ({n})"),
     lambda r: tr("{key}: rows {rows} — {action}").format(key=r["key"], rows=r["row"], action=r["detail"])),
    ("name_mismatch", tr_noop("Same key, different name ({n})"),
     lambda r: tr("{key}: layer '{dname}', table '{tname}'").format(key=r["key"], dname=r["name"],
                                                                   tname=r["detail"])),
    ("suppressed", tr_noop("Suppressed or missing values ({n})"),
     lambda r: tr("column '{col}': {n} × '{flag}'").format(col=r["column"], n=r["count"], flag=r["detail"])),
    ("not_a_number", tr_noop("Cells that are not a number ({n})"),
     lambda r: tr("column '{col}', row {row}: '{text}'").format(col=r["column"], row=r["row"], text=r["detail"])),
    ("flagged_number", tr_noop("Numbers with a flag ({n})"),
     lambda r: tr("column '{col}': {n} × '{flag}'").format(col=r["column"], n=r["count"], flag=r["detail"])),
    ("missing_code", tr_noop("Missing-value codes, left unchanged: the index recipe decides ({n})"),
     lambda r: tr("column '{col}': {n} × {code}").format(col=r["column"], n=r["count"], code=r["detail"])),
    ("missing_code_row", tr_noop("Rows with a missing-value code in at least half of the value columns ({n})"),
     lambda r: tr("{key}: code {code}").format(key=r["key"], code=r["detail"])),
    ("key_changed", tr_noop("Keys changed by the key rule, examples ({n})"),
     lambda r: tr("{side}: '{old}' -> '{new}'").format(side=r["detail"], old=r["name"], new=r["key"])),
    ("conversion", tr_noop("Conversions ({n})"), lambda r: r["detail"]),
    ("reading", tr_noop("How the table was read ({n})"), lambda r: r["detail"]),
    ("column_added", tr_noop("Fields added ({n})"),
     lambda r: (tr("{field} (header '{header}')").format(field=r["column"], header=r["name"])
                if r["name"] and r["name"] != r["column"] else r["column"])),
    ("hint", tr_noop("Hints ({n})"), lambda r: r["detail"]),
]


#: one section of the report as findings() gives it: (section id, title, number of findings, finding texts)
Findings = tuple[str, str, int, list[str]]


def findings(frame: pd.DataFrame, limit: Optional[int] = None) -> list[Findings]:
    """[(section id, title, number of findings, [finding texts, at most ``limit``])] of a report table (the
    rows of to_dataframe or of the CSV, read as text), in the order of SECTIONS; empty sections left out."""
    out = []
    for section, title, text in SECTIONS:
        rows = frame[frame["section"] == section]
        if rows.empty:
            continue
        shown = rows if limit is None else rows.head(limit)
        texts = [text({c: _text(v) for c, v in row.items()}) for row in shown.to_dict("records")]
        out.append((section, tr(title).format(n=len(rows)), len(rows), texts))
    return out


@dataclass
class JoinReport:
    table: str = ""
    district_key: str = ""
    table_key: str = ""
    key_rule: str = "exact"
    key_rule_text: str = ""
    duplicates: str = "error"
    strict: bool = False
    n_districts: int = 0
    n_table_rows: int = 0
    n_matched_districts: int = 0
    n_matched_rows: int = 0
    districts_without_data: list[dict[str, Any]] = field(default_factory=list)  # [{key, name}]
    # [{row, name}]  row = 1-based position in layer
    districts_without_key: list[dict[str, Any]] = field(default_factory=list)
    table_rows_without_district: list[dict[str, Any]] = field(default_factory=list)  # [{row, key, name}]
    table_rows_without_key: list[dict[str, Any]] = field(default_factory=list)  # [{row, name}]
    district_duplicates: list[dict[str, Any]] = field(default_factory=list)  # [{key, count, names}]
    table_duplicates: list[dict[str, Any]] = field(default_factory=list)  # [{key, rows, action}]
    name_mismatches: list[dict[str, Any]] = field(default_factory=list)  # [{key, district_name, table_name}]
    # column -> {flag: count}  (cells without a number)
    suppressed: dict[str, dict[str, int]] = field(default_factory=dict)
    flagged_numbers: dict[str, dict[str, int]] = field(default_factory=dict)  # column -> {flag: count}
    missing_codes: dict[str, dict[Any, int]] = field(default_factory=dict)  # column -> {code: count}
    # column -> [(file row, text)] first texts that are no number
    invalid_values: dict[str, list[tuple[int, str]]] = field(default_factory=dict)
    # code -> [keys with it in >= half the value columns]
    missing_code_keys: dict[Any, list[str]] = field(default_factory=dict)
    keys_changed: list[tuple[str, str, str]] = field(default_factory=list)  # [(side, original, normalised)] examples
    n_keys_changed: int = 0
    conversions: list[str] = field(default_factory=list)  # readable lines
    columns_added: list[tuple[str, str]] = field(default_factory=list)  # [(column, original header)]
    hints: list[str] = field(default_factory=list)
    read_lines: list[str] = field(default_factory=list)  # lines of the TableReport

    @property
    def n_districts_without_data(self) -> int:
        """Districts that no table row matched."""
        return len(self.districts_without_data)

    @property
    def n_rows_without_district(self) -> int:
        """Table rows with a key that matches no district."""
        return len(self.table_rows_without_district)

    @property
    def n_unmatched_rows(self) -> int:
        """Table rows that reached no district: rows whose key matches none plus rows without a key."""
        return len(self.table_rows_without_district) + len(self.table_rows_without_key)

    def is_clean(self) -> bool:
        """True when every district got data and every table row found a district."""
        return not (self.districts_without_data or self.districts_without_key or self.table_rows_without_district
                    or self.table_rows_without_key)

    # ------------------------------------------------------------------ text
    def summary_line(self) -> str:
        """One line: matched districts and table rows, rows without district, keys changed."""
        line = tr("{matched} of {n} districts matched; {nodata} without data; {rows} of {total} table rows matched; "
                  "{orphans} table rows without district").format(
            matched=self.n_matched_districts, n=self.n_districts, nodata=self.n_districts_without_data,
            rows=self.n_matched_rows, total=self.n_table_rows, orphans=self.n_unmatched_rows)
        if self.table_rows_without_key:
            line += tr(" ({n} of them without key)").format(n=len(self.table_rows_without_key))
        if self.n_keys_changed:
            line += tr("; {n} keys changed by the key rule").format(n=self.n_keys_changed)
        return line

    def to_text(self) -> str:
        """Readable multi-line report: the summary, then every section of SECTIONS (first TEXT_LIMIT findings)."""
        out = [tr("Join of {table} (key '{tkey}') to districts (key '{dkey}')").format(
            table=self.table, tkey=self.table_key, dkey=self.district_key),
            tr("Key rule '{rule}': {text}").format(rule=self.key_rule, text=self.key_rule_text),
            self.summary_line()]
        for section, title, count, texts in findings(self.to_dataframe(), limit=TEXT_LIMIT):
            if section in ("reading", "column_added"):
                continue  # in the CSV and the panel; the log has printed the reading lines already
            out.append(title + ":")
            out.extend("  " + text for text in texts)
            if count > TEXT_LIMIT:
                out.append("  " + tr("... and {n} more (see the report table)").format(n=count - TEXT_LIMIT))
        return "\n".join(out)

    # ------------------------------------------------------------------ table
    def to_dataframe(self) -> pd.DataFrame:
        """One row per finding; columns section, key, name, row, column, count, detail."""
        rows: list[list[Any]] = []

        def add(section: str, key: Any = None, name: Any = None, row: Any = None, column: Any = None,
                count: Optional[int] = None, detail: Any = None) -> None:
            rows.append([section, key, name, row, column, count, detail])

        add("summary", detail="table", name=self.table)
        add("summary", detail="key_rule", name=self.key_rule, column=self.key_rule_text)
        add("summary", detail="districts", count=self.n_districts)
        add("summary", detail="matched_districts", count=self.n_matched_districts)
        add("summary", detail="districts_without_data", count=self.n_districts_without_data)
        add("summary", detail="table_rows", count=self.n_table_rows)
        add("summary", detail="matched_table_rows", count=self.n_matched_rows)
        add("summary", detail="table_rows_without_district", count=self.n_unmatched_rows)
        add("summary", detail="table_rows_without_key", count=len(self.table_rows_without_key))
        add("summary", detail="keys_changed", count=self.n_keys_changed)
        for d in self.districts_without_data:
            add("district_without_data", key=d["key"], name=d.get("name"))
        for d in self.districts_without_key:
            add("district_without_key", row=d["row"], name=d.get("name"))
        for d in self.table_rows_without_district:
            add("table_row_without_district", key=d["key"], name=d.get("name"), row=d["row"])
        for d in self.table_rows_without_key:
            add("table_row_without_key", name=d.get("name"), row=d["row"])
        for d in self.district_duplicates:
            add("duplicate_district_key", key=d["key"], name=" | ".join(d.get("names") or []), count=d["count"])
        for d in self.table_duplicates:
            add("duplicate_table_key", key=d["key"], row=",".join(map(str, d["rows"])), count=len(d["rows"]),
                detail=d["action"])
        for d in self.name_mismatches:
            add("name_mismatch", key=d["key"], name=d["district_name"], detail=d["table_name"])
        for column, counts in self.suppressed.items():
            for flag, n in sorted(counts.items()):
                add("suppressed", column=column, count=n, detail=flag)
        for column, examples in self.invalid_values.items():
            for row, text in examples:
                add("not_a_number", row=row, column=column, detail=text)
        for column, counts in self.flagged_numbers.items():
            for flag, n in sorted(counts.items()):
                add("flagged_number", column=column, count=n, detail=flag)
        for column, counts in self.missing_codes.items():
            for code, n in counts.items():
                add("missing_code", column=column, count=n, detail=_fmt(code))
        for code, keys in self.missing_code_keys.items():
            for key in keys:
                add("missing_code_row", key=key, detail=_fmt(code))
        for side, original, new in self.keys_changed:
            add("key_changed", key=new, name=original, detail=side)
        for line in self.conversions:
            add("conversion", detail=line)
        for line in self.read_lines:
            add("reading", detail=line.strip())
        for column, header in self.columns_added:
            add("column_added", column=column, name=header)
        for line in self.hints:
            add("hint", detail=line)
        # object columns: a row number stays 3, not 3.0, next to empty cells
        frame = pd.DataFrame(rows, columns=COLUMNS, dtype=object)
        frame["count"] = frame["count"].astype("Int64")
        return frame

    def to_csv(self, path: StrPath) -> str:
        """Write to_dataframe() as CSV (UTF-8 with BOM, ';'); complete or not at all."""
        return atomic.write_csv(self.to_dataframe(), path)


def read_report_csv(path: StrPath, limit: int = 500) -> dict[str, Any]:
    """The join report CSV written by join_table, for showing: {"summary": {detail: count}, "sections":
    findings(...)} with at most ``limit`` findings per section (the title counts them all)."""
    report = pd.read_csv(path, sep=";", encoding="utf-8-sig", dtype=str, keep_default_na=False)
    summary = report[report["section"] == "summary"].set_index("detail")["count"].to_dict()
    return {"summary": summary, "sections": findings(report, limit=limit)}


def write_reports_csv(reports: Iterable[JoinReport], path: StrPath) -> str:
    """Write several JoinReports (one per table) into one CSV with a leading 'table' column."""
    path = os.fspath(path)
    frames = []
    for report in reports:
        frame = report.to_dataframe()
        frame.insert(0, "table", report.table)
        frames.append(frame)
    return atomic.write_csv(pd.concat(frames, ignore_index=True), path)


def _fmt(code: object) -> str:
    if isinstance(code, float) and code.is_integer():
        return str(int(code))
    return str(code)
