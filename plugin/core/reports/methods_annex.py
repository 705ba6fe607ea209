"""The methods annex of a committee package, generated from the recipe, in German (HTML text).

States everything a reader needs to judge the index: indicators with direction, weight, unit and
description; the treatment of missing values and outliers; the reference rules (minimum
population, exclusions); the standardisation; aggregation and class thresholds; typologies;
data sources and dates. The HTML is simple (headings, paragraphs, tables) so Qt can print it.
"""
from collections.abc import Sequence
from html import escape
from typing import TYPE_CHECKING, Optional

from ..maps.classes import format_number

if TYPE_CHECKING:
    from ..recipe.indices import Classification, IndexSpec, Typology
    from ..recipe.load import Recipe

DIRECTION = {"higher_is_worse": "höher = ungünstiger", "higher_is_better": "höher = günstiger"}
NORMALISATION = {
    "zscore": "z-Standardisierung (Abweichung vom Mittelwert in Standardabweichungen)",
    "minmax": "Min-Max-Skalierung", "rank": "Perzentilrang", "distance": "Abstand zum Referenzwert",
    "none": "keine Standardisierung",
}
AGGREGATION = {"sum": "Summe", "mean": "Mittelwert", "weighted_mean": "gewichteter Mittelwert",
               "geometric_mean": "geometrisches Mittel"}
CLASS_METHOD = {"fixed": "feste Schwellenwerte", "manual": "manuelle Schwellenwerte", "quantile": "Quantile",
                "jenks": "natürliche Brüche (Jenks)", "equal_interval": "gleiche Intervalle",
                "sd": "Standardabweichungen"}
IMPUTE = {"none": "keine Ersetzung (Gebiet wird nicht bewertet)", "mean": "Mittelwert", "median": "Median",
          "group_mean": "Mittelwert der Gruppe"}


CELL = 'style="border: 1px solid #808080"'


#: text width of the annex page: A4 minus the 20 mm page margins of annex_pdf and the 2 cm that
#: QTextDocument.print_ adds on each side; a generous width per character of the 8 pt table font
#: (DejaVu Sans averages 1.5 mm, bold 1.7 mm) plus cell padding, in mm
TEXT_WIDTH_MM = 130.0
CHAR_MM, BOLD_CHAR_MM, PADDING_MM = 1.85, 2.0, 3.0


def _longest_word(value: object) -> int:
    lines = value if isinstance(value, list) else [value]
    words = [w for line in lines for w in str(line).replace("\u200b", " ").split()]
    return max((len(w) for w in words), default=0)


def column_widths(headers: Sequence[object], rows: Sequence[Sequence[object]], preferred: Sequence[float]
                  ) -> list[int]:
    """Column widths (percent of the page) from ``preferred``, widened so every column holds its
    longest word (headers in bold): Qt breaks a word that does not fit in the middle ('Prozentpun-
    kte'); the other columns give up the room in proportion, never below their own longest word."""
    need = []
    for col, header in enumerate(headers):
        mm = max([_longest_word(header) * BOLD_CHAR_MM] + [_longest_word(row[col]) * CHAR_MM for row in rows])
        need.append(100.0 * (mm + PADDING_MM) / TEXT_WIDTH_MM)
    widths = [max(p, n) for p, n in zip(preferred, need)]
    excess = sum(widths) - 100.0
    spare = [w - n for w, n in zip(widths, need)]
    if excess > 0 and sum(spare) > 0:
        share = min(1.0, excess / sum(spare))
        widths = [w - s * share for w, s in zip(widths, spare)]
    return [round(w) for w in widths]


def _table(headers: Sequence[object], rows: Sequence[Sequence[object]], preferred: Sequence[float],
           heading: str = "") -> str:
    """An HTML table whose header rows (``<thead>``) Qt never splits and repeats on a new page; the
    ``heading`` is the first header row, so it never stays alone at the foot of a page. Column widths
    start from ``preferred`` (percent) and leave every column room for its longest word
    (``column_widths``). Cells hold escaped text; a list becomes one line per entry."""
    widths = column_widths(headers, rows, preferred)

    def cell(tag: str, value: object, width: Optional[float] = None) -> str:
        lines = value if isinstance(value, list) else [value]
        size = f' width="{width}%"' if width else ""
        return "<{t}{w} {c}>{v}</{t}>".format(t=tag, w=size, c=CELL, v="<br/>".join(escape(str(v)) for v in lines))

    head = ""
    if heading:
        head = (f'<tr><th colspan="{len(headers)}" style="background-color: #ffffff; font-size: 12pt; '
                'text-align: left; '
                f'padding-left: 0px; padding-top: 10px">{escape(heading)}</th></tr>')
    head += "<tr>" + "".join(cell("th", h, w) for h, w in zip(headers, widths)) + "</tr>"
    body = "".join("<tr>" + "".join(cell("td", c) for c in row) + "</tr>" for row in rows)
    return ('<table border="0" cellspacing="0" cellpadding="3" width="100%" style="border-collapse: collapse">'
            f'<thead>{head}</thead>{body}</table>')


