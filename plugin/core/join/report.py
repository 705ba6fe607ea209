"""The join report: what matched, what did not, and every conversion, in one data class.

``to_text()`` is for the Processing log and the GUI, ``to_dataframe()``/``to_csv()`` give one row per
finding with the columns ``section, key, name, row, column, count, detail`` (the CSV is written
UTF-8 with BOM and ';' so German Excel opens it directly). Lists are complete in the table/CSV;
the text shows the first ``TEXT_LIMIT`` entries of each list.
"""
import os
from dataclasses import dataclass, field

import pandas as pd

from ..i18n import tr
from ..outputs import atomic

TEXT_LIMIT = 25
COLUMNS = ["section", "key", "name", "row", "column", "count", "detail"]


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
    districts_without_data: list = field(default_factory=list)  # [{key, name}]
    districts_without_key: list = field(default_factory=list)  # [{row, name}]  row = 1-based position in layer
    table_rows_without_district: list = field(default_factory=list)  # [{row, key, name}]
    table_rows_without_key: list = field(default_factory=list)  # [{row, name}]
    district_duplicates: list = field(default_factory=list)  # [{key, count, names}]
    table_duplicates: list = field(default_factory=list)  # [{key, rows, action}]
    name_mismatches: list = field(default_factory=list)  # [{key, district_name, table_name}]
    suppressed: dict = field(default_factory=dict)  # column -> {flag: count}  (cells without a number)
    flagged_numbers: dict = field(default_factory=dict)  # column -> {flag: count}
    missing_codes: dict = field(default_factory=dict)  # column -> {code: count}
    invalid_values: dict = field(default_factory=dict)  # column -> [(file row, text)] first texts that are no number
    missing_code_keys: dict = field(default_factory=dict)  # code -> [keys with it in >= half the value columns]
    keys_changed: list = field(default_factory=list)  # [(side, original, normalised)] examples
    n_keys_changed: int = 0
    conversions: list = field(default_factory=list)  # readable lines
    columns_added: list = field(default_factory=list)  # [(column, original header)]
    hints: list = field(default_factory=list)
    read_lines: list = field(default_factory=list)  # lines of the TableReport

    @property
    def n_districts_without_data(self):
        return len(self.districts_without_data)

    @property
    def n_rows_without_district(self):
        return len(self.table_rows_without_district)

    @property
    def n_unmatched_rows(self):
        """Table rows that reached no district: rows whose key matches none plus rows without a key."""
        return len(self.table_rows_without_district) + len(self.table_rows_without_key)

    def is_clean(self):
        """True when every district got data and every table row found a district."""
        return not (self.districts_without_data or self.districts_without_key or self.table_rows_without_district
                    or self.table_rows_without_key)

    # ------------------------------------------------------------------ text
    def summary_line(self):
        line = tr("{matched} of {n} districts matched; {nodata} without data; {rows} of {total} table rows matched; "
                  "{orphans} table rows without district").format(
            matched=self.n_matched_districts, n=self.n_districts, nodata=self.n_districts_without_data,
            rows=self.n_matched_rows, total=self.n_table_rows, orphans=self.n_unmatched_rows)
        if self.table_rows_without_key:
            line += tr(" ({n} of them without key)").format(n=len(self.table_rows_without_key))
        return line

    def to_text(self):
        """Readable multi-line report."""
        out = [tr("Join of {table} (key '{tkey}') to districts (key '{dkey}')").format(
            table=self.table, tkey=self.table_key, dkey=self.district_key),
            tr("Key rule '{rule}': {text}").format(rule=self.key_rule, text=self.key_rule_text),
            self.summary_line()]

        def block(title, items, fmt):
            if not items:
                return
            out.append(title.format(n=len(items)))
            for item in items[:TEXT_LIMIT]:
                out.append("  " + fmt(item))
            if len(items) > TEXT_LIMIT:
                out.append("  " + tr("... and {n} more (see the report table)").format(n=len(items) - TEXT_LIMIT))

        block(tr("Districts without data ({n}):"), self.districts_without_data,
              lambda d: "{} {}".format(d["key"], d.get("name") or "").strip())
        block(tr("Districts without key ({n}):"), self.districts_without_key,
              lambda d: tr("feature {row} {name}").format(row=d["row"], name=d.get("name") or "").strip())
        block(tr("Table rows without district ({n}):"), self.table_rows_without_district,
              lambda d: tr("row {row}: {key} {name}").format(row=d["row"], key=d["key"],
                                                             name=d.get("name") or "").strip())
        block(tr("Table rows without key ({n}):"), self.table_rows_without_key,
              lambda d: tr("row {row} {name}").format(row=d["row"], name=d.get("name") or "").strip())
        block(tr("Duplicate keys in the district layer ({n}) — all features kept, each gets the same table row:"),
              self.district_duplicates,
              lambda d: (tr("{key}: {count} features ({names})").format(key=d["key"], count=d["count"],
                                                                       names=", ".join(d["names"]))
                         if [n for n in d.get("names") or [] if n]
                         else tr("{key}: {count} features").format(key=d["key"], count=d["count"])))
        block(tr("Duplicate keys in the table ({n}):"), self.table_duplicates,
              lambda d: tr("{key}: rows {rows} — {action}").format(key=d["key"], rows=", ".join(map(str, d["rows"])),
                                                                   action=d["action"]))
        block(tr("Same key, different name ({n}):"), self.name_mismatches,
              lambda d: tr("{key}: layer '{dname}', table '{tname}'").format(
                  key=d["key"], dname=d["district_name"], tname=d["table_name"]))
        for column, counts in self.suppressed.items():
            parts = ", ".join(f"'{flag}' {n}" for flag, n in sorted(counts.items()))
            line = tr("Column '{col}': {n} values missing ({parts})").format(
                col=column, n=sum(counts.values()), parts=parts)
            examples = self.invalid_values.get(column)
            if examples:
                line += tr("; not a number: {examples}").format(examples=", ".join(
                    tr("row {row} '{text}'").format(row=row, text=text) for row, text in examples))
            out.append(line)
        for column, counts in self.flagged_numbers.items():
            parts = ", ".join(f"'{flag}' {n}" for flag, n in sorted(counts.items()))
            out.append(tr("Column '{col}': {n} numbers carry a flag ({parts})").format(
                col=column, n=sum(counts.values()), parts=parts))
        for column, counts in self.missing_codes.items():
            for code, n in counts.items():
                out.append(tr("Column '{col}': {n} values equal the missing-value code {code} (left unchanged; "
                              "the index recipe decides)").format(col=column, n=n, code=_fmt(code)))
        for code, keys in self.missing_code_keys.items():
            out.append(tr("Rows with code {code} in at least half of the value columns ({n}): {keys}").format(
                code=_fmt(code), n=len(keys), keys=", ".join(keys)))
        if self.n_keys_changed:
            examples = ", ".join(f"'{a}' -> '{b}'" for _s, a, b in self.keys_changed[:5])
            out.append(tr("{n} keys changed by the key rule (e.g. {examples})").format(
                n=self.n_keys_changed, examples=examples))
        for line in self.conversions:
            out.append(tr("Conversion: {line}").format(line=line))
        for line in self.hints:
            out.append(tr("Hint: {line}").format(line=line))
        return "\n".join(out)

    # ------------------------------------------------------------------ table
    def to_dataframe(self):
        """One row per finding; columns section, key, name, row, column, count, detail."""
        rows = []

        def add(section, key=None, name=None, row=None, column=None, count=None, detail=None):
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

    def to_csv(self, path):
        """Write to_dataframe() as CSV (UTF-8 with BOM, ';'); complete or not at all."""
        return atomic.write_csv(self.to_dataframe(), path)


def write_reports_csv(reports, path):
    """Write several JoinReports (one per table) into one CSV with a leading 'table' column."""
    path = os.fspath(path)
    frames = []
    for report in reports:
        frame = report.to_dataframe()
        frame.insert(0, "table", report.table)
        frames.append(frame)
    return atomic.write_csv(pd.concat(frames, ignore_index=True), path)


def _fmt(code):
    if isinstance(code, float) and code.is_integer():
        return str(int(code))
    return str(code)
