"""The Excel workbook of a committee package: tables with units and sources, secrecy applied.

Sheets: "Indikatoren" (key, name, population, indicator values), "Index" (scores and classes),
"Klassen" (districts per class), "Quellen" (indicator, unit, direction, source, data date).
Secret districts show "." instead of every number and "nicht bewertet" instead of a class,
districts without a value "–" (as in the atlas); numbers stay numbers (not text) everywhere else so
the tables can be recalculated, shown with the precision of the maps and the atlas: indicator
values with one decimal, index scores (z-values) with two, inhabitants as whole numbers.
Written with openpyxl to a temporary file, then moved into place.
"""

from collections.abc import Mapping
from typing import TYPE_CHECKING, Optional

import numpy as np
import pandas as pd

from ..errors import ExportError
from ..i18n import tr
from ..maps.secrecy import MISSING, SUPPRESSED, SecrecyRule, secret_mask
from ..outputs.atomic import StrPath, atomic_path

if TYPE_CHECKING:
    from ..recipe.load import Recipe

#: Excel number formats (Excel shows them with the reader's decimal separator: 1,5 in German)
FORMAT_VALUE = "0.0"
FORMAT_SCORE = "0.00"
FORMAT_COUNT = "#,##0"
#: key of DataFrame.attrs holding {column: number format} for write_workbook
FORMATS = "number_formats"


def german_date(text: object) -> str:
    """'2018-12-31' -> '31.12.2018'; other text unchanged."""
    parts = str(text or "").split("-")
    if len(parts) == 3 and all(p.isdigit() for p in parts):
        return f"{parts[2]}.{parts[1]}.{parts[0]}"
    return str(text or "")


def workbook_note(source: str = "") -> str:
    """The line under every sheet: what "." and "–" mean, and the source."""
    note = f"„{SUPPRESSED}“ = nicht bewertet (Geheimhaltung / zu wenige Einwohner); „{MISSING}“ = kein Wert."
    return note + (" " + source if source else "")


def _cells(series: pd.Series, secret: pd.Series) -> list[object]:
    out: list[object] = []
    for value, hide in zip(series.tolist(), secret.tolist()):
        if hide:
            out.append(SUPPRESSED)
        elif value is None or (isinstance(value, float) and np.isnan(value)):
            out.append(MISSING)
        else:
            out.append(value)
    return out