def _breakable(name: object) -> str:
    """A field name that may wrap after '_' (zero-width space): long names are one 'word' to Qt."""
    return str(name).replace("_", "_\u200b")


def _num(v: float) -> str:
    text = format_number(v, 2)
    text = text.rstrip("0").rstrip(",") if "," in text else text
    return text.replace("-", "\u2212")  # a real minus sign: "−1" does not read as a dash


def _method_text(cls: "Classification") -> str:
    """How the class thresholds are found, e.g. 'feste Schwellenwerte' or 'Quintile der Referenzgebiete'."""
    if cls.method in ("fixed", "manual"):
        unit = " in Standardabweichungen um den Mittelwert" if cls.units == "sd" else ""
        return f"{CLASS_METHOD[cls.method]}{unit}"
    extra = f" (Schritt {_num(cls.step)} SD)" if cls.method == "sd" else ""
    return f"{CLASS_METHOD[cls.method]} mit {cls.n} Klassen{extra}, berechnet aus den Werten der Referenzgebiete"


def class_ranges(cls: "Classification") -> list[str]:
    """One line per class, lowest index value first, with its range of index values:
    ['hoch: unter −1', 'mittel: ab −1 bis 1', 'niedrig: über 1 bis 1,5', 'sehr niedrig: über 1,5'].

    A value exactly on a threshold belongs to the class that ``equal_goes`` names: 'bis 1' includes
    1, 'unter −1' excludes it ('ab −1' then starts the next class). Computed thresholds (quantiles …)
    are not known before the data, so those classes are listed in order only."""
    if cls.method not in ("fixed", "manual"):
        return list(cls.labels)
    breaks = list(cls.breaks)
    goes = cls.equal_goes if isinstance(cls.equal_goes, list) else [cls.equal_goes] * len(breaks)
    lines = []
    for i, label in enumerate(cls.labels):
        parts = []
        if i > 0:
            parts.append(("ab {}" if goes[i - 1] == "upper" else "über {}").format(_num(breaks[i - 1])))
        if i < len(breaks):
            parts.append(("bis {}" if goes[i] == "lower" else "unter {}").format(_num(breaks[i])))
        lines.append("{}: {}".format(label, " ".join(parts)))
    return lines


def _direction(spec: "IndexSpec") -> str:
    return ("höherer Indexwert = ungünstigere Lage" if spec.higher_means == "worse"
            else "höherer Indexwert = günstigere Lage")


def methods_annex_html(recipe: "Recipe", title: str = "Methodenanhang", source: Optional[str] = None,
                       data_date: Optional[str] = None) -> str:
    """The annex as an HTML document (UTF-8 text).

    ``source`` and ``data_date`` are those printed on the maps (SOURCE and DATE of the algorithms,
    e.g. with the licence of the geometry); they replace the recipe's, which only name the statistics."""
    m = recipe.metadata
    data_date = data_date or m.data_date
    out = [f"<html><head><meta charset='utf-8'><title>{escape(title)}</title></head><body>",
           f"<h1>{escape(title)}</h1>"]
    if m.title:
        out.append(f"<p><b>{escape(m.title)}</b></p>")
    if m.description:
        out.append(f"<p>{escape(m.description)}</p>")
    out.append("<h2>Datengrundlage</h2>")
    stand = f"; Datenstand: {escape(_german_date(data_date))}" if data_date else ""
    out.append("<p>{}{}</p>".format(escape(source or m.source or "Quelle nicht angegeben."), stand))
    out.append(_table(["Indikator (Feld)", "Einheit", "Richtung, Gewicht", "Beschreibung"],
                      [[f"{i.label or i.id} ({_breakable(i.field)})", i.unit,
                        [DIRECTION[i.direction] + ";", f"Gewicht {_num(i.weight)}"], i.description]
                       for i in recipe.indicators],
                      [30, 18, 20, 32], heading="Indikatoren"))
    t = recipe.treatment
    out.append("<h2>Aufbereitung</h2><ul>")
    if t.missing_codes:
        out.append("<li>Fehlwert-Codes: {}</li>".format(escape(", ".join(_num(c) for c in t.missing_codes))))
    if t.missing_if_all_equal:
        out.append("<li>Ein Gebiet, dessen Indikatoren alle {} sind, gilt als ohne Werte.</li>".format(
            escape(" bzw. ".join(_num(c) for c in t.missing_if_all_equal))))
    out.append(f"<li>Fehlende Werte: {escape(IMPUTE[t.impute])}</li>")
    if t.winsorise is not None:
        w = t.winsorise
        if w.method == "sd":
            text = f"Ausreißer werden bei Mittelwert ± {_num(w.k)} SD begrenzt"
        elif w.method == "mad":
            text = (f"Ausreißer werden bei Median ± {_num(w.k)} · 1,4826 · MAD (mittlere absolute Abweichung vom "
                    "Median) begrenzt")
        else:
            text = f"Ausreißer werden auf das {_num(w.lower)}. und {_num(w.upper)}. Perzentil begrenzt"
        out.append(f"<li>{escape(text)}</li>")
    if t.transform != "none":
        out.append(f"<li>Transformation: {escape(t.transform)}</li>")
    out.append("</ul>")
    r = recipe.reference
    out.append("<h2>Bewertete Gebiete und Geheimhaltung</h2><ul>")
    if r.min_population is not None:
        out.append(f"<li>Gebiete mit weniger als {escape(format_number(r.min_population, 0))} Einwohnern "
                   f"({escape(m.population_field)}) werden nicht bewertet; ihre Werte erscheinen "
                   "in Tabellen als „.“ und in Karten schraffiert.</li>")
    for key, reason in r.exclude_keys.items():
        out.append(f"<li>Ausgeschlossen: {escape(key)} – {escape(reason)}</li>")
    out.append("<li>Gebiete ohne Wert erscheinen in Tabellen als „–“.</li>")
    out.append("<li>Mittelwert und Standardabweichung werden nur über die bewerteten Gebiete berechnet.</li></ul>")
    n = recipe.normalisation
    sd = "Populations-Standardabweichung" if n.sd == "population" else "Stichproben-Standardabweichung"
    out.append("<h2>Standardisierung</h2><p>{}{}{}.</p>".format(
        escape(NORMALISATION[n.method]), ", " + sd if n.method == "zscore" else "",
        ", gewichtet mit der Einwohnerzahl" if n.weighted else ""))
    rows: list[list[object]] = []
    for s in recipe.indices:
        cls = s.classification
        method = [AGGREGATION[s.aggregation] + (", erneut standardisiert" if s.restandardise else "") + ";",
                  _direction(s) + ";", "Klassen: " + (_method_text(cls) if cls else "keine")]
        rows.append([s.label or s.id, _members_text(recipe, s), method, class_ranges(cls) if cls else "–"])
    out.append(_table(["Index", "Indikatoren", "Berechnung", "Klassen nach Indexwert (vom niedrigsten zum höchsten)"],
                      rows, [18, 16, 32, 34], heading="Indizes und Klassen"))
    for typ in recipe.typologies:
        out.append(f"<p>{_typology_text(recipe, typ)}</p>")
    out.append("<p><i>Erzeugt mit dem QGIS-Plugin Sozialmonitor aus dem Rezept {}.</i></p>".format(
        escape(recipe.source_path.rsplit("/", 1)[-1] if recipe.source_path else "")))
    out.append("</body></html>")
    return "\n".join(out)


