"""The Excel workbook of a committee package: tables with units and sources, secrecy applied.

Sheets: "Indikatoren" (key, name, population, indicator values), "Index" (scores and classes),
"Klassen" (districts per class), "Quellen" (indicator, unit, direction, source, data date).
Secret districts show "." instead of every number and "nicht bewertet" instead of a class;
numbers stay numbers (not text) everywhere else so the tables can be recalculated.
Written with openpyxl to a temporary file, then moved into place.
"""

import numpy as np
import pandas as pd

from .errors import ExportError
from .files import atomic_path
from .i18n import tr
from .secrecy import SUPPRESSED, secret_mask


def _cells(series, secret):
    out = []
    for value, hide in zip(series.tolist(), secret.tolist()):
        if hide:
            out.append(SUPPRESSED)
        elif value is None or (isinstance(value, float) and np.isnan(value)):
            out.append(None)
        else:
            out.append(value)
    return out


def workbook_sheets(frame, recipe, rule, key_field, name_field):
    """{sheet name: DataFrame} of the package tables (secrecy applied)."""
    secret = secret_mask(frame, rule)
    base = pd.DataFrame({"Schlüssel": frame[key_field].tolist() if key_field in frame else None,
                         "Name": frame[name_field].tolist() if name_field in frame else None})
    pop = recipe.metadata.population_field
    ind = base.copy()
    if pop and pop in frame:
        ind["Einwohner"] = _cells(pd.to_numeric(frame[pop], errors="coerce"), pd.Series(False, index=frame.index))
    for i in recipe.indicators:
        if i.field in frame:
            head = "{} ({})".format(i.label or i.id, i.unit) if i.unit else (i.label or i.id)
            ind[head] = _cells(pd.to_numeric(frame[i.field], errors="coerce"), secret)
    idx = base.copy()
    classes = []
    for s in recipe.indices:
        if s.id + "_score" in frame:
            idx["{} (Wert)".format(s.label or s.id)] = _cells(frame[s.id + "_score"].astype(float), secret)
        if s.id + "_class" in frame:
            values = frame[s.id + "_class"].where(~secret, "nicht bewertet")
            idx["{} (Klasse)".format(s.label or s.id)] = values.tolist()
            counts = values.fillna("keine Daten").value_counts()
            order = list(s.classification.labels) + ["nicht bewertet", "keine Daten"]
            for label in order:
                if label in counts:
                    classes.append({"Index": s.label or s.id, "Klasse": label, "Gebiete": int(counts[label])})
    for t in recipe.typologies:
        if t.id in frame:
            idx[t.label or t.id] = frame[t.id].where(~secret, "nicht bewertet").tolist()
    sources = pd.DataFrame([{"Indikator": i.label or i.id, "Feld": i.field, "Einheit": i.unit,
                             "Beschreibung": i.description, "Quelle": recipe.metadata.source,
                             "Datenstand": recipe.metadata.data_date} for i in recipe.indicators])
    return {"Indikatoren": ind, "Index": idx, "Klassen": pd.DataFrame(classes), "Quellen": sources}


def write_workbook(sheets, path, note=""):
    """Write ``sheets`` to the .xlsx ``path`` atomically (bold header, frozen first row, column widths)."""
    try:
        from openpyxl import Workbook
        from openpyxl.styles import Font
    except ImportError:
        raise ExportError(tr("Writing Excel files needs the Python package openpyxl (python3-openpyxl).")) from None
    wb = Workbook()
    wb.remove(wb.active)
    for name, df in sheets.items():
        ws = wb.create_sheet(name)
        ws.append(list(df.columns))
        for cell in ws[1]:
            cell.font = Font(bold=True)
        for row in df.itertuples(index=False):
            ws.append([None if (isinstance(v, float) and np.isnan(v)) else v for v in row])
        ws.freeze_panes = "A2"
        for i, col in enumerate(df.columns, start=1):
            width = max([len(str(col))] + [len(str(v)) for v in df[col].tolist()[:500]]) + 2
            ws.column_dimensions[ws.cell(1, i).column_letter].width = min(width, 60)
        if note:
            ws.append([])
            ws.append([note])
    with atomic_path(path) as tmp:
        wb.save(tmp)
    return str(path)