def workbook_sheets(frame: pd.DataFrame, recipe: "Recipe", rule: SecrecyRule, key_field: str, name_field: str,
                    source: Optional[str] = None, data_date: Optional[str] = None) -> dict[str, pd.DataFrame]:
    """{sheet name: DataFrame} of the package tables (secrecy applied).

    ``source`` and ``data_date`` (e.g. SOURCE and DATE of the algorithm, with the licence of the
    geometry) replace the recipe's for the "Quellen" sheet. Each DataFrame carries the Excel number
    formats of its columns in ``attrs[FORMATS]``.
    """
    secret = secret_mask(frame, rule)
    base = pd.DataFrame({"Schlüssel": frame[key_field].tolist() if key_field in frame else None,
                         "Name": frame[name_field].tolist() if name_field in frame else None})
    pop = recipe.metadata.population_field
    ind = base.copy()
    ind_formats: dict[str, str] = {}
    if pop and pop in frame:
        ind["Einwohner"] = _cells(pd.to_numeric(frame[pop], errors="coerce"), pd.Series(False, index=frame.index))
        ind_formats["Einwohner"] = FORMAT_COUNT
    for i in recipe.indicators:
        if i.field in frame:
            head = f"{i.label or i.id} ({i.unit})" if i.unit else (i.label or i.id)
            ind[head] = _cells(pd.to_numeric(frame[i.field], errors="coerce"), secret)
            ind_formats[head] = FORMAT_VALUE
    idx = base.copy()
    idx_formats: dict[str, str] = {}
    classes: list[dict[str, object]] = []
    for s in recipe.indices:
        if s.id + "_score" in frame:
            head = f"{s.label or s.id} (Wert)"
            idx[head] = _cells(pd.to_numeric(frame[s.id + "_score"], errors="coerce"), secret)
            idx_formats[head] = FORMAT_SCORE
        if s.id + "_class" in frame:
            values = frame[s.id + "_class"].where(~secret, "nicht bewertet")
            idx[f"{s.label or s.id} (Klasse)"] = values.fillna(MISSING).tolist()
            counts = values.fillna("keine Daten").value_counts()
            special = ["nicht bewertet", "keine Daten"]
            # a class field left by an earlier run of a recipe that no longer classifies this index: its classes
            # as found (sorted) instead of the recipe's order
            labels = (list(s.classification.labels) if s.classification is not None
                      else sorted((v for v in counts.index if v not in special), key=str))
            order = labels + special
            for label in order:
                if label in counts:
                    classes.append({"Index": s.label or s.id, "Klasse": label, "Gebiete": int(counts[label])})
    for t in recipe.typologies:
        if t.id in frame:
            idx[t.label or t.id] = frame[t.id].where(~secret, "nicht bewertet").fillna(MISSING).tolist()
    date = german_date(data_date or recipe.metadata.data_date)
    sources = pd.DataFrame([{"Indikator": i.label or i.id, "Feld": i.field, "Einheit": i.unit,
                             "Beschreibung": i.description, "Quelle": source or recipe.metadata.source,
                             "Datenstand": date} for i in recipe.indicators])
    ind.attrs[FORMATS] = ind_formats
    idx.attrs[FORMATS] = idx_formats
    return {"Indikatoren": ind, "Index": idx, "Klassen": pd.DataFrame(classes), "Quellen": sources}


def _shown(value: object, number_format: Optional[str]) -> str:
    """Roughly the text Excel shows, for the column width."""
    if isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(value, bool) and number_format:
        decimals = len(number_format.split(".")[1]) if "." in number_format else 0
        return "{:,.{d}f}".format(float(value), d=decimals)
    return str(value)


def write_workbook(sheets: Mapping[str, pd.DataFrame], path: StrPath, note: str = "") -> str:
    """Write ``sheets`` to the .xlsx ``path`` atomically (bold header, frozen first row, column widths,
    the number formats of ``attrs[FORMATS]``; "." and "–" right-aligned like the numbers)."""
    try:
        from openpyxl import Workbook
        from openpyxl.styles import Alignment, Font
    except ImportError:
        raise ExportError(tr("Writing Excel files needs the Python package openpyxl (python3-openpyxl).")) from None
    wb = Workbook()
    wb.remove(wb.active)
    right = Alignment(horizontal="right")
    for name, df in sheets.items():
        ws = wb.create_sheet(name)
        ws.append(list(df.columns))
        for cell in ws[1]:
            cell.font = Font(bold=True)
        for row in df.itertuples(index=False):
            ws.append([None if (isinstance(v, float) and np.isnan(v)) else v for v in row])
        formats = df.attrs.get(FORMATS, {})
        for i, col in enumerate(df.columns, start=1):
            number_format = formats.get(col)
            if number_format:
                for (cell,) in ws.iter_rows(min_row=2, max_row=len(df) + 1, min_col=i, max_col=i):
                    if isinstance(cell.value, str):
                        cell.alignment = right  # "." / "–" in a column of numbers
                    else:
                        cell.number_format = number_format
            shown = [_shown(v, number_format) for v in df[col].tolist()[:500]]
            width = max([len(str(col))] + [len(v) for v in shown]) + 2
            ws.column_dimensions[ws.cell(1, i).column_letter].width = min(width, 60)
        if note:
            ws.append([])
            ws.append([note])
    with atomic_path(path) as tmp:
        wb.save(tmp)
    return str(path)