WEIGHTS_FROM = {"pca_first_component": "erste Hauptkomponente je Domäne (quadrierte Ladungen)",
                "equal_within_domain": "gleich innerhalb jeder Domäne"}


def _members_text(recipe: "Recipe", spec: "IndexSpec") -> str:
    """Indicators, sub-indices and (when set) the weights of this level and where they came from."""
    parts = [", ".join(_breakable(i) for i in spec.indicators)] if spec.indicators else []
    if spec.sub_indices:
        parts.append("Teilindizes: " + ", ".join(escape(recipe.index(i).label or i) for i in spec.sub_indices))
    if spec.weights:
        parts.append("Gewichte: " + ", ".join(f"{_breakable(k)} {_num(v)}" for k, v in spec.weights.items()))
    if spec.weights_from:
        f = spec.weights_from
        parts.append("berechnet: {} (n = {}{})".format(escape(WEIGHTS_FROM.get(f["method"], f["method"])), f["n"],
                                                      ", " + escape(f["date"]) if f.get("date") else ""))
    return "; ".join(parts)


def _typology_text(recipe: "Recipe", typ: "Typology") -> str:
    """'Status-Dynamik-Index: Kombination aus … Code aus Zeile und Spalte, z. B. „2+/-“ = Status mittel, …'"""
    rows_spec, cols_spec = recipe.index(typ.rows), recipe.index(typ.columns)
    text = (f"<b>{escape(typ.label or typ.id)}</b>: Kombination aus {escape(rows_spec.label or typ.rows)} "
            f"(Zeilen) und {escape(cols_spec.label or typ.columns)} (Spalten).")
    rows, cols = rows_spec.classification, cols_spec.classification
    if rows is None or cols is None or not rows.codes or not cols.codes:
        return text
    r, c = min(1, len(rows.codes) - 1), len(cols.codes) // 2
    example = typ.render(typ.code, rows.codes[r], rows.labels[r], cols.codes[c], cols.labels[c])
    meaning = typ.names.get(example) or typ.render(typ.label_template, rows.codes[r], rows.labels[r],
                                                   cols.codes[c], cols.labels[c])
    text += (" Jedes Gebiet erhält einen Code aus dem Code seiner Zeile und dem seiner Spalte, "
             f"z. B. „{escape(example)}“ = {escape(meaning)}.")
    text += " Zeilen: {}; Spalten: {}.".format(
        escape(", ".join(f"{code} = {label}" for code, label in zip(rows.codes, rows.labels))),
        escape(", ".join(f"{code} = {label}" for code, label in zip(cols.codes, cols.labels))))
    return text


def _german_date(text: object) -> str:
    parts = str(text).split("-")
    if len(parts) == 3 and all(p.isdigit() for p in parts):
        return f"{parts[2]}.{parts[1]}.{parts[0]}"
    return str(text)
